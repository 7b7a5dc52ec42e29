"""Project configuration: .skincare-lint.yaml or [tool.skincare-lint] in pyproject.toml.

    fail-on: warning              # error | warning | info | never
    exclude: ["drafts/**"]        # globs, relative to the config file
    rules:
      uncited-claim: error        # error | warning | info | off
    overrides:
      - files: ["legal/**"]
        rules: {missing-professional-notice: off}
    policy: [house-policy.yaml]   # extra terms, aliases, cues, notices, pairings

The file is found from the current directory upward. Anything unknown is an error
that names the file and the key, because a silently ignored setting is worse than none.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .findings import SEVERITIES
from .globs import matches

CONFIG_NAMES = (".skincare-lint.yaml", ".skincare-lint.yml")
FAIL_LEVELS = ("error", "warning", "info", "never")
RULE_SETTINGS = (*SEVERITIES, "off")
_KEYS = ("fail-on", "exclude", "rules", "overrides", "policy", "fix")
_FIX_KEYS = ("notice", "place")


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and key."""


@dataclass(frozen=True, slots=True)
class Override:
    files: tuple[str, ...]
    rules: dict[str, str]


@dataclass(slots=True)
class Config:
    path: str | None = None  # the file it came from, None for defaults
    root: Path = field(default_factory=Path.cwd)  # globs are relative to this
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    rules: dict[str, str] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    policy: tuple[str, ...] = ()  # absolute paths of extra policy files
    notice: str | None = None  # the notice --fix inserts (None: the built-in one)
    notice_place: str = "before-references"  # where --fix inserts it

    def relative(self, path: str) -> str:
        try:
            rel = os.path.relpath(os.path.abspath(path), self.root)
        except ValueError:
            return Path(path).as_posix()
        return Path(rel).as_posix()

    def is_excluded(self, path: str) -> bool:
        rel = self.relative(path)
        return any(matches(p, rel) for p in self.exclude)

    def rule_settings(self, path: str) -> dict[str, str]:
        """Rule settings for one file, with matching overrides applied in order."""
        settings = dict(self.rules)
        rel = self.relative(path)
        for override in self.overrides:
            if any(matches(p, rel) for p in override.files):
                settings.update(override.rules)
        return settings


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file from start (the current directory) upward."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return pyproject
    return None


def _pyproject_section(path: Path):
    import tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return data.get("tool", {}).get("skincare-lint")


def load_config(path: Path | str, known_rules) -> Config:
    path = Path(path)
    label = str(path)
    if path.name == "pyproject.toml":
        import tomllib

        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle).get("tool", {}).get("skincare-lint", {})
        except OSError as exc:
            raise ConfigError(f"{label}: cannot read ({exc.strerror})") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{label}: invalid TOML ({exc})") from None
        label = f"{label} [tool.skincare-lint]"
    else:
        import yaml

        try:
            with open(path, encoding="utf-8") as handle:
                data = yaml.safe_load(handle)
        except OSError as exc:
            raise ConfigError(f"{label}: cannot read ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{label}: not UTF-8 text") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{label}:{mark.line + 1}" if mark else label
            raise ConfigError(
                f"{where}: invalid YAML ({getattr(exc, 'problem', None) or exc})"
            ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{label}: expected a mapping of settings, got {type(data).__name__}")
    return _validate(data, label, path.resolve().parent, known_rules, str(path))


def _string_list(value, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _rules(value, where: str, known_rules) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping of rule id to severity")
    rules = {}
    for rule, setting in value.items():
        if rule not in known_rules:
            raise ConfigError(
                f"{where}: unknown rule '{rule}' (known: {', '.join(sorted(known_rules))})"
            )
        if setting is False:
            setting = "off"
        if setting not in RULE_SETTINGS:
            raise ConfigError(
                f"{where}.{rule}: expected one of {', '.join(RULE_SETTINGS)}, got {setting!r}"
            )
        rules[rule] = setting
    return rules


def _validate(data: dict, label: str, root: Path, known_rules, path: str) -> Config:
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"{label}: unknown key '{key}' (expected one of {', '.join(_KEYS)})")
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise ConfigError(f"{label}: fail-on: expected one of {', '.join(FAIL_LEVELS)}")
    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list):
        raise ConfigError(f"{label}: overrides: expected a list")
    for i, item in enumerate(raw_overrides):
        where = f"{label}: overrides[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: expected a mapping with files and rules")
        for key in item:
            if key not in ("files", "rules"):
                raise ConfigError(f"{where}: unknown key '{key}' (expected files, rules)")
        if "files" not in item:
            raise ConfigError(f"{where}: files is required")
        overrides.append(
            Override(
                _string_list(item["files"], f"{where}.files"),
                _rules(item.get("rules", {}), f"{where}.rules", known_rules),
            )
        )
    policy = tuple(
        str((root / p).resolve()) for p in _string_list(data.get("policy", []), f"{label}: policy")
    )
    notice, place = _fix_settings(data.get("fix", {}), f"{label}: fix")
    return Config(
        path=path,
        root=root,
        fail_on=fail_on,
        exclude=_string_list(data.get("exclude", []), f"{label}: exclude"),
        rules=_rules(data.get("rules", {}), f"{label}: rules", known_rules),
        overrides=tuple(overrides),
        policy=policy,
        notice=notice,
        notice_place=place,
    )


def _fix_settings(value, where: str) -> tuple[str | None, str]:
    from .fix import PLACES

    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping with notice and place")
    for key in value:
        if key not in _FIX_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (expected notice, place)")
    notice = value.get("notice")
    if notice is not None and (not isinstance(notice, str) or not notice.strip()):
        raise ConfigError(f"{where}.notice: expected the text of the notice")
    place = value.get("place", "before-references")
    if place not in PLACES:
        raise ConfigError(f"{where}.place: expected one of {', '.join(PLACES)}")
    return (notice.strip() if notice else None), place
