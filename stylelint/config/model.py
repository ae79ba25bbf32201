"""Configuration: discovery, validation and per-file resolution.

A config file is ``stylelint.toml``, ``.stylelint.toml`` or the
``[tool.stylelint]`` table of ``pyproject.toml``, found from each linted
file's folder upward (the nearest wins), or given with ``--config``. Paths in
a config are relative to the file they are written in. Every key is checked:
an unknown key or a bad value is a :class:`ConfigError` that names the file,
the key and what is allowed.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path, PurePosixPath
from typing import Any

from stylelint.config.errors import ConfigError
from stylelint.config.profiles import DEFAULT_PROFILE, PROFILES, check_setting
from stylelint.config.toml import read_toml
from stylelint.model.findings import Severity

_RULE_PREFIX = re.compile(r"^[A-Z]{3}\d{0,3}$")
CONFIG_FILES = ("stylelint.toml", ".stylelint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
#: No article is this large; a larger limit is a typo (and overflows where sizes are C integers).
MAX_FILE_SIZE_LIMIT = 2**31
#: Seconds a rule may spend on a document, per megabyte of prose (at least this; see
#: stylelint.engine.budget and Linter.time_limit).
DEFAULT_RULE_TIME_LIMIT = 10.0


@dataclass(frozen=True)
class Override:
    """Settings that apply to files matching ``paths`` globs."""

    paths: tuple[str, ...]
    root: str
    values: Mapping[str, Any]


@dataclass(frozen=True)
class Config:
    """A resolved configuration.

    ``select`` empty means the profile's default rules. Prefixes match ids
    (``ATT`` selects the family, ``ATT001`` one rule, ``ALL`` everything).
    """

    path: str | None = None
    root: str = "."
    profile: str = DEFAULT_PROFILE
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    rules_dirs: tuple[str, ...] = ()
    dictionaries: tuple[Mapping[str, Any], ...] = ()
    exclude: tuple[str, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)
    rules: tuple[Mapping[str, Any], ...] = ()
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    plugins: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    content_selector: str | None = None
    accept: tuple[Mapping[str, str], ...] = ()
    rule_time_limit: float = DEFAULT_RULE_TIME_LIMIT

    def plugin_settings(self, name: str) -> Mapping[str, Any]:
        """The ``[plugins.NAME]`` table for a plugin (empty if absent)."""
        return self.plugins.get(name, {})

    def for_path(self, path: str | None) -> Config:
        """This config with the ``[[overrides]]`` that match ``path`` applied."""
        if not path or not self.overrides:
            return self
        resolved = self
        for ov in self.overrides:
            if _matches(path, ov.paths, ov.root):
                resolved = apply_values(resolved, ov.values)
        return replace(resolved, overrides=()) if resolved is not self else self

    def is_excluded(self, path: str) -> bool:
        """Whether ``exclude`` globs (relative to the config's folder) match."""
        return bool(self.exclude) and _matches(path, self.exclude, self.root)

    def cache_key(self, *, with_accept: bool = True) -> tuple:
        """A hashable key: equal keys lint identically (every field counts).

        ``with_accept=False`` leaves out the accepted findings: they are
        applied to each result, so one built linter serves every accept list.
        """
        return tuple(
            (f.name, repr(getattr(self, f.name))) for f in fields(self) if with_accept or f.name != "accept"
        )


def _matches(path: str, globs: Sequence[str], root: str) -> bool:
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, os.path.abspath(root))
    except ValueError:  # different drive on Windows
        rel = absolute
    rel_posix = PurePosixPath(*Path(rel).parts).as_posix()
    name = os.path.basename(path)
    for glob in globs:
        g = glob.rstrip("/")
        if fnmatch.fnmatch(rel_posix, g) or fnmatch.fnmatch(name, g):
            return True
        # A folder glob excludes everything under it.
        if fnmatch.fnmatch(rel_posix, g + "/*") or rel_posix.startswith(g + "/"):
            return True
        if fnmatch.fnmatch(absolute, g):
            return True
    return False


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

_TOP_KEYS = {
    "profile", "select", "extend_select", "ignore", "severity", "fail_on", "rules_dirs",
    "dictionaries", "exclude", "settings", "rules", "rule_options", "plugins", "overrides",
    "max_file_size", "content_selector", "accept", "rule_time_limit",
}
_OVERRIDE_KEYS = {
    "paths", "profile", "select", "extend_select", "ignore", "severity", "fail_on", "settings",
    "rule_options",
}


