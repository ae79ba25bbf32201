"""The editors' side of the LSP tests: what the README tells each editor, and a recording client.

``COMMAND`` and ``INIT_OPTIONS`` are what every README snippet (VS Code,
Neovim, Helix, Emacs, Zed) configures; the tests start the server with that
command line and initialize it with those options, and a test checks that
each snippet says the same.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from clihelp import stylelint_command

#: The command line every editor snippet runs.
COMMAND = ["stylelint", "lsp"]
#: The initializationOptions every editor snippet passes.
DOCS_URL = "https://github.com/YOUR-ORG/stylelint/blob/main/docs/rules/{id}.md"
INIT_OPTIONS = {"docsUrl": DOCS_URL}
#: How long a test waits for the server before failing (a bound, not a timing).
PATIENCE = 90.0


class RecordingClient(LanguageClient):
    """pytest-lsp's client, keeping every diagnostics publication and message in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []
        self._event: asyncio.Event | None = None

    def notify(self) -> None:
        """Wake whoever waits in :meth:`until`."""
        if self._event is not None:
            self._event.set()

    async def until(self, predicate: Callable[[], Any], what: str = "the server") -> Any:
        """Wait until ``predicate()`` is true (re-checked on every notification); returns its value."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + PATIENCE
        while True:
            value = predicate()
            if value:
                return value
            self._event = asyncio.Event()
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"gave up waiting for {what}")
            try:
                await asyncio.wait_for(self._event.wait(), min(remaining, 1.0))
            except asyncio.TimeoutError:
                pass  # requests answered meanwhile (status) are re-checked too

    def publications(self, uri: str) -> list[types.PublishDiagnosticsParams]:
        """Every publication for ``uri``, oldest first."""
        return [p for p in self.published if p.uri == uri]

    async def wait_diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics published for ``uri`` at ``version`` (waiting for them)."""

        def found():
            for p in reversed(self.publications(uri)):
                if version is None or p.version == version:
                    return [p]
            return None

        (params,) = await self.until(found, f"diagnostics of {uri} v{version}")
        return list(params.diagnostics)

    async def status(self) -> Any:
        """The server's ``stylelint/status`` answer."""
        return await self.protocol.send_request_async("stylelint/status", None)


def _record_publish(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)
    client.notify()


def _record_message(client: RecordingClient, params: types.ShowMessageParams) -> None:
    client.messages.append(params)
    client.notify()


def _record_registration(client: RecordingClient, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)
    client.notify()


def make_client() -> RecordingClient:
    """A pytest-lsp client that records what the server sends."""
    client = RecordingClient(converter_factory=default_converter)
    register_lsp_features(client, {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record_publish,
        types.WINDOW_SHOW_MESSAGE: _record_message,
        types.CLIENT_REGISTER_CAPABILITY: _record_registration,
    })
    return client


def server_command() -> list[str]:
    """``COMMAND`` with the installed script of this environment."""
    return [*stylelint_command(), *COMMAND[1:]]


CONFIG = ClientServerConfig(server_command=server_command(), client_factory=make_client)


async def initialize(client: RecordingClient, root: Path, editor: str = "visual-studio-code",
                     **options: Any) -> types.InitializeResult:
    """Initialize as ``editor`` (pytest-lsp's recorded capabilities) with the README's options (and ``options``)."""
    return await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities(editor),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options={**INIT_OPTIONS, **options},
    ))


def open_document(client: RecordingClient, path: Path, language_id: str, text: str | None = None,
                  version: int = 1) -> str:
    """didOpen ``path`` (its text from disk unless given); returns its URI."""
    uri = path.as_uri()
    if text is None:
        text = path.read_text(encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)
    ))
    return uri


def change_document(client: RecordingClient, uri: str, version: int,
                    changes: list[tuple[tuple[int, int], tuple[int, int], str]] | str) -> None:
    """didChange: a whole new text, or ranged edits ``((line, char), (line, char), text)``."""
    if isinstance(changes, str):
        content: list[Any] = [types.TextDocumentContentChangeWholeDocument(text=changes)]
    else:
        content = [
            types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=a[0], character=a[1]),
                                  end=types.Position(line=b[0], character=b[1])),
                text=text,
            )
            for a, b, text in changes
        ]
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=content
    ))


def units(text: str, encoding: str) -> int:
    """Length of ``text`` in code units of an LSP position encoding (computed by the codec, independently)."""
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text)


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply LSP text edits to ``text`` as an editor does (from the last to the first)."""
    lines = text.splitlines(keepends=True) if "\u2028" not in text else None
    assert lines is not None, "test texts keep to ordinary line breaks"

    def offset(pos: types.Position) -> int:
        if pos.line >= len(lines):
            return len(text)
        start = sum(len(x) for x in lines[: pos.line])
        line = lines[pos.line].rstrip("\r\n")
        n = 0
        for i, ch in enumerate(line):
            if n >= pos.character:
                return start + i
            n += units(ch, encoding)
        return start + len(line)

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def cli_env() -> dict[str, str]:
    """The environment the server and the CLI share in these tests."""
    return {k: v for k, v in os.environ.items() if k.startswith("STYLELINT_")}
