"""A result cache keyed by file content, configuration and plugin set.

``stylelint --cache`` stores each file's findings under
``.stylelint_cache/`` (``--cache-dir`` moves it). An entry is used only when
everything that decides the findings is the same: the article's text, the
resolved configuration, the plugins and their rules, and the stylelint
version. Anything else (a corrupt file, another version's entry, a hash
collision) is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from . import __version__
from .document import Span
from .fileio import write_atomic
from .report import FileResult
from .violation import Fix, Severity, Violation

FORMAT = 1
DEFAULT_DIR = ".stylelint_cache"


_CODE: str | None = None


def code_fingerprint() -> str:
    """Modification times of stylelint's own code and data, once per process.

    An editable install changes code without changing the version; its
    cache entries must not outlive the change.
    """
    global _CODE
    if _CODE is None:
        import stylelint_rules

        stamps = []
        for pkg in (os.path.dirname(__file__), os.path.dirname(stylelint_rules.__file__)):
            for dirpath, _dirs, files in os.walk(pkg):
                for name in files:
                    if name.endswith((".py", ".tsv", ".txt", ".toml")):
                        full = os.path.join(dirpath, name)
                        stamps.append(f"{full}:{os.stat(full).st_mtime_ns}")
        _CODE = hashlib.sha256("\n".join(sorted(stamps)).encode()).hexdigest()
    return _CODE


def linter_key(linter) -> str:
    """What about a linter decides its findings, as a stable string.

    The rules follow from the code, the plugins (installed packs carry their
    versions; rules folders their modification times) and the config, so
    the key is known without importing a single rule pack.
    """
    key = getattr(linter, "_result_cache_key", None)
    if key is None:
        from .engine import _plugin_fingerprint

        plugins = sorted(linter.plugins.names.values())
        key = repr((
            __version__, FORMAT, code_fingerprint(), linter.config.cache_key(),
            _plugin_fingerprint(linter.config), plugins,
        ))
        linter._result_cache_key = key
    return key


def _encode(v: Violation) -> dict[str, Any]:
    d = v.to_dict()
    d["span"] = [v.span.start, v.span.end]
    return d


def _decode(d: dict[str, Any]) -> Violation:
    fix = d.get("fix")
    return Violation(
        rule_id=d["rule"],
        span=Span(*d["span"]),
        message=d["message"],
        severity=Severity.parse(d["severity"]),
        suggestion=d["suggestion"],
        fix=Fix(fix["replacement"], bool(fix["safe"])) if fix else None,
        name=d["name"],
        match=d["match"],
        offset=d["offset"],
        end_offset=d["end_offset"],
        line=d["line"],
        column=d["column"],
        end_line=d["end_line"],
        end_column=d["end_column"],
        approximate=d["approximate"],
    )


class ResultCache:
    """Findings per (file content, linter) in a folder of small JSON files."""

    def __init__(self, folder: str = DEFAULT_DIR) -> None:
        self.folder = folder
        self._ready = False
        self.hits = 0
        self.misses = 0

    def _prepare(self) -> None:
        if self._ready:
            return
        os.makedirs(self.folder, exist_ok=True)
        # Keep the cache out of version control and backups.
        ignore = os.path.join(self.folder, ".gitignore")
        if not os.path.exists(ignore):
            write_atomic(ignore, "*\n")
        tag = os.path.join(self.folder, "CACHEDIR.TAG")
        if not os.path.exists(tag):
            write_atomic(tag, "Signature: 8a477f597d28d172789f06886806bc55\n# stylelint result cache\n")
        self._ready = True

    @staticmethod
    def key(linter_id: str, source: str, input_format: str | None) -> str:
        """The entry name for one article under one linter."""
        h = hashlib.sha256()
        h.update(linter_id.encode("utf-8"))
        h.update(b"\0")
        h.update((input_format or "").encode("ascii", "replace"))
        h.update(b"\0")
        h.update(source.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + ".json")

    def get(self, key: str, path: str, source: str) -> tuple[FileResult, list[str]] | None:
        """The cached result and linter errors, or None when absent, foreign or corrupt."""
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("key") != key or data.get("stylelint") != __version__ or data.get("format") != FORMAT:
                raise ValueError("foreign entry")
            result = FileResult(
                path=path,
                format=data["result"]["format"],
                violations=[_decode(v) for v in data["result"]["violations"]],
                errors=list(data["result"]["errors"]),
                source=source,
            )
            linter_errors = [str(e) for e in data["linter_errors"]]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return result, linter_errors

    def put(self, key: str, result: FileResult, linter_errors: list[str]) -> None:
        """Store a result; a result with errors is not cached (retry next run)."""
        if result.errors:
            return
        self._prepare()
        entry = {
            "stylelint": __version__,
            "format": FORMAT,
            "key": key,
            "result": {"format": result.format, "violations": [_encode(v) for v in result.violations], "errors": []},
            # Plugin errors are part of the answer: a cached run reports them too.
            "linter_errors": list(linter_errors),
        }
        target = self._path(key)
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            write_atomic(target, json.dumps(entry, ensure_ascii=False))
        except OSError:
            pass  # a read-only or full disk must not fail the lint
