"""stylelint: house-style linting for newsrooms.

The public API::

    import stylelint
    report = stylelint.lint_text(html, input_format="html")
    report.to_dict()          # the JSON contract, version 1

Plugin authors use :data:`hookimpl`, :class:`Rule` and :class:`Example`.
Heavy modules load on first use, so ``import stylelint`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

__version__ = "0.1.0"

#: Marks a plugin's hook implementations.
hookimpl = pluggy.HookimplMarker("stylelint")

_LAZY = {
    "lint_text": ("interfaces.api", "lint_text"),
    "lint_paths": ("interfaces.api", "lint_paths"),
    "fix_text": ("interfaces.api", "fix_text"),
    "Report": ("report.results", "Report"),
    "FileResult": ("report.results", "FileResult"),
    "Rule": ("rule.base", "Rule"),
    "PhraseRule": ("rule.base", "PhraseRule"),
    "Example": ("rule.base", "Example"),
    "RuleContext": ("rule.base", "RuleContext"),
    "Existence": ("rule.kinds", "Existence"),
    "Substitution": ("rule.kinds", "Substitution"),
    "Pattern": ("rule.kinds", "Pattern"),
    "Consistency": ("rule.kinds", "Consistency"),
    "Document": ("model.document", "Document"),
    "Span": ("model.document", "Span"),
    "Block": ("model.document", "Block"),
    "Violation": ("model.findings", "Violation"),
    "Severity": ("model.findings", "Severity"),
    "Fix": ("model.findings", "Fix"),
    "Parser": ("parsers.base", "Parser"),
    "Formatter": ("report.formatters.base", "Formatter"),
    "ConfigError": ("config.errors", "ConfigError"),
}

__all__ = ["__version__", "hookimpl", *_LAZY]

if TYPE_CHECKING:  # pragma: no cover
    from stylelint.config.errors import ConfigError  # noqa: F401
    from stylelint.interfaces.api import fix_text, lint_paths, lint_text  # noqa: F401
    from stylelint.model.document import Block, Document, Span  # noqa: F401
    from stylelint.model.findings import Fix, Severity, Violation  # noqa: F401
    from stylelint.parsers.base import Parser  # noqa: F401
    from stylelint.report.formatters.base import Formatter  # noqa: F401
    from stylelint.report.results import FileResult, Report  # noqa: F401
    from stylelint.rule.base import Example, PhraseRule, Rule, RuleContext  # noqa: F401
    from stylelint.rule.kinds import Consistency, Existence, Pattern, Substitution  # noqa: F401


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'stylelint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{target[0]}", __name__), target[1])
    globals()[name] = value
    return value
