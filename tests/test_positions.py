"""Findings point at the exact line and column of the claim in the source."""

from conftest import findings, write

ARTICLE = """---
title: Peels and positions
author: Test Writer
---

# Getting a *chemical peel*

> Clinical studies have shown that glycolic peels work.

- Item one is plain.
- Our **peel** is *clinically proven* to brighten skin.

| Treatment | Verdict |
| --- | --- |
| Retinol | Studies show it works wonders. |

Plain paragraph &amp; an escape \\* before: research suggests
peels help with lines.

```
Studies show this code block never counts.
```

Talk to a board-certified dermatologist before any peel.
"""


def test_positions_in_quotes_lists_tables_and_wrapped_paragraphs(run_json, tmp_path):
    write(tmp_path, "a.md", ARTICLE)
    code, data = run_json("--select", "uncited-claim", "a.md")
    assert code == 1
    assert findings(data) == [
        ("uncited-claim", 8, 3),
        ("uncited-claim", 11, 3),
        ("uncited-claim", 15, 13),
        ("uncited-claim", 17, 1),
    ]
    source = ARTICLE.splitlines()
    for f in data["findings"]:
        line = source[f["line"] - 1]
        assert line[f["column"] - 1 :].startswith(("Clinical", "Our", "Studies", "Plain"))


def test_end_positions_cover_the_sentence(run_json, tmp_path):
    write(tmp_path, "a.md", "Intro.\n\nStudies show peels work. Talk to your GP about peels.\n")
    _, data = run_json("a.md")
    [f] = data["findings"]
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (3, 1, 3, 25)


def test_crlf_and_bom_do_not_shift_columns(run_json, tmp_path):
    text = "\ufeffIntro line.\r\n\r\nA peel is safe. Studies show peels work.\r\n"
    (tmp_path / "a.md").write_bytes(text.encode("utf-8"))
    _, data = run_json("--select", "uncited-claim", "a.md")
    assert findings(data) == [("uncited-claim", 3, 17)]


def test_non_ascii_columns_count_characters(run_json, tmp_path):
    write(tmp_path, "a.md", "Ça va — résumé: studies show that peels work.\n\nAsk your GP.\n")
    _, data = run_json("--select", "uncited-claim", "a.md")
    assert findings(data) == [("uncited-claim", 1, 1)]
