"""Detection quality on the labelled fixture corpus must not drop below its floors.

The floors sit just under what the rules measure today (python scripts/quality.py),
separately for the training split and for the held-out split that is never tuned
against, so a change that makes any rule worse fails here.
"""

import importlib.util

import pytest
from conftest import ROOT

spec = importlib.util.spec_from_file_location("quality", ROOT / "scripts" / "quality.py")
quality = importlib.util.module_from_spec(spec)
spec.loader.exec_module(quality)

# (precision, recall) floors per split and rule
FLOORS = {
    "train": {
        "contradictory-advice": (0.93, 0.64),
        "uncited-claim": (0.98, 0.94),
        "missing-professional-notice": (0.99, 0.99),
        "discouraged-pairing": (0.95, 0.80),
    },
    "heldout": {
        "contradictory-advice": (0.77, 0.43),
        "uncited-claim": (0.93, 0.87),
        "missing-professional-notice": (0.86, 0.99),
        "discouraged-pairing": (0.79, 0.64),
    },
}


@pytest.fixture(scope="module")
def measured():
    policy = quality.load_policy()
    return {split: quality.measure(split, policy, show=False) for split in FLOORS}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_corpus_size(measured, split):
    count = measured[split][0]
    assert count >= {"train": 394, "heldout": 133}[split]


@pytest.mark.parametrize(
    ("split", "rule"), [(s, r) for s in sorted(FLOORS) for r in sorted(FLOORS[s])]
)
def test_precision_and_recall_floors(measured, split, rule):
    _, tp, fp, fn = measured[split]
    precision = quality.ratio(tp[rule], tp[rule] + fp[rule])
    recall = quality.ratio(tp[rule], tp[rule] + fn[rule])
    low_p, low_r = FLOORS[split][rule]
    assert precision >= low_p, f"{split} {rule} precision {precision:.3f} < {low_p}"
    assert recall >= low_r, f"{split} {rule} recall {recall:.3f} < {low_r}"
