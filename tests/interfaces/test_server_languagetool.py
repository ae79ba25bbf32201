"""The LanguageTool-compatible API (``/v2``), spoken to by a real LanguageTool client.

``language_tool_python`` with ``remote_server=`` pointed at a real
``stylelint serve`` on a loopback port: it asks ``/v2/languages``, posts
``/v2/check`` as LanguageTool's clients do, and turns the answer into its
``Match`` objects (converting our UTF-16 offsets back to code points).
"""

from __future__ import annotations

import json
import urllib.parse

import pytest

pytest.importorskip("starlette")
language_tool_python = pytest.importorskip("language_tool_python")

from stylelint.interfaces.server.testing import call, serve  # noqa: E402

ENV = {"STYLELINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
FORM = {"content-type": "application/x-www-form-urlencoded"}

# An emoji (two UTF-16 units) before the findings: offsets must still land on them.
TEXT = ("🗳️ The council passed the budget on Dec. 7th, a senior official mentioned on a convention name. "
        "It adds 5 officers. 🚓 Turnout rose 4 percent, the organisation said.")
BRITISH = "The meeting was on 5 January 2022 at 10am. The color of the programme was gray."


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve("--workers", "1", cwd=tmp_path_factory.mktemp("lt"), env=ENV) as srv:
        yield srv


@pytest.fixture(scope="module")
def tool(server):
    lt = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    yield lt
    lt.close()


def native(server, text: str, **settings) -> list[dict]:
    answer = call(server.url, "POST", "/v1/lint", {"text": text, "format": "text", **settings})
    assert answer.status == 200, answer.body
    return answer.json()["files"][0]["violations"]


def test_a_languagetool_client_gets_our_findings(server, tool):
    matches = tool.check(TEXT)
    expected = native(server, TEXT)
    assert len(matches) == len(expected) >= 5
    for m, v in zip(sorted(matches, key=lambda m: (m.offset, m.rule_id)), expected, strict=True):
        assert m.rule_id == v["rule"]
        # language_tool_python turns our UTF-16 offsets back into code points: they hit the finding.
        assert m.offset == v["offset"]
        assert TEXT[m.offset:m.offset + len(v["match"])] == v["match"]
        assert m.message == v["message"]
        assert m.category == v["rule"][:3]
        assert m.rule_issue_type in ("style", "misspelling", "non-conformance")
        if v["fix"]:
            assert m.replacements == [v["fix"]["replacement"]]
        assert v["match"].replace("\n", " ") in m.context
        assert v["match"] in m.sentence
    rules = {m.rule_id for m in matches}
    assert {"DAT004", "NUM001", "NUM004", "SPL001"} <= rules


def test_disabled_and_enabled_rules(server, tool):
    tool.disabled_rules = {"DAT004", "SPN", "WHITESPACE_RULE"}  # a family, and an id we do not have
    try:
        rules = {m.rule_id for m in tool.check(TEXT)}
    finally:
        tool.disabled_rules = set()
    assert "DAT004" not in rules and not any(r.startswith("SPN") for r in rules) and "NUM001" in rules
    tool.enabled_rules = {"NUM001"}
    tool.enabled_rules_only = True
    try:
        rules = {m.rule_id for m in tool.check(TEXT)}
    finally:
        tool.enabled_rules = set()
        tool.enabled_rules_only = False
    assert rules == {"NUM001"}


def test_en_gb_is_the_british_profile(server):
    british = language_tool_python.LanguageTool("en-GB", remote_server=server.url)
    try:
        got = sorted((m.rule_id, m.offset) for m in british.check(BRITISH))
    finally:
        british.close()
    assert got == sorted((v["rule"], v["offset"]) for v in native(server, BRITISH, profile="guardian"))
    us = sorted((v["rule"], v["offset"]) for v in native(server, BRITISH, profile="ap"))
    assert got != us
    languages = call(server.url, "GET", "/v2/languages").json()
    assert {x["longCode"] for x in languages} == {"en", "en-US", "en-GB"}


def test_annotated_text_skips_markup_and_counts_the_whole_string(server):
    parts = [
        {"markup": "<p>"},
        {"text": "The mayor mentioned on a call that "},
        {"markup": "<b data-x='😀'>"},
        {"text": "5"},
        {"markup": "</b>"},
        {"text": " officers left on Dec. 7th."},
        {"markup": "</p><p>", "interpretAs": "\n\n"},
        {"text": "It rose 4 percent."},
        {"markup": "</p>"},
    ]
    whole = "".join(p.get("text", p.get("markup")) for p in parts)
    body = urllib.parse.urlencode({"language": "en-US", "data": json.dumps({"annotation": parts})})
    answer = call(server.url, "POST", "/v2/check", body, FORM)
    assert answer.status == 200, answer.body
    matches = answer.json()["matches"]
    units = whole.encode("utf-16-le")
    seen = {}
    for m in matches:
        seen[m["rule"]["id"]] = units[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le")
    assert seen["NUM001"] == "5"  # after markup holding an emoji: UTF-16 offsets of the whole string
    assert seen["DAT004"] == "7th"
    assert seen["NUM004"] == "4 percent"
    # The same request as a query string.
    query = call(server.url, "GET", "/v2/check?" + body)
    assert query.json()["matches"] == matches


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"text": "x"}, 400, "language"),
        ({"text": "x", "language": "de-DE"}, 400, "language"),
        ({"language": "en-US"}, 400, "text"),
        ({"language": "en-US", "data": "{nope"}, 400, "data"),
        ({"language": "en-US", "data": json.dumps({"annotation": [{"text": 5}]})}, 400, "data.annotation[0].text"),
        ({"language": "en-US", "data": json.dumps({"annotation": [{"text": "a", "markup": "b"}]})}, 400, "data.annotation[0]"),
        ({"language": "en-US", "text": "x", "enabledOnly": "true"}, 400, "enabledOnly"),
        ({"language": "en-US", "text": "x", "level": "strict"}, 400, "level"),
    ],
)
def test_bad_parameters_are_json_errors_naming_them(server, params, status, field):
    answer = call(server.url, "POST", "/v2/check", urllib.parse.urlencode(params), FORM)
    assert answer.status == status
    assert answer.json()["error"]["field"] == field


def test_only_form_bodies(server):
    answer = call(server.url, "POST", "/v2/check", {"text": "x", "language": "en-US"})
    assert answer.status == 415 and answer.json()["error"]["field"] == "content-type"
    answer = call(server.url, "POST", "/v2/check", b"language=en-US&text=caf\xe9", FORM)
    assert answer.status == 400 and answer.json()["error"]["field"] == "body"
