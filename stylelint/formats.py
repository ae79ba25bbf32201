"""Input and output formats as plugins register them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
    """

    name: str
    extensions: tuple[str, ...]
    parse: Callable[[str, str | None], Document]
    media_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Formatter:
    """An output format.

    :param name: the ``--format`` name.
    :param render: ``render(report, options) -> str``; options carry
        ``color`` (bool), ``show_source`` and the like.
    :param description: one line for ``--help``.
    :param binary_safe: whether the output may go to a terminal as is.
    """

    name: str
    render: Callable[[Report, Mapping[str, Any]], str]
    description: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)
