"""``stylelint lsp`` driven over stdio by a real LSP client (pytest-lsp), as the README's editors start it.

Every expectation comes from somewhere else than the server: findings and
fixes from the ``stylelint`` command on the same file, columns from Python's
codecs, rule pages from ``stylelint --explain``.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types

from clihelp import run
from conftest import REFERENCE
from lsp_editors import (
    CONFIG,
    DOCS_URL,
    RecordingClient,
    apply_edits,
    change_document,
    initialize,
    open_document,
    units,
)

pytestmark = pytest.mark.asyncio

SEVERITY = {"error": 1, "warning": 2, "info": 3}

MARKDOWN = """\
# Council votes on budget

The mayor said the plan
had officials who claimed it
would fail on Dec. 7th, the aide said.

> The aide claimed it worked on Dec. 8th.

- Dec. 9th is next, officials said.
"""

HTML = """\
<html><body>
<p>The council met on Dec. 7th &amp; officials claimed the vote was close.</p>
<p>It meets again Dec. 14th, the clerk said.</p>
</body></html>
"""


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: RecordingClient):
    yield
    await lsp_client.shutdown_session()


def cli_findings(path: Path, *extra: str, codes: tuple[int, ...] = (0, 1)) -> list[dict]:
    proc = run("--format", "json", *extra, str(path), cwd=path.parent)
    assert proc.returncode in codes, proc.stderr
    (file,) = json.loads(proc.stdout)["files"]
    return file["violations"]


def expected_range(source: str, v: dict, encoding: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """The CLI's 1-based code-point line:column as an LSP range in ``encoding``."""
    lines = source.splitlines(keepends=True)

    def pos(line: int, column: int) -> tuple[int, int]:
        text = lines[line - 1] if line - 1 < len(lines) else ""
        return line - 1, units(text[: column - 1], encoding)

    return pos(v["line"], v["column"]), pos(v["end_line"], v["end_column"])


def as_tuple(d: types.Diagnostic) -> tuple:
    r = d.range
    return ((r.start.line, r.start.character), (r.end.line, r.end.character))


def expected_message(v: dict) -> str:
    s = v["suggestion"]
    return v["message"] if not s or s in v["message"] else f"{v['message']} (suggestion: {s})"


async def test_diagnostics_equal_the_cli_findings(client: RecordingClient, tmp_path: Path):
    """Text (the reference article), Markdown and HTML, by language id and by extension."""
    article = tmp_path / "blinken-ukraine.txt"
    shutil.copy(REFERENCE, article)
    (tmp_path / "story.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "notes.markdown").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "script.py").write_text("claimed = 'Dec. 7th'\n", encoding="utf-8")
    result = await initialize(client, tmp_path, "emacs")  # offers utf-32 first: columns are code points
    assert result.capabilities.position_encoding == "utf-32"
    opened = {
        "blinken-ukraine.txt": "text",  # Emacs' language id for text-mode
        "story.md": "markdown",
        "page.html": "html",
        "notes.markdown": "gfm",  # not a language id we know: the extension decides
        "script.py": "python",  # not ours
    }
    uris = {name: open_document(client, tmp_path / name, lang) for name, lang in opened.items()}
    for name in ("blinken-ukraine.txt", "story.md", "page.html", "notes.markdown"):
        path = tmp_path / name
        source = path.read_text(encoding="utf-8")
        want = cli_findings(path)
        assert want, f"{name}: the fixture should have findings"
        got = await client.wait_diagnostics(uris[name], version=1)
        assert [(d.code, as_tuple(d), d.severity, d.message) for d in got] == [
            (v["rule"], expected_range(source, v, "utf-32"), SEVERITY[v["severity"]], expected_message(v))
            for v in want
        ], name
        assert {d.source for d in got} == {"stylelint"}
        assert all(d.code_description.href == DOCS_URL.replace("{id}", d.code) for d in got)
    status = await client.status()
    formats = {Path(d.uri).name: d.format for d in status.documents}
    assert formats == {"blinken-ukraine.txt": "text", "story.md": "markdown", "page.html": "html",
                       "notes.markdown": "markdown", "script.py": None}
    assert not client.publications(uris["script.py"])


POSITION_TEXT = "A \U0001F600 cafe\u0301 owner said it opens Dec. 7th, and officials claimed it was late.\n"


@pytest.mark.parametrize(
    ("editor", "encoding"),
    [("visual-studio-code", "utf-16"), ("neovim@v0.11.0", "utf-8"), ("emacs", "utf-32")],
)
async def test_positions_follow_the_negotiated_encoding(client: RecordingClient, tmp_path: Path, editor, encoding):
    """An emoji (two UTF-16 units, four UTF-8 bytes) and a combining accent before the findings."""
    path = tmp_path / "p.txt"
    path.write_text(POSITION_TEXT, encoding="utf-8")
    result = await initialize(client, tmp_path, editor)
    assert result.capabilities.position_encoding == encoding
    uri = open_document(client, path, "plaintext")
    got = await client.wait_diagnostics(uri, version=1)
    want = cli_findings(path)
    assert [d.code for d in got] == [v["rule"] for v in want] == ["DAT004", "ATT001"]
    for d, v in zip(got, want, strict=True):
        ((line, start), (_, end)) = as_tuple(d)
        assert line == 0
        assert start == units(POSITION_TEXT[: POSITION_TEXT.index(v["match"])], encoding)
        assert end - start == units(v["match"], encoding)
    # The columns really differ by encoding: the emoji and the accent are before them.
    assert as_tuple(got[0])[0][1] == {"utf-16": 36, "utf-8": 39, "utf-32": 35}[encoding]
    # An edit sent in the same encoding lands where the client meant: one letter
    # inserted just after the emoji moves both findings by one unit.
    after_emoji = units("A \U0001F600", encoding)
    change_document(client, uri, 2, [((0, after_emoji), (0, after_emoji), "x")])
    moved = await client.wait_diagnostics(uri, version=2)
    assert [as_tuple(d)[0][1] for d in moved] == [as_tuple(d)[0][1] + 1 for d in got]
    # And one replacing "claimed" (the finding's own range) leaves no ATT001.
    (s, e) = as_tuple(moved[1])
    change_document(client, uri, 3, [(s, e, "said")])
    final = await client.wait_diagnostics(uri, version=3)
    assert [d.code for d in final] == ["DAT004"]


def fix_all(actions: list[types.CodeAction]) -> types.CodeAction:
    (action,) = [a for a in actions if a.kind == "source.fixAll.stylelint"]
    return action


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    return list(action.edit.changes[uri])


async def code_actions(client: RecordingClient, uri: str, rng: types.Range, only=None):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
        context=types.CodeActionContext(diagnostics=[], only=only),
    ))


