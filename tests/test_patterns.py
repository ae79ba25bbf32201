"""The on-disk cache of compiled patterns: same patterns, never trusted blindly."""

from __future__ import annotations

import os

import pytest
import regex

from stylelint.rule import patterns

from clihelp import run
from conftest import REFERENCE, ROOT, corpus_files

FIXTURES = ROOT / "tests" / "fixtures" / "articles"


#: The command uses the cache only with a regex release it was tested with.
needs_tested_regex = pytest.mark.skipif(
    regex.__version__ not in patterns.TESTED_REGEX,
    reason=f"regex {regex.__version__} is not in patterns.TESTED_REGEX: the command compiles without the cache",
)


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A pattern cache in ``tmp_path`` and a module that has not loaded one yet (whatever the regex release)."""
    monkeypatch.setenv("STYLELINT_PATTERN_CACHE", str(tmp_path))
    monkeypatch.setattr(patterns, "TESTED_REGEX", patterns.TESTED_REGEX | {regex.__version__})
    monkeypatch.setattr(patterns, "_state", {"loaded": False, "entries": None, "dirty": False, "path": None, "owner": None})
    return tmp_path


def _reload() -> None:
    patterns._state.update(loaded=False, entries=None, dirty=False)


def _cache_file(folder) -> str:
    (path,) = [p for p in os.listdir(folder) if p.startswith("patterns-")]
    return os.path.join(folder, path)


def _behaviour(p: regex.Pattern, texts: list[str]) -> list:
    return [[(m.span(), m.groupdict(), m.groups()) for m in p.finditer(t)] for t in texts]


SAMPLE = [
    "Secretary of State Antony Blinken said Tuesday, Jan. 14, that the 2 sides met at 3:00 p.m.",
    "COPYRIGHT 2022 The Associated Press. Leave a Reply Related posts Straße Mr. Smith’s",
]


def test_rebuilt_patterns_match_like_fresh_ones(fresh):
    for pattern, flags in [(r"(?i)\bsaid\b", 0), (r"(?P<m>Jan|Feb)\.\s+(?P<d>\d{1,2})", regex.V1), (r"\p{Lu}\p{Ll}+", regex.I | regex.V1)]:
        first = patterns.compile(pattern, flags)
        assert patterns._state["dirty"]
        patterns.save()
        _reload()
        again = patterns.compile(pattern, flags)
        assert not patterns._state["dirty"], "the second compile should come from the file"
        assert _behaviour(again, SAMPLE) == _behaviour(first, SAMPLE)
        assert (again.pattern, again.flags, again.groupindex) == (first.pattern, first.flags, first.groupindex)


def test_every_builtin_pattern_rebuilt_by_the_cache_behaves_as_compiled():
    """On the installed regex release: each built-in pattern, captured and rebuilt as the
    cache does it, matches as the public ``regex.compile`` does on real text."""
    from stylelint.rule.testing import linter_for

    assert linter_for(None).rules  # the rule packs compile their patterns when they load
    assert len(patterns.SEEN) > 100
    texts = [REFERENCE.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.iterdir())]
    texts += [p.read_text(encoding="utf-8") for p in corpus_files("text")[:6]]
    rebuilt_count = 0
    for pattern, flags in sorted(patterns.SEEN):
        _, args = patterns._compile_and_capture(pattern, flags)
        if args is None:  # named lists: compiled, never cached
            continue
        rebuilt = regex._main._regex.compile(pattern, *patterns._unpack(args))
        assert _behaviour(rebuilt, texts) == _behaviour(regex.compile(pattern, flags), texts), pattern[:80]
        rebuilt_count += 1
    assert rebuilt_count > 100


def test_an_untested_regex_release_compiles_without_the_cache(fresh, monkeypatch):
    monkeypatch.setattr(patterns, "TESTED_REGEX", frozenset())
    p = patterns.compile(r"\bsaid\b", regex.V1)
    assert p.search("he said so").span() == (3, 7)
    patterns.save()
    assert os.listdir(fresh) == [] and patterns.cache_path() is None


@needs_tested_regex
def test_second_run_gives_the_same_findings_from_the_cache(tmp_path):
    env = {"STYLELINT_PATTERN_CACHE": str(tmp_path)}
    first = run("-f", "json", str(REFERENCE), env=env)
    stamp = os.stat(_cache_file(tmp_path)).st_mtime_ns
    second = run("-f", "json", str(REFERENCE), env=env)
    assert second.stdout == first.stdout and second.stderr == ""
    assert os.stat(_cache_file(tmp_path)).st_mtime_ns == stamp, "nothing new compiled, so nothing rewritten"


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"\x00\xff garbage",
        lambda raw: raw.replace(b'"format": %d' % patterns.FORMAT, b'"format": 99'),  # another format
        lambda raw: raw.replace(b'"regex": "', b'"regex": "0.0-'),  # another regex version
        lambda raw: raw[:-3] + b"[]}",  # body changed, checksum fails
    ],
)
def test_damaged_or_foreign_cache_is_ignored_and_rebuilt(fresh, damage):
    patterns.compile(r"\bsaid\b", 0)
    patterns.save()
    path = _cache_file(fresh)
    with open(path, "rb") as f:
        raw = f.read()
    with open(path, "wb") as f:
        f.write(damage(raw))
    _reload()
    p = patterns.compile(r"\bsaid\b", 0)
    assert p.search("he said").span() == (3, 7)
    assert patterns._state["dirty"], "a bad file must not be used"
    patterns.save()
    _reload()
    patterns.compile(r"\bsaid\b", 0)
    assert not patterns._state["dirty"], "the rebuilt file is good"


def test_entry_the_engine_refuses_falls_back(fresh):
    patterns.compile(r"\bsaid\b", 0)
    patterns._state["entries"][patterns._key(r"\bsaid\b", 0)] = [0, [1, 2], {}, []]  # wrong shape
    assert patterns.compile(r"\bsaid\b", 0).search("he said").span() == (3, 7)


def test_off_writes_nothing(monkeypatch, fresh):
    monkeypatch.setenv("STYLELINT_PATTERN_CACHE", "off")
    assert patterns.cache_path() is None
    assert patterns.compile(r"\bsaid\b", 0).search("said")
    patterns.save()
    assert os.listdir(fresh) == []


def test_unwritable_folder_is_skipped(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("STYLELINT_PATTERN_CACHE", str(blocker / "sub"))
    monkeypatch.setattr(patterns, "_state", {"loaded": False, "entries": None, "dirty": False, "path": None, "owner": None})
    assert patterns.compile(r"\bsaid\b", 0).search("said")
    patterns.save()  # no exception
    assert blocker.read_text() == "not a folder"


def test_an_engine_call_of_another_shape_is_compiled_and_not_cached(fresh, monkeypatch):
    """A future regex whose compiler passes other arguments: patterns still compile, nothing is stored."""
    monkeypatch.setattr(patterns, "_pack", lambda args: (_ for _ in ()).throw(ValueError("shape")))
    assert patterns.compile(r"\bnew\b", 0).search("a new one").span() == (2, 5)
    assert patterns._state["entries"] == {} and not patterns._state["dirty"]
