"""The service's OpenAPI 3.1 document (``GET /openapi.json``) and its ``/docs`` page.

Written out rather than derived from handler signatures: the request model
is :mod:`stylelint.interfaces.requests` (validated there, with errors that
name the field), and the report is the JSON contract of
``docs/json-schema.json`` (a test checks that the two schemas agree), with
two fields only the service adds: ``utf16_offset`` and ``utf16_end_offset``.

Offsets: ``offset``/``end_offset`` count Unicode code points of the
submitted text (Python string indexes); ``utf16_offset``/``utf16_end_offset``
count UTF-16 code units (JavaScript string indexes: a character outside the
Basic Multilingual Plane, such as most emoji, counts two). ``line`` and
``column`` are 1-based and count code points. LanguageTool's ``offset`` and
``length`` count UTF-16 code units of the whole text (markup included).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from stylelint import __version__
from stylelint.config.profiles import PROFILES, SETTINGS
from stylelint.interfaces.requests import FILE_RULE_KINDS

OFFSETS = __doc__.split("Offsets: ", 1)[1].strip()

_RULE_PREFIX = {"type": "string", "pattern": "^(ALL|[A-Z]{1,3}[0-9]{0,3})$"}
_SEVERITY = {"enum": ["error", "warning", "info"]}
_JSON_TYPES = {str: "string", bool: "boolean", int: "integer", float: "number", list: "array"}


def _setting(kind: type, allowed: tuple[Any, ...] | None, help_: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": _JSON_TYPES.get(kind, "string"), "description": help_}
    if allowed:
        schema["enum"] = list(allowed)
    if kind is list:
        schema["items"] = {"type": "string"}
    if kind is float:
        schema["type"] = "number"
    return schema


def _settings_keys() -> dict[str, Any]:
    """The keys a request may set (``INLINE_KEYS``), as JSON Schema."""
    return {
        "profile": {"enum": sorted(PROFILES), "description": "House style."},
        "select": {"type": "array", "items": _RULE_PREFIX, "description": "Rule ids or prefixes to run (replaces the profile's set)."},
        "extend_select": {"type": "array", "items": _RULE_PREFIX, "description": "Rule ids or prefixes to run besides the profile's set."},
        "ignore": {"type": "array", "items": _RULE_PREFIX, "description": "Rule ids or prefixes to skip."},
        "severity": {"type": "object", "additionalProperties": _SEVERITY, "description": "Severity by rule id or prefix."},
        "fail_on": {**_SEVERITY, "description": "Lowest severity that fails (the Stylelint-Exit-Code header)."},
        "settings": {
            "type": "object",
            "additionalProperties": False,
            "properties": {k: _setting(*v) for k, v in SETTINGS.items()},
            "description": "Profile settings to override.",
        },
        "rule_options": {"type": "object", "additionalProperties": {"type": "object"}, "description": "Options by rule id."},
        "accept": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["rule"],
                "additionalProperties": False,
                "properties": {"rule": {"type": "string"}, "match": {"type": "string"}},
            },
            "description": "Findings an editor accepted, by rule (id or prefix) and matched text: not reported.",
        },
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "kind"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[A-Z]{3}[0-9]{3}$"},
                    "kind": {"enum": ["existence", "substitution", "pattern", "consistency"]},
                },
            },
            "description": f"Inline rule tables, as [[rules]] in stylelint.toml (not the kinds that read files: {', '.join(FILE_RULE_KINDS)}).",
        },
        "content_selector": {"type": "string", "minLength": 1, "description": "HTML pages: a CSS selector for the article."},
    }


def _document(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    keys = _settings_keys()
    props: dict[str, Any] = {
        "text": {"type": "string", "description": "The article source."},
        "format": {"enum": ["text", "markdown", "html"], "description": "Default: detected from the path or the content."},
        "path": {"type": "string", "description": "A name for the report, format detection and the operator's overrides; never read."},
        **keys,
        "config": {"type": "object", "additionalProperties": False, "properties": keys,
                   "description": "The same settings, as a table."},
        **(extra or {}),
    }
    return {"type": "object", "required": ["text"], "additionalProperties": False, "properties": props}


def _request(name: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    batch: dict[str, Any] = {
        "type": "object",
        "required": ["documents"],
        "additionalProperties": False,
        "properties": {"documents": {"type": "array", "maxItems": 100, "items": {"$ref": f"#/components/schemas/{name}Document"}},
                       **(extra or {})},
    }
    return {"oneOf": [{"$ref": f"#/components/schemas/{name}Document"}, batch]}


def report_schemas() -> dict[str, Any]:
    """The JSON contract (``docs/json-schema.json``) as components, with the service's UTF-16 offsets."""
    violation = {
        "type": "object",
        "required": ["rule", "name", "severity", "message", "line", "column", "end_line", "end_column",
                     "offset", "end_offset", "match", "suggestion", "fix", "approximate"],
        "additionalProperties": False,
        "properties": {
            "rule": {"type": "string", "pattern": "^[A-Z]{3}\\d{3}$"},
            "name": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "severity": _SEVERITY,
            "message": {"type": "string", "minLength": 1},
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "integer", "minimum": 1},
            "end_line": {"type": "integer", "minimum": 1},
            "end_column": {"type": "integer", "minimum": 1},
            "offset": {"type": "integer", "minimum": 0},
            "end_offset": {"type": "integer", "minimum": 0},
            "match": {"type": "string"},
            "suggestion": {"type": ["string", "null"]},
            "fix": {"oneOf": [{"type": "null"}, {
                "type": "object", "required": ["replacement", "safe"], "additionalProperties": False,
                "properties": {"replacement": {"type": "string"}, "safe": {"type": "boolean"}}}]},
            "approximate": {"type": "boolean"},
            "utf16_offset": {"type": "integer", "minimum": 0,
                             "description": "offset in UTF-16 code units (JavaScript string index); the HTTP service only."},
            "utf16_end_offset": {"type": "integer", "minimum": 0,
                                 "description": "end_offset in UTF-16 code units; the HTTP service only."},
        },
    }
    file = {
        "type": "object",
        "required": ["path", "format", "violations", "errors"],
        "additionalProperties": False,
        "properties": {
            "path": {"type": "string"},
            "format": {"type": ["string", "null"], "description": "The parser used; null when the file could not be read."},
            "violations": {"type": "array", "items": {"$ref": "#/components/schemas/violation"}},
            "errors": {"description": "Problems that kept this file from being read or linted in full (exit code 2), one line each.",
                       "type": "array", "items": {"type": "string"}},
            "warnings": {"description": "Problems with the input that the parser read past, such as front matter that does not "
                                        "parse (its text is then linted as prose); one line each, naming the line. They do not "
                                        "change the exit code. Absent from reports written before it was added.",
                         "type": "array", "items": {"type": "string"}},
        },
    }
    report = {
        "type": "object",
        "required": ["version", "tool", "files", "summary"],
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1},
            "tool": {"type": "object", "required": ["name", "version"], "additionalProperties": False,
                     "properties": {"name": {"const": "stylelint"}, "version": {"type": "string", "pattern": "^\\d+\\.\\d+\\.\\d+"}}},
            "files": {"type": "array", "items": {"$ref": "#/components/schemas/file"}},
            "errors": {"description": "Errors not tied to one file, such as a plugin that failed to load.",
                       "type": "array", "items": {"type": "string"}},
            "summary": {"type": "object", "required": ["files", "violations", "errors", "by_rule"], "additionalProperties": False,
                        "properties": {"files": {"type": "integer", "minimum": 0},
                                       "violations": {"type": "integer", "minimum": 0},
                                       "errors": {"type": "integer", "minimum": 0},
                                       "by_rule": {"type": "object", "propertyNames": {"pattern": "^[A-Z]{3}\\d{3}$"},
                                                   "additionalProperties": {"type": "integer", "minimum": 1}}}},
        },
    }
    return {"report": report, "file": file, "violation": violation}


