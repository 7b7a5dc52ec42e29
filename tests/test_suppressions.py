"""Inline suppression comments."""

from conftest import findings, write

BASE = "Ask your dermatologist about peels.\n\n"


def lint(run_json, tmp_path, body):
    write(tmp_path, "a.md", BASE + body)
    return findings(run_json("--select", "uncited-claim", "a.md")[1])


def test_disable_enable_range(run_json, tmp_path):
    body = (
        "<!-- skincare-lint-disable uncited-claim -->\n\nStudies show peels work.\n\n"
        "<!-- skincare-lint-enable uncited-claim -->\n\nResearch suggests peels help.\n"
    )
    assert lint(run_json, tmp_path, body) == [("uncited-claim", 9, 1)]


def test_disable_next_line_skips_blank_lines(run_json, tmp_path):
    body = (
        "<!-- skincare-lint-disable-next-line uncited-claim -->\n\n"
        "Studies show peels work.\n\nResearch suggests peels help.\n"
    )
    assert lint(run_json, tmp_path, body) == [("uncited-claim", 7, 1)]


def test_disable_file_and_all_rules(run_json, tmp_path):
    body = "Studies show peels work.\n\n<!-- skincare-lint-disable-file -->\n"
    assert lint(run_json, tmp_path, body) == []


def test_other_rules_are_not_suppressed(run_json, tmp_path):
    body = "<!-- skincare-lint-disable-file discouraged-pairing -->\n\nStudies show peels work.\n"
    assert lint(run_json, tmp_path, body) == [("uncited-claim", 5, 1)]


def test_directive_inside_code_block_does_nothing(run_json, tmp_path):
    body = "```\n<!-- skincare-lint-disable-file -->\n```\n\nStudies show peels work.\n"
    assert lint(run_json, tmp_path, body) == [("uncited-claim", 7, 1)]
