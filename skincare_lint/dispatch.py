r"""Fast alternations: group a large list of patterns by the two letters they start with.

Python's `re` tries every branch of an alternation at every position it reaches. With a
few hundred cue phrases that dominates the run time. Grouping the branches behind
lookaheads on the first two characters (`(?=[aA])(?:(?=[\s\S][vV])(?:avoid|...)|...)`) lets
the engine discard all but a handful of branches with two tests, so matching costs a
few phrases per word instead of every phrase. The result matches exactly what the plain
alternation matches: a branch that could start several ways is copied into each group
it could meet, and every group keeps the given order (longest first, say).
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser

_UNKNOWN = None  # a pattern whose opening characters we cannot tell
# Stands for the characters of a class that are not listed: `\d` and `\s` also match
# non-ASCII digits and spaces ("\xa0"). A branch that can open with one of them is also
# tried wherever no group applies.
_OTHER = "<other>"
_NOT_ASCII = r"[^\x00-\x7f]"
_DEPTH = 2  # how many opening characters the dispatch looks at
# A branch that can start with more letters than this is tried everywhere instead of
# being copied under each letter: the copies would cost more to compile than they save.
_MAX_LETTERS = 20
# More distinct openings than this and a branch's second character counts as unknown.
_MAX_PREFIXES = 64

Prefixes = frozenset[tuple[str, ...]]


def _join(heads: set, tails, limit: int) -> set | None:
    """Every head followed by every tail, cut to `limit` characters."""
    out = set()
    for head in heads:
        if len(head) >= limit:
            out.add(head)
            continue
        for tail in tails:
            out.add((head + tail)[:limit])
    return out if len(out) <= _MAX_PREFIXES else _UNKNOWN


def _sequence(items, limit: int) -> set | None:
    """Openings (tuples of at most `limit` characters) of a parsed sequence. A tuple
    shorter than `limit` means the sequence can end after those characters."""
    found = {()}
    for op, arg in items:
        if all(len(p) >= limit for p in found):
            break
        item = _item(op, arg, limit)
        if item is _UNKNOWN:
            return _UNKNOWN
        found = _join(found, item, limit)
        if found is _UNKNOWN:
            return _UNKNOWN
    return found


def _item(op, arg, limit: int) -> set | None:
    if op is C.LITERAL:
        return {(_lower(chr(arg)),)}
    if op is C.IN:
        chars = _in(arg)
        return _UNKNOWN if chars is _UNKNOWN else {(_lower(c),) for c in chars}
    if op is C.SUBPATTERN:
        return _sequence(arg[-1], limit)
    if op is C.BRANCH:
        out = set()
        for branch in arg[1]:
            found = _sequence(branch, limit)
            if found is _UNKNOWN:
                return _UNKNOWN
            out |= found
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = arg
        return _repeat(low, high, _sequence(sub, limit), limit)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {()}  # zero-width: what follows decides
    return _UNKNOWN


def _repeat(low: int, high, once: set | None, limit: int) -> set | None:
    """Openings of `once` repeated between low and high times."""
    if once is _UNKNOWN:
        return _UNKNOWN
    out, current = set(), {()}
    for count in range(limit + 1):
        if count >= low:
            out |= current
        if count == high:
            break
        current = _join(current, once, limit)
        if current is _UNKNOWN:
            return _UNKNOWN
    return out | current


def _lower(char: str) -> str:
    return char if char == _OTHER else char.lower()


def _in(items) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is C.NEGATE:
            return _UNKNOWN
        if op is C.LITERAL:
            chars.add(chr(arg))
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            chars.update((*"0123456789", _OTHER))
        elif op is C.CATEGORY and arg is C.CATEGORY_SPACE:
            chars.update((*" \t\n\r\f\v", _OTHER))
        elif op is C.RANGE:
            low, high = arg
            if high - low > 400:
                return _UNKNOWN
            chars.update(chr(c) for c in range(low, high + 1))
        else:
            return _UNKNOWN
    return chars


@lru_cache(maxsize=4096)
def openings(pattern: str, depth: int = _DEPTH) -> Prefixes | None:
    """The lower-cased opening characters (tuples of up to `depth`) a match of pattern
    can begin with, or None when that cannot be told. A tuple shorter than depth means
    the match can end there. Raises re.error for a pattern that does not parse, so the
    same single parse both validates a policy entry and places it."""
    parsed = _parser.parse(pattern)
    try:
        found = _sequence(parsed.data, depth)
    except (TypeError, ValueError):
        return _UNKNOWN
    if found is _UNKNOWN or () in found:
        return _UNKNOWN
    return frozenset(found)


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters (both cases) a match of pattern can begin with, or None."""
    found = openings(pattern)
    if found is _UNKNOWN:
        return _UNKNOWN
    chars = {p[0] for p in found}
    if len(chars) > _MAX_LETTERS or _OTHER in chars:
        return _UNKNOWN
    return frozenset(c for ch in chars for c in (ch.lower(), ch.upper()))


