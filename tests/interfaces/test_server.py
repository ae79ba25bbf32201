"""``stylelint serve``, started for real on a loopback port: the native API, limits, errors, metrics, workers, stopping.

Every server here is the real command (``python -m stylelint serve --port
0``) in a process of its own; requests go over the socket. The operator's
configuration loads a rules folder of test rules: one that never returns
(a stuck document), one that waits for a file (a request held in flight),
and a ``register_rules`` hook that records each build of the rules by
process id (so "built once per worker" is counted, not assumed).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from prometheus_client.parser import text_string_to_metric_families  # noqa: E402

from stylelint.config.model import load_config  # noqa: E402
from stylelint.engine.linter import LinterCache  # noqa: E402
from stylelint.interfaces.requests import lint_request  # noqa: E402
from stylelint.interfaces.server import openapi  # noqa: E402
from stylelint.interfaces.server.testing import call, serve  # noqa: E402
from stylelint.rule.docs import render_explain, render_rule  # noqa: E402

from conftest import REFERENCE, ROOT  # noqa: E402

SCHEMA = json.loads((ROOT / "docs" / "json-schema.json").read_text(encoding="utf-8"))
ENV = {"STYLELINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
MAX_BYTES = 100_000

TEST_RULES = '''\
"""Rules for the service's tests."""
import os
import time

from stylelint import Rule, hookimpl


class NeverEnds(Rule):
    id = "TST001"
    name = "never-ends"
    summary = "Loops for ever on STYLELINT-LOOP: a stuck rule."

    def check(self, document, context):
        if "STYLELINT-LOOP" in document.text:
            n = 0
            while True:
                n += 1
        return ()


class WaitsForRelease(Rule):
    id = "TST002"
    name = "waits-for-release"
    summary = "On STYLELINT-WAIT: says it started, then waits (up to a minute) for the release file."

    def check(self, document, context):
        if "STYLELINT-WAIT" in document.text:
            folder = os.environ["STYLELINT_TEST_DIR"]
            open(os.path.join(folder, "started"), "w").close()
            for _ in range(6000):
                if os.path.exists(os.path.join(folder, "release")):
                    break
                time.sleep(0.01)
        return ()


@hookimpl
def register_rules(config):
    # One line per build of the rules: the process, and whether the config is the operator's own.
    inline = bool(config.select or config.extend_select or config.ignore or config.accept or config.settings
                  or config.severity or config.profile != "ap")
    with open(os.environ["STYLELINT_TEST_BUILDS"], "a") as fh:
        fh.write(f"{os.getpid()}:{'inline' if inline else 'operator'}\\n")
    return [NeverEnds(), WaitsForRelease()]
