"""HON: courtesy titles, formal titles, first and later references (edge cases beyond the examples)."""

from __future__ import annotations

from pathlib import Path

import pytest

from stylelint.rule.testing import lint
from stylelint_rules import honorifics
from stylelint_rules._people import people

RULES = {r.id: r for r in honorifics.RULES}
ROOT = Path(__file__).resolve().parents[2]


def found(text: str, rule_id: str, profile: str = "ap", input_format: str = "text") -> list[str]:
    """The matched text of each finding of one rule, run on its own (selected explicitly)."""
    return [v.match for v in lint(text, [RULES[rule_id]], profile=profile, input_format=input_format)]


def by_profile(text: str, rule_id: str, profile: str) -> list[str]:
    """Findings of one rule when the profile selects the rules (as the CLI does)."""
    return [v.match for v in lint(text, None, profile=profile) if v.rule_id == rule_id]


def all_hon(text: str, profile: str = "ap", input_format: str = "text") -> list[tuple[str, str]]:
    return [(v.rule_id, v.match) for v in lint(text, list(RULES.values()), profile=profile, input_format=input_format)]


# -- the reference article ----------------------------------------------------


@pytest.mark.parametrize("profile", ["ap", "guardian"])
def test_reference_article_has_no_hon_findings(profile):
    text = (ROOT / "examples" / "blinken-ukraine.txt").read_text(encoding="utf-8")
    assert all_hon(text, profile) == []


def test_reference_article_people():
    from stylelint.rule.testing import linter_for

    text = (ROOT / "examples" / "blinken-ukraine.txt").read_text(encoding="utf-8")
    doc = linter_for([]).parse(text, None, "text")
    names = {p.name for p in people(doc).persons}
    assert {"Antony Blinken", "Volodymyr Zelenskyy", "Dmytro Kuleba", "Sergey Lavrov",
            "Annalena Baerbock", "Jen Psaki", "Jake Sullivan", "John Kirby", "Joe Biden",
            "Vladimir Putin", "Sergei Ryabkov"} <= names
    # No organisation or place is taken for a person.
    assert not any(n.startswith(("North", "State", "White", "Donetsk")) for n in names)


# -- HON001 courtesy titles -----------------------------------------------------


def test_courtesy_title_inside_quotation_is_the_speakers():
    text = 'John Kirby spoke. "It is hard to say what Mr. Putin wants," Kirby said.'
    assert found(text, "HON001") == []


def test_courtesy_title_in_multi_paragraph_quotation():
    text = (
        'Kirby spoke at length. "We are watching closely. Mr. Putin has options.\n\n'
        '"And Mr. Putin knows it," he said.'
    )
    assert found(text, "HON001") == []


def test_courtesy_title_in_headline_quote_is_not_flagged():
    text = "Biden: 'Mr. Putin must choose'\n\nPresident Joe Biden spoke on Tuesday."
    assert found(text, "HON001") == []


def test_courtesy_title_in_headline_outside_quote_is_flagged():
    text = "Mr. Putin weighs his options\n\nRussian President Vladimir Putin met aides on Tuesday."
    assert found(text, "HON001") == ["Mr. Putin"]


def test_courtesy_title_without_period_guardian_style():
    assert found("Later, Mr Obama left for Kenya.", "HON001", "guardian") == ["Mr Obama"]


def test_courtesy_title_fix_drops_the_title():
    [v] = lint("Jane Johnson spoke. Ms. Johnson left.", [RULES["HON001"]])
    assert v.suggestion == "Johnson" and v.fix and not v.fix.safe


def test_courtesy_title_allowlist_and_non_names():
    text = "Mr. T starred, Miss America was crowned, and she said: thank you, Mr. President."
    assert found(text, "HON001") == []


def test_miss_as_a_verb_is_not_a_title():
    assert found("Miss Kansas City and you miss everything.", "HON001") == []


def test_nyt_allows_courtesy_title_on_later_reference():
    text = "John Kirby, a Pentagon spokesman, spoke. Mr. Kirby said no more."
    assert found(text, "HON001", "nyt") == []


def test_nyt_flags_courtesy_title_with_full_name():
    text = "Mr. John Kirby, a Pentagon spokesman, spoke. Mr. Kirby said no more."
    assert found(text, "HON001", "nyt") == ["Mr. John Kirby"]


# -- HON002 NYT later references --------------------------------------------------


def test_nyt_later_reference_wants_courtesy_title_and_reuses_it():
    text = "Jen Psaki took questions. Ms. Psaki said talks would go on. Later Psaki left."
    vs = lint(text, [RULES["HON002"]], profile="nyt")
    assert [v.match for v in vs] == ["Psaki"]
    assert vs[0].suggestion == "Ms. Psaki"


def test_nyt_later_reference_is_ap_style_in_ap():
    text = "Pentagon spokesman John Kirby spoke. Kirby said nothing had changed."
    assert by_profile(text, "HON002", "ap") == []
    assert by_profile(text, "HON002", "nyt") == ["Kirby"]


def test_nyt_later_reference_keeps_the_surname_particle():
    text = ("The philosopher Luis de Miranda wrote the book. Ms. Smith disagreed. "
            "Even de Miranda admits it. Erik van Sebille, an oceanographer, spoke on Monday. "
            "The currents shift, van Sebille said.")
    vs = lint(text, [RULES["HON002"]], profile="nyt")
    assert [v.match for v in vs] == ["de Miranda", "van Sebille"]
    assert "Luis de Miranda" in vs[0].message and "'Mr. de Miranda'" in vs[0].message


def test_nyt_particle_word_not_in_the_name_stays_outside():
    text = "Tom Johnson parked his car on Monday. The truck that van Johnson rented was red."
    assert [v.match for v in lint(text, [RULES["HON002"]], profile="nyt")] == ["Johnson"]


def test_nyt_no_finding_inside_quotation_or_attributive():
    text = (
        'President Joe Biden spoke. "Biden is right," a senator said. '
        "The Biden administration said it would act."
    )
    assert found(text, "HON002", "nyt") == []


def test_nyt_skips_sports_copy():
    text = (
        "Quarterback Tom Brady threw three touchdowns as the season ended. Brady said the playoffs "
        "start next week, and the coach agreed the championship run was on. The NFL season, the "
        "playoffs and the Super Bowl await."
    )
    assert found(text, "HON002", "nyt") == []


# -- HON003 first name on later reference -----------------------------------------


def test_first_name_later_reference():
    text = "Jane Smith, a junior, won. Asked why, Jane said she had worked hard."
    vs = lint(text, [RULES["HON003"]])
    assert [v.match for v in vs] == ["Jane"]
    assert vs[0].suggestion == "Smith"


def test_first_name_with_shared_surname_suggests_full_name():
    text = "Hal Finney and Fran Finney lived in California. Fran worried that Hal would choke."
    vs = lint(text, [RULES["HON003"]])
    assert {v.suggestion for v in vs} == {"Hal Finney", "Fran Finney"}


def test_first_name_not_flagged_in_quotes_address_labels_or_couples():
    text = (
        'Catherine Jones joined 18F in May. "Catherine is great," her manager said. '
        "Thanks, Catherine. Catherine: We pair every day. George and Catherine met later."
    )
    assert found(text, "HON003") == []


def test_first_name_of_character_is_not_flagged():
    text = "Oscar Isaac plays Abel Morales, a businessman. Abel struggles to stay honest."
    assert found(text, "HON003") == []


# -- HON004 title on later reference ---------------------------------------------------


def test_title_repeated_on_later_reference():
    text = "Sen. Dianne Feinstein spoke. Later, Sen. Feinstein said the bill would pass."
    vs = lint(text, [RULES["HON004"]])
    assert [v.match for v in vs] == ["Sen. Feinstein"]
    assert vs[0].suggestion == "Feinstein"


