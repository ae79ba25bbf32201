"""SPL: the house lists per profile, one spelling per article, names, U.S./US."""

from __future__ import annotations

import pytest

from stylelint.config.profiles import PROFILES
from stylelint.rule.testing import lint
from stylelint_rules.spelling import (
    LIST_FILES,
    RULES,
    _rows,
    house_list,
    read_list,
    variant_groups,
)

from conftest import REFERENCE

BY_ID = {r.id: r for r in RULES}


def spl(text: str, profile: str = "ap", rules=None, **config):
    rules = rules or RULES
    return [(v.rule_id, v.match, v.suggestion) for v in lint(text, rules, profile=profile, **config)]


def one(rule_id: str, text: str, profile: str = "ap"):
    return [(m, s) for r, m, s in spl(text, profile, [BY_ID[rule_id]])]


# -- the reference article -------------------------------------------------------


def test_reference_article_flags_advisor_and_towards_only():
    found = spl(REFERENCE.read_text(encoding="utf-8"))
    assert sorted(found) == sorted(
        [("SPL001", "towards", "toward")] * 4 + [("SPL001", "advisor", "adviser")]
    )


# -- the data files ------------------------------------------------------------------


def _list_names():
    names = {"spelling-common.tsv", "spelling-variants.tsv"}
    for name, profile in PROFILES.items():
        names.add(f"spelling-{name}.tsv")
        names.add(f"spelling-{profile.settings['spelling']}.tsv")
    return sorted(names)


@pytest.mark.parametrize("name", _list_names())
def test_data_files_ship_and_parse(name):
    rows = _rows(name)
    assert rows, f"{name} is missing or empty"
    if name != "spelling-variants.tsv":
        entries = read_list(name)
        assert all(2 <= len(r) <= 3 for r in rows), name
        assert len(entries) == len(rows), f"{name} lists a wrong form twice"


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_house_list_has_no_chains(profile):
    """A right form is never itself a wrong form of the same list (no a→b→c)."""
    merged = house_list(profile, PROFILES[profile].settings["spelling"])
    wrong = {w.casefold() for w, (r, _) in merged.items() if w != r}
    chained = [(w, r) for w, (r, _) in merged.items() if w != r and r.casefold() in wrong]
    assert chained == []


def test_us_and_uk_lists_mirror_without_contradiction():
    us, uk = read_list("spelling-us.tsv"), read_list("spelling-uk.tsv")
    for american, (british, _) in uk.items():
        if british in us:
            assert us[british][0] == american


def test_variant_groups_have_one_spelling_per_column():
    forms, groups = variant_groups()
    assert "Zelensky" in forms and "advisor" in forms
    for label, rows in groups.items():
        assert all(len(r) >= 2 for r in rows), label


def test_list_files_cover_common_spelling_and_profile():
    assert LIST_FILES == ("spelling-common.tsv", "spelling-{spelling}.tsv", "spelling-{profile}.tsv")


# -- SPL001 house spelling -------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "expected"),
    [("ap", "Zelenskyy"), ("nyt", "Zelensky"), ("guardian", "Zelenskiy")],
)
def test_each_profile_has_its_own_zelensky(profile, expected):
    text = "Volodymyr Zelensky met Zelenskiy and Zelenskyy."
    got = {s for m, s in one("SPL001", text, profile)}
    assert got == {expected}


def test_kyiv_everywhere_but_chicken_kiev_stays():
    for profile in PROFILES:
        assert one("SPL001", "He flew to Kiev. Kiev's mayor met him.", profile) == [("Kiev", "Kyiv")] * 2
        assert one("SPL001", "Dinner was chicken Kiev.", profile) == []


@pytest.mark.parametrize(
    "text",
    [
        "She writes for Financial Advisor magazine.",
        "The Ministry of Defence said so.",  # AP: Defence is a name here
        "He met the Chief Medical Advisor, Jane Doe.",
        "ADVISOR NOTES",
        "Visit towards.example.com or mail advisor@example.com today.",
        "Centre for Strategic Studies, Victoria University.",
        "Authorization: Bearer abc123",
        '"We are moving towards peace," the minister said.',
    ],
)
def test_proper_names_urls_labels_and_quotes_are_skipped(text):
    assert one("SPL001", text) == []


def test_sentence_initial_common_word_is_flagged_with_matching_case():
    assert one("SPL001", "Towards evening, the rain stopped.") == [("Towards", "Toward")]
    assert one("SPL001", "It was okay. Okay, he said later.") == [("okay", "OK"), ("Okay", "OK")]


def test_safe_fix_for_words_unsafe_for_names():
    word, name = lint("The advisor left Kiev.", [BY_ID["SPL001"]])
    assert word.fix.safe and word.fix.replacement == "adviser"
    assert not name.fix.safe and name.fix.replacement == "Kyiv"


