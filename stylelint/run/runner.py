"""Linting many files: discovery, reading, the result cache, parallel processes.

Files are found in a stable order, linted (in ``jobs`` processes when there
are enough of them to be worth it) and reported in that same order, so
``-j 1`` and ``-j 8`` print the same report.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from stylelint.config.errors import ConfigError
from stylelint.config.model import ConfigResolver
from stylelint.engine.linter import LinterCache
from stylelint.parsers.decode import InputError, read_article
from stylelint.report.results import FileResult, Report
from stylelint.run.cache import ResultCache, linter_key

#: Folders never walked into.
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".stylelint_cache"}
#: Below this many files per process, starting processes costs more than it saves.
MIN_FILES_PER_JOB = 4


def _walk(top: str) -> Iterator[tuple[str, list[str], OSError | None]]:
    """``os.walk`` in a stable order, yielding each folder it cannot read as
    ``(folder, [], error)`` where it would have been, instead of skipping it.
    """
    failed: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(top, onerror=failed.append):
        # os.walk reads a folder just before yielding it, so a folder that
        # failed is reported here, before the next one found (the same order).
        while failed:
            exc = failed.pop(0)
            yield exc.filename or dirpath, [], exc
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        yield dirpath, sorted(filenames), None
    for exc in failed:
        yield exc.filename or top, [], exc


def iter_files(paths: Sequence[str], resolver: ConfigResolver, cache: LinterCache) -> Iterator[tuple[str, str | None]]:
    """``(path, problem)`` for every file to lint, in a stable order.

    Files named explicitly are linted whatever their extension (unless
    excluded); folders yield files with a registered extension. A folder
    that cannot be read is a problem of its own (its files are not known),
    never skipped silently; so is a name that cannot be looked at (a folder
    on the way that is not searchable), which is not "no such file".
    """
    for raw in paths:
        try:
            is_dir = stat.S_ISDIR(os.stat(raw).st_mode)
        except FileNotFoundError:
            yield raw, "no such file or folder"
            continue
        except OSError as exc:
            yield raw, f"cannot read: {exc.strerror or exc}"
            continue
        if is_dir:
            for dirpath, filenames, exc in _walk(raw):
                if exc is not None:
                    try:
                        excluded = resolver.for_path(dirpath).is_excluded(dirpath)
                    except ConfigError:
                        excluded = False
                    if not excluded:
                        yield dirpath, f"cannot read folder: {exc.strerror or exc}; its files are not linted"
                    continue
                for name in filenames:
                    full = os.path.join(dirpath, name)
                    try:
                        cfg = resolver.for_path(full)
                    except ConfigError as exc:
                        yield full, str(exc)
                        continue
                    if cfg.is_excluded(full):
                        continue
                    if Path(name).suffix.lower() in cache.get(cfg).extensions:
                        yield full, None
        else:
            try:
                if resolver.for_path(raw).is_excluded(raw):
                    continue
            except ConfigError as exc:
                yield raw, str(exc)
                continue
            yield raw, None


def _linter_id(linter, input_format: str | None) -> str:
    """What decides a file's findings besides its text: the linter, and a format forced on every file."""
    key = linter_key(linter)
    return f"{key}\0{input_format}" if input_format else key


def _cached(path: str, resolver: ConfigResolver, linters: LinterCache, results: ResultCache,
            input_format: str | None):
    """A cache hit for ``path`` as ``lint_file`` returns it, or None."""
    try:
        cfg = resolver.for_path(path)
        source, encoding = read_article(path, cfg.max_file_size)
    except (ConfigError, InputError):
        return None  # lint_file reports it
    key = results.key(_linter_id(linters.get(cfg), input_format), source, input_format)
    hit = results.get(key, path, source)
    if hit is None:
        return None
    result, errors = hit
    result.encoding = encoding
    return result, errors, cfg.fail_on


def lint_file(path: str, resolver: ConfigResolver, linters: LinterCache, results: ResultCache | None,
              input_format: str | None = None) -> tuple[FileResult, list[str], object]:
    """Read and lint one file (as ``input_format``, or by its name and content);
    returns its result, plugin errors and ``fail_on``.
    """
    try:
        cfg = resolver.for_path(path)
    except ConfigError as exc:
        return FileResult(path=path, errors=[str(exc)]), [], None
    linter = linters.get(cfg)
    try:
        source, encoding = read_article(path, cfg.max_file_size)
    except InputError as exc:
        return FileResult(path=path, errors=[str(exc)]), linter.errors, cfg.fail_on
    key = results.key(_linter_id(linter, input_format), source, input_format) if results is not None else None
    result = linter.lint_source(source, path, input_format)
    result.encoding = encoding
    if results is not None and key is not None:
        results.put(key, result, linter.errors)
    return result, linter.errors, cfg.fail_on


