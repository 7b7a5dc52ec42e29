"""Configuration files, overrides, excludes and extra policy files."""

from conftest import findings, write

BAD = "# Peels\n\nStudies show peels erase wrinkles.\n"


def test_config_found_upward_sets_severity_and_fail_level(run_json, run, tmp_path, monkeypatch):
    write(tmp_path, ".skincare-lint.yaml", "fail-on: error\nrules:\n  uncited-claim: error\n")
    write(tmp_path, "content/a.md", BAD)
    monkeypatch.chdir(tmp_path / "content")
    _, data = run_json("--select", "uncited-claim", "a.md")
    assert [f["severity"] for f in data["findings"]] == ["error"]


def test_fail_on_from_config_and_cli_wins(run, tmp_path):
    write(tmp_path, ".skincare-lint.yaml", "fail-on: error\n")
    write(tmp_path, "a.md", BAD)
    assert run("check", "--select", "uncited-claim", "a.md")[0] == 0
    assert run("check", "--select", "uncited-claim", "--fail-on", "warning", "a.md")[0] == 1


def test_rule_off_and_per_path_overrides(run_json, tmp_path):
    write(
        tmp_path,
        ".skincare-lint.yaml",
        "rules:\n  missing-professional-notice: off\n"
        "overrides:\n  - files: ['news/**']\n    rules: {uncited-claim: off}\n",
    )
    write(tmp_path, "news/a.md", BAD)
    write(tmp_path, "guides/b.md", BAD)
    _, data = run_json("news", "guides")
    assert findings(data) == [("uncited-claim", 3, 1)]
    assert data["findings"][0]["path"] == "guides/b.md"


def test_exclude_applies_to_explicit_files_too(run_json, tmp_path):
    write(tmp_path, ".skincare-lint.yaml", "exclude: ['drafts/**', 'legal.md']\n")
    write(tmp_path, "drafts/a.md", BAD)
    write(tmp_path, "legal.md", BAD)
    write(tmp_path, "b.md", BAD)
    _, data = run_json("drafts/a.md", "legal.md", "b.md")
    assert data["summary"]["files"] == 1
    assert {f["path"] for f in data["findings"]} == {"b.md"}


def test_pyproject_table(run_json, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.skincare-lint]\nrules = {uncited-claim = 'off'}\n")
    write(tmp_path, "a.md", BAD)
    _, data = run_json("a.md")
    assert "uncited-claim" not in {f["rule"] for f in data["findings"]}


def test_unknown_key_rule_and_value_exit_two_naming_file_and_key(run, tmp_path):
    cases = {
        "colour: red\n": "unknown key 'colour'",
        "rules:\n  no-such-rule: off\n": "unknown rule 'no-such-rule'",
        "rules:\n  uncited-claim: loud\n": "uncited-claim: expected one of",
        "fail-on: sometimes\n": "fail-on: expected one of",
        "exclude: 3\n": "exclude: expected a list of strings",
        "rules: [\n": "invalid YAML",
        "- a\n- b\n": "expected a mapping of settings",
    }
    write(tmp_path, "a.md", BAD)
    for text, message in cases.items():
        write(tmp_path, ".skincare-lint.yaml", text)
        code, out = run("check", "a.md")
        assert code == 2, text
        assert ".skincare-lint.yaml" in out and message in out, (text, out)
        assert "Traceback" not in out


def test_explicit_config_path(run, tmp_path):
    write(tmp_path, "cfg/lint.yaml", "fail-on: never\n")
    write(tmp_path, "a.md", BAD)
    assert run("check", "--config", "cfg/lint.yaml", "a.md")[0] == 0
    code, out = run("check", "--config", "cfg/missing.yaml", "a.md")
    assert code == 2 and "cannot read" in out


def test_extra_policy_adds_aliases_and_pairings(run_json, tmp_path):
    write(
        tmp_path,
        "house.yaml",
        "terms:\n  microneedling:\n    names: [glow pen]\n"
        "  fillers:\n    kind: procedure\n    label: dermal fillers\n    names: [filler]\n"
        "pairings:\n  - id: pen-fillers\n    treatment: microneedling\n    target: fillers\n"
        "    strength: avoid\n    reason: house rule\n    source: medical director\n",
    )
    write(tmp_path, ".skincare-lint.yaml", "policy: [house.yaml]\n")
    write(
        tmp_path,
        "a.md",
        "# Glow pen\n\nYou can combine a glow pen session with fillers on the same day.\n\n"
        "Ask your dermatologist first.\n",
    )
    _, data = run_json("--select", "discouraged-pairing", "a.md")
    assert findings(data) == [("discouraged-pairing", 3, 1)]
    assert "house rule" in data["findings"][0]["message"]


def test_extra_policy_rewords_a_claim_hint(run_json, tmp_path):
    write(tmp_path, ".skincare-lint.yaml", "policy: [house.yaml]\n")
    write(tmp_path, "house.yaml", "claims:\n  named-study:\n    hint: ask the science desk\n")
    write(tmp_path, "a.md", "A 2019 study found peels work.\n")
    _, data = run_json("--select", "uncited-claim", "a.md")
    assert [f["hint"] for f in data["findings"]] == ["ask the science desk"]


def test_bad_policy_file_names_file_and_entry(run, tmp_path):
    write(tmp_path, ".skincare-lint.yaml", "policy: [house.yaml]\n")
    write(tmp_path, "a.md", BAD)
    bad = {
        "pairings:\n  - id: x\n    treatment: nothing\n    target: milia\n    strength: avoid\n"
        "    reason: r\n    source: s\n": "unknown term 'nothing'",
        "negative:\n  - '(unclosed'\n": "not a valid pattern",
        "negative:\n  - '(a+)+b'\n": "nested repetition",
        "surprise: []\n": "unknown section 'surprise'",
        "claims:\n  statistic:\n    negatable: sometimes\n": "negatable: expected true or false",
        "claims:\n  statistic:\n    fuzzy: true\n": "unknown key 'fuzzy'",
        # an unquoted "(?: x" reads as a mapping in YAML
        "claims:\n  statistic:\n    patterns:\n      - (?: up|down) by\n": "quote a pattern",
        "!!python/object/apply:os.system ['echo hacked']\n": "invalid YAML",
    }
    for text, message in bad.items():
        write(tmp_path, "house.yaml", text)
        code, out = run("check", "a.md")
        assert code == 2, text
        assert "house.yaml" in out and message in out, (text, out)
