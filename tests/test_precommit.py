"""The pre-commit hook, run for real with `pre-commit try-repo` on a throwaway repo."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

BAD = "# Peels at home\n\nStudies show that glycolic peels erase wrinkles in a week.\n"
CLEAN = "# Washing your face\n\nUse lukewarm water and pat your skin dry with a clean towel.\n"


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit():
    exe = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(exe).exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]' installs it)")
    return exe


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(pre_commit, hook_home, tmp_path, name, text):
    repo = tmp_path / "content"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", name)
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_home), "NO_COLOR": "1"}
    return subprocess.run(
        [pre_commit, "try-repo", str(ROOT), "skincare-lint", "--files", name, "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_bad_article_fails_the_hook_with_findings(pre_commit, hook_home, tmp_path):
    result = try_repo(pre_commit, hook_home, tmp_path, "peels.md", BAD)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "peels.md:3:1: warning uncited-claim" in result.stdout


def test_clean_article_passes_the_hook(pre_commit, hook_home, tmp_path):
    result = try_repo(pre_commit, hook_home, tmp_path, "washing.md", CLEAN)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
