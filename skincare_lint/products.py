"""Product names that stand for the treatment they contain.

Product pages and reviews introduce a product once ("Midnight Reset is a
lightweight serum built around 10% glycolic acid", "the Clarity Pen, our home
microneedling device") and then name only the product: "Midnight Reset is suitable
for rosacea-prone skin" is a statement about glycolic acid. This module finds such
introductions in an article and the later sentences that name the product.
"""

from __future__ import annotations

import re

from .policy import TREATMENT_KINDS

# A product name: up to four capitalised words or figures ("Midnight Reset",
# "ReNew", "Clarity Night Cream", "NuFACE Mini").
_NAME = r"(?P<name>[A-Z][\w'’&+]*(?:[ -][A-Z0-9][\w'’&+]*){0,3})(?P<mark>\s?[®™])?"
# ... followed at once by the treatment ("Midnight Reset 10% Glycolic Night Serum"),
# perhaps after a word for the kind of device (policy: product_modifiers),
_DIRECT = re.compile(_NAME + r"\s+(?:\d+(?:\.\d+)?\s?%\s+)?$")
# ... or by an apposition or a definition that reaches it ("ReNew, our serum with
# glycolic acid", "Midnight Reset is a serum built around glycolic acid").
_DEFINED = re.compile(
    _NAME
    + r"(?:,\s+|\s+(?:is|are)\s+|\s*\(\s*|\s+[–—-]\s+)(?:an?\s+|our\s+|the\s+|your\s+)?"
    + r"(?P<gap>(?:[^.;:()]|\.(?=\d)){0,80}?)\s*$"  # "our 0.1% retinal serum"
)
_MAX_LOOKBACK = 120


def _title_case(text: str) -> bool:
    """A heading in title case capitalises most words, names or not."""
    words = re.findall(r"[A-Za-z][\w'’]*", text)
    return len(words) > 2 and sum(w[0].isupper() for w in words) > len(words) / 2


def _acceptable(policy, name: str, marked: bool, gap: str | None) -> bool:
    words = name.split()
    if any(policy.name_stopword.fullmatch(w) for w in words):
        return False
    if any(len(w) > 3 and w.isupper() for w in words):
        return False  # "LARKFIELD DERMATOLOGY": a letterhead, not a product
    distinctive = len(words) > 1 or marked or bool(re.search(r"[a-z][A-Z]|\d", name))
    if not distinctive:
        return False
    if gap is None:  # named right before the treatment: a title or a shelf label
        return len(words) > 1 or marked
    # a model number or a run-together name ("Halcyra PL7", "SolaPulse") is a product
    # name whatever the gap; "Dr Amara Lewis is a laser specialist" is not
    model = bool(re.search(r"[a-z][A-Z]|\d", name))
    return model or bool(policy.product_noun.search(gap) or policy.product_noun.search(name))


def product_names(policy, sentences) -> dict[str, str]:
    """Names the article introduces as products, mapped to the treatment they hold."""
    names: dict[str, str] = {}
    brands: dict[str, set[str]] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            if policy.terms[mention.term].kind not in TREATMENT_KINDS:
                continue
            local = mention.start - sentence.start
            before = sentence.text[max(0, local - _MAX_LOOKBACK) : local]
            # "the Lumivi Glide home IPL": the device word stands between
            direct = policy.product_modifier.sub("", before)
            found = None if _title_case(sentence.text) else _DIRECT.search(direct)
            gap = None
            if found is None:
                found = _DEFINED.search(before)
                gap = found.group("gap") if found else None
            if found is None:
                continue
            name = found.group("name").strip()
            name_start = sentence.start + max(0, local - _MAX_LOOKBACK) + found.start("name")
            words = name.split()
            while words and policy.name_stopword.fullmatch(words[0]):
                name_start += len(words[0]) + 1  # "The Clear Tone laser": "Clear Tone"
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            if any(
                m.start < name_start + len(name) and name_start < m.end for m in sentence.mentions
            ):
                continue  # "Clarity BHA": a name that holds a term is that term
            if _acceptable(policy, name, bool(found.group("mark")), gap):
                # "Orvelle Glow Tonic" is later just "Glow Tonic": the brand or an
                # opening verb ("Sweep Orvelle Glow Tonic ...") drops away
                for first in range(len(words) - 1):
                    names.setdefault(" ".join(words[first:]), mention.term)
                if len(words) > 1:
                    brands.setdefault(words[0], set()).add(mention.term)
    for brand, held in brands.items():
        # "Don't use Veloura over active spots": the brand alone names its product,
        # where it makes only one kind and is written as a name mid-sentence
        if len(held) == 1 and brand not in names and _used_as_name(policy, brand, sentences):
            names[brand] = held.pop()
    return names


def _used_as_name(policy, word: str, sentences) -> bool:
    """A capitalised word that is not a stopword, seen on its own after a lower-case
    word within a sentence: a name, not a word that opens a sentence ("Clear skin")
    nor the first word of the full name ("the Clear Tone laser")."""
    if len(word) < 4 or word.isupper() or policy.name_stopword.fullmatch(word):
        return False
    inside = re.compile(
        r"(?<![\w'’-])[a-z][\w'’-]*,?\s" + re.escape(word) + r"(?![\w-]|\s[A-Z0-9])"
    )
    return any(inside.search(sentence.text) for sentence in sentences)


def name_pattern(names: dict[str, str]) -> re.Pattern | None:
    """One pattern for the names, longest first, matched case-sensitively."""
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")
