"""contradictory-advice: the article takes opposite stances on the same pairing."""

from __future__ import annotations

from ..stance import AGAINST, FOR, UNSURE
from .base import Context, Rule, quote
from .wording import pairing_phrase

RULE = Rule(
    id="contradictory-advice",
    severity="error",
    summary="The article takes opposite stances on the same treatment and condition.",
    what=(
        "Compares every statement the article makes about a treatment for, on or with a "
        "condition, population or other treatment. A statement that endorses it where an "
        "earlier one warns against it (or the reverse), or that calls it safe and "
        "effective where an earlier one says its safety is not established, is reported "
        "at the later statement, with the earlier one as a related location."
    ),
    why=(
        "A reader who meets both statements cannot tell which to follow, and whichever "
        "one is wrong may hurt them. Contradictions usually come from merging drafts or "
        "pasting sections from different sources."
    ),
    example=(
        "## Can you microneedle over milia?\n"
        "Microneedling is not suitable for milia.\n\n"
        "## Our verdict\n"
        "Yes, microneedling can be performed over milia with care."
    ),
    instead=(
        "Decide which stance the article takes, with a source, and make every section "
        "say the same: “Microneedling is not suitable for milia; ask a dermatologist "
        "about extraction instead.”"
    ),
    passes=(
        "“Microneedling is generally considered safe.” followed by a list of its risks; "
        "“not suitable for active acne” and “effective for acne scars” (different "
        "conditions); a myth that the article then rebuts; a question."
    ),
)

_OPPOSED = {(FOR, AGAINST), (AGAINST, FOR)}


def _conflicts(policy, earlier, later) -> bool:
    if earlier.risk or later.risk:
        # "safe" and then "can cause flares" is balanced text; "may worsen rosacea"
        # and then "I roll it over my rosacea-prone cheeks" is not
        # "holds promise for treating KP" after "can worsen KP" weighs pros and cons;
        # advice to do it, or to combine two products, takes a side
        advises = later.advice or policy.terms[later.target].is_treatment
        if earlier.risk and not later.risk:
            return later.stance == FOR and not later.strong and advises
        # "clients with eczema can be needled as normal", later "needling can make the
        # flare worse": advice to go ahead, then the harm it does
        return (
            later.risk
            and not earlier.risk
            and earlier.stance == FOR
            and earlier.advice
            and not earlier.strong
            and later.stance == AGAINST
            and any(row.relation == "with" for row in policy.pairings_for(*later.pair))
        )
    if (earlier.waits_for_other or later.waits_for_other) and not policy.pairings_for(*later.pair):
        return False  # "good for acne scars once the skin is clear" permits it
    pair = (earlier.stance, later.stance)
    if pair in _OPPOSED:
        return True
    # "Not established" against an outright "safe and effective" (not against "may help").
    if pair == (UNSURE, FOR):
        return later.strong
    if pair == (FOR, UNSURE):
        return earlier.strong
    return False


def _describe(stance, cue: str) -> str:
    if stance.stance == FOR:
        return f"endorses it (“{cue}”)"
    if stance.stance == AGAINST:
        return f"warns against it (“{cue}”)"
    return f"says the evidence is not established (“{cue}”)"


def _covers(policy, a: str, b: str) -> bool:
    """Whether term a and term b are the same thing, or one is a class of the other
    ("stop all retinoids" is about adapalene too). A class does not speak for a drug
    taken by mouth: "pause retinoids after IPL" is about creams, not isotretinoin."""
    if a == b:
        return True
    terms = policy.terms
    return (a in policy.expand(b) and terms[b].kind != "drug") or (
        b in policy.expand(a) and terms[a].kind != "drug"
    )


def _same_pairing(policy, first, second) -> bool:
    (a, b), (c, d) = first.pair, second.pair
    return (_covers(policy, a, c) and _covers(policy, b, d)) or (
        _covers(policy, a, d) and _covers(policy, b, c)
    )


