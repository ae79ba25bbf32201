"""House rules written as data: TOML tables and TSV/CSV word lists.

A newsroom writes rules without Python, in its config (``[[rules]]``) or in a
rules folder (``rules_dirs``): each ``*.toml`` file holds ``[[rule]]`` tables,
and each ``ABC123-some-name.tsv`` (or ``.csv``) file is a dictionary of
``wrong<TAB>right`` lines whose file name gives the rule id and name.

A rule table::

    [[rule]]
    id = "HSE001"
    name = "house-words"
    kind = "substitution"          # existence | substitution | pattern | consistency | dictionary
    summary = "Use the house spelling."
    severity = "warning"
    swap = { "advisor" = "adviser", "Kiev" = "Kyiv" }
    examples = [{ wrong = "The advisor spoke.", right = "The adviser spoke." }]
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from stylelint.config.errors import ConfigError
from stylelint.config.toml import read_toml
from stylelint.model.document import BLOCK_KINDS
from stylelint.model.findings import Severity
from stylelint.rule.backtracking import exponential_shape
from stylelint.rule.base import RULE_ID, RULE_NAME, Example, Rule
from stylelint.rule.kinds import (
    Consistency,
    Dictionary,
    DictionaryError,
    Existence,
    Pattern,
    Substitution,
)

KINDS: dict[str, type[Rule]] = {
    "existence": Existence,
    "substitution": Substitution,
    "pattern": Pattern,
    "consistency": Consistency,
    "dictionary": Dictionary,
}

_COMMON = {
    "id", "name", "kind", "summary", "rationale", "severity", "source", "scopes", "in_quotes",
    "examples", "message", "fixable", "profiles", "residue",
}
_KIND_KEYS = {
    "existence": {"terms", "case_sensitive"},
    "substitution": {"swap", "case_sensitive"},
    "pattern": {"pattern", "suggestion", "ignore_case"},
    "consistency": {"groups"},
    "dictionary": {"paths", "path", "case_sensitive"},
}
_REQUIRED = {
    "existence": "terms",
    "substitution": "swap",
    "pattern": "pattern",
    "consistency": "groups",
    "dictionary": "paths",
}


def validate_rule_table(table: Mapping[str, Any], origin: str, root: str) -> dict[str, Any]:
    """Check a rule table and return the keyword arguments of its rule class."""

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{origin}: {key}: {problem}")

    kind = table.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:  # a list or a table is no kind (and not hashable)
        raise fail("kind", f"got {kind!r} (allowed: {', '.join(KINDS)})")
    allowed = _COMMON | _KIND_KEYS[kind]
    for key in table:
        if key not in allowed:
            raise fail(key, f"unknown key for a {kind} rule (allowed: {', '.join(sorted(allowed))})")
    rule_id = table.get("id")
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise fail("id", f"got {rule_id!r}; a rule id is three capital letters and three digits, like 'HSE001'")
    name = table.get("name", rule_id.lower())
    if not isinstance(name, str) or not RULE_NAME.match(name):
        raise fail("name", f"got {name!r}; use kebab-case, like 'house-spelling'")
    out: dict[str, Any] = {"kind": kind, "id": rule_id, "name": name}
    if kind == "dictionary" and "path" in table:
        table = {**table, "paths": [table["path"]]}
        table.pop("path")
    if _REQUIRED[kind] not in table:
        raise fail(_REQUIRED[kind], f"required for a {kind} rule")
    for key, value in table.items():
        if key in ("kind", "id", "name"):
            continue
        if key in ("summary", "rationale", "source", "message", "pattern", "suggestion"):
            if not isinstance(value, str):
                raise fail(key, f"expected a string, got {value!r}")
        elif key == "severity":
            try:
                value = Severity.parse(value)
            except ValueError:
                raise fail(key, f"got {value!r} (allowed: error, warning, info)") from None
        elif key in ("in_quotes", "case_sensitive", "ignore_case", "residue"):
            if not isinstance(value, bool):
                raise fail(key, f"expected true or false, got {value!r}")
        elif key in ("scopes", "terms", "profiles"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(key, "expected a list of strings")
            value = tuple(value)
            unknown = sorted(set(value) - set(BLOCK_KINDS)) if key == "scopes" else []
            if unknown:
                raise fail(key, f"unknown block kind {unknown[0]!r} (allowed: {', '.join(BLOCK_KINDS)})")
        elif key == "swap":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise fail(key, 'expected a table of "wrong" = "right"')
        elif key == "groups":
            if not isinstance(value, list) or not all(
                isinstance(g, list) and len(g) >= 2 and all(isinstance(v, str) for v in g) for g in value
            ):
                raise fail(key, 'expected a list of variant lists, like [["adviser", "advisor"]]')
            value = tuple(tuple(g) for g in value)
        elif key == "paths":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(key, "expected a path or a list of paths")
            value = tuple(os.path.normpath(os.path.join(root, p)) for p in value)
            for p in value:
                if not os.path.isfile(p):
                    raise fail(key, f"no such file: {p}")
        elif key == "fixable":
            if value not in ("safe", "unsafe"):
                raise fail(key, f"got {value!r} (allowed: safe, unsafe)")
        elif key == "examples":
            value = _examples(value, fail)
        out[key] = value
    fields = _PLACEHOLDERS[kind]
    if kind == "pattern":
        import regex

        try:
            compiled = regex.compile(out["pattern"], regex.V1)
        except (regex.error, OverflowError, RecursionError) as exc:
            raise fail("pattern", f"invalid regular expression: {exc}") from None
        shape = exponential_shape(out["pattern"])
        if shape:
            raise fail("pattern", f"can take exponential time on some lines: {shape}; rewrite it")
        fields = fields | set(compiled.groupindex)
    for key in ("message", "suggestion"):
        if key in out:
            problem = _template_problem(out[key], fields)
            if problem:
                raise fail(key, problem)
    out.setdefault("summary", out.get("message", name.replace("-", " ")).replace("{match}", "…"))
    return out


#: The ``{placeholders}`` each kind fills in its message (a pattern adds its named groups).
_PLACEHOLDERS: dict[str, set[str]] = {
    "existence": {"match"},
    "substitution": {"match", "suggestion"},
    "dictionary": {"match", "suggestion"},
    "consistency": {"match", "first"},
    "pattern": {"match"},
}


def _template_problem(template: str, fields: set[str]) -> str | None:
    """Why ``template`` cannot be filled with ``fields``, or None (checked at load, not on every file)."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as exc:
        return f"not a valid template ({exc}); write a literal brace as {{{{ or }}}}"
    unknown = sorted({n.split(".")[0].split("[")[0] for n in names} - fields)
    if unknown:
        return f"unknown placeholder {{{unknown[0]}}} (allowed: {', '.join('{' + f + '}' for f in sorted(fields))})"
    try:
        template.format(**{f: "x" for f in fields})
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as exc:
        return f"not a valid template ({exc}); write a literal brace as {{{{ or }}}}"
    return None


