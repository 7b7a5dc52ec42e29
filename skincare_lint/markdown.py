"""Read Markdown with markdown-it-py and keep exact source positions for prose.

markdown-it-py gives line ranges for blocks only. To point at a claim's column we walk
each inline token's children with a moving cursor through the raw inline content
(with `text_join` disabled, every child can be found in order), and map each content
line back to its source line. A child that cannot be found is kept as prose but
mapped to the start of its line rather than to a guessed column.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Block, Comment, Document, LineIndex

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"typographer": False, "linkify": False})
    md.use(front_matter_plugin).use(footnote_plugin)
    md.enable(["table", "strikethrough"])
    md.disable("text_join")
    return md


class _ContentMap:
    """Maps offsets in an inline token's raw content to absolute source offsets."""

    __slots__ = ("line_starts", "bases")

    def __init__(self, content: str, first_line: int, source: str, lines: LineIndex, cursors):
        self.line_starts = [0]
        self.bases: list[int | None] = []
        pieces = content.split("\n")
        offset = 0
        for i, piece in enumerate(pieces):
            if i:
                self.line_starts.append(offset)
            offset += len(piece) + 1
            line_no = first_line + i  # 0-based source line
            stripped = piece.strip()
            if line_no >= lines.line_count or not stripped:
                self.bases.append(None)
                continue
            line_start = lines.starts[line_no]
            line_end = lines.starts[line_no + 1] if line_no + 1 < lines.line_count else len(source)
            found = source.find(stripped, cursors.get(line_no, line_start), line_end)
            if found < 0:
                found = source.find(stripped, line_start, line_end)
            if found < 0:
                self.bases.append(None)
                continue
            cursors[line_no] = found + len(stripped)
            lead = len(piece) - len(piece.lstrip())
            self.bases.append(found - lead)

    def to_source(self, offset: int) -> int | None:
        starts = self.line_starts
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        base = self.bases[lo]
        return None if base is None else base + (offset - starts[lo])


def _skip_link_tail(content: str, pos: int) -> int:
    """From just after a link's text, skip `](destination "title")` or `][label]`."""
    close = content.find("]", pos)
    if close < 0:
        return pos
    pos = close + 1
    if pos < len(content) and content[pos] == "(":
        depth = 0
        quote = ""
        for i in range(pos, len(content)):
            ch = content[i]
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'" and depth == 1 and content[i - 1] in " \t\n":
                quote = ch
            elif ch == "\\":
                continue
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
        return pos
    if pos < len(content) and content[pos] == "[":
        end = content.find("]", pos)
        return end + 1 if end >= 0 else pos
    return pos


class _Builder:
    """Accumulates one block's prose text and its offset runs."""

    __slots__ = ("parts", "runs", "length", "fallback")

    def __init__(self, fallback: int) -> None:
        self.parts: list[str] = []
        self.runs: list[tuple[int, int]] = []
        self.length = 0
        self.fallback = fallback

    def add(self, text: str, source: int | None) -> None:
        if not text:
            return
        if source is None:
            source = self.fallback
        runs = self.runs
        if not runs or runs[-1][1] + (self.length - runs[-1][0]) != source:
            runs.append((self.length, source))
        self.parts.append(text)
        self.length += len(text)


