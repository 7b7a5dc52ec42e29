"""SARIF 2.1.0 for GitHub code scanning and other dashboards."""

from __future__ import annotations

import json

from .. import __version__
from ..checks import RULES
from .fingerprints import fingerprint

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule(rule) -> dict:
    help_text = (
        f"{rule.what}\n\nWhy it matters: {rule.why}\n\nExample that fires:\n{rule.example}\n\n"
        f"Instead: {rule.instead}"
    )
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": help_text, "markdown": help_text.replace("\n", "  \n")},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def _location(path: str, line: int, column: int, end_line=None, end_column=None) -> dict:
    region = {"startLine": line, "startColumn": column}
    if end_line is not None:
        region.update(endLine=end_line, endColumn=max(end_column, 1))
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": path.replace("\\", "/")},
            "region": region,
        }
    }


def render(results, summary, context) -> str:
    rules = list(RULES.values())
    index = {rule.id: i for i, rule in enumerate(rules)}
    sarif_results = []
    for result in results:
        for f in result.findings:
            entry = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": _LEVEL[f.severity],
                "message": {"text": f.message + (f"\nFix: {f.hint}" if f.hint else "")},
                "locations": [_location(f.path, f.line, f.column, f.end_line, f.end_column)],
                "partialFingerprints": {
                    "skincareLintFinding/v1": fingerprint(f.rule, f.path, f.quote or f.rule)
                },
            }
            if f.related:
                entry["relatedLocations"] = [
                    {
                        "id": i + 1,
                        **_location(r.path, r.line, r.column),
                        "message": {"text": r.message},
                    }
                    for i, r in enumerate(f.related)
                ]
            sarif_results.append(entry)
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{r.path}: {r.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": r.path}}}],
        }
        for r in results
        if r.error
    ]
    run = {
        "tool": {
            "driver": {
                "name": "skincare-lint",
                "version": __version__,
                "informationUri": "https://pypi.org/project/skincare-lint/",
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
    }
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
