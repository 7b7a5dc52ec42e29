"""Load the medical-claims policy (YAML under rules/) and compile it once.

Everything the rules know about skincare lives in data: terms and their aliases, stance
and claim cues, notice phrasings and discouraged pairings. Users add to it with extra
policy files named in their config. Every pattern is validated and compiled when the
policy loads, so a bad entry is reported once, with its file and key, before any
article is read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from .dispatch import alternation, first_characters

TREATMENT_KINDS = frozenset({"procedure", "active", "drug", "routine"})
# Kinds that make an article need a "consult a professional" notice; a "routine"
# (scrubbing, say) can be a discouraged pairing without being a medical treatment.
NOTICE_KINDS = frozenset({"procedure", "active", "drug"})
TARGET_KINDS = frozenset({"condition", "population", "product"})
_TERM_KINDS = TREATMENT_KINDS | TARGET_KINDS
_STRENGTHS = ("avoid", "caution")
_RELATIONS = ("with", "requires")
POLICY_FILES = ("terms.yaml", "pairings.yaml", "stance.yaml", "claims.yaml", "notices.yaml")
STANCE_CLASSES = (
    "resolvers",
    "uncertain",
    "positive_assert",
    "positive_strong",
    "negative",
    "risk",
    "positive_timing",
    "positive_efficacy",
    "positive_weak",
    "positive_context",
)
_STANCE_LISTS = (
    *STANCE_CLASSES,
    "negators",
    "pseudo_negators",
    "flip_frames",
    "non_assertive",
    "answer_yes",
    "answer_no",
    "interrogatives",
    "myth_labels",
    "fact_labels",
    "question_labels",
    "answer_labels",
    "subordinate_openers",
    "concessive_openers",
    "hypothetical_markers",
    "outcomes",
    "outcomes_after",
    "discourse_markers",
    "clause_breaks",
    "caveats",
    "omission",
    "insist",
    "target_anaphors",
    "comparisons",
    "pair_anaphors",
    "anaphors",
    "product_anaphors",
    "aside_openers",
    "after_treatment",
    "condition_subject_verbs",
    "combination_words",
    "resolver_anaphors",
    "condition_pronouns",
    "asker_words",
    "open_question_openers",
    "reported_questions",
    "same_goes",
    "unsaid_openers",
    "practice_verbs",
    "habit_markers",
    "other_topics",
    "course_words",
    "caution_questions",
    "product_nouns",
    "name_stopwords",
    "partner_questions",
    "verb_subjects",
    "product_modifiers",
)


class PolicyError(Exception):
    """A policy file that cannot be used; the message names the file and entry."""


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    kind: str
    label: str
    classes: tuple[str, ...] = ()
    # conditions this one is a worse state of (a flare of eczema): a warning about the
    # condition covers its flares, so endorsing the flare contradicts it
    flare_of: tuple[str, ...] = ()

    @property
    def is_treatment(self) -> bool:
        return self.kind in TREATMENT_KINDS


@dataclass(frozen=True, slots=True)
class Pairing:
    id: str
    treatment: str
    target: str
    strength: str
    relation: str
    reason: str
    source: str
    instead: str


# The fix for a claim whose category names none of its own.
_CLAIM_HINT = (
    "link the study, add a footnote reference such as [^1], or reword it as what is actually known"
)


@dataclass(frozen=True, slots=True)
class ClaimCategory:
    id: str
    label: str
    needs_term: bool
    hint: str = _CLAIM_HINT  # what the writer can do about such a claim
    # how words around a match change it (set per category in claims.yaml)
    negatable: bool = True  # "there is no cure" is no claim
    hedgeable: bool = True  # a sentence that says the evidence is thin claims nothing
    softened_by_modals: bool = False  # "may help brighten" hopes
    told_as_story: bool = False  # "the best thing I ever did" is an anecdote
    # "clear the acne, then treat the scars": a bare verb opening a clause instructs
    told_as_instruction: bool = False


_CLAIM_FLAGS = (
    "needs_term",
    "negatable",
    "hedgeable",
    "softened_by_modals",
    "told_as_story",
    "told_as_instruction",
)


@dataclass(slots=True)
class Policy:
    terms: dict[str, Term]
    names: dict[str, str]  # normalised name -> term id
    term_pattern: re.Pattern | None
    exact_pattern: re.Pattern | None
    not_after: dict[str, re.Pattern]  # term id -> words before a name that make it another word
    # verbs that name a treatment ("we needle", "I roll") after a subject or auxiliary
    verb_pattern: re.Pattern | None
    verbs: dict[str, str]  # verb form -> term id
    verb_subject: re.Pattern
    pairings: list[Pairing]
    stance: re.Pattern  # one named group per cue; stance_kinds maps it to its class
    stance_kinds: dict[str, str]
    negator: re.Pattern  # a negator ending the text before a cue
    bare_negator: re.Pattern  # a negative cue that is only a negation ("do not")
    pseudo_negator: re.Pattern
    flip_frame: re.Pattern
    non_assertive: re.Pattern
    answer_yes: re.Pattern  # opens an answer that agrees with the question
    answer_no: re.Pattern
    interrogative: re.Pattern  # a heading that asks, with or without "?"
    reference_heading: re.Pattern  # a heading over a list of sources
    myth_label: re.Pattern  # opens a myth that the article rebuts
    fact_label: re.Pattern  # closes it
    # a section listing myths ("Myths we binned tonight"), not "Myths and facts"
    myth_heading: re.Pattern
    reported_question: re.Pattern  # "asked whether it will clear milia"
    question_label: re.Pattern  # "Q." opens a reader's question, however it is worded
    answer_label: re.Pattern  # "A." closes it
    subordinate: re.Pattern  # opens a conditional clause that takes no stance
    concessive: re.Pattern  # opens a clause that grants something, with its own stance
    hypothetical: re.Pattern  # ends the text before a cue that is an open question
    outcome: re.Pattern  # ends the text before a condition that is a result
    outcome_after: re.Pattern  # follows a condition that is a result ("... a side effect")
    clause_break: re.Pattern
    caveat: re.Pattern
    omission: re.Pattern
    insist: re.Pattern  # insists on the target ("always wear SPF")
    target_anaphor: re.Pattern  # stands for the condition named in the sentence before
    comparison: re.Pattern  # ends the text before a term used as a comparison
    anaphor: re.Pattern
    pair_anaphor: re.Pattern  # stands for both treatments of the previous sentence
    product_anaphor: re.Pattern  # an anaphor for the nearest treatment of any kind
    aside: re.Pattern  # an aside (", which ...," or brackets) whose terms are not the subject
    after_treatment: re.Pattern  # "after", "following": a condition that is a result
    product_modifier: re.Pattern  # "home", "handheld": between a name and its device
    partner_question: re.Pattern  # "afterwards", "with it": asks about two together
    condition_subject: re.Pattern  # "acne can ...": the condition is the subject
    combination: re.Pattern  # a cue about two things meeting ("shouldn't mix")
    resolver_anaphor: re.Pattern  # a wait about what was just named ("until it heals")
    practice: re.Pattern  # telling of doing it ("we use it every month")
    habit: re.Pattern  # ... as a habit ("every month", "weekly")
    caution_question: re.Pattern  # a question whose "yes" is a warning
    product_noun: re.Pattern  # "serum", "pen": what a product name introduces
    name_stopword: re.Pattern  # capitalised words that open no product name
    course: re.Pattern  # "mid-course": the course of the drug being discussed
    other_topic: re.Pattern  # a question about products in general, not the treatment
    same_goes: re.Pattern  # "the same goes for tretinoin": the last stance, on another term
    unsaid: re.Pattern  # "what it doesn't": a clause whose verb is left unsaid, ending the text
    open_question: re.Pattern  # opens a question that a yes or no cannot answer
    condition_pronoun: re.Pattern  # "will needling get rid of them?": the condition discussed
    asker: re.Pattern  # "my appointment is tomorrow. Should I ...?": a reader's own words
    professional_pronoun: re.Pattern  # "them" for a professional just named
    claims: re.Pattern  # named groups, one per claim category
    claim_categories: dict[str, ClaimCategory]
    hedge: re.Pattern
    soft_modal: re.Pattern  # ends the text before an efficacy cue that it softens
    testimony: re.Pattern  # the writer's own experience ("the best thing I ever did")
    citation: re.Pattern
    advice: re.Pattern
    professional: re.Pattern
    dismissal: re.Pattern  # ends the text just before advice that is taken back
    notice_phrase: re.Pattern  # a phrasing that is a notice on its own
    notice_window: int
    sources: list[str] = field(default_factory=list)
    fingerprint: str = ""  # identifies the policy files' contents, for caches
    _pair_index: dict[tuple[str, str], list[Pairing]] = field(default_factory=dict)
    _flare_index: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def flare_kin(self, term_id: str) -> tuple[str, ...]:
        """The conditions a flare is a flare of, or the flares of a condition."""
        if not self._flare_index:
            for term in self.terms.values():
                for condition in term.flare_of:
                    self._flare_index[term.id] = term.flare_of
                    self._flare_index[condition] = (*self._flare_index.get(condition, ()), term.id)
        return self._flare_index.get(term_id, ())

    def expand(self, term_id: str) -> tuple[str, ...]:
        """The term itself followed by the classes it belongs to."""
        term = self.terms[term_id]
        return (term_id, *term.classes)

    def pairings_for(self, a: str, b: str) -> list[Pairing]:
        """Policy rows that cover terms a and b in either order (classes included),
        the most specific first."""
        key = (a, b)
        cached = self._pair_index.get(key)
        if cached is not None:
            return cached
        found = []
        left, right = self.expand(a), self.expand(b)
        for row in self.pairings:
            if row.treatment in left and row.target in right:
                found.append((left.index(row.treatment) + right.index(row.target), row))
            elif row.treatment in right and row.target in left:
                found.append((right.index(row.treatment) + left.index(row.target), row))
        # Most specific first: "isotretinoin" before its class "retinoid".
        rows = [row for _, row in sorted(found, key=lambda item: item[0])]
        self._pair_index[key] = rows
        return rows


def _fragment(text: str) -> str:
    """A cue as written in YAML: a regex fragment in which a space means any whitespace."""
    return text.replace(" ", r"\s+")


def _compile(source: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern:
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise PolicyError(f"{where}: not a valid pattern ({exc})") from None


def _cue_pattern(entries: list, where: str) -> str:
    """Alternation of cue fragments, longest first, as whole words.

    Entries are strings, or (string, "file: section[index]") pairs naming where each
    came from, so that a bad pattern is reported at its own file and entry.
    """
    texts = []
    for i, entry in enumerate(entries):
        text, at = entry if isinstance(entry, tuple) else (entry, f"{where}[{i}]")
        try:
            first_characters(_fragment(text))  # parses it: one parse validates and places
        except re.error as exc:
            raise PolicyError(f"{at}: not a valid pattern ({exc})") from None
        if _nested_quantifier(text):
            raise PolicyError(
                f"{at}: nested repetition like (a+)+ can take exponential time; "
                "rewrite the pattern without a repeated group inside a repeat"
            )
        texts.append(text)
    entries = texts
    ordered = sorted(entries, key=len, reverse=True)
    return "|".join(f"(?:{_fragment(e)})" for e in ordered)


_NESTED = re.compile(r"\((?:\?:)?(?:\\?[^()|\\]|\[[^\]]*\]|\\\w)[+*]\)[+*{]")


def _checked(pattern: str, where: str, flags: int = re.IGNORECASE) -> str:
    _compile(pattern, where, flags)
    if _nested_quantifier(pattern):
        raise PolicyError(f"{where}: nested repetition like (a+)+ can take exponential time")
    return pattern


def _nested_quantifier(pattern: str) -> bool:
    """Catches the classic catastrophic-backtracking shape: `(a+)+`, `(\\w*)*`, `(?:[a-z]+)+`."""
    return bool(_NESTED.search(pattern))


def _label(entries: list[str], where: str) -> re.Pattern:
    """A label opening a sentence: "Myth:", "**Fact #2 -**"."""
    body = _cue_pattern(entries, where) or r"(?!x)x"
    return _compile(rf"^\W*(?:{body})s?(?:\s*#?\d+)?\s*[:.\-–—]", where)


def _answer(entries: list[str], where: str, markers: str) -> re.Pattern:
    """An answer opening a sentence: "Yes,", "The short answer is no.", "Honestly, no"."""
    body = _cue_pattern(entries, where) or r"(?!x)x"
    return _compile(rf"^\W*(?:(?:{markers}),?\s+)?(?:{body})(?![\w'])", where)


def _word(body: str) -> str:
    """Whole words: no word character may touch either end of the match."""
    return rf"(?<![\w-])(?:{body})(?:(?<!\w)|(?!\w))"


def _term_word(body: str) -> str:
    """Whole words, except that "mid-" may come before: "mid-flare" is still a flare."""
    return rf"(?:(?<=\bmid-)|(?<![\w-]))(?:{body})(?:(?<!\w)|(?!\w))"


def _name_pattern(name: str) -> str:
    """A term name with flexible hyphens/spaces and an optional plural ending."""
    parts = re.split(r"[\s-]+", name.strip())
    body = r"[\s-]?".join(re.escape(p) for p in parts if p)
    if name[-1:].isalpha() and not name.lower().endswith("s"):
        body += "(?:s|es)?"
    return body


def normalise_name(text: str) -> str:
    return re.sub(r"[\s-]+", "", text.lower())


def _read_bytes(path: Path | str, label: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise PolicyError(f"{label}: cannot read policy file ({exc.strerror})") from None


def _parse_yaml(data: bytes, label: str) -> dict:
    try:
        parsed = yaml.safe_load(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise PolicyError(f"{label}: policy file is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{label}:{mark.line + 1}" if mark else label
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyError(f"{where}: invalid YAML ({problem})") from None
    if parsed is None:
        return {}
    if not isinstance(parsed, dict):
        raise PolicyError(f"{label}: a policy file must be a mapping of sections")
    return parsed


def _read_yaml(path: Path | str, label: str) -> dict:
    return _parse_yaml(_read_bytes(path, label), label)


def bundled_policy_paths() -> list[Path]:
    """The default policy files: shipped in the wheel, or in the source tree."""
    try:
        folder = resources.files("skincare_lint.rules")
        paths = [Path(str(folder / name)) for name in POLICY_FILES]
        if all(p.is_file() for p in paths):
            return paths
    except ModuleNotFoundError:
        pass
    folder = Path(__file__).resolve().parent.parent / "rules"
    return [folder / name for name in POLICY_FILES]


# Sections that are plain lists of patterns, besides the stance lists above.
_OTHER_LISTS = (
    "hedges",
    "soft_modals",
    "testimony",
    "citations",
    "reference_headings",
    "advice",
    "professionals",
    "dismissals",
    "phrases",
    "pronouns",
)
_LIST_SECTIONS = (*_STANCE_LISTS, *_OTHER_LISTS)
_KNOWN_SECTIONS = {"terms", "pairings", "claims", "window", *_LIST_SECTIONS}


class _Collector:
    """Merges policy files section by section: later files add to earlier ones."""

    def __init__(self) -> None:
        self.terms: dict[str, dict] = {}
        self.pairings: list[tuple[dict, str]] = []
        self.lists: dict[str, list] = {name: [] for name in _LIST_SECTIONS}
        self.claims: dict[str, dict] = {}
        self.window = 60

    def add(self, data: dict, label: str) -> None:
        for key, value in data.items():
            where = f"{label}: {key}"
            if key not in _KNOWN_SECTIONS:
                raise PolicyError(
                    f"{label}: unknown section '{key}' (expected one of "
                    f"{', '.join(sorted(_KNOWN_SECTIONS))})"
                )
            if key == "terms":
                self._add_terms(value, where)
            elif key == "pairings":
                if not isinstance(value, list):
                    raise PolicyError(f"{where}: expected a list of pairings")
                self.pairings.extend((row, f"{where}[{i}]") for i, row in enumerate(value))
            elif key == "claims":
                self._add_claims(value, where)
            elif key == "window":
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    raise PolicyError(f"{where}: expected a positive whole number")
                self.window = value
            else:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise PolicyError(
                        f"{where}: expected a list of strings (quote an entry that contains ': ')"
                    )
                self.lists[key].extend((v, f"{where}[{i}]") for i, v in enumerate(value))

    def _add_terms(self, value, where: str) -> None:
        if not isinstance(value, dict):
            raise PolicyError(f"{where}: expected a mapping of term ids")
        for term_id, spec in value.items():
            at = f"{where}.{term_id}"
            if not isinstance(spec, dict):
                raise PolicyError(f"{at}: expected a mapping with kind and names")
            unknown = set(spec) - {
                "kind",
                "label",
                "names",
                "exact",
                "classes",
                "not_after",
                "flare_of",
                "verbs",
            }
            if unknown:
                raise PolicyError(f"{at}: unknown key '{sorted(unknown)[0]}'")
            for key in ("names", "exact", "classes", "not_after", "flare_of", "verbs"):
                items = spec.get(key, [])
                if not isinstance(items, list) or not all(isinstance(n, str) for n in items):
                    raise PolicyError(f"{at}.{key}: expected a list of strings")
            existing = self.terms.get(term_id)
            if existing is None:
                kind = spec.get("kind")
                if kind not in _TERM_KINDS:
                    raise PolicyError(
                        f"{at}.kind: expected one of {', '.join(sorted(_TERM_KINDS))}"
                    )
                self.terms[term_id] = {
                    "kind": kind,
                    "label": str(spec.get("label", term_id)),
                    "names": list(spec.get("names", [])),
                    "exact": list(spec.get("exact", [])),
                    "classes": list(spec.get("classes", [])),
                    "not_after": list(spec.get("not_after", [])),
                    "flare_of": list(spec.get("flare_of", [])),
                    "verbs": list(spec.get("verbs", [])),
                }
            else:
                if "kind" in spec and spec["kind"] != existing["kind"]:
                    raise PolicyError(f"{at}.kind: cannot change the kind of an existing term")
                existing["names"].extend(spec.get("names", []))
                existing["exact"].extend(spec.get("exact", []))
                existing["classes"].extend(spec.get("classes", []))
                existing["not_after"].extend(spec.get("not_after", []))
                existing["flare_of"].extend(spec.get("flare_of", []))
                existing["verbs"].extend(spec.get("verbs", []))
                if "label" in spec:
                    existing["label"] = str(spec["label"])

    def _add_claims(self, value, where: str) -> None:
        if not isinstance(value, dict):
            raise PolicyError(f"{where}: expected a mapping of claim categories")
        for cat_id, spec in value.items():
            at = f"{where}.{cat_id}"
            if not isinstance(spec, dict) or not isinstance(spec.get("patterns", []), list):
                raise PolicyError(f"{at}: expected a mapping with a list of patterns")
            unknown = set(spec) - {"label", "hint", "patterns", *_CLAIM_FLAGS}
            if unknown:
                raise PolicyError(f"{at}: unknown key '{sorted(unknown)[0]}'")
            if not re.fullmatch(r"[a-z][a-z0-9-]*", str(cat_id)):
                raise PolicyError(f"{at}: category ids use lowercase letters, digits and '-'")
            entry = self.claims.setdefault(
                cat_id, {"label": cat_id, "hint": _CLAIM_HINT, "patterns": [], "flags": {}}
            )
            for i, pattern in enumerate(spec.get("patterns", [])):
                if not isinstance(pattern, (str, int, float)) or isinstance(pattern, bool):
                    raise PolicyError(
                        f"{at}.patterns[{i}]: expected a string "
                        "(quote a pattern that contains ': ')"
                    )
                entry["patterns"].append((str(pattern), f"{at}.patterns[{i}]"))
            for text in ("label", "hint"):
                if text in spec:
                    entry[text] = str(spec[text])
            for flag in _CLAIM_FLAGS:
                if flag in spec:
                    if not isinstance(spec[flag], bool):
                        raise PolicyError(f"{at}.{flag}: expected true or false")
                    entry["flags"][flag] = spec[flag]


def _build_terms(collected: dict[str, dict]):
    terms: dict[str, Term] = {}
    names: dict[str, str] = {}
    loose: list[str] = []
    exact: list[str] = []
    for term_id, spec in collected.items():
        for cls in spec["classes"]:
            if cls not in collected:
                raise PolicyError(f"terms.{term_id}.classes: unknown term '{cls}'")
        for other in spec["flare_of"]:
            if other not in collected:
                raise PolicyError(f"terms.{term_id}.flare_of: unknown term '{other}'")
        terms[term_id] = Term(
            term_id,
            spec["kind"],
            spec["label"],
            tuple(spec["classes"]),
            tuple(spec["flare_of"]),
        )
        for name in spec["names"]:
            if name.strip():
                names.setdefault(normalise_name(name), term_id)
                loose.append(name)
        for name in spec["exact"]:
            if name.strip():
                names.setdefault("=" + name, term_id)
                exact.append(name)
    loose.sort(key=len, reverse=True)
    exact.sort(key=len, reverse=True)
    term_pattern = (
        re.compile(
            _term_word(alternation([(None, _name_pattern(n)) for n in loose])), re.IGNORECASE
        )
        if loose
        else None
    )
    exact_pattern = (
        re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in exact)})(?:s)?(?![\w])")
        if exact
        else None
    )
    not_after = {
        term_id: _compile(
            rf"(?:{'|'.join(_fragment(p) for p in spec['not_after'])})$",
            f"terms.{term_id}.not_after",
        )
        for term_id, spec in collected.items()
        if spec["not_after"]
    }
    verbs = {
        verb.lower(): term_id
        for term_id, spec in collected.items()
        for verb in spec["verbs"]
        if verb.strip()
    }
    verb_pattern = (
        re.compile(
            r"(?<![\w-])(?:"
            + "|".join(map(re.escape, sorted(verbs, key=len, reverse=True)))
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        if verbs
        else None
    )
    return terms, names, term_pattern, exact_pattern, not_after, (verb_pattern, verbs)


def _build_pairings(rows: list[tuple[dict, str]], terms: dict[str, Term]) -> list[Pairing]:
    pairings = []
    for row, where in rows:
        if not isinstance(row, dict):
            raise PolicyError(f"{where}: expected a mapping")
        unknown = set(row) - {
            "id",
            "treatment",
            "target",
            "strength",
            "relation",
            "reason",
            "source",
            "instead",
        }
        if unknown:
            raise PolicyError(f"{where}: unknown key '{sorted(unknown)[0]}'")
        for key in ("id", "treatment", "target", "strength", "reason", "source"):
            if not isinstance(row.get(key), str) or not row[key].strip():
                raise PolicyError(f"{where}.{key}: required text is missing")
        for key in ("treatment", "target"):
            if row[key] not in terms:
                raise PolicyError(f"{where}.{key}: unknown term '{row[key]}'")
        if row["strength"] not in _STRENGTHS:
            raise PolicyError(f"{where}.strength: expected one of {', '.join(_STRENGTHS)}")
        relation = row.get("relation", "with")
        if relation not in _RELATIONS:
            raise PolicyError(f"{where}.relation: expected one of {', '.join(_RELATIONS)}")
        pairings.append(
            Pairing(
                id=row["id"],
                treatment=row["treatment"],
                target=row["target"],
                strength=row["strength"],
                relation=relation,
                reason=" ".join(row["reason"].split()),
                source=" ".join(row["source"].split()),
                instead=" ".join(str(row.get("instead", "")).split()),
            )
        )
    return pairings


def load_policy(
    extra: list[tuple[str, str]] | None = None, cache_dir: Path | None = None
) -> Policy:
    """The bundled policy plus extra policy files: a list of (path, label).

    Parsed YAML is kept as JSON in cache_dir, keyed by the files' bytes: reading YAML
    is the slowest part of starting up, and a pre-commit hook starts up on every commit.
    """
    files = [(path, f"rules/{path.name}") for path in bundled_policy_paths()]
    files += [(Path(path), label) for path, label in extra or ()]
    raw = [(_read_bytes(path, label), label) for path, label in files]
    fingerprint = hashlib.blake2b(b"\0".join(data for data, _ in raw), digest_size=16).hexdigest()
    parsed = _cached_yaml(cache_dir, fingerprint) if cache_dir else None
    if parsed is None:
        parsed = [_parse_yaml(data, label) for data, label in raw]
        if cache_dir:
            _store_yaml(cache_dir, fingerprint, parsed)
    collector = _Collector()
    for data, (_, label) in zip(parsed, raw, strict=True):
        collector.add(data, label)
    policy = _compile_policy(collector, [str(path) for path, _ in files])
    policy.fingerprint = fingerprint
    return policy


def _cached_yaml(folder: Path, fingerprint: str) -> list[dict] | None:
    try:
        with open(folder / f"policy-{fingerprint}.json", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, list) else None


def _store_yaml(folder: Path, fingerprint: str, parsed: list[dict]) -> None:
    try:
        folder.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(parsed, out)
        os.replace(temporary, folder / f"policy-{fingerprint}.json")
    except (OSError, TypeError, ValueError):
        pass  # YAML with values JSON cannot hold is simply parsed every time


def _compile_policy(c: _Collector, sources: list[str]) -> Policy:
    terms, names, term_pattern, exact_pattern, not_after, verbs = _build_terms(c.terms)
    pairings = _build_pairings(c.pairings, terms)
    lists = c.lists

    def alt(key: str) -> str:
        """One list's alternation, or a pattern that never matches when it is empty."""
        return _cue_pattern(lists[key], key) or r"(?!x)x"

    def fast(entries, where: str, name=None) -> list[tuple[str | None, str]]:
        """Validated branches, longest first, for a first-letter dispatched alternation."""
        _cue_pattern(entries, where)  # validates each entry with its file and index
        texts = sorted((e[0] if isinstance(e, tuple) else e for e in entries), key=len)
        return [(name, _fragment(text)) for text in reversed(texts)]

    def words(key: str) -> re.Pattern:
        return _compile(_word(alternation(fast(lists[key], key))), key)

    def label(key: str) -> re.Pattern:
        return _label(lists[key], key)

    # One alternation of every stance cue, longest pattern first across classes, so
    # that "is best left" (a warning) wins over "is best" (an endorsement).
    fragments = []
    for key in STANCE_CLASSES:
        _cue_pattern(lists[key], key)  # validates each entry with its file and index
        fragments += [(text, key) for text, _ in lists[key]]
    fragments.sort(key=lambda item: len(item[0]), reverse=True)
    stance_kinds = {f"c{i}": key for i, (_, key) in enumerate(fragments)}
    stance = _compile(
        _word(alternation([(f"c{i}", _fragment(text)) for i, (text, _) in enumerate(fragments)])),
        "stance cues",
    )
    negator_body = _cue_pattern(lists["negators"], "negators")
    claim_groups = []
    categories = {}
    for cat_id, spec in c.claims.items():
        group = cat_id.replace("-", "_")
        claim_groups += fast(spec["patterns"], f"claims.{cat_id}.patterns", group)
        flags = {"needs_term": False, **spec["flags"]}
        categories[group] = ClaimCategory(cat_id, spec["label"], hint=spec["hint"], **flags)
    if not claim_groups:
        raise PolicyError("claims: at least one claim category is needed")
    openers = _cue_pattern(lists["subordinate_openers"], "subordinate_openers")
    breaks = "|".join(
        re.escape(b) for b, _ in sorted(lists["clause_breaks"], key=lambda e: -len(e[0]))
    )
    return Policy(
        terms=terms,
        names=names,
        term_pattern=term_pattern,
        exact_pattern=exact_pattern,
        not_after=not_after,
        verb_pattern=verbs[0],
        verbs=verbs[1],
        verb_subject=_compile(rf"(?<![\w'’-])(?:{alt('verb_subjects')})\s+$", "verb_subjects"),
        pairings=pairings,
        stance=stance,
        stance_kinds=stance_kinds,
        # a negator reaches over at most two words, and never past punctuation: in
        # "No, you can carry on" the "no" answers a question and negates nothing
        negator=_compile(
            rf"(?<![\w-])(?:{negator_body})[^\w,;:.!?]+(?:[\w'-]+[^\w,;:.!?]+){{0,2}}$",
            "negators",
        ),
        bare_negator=_compile(
            rf"^(?:(?:do|does|should|must|will|can|could|would)\s+)?(?:{negator_body}|\w+n't)$",
            "negators",
        ),
        pseudo_negator=words("pseudo_negators"),
        flip_frame=words("flip_frames"),
        non_assertive=words("non_assertive"),
        answer_yes=_answer(lists["answer_yes"], "answer_yes", alt("discourse_markers")),
        answer_no=_answer(lists["answer_no"], "answer_no", alt("discourse_markers")),
        interrogative=_compile(
            rf"^\W*(?:{alt('interrogatives')})\s+\w",
            "interrogatives",
        ),
        reference_heading=_compile(
            rf"^\W*(?:{alt('reference_headings')})"
            r"\W*$",
            "reference_headings",
        ),
        myth_label=label("myth_labels"),
        fact_label=label("fact_labels"),
        myth_heading=_compile(
            rf"^(?!.*(?<![\w-])(?:{alt('fact_labels')})s?(?!\w))"
            rf".*?(?<![\w-])(?:{alt('myth_labels')})s(?!\w)",
            "myth_labels",
        ),
        reported_question=words("reported_questions"),
        question_label=label("question_labels"),
        answer_label=label("answer_labels"),
        concessive=_compile(
            rf"^\W*(?:(?:{alt('discourse_markers')}),?\s+)?(?:{alt('concessive_openers')})\b",
            "concessive_openers",
        ),
        hypothetical=_compile(
            rf"(?<![\w-])(?:{alt('hypothetical_markers')})"
            r"\b[^,;:]*$",
            "hypothetical_markers",
        ),
        outcome=_compile(
            rf"(?<![\w-])(?:{alt('outcomes')})"
            r"\W+(?:[\w'-]+\W+){0,3}$",
            "outcomes",
        ),
        outcome_after=_compile(
            rf"\W+(?:[\w'-]+\W+){{0,4}}(?:{alt('outcomes_after')})\b", "outcomes_after"
        ),
        subordinate=_compile(
            rf"^\W*(?:(?:{alt('discourse_markers')}),?\s+)?(?:{openers})\b", "subordinate_openers"
        ),
        clause_break=_compile(breaks or r"(?!x)x", "clause_breaks"),
        caveat=words("caveats"),
        omission=words("omission"),
        insist=words("insist"),
        target_anaphor=words("target_anaphors"),
        comparison=_compile(
            rf"(?<![\w-])(?:{alt('comparisons')})"
            r"\W+(?:[\w'-]+\W+){0,4}$",
            "comparisons",
        ),
        anaphor=_compile(_word(_cue_pattern(lists["anaphors"], "anaphors")), "anaphors"),
        pair_anaphor=words("pair_anaphors"),
        product_anaphor=_compile(rf"(?:{alt('product_anaphors')})", "product_anaphors"),
        aside=_compile(rf",\s*(?:{alt('aside_openers')})\b[^,;]*,|\([^)]*\)", "aside_openers"),
        after_treatment=_compile(rf"\s*(?:{alt('after_treatment')})\s*", "after_treatment"),
        partner_question=words("partner_questions"),
        condition_subject=_compile(
            rf"[\w-]+(?:\s[\w-]+)?\s+(?:(?:{alt('condition_subject_verbs')})\s+)*$",
            "condition_subject_verbs",
        ),
        combination=words("combination_words"),
        resolver_anaphor=words("resolver_anaphors"),
        condition_pronoun=words("condition_pronouns"),
        asker=words("asker_words"),
        same_goes=words("same_goes"),
        unsaid=_compile(rf"(?<![\w-])(?:{alt('unsaid_openers')})\s+$", "unsaid_openers"),
        practice=words("practice_verbs"),
        habit=words("habit_markers"),
        other_topic=words("other_topics"),
        course=words("course_words"),
        caution_question=words("caution_questions"),
        product_noun=words("product_nouns"),
        product_modifier=_compile(
            rf"(?<![\w-])(?:{alt('product_modifiers')})\s+$", "product_modifiers"
        ),
        name_stopword=_compile(rf"(?:{alt('name_stopwords')})", "name_stopwords"),
        open_question=_compile(
            rf"^\W*(?:{alt('open_question_openers')})\b", "open_question_openers"
        ),
        professional_pronoun=words("pronouns"),
        claims=_compile(_word(alternation(claim_groups)), "claims"),
        claim_categories=categories,
        hedge=words("hedges"),
        soft_modal=_compile(rf"(?<![\w-])(?:{alt('soft_modals')})\s+$", "soft_modals"),
        testimony=words("testimony"),
        citation=_compile(
            "|".join(f"(?:{_checked(p, at, 0)})" for p, at in lists["citations"]) or r"(?!x)x",
            "citations",
            0,
        ),
        advice=words("advice"),
        professional=_compile(
            _word(_cue_pattern(lists["professionals"], "professionals")), "professionals"
        ),
        dismissal=_compile(
            rf"(?<![\w-])(?:{alt('dismissals')})"
            r"\s+(?:[\w'-]+\s+){0,2}$",
            "dismissals",
        ),
        notice_phrase=words("phrases"),
        notice_window=c.window,
        sources=sources,
    )
