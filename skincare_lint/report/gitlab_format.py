"""GitLab Code Quality JSON: merge-request widgets and the code quality report."""

from __future__ import annotations

import json

from .fingerprints import fingerprint

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(results, summary, context) -> str:
    issues = []
    for result in results:
        if result.error:
            issues.append(
                {
                    "description": f"{result.path}: {result.error}",
                    "check_name": "unreadable-input",
                    "fingerprint": fingerprint("unreadable-input", result.path, result.error),
                    "severity": "critical",
                    "location": {"path": result.path, "lines": {"begin": 1}},
                }
            )
        for f in result.findings:
            issues.append(
                {
                    "description": f.message,
                    "check_name": f.rule,
                    "fingerprint": fingerprint(f.rule, f.path, f.quote or f.rule),
                    "severity": _SEVERITY[f.severity],
                    "location": {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}},
                }
            )
    return json.dumps(issues, indent=2, ensure_ascii=False)
