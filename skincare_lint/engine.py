"""Lint one article: read, parse, analyse, check, then apply settings and suppressions."""

from __future__ import annotations

from dataclasses import dataclass, field

from .analysis import analyse
from .checks import CHECKS, RULES, Context
from .discovery import is_plain_text
from .document import parse
from .findings import Finding
from .source import InputError, read_source
from .suppressions import Suppressor


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # why the file could not be linted


def lint_text(path: str, text: str, policy, settings: dict[str, str], selected) -> list[Finding]:
    """Findings for one article's text under the given rule settings."""
    document = parse(text, plain=is_plain_text(path))
    context = Context(path, analyse(document, policy))
    suppressor = Suppressor(document)
    findings = []
    for rule_id, check in CHECKS.items():
        setting = settings.get(rule_id)
        if setting == "off" or rule_id not in selected:
            continue
        for finding in check(context):
            if suppressor.suppressed(rule_id, finding.line):
                continue
            if setting:
                finding = _with_severity(finding, setting)
            findings.append(finding)
    findings.sort(key=Finding.sort_key)
    return findings


def _with_severity(finding: Finding, severity: str) -> Finding:
    from dataclasses import replace

    return replace(finding, severity=severity)


def lint_file(path: str, policy, settings, selected, text: str | None = None) -> FileResult:
    try:
        if text is None:
            text = read_source(path).text
        return FileResult(path, lint_text(path, text, policy, settings, selected))
    except InputError as exc:
        return FileResult(path, error=str(exc))
    except RecursionError:
        return FileResult(path, error="is nested too deeply to parse")


def all_rule_ids() -> tuple[str, ...]:
    return tuple(RULES)