@pytest.mark.parametrize(("name", "text", "language"), [("story.md", MARKDOWN, "markdown"), ("page.html", HTML, "html")])
async def test_code_actions_applied_give_the_fix_result(client: RecordingClient, tmp_path: Path, name, text, language):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    await initialize(client, tmp_path)
    uri = open_document(client, path, language)
    diagnostics = await client.wait_diagnostics(uri, version=1)
    want = cli_findings(path)
    assert [d.code for d in diagnostics] == [v["rule"] for v in want]

    # source.fixAll.stylelint (asked for as its parent kind, as editors do on save)
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    actions = await code_actions(client, uri, whole, only=[types.CodeActionKind.SourceFixAll])
    assert {a.kind for a in actions} == {"source.fixAll.stylelint"}
    fixed = apply_edits(text, edits_of(fix_all(actions), uri))
    cli_fixed = run("--fix", "--stdin-filename", name, "-", input=text, cwd=tmp_path)
    assert cli_fixed.stdout == fixed != text

    # Each finding's quick fix: the CLI's replacement over the CLI's span.
    for d, v in zip(diagnostics, want, strict=True):
        actions = await code_actions(client, uri, d.range, only=[types.CodeActionKind.QuickFix])
        mine = [a for a in actions if a.title.startswith(f"Fix {v['rule']}") and a.diagnostics[0].range == d.range]
        if v["fix"] is None or text[v["offset"]:v["end_offset"]] != v["match"]:
            assert not mine, v  # none offered, or its span holds markup: --fix would not apply it either
            continue
        (action,) = mine
        assert action.is_preferred is v["fix"]["safe"]
        assert ("unsafe" in action.title) is (not v["fix"]["safe"])
        after = apply_edits(text, edits_of(action, uri))
        assert after == text[: v["offset"]] + v["fix"]["replacement"] + text[v["end_offset"]:]

    # "Disable RULE for this line" on the first ATT001: the CLI no longer reports it.
    (att,) = [d for d in diagnostics if d.code == "ATT001"][:1]
    actions = await code_actions(client, uri, att.range)
    (disable,) = [a for a in actions if a.title == "Disable ATT001 for this line"]
    disabled = apply_edits(text, edits_of(disable, uri))
    assert "<!-- stylelint-disable-next-line ATT001 -->" in disabled
    path.write_text(disabled, encoding="utf-8")
    remaining = cli_findings(path)
    assert [v["rule"] for v in remaining] == [v["rule"] for v in want if v is not want[diagnostics.index(att)]]


