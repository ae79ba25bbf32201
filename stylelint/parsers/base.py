"""Input formats as plugins register them: :class:`Parser`, and the error a parser raises."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stylelint.model.document import Document


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
