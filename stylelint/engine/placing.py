"""From what rules found to what is reported: the stages every finding goes through.

A rule reports a span of ``Document.text``. In order, each finding is

1. **kept in range and in scope**: its span lies in the text, its block is
   one of the rule's ``scopes``, and it is not inside a quotation unless the
   rule reads quotations (quoted speech is the speaker's);
2. **placed**: mapped to its exact source offsets, line and column, given
   the text it matched and its severity (``placed``), once per rule and
   source span;
3. **kept unless switched off**: by an inline suppression comment, an
   accepted finding (the API's ``accept``), or a plugin's
   ``suppress_violation`` hook;
4. **kept unless in page residue**: text a residue rule (``Rule.residue``,
   the BPL family) marks as not the article's own gets that one finding,
   not other rules' nits about text that is to be deleted.

Each stage is a small function, tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from stylelint.model.document import Document, Ranges
from stylelint.model.findings import Severity, Violation
from stylelint.model.suppression import Suppressions
from stylelint.rule.base import Rule


def in_scope(rule: Rule, v: Violation, doc: Document) -> bool:
    """Stage 1: the span is in the text, in one of the rule's blocks, and outside quotations it must not read."""
    span = v.span
    if not (0 <= span.start <= span.end <= len(doc.text)):
        return False
    if rule.document_level:
        return True
    if rule.scopes is not None:
        block = doc.block_at(span.start)
        if block is None or block.kind not in rule.scopes:
            return False
    return rule.in_quotes or not doc.in_quote(span)


def placed(rule: Rule, v: Violation, doc: Document, severity: Severity | None) -> Violation:
    """Stage 2: the finding at its exact source position, with its match, name and severity."""
    start, end = doc.source_span(v.span)
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    return replace(
        v,
        severity=severity or v.severity,
        name=v.name or rule.name,
        match=doc.text[v.span.start : v.span.end],
        offset=start,
        end_offset=end,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        approximate=doc.is_approximate(v.span),
    )


def accepted(v: Violation, accept: Sequence[Mapping[str, Any]]) -> bool:
    """Stage 3: an editor accepted this finding (rule id or prefix, and the match if given)."""
    for item in accept:
        if v.rule_id.startswith(item["rule"]) and ("match" not in item or item["match"] == v.match):
            return True
    return False


def without_residue_nits(found: list[tuple[Rule, Violation]]) -> list[Violation]:
    """Stage 4: drop findings of ordinary rules that lie inside residue findings."""
    residue = [(v.offset, v.end_offset) for rule, v in found if rule.residue]
    if not residue:
        return [v for _, v in found]
    inside = Ranges(residue).contains
    return [
        v for rule, v in found
        if rule.residue or rule.document_level or not inside(v.offset, v.end_offset)
    ]


def place(
    doc: Document,
    found: Iterable[tuple[Rule, Violation]],
    *,
    severities: Mapping[str, Severity],
    accept: Sequence[Mapping[str, Any]],
    hook: Callable[[Violation], bool],
) -> list[Violation]:
    """Every stage in order: the findings to report, sorted by position.

    :param severities: the config's severity overrides, by rule id.
    :param accept: accepted findings (``{"rule": ..., "match"?: ...}``).
    :param hook: ``hook(violation)`` is true to drop it (``suppress_violation``).
    """
    suppressions = Suppressions(doc.directives)
    seen: set[tuple[str, int, int]] = set()
    kept: list[tuple[Rule, Violation]] = []
    for rule, v in found:
        if not in_scope(rule, v, doc):
            continue
        p = placed(rule, v, doc, severities.get(rule.id))
        key = (p.rule_id, p.offset, p.end_offset)
        if key in seen:
            continue
        seen.add(key)
        if suppressions.suppressed(rule.id, p.offset, p.line):
            continue
        if accept and accepted(p, accept):
            continue
        if hook(p):
            continue
        kept.append((rule, p))
    out = without_residue_nits(kept)
    out.sort(key=Violation.sort_key)
    return out