def test_us_profiles_correct_british_spellings_guardian_the_reverse():
    assert one("SPL001", "They organised a meeting at the centre.") == [("organised", "organized"), ("centre", "center")]
    assert one("SPL001", "They organized a meeting at the center.", "guardian") == [
        ("organized", "organised"),
        ("center", "centre"),
    ]
    # Proper names keep their own spelling in both directions.
    assert one("SPL001", "The World Health Organization met at Lincoln Center.", "guardian") == []
    assert one("SPL001", "He saw the Globe Theatre.") == []


def test_spelling_setting_chooses_the_list():
    text = "They organised a meeting."
    assert one("SPL001", text) == [("organised", "organized")]
    found = [(v.match, v.suggestion) for v in lint(text, [BY_ID["SPL001"]], settings={"spelling": "uk"})]
    assert found == []


# -- SPL002 one spelling per article -------------------------------------------------------


def test_majority_spelling_wins_and_suggestion_keeps_the_inflection():
    text = "The advisers met. Two advisers left. One advisor stayed. The adviser said so."
    assert one("SPL002", text, "guardian") == [("advisor", "adviser")]
    text = "Advisors met. The advisors left. One adviser stayed."
    assert one("SPL002", text, "guardian") == [("adviser", "advisor")]


def test_tie_goes_to_the_first_spelling():
    assert one("SPL002", "He sent an e-mail. She replied by email.", "nyt") == [("email", "e-mail")]


def test_house_list_forms_are_left_to_spl001():
    text = "Zelensky spoke. Zelenskyy listened. Zelenskyy left."
    found = spl(text, "ap")
    assert ("SPL001", "Zelensky", "Zelenskyy") in found
    assert [f for f in found if f[0] == "SPL002"] == []


def test_quotations_do_not_count_toward_the_choice():
    text = 'The advisor spoke. "My adviser, my adviser," he sang. The advisor left.'
    assert one("SPL002", text, "guardian") == []


# -- SPL003 a name spelled two ways ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jen Psaki spoke. Then Psaki left. Reporters asked Psakki why.", [("Psakki", "Psaki")]),
        ("Jessica Chastain starred. Critics praised Chastain. Fans loved Chastian.", [("Chastian", "Chastain")]),
        ("In the Talon IV crater it waited. Later, Tallon IV fell. Then Tallon IV burned.", [("Talon", "Tallon")]),
        ("Obama spoke. Later, Obama left. Then Osama was named.", []),  # not a typo class we trust
        ("Mark Phillips and Anna Philips won. Then Phillips left and Philips stayed.", []),  # two people
        ("Over There played. Critics loved Over There. Then Three more followed, three in all.", []),
    ],
)
def test_name_spelled_two_ways(text, expected):
    assert one("SPL003", text) == expected


# -- SPL004 / SPL005 U.S., U.N., U.K. -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US embassy said so.", [("US", "U.S.")]),
        ("He lives in the US. She does not.", [("US.", "U.S.")]),
        ("A US-based firm and a UN agency.", [("US", "U.S."), ("UN", "U.N.")]),
        ("It cost US$5 million.", []),
        ("See https://example.com/en-US/docs or /US/ paths.", []),
        ("JOIN US TODAY", []),
        ("He flew US Airways.", []),
        ("Kentucky beat Louisville. UK won by a final score of 58-50.", []),
        ("The U. S. embassy said so.", [("U. S.", "U.S.")]),
    ],
)
def test_us_abbreviation_with_periods(text, expected):
    assert one("SPL004", text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "safe"),
    [
        ("The U.S. embassy said so.", [("U.S.", "US")], True),
        ("She works in the U.S.", [("U.S.", "US.")], True),
        ("The U.S. President spoke.", [("U.S.", "US")], False),
        ("The U.N. and the E.U. met.", [("U.N.", "UN"), ("E.U.", "EU")], True),
        ("He visited the Galena & U.S. Grant Museum.", [], True),
    ],
)
def test_guardian_drops_the_points(text, expected, safe):
    found = lint(text, [BY_ID["SPL004"]], profile="guardian")
    assert [(v.match, v.suggestion) for v in found] == expected
    assert all(v.fix.safe is safe for v in found)


def test_headline_rule_is_ap_only():
    text = "U.S. warns Russia over Ukraine\n\nThe U.S. embassy said so."
    assert one("SPL005", text, "ap") == [("U.S.", "US")]
    assert not BY_ID["SPL005"].applies_to("nyt") and BY_ID["SPL005"].applies_to("ap")


# -- cost ---------------------------------------------------------------------------


