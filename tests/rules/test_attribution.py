"""ATT: attribution verbs judged in their slot (edge cases beyond the examples)."""

from __future__ import annotations

from pathlib import Path

import pytest

from stylelint.rule.testing import lint, linter_for
from stylelint_rules import attribution
from stylelint_rules.attribution import attribution_slots, speech_slots

RULES = {r.id: r for r in attribution.RULES}
ROOT = Path(__file__).resolve().parents[2]


def found(text: str, rule_id: str, profile: str = "ap") -> list[str]:
    return [v.match for v in lint(text, [RULES[rule_id]], profile=profile)]


def test_reference_article_only_mentioned_and_informed():
    text = (ROOT / "examples" / "blinken-ukraine.txt").read_text(encoding="utf-8")
    vs = lint(text, list(RULES.values()))
    assert {v.rule_id for v in vs} == {"ATT003"}
    assert sorted({v.match for v in vs}) == ["informed", "mentioned"]
    assert len(vs) == 10


def _doc(text: str):
    return linter_for([]).parse(text, None, "text")


def test_slots_keep_their_old_contract():
    doc = _doc('"We won," the mayor claimed.')
    [slot] = attribution_slots(doc)
    assert (slot.verb, slot.kind) == ("claimed", "after")


def test_neutral_verb_stops_the_slot_search():
    text = '"We won," the mayor said, and later the council claimed victory.'
    assert found(text, "ATT001") == []
    assert [s.verb for s in speech_slots(_doc(text))] == ["said"]


def test_noun_forms_and_passives_are_not_attribution():
    text = (
        "Officials cast doubt on claims that the jet was found. "
        '"No," Mueller said in scathing remarks. I was informed that he had left.'
    )
    assert found(text, "ATT001") == [] and found(text, "ATT003") == []


def test_action_beat_after_question_is_not_attribution():
    text = '"Is that why you bought it?" Haoyu nodded. "That, and more."'
    assert found(text, "ATT002") == []


def test_non_speech_after_comma_is_attribution():
    assert found('"She has her moments," Izuku smiled fondly.', "ATT002") == ["smiled"]


def test_lowercase_pronoun_after_question_is_attribution():
    assert found('"Are you drunk?" he hissed.', "ATT002") == ["hissed"]


def test_conjunction_after_quote_starts_a_new_clause():
    assert found('"I note that," and Izuku breathed and wrote it down.', "ATT002") == []


def test_alleged_is_not_loaded():
    assert found("Prosecutors alleged that the company hid losses.", "ATT001") == []


def test_loaded_verb_with_bare_clause():
    assert found("He also claimed the tax cuts would pay for themselves.", "ATT001") == ["claimed"]


def test_verbs_inside_quotation_are_the_speakers():
    text = '"He admitted that he lied and then he smiled," the lawyer said.'
    for rid in ("ATT001", "ATT002", "ATT004", "ATT006"):
        assert found(text, rid) == []


def test_multi_paragraph_quotation():
    text = '"We claimed nothing.\n\n"And we told that to everyone," the official said.'
    assert found(text, "ATT001") == [] and found(text, "ATT004") == []


# -- ATT004 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "As I learned, the clerk, when told that he must leave, said nothing.",
        "We're told that our startups were gone.",
        "All told, the company lost $5 million.",
        "She told that story twice.",
        "He told that to reporters.",
        "She told reporters that the plan had failed.",
    ],
)
def test_told_not_flagged(text):
    assert found(text, "ATT004") == []


def test_told_without_object_after_quote_and_present_tense():
    assert found('"We will appeal," the lawyer told.', "ATT004") == ["told"]
    [v] = lint("The spokesman tells that the talks failed.", [RULES["ATT004"]])
    assert v.suggestion == "says"


# -- ATT005 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 4%, according to census data.",
        "The bank cut rates, according to Goldman Sachs.",
        "Jane Smith wrote a report. Costs rose, according to Smith's report.",
        "Costs rose, according to the World Bank.",
    ],
)
def test_according_to_not_a_person(text):
    assert found(text, "ATT005") == []


def test_according_to_known_surname_and_pronoun():
    text = "Jane Smith runs the lab. Costs rose, according to Smith. Wages fell, according to her."
    assert found(text, "ATT005") == ["according to Smith", "according to her"]


# -- ATT006 ---------------------------------------------------------------------------


def test_belief_after_quote_and_reporting():
    assert found('"It will pass," she believes.', "ATT006") == ["believes"]
    assert found("He thinks that the plan will fail.", "ATT006") == ["thinks"]


def test_belief_with_said_in_sentence_or_narrative_past():
    assert found("Smith said she believes that the plan will fail.", "ATT006") == []
    assert found("He thought that the house was empty.", "ATT006") == []


# -- ATT007 ---------------------------------------------------------------------------


NEWS = '"A," Smith said. "B," Jones said. "C," Lee said. "D," Park said. "E," Kay says.'


def test_tense_minority_flagged_under_past():
    assert found(NEWS, "ATT007", "ap") == ["says"]


def test_tense_feature_left_alone_under_past():
    feature = NEWS.replace("said", "says").replace('Kay says', 'Kay said')
    assert found(feature, "ATT007", "ap") == []
    assert found(feature, "ATT007", "guardian") == ["said"]


def test_tense_document_subject_and_past_event():
    text = '"A," Smith said. "B," Jones said. "C," Lee said. The report says costs rose.'
    assert found(text, "ATT007", "ap") == []
    feature = '"A," Smith says. "B," Jones says. "C," Lee says. In 2010, Brown said that it was close.'
    assert found(feature, "ATT007", "guardian") == []
