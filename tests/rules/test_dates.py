"""DAT rules: edge cases beyond the documented examples."""

from __future__ import annotations

import datetime as dt

import pytest

from stylelint.rule.testing import lint, linter_for
from stylelint_rules import dates
from stylelint_rules._calendar import infer_year, month_number, publication_date, weekday_number

from conftest import REFERENCE

RULES = {r.id: r for r in dates.RULES}


def found(text, *ids, profile="ap", input_format="text", **config):
    rules = [RULES[i] for i in ids] if ids else [r for r in RULES.values() if r.applies_to(profile)]
    return [(v.rule_id, v.match, v.suggestion, v.fix.safe if v.fix else None)
            for v in lint(text, rules, profile=profile, input_format=input_format, **config)]


def ids(text, *rule_ids, **kw):
    return [f[0] for f in found(text, *rule_ids, **kw)]


# --- the reference article ------------------------------------------------------


def test_reference_article_only_the_caption_date():
    text = REFERENCE.read_text(encoding="utf-8")
    got = found(text)
    assert got == [("DAT001", "January", "Jan.", True)]


@pytest.mark.parametrize("phrase", ["on Dec. 7, Biden", "on Dec. 30, Biden", "a Jan. 10 press", "Last month,",
                                    "Last week,", "on Tuesday and", "in 2014,"])
def test_reference_phrases_pass(phrase):
    assert found(f"It happened {phrase} the rest.") == []


# --- months ---------------------------------------------------------------------


def test_month_fix_is_safe_and_minimal():
    assert found("It opened January 14, 2022, in Geneva.", "DAT001") == [("DAT001", "January", "Jan.", True)]


def test_month_without_day_or_with_year_only_passes_dat001():
    assert ids("In January 2022, sales rose. January was cold.", "DAT001") == []


def test_month_before_percent_is_not_a_date():
    assert ids("Sales in December 5 percent higher", "DAT001") == []


def test_never_abbreviated_months():
    assert found("It opens Mar. 3 and closes Jun 5.", "DAT002") == [
        ("DAT002", "Mar.", "March", True), ("DAT002", "Jun", "June", True)]


def test_sept_and_missing_period():
    assert found("Due Sept 30 or Oct 1.", "DAT002") == [
        ("DAT002", "Sept", "Sept.", True), ("DAT002", "Oct", "Oct.", True)]


def test_abbreviation_without_day():
    assert found("Prices rose in Aug. and again in Sept. 2019.", "DAT003") == [
        ("DAT003", "Aug.", "August", True), ("DAT003", "Sept.", "September", True)]
    assert ids("Prices rose Aug. 5 and Sept. 30.", "DAT003") == []


def test_month_rules_follow_the_profile():
    assert ids("Talks open January 14 in Geneva.", "DAT001", profile="guardian") == []
    assert ids("Talks open January 14 in Geneva.", "DAT001", profile="nyt") == ["DAT001"]


def test_quotations_are_the_speakers():
    assert ids('"We met on January 14th," she said.') == []


def test_headline_dates_are_checked():
    text = "Talks set for January 14 in Geneva\n\nThe talks open soon."
    assert ids(text, "DAT001") == ["DAT001"]


# --- ordinals and order ---------------------------------------------------------


def test_ordinal_after_month():
    assert found("Call on Dec. 7th.", "DAT004") == [("DAT004", "7th", "7", True)]
    assert found("Call on December 7th.", "DAT004") == [("DAT004", "7th", "7", True)]


def test_ordinal_before_month_ap_and_guardian():
    assert found("It ends the 7th of December.", "DAT004") == [("DAT004", "the 7th of December", "Dec. 7", False)]
    assert found("It ends on 7th December 2022.", "DAT004", profile="guardian") == [
        ("DAT004", "7th December 2022", "7 December 2022", True)]


def test_fourth_of_july_and_finishing_positions_pass():
    assert ids("Fireworks on the 4th of July. She finished 7th in May.", "DAT004") == []


def test_day_month_order_in_ap():
    assert found("Retrieved 4 February 2017.", "DAT005") == [("DAT005", "4 February 2017", "Feb. 4, 2017", False)]


def test_month_day_order_in_guardian():
    assert found("Talks open on Dec. 16 in Geneva.", "DAT005", profile="guardian") == [
        ("DAT005", "Dec. 16", "16 December", True)]
    assert found("Talks opened on December 16, 2022.", "DAT005", profile="guardian") == [
        ("DAT005", "December 16, 2022", "16 December 2022", False)]
    assert found("Talks opened on December 16th.", "DAT005", profile="guardian") == [
        ("DAT005", "December 16th", "16 December", True)]


def test_guardian_ranges_and_right_forms_pass():
    assert ids("Talks ran 6–8 November 2014 and on Sunday 22 March 2015.", profile="guardian") == []


def test_date_order_setting_overrides_the_profile():
    assert ids("Talks open 16 December.", "DAT005", settings={"date_order": "dmy"}) == []
    assert ids("Talks open December 16.", "DAT005", settings={"date_order": "dmy"}) == ["DAT005"]


def test_figures_that_are_not_days():
    assert ids("They sold 300 May baskets and 45 March hares.", "DAT005") == []


# --- commas around the year -----------------------------------------------------


def test_year_commas():
    assert found("Feb. 14, 1987 was the date.", "DAT006") == [("DAT006", "1987", "1987,", True)]
    assert found("It began Jan. 1 2022.", "DAT006") == [("DAT006", "1 2022", "1, 2022", True)]
    assert found("It closed in July, 2020.", "DAT006") == [("DAT006", "July, 2020", "July 2020", True)]
    assert found("It closed in June of 2012.", "DAT006") == [("DAT006", "June of 2012", "June 2012", False)]


@pytest.mark.parametrize("text", [
    "It fell on Feb. 14, 1987.",
    "It fell on Feb. 14, 1987, and again in 1988.",
    "It fell on Feb. 14, 1987 — a Saturday.",
    "Dec. 22, 2014 Airport power cut strands travelers",
    "Ukraine January 14, 2022.Alexander Ermochenko | Reuters",
    "It fell on 14 February, 1987.",
])
def test_year_commas_pass(text):
    assert ids(text, "DAT006") == []


def test_year_commas_not_in_guardian():
    assert ids("Feb. 14, 1987 was the date.", "DAT006", profile="guardian") == []


# --- weekdays -------------------------------------------------------------------


def test_weekday_agrees_with_explicit_year():
    assert ids("The summit opened Friday, Jan. 14, 2022, in Geneva.", "DAT007") == []
    assert found("The summit opened Thursday, Jan. 14, 2022, in Geneva.", "DAT007") == [
        ("DAT007", "Thursday", "Friday", False)]


def test_weekday_year_from_publication_setting():
    text = "Talks resume Thursday, Jan. 14, in Geneva."
    assert ids(text, "DAT007") == []  # no year known: not checked
    assert ids(text, "DAT007", settings={"publication_date": "2022-01-10"}) == ["DAT007"]
    assert ids(text, "DAT007", settings={"publication_date": "2021-01-10"}) == []  # Jan. 14, 2021 was a Thursday


def test_weekday_year_inferred_across_new_year():
    # A story published in early January about "Thursday, Dec. 30" means last December.
    assert ids("Biden called Thursday, Dec. 30.", "DAT007", settings={"publication_date": "2022-01-18"}) == []
    assert ids("Biden called Friday, Dec. 30.", "DAT007", settings={"publication_date": "2022-01-18"}) == ["DAT007"]


def test_weekday_year_from_markdown_front_matter():
    text = "---\ntitle: Talks\ndate: 2022-01-18\n---\n\nTalks resume Thursday, Jan. 14, in Geneva.\n"
    assert ids(text, "DAT007", input_format="markdown") == ["DAT007"]


def test_weekday_day_month_order():
    assert ids("It was held on Tuesday 5 December 2022.", "DAT007", profile="guardian") == ["DAT007"]
    assert ids("It was held on Monday 5 December 2022.", "DAT007", profile="guardian") == []


def test_impossible_dates():
    got = found("Payment is due Friday, Feb. 30, and Monday, Feb. 29, 2021.", "DAT007")
    assert [g[1] for g in got] == ["Feb. 30", "Feb. 29"]
    assert ids("Leap day: Tuesday, Feb. 29, 2028.", "DAT007") == []


def test_newspaper_sun_is_not_a_weekday():
    assert ids("The Sun, May 3, 2020, ran it.", "DAT007", "DAT008") == []


def test_abbreviated_weekday():
    assert found("Doors open Sat., May 4.", "DAT008") == [("DAT008", "Sat.", "Saturday", True)]
    assert found("Doors open Sat 4 May.", "DAT008", profile="guardian") == []  # needs a period or comma
    assert found("Doors open Sat, 4 May.", "DAT008", profile="guardian") == [("DAT008", "Sat", "Saturday", True)]


# --- times ----------------------------------------------------------------------


@pytest.mark.parametrize(("wrong", "right"), [
    ("5pm", "5 p.m."), ("5 PM", "5 p.m."), ("5p.m.", "5 p.m."), ("10:30AM", "10:30 a.m."),
    ("5 a.m", "5 a.m."), ("9.30 pm", "9:30 p.m."), ("09:15 A.M.", "9:15 a.m."),
])
def test_ap_time_forms(wrong, right):
    assert found(f"Doors open at {wrong} daily.", "DAT009") == [("DAT009", wrong, right, True)]