def _flare_conflict(policy, first, second) -> bool:
    """One statement warns against a treatment on a condition, the other endorses it
    on a flare of that condition: the warning covers the flare."""
    (a, b), (c, d) = first.pair, second.pair
    if not _covers(policy, a, c):
        return False
    on_flare, on_condition = (second, first) if b in policy.terms[d].flare_of else (first, second)
    flare, condition = on_flare.pair[1], on_condition.pair[1]
    return (
        condition in policy.terms[flare].flare_of
        and on_flare.stance == FOR
        and on_condition.stance == AGAINST
    )


def _opposes(policy, earlier, later) -> bool:
    if _same_pairing(policy, earlier, later):
        return _conflicts(policy, earlier, later)
    return not (earlier.risk or later.risk) and _flare_conflict(policy, earlier, later)


def _related_families(policy, statement) -> list[tuple[str, ...]]:
    """The families of pairings whose statements this one may contradict: its own,
    and, for a flare, those of the conditions it is a flare of (and the reverse)."""
    treatment, target = statement.pair
    targets = [target, *policy.flare_kin(target)]
    return [tuple(sorted((_family(policy, treatment), _family(policy, t)))) for t in targets]


def _family(policy, term: str) -> str:
    """The broadest class a term belongs to: statements can only meet within it."""
    return policy.expand(term)[-1]


def check(ctx: Context):
    policy = ctx.policy
    # Earlier statements by family of pairing, keeping only the first of each exact
    # pairing and stance: that is all a later statement is compared with, so the
    # check stays linear in the length of the article.
    history: dict[tuple[str, ...], dict[tuple, object]] = {}
    reported = set()
    for statement in ctx.statements:
        if statement.via == "context" and not statement.advice:
            continue  # "milia clear on their own" under a needling heading says nothing of it
        families = _related_families(policy, statement)
        first_of_kind = (tuple(sorted(statement.pair)), statement.stance, statement.risk)
        if _may_report(ctx, statement):
            candidates = [s for f in families for s in history.get(f, {}).values()]
            yield from _report(ctx, statement, candidates, reported)
        history.setdefault(families[0], {}).setdefault(first_of_kind, statement)


def _may_report(ctx, statement) -> bool:
    """A statement about a treatment the sentence does not name is reported only as a
    labelled verdict: an item that opens with the condition ("Rosacea: not a good
    candidate") under a page about the treatment. Other such statements may still be
    contradicted, since what they borrow is less certain."""
    if statement.via != "context":
        return True
    if not statement.advice:
        return False
    if statement.timing and statement.stance == FOR:
        # "keep your retinol going until the night before" on a page about a
        # procedure speaks of that procedure: its opposite is a stop-before rule
        return True
    sentence = ctx.analysis.sentences[statement.sentence]
    block = ctx.analysis.block_sentences[sentence.block]
    return sentence.index == block[0] and any(
        m.term == statement.target and m.start - sentence.start <= 2 for m in sentence.mentions
    )


def _report(ctx, statement, earlier_ones, reported):
    sentences = ctx.analysis.sentences
    policy = ctx.policy
    block = sentences[statement.sentence].block
    key = (block, tuple(sorted(statement.pair)))
    if key in reported:  # once per paragraph and pairing
        return
    for earlier in sorted(earlier_ones, key=lambda s: s.sentence):
        if sentences[earlier.sentence].block == block or not _opposes(policy, earlier, statement):
            continue
        if statement.via == "context" and earlier.via == "context":
            continue  # two borrowed readings are too uncertain to set against each other
        reported.add(key)
        later_text = sentences[statement.sentence].text
        earlier_text = sentences[earlier.sentence].text
        earlier_start = ctx.analysis.span(sentences[earlier.sentence])[0]
        phrase = pairing_phrase(policy, *statement.pair)
        earlier_line = ctx.position(earlier_start)[0]
        message = (
            f"contradicts line {earlier_line} on {phrase}: this sentence "
            f"{_describe(statement, statement.cue)}, {quote(later_text)}, while line "
            f"{earlier_line} {_describe(earlier, earlier.cue)}, {quote(earlier_text)}"
        )
        yield ctx.sentence_finding(
            RULE.id,
            RULE.severity,
            statement.sentence,
            message,
            hint="make both places take the same stance, and cite the source for it",
            related=((earlier_start, f"the earlier statement: {quote(earlier_text)}"),),
        )
        return