def _examples(value: Any, fail) -> tuple[Example, ...]:
    if not isinstance(value, list):
        raise fail("examples", "expected a list of {wrong = ..., right = ...} tables")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or not ({"wrong", "right"} & set(item)):
            raise fail(f"examples[{i}]", "expected a table with 'wrong' and/or 'right'")
        extra = set(item) - {"wrong", "right", "format", "note", "profile"}
        if extra:
            raise fail(f"examples[{i}].{sorted(extra)[0]}", "unknown key (allowed: format, note, profile, right, wrong)")
        out.append(Example(**item))
    return tuple(out)


def build_rule(spec: Mapping[str, Any], plugin: str) -> Rule:
    """Instantiate a validated rule table."""
    kwargs = dict(spec)
    cls = KINDS[kwargs.pop("kind")]
    try:
        rule = cls(**kwargs)
    except DictionaryError as exc:
        raise ConfigError(str(exc)) from None
    rule.plugin = plugin
    return rule


_DICT_FILE = re.compile(r"^(?P<id>[A-Z]{3}\d{3})-(?P<name>[a-z0-9]+(?:-[a-z0-9]+)*)$")


def rules_from_file(path: Path) -> list[Rule]:
    """Rules declared by one data file of a rules folder (TOML, TSV or CSV)."""

    plugin = f"rules-dir:{path.parent}"
    if path.suffix == ".toml":
        data = read_toml(path)
        tables = data.get("rule", [])
        extra = set(data) - {"rule"}
        if extra:
            raise ConfigError(f"{path}: {sorted(extra)[0]}: unknown key (a rules file holds [[rule]] tables)")
        if not isinstance(tables, list):
            raise ConfigError(f"{path}: rule: expected [[rule]] tables")
        return [
            build_rule(validate_rule_table(t, f"{path}: rule[{i}]", str(path.parent)), plugin)
            for i, t in enumerate(tables)
        ]
    m = _DICT_FILE.match(path.stem)
    if not m:
        raise ConfigError(
            f"{path}: name a dictionary file after its rule, like 'HSE001-house-words{path.suffix}'"
        )
    spec = {
        "kind": "dictionary",
        "id": m["id"],
        "name": m["name"],
        "paths": [str(path)],
        "summary": f"House word list {path.name}.",
        "rationale": f"The style desk's word list `{path.name}`: each line is a wrong form and the house form.",
    }
    return [build_rule(validate_rule_table(spec, str(path), str(path.parent)), plugin)]


def dictionary_rules(config) -> list[Rule]:
    """Rules for the config's ``dictionaries`` list.

    Plain paths share the rule ``SPL900`` (house-dictionary); a table with its
    own ``id`` becomes a rule of its own.
    """
    shared: list[str] = []
    rules: list[Rule] = []
    for entry in config.dictionaries:
        if "id" in entry:
            spec = {k: v for k, v in entry.items() if k != "path"}
            spec.update(kind="dictionary", paths=[entry["path"]])
            spec.setdefault("name", entry["id"].lower())
            rules.append(build_rule(validate_rule_table(spec, f"{config.path}: dictionaries", "/"), "config"))
        else:
            shared.append(entry["path"])
    if shared:
        rules.append(
            build_rule(
                validate_rule_table(
                    {
                        "kind": "dictionary",
                        "id": "SPL900",
                        "name": "house-dictionary",
                        "paths": shared,
                        "summary": "Words the style desk's dictionary files correct.",
                        "rationale": "The newsroom's own word lists, from `dictionaries` in its config.",
                    },
                    f"{config.path}: dictionaries",
                    "/",
                ),
                "config",
            )
        )
    return rules
