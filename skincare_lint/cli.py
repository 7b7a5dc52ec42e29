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


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default=None,
    help="Output format (default: text).",
)
@click.option("--select", multiple=True, help="Only these rules (comma-separated ids).")
@click.option("--ignore", multiple=True, help="Skip these rules (comma-separated ids).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file (default: .skincare-lint.yaml or pyproject.toml, searched upward).",
)
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
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the CPUs available; small runs use one).",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write .skincare-lint-cache/.")
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
    fail_on,
    quiet,
    stdin_filename,
    colour,
    jobs,
    no_cache,
    apply_fix,
    show_diff,
):
    """Check articles (files or directories; '-' reads standard input)."""
    from pathlib import Path

    from .config import Config, ConfigError, find_config, load_config
    from .discovery import discover
    from .engine import FileResult, default_jobs, lint_file
    from .findings import SEVERITY_RANK
    from .policy import PolicyError, load_policy
    from .report import reporter
    from .report.summary import summarise

    selected = _rule_list(select, "--select") or set(_RULE_IDS)
    selected -= _rule_list(ignore, "--ignore")
    try:
        found = config_path or find_config()
        config = load_config(found, _RULE_IDS) if found else Config()
        cache_root = None if no_cache else Path(config.root if found else Path.cwd())
        extra = [(p, os.path.relpath(p)) for p in config.policy]
        from .cache import CACHE_DIR

        policy = load_policy(extra, cache_root / CACHE_DIR if cache_root else None)
    except (ConfigError, PolicyError) as exc:
        _fail(str(exc))
    fail_on = fail_on or config.fail_on or "warning"
    output_format = output_format or "text"

    paths = list(paths) or ["."]
    texts: dict[str, str] = {}
    results: list[FileResult] = []
    files, problems = discover([p for p in paths if p != "-"], config)
    results += [FileResult(problem.path, error=problem.reason) for problem in problems]
    results += _lint_with_cache(
        files, config, policy, selected, jobs or default_jobs(), cache_root, extra
    )
    if "-" in paths:
        from .source import InputError, decode

        name = stdin_filename or "-"
        try:
            text = decode(sys.stdin.buffer.read()).text
            texts[name] = text
            if config.is_excluded(name) and stdin_filename:
                results.append(FileResult(name))
            else:
                results.append(
                    lint_file(name, policy, config.rule_settings(name), selected, text=text)
                )
        except InputError as exc:
            results.append(FileResult(name, error=str(exc)))
    results.sort(key=lambda r: r.path)
    if apply_fix or show_diff:
        changed = _fix(results, config, policy, write=apply_fix and not show_diff)
        if show_diff:
            sys.exit(EXIT_FINDINGS if changed else EXIT_OK)

    summary = summarise(results)
    use_colour = (
        colour if colour is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    context = _Context(use_colour, quiet, show_source=output_format == "text", texts=texts)
    report = reporter(output_format).render(results, summary, context)
    if report:
        click.echo(report)

    if summary.errors:
        sys.exit(EXIT_USAGE)
    if fail_on != "never":
        threshold = SEVERITY_RANK[fail_on]
        if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


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


def _lint_with_cache(files, config, policy, selected, jobs, cache_root, extra):
    """Results for files, from the cache where the content is unchanged."""
    from .engine import FileResult, lint_files
    from .source import InputError, read_bytes

    settings = {path: config.rule_settings(path) for path in files}
    if cache_root is None:
        return lint_files([(p, settings[p], None) for p in files], policy, selected, jobs, extra)
    from .cache import ResultCache

    cache = ResultCache(cache_root, policy.fingerprint)
    results: dict[str, FileResult] = {}
    tasks, keys = [], {}
    for path in files:
        try:
            data = read_bytes(path)
        except InputError as exc:
            results[path] = FileResult(path, error=str(exc))
            continue
        key = cache.key(data, path, settings[path], selected)
        cached = cache.get(key, path)
        if cached is not None:
            results[path] = FileResult(path, cached)
        else:
            keys[path] = key
            tasks.append((path, settings[path], data))
    for result in lint_files(tasks, policy, selected, jobs, extra):
        results[result.path] = result
        if result.error is None:
            cache.put(keys[result.path], result.findings)
    cache.save()
    return [results[path] for path in files]


def main() -> None:
    cli(prog_name="skincare-lint")


if __name__ == "__main__":
    main()
