"""unused-suppression: a suppression comment that silences nothing."""

from __future__ import annotations

from .base import Rule

RULE = Rule(
    id="unused-suppression",
    severity="info",
    summary="A skincare-lint-disable comment that no longer silences any finding.",
    what=(
        "Reports inline suppression comments (disable, disable-next-line, disable-file) for "
        "rules that ran and found nothing to silence where the comment applies."
    ),
    why=(
        "Old suppressions pile up after articles are edited and then hide new problems "
        "that appear in the same place."
    ),
    example="<!-- skincare-lint-disable-next-line uncited-claim -->\nRinse with lukewarm water.",
    instead="Delete the comment.",
)
check = None  # reported by the engine, which knows which suppressions were used
