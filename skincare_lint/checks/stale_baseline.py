"""stale-baseline: a baseline entry that no longer matches any finding."""

from __future__ import annotations

from .base import Rule

RULE = Rule(
    id="stale-baseline",
    severity="info",
    summary="The baseline lists findings that no longer occur in this article.",
    what=(
        "With --baseline, reports entries of the baseline file whose findings are gone from "
        "an article that was checked, at line 1 of that article."
    ),
    why=(
        "A baseline that keeps entries for fixed findings would silently accept the same "
        "problem if it came back."
    ),
    example="(an entry for a sentence that has since been rewritten)",
    instead="Run `skincare-lint baseline write` again to refresh the baseline.",
)
check = None  # reported when the baseline is applied
