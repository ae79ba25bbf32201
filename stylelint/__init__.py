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
    "lint_text": ("api", "lint_text"),
    "lint_paths": ("api", "lint_paths"),
    "Report": ("report", "Report"),
    "FileResult": ("report", "FileResult"),
    "Rule": ("rule", "Rule"),
    "PhraseRule": ("rule", "PhraseRule"),
    "Example": ("rule", "Example"),
    "RuleContext": ("rule", "RuleContext"),
    "Existence": ("rule", "Existence"),
    "Substitution": ("rule", "Substitution"),
    "Pattern": ("rule", "Pattern"),
    "Consistency": ("rule", "Consistency"),
    "Document": ("document", "Document"),
    "Span": ("document", "Span"),
    "Block": ("document", "Block"),
    "Violation": ("violation", "Violation"),
    "Severity": ("violation", "Severity"),
    "Fix": ("violation", "Fix"),
    "Parser": ("formats", "Parser"),
    "Formatter": ("formats", "Formatter"),
    "ConfigError": ("config", "ConfigError"),
}

__all__ = ["__version__", "hookimpl", *_LAZY]

if TYPE_CHECKING:  # pragma: no cover
    from .api import lint_paths, lint_text  # noqa: F401
    from .config import ConfigError  # noqa: F401
    from .document import Block, Document, Span  # noqa: F401
    from .formats import Formatter, Parser  # noqa: F401
    from .report import FileResult, Report  # noqa: F401
    from .rule import (  # noqa: F401
        Consistency,
        Example,
        Existence,
        Pattern,
        PhraseRule,
        Rule,
        RuleContext,
        Substitution,
    )
    from .violation import Fix, Severity, Violation  # noqa: F401


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'stylelint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{target[0]}", __name__), target[1])
    globals()[name] = value
    return value
