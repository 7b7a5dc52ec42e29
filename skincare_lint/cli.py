"""The skincare-lint command line: check, rules and explain.

Only what a command needs is imported: the policy, the parser and the reporters load
inside the commands, so `--version` and `--help` stay instant.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_RULE_IDS = (
    "contradictory-advice",
    "uncited-claim",
    "missing-professional-notice",
    "discouraged-pairing",
    "invalid-front-matter",
    "unused-suppression",
    "stale-baseline",
)


def _fail(message: str) -> None:
    click.echo(f"skincare-lint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _rule_list(values: tuple[str, ...], option: str) -> set[str]:
    rules = set()
    for value in values:
        for rule in value.split(","):
            rule = rule.strip()
            if not rule:
                continue
            if rule not in _RULE_IDS:
                _fail(f"{option}: unknown rule '{rule}' (known: {', '.join(_RULE_IDS)})")
            rules.add(rule)
    return rules


class _Context:
    """What a reporter needs besides the results: styling and the source lines."""

    def __init__(self, colour: bool, quiet: bool, show_source: bool, texts: dict[str, str]):
        self.colour = colour
        self.quiet = quiet
        self.show_source = show_source
        self.texts = texts

    def style(self, text: str, **styles) -> str:
        return click.style(text, **styles) if self.colour else text

    def source_lines(self, path: str) -> list[str]:
        text = self.texts.get(path)
        if text is None:
            from .source import InputError, read_source

            try:
                text = read_source(path).text
            except InputError:
                return []
        import re

        return re.split(r"\r\n?|\n", text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="skincare-lint")
def cli() -> None:
    """Lint skincare and dermatology articles against a medical-claims policy."""


_FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab", "html")


def _common(function):
    """Options shared by `check` and `baseline write`."""
    function = click.option("--select", multiple=True, help="Only these rules (ids, commas).")(
        function
    )
    function = click.option("--ignore", multiple=True, help="Skip these rules (ids, commas).")(
        function
    )
    function = click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="Config file (default: .skincare-lint.yaml or pyproject.toml, searched upward).",
    )(function)
    function = click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes (default: the CPUs available; small runs use one).",
    )(function)
    function = click.option(
        "--no-cache", is_flag=True, help="Do not read or write .skincare-lint-cache/."
    )(function)
    return function


def _selection(select, ignore) -> set[str]:
    selected = _rule_list(select, "--select") or set(_RULE_IDS)
    return selected - _rule_list(ignore, "--ignore")


def _progress(total: int):
    """A progress line on standard error, only on a terminal and for long runs."""
    if total < 20 or not sys.stderr.isatty() or os.environ.get("CI"):
        return None, lambda: None
    step = max(1, total // 100)

    def update(done: int) -> None:
        if done % step == 0 or done == total:
            click.echo(f"\rChecking {done}/{total} files…", nl=False, err=True)

    def finish() -> None:
        click.echo("\r" + " " * 40 + "\r", nl=False, err=True)

    return update, finish


def _run(paths, select, ignore, config_path, jobs, no_cache, stdin_filename=None):
    from .discovery import discover
    from .engine import default_jobs
    from .runner import UsageError, lint, start

    try:
        run = start(config_path, _selection(select, ignore), no_cache)
    except UsageError as exc:
        _fail(str(exc))
    paths = list(paths) or ["."]
    total = len(discover([p for p in paths if p != "-"], run.config)[0])
    update, finish = _progress(total)
    results = lint(run, paths, stdin_filename, jobs or default_jobs(), update)
    finish()
    return run, results


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(_FORMATS),
    default=None,
    help="Output format (default: text; github when GITHUB_ACTIONS is set).",
)
@_common
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: warning).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no clean summary.")
@click.option("--stdin-filename", help="Name to report for input read from '-'.")
@click.option(
    "--color/--no-color", "colour", default=None, help="Colour output (default: on a terminal)."
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file; the terminal gets the text report.",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Report only findings not recorded in this baseline file.",
)
@click.option("--diff-base", help="Report only findings on lines changed since this git ref.")
@click.option(
    "--fix", "apply_fix", is_flag=True, help="Add the professional notice where it is missing."
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="Show what --fix would change; write nothing."
)
def check(
    paths,
    output_format,
    select,
    ignore,
    config_path,
    jobs,
    no_cache,
    fail_on,
    quiet,
    stdin_filename,
    colour,
    output,
    statistics,
    baseline,
    diff_base,
    apply_fix,
    show_diff,
):
    """Check articles (files or directories; '-' reads standard input)."""
    from .findings import SEVERITY_RANK
    from .report import reporter
    from .report.summary import summarise

    run, results = _run(paths, select, ignore, config_path, jobs, no_cache, stdin_filename)
    if diff_base:
        from .runner import UsageError, keep_changed_lines

        try:
            keep_changed_lines(results, diff_base)
        except UsageError as exc:
            _fail(str(exc))
    if baseline:
        _apply_baseline(results, baseline, run.selected)
    if apply_fix or show_diff:
        changed = _fix(results, run.config, run.policy, write=apply_fix and not show_diff)
        if show_diff:
            sys.exit(EXIT_FINDINGS if changed else EXIT_OK)

    fail_on = fail_on or run.config.fail_on or "warning"
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    summary = summarise(results)
    use_colour = (
        colour if colour is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    if output:
        file_context = _Context(False, quiet, output_format == "text", run.texts)
        report = reporter(output_format).render(results, summary, file_context)
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(report + "\n")
        except OSError as exc:
            _fail(f"--output {output}: cannot write ({exc.strerror})")
        output_format = "text"
    context = _Context(use_colour, quiet, show_source=output_format == "text", texts=run.texts)
    report = reporter(output_format).render(results, summary, context)
    if report:
        click.echo(report)
    if statistics:
        _print_statistics(summary)

    if summary.errors:
        sys.exit(EXIT_USAGE)
    if fail_on != "never":
        threshold = SEVERITY_RANK[fail_on]
        if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _print_statistics(summary) -> None:
    counts = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(rule) for rule, _ in counts), default=0)
    for rule, count in counts:
        click.echo(f"{count:>6}  {rule:<{width}}")


def _apply_baseline(results, path: str, selected) -> None:
    from .baseline import BaselineError, apply, load
    from .runner import stale_finding

    try:
        entries = load(path)
    except BaselineError as exc:
        _fail(str(exc))
    stale = apply(results, entries)
    if "stale-baseline" not in selected:
        return
    by_path = {r.path.replace("\\", "/"): r for r in results}
    for file_path, entry in stale:
        result = by_path.get(file_path)
        if result is not None:
            result.findings.append(stale_finding(result.path, entry))
            result.findings.sort(key=lambda f: f.sort_key())


@cli.group()
def baseline() -> None:
    """Record today's findings so that `check --baseline` reports only new ones."""


