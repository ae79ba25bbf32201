"""Compile rule patterns once per machine, not once per run.

The built-in packs compile about 190 ``regex`` patterns when they load.
``regex`` parses and optimises each one in Python, which took about 0.15 s:
most of a one-article cold start. What it hands its C engine at the end is
plain data (flags, a list of opcodes, group tables and a required string), so
:func:`compile` keeps that data in a small file in the user's cache folder and
rebuilds the pattern from it on later runs, which takes microseconds.

The pattern is exactly what ``regex.compile`` returns: the cache stores the
output of ``regex``'s own compiler, keyed by the pattern, its flags, and the
``regex`` and Python versions. A file that is missing, unreadable, corrupt
(its checksum fails), written by another version, or refused by the engine
is ignored and rebuilt. The checksum catches damage, not tampering: the file
is trusted as Python's bytecode in ``__pycache__`` is, as the user's own.

This reaches into ``regex``'s private compiler interface (``regex._main``),
so it is used only with the ``regex`` releases it was tested with
(:data:`TESTED_REGEX`); with any other release every pattern is compiled by
the public ``regex.compile`` and nothing is cached (a slower cold start,
never a different match). The tests rebuild every built-in pattern through
the cache on the installed release and compare its matches with a fresh
compile's on real text; a release that passes is added to the set.

Where: ``$STYLELINT_PATTERN_CACHE`` (a folder), else
``$XDG_CACHE_HOME/stylelint``, else ``~/.cache/stylelint``. Set
``STYLELINT_PATTERN_CACHE=off`` to compile every run and write nothing.
The file is written at exit, atomically, only when a run compiled something
new; a folder that cannot be written is skipped silently.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import regex

FORMAT = 2
#: ``regex`` releases whose private compiler interface this cache was tested with.
TESTED_REGEX = frozenset({"2026.11.19"})
#: Entries kept at most (a newsroom's pattern rules add to the built-ins).
MAX_ENTRIES = 5_000
#: regex flags whose compiled code depends on more than the pattern
#: (``regex.LOCALE | regex.DEBUG``; ``regex`` itself is imported on first use,
#: so that a run answered from the result cache never loads it).
_UNCACHEABLE_FLAGS = 0x4 | 0x200

_lock = threading.Lock()
_capture = threading.local()
#: Every (pattern, flags) this process compiled through :func:`compile`, for the tests.
SEEN: set[tuple[str, int]] = set()
#: The table, loaded once per process tree: forked workers inherit it and
#: never write it (only the process that loaded it does, at exit).
_state: dict[str, Any] = {"loaded": False, "entries": None, "dirty": False, "path": None, "owner": None}


def cache_path() -> Path | None:
    """The cache file for this ``regex`` and Python, or None when caching is off.

    Off when ``STYLELINT_PATTERN_CACHE`` says so, and with a ``regex``
    release not in :data:`TESTED_REGEX`.
    """
    setting = os.environ.get("STYLELINT_PATTERN_CACHE", "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    import regex

    if regex.__version__ not in TESTED_REGEX:
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "stylelint"
    version = f"{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    return folder / f"patterns-{version}.json"


def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - mirrors regex.compile
    """``regex.compile(pattern, flags)``, rebuilt from the on-disk cache when it holds it."""
    import regex
    import regex._main as _regex_main

    flags = int(flags)
    if flags & _UNCACHEABLE_FLAGS or not isinstance(pattern, str):
        return regex.compile(pattern, flags)
    SEEN.add((pattern, flags))
    entries = _entries()
    if entries is None:  # caching off, or an untested regex: the public path only
        return regex.compile(pattern, flags)
    key = _key(pattern, flags)
    args = entries.get(key)
    if args is not None:
        try:
            return _regex_main._regex.compile(pattern, *_unpack(args))
        except Exception:  # a stale or damaged entry: compile afresh below
            entries.pop(key, None)
    compiled, args = _compile_and_capture(pattern, flags)
    if args is not None:
        with _lock:
            entries[key] = args
            _state["dirty"] = True
    return compiled


def _key(pattern: str, flags: int) -> str:
    """The table key: what decides the compiled code besides the regex version (in the file name)."""
    import regex

    return f"{flags}\x00{int(regex.DEFAULT_VERSION)}\x00{pattern}"


def _compile_and_capture(pattern: str, flags: int) -> tuple[regex.Pattern, list | None]:
    """Compile with ``regex`` and keep what its compiler passed to the engine."""
    import regex
    import regex._main as _regex_main

    _capture.args = None
    _capture.pattern = pattern
    with _lock:
        real = _regex_main._regex.compile
        if not isinstance(real, _Recorder):
            _regex_main._regex.compile = _Recorder(real)
    # cache_pattern=False: a hit in regex's own cache would skip the engine call.
    compiled = regex.compile(pattern, flags, cache_pattern=False)
    args = getattr(_capture, "args", None)
    _capture.pattern = None
    return compiled, args


class _Recorder:
    """Stands in for ``_regex.compile``; records this thread's call for :func:`compile`."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __call__(self, pattern: Any, *args: Any) -> Any:
        if getattr(_capture, "pattern", None) is pattern:
            try:
                _capture.args = _pack(args)
            except (TypeError, ValueError):  # another regex's engine call: compile as usual, cache nothing
                _capture.args = None
        return self.real(pattern, *args)


