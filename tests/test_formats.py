"""Every output format, parsed back; baselines, changed lines and unused suppressions."""

import json
import subprocess
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import pytest
from conftest import findings, shared, write

from skincare_lint import cli as cli_module
from skincare_lint.checks import RULES

BAD = """# Peels at home

Studies show glycolic peels erase wrinkles.

Microneedling is not suitable for milia.

Yes, microneedling can be performed over milia.
"""
CLEAN = "# Washing\n\nUse lukewarm water and pat dry.\n"


@pytest.fixture
def articles(tmp_path):
    write(tmp_path, "bad.md", BAD)
    write(tmp_path, "clean.md", CLEAN)
    return tmp_path


def test_command_line_knows_every_rule():
    assert tuple(RULES) == cli_module._RULE_IDS


def test_sarif_validates_against_the_schema(run, articles):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared("schemas", "sarif-schema-2.1.0.json").read_text())
    code, out = run("check", "--format", "sarif", "bad.md", "clean.md")
    assert code == 1
    sarif = json.loads(out)
    jsonschema.validate(sarif, schema)
    run_ = sarif["runs"][0]
    driver = run_["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["defaultConfiguration"]["level"]
    assert run_["columnKind"] == "unicodeCodePoints"
    contradiction = next(r for r in run_["results"] if r["ruleId"] == "contradictory-advice")
    region = contradiction["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (7, 1)
    related = contradiction["relatedLocations"][0]["physicalLocation"]["region"]
    assert related["startLine"] == 5
    assert all(r["partialFingerprints"]["skincareLintFinding/v1"] for r in run_["results"])


def test_sarif_fingerprints_survive_edits_elsewhere(run, articles):
    def prints():
        out = json.loads(run("check", "--format", "sarif", "bad.md")[1])
        return sorted(
            r["partialFingerprints"]["skincareLintFinding/v1"] for r in out["runs"][0]["results"]
        )

    before = prints()
    write(articles, "bad.md", "Intro paragraph added above.\n\n" + BAD)
    assert prints() == before


def test_junit(run, articles):
    code, out = run("check", "--format", "junit", "bad.md", "clean.md")
    root = ET.fromstring(out)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"bad.md", "clean.md"}
    clean_cases = suites["clean.md"].findall("testcase")
    assert len(clean_cases) == 1 and clean_cases[0].find("failure") is None
    failures = [c.find("failure") for c in suites["bad.md"].findall("testcase")]
    assert failures and all(f is not None for f in failures)
    assert {f.get("type") for f in failures} >= {"uncited-claim", "contradictory-advice"}
    assert root.get("failures") == str(len(failures))


def test_gitlab_code_quality(run, articles):
    code, out = run("check", "--format", "gitlab", "bad.md")
    issues = json.loads(out)
    assert issues
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] == "bad.md" and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text = []
        self.external = []
        self.classes = []
        self.marks = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            if value.startswith(("http:", "https:", "//")):
                self.external.append(value)
        if tag == "mark":
            self.marks += 1
        self.classes.append(attrs.get("class", ""))

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained_and_complete(run, articles):
    code, out = run("check", "--format", "html", "--output", "report.html", "bad.md", "clean.md")
    assert code == 1
    assert "bad.md:3:1: warning uncited-claim" in out  # the terminal still gets text
    page = _Page()
    page.feed((articles / "report.html").read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert not page.external
    assert "Totals by rule" in text and "contradictory-advice" in text
    assert "bad.md" in text and "clean.md" in text and "No findings." in text
    assert "Earlier, at" in text  # the related location of the contradiction
    assert page.marks >= 3  # each finding's sentence highlighted in its source line
    assert "Why it matters:" in text
    assert sum("finding" in c.split() for c in page.classes) >= 3
    assert any(c == "filters" for c in page.classes)


def test_github_format_is_chosen_in_github_actions(run, articles, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out = run("check", "bad.md")
    assert any(line.startswith("::warning file=bad.md,line=3,col=1") for line in out.splitlines())
    code, out = run("check", "--format", "json", "bad.md")
    assert json.loads(out)["version"] == 1


def test_statistics(run, articles):
    code, out = run("check", "--quiet", "--statistics", "bad.md")
    tail = out.strip().splitlines()[-3:]
    counts = [int(line.split()[0]) for line in tail]
    assert counts == sorted(counts, reverse=True)
    assert any(line.split()[1] == "uncited-claim" for line in tail)


def test_no_progress_line_when_not_on_a_terminal(run, articles):
    for i in range(30):
        write(articles, f"many/{i}.md", CLEAN)
    code, out = run("check", "many")
    assert "Checking" not in out


def test_baseline_reports_only_new_findings(run, run_json, articles):
    code, out = run("baseline", "write", "bad.md")
    assert code == 0 and "recorded" in out
    code, data = run_json("--baseline", ".skincare-lint-baseline.json", "bad.md")
    assert code == 0 and data["findings"] == []
    # edits elsewhere: a paragraph added above, the paragraphs reordered
    moved = BAD.split("\n\n")
    write(
        articles, "bad.md", "New intro.\n\n" + "\n\n".join([moved[0], moved[2], moved[1], moved[3]])
    )
    code, data = run_json("--baseline", ".skincare-lint-baseline.json", "bad.md")
    assert {f["rule"] for f in data["findings"]} <= {"contradictory-advice", "discouraged-pairing"}
    # a new claim is reported
    write(articles, "bad.md", BAD + "\nClinically proven to double collagen.\n")
    code, data = run_json("--baseline", ".skincare-lint-baseline.json", "bad.md")
    assert findings(data) == [("uncited-claim", 9, 1)]


def test_stale_baseline_entries_are_reported_as_info(run, run_json, articles):
    run("baseline", "write", "bad.md")
    write(articles, "bad.md", BAD.replace("Studies show glycolic peels erase wrinkles.", "Peels."))
    code, data = run_json("--baseline", ".skincare-lint-baseline.json", "bad.md")
    stale = [f for f in data["findings"] if f["rule"] == "stale-baseline"]
    assert len(stale) == 1 and stale[0]["severity"] == "info" and stale[0]["line"] == 1
    assert code == 0  # info does not fail


def test_bad_baseline_file_is_a_usage_error(run, articles):
    write(articles, "base.json", "[1, 2]")
    code, out = run("check", "--baseline", "base.json", "bad.md")
    assert code == 2 and "not a version 1 skincare-lint baseline" in out


def test_unused_suppressions_are_reported_as_info(run_json, articles):
    write(
        articles,
        "a.md",
        "<!-- skincare-lint-disable-next-line uncited-claim -->\nRinse with lukewarm water.\n\n"
        "<!-- skincare-lint-disable-next-line uncited-claim -->\nStudies show peels work.\n\n"
        "Ask your GP about peels.\n",
    )
    _, data = run_json("a.md")
    assert findings(data) == [("unused-suppression", 1, 1)]
    assert data["findings"][0]["severity"] == "info"


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_diff_base_keeps_findings_on_changed_lines(run_json, articles):
    _git(articles, "init", "-q")
    _git(articles, "-c", "user.email=a@b", "-c", "user.name=a", "add", "bad.md")
    _git(articles, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qm", "x")
    write(articles, "bad.md", BAD + "\nResearch suggests peels work.\n")
    write(articles, "new.md", "Studies show peels work. Ask your GP.\n")
    code, data = run_json("--diff-base", "HEAD", "bad.md", "new.md")
    assert findings(data) == [("uncited-claim", 9, 1), ("uncited-claim", 1, 1)]
    assert [f["path"] for f in data["findings"]] == ["bad.md", "new.md"]


def test_diff_base_with_a_bad_ref_is_a_usage_error(run, articles):
    _git(articles, "init", "-q")
    code, out = run("check", "--diff-base", "no-such-ref", "bad.md")
    assert code == 2 and "--diff-base no-such-ref" in out


def test_progress_line_on_a_terminal_for_long_runs(tmp_path):
    import os
    import pty
    import sys

    for i in range(30):
        write(tmp_path, f"many/{i}.md", CLEAN)
    main, secondary = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    done = subprocess.run(
        [sys.executable, "-m", "skincare_lint", "check", "--no-cache", "many"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=secondary,
        env=env,
        timeout=120,
    )
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert done.returncode == 0
    assert b"Checking 30/30 files" in shown
    assert b"Checking" not in done.stdout  # the report itself stays clean
