"""discouraged-pairing: the article endorses a combination the policy discourages."""

from __future__ import annotations

from ..stance import FOR
from .base import Context, Rule, quote
from .wording import pairing_phrase

RULE = Rule(
    id="discouraged-pairing",
    severity="error",
    summary="Endorses or permits a treatment combination the policy discourages.",
    what=(
        "Looks up every pairing the article endorses or permits (a treatment on a "
        "condition, during pregnancy, or together with another treatment) in the "
        "policy's table of discouraged pairings (rules/pairings.yaml). Pairings the "
        "policy says to avoid are errors; pairings that call for caution are warnings, "
        "and are not raised when the same paragraph already urges caution or a "
        "professional's advice. A warning against the pairing never fires."
    ),
    why=(
        "Readers act on what an article permits. Each row of the policy names the harm "
        "and its source: needling over milia cannot clear them and can cause new ones, "
        "needling active acne spreads bacteria, retinoids before a peel over-exfoliate."
    ),
    example="The short answer is yes: microneedling can be performed over milia.",
    instead=(
        "Warn against the pairing and offer what the policy recommends: “Do not "
        "microneedle over milia; a dermatologist can extract them instead.”"
    ),
    passes=(
        "“Do not microneedle over milia.”, “Wait until the cold sore has healed before "
        "your peel.”, “Can you microneedle over milia?” (a question)."
    ),
)


def check(ctx: Context):
    policy = ctx.policy
    reported = set()
    for statement in ctx.statements:
        # the most specific row only: isotretinoin's own row, not also the retinoid one
        for row in policy.pairings_for(statement.treatment, statement.target)[:1]:
            requires = row.relation == "requires"
            endorsed = statement.omits if requires else statement.stance == FOR
            if not endorsed:
                continue
            if row.strength == "caution" and statement.caveat:
                continue
            # once per paragraph: "Yes. You can ..." is one endorsement, not two
            key = (ctx.sentence(statement.sentence).block, row.id)
            if key in reported:
                continue
            reported.add(key)
            severity = "error" if row.strength == "avoid" else "warning"
            verb = "tells readers they can skip" if row.relation == "requires" else "endorses"
            phrase = pairing_phrase(policy, row.treatment, row.target)
            if row.relation == "requires":
                phrase = (
                    f"{policy.terms[row.target].label} with {policy.terms[row.treatment].label}"
                )
            how = {"reference": " (by reference)", "lead-in": " (from the list's lead-in)"}
            via = how.get(statement.via, "")
            message = (
                f"{verb} {phrase}{via} in {quote(ctx.sentence(statement.sentence).text)}; "
                f"the policy {'discourages' if row.strength == 'avoid' else 'urges caution with'} "
                f"this because {row.reason} (source: {row.source})"
            )
            yield ctx.sentence_finding(
                RULE.id, severity, statement.sentence, message, hint=row.instead
            )
