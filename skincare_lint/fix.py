"""--fix: add the professional notice to articles that lack one, losing nothing.

The only fix is an insertion: the configured notice, as its own paragraph, before the
references section or at the end of the article. Every other byte of the file stays
as it was: byte order mark, line endings, the presence or absence of a final newline.
The fix is refused unless the rendered article differs from the original only by the
inserted notice (the check mdformat makes before writing). Files are replaced
atomically, keeping their permissions, so an interrupted run leaves the original.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass

from .discovery import is_plain_text

DEFAULT_NOTICE = (
    "This article is general information, not medical advice. Talk to a board-certified "
    "dermatologist or your doctor before starting any new treatment."
)
PLACES = ("before-references", "end")
_LINE_END = re.compile(r"\r\n|\r|\n")


class FixRefused(Exception):
    """A fix that would change more than it means to; the file is left alone."""


@dataclass(frozen=True, slots=True)
class Fix:
    path: str
    original: bytes
    fixed: bytes

    def diff(self) -> str:
        before = self.original.decode("utf-8-sig", "replace").splitlines(keepends=True)
        after = self.fixed.decode("utf-8-sig", "replace").splitlines(keepends=True)
        return "".join(difflib.unified_diff(before, after, f"a/{self.path}", f"b/{self.path}"))


def _newline(text: str) -> str:
    for style in ("\r\n", "\r", "\n"):
        if style in text:
            return style
    return "\n"


def insertion(
    text: str, notice: str, place: str, plain: bool, references: re.Pattern
) -> tuple[int, str]:
    """Where to insert the notice in text, and the exact characters to insert, in the
    file's own line endings. A plain-text article gets the notice as a line of its
    own; Markdown gets a paragraph with blank lines around it."""
    nl = _newline(text)
    lines = _LINE_END.split(text)
    if place == "before-references":
        for index, line in enumerate(lines):
            heading = line.strip().lstrip("#").strip().rstrip("#:").strip()
            if index > 0 and references.match(heading):
                offset = _offset_of_line(text, index)
                if plain:
                    return offset, notice + nl
                previous_blank = not lines[index - 1].strip()
                return offset, ("" if previous_blank else nl) + notice + nl + nl
    if plain:
        if text and not text.endswith(("\n", "\r")):
            return len(text), nl + notice
        return len(text), notice + nl
    if not text.strip():
        return len(text), notice + nl
    content = text.rstrip("\r\n")
    return len(content), nl + nl + notice


def _offset_of_line(text: str, line_index: int) -> int:
    offset = 0
    for _ in range(line_index):
        match = _LINE_END.search(text, offset)
        if match is None:
            return len(text)
        offset = match.end()
    return offset


def _render(text: str) -> str:
    from .markdown import _parser

    return _parser().render(text)


def make_fix(path: str, data: bytes, encoding: str, notice: str, place: str, references) -> Fix:
    """The fixed bytes for an article, or FixRefused."""
    if encoding not in ("utf-8", "utf-8-sig"):
        raise FixRefused("only UTF-8 files are fixed; save it as UTF-8 first")
    bom = b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b""
    text = data[len(bom) :].decode("utf-8")
    plain = is_plain_text(path)
    offset, inserted = insertion(text, notice, place, plain, references)
    fixed_text = text[:offset] + inserted + text[offset:]
    fixed = bom + fixed_text.encode("utf-8")
    # Only the insertion may differ, byte for byte.
    head = bom + text[:offset].encode("utf-8")
    if not (fixed.startswith(head) and fixed.endswith(data[len(head) :])):
        raise FixRefused("the insertion would disturb the rest of the file")
    if len(fixed) != len(data) + len(inserted.encode("utf-8")):
        raise FixRefused("the insertion would disturb the rest of the file")
    if not plain:
        original_html = _render(text)
        fixed_html = _render(fixed_text)
        notice_html = _render(notice)
        if fixed_html.replace(notice_html, "", 1) != original_html:
            raise FixRefused(
                "adding the notice here would change how the rest of the article renders"
            )
    return Fix(path, data, fixed)


def write_fix(fix: Fix) -> None:
    """Replace the file atomically, keeping its permissions."""
    folder = os.path.dirname(os.path.abspath(fix.path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".skincare-lint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(fix.fixed)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(fix.path, temporary)
        os.replace(temporary, fix.path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
