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

from stylelint import __version__
from stylelint.model.document import Span
from stylelint.model.findings import Fix, Severity, Violation
from stylelint.report.results import FileResult
from stylelint.run.fileio import remove_stale_temps, write_atomic

FORMAT = 3  # 3: results carry the parser's warnings
DEFAULT_DIR = ".stylelint_cache"


_CODE: str | None = None


def code_fingerprint() -> str:
    """Modification times of stylelint's own code and data, once per process.

    An editable install changes code without changing the version; its
    cache entries must not outlive the change.
    """
    global _CODE
    if _CODE is None:
        import stylelint
        import stylelint_rules

        stamps = []
        for pkg in (os.path.dirname(stylelint.__file__), os.path.dirname(stylelint_rules.__file__)):
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
        from stylelint.engine.linter import _plugin_fingerprint

        plugins = sorted(linter.plugins.names.values())
        key = repr((
            __version__, FORMAT, code_fingerprint(), linter.config.cache_key(),
            _plugin_fingerprint(linter.config), plugins,
        ))
        linter._result_cache_key = key
    return key


# A finding is stored as one row, in this order (since FORMAT 2): rows decode in a
# fraction of the time dicts take, which is most of a cached re-run.
_SEVERITIES = {int(s): s for s in Severity}


def _encode(v: Violation) -> list[Any]:
    fix = v.fix
    return [
        v.rule_id, v.span.start, v.span.end, v.message, int(v.severity), v.suggestion,
        fix.replacement if fix else None, fix.safe if fix else False, v.name, v.match,
        v.offset, v.end_offset, v.line, v.column, v.end_line, v.end_column, v.approximate,
    ]


def _decode(row: list[Any]) -> Violation:
    (rule, start, end, message, severity, suggestion, fix, safe, name, match,
     offset, end_offset, line, column, end_line, end_column, approximate) = row
    return Violation(
        rule, Span(start, end), message, _SEVERITIES[severity], suggestion,
        None if fix is None else Fix(fix, safe), name, match,
        offset, end_offset, line, column, end_line, end_column, approximate,
    )


class ResultCache:
    """Findings per (file content, linter) in a folder of small JSON files.

    Entries are keyed by content, so a fresh checkout (as on CI with a
    restored cache) hits as well as the working copy it came from.
    """

    def __init__(self, folder: str = DEFAULT_DIR) -> None:
        self.folder = folder
        self._ready = False
        self.hits = 0
        self.misses = 0

    def _prepare(self) -> None:
        if self._ready:
            return
        os.makedirs(self.folder, exist_ok=True)
        remove_stale_temps(self.folder)  # what a killed run's writes left
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

    @staticmethod
    def _result(payload: dict[str, Any], path: str, source: str | None) -> tuple[FileResult, list[str]]:
        result = FileResult(
            path=path,
            format=payload["format"],
            violations=list(map(_decode, payload["violations"])),
            warnings=[str(w) for w in payload["warnings"]],
            source=source,
        )
        # Plugin errors are part of the answer: a cached run reports them too.
        return result, [str(e) for e in payload["linter_errors"]]

    @staticmethod
    def _payload(result: FileResult, linter_errors: list[str]) -> dict[str, Any]:
        return {
            "format": result.format,
            "violations": list(map(_encode, result.violations)),
            "warnings": list(result.warnings),
            "linter_errors": list(linter_errors),
        }

    def get(self, key: str, path: str, source: str | None) -> tuple[FileResult, list[str]] | None:
        """The cached result and linter errors, or None when absent, foreign or corrupt."""
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("key") != key or data.get("stylelint") != __version__ or data.get("format") != FORMAT:
                raise ValueError("foreign entry")
            hit = self._result(data["result"], path, source)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            self.misses += 1
            return None
        self.hits += 1
        return hit

    def put(self, key: str, result: FileResult, linter_errors: list[str]) -> None:
        """Store a result; a result with errors is not cached (retry next run)."""
        if result.errors:
            return
        entry = {
            "stylelint": __version__,
            "format": FORMAT,
            "key": key,
            "result": self._payload(result, linter_errors),
        }
        target = self._path(key)
        try:
            self._prepare()
            os.makedirs(os.path.dirname(target), exist_ok=True)
            write_atomic(target, json.dumps(entry, ensure_ascii=False, separators=(",", ":")), durable=False,
                         temp_dir=self.folder)
        except OSError:
            pass  # a read-only or full disk must not fail the lint