async def test_hover_shows_the_rule_documentation(client: RecordingClient, tmp_path: Path):
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    await initialize(client, tmp_path)
    uri = open_document(client, path, "markdown")
    diagnostics = await client.wait_diagnostics(uri, version=1)
    for d in diagnostics:
        inside = types.Position(line=d.range.start.line, character=d.range.start.character + 1)
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=inside))
        assert hover.contents.kind == types.MarkupKind.Markdown
        assert hover.contents.value == run("--explain", d.code).stdout.rstrip()
        assert hover.range == d.range
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=0)))
    assert nothing is None


def watched(client: RecordingClient, path: Path) -> None:
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)]))


async def test_config_changes_relint_and_a_broken_config_keeps_the_last_good(client: RecordingClient, tmp_path: Path):
    config = tmp_path / "stylelint.toml"
    config.write_text('ignore = ["ATT"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "b.md").write_text(MARKDOWN, encoding="utf-8")
    await initialize(client, tmp_path)
    a = open_document(client, tmp_path / "a.md", "markdown")
    b = open_document(client, tmp_path / "b.md", "markdown")
    first = await client.wait_diagnostics(a, version=1)
    await client.wait_diagnostics(b, version=1)
    assert first and "ATT001" not in {d.code for d in first}
    assert [d.code for d in first] == [v["rule"] for v in cli_findings(tmp_path / "a.md")]

    # A watched file changed: the config is read again and both documents re-linted.
    config.write_text('ignore = ["DAT"]\n', encoding="utf-8")
    count = len(client.published)
    watched(client, config)
    await client.until(lambda: {p.uri for p in client.published[count:]} == {a, b}, "re-lint after the change")
    second = client.diagnostics[a]
    assert [d.code for d in second] == [v["rule"] for v in cli_findings(tmp_path / "a.md")]
    assert "ATT001" in {d.code for d in second} and "DAT004" not in {d.code for d in second}

    # Broken: one error naming the file and the key, and the last good config stays.
    config.write_text('profile = "times"\n', encoding="utf-8")
    count, messages = len(client.published), len(client.messages)
    watched(client, config)
    await client.until(lambda: {p.uri for p in client.published[count:]} == {a, b}, "re-lint with a broken config")
    errors = [m for m in client.messages[messages:] if m.type == types.MessageType.Error]
    assert len(errors) == 1, errors
    assert str(config) in errors[0].message and "profile" in errors[0].message and "times" in errors[0].message
    assert [d.code for d in client.diagnostics[a]] == [d.code for d in second]

    # Fixed again, announced through workspace/didChangeConfiguration this time.
    config.write_text("", encoding="utf-8")
    count = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"stylelint": {"docsUrl": DOCS_URL}}))
    await client.until(lambda: {p.uri for p in client.published[count:]} == {a, b}, "re-lint after didChangeConfiguration")
    assert [d.code for d in client.diagnostics[a]] == [v["rule"] for v in cli_findings(tmp_path / "a.md")]
    assert "ATT001" in {d.code for d in client.diagnostics[a]} and "DAT004" in {d.code for d in client.diagnostics[a]}


CRASHY_RULE = '''
import os
from stylelint import Rule, hookimpl


class Crashy(Rule):
    id = "HSE900"
    name = "crashy-rule"
    summary = "Raises on purpose."

    def check(self, document, context):
        if "CRASH" in document.text:
            raise RuntimeError("house rule bug")
        if "EXIT" in document.text:
            os._exit(3)  # takes its process down with it
        return []


@hookimpl
def register_rules():
    return [Crashy()]
'''


