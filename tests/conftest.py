import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from skincare_lint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run the command line in a clean directory; returns (exit code, output)."""
    monkeypatch.chdir(tmp_path)

    def invoke(*args, stdin=None):
        result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
        return result.exit_code, result.output

    return invoke


@pytest.fixture
def run_json(run):
    def invoke(*args, stdin=None):
        code, out = run("check", "--format", "json", *args, stdin=stdin)
        return code, json.loads(out)

    return invoke


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(data) -> list[tuple[str, int, int]]:
    return [(f["rule"], f["line"], f["column"]) for f in data["findings"]]


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (the shared inputs sit beside the checkout)")
    return path


os.environ.pop("GITHUB_ACTIONS", None)
