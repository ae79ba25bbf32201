"""The result of a lint run: per-file findings and errors, and the summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from stylelint.model.findings import Severity, Violation
from stylelint.report.escape import escape_undecodable  # noqa: F401  (used by formatters)


@dataclass
class FileResult:
    """Findings, errors and warnings for one input.

    ``errors`` are problems that make the run fail (exit 2): a file that
    cannot be read or parsed, a rule that crashed. ``warnings`` are problems
    with the input that the parser read past (front matter that does not
    parse); they are reported and do not change the exit code.
    """

    path: str
    format: str | None = None
    violations: list[Violation] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str | None = field(default=None, repr=False)
    encoding: str = "utf-8"

    def to_dict(self) -> dict[str, Any]:
        """This file's part of the JSON contract."""
        return {
            "path": self.path,
            "format": self.format,
            "violations": [v.to_dict() for v in self.violations],
            "errors": list(self.errors),
            "warnings": list(self.warnings),
        }

    def fixed_text(self, *, unsafe: bool = False) -> str | None:
        """The source with this result's fixes applied in one pass (None without a source).

        Safe fixes only unless ``unsafe``; fixes that would touch markup or
        that overlap an earlier one are left out. For the full
        fix-and-relint loop the CLI runs, use :func:`stylelint.interfaces.api.fix_text`.
        """
        if self.source is None:
            return None
        from stylelint.run.edits import apply_fixes

        return apply_fixes(
            self.source, self.violations, fmt=self.format, unsafe=unsafe, encoding=self.encoding
        ).text


@dataclass
class Report:
    """Everything a run found. ``errors`` holds problems not tied to a file."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING

    @property
    def violations(self) -> list[Violation]:
        """All findings of all files."""
        return [v for f in self.files for v in f.violations]

    def error_count(self) -> int:
        """Input, config, plugin and rule errors."""
        return len(self.errors) + sum(len(f.errors) for f in self.files)

    def exit_code(self) -> int:
        """0: clean; 1: findings at or above ``fail_on``; 2: errors."""
        if self.error_count():
            return 2
        if any(v.severity >= self.fail_on for v in self.violations):
            return 1
        return 0

    def by_rule(self) -> dict[str, int]:
        """Findings per rule id, sorted by id."""
        return dict(sorted(Counter(v.rule_id for v in self.violations).items()))

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract, version 1."""
        from stylelint import __version__

        return {
            "version": 1,
            "tool": {"name": "stylelint", "version": __version__},
            "files": [f.to_dict() for f in self.files],
            # Errors not tied to one file (a plugin that failed to load).
            "errors": list(self.errors),
            "summary": {
                "files": len(self.files),
                "violations": len(self.violations),
                "errors": self.error_count(),
                "by_rule": self.by_rule(),
            },
        }

    def fixed_text(self, path: str | None = None, *, unsafe: bool = False) -> str | None:
        """The fixed source of one file (see :meth:`FileResult.fixed_text`).

        :param path: which file; may be omitted when the report has one file.
        :raises KeyError: when ``path`` is not in the report, or is omitted
            with several files.
        """
        if path is None:
            if len(self.files) != 1:
                raise KeyError("the report has several files: name one")
            return self.files[0].fixed_text(unsafe=unsafe)
        for f in self.files:
            if f.path == path:
                return f.fixed_text(unsafe=unsafe)
        raise KeyError(path)
