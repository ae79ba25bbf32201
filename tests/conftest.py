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
SHARED = ROOT.parent / "shared"
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


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir() and not os.environ.get("CI"), reason="../shared/corpus not present")
