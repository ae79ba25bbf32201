"""The built-in rule packs, installed as the package ``stylelint_rules``.

Each family is a package (``rules/dateline/``) with one module per rule,
named by the rule's id and name (``dtl001_dateline_dash.py``): the rule's
class, its metadata, examples and documentation together, the docstring in
fixed sections (see :func:`stylelint.rule.base.doc_sections`). What several
rules of a family share (finding the dateline, classifying residue lines)
is the family's own module, ``analysis.py``, and returns kinds of things,
not rule ids. What several families share lives in ``_shared/``; data files
sit in ``data/``. A family that is still a single module (``spin.py``) has a
``RULES`` list.

This package is a stylelint plugin like any third-party pack: it registers
its rules through the ``register_rules`` hook. Read it as the example of how
rules are written.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from stylelint import Rule, hookimpl

#: Families, in id order.
FAMILIES = (
    "boilerplate",
    "attribution",
    "honorifics",
    "dates",
    "numbers",
    "dateline",
    "spelling",
    "spin",
)

#: A rule module's name: the rule id in lower case, then its name.
RULE_MODULE = re.compile(r"^[a-z]{3}\d{3}_[a-z0-9_]+$")


def rule_classes(module) -> list[type[Rule]]:
    """The rule classes a rule module defines (it should define exactly one)."""
    return [
        obj for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, Rule) and obj.__module__ == module.__name__
        and "id" in obj.__dict__
    ]


def family_rules(name: str) -> list[Rule]:
    """The rules of one family: each rule module's class, or a flat module's ``RULES``."""
    module = importlib.import_module(f"{__name__}.{name}")
    if not hasattr(module, "__path__"):
        return list(module.RULES)
    out = []
    for info in sorted(pkgutil.iter_modules(module.__path__), key=lambda m: m.name):
        if RULE_MODULE.match(info.name):
            rule_module = importlib.import_module(f"{module.__name__}.{info.name}")
            out.extend(cls() for cls in rule_classes(rule_module))
    return out


@hookimpl
def register_rules(config):
    """Every built-in rule; the engine selects by profile and config."""
    return [rule for name in FAMILIES for rule in family_rules(name)]
