"""Selection, severity, scopes, quotations, suppression and rule crashes."""

from __future__ import annotations

import pytest

from stylelint import Example, Existence, Rule, Substitution, hookimpl
from stylelint.config.model import Config
from stylelint.engine.linter import Linter
from stylelint.engine.plugins import get_plugin_manager
from stylelint.engine.ruleset import is_selected
from stylelint.model.findings import Severity
from stylelint.rule.testing import lint, linter_for

CLAIMED = Substitution(
    id="TST001", name="claimed", summary="s", rationale="r", source="s",
    swap={"claimed": "said"}, examples=(Example(wrong="he claimed", right="he said"),),
)
HEADLINE_ONLY = Existence(
    id="TST002", name="headline-word", summary="s", rationale="r", source="s",
    terms=["shock"], scopes=("headline",),
)
IN_QUOTES = Existence(id="TST003", name="quoted-too", summary="s", rationale="r", source="s", terms=["claimed"], in_quotes=True)


def test_selection_by_prefix_specificity():
    r = CLAIMED
    assert is_selected(r, Config())
    assert not is_selected(r, Config(ignore=("TST",)))
    assert is_selected(r, Config(ignore=("TST",), extend_select=("TST001",)))
    assert not is_selected(r, Config(select=("ATT",)))
    assert is_selected(r, Config(select=("ALL",)))
    assert not is_selected(r, Config(select=("TST",), ignore=("TST001",)))
    off = Existence(id="TST009", name="off", terms=["x"], default_enabled=False)
    assert not is_selected(off, Config())
    assert not is_selected(off, Config(select=("TST",)))  # a family does not switch it on
    assert is_selected(off, Config(select=("TST009",)))
    assert is_selected(off, Config(extend_select=("TST009",)))
    nyt_only = Existence(id="TST010", name="nyt", terms=["x"], profiles=("nyt",))
    assert not is_selected(nyt_only, Config())
    assert not is_selected(nyt_only, Config(select=("ALL",)))
    assert is_selected(nyt_only, Config(profile="nyt"))
    assert is_selected(nyt_only, Config(select=("TST010",)))


def test_quotes_scopes_and_positions():
    text = 'SHOCK claimed in headline\n\n"He claimed it," she claimed.\n\nA shock here.'
    vs = lint(text, [CLAIMED, HEADLINE_ONLY, IN_QUOTES])
    got = sorted((v.rule_id, v.line, v.column) for v in vs)
    assert got == [
        ("TST001", 1, 7),   # headline, outside quotes
        ("TST001", 3, 22),  # after the quotation
        ("TST002", 1, 1),   # headline scope
        ("TST003", 1, 7),
        ("TST003", 3, 5),   # inside the quotation: this rule opts in
        ("TST003", 3, 22),
    ]
    claimed = [v for v in vs if v.rule_id == "TST001"]
    assert claimed[0].match == "claimed" and claimed[0].suggestion == "said"


def test_severity_override_most_specific_wins():
    vs = lint("he claimed", [CLAIMED], severity={"TST": Severity.INFO, "TST001": Severity.ERROR})
    assert vs[0].severity is Severity.ERROR
    vs = lint("he claimed", [CLAIMED], severity={"TST": Severity.INFO})
    assert vs[0].severity is Severity.INFO


def test_inline_suppression_in_markdown_and_html():
    md = "he claimed\n\n<!-- stylelint-disable TST001 -->\nshe claimed\n\n<!-- stylelint-enable -->\nthey claimed\n\n<!-- stylelint-disable-next-line -->\nwe claimed\n"
    vs = lint(md, [CLAIMED], input_format="markdown")
    assert [v.line for v in vs] == [1, 7]
    html = "<p>he claimed</p><!-- stylelint-disable TST -->\n<p>she claimed</p>"
    vs = lint(html, [CLAIMED], input_format="html")
    assert [v.line for v in vs] == [1]


