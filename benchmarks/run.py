"""Benchmark skincare-lint against baselines on the same files, in one run.

    python benchmarks/run.py [--articles 2000] [--repeat 3] [--no-tools]

Generates the seeded corpus (benchmarks/generate_corpus.py), then times, as medians
of --repeat runs, each command as a separate process:

- markdown-it-py parsing every article with the same plugins and nothing else;
- skincare-lint with --jobs 1, with the default jobs, and a re-run with a warm cache;
- one 5 KB article: skincare-lint against a script that imports markdown_it and
  parses it (what a pre-commit hook costs);
- articles of 5 KB, 210 KB and 20 MB, for linear growth;
- proselint and markdownlint-cli2, installed into benchmarks/.tools/ from PyPI and
  npm when they can be (--no-tools skips them).

Peak memory is the largest resident set size of the command's processes (for a run
with workers, the largest of the parent and its workers). Prints a table of medians
and the ratios the performance targets are stated in.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOOLS = HERE / ".tools"
sys.path.insert(0, str(HERE))

from generate_corpus import article, generate  # noqa: E402

PARSE_ONLY = """
import sys
from pathlib import Path
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
md = MarkdownIt("commonmark", {"linkify": False}).use(front_matter_plugin).use(footnote_plugin)
md.enable(["table", "strikethrough"])
for name in sys.argv[1:]:
    for path in (sorted(Path(name).glob("*.md")) if Path(name).is_dir() else [Path(name)]):
        md.parse(path.read_text(encoding="utf-8"))
"""


# Runs a command and reports its peak memory. A wrapper of its own, because a child
# forked from this (large) process would count this process's pages as its own.
WRAPPER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def measure(command: list[str], cwd: Path, repeat: int) -> tuple[float, float, int]:
    """(median seconds, median peak MiB, exit code) of running command repeat times."""
    times, peaks, code = [], [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", WRAPPER, *command],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        times.append(time.perf_counter() - start)
        peaks.append(int(done.stderr.strip() or 0) / 1024)
        code = done.returncode
    return statistics.median(times), statistics.median(peaks), code


def install_tools() -> dict[str, list[str]]:
    """Baseline linters from the registries, installed once into benchmarks/.tools/."""
    tools: dict[str, list[str]] = {}
    venv = TOOLS / "venv"
    proselint = venv / "bin" / "proselint"
    if not proselint.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=False)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", "proselint"],
            check=False,
            capture_output=True,
        )
    if proselint.exists():
        tools["proselint"] = [str(proselint), "check"]
    npm = shutil.which("npm")
    cli2 = TOOLS / "node_modules" / ".bin" / "markdownlint-cli2"
    if npm and not cli2.exists():
        subprocess.run(
            [npm, "install", "--silent", "--prefix", str(TOOLS), "markdownlint-cli2"],
            check=False,
            capture_output=True,
        )
    if cli2.exists():
        tools["markdownlint-cli2"] = [str(cli2)]
    return tools


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-tools", action="store_true", help="skip proselint and markdownlint")
    args = parser.parse_args()

    lint = [sys.executable, "-m", "skincare_lint", "check", "--quiet", "--fail-on", "never"]
    parse = [sys.executable, "-c", PARSE_ONLY]
    work = Path(tempfile.mkdtemp(prefix="skincare-lint-bench-"))
    corpus = work / "corpus"
    files = generate(corpus, args.articles, seed=7)
    size = sum(p.stat().st_size for p in files) / 1e6
    import random

    rng = random.Random(11)
    singles = {}
    for label, words in (("5 KB", 700), ("210 KB", 30_000), ("20 MB", 2_900_000)):
        path = work / f"single-{label.replace(' ', '')}.md"
        path.write_text(article(rng, words), encoding="utf-8")
        singles[label] = path
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{len(files)} articles, {size:.1f} MB; {cores} cores; medians of {args.repeat} runs\n")

    rows: dict[str, tuple[float, float]] = {}

    def row(name: str, command: list[str], cwd: Path = work, repeat: int = args.repeat):
        seconds, peak, code = measure(command, cwd, repeat)
        rows[name] = (seconds, peak)
        print(f"  {name:<44} {seconds:8.2f} s {peak:8.1f} MiB   (exit {code})", flush=True)

    print("Whole corpus:")
    row("markdown-it-py parse only", [*parse, str(corpus)])
    row("skincare-lint --jobs 1", [*lint, "--no-cache", "--jobs", "1", str(corpus)])
    row("skincare-lint (default jobs)", [*lint, "--no-cache", str(corpus)])
    cache_dir = work / ".skincare-lint-cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    row("skincare-lint, cold cache", [*lint, str(corpus)], repeat=1)
    row("skincare-lint, warm cache", [*lint, str(corpus)])
    if not args.no_tools:
        for name, command in install_tools().items():
            row(name, [*command, *(str(p) for p in files)], repeat=1)

    print("\nOne article:")
    five = singles["5 KB"]
    row("import markdown_it and parse 5 KB", [*parse, str(five)])
    row("skincare-lint on 5 KB", [*lint, "--no-cache", str(five)])
    row("skincare-lint on 210 KB", [*lint, "--no-cache", str(singles["210 KB"])])
    row("skincare-lint on 20 MB", [*lint, "--no-cache", str(singles["20 MB"])], repeat=1)
    row("markdown-it-py parse only, 20 MB", [*parse, str(singles["20 MB"])], repeat=1)

    def ratio(a: str, b: str) -> float | None:
        if a not in rows or b not in rows:
            return None
        return rows[a][0] / rows[b][0]

    one = "skincare-lint --jobs 1"
    default = "skincare-lint (default jobs)"
    checks = [
        ("default jobs / markdownlint-cli2", ratio(default, "markdownlint-cli2"), "<= 0.25"),
        ("default jobs / proselint", ratio(default, "proselint"), "<= 0.10"),
        ("--jobs 1 / parse only", ratio(one, "markdown-it-py parse only"), "<= 1.5"),
        ("speed-up of default jobs over --jobs 1", ratio(one, default), ">= 1.7"),
        (
            "one 5 KB article / import and parse",
            ratio("skincare-lint on 5 KB", "import markdown_it and parse 5 KB"),
            "<= 1.5",
        ),
        (
            "warm cache / cold cache",
            ratio("skincare-lint, warm cache", "skincare-lint, cold cache"),
            "<= 0.10",
        ),
        (
            "210 KB article / 5 KB article",
            ratio("skincare-lint on 210 KB", "skincare-lint on 5 KB"),
            "<= 50",
        ),
        (
            "20 MB article / 210 KB article",
            ratio("skincare-lint on 20 MB", "skincare-lint on 210 KB"),
            "<= 120",
        ),
    ]
    print("\nRatios [targets]:")
    for name, value, target in checks:
        shown = "n/a" if value is None else f"{value:.2f}"
        print(f"  {name:<44} {shown:>8}  [{target}]")
    peak = max(v[1] for k, v in rows.items() if k.startswith("skincare-lint"))
    print(f"  {'peak memory of one skincare-lint process':<44} {peak:6.1f} MiB  [<= 64]")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
