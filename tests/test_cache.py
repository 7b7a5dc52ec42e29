"""The result cache gives the same findings as a fresh run, and never stale ones."""

from conftest import write

from skincare_lint import cache

ARTICLE = "Studies show microneedling works.\n\nAsk your dermatologist first.\n"


def _cache_files(folder):
    return sorted((folder / cache.CACHE_DIR).glob("results-*.json"))


def test_second_run_reuses_the_cache_and_agrees(run_json, tmp_path):
    write(tmp_path, "a.md", ARTICLE)
    first = run_json("a.md")
    assert len(_cache_files(tmp_path)) == 1
    assert run_json("a.md") == first
    assert first[1]["findings"][0]["rule"] == "uncited-claim"


def test_an_edited_article_is_read_again(run_json, tmp_path):
    write(tmp_path, "a.md", ARTICLE)
    run_json("a.md")
    write(tmp_path, "a.md", "Microneedling uses fine needles.\n\nAsk your dermatologist first.\n")
    assert run_json("a.md")[1]["findings"] == []


def test_changed_code_does_not_reuse_results(run_json, tmp_path, monkeypatch):
    write(tmp_path, "a.md", ARTICLE)
    run_json("a.md")
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "other code")
    run_json("a.md")
    assert len(_cache_files(tmp_path)) == 2


def test_code_fingerprint_covers_the_modules():
    assert cache.code_fingerprint() != cache.fingerprint(cache.__version__)
