"""Output formats as plugins register them: :class:`Formatter`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stylelint.report.results import Report


@dataclass(frozen=True)
class Formatter:
    """An output format.

    :param name: the ``--format`` name.
    :param render: ``render(report, options) -> str``; options carry
        ``color``, ``quiet``, ``statistics``, ``rules`` (id -> Rule) and
        ``docs_url``.
    :param description: one line for ``--help``.
    """

    name: str
    render: Callable[[Report, Mapping[str, Any]], str]
    description: str = ""