# -- worker processes ----------------------------------------------------------

_WORKER: tuple[ConfigResolver, LinterCache, ResultCache | None, str | None] | None = None


def _init_worker(resolver: ConfigResolver, linters: LinterCache | bool, cache_dir: str | None,
                 input_format: str | None) -> None:
    # A forked worker inherits the parent's built linters; a spawned one
    # (no fork on this OS) gets only the debug flag and builds its own.
    global _WORKER
    if not isinstance(linters, LinterCache):
        linters = LinterCache(debug=linters)
    _WORKER = (resolver, linters, ResultCache(cache_dir) if cache_dir else None, input_format)


def _work(path: str):
    assert _WORKER is not None
    return lint_file(path, *_WORKER)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def run_paths(
    paths: Sequence[str],
    resolver: ConfigResolver,
    *,
    cache: LinterCache | None = None,
    jobs: int = 1,
    cache_dir: str | None = None,
    input_format: str | None = None,
) -> Report:
    """Lint ``paths`` with configs from ``resolver`` (shared by CLI and API).

    :param jobs: processes to lint in; files stay in their order either way.
    :param cache_dir: where to keep the result cache; None for no cache.
    :param input_format: parse every file as this format (``text``,
        ``markdown``, ``html``) instead of by its name and content.
    """
    linters = cache or LinterCache()
    results = ResultCache(cache_dir) if cache_dir else None
    report = Report()
    todo: list[tuple[int, str]] = []
    slots: list[FileResult | None] = []
    for path, problem in iter_files(paths, resolver, linters):
        if problem:
            slots.append(FileResult(path=path, errors=[problem]))
        else:
            todo.append((len(slots), path))
            slots.append(None)

    done_early: dict[int, tuple] = {}
    if results is not None:
        # Cache hits are answered here, before any rule pack is imported or
        # any process started; only the misses are linted.
        for n, (_, path) in enumerate(todo):
            hit = _cached(path, resolver, linters, results, input_format)
            if hit is not None:
                done_early[n] = hit
    pending = [(n, p) for n, (_, p) in enumerate(todo) if n not in done_early]

    if jobs > 1 and len(pending) >= MIN_FILES_PER_JOB * 2:
        jobs = min(jobs, len(pending) // MIN_FILES_PER_JOB)
        import multiprocessing

        fork = "fork" in multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if fork else "spawn")
        shared = linters if fork else linters.debug
        # Largest files first, in small chunks: no process is left with a big
        # file at the end while the others wait (results go back in order).
        order = sorted(range(len(pending)), key=lambda k: -_size(pending[k][1]))
        # Frozen (as the gc docs advise before a fork), what the workers
        # inherit stays shared: no collection in them walks, and so copies,
        # the parent's objects. Thawed after, for API callers that live on.
        gc.freeze()
        try:
            with ctx.Pool(jobs, _init_worker, (resolver, shared, cache_dir, input_format)) as pool:
                out = pool.map(_work, [pending[k][1] for k in order], chunksize=max(1, len(order) // (jobs * 32)))
        finally:
            gc.unfreeze()
        linted = [None] * len(pending)
        for k, res in zip(order, out, strict=True):
            linted[k] = res
    else:
        linted = [lint_file(p, resolver, linters, results, input_format) for _, p in pending]
    done_early.update(zip([n for n, _ in pending], linted, strict=True))
    done = [done_early[n] for n in range(len(todo))]

    global_errors: list[str] = []
    fail_on = None
    for (slot, _), (result, errors, file_fail_on) in zip(todo, done, strict=True):
        slots[slot] = result
        for err in errors:
            if err not in global_errors:
                global_errors.append(err)
        if file_fail_on is not None:
            fail_on = file_fail_on if fail_on is None else min(fail_on, file_fail_on)
    report.files = [r for r in slots if r is not None]
    report.errors = global_errors
    if fail_on is not None:
        report.fail_on = fail_on
    return report
