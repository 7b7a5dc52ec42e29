"""Read a parsed article the way a reviewer does: sentences, terms, frames.

The analysis runs once per article and is shared by every rule: each sentence knows
which policy terms it names, whether it is a question, and whether its writer is
asserting anything at all (myths, hearsay and rhetorical frames are not assertions).
Stances, claims and notices are derived from it in their own modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Block, Document
from .policy import NOTICE_KINDS, Policy, normalise_name
from .products import name_pattern, product_names
from .sentences import split_sentences


@dataclass(slots=True)
class Mention:
    term: str
    start: int  # offsets in the block's prose
    end: int


@dataclass(slots=True)
class Sentence:
    block: int
    start: int
    end: int
    text: str
    mentions: list[Mention]
    question: bool
    assertive: bool
    index: int = 0
    in_references: bool = False  # listed under a References or Sources heading


@dataclass(slots=True)
class Analysis:
    document: Document
    policy: Policy
    sentences: list[Sentence]
    block_sentences: list[list[int]]  # sentence indexes per block
    cited_blocks: set[int] = field(default_factory=set)
    # treatments that call for a professional notice -> the sentence first naming them
    treatments: dict[str, int] = field(default_factory=dict)
    # product names the article introduces -> the treatment each one holds
    products: dict[str, str] = field(default_factory=dict)

    def block(self, sentence: Sentence) -> Block:
        return self.document.blocks[sentence.block]

    def span(self, sentence: Sentence, start: int | None = None, end: int | None = None):
        """Absolute source (start, end) offsets of a sentence or part of one."""
        block = self.block(sentence)
        s = sentence.start if start is None else start
        e = sentence.end if end is None else end
        return block.source_offset(s), block.source_offset(max(s, e - 1)) + 1


def find_mentions(policy: Policy, text: str) -> list[Mention]:
    """Policy terms named in text, longest names first, never overlapping."""
    found: list[Mention] = []
    if policy.term_pattern is not None:
        for match in policy.term_pattern.finditer(text):
            term = policy.names.get(normalise_name(match.group(0)))
            if term is None:
                term = _plural_lookup(policy, match.group(0))
            if term is None:
                continue
            guard = policy.not_after.get(term)
            if guard and guard.search(text, max(0, match.start() - 24), match.start()):
                continue  # "make your face peel" is not a chemical peel
            found.append(Mention(term, match.start(), match.end()))
    if policy.exact_pattern is not None:
        for match in policy.exact_pattern.finditer(text):
            word = match.group(0)
            term = policy.names.get("=" + word) or policy.names.get("=" + word[:-1])
            if term is not None and not any(
                m.start < match.end() and match.start() < m.end for m in found
            ):
                found.append(Mention(term, match.start(), match.end()))
    if policy.verb_pattern is not None:
        for match in policy.verb_pattern.finditer(text):
            # "we needle the whole area", "I roll right over mine": a verb names the
            # treatment only where a subject or an auxiliary comes just before it
            if not policy.verb_subject.search(text, max(0, match.start() - 30), match.start()):
                continue
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            found.append(Mention(policy.verbs[match.group(0).lower()], match.start(), match.end()))
    found.sort(key=lambda m: m.start)
    return found


def _plural_lookup(policy: Policy, text: str) -> str | None:
    key = normalise_name(text)
    for suffix in ("es", "s"):
        if key.endswith(suffix) and key[: -len(suffix)] in policy.names:
            return policy.names[key[: -len(suffix)]]
    return None


# A question mark at the end, perhaps inside quotes or before a parenthesis:
# 'Thread 4: "Does it help?" (64 replies)'.
_QUESTION_END = re.compile(r"\?[\"'”’)*_\]]*(?:\s*\([^()]*\))?[\"'”’)*_\s]*$")

# A year in a paragraph under a References heading: "Lee J. (2019) ..." is an entry.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _reference_entry(policy: Policy, block: Block) -> bool:
    """Whether a block under a References heading is a source listed there, rather
    than a note added after the list ("Update: we now offer ...")."""
    if block.kind == "heading":
        return False
    return block.in_list or _has_citation(policy, block) or bool(_YEAR.search(block.text))


def _has_citation(policy: Policy, block: Block) -> bool:
    return block.citation_marks > 0 or policy.citation.search(block.text) is not None


# A claim and its rebuttal in one item: "Toothpaste on spots: no."
_MYTH_ITEM = re.compile(r"[^:.!?]{3,160}:\s")


def analyse(document: Document, policy: Policy) -> Analysis:
    sentences: list[Sentence] = []
    block_sentences: list[list[int]] = []
    cited: set[int] = set()
    treatments: dict[str, int] = {}
    in_references = in_myths = False
    for b, block in enumerate(document.blocks):
        if block.kind == "heading":
            in_references = bool(policy.reference_heading.match(block.text.strip()))
            in_myths = bool(policy.myth_heading.search(block.text))
        if _has_citation(policy, block):
            cited.add(b)
        indexes = []
        in_myth = asking = False
        spans = [(0, len(block.text))] if block.kind == "heading" else split_sentences(block.text)
        for start, end in spans:
            text = block.text[start:end]
            mentions = [
                Mention(m.term, m.start + start, m.end + start) for m in find_mentions(policy, text)
            ]
            if policy.myth_label.match(text):
                in_myth = True
            elif policy.fact_label.match(text):
                in_myth = False
            if policy.question_label.match(text):
                asking = True
            elif policy.answer_label.match(text):
                asking = False
            question = (
                asking
                or _QUESTION_END.search(text) is not None
                or policy.reported_question.search(text) is not None
                or (block.kind == "heading" and bool(policy.interrogative.match(text)))
            )
            # under a "Myths" heading, "Sunbathing clears acne: a tan hides redness" names
            # the myth before its colon and rebuts it after
            listed_myth = in_myths and block.kind != "heading" and _MYTH_ITEM.match(text)
            assertive = (
                not question
                and not in_myth
                and not listed_myth
                and not policy.non_assertive.search(text)
            )
            if in_references and _reference_entry(policy, block):
                assertive = False
            sentence = Sentence(b, start, end, text, mentions, question, assertive)
            sentence.in_references = in_references
            sentence.index = len(sentences)
            indexes.append(sentence.index)
            sentences.append(sentence)
            for mention in mentions:
                if policy.terms[mention.term].kind in NOTICE_KINDS:
                    treatments.setdefault(mention.term, sentence.index)
        block_sentences.append(indexes)
    products = _add_product_mentions(policy, sentences, treatments)
    return Analysis(document, policy, sentences, block_sentences, cited, treatments, products)


def _add_product_mentions(policy: Policy, sentences: list[Sentence], treatments) -> dict:
    """Once the article has introduced a product ("Midnight Reset is a serum built
    around glycolic acid"), its name stands for the treatment it holds."""
    names = product_names(policy, sentences)
    pattern = name_pattern(names)
    if pattern is None:
        return names
    for sentence in sentences:
        added = False
        for match in pattern.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if any(m.start < end and start < m.end for m in sentence.mentions):
                continue
            sentence.mentions.append(Mention(names[match.group(0)], start, end))
            added = True
        if added:
            sentence.mentions.sort(key=lambda m: m.start)
            for mention in sentence.mentions:
                if policy.terms[mention.term].kind in NOTICE_KINDS:
                    previous = treatments.get(mention.term, sentence.index)
                    treatments[mention.term] = min(previous, sentence.index)
    return names
