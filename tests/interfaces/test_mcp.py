"""``stylelint mcp`` as a writing assistant reaches it: the MCP SDK's own client, over stdio, to a real subprocess.

Expected answers come from the ``stylelint`` command on the same text.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
from mcp import ClientSession, StdioServerParameters, stdio_client

from clihelp import run, stylelint_command

pytestmark = pytest.mark.asyncio

STORY = """\
# Council votes on budget

The mayor said the plan had officials who claimed it
would fail on Dec. 7th, the aide said.

- Dec. 9th is next, officials said.
"""


async def call(session: ClientSession, tool: str, **arguments):
    result = await session.call_tool(tool, arguments)
    return result


def payload(result):
    assert not result.is_error, result.content
    if result.structured_content is not None:
        data = result.structured_content
        return data.get("result", data) if set(data) == {"result"} else data
    return result.content[0].text


@contextlib.asynccontextmanager
async def Server(folder: Path):
    """One ``stylelint mcp`` subprocess, in ``folder`` (the operator's working folder), and a session with it."""
    command, *args = stylelint_command()
    env = {k: v for k, v in os.environ.items() if k.startswith("STYLELINT_")}
    params = StdioServerParameters(command=command, args=[*args, "mcp"], cwd=str(folder), env=env)
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session


async def test_tools_answer_as_the_cli_does(tmp_path: Path):
    async with Server(tmp_path) as session:
        tools = {t.name for t in (await session.list_tools()).tools}
        assert tools == {"check_text", "fix_text", "explain_rule", "list_rules"}

        checked = payload(await call(session, "check_text", text=STORY, format="markdown"))
        cli = json.loads(run("--format", "json", "--input-format", "markdown", "-", input=STORY, cwd=tmp_path).stdout)
        assert checked["findings"] == cli["files"][0]["violations"] != []
        assert checked["summary"]["by_rule"] == cli["summary"]["by_rule"]
        assert checked["format"] == "markdown" and checked["summary"]["passed"] is False

        nyt = payload(await call(session, "check_text", text=STORY, format="markdown", profile="nyt"))
        cli_nyt = json.loads(run("--format", "json", "--profile", "nyt", "--input-format", "markdown", "-",
                                 input=STORY, cwd=tmp_path).stdout)
        assert nyt["findings"] == cli_nyt["files"][0]["violations"]

        fixed = payload(await call(session, "fix_text", text=STORY, format="markdown"))
        assert fixed["fixed"] == run("--fix", "--stdin-filename", "story.md", "-", input=STORY, cwd=tmp_path).stdout
        assert fixed["changed"] and fixed["applied"] == 2 and fixed["diff"].startswith("---")
        unsafe = payload(await call(session, "fix_text", text=STORY, format="markdown", unsafe=True))
        assert unsafe["fixed"] == run("--fix", "--unsafe-fixes", "--stdin-filename", "story.md", "-",
                                      input=STORY, cwd=tmp_path).stdout
        assert "claimed" not in unsafe["fixed"]

        explained = payload(await call(session, "explain_rule", rule_id="att001"))
        assert explained == run("--explain", "ATT001").stdout

        rules = payload(await call(session, "list_rules"))
        assert rules == json.loads(run("--list-rules", "--format", "json", cwd=tmp_path).stdout)


BAD_ARGUMENTS = [
    ("check_text", {"text": "x", "profile": "times"}, "profile: unknown profile 'times'"),
    ("check_text", {"text": "x", "format": "docx"}, "format: unknown format 'docx'"),
    ("fix_text", {"text": "x", "profile": "bbc"}, "profile: unknown profile 'bbc'"),
    ("explain_rule", {"rule_id": "XYZ999"}, "rule_id: no rule 'XYZ999'"),
    ("list_rules", {"profile": "../../etc/passwd"}, "profile: unknown profile"),
]


async def test_bad_arguments_are_tool_errors_naming_the_field(tmp_path: Path):
    async with Server(tmp_path) as session:
        for tool, arguments, message in BAD_ARGUMENTS:
            result = await call(session, tool, **arguments)
            assert result.is_error, (tool, arguments)
            assert message in result.content[0].text
            # The server is still there, and answers the next call.
            checked = payload(await call(session, "check_text", text="The council met on Dec. 7th.", format="text"))
            assert [f["rule"] for f in checked["findings"]] == ["DAT004"]


async def test_the_operators_config_applies_and_a_request_cannot_name_files(tmp_path: Path):
    (tmp_path / "stylelint.toml").write_text('ignore = ["DAT"]\nmax_file_size = 2000\n', encoding="utf-8")
    (tmp_path / "words.tsv").write_text("council\tCouncil\n", encoding="utf-8")
    async with Server(tmp_path) as session:
        checked = payload(await call(session, "check_text", text=STORY, format="markdown"))
        assert checked["findings"] and not any(f["rule"].startswith("DAT") for f in checked["findings"])
        too_big = await call(session, "check_text", text="word " * 500)
        assert too_big.is_error and "text: 2,500 bytes, over the operator's 2,000-byte limit" in too_big.content[0].text
        # Only the declared arguments exist: a file-reading setting is not one of them.
        sneaky = await call(session, "check_text", text=STORY, format="markdown", dictionaries=["words.tsv"])
        if not sneaky.is_error:
            assert payload(sneaky)["findings"] == checked["findings"]