async def test_a_rule_that_crashes_is_reported_and_survived(client: RecordingClient, tmp_path: Path):
    house = tmp_path / "house"
    house.mkdir()
    (house / "crashy.py").write_text(CRASHY_RULE, encoding="utf-8")
    (tmp_path / "stylelint.toml").write_text('rules_dirs = ["house"]\nextend_select = ["HSE900"]\n', encoding="utf-8")
    path = tmp_path / "story.md"
    text = MARKDOWN + "\nCRASH\n"
    path.write_text(text, encoding="utf-8")
    await initialize(client, tmp_path)
    uri = open_document(client, path, "markdown")
    got = await client.wait_diagnostics(uri, version=1)
    # The other rules' findings are there, as the CLI reports them (it names the rule too).
    assert [d.code for d in got] == [v["rule"] for v in cli_findings(path, codes=(2,))]
    cli = run(str(path), cwd=tmp_path)
    assert "rule HSE900 (crashy-rule) crashed: RuntimeError: house rule bug" in cli.stderr
    (error,) = await client.until(lambda: [m for m in client.messages if "HSE900" in m.message], "the crash report")
    assert error.type == types.MessageType.Error
    assert "rule HSE900 (crashy-rule) crashed: RuntimeError: house rule bug" in error.message

    # A rule that kills the worker process: reported, and the next version is linted by a new worker.
    change_document(client, uri, 2, MARKDOWN + "\nEXIT\n")
    await client.until(lambda: [m for m in client.messages if "exit code 3" in m.message], "the worker's death")
    change_document(client, uri, 3, MARKDOWN)
    again = await client.wait_diagnostics(uri, version=3)
    assert [d.code for d in again] == [d.code for d in got]
    status = await client.status()
    assert status.worker.starts == 2 and status.worker.crashes == 1


BLOCKING_RULE = '''
import os, time
from stylelint import Rule, hookimpl

RELEASE = {release!r}


class Blocking(Rule):
    id = "HSE901"
    name = "blocking-rule"
    summary = "Takes as long as the test says."

    def check(self, document, context):
        if "BLOCK" in document.text:
            for _ in range(1200):  # at most a minute
                if os.path.exists(RELEASE):
                    break
                time.sleep(0.05)
        return []


@hookimpl
def register_rules():
    return [Blocking()]
'''


async def test_a_long_lint_never_blocks_the_server_and_a_newer_version_cancels_it(
    client: RecordingClient, tmp_path: Path
):
    house = tmp_path / "house"
    house.mkdir()
    release = tmp_path / "release"
    (house / "blocking.py").write_text(BLOCKING_RULE.format(release=str(release)), encoding="utf-8")
    (tmp_path / "stylelint.toml").write_text(
        'rules_dirs = ["house"]\nextend_select = ["HSE901"]\nrule_time_limit = 120\n', encoding="utf-8")
    (tmp_path / "quick.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "slow.md").write_text(MARKDOWN + "\nBLOCK\n", encoding="utf-8")
    try:
        await initialize(client, tmp_path)
        quick = open_document(client, tmp_path / "quick.md", "markdown")
        quick_diagnostics = await client.wait_diagnostics(quick, version=1)
        slow = open_document(client, tmp_path / "slow.md", "markdown")
        for _ in range(1200):  # until the worker is inside the blocking rule (bounded: a minute)
            status = await client.status()
            if status.worker.running == slow:
                break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError("the slow document never reached the worker")
        assert getattr(status.counts, "published", 0) == 1  # only the quick one
        # The worker is stuck in a rule; the server still answers (hover on the other document).
        d = quick_diagnostics[0]
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=quick), position=d.range.start))
        assert hover is not None and d.code in hover.contents.value
        # A newer version stops the stuck run instead of waiting for it.
        change_document(client, slow, 2, MARKDOWN)
        newer = await client.wait_diagnostics(slow, version=2)
        assert [d.code for d in newer] == [d.code for d in quick_diagnostics]
        assert [p.version for p in client.publications(slow)] == [2]
        status = await client.status()
        assert status.worker.cancelled == 1 and status.worker.starts == 2
    finally:
        release.write_text("go")


async def test_debounce_waits_for_a_pause_and_save_lints_at_once(client: RecordingClient, tmp_path: Path):
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    # A debounce longer than the test: only save (and requests that need findings) lint.
    await initialize(client, tmp_path, debounce=600_000)
    uri = open_document(client, path, "markdown")
    first = await client.wait_diagnostics(uri, version=1)
    edited = MARKDOWN.replace("Dec. 7th", "Dec. 7")
    change_document(client, uri, 2, edited)
    status = await client.status()
    assert [(d.version, d.linted) for d in status.documents] == [(2, 1)]
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    second = await client.wait_diagnostics(uri, version=2)
    assert len(second) == len(first) - 1
    # A code action on an edited document lints it first: its edits fit the text as it is now.
    change_document(client, uri, 3, "Officials claimed it on Dec. 8th.\n")
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=1, character=0))
    actions = await code_actions(client, uri, whole)
    fixes = [a for a in actions if a.title.startswith("Fix DAT004")]
    assert len(fixes) == 1
    assert apply_edits("Officials claimed it on Dec. 8th.\n", edits_of(fixes[0], uri)) == "Officials claimed it on Dec. 8.\n"
    assert (await client.status()).counts.published == 3
