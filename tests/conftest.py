"""Shared fixtures: paths to the shared corpus and a clean environment."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Compiled patterns go to a folder of this test run, not the user's cache
# (set before any test imports the rule packs; subprocesses inherit it).
if "STYLELINT_PATTERN_CACHE" not in os.environ:
    _PATTERN_CACHE = tempfile.mkdtemp(prefix="stylelint-patterns-")
    os.environ["STYLELINT_PATTERN_CACHE"] = _PATTERN_CACHE
    atexit.register(shutil.rmtree, _PATTERN_CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
#: The one place tests look for ``../shared`` (the corpus and the schemas beside
#: a checkout); ``STYLELINT_SHARED`` names another folder. A user's clone has
#: none: the tests that need it skip, saying so.
SHARED = Path(os.environ.get("STYLELINT_SHARED") or ROOT.parent / "shared")
#: The reference article ships in the repository (``examples/``).
REFERENCE = ROOT / "examples" / "blinken-ukraine.txt"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _no_autoload(monkeypatch):
    """Tests see only the plugins they ask for, not what the machine has installed."""
    monkeypatch.setenv("STYLELINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)


def corpus_files(kind: str, pattern: str = "*") -> list[Path]:
    """Files of one corpus folder (empty when the corpus is not there)."""
    folder = CORPUS / kind
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip unless ``SHARED / parts`` exists (a user's clone has no ``../shared``)."""
    where = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not where.exists(), reason=f"{where} not present (the shared corpus is not part of a clone)")


needs_corpus = needs_shared("corpus")