def _klass(chars) -> str:
    """A character class matching any of chars in either case."""
    both = sorted({c for ch in chars for c in (ch.lower(), ch.upper())})
    return "[" + "".join(re.escape(c) for c in both) + "]"


def alternation(branches: list[tuple[str | None, str]]) -> str:
    """An alternation of (group name or None, regex) branches, dispatched on the first
    two characters, for a pattern compiled with re.IGNORECASE.

    A branch that can start several ways is placed under each of them, so every group
    keeps the branches in the order given (longest first, say). A branch whose second
    character is unknown goes under every second character of its first; one whose
    first is unknown, or not ASCII (whose case folding the groups cannot follow), is
    tried everywhere. A branch that can open with a character no group lists (`\\s`
    also matches a no-break space) is also tried where that character is not ASCII.
    Named branches get a suffix per copy: read the name back with `group_name`.
    """
    # first letter -> second letter (None: any, _OTHER: not ASCII) -> branch indexes
    table: dict[str, dict[str | None, list[int]]] = {}
    unknown: list[int] = []  # may open with anything: tried at every position
    wide: list[int] = []  # may also open with a character that is not ASCII
    for index, (_name, body) in enumerate(branches):
        found = openings(body) or openings(body, 1)  # too many pairs: first letters only
        firsts = {p[0] for p in found} - {_OTHER} if found else set()
        if found is _UNKNOWN or len(firsts) > _MAX_LETTERS or not all(map(str.isascii, firsts)):
            unknown.append(index)
            continue
        if any(p[0] == _OTHER for p in found):
            wide.append(index)
        for first in sorted(firsts):
            seconds = {p[1] if len(p) > 1 else None for p in found if p[0] == first}
            if any(second != _OTHER and not second.isascii() for second in seconds - {None}):
                seconds = {None}
            row = table.setdefault(first, {})
            for second in [None] if None in seconds else sorted(seconds):
                row.setdefault(second, []).append(index)
    copy = 0

    def render(*indexes: list[int]) -> str:
        """The branches at these indexes, in their given order."""
        nonlocal copy
        out = []
        for index in sorted({i for group in indexes for i in group}):
            name, body = branches[index]
            copy += 1
            out.append(f"(?P<{name}__{copy}>{body})" if name else f"(?:{body})")
        return "|".join(out)

    # A branch that may start anywhere, or with any second letter, is copied into
    # every group it could meet, so that each group keeps the given order exactly. The
    # groups exclude each other, so no branch is tried twice at one position.
    parts = []
    for first, row in sorted(table.items()):
        anywhere = row.pop(None, [])
        other = row.pop(_OTHER, [])
        groups: dict[tuple[int, ...], list[str]] = {}  # same branches: one group
        for second, indexes in sorted(row.items()):
            groups.setdefault(tuple(indexes), []).append(second)
        inner = [
            f"(?=[\\s\\S]{_klass(seconds)})(?:{render(indexes, anywhere, unknown)})"
            for indexes, seconds in groups.items()
        ]
        listed = _klass(row) if row else ""
        if other:
            inner.append(f"(?=[\\s\\S]{_NOT_ASCII})(?:{render(other, anywhere, unknown)})")
            listed = f"(?:{listed}|{_NOT_ASCII})" if listed else _NOT_ASCII
        if anywhere or unknown:
            rest = f"(?![\\s\\S]{listed})" if listed else ""
            inner.append(f"{rest}(?:{render(anywhere, unknown)})")
        parts.append(f"(?={_klass(first)})(?:{'|'.join(inner)})")
    if wide:
        parts.append(f"(?={_NOT_ASCII})(?:{render(unknown, wide)})")
    if unknown:
        listed = [_klass(table)] if table else []
        listed += [_NOT_ASCII] if wide else []
        rest = f"(?!{'|'.join(listed)})" if listed else ""
        parts.append(f"{rest}(?:{render(unknown)})")
    return "|".join(parts) or r"(?!x)x"


def group_name(match: re.Match) -> str:
    """The branch name of a match made with `alternation`."""
    return match.lastgroup.rsplit("__", 1)[0]
