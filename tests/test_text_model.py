"""One text model for spaces and invisible characters: every rule sees them as their plain forms.

Each built-in rule's own examples are run with every Unicode space separator
in place of each space, and with every invisible format character inside
every word: the same findings must come back, at exact source positions.
"""

from __future__ import annotations

import re

import pytest

from stylelint.model.text import INVISIBLE, SPACES, normalize
from stylelint.rule.testing import linter_for

LINTER = linter_for(None)
RULES = [r for r in LINTER.all_rules if r.applies_to("ap")]
CASES = [
    (r.id, ex.wrong, ex.format)
    for r in RULES
    for ex in r.examples[:1]
    if ex.wrong and ex.format == "text" and not ex.profile and " " in ex.wrong
]


def findings(text: str) -> list[tuple[str, str]]:
    result = LINTER.lint_source(text, None, "text")
    assert not result.errors, result.errors
    for v in result.violations:
        # Exact: the source slice, read as the text model reads it, is the match.
        assert normalize(text[v.offset : v.end_offset]).replace("\r\n", "\n") == v.match, (v.rule_id, v.match)
        assert not v.approximate
    return sorted((v.rule_id, v.match) for v in result.violations)


def test_there_are_cases_for_most_rules():
    assert len({rule_id for rule_id, _, _ in CASES}) > 40


@pytest.mark.parametrize(("rule_id", "text", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_every_space_reads_as_a_space(rule_id, text, fmt):
    plain = findings(text)
    assert rule_id in {r for r, _ in plain}
    for ch in SPACES:
        assert findings(text.replace(" ", ch)) == plain, f"U+{ord(ch):04X}"


@pytest.mark.parametrize(("rule_id", "text", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_invisible_characters_inside_words_are_not_there(rule_id, text, fmt):
    plain = findings(text)
    for ch in INVISIBLE:
        # After the first letter of every word of three or more letters.
        spiked = re.sub(r"\b([A-Za-z])(?=[a-z]{2})", lambda m, ch=ch: m.group(1) + ch, text)
        assert spiked != text
        assert findings(spiked) == plain, f"U+{ord(ch):04X}"


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_markup_formats_too(fmt):
    nbsp = "&nbsp;" if fmt == "html" else "\u00a0"
    body = f"The vote is on Dec.{nbsp}7th, and the ad\u00advisor said so."
    source = f"<p>{body}</p>" if fmt == "html" else body + "\n"
    result = LINTER.lint_source(source, None, fmt)
    got = {v.rule_id: source[v.offset : v.end_offset] for v in result.violations}
    assert got.get("DAT004") == "7th"
    assert got.get("SPL001") == "ad\u00advisor"
