"""The Python API, for a CMS publish step and for scripts.

::

    from stylelint import lint_text
    report = lint_text(html, input_format="html", profile="ap")
    if report.exit_code():
        show(report.to_dict())

No global state: each call resolves its own configuration and plugins, so
two calls with different configs in one process never interfere, and calls
may run in threads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, ConfigError, ConfigResolver, config_from_mapping, load_config
from .engine import LinterCache
from .inputs import InputError, read_article
from .report import FileResult, Report

if TYPE_CHECKING:
    from .fix import FixResult

#: Folders never walked into.
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".stylelint_cache"}


def _as_config(config: Config | Mapping[str, Any] | str | os.PathLike[str] | None) -> Config | None:
    if config is None or isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return config_from_mapping(config)
    return load_config(config)


def _overrides(profile: str | None, accept: Sequence[Mapping[str, str]] | None, extra: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
    if profile is not None:
        values["profile"] = profile
    if accept:
        values["accept"] = accept
    if values:
        # Validate like a config table, so a bad API argument reads like a bad key.
        values = {
            k: getattr(config_from_mapping(values, origin="arguments"), k) for k in values
        }
    return values


def lint_text(
    text: str,
    *,
    input_format: str | None = None,
    path: str | None = None,
    config: Config | Mapping[str, Any] | str | os.PathLike[str] | None = None,
    profile: str | None = None,
    accept: Sequence[Mapping[str, str]] | None = None,
    **options: Any,
) -> Report:
    """Lint one article given as a string.

    :param text: the article source (plain text, Markdown or HTML).
    :param input_format: ``"text"``, ``"markdown"`` or ``"html"``; detected
        from ``path`` or the content when omitted.
    :param path: a path for the report and for format detection and
        per-path overrides; the file is not read.
    :param config: a :class:`Config`, a dict of config keys (as in
        ``stylelint.toml``), or a path to a config file. Default: the config
        discovered from ``path``'s folder (or the working directory).
    :param profile: house style (``ap``, ``nyt``, ``guardian``).
    :param accept: findings an editor has accepted, as ``{"rule": "ATT001",
        "match": "claimed"}`` (``match`` optional); they are not reported.
    :param options: further config keys (``select``, ``ignore``, ``severity``…).
    :returns: a :class:`Report`; ``report.to_dict()`` is the JSON contract.
    :raises ConfigError: for a bad config or argument.
    """
    resolver = ConfigResolver(_as_config(config), _overrides(profile, accept, options))
    cfg = resolver.for_path(path)
    linter = LinterCache().get(cfg)
    result = linter.lint_source(text, path, input_format)
    return Report(files=[result], errors=list(linter.errors), fail_on=cfg.fail_on)


def lint_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: Config | Mapping[str, Any] | str | os.PathLike[str] | None = None,
    profile: str | None = None,
    accept: Sequence[Mapping[str, str]] | None = None,
    **options: Any,
) -> Report:
    """Lint files and folders (folders recursively, by known extension).

    Arguments as for :func:`lint_text`. Unreadable, undecodable, binary and
    oversized files become errors in their :class:`FileResult`; the other
    files are still linted.
    """
    resolver = ConfigResolver(_as_config(config), _overrides(profile, accept, options))
    return run_paths([str(p) for p in paths], resolver)


def run_paths(paths: Sequence[str], resolver: ConfigResolver, *, cache: LinterCache | None = None) -> Report:
    """Lint ``paths`` with configs from ``resolver`` (shared by CLI and API)."""
    cache = cache or LinterCache()
    report = Report()
    global_errors: list[str] = []
    fail_on = None
    for path, problem in iter_files(paths, resolver, cache):
        if problem:
            report.files.append(FileResult(path=path, errors=[problem]))
            continue
        try:
            cfg = resolver.for_path(path)
        except ConfigError as exc:
            report.files.append(FileResult(path=path, errors=[str(exc)]))
            continue
        linter = cache.get(cfg)
        for err in linter.errors:
            if err not in global_errors:
                global_errors.append(err)
        fail_on = cfg.fail_on if fail_on is None else min(fail_on, cfg.fail_on)
        try:
            source, encoding = read_article(path, cfg.max_file_size)
        except InputError as exc:
            report.files.append(FileResult(path=path, errors=[str(exc)]))
            continue
        result = linter.lint_source(source, path)
        result.encoding = encoding
        report.files.append(result)
    report.errors = global_errors
    if fail_on is not None:
        report.fail_on = fail_on
    return report


def iter_files(paths: Sequence[str], resolver: ConfigResolver, cache: LinterCache) -> Iterator[tuple[str, str | None]]:
    """``(path, problem)`` for every file to lint, in a stable order.

    Files named explicitly are linted whatever their extension (unless
    excluded); folders yield files with a registered extension.
    """
    for raw in paths:
        if os.path.isdir(raw):
            for dirpath, dirnames, filenames in os.walk(raw):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(filenames):
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
        elif os.path.exists(raw):
            try:
                if resolver.for_path(raw).is_excluded(raw):
                    continue
            except ConfigError as exc:
                yield raw, str(exc)
                continue
            yield raw, None
        else:
            yield raw, "no such file or folder"


def fix_text(
    text: str,
    *,
    unsafe: bool = False,
    input_format: str | None = None,
    path: str | None = None,
    config: Config | Mapping[str, Any] | str | os.PathLike[str] | None = None,
    profile: str | None = None,
    accept: Sequence[Mapping[str, str]] | None = None,
    **options: Any,
) -> FixResult:
    """Fix one article given as a string, as ``stylelint --fix`` does.

    Safe fixes (and unsafe ones with ``unsafe=True``) are applied, the text
    is linted again, and again fixed, until nothing changes. Other arguments
    as for :func:`lint_text`.

    :returns: a :class:`stylelint.fix.FixResult`: ``.fixed`` is the new
        text, ``.result`` the findings that remain, ``.diff()`` a unified
        diff, ``.skipped`` the fixes left out as unsafe to apply (and why).
    """
    from .fix import fix_file

    resolver = ConfigResolver(_as_config(config), _overrides(profile, accept, options))
    cfg = resolver.for_path(path)
    linter = LinterCache().get(cfg)
    result = linter.lint_source(text, path, input_format)
    return fix_file(linter, result, unsafe=unsafe)
