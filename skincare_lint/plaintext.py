"""Read plain-text exports: one paragraph, heading or list item per line.

Articles exported from a CMS or a word processor often arrive as plain text with no
blank lines. A Markdown parser would see one giant paragraph; here each line is a
block, and a short line without closing punctuation is a heading. Short unpunctuated
lines right after a line that ends with a colon ("Not suitable if you have:") are
the items of its list, as if each began with "- ".
"""

from __future__ import annotations

import re

from .document import Block, Comment, Document, LineIndex

_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,3}[.)])\s+")
_COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$")
_HEADING_MAX_WORDS = 14
_QUOTED_END = re.compile(r"[\"”’][^\w]*$")
_SENTENCE_BREAK = re.compile(r"\b(?!(?:Dr|Mr|Mrs|Ms|St|vs|No)[.])\w+[.!?]\s+[\"“‘]?[A-Z]")
_ITEM_MAX_WORDS = 25


def _looks_like_item(line: str) -> bool:
    """A line under a lead-in that reads as one of its items, not as prose."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > _ITEM_MAX_WORDS:
        return False
    return stripped[-1] not in ".!?:" or stripped[0].islower()


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!;,":
        return False
    # a line that ends a quotation or holds a sentence break is prose:
    # 'OS: "Breakout day? Eh, I pen right over it 😉"'
    if _QUOTED_END.search(stripped) or _SENTENCE_BREAK.search(stripped):
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
    under_lead_in = False  # the line before ended with a colon, or was such an item
    for number, start in enumerate(lines.starts, start=1):
        end = lines.starts[number] if number < len(lines.starts) else len(text)
        raw = text[start:end].rstrip("\r\n")
        if not raw.strip():
            previous_was_item = under_lead_in = False
            continue
        comment = _COMMENT.match(raw)
        if comment:
            comments.append(Comment(comment.group(1), number, number, True))
            continue
        bullet = _BULLET.match(raw)
        implied = not bullet and under_lead_in and _looks_like_item(raw)
        if implied:
            if not previous_was_item:
                lists += 1
                list_id = lists
            previous_was_item = True
            body_start = len(raw) - len(raw.lstrip())
        elif bullet:
            if not previous_was_item:
                lists += 1
                list_id = lists
            previous_was_item = True
            body_start = bullet.end()
        else:
            previous_was_item = False
            body_start = len(raw) - len(raw.lstrip())
        body = raw[body_start:].rstrip()
        under_lead_in = implied or (not bullet and body.endswith(":"))
        is_item = bool(bullet) or implied
        is_heading = not is_item and _looks_like_heading(body)
        if is_heading:
            section += 1
            headings.append(len(blocks))
        blocks.append(
            Block(
                kind="heading" if is_heading else "paragraph",
                text=body,
                runs=[(0, start + body_start)],
                line=number,
                in_list=is_item,
                list_id=list_id if is_item else -1,
                section=section,
            )
        )
    return Document(text=text, lines=lines, blocks=blocks, comments=comments, headings=headings)