def _inline_prose(token, source: str, lines: LineIndex, cursors, comments: list[Comment]):
    """Prose text, offset runs and count of citation marks for one inline token."""
    content = token.content
    first_line = token.map[0] if token.map else 0
    cmap = _ContentMap(content, first_line, source, lines, cursors)
    fallback = lines.starts[min(first_line, lines.line_count - 1)]
    out = _Builder(fallback)
    cursor = 0
    marks = 0
    in_link = 0
    autolink = False
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            text = child.content
            found = content.find(text, cursor)
            if found < 0:
                out.add(text, None)
                continue
            cursor = found + len(text)
            if not autolink:
                out.add(text, cmap.to_source(found))
        elif kind == "text_special":
            found = content.find(child.markup, cursor)
            if found >= 0:
                cursor = found + len(child.markup)
            out.add(child.content, cmap.to_source(found) if found >= 0 else None)
        elif kind in ("softbreak", "hardbreak"):
            found = content.find("\n", cursor)
            if found >= 0:
                out.add(" ", cmap.to_source(found))
                cursor = found + 1
            else:
                out.add(" ", None)
        elif kind == "code_inline":
            found = content.find(child.markup, cursor)
            if found >= 0:
                end = content.find(child.markup, found + len(child.markup))
                cursor = end + len(child.markup) if end >= 0 else found + len(child.markup)
                out.add(" ", cmap.to_source(found))
        elif kind in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
            found = content.find(child.markup, cursor)
            if found >= 0:
                cursor = found + len(child.markup)
        elif kind == "link_open":
            href = child.attrGet("href") or ""
            if href and not href.startswith(("mailto:", "tel:")):
                marks += 1
            autolink = child.markup == "autolink"
            opener = "<" if autolink else "["
            found = content.find(opener, cursor)
            if found >= 0:
                cursor = found + 1
            in_link += 1
        elif kind == "link_close":
            if autolink:
                found = content.find(">", cursor)
                cursor = found + 1 if found >= 0 else cursor
                autolink = False
            else:
                cursor = _skip_link_tail(content, cursor)
            in_link = max(0, in_link - 1)
        elif kind == "image":
            found = content.find("![", cursor)
            if found >= 0:
                cursor = _skip_link_tail(content, found + 2)
        elif kind == "footnote_ref":
            marks += 1
            label = "[^" + str(child.meta.get("label", "")) + "]"
            found = content.find(label, cursor)
            if found >= 0:
                cursor = found + len(label)
        elif kind == "html_inline":
            found = content.find(child.content, cursor)
            if found >= 0:
                cursor = found + len(child.content)
                for match in _COMMENT.finditer(child.content):
                    start = cmap.to_source(found + match.start())
                    if start is not None:
                        line = lines.position(start)[0]
                        comments.append(Comment(match.group(1), line, line, False))
    return "".join(out.parts), out.runs, marks, fallback


def parse_markdown(text: str) -> Document:
    lines = LineIndex(text)
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    comments: list[Comment] = []
    headings: list[int] = []
    front_matter = None
    front_matter_line = 0
    cursors: dict[int, int] = {}
    section = 0
    list_depth = 0
    quote_depth = 0
    list_ids: list[int] = []
    lists_seen = 0
    footnote_depth = 0
    block_kind = "paragraph"
    tables = rows = columns = 0
    for token in tokens:
        kind = token.type
        if kind == "inline":
            if footnote_depth:
                continue
            prose, runs, marks, fallback = _inline_prose(token, text, lines, cursors, comments)
            if not prose.strip():
                continue
            if not runs:
                runs = [(0, fallback)]
            line = lines.position(runs[0][1])[0]
            if block_kind == "heading":
                section += 1
                headings.append(len(blocks))
            blocks.append(
                Block(
                    kind=block_kind,
                    text=prose,
                    runs=runs,
                    line=line,
                    in_list=list_depth > 0,
                    in_quote=quote_depth > 0,
                    list_id=list_ids[-1] if list_ids else -1,
                    section=section,
                    citation_marks=marks,
                    cell=(tables, rows, columns) if block_kind == "table_cell" else None,
                )
            )
        elif kind == "paragraph_open":
            block_kind = "paragraph"
        elif kind == "heading_open":
            block_kind = "heading"
        elif kind in ("th_open", "td_open"):
            block_kind = "table_cell"
            columns += 1
        elif kind == "tr_open":
            rows += 1
            columns = 0
        elif kind == "table_open":
            tables += 1
            rows = 0
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
            lists_seen += 1
            list_ids.append(lists_seen)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            list_ids.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "footnote_block_open":
            footnote_depth += 1
        elif kind == "footnote_block_close":
            footnote_depth -= 1
        elif kind == "html_block":
            start_line = token.map[0] + 1 if token.map else 1
            for match in _COMMENT.finditer(token.content):
                before = token.content[: match.start()]
                line = start_line + before.count("\n")
                end_line = line + match.group(0).count("\n")
                own = not before[before.rfind("\n") + 1 :].strip()
                comments.append(Comment(match.group(1), line, end_line, own))
        elif kind == "front_matter":
            front_matter = token.content
            front_matter_line = (token.map[0] + 2) if token.map else 2
    return Document(
        text=text,
        lines=lines,
        blocks=blocks,
        comments=comments,
        front_matter=front_matter,
        front_matter_line=front_matter_line,
        headings=headings,
    )
