"""Input and output formats as plugins register them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import Document
    from .report import Report


class ParseError(ValueError):
    """Input that cannot be parsed at all (broken markup is still parsed)."""


@dataclass(frozen=True)
class Parser:
    """An input format.

    :param name: the format name (``--input-format``, JSON ``format``).
    :param extensions: file extensions, lower case with the dot.
    :param parse: ``parse(source, path) -> Document``.
    :param media_types: MIME types, for API callers that have one.
    :param config_keys: config keys the parser reads; each that is set is
        passed to ``parse`` as a keyword (``content_selector`` for HTML).
    """

    name: str
    extensions: tuple[str, ...]
    parse: Callable[..., Document]
    media_types: tuple[str, ...] = ()
    config_keys: tuple[str, ...] = ()


def reads_source(options: Mapping[str, Any]) -> bool:
    """``Formatter.uses_source`` for a format that shows the article's text."""
    return True


def no_source(options: Mapping[str, Any]) -> bool:
    """``Formatter.uses_source`` for a format built from findings alone."""
    return False


@dataclass(frozen=True)
class Formatter:
    """An output format.

    :param name: the ``--format`` name.
    :param render: ``render(report, options) -> str``; options carry
        ``color``, ``quiet``, ``statistics``, ``rules`` (id -> Rule) and
        ``docs_url``.
    :param description: one line for ``--help``.
    :param uses_source: ``uses_source(options) -> bool``: whether ``render``
        reads ``FileResult.source`` (excerpts, snippets, an annotated copy).
        When it does not, a cached run need not read unchanged files.
    """

    name: str
    render: Callable[[Report, Mapping[str, Any]], str]
    description: str = ""
    uses_source: Callable[[Mapping[str, Any]], bool] = reads_source
