"""The first-two-letters dispatch must change how fast cues match, never what matches."""

import re
from pathlib import Path

import pytest

import skincare_lint.policy as policy_module
from skincare_lint.dispatch import alternation, group_name, openings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("avoid", {("a", "v")}),
        (r"(?:is|are)\s+fine", {("i", "s"), ("a", "r")}),
        # `\s` also matches spaces that are not ASCII, such as a no-break space
        (r"a\s+must", {("a", c) for c in (*" \t\n\r\f\v", "<other>")}),
        ("a", {("a",)}),  # may end after one letter: any second letter
        (r"(?:not\s+)?Safe", {("n", "o"), ("s", "a")}),
        (r"(?:[0-3]+)%", {(d, s) for d in "0123" for s in "0123%"}),
    ],
)
def test_openings_lists_every_way_a_match_can_start(pattern, expected):
    assert openings(pattern) == expected


@pytest.mark.parametrize("pattern", [r"\w+ing", r"[^x]y", r"(?:x?)*"])
def test_openings_admits_when_it_cannot_tell(pattern):
    assert openings(pattern) is None


def test_branches_keep_their_order_whichever_group_they_land_in():
    branches = [
        ("anything", r"\w+\s+best\s+left\s+alone"),  # may start anywhere: tried first
        ("long", r"is\s+best\s+left"),
        ("short", r"is\s+best"),
        ("any_second", r"i(?:s\s+best\s+of|ce)?"),  # may end after "i"
    ]
    pattern = re.compile(policy_module._word(alternation(branches)), re.IGNORECASE)

    def first(text):
        found = pattern.search(text)
        return found.group(0), group_name(found)

    assert first("it IS best left alone") == ("IS best left alone", "anything")
    assert first("it IS best left.") == ("IS best left", "long")
    assert first("it is best of all") == ("is best", "short")
    assert first("Ice is best") == ("Ice", "any_second")


def test_bundled_cue_lists_match_exactly_as_plain_alternations(monkeypatch):
    """Every alternation the policy builds, on every fixture article: same spans, same
    branch, as the same branches joined plainly."""
    built = []

    def spy(branches):
        built.append(list(branches))
        return alternation(branches)

    monkeypatch.setattr(policy_module, "alternation", spy)
    policy_module.load_policy([], None)
    articles = sorted(FIXTURES.glob("*/*.[mt][dx]*"))[::4]  # a quarter keeps it quick
    texts = [path.read_text(encoding="utf-8") for path in articles]
    # Exported articles often carry no-break spaces, which `\s` matches too.
    texts += [text.replace(" ", "\N{NO-BREAK SPACE}") for text in texts[::3]]
    assert len(built) >= 3 and len(texts) >= 90
    for branches in built:
        plain_branches = "|".join(
            f"(?P<{name}__{i}>{body})" if name else f"(?:{body})"
            for i, (name, body) in enumerate(branches)
        )
        fast = re.compile(policy_module._word(alternation(branches)), re.IGNORECASE)
        plain = re.compile(policy_module._word(plain_branches), re.IGNORECASE)
        for text in texts:
            got = [(m.span(), m.lastgroup and group_name(m)) for m in fast.finditer(text)]
            want = [(m.span(), m.lastgroup and group_name(m)) for m in plain.finditer(text)]
            assert got == want
