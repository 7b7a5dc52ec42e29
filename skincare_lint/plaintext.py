"""Read plain-text exports: one paragraph, heading or list item per line.

Articles exported from a CMS or a word processor often arrive as plain text with no
blank lines. A Markdown parser would see one giant paragraph; here each line is a
block, and a short line without closing punctuation is a heading.
"""

from __future__ import annotations

import re

from .document import Block, Comment, Document, LineIndex

_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,3}[.)])\s+")
_COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$")
_HEADING_MAX_WORDS = 14


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!;,":
        return False
    if stripped[-1] == ":" and len(stripped.split()) > 6:
        return False
    return len(stripped.split()) <= _HEADING_MAX_WORDS


def parse_plaintext(text: str) -> Document:
    lines = LineIndex(text)
    blocks: list[Block] = []
    comments: list[Comment] = []
    headings: list[int] = []
    section = 0
    list_id = -1
    lists = 0
    previous_was_item = False
    for number, start in enumerate(lines.starts, start=1):
        end = lines.starts[number] if number < len(lines.starts) else len(text)
        raw = text[start:end].rstrip("\r\n")
        if not raw.strip():
            previous_was_item = False
            continue
        comment = _COMMENT.match(raw)
        if comment:
            comments.append(Comment(comment.group(1), number, number, True))
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            if not previous_was_item:
                lists += 1
                list_id = lists
            previous_was_item = True
            body_start = bullet.end()
        else:
            previous_was_item = False
            body_start = len(raw) - len(raw.lstrip())
        body = raw[body_start:].rstrip()
        is_heading = not bullet and _looks_like_heading(body)
        if is_heading:
            section += 1
            headings.append(len(blocks))
        blocks.append(
            Block(
                kind="heading" if is_heading else "paragraph",
                text=body,
                runs=[(0, start + body_start)],
                line=number,
                in_list=bool(bullet),
                list_id=list_id if bullet else -1,
                section=section,
            )
        )
    return Document(text=text, lines=lines, blocks=blocks, comments=comments, headings=headings)
