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
    """Answers whether a finding on a line is suppressed for its rule, and remembers
    which comments did suppress something, so that unused ones can be reported."""

    def __init__(self, document: Document) -> None:
        self.directives = directives(document)
        self.file_rules: list[tuple[str, int]] = []  # (rule, directive index)
        self.lines: dict[int, list[tuple[str, int]]] = {}
        self.ranges: list[tuple[str, int, int, int]] = []  # rule, first, last, directive
        self.used: set[int] = set()
        text_lines = document.lines
        open_ranges: dict[str, tuple[int, int]] = {}
        for index, d in enumerate(self.directives):
            if d.action == "disable-file":
                self.file_rules += [(rule, index) for rule in d.rules]
            elif d.action == "disable-line":
                self.lines.setdefault(d.line, []).extend((rule, index) for rule in d.rules)
            elif d.action == "disable-next-line":
                target = _next_non_blank(document.text, text_lines, d.line + 1)
                if target:
                    self.lines.setdefault(target, []).extend((rule, index) for rule in d.rules)
            elif d.action == "disable":
                for rule in d.rules:
                    open_ranges.setdefault(rule, (d.line, index))
            else:  # enable
                self.used.add(index)  # an enable comment is never itself "unused"
                closing = list(open_ranges) if ALL in d.rules else d.rules
                for rule in closing:
                    opened = open_ranges.pop(rule, None)
                    if opened is not None:
                        self.ranges.append((rule, opened[0], d.line, opened[1]))
        for rule, (start, index) in open_ranges.items():
            self.ranges.append((rule, start, 1 << 30, index))

    def suppressed(self, rule: str, line: int) -> bool:
        for name, index in self.file_rules:
            if name in (ALL, rule):
                self.used.add(index)
                return True
        for name, index in self.lines.get(line, ()):
            if name in (ALL, rule):
                self.used.add(index)
                return True
        for name, first, last, index in self.ranges:
            if name in (ALL, rule) and first <= line <= last:
                self.used.add(index)
                return True
        return False

    def unused(self, ran: set[str]) -> list[Directive]:
        """Comments that silenced nothing, among those naming a rule that ran."""
        return [
            d
            for i, d in enumerate(self.directives)
            if i not in self.used and any(r == ALL or r in ran for r in d.rules)
        ]


def _next_non_blank(text: str, lines, line: int) -> int | None:
    while line <= lines.line_count:
        start = lines.starts[line - 1]
        end = lines.starts[line] if line < lines.line_count else len(text)
        if text[start:end].strip():
            return line
        line += 1
    return None
