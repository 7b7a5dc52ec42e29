"""Turn the paths on the command line into the articles to lint."""

from __future__ import annotations

import os
from dataclasses import dataclass

ARTICLE_SUFFIXES = (".md", ".markdown", ".mdx", ".txt")
_SKIPPED_DIRS = {"node_modules", "__pycache__", ".git", ".hg", ".svn", ".venv", "venv"}


@dataclass(frozen=True, slots=True)
class Missing:
    path: str
    reason: str


def is_plain_text(path: str) -> bool:
    return path.lower().endswith(".txt")


def discover(paths, config) -> tuple[list[str], list[Missing]]:
    """Files to lint (in a stable order) and the paths that could not be used."""
    files: list[str] = []
    problems: list[Missing] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen and not config.is_excluded(path):
            seen.add(key)
            files.append(path)

    for path in paths:
        if os.path.isdir(path):
            found, walk_problems = _walk(path)
            problems.extend(walk_problems)
            for name in found:
                add(name)
        elif os.path.exists(path):
            add(path)
        elif os.path.islink(path):
            problems.append(Missing(path, "is a broken symbolic link"))
        else:
            problems.append(Missing(path, "no such file or directory"))
    return files, problems


def _walk(root: str) -> tuple[list[str], list[Missing]]:
    found: list[str] = []
    problems: list[Missing] = []

    def on_error(error: OSError) -> None:
        problems.append(Missing(error.filename or root, f"cannot be read ({error.strerror})"))

    visited: set[tuple[int, int]] = set()
    for folder, dirs, names in os.walk(root, onerror=on_error, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError:
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in visited:  # a symbolic link loop: stop descending
            dirs[:] = []
            continue
        visited.add(key)
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(names):
            if name.lower().endswith(ARTICLE_SUFFIXES):
                path = os.path.join(folder, name)
                found.append(path[2:] if path.startswith("./") and root in (".", "./") else path)
    return found, problems
