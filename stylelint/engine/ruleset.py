"""Which rules a configuration runs, with what severity and settings.

:func:`select_rules` turns every registered rule and a resolved
:class:`~stylelint.config.model.Config` into a :class:`RuleSet`: the rules
switched on (profile, ``select``/``extend_select``/``ignore``, the more
specific prefix winning), each one's severity override and context, and
which of them the shared phrase matcher serves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from stylelint.config.model import Config
from stylelint.model.findings import Severity
from stylelint.rule.base import PhraseRule, Rule, RuleContext


def _prefix_len(rule_id: str, prefixes: Sequence[str]) -> int:
    """Length of the longest prefix in ``prefixes`` matching ``rule_id`` (-1: none)."""
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif rule_id.startswith(p):
            best = max(best, len(p))
    return best


def is_selected(rule: Rule, config: Config) -> bool:
    """Whether ``config`` turns ``rule`` on (the more specific prefix wins).

    A family prefix or ``ALL`` selects the rules the profile runs; a rule that
    is off by default, or belongs to another house style, needs its exact id.
    """
    usual = rule.applies_to(config.profile)

    def strength(prefixes: Sequence[str]) -> int:
        n = _prefix_len(rule.id, prefixes)
        return n if (usual or n == len(rule.id)) else -1

    on = strength(config.select) if config.select else (3 if usual else -1)
    on = max(on, strength(config.extend_select))
    if on < 0:
        return False
    off = _prefix_len(rule.id, config.ignore)
    return off < on


def severity_for(rule: Rule, config: Config) -> Severity | None:
    """The config's most specific severity override for ``rule``, if any."""
    best, sev = -1, None
    for prefix, value in config.severity.items():
        n = _prefix_len(rule.id, [prefix])
        if n > best:
            best, sev = n, value
    return sev


def unknown_selectors(config: Config, rules: Sequence[Rule]) -> list[str]:
    """One line for each rule id or prefix in ``config`` that names no rule.

    A mistyped ``--select ATT01`` would otherwise run nothing and pass.
    """
    ids = [r.id for r in rules]
    problems = []
    for key in ("select", "extend_select", "ignore", "severity", "rule_options"):
        for prefix in getattr(config, key):
            if prefix != "ALL" and not any(i.startswith(prefix) for i in ids):
                problems.append(f"{key}: {prefix!r} names no rule (see stylelint --list-rules)")
    return problems


@dataclass(frozen=True)
class RuleSet:
    """The rules one configuration runs, decided once per :class:`~stylelint.engine.linter.Linter`.

    :param errors: plugin, registration and selection problems (one line each).
    :param all_rules: every registered rule, by id, selected or not.
    :param rules: the selected rules, by id.
    :param severities: severity overrides from the config, by rule id.
    :param contexts: each selected rule's profile settings and options.
    :param phrase_rules: selected rules the shared phrase matcher serves.
    :param check_rules: selected rules that scan the document themselves.
    """

    errors: list[str]
    all_rules: list[Rule]
    rules: list[Rule]
    severities: Mapping[str, Severity]
    contexts: Mapping[str, RuleContext]
    phrase_rules: list[PhraseRule]
    check_rules: list[Rule]


def select_rules(config: Config, all_rules: list[Rule], settings: Mapping, errors: list[str]) -> RuleSet:
    """The :class:`RuleSet` of ``config`` among ``all_rules``.

    :param settings: the profile's settings with the config's over them.
    :param errors: problems found so far (plugins); selection adds its own.
    """
    errors = [*errors, *unknown_selectors(config, all_rules)]
    rules = [r for r in all_rules if is_selected(r, config)]
    severities = {r.id: sev for r in rules if (sev := severity_for(r, config))}
    contexts = {r.id: RuleContext(config.profile, settings, config.rule_options.get(r.id, {})) for r in rules}
    return RuleSet(
        errors=errors,
        all_rules=all_rules,
        rules=rules,
        severities=severities,
        contexts=contexts,
        phrase_rules=[r for r in rules if isinstance(r, PhraseRule)],
        check_rules=[r for r in rules if not isinstance(r, PhraseRule)],
    )