def test_accepted_findings_are_dropped():
    vs = lint("he claimed and insisted", [CLAIMED], accept=({"rule": "TST001", "match": "claimed"},))
    assert vs == []
    vs = lint("he claimed", [CLAIMED], accept=({"rule": "TST001", "match": "admitted"},))
    assert len(vs) == 1


class Boom(Rule):
    id, name, summary, rationale, source = "TST004", "boom", "s", "r", "s"

    def check(self, document, context):
        yield self.violation(0, 2, "first")
        raise RuntimeError("kaput")


def test_crashing_rule_is_reported_and_others_still_run():
    linter = linter_for([Boom(), CLAIMED])
    result = linter.lint_source("he claimed", None, "text")
    assert [v.rule_id for v in result.violations] == ["TST001"]
    assert result.errors == ["rule TST004 (boom) crashed: RuntimeError: kaput"]


def test_suppress_violation_and_prepare_document_hooks():
    class Plugin:
        @hookimpl
        def prepare_document(self, document, config):
            document.meta["seen"] = True

        @hookimpl
        def suppress_violation(self, violation, document, config):
            return violation.line == 2 or None

    linter = linter_for([CLAIMED])
    linter.plugins.pm.register(Plugin())
    result = linter.lint_source("he claimed\nshe claimed", None, "text")
    assert [v.line for v in result.violations] == [1]


def test_two_linters_do_not_share_state():
    a = Linter(Config(profile="ap"), plugins=get_plugin_manager(Config(), autoload=False))
    b = Linter(Config(profile="nyt", ignore=("ATT",)), plugins=get_plugin_manager(Config(), autoload=False))
    text = '"We won," the mayor claimed.'
    assert any(v.rule_id.startswith("ATT") for v in a.lint_source(text, None, "text").violations)
    assert not any(v.rule_id.startswith("ATT") for v in b.lint_source(text, None, "text").violations)
    assert a.profile.name == "ap" and b.profile.name == "nyt"


def test_phrase_rules_share_one_matcher():
    other = Substitution(id="TST005", name="kiev", summary="s", rationale="r", source="s", swap={"Kiev": "Kyiv"})
    linter = linter_for([CLAIMED, other])
    assert len(linter.matcher) == 2
    vs = linter.lint_source("He claimed Kiev fell.", None, "text").violations
    assert [(v.rule_id, v.suggestion) for v in vs] == [("TST001", "said"), ("TST005", "Kyiv")]


def test_config_content_selector_reaches_the_html_parser():
    page = (
        "<html><body><div class='chrome'><p>He claimed the menu.</p></div>"
        "<div class='story'><p>She claimed the story.</p></div></body></html>"
    )
    everywhere = lint(page, [CLAIMED], input_format="html")
    assert len(everywhere) == 2
    story = lint(page, [CLAIMED], input_format="html", content_selector="div.story")
    assert [v.line for v in story] == [1] and page[story[0].offset - 4 : story[0].offset] == "She "


class Footer(Rule):
    """A toy residue rule: the line "Share this story" is page chrome."""

    id, name, summary, rationale, source = "TST005", "footer", "s", "r", "s"
    residue = True

    def check(self, document, context):
        at = document.text.find("Share this story, he claimed")
        if at >= 0:
            yield self.violation(at, at + len("Share this story, he claimed"), "residue")


class Verdict(Rule):
    id, name, summary, rationale, source = "TST006", "verdict", "s", "r", "s"
    document_level = True

    def check(self, document, context):
        start = document.text.find("claimed", document.text.find("Share"))
        yield self.violation(start, start + 7, "document")


def test_findings_inside_page_residue_are_dropped():
    text = "The mayor claimed victory.\n\nShare this story, he claimed"
    ids = [(v.rule_id, v.line) for v in lint(text, [Footer(), CLAIMED, Verdict()])]
    # The body's finding stays; the one inside the residue line goes; a
    # document-level verdict pointing there stays.
    assert ids == [("TST001", 1), ("TST005", 3), ("TST006", 3)]
    assert [(v.rule_id, v.line) for v in lint(text, [CLAIMED])] == [("TST001", 1), ("TST001", 3)]


