"""Split a block's prose into sentences without cutting at abbreviations."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    {
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "fig",
        "no",
        "al",
        "cf",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "dept",
        "est",
        "min",
        "max",
        "mg",
        "ml",
        "oz",
        "vol",
        "pp",
        "ph",
        "eg",
        "ie",
        "u.s",
        "u.k",
    }
)
_LAST_WORD = re.compile(r"([\w.]+)\.*[\"'”’)\]]*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text, trimmed of surrounding whitespace."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        head = text[start : match.start() + 1]
        last = _LAST_WORD.search(head)
        if last and match.group(0)[0] == ".":
            word = last.group(1).lower().rstrip(".")
            numbered = word == "no" and text[match.end() : match.end() + 1].isdigit()
            if (
                numbered
                or (word in _ABBREVIATIONS and word != "no")
                or (len(word) == 1 and word.isalpha())
            ):
                continue
        end = match.end()
        spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed
