"""NUM rules: edge cases beyond the documented examples."""

from __future__ import annotations

import pytest

from stylelint.rule.testing import lint, linter_for
from stylelint_rules import numbers
from stylelint_rules._numwords import (
    int_to_words,
    ordinal_figure,
    ordinal_words,
    sentence_start,
    words_to_int,
)

from conftest import REFERENCE

RULES = {r.id: r for r in numbers.RULES}


def found(text, *ids, profile="ap", input_format="text", **config):
    rules = [RULES[i] for i in ids] if ids else [r for r in RULES.values() if r.applies_to(profile)]
    return [(v.rule_id, v.match, v.suggestion, v.fix.safe if v.fix else None)
            for v in lint(text, rules, profile=profile, input_format=input_format, **config)]


def ids(text, *rule_ids, **kw):
    return [f[0] for f in found(text, *rule_ids, **kw)]


# --- the reference article ------------------------------------------------------


def test_reference_article_only_the_two():
    text = REFERENCE.read_text(encoding="utf-8")
    assert found(text) == [("NUM001", "2", "two", False)]


@pytest.mark.parametrize("phrase", [
    "on Dec. 7", "on Dec. 30", "a Jan. 10 press conference", "100,000 troops", "42 days", "10,000 troops",
    "the next 30 days", "in 2014", "Article 5 states", "the Group of 8, or G-8,",
])
def test_reference_phrases_pass(phrase):
    assert found(f"They said {phrase} mattered.") == []


# --- NUM001: one to nine --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The Eagles won 3-2 in overtime.",
    "The court ruled 5 to 4 on Monday.",
    "The vote was 6 to 3 in favor.",
    "A 3-year-old boy was found.",
    "The boy, who is 3 years old, was found.",
    "Jane Smith, 7, and her brother were found.",
    "Children aged 5 to 7 may enter.",
    "The No. 3 seed lost.",
    "It cost $5 and 5 cents.",
    "Prices rose 5% and 4 percent.",
    "It is on Route 1 near Interstate 5.",
    "Apollo 9 and Windows 7 and the iPhone 6 shipped.",
    "They live at 4 Elm Street.",
    "It weighs 3 pounds and is 5 feet tall.",
    "Doors open at 9 a.m. and close at 5 p.m.",
    "Doors open from 5 to 7 p.m.",
    "It grew 2.5 times in 3.5 years.",
    "About 1 in 4 voters and 4 out of 5 dentists agree.",
    "It rose 3 million and fell 2 billion.",
    "It happened on Jan. 5 and 5 January.",
    "See page 5 and chapter 2, verse 3.",
    "Buy a 2x4 or a 2 x 4 board.",
    "Footnote [3] and (2) apply.",
    "Look: 1) eggs, 2) milk.",
    "The ratio is 3:1 and the score 2-1.",
    "They scored 20 and then a 3 in the final.",
    "The values are 2, 3 and 5.",
])
def test_exceptions_pass(text):
    assert ids(text, "NUM001") == [], text


@pytest.mark.parametrize(("text", "match"), [
    ("During the call, the 2 agreed to meet.", "2"),
    ("She owns 3 pencils.", "3"),
    ("It is 1 of the best.", "1"),
    ("We found 5 types of cells.", "5"),
])
def test_single_digits_flagged(text, match):
    assert found(text, "NUM001") == [("NUM001", match, int_to_words(int(match)), False)]


def test_sentence_start_digit_is_num003s():
    assert ids("2 people came.", "NUM001") == []
    assert ids("2 people came to the hearing.", "NUM003") == ["NUM003"]


def test_headlines_and_quotes_are_skipped():
    text = "3 ways to save money on the rent\n\nShe found \"3 cats\" in the attic, she said."
    assert ids(text, "NUM001", "NUM003") == []


def test_one_of_the_spelled_out_passes():
    assert ids("She is one of the best, and one in a million.") == []


def test_technical_blocks_are_skipped():
    code = "$ hg push\n[...]\nadded 1 changesets with 1 changes to 1 files\n"
    math = "e − 2 π 1 + e − 4 π 1 + q 6 ( 1 − q )"
    assert ids(code, "NUM001") == [] and ids(math, "NUM001") == []