class _Validator:
    def __init__(self, origin: str, root: str) -> None:
        self.origin = origin
        self.root = root

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.origin}: {key}: {problem}")

    def str_list(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, f"expected a list of strings, got {value!r}")
        return tuple(value)

    def rule_prefixes(self, key: str, value: Any) -> tuple[str, ...]:
        items = self.str_list(key, value)
        for item in items:
            if item != "ALL" and not _RULE_PREFIX.match(item):
                raise self.fail(
                    key, f"{item!r} is not a rule id or prefix (like 'ATT', 'ATT001' or 'ALL')"
                )
        return items

    def severity_value(self, key: str, value: Any) -> Severity:
        try:
            return Severity.parse(value)
        except ValueError:
            raise self.fail(key, f"got {value!r} (allowed: error, warning, info)") from None

    def severity_table(self, key: str, value: Any) -> dict[str, Severity]:
        if not isinstance(value, dict):
            raise self.fail(key, "expected a table of rule id or prefix = severity")
        out = {}
        for rule, sev in value.items():
            self.rule_prefixes(f"{key}.{rule}", [rule])
            out[rule] = self.severity_value(f"{key}.{rule}", sev)
        return out

    def settings(self, key: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, "expected a table of settings")
        for k, v in value.items():
            problem = check_setting(k, v)
            if problem:
                raise self.fail(f"{key}.{k}", problem)
        return dict(value)

    def profile(self, key: str, value: Any) -> str:
        if value not in PROFILES:
            raise self.fail(key, f"unknown profile {value!r} (allowed: {', '.join(sorted(PROFILES))})")
        return value

    def paths(self, key: str, value: Any) -> tuple[str, ...]:
        return tuple(os.path.normpath(os.path.join(self.root, p)) for p in self.str_list(key, value))

    def table(self, key: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table, got {value!r}")
        return value


def validate_values(data: Mapping[str, Any], origin: str, root: str) -> dict[str, Any]:
    """Check a raw config table and convert it to :class:`Config` fields.

    :param origin: how errors name the table (a file, ``request: config``).
    :param root: the folder its relative paths are relative to.
    :raises ConfigError: naming ``origin``, the key and what is allowed.
    """
    v = _Validator(origin, root)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _TOP_KEYS:
            raise v.fail(key, f"unknown key (allowed: {', '.join(sorted(_TOP_KEYS))})")
        if key == "profile":
            out[key] = v.profile(key, value)
        elif key in ("select", "extend_select", "ignore"):
            out[key] = v.rule_prefixes(key, value)
        elif key == "severity":
            out[key] = v.severity_table(key, value)
        elif key == "fail_on":
            out[key] = v.severity_value(key, value)
        elif key == "rules_dirs":
            out[key] = v.paths(key, value)
        elif key == "dictionaries":
            out[key] = _dictionaries(v, value)
        elif key == "exclude":
            out[key] = v.str_list(key, value)
        elif key == "settings":
            out[key] = v.settings(key, value)
        elif key == "rules":
            if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
                raise v.fail(key, "expected an array of tables ([[rules]])")
            from stylelint.rule.declarative import validate_rule_table

            out[key] = tuple(validate_rule_table(t, f"{origin}: rules[{i}]", root) for i, t in enumerate(value))
        elif key == "rule_options":
            table = v.table(key, value)
            for rule_id, opts in table.items():
                v.rule_prefixes(f"{key}.{rule_id}", [rule_id])
                v.table(f"{key}.{rule_id}", opts)
            out[key] = table
        elif key == "plugins":
            table = v.table(key, value)
            for name, opts in table.items():
                v.table(f"{key}.{name}", opts)
            out[key] = table
        elif key == "overrides":
            out[key] = _overrides(v, value)
        elif key == "max_file_size":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= MAX_FILE_SIZE_LIMIT:
                raise v.fail(key, f"expected a positive number of bytes (at most {MAX_FILE_SIZE_LIMIT:,}), got {_short(value)}")
            out[key] = value
        elif key == "rule_time_limit":
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value <= 3600:
                raise v.fail(key, f"expected seconds, more than 0 and at most 3600, got {_short(value)}")
            out[key] = float(value)
        elif key == "content_selector":
            if not isinstance(value, str) or not value.strip():
                raise v.fail(key, "expected a CSS selector string")
            out[key] = value
        elif key == "accept":
            out[key] = _accept(v, value)
    return out


def _short(value: Any) -> str:
    """A value for an error message, cut short (a 10**1000 would fill the screen)."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else f"a {len(str(abs(value)))}-digit number"
    return text if len(text) <= 80 else text[:77] + "..."


def _dictionaries(v: _Validator, value: Any) -> tuple[Mapping[str, Any], ...]:
    if not isinstance(value, list):
        raise v.fail("dictionaries", "expected a list of file paths or tables {path = ..., id = ...}")
    out = []
    for i, item in enumerate(value):
        key = f"dictionaries[{i}]"
        if isinstance(item, str):
            item = {"path": item}
        if not isinstance(item, dict) or "path" not in item:
            raise v.fail(key, "expected a path or a table with 'path'")
        allowed = {"path", "id", "name", "severity", "message", "summary", "fixable"}
        extra = set(item) - allowed
        if extra:
            raise v.fail(f"{key}.{sorted(extra)[0]}", f"unknown key (allowed: {', '.join(sorted(allowed))})")
        path = os.path.normpath(os.path.join(v.root, item["path"]))
        if not os.path.isfile(path):
            raise v.fail(f"{key}.path", f"no such file: {path}")
        entry = dict(item, path=path)
        if "severity" in entry:
            entry["severity"] = str(v.severity_value(f"{key}.severity", entry["severity"]))
        out.append(entry)
    return tuple(out)


def _overrides(v: _Validator, value: Any) -> tuple[Override, ...]:
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        raise v.fail("overrides", "expected an array of tables ([[overrides]])")
    out = []
    for i, table in enumerate(value):
        key = f"overrides[{i}]"
        for k in table:
            if k not in _OVERRIDE_KEYS:
                raise v.fail(f"{key}.{k}", f"unknown key (allowed: {', '.join(sorted(_OVERRIDE_KEYS))})")
        if "paths" not in table:
            raise v.fail(key, "missing 'paths' (a list of globs)")
        paths = v.str_list(f"{key}.paths", table["paths"])
        values = validate_values({k: x for k, x in table.items() if k != "paths"}, f"{v.origin}: {key}", v.root)
        out.append(Override(paths, v.root, values))
    return tuple(out)


def _accept(v: _Validator, value: Any) -> tuple[Mapping[str, str], ...]:
    if not isinstance(value, list):
        raise v.fail("accept", "expected a list of {rule = ..., match = ...} tables")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or "rule" not in item:
            raise v.fail(f"accept[{i}]", "expected a table with 'rule' and optionally 'match'")
        out.append({"rule": str(item["rule"]), "match": str(item.get("match", ""))} if "match" in item else {"rule": str(item["rule"])})
    return tuple(out)


def apply_values(config: Config, values: Mapping[str, Any]) -> Config:
    """Layer values from :func:`validate_values` over ``config`` (settings and tables merge)."""
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key == "rules_dirs":
            changes[key] = tuple(dict.fromkeys((*config.rules_dirs, *value)))
        elif key in ("settings", "severity", "rule_options", "plugins"):
            merged = dict(getattr(config, key))
            merged.update(value)
            changes[key] = merged
        else:
            changes[key] = value
    return replace(config, **changes)


# ---------------------------------------------------------------------------
# Loading and discovery
# ---------------------------------------------------------------------------


def load_config(path: str | os.PathLike[str]) -> Config:
    """Load and validate one config file (TOML, or pyproject.toml's table)."""
    path = Path(path)
    data = read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("stylelint", {})
        origin = f"{path} [tool.stylelint]"
    else:
        origin = str(path)
    root = str(path.resolve().parent)
    return Config(path=str(path), root=root, **validate_values(data, origin, root))


def config_from_mapping(data: Mapping[str, Any], *, root: str = ".", origin: str = "config") -> Config:
    """Validate a config given as a dict (the Python API's ``config=``)."""
    root = os.path.abspath(root)
    return Config(path=None, root=root, **validate_values(dict(data), origin, root))


def find_config_file(start: str | os.PathLike[str]) -> Path | None:
    """The nearest config file from ``start`` (a folder) upward, or None."""
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file():
                if name == "pyproject.toml" and not _has_tool_table(path):
                    continue
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "[tool.stylelint" in text


class ConfigResolver:
    """Finds the config for each file once per folder, and caches it."""

    def __init__(self, explicit: Config | None = None, cli: Mapping[str, Any] | None = None) -> None:
        self.explicit = explicit
        self.cli = dict(cli or {})
        self._by_file: dict[Path | None, Config] = {}
        self._by_dir: dict[str, Path | None] = {}
        self._plain: dict[int, Config] = {}

    def for_path(self, path: str | None) -> Config:
        """The resolved config for ``path`` (None: stdin, from the cwd)."""
        if self.explicit is not None:
            base = self.explicit
            cfg_file: Path | None = Path(base.path) if base.path else None
        else:
            folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
            if folder not in self._by_dir:
                self._by_dir[folder] = find_config_file(Path(folder))
            cfg_file = self._by_dir[folder]
            if cfg_file not in self._by_file:
                self._by_file[cfg_file] = load_config(cfg_file) if cfg_file else Config(root=os.getcwd())
            base = self._by_file[cfg_file]
        if not base.overrides:
            # Same folder config, same answer: reuse one object, so callers
            # can memoize on it (LinterCache keys by identity first).
            resolved = self._plain.get(id(base))
            if resolved is None:
                resolved = self._plain[id(base)] = apply_values(base, self.cli) if self.cli else base
            return resolved
        resolved = base.for_path(path)
        if self.cli:
            resolved = apply_values(resolved, self.cli)
        return resolved
