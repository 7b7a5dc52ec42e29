"""Stable identities for findings that survive edits elsewhere in the article.

A finding is identified by its rule, its file and the normalised text it is about,
never by its line: adding a paragraph above it, or moving its paragraph, keeps its
identity, while rewording the sentence itself makes it a new finding.
"""

from __future__ import annotations

import hashlib
import re

_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def normalised(text: str) -> str:
    return _NOISE.sub(" ", text.casefold()).strip()


def fingerprint(rule: str, path: str, quote: str) -> str:
    data = "\0".join((rule, path.replace("\\", "/"), normalised(quote)))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
