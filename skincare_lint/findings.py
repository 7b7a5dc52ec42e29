"""What a rule reports: where, what, why and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class Related:
    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    hint: str = ""
    related: tuple[Related, ...] = field(default=())
    quote: str = ""  # the source text the finding is about, for fingerprints and reports

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule)
