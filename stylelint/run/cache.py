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
from collections.abc import Sequence
from typing import Any, NamedTuple

from stylelint import __version__
from stylelint.model.document import Span
from stylelint.model.findings import Fix, Severity, Violation
from stylelint.report.results import FileResult, escape_undecodable
from stylelint.run.fileio import write_atomic

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


# Linter keys are long reprs; the run index stores a digest of each, once per process.
_DIGESTS: dict[str, str] = {}


def _digest(linter_id: str) -> str:
    digest = _DIGESTS.get(linter_id)
    if digest is None:
        digest = _DIGESTS[linter_id] = hashlib.sha256(linter_id.encode("utf-8")).hexdigest()[:32]
    return digest


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


#: A run over at least this many files keeps an index of them (see below).
INDEX_MIN_FILES = 32
#: Run indexes kept; the least recently written go first.
INDEX_KEEP = 16
#: A file changed this recently when it was read may change again within the
#: same timestamp tick (2 s on FAT) without its stat changing: not indexed.
RACY_NS = 2_000_000_000


def stat_fields(st: os.stat_result) -> list[int]:
    """What of a file's stat must stay the same for its content to be trusted unchanged."""
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


class Probe(NamedTuple):
    """A file as the cache saw it: its stat before it was read, and its entry key."""

    stat: list[int]
    read_at: int  # time.time_ns() just before the stat
    key: str
    encoding: str


class ResultCache:
    """Findings per (file content, linter) in a folder of small JSON files.

    Entries are keyed by content. A run over many files also keeps a *run
    index* (``runs/<hash of the working folder and arguments>.json``): for
    each file, its stat when it was read, its entry key and its findings, so
    that the same command run again need not read or hash a file whose size,
    modification and change times, inode and device are all unchanged. A
    file changed within ``RACY_NS`` of being read is left out of the index,
    because a second change within the same timestamp tick would not show in
    its stat. A fresh checkout (new stats, as on CI) falls back to the content
    keys, which still hit.
    """

    def __init__(self, folder: str = DEFAULT_DIR) -> None:
        self.folder = folder
        self._ready = False
        self.hits = 0
        self.misses = 0
        self._index_path: str | None = None
        self._run: list[str] = []
        self._index: dict[str, list] = {}
        self._seen: dict[str, list] = {}
        self._index_changed = False

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
            record = self._index.get(path)
            if record is not None and record[2] == key:
                hit = self._result(record[4], path, source)
            else:
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
            write_atomic(target, json.dumps(entry, ensure_ascii=False, separators=(",", ":")), durable=False)
        except OSError:
            pass  # a read-only or full disk must not fail the lint

    # -- the run index ---------------------------------------------------------

    def open_index(self, run: Sequence[str], files: int) -> None:
        """Load the index of the run named by ``run`` (the working folder and
        arguments), if it lints enough ``files`` to keep one.
        """
        if files < INDEX_MIN_FILES:
            return
        name = hashlib.sha256("\0".join(run).encode("utf-8", "surrogatepass")).hexdigest()
        self._index_path = os.path.join(self.folder, "runs", name + ".json")
        self._run = list(run)
        try:
            with open(self._index_path, encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("stylelint") == __version__ and data.get("format") == FORMAT and data.get("run") == list(run):
                files = data["files"]
                if isinstance(files, dict):
                    self._index = files
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self._index_changed = True  # absent or unusable: write a good one

    def unchanged(self, path: str, stat: list[int], linter_id: str) -> tuple[FileResult, list[str], str] | None:
        """The result for a file whose stat is the one indexed when it was last read.

        Returns the result (without its source), linter errors and encoding.
        """
        record = self._index.get(path)
        if record is None:
            return None
        try:
            if record[0] != stat or record[1] != _digest(linter_id):
                return None
            result, errors = self._result(record[4], path, None)
            encoding = str(record[3])
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None
        self._seen[path] = record
        self.hits += 1
        return result, errors, encoding

    def remember(self, path: str, probe: Probe, linter_id: str, result: FileResult, linter_errors: list[str]) -> None:
        """Index a file read at ``probe`` whose result is ``result``."""
        if self._index_path is None or result.errors:
            return
        if max(probe.stat[1], probe.stat[2]) > probe.read_at - RACY_NS:
            return  # racy: see RACY_NS
        record = [probe.stat, _digest(linter_id), probe.key, probe.encoding, self._payload(result, linter_errors)]
        if self._index.get(path) != record:
            self._index_changed = True
        self._seen[path] = record

    def save_index(self) -> None:
        """Write the run index if this run changed it (atomically; older indexes pruned).

        The index is closed afterwards: its records, many small objects, would
        only slow the garbage collector for the rest of the run.
        """
        if self._index_path is None:
            return
        index, seen, self._index, self._seen = self._index, self._seen, {}, {}
        if not self._index_changed and seen.keys() == index.keys():
            self._index_path = None
            return
        folder = os.path.dirname(self._index_path)
        try:
            self._prepare()
            os.makedirs(folder, exist_ok=True)
            run = os.path.basename(self._index_path)
            data = {"stylelint": __version__, "format": FORMAT, "run": self._run, "files": seen}
            # File names that are not UTF-8 as JSON escapes, which read back the same.
            text = escape_undecodable(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            write_atomic(self._index_path, text, durable=False)
            others = sorted(
                (e for e in os.scandir(folder) if e.name.endswith(".json") and e.name != run),
                key=lambda e: e.stat().st_mtime_ns,
            )
            for old in others[: max(0, len(others) - (INDEX_KEEP - 1))]:
                os.unlink(old.path)
        except OSError:
            pass  # a read-only or full disk must not fail the lint
        finally:
            self._index_path = None
