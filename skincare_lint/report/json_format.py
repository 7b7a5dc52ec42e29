"""Machine-readable JSON: the contract other tools parse (version 1)."""

from __future__ import annotations

import json


def finding_dict(finding) -> dict:
    data = {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
    }
    if finding.hint:
        data["hint"] = finding.hint
    data["related"] = [
        {"path": r.path, "line": r.line, "column": r.column, "message": r.message}
        for r in finding.related
    ]
    return data


def render(results, summary, context) -> str:
    findings = [finding_dict(f) for r in results for f in r.findings]
    errors = [{"path": r.path, "message": r.error} for r in results if r.error]
    document = {
        "version": 1,
        "findings": findings,
        "summary": {
            "files": summary.files,
            "findings": summary.findings,
            "by_rule": summary.by_rule,
            "by_severity": summary.by_severity,
        },
    }
    if errors:
        document["errors"] = errors
    return json.dumps(document, indent=2, ensure_ascii=False)
