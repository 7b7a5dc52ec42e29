"""One run of the linter, from command-line options to results: configuration and
policy, discovery, the cache, standard input, and the filters that narrow findings to
what a team wants to see (a baseline of known findings, lines changed since a ref)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .cache import CACHE_DIR, ResultCache
from .checks import RULES
from .config import Config, ConfigError, find_config, load_config
from .discovery import discover
from .engine import FileResult, lint_file, lint_files
from .findings import Finding
from .policy import PolicyError, load_policy
from .source import InputError, decode, read_bytes

RULE_IDS = tuple(RULES)


class UsageError(Exception):
    """Bad options, config or policy: the run cannot start (exit code 2)."""


@dataclass
class Run:
    config: Config
    policy: object
    selected: set[str]
    cache_root: Path | None
    extra: list = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # text read from standard input


def start(config_path, selected: set[str], no_cache: bool) -> Run:
    try:
        found = config_path or find_config()
        config = load_config(found, RULE_IDS) if found else Config()
        cache_root = None if no_cache else Path(config.root if found else Path.cwd())
        extra = [(p, os.path.relpath(p)) for p in config.policy]
        policy = load_policy(extra, cache_root / CACHE_DIR if cache_root else None)
    except (ConfigError, PolicyError) as exc:
        raise UsageError(str(exc)) from None
    return Run(config, policy, selected, cache_root, extra)


def lint(run: Run, paths: list[str], stdin_filename, jobs: int, progress=None) -> list[FileResult]:
    files, problems = discover([p for p in paths if p != "-"], run.config)
    results = [FileResult(problem.path, error=problem.reason) for problem in problems]
    results += _lint_with_cache(run, files, jobs, progress)
    if "-" in paths:
        name = stdin_filename or "-"
        try:
            text = decode(sys.stdin.buffer.read()).text
            run.texts[name] = text
            if stdin_filename and run.config.is_excluded(name):
                results.append(FileResult(name))
            else:
                settings = run.config.rule_settings(name)
                results.append(lint_file(name, run.policy, settings, run.selected, text=text))
        except InputError as exc:
            results.append(FileResult(name, error=str(exc)))
    results.sort(key=lambda r: r.path)
    return results


def _lint_with_cache(run: Run, files, jobs, progress) -> list[FileResult]:
    """Results for files, from the cache where the content is unchanged."""
    settings = {path: run.config.rule_settings(path) for path in files}
    if run.cache_root is None:
        tasks = [(p, settings[p], None) for p in files]
        return lint_files(tasks, run.policy, run.selected, jobs, run.extra, progress)
    cache = ResultCache(run.cache_root, run.policy.fingerprint)
    results: dict[str, FileResult] = {}
    tasks, keys = [], {}
    for path in files:
        try:
            data = read_bytes(path)
        except InputError as exc:
            results[path] = FileResult(path, error=str(exc))
            continue
        key = cache.key(data, path, settings[path], run.selected)
        cached = cache.get(key, path)
        if cached is not None:
            results[path] = FileResult(path, cached)
        else:
            keys[path] = key
            tasks.append((path, settings[path], data))
    for result in lint_files(tasks, run.policy, run.selected, jobs, run.extra, progress):
        results[result.path] = result
        if result.error is None:
            cache.put(keys[result.path], result.findings)
    cache.save()
    return [results[path] for path in files]


def keep_changed_lines(results: list[FileResult], ref: str) -> None:
    """Drop findings on lines not changed since a git ref (new files count whole)."""
    from .gitdiff import GitError, changed_lines

    try:
        changed = changed_lines(ref, [r.path for r in results if not r.error])
    except GitError as exc:
        raise UsageError(f"--diff-base {ref}: {exc}") from None
    for result in results:
        lines = changed.get(os.path.abspath(result.path))
        if lines is None:
            result.findings = []
        elif lines != "all":
            result.findings = [f for f in result.findings if f.line in lines]


def stale_finding(path: str, entry: dict) -> Finding:
    return Finding(
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        rule="stale-baseline",
        severity="info",
        message=(
            f"the baseline still lists {entry['count']} {entry['rule']} finding(s) that no longer "
            "occur here; run `skincare-lint baseline write` to refresh it"
        ),
        hint="rewrite the baseline so it only holds findings that still exist",
    )
