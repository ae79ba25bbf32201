"""The built-in rule packs, installed as the package ``stylelint_rules``.

Each family lives in its own module with a ``RULES`` list; data files sit in
``data/``. This package is a stylelint plugin like any third-party pack: it
registers its rules through the ``register_rules`` hook. Read it as the
example of how rules are written.
"""

from __future__ import annotations

import importlib

from stylelint import hookimpl

#: Family modules, in id order.
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


@hookimpl
def register_rules(config):
    """Every built-in rule; the engine selects by profile and config."""
    rules = []
    for name in FAMILIES:
        module = importlib.import_module(f"{__name__}.{name}")
        factory = getattr(module, "rules", None)
        rules.extend(factory(config) if factory else module.RULES)
    return rules
