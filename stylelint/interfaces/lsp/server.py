"""The language server: diagnostics, code actions and hover for news copy.

Built on pygls. Documents are Markdown, HTML and plain text (by language id,
else by extension). Each is linted when opened and saved, and after
``debounce`` ms without edits; the lint runs in the worker process
(:mod:`stylelint.interfaces.lsp.worker`), so the server keeps answering
while a large document is linted, and a newer version of a document cancels
the run of an older one. Results for a version that has since changed are
never published.

Configuration is found per document as the CLI finds it (``stylelint.toml``,
``.stylelint.toml`` or ``[tool.stylelint]`` in ``pyproject.toml`` from the
document's folder upward), or one file named by the ``config`` option. A
change to a config file or a word list (watched files, or
``workspace/didChangeConfiguration``) re-reads the configs and re-lints
every open document. A config that no longer loads is one
``window/showMessage`` error naming the file and the key, and its documents
keep the last config that loaded.

Options (``initializationOptions``, or the ``stylelint`` section of the
client's settings): ``docsUrl`` (a template with ``{id}``: each diagnostic's
``codeDescription.href``), ``config`` (a config file for every document),
``debounce`` (ms, default 300), ``lintTimeout`` (s, default 60).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from stylelint import __version__
from stylelint.config.model import CONFIG_FILES, Config, ConfigError, find_config_file, load_config
from stylelint.interfaces.lsp import actions
from stylelint.interfaces.lsp.diagnostics import (
    document_format,
    lsp_range,
    to_diagnostic,
    uri_to_path,
)
from stylelint.interfaces.lsp.positions import Positions, apply_change
from stylelint.interfaces.lsp.worker import (
    Cancelled,
    FixOutcome,
    LintOutcome,
    LintWorker,
    WorkerError,
)

log = logging.getLogger("stylelint.lsp")

#: Files whose change means the configs must be read again.
WATCHED = ("**/stylelint.toml", "**/.stylelint.toml", "**/pyproject.toml", "**/*.tsv", "**/*.csv")
#: Word-list extensions: a change re-lints (the linter notices the new modification time).
WORD_LISTS = (".tsv", ".csv")
#: The request a client (or a test) sends for the server's counters.
STATUS = "stylelint/status"


@dataclass
class Options:
    """The server's settings: command-line defaults, then initializationOptions, then settings."""

    docs_url: str | None = None
    config: str | None = None
    debounce: float = 0.3  # seconds
    lint_timeout: float = 60.0

    def merged(self, raw: Any, origin: str) -> tuple[Options, list[str]]:
        """These options with ``raw`` (an LSP options object) over them, and one line per bad key."""
        if raw is None:
            return self, []
        if not isinstance(raw, dict):
            return self, [f"{origin}: expected an object, got {type(raw).__name__}"]
        out, problems = self, []
        known = {"docsUrl": "docs_url", "config": "config", "debounce": "debounce", "lintTimeout": "lint_timeout"}
        for key, value in raw.items():
            attr = known.get(key)
            if attr is None:
                problems.append(f"{origin}.{key}: unknown option (allowed: {', '.join(sorted(known))})")
                continue
            if attr in ("docs_url", "config"):
                if value is not None and not isinstance(value, str):
                    problems.append(f"{origin}.{key}: expected a string, got {type(value).__name__}")
                    continue
                out = replace(out, **{attr: value or None})
            else:
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    problems.append(f"{origin}.{key}: expected a number of {'ms' if key == 'debounce' else 's'} >= 0, got {value!r}")
                    continue
                out = replace(out, **{attr: value / 1000 if key == "debounce" else float(value)})
        return out, problems


class ConfigStore:
    """The config of each document, found as the CLI finds it; a broken file keeps its last good config.

    Files are read once per generation; :meth:`reload` starts a new one (a
    watched file changed). ``errors`` says, per config file, why it did not
    load this generation.
    """

    def __init__(self, root: str | None = None, explicit: str | None = None) -> None:
        self.root = root or os.getcwd()
        self.explicit = explicit
        self._good: dict[Path | None, Config] = {}
        self._read: set[Path | None] = set()
        self._dirs: dict[str, Path | None] = {}
        self.errors: dict[Path, str] = {}

    def reload(self, explicit: str | None = None) -> None:
        """Read every config file again on next use (``explicit``: the new ``config`` option)."""
        self.explicit = explicit
        self._read.clear()
        self._dirs.clear()
        self.errors.clear()

    def _file_for(self, path: str | None) -> Path | None:
        if self.explicit:
            return Path(self.root, self.explicit)
        folder = os.path.dirname(os.path.abspath(path)) if path else self.root
        if folder not in self._dirs:
            self._dirs[folder] = find_config_file(folder)
        return self._dirs[folder]

    def for_path(self, path: str | None) -> tuple[Config | None, str | None]:
        """The resolved config for a document (None: its file never loaded) and the file's error, if any."""
        cfg_file = self._file_for(path)
        if cfg_file not in self._read:
            self._read.add(cfg_file)
            if cfg_file is None:
                self._good[None] = Config(root=self.root)
            else:
                try:
                    self._good[cfg_file] = load_config(cfg_file)
                    self.errors.pop(cfg_file, None)
                except ConfigError as exc:
                    self.errors[cfg_file] = str(exc)
        base = self._good.get(cfg_file)
        error = self.errors.get(cfg_file) if cfg_file is not None else None
        if base is None:
            return None, error
        return base.for_path(path), error

    def known_files(self) -> list[Config]:
        """Every config that loaded (for the folders and word lists they name)."""
        return list(self._good.values())


