"""The rule layout: one rule, one documented module; ids found in one file each."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import stylelint_rules
from stylelint_rules import FAMILIES, RULE_MODULE, rule_classes

from conftest import ROOT

RULES_DIR = ROOT / "rules"
PACKAGES = [f for f in FAMILIES if (RULES_DIR / f / "__init__.py").exists()]
RULE_ID = re.compile(r"\b[A-Z]{3}\d{3}\b")


def rule_modules(family: str):
    package = importlib.import_module(f"stylelint_rules.{family}")
    for info in pkgutil.iter_modules(package.__path__):
        if RULE_MODULE.match(info.name):
            yield importlib.import_module(f"{package.__name__}.{info.name}")


def test_families_are_packages():
    assert "dateline" in PACKAGES


@pytest.mark.parametrize("family", PACKAGES)
def test_each_rule_module_holds_one_documented_rule_named_by_its_file(family):
    package = importlib.import_module(f"stylelint_rules.{family}")
    modules = list(rule_modules(family))
    assert modules, family
    for module in modules:
        (cls,) = rule_classes(module)  # exactly one rule per module
        rule = cls()
        stem = module.__name__.rsplit(".", 1)[1]
        assert rule.id.startswith(package.FAMILY), (stem, rule.id)
        assert stem == f"{rule.id.lower()}_{rule.name.replace('-', '_')}", (stem, rule.id, rule.name)
        assert rule.summary and rule.rationale and rule.source, rule.id
        assert any(e.wrong for e in rule.examples) and any(e.right for e in rule.examples), rule.id
        if rule.fixable:
            assert rule.fix_note, f"{rule.id}: a fixable rule says what its fix does (## Fix)"
    # Nothing else in the family package is a rule module or defines a rule.
    for info in pkgutil.iter_modules(package.__path__):
        if not RULE_MODULE.match(info.name):
            assert not rule_classes(importlib.import_module(f"{package.__name__}.{info.name}")), info.name


def test_a_rule_id_is_written_in_one_file_under_rules():
    owners: dict[str, set[str]] = {}
    for family in PACKAGES:
        for module in rule_modules(family):
            (cls,) = rule_classes(module)
            owners[cls.id] = set()
    for path in RULES_DIR.rglob("*.py"):
        for rule_id in set(RULE_ID.findall(path.read_text(encoding="utf-8"))) & set(owners):
            owners[rule_id].add(path.relative_to(RULES_DIR).as_posix())
    shared = {rid: files for rid, files in owners.items() if len(files) != 1}
    assert not shared, shared


def test_the_loader_finds_every_rule_once():
    ids = [r.id for r in stylelint_rules.register_rules(None)]
    assert len(ids) == len(set(ids)) and len(ids) > 60
