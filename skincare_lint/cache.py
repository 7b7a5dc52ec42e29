"""A result cache keyed by file content, policy, settings and code.

A second run over an unchanged content repository should cost little more than
reading the files. Results live in `.skincare-lint-cache/` beside the configuration
(or in the current directory): one JSON file per policy fingerprint, mapping a key
made of the article's bytes, its path and its rule settings to its findings. The
folder is safe to delete at any time; `--no-cache` skips it. Writes are atomic, so an
interrupted run never leaves a broken cache behind, and a cache that cannot be read
is treated as empty.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from . import __version__
from .findings import Finding, Related

CACHE_DIR = ".skincare-lint-cache"


@functools.cache
def code_fingerprint() -> str:
    """The version and the bytes of the package's modules: an install from a
    checkout between releases must not be served results an older reading gave."""
    package = Path(__file__).resolve().parent
    sources = sorted(package.rglob("*.py"))
    return fingerprint(__version__, *(p.read_bytes() for p in sources))


def fingerprint(*parts: bytes | str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _to_json(finding: Finding) -> list:
    return [
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.rule,
        finding.severity,
        finding.message,
        finding.hint,
        [[r.line, r.column, r.message] for r in finding.related],
        finding.quote,
    ]


def _from_json(path: str, data: list) -> Finding:
    line, column, end_line, end_column, rule, severity, message, hint, related, quote = data
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule,
        severity=severity,
        message=message,
        hint=hint,
        related=tuple(Related(path, *r) for r in related),
        quote=quote,
    )


class ResultCache:
    """Findings by (content, path, settings), for one policy and one code version."""

    def __init__(self, root: Path, policy_fingerprint: str) -> None:
        self.folder = root / CACHE_DIR
        key = fingerprint(code_fingerprint(), policy_fingerprint)
        self.file = self.folder / f"results-{key}.json"
        self.entries: dict[str, list] = {}
        self.changed = False
        try:
            with open(self.file, encoding="utf-8") as handle:
                loaded = json.load(handle)
            if isinstance(loaded, dict):
                self.entries = loaded
        except (OSError, ValueError):
            self.entries = {}

    @staticmethod
    def key(data: bytes, path: str, settings: dict, selected) -> str:
        return fingerprint(
            data, path, json.dumps(settings, sort_keys=True), ",".join(sorted(selected))
        )

    def get(self, key: str, path: str) -> list[Finding] | None:
        stored = self.entries.get(key)
        if stored is None:
            return None
        try:
            return [_from_json(path, item) for item in stored]
        except (TypeError, ValueError):
            return None

    def put(self, key: str, findings: list[Finding]) -> None:
        self.entries[key] = [_to_json(f) for f in findings]
        self.changed = True

    def save(self) -> None:
        """Write atomically; a cache that cannot be written is simply not kept."""
        if not self.changed:
            return
        try:
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by skincare-lint; safe to delete\n*\n")
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self.entries, out, separators=(",", ":"))
            os.replace(temporary, self.file)
        except OSError:
            pass
