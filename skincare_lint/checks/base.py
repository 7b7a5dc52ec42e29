"""What every rule shares: its description and the context it checks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..analysis import Analysis, Sentence
from ..findings import Finding, Related


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and its documentation, shown by `skincare-lint explain`."""

    id: str
    severity: str
    summary: str
    what: str
    why: str
    example: str  # an article snippet that fires
    instead: str  # what to write instead
    passes: str = ""  # snippets that do not fire


class Context:
    """One article's analysis, with the derived readings computed once on demand."""

    def __init__(self, path: str, analysis: Analysis) -> None:
        self.path = path
        self.analysis = analysis
        self.document = analysis.document
        self.policy = analysis.policy

    @cached_property
    def statements(self):
        from ..stance import find_statements

        return find_statements(self.analysis)

    @cached_property
    def claims(self):
        from ..claims import find_claims

        return find_claims(self.analysis)

    @cached_property
    def notices(self):
        from ..notices import find_notices

        return find_notices(self.analysis)

    def sentence(self, index: int) -> Sentence:
        return self.analysis.sentences[index]

    def position(self, offset: int) -> tuple[int, int]:
        return self.document.lines.position(offset)

    def finding(
        self,
        rule: str,
        severity: str,
        start: int,
        end: int,
        message: str,
        hint: str = "",
        related: tuple[tuple[int, str], ...] = (),
    ) -> Finding:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Finding(
            path=self.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            rule=rule,
            severity=severity,
            message=message,
            hint=hint,
            related=tuple(
                Related(self.path, *self.position(offset), text) for offset, text in related
            ),
            quote=self.document.text[start:end],
        )

    def sentence_finding(self, rule, severity, index, message, hint="", related=()):
        sentence = self.sentence(index)
        start, end = self.analysis.span(sentence)
        return self.finding(rule, severity, start, end, message, hint, related)


def quote(text: str, limit: int = 90) -> str:
    """A sentence shortened for a message, in quotation marks."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"
