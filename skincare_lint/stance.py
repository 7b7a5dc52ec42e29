"""Find what an article says about doing a treatment for, on or with something.

A statement is (treatment, target, stance) read from one sentence: "for" (endorses or
permits), "against" (warns, advises waiting) or "unsure" (says the evidence is not
in). Stance comes from cue phrases in the policy, with negation flipping the cue that
follows it, concessive and conditional clauses ("while ...", "if ...") left out, and
the cue nearest the target deciding when a sentence has several. A sentence without a
treatment of its own borrows one: "it" or "the procedure" points back to the last
treatment named in the paragraph, a list item takes it from its lead-in ("Avoid
microneedling if you have:"), and "Yes." takes the pairing of the question it answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Analysis, Mention, Sentence

FOR, AGAINST, UNSURE = "for", "against", "unsure"
_FLIP = {
    "positive_strong": "negative",
    "positive_weak": "negative",
    "negative": "positive_strong",
    "uncertain": "uncertain",
}
_STANCE = {
    "positive_strong": FOR,
    "positive_weak": FOR,
    "negative": AGAINST,
    "uncertain": UNSURE,
}
_NEGATION_REACH = 30  # characters a negator reaches forward to flip a cue


@dataclass(slots=True)
class Statement:
    treatment: str
    target: str
    stance: str
    strong: bool  # an outright assertion rather than "may help"
    sentence: int
    cue: str
    via: str  # "" | "reference" | "lead-in" | "answer"
    caveat: bool  # the paragraph also urges caution or a professional's advice
    omits: bool  # the sentence tells readers to skip the target

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


def _clauses(policy, text: str) -> list[tuple[int, int, bool]]:
    """(start, end, asserts) for each clause of a sentence."""
    bounds = [0]
    for match in policy.clause_break.finditer(text):
        bounds.append(match.start())
    bounds.append(len(text))
    clauses = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        part = text[start:end]
        lead = len(part) - len(part.lstrip(" ,;:"))
        if policy.subordinate.match(part[lead:]):
            comma = part.find(",", lead)
            if 0 < comma < len(part) - 1:
                clauses.append((start, start + comma, False))
                clauses.append((start + comma + 1, end, True))
                continue
            clauses.append((start, end, False))
            continue
        clauses.append((start, end, True))
    return [
        (s, e, asserts and not policy.non_assertive.search(text[s:e])) for s, e, asserts in clauses
    ]


def _cues(policy, text: str) -> list[_Cue]:
    cues = []
    for match in policy.stance.finditer(text):
        kind = match.lastgroup
        cues.append(_Cue(match.start(), match.end(), kind, match.group(0)))
    # A bare negation ("do not", "never") flips the cue right after it.
    for cue, nxt in zip(cues, cues[1:], strict=False):
        if (
            cue.kind == "negative"
            and policy.bare_negator.match(cue.text.lower())
            and nxt.start - cue.end <= _NEGATION_REACH
        ):
            nxt.kind = _FLIP[nxt.kind]
            cue.dropped = True
    # A negator that is not itself a cue ("is not", "no") flips the next cue.
    previous_end = 0
    for cue in cues:
        if not cue.dropped:
            window = text[max(previous_end, cue.start - _NEGATION_REACH) : cue.start]
            negated = policy.negator.search(window)
            if (
                negated
                and not policy.pseudo_negator.search(text[cue.start - len(window) :])
                and not policy.bare_negator.match(cue.text.lower())
            ):
                cue.kind = _FLIP[cue.kind]
        previous_end = cue.end
    frame = policy.flip_frame.search(text)
    if frame:
        for cue in cues:
            if cue.start >= frame.end():
                cue.kind = _FLIP[cue.kind]
    return [c for c in cues if not c.dropped]


def _nearest(cues: list[_Cue], position: int) -> _Cue | None:
    best = None
    best_distance = 0
    for cue in cues:
        if cue.end <= position:
            distance = position - cue.end
        elif cue.start >= position:
            distance = cue.start - position
        else:
            distance = 0
        # On a tie the warning wins: it is the safer reading.
        if (
            best is None
            or distance < best_distance
            or (distance == best_distance and cue.kind == "negative")
        ):
            best, best_distance = cue, distance
    return best


def _pick_cue(clauses, cues, target_at: int, treatment_at: int | None) -> _Cue | None:
    def in_clause(position):
        for start, end, asserts in clauses:
            if start <= position < end or (position == end and end == clauses[-1][1]):
                return start, end, asserts
        return clauses[-1]

    for position in (target_at, treatment_at):
        if position is None:
            continue
        start, end, asserts = in_clause(position)
        if asserts:
            local = [c for c in cues if start <= c.start < end]
            if local:
                return _nearest(local, target_at)
    asserted = [c for c in cues if any(s <= c.start < e and a for s, e, a in clauses)]
    return _nearest(asserted, target_at) if asserted else None


class _Reader:
    """Walks the sentences in order, carrying context between them."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.policy = analysis.policy
        self.terms = analysis.policy.terms
        self.statements: list[Statement] = []
        self.last_question: tuple[list[tuple[str, str]], bool, int] | None = None
        self.lead_ins: dict[int, tuple[list[str], list[str], _Cue | None]] = {}

    def treatment_mentions(self, mentions: list[Mention]) -> list[Mention]:
        return [m for m in mentions if self.terms[m.term].is_treatment]

    def target_mentions(self, mentions: list[Mention]) -> list[Mention]:
        return [m for m in mentions if not self.terms[m.term].is_treatment]

    def last_treatment_before(self, sentence: Sentence) -> str | None:
        """The treatment named last in the paragraph before this sentence, else the heading's."""
        analysis = self.analysis
        for index in reversed(analysis.block_sentences[sentence.block]):
            if index >= sentence.index:
                continue
            found = self.treatment_mentions(analysis.sentences[index].mentions)
            if found:
                return found[-1].term
        block = analysis.document.blocks[sentence.block]
        headings = analysis.document.headings
        if block.section and block.section <= len(headings):
            heading = headings[block.section - 1]
            for index in analysis.block_sentences[heading]:
                found = self.treatment_mentions(analysis.sentences[index].mentions)
                if found:
                    return found[-1].term
        return None

    def lead_in_for(self, block_index: int):
        """For a list item: (treatments, targets, cue) of the lead-in before its list."""
        blocks = self.analysis.document.blocks
        block = blocks[block_index]
        if not block.in_list or block.list_id < 0:
            return None
        if block.list_id in self.lead_ins:
            return self.lead_ins[block.list_id]
        first = block_index
        while first > 0 and blocks[first - 1].list_id == block.list_id:
            first -= 1
        result = None
        if first > 0:
            lead = blocks[first - 1]
            if lead.kind == "heading" or lead.text.rstrip().endswith(":"):
                indexes = self.analysis.block_sentences[first - 1]
                if indexes:
                    sentence = self.analysis.sentences[indexes[-1]]
                    if sentence.assertive or sentence.text.rstrip().endswith(":"):
                        treatments = [m.term for m in self.treatment_mentions(sentence.mentions)]
                        targets = [m.term for m in self.target_mentions(sentence.mentions)]
                        clauses = _clauses(self.policy, sentence.text)
                        cues = _cues(self.policy, sentence.text)
                        asserted = [
                            c for c in cues if any(s <= c.start < e and a for s, e, a in clauses)
                        ]
                        cue = asserted[0] if asserted else (cues[0] if cues else None)
                        result = (treatments, targets, cue)
        self.lead_ins[block.list_id] = result
        return result

    def read(self) -> list[Statement]:
        for sentence in self.analysis.sentences:
            self.read_sentence(sentence)
        return self.statements

    def read_sentence(self, sentence: Sentence) -> None:
        policy = self.policy
        text = sentence.text
        block = self.analysis.document.blocks[sentence.block]
        treatments = self.treatment_mentions(sentence.mentions)
        targets = self.target_mentions(sentence.mentions)
        if sentence.question:
            pairs = [(t.term, c.term) for t in treatments for c in targets]
            if not treatments and targets:
                borrowed = self.last_treatment_before(sentence)
                pairs = [(borrowed, c.term) for c in targets] if borrowed else []
            if pairs:
                negative = any(c.kind == "negative" for c in _cues(policy, text))
                self.last_question = (pairs, negative, sentence.index)
            return
        if not sentence.assertive:
            return
        answer = self.answer_to_question(sentence, text, treatments, targets)
        if answer:
            return
        via = ""
        borrowed: str | None = None
        lead = None
        if not treatments:
            lead = self.lead_in_for(sentence.block)
            if lead and lead[0] and targets:
                via = "lead-in"
            elif targets and policy.anaphor.search(text):
                borrowed = self.last_treatment_before(sentence)
                via = "reference" if borrowed else ""
        elif not targets:
            lead = self.lead_in_for(sentence.block)
            if not (lead and lead[1]):
                lead = None
        clauses = _clauses(policy, text)
        cues = _cues(policy, text)
        caveat = bool(policy.caveat.search(block.text))
        omits = bool(policy.omission.search(text))
        pairs: list[tuple[str, str, int, int | None]] = []
        if treatments:
            for t in treatments:
                for c in targets:
                    pairs.append(
                        (t.term, c.term, c.start - sentence.start, t.start - sentence.start)
                    )
            for i, a in enumerate(treatments):
                for b in treatments[i + 1 :]:
                    if a.term != b.term and policy.pairings_for(a.term, b.term):
                        pairs.append(
                            (a.term, b.term, b.start - sentence.start, a.start - sentence.start)
                        )
            if borrowed is None and policy.anaphor.search(text) and not targets:
                borrowed = self.last_treatment_before(sentence)
                if borrowed:
                    for t in treatments:
                        if t.term != borrowed and policy.pairings_for(borrowed, t.term):
                            pairs.append((borrowed, t.term, t.start - sentence.start, None))
                            via = "reference"
        elif borrowed:
            for c in targets:
                pairs.append((borrowed, c.term, c.start - sentence.start, None))
        if lead and via == "lead-in":
            for t in lead[0]:
                for c in targets:
                    pairs.append((t, c.term, c.start - sentence.start, None))
        elif lead and treatments and not targets and lead[1]:
            via = "lead-in"
            for t in treatments:
                for c in lead[1]:
                    pairs.append((t.term, c, t.start - sentence.start, None))
        for treatment, target, target_at, treatment_at in pairs:
            cue = _pick_cue(clauses, cues, target_at, treatment_at) if cues else None
            if cue is None and via == "lead-in" and lead and lead[2] is not None:
                cue = lead[2]
            if cue is None:
                continue
            self.statements.append(
                Statement(
                    treatment=treatment,
                    target=target,
                    stance=_STANCE[cue.kind],
                    strong=cue.kind == "positive_strong",
                    sentence=sentence.index,
                    cue=cue.text,
                    via=via,
                    caveat=caveat,
                    omits=omits,
                )
            )

    def answer_to_question(self, sentence, text, treatments, targets) -> bool:
        """ "Yes." or "The short answer is no" right after a question takes its pairing."""
        question = self.last_question
        if question is None or sentence.index - question[2] > 3:
            return False
        yes = self.policy.answer_yes.match(text)
        no = None if yes else self.policy.answer_no.match(text)
        if not (yes or no):
            return False
        pairs, negative_question, _ = question
        own = {(t.term, c.term) for t in treatments for c in targets}
        agrees = bool(yes) != negative_question
        stance = FOR if agrees else AGAINST
        block = self.analysis.document.blocks[sentence.block]
        caveat = bool(self.policy.caveat.search(block.text))
        for treatment, target in pairs:
            if (treatment, target) in own:
                continue
            self.statements.append(
                Statement(
                    treatment=treatment,
                    target=target,
                    stance=stance,
                    strong=True,
                    sentence=sentence.index,
                    cue=(yes or no).group(0).strip(),
                    via="answer",
                    caveat=caveat,
                    omits=False,
                )
            )
        self.last_question = None
        return not own


def find_statements(analysis: Analysis) -> list[Statement]:
    return _Reader(analysis).read()
