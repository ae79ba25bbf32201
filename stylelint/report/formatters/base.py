"""Output formats as plugins register them: :class:`Formatter`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stylelint.report.results import Report


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
