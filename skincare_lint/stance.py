"""Find what an article says about doing a treatment for, on or with something.

A statement is (treatment, target, stance) read from one sentence: "for" (endorses or
permits), "against" (warns, advises waiting) or "unsure" (says the evidence is not
in). Stance comes from cue phrases in the policy:

- a negation flips the cue that follows it ("not safe", "never combine"), and a frame
  such as "it is not true that" flips the rest of the sentence;
- concessive and conditional clauses ("while ...", "if ...") take no stance; the main
  clause does;
- a condition that resolves the pairing ("once the cold sore has healed") means the
  clause advises waiting, whatever else it says;
- otherwise the cue nearest the target decides, and cues that only say things happen
  together ("combine", "together") count when nothing else in the clause does.

A sentence without a treatment of its own borrows one: "it" or "the procedure" points
back to the last treatment named in the paragraph (then the section), a list item takes
it from its lead-in ("Avoid microneedling if you have:"), and "Yes." takes the pairing
of the question it answers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .analysis import Analysis, Mention, Sentence
from .dispatch import group_name

FOR, AGAINST, UNSURE = "for", "against", "unsure"
_FLIP = {
    "positive_assert": "negative",
    "positive_strong": "negative",
    "positive_weak": "negative",
    "positive_timing": "negative",
    "positive_efficacy": "negative",
    "positive_context": "negative",
    "negative": "positive_strong",
    "risk": "positive_strong",
    "uncertain": "uncertain",
    "resolvers": "resolvers",
}
_STANCE = {
    "positive_assert": FOR,
    "positive_strong": FOR,
    "positive_weak": FOR,
    "positive_timing": FOR,
    "positive_efficacy": FOR,
    "positive_context": FOR,
    "negative": AGAINST,
    "risk": AGAINST,
    "resolvers": AGAINST,
    "uncertain": UNSURE,
    "omission": AGAINST,
    "insist": FOR,
    "practice": FOR,
}
_ADVICE = frozenset(
    {
        "negative",
        "resolvers",
        "positive_assert",
        "positive_strong",
        "positive_timing",
        "omission",
        "insist",
    }
)
# Two treatments offered as alternatives, not as a combination: "X or Y", "X, or Y".
_ALTERNATIVES = re.compile(r"\s*,?\s*(?:or|and/or)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?", re.I)
# Treatments listed one after another ("retinol, retinoids, vitamin C or acids").
_ENUMERATION = re.compile(r"(?:\s*(?:,|\band\b|\bor\b|&)\s*(?:[\w-]+(?:\s+|(?=,)|$)){0,4})+", re.I)
_NEGATION_REACH = 30  # characters a negator reaches forward to flip a cue
_SECTION_LOOKBACK = 4  # paragraphs searched back for the treatment being discussed
_LOOKBACK = 12  # sentences searched back within one paragraph
_BORROWED_REACH = 40  # characters between a borrowed statement's cue and its target
# Punctuation between a negation and a cue ends the negation's reach.
_PUNCTUATION = re.compile(r"[,;:.!?]")
# What may follow a clause's last word: closing punctuation, or the end of the text.
_CLAUSE_OVER = re.compile(r"\W*(?:[,;:.!?)]|$)")
# Where a frame such as "it is not true that" stops reaching.
_CLAUSE_END = re.compile(r"[:;]|\s[-–—]\s")


@dataclass(slots=True)
class Statement:
    treatment: str
    target: str
    stance: str
    strong: bool  # asserts it is safe or effective, rather than permitting it
    risk: bool  # only says it can do harm, without advising against it
    advice: bool  # advises (for or against) rather than describing what it does
    sentence: int
    cue: str
    via: str  # "" | "reference" | "context" | "lead-in" | "answer"
    caveat: bool  # the paragraph also urges caution or a professional's advice
    omits: bool  # the sentence tells readers to skip the target
    # advises waiting for something other than the target to clear: "good for acne
    # scars once the skin is clear" permits treating the scars
    waits_for_other: bool = False
    # keeps a product up to, or starts it right after, a procedure ("the night before")
    timing: bool = False

    @property
    def pair(self) -> tuple[str, str]:
        return (self.treatment, self.target)


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    kind: str
    text: str
    dropped: bool = False
    bare: bool = False  # a lone negation ("don't") with no cue after it


def _clauses(policy, text: str) -> list[tuple[int, int, str]]:
    """(start, end, mode) for each clause of a sentence. mode is "main"; "concessive"
    ("while it helps scars, ...": keeps its own stance); "conditional" ("if you have
    acne, ...": takes the main clause's); or "none" (hearsay: no stance at all)."""
    bounds = [0, *(m.start() for m in policy.clause_break.finditer(text)), len(text)]
    clauses = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        part = text[start:end]
        lead = len(part) - len(part.lstrip(" ,;:"))
        opener = part[lead:]
        found = policy.concessive.match(opener)
        mode = "concessive" if found else ""
        if not found:
            found = policy.subordinate.match(opener)
            mode = "conditional" if found else ""
        comma = part.find(",", lead + found.end()) if found else -1
        if mode and 0 < comma < len(part) - 1:
            clauses.append((start, start + comma, mode))
            clauses.append((start + comma + 1, end, "main"))
        else:
            clauses.append((start, end, mode or "main"))
    return [
        (s, e, "none" if policy.non_assertive.search(text[s:e]) else mode) for s, e, mode in clauses
    ]


def _cues(policy, text: str) -> list[_Cue]:
    kinds = policy.stance_kinds
    cues = [
        _Cue(m.start(), m.end(), kinds[group_name(m)], m.group(0))
        for m in policy.stance.finditer(text)
    ]
    # A bare negation ("do not", "never") flips the cue right after it.
    for cue, nxt in zip(cues, cues[1:], strict=False):
        if (
            cue.kind == "negative"
            and nxt.kind != "resolvers"
            and policy.bare_negator.match(cue.text.lower())
            and nxt.start - cue.end <= _NEGATION_REACH
            and not _PUNCTUATION.search(text, cue.end, nxt.start)
        ):
            nxt.kind = _FLIP[nxt.kind]
            cue.dropped = True
    # "no need to wait until the course finishes": the wait is waived, not advised
    for cue, nxt in zip(cues, cues[1:], strict=False):
        if (
            nxt.kind == "resolvers"
            and _STANCE[cue.kind] == FOR
            and cue.kind != "positive_efficacy"  # "Treat only once it has calmed" waits
            and nxt.start - cue.end <= 1
        ):
            nxt.dropped = True
    for cue in cues:
        if not cue.dropped and cue.kind == "negative":
            cue.bare = bool(policy.bare_negator.match(cue.text.lower()))
            if (
                cue.bare
                and _CLAUSE_OVER.match(text, cue.end)
                and policy.unsaid.search(text, 0, cue.start)
            ):
                cue.dropped = True  # "what it doesn't.": nothing is advised against
        if (
            cue.start
            and cue.kind != "resolvers"  # "if it has healed" is a wait, not a question
            and policy.hypothetical.search(text[max(0, cue.start - 60) : cue.start])
        ):
            cue.dropped = True  # "to determine if it is suitable": an open question
    # A negator that is not itself a cue ("is not", "no") flips the next cue.
    previous_end = 0
    for cue in cues:
        if not cue.dropped:
            window = text[max(previous_end, cue.start - _NEGATION_REACH) : cue.start]
            if (
                policy.negator.search(window)
                and not policy.pseudo_negator.search(text[cue.start - len(window) :])
                and not policy.bare_negator.match(cue.text.lower())
            ):
                cue.kind = _FLIP[cue.kind]
        previous_end = cue.end
    frame = policy.flip_frame.search(text)
    if frame:  # "It is not true that ..." reaches to the end of its clause
        stop = _CLAUSE_END.search(text, frame.end())
        end = stop.start() if stop else len(text)
        for cue in cues:
            if frame.end() <= cue.start < end:
                cue.kind = _FLIP[cue.kind]
    return [c for c in cues if not c.dropped]


def _distance(cue: _Cue, position: int) -> int:
    if cue.end <= position:
        return position - cue.end
    return max(0, cue.start - position)


def _decide(cues: list[_Cue], position: int) -> _Cue | None:
    """The cue that decides a clause's stance on the term at position."""
    if not cues:
        return None
    resolvers = [c for c in cues if c.kind == "resolvers"]
    if resolvers:
        return resolvers[0]
    main = [c for c in cues if c.kind != "positive_context"] or cues
    # Advice ("do not") outranks a mere risk ("can inflame").
    warnings = [c for c in main if c.kind == "negative"] + [c for c in main if c.kind == "risk"]
    overridden = ("negative", "risk", "positive_timing", "positive_context", "positive_efficacy")
    if warnings and all(c.kind in overridden for c in main):
        return warnings[0]
    # On a tie the warning wins: it is the safer reading.
    best = min(main, key=lambda c: (_distance(c, position), c.kind not in ("negative", "risk")))
    # "no evidence that it is safe", "evidence that it clears acne is limited"
    doubt = next((c for c in main if c.kind == "uncertain"), None)
    hedged = best.kind in ("positive_efficacy", "positive_weak")
    if doubt is not None and _STANCE[best.kind] == FOR and (doubt.start < best.start or hedged):
        return doubt
    if _STANCE[best.kind] == FOR:  # "is a safe and effective treatment ... to improve"
        best = next((c for c in main if c.kind == "positive_assert"), best)
    if best.kind in ("positive_timing", "positive_context"):  # "the day of ... we can still"
        best = next((c for c in main if c.kind == "positive_strong"), best)
    return best


def _too_far(cue: _Cue, position: int) -> bool:
    """Whether a cue is too far from the target to speak for a borrowed treatment."""
    return _distance(cue, position) > _BORROWED_REACH


def _pick_cue(
    clauses, cues, target_at: int, treatment_at: int | None, refers_back=None
) -> _Cue | None:
    """The cue that gives the sentence's stance on the target. When treatment and
    target sit in different clauses, the treatment's clause speaks for it, unless the
    target's clause refers back to the treatment ("avoid X, but it is fine for Y")."""

    def clause_of(position):
        for clause in clauses:
            if clause[0] <= position < clause[1]:
                return clause
        return clauses[-1]

    def local(clause):
        return [c for c in cues if clause[0] <= c.start < clause[1]]

    target_clause = clause_of(target_at)
    if target_clause[2] == "none":  # hearsay
        return None
    if target_clause[2] == "concessive" and local(target_clause):  # granted, with its own stance
        return _decide(local(target_clause), target_at)
    order = (target_at, treatment_at)
    if treatment_at is not None and clause_of(treatment_at) != target_clause:
        start, end, _ = target_clause
        if not (refers_back and refers_back(start, end)):
            order = (treatment_at, target_at)
    # "If your skin has been calm for a few weeks, we're happy to go ahead": the
    # permission waits on what the condition resolves
    waits = next(
        (
            c
            for clause in clauses
            if clause[2] == "conditional"
            for c in local(clause)
            if c.kind == "resolvers"
        ),
        None,
    )
    for position in order:
        if position is None:
            continue
        clause = clause_of(position)
        if clause[2] == "main" and local(clause):
            chosen = _decide(local(clause), target_at)
            if waits is not None and chosen is not None and _STANCE[chosen.kind] == FOR:
                return waits
            return chosen
    main = [c for c in cues if any(s <= c.start < e and m == "main" for s, e, m in clauses)]
    return _decide(main, target_at)


class _Reader:
    """Walks the sentences in order, carrying context between them."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.policy = analysis.policy
        self.terms = analysis.policy.terms
        self.statements: list[Statement] = []
        self.last_question: tuple[list[tuple[str, str]], bool, int] | None = None
        self.lead_ins: dict[tuple, tuple[list[str], list[str], _Cue | None] | None] = {}
        self.last_pairs: tuple[int, list[tuple[str, str]]] = (-1, [])
        self.last_targets: tuple[int, list[str]] = (-1, [])
        self._cells: dict[tuple[int, int], list[int]] | None = None
        self._procedure_rows: dict[tuple[int, int], set[int]] = {}
        self._restrictions: dict[int, tuple[int, dict[str, int]]] = {}
        self._most_named: dict[str, str | None] = {}
        self._cue_cache: dict[str, list[_Cue]] = {}

    def cues(self, text: str) -> list[_Cue]:
        """The stance cues of a sentence, read once: fresh copies, since readers of
        a sentence may re-class them."""
        found = self._cue_cache.get(text)
        if found is None:
            found = self._cue_cache[text] = _cues(self.policy, text)
        return [_Cue(c.start, c.end, c.kind, c.text, c.dropped, c.bare) for c in found]

    def is_treatment(self, mention: Mention) -> bool:
        return self.terms[mention.term].is_treatment

    def is_treatment_id(self, term: str) -> bool:
        return self.terms[term].is_treatment

    def _recent_sentences(self, sentence: Sentence) -> Iterator[int]:
        """Sentences that give this one its context, nearest first: the paragraph so far
        (a bounded look back), the paragraphs before it in the section, the section's
        heading. A table cell looks at its row, then at its column's header."""
        analysis = self.analysis
        blocks = analysis.document.blocks
        block = blocks[sentence.block]
        if block.cell is not None:
            for b in reversed(self.cell_context(sentence.block)):
                yield from reversed(analysis.block_sentences[b])
            return
        first = max(analysis.block_sentences[sentence.block][0], sentence.index - _LOOKBACK)
        yield from range(sentence.index - 1, first - 1, -1)
        b = sentence.block - 1
        while b >= 0 and sentence.block - b <= _SECTION_LOOKBACK:
            if blocks[b].section != block.section:
                break
            yield from reversed(analysis.block_sentences[b][-_LOOKBACK:])
            b -= 1
        headings = analysis.document.headings
        if block.section and block.section <= len(headings):
            yield from analysis.block_sentences[headings[block.section - 1]]

    def context_treatments(self, sentence: Sentence) -> Iterator[str]:
        """Treatments named before this sentence, nearest first."""
        for index in self._recent_sentences(sentence):
            for mention in reversed(self.analysis.sentences[index].mentions):
                if self.is_treatment(mention):
                    yield mention.term

    def context_treatment(self, sentence: Sentence, procedure: bool = True) -> str | None:
        """The treatment being discussed. "it" (procedure=False) is the nearest one of
        any kind; "your session" is the nearest procedure, else the article's main one."""
        in_table = self.analysis.document.blocks[sentence.block].cell is not None
        nearest = None
        for term in self.context_treatments(sentence):
            if not procedure or in_table:  # a row names its own treatment
                return term
            if self.terms[term].kind == "procedure":
                return term
            nearest = nearest or term
        return self.main_procedure or nearest

    def context_condition(self, sentence: Sentence) -> str | None:
        """The condition being discussed: the nearest one named before this sentence,
        else the one the article names most often."""
        for index in self._recent_sentences(sentence):
            for mention in reversed(self.analysis.sentences[index].mentions):
                if self.terms[mention.term].kind == "condition":
                    return mention.term
        return self.most_named("condition")

    def context_drug(self, sentence: Sentence) -> str | None:
        """The drug whose course is being discussed: the nearest one named before this
        sentence, else the one the article names most often."""
        for term in self.context_treatments(sentence):
            if self.terms[term].kind == "drug":
                return term
        return self.most_named("drug")

    def most_named(self, kind: str) -> str | None:
        """The term of this kind the article names most often, counted once."""
        if kind not in self._most_named:
            counts: dict[str, int] = {}
            for other in self.analysis.sentences:
                for m in other.mentions:
                    if self.terms[m.term].kind == kind:
                        counts[m.term] = counts.get(m.term, 0) + 1
            self._most_named[kind] = max(counts, key=counts.get) if counts else None
        return self._most_named[kind]

    def context_partner(self, sentence: Sentence, own: list[str]) -> str | None:
        """The nearest earlier treatment that the policy pairs with one of this
        sentence's own, else the article's main procedure if it pairs."""
        for term in self.context_treatments(sentence):
            if term not in own and any(self.policy.pairings_for(term, o) for o in own):
                return term
        main = self.main_procedure
        if main and main not in own and any(self.policy.pairings_for(main, o) for o in own):
            return main
        return None

    def cell_context(self, block_index: int) -> list[int]:
        """The column header of a cell, then the other cells of its row, nearest last."""
        blocks = self.analysis.document.blocks
        table, row, column = blocks[block_index].cell
        if self._cells is None:
            self._cells = {}
            for i, other in enumerate(blocks):
                if other.cell is not None:
                    self._cells.setdefault((other.cell[0], other.cell[1]), []).append(i)
        header = [
            i for i in self._cells.get((table, 1), ()) if blocks[i].cell[2] == column and row != 1
        ]
        same_row = [i for i in self._cells.get((table, row), ()) if i != block_index]
        return header + same_row

    def row_mentions(self, sentence: Sentence, first_only: bool) -> list[Mention]:
        """What the cells to the left of a table cell name, in its row: all of them,
        or only the row's first cell (what the row is about)."""
        blocks = self.analysis.document.blocks
        cell = blocks[sentence.block].cell
        if cell is None:
            return []
        _, row, column = cell
        return [
            m
            for i in self.cell_context(sentence.block)
            if blocks[i].cell[1] == row
            and blocks[i].cell[2] < column
            and (blocks[i].cell[2] == 1 or not first_only)
            for s in self.analysis.block_sentences[i]
            for m in self.analysis.sentences[s].mentions
        ]

    def rows_name_procedures(self, sentence: Sentence) -> bool:
        """Whether the cells left of this one's column, in the table's other rows, name
        procedures: the table has a column saying which treatment each row is about."""
        blocks = self.analysis.document.blocks
        table, row, column = blocks[sentence.block].cell
        rows = self._procedure_rows.get((table, column))
        if rows is None:
            self.cell_context(sentence.block)  # indexes the cells
            rows = self._procedure_rows[(table, column)] = {
                r
                for (t, r), cells in self._cells.items()
                if t == table and r != 1
                for i in cells
                if blocks[i].cell[2] < column
                for s in self.analysis.block_sentences[i]
                for m in self.analysis.sentences[s].mentions
                if self.terms[m.term].kind == "procedure"
            }
        return bool(rows - {row})

    def row_targets(self, sentence: Sentence) -> list[Mention]:
        """In a table cell, the conditions its row's first cell names, as if named at the
        start of the cell: the row is about them."""
        return [
            Mention(m.term, sentence.start, sentence.start)
            for m in self.row_mentions(sentence, first_only=True)
            if self.terms[m.term].kind in ("condition", "population")
        ]

    def row_names(self, sentence: Sentence, term: str | None) -> bool:
        """Whether a cell to the left of this one, in its row, names the term."""
        return term is not None and any(
            m.term == term for m in self.row_mentions(sentence, first_only=False)
        )

    @property
    def main_procedure(self) -> str | None:
        """The procedure the article names most often, if any."""
        return self.most_named("procedure")

    def lead_in_for(self, block_index: int):
        """(treatments, targets, cue) of what introduces a list item (the paragraph or
        heading before its list) or a table cell (its column's header)."""
        blocks = self.analysis.document.blocks
        block = blocks[block_index]
        if block.cell is not None:
            if block.cell[1] == 1:
                return None  # the header row is what introduces the others
            key = ("cell", block.cell[0], block.cell[2])
        elif block.in_list and block.list_id >= 0:
            key = ("list", block.list_id)
        else:
            return None
        if key in self.lead_ins:
            return self.lead_ins[key]
        lead = None
        if block.cell is not None:
            header = self.cell_context(block_index)
            lead = header[0] if header and blocks[header[0]].cell[1] == 1 else None
        else:
            first = block_index
            while first > 0 and blocks[first - 1].list_id == block.list_id:
                first -= 1
            if first > 0 and (
                blocks[first - 1].kind == "heading" or blocks[first - 1].text.rstrip().endswith(":")
            ):
                lead = first - 1
        return self._lead_in_from(lead, key)

    def _lead_in_from(self, lead: int | None, key):
        if key in self.lead_ins:
            return self.lead_ins[key]
        result = None
        if lead is not None:
            indexes = self.analysis.block_sentences[lead]
            sentence = self.analysis.sentences[indexes[-1]] if indexes else None
            # a column asking "Do we offer needling for it?" is answered by each cell
            asks = sentence is not None and sentence.question and key[0] == "cell"
            if sentence is not None and (asks or not sentence.question):
                clauses = _clauses(self.policy, sentence.text)
                cues = [] if asks else self.cues(sentence.text)
                asserted = [
                    c for c in cues if any(s <= c.start < e and m != "none" for s, e, m in clauses)
                ]
                result = (
                    [m.term for m in sentence.mentions if self.is_treatment(m)],
                    [m.term for m in sentence.mentions if not self.is_treatment(m)],
                    _decide(asserted, len(sentence.text)),
                    asks,
                )
        self.lead_ins[key] = result
        return result

    def read(self) -> list[Statement]:
        last: list[Statement] = []
        for sentence in self.analysis.sentences:
            count = len(self.statements)
            self.read_sentence(sentence)
            if len(self.statements) > count:
                last = self.statements[count:]
            elif last and self.policy.same_goes.search(sentence.text):
                self.statements += self.same_goes(sentence, last)
        return [s for s in self.statements if not self.restricted_answer(s)]

    def restricted_answer(self, statement: Statement) -> bool:
        """ "Can I have it if I get cold sores?" "Yes, with a little planning. ... We
        never treat while a sore is active." A yes that its own paragraph goes on to
        restrict is a conditional yes, not an endorsement of the risky case. A
        restriction waits ("we'll rebook once it has healed") or warns about the same
        target; "keep the pen away from your lip line" only says how it is done."""
        if statement.via != "answer" or statement.stance != FOR:
            return False
        sentence = self.analysis.sentences[statement.sentence]
        last_wait, last_warning = self.restrictions(sentence.block)
        return max(last_wait, last_warning.get(statement.target, -1)) > sentence.index

    def restrictions(self, block: int) -> tuple[int, dict[str, int]]:
        """The last sentence of a paragraph that waits, and the last that warns about
        each term it names: read once per paragraph, so the check stays linear."""
        found = self._restrictions.get(block)
        if found is None:
            last_wait, last_warning = -1, {}
            for index in self.analysis.block_sentences[block]:
                other = self.analysis.sentences[index]
                kinds = {c.kind for c in self.cues(other.text) if not c.bare}
                if "resolvers" in kinds:
                    last_wait = index
                if "negative" in kinds:
                    last_warning.update((m.term, index) for m in other.mentions)
            found = self._restrictions[block] = (last_wait, last_warning)
        return found

    def same_goes(self, sentence: Sentence, last: list[Statement]) -> list[Statement]:
        """ "Stop retinol five days before. The same goes for tretinoin.": the stance
        of the statements just made, on each term this sentence names instead."""
        if sentence.block - self.analysis.sentences[last[0].sentence].block > 1:
            return []
        copies = []
        for mention in sentence.mentions:
            kind = self.terms[mention.term].kind
            for statement in last:
                for index, term in enumerate(statement.pair):
                    other = statement.pair[1 - index]
                    if term == mention.term or other == mention.term:
                        continue
                    if self.terms[term].kind != kind and (
                        kind == "procedure" or self.terms[term].kind == "procedure"
                    ):
                        continue  # a procedure stands in for a procedure, a product for one
                    if self.is_treatment_id(term) != self.is_treatment(mention):
                        continue
                    pair = (mention.term, other) if index == 0 else (other, mention.term)
                    if not self.policy.pairings_for(*pair):
                        continue
                    copy = replace(statement, treatment=pair[0], target=pair[1])
                    copy.sentence = sentence.index
                    copies.append(copy)
                    break
        return copies

    def read_sentence(self, sentence: Sentence) -> None:
        policy = self.policy
        text = sentence.text
        asides = [m.span() for m in policy.aside.finditer(text)]

        def aside(mention: Mention) -> bool:
            at = mention.start - sentence.start
            return any(a <= at < b for a, b in asides)

        def compared(mention: Mention) -> bool:
            """A comparison ("as if sunburned") or a result ("can lead to breakouts",
            "breakouts after microneedling"), not a condition it is done on."""
            at, end = mention.start - sentence.start, mention.end - sentence.start
            before = text[max(0, at - 40) : at]
            if policy.comparison.search(before):
                return True
            if self.is_treatment(mention):
                return False
            if policy.outcome.search(before):
                return True
            if policy.outcome_after.match(text, end):
                return True
            after = policy.after_treatment.match(text, end)
            return bool(after) and any(
                self.is_treatment(m) and 0 <= m.start - sentence.start - after.end() <= 4
                for m in sentence.mentions
            )

        treatments = [
            m
            for m in sentence.mentions
            if self.is_treatment(m) and not aside(m) and not compared(m)
        ]
        targets = [m for m in sentence.mentions if not self.is_treatment(m) and not compared(m)]
        targets = self.carry_targets(sentence, targets)
        course = policy.course.search(text)
        near = course and [  # "laser hair removal mid-course", not "mid-course, no extractions"
            t
            for t in treatments
            if abs(t.start - sentence.start - course.start()) <= 60
            and not policy.negator.search(text, 0, t.start - sentence.start)
        ]
        if near and all(self.terms[t.term].kind != "drug" for t in treatments):
            # "fine to start mid-course": the course of the drug being discussed
            drug = self.context_drug(sentence)
            if drug:
                at = sentence.start + course.start()
                treatments = sorted(
                    [*treatments, Mention(drug, at, at + len(course.group(0)))],
                    key=lambda m: m.start,
                )
        if treatments and not targets:  # "Melasma | IPL, our most popular choice"
            targets = self.row_targets(sentence)
        if treatments and not targets and self.after_question(sentence):
            # "Rosacea-prone? A weekly lactic acid mask is fine.": the question's condition
            asked = self.analysis.sentences[sentence.index - 1]
            targets = [
                Mention(m.term, sentence.start, sentence.start)
                for m in asked.mentions
                if self.terms[m.term].kind in ("condition", "population")
            ]
        if sentence.question:
            # "I'm on Roaccutane. Is IPL still an option?": the question's setup
            setup = [
                m
                for index in self.analysis.block_sentences[sentence.block]
                if index < sentence.index
                for m in self.analysis.sentences[index].mentions
            ]
            own = {m.term for m in treatments + targets}
            for m in setup:
                if m.term not in own:
                    own.add(m.term)
                    (treatments if self.is_treatment(m) else targets).append(m)
            self.remember_question(sentence, treatments, targets)
            return
        if not sentence.assertive or self.sets_up_question(sentence):
            return
        if self.answer_to_question(sentence, treatments, targets):
            return
        # Nothing named and nothing carried over: only "mix a little of each" can still
        # make a statement, from the pairing of the sentence before.
        follows_pairing = self.last_pairs[0] == sentence.block and policy.pair_anaphor.search(text)
        verdict = self.row_pairs(sentence) if not sentence.mentions else []
        if not sentence.mentions and not targets and not follows_pairing and not verdict:
            self.last_pairs = (sentence.block, [])
            self.answer_in_words(sentence)
            return
        cues = self.cues(text)
        opening = policy.answer_yes.match(text)
        if opening:  # "Yes, you can ..." agrees with what follows
            cues.insert(0, _Cue(0, opening.end(), "positive_strong", opening.group(0).strip()))
        elif verdict and (refusal := policy.answer_no.match(text)):
            lead = self.lead_in_for(sentence.block)
            if lead and lead[3]:  # "No" under a column that asks
                cues.insert(0, _Cue(0, refusal.end(), "negative", refusal.group(0).strip()))
        omits = self.omits(text, cues, [m.start - sentence.start for m in targets])
        timing = any(c.kind in ("positive_timing", "resolvers") for c in cues)
        waits = any(c.kind == "resolvers" for c in cues)  # "for six months after ..."
        anaphor_match = policy.anaphor.search(text)
        anaphor = bool(anaphor_match)
        # "it" points at the last thing named; "the session" at the procedure.
        wants_procedure = not (
            anaphor_match and policy.product_anaphor.fullmatch(anaphor_match.group(0))
        )
        # (treatment, target, offset of target, offset of treatment or None, via)
        pairs: list[tuple[str, str, int, int | None, str]] = []
        rel = sentence.start
        # a cue about doing things together or in sequence makes a list a combination
        combining = any(
            c.kind in ("positive_context", "positive_timing") or policy.combination.search(c.text)
            for c in cues
        )
        listed: list[tuple[str, str]] = []
        clauses = _clauses(policy, text)
        clause_starts = [start for start, _, _ in clauses]
        for c in targets:
            for t in treatments:
                pairs.append((t.term, c.term, c.start - rel, t.start - rel, ""))
        for i, a in enumerate(treatments):
            for b in treatments[i + 1 :]:
                between = text[a.end - rel : b.start - rel]
                if _ALTERNATIVES.fullmatch(between):  # "a retinoid or a light peel"
                    continue
                # "if you're on isotretinoin, a light peel ...": a clause break, not a list
                same_clause = bisect.bisect_right(
                    clause_starts, a.start - rel
                ) == bisect.bisect_right(clause_starts, b.start - rel)
                if (
                    len(between) < 120
                    and _ENUMERATION.fullmatch(between)
                    and not combining
                    and same_clause
                    # "During a course, hold off on waxing": a cue between is no list
                    and not any(a.end - rel <= c.start < b.start - rel for c in cues)
                ):
                    listed.append((a.term, b.term))  # "the peel and the wand": maybe "both"
                    continue  # "stop retinol, tretinoin and AHAs": a list, not a combination
                if a.term != b.term and policy.pairings_for(a.term, b.term):
                    pairs.append((a.term, b.term, b.start - rel, a.start - rel, ""))
        in_table = self.analysis.document.blocks[sentence.block].cell is not None
        lead = self.lead_in_for(sentence.block)
        if lead and lead[2] is not None and lead[2].kind == "negative":
            # under "Don't:" or a "Skip" column, what an item endorses is what to avoid
            for cue in cues:
                if _STANCE[cue.kind] == FOR:
                    cue.kind = "negative"
        relevant = any(policy.pairings_for(a, b) for a, b, *_ in pairs)
        conditions = [c for c in targets if self.terms[c.term].kind in ("condition", "population")]
        if lead and (lead[0] or lead[1]) and not relevant:
            # a list item or table cell paired with what its lead-in or header names
            own = [m.term for m in treatments + targets]
            for m in treatments + targets:
                for other in lead[0] + lead[1]:
                    if other not in own and policy.pairings_for(m.term, other):
                        first, second = (
                            (other, m.term) if self.is_treatment_id(other) else (m.term, other)
                        )
                        pairs.append((first, second, m.start - rel, None, "lead-in"))
            relevant = any(policy.pairings_for(a, b) for a, b, *_ in pairs)
        # "Here is the text the clinic sent the night before:" introduces, not advises
        introduces = text.rstrip().endswith(":")
        # "the pen can go over milk spots, no need for extraction": the subject is the
        # procedure being discussed, whatever else the sentence names
        subject_refers = bool(
            treatments
            and anaphor_match
            and wants_procedure  # "the pen", not "it", which may be anything named
            and anaphor_match.start() < treatments[0].start - rel
        )
        if targets and (not treatments or subject_refers) and not relevant:
            borrowed = self.context_treatment(sentence, wants_procedure)
            if not borrowed and lead and lead[2] is not None:
                # "Not the right pick if you have: rosacea" on a page that names no
                # procedure (a serum's product page) is about its main active
                borrowed = self.most_named("active")
            if borrowed:
                via = "row" if in_table else "reference" if anaphor else "context"
                pairs += [(borrowed, c.term, c.start - rel, None, via) for c in targets]
        elif (
            treatments
            and not relevant
            and not conditions
            and not introduces
            and (
                (anaphor and anaphor_match.start() < treatments[0].start - rel)
                or timing
                or omits
                or (lead and lead[2])
                or self.after_question(sentence)
                or (in_table and cues)  # a cell speaks of its row's treatment
            )
        ):  # "it" after the sentence's own treatment is that treatment
            borrowed = self.context_partner(sentence, [t.term for t in treatments])
            if self.names_own_product(text[: treatments[0].start - rel]):
                borrowed = None  # "Tea tree lotion goes on straight after every wax"
            only_asked = not (anaphor or timing or omits or (lead and lead[2]) or in_table)
            if only_asked and not self.question_names(sentence, borrowed):
                borrowed = None  # an answer speaks of what its question raised
            if lead and lead[0] and not (anaphor or timing or omits) and borrowed not in lead[0]:
                borrowed = None  # a list item speaks of what its lead-in names
            if (
                in_table
                and (
                    (cues and not (anaphor or timing or omits or (lead and lead[2])))
                    or self.rows_name_procedures(sentence)
                )
                and not self.row_names(sentence, borrowed)
            ):
                # only what the row is about, in the cells to the left; where other rows
                # name their own procedure ("| 3 | Rest month | Tretinoin nightly |"),
                # a row that names none is about none
                borrowed = None
            for t in treatments:
                resuming = timing and not waits and not (anaphor or in_table)
                if resuming and not (
                    self._resumes(t.term, borrowed)
                    or (borrowed and self._resumes(borrowed, t.term))
                ):
                    continue
                if borrowed and t.term != borrowed and policy.pairings_for(borrowed, t.term):
                    # an answer to a reader's question is about what the question raised
                    refers = anaphor or self.question_names(sentence, borrowed)
                    via = "row" if in_table else "reference" if refers else "context"
                    pairs.append((borrowed, t.term, t.start - rel, None, via))
        pairs += verdict
        follows_pair = not sentence.mentions and self.last_pairs[0] == sentence.block
        if not pairs and follows_pair and policy.pair_anaphor.search(text):
            # "mix a little of each", "use them together"
            pairs = [(a, b, 0, None, "pair") for a, b in self.last_pairs[1]]
        explicit = [
            (a, b)
            for a, b, _, _, via in pairs
            if not via and self.is_treatment_id(b) and policy.pairings_for(a, b)
        ] + [(a, b) for a, b in listed if policy.pairings_for(a, b)]
        self.last_pairs = (sentence.block, explicit)
        if not pairs:
            return

        def refers_back(start: int, end: int) -> bool:
            return bool(policy.anaphor.search(text, start, end))

        caveat = self.caveat(sentence)
        resolved = self.resolved_next(sentence)
        seen = set()
        for treatment, target, target_at, treatment_at, via in pairs:
            cue = _pick_cue(clauses, cues, target_at, treatment_at, refers_back) if cues else None
            if cue is None and lead and lead[2] is not None:  # the lead-in's or header's
                cue = lead[2]
                if via == "context" and cue.kind in _ADVICE:
                    via = "lead-in"
            requires = any(
                row.relation == "requires" for row in policy.pairings_for(treatment, target)
            )
            if cue is None and not requires and not via:
                # "Jess still does my brow wax every month, tretinoin and all": telling
                # of doing a discouraged pairing as a habit, with no word against it,
                # endorses it
                done = policy.practice.search(text)
                if done and policy.habit.search(text) and policy.pairings_for(treatment, target):
                    cue = _Cue(done.start(), done.end(), "practice", done.group(0))
            if cue is None and not omits and not (requires and policy.insist.search(text)):
                continue
            combined = self.is_treatment_id(target)
            if via in ("context", "row") and cue is not None and _STANCE[cue.kind] == FOR:
                if via == "context" and _too_far(cue, target_at):
                    continue  # endorsing a borrowed treatment takes a cue next to its target
                if (
                    self.terms[target].kind == "condition"
                    and cue.kind not in ("positive_strong", "positive_assert")
                    and self.policy.condition_subject.match(text[target_at : cue.start])
                ):
                    continue  # "acne can carry on into your twenties": about the condition
                in_heading = self.analysis.document.blocks[sentence.block].kind == "heading"
                if via == "context" and in_heading:
                    continue  # "what to keep and what to pause" names no treatment
            if (
                cue is not None
                and not (requires and omits)
                and (
                    (via in ("context", "reference") and cue.kind == "positive_context")
                    or (via == "context" and (cue.kind == "positive_efficacy" or cue.bare))
                    # "together" is about combining treatments; "treats" about conditions
                    or (cue.kind == "positive_context" and not combined)
                    or (cue.kind in ("positive_efficacy", "positive_weak") and combined)
                    # "it improves" says what improves; "it improves melasma", what it treats
                    or (
                        cue.kind == "positive_efficacy"
                        and via
                        and not 0 <= target_at - cue.end <= 25
                    )
                )
            ):
                continue
            if (
                cue is not None
                and cue.kind in ("positive_timing", "positive_context")
                and self.analysis.document.blocks[sentence.block].kind == "heading"
            ):
                continue  # "Microneedling mid-course" names a topic, it does not advise
            if (treatment, target) in seen:
                continue
            seen.add((treatment, target))
            kind = cue.kind if cue else "omission"
            if resolved is not None and _STANCE.get(kind) == FOR:
                cue, kind = resolved, "resolvers"
            if requires:
                # about something the treatment needs: skipping it is against, insisting for
                insisted = policy.insist.search(text)
                if omits:
                    kind, cue = "omission", None
                elif insisted:
                    kind = "insist"
                    cue = _Cue(insisted.start(), insisted.end(), kind, insisted.group(0))
            self.statements.append(
                Statement(
                    treatment=treatment,
                    target=target,
                    stance=_STANCE[kind],
                    strong=kind == "positive_assert",
                    risk=kind == "risk",
                    advice=kind in _ADVICE,
                    sentence=sentence.index,
                    cue=cue.text if cue else "",
                    via=via,
                    caveat=caveat,
                    omits=omits,
                    waits_for_other=kind == "resolvers"
                    and cue is not None
                    and not cue.start <= target_at < cue.end
                    and not policy.resolver_anaphor.search(cue.text),
                    timing=any(c.kind == "positive_timing" for c in cues),
                )
            )

    def row_pairs(self, sentence: Sentence) -> list[tuple[str, str, int, None, str]]:
        """A table cell that names nothing ("Pause until after the birth") gives its
        verdict on its row's treatment and its column header's condition."""
        blocks = self.analysis.document.blocks
        cell = blocks[sentence.block].cell
        if cell is not None and cell[1] > 1:
            # "Tretinoin + benzoyl peroxide | Layer both at bedtime" or "| Yes, same
            # evening is fine": a row whose first cell names a pair is about the pair
            first = [
                m.term for m in self.row_mentions(sentence, first_only=True) if self.is_treatment(m)
            ]
            paired = [
                (a, b, 0, None, "row")
                for n, a in enumerate(first)
                for b in first[n + 1 :]
                if a != b and self.policy.pairings_for(a, b)
            ]
            if paired:
                return paired
        lead = self.lead_in_for(sentence.block) if cell is not None and cell[1] > 1 else None
        if not lead:
            return []
        named = self.row_mentions(sentence, first_only=False)  # the cells to its left
        # "Can we book you?" on a clinic's laser page asks about its laser, and
        # "Sunburn | Contraindicated" on a needling handout speaks of needling
        if (
            not (lead[0] or lead[1])
            and self.main_procedure
            and (lead[3] or not any(self.is_treatment(m) for m in named))
        ):
            lead = ([self.main_procedure], [], None, lead[3])
        pairs = [
            (m.term, target, 0, None, "row")
            for m in named
            if self.is_treatment(m)
            for target in lead[1]
        ]
        pairs += [
            (treatment, m.term, 0, None, "row")
            for m in named
            if not self.is_treatment(m)
            for treatment in lead[0]
        ]
        return pairs

    def after_question(self, sentence: Sentence) -> bool:
        """Whether the sentence before, in the same paragraph or just above, asks."""
        if sentence.index == 0:
            return False
        before = self.analysis.sentences[sentence.index - 1]
        return before.question and sentence.block - before.block <= 1

    def names_own_product(self, text: str) -> bool:
        """Whether text names a product of its own ("tea tree lotion", not "the
        serum"): then the sentence is about that product, not one named earlier."""
        for found in self.policy.product_noun.finditer(text):
            before = text[: found.start()].split()
            # "Cleanser, moisturiser and your retinol" lists products, names none
            if (
                before
                and before[-1].isalpha()
                and not self.policy.name_stopword.fullmatch(before[-1])
            ):
                return True
        return False

    def sets_up_question(self, sentence: Sentence) -> bool:
        """ "A cold sore came up the day before my appointment. Should I have come in?":
        a reader telling their situation before the question that closes the paragraph."""
        indexes = self.analysis.block_sentences[sentence.block]
        last = self.analysis.sentences[indexes[-1]]
        return (
            last.index > sentence.index
            and last.question
            and bool(self.policy.asker.search(sentence.text))
        )

    def question_names(self, sentence: Sentence, term: str) -> bool:
        """Whether the question just before this sentence raised the term, in its own
        words or in the lines of its paragraph that lead up to it."""
        if not self.after_question(sentence):
            return False
        asked = self.analysis.sentences[sentence.index - 1]
        return any(
            m.term == term
            for index in self.analysis.block_sentences[asked.block]
            if index <= asked.index
            for m in self.analysis.sentences[index].mentions
        )

    def carry_targets(self, sentence: Sentence, targets: list[Mention]) -> list[Mention]:
        """ "I roll straight over mine": a condition named in the sentence before."""
        named = [m.term for m in sentence.mentions if not self.is_treatment(m)]
        block, previous = self.last_targets
        self.last_targets = (sentence.block, named or (previous if block == sentence.block else []))
        if targets or block != sentence.block or not previous:
            return targets
        carried = self.policy.target_anaphor.search(sentence.text)
        if not carried:
            return targets
        at = sentence.start + carried.start()
        return [Mention(term, at, at + len(carried.group(0))) for term in previous]

    def _resumes(self, product: str, procedure: str | None) -> bool:
        """Timing ("the same evening") links a product to a procedure around it."""
        return (
            procedure is not None
            and self.terms[procedure].kind == "procedure"
            and self.terms[product].kind != "procedure"
        )

    def _sentences_after(self, sentence: Sentence) -> list[Sentence]:
        """The next sentence of the same paragraph, if any."""
        following = sentence.index + 1
        if following < len(self.analysis.sentences):
            after = self.analysis.sentences[following]
            if after.block == sentence.block:
                return [after]
        return []

    def caveat(self, sentence: Sentence) -> bool:
        """Caution or a professional's advice in this sentence or the one after it."""
        texts = [sentence.text] + [s.text for s in self._sentences_after(sentence)[:1]]
        return any(self.policy.caveat.search(t) for t in texts)

    def resolved_next(self, sentence: Sentence) -> _Cue | None:
        """ "You can ... . Just wait until it has healed." The next sentence resolves it,
        unless it is about another treatment."""
        own = {m.term for m in sentence.mentions if self.is_treatment(m)}
        for after in self._sentences_after(sentence)[:1]:
            others = {
                m.term for m in after.mentions if self.terms[m.term].kind == "procedure"
            } - own
            if others:
                return None
            for cue in self.cues(after.text):
                if cue.kind == "resolvers":
                    return cue
        return None

    def omits(self, text: str, cues: list[_Cue], targets_at: list[int]) -> bool:
        """Tells readers they can do without something ("no need for SPF")."""
        match = self.policy.omission.search(text)
        # what is omitted sits right after the cue ("skip SPF"), right before ("SPF is
        # optional") or inside it ("leave the sunscreen off")
        if not match or not any(
            -(match.end() - match.start()) <= at - match.end() <= 25
            or 0 <= match.start() - at <= 25
            for at in targets_at
        ):
            return False
        before = text[max(0, match.start() - _NEGATION_REACH) : match.start()]
        if self.policy.negator.search(before):
            return False
        # a warning in the same clause takes it back ("never skip SPF"); one in a clause
        # before does not ("On days you don't leave the house, you can skip the SPF")
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in ",;:")
        warnings = ("negative", "risk", "resolvers")
        return not any(
            c.kind in warnings for c in cues if clause_start < c.start and c.end <= match.start()
        )

    def remember_question(self, sentence, treatments, targets) -> None:
        pairs = [(t.term, c.term) for t in treatments for c in targets]
        pairs += [
            (a.term, b.term)
            for i, a in enumerate(treatments)
            for b in treatments[i + 1 :]
            if a.term != b.term and self.policy.pairings_for(a.term, b.term)
        ]
        if not treatments and targets:
            # "Melasma?" asks about the treatment being discussed; "Can I wear
            # sunscreen on eczema?" and "can I use active ingredients?" do not
            refers = self.policy.anaphor.search(sentence.text) or not (
                any(self.terms[c.term].kind == "product" for c in targets)
                or self.policy.other_topic.search(sentence.text)
            )
            borrowed = self.context_treatment(sentence) if refers else None
            pairs = [(borrowed, c.term) for c in targets] if borrowed else []
        if (
            not pairs
            and treatments
            and (
                self.policy.partner_question.search(sentence.text)
                or self.policy.caution_question.search(sentence.text)
            )
        ):
            # "Can I use my retinol serum afterwards?", "Can I use them with my
            # retinol?", "I'm on isotretinoin. Do I have to wait?": a question about
            # one treatment asks about it alongside the one being discussed
            own = [t.term for t in treatments]
            # on a product page that names no procedure, its main active
            partner = self.context_partner(sentence, own) or self.most_named("active")
            pairs = [(partner, o) for o in own if partner and self.policy.pairings_for(partner, o)]
        if (
            treatments
            and not targets
            and not pairs
            and self.policy.condition_pronoun.search(sentence.text)
        ):
            condition = self.context_condition(sentence)
            if condition:
                pairs += [(t.term, condition) for t in treatments]
        self.last_question = None  # a question about something else ends the last one
        if pairs:
            cues = self.cues(sentence.text)
            negative = any(c.kind in ("negative", "risk") for c in cues) or bool(
                self.policy.caution_question.search(sentence.text)
            )
            self.last_question = (pairs, negative, sentence.index)

    def answer_in_words(self, sentence: Sentence) -> None:
        """ "Getting waxed the day after a retinol night?" "No problem, carry on." An
        answer that names nothing takes the pairing of the question just asked."""
        question = self.last_question
        if question is None or sentence.index - question[2] > 1:
            return  # only the first sentence after a question answers it in words
        asked = self.analysis.sentences[question[2]].text
        last = re.split(r"(?<=[.!])\s+", asked.strip())[-1]  # "I get cold sores. What ...?"
        if self.policy.open_question.match(last):
            return  # "What should I do?" "Call us the same day." is no yes or no
        cues = self.cues(sentence.text)
        cue = _decide(cues, 0)
        if cue is None:
            return
        self.last_question = None
        # "Do I skip this week?" "Skip it.", "Should I stop my retinol?" "No need, carry
        # on.": an answer in words takes its own stance on the pairing, whatever the
        # question's wording
        pairs = question[0]
        stance = _STANCE[cue.kind]
        for treatment, target in pairs:
            self.statements.append(
                Statement(
                    treatment=treatment,
                    target=target,
                    stance=stance,
                    strong=cue.kind == "positive_assert",
                    risk=cue.kind == "risk",
                    advice=cue.kind in _ADVICE,
                    sentence=sentence.index,
                    cue=cue.text,
                    via="answer",
                    caveat=self.caveat(sentence),
                    omits=False,
                )
            )

    def answer_to_question(self, sentence, treatments, targets) -> bool:
        """ "Yes." or "The short answer is no" right after a question takes its pairing."""
        question = self.last_question
        if question is None or sentence.index - question[2] > 3:
            return False
        yes = self.policy.answer_yes.match(sentence.text)
        no = None if yes else self.policy.answer_no.match(sentence.text)
        if not (yes or no):
            return False
        self.last_question = None
        opener = (yes or no).end()
        if targets and _cues(self.policy, sentence.text[opener:]):
            return False  # "No, your session can go ahead over small spots" speaks for itself
        pairs, negative_question, _ = question
        own = {(t.term, c.term) for t in treatments for c in targets}
        stance = FOR if bool(yes) != negative_question else AGAINST
        waits = any(c.kind == "resolvers" for c in self.cues(sentence.text))
        if waits:  # "Yes, once the acne is under control": advice to wait
            stance = AGAINST
        caveat = self.caveat(sentence)
        for treatment, target in pairs:
            if (treatment, target) in own:
                continue
            self.statements.append(
                Statement(
                    treatment=treatment,
                    target=target,
                    stance=stance,
                    strong=True,
                    risk=False,
                    advice=True,
                    sentence=sentence.index,
                    cue=(yes or no).group(0).strip(),
                    via="answer",
                    caveat=caveat,
                    omits=False,
                )
            )
        return not own


def find_statements(analysis: Analysis) -> list[Statement]:
    return _Reader(analysis).read()