def _pack(args: tuple) -> list | None:
    """The engine's arguments as JSON data, or None if they hold named lists."""
    flags, code, group_index, index_group, named_lists, named_list_indexes, req_offset, req_chars, req_flags, group_count = args
    if named_lists or named_list_indexes:
        return None
    return [int(flags), list(code), dict(group_index), sorted([int(k), v] for k, v in index_group.items()),
            req_offset, list(req_chars) if req_chars is not None else None, req_flags, group_count]


def _unpack(args: list) -> tuple:
    flags, code, group_index, index_group, req_offset, req_chars, req_flags, group_count = args
    return (flags, code, group_index, {k: v for k, v in index_group}, {}, [],
            req_offset, tuple(req_chars) if req_chars is not None else None, req_flags, group_count)


def _entries() -> dict[str, list] | None:
    """The table (loaded from disk on first use); None when caching is off."""
    if _state["loaded"]:
        return _state["entries"]
    with _lock:
        if not _state["loaded"]:
            path = cache_path()
            entries = _load(path) if path is not None else None
            _state.update(loaded=True, entries=entries, path=path, owner=os.getpid(), dirty=False)
            if entries is not None:
                atexit.register(save)
        return _state["entries"]


def _load(path: Path) -> dict[str, list]:
    """The entries of ``path``; an empty table when it is missing or fails any check."""
    import regex

    try:
        raw = path.read_bytes()
        header, _, body = raw.partition(b"\n")
        meta = json.loads(header)
        if (
            meta.get("format") != FORMAT
            or meta.get("regex") != regex.__version__
            or meta.get("sha256") != hashlib.sha256(body).hexdigest()
        ):
            return {}
        entries = json.loads(body)
        return entries if isinstance(entries, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def save() -> None:
    """Write the table if this process added to it (atomically; errors are ignored)."""
    path, entries = _state["path"], _state["entries"]
    if not _state["dirty"] or path is None or entries is None or _state["owner"] != os.getpid():
        return
    if len(entries) > MAX_ENTRIES:
        entries = dict(list(entries.items())[-MAX_ENTRIES:])
    import regex

    body = json.dumps(entries, separators=(",", ":"), ensure_ascii=True)
    digest = hashlib.sha256(body.encode("ascii")).hexdigest()
    header = json.dumps({"format": FORMAT, "regex": regex.__version__, "sha256": digest})
    try:
        from stylelint.run.fileio import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(path), header + "\n" + body, durable=False)
        _state["dirty"] = False
    except OSError:
        pass
