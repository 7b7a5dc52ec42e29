"""The rules, one module each, in an explicit registry.

Each module declares RULE (id, default severity, summary and documentation) and a
`check(context)` generator. Rules never read files or parse Markdown: they work on
the shared analysis in the context.
"""

from __future__ import annotations

from . import (
    contradictory_advice,
    discouraged_pairing,
    invalid_front_matter,
    missing_professional_notice,
    stale_baseline,
    uncited_claim,
    unused_suppression,
)
from .base import Context, Rule

__all__ = ["CHECKS", "Context", "MODULES", "RULES", "Rule"]

MODULES = (
    contradictory_advice,
    uncited_claim,
    missing_professional_notice,
    discouraged_pairing,
    invalid_front_matter,
    unused_suppression,
    stale_baseline,
)
RULES: dict[str, Rule] = {m.RULE.id: m.RULE for m in MODULES}
CHECKS = {m.RULE.id: m.check for m in MODULES if m.check is not None}