def test_suppressed_residue_masks_nothing():
    text = "Share this story, he claimed <!-- x -->"
    md = "<!-- stylelint-disable-next-line TST005 -->\nShare this story, he claimed\n"
    assert [v.rule_id for v in lint(md, [Footer(), CLAIMED], input_format="markdown")] == ["TST001"]
    assert [v.rule_id for v in lint(text, [Footer(), CLAIMED])] == ["TST005"]


def test_no_style_finding_inside_boilerplate_on_real_pages():
    """Scraped pages: the comment timestamps, share rows and ad lines that BPL flags carry no DAT/NUM/SPL noise."""
    from conftest import REFERENCE, corpus_files

    linter = linter_for(None)
    pages = [REFERENCE, *corpus_files("html", "nws-*.html")[:30]]
    masked_somewhere = False
    for page in pages:
        result = linter.lint_source(page.read_text(encoding="utf-8", errors="replace"), str(page))
        residue = [(v.offset, v.end_offset) for v in result.violations if v.rule_id.startswith("BPL")]
        for v in result.violations:
            if v.rule_id.startswith("BPL") or v.rule_id == "SPN001":
                continue
            assert not any(a <= v.offset and v.end_offset <= b for a, b in residue), (page.name, v)
        masked_somewhere = masked_somewhere or bool(residue)
    assert masked_somewhere


def test_declarative_rule_can_mark_residue(tmp_path):
    (tmp_path / "house.toml").write_text(
        '[[rule]]\nid = "HSE001"\nname = "newsletter-box"\nkind = "existence"\nterms = ["Sign up for our newsletter, he claimed"]\n'
        'summary = "s"\nrationale = "r"\nsource = "s"\nresidue = true\nseverity = "warning"\n'
        'examples = [{wrong = "Sign up for our newsletter, he claimed", right = "He said."}]\n',
        encoding="utf-8",
    )
    linter = linter_for([CLAIMED], rules_dirs=[str(tmp_path)], extend_select=("HSE001",))
    found = linter.lint_source("The mayor claimed it.\n\nSign up for our newsletter, he claimed", None, "text").violations
    assert [(v.rule_id, v.line) for v in found] == [("TST001", 1), ("HSE001", 3)]


def test_a_rule_documents_itself_in_fixed_sections():
    from stylelint.rule.base import Rule, doc_sections

    class Documented(Rule):
        """Flags the word 'irregardless', which is not standard English.

        ## Why
        Readers stumble on it; *regardless* says the same.

        ## Not flagged
        The word inside a quotation.

        ## Fix
        Unsafe: a quoted speaker may have said it.
        """

        id = "TST050"
        name = "irregardless"

    r = Documented()
    assert r.summary == "Flags the word 'irregardless', which is not standard English."
    assert r.rationale == "Readers stumble on it; *regardless* says the same."
    assert r.not_flagged == "The word inside a quotation." and r.fix_note.startswith("Unsafe:")
    from stylelint.rule.docs import render_rule

    page = render_rule(r)
    assert "## Not flagged\n\nThe word inside a quotation." in page and "## Fix\n\nUnsafe:" in page
    with pytest.raises(ValueError, match=r"unknown section '## Example'"):
        doc_sections("Flags x.\n\n## Example\nx")


def test_an_unknown_scope_is_an_error_naming_the_rule():
    from stylelint.rule.base import Rule

    class Typo(Rule):
        id = "TST051"
        name = "typo"
        scopes = ("paragraphs",)

        def check(self, document, context):
            yield self.violation(0, 1, "x")

    linter = linter_for([Typo()])
    assert linter.errors[0] == (
        "plugin stylelint.rule.testing: rule TST051: scopes: unknown block kind 'paragraphs' (allowed: headline, "
        "heading, paragraph, blockquote, caption, list_item, dateline, byline, table_cell)"
    )
    assert "TST051" not in {r.id for r in linter.all_rules}
