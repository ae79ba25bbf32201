"""The Python API, for a CMS publish step and for scripts.

::

    from stylelint import lint_text
    report = lint_text(html, input_format="html", profile="ap")
    if report.exit_code():
        show(report.to_dict())

No shared mutable state: each call resolves its own configuration, and the
linter built for a configuration is reused read-only by later calls with the
same one, so two calls with different configs never interfere, and calls
may run in threads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from stylelint.config.model import Config, ConfigResolver, config_from_mapping, load_config
from stylelint.engine.linter import API_LINTERS
from stylelint.report.results import Report
from stylelint.run.runner import iter_files, run_paths  # noqa: F401  (re-exported for callers)

if TYPE_CHECKING:
    from stylelint.run.fix import FixResult



def _as_config(config: Config | Mapping[str, Any] | str | os.PathLike[str] | None) -> Config | None:
    if config is None or isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return config_from_mapping(config)
    return load_config(config)


def _text_argument(text: object) -> str:
    if not isinstance(text, str):
        hint = " (decode it first, or use lint_paths for files)" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"text must be a str, not {type(text).__name__}{hint}")
    return text


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
    untrusted: bool = False,
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
    :param untrusted: the arguments come from someone else (an editor's
        request passed through): ``config`` must then be a mapping, no
        argument may name a file, a folder or code (``rules_dirs``,
        ``dictionaries``, ``[[overrides]]``…), and ``path`` only names the
        article; the settings are layered over the configuration found
        from the working directory (see :mod:`stylelint.interfaces.requests`).
    :returns: a :class:`Report`; ``report.to_dict()`` is the JSON contract.
    :raises ConfigError: for a bad config or argument (with ``untrusted``,
        a :class:`~stylelint.interfaces.requests.RequestError` naming the field).
    :raises TypeError: when ``text`` is not a ``str``.
    """
    text = _text_argument(text)
    if untrusted:
        from stylelint.interfaces.requests import lint_document, parse_document

        raw = {"text": text, "format": input_format, "path": path, "config": config, "profile": profile,
               "accept": accept, **options}
        doc = parse_document({k: v for k, v in raw.items() if v is not None})
        result, errors, cfg = lint_document(doc, ConfigResolver().for_path(None), API_LINTERS)
        return Report(files=[result], errors=errors, fail_on=cfg.fail_on)
    resolver = ConfigResolver(_as_config(config), _overrides(profile, accept, options))
    cfg = resolver.for_path(path)
    linter = API_LINTERS.get(cfg)
    result = linter.lint_source(text, path, input_format)
    return Report(files=[result], errors=list(linter.errors), fail_on=cfg.fail_on)


def lint_paths(
    paths: str | bytes | os.PathLike | Iterable[str | bytes | os.PathLike],
    *,
    jobs: int = 1,
    config: Config | Mapping[str, Any] | str | os.PathLike[str] | None = None,
    profile: str | None = None,
    accept: Sequence[Mapping[str, str]] | None = None,
    **options: Any,
) -> Report:
    """Lint files and folders (folders recursively, by known extension).

    ``paths`` is one path or several. Other arguments as for :func:`lint_text`; ``jobs`` lints files in that many
    processes (the report is the same, in the same order). Unreadable, undecodable, binary and
    oversized files become errors in their :class:`FileResult`; the other
    files are still linted.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # one path, not its characters (a "/" among them would lint the whole disk)
    resolver = ConfigResolver(_as_config(config), _overrides(profile, accept, options))
    return run_paths([os.fsdecode(p) for p in paths], resolver, cache=API_LINTERS, jobs=jobs)


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

    :returns: a :class:`stylelint.run.fix.FixResult`: ``.fixed`` is the new
        text, ``.result`` the findings that remain, ``.diff()`` a unified
        diff, ``.skipped`` the fixes left out as unsafe to apply (and why).
    """
    from stylelint.run.fix import fix_file

    text = _text_argument(text)
    resolver = ConfigResolver(_as_config(config), _overrides(profile, accept, options))
    cfg = resolver.for_path(path)
    linter = API_LINTERS.get(cfg)
    result = linter.lint_source(text, path, input_format)
    return fix_file(linter, result, unsafe=unsafe)