def test_paragraphs_that_use_figures_as_labels_are_skipped():
    text = "The values are 1, 2, 3 or 5, with 1 representing the smallest chunk (why is the 4 missing?)."
    assert ids(text, "NUM001") == []
    assert ids("The service has regions numbered 1 through 10 (7 is missing).", "NUM001") == []


def test_guardian_also_spells_out_under_ten():
    assert ids("During the call, the 2 agreed to meet.", "NUM001", profile="guardian") == ["NUM001"]


# --- NUM002: ten and above ------------------------------------------------------


def test_spelled_out_ten_plus():
    assert found("She bought twelve peaches and twenty-five pears.", "NUM002") == [
        ("NUM002", "twelve", "12", False), ("NUM002", "twenty-five", "25", False)]
    assert found("About ten thousand people and fifty million dollars.", "NUM002") == [
        ("NUM002", "ten thousand", "10,000", False), ("NUM002", "fifty million", "50 million", False)]


@pytest.mark.parametrize("text", [
    "Twelve people attended.",
    "The Big Ten and Ocean's Eleven.",
    "The odds were ten to one.",
    "A hundred people came.",
    "It was fifty-fifty.",
    "He is twenty-something.",
    "She counted one, two, three.",
])
def test_spelled_out_ten_plus_passes(text):
    assert ids(text, "NUM002") == [], text


# --- NUM003: sentence start -----------------------------------------------------


def test_figure_starts_sentence():
    assert found("The hall was full. 20 people stood outside.", "NUM003") == [
        ("NUM003", "20", "Twenty", False)]
    assert found("The hall was full. 150 people stood outside.", "NUM003") == [("NUM003", "150", None, None)]


@pytest.mark.parametrize("text", [
    "2014 was a good year for the club.",
    "1990s music was loud and fun.",
    "The vote was at 10 a.m. No. 3 seed Smith lost.",
    "3M reported earnings on Tuesday.",
    "1. Preheat the oven to 350 degrees.",
    "16 Gisborne Gisborne 37,200",
    "08.55 Here's the latest from our video team.",
    "The list: 17 companies won awards this year.",
])
def test_figure_starts_sentence_passes(text):
    assert ids(text, "NUM003") == [], text


def test_block_continuing_a_lead_in_passes():
    text = "Atmospheric composition (by volume):\n\n95.32 percent carbon dioxide, 2.7 percent nitrogen and some argon."
    assert ids(text, "NUM003") == []


def test_ellipsis_does_not_end_the_sentence():
    assert ids("The dress is made of pearls ... 6,000 white Akoya pearls in all.", "NUM003") == []


def test_list_items_may_start_with_figures():
    text = "Our year:\n\n- 17 companies were awarded space in the pool.\n- 106 repos were forked.\n"
    assert ids(text, "NUM003", input_format="markdown") == []


# --- NUM004/NUM005: percentages and other figures -------------------------------


def test_percent_symbol_mode():
    assert found("It rose 60 percent, 2 per cent and .6%; then 5 %.", "NUM004") == [
        ("NUM004", "60 percent", "60%", True), ("NUM004", "2 per cent", "2%", True),
        ("NUM004", ".6%", "0.6%", True), ("NUM004", "5 %", "5%", True)]
    assert ids("It rose 4 percentage points.", "NUM004") == []


def test_percent_word_mode_nyt():
    assert found("It rose 4%.", "NUM004", profile="nyt") == [("NUM004", "4%", "4 percent", True)]
    assert ids("It rose 4 percent.", "NUM004", profile="nyt") == []
    assert ids("Prices up 4%\n\nIt rose 4 percent.", "NUM004", profile="nyt") == []  # headline


def test_percent_is_not_a_guardian_default():
    linter = linter_for(None, profile="guardian")
    assert "NUM004" not in {r.id for r in linter.rules}


