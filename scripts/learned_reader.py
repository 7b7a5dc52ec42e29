"""Measure how a learned sentence classifier would compare with the rules' cue lists.

    python scripts/learned_reader.py                      # train on train/, test on heldout/
    python scripts/learned_reader.py --fresh th,ti        # hold out batches of train/ instead
    python scripts/learned_reader.py --rule contradictory-advice

An experiment, not part of the linter. The cue lists learn one phrasing at a time,
and changes learnt from one batch of articles barely move the next. This script asks
whether a model learnt from the labelled lines does better on text it has not seen:
a logistic regression over the words of each line (word 1- to 3-grams, with every
term the policy knows replaced by its kind and id), trained on the training articles
and scored, line by line, against the labels of the test articles, beside the rules'
own findings on the same lines. Pure Python and seeded, so every run prints the same.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skincare_lint.analysis import analyse  # noqa: E402
from skincare_lint.checks import RULES  # noqa: E402
from skincare_lint.discovery import is_plain_text  # noqa: E402
from skincare_lint.document import parse  # noqa: E402
from skincare_lint.engine import lint_file  # noqa: E402
from skincare_lint.policy import load_policy  # noqa: E402

FIXTURES = ROOT / "fixtures"
_WORD = re.compile(r"[a-z0-9']+|[^\sa-z0-9']")


def batch(name: str) -> str:
    return name.split("-")[0].rstrip("0123456789")


def lines_of(split: str, rule: str, policy):
    """(batch, words, labelled, found by the rules) for each line a sentence starts on."""
    for labels in sorted((FIXTURES / split).glob("*.yaml")):
        article = next(p for p in labels.parent.glob(labels.stem + ".*") if p.suffix != ".yaml")
        data = yaml.safe_load(labels.read_text(encoding="utf-8")) or {}
        gold = {f["line"] for f in data.get("findings") or [] if f["rule"] == rule}
        found = {
            f.line
            for f in lint_file(str(article), policy, {}, set(RULES)).findings
            if f.rule == rule
        }
        text = article.read_text(encoding="utf-8")
        analysis = analyse(parse(text, plain=is_plain_text(str(article))), policy)
        words: dict[int, list[str]] = {}
        for sentence in analysis.sentences:
            line = text.count("\n", 0, analysis.span(sentence)[0]) + 1
            words.setdefault(line, []).extend(_words(policy, sentence))
        for line, tokens in words.items():
            yield batch(article.name), tokens, line in gold, line in found


def _words(policy, sentence) -> list[str]:
    """The sentence's words, each term replaced by its kind and its id."""
    out, last = [], 0
    for mention in sentence.mentions:
        start, end = mention.start - sentence.start, mention.end - sentence.start
        if start < last:
            continue
        out += _WORD.findall(sentence.text[last:start].lower())
        out += [f"<{policy.terms[mention.term].kind}>", f"<{mention.term}>"]
        last = end
    return out + _WORD.findall(sentence.text[last:].lower())


def features(tokens: list[str]) -> set[str]:
    grams = set()
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            grams.add(" ".join(tokens[i : i + n]))
    return grams


def train(examples, epochs: int = 12, rate: float = 0.2, l2: float = 1e-5) -> dict[str, float]:
    """Logistic regression by AdaGrad over binary features, the two classes weighted
    equally, in a seeded order."""
    positives = sum(1 for _, y in examples if y) or 1
    weight = {
        True: len(examples) / (2 * positives),
        False: len(examples) / (2 * (len(examples) - positives)),
    }
    w: dict[str, float] = {}
    g2: Counter = Counter()
    order = list(range(len(examples)))
    rng = random.Random(0)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            x, y = examples[i]
            p = _sigmoid(w.get("", 0.0) + sum(w.get(f, 0.0) for f in x))
            grad = (p - y) * weight[y]
            for f in (*x, ""):
                step = grad + l2 * w.get(f, 0.0)
                g2[f] += step * step
                w[f] = w.get(f, 0.0) - rate * step / math.sqrt(g2[f])
    return w


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def score(rows) -> str:
    rows = list(rows)
    tp = sum(1 for p, g in rows if p and g)
    fp = sum(1 for p, g in rows if p and not g)
    fn = sum(1 for p, g in rows if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return f"{tp:4d} {fp:4d} {fn:4d}  {precision:9.3f} {recall:7.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rule", default="discouraged-pairing")
    parser.add_argument("--fresh", help="comma-separated train/ batches to test on instead")
    args = parser.parse_args()
    policy = load_policy([], None)
    train_rows = list(lines_of("train", args.rule, policy))
    if args.fresh:
        fresh = set(args.fresh.split(","))
        test_rows = [r for r in train_rows if r[0] in fresh]
        train_rows = [r for r in train_rows if r[0] not in fresh]
        where = f"train batches {args.fresh}"
    else:
        test_rows = list(lines_of("heldout", args.rule, policy))
        where = "heldout"
    counts = Counter(f for _, tokens, _, _ in train_rows for f in features(tokens))
    keep = {f for f, n in counts.items() if n >= 2}
    examples = [({f for f in features(t) if f in keep}, y) for _, t, y, _ in train_rows]
    w = train(examples)
    probability = [
        _sigmoid(w.get("", 0.0) + sum(w.get(f, 0.0) for f in features(t) if f in keep))
        for _, t, _, _ in test_rows
    ]
    gold = [y for _, _, y, _ in test_rows]
    print(f"{args.rule}: trained on {len(train_rows)} lines, tested on {where}")
    print(f"{len(test_rows)} lines, {sum(gold)} labelled")
    print("  reader                         TP   FP   FN  precision  recall")
    found = [r[3] for r in test_rows]
    print(f"  rules (cue lists)            {score(zip(found, gold, strict=True))}")
    for threshold in (0.5, 0.7, 0.8, 0.9):
        picked = [p >= threshold for p in probability]
        print(f"  learned, p >= {threshold}          {score(zip(picked, gold, strict=True))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
