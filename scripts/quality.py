"""Measure detection quality on the labelled fixture corpus: precision, recall, F1.

    python scripts/quality.py                 # both splits, per rule
    python scripts/quality.py --split train --show   # and list every miss and false alarm
    python scripts/quality.py --only tb,ub           # one batch: names starting tb or ub

A finding matches a label when rule and line agree; several findings of one rule on
one line count once. Exit status 1 when any rule is below the floors given with
--min-precision / --min-recall (used by the test suite).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skincare_lint.checks import RULES  # noqa: E402
from skincare_lint.engine import lint_file  # noqa: E402
from skincare_lint.policy import load_policy  # noqa: E402

FIXTURES = ROOT / "fixtures"
SPLITS = ("train", "heldout")
# The rules the fixture corpus is labelled for; others print only when they fire.
LABELLED_RULES = (
    "contradictory-advice",
    "uncited-claim",
    "missing-professional-notice",
    "discouraged-pairing",
)


def articles(split: str, allow_missing: bool = False, only=(), skip=()):
    folder = FIXTURES / split
    for path in sorted(folder.iterdir()):
        batch = path.name.split("-")[0].rstrip("0123456789")
        if (only and batch not in only) or batch in skip:
            continue
        if path.suffix in (".md", ".txt", ".markdown", ".mdx"):
            labels = path.with_suffix(".yaml")
            if not labels.exists():
                if allow_missing:
                    continue
                raise SystemExit(f"{path}: no labels ({labels.name} is missing)")
            yield path, labels


def expected(label_path: Path) -> set[tuple[str, int]]:
    data = yaml.safe_load(label_path.read_text(encoding="utf-8")) or {}
    return {(item["rule"], int(item["line"])) for item in data.get("findings") or []}


def measure(split: str, policy, show: bool, allow_missing: bool = False, only=(), skip=()):
    tp, fp, fn = Counter(), Counter(), Counter()
    count = 0
    for article, labels in articles(split, allow_missing, only, skip):
        count += 1
        want = expected(labels)
        result = lint_file(str(article), policy, {}, set(RULES))
        if result.error:
            raise SystemExit(f"{article}: {result.error}")
        got = {(f.rule, f.line) for f in result.findings}
        messages = {(f.rule, f.line): f.message for f in result.findings}
        for key in got & want:
            tp[key[0]] += 1
        for key in sorted(got - want):
            fp[key[0]] += 1
            if show:
                print(
                    f"  false alarm {article.relative_to(ROOT)}:{key[1]} {key[0]}: "
                    f"{messages[key][:160]}"
                )
        for key in sorted(want - got):
            fn[key[0]] += 1
            if show:
                print(f"  missed      {article.relative_to(ROOT)}:{key[1]} {key[0]}")
    return count, tp, fp, fn


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-recall", type=float, default=0.0)
    parser.add_argument(
        "--allow-missing", action="store_true", help="skip articles that have no labels yet"
    )
    parser.add_argument(
        "--only", default="", help="comma-separated batches (name prefixes such as tb) to score"
    )
    parser.add_argument("--skip", default="", help="comma-separated batches to leave out")
    args = parser.parse_args(argv)
    only = {b for b in args.only.split(",") if b}
    skip = {b for b in args.skip.split(",") if b}
    policy = load_policy()
    splits = SPLITS if args.split == "all" else (args.split,)
    failed = False
    for split in splits:
        count, tp, fp, fn = measure(split, policy, args.show, args.allow_missing, only, skip)
        print(f"\n{split}: {count} articles")
        head = ("rule", "TP", "FP", "FN", "precision", "recall", "F1")
        print("  {:<30} {:>4} {:>4} {:>4} {:>10} {:>7} {:>6}".format(*head))
        for rule in RULES:
            if rule not in LABELLED_RULES and not (tp[rule] + fp[rule] + fn[rule]):
                continue
            p = ratio(tp[rule], tp[rule] + fp[rule])
            r = ratio(tp[rule], tp[rule] + fn[rule])
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            counts = f"{tp[rule]:>4} {fp[rule]:>4} {fn[rule]:>4}"
            print(f"  {rule:<30} {counts} {p:>10.3f} {r:>7.3f} {f1:>6.3f}")
            if p < args.min_precision or r < args.min_recall:
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
