"""Code actions and hover text for findings.

- **Quick fix**: a finding's fix, written into the source exactly as
  ``--fix`` writes it (:func:`stylelint.run.fix.replacement_for`: escaped for
  the format, never across markup). Safe fixes are the preferred action;
  unsafe ones say so in their title.
- **Disable RULE for this line** (Markdown and HTML): inserts
  ``<!-- stylelint-disable-next-line RULE -->`` on a line of its own above
  the finding, with the line's indentation (and ``>`` quote markers in
  Markdown); a directive already there gets the rule added to it.
- **source.fixAll.stylelint**: every safe fix, as ``stylelint --fix`` applies
  them (fix, re-lint, fix again), as one edit.
"""

from __future__ import annotations

import re

from lsprotocol import types

from stylelint.interfaces.lsp.diagnostics import lsp_range
from stylelint.interfaces.lsp.positions import Positions, Range
from stylelint.model.findings import Violation
from stylelint.run.edits import replacement_for

#: The code action kind of "apply every safe fix" (``source.fixAll`` is its parent).
FIX_ALL = "source.fixAll.stylelint"
#: Formats whose comments can hold a suppression directive.
COMMENT_FORMATS = ("markdown", "html")

_NEXT_LINE = re.compile(r"^(?P<lead>[ \t>]*)<!--\s*stylelint-disable-next-line\b(?P<rules>[^>]*?)\s*-->\s*$")


def kind_allowed(kind: str, only: list[str] | None) -> bool:
    """Whether an action of ``kind`` answers a request limited to ``only`` (kinds are dotted hierarchies)."""
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


def _shown(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quick_fix(uri: str, v: Violation, r: Range, source: str, fmt: str | None,
              diagnostic: types.Diagnostic | None) -> types.CodeAction | None:
    """The finding's fix as a quick fix, or None when it has none or it cannot be applied safely."""
    if v.fix is None:
        return None
    text, problem = replacement_for(v, source, fmt)
    if text is None or problem is not None:
        return None
    if text == source[v.offset : v.end_offset]:
        return None
    verb = f"replace '{_shown(v.match)}' with '{_shown(v.fix.replacement)}'" if v.fix.replacement else f"delete '{_shown(v.match)}'"
    title = f"Fix {v.rule_id}: {verb}" if v.fix.safe else f"Fix {v.rule_id} (unsafe fix, check it): {verb}"
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic] if diagnostic is not None else None,
        is_preferred=v.fix.safe,
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=lsp_range(r), new_text=text)]}),
    )


def _line_ending(source: str, positions: Positions, line: int) -> str:
    end = positions.line_end(line)
    if source.startswith("\r\n", end):
        return "\r\n"
    if source.startswith("\r", end):
        return "\r"
    return "\n"


def disable_edit(v: Violation, r: Range, source: str, fmt: str | None, positions: Positions) -> types.TextEdit | None:
    """The edit that turns ``v``'s rule off for its line (None outside Markdown and HTML)."""
    if fmt not in COMMENT_FORMATS:
        return None
    line = r[0][0]
    start = positions.line_start(line)
    text = source[start : positions.line_end(line)]
    lead_chars = " \t>" if fmt == "markdown" else " \t"
    lead = text[: len(text) - len(text.lstrip(lead_chars))]
    if line > 0:
        prev_start = positions.line_start(line - 1)
        prev = source[prev_start : positions.line_end(line - 1)]
        m = _NEXT_LINE.match(prev)
        if m:
            rules = [x for x in re.split(r"[\s,]+", m.group("rules")) if x]
            if v.rule_id in rules or not rules:
                return None  # already off there (or every rule is)
            new = f"{m.group('lead')}<!-- stylelint-disable-next-line {', '.join([*rules, v.rule_id])} -->"
            edit_range = positions.range(prev_start, prev_start + len(prev))
            return types.TextEdit(range=lsp_range(edit_range), new_text=new)
    comment = f"{lead}<!-- stylelint-disable-next-line {v.rule_id} -->{_line_ending(source, positions, line)}"
    at = positions.position(start)
    return types.TextEdit(range=lsp_range((at, at)), new_text=comment)


def disable_action(uri: str, v: Violation, r: Range, source: str, fmt: str | None, positions: Positions,
                   diagnostic: types.Diagnostic | None) -> types.CodeAction | None:
    """"Disable RULE for this line", or None where the format has no comments."""
    edit = disable_edit(v, r, source, fmt, positions)
    if edit is None:
        return None
    return types.CodeAction(
        title=f"Disable {v.rule_id} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic] if diagnostic is not None else None,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def whole_edit(before: str, after: str, encoding: str) -> types.TextEdit:
    """One edit turning ``before`` into ``after``: the changed middle only, so the cursor keeps its place."""
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]:
        tail += 1
    positions = Positions(before, encoding)
    r = positions.range(head, len(before) - tail)
    return types.TextEdit(range=lsp_range(r), new_text=after[head : len(after) - tail])


def fix_all_action(uri: str, before: str, after: str, encoding: str, applied: int) -> types.CodeAction:
    """``source.fixAll.stylelint``: the text as ``--fix`` leaves it."""
    edits = [whole_edit(before, after, encoding)] if after != before else []
    return types.CodeAction(
        title=f"Fix all safe stylelint findings ({applied})",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def hover_text(rule_ids: list[str], docs: dict[str, str]) -> str:
    """Markdown for a hover: each rule's ``--explain`` page, once."""
    pages = [docs[r] for r in dict.fromkeys(rule_ids) if r in docs]
    return "\n\n---\n\n".join(p.rstrip() for p in pages)
