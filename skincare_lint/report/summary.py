"""Counts shared by every report format."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    findings: int
    by_rule: dict[str, int]
    by_severity: dict[str, int]
    errors: int  # inputs that could not be read


def summarise(results) -> Summary:
    rules: Counter = Counter()
    severities: Counter = Counter()
    total = 0
    for result in results:
        for finding in result.findings:
            rules[finding.rule] += 1
            severities[finding.severity] += 1
            total += 1
    return Summary(
        files=len(results),
        findings=total,
        by_rule=dict(sorted(rules.items())),
        by_severity={s: severities.get(s, 0) for s in ("error", "warning", "info")},
        errors=sum(1 for r in results if r.error),
    )


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(summary: Summary) -> str:
    parts = [plural(n, s) for s, n in summary.by_severity.items() if n]
    detail = f" ({', '.join(parts)})" if parts else ""
    line = f"{plural(summary.findings, 'finding')}{detail} in {plural(summary.files, 'file')}"
    if summary.errors:
        line += f"; {plural(summary.errors, 'file')} could not be read"
    return line