def test_spelled_out_exceptions():
    got = found("It fell six percent; a five-year-old paid five dollars; aged four; seven years old.", "NUM005")
    assert got == [
        ("NUM005", "six percent", "6%", True), ("NUM005", "five", "5", True),
        ("NUM005", "five dollars", "$5", True), ("NUM005", "four", "4", True), ("NUM005", "seven", "7", True)]
    assert found("It fell six percent.", "NUM005", profile="nyt") == [("NUM005", "six percent", "6 percent", True)]


@pytest.mark.parametrize("text", [
    "Five percent of voters were undecided.",
    "Not one inch was given.",
    "She has two feet and three children.",
    "He holds two degrees in law.",
])
def test_spelled_out_exceptions_pass(text):
    assert ids(text, "NUM005") == [], text


# --- money ----------------------------------------------------------------------


def test_money():
    assert found("It cost $5.00, not $5.50.", "NUM006") == [("NUM006", "$5.00", "$5", True)]
    assert found("It cost $3 million dollars.", "NUM007") == [("NUM007", " dollars", "", True)]
    assert ids("It cost £3 and weighed 10 pounds.", "NUM007") == []
    assert found("It raised $5m, $2.5bn and $40K.", "NUM008") == [
        ("NUM008", "$5m", "$5 million", True), ("NUM008", "$2.5bn", "$2.5 billion", True),
        ("NUM008", "$40K", "$40,000", True)]
    assert found("It cost $5,000,000 and $1,250,000, not $1,234,567.", "NUM008") == [
        ("NUM008", "$5,000,000", "$5 million", False), ("NUM008", "$1,250,000", "$1.25 million", False)]


def test_guardian_money():
    assert found("The council spent £5 million and $2 billion.", "NUM008", profile="guardian") == [
        ("NUM008", "£5 million", "£5m", True), ("NUM008", "$2 billion", "$2bn", True)]
    assert ids("The council spent £5m on roads.", "NUM008", profile="guardian") == []


# --- ordinals and decades -------------------------------------------------------


def test_ordinals():
    assert found("She was 1st and he was 2nd-best on the eleventh floor.", "NUM009") == [
        ("NUM009", "1st", "first", False), ("NUM009", "2nd", "second", False),
        ("NUM009", "eleventh", "11th", False)]


@pytest.mark.parametrize("text", [
    "He served in the 1st Cavalry Division and the 3rd District.",
    "It ended Dec. 7th and on the 4th of July.",
    "A tenth of the budget; one-tenth of the land.",
    "At the eleventh hour, the 21st century began.",
])
def test_ordinals_pass(text):
    assert ids(text, "NUM009") == [], text


def test_decades():
    assert found("In the 1990's and in her 30's.", "NUM010") == [
        ("NUM010", "1990's", "1990s", True), ("NUM010", "30's", "30s", True)]
    assert found("Music of the 90's.", "NUM010") == [("NUM010", "90's", "’90s", False)]
    assert ids("2014's budget and 2020's plan.", "NUM010") == []


# --- helpers --------------------------------------------------------------------


def test_number_words():
    assert words_to_int("twenty-five") == 25
    assert words_to_int("three hundred and twenty") == 320
    assert words_to_int("forty-five thousand") == 45000
    assert words_to_int("one two three") is None and words_to_int("fifty-fifty") is None
    assert int_to_words(38) == "thirty-eight" and int_to_words(100) is None
    assert ordinal_words(21) == "twenty-first" and ordinal_words(30) == "thirtieth"
    assert ordinal_figure(11) == "11th" and ordinal_figure(22) == "22nd" and ordinal_figure(101) == "101st"


@pytest.mark.parametrize(("text", "at", "want"), [
    ("Hello. 20 people", 7, True),
    ("No. 3 seed", 4, False),
    ("on Dec. 7 it", 8, False),
    ("He left! 5 stayed", 9, True),
    ('He said. "5 stayed', 10, True),
    ("3.5 grew", 2, False),
    ("line one\n5 more", 9, False),
    ("line one.\n5 more", 10, True),
])
def test_sentence_start(text, at, want):
    assert sentence_start(text, at, 0) is want


