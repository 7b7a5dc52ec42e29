"""Phrasing shared by rule messages, so pairings read the same everywhere."""

from __future__ import annotations


def pairing_phrase(policy, treatment: str, target: str) -> str:
    """'microneedling on skin with milia', 'retinoids during pregnancy or breastfeeding'."""
    first = policy.terms[treatment]
    second = policy.terms[target]
    if second.kind == "condition":
        return f"{first.label} on skin with {second.label}"
    if second.kind == "population":
        return f"{first.label} during {second.label}"
    if second.kind == "product":
        return f"{first.label} without {second.label}"
    return f"{first.label} together with {second.label}"
