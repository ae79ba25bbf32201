"""Fixes applied to a source in one pass: each replacement escaped for its format.

A finding's fix replaces the source range ``[offset, end_offset)`` with its
replacement. That range is only safe to rewrite when it holds exactly the
prose the rule saw (line endings aside): in HTML and Markdown the range may
contain a tag, an entity or a backslash escape, and a blind replacement
would corrupt the markup. Such fixes are skipped, with the reason, and the
finding stays in the report. So is a fix that would change the number of
lines, so that the other findings keep their line numbers (in HTML a
replacement keeps the span's line breaks instead: there they are white
space).

- **Selection**: safe fixes always; unsafe ones only when asked.
- **Overlap**: fixes are taken in source order (start, then end, then rule
  id) and a fix that overlaps one already taken is skipped (the fix loop in
  :mod:`stylelint.run.fix` retries it after re-linting).
- **Escaping**: a replacement going into HTML has ``&``, ``<`` and ``>``
  escaped; into Markdown, ASCII punctuation that is Markdown syntax is
  backslash-escaped; a line break in a replacement takes the file's line
  ending; a character the file's legacy encoding cannot hold becomes a
  numeric character reference (HTML) or skips the fix.

Nothing here reads or writes files, or lints: it is text in, text out.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from stylelint.model.findings import Violation
from stylelint.model.text import normalize

# Characters a Markdown parser may read as syntax inside a paragraph.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<~]|&(?=#?[A-Za-z0-9]+;))")
_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_SPLIT = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")


@dataclass(frozen=True)
class SkippedFix:
    """A fix that was offered but not applied, and why."""

    violation: Violation
    reason: str


@dataclass
class FixPass:
    """The outcome of applying one round of fixes to a text."""

    text: str
    applied: list[Violation] = field(default_factory=list)
    skipped: list[SkippedFix] = field(default_factory=list)
    #: Unsafe fixes left out because unsafe fixes were not enabled.
    unsafe_available: list[Violation] = field(default_factory=list)


def split_lines(text: str) -> list[str]:
    """Lines with their endings kept (``\\n``, ``\\r\\n`` or a lone ``\\r``).

    Unlike :meth:`str.splitlines` this does not split at form feeds or
    Unicode line separators, which are characters of the line to a diff.
    """
    parts = _LINE_SPLIT.split(text)
    return [p for p in parts if p]


def unified_diff(before: str, after: str, path: str, *, context: int = 3) -> str:
    """A unified diff of two texts, labelled with ``path`` on both sides.

    A last line without a line ending gets the usual ``\\ No newline at end
    of file`` marker, so ``patch`` reproduces the bytes exactly.
    """
    if before == after:
        return ""
    out: list[str] = []
    for line in difflib.unified_diff(
        split_lines(before), split_lines(after), fromfile=path, tofile=path, n=context
    ):
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _line_ending(source: str) -> str:
    """The file's dominant line ending (``\\n`` when it has none)."""
    crlf = source.count("\r\n")
    lf = source.count("\n") - crlf
    cr = source.count("\r") - crlf
    if crlf > lf and crlf >= cr:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def _encodable(text: str, encoding: str | None) -> bool:
    if not encoding:
        return True
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:
        return True
    return True


def prepare_replacement(
    replacement: str, fmt: str | None, *, source: str = "", encoding: str | None = None
) -> str | None:
    """The replacement as it must be written into a source of format ``fmt``.

    Returns None when it cannot be written safely (a character the encoding
    cannot hold outside HTML).
    """
    if fmt == "html":
        # Text in HTML: escape what would start markup or an entity.
        out = html.escape(replacement, quote=False)
        if encoding and not _encodable(out, encoding):
            out = out.encode(encoding, "xmlcharrefreplace").decode(encoding)
    elif fmt == "markdown":
        out = _MD_SPECIAL.sub(r"\\\1", replacement)
    else:
        out = replacement
    if "\n" in out or "\r" in out:
        eol = _line_ending(source)
        out = re.sub(r"\r\n|\r|\n", lambda _: eol, out)
    if not _encodable(out, encoding):
        return None
    return out


