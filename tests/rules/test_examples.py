"""Every registered rule's documented examples run as tests, and its metadata is complete."""

from __future__ import annotations

import pytest

from stylelint.config.model import Config
from stylelint.engine.linter import Linter
from stylelint.engine.plugins import get_plugin_manager
from stylelint.rule.base import RULE_ID, RULE_NAME
from stylelint.rule.docs import builtin_rules
from stylelint.rule.testing import example_failures

RULES = builtin_rules()
# Installed third-party packs are collected too: their examples are tests here.
ALL_RULES = Linter(Config(), plugins=get_plugin_manager(Config(), autoload=True)).all_rules
CASES = [(r, i) for r in ALL_RULES for i in range(len(r.examples))]


@pytest.mark.parametrize(("rule", "index"), CASES, ids=[f"{r.id}-{i}" for r, i in CASES])
def test_example(rule, index):
    assert example_failures(rule, rule.examples[index]) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_metadata(rule):
    assert RULE_ID.match(rule.id)
    assert RULE_NAME.match(rule.name), rule.name
    assert rule.summary.strip() and rule.rationale.strip() and rule.source.strip()
    wrong = [e for e in rule.examples if e.wrong]
    right = [e for e in rule.examples if e.right]
    assert len(wrong) >= 2 and len(right) >= 2, f"{rule.id} needs at least two wrong and two right examples"


def test_ids_unique_and_families_match_modules():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    families = {"BPL", "ATT", "HON", "DAT", "NUM", "DTL", "SPL", "SPN", "TYP"}
    assert {r.family for r in RULES} <= families


def test_builtin_packs_load_without_errors():
    linter = Linter(Config(), plugins=get_plugin_manager(Config(), autoload=False))
    assert linter.errors == []
    families = {r.family for r in linter.all_rules}
    assert {"ATT"} <= families