def _error(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"description": description,
                           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/error"}}}}
    if headers:
        out["headers"] = headers
    return out


_RETRY = {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}}
_EXIT = {"Stylelint-Exit-Code": {"description": "What the CLI would exit with: 0 clean, 1 findings at or above fail_on, 2 errors.",
                                 "schema": {"type": "integer", "enum": [0, 1, 2]}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {
        400: "Malformed request (not JSON, not UTF-8, a missing parameter); `error.field` names it.",
        401: "A bearer token is required (`Authorization: Bearer TOKEN`).",
        404: "No such rule.",
        413: "The body is over the server's `--max-bytes`.",
        415: "A body that is not form-encoded (LanguageTool's API).",
        422: "A field of the wrong type or value, a refused key (one that names a file or code), an unknown format, profile or rule id; `error.field` names it.",
        503: "A document ran past `--timeout` (its worker was replaced), or every worker is busy and the queue is full (`Retry-After`).",
    }
    out = {str(c): _error(text[c], _RETRY if c == 503 else None) for c in codes}
    return out


def _json_ok(ref: str, description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"description": description,
                           "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}
    if headers:
        out["headers"] = headers
    return out


def _lt_params() -> list[dict[str, Any]]:
    p = [
        ("text", "Plain text to check (or `data`).", {"type": "string"}),
        ("data", "LanguageTool AnnotatedText JSON: markup parts are skipped, offsets count the whole string.", {"type": "string"}),
        ("language", "en-US, en-GB (the British profile), en or auto.", {"type": "string", "enum": ["auto", "en", "en-US", "en-GB"]}),
        ("enabledRules", "Comma-separated rule ids to add.", {"type": "string"}),
        ("disabledRules", "Comma-separated rule ids to skip.", {"type": "string"}),
        ("enabledCategories", "Comma-separated families (ATT, HON...) to add.", {"type": "string"}),
        ("disabledCategories", "Comma-separated families to skip.", {"type": "string"}),
        ("enabledOnly", "true: only the enabled rules and categories.", {"type": "string", "enum": ["true", "false"]}),
        ("level", "picky adds the rules that are off by default.", {"type": "string", "enum": ["default", "picky"]}),
        ("preferredVariants", "With language=auto: en-GB picks the British profile.", {"type": "string"}),
    ]
    return [{"name": n, "in": "query", "description": d, "schema": s, "required": False} for n, d, s in p]


def spec(*, token: bool = False) -> dict[str, Any]:
    """The OpenAPI document."""
    lt_form = {
        "type": "object",
        "properties": {p["name"]: {**p["schema"], "description": p["description"]} for p in _lt_params()},
        "required": ["language"],
    }
    schemas: dict[str, Any] = {
        "LintDocument": _document(),
        "FixDocument": _document({"unsafe": {"type": "boolean", "description": "Apply unsafe fixes too."}}),
        "LintRequest": _request("Lint"),
        "FixRequest": _request("Fix", {"unsafe": {"type": "boolean", "description": "Apply unsafe fixes too."}}),
        **report_schemas(),
        "error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {"type": "object", "required": ["status", "message"], "properties": {
                    "status": {"type": "integer"},
                    "field": {"type": ["string", "null"], "description": "The request field at fault (`documents[2].select`)."},
                    "message": {"type": "string", "description": "One line, starting with the field."}}},
                "errors": {"type": "array", "items": {"type": "object"}, "description": "Every bad field, when there are several."},
            },
        },
        "fixAnswer": {
            "type": "object",
            "required": ["files", "report"],
            "properties": {
                "files": {"type": "array", "items": {"type": "object", "required": ["path", "text", "changed", "diff"], "properties": {
                    "path": {"type": "string"}, "format": {"type": ["string", "null"]},
                    "text": {"type": "string", "description": "The fixed text."},
                    "changed": {"type": "boolean"}, "diff": {"type": "string", "description": "Unified diff; empty when unchanged."},
                    "passes": {"type": "integer"}, "converged": {"type": "boolean"},
                    "applied": {"type": "array", "items": {"type": "object"}},
                    "skipped": {"type": "array", "items": {"type": "object"}, "description": "Fixes not applied, and why."},
                    "unsafe_available": {"type": "integer"}}}},
                "report": {"$ref": "#/components/schemas/report"},
            },
        },
        "reportAnswer": {"type": "object", "required": ["sections", "rules", "report"], "properties": {
            "sections": {"type": "array", "items": {"type": "string"}, "description": "Each file's <section>, as HTML."},
            "rules": {"type": "string", "description": "The rules' documentation <section>, as HTML (empty without findings)."},
            "report": {"$ref": "#/components/schemas/report"}}},
        "rule": {"type": "object", "required": ["id", "name", "severity", "family", "enabled", "summary"], "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "severity": _SEVERITY, "family": {"type": "string"},
            "plugin": {"type": "string"}, "enabled": {"type": "boolean"}, "summary": {"type": "string"},
            "fixable": {"type": ["string", "null"]}, "docs": {"type": "string"}}},
        "rules": {"type": "object", "required": ["profile", "rules"], "properties": {
            "profile": {"type": "string"}, "rules": {"type": "array", "items": {"$ref": "#/components/schemas/rule"}}}},
        "profiles": {"type": "object", "required": ["default", "profiles"], "properties": {
            "default": {"type": "string"},
            "profiles": {"type": "array", "items": {"type": "object", "required": ["name", "description", "language"]}}}},
        "health": {"type": "object", "required": ["status"], "properties": {
            "status": {"enum": ["ok", "starting", "stopping"]}, "version": {"type": "string"},
            "workers": {"type": "integer"}, "busy": {"type": "integer"}, "queued": {"type": "integer"},
            "restarts": {"type": "integer"}}},
        "ltCheck": {"type": "object", "required": ["software", "language", "matches"], "properties": {
            "software": {"type": "object"}, "warnings": {"type": "object"}, "language": {"type": "object"},
            "matches": {"type": "array", "items": {"type": "object", "required": ["message", "offset", "length", "rule"], "properties": {
                "message": {"type": "string"}, "shortMessage": {"type": "string"},
                "offset": {"type": "integer", "minimum": 0, "description": "UTF-16 code units of the whole text."},
                "length": {"type": "integer", "minimum": 0, "description": "UTF-16 code units."},
                "replacements": {"type": "array", "items": {"type": "object", "properties": {"value": {"type": "string"}}}},
                "context": {"type": "object"}, "sentence": {"type": "string"}, "rule": {"type": "object"}}}}}},
        "ltLanguages": {"type": "array", "items": {"type": "object", "required": ["name", "code", "longCode"]}},
    }
    lint_body = {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LintRequest"}}}}
    fix_body = {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FixRequest"}}}}
    auth = [401] if token else []
    paths: dict[str, Any] = {
        "/v1/lint": {"post": {
            "operationId": "lint", "summary": "Lint one document or a batch",
            "description": "The body is one document or `{\"documents\": [...]}` (the keys of `stylelint --stdin-json`); "
                           "inline settings only, layered over the operator's configuration. " + OFFSETS,
            "requestBody": lint_body,
            "responses": {"200": _json_ok("report", "The JSON report (contract version 1).", _EXIT), **_errors(400, *auth, 413, 422, 503)}}},
        "/v1/fix": {"post": {
            "operationId": "fix", "summary": "Fix one document or a batch",
            "description": "Safe fixes (all with `\"unsafe\": true`), re-linted until nothing changes: the fixed text, the diff, what remains.",
            "requestBody": fix_body,
            "responses": {"200": _json_ok("fixAnswer", "Fixed texts and the report of what remains.", _EXIT), **_errors(400, *auth, 413, 422, 503)}}},
        "/v1/report": {"post": {
            "operationId": "report", "summary": "The HTML report of one document or a batch",
            "description": "The article with every finding marked (as `stylelint --format html`); "
                           "`Accept: application/json` gives `{\"sections\", \"rules\", \"report\"}` instead: each file's "
                           "section and the rules' documentation as HTML fragments without the page's inline style "
                           "sheet (what the check page shows), and the JSON report.",
            "requestBody": lint_body,
            "responses": {"200": {"description": "The report.", "headers": _EXIT, "content": {
                "text/html": {"schema": {"type": "string"}},
                "application/json": {"schema": {"$ref": "#/components/schemas/reportAnswer"}}}},
                **_errors(400, *auth, 413, 422, 503)}}},
        "/v1/rules": {"get": {
            "operationId": "rules", "summary": "Every rule, and whether the profile runs it",
            "parameters": [{"name": "profile", "in": "query", "required": False, "schema": {"enum": sorted(PROFILES)}}],
            "responses": {"200": _json_ok("rules", "The rules."), **_errors(*auth, 422, 503)}}},
        "/v1/rules/{rule_id}": {"get": {
            "operationId": "rule", "summary": "A rule's documentation",
            "parameters": [
                {"name": "rule_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "format", "in": "query", "required": False, "schema": {"enum": ["json", "text", "markdown"]}},
                {"name": "profile", "in": "query", "required": False, "schema": {"enum": sorted(PROFILES)}},
            ],
            "responses": {"200": {"description": "The rule.", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/rule"}},
                "text/plain": {"schema": {"type": "string"}}, "text/markdown": {"schema": {"type": "string"}}}},
                **_errors(*auth, 404, 422, 503)}}},
        "/v1/profiles": {"get": {
            "operationId": "profiles", "summary": "The house profiles",
            "responses": {"200": _json_ok("profiles", "Profiles, the operator's default, and the language each writes.")}}},
        "/v2/check": {
            "get": {"operationId": "ltCheckGet", "summary": "LanguageTool-compatible check (query)",
                    "description": "LanguageTool's `/v2/check`, its parameters in the query string. `offset` and `length` "
                                   "count UTF-16 code units of the whole text (markup included).",
                    "parameters": _lt_params(),
                    "responses": {"200": _json_ok("ltCheck", "LanguageTool's answer shape."), **_errors(400, *auth, 413, 503)}},
            "post": {"operationId": "ltCheck", "summary": "LanguageTool-compatible check (form)",
                     "description": "LanguageTool's `/v2/check`, form-encoded as its clients send it. `offset` and "
                                    "`length` count UTF-16 code units of the whole text (markup included).",
                     "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": lt_form}}},
                     "responses": {"200": _json_ok("ltCheck", "LanguageTool's answer shape."), **_errors(400, *auth, 413, 415, 503)}},
        },
        "/v2/languages": {"get": {"operationId": "ltLanguages", "summary": "LanguageTool-compatible language list",
                                  "responses": {"200": _json_ok("ltLanguages", "English variants.")}}},
        "/healthz": {"get": {"operationId": "health", "summary": "Liveness and the workers' state",
                             "responses": {"200": _json_ok("health", "Serving."), "503": _json_ok("health", "No worker is ready.")}}},
        "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus metrics (text exposition format)",
                             "responses": {"200": {"description": "Metrics.", "content": {"text/plain": {"schema": {"type": "string"}}}},
                                           **_errors(*auth)}}},
    }
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "stylelint service",
            "version": __version__,
            "description": "House-style linting for news copy over HTTP: a native JSON API, a LanguageTool-compatible "
                           "API, and a check page for copy editors at `/`. " + OFFSETS,
        },
        "paths": paths,
        "components": {"schemas": schemas},
    }
    if token:
        doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        doc["security"] = [{"bearer": []}]
    return doc