def fix_problem(v: Violation, source: str) -> str | None:
    """Why ``v``'s fix cannot be applied to ``source``, or None when it can."""
    if v.fix is None:
        return "no fix offered"
    if v.approximate:
        return "position is approximate (markup was repaired), not fixed"
    if not 0 <= v.offset <= v.end_offset <= len(source):
        return "span lies outside the source, not fixed"
    span = source[v.offset : v.end_offset]
    # Parsers read CR LF and CR as LF, and odd spaces and invisible characters
    # as the text model does; any other difference is markup, an entity or an
    # escape inside the span.
    if span != v.match and normalize(_BREAK.sub("\n", span)) != v.match:
        return "the source span holds markup, an entity or an escape, not fixed"
    return None


def replacement_for(
    v: Violation, source: str, fmt: str | None = None, encoding: str | None = None
) -> tuple[str | None, str | None]:
    """What ``v``'s fix writes into ``source``: ``(text, None)``, or ``(None, reason)``.

    Besides :func:`fix_problem` and :func:`prepare_replacement`, a fix must
    not change the number of lines (findings below keep their line
    numbers): in HTML, where a line break is only white space, a replacement
    without one keeps the span's line breaks; elsewhere such a fix is skipped.
    """
    problem = fix_problem(v, source)
    if problem is not None:
        return None, problem
    text = prepare_replacement(v.fix.replacement, fmt, source=source, encoding=encoding)
    if text is None:
        return None, f"the file's encoding ({encoding}) cannot hold the replacement, not fixed"
    breaks = _BREAK.findall(source[v.offset : v.end_offset])
    if len(_BREAK.findall(text)) != len(breaks):
        if fmt == "html" and not _BREAK.search(text):
            text += "".join(breaks)
        else:
            return None, "would change the number of lines, not fixed"
    return text, None


def _overlaps(start: int, end: int, taken: tuple[int, int] | None) -> bool:
    if taken is None:
        return False
    t_start, t_end = taken
    if start < t_end:
        return True
    # Two insertions at the same point: their order would be arbitrary.
    return start == end == t_start == t_end


def apply_fixes(
    source: str,
    violations: Iterable[Violation],
    *,
    fmt: str | None = None,
    unsafe: bool = False,
    encoding: str | None = None,
) -> FixPass:
    """Apply one pass of fixes to ``source``.

    :param source: the decoded source the findings' offsets refer to.
    :param violations: findings of one lint run over ``source``.
    :param fmt: the input format (``text``, ``markdown``, ``html``), for
        escaping replacements.
    :param unsafe: apply unsafe fixes too.
    :param encoding: the file's encoding, so a replacement it cannot hold
        is never written.
    :returns: the new text, the findings whose fix was applied, the fixes
        skipped (overlap, unsafe position) and the unsafe fixes left out.
    """
    result = FixPass(text=source)
    candidates: list[Violation] = []
    for v in violations:
        if v.fix is None:
            continue
        if not v.fix.safe and not unsafe:
            result.unsafe_available.append(v)
            continue
        candidates.append(v)
    candidates.sort(key=lambda v: (v.offset, v.end_offset, v.rule_id, v.fix.replacement))
    edits: list[tuple[int, int, str]] = []
    last: tuple[int, int] | None = None
    for v in candidates:
        if v.fix.replacement == v.match and fix_problem(v, source) is None:
            continue  # nothing to change
        text, problem = replacement_for(v, source, fmt, encoding)
        if problem is not None:
            result.skipped.append(SkippedFix(v, problem))
            continue
        if _overlaps(v.offset, v.end_offset, last):
            result.skipped.append(SkippedFix(v, "overlaps another fix; retried after re-linting"))
            continue
        edits.append((v.offset, v.end_offset, text))
        result.applied.append(v)
        last = (v.offset, v.end_offset)
    if edits:
        pieces: list[str] = []
        pos = 0
        for start, end, text in edits:
            pieces.append(source[pos:start])
            pieces.append(text)
            pos = end
        pieces.append(source[pos:])
        result.text = "".join(pieces)
    return result
