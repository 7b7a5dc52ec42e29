"""The command line as users and CI see it: formats, exit codes, selection."""

import json
import subprocess
import sys

from conftest import ROOT, findings, write

CLEAN = "# Moisturising basics\n\nPat your skin dry and apply a plain moisturiser.\n"
BAD = """# Peels at home

Studies show glycolic peels erase wrinkles.

Retinol pairs well with a peel the same evening.
"""


def test_clean_article_exits_zero_with_summary(run, tmp_path):
    write(tmp_path, "clean.md", CLEAN)
    code, out = run("check", "clean.md")
    assert code == 0
    assert out.strip().endswith("0 findings in 1 file")


def test_text_format_shows_location_source_line_hint_and_summary(run, tmp_path):
    write(tmp_path, "bad.md", BAD)
    code, out = run("check", "bad.md")
    assert code == 1
    assert "bad.md:3:1: warning uncited-claim" in out
    assert " 3 | Studies show glycolic peels erase wrinkles." in out
    assert "   | ^^^^^^^^^^^^^" in out
    assert "hint:" in out
    assert "\x1b[" not in out  # no colour when not on a terminal
    assert out.strip().splitlines()[-1].startswith("3 findings (1 error, 2 warnings) in 1 file")


def test_json_contract(run_json, tmp_path):
    write(tmp_path, "bad.md", BAD)
    code, data = run_json("bad.md")
    assert code == 1
    assert data["version"] == 1
    assert findings(data) == [
        ("missing-professional-notice", 1, 1),
        ("uncited-claim", 3, 1),
        ("discouraged-pairing", 5, 1),
    ]
    assert [f["severity"] for f in data["findings"]] == ["error", "warning", "warning"]
    keys = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "severity",
        "message",
        "related",
    }
    for f in data["findings"]:
        assert keys <= set(f)
        assert f["path"] == "bad.md"
        assert f["severity"] in ("error", "warning", "info")
    summary = data["summary"]
    assert summary["files"] == 1
    assert summary["findings"] == len(data["findings"])
    assert sum(summary["by_rule"].values()) == summary["findings"]
    assert sum(summary["by_severity"].values()) == summary["findings"]


def test_output_is_ordered_by_path_line_column_rule(run_json, tmp_path):
    write(tmp_path, "b.md", BAD)
    write(tmp_path, "a.md", BAD)
    _, data = run_json("b.md", "a.md")
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert keys[0][0] == "a.md"


def test_github_format(run, tmp_path):
    write(tmp_path, "bad.md", BAD)
    code, out = run("check", "--format", "github", "bad.md")
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[0].startswith("::error file=bad.md,line=1,col=1,")
    warning = [x for x in lines if x.startswith("::warning file=bad.md,line=3,col=1,endColumn=")]
    assert warning and "title=skincare-lint uncited-claim::" in warning[0]


def test_select_ignore_and_fail_on(run_json, run, tmp_path):
    write(tmp_path, "bad.md", BAD)
    _, data = run_json("--select", "uncited-claim", "bad.md")
    assert {f["rule"] for f in data["findings"]} == {"uncited-claim"}
    _, data = run_json("--ignore", "uncited-claim,missing-professional-notice", "bad.md")
    assert {f["rule"] for f in data["findings"]} == {"discouraged-pairing"}
    code, _ = run("check", "--select", "uncited-claim", "--fail-on", "error", "bad.md")
    assert code == 0
    code, _ = run("check", "--fail-on", "never", "bad.md")
    assert code == 0
    code, out = run("check", "--select", "no-such-rule", "bad.md")
    assert code == 2 and "unknown rule 'no-such-rule'" in out


def test_quiet_prints_nothing_for_clean_files(run, tmp_path):
    write(tmp_path, "clean.md", CLEAN)
    code, out = run("check", "--quiet", "clean.md")
    assert (code, out) == (0, "")


def test_directories_recurse_and_default_to_current_directory(run_json, tmp_path):
    write(tmp_path, "content/a.md", BAD)
    write(tmp_path, "content/sub/b.txt", "Peels\nStudies show peels work.\n")
    write(tmp_path, "content/ignored.html", "Studies show peels work.")
    write(tmp_path, "content/node_modules/c.md", BAD)
    _, data = run_json()
    assert data["summary"]["files"] == 2
    assert {f["path"] for f in data["findings"]} == {"content/a.md", "content/sub/b.txt"}


def test_stdin_with_filename(run_json):
    code, data = run_json("--stdin-filename", "draft.md", "-", stdin=BAD)
    assert code == 1
    assert {f["path"] for f in data["findings"]} == {"draft.md"}


def test_unreadable_input_exits_two_and_others_are_still_linted(run_json, tmp_path):
    write(tmp_path, "bad.md", BAD)
    code, data = run_json("missing.md", "bad.md")
    assert code == 2
    assert data["errors"] == [{"path": "missing.md", "message": "no such file or directory"}]
    assert data["summary"]["findings"] > 0


def test_rules_and_explain(run):
    code, out = run("rules")
    assert code == 0
    for rule in (
        "contradictory-advice",
        "uncited-claim",
        "missing-professional-notice",
        "discouraged-pairing",
    ):
        assert rule in out
    code, out = run("explain", "discouraged-pairing")
    assert code == 0
    for section in ("What it does", "Why it matters", "Example that fires", "Instead"):
        assert section in out
    code, out = run("explain", "nope")
    assert code == 2


def test_module_entry_point_and_version():
    out = subprocess.run(
        [sys.executable, "-m", "skincare_lint", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0 and "0.1.0" in out.stdout


def test_bad_usage_is_exit_two_without_traceback(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "skincare_lint", "check", "--format", "xml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr


def test_json_output_parses_for_every_fixture(run_json):
    code, data = run_json(str(ROOT / "fixtures"))
    assert code == 1
    assert data["summary"]["files"] >= 20
    json.dumps(data)
