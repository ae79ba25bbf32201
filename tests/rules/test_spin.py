"""SPN (spun copy): the verdict, the per-artifact findings, settings, and the quality bar.

The corpus tests read ``../shared`` beside the repository (as CI lays it out)
and are skipped when it is missing. The test spinner lives in ``bench/``: it
is for tests and benchmarks only and is not shipped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stylelint.config.errors import ConfigError
from stylelint.config.model import config_from_mapping
from stylelint.rule.base import RuleContext
from stylelint.rule.testing import lint, linter_for
from stylelint_rules import _spin_lexicon, spin

from conftest import CORPUS, REFERENCE, needs_shared

ROOT = Path(__file__).resolve().parents[2]
CORPUS = CORPUS / "text"
sys.path.insert(0, str(ROOT / "bench"))

import spin_quality  # noqa: E402
import spinner  # noqa: E402

needs_text = needs_shared("corpus", "text")

SPUN = (
    "Officials mentioned final week that the nationwide safety advisor had warned of a floor "
    'invasion. "It is serious," the adviser mentioned. "We are watching," the officer stated. '
    '"We will respond," the minister mentioned. The army build-up alongside the japanese border '
    "may very well be a sign, and the talks have grow to be urgent."
)
CLEAN = (
    "Officials said last week that the national security adviser had warned of a ground invasion. "
    '"It is serious," the adviser said. "We are watching," the officer said. "We will respond," '
    "the minister said. The military buildup along the eastern border could be a sign, and the "
    "talks have become urgent."
)


def analyse(text: str, **settings):
    linter = linter_for(spin.RULES)
    doc = linter.parse(text, None, "text")
    return spin.analyse(doc, RuleContext("ap", settings, {}))


def ids(violations):
    return [v.rule_id for v in violations]


# -- the verdict --------------------------------------------------------------


def test_spun_paragraph_gets_one_verdict_on_its_first_artifact():
    found = lint(SPUN, spin.RULES)
    verdicts = [v for v in found if v.rule_id == "SPN001"]
    assert len(verdicts) == 1
    v = verdicts[0]
    assert "reads as machine-rewritten" in v.message
    first = min(v2.offset for v2 in found if v2.rule_id != "SPN001")
    assert v.offset == first
    assert v.severity.name == "WARNING"


def test_clean_paragraph_gets_nothing():
    assert lint(CLEAN, spin.RULES) == []


def test_artifact_findings_carry_the_likely_original():
    found = {v.match: v for v in lint(SPUN, spin.RULES) if v.rule_id != "SPN001"}
    assert found["floor invasion"].suggestion == "ground invasion"
    assert found["have grow to be"].suggestion == "have become"
    assert found["japanese border"].suggestion == "eastern border"
    assert all(v.severity.name == "INFO" for v in found.values())
    for match, v in found.items():  # spans are exact
        assert SPUN[v.offset : v.end_offset] == match


def test_one_odd_phrase_repeated_never_makes_a_verdict():
    text = " ".join(["The floor invasion began at dawn."] * 12)
    result = analyse(text)
    assert result.distinct == 1
    assert not result.spun
    assert "SPN001" not in ids(lint(text, spin.RULES))


def test_quoted_artifacts_count_half():
    plain = analyse("The army workouts and the floor invasion were planned. " * 3)
    quoted = analyse('"The army workouts and the floor invasion were planned." ' * 3)
    assert quoted.artifacts and all(a.in_quote for a in quoted.artifacts)
    assert quoted.density == pytest.approx(plain.density / 2)


def test_attribution_slots_any_odd_verb_counts():
    text = (
        '"We won," the mayor mentioned. "It was close," the coach stated. '
        '"We will be back," the captain proclaimed. "Not today," the rival said.'
    )
    result = analyse(text)
    # mentioned, stated: known spinner verbs; proclaimed: not a reporter's verb (counts half).
    assert (result.slots_spun, result.slots_odd, result.slots_normal) == (2, 1, 1)
    assert result.slot_ratio == pytest.approx(2.5 / 4)


def test_grammar_broken_by_any_swap_is_found_without_a_list():
    spun = {
        "an strike": "a strike",  # an attack -> a strike, article left as it was
        "a in": "",  # a popular -> a in style
        "must to": "",  # need to -> must to
        "about he": "",  # said he -> talked about he
        "could may": "",  # could -> could, might -> may
    }
    text = (
        "Officials feared an strike on the port. It was a in style choice. Residents must to "
        "leave, and prices could may rise. Smith talked about he would stay."
    )
    found = {a.text: a for a in analyse(text).artifacts if a.kind == "grammar"}
    assert set(found) == set(spun)
    assert {k: a.original for k, a in found.items()} == spun
    for ok in (
        "An hour later a union official called it an honest, one-off mistake.",
        "A European envoy and an FBI agent took an X-ray of a U.S. passport.",
        "If A and B hold, A with C does too; a user may use an unidentified, uninsured car.",
        "She did all she could to help. It is the will to win. See the in-laws.",
        "A typo is not a spinner: the the, of of.",
    ):
        assert not [a for a in analyse(ok).artifacts if a.kind == "grammar"], ok


def test_short_brief_is_judged_on_its_real_length():
    brief = (
        "Officials mentioned final week that the nationwide safety advisor had warned of a floor "
        "invasion. The minister will journey to Berlin on Thursday to focus on the disaster."
    )
    result = analyse(brief)
    assert result.words < 50 and result.distinct >= 3
    assert result.spun
    # The same marks spread over a long clean text are not enough: the evidence
    # weighs the count against what clean copy of that length shows.
    filler = " ".join(["The council met on Tuesday and voted on the budget for the year."] * 700)
    diluted = analyse(brief + " " + filler)
    assert diluted.score < result.score and not diluted.spun


def test_one_habit_repeated_in_attribution_slots_counts_twice():
    text = " ".join(f'"Point {i}," the adviser mentioned.' for i in range(8))
    result = analyse(text)
    assert result.slots_spun == spin.REPEAT_CAP


def test_lowercase_proper_adjective_but_not_french_fries():
    kinds = {
        a.text: a.kind
        for a in analyse("The russian envoy ate french fries in a swiss chalet.").artifacts
    }
    assert kinds.get("russian") == "demonym"
    assert "french" not in kinds
    assert not analyse("See https://example.com/russian/news for more.").artifacts


# -- settings -------------------------------------------------------------------


def test_threshold_setting():
    assert analyse(SPUN).spun
    assert not analyse(SPUN, spin_threshold=1000.0).spun
    assert not analyse(SPUN, spin_min_artifacts=50).spun


def test_whitelist_drops_a_phrase_legitimate_in_the_beat():
    keys = {
        a.key for a in analyse(SPUN, spin_whitelist=["army build-up", "Floor Invasion"]).artifacts
    }
    assert "army build-up" not in keys and "floor invasion" not in keys
    assert "have grow to be" in keys


def test_settings_are_validated():
    cfg = config_from_mapping(
        {"settings": {"spin_threshold": 12, "spin_whitelist": ["high court"]}}
    )
    assert cfg.settings["spin_whitelist"] == ["high court"]
    with pytest.raises(ConfigError, match="spin_whitelist"):
        config_from_mapping({"settings": {"spin_whitelist": [1, 2]}})
    with pytest.raises(ConfigError, match="spin_threshold"):
        config_from_mapping({"settings": {"spin_threshold": "high"}})
    with pytest.raises(ConfigError, match="spin_min_artifacts"):
        config_from_mapping({"settings": {"spin_min_artifacts": 0}})


def test_settings_reach_the_rules_through_the_linter():
    linter = linter_for(spin.RULES, settings={"spin_threshold": 1000.0})
    found = linter.lint_source(SPUN, None, "text").violations
    assert "SPN001" not in ids(found)


def test_ignore_turns_the_pack_off():
    linter = linter_for(None, ignore=("SPN",))
    assert not any(r.family == "SPN" for r in linter.rules)
    assert not any(
        v.rule_id.startswith("SPN") for v in linter.lint_source(SPUN, None, "text").violations
    )


def test_lexicon_is_built_lazily():
    code = (
        "import stylelint_rules.spin, stylelint_rules._spin_lexicon as L;"
        "assert L._LEXICON is None;"
        "from stylelint.rule.testing import lint; lint('The floor invasion.', stylelint_rules.spin.RULES);"
        "assert L._LEXICON is not None"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_collocation_variants_are_generated_not_listed():
    lex = _spin_lexicon.lexicon()
    # Neither phrase is written in any data file; both come from collocation x synonym.
    assert (
        lex.entries[("countrywide", "protection", "adviser")].original
        == "national security adviser"
    )
    assert lex.entries[("floor", "offensive")].kind == "collocation"
    # A swap that leaves ordinary English is not a variant.
    assert ("past", "week") not in lex.entries
    assert ("the", "price", "of") not in lex.entries


# -- the spinner and the quality bar --------------------------------------------


def test_spinner_is_context_blind_and_seeded():
    text = "Officials said last week that the attack was a major problem."
    a, b = spinner.spin(text, rate=1.0, seed=3), spinner.spin(text, rate=1.0, seed=3)
    assert a == b != text
    assert spinner.spin(text, rate=0.0) == text


def test_spinner_keeps_its_first_table_for_comparison():
    # v2 only adds words; the quality report shows the v1 table's figures beside v2's
    assert set(spinner.TABLE_V1) < set(spinner.TABLE)
    assert all(spinner.TABLE[k] == v for k, v in spinner.TABLE_V1.items())
    assert all(k not in v and v for k, v in spinner.TABLE.items())
    tuning, held = spinner.split_table(spinner.TABLE_V1)
    assert set(tuning) <= set(spinner.split_table()[0])
    assert set(held) <= set(spinner.split_table()[1])


@needs_text
def test_reference_article():
    text = REFERENCE.read_text(encoding="utf-8")
    found = lint(text, spin.RULES)
    assert ids(found).count("SPN001") == 1
    assert analyse(text).distinct >= 20


@needs_text
def test_reference_verdict_does_not_depend_on_its_own_phrases():
    text = REFERENCE.read_text(encoding="utf-8")
    saved = _spin_lexicon._LEXICON
    _spin_lexicon._LEXICON = _spin_lexicon.build_lexicon(frozenset({"ref"}))
    try:
        result = analyse(text)
        assert result.spun and result.distinct >= 20
    finally:
        _spin_lexicon._LEXICON = saved


@needs_text
def test_reference_verdict_stands_on_the_generic_signals_alone():
    # Every lexicon entry and every synonym-table word that occurs anywhere in the
    # article removed: only grammar, attribution slots and lowercased proper
    # adjectives are left to find anything.
    text = REFERENCE.read_text(encoding="utf-8")
    saved = _spin_lexicon._LEXICON
    _spin_lexicon._LEXICON = _spin_lexicon.build_lexicon(exclude_found_in=text)
    try:
        lex = _spin_lexicon._LEXICON
        toks = _spin_lexicon.WORD.findall(_spin_lexicon.fold(text))
        grams = {tuple(toks[i : i + n]) for n in range(1, 9) for i in range(len(toks))}
        assert not grams & set(lex.entries)
        assert not set(toks) & (lex.spinner_words | lex.plain_words)
        result = analyse(text)
        assert result.spun
        assert not {a.kind for a in result.artifacts} & {"collocation", "tortured", "vocabulary"}
    finally:
        _spin_lexicon._LEXICON = saved


@needs_text
def test_clean_corpus_false_positives_and_phrase_rate():
    linter = linter_for(spin.RULES)
    flagged = {True: 0, False: 0}
    findings = words = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        found = linter.lint_source(text, None, "text").violations
        flagged[spin_quality.is_dev(path.stem)] += "SPN001" in ids(found)
        findings += sum(1 for v in found if v.rule_id != "SPN001")
    # at most 1% of 193 in all; the check half was not used to calibrate
    assert flagged[True] + flagged[False] <= 1
    assert 1000 * findings / words <= 0.2


@needs_text
def test_shipped_model_is_the_calibration_output():
    model, threshold = spin_quality.calibrate(spin_quality.Runner(), spin_quality.corpus())
    assert model == spin.MODEL
    assert threshold == spin.DEFAULT_THRESHOLD


def _long_articles():
    return [
        p for p in sorted(CORPUS.glob("*.txt")) if len(p.read_text(encoding="utf-8").split()) >= 600
    ][:40]


@needs_text
def test_spun_corpus_sample_is_detected():
    paths = _long_articles()
    hits = sum(
        analyse(spinner.spin(p.read_text(encoding="utf-8"), rate=0.5, seed=1)).spun for p in paths
    )
    assert hits >= 0.95 * len(paths)


@needs_text
def test_held_out_half_of_the_spinner_is_detected_too():
    # The held-out half of the spinner's table was never looked at while building
    # the detector (docs/spin-quality.md has the whole curve).
    tuning, held = spinner.split_table()
    assert tuning and held and not set(tuning) & set(held)
    paths = _long_articles()
    hits = sum(
        analyse(spinner.spin(p.read_text(encoding="utf-8"), rate=0.5, seed=1, table=held)).spun
        for p in paths
    )
    assert hits >= 0.7 * len(paths)


def test_artifacts_in_page_residue_do_not_count(monkeypatch):
    """Navigation, comment forms and widgets are not the article's copy: the verdict ignores them."""
    from stylelint_rules import boilerplate

    text = CLEAN + "\n\n" + SPUN
    assert analyse(text).spun
    start = text.index(SPUN)
    monkeypatch.setattr(
        boilerplate, "analyse",
        lambda doc: [boilerplate.Finding("BPL009", start, len(doc.text), "navigation")],
    )
    result = analyse(text)
    assert not result.spun and result.artifacts == []
