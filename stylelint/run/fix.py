"""Fixing files: fix, re-lint, fix again until nothing changes, then write safely.

Each pass applies the fixes offered (:func:`stylelint.run.edits.apply_fixes`:
safe ones, unsafe ones when asked, each escaped for its format, overlapping
ones left for the next pass); then the text is linted again and the fixes
still offered are applied, until a pass changes nothing (at most
:data:`MAX_PASSES` passes). So the result is deterministic, and a second
``--fix`` changes nothing. The file is written atomically, keeping its
encoding, byte-order mark, line endings and permissions, and only when it
has not changed on disk since it was read.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stylelint.model.findings import Violation
from stylelint.report.results import FileResult
from stylelint.run.edits import SkippedFix, apply_fixes, unified_diff
from stylelint.run.fileio import StaleFileError, WriteRefused, remove_stale_temps, rewrite

if TYPE_CHECKING:
    from stylelint.engine.linter import Linter

#: Passes of fix-and-relint before giving up on reaching a fixed point.
MAX_PASSES = 10



@dataclass
class FixResult:
    """Fixing one file: the text before and after, and the findings that remain.

    :param path: the file's display path.
    :param original: the decoded source as read.
    :param fixed: the source with every applicable fix applied.
    :param result: the file linted again after fixing (what remains).
    :param applied: findings whose fix was applied, over all passes (their
        positions refer to the text of the pass that applied them).
    :param skipped: fixes still offered in ``result`` that could not be
        applied safely, with the reason.
    :param unsafe_available: unsafe fixes still offered in ``result`` that
        ``--unsafe-fixes`` would apply.
    :param passes: how many fix passes ran.
    :param converged: False when :data:`MAX_PASSES` passes did not reach a
        text that no fix changes (or a fix undid another).
    """

    path: str
    original: str
    fixed: str
    result: FileResult
    applied: list[Violation] = field(default_factory=list)
    skipped: list[SkippedFix] = field(default_factory=list)
    unsafe_available: list[Violation] = field(default_factory=list)
    passes: int = 0
    converged: bool = True

    @property
    def changed(self) -> bool:
        """Whether fixing changed the text."""
        return self.fixed != self.original

    def diff(self, *, context: int = 3) -> str:
        """A unified diff from the original to the fixed text ("" when unchanged)."""
        return unified_diff(self.original, self.fixed, self.path, context=context)


def fix_file(linter: Linter, result: FileResult, *, unsafe: bool = False) -> FixResult:
    """Fix one linted file until no fix applies; re-lints after every pass.

    :param linter: the linter ``result`` came from (same configuration).
    :param result: a lint result with its ``source``.
    :param unsafe: apply unsafe fixes too.
    :returns: a :class:`FixResult`; ``.result`` is the final lint of the
        fixed text, with the original path, format and encoding.
    """
    original = result.source or ""
    outcome = FixResult(path=result.path, original=original, fixed=original, result=result)
    if result.source is None or result.format is None:
        return outcome
    path = None if result.path == "-" else result.path
    seen = {original}
    current = result
    text = original
    for _ in range(MAX_PASSES):
        step = apply_fixes(
            text, current.violations, fmt=current.format, unsafe=unsafe, encoding=result.encoding
        )
        if not step.applied:
            break
        outcome.passes += 1
        outcome.applied.extend(step.applied)
        text = step.text
        current = linter.lint_source(text, path, result.format, display_path=result.path)
        current.encoding = result.encoding
        if text in seen:  # a fix undid another: stop rather than cycle
            break
        seen.add(text)
    # What is still offered on the final text: skipped fixes and unsafe ones.
    final = apply_fixes(
        text, current.violations, fmt=current.format, unsafe=unsafe, encoding=result.encoding
    )
    outcome.converged = not final.applied
    outcome.fixed = text
    outcome.result = current
    # An overlap only happens next to an applied fix, so after convergence
    # every skip left is a safety skip.
    outcome.skipped = final.skipped
    outcome.unsafe_available = final.unsafe_available
    return outcome


# ---------------------------------------------------------------------------
# Writing fixed text back, byte for byte like the original


def encode_like(text: str, encoding: str, original: bytes | None = None) -> bytes:
    """Encode ``text`` as the original was: same codec, BOM and byte order.

    :param encoding: the codec :func:`stylelint.parsers.decode.decode` reported
        (``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32`` or a legacy one).
    :param original: the original bytes, to copy a UTF-16/32 byte order.
    """
    name = codecs.lookup(encoding).name
    if name in ("utf-16", "utf-32"):
        big = original is not None and original.startswith(
            codecs.BOM_UTF16_BE if name == "utf-16" else codecs.BOM_UTF32_BE
        )
        codec = f"{name}-{'be' if big else 'le'}"
        return ("\ufeff" + text).encode(codec)
    return text.encode(encoding)


def write_fixed(path: str, fix: FixResult, encoding: str, *, force: bool = False) -> None:
    """Write a fixed file, keeping encoding, BOM, line endings, owner, group, mode and links.

    The file is read again first: if it no longer holds the text that was
    linted, nothing is written and :class:`StaleFileError` is raised.
    Symbolic links are followed, so the link survives and its target is
    rewritten. How the write keeps the old text whole if the run is killed,
    and what it refuses (:class:`WriteRefused`) unless ``force``: see
    :mod:`stylelint.run.fileio`.

    :raises InputError: the file is no longer a regular file that can be read.
    """
    from stylelint.parsers.decode import decode, open_regular

    target = os.path.realpath(path)
    fd, st = open_regular(target)
    try:
        data = _read_all(fd)
        try:
            current, _ = decode(data, html=fix.result.format == "html")
        except Exception:
            current = None
        if current != fix.original:
            raise StaleFileError("changed on disk since it was read; not fixed")
        rewrite(target, encode_like(fix.fixed, encoding, data), fd=fd, st=st, old=data, force=force)
    finally:
        os.close(fd)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def describe(v: Violation) -> str:
    """``line:col ID 'match' -> 'replacement'`` for messages about a fix."""
    repl = v.fix.replacement if v.fix else ""
    return f"{v.line}:{v.column}: {v.rule_id} {v.match!r} -> {repl!r}"


# ---------------------------------------------------------------------------
# The command line: --fix, --unsafe-fixes, --diff


class _Discard:
    """A stream that drops what is written (the report under --diff)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def _identity(path: str) -> tuple[str, tuple[int, int] | None]:
    """A file's real path and (device, inode): two names of one file share one of them."""
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except OSError:
        return real, None
    return real, (st.st_dev, st.st_ino)


