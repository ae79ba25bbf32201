"""Generated docs stay in step with rule metadata; --explain prints the same text."""

from __future__ import annotations

from pathlib import Path

from stylelint.rule.docs import builtin_rules, expected_pages, render_rule

from clihelp import run

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def test_rule_pages_are_up_to_date():
    pages = expected_pages()
    stale = [name for name, text in pages.items() if not (DOCS / name).exists() or (DOCS / name).read_text(encoding="utf-8") != text]
    extra = [p.name for p in DOCS.glob("*.md") if p.name not in pages]
    assert not stale and not extra, f"stale: {stale}, extra: {extra}; run python -m stylelint.rule.docs"


def test_explain_prints_the_page():
    rule = builtin_rules()[0]
    proc = run("--explain", rule.id)
    assert proc.stdout == render_rule(rule)


def test_page_has_every_section():
    for rule in builtin_rules():
        page = render_rule(rule)
        for heading in (f"# {rule.name} ({rule.id})", "## Why", "## Wrong", "## Right", "## Source"):
            assert heading in page, (rule.id, heading)