DOCS_CSS = """body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;color:#1f1f1f}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
code,pre{font:13px/1.45 ui-monospace,Menlo,Consolas,monospace}pre{background:#f6f6f4;padding:.6rem;overflow:auto;max-height:24rem}
.m{display:inline-block;min-width:3.5rem;font-weight:700}.get{color:#0d5aa7}.post{color:#1b5e20}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
details{margin:.3rem 0}"""


_CODE = re.compile(r"``(.+?)``|`([^`]+)`")


def _prose(text: str) -> str:
    """A description's text, escaped, with its `code` spans as <code>."""
    return _CODE.sub(lambda m: f"<code>{m.group(1) or m.group(2)}</code>", html.escape(text, quote=False))


def docs_page(document: dict[str, Any]) -> str:
    """``GET /docs``: the OpenAPI document as a page, rendered here (no script, nothing loaded from elsewhere)."""
    e = html.escape
    info = document["info"]
    out = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{e(info['title'])} {e(info['version'])}: API</title>",
        "<link rel='stylesheet' href='/static/docs.css'></head><body>",
        f"<h1>{e(info['title'])} <small>{e(info['version'])}</small></h1>",
        f"<p>{_prose(info['description'])}</p>",
        "<p>Machine-readable: <a href='/openapi.json'>/openapi.json</a> (OpenAPI 3.1). The check page: <a href='/'>/</a>.</p>",
    ]
    for path, ops in document["paths"].items():
        for method, op in ops.items():
            out.append(f"<h2 id='{e(op['operationId'])}'><span class='m {method}'>{method.upper()}</span> <code>{e(path)}</code></h2>")
            out.append(f"<p><strong>{e(op.get('summary', ''))}</strong></p>")
            if op.get("description"):
                out.append(f"<p>{_prose(op['description'])}</p>")
            params = op.get("parameters") or []
            if params:
                out.append("<table><tr><th>parameter</th><th>in</th><th>schema</th><th>description</th></tr>")
                for p in params:
                    out.append(f"<tr><td><code>{e(p['name'])}</code></td><td>{e(p['in'])}</td>"
                               f"<td><code>{e(json.dumps(p['schema']))}</code></td><td>{_prose(p.get('description', ''))}</td></tr>")
                out.append("</table>")
            body = op.get("requestBody")
            if body:
                for media, content in body["content"].items():
                    out.append(f"<details><summary>Request body: <code>{e(media)}</code></summary>"
                               f"<pre>{e(json.dumps(content['schema'], indent=2))}</pre></details>")
            out.append("<table><tr><th>status</th><th>meaning</th></tr>")
            for status, resp in op["responses"].items():
                out.append(f"<tr><td>{e(status)}</td><td>{_prose(resp['description'])}</td></tr>")
            out.append("</table>")
    out.append("<h2>Schemas</h2>")
    for name, schema in document["components"]["schemas"].items():
        out.append(f"<details id='schema-{e(name)}'><summary><code>{e(name)}</code></summary>"
                   f"<pre>{e(json.dumps(schema, indent=2))}</pre></details>")
    out.append("</body></html>\n")
    return "".join(out)

