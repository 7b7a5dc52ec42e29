"""uncited-claim: an efficacy, safety or statistical claim with nothing to check it by."""

from __future__ import annotations

from .base import Context, Rule, quote

RULE = Rule(
    id="uncited-claim",
    severity="warning",
    summary="An efficacy, safety or statistical claim with no citation in its paragraph.",
    what=(
        "Finds sentences that claim efficacy, safety or a statistic (appeals to research, "
        "studies named without a source, figures of effect, superlatives, appeals to "
        "unnamed experts, firm efficacy statements about a treatment) in a paragraph or "
        "list item that cites nothing: no link, footnote reference [^1], numbered "
        "reference [3], author-year (Lee et al., 2019), DOI or PMID."
    ),
    why=(
        "Health claims need evidence a reader can check (HONcode, the FTC's "
        "substantiation standard, the ASA/CAP code). “Studies show” without a study is "
        "the most common reason a medical reviewer sends an article back."
    ),
    example=(
        "Several studies have shown that microneedling boosts collagen by 400% after a "
        "single session."
    ),
    instead=(
        "Link the study or add a footnote in the same paragraph: “A 2021 split-face trial "
        "[^3] found ...”, or soften the claim to what is known: “Microneedling may improve "
        "the look of acne scars.”"
    ),
    passes=(
        "“Microneedling uses fine needles to make tiny punctures.” (a description), "
        "“Avoid makeup for 24 hours.” (an instruction), “Evidence for this is limited.” "
        "(a hedge), a claim with [^2] or a link in its paragraph."
    ),
)


def check(ctx: Context):
    for claim in ctx.claims:
        sentence = ctx.sentence(claim.sentence)
        message = (
            f"{claim.label} with no source: “{claim.cue}” in {quote(sentence.text)}; "
            "nothing in this paragraph lets a reader check it"
        )
        yield ctx.sentence_finding(
            RULE.id,
            RULE.severity,
            claim.sentence,
            message,
            hint=claim.hint,
        )