def _sweep(report, stdin_ids: set[int]) -> int:
    """Remove what interrupted fixes left beside the files of this run; returns how many."""
    folders = {os.path.dirname(os.path.realpath(f.path)) for f in report.files
               if f.source is not None and id(f) not in stdin_ids}
    return sum(remove_stale_temps(folder) for folder in sorted(folders))


def run_cli_fixes(report, args, resolver, cache, stdin_files: Sequence[FileResult], finish) -> int:
    """``--fix`` / ``--diff`` for the CLI; returns the exit code.

    - ``--fix``: files are rewritten atomically; the report of what remains
      goes to stdout (or ``--output``). With ``-`` the fixed article goes to
      stdout and the report to ``--output`` or stderr. A file reached by two
      names in one run (a symlink and its target, hard links, a name given
      twice) is fixed once: after the first name is written, a later one is
      read and linted again. Temporary files an interrupted ``--fix`` left
      beside these files are removed first.
    - ``--diff``: the unified diff goes to stdout, nothing is written; the
      report goes to ``--output`` only. Exit 1 when there is anything to
      change or a finding remains at or above ``fail_on``.

    Fixes that cannot be applied safely, and unsafe fixes left out, are
    listed on stderr (``--quiet`` leaves out the unsafe ones). A file that
    cannot be written without losing something (read-only, other hard
    links, another owner) is an error line unless ``--force``.
    """
    from stylelint.parsers.decode import InputError

    unsafe = bool(args.unsafe_fixes)
    force = bool(getattr(args, "force", False))
    stdin_ids = {id(f) for f in stdin_files}
    applied = changed_files = 0
    unsafe_left = 0
    would_change = False
    out = sys.stdout
    if not args.diff:
        swept = _sweep(report, stdin_ids)
        if swept and not args.quiet:
            print(f"stylelint: removed {swept} temporary file{'s' if swept != 1 else ''} "
                  "(.stylelint-fix-*.tmp) left by an interrupted --fix", file=sys.stderr)
    written_paths: set[str] = set()
    written_ids: set[tuple[int, int]] = set()
    for i, f in enumerate(report.files):
        if f.source is None or f.format is None:
            continue
        is_stdin = id(f) in stdin_ids
        if not is_stdin and not args.diff and written_paths:
            real, ident = _identity(f.path)
            if real in written_paths or ident in written_ids:
                # Another name of a file this run has rewritten: what was
                # linted is gone; lint what is there now.
                from stylelint.run.runner import lint_file

                f = lint_file(f.path, resolver, cache, None, args.input_format)[0]
                report.files[i] = f
                if f.source is None or f.format is None:
                    continue
        cfg = resolver.for_path(args.stdin_filename if is_stdin else f.path)
        fx = fix_file(cache.get(cfg), f, unsafe=unsafe)
        report.files[i] = fx.result
        applied += len(fx.applied)
        unsafe_left += len(fx.unsafe_available)
        for s in fx.skipped:
            print(f"{f.path}:{s.violation.line}:{s.violation.column}: {s.violation.rule_id} "
                  f"fix not applied: {s.reason}", file=sys.stderr)
        if args.diff and not args.quiet:
            for v in fx.unsafe_available:
                print(f"{f.path}:{describe(v)} (unsafe fix: applied only with --unsafe-fixes)",
                      file=sys.stderr)
        if not fx.converged:
            print(f"{f.path}: fixes did not settle after {fx.passes} passes; "
                  "some remain unapplied", file=sys.stderr)
        if fx.changed:
            changed_files += 1
        if args.diff:
            diff = fx.diff()
            if diff:
                would_change = True
                out.write(diff)
        elif is_stdin:
            # A filter: the whole article, fixed or not, in its own encoding.
            out.flush()
            out.buffer.write(encode_like(fx.fixed, f.encoding))
            out.buffer.flush()
        elif fx.changed:
            try:
                write_fixed(f.path, fx, f.encoding, force=force)
            except (StaleFileError, WriteRefused, InputError, OSError) as exc:
                # Nothing was written: report the file as it is on disk.
                f.errors.append(f"cannot write the fixed file: {exc.strerror or exc}"
                                if isinstance(exc, OSError) else str(exc))
                report.files[i] = f
                applied -= len(fx.applied)
                changed_files -= 1
            else:
                real, ident = _identity(f.path)
                written_paths.add(real)
                if ident is not None:
                    written_ids.add(ident)
    out.flush()
    if args.diff:
        code = finish(report, args, cache, None if args.output else _Discard())
        return 1 if code == 0 and would_change else code
    if not args.quiet:
        note = f"stylelint: fixed {applied} finding{'s' if applied != 1 else ''}"
        note += f" in {changed_files} file{'s' if changed_files != 1 else ''}"
        if unsafe_left:
            note += f"; {unsafe_left} more fixable with --unsafe-fixes"
        print(note + ".", file=sys.stderr)
    to_stderr = bool(stdin_ids) and not args.output
    return finish(report, args, cache, sys.stderr if to_stderr else None)
