"""Requests from other programs: articles with inline settings, never files or code.

A CMS publish step (``stylelint --stdin-json``), the HTTP service and the
MCP server all take the same request: one document, or ``{"documents":
[...]}`` of them, each::

    {"text": "...",                 # required: the article source
     "format": "html",              # text | markdown | html (default: detected)
     "path": "story.html",          # a name for the report and format detection; never read
     "profile": "ap", "select": [...], "extend_select": [...], "ignore": [...],
     "severity": {...}, "fail_on": "warning", "settings": {...},
     "rule_options": {...}, "accept": [{"rule": "ATT001", "match": "claimed"}],
     "config": {...}}               # the same keys, as a table

The operator's configuration (``--config``, or the one found from the
working folder) is trusted; a request's settings are layered over it and may
not name a file, a folder or code: ``rules_dirs``, ``dictionaries``,
``[[overrides]]`` globs, ``plugins`` tables, ``exclude``, ``max_file_size``
and a ``config`` that is a path are refused, each with a one-line error
naming the field. Inline ``[[rules]]`` are allowed, except the kinds that
read word lists from files; their patterns run under the engine's time limit.
Every field's type is checked, and a bad document is an error of its own:
the other documents of the batch are still linted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from stylelint.config.errors import ConfigError
from stylelint.config.model import Config, apply_values, validate_values
from stylelint.engine.linter import LinterCache
from stylelint.report.results import FileResult, Report

#: Config keys a request may set: each changes how an article is judged,
#: none reads anything from disk.
INLINE_KEYS = (
    "profile", "select", "extend_select", "ignore", "severity", "fail_on", "settings",
    "rule_options", "accept", "rules", "content_selector",
)
#: Config keys a request may not set, and why.
REFUSED_KEYS = {
    "rules_dirs": "names folders of code",
    "dictionaries": "names files",
    "overrides": "names paths",
    "exclude": "names paths",
    "plugins": "configures installed code",
    "max_file_size": "is the operator's limit",
    "rule_time_limit": "is the operator's limit",
}
#: Rule kinds that read files (``paths``): not from a request.
FILE_RULE_KINDS = ("dictionary",)
#: Document fields besides the config keys.
DOCUMENT_KEYS = ("text", "format", "path", "config")


class RequestError(ConfigError):
    """A request field that is missing, of the wrong type or not allowed.

    ``field`` is its path in the request (``documents[2].select``); ``str()``
    is the one-line message, starting with it.
    """

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class Document:
    """One validated document of a request."""

    text: str
    format: str | None
    path: str | None
    values: Mapping[str, Any]  # validated config values, layered over the operator's
    name: str  # how the report names it: the path, or documents[i]


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def inline_values(raw: Mapping[str, Any], field: str) -> dict[str, Any]:
    """Validate a request's config keys; refused keys and file-reading rules raise RequestError."""
    for key in raw:
        if key in REFUSED_KEYS:
            raise RequestError(
                f"{field}{key}", f"not allowed in a request: it {REFUSED_KEYS[key]} (set it in the operator's config)"
            )
        if key not in INLINE_KEYS:
            raise RequestError(f"{field}{key}", f"unknown key (allowed: {', '.join(sorted(INLINE_KEYS))})")
    for i, table in enumerate(raw.get("rules") or ()):
        if isinstance(table, Mapping) and (table.get("kind") in FILE_RULE_KINDS or "paths" in table):
            raise RequestError(f"{field}rules[{i}]", "not allowed in a request: a rule that reads files")
    out: dict[str, Any] = {}
    for key, value in raw.items():
        try:
            out.update(validate_values({key: value}, origin="request", root="."))
        except ConfigError as exc:
            # "request: settings.x: problem" -> field "…settings.x", problem
            where, _, problem = str(exc).removeprefix("request: ").partition(": ")
            raise RequestError(f"{field}{where}", problem) from None
    return out


