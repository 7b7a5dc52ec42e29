"""Inline suppression comments: skincare-lint-disable, -enable, -next-line, -file.

    <!-- skincare-lint-disable uncited-claim -->      from here on
    <!-- skincare-lint-enable uncited-claim -->       until here
    <!-- skincare-lint-disable-next-line -->          the next non-blank line
    <!-- skincare-lint-disable-file missing-professional-notice -->

No rule id means every rule. "Next line" is the next non-blank line after the comment,
because formatters often insert a blank line after a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document

_DIRECTIVE = re.compile(
    r"^\s*skincare-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$",
    re.S,
)
ALL = "*"


@dataclass(slots=True)
class Directive:
    action: str
    rules: tuple[str, ...]
    line: int


def directives(document: Document) -> list[Directive]:
    found = []
    for comment in document.comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        names = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r) or (ALL,)
        line = comment.end_line if match.group(1) == "disable-next-line" else comment.line
        found.append(Directive(match.group(1), names, line))
    return found


def unknown_rules(found: list[Directive], known) -> list[tuple[Directive, str]]:
    return [(d, r) for d in found for r in d.rules if r != ALL and r not in known]


class Suppressor:
    """Answers whether a finding on a line is suppressed for its rule."""

    def __init__(self, document: Document) -> None:
        self.file_rules: set[str] = set()
        self.lines: dict[int, set[str]] = {}
        self.ranges: list[tuple[str, int, int]] = []  # rule, first line, last line
        text_lines = document.lines
        open_ranges: dict[str, int] = {}
        for d in directives(document):
            if d.action == "disable-file":
                self.file_rules.update(d.rules)
            elif d.action == "disable-line":
                self.lines.setdefault(d.line, set()).update(d.rules)
            elif d.action == "disable-next-line":
                target = _next_non_blank(document.text, text_lines, d.line + 1)
                if target:
                    self.lines.setdefault(target, set()).update(d.rules)
            elif d.action == "disable":
                for rule in d.rules:
                    open_ranges.setdefault(rule, d.line)
            else:  # enable
                closing = list(open_ranges) if ALL in d.rules else d.rules
                for rule in closing:
                    start = open_ranges.pop(rule, None)
                    if start is not None:
                        self.ranges.append((rule, start, d.line))
        for rule, start in open_ranges.items():
            self.ranges.append((rule, start, 1 << 30))

    def suppressed(self, rule: str, line: int) -> bool:
        if ALL in self.file_rules or rule in self.file_rules:
            return True
        on_line = self.lines.get(line)
        if on_line and (ALL in on_line or rule in on_line):
            return True
        return any(r in (ALL, rule) and a <= line <= b for r, a, b in self.ranges)


def _next_non_blank(text: str, lines, line: int) -> int | None:
    while line <= lines.line_count:
        start = lines.starts[line - 1]
        end = lines.starts[line] if line < lines.line_count else len(text)
        if text[start:end].strip():
            return line
        line += 1
    return None
