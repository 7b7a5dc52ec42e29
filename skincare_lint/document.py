"""Turn an article into prose blocks whose every character maps back to the source.

Rules only ever see prose: the text of paragraphs, headings, list items, table cells
and blockquotes with the Markdown markup taken out. Code, HTML, front matter and link
destinations never reach them. Each block keeps a map from its prose offsets to
absolute offsets in the source, so a finding can point at the exact line and column.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Converts absolute offsets to 1-based (line, column) in characters."""

    __slots__ = ("starts", "length")

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self.starts)


@dataclass(slots=True)
class Block:
    """One unit of prose: a paragraph, heading, list item paragraph or table cell."""

    kind: str  # paragraph | heading | table_cell
    text: str
    # Runs mapping prose offsets to source offsets: (prose_start, source_start).
    # Within a run, offsets advance together; a run ends where the next begins.
    runs: list[tuple[int, int]]
    line: int  # 1-based source line where the block starts
    in_list: bool = False
    in_quote: bool = False
    list_id: int = -1  # which list the block belongs to (-1: none)
    section: int = 0  # index of the heading section it sits in
    citation_marks: int = 0  # links, footnote references and other source markers
    cell: tuple[int, int, int] | None = None  # (table, row, column) of a table cell

    def source_offset(self, prose_offset: int) -> int:
        """Absolute source offset of a prose offset (via the nearest run)."""
        runs = self.runs
        lo, hi = 0, len(runs) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if runs[mid][0] <= prose_offset:
                lo = mid
            else:
                hi = mid - 1
        prose_start, source_start = runs[lo]
        return source_start + (prose_offset - prose_start)


@dataclass(slots=True)
class Comment:
    """An HTML comment, kept for inline suppression directives."""

    text: str
    line: int  # first line of the comment
    end_line: int  # last line of the comment
    own_line: bool  # nothing but the comment on its lines


@dataclass(slots=True)
class Document:
    text: str
    lines: LineIndex
    blocks: list[Block]
    comments: list[Comment] = field(default_factory=list)
    front_matter: str | None = None
    front_matter_line: int = 0  # 1-based line of the first front matter content line
    headings: list[int] = field(default_factory=list)  # block index of each section heading


def parse(text: str, plain: bool) -> Document:
    """Parse an article: plain-text exports one block per line, the rest as Markdown."""
    if plain:
        from .plaintext import parse_plaintext

        return parse_plaintext(text)
    from .markdown import parse_markdown

    return parse_markdown(text)
