"""Findings as LSP diagnostics, and which documents are ours.

Each diagnostic carries the finding's range (in the negotiated position
encoding, computed by the worker), its severity, ``code`` = the rule id,
``codeDescription.href`` = the rule's docs page when a docs URL template is
configured, ``source`` = ``"stylelint"``, and the message with the
suggestion (when the message does not already say it).
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from lsprotocol import types

from stylelint.interfaces.lsp.positions import Range
from stylelint.model.findings import Severity, Violation

SOURCE = "stylelint"

#: LSP language ids → stylelint input formats. Editors name plain text
#: ``plaintext`` (VS Code) or ``text`` (Neovim, Helix, Emacs, Zed).
LANGUAGE_FORMATS = {
    "markdown": "markdown",
    "md": "markdown",
    "html": "html",
    "xhtml": "html",
    "plaintext": "text",
    "text": "text",
    "txt": "text",
}
#: File extensions → formats, for a language id we do not know.
EXTENSION_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def uri_to_path(uri: str) -> str | None:
    """The file system path of a ``file:`` URI (None for ``untitled:`` and the like)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and len(path) >= 3 and path[0] == "/" and path[2] == ":":
        path = path[1:]  # /C:/x -> C:/x
    return path


def document_format(language_id: str | None, path: str | None) -> str | None:
    """The input format of a document: by language id, else by extension; None: not ours."""
    fmt = LANGUAGE_FORMATS.get((language_id or "").lower())
    if fmt is None and path:
        fmt = EXTENSION_FORMATS.get(os.path.splitext(path)[1].lower())
    return fmt


def message_of(v: Violation) -> str:
    """The diagnostic's message: the finding's, and its suggestion when the message lacks it."""
    if v.suggestion and v.suggestion not in v.message:
        return f"{v.message} (suggestion: {v.suggestion})"
    return v.message


def docs_href(template: str | None, rule_id: str) -> str | None:
    """The rule's docs page from a ``{id}`` template (None when none is configured)."""
    if not template:
        return None
    return template.replace("{id}", rule_id)


def lsp_range(r: Range) -> types.Range:
    """A ``((line, character), (line, character))`` pair as an LSP range."""
    (sl, sc), (el, ec) = r
    return types.Range(start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec))


def to_diagnostic(v: Violation, r: Range, docs_url: str | None = None) -> types.Diagnostic:
    """One finding as an LSP diagnostic."""
    href = docs_href(docs_url, v.rule_id)
    return types.Diagnostic(
        range=lsp_range(r),
        severity=_SEVERITY.get(v.severity, types.DiagnosticSeverity.Warning),
        code=v.rule_id,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        message=message_of(v),
    )