@dataclass(eq=False)
class OpenDocument:
    """An open document and what the server knows of it."""

    uri: str
    path: str | None
    language_id: str
    version: int
    text: str
    format: str | None
    result: LintResult | None = None
    timer: asyncio.TimerHandle | None = None
    task: asyncio.Task | None = None
    task_version: int = -1


@dataclass
class LintResult:
    """The findings of one version of a document."""

    version: int
    text: str
    format: str | None
    outcome: LintOutcome | None
    config: Config | None
    diagnostics: list[types.Diagnostic] = field(default_factory=list)


class StylelintServer(LanguageServer):
    """stylelint's language server (see the module docs)."""

    def __init__(self, options: Options | None = None) -> None:
        super().__init__("stylelint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.defaults = options or Options()
        self.options = self.defaults
        self.documents: dict[str, OpenDocument] = {}
        self.configs = ConfigStore()
        self.worker = LintWorker(timeout=self.options.lint_timeout)
        self.counts: Counter[str] = Counter()
        self._docs: dict[tuple[str | None, str], str] = {}
        self._shown: set[str] = set()

    # -- helpers ---------------------------------------------------------------

    @property
    def encoding(self) -> str:
        """The negotiated position encoding (``utf-16``, ``utf-8`` or ``utf-32``)."""
        try:
            enc = self.workspace.position_encoding
        except RuntimeError:  # before initialize
            return "utf-16"
        return str(getattr(enc, "value", enc) or "utf-16")

    def report(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """Show ``message`` once (until the configs are read again); every time in the log."""
        self.window_log_message(types.LogMessageParams(type=kind, message=message))
        if message in self._shown:
            return
        self._shown.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def apply_options(self, raw: Any, origin: str) -> None:
        """Take options from the client; bad keys are reported and ignored."""
        self.options, problems = self.options.merged(raw, origin)
        self.worker.timeout = self.options.lint_timeout
        for p in problems:
            self.report(f"stylelint: {p}")

    def reload(self) -> None:
        """Read configs and rule docs again and re-lint every open document now."""
        self.configs.reload(self.options.config)
        self._docs.clear()
        self._shown.clear()
        self.counts["reloads"] += 1
        for doc in list(self.documents.values()):
            if doc.format is not None:
                self.schedule(doc, 0)

    # -- linting ---------------------------------------------------------------

    def schedule(self, doc: OpenDocument, delay: float) -> None:
        """Lint ``doc`` after ``delay`` seconds without a newer edit (0: now)."""
        if doc.timer is not None:
            doc.timer.cancel()
            doc.timer = None
        if doc.format is None:
            return
        if delay <= 0:
            self.start(doc, force=True)
        else:
            doc.timer = asyncio.get_running_loop().call_later(delay, self.start, doc)

    def start(self, doc: OpenDocument, force: bool = False) -> asyncio.Task:
        """The lint task of ``doc``'s current version (started unless one runs already)."""
        if doc.timer is not None:
            doc.timer.cancel()
            doc.timer = None
        if doc.task is not None and not doc.task.done() and doc.task_version == doc.version and not force:
            return doc.task
        doc.task_version = doc.version
        doc.task = asyncio.ensure_future(self._lint(doc, doc.version, doc.text))
        return doc.task

    async def current(self, doc: OpenDocument) -> LintResult | None:
        """The lint result of ``doc`` as it is now (linting it first if needed)."""
        for _ in range(3):  # a run cancelled by a reload is followed by the reload's own
            if doc.result is not None and doc.result.version == doc.version:
                break
            await asyncio.shield(self.start(doc))
        result = doc.result
        return result if result is not None and result.version == doc.version else None

    def _config(self, doc: OpenDocument) -> Config | None:
        config, error = self.configs.for_path(doc.path)
        if error is not None:
            note = "; using its last good version" if config is not None else "; not linting until it is fixed"
            self.report(f"stylelint: config error: {error}{note}")
        return config

    async def _lint(self, doc: OpenDocument, version: int, text: str) -> None:
        config = self._config(doc)
        outcome: LintOutcome | None = None
        if config is not None and doc.path and config.is_excluded(doc.path):
            config = None  # excluded, as the CLI would: no findings
        elif config is not None and len(text.encode("utf-8", "surrogatepass")) > config.max_file_size:
            self.report(f"stylelint: {doc.path or doc.uri}: over the {config.max_file_size:,}-byte limit "
                        "(max_file_size), not linted")
            config = None
        if config is not None:
            known = [rid for (p, rid) in self._docs if p == config.path]
            try:
                outcome = await self.worker.run(
                    "lint", key=doc.uri, config=config, source=text, path=doc.path, fmt=doc.format,
                    encoding=self.encoding, known=known,
                )
            except Cancelled:
                self.counts["cancelled"] += 1
                return
            except WorkerError as exc:
                self.report(f"stylelint: {doc.path or doc.uri}: not linted: {exc}")
                return
        if self.documents.get(doc.uri) is not doc or doc.version != version:
            self.counts["stale"] += 1  # a newer version is on its way
            return
        result = LintResult(version, text, doc.format, outcome, config)
        if outcome is not None:
            for rid, page in outcome.docs.items():
                self._docs[(config.path, rid)] = page
            docs_url = self.options.docs_url
            result.diagnostics = [to_diagnostic(v, r, docs_url) for v, r in zip(outcome.violations, outcome.ranges, strict=True)]
            if outcome.format:
                result.format = outcome.format
            for err in outcome.plugin_errors:
                self.report(f"stylelint: {err}")
            for err in outcome.errors:
                self.report(f"stylelint: {doc.path or doc.uri}: {err}")
        doc.result = result
        self.counts["published"] += 1
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=doc.uri, diagnostics=result.diagnostics, version=version)
        )

    def status(self) -> dict[str, Any]:
        """Counters and document states, for tests and for people debugging a setup."""
        return {
            "version": __version__,
            "encoding": self.encoding,
            "worker": {"pid": self.worker.pid, "running": self.worker.running, **self.worker.stats},
            "counts": dict(self.counts),
            "documents": [
                {"uri": uri, "version": d.version, "linted": d.result.version if d.result else None, "format": d.format}
                for uri, d in self.documents.items()
            ],
            "options": {"docsUrl": self.options.docs_url, "config": self.options.config,
                        "debounce": round(self.options.debounce * 1000), "lintTimeout": self.options.lint_timeout},
        }


