"""Inline suppression comments and the regions they switch off.

``<!-- stylelint-disable ATT001, HON -->`` … ``<!-- stylelint-enable -->``
turns rules (by id or prefix; none listed means all) off between the two
comments; ``<!-- stylelint-disable-next-line ATT001 -->`` turns them off on
the next source line that has prose. Parsers find the comments
(:func:`parse_directive`); the engine applies them (:class:`Suppressions`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stylelint.model.document import Directive

_DIRECTIVE = re.compile(
    r"^\s*stylelint-(disable-next-line|disable-line|disable|enable)\b\s*(?::\s*)?(.*?)\s*(?:--.*)?$",
    re.S,
)
_RULE_TOKEN = re.compile(r"^(?:[A-Z]{3}\d{0,3}|ALL)$")


def parse_directive(comment: str, offset: int, line: int) -> Directive | None:
    """Read the body of an HTML comment as a directive, or return None.

    :param comment: the text between ``<!--`` and ``-->``.
    :param offset: source offset of the comment.
    :param line: 1-based source line of the comment.
    """
    m = _DIRECTIVE.match(comment)
    if not m:
        return None
    rules = tuple(r for r in re.split(r"[\s,]+", m.group(2)) if r)
    if any(not _RULE_TOKEN.match(r) for r in rules):
        rules = tuple(r for r in rules if _RULE_TOKEN.match(r))
    if "ALL" in rules:
        rules = ()
    return Directive(m.group(1), rules, offset, line)


def _covers(rules: Sequence[str], rule_id: str) -> bool:
    return not rules or any(rule_id.startswith(r) for r in rules)


class Suppressions:
    """Answers "is this rule switched off at this source offset?"."""

    def __init__(self, directives: Sequence[Directive]) -> None:
        self._directives = sorted(directives, key=lambda d: d.offset)
        self.empty = not self._directives

    def suppressed(self, rule_id: str, offset: int, line: int) -> bool:
        """Whether a finding of ``rule_id`` at ``offset`` (on ``line``) is off."""
        if self.empty:
            return False
        disabled = False
        for d in self._directives:
            if d.action == "disable-next-line":
                if d.line + 1 == line and _covers(d.rules, rule_id):
                    return True
                continue
            if d.action == "disable-line":
                if d.line == line and _covers(d.rules, rule_id):
                    return True
                continue
            if d.offset > offset:
                continue
            if _covers(d.rules, rule_id):
                disabled = d.action == "disable"
        return disabled
