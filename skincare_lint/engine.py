"""Lint articles: read, parse, analyse, check, then apply settings and suppressions.

Many files are spread over worker processes (the policy is compiled once, in the
parent, and inherited); a handful stay in one process, where starting workers would
cost more than it saves. Results come back in the order the files were given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from .analysis import analyse
from .checks import CHECKS, Context
from .discovery import is_plain_text
from .document import parse
from .findings import Finding
from .source import InputError, decode, read_bytes
from .suppressions import Suppressor

# Below this many files, one process is faster than starting workers.
PARALLEL_MIN_FILES = 16


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # why the file could not be linted


def lint_text(path: str, text: str, policy, settings: dict[str, str], selected) -> list[Finding]:
    """Findings for one article's text under the given rule settings."""
    document = parse(text, plain=is_plain_text(path))
    context = Context(path, analyse(document, policy))
    suppressor = Suppressor(document)
    findings = []
    ran = set()
    for rule_id, check in CHECKS.items():
        setting = settings.get(rule_id)
        if setting == "off" or rule_id not in selected:
            continue
        ran.add(rule_id)
        for finding in check(context):
            if suppressor.suppressed(rule_id, finding.line):
                continue
            if setting:
                finding = replace(finding, severity=setting)
            findings.append(finding)
    if "unused-suppression" in selected and settings.get("unused-suppression") != "off":
        findings += _unused_suppressions(context, suppressor.unused(ran), settings)
    findings.sort(key=Finding.sort_key)
    return findings


def _unused_suppressions(context, unused, settings) -> list[Finding]:
    found = []
    for directive in unused:
        start = context.document.lines.line_start(directive.line)
        finding = context.finding(
            "unused-suppression",
            settings.get("unused-suppression") or "info",
            start,
            start,
            f"this skincare-lint-{directive.action} comment for "
            f"{', '.join(directive.rules).replace('*', 'all rules')} silences nothing",
            hint="delete the comment",
        )
        found.append(finding)
    return found


def lint_file(path: str, policy, settings, selected, text: str | None = None, data=None):
    """One article's result; never raises for a bad input."""
    try:
        if text is None:
            text = decode(read_bytes(path) if data is None else data).text
        return FileResult(path, lint_text(path, text, policy, settings, selected))
    except InputError as exc:
        return FileResult(path, error=str(exc))
    except RecursionError:
        return FileResult(path, error="is nested too deeply to parse")


# The policy and selection for worker processes, set before they start.
_WORKER: dict = {}


def _work(task) -> FileResult:
    path, settings, data = task
    return lint_file(path, _WORKER["policy"], settings, _WORKER["selected"], data=data)


def _init_worker(extra, selected) -> None:  # pragma: no cover - spawn platforms only
    from .policy import load_policy

    _WORKER.update(policy=load_policy(extra), selected=selected)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - platforms without affinity
        return max(1, os.cpu_count() or 1)


def lint_files(tasks, policy, selected, jobs: int, extra=(), progress=None) -> list[FileResult]:
    """Lint (path, settings, bytes or None) tasks, in parallel when there are many.
    progress, if given, is called with the number of files done so far."""
    if jobs <= 1 or len(tasks) < PARALLEL_MIN_FILES:
        results = []
        for path, settings, data in tasks:
            results.append(lint_file(path, policy, settings, selected, data=data))
            if progress:
                progress(len(results))
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _WORKER.update(policy=policy, selected=selected)
    if "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(jobs, mp_context=context)
    else:  # pragma: no cover - spawn platforms reload the policy in each worker
        pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(extra, selected))
    chunk = max(1, min(32, len(tasks) // (jobs * 8)))
    results = []
    with pool:
        for result in pool.map(_work, tasks, chunksize=chunk):
            results.append(result)
            if progress:
                progress(len(results))
    return results
