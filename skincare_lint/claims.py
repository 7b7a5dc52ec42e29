"""Find claims a reader would want a source for, and whether one is given.

A claim is a sentence that asserts efficacy, safety or a statistic: an appeal to
research, a study named without a source, a figure of effect, a superlative, an appeal
to unnamed experts, or a firm efficacy statement about a named treatment. Questions,
headings, myths, hearsay and sentences that only say the evidence is thin are not
claims. A citation anywhere in the same paragraph or list item covers its claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import Analysis
from .dispatch import group_name


@dataclass(slots=True)
class Claim:
    sentence: int
    category: str  # claim category id from the policy
    label: str  # how the category is described to editors
    hint: str  # what the writer can do about it
    cue: str  # the words that make it a claim
    cue_start: int  # offsets of the cue in the block's prose
    cue_end: int


def _candidates(pattern, text: str):
    """Every match, trying again one character on after each: when a longer match is
    set aside ("are completely safe for" names no treatment), a shorter one inside it
    ("completely safe") still counts. Each search stops at the nearest match, so the
    scan stays linear."""
    position = 0
    while (found := pattern.search(text, position)) is not None:
        yield found
        position = found.start() + 1


def find_claims(analysis: Analysis) -> list[Claim]:
    policy = analysis.policy
    blocks = analysis.document.blocks
    claims = []
    for sentence in analysis.sentences:
        if not sentence.assertive or blocks[sentence.block].kind == "heading":
            continue
        if sentence.block in analysis.cited_blocks:
            continue
        text = sentence.text
        match = None
        for candidate in _candidates(policy.claims, text):
            category = policy.claim_categories[group_name(candidate)]
            if category.needs_term and not _names_treatment(analysis, sentence, text):
                continue
            before = text[max(0, candidate.start() - 30) : candidate.start()]
            # "there is no cure", "not risk-free"; a figure stays a figure
            if category.negatable and policy.negator.search(before):
                continue
            if category.softened_by_modals and policy.soft_modal.search(before):
                continue  # "may help brighten dull skin" hopes, it does not claim
            if category.told_as_story and policy.testimony.search(text):
                continue  # "the best thing I ever did" tells a story, not a finding
            if category.told_as_instruction and _instructs(text, candidate):
                continue  # "calm the breakouts first" tells the reader what to do
            match = candidate
            break
        if match is None:
            continue
        category = policy.claim_categories[group_name(match)]
        if category.hedgeable and policy.hedge.search(text):
            continue
        claims.append(
            Claim(
                sentence=sentence.index,
                category=category.id,
                label=category.label,
                hint=category.hint,
                cue=match.group(0),
                cue_start=sentence.start + match.start(),
                cue_end=sentence.start + match.end(),
            )
        )
    return claims


# Where a clause opens: the sentence start, a colon or semicolon, or "then"/"first".
_CLAUSE_OPENING = re.compile(r"(?:^|[:;]|\b(?:then|first))\W*$", re.IGNORECASE)


def _instructs(text: str, match) -> bool:
    """A verb in its bare form ("clear", not "clears") opening a clause is an
    instruction, not a claim about what a treatment does."""
    verb = match.group(0).split()[0].lower()
    return not verb.endswith("s") and bool(_CLAUSE_OPENING.search(text[: match.start()]))


def _names_treatment(analysis: Analysis, sentence, text: str) -> bool:
    terms = analysis.policy.terms
    if any(terms[m.term].is_treatment for m in sentence.mentions):
        return True
    return bool(analysis.policy.anaphor.search(text))
