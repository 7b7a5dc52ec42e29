"""The real articles in ../shared/samples: what a medical reviewer flags in them."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import shared

from skincare_lint.cli import cli


@pytest.fixture(scope="module")
def report():
    folder = shared("samples")
    paths = sorted(str(p) for p in Path(folder).glob("*.txt"))
    result = CliRunner().invoke(cli, ["check", "--format", "json", *paths])
    assert result.exit_code == 1
    data = json.loads(result.output)
    by_file: dict[str, set[tuple[str, int]]] = {}
    for f in data["findings"]:
        by_file.setdefault(Path(f["path"]).name[:3], set()).add((f["rule"], f["line"]))
    return by_file, data


def lines(found, rule):
    return {line for r, line in found if r == rule}


def test_milia_article_contradicts_itself_and_endorses_needling_over_milia(report):
    by_file, _ = report
    found = by_file["000"]
    assert {17, 27, 34} <= lines(found, "contradictory-advice")
    assert {17, 18, 20, 23, 27, 33, 34} <= lines(found, "discouraged-pairing")
    # the warnings against the pairing are what the policy wants
    assert not {6, 12} & lines(found, "discouraged-pairing")
    assert {9} <= lines(found, "uncited-claim")


def test_keratosis_pilaris_article_contradicts_itself_on_safety(report):
    by_file, data = report
    found = by_file["001"]
    assert {27, 40} <= lines(found, "contradictory-advice")
    assert {25, 38} <= lines(found, "uncited-claim")
    related = [
        r["line"]
        for f in data["findings"]
        if f["path"].endswith("001_ac7dd3afa9c1f972.txt") and f["rule"] == "contradictory-advice"
        for r in f["related"]
    ]
    assert related and all(line in (3, 5) for line in related)


def test_unverifiable_claims_in_the_other_articles(report):
    by_file, _ = report
    assert {6, 7, 8} <= lines(by_file["002"], "uncited-claim")
    assert {11, 13} <= lines(by_file["003"], "uncited-claim")
    assert {3, 8} <= lines(by_file["004"], "uncited-claim")
    # generally safe plus a list of risks is balanced, not a contradiction
    assert not lines(by_file["002"], "contradictory-advice")


def test_every_sample_has_a_notice(report):
    by_file, _ = report
    for name, found in by_file.items():
        assert not lines(found, "missing-professional-notice"), name