'''

ARTICLE = REFERENCE.read_text(encoding="utf-8")
SHORT = "The council passed the budget on Dec. 7th, the mayor said. It adds 5 officers."


def operator_folder(folder: Path) -> Path:
    """A newsroom's folder: stylelint.toml with a rules folder of the test rules."""
    (folder / "rules").mkdir(parents=True)
    (folder / "rules" / "test_rules.py").write_text(TEST_RULES, encoding="utf-8")
    (folder / "stylelint.toml").write_text('rules_dirs = ["rules"]\n', encoding="utf-8")
    return folder


def env_for(folder: Path) -> dict[str, str]:
    return {**ENV, "STYLELINT_TEST_DIR": str(folder), "STYLELINT_TEST_BUILDS": str(folder / "builds.txt")}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return operator_folder(tmp_path_factory.mktemp("newsroom"))


@pytest.fixture(scope="module")
def server(site):
    """Two workers, the config found from the working folder, a small body limit."""
    with serve("--workers", "2", "--max-bytes", str(MAX_BYTES), cwd=site, env=env_for(site)) as srv:
        yield srv


def errors_logged(srv) -> list[str]:
    return [ln for ln in srv.lines if re.search(r" -> \d{3}: ", ln)]


# -- starting --------------------------------------------------------------


def test_binds_to_loopback_by_default_and_is_healthy(server):
    from stylelint.interfaces.server.cli import build_parser

    assert build_parser().parse_args([]).host == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:")
    answer = call(server.url, "GET", "/healthz")
    assert answer.status == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["workers"] == 2


# -- the native API --------------------------------------------------------


def _without_utf16(report: dict) -> dict:
    for f in report["files"]:
        for v in f["violations"]:
            v.pop("utf16_offset")
            v.pop("utf16_end_offset")
    return report


def test_lint_answers_the_json_contract_of_the_cli(server, site, tmp_path, monkeypatch):
    monkeypatch.setenv("STYLELINT_TEST_BUILDS", str(tmp_path / "builds-here.txt"))
    request = {"text": ARTICLE, "path": "blinken.txt", "profile": "ap"}
    answer = call(server.url, "POST", "/v1/lint", request)
    assert answer.status == 200, answer.body
    assert answer.headers["content-type"].startswith("application/json")
    report = answer.json()
    jsonschema.validate(report, SCHEMA)
    assert answer.headers["stylelint-exit-code"] == "1"
    # The same request through the Python side of --stdin-json, under the same operator config.
    expected = lint_request(request, load_config(site / "stylelint.toml"), LinterCache()).to_dict()
    assert _without_utf16(report) == expected
    assert report["summary"]["violations"] > 20


def test_findings_carry_utf16_offsets(server):
    text = "😀🎉 The mayor said on Dec. 7th that 5 officers would go. 👍 Dec. 9th too."
    report = call(server.url, "POST", "/v1/lint", {"text": text}).json()
    violations = report["files"][0]["violations"]
    assert violations
    units = text.encode("utf-16-le")
    for v in violations:
        assert text[v["offset"]:v["end_offset"]] == v["match"]
        # A JavaScript client slices its string by UTF-16 code units.
        assert units[2 * v["utf16_offset"]:2 * v["utf16_end_offset"]].decode("utf-16-le") == v["match"]
    first = violations[0]
    assert first["utf16_offset"] == first["offset"] + 2  # two emoji before it, two units each


def test_a_batch_names_each_document(server):
    answer = call(server.url, "POST", "/v1/lint", {"documents": [
        {"text": SHORT, "path": "a.txt"},
        {"text": "<p>He claimed it on Dec. 7th.</p>", "format": "html", "path": "b.html", "profile": "nyt"},
    ]})
    assert answer.status == 200
    files = answer.json()["files"]
    assert [f["path"] for f in files] == ["a.txt", "b.html"]
    assert files[1]["format"] == "html"
    bad = call(server.url, "POST", "/v1/lint", {"documents": [
        {"text": SHORT}, {"text": SHORT, "select": ["XYZ999"]}, {"text": 3}]})
    assert bad.status == 422
    error = bad.json()
    assert error["error"]["field"] == "documents[2].text"


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        (b"{not json", 400, "body"),
        (b'{"text": "caf\xe9"}', 400, "body"),
        ({"text": 5}, 422, "text"),
        ({"text": "x", "format": "rtf"}, 422, "format"),
        ({"text": "x", "profile": "times"}, 422, "profile"),
        ({"text": "x", "select": ["XYZ999"]}, 422, "select"),
        ({"text": "x", "rules_dirs": ["/etc"]}, 422, "rules_dirs"),
        ({"text": "x", "dictionaries": ["/etc/passwd"]}, 422, "dictionaries"),
        ({"text": "x", "config": "/etc/stylelint.toml"}, 422, "config"),
        ({"text": "x", "config": {"profile": "times"}}, 422, "config.profile"),
        ({"text": "x", "severity": {"ATT001": "fatal"}}, 422, "severity.ATT001"),
        ({"text": "x", "colour": "red"}, 422, "colour"),
        ({"documents": "x"}, 422, "documents"),
        ({"documents": [{"text": "x"}] * 101}, 422, "documents"),
        ([1, 2], 422, "request"),
        ({"text": "x", "rules": [{"id": "HSE001", "kind": "pattern", "pattern": "(unclosed"}]}, 422, "rules[0]"),
    ],
)
def test_bad_input_is_a_json_error_naming_the_field(server, body, status, field):
    answer = call(server.url, "POST", "/v1/lint", body, {"content-type": "application/json"})
    assert answer.status == status, answer.body
    error = answer.json()["error"]
    assert error["status"] == status
    assert error["field"] == field
    assert error["message"].startswith(field), error["message"]
    assert "Traceback" not in answer.text
    # One log line for the error, saying what the answer says.
    logged = f"POST /v1/lint -> {status}: {error['message']}"
    assert server.wait_for_line(re.escape(logged) + "$")
    assert [ln for ln in server.lines if ln.rstrip("\n").endswith(logged)] == [server.wait_for_line(re.escape(logged) + "$")]


def test_a_body_over_the_limit_gets_413(server):
    big = {"text": "a" * MAX_BYTES}
    answer = call(server.url, "POST", "/v1/lint", big)
    assert answer.status == 413
    assert answer.json()["error"]["field"] == "body"
    # Without a declared length (chunked): counted as it arrives.
    host, port = server.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    chunks = (b'{"text": "' + b"a" * 10_000 for _ in range(12))
    conn.request("POST", "/v1/fix", body=chunks, headers={"content-type": "application/json"}, encode_chunked=True)
    response = conn.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"]["field"] == "body"
    conn.close()
    # Under the limit is fine.
    assert call(server.url, "POST", "/v1/lint", {"text": "a" * (MAX_BYTES - 100)}).status == 200


def test_unknown_paths_and_methods_are_json_errors(server):
    answer = call(server.url, "GET", "/v1/nothing")
    assert answer.status == 404 and answer.json()["error"]["status"] == 404
    answer = call(server.url, "GET", "/v1/lint")
    assert answer.status == 405 and "not allowed" in answer.json()["error"]["message"]


def test_fix_returns_the_fixed_text_the_diff_and_what_remains(server):
    answer = call(server.url, "POST", "/v1/fix", {"text": SHORT})
    assert answer.status == 200, answer.body
    data = answer.json()
    (fixed,) = data["files"]
    assert fixed["text"] == SHORT.replace("Dec. 7th", "Dec. 7")  # safe fixes only: "5" stays
    assert fixed["changed"] and "-The council" in fixed["diff"] and "+The council" in fixed["diff"]
    assert [a["rule"] for a in fixed["applied"]] == ["DAT004"]
    jsonschema.validate(data["report"], SCHEMA)
    remaining = [v["rule"] for v in data["report"]["files"][0]["violations"]]
    assert "DAT004" not in remaining and "NUM001" in remaining
    unsafe = call(server.url, "POST", "/v1/fix", {"text": SHORT, "unsafe": True}).json()
    assert "five officers" in unsafe["files"][0]["text"]
    accepted = call(server.url, "POST", "/v1/fix", {"text": SHORT, "accept": [{"rule": "DAT004"}]}).json()
    assert accepted["files"][0]["changed"] is False
    bad = call(server.url, "POST", "/v1/fix", {"text": SHORT, "unsafe": "yes"})
    assert bad.status == 422 and bad.json()["error"]["field"] == "unsafe"


def test_report_is_the_html_report(server):
    answer = call(server.url, "POST", "/v1/report", {"text": SHORT})
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert "script-src" not in answer.headers["content-security-policy"]  # the report's own: no script at all
    assert answer.text.count('<mark class="sl-m') >= 2 and "<script" not in answer.text
    as_json = call(server.url, "POST", "/v1/report", {"text": SHORT}, {"accept": "application/json"}).json()
    jsonschema.validate(as_json["report"], SCHEMA)
    (section,) = as_json["sections"]
    assert section.startswith('<section class="sl-file"') and 'data-f="1"' in section
    assert "sl-rule-DAT004" in as_json["rules"]


def test_rules_and_their_docs(server):
    listing = call(server.url, "GET", "/v1/rules").json()
    ids = {r["id"]: r for r in listing["rules"]}
    assert {"ATT001", "DAT004", "TST001"} <= set(ids)
    assert ids["DAT004"]["docs"] == "/v1/rules/DAT004"
    nyt = {r["id"]: r["enabled"] for r in call(server.url, "GET", "/v1/rules?profile=nyt").json()["rules"]}
    assert nyt != {i: r["enabled"] for i, r in ids.items()}  # profiles differ in what they run
    from stylelint.rule.docs import builtin_rules

    rule = next(r for r in builtin_rules() if r.id == "ATT001")
    doc = call(server.url, "GET", "/v1/rules/att001").json()
    assert doc["id"] == "ATT001" and doc["markdown"] == render_rule(rule)
    text = call(server.url, "GET", "/v1/rules/ATT001?format=text")
    assert text.headers["content-type"].startswith("text/plain") and text.text == render_explain(rule)
    missing = call(server.url, "GET", "/v1/rules/XYZ999")
    assert missing.status == 404 and missing.json()["error"]["field"] == "id"
    assert call(server.url, "GET", "/v1/rules?profile=times").json()["error"]["field"] == "profile"
    profiles = call(server.url, "GET", "/v1/profiles").json()
    assert profiles["default"] == "ap"
    assert {p["name"]: p["language"] for p in profiles["profiles"]}["guardian"] == "en-GB"


def _to_components(value):
    if isinstance(value, dict):
        return {k: _to_components(v.replace("#/$defs/", "#/components/schemas/") if k == "$ref" else v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_to_components(v) for v in value]
    return value


def test_openapi_document_and_docs_page(server):
    spec = call(server.url, "GET", "/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    for path in ("/v1/lint", "/v1/fix", "/v1/report", "/v1/rules", "/v1/rules/{rule_id}", "/v2/check",
                 "/v2/languages", "/healthz", "/metrics"):
        assert path in spec["paths"], path
    # The report schema is the JSON contract of docs/json-schema.json, not a second one.
    components = spec["components"]["schemas"]
    contract = _to_components(SCHEMA)
    assert components["violation"] == contract["$defs"]["violation"]
    assert components["file"] == contract["$defs"]["file"]
    assert components["report"] == {k: v for k, v in contract.items() if k not in ("$schema", "$id", "title", "description", "$defs")}
    assert spec == openapi.spec()
    docs = call(server.url, "GET", "/docs")
    assert docs.status == 200 and "/v2/check" in docs.text and "<script" not in docs.text
    assert "script-src" not in docs.headers["content-security-policy"]


def _metrics(server) -> dict[tuple[str, tuple], float]:
    text = call(server.url, "GET", "/metrics").text
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def test_metrics_count_requests_documents_findings_and_errors(server):
    before = _metrics(server)
    report = call(server.url, "POST", "/v1/lint", {"text": ARTICLE}).json()
    call(server.url, "POST", "/v1/lint", {"text": 7})
    after = _metrics(server)

    def delta(name, **labels):
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0) - before.get(key, 0)

    assert delta("stylelint_http_requests_total", method="POST", route="/v1/lint", status="200") == 1
    assert delta("stylelint_http_requests_total", method="POST", route="/v1/lint", status="422") == 1
    assert delta("stylelint_documents_total", endpoint="lint") == 1
    for rule, n in report["summary"]["by_rule"].items():
        assert delta("stylelint_findings_total", rule=rule) == n
    assert delta("stylelint_errors_total", kind="invalid") == 1
    assert delta("stylelint_http_request_duration_seconds_count", route="/v1/lint") == 2
    assert after[("stylelint_workers", (("state", "busy"),))] == 0
    assert ("stylelint_info", (("version", report["tool"]["version"]),)) in after


def operator_builds(site: Path) -> Counter:
    """How often each process built the operator's rules (not those of a request's inline settings)."""
    lines = (site / "builds.txt").read_text().split()
    return Counter(pid for pid, _, kind in (ln.partition(":") for ln in lines) if kind == "operator")


def test_rules_are_built_once_per_worker(server, site):
    for _ in range(12):
        assert call(server.url, "POST", "/v1/lint", {"text": SHORT}).status == 200
    # Built at start, once in each of the two workers, and never again (requests with
    # inline settings, as in the tests above, build their own linter, once per worker).
    assert sorted(operator_builds(site).values()) == [1, 1]


def test_the_log_has_one_line_per_error_and_no_traceback(server):
    assert "Traceback" not in server.log
    for line in errors_logged(server):
        assert line.count("\n") == 1


# -- time limits -------------------------------------------------------------


@pytest.fixture(scope="module")
def slow_site(tmp_path_factory):
    return operator_folder(tmp_path_factory.mktemp("slow"))


@pytest.fixture(scope="module")
def slow_server(slow_site):
    with serve("--workers", "2", "--timeout", "1", cwd=slow_site, env=env_for(slow_site)) as srv:
        yield srv


def test_a_stuck_document_gets_503_and_the_server_goes_on(slow_server, slow_site):
    url = slow_server.url
    result = {}

    def stuck():
        result["answer"] = call(url, "POST", "/v1/lint", {"text": "A rule loops on STYLELINT-LOOP here."})

    thread = threading.Thread(target=stuck)
    thread.start()
    # While one worker is stuck, the other answers.
    for _ in range(5):
        assert call(url, "POST", "/v1/lint", {"text": SHORT}).status == 200
    thread.join(60)
    answer = result["answer"]
    assert answer.status == 503
    error = answer.json()["error"]
    assert error["field"] == "text" and "time limit (1 s)" in error["message"]
    assert slow_server.wait_for_line(r"worker \d replaced")
    # A batch names the document that was stuck.
    batch = call(url, "POST", "/v1/lint", {"documents": [{"text": SHORT}, {"text": "STYLELINT-LOOP"}]})
    assert batch.status == 503 and batch.json()["error"]["field"] == "documents[1]"
    for _ in range(4):
        assert call(url, "POST", "/v1/lint", {"text": SHORT}).status == 200
    assert slow_server.wait_for_line(r"worker \d replaced", count=2)
    health = call(url, "GET", "/healthz").json()
    assert health["restarts"] == 2
    metrics = call(url, "GET", "/metrics").text
    assert "stylelint_worker_restarts_total 2.0" in metrics
    assert 'stylelint_errors_total{kind="timeout"} 2.0' in metrics
    # Each worker process built the rules once: the two first, and one for each replacement.
    builds = operator_builds(slow_site)
    assert len(builds) == 4 and set(builds.values()) == {1}
    assert "Traceback" not in slow_server.log


# -- token, CORS, a full queue, SIGTERM ----------------------------------------


@pytest.fixture
def guarded(tmp_path):
    """One worker, no queue, a bearer token and one CORS origin; the config named by --config."""
    site = operator_folder(tmp_path / "site")
    (tmp_path / "token").write_text("s3cret-token\n")
    elsewhere = tmp_path / "run"
    elsewhere.mkdir()
    args = ("--workers", "1", "--queue", "0", "--config", str(site / "stylelint.toml"),
            "--token-file", str(tmp_path / "token"), "--cors-origin", "https://cms.example.org")
    with serve(*args, cwd=elsewhere, env=env_for(site)) as srv:
        yield srv, site


AUTH = {"authorization": "Bearer s3cret-token"}


def test_token_cors_full_queue_and_sigterm(guarded):
    srv, site = guarded
    url = srv.url
    # The token.
    refused = call(url, "POST", "/v1/lint", {"text": SHORT})
    assert refused.status == 401
    assert refused.json()["error"]["field"] == "authorization"
    assert refused.headers["www-authenticate"].startswith("Bearer")
    assert call(url, "POST", "/v1/lint", {"text": SHORT}, {"authorization": "Bearer wrong"}).status == 401
    assert call(url, "POST", "/v1/lint", {"text": SHORT}, AUTH).status == 200
    assert call(url, "GET", "/metrics").status == 401
    assert call(url, "GET", "/healthz").status == 200 and call(url, "GET", "/").status == 200
    form = "language=en-US&text=It+was+Dec.+7th."
    lt = call(url, "POST", "/v2/check", form + "&apiKey=s3cret-token", {"content-type": "application/x-www-form-urlencoded"})
    assert lt.status == 200 and lt.json()["matches"]
    assert call(url, "POST", "/v2/check", form, {"content-type": "application/x-www-form-urlencoded"}).status == 401
    # CORS: the allowed origin only; a preflight needs no token.
    origin = {"origin": "https://cms.example.org"}
    preflight = call(url, "OPTIONS", "/v1/lint", None, {**origin, "access-control-request-method": "POST",
                                                       "access-control-request-headers": "authorization, content-type"})
    assert preflight.status == 200
    assert preflight.headers["access-control-allow-origin"] == "https://cms.example.org"
    simple = call(url, "POST", "/v1/lint", {"text": SHORT}, {**AUTH, **origin})
    assert simple.headers["access-control-allow-origin"] == "https://cms.example.org"
    assert "stylelint-exit-code" in simple.headers["access-control-expose-headers"]
    other = call(url, "POST", "/v1/lint", {"text": SHORT}, {**AUTH, "origin": "https://evil.example.com"})
    assert "access-control-allow-origin" not in other.headers

    # A request in flight holds the only worker (the rule waits for a file).
    held = {}

    def hold():
        held["answer"] = call(url, "POST", "/v1/lint", {"text": "STYLELINT-WAIT here."}, AUTH)

    thread = threading.Thread(target=hold)
    thread.start()
    started = site / "started"
    for _ in range(3000):
        if started.exists() or not thread.is_alive():
            break
        threading.Event().wait(0.01)
    assert started.exists(), srv.log
    # No queue: the next request is refused at once.
    full = call(url, "POST", "/v1/lint", {"text": SHORT}, AUTH)
    assert full.status == 503
    assert int(full.headers["retry-after"]) >= 1
    assert "queue is full" in full.json()["error"]["message"]

    # SIGTERM: no new connections, the request in flight finishes, exit 0.
    srv.process.send_signal(signal.SIGTERM)
    assert srv.wait_for_line("Shutting down")
    with pytest.raises(OSError):
        call(url, "GET", "/healthz", timeout=5)
    assert thread.is_alive()
    (site / "release").write_text("")
    thread.join(60)
    assert held["answer"].status == 200
    assert held["answer"].json()["summary"]["files"] == 1
    assert srv.process.wait(60) == 0
    assert srv.wait_for_line("stylelint.serve: stopped")
    assert "Traceback" not in srv.log


# -- refusing to start -------------------------------------------------------------


def _serve_fails(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "stylelint", "serve", "--port", "0", *args], cwd=cwd,
                          env={**os.environ, **ENV, **(env or {})}, capture_output=True, text=True, timeout=120)


def test_bad_config_token_file_or_plugin_is_one_line_exit_2(tmp_path):
    (tmp_path / "bad.toml").write_text('profile = "times"\n')
    done = _serve_fails("--config", str(tmp_path / "bad.toml"), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("stylelint serve: error: ")
    assert "unknown profile 'times'" in done.stderr and "Traceback" not in done.stderr
    done = _serve_fails("--token-file", str(tmp_path / "missing"), cwd=tmp_path)
    assert done.returncode == 2 and "--token-file" in done.stderr
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "broken.py").write_text("import no_such_module_anywhere\n")
    (tmp_path / "stylelint.toml").write_text('rules_dirs = ["rules"]\n')
    done = _serve_fails("--workers", "1", cwd=tmp_path)
    assert done.returncode == 2
    assert "broken.py: plugin failed to import" in done.stderr and "Traceback" not in done.stderr
