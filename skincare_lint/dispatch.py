"""Fast alternations: group a large list of patterns by the letter they can start with.

Python's `re` tries every branch of an alternation at every position it reaches. With a
few hundred cue phrases that dominates the run time. Grouping the branches behind a
one-character lookahead (`(?=[aA])(?:and|avoid|...)|(?=[bB])(?:...)`) lets the engine
discard all but one group with a single test, so matching costs about one group per
word instead of every phrase. The result matches exactly what the plain alternation
matches: only the order in which branches are tried changes, and it is kept within a
group (longest first, as given).
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser

_UNKNOWN = None  # a pattern whose first character we cannot tell
# A branch that can start with more letters than this is tried everywhere instead of
# being copied under each letter: the copies would cost more to compile than they save.
_MAX_LETTERS = 8


def _first(items) -> tuple[set[str] | None, bool]:
    """First characters a parsed sequence can start with, and whether it can be empty."""
    chars: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            chars.add(chr(arg))
            return chars, False
        if op is C.IN:
            found = _first_in(arg)
            if found is _UNKNOWN:
                return _UNKNOWN, False
            return chars | found, False
        if op is C.SUBPATTERN:
            sub, empty = _first(arg[-1])
            if sub is _UNKNOWN:
                return _UNKNOWN, False
            chars |= sub
            if not empty:
                return chars, False
            continue
        if op is C.BRANCH:
            any_empty = False
            for branch in arg[1]:
                sub, empty = _first(branch)
                if sub is _UNKNOWN:
                    return _UNKNOWN, False
                chars |= sub
                any_empty = any_empty or empty
            if not any_empty:
                return chars, False
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, _high, item = arg
            sub, empty = _first(item)
            if sub is _UNKNOWN:
                return _UNKNOWN, False
            chars |= sub
            if low > 0 and not empty:
                return chars, False
            continue
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: look at what follows
        return _UNKNOWN, False
    return chars, True


def _first_in(items) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is C.NEGATE:
            return _UNKNOWN
        if op is C.LITERAL:
            chars.add(chr(arg))
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            chars.update("0123456789")
        elif op is C.CATEGORY and arg is C.CATEGORY_SPACE:
            chars.update(" \t\n\r\f\v")
        elif op is C.RANGE:
            low, high = arg
            if high - low > 400:
                return _UNKNOWN
            chars.update(chr(c) for c in range(low, high + 1))
        else:
            return _UNKNOWN
    return chars


@lru_cache(maxsize=4096)
def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters (both cases) a match of pattern can begin with, or None when
    that cannot be told. Raises re.error for a pattern that does not parse, so the
    same single parse both validates a policy entry and places it."""
    parsed = _parser.parse(pattern)
    try:
        chars, empty = _first(parsed.data)
    except (TypeError, ValueError):
        return _UNKNOWN
    if chars is _UNKNOWN or empty or len(chars) > _MAX_LETTERS:
        return _UNKNOWN
    return frozenset(c for ch in chars for c in (ch.lower(), ch.upper()))


def alternation(branches: list[tuple[str | None, str]]) -> str:
    """An alternation of (group name or None, regex) branches, grouped by first letter.

    A branch that can start with several letters is placed under each of them, so every
    letter's group keeps the branches in the order given (longest first, say). Named
    branches get a suffix per copy: read the name back with `group_name`.
    """
    by_letter: dict[str, list[tuple[str | None, str]]] = {}
    unknown: list[tuple[str | None, str]] = []
    for name, body in branches:
        chars = first_characters(body)
        if chars is _UNKNOWN:
            unknown.append((name, body))
            continue
        for letter in {c.lower() for c in chars}:
            by_letter.setdefault(letter, []).append((name, body))
    parts = []
    copy = 0

    def render(members):
        nonlocal copy
        out = []
        for name, body in members:
            copy += 1
            out.append(f"(?P<{name}__{copy}>{body})" if name else f"(?:{body})")
        return "|".join(out)

    for letter, members in sorted(by_letter.items()):
        klass = re.escape(letter) + (re.escape(letter.upper()) if letter.upper() != letter else "")
        parts.append(f"(?=[{klass}])(?:{render(members)})")
    if unknown:
        parts.append(render(unknown))
    return "|".join(parts) or r"(?!x)x"


def group_name(match: re.Match) -> str:
    """The branch name of a match made with `alternation`."""
    return match.lastgroup.rsplit("__", 1)[0]