@pytest.mark.parametrize(("wrong", "right"), [
    ("5 p.m.", "5pm"), ("5 PM", "5pm"), ("7:45pm", "7.45pm"), ("10.30 am", "10.30am"),
])
def test_guardian_time_forms(wrong, right):
    assert found(f"Doors open at {wrong} daily.", "DAT009", profile="guardian") == [("DAT009", wrong, right, True)]


def test_guardian_time_keeps_the_sentence_period():
    assert found("Doors open at 5 p.m. The show follows.", "DAT009", profile="guardian") == [
        ("DAT009", "5 p.m.", "5pm.", True)]


def test_right_times_pass():
    assert ids("Doors open at 5 p.m. and 10:30 a.m., not at 13:00 or 2.5 miles.", "DAT009") == []
    assert ids("Doors open at 5pm and 10.30am.", "DAT009", profile="guardian") == []


def test_am_radio_is_not_a_time():
    assert ids("He owns 5 AM stations.", "DAT009") == []


def test_on_the_hour():
    assert found("At 10:00 a.m. and 3:00 PM.", "DAT010") == [
        ("DAT010", ":00", "", True), ("DAT010", ":00", "", True)]
    assert found("At 10.00pm.", "DAT010", profile="guardian") == [("DAT010", ".00", "", True)]
    assert ids("At 12:00 p.m.", "DAT010") == []  # noon: DAT011


def test_noon_and_midnight():
    assert found("It ends at 12 p.m. Monday.", "DAT011") == [("DAT011", "12 p.m.", "noon", True)]
    assert found("It ends at 12:00 AM, then", "DAT011") == [("DAT011", "12:00 AM", "midnight", True)]
    assert found("It ends at 12 p.m.", "DAT011") == [("DAT011", "12 p.m.", "noon.", True)]
    assert found("It ends at 12 p.m. The rest waits.", "DAT011") == [("DAT011", "12 p.m.", "noon.", True)]
    assert found("It ends at 12 midnight.", "DAT011") == [("DAT011", "12 midnight", "midnight", True)]
    assert ids("It ends at 12:30 p.m. or at 12.", "DAT011") == []
    assert ids("It ends at 12pm.", "DAT011", profile="guardian") == []


def test_redundant_time_of_day():
    got = found("The vote is at 7 p.m. tonight and 9 a.m. Tuesday morning.", "DAT012")
    assert got == [("DAT012", "tonight", "today", False), ("DAT012", "Tuesday morning", "Tuesday", False)]
    assert ids("He left at 8 a.m. Tuesday night.", "DAT012") == []


# --- relative days --------------------------------------------------------------


def test_last_next_weekday():
    assert found("The council voted last Monday.", "DAT013") == [("DAT013", "last Monday", "Monday", False)]
    assert found("Next Tuesday's vote matters.", "DAT013") == [("DAT013", "Next Tuesday", "Tuesday", False)]


@pytest.mark.parametrize("text", [
    "Elections fall on the last Tuesday of the month.",
    "It opens the last Sunday in May.",
    "Last month and last week were busy; last year too.",
    "Every last Friday counts.",
])
def test_last_next_weekday_passes(text):
    assert ids(text, "DAT013") == []


def test_last_weekday_is_ap_only():
    assert ids("The council voted last Monday.", profile="guardian") == []


def test_on_before_weekday_is_off_by_default():
    linter = linter_for(None)
    assert "DAT014" not in {r.id for r in linter.rules}
    assert ids("The council voted on Tuesday.", "DAT014") == ["DAT014"]
    assert ids("On Tuesday, the council voted.", "DAT014") == []


# --- helpers --------------------------------------------------------------------


def test_calendar_helpers():
    assert month_number("Sept.") == 9 and month_number("Sep") == 9 and month_number("Mayo") is None
    assert weekday_number("Thurs.") == 3 and weekday_number("Sun") == 6
    assert infer_year(12, 30, dt.date(2022, 1, 18)) == 2021
    assert infer_year(1, 14, dt.date(2022, 1, 18)) == 2022
    assert infer_year(2, 29, dt.date(2022, 1, 18)) is None or infer_year(2, 29, dt.date(2022, 1, 18)) == 2024
    assert publication_date({"published": "2022-01-18"}) == dt.date(2022, 1, 18)
    assert publication_date({"published": "2022-01-18"}, "2021-05-01") == dt.date(2021, 5, 1)
    assert publication_date({}, None) is None


