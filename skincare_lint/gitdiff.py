"""Lines changed since a git ref, for reporting only what a pull request touches."""

from __future__ import annotations

import os
import re
import subprocess

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(Exception):
    pass


def _git(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError("git took too long to answer") from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
    return done.stdout


def changed_lines(ref: str, paths: list[str]) -> dict[str, set[int] | str]:
    """Absolute path -> changed line numbers, or "all" for files git does not track."""
    cwd = os.getcwd()
    root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    changed: dict[str, set[int] | str] = {}
    untracked = _git(["ls-files", "--others", "--exclude-standard", "--full-name"], root)
    for name in untracked.splitlines():
        changed[os.path.abspath(os.path.join(root, name))] = "all"
    wanted = [os.path.abspath(p) for p in paths]
    if not wanted:
        return changed
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--", *wanted], cwd)
    current = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else os.path.join(root, name[2:])
            if current:
                changed.setdefault(os.path.abspath(current), set())
        elif line.startswith("@@") and current:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                lines = changed[os.path.abspath(current)]
                if isinstance(lines, set):
                    lines.update(range(start, start + count))
    return changed
