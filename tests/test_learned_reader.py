"""The learned-reader experiment learns from labelled lines and is repeatable."""

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location(
    "learned_reader", ROOT / "scripts" / "learned_reader.py"
)
learned = importlib.util.module_from_spec(spec)
spec.loader.exec_module(learned)

LINES = [
    ("yes , you can <procedure> over <condition>", True),
    ("go ahead and <procedure> over the <condition>", True),
    ("it is fine to <procedure> over <condition>", True),
    ("never <procedure> over <condition>", False),
    ("do not <procedure> over <condition>", False),
    ("wait until the <condition> has healed", False),
]


def _examples():
    return [(learned.features(text.split()), label) for text, label in LINES]


def test_it_learns_which_lines_endorse():
    weights = learned.train(_examples())

    def probability(text):
        grams = learned.features(text.split())
        return learned._sigmoid(weights.get("", 0.0) + sum(weights.get(g, 0.0) for g in grams))

    assert probability("yes , go ahead over <condition>") > 0.5
    assert probability("never <procedure> over the <condition>") < 0.5


def test_the_same_data_gives_the_same_model():
    assert learned.train(_examples()) == learned.train(_examples())


def test_scores_count_hits_misses_and_false_alarms():
    rows = [(True, True), (True, False), (False, True), (False, False)]
    assert learned.score(rows).split() == ["1", "1", "1", "0.500", "0.500"]
