"""DTL: datelines are found only at the start of a story, and checked against AP's form."""

from __future__ import annotations

import pytest

from stylelint.parsers.text import parse
from stylelint.rule.testing import lint
from stylelint_rules import family_rules
from stylelint_rules.dateline.analysis import find_dateline

from conftest import REFERENCE, corpus_files, needs_corpus

RULES = family_rules("dateline")

DTL = {r.id: r for r in RULES}


def dtl(text: str, profile: str = "ap", **config):
    return [v for v in lint(text, RULES, profile=profile, **config) if v.rule_id.startswith("DTL")]


def test_reference_article_one_finding_on_the_dash():
    found = dtl(REFERENCE.read_text(encoding="utf-8"))
    assert [(v.rule_id, v.match, v.suggestion) for v in found] == [
        ("DTL001", "WASHINGTON –  ", "WASHINGTON — ")  # the source has a no-break space; the prose a space
    ]
    v = found[0]
    assert (v.line, v.column) == (3, 1)
    assert v.fix is not None and v.fix.safe and v.fix.replacement == "WASHINGTON — "
    assert "en dash" in v.message and "two spaces" in v.message


def test_no_credit_is_invented_but_an_existing_one_is_kept():
    (v,) = dtl("MUMBAI (Reuters) - The BSE Sensex ended flat on Tuesday.")
    assert v.suggestion == "MUMBAI (Reuters) — "
    (v,) = dtl("TRENTON -- Gov. Chris Christie spoke on Tuesday.")
    assert v.suggestion == "TRENTON — "
    assert "(AP)" not in v.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON — Secretary of State Antony Blinken will go to Ukraine.",
        "MOSCOW (AP) — An unmanned Russian cargo ship broke up.",
        "KANSAS CITY, Mo. (AP) — The Chiefs won.",
        "ST. LOUIS — The Cardinals lost.",
        "WINSTON-SALEM, N.C. — A storm hit.",
    ],
)
def test_correct_datelines_pass(text):
    assert dtl(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The agency said on Friday that it would delay the launch.",
        "The council met on Monday. WASHINGTON - the city - was quiet.",
        "Officials met.\n\nLater, NATO - the alliance - said it would respond.",
        "UPDATE - The vote was delayed until Friday.",
        "NASA - The agency said on Friday it would delay the launch.",
        "A HIGH-powered federal government team has been doing the rounds.",
        "AUDIT COMMITTEE (at Skadden, Arps, Slate, Meagher & Flom LLP)",
        "RELATED: Kentucky basketball's Christmas present",
        "FBI — Agents raided the office on Friday.",
    ],
)
def test_no_dateline_no_finding(text):
    assert dtl(text) == []


def test_only_the_opening_blocks_are_read():
    caption = "People walk past the Bombay Stock Exchange building in Mumbai May 13, 2014."
    text = f"{caption}\n\nThe best of 2014.\n\nMUMBAI (Reuters) - The Sensex ended flat."
    assert [v.rule_id for v in dtl(text)] == ["DTL001"]
    late = "\n\n".join(["A paragraph of story text that is long enough to be the lead."] * 6)
    assert dtl(late + "\n\nPORTLAND -- A brief item further down.") == []


def test_headline_is_not_a_dateline_block():
    text = "WASHINGTON - A HEADLINE IN CAPITALS\n\nThe story starts here, without a dateline."
    doc = parse(text)
    assert doc.blocks[0].kind == "headline"
    assert find_dateline(doc) is None


def test_find_dateline_spans():
    doc = parse("HUNTSVILLE, Alabama (AP) - Hockey players gathered.")
    d = find_dateline(doc)
    assert d is not None and d.capitals
    assert doc.text[d.place[0] : d.place[1]] == "HUNTSVILLE"
    assert doc.text[d.region[0] : d.region[1]] == "Alabama"
    assert doc.text[d.credit[0] : d.credit[1]] == "AP"
    assert doc.text[d.end :].startswith("Hockey")
    assert find_dateline(doc) is d  # cached


@pytest.mark.parametrize(
    ("text", "rule", "match", "suggestion"),
    [
        ("SACRAMENTO, CA — The governor signed the bill.", "DTL002", "CA", "Calif."),
        ("AUSTIN, TX — The legislature met.", "DTL002", "TX", "Texas"),
        ("HUNTSVILLE, Alabama — Hockey players gathered.", "DTL002", "Alabama", "Ala."),
        ("AUSTIN, Tex. — The legislature met.", "DTL002", "Tex.", "Texas"),
        ("ORLANDO, Fla — A storm hit.", "DTL002", "Fla", "Fla."),
        ("BOSTON, Mass. — The mayor spoke.", "DTL002", ", Mass.", ""),
        ("Sacramento, Calif. — The governor signed the bill.", "DTL003", "Sacramento", "SACRAMENTO"),
    ],
)
def test_state_and_capitals(text, rule, match, suggestion):
    found = [v for v in dtl(text) if v.rule_id == rule]
    assert [(v.match, v.suggestion) for v in found] == [(match, suggestion)]


def test_postal_code_is_an_error_spelled_out_state_a_warning():
    (postal,) = dtl("SACRAMENTO, CA — The governor signed the bill.")
    (full,) = dtl("HUNTSVILLE, Alabama — Hockey players gathered.")
    assert str(postal.severity) == "error" and str(full.severity) == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL, South Korea — A plan to impeach the president failed.",
        "TBILISI, Georgia — Protesters gathered outside parliament.",
        "SURABAYA, Indonesia/JAKARTA — Rescuers pulled bodies from the sea.",
        "PORTLAND, Ore. — The council met.",
        "HONOLULU — Surf was high.",
        "HILO, Hawaii — Lava flowed.",
    ],
)
def test_foreign_and_correct_states_pass(text):
    assert [v for v in dtl(text) if v.rule_id == "DTL002"] == []


@pytest.mark.parametrize("profile", ["nyt", "guardian"])
def test_profiles_without_datelines_are_quiet(profile):
    assert dtl(REFERENCE.read_text(encoding="utf-8"), profile=profile) == []
    assert dtl("SACRAMENTO, CA — The governor signed the bill.", profile=profile) == []


def test_datelines_setting_turns_the_family_on():
    found = dtl("BEAVERTON -- The foundation awarded grants.", profile="nyt", settings={"datelines": True})
    assert [v.rule_id for v in found] == ["DTL001"]


@needs_corpus
def test_corpus_findings_are_all_opening_datelines():
    """Every DTL finding in the corpus sits at the start of a story's opening block."""
    files = corpus_files("text", "*.txt")
    assert files
    with_dateline = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        found = dtl(text)
        doc = parse(text)
        d = find_dateline(doc)
        if d is None:
            assert found == [], path.name
            continue
        with_dateline += 1
        block = doc.block_at(d.start)
        assert block is not None and block.span.start == d.start, path.name
        for v in found:
            assert d.start <= v.offset < d.end, (path.name, v.match)
    # 17 or so of 193 pages open with a dateline; most have none.
    assert 10 <= with_dateline <= 30