@baseline.command("write")
@click.argument("paths", nargs=-1, type=click.Path())
@_common
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=".skincare-lint-baseline.json",
    show_default=True,
    help="Where to write the baseline.",
)
def baseline_write(paths, select, ignore, config_path, jobs, no_cache, output):
    """Record the current findings of PATHS in a baseline file."""
    from .baseline import write

    _, results = _run(paths, select, ignore, config_path, jobs, no_cache)
    try:
        count = write(results, output)
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror})")
    errors = sum(1 for r in results if r.error)
    for result in results:
        if result.error:
            click.echo(f"{result.path}: error: {result.error}", err=True)
    click.echo(f"recorded {count} findings from {len(results)} files in {output}")
    sys.exit(EXIT_USAGE if errors else EXIT_OK)


@cli.command()
def rules() -> None:
    """List every rule with its default severity and summary."""
    from .checks import RULES

    width = max(len(r) for r in RULES)
    for rule in RULES.values():
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show a rule's documentation: what, why, an example, what to write instead."""
    import textwrap

    from .checks import RULES

    doc = RULES.get(rule)
    if doc is None:
        _fail(f"unknown rule '{rule}' (known: {', '.join(RULES)})")

    def para(text: str) -> str:
        return textwrap.fill(" ".join(text.split()), 88)

    example = textwrap.indent(doc.example, "    ")
    parts = [
        f"{doc.id} ({doc.severity})",
        "",
        doc.summary,
        "",
        "What it does",
        para(doc.what),
        "",
        "Why it matters",
        para(doc.why),
        "",
        "Example that fires",
        example,
        "",
        "Instead",
        para(doc.instead),
    ]
    if doc.passes:
        parts += ["", "Does not fire on", para(doc.passes)]
    click.echo("\n".join(parts))


def _fix(results, config, policy, write: bool) -> int:
    """Insert the notice into files that lack one; print diffs when not writing."""
    from .fix import DEFAULT_NOTICE, FixRefused, make_fix, write_fix
    from .source import InputError, read_source

    changed = 0
    for result in results:
        missing = [f for f in result.findings if f.rule == "missing-professional-notice"]
        if not missing or result.error or result.path == "-":
            continue
        try:
            source = read_source(result.path)
            fix = make_fix(
                result.path,
                source.data,
                source.encoding,
                config.notice or DEFAULT_NOTICE,
                config.notice_place,
                policy.reference_heading,
            )
        except (InputError, FixRefused) as exc:
            click.echo(f"{result.path}: not fixed: {exc}", err=True)
            continue
        changed += 1
        if not write:
            click.echo(fix.diff(), nl=False)
            continue
        try:
            write_fix(fix)
        except OSError as exc:
            click.echo(f"{result.path}: not fixed: cannot write ({exc.strerror})", err=True)
            continue
        result.findings = [f for f in result.findings if f not in missing]
        click.echo(f"{result.path}: fixed: added the professional notice", err=True)
    return changed


def main() -> None:
    cli(prog_name="skincare-lint")


if __name__ == "__main__":
    main()
