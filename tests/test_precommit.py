"""The real `pre-commit try-repo` runs the hook against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

def _have_pre_commit() -> bool:
    import importlib.util

    return shutil.which("pre-commit") is not None or importlib.util.find_spec("pre_commit") is not None


# In CI the test extra installs pre-commit, so there it must run, never skip.
pytestmark = pytest.mark.skipif(not _have_pre_commit() and not os.environ.get("CI"), reason="pre-commit not installed")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def pre_commit() -> list[str]:
    import importlib.util
    import sys

    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    return [shutil.which("pre-commit") or "pre-commit"]


@pytest.fixture(scope="module")
def article_repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("articles")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "desk@example.com")
    git(repo, "config", "user.name", "Desk")
    (repo / "bad.md").write_text('# Mayor wins\n\n"We won," the mayor claimed.\n', encoding="utf-8")
    (repo / "good.txt").write_text("The mayor said the city would appeal the ruling.\n", encoding="utf-8")
    git(repo, "add", ".")
    return repo


def try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "NO_COLOR": "1"}
    return subprocess.run(
        [*pre_commit(), "try-repo", str(ROOT), "stylelint", "--files", *files],
        cwd=repo, capture_output=True, text=True, env=env, timeout=600,
    )


def test_bad_article_fails_the_hook(article_repo):
    proc = try_repo(article_repo, "bad.md")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "bad.md:3:21: ATT001 [warning] 'claimed' as attribution; use 'said'." in out


def test_good_article_passes(article_repo):
    proc = try_repo(article_repo, "good.txt")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
