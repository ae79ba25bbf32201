"""Helpers for testing rules, ours and third parties'.

``check_examples(rule)`` runs a rule's documented examples through the real
parser and engine: every ``wrong`` must produce a finding of that rule, every
``right`` none. A plugin author's whole test can be::

    from stylelint.rule.testing import check_examples
    def test_examples():
        check_examples(MY_RULE)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from stylelint import hookimpl
from stylelint.config.model import Config
from stylelint.engine.linter import Linter
from stylelint.engine.plugins import get_plugin_manager
from stylelint.model.findings import Violation
from stylelint.rule.base import Example, Rule


class _OneRule:
    """A plugin that provides exactly the rules under test."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)

    @hookimpl
    def register_rules(self) -> list[Rule]:
        """The rules under test."""
        return self.rules


def linter_for(rules: Iterable[Rule] | None = None, *, profile: str = "ap", **config: Any) -> Linter:
    """A linter that runs only ``rules`` (or every built-in rule when None).

    Installed packs are not loaded, so results do not depend on the machine.
    """
    if rules is None:
        cfg = Config(profile=profile, **config)
        return Linter(cfg, plugins=get_plugin_manager(cfg, autoload=False))
    rules = list(rules)
    plugin = _OneRule(rules)
    cfg = Config(profile=profile, select=tuple(r.id for r in rules), **config)
    plugins = get_plugin_manager(cfg, autoload=False)
    # Keep parsers and formatters, drop the built-in rules: only these run.
    plugins.pm.unregister(name="stylelint_rules")
    plugins.pm.unregister(name="stylelint.config-rules")
    plugins.pm.register(plugin, name="stylelint.rule.testing")
    return Linter(cfg, plugins=plugins)


def lint(text: str, rules: Iterable[Rule] | None = None, *, input_format: str = "text", profile: str = "ap", **config: Any) -> list[Violation]:
    """Findings for ``text``; raises if the input could not be linted or a rule crashed.

    Plugin-loading problems are not this helper's concern (tests of the
    plugin system check ``Linter.errors`` themselves).
    """
    linter = linter_for(rules, profile=profile, **config)
    result = linter.lint_source(text, None, input_format)
    if result.errors:
        raise AssertionError("; ".join(result.errors))
    return result.violations


def example_failures(rule: Rule, example: Example) -> list[str]:
    """What is wrong with one example (empty when it behaves as documented)."""
    problems = []
    profile = example.profile or (rule.profiles[0] if rule.profiles else "ap")
    for attr, want in (("wrong", True), ("right", False)):
        text = getattr(example, attr)
        if text is None:
            continue
        found = [v for v in lint(text, [rule], input_format=example.format, profile=profile) if v.rule_id == rule.id]
        if want and not found:
            problems.append(f"{rule.id}: wrong example not flagged: {text!r}")
        if not want and found:
            problems.append(
                f"{rule.id}: right example flagged: {text!r}: "
                + "; ".join(f"{v.match!r} ({v.message})" for v in found)
            )
    return problems


def check_examples(rule: Rule) -> None:
    """Assert that every documented example of ``rule`` behaves as documented."""
    problems = [p for e in rule.examples for p in example_failures(rule, e)]
    if not rule.examples:
        problems.append(f"{rule.id}: no examples")
    if problems:
        raise AssertionError("\n".join(problems))
