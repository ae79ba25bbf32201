"""Findings: what a rule reports and what the engine adds to it."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from stylelint.model.document import Span


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so ``>=`` compares by weight."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Read a severity name (``error``, ``warning``, ``info``)."""
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (allowed: error, warning, info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Fix:
    """A replacement for the finding's span. ``safe`` fixes run with ``--fix``."""

    replacement: str
    safe: bool = False


@dataclass(slots=True)
class Violation:
    """One finding.

    A rule fills ``rule_id``, ``span`` (in ``Document.text``), ``message`` and
    optionally ``suggestion`` and ``fix``; the engine fills the rest.
    """

    rule_id: str
    span: Span
    message: str
    severity: Severity = Severity.WARNING
    suggestion: str | None = None
    fix: Fix | None = None
    name: str = ""
    match: str = ""
    # Filled by the engine.
    offset: int = 0
    end_offset: int = 0
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    approximate: bool = False

    def sort_key(self) -> tuple[int, int, str]:
        """Order findings by position, then rule id."""
        return (self.offset, self.end_offset, self.rule_id)

    def to_dict(self) -> dict:
        """The finding as in the JSON contract (version 1)."""
        return {
            "rule": self.rule_id,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "match": self.match,
            "suggestion": self.suggestion,
            "fix": (
                {"replacement": self.fix.replacement, "safe": self.fix.safe} if self.fix else None
            ),
            "approximate": self.approximate,
        }