def _overlaps(r: types.Range, start: tuple[int, int], end: tuple[int, int]) -> bool:
    a = (r.start.line, r.start.character)
    b = (r.end.line, r.end.character)
    return start <= b and a <= end


def build_server(options: Options | None = None) -> StylelintServer:
    """A server with every feature registered (start it with ``start_io`` or ``start_tcp``)."""
    server = StylelintServer(options)

    @server.feature(types.INITIALIZE)
    def initialize(ls: StylelintServer, params: types.InitializeParams) -> None:
        root = None
        if params.workspace_folders:
            root = uri_to_path(params.workspace_folders[0].uri)
        elif params.root_uri:
            root = uri_to_path(params.root_uri)
        elif params.root_path:
            root = params.root_path
        ls.apply_options(params.initialization_options, "initializationOptions")
        ls.configs = ConfigStore(root, ls.options.config)
        # The fork server imports stylelint and the rule packs while the client sets up.
        asyncio.get_running_loop().run_in_executor(None, ls.worker.start)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: StylelintServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched is not None and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
            )
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                    types.Registration(id="stylelint-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                       register_options=options)
                ]))
            except Exception as exc:  # a client that refuses still gets didChangeConfiguration
                log.warning("could not register file watchers: %s", exc)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: StylelintServer, params: Any) -> None:
        ls.worker.close()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: StylelintServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = uri_to_path(item.uri)
        doc = OpenDocument(item.uri, path, item.language_id, item.version, item.text,
                           document_format(item.language_id, path))
        ls.documents[item.uri] = doc
        ls.schedule(doc, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: StylelintServer, params: types.DidChangeTextDocumentParams) -> None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return
        text = doc.text
        encoding = ls.encoding
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                r = change.range
                text = apply_change(text, ((r.start.line, r.start.character), (r.end.line, r.end.character)),
                                    change.text, encoding)
            else:
                text = change.text
        doc.text = text
        doc.version = params.text_document.version
        ls.counts["changes"] += 1
        ls.schedule(doc, ls.options.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: StylelintServer, params: types.DidSaveTextDocumentParams) -> None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is not None:
            if doc.result is None or doc.result.version != doc.version:
                ls.schedule(doc, 0)
            if doc.path and os.path.basename(doc.path) in CONFIG_FILES:
                ls.reload()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: StylelintServer, params: types.DidCloseTextDocumentParams) -> None:
        doc = ls.documents.pop(params.text_document.uri, None)
        if doc is None:
            return
        if doc.timer is not None:
            doc.timer.cancel()
        if doc.format is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=doc.uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: StylelintServer, params: types.DidChangeWatchedFilesParams) -> None:
        relevant = False
        folders = {os.path.abspath(d) for c in ls.configs.known_files() for d in c.rules_dirs}
        lists = {os.path.abspath(d["path"]) for c in ls.configs.known_files() for d in c.dictionaries}
        for change in params.changes:
            path = uri_to_path(change.uri)
            if path is None:
                continue
            path = os.path.abspath(path)
            name = os.path.basename(path)
            if (name in CONFIG_FILES or name.endswith(WORD_LISTS) or path in lists
                    or any(path.startswith(f + os.sep) for f in folders)):
                relevant = True
        if relevant:
            ls.reload()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: StylelintServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        section = settings.get("stylelint") if isinstance(settings, dict) else None
        caps = ls.client_capabilities.workspace
        if section is None and caps is not None and caps.configuration:
            try:
                answer = await ls.workspace_configuration_async(
                    types.ConfigurationParams(items=[types.ConfigurationItem(section="stylelint")])
                )
                section = answer[0] if answer else None
            except Exception as exc:
                log.warning("workspace/configuration failed: %s", exc)
        if section:
            ls.options = ls.defaults
            ls.apply_options(section, "settings.stylelint")
        ls.reload()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]),
    )
    async def code_action(ls: StylelintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None or doc.format is None:
            return None
        result = await ls.current(doc)
        if result is None or result.outcome is None:
            return []
        only = list(params.context.only) if params.context.only else None
        out: list[types.CodeAction] = []
        if actions.kind_allowed(types.CodeActionKind.QuickFix, only):
            start = (params.range.start.line, params.range.start.character)
            end = (params.range.end.line, params.range.end.character)
            positions = Positions(result.text, ls.encoding)
            fixes, disables = [], []
            for v, r, diag in zip(result.outcome.violations, result.outcome.ranges, result.diagnostics, strict=True):
                if not _overlaps(diag.range, start, end):
                    continue
                fix = actions.quick_fix(doc.uri, v, r, result.text, result.format, diag)
                if fix is not None:
                    fixes.append(fix)
                off = actions.disable_action(doc.uri, v, r, result.text, result.format, positions, diag)
                if off is not None and off.title not in {a.title for a in disables}:
                    disables.append(off)
            out += fixes + disables
        if actions.kind_allowed(actions.FIX_ALL, only) and any(
            v.fix is not None and v.fix.safe for v in result.outcome.violations
        ):
            try:
                fixed: FixOutcome = await ls.worker.run(
                    "fix", config=result.config, source=result.text, path=doc.path, fmt=result.format
                )
            except (Cancelled, WorkerError) as exc:
                ls.report(f"stylelint: {doc.path or doc.uri}: fix all failed: {exc}")
            else:
                if doc.version == result.version and fixed.fixed != result.text:
                    out.append(actions.fix_all_action(doc.uri, result.text, fixed.fixed, ls.encoding, fixed.applied))
        return out

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: StylelintServer, params: types.HoverParams) -> types.Hover | None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None or doc.format is None:
            return None
        result = await ls.current(doc)
        if result is None or result.outcome is None:
            return None
        at = Positions(result.text, ls.encoding).offset(params.position.line, params.position.character)
        hits = [(v, r) for v, r in zip(result.outcome.violations, result.outcome.ranges, strict=True)
                if v.offset <= at < v.end_offset or v.offset == v.end_offset == at]
        if not hits:
            return None
        docs = {rid: page for (p, rid), page in ls._docs.items() if result.config is not None and p == result.config.path}
        missing = [v.rule_id for v, _ in hits if v.rule_id not in docs]
        for rid in dict.fromkeys(missing):
            try:
                page = await ls.worker.run("explain", config=result.config, rule_id=rid)
            except (Cancelled, WorkerError):
                page = None
            if page:
                docs[rid] = ls._docs[(result.config.path, rid)] = page
        text = actions.hover_text([v.rule_id for v, _ in hits], docs)
        if not text:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                           range=lsp_range(hits[0][1]))

    @server.feature(STATUS)
    def status(ls: StylelintServer, params: Any) -> dict[str, Any]:
        return ls.status()

    return server
