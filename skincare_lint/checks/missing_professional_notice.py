"""missing-professional-notice: a treatment article that never says to see a professional."""

from __future__ import annotations

from dataclasses import replace

from .base import Context, Rule

RULE = Rule(
    id="missing-professional-notice",
    severity="error",
    summary="Discusses a treatment but never tells readers to consult a professional.",
    what=(
        "An article that names a procedure, a prescription drug or an active ingredient "
        "must tell the reader, somewhere in its prose, to consult a dermatologist, doctor, "
        "GP, pharmacist, healthcare provider or qualified practitioner. Reported once, at "
        "line 1. A notice inside a code block or an HTML comment does not count, and a "
        "booking call to action (“Book your consultation today!”) is not a notice."
    ),
    why=(
        "Health information should support, not replace, the relationship between a "
        "reader and their clinician (HONcode principle 2, DISCERN question 15)."
    ),
    example="Retinol is the gold standard for fine lines. Start with 0.25% twice a week.",
    instead=(
        "Add a notice where readers will see it: “Talk to a board-certified dermatologist "
        "before starting a prescription retinoid, especially if you are pregnant.”"
    ),
    passes="“Ask your pharmacist”, “see a board-certified dermatologist”, “talk to your GP”.",
)


def check(ctx: Context):
    treatments = ctx.analysis.treatments
    if not treatments or ctx.notices:
        return
    first = min(treatments.values())
    named = sorted(treatments, key=treatments.get)
    labels = ", ".join(ctx.policy.terms[t].label for t in named[:3])
    line = ctx.position(ctx.analysis.span(ctx.sentence(first))[0])[0]
    text = ctx.document.text
    end = text.find("\n")
    end = len(text) if end < 0 else end
    finding = ctx.finding(
        RULE.id,
        RULE.severity,
        0,
        max(end, 0),
        f"discusses {labels} (first on line {line}) but never tells readers to consult a "
        "dermatologist, doctor, pharmacist or other qualified professional",
        hint=(
            "add a sentence such as “Talk to a board-certified dermatologist before trying "
            "this treatment.”"
        ),
    )
    # One per article: its identity is the article, not whatever its first line says.
    yield replace(finding, quote="")