def parse_document(raw: Any, field: str = "") -> Document:
    """Check one document's fields; raises :class:`RequestError` naming the first bad one."""
    if not isinstance(raw, Mapping):
        raise RequestError(field.rstrip(".") or "request", f"expected an object, got {_type_name(raw)}")
    for key in raw:
        if key not in DOCUMENT_KEYS and key not in INLINE_KEYS and key not in REFUSED_KEYS:
            allowed = ", ".join(sorted((*DOCUMENT_KEYS, *INLINE_KEYS)))
            raise RequestError(f"{field}{key}", f"unknown key (allowed: {allowed})")
    text = raw.get("text")
    if not isinstance(text, str):
        raise RequestError(f"{field}text", f"a string is required, got {_type_name(text)}")
    for key in ("format", "path"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise RequestError(f"{field}{key}", f"expected a string, got {_type_name(raw[key])}")
    config = raw.get("config")
    if config is not None and not isinstance(config, Mapping):
        problem = "a path is not allowed in a request (only a table of settings)" if isinstance(config, str) else (
            f"expected a table of settings, got {_type_name(config)}"
        )
        raise RequestError(f"{field}config", problem)
    values = inline_values(config or {}, f"{field}config.")
    top = {k: v for k, v in raw.items() if k not in DOCUMENT_KEYS and v is not None}
    values.update(inline_values(top, field))
    path = raw.get("path") or None
    return Document(text, raw.get("format") or None, path, values, path or _unnamed(field))


def _unnamed(field: str) -> str:
    """How the report names a document without a path: ``document[i]`` (``-`` when alone)."""
    return field.rstrip(".").replace("documents[", "document[", 1) or "-"


def documents_of(request: Any) -> list[Document | RequestError]:
    """The documents of a request (one, or ``{"documents": [...]}``), each parsed or its error."""
    if isinstance(request, Mapping) and "documents" in request:
        extra = sorted(set(request) - {"documents"})
        if extra:
            return [RequestError(extra[0], "unknown key beside 'documents'")]
        batch = request["documents"]
        if not isinstance(batch, list):
            return [RequestError("documents", f"expected an array, got {_type_name(batch)}")]
        out: list[Document | RequestError] = []
        for i, raw in enumerate(batch):
            try:
                out.append(parse_document(raw, f"documents[{i}]."))
            except RequestError as exc:
                out.append(exc)
        return out
    try:
        return [parse_document(request)]
    except RequestError as exc:
        return [exc]


def lint_document(doc: Document, base: Config, linters: LinterCache) -> tuple[FileResult, list[str], Config]:
    """Lint one validated document under ``base`` with its inline values.

    Returns the file's result, the linter's own errors (plugins that failed)
    and the config used. The document's path picks the operator's
    ``[[overrides]]`` and the parser, and is never opened.
    """
    config = base.for_path(doc.path)
    if doc.values:
        config = apply_values(config, doc.values)
    linter = linters.get(config)
    result = linter.lint_source(doc.text, doc.path, doc.format, display_path=doc.name)
    return result, list(linter.errors), config


def lint_request(request: Any, base: Config, linters: LinterCache) -> Report:
    """A whole request: one file in the report per document (a bad one holds its error)."""
    report = Report()
    fail_on = None
    for doc in documents_of(request):
        if isinstance(doc, RequestError):
            name = _unnamed(doc.field.split(".")[0] + ".") if doc.field.startswith("documents[") else "-"
            report.files.append(FileResult(path=name, errors=[f"request: {doc}"]))
            continue
        try:
            result, errors, config = lint_document(doc, base, linters)
        except ConfigError as exc:
            report.files.append(FileResult(path=doc.name, errors=[str(exc)]))
            continue
        report.files.append(result)
        report.errors.extend(e for e in errors if e not in report.errors)
        fail_on = config.fail_on if fail_on is None else min(fail_on, config.fail_on)
    if fail_on is not None:
        report.fail_on = fail_on
    return report