def test_title_after_name_and_other_person_with_same_surname():
    text = "Hunter Biden testified. President Biden did not comment."
    assert found(text, "HON004") == []


def test_title_on_later_reference_is_nyt_allowed():
    text = "Gen. Mark Milley testified. Gen. Milley said the plan was sound."
    assert by_profile(text, "HON004", "ap") == ["Gen. Milley"]
    assert by_profile(text, "HON004", "nyt") == []


# -- HON005/HON006 capitalisation of titles --------------------------------------------


def test_lowercase_title_before_name_fix_is_safe():
    [v] = lint("He met with president Joe Biden on Tuesday.", [RULES["HON005"]])
    assert v.match == "president" and v.suggestion == "President" and v.fix.safe


def test_lowercase_title_not_for_company_or_possessive():
    text = "Microsoft president Brad Smith spoke, and the company's president John Doe agreed with his defense minister Kim Yong-hyun."
    assert found(text, "HON005") == []


def test_title_after_name_lowercase():
    assert found("Ann Lee, the Mayor, said the road would reopen.", "HON006") == ["Mayor"]
    assert found("Ann Lee, the mayor, said the road would reopen.", "HON006") == []


def test_capitalized_title_alone_not_in_official_names_or_headlines():
    text = "The President Speaks\n\nThe Department of the Prime Minister and Cabinet said so."
    assert found(text, "HON006") == []


# -- HON007/HON008 abbreviations ----------------------------------------------------------


def test_spelled_out_title_ap_only():
    text = "Senator Dianne Feinstein spoke."
    assert by_profile(text, "HON007", "ap") == ["Senator"]
    assert by_profile(text, "HON007", "nyt") == []


def test_spelled_out_title_not_other_titles():
    text = "Attorney General Merrick Garland and General Motors chief Mary Barra met Governor General Julie Payette."
    assert found(text, "HON007") == []


def test_reverend_suggestion_adds_article():
    [v] = lint("The march was led by Reverend Jesse Jackson.", [RULES["HON007"]])
    assert v.suggestion == "the Rev."


def test_pres_abbreviation_is_an_error_in_every_profile():
    for profile in ("ap", "nyt", "guardian"):
        [v] = lint("Pres. Joe Biden spoke.", [RULES["HON008"]], profile=profile)
        assert v.severity.name.lower() == "error"


# -- HON009 Jr. --------------------------------------------------------------------------


def test_comma_before_jr_fix():
    [v] = lint("Martin Luther King, Jr. spoke in Washington.", [RULES["HON009"]])
    assert v.fix.safe and v.fix.replacement == " Jr."


def test_comma_before_and_after_jr_is_unsafe():
    [v] = lint("Martin Luther King, Jr., spoke in Washington.", [RULES["HON009"]])
    assert not v.fix.safe


def test_names_with_jr_are_tracked():
    text = "Martin Luther King Jr. spoke. King said the dream lived. Later, Martin returned."
    assert found(text, "HON003") == ["Martin"]


# -- HON010 shared surnames -------------------------------------------------------------


def test_alias_is_one_person():
    text = "Ron Karenga, aka Maulana Karenga, founded the group. Karenga later taught."
    assert found(text, "HON010") == []


def test_citation_initials_are_not_people():
    text = "^ Wu, J.; Maady, A.; Thiberge, J. (2009). Retrieved 2011."
    assert all_hon(text) == []


# -- performance ----------------------------------------------------------------------------




def test_first_name_later_reference_suggests_the_surname_with_its_particle():
    text = "The philosopher Luis de Miranda wrote the book on Monday. Critics liked it, and Luis said he was pleased."
    vs = lint(text, [RULES["HON003"]])
    assert [(v.match, v.suggestion) for v in vs] == [("Luis", "de Miranda")]
