"""Baselines: record today's findings so that only new ones are reported.

Entries match findings by rule, file and the normalised text they are about (see
report/fingerprints.py), with a count for repeats, so adding or moving paragraphs
elsewhere in an article does not bring old findings back.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter

from .report.fingerprints import fingerprint

DEFAULT_FILE = ".skincare-lint-baseline.json"


class BaselineError(Exception):
    pass


def _key(finding) -> tuple[str, str, str]:
    path = finding.path.replace("\\", "/")
    return (path, finding.rule, fingerprint(finding.rule, path, finding.quote or finding.rule))


def write(results, path: str) -> int:
    counts = Counter(_key(f) for r in results for f in r.findings if f.rule != "stale-baseline")
    entries = [
        {"path": p, "rule": rule, "fingerprint": fp, "count": n}
        for (p, rule, fp), n in sorted(counts.items())
    ]
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump({"version": 1, "findings": entries}, out, indent=2)
        out.write("\n")
    os.replace(temporary, path)
    return sum(counts.values())


def load(path: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline ({exc.strerror})") from None
    except ValueError as exc:
        raise BaselineError(f"{path}: not a baseline file ({exc})") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != 1:
        raise BaselineError(f"{path}: not a version 1 skincare-lint baseline")
    for i, entry in enumerate(entries):
        if not (
            isinstance(entry, dict)
            and all(isinstance(entry.get(k), str) for k in ("path", "rule", "fingerprint"))
            and isinstance(entry.get("count"), int)
        ):
            raise BaselineError(f"{path}: findings[{i}] needs path, rule, fingerprint and count")
    return entries


def apply(results, entries: list[dict]) -> list[tuple[str, dict]]:
    """Drop findings the baseline knows; return (path, entry) for entries left unused."""
    remaining = Counter()
    for entry in entries:
        remaining[(entry["path"], entry["rule"], entry["fingerprint"])] += entry["count"]
    for result in results:
        kept = []
        for finding in result.findings:
            key = _key(finding)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(finding)
        result.findings = kept
    linted = {r.path.replace("\\", "/") for r in results if not r.error}
    stale = []
    for (path, rule, _), count in remaining.items():
        if count > 0 and path in linted:
            stale.append((path, {"rule": rule, "count": count}))
    return stale
