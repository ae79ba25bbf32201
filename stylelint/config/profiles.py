"""House-style profiles: the settings rules read, per newsroom style.

A profile is a name, a description and a table of settings. Rules read the
settings through :meth:`stylelint.rule.base.RuleContext.setting`; a rule that
belongs to one house style lists the profiles it applies to. A config's
``[settings]`` table overrides any setting, and only keys listed here are
accepted there, so a misspelled setting is an error, not a silent no-op.

Sources for each difference are in ``research/house-style-rules.md`` §2 and
in the docs of the rules that read the setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Profile:
    """A named house style."""

    name: str
    description: str
    settings: Mapping[str, Any] = field(default_factory=dict)


#: Every setting with its allowed values (``None``: any value of that type).
SETTINGS: dict[str, tuple[type, tuple[Any, ...] | None, str]] = {
    "courtesy_titles": (
        str,
        ("none", "later"),
        "'none': no Mr./Ms. outside quotations (AP, Guardian); "
        "'later': Mr./Ms. + surname on later references (NYT).",
    ),
    "abbreviation_periods": (bool, None, "Periods in Mr., Dr., U.S., a.m. (AP, NYT) or none (Guardian)."),
    "date_order": (str, ("mdy", "dmy"), "'mdy': Jan. 5, 2022 (AP, NYT); 'dmy': 5 January 2022 (Guardian)."),
    "month_abbreviations": (bool, None, "Abbreviate Jan., Feb., Aug.–Dec. before a day (AP, NYT)."),
    "time_style": (str, ("ap", "uk"), "'ap': 10 a.m., noon; 'uk': 10am, 10.30pm (Guardian)."),
    "percent_style": (str, ("symbol", "percent"), "'symbol': 4% (AP since 2019); 'percent': 4 percent (NYT)."),
    "datelines": (bool, None, "Stories open with a dateline (AP)."),
    "attribution_tense": (str, ("past", "present", "either"), "'said' in news, 'says' in features."),
    "spelling": (str, ("us", "uk"), "US or British spelling for the house word list."),
    "publication_date": (str, None, "ISO date the article is published (for weekday checks)."),
    "spin_threshold": (float, None, "Evidence (nats, against clean copy) at which SPN001 calls a text machine-rewritten (default 4.5)."),
    "spin_min_artifacts": (int, None, "Distinct spinner artifacts SPN001 needs besides the score (default 2)."),
    "spin_whitelist": (list, None, "Phrases legitimate in your beat, never counted as spinner artifacts."),
}

PROFILES: dict[str, Profile] = {
    "ap": Profile(
        "ap",
        "Associated Press Stylebook: surname only on later references, Jan. 5, 10 a.m., 4%.",
        {
            "courtesy_titles": "none",
            "abbreviation_periods": True,
            "date_order": "mdy",
            "month_abbreviations": True,
            "time_style": "ap",
            "percent_style": "symbol",
            "datelines": True,
            "attribution_tense": "past",
            "spelling": "us",
            "spin_threshold": 4.5,
            "spin_min_artifacts": 2,
            "spin_whitelist": [],
        },
    ),
    "nyt": Profile(
        "nyt",
        "New York Times: Mr./Ms. + surname on later references, 4 percent, otherwise AP-like.",
        {
            "courtesy_titles": "later",
            "abbreviation_periods": True,
            "date_order": "mdy",
            "month_abbreviations": True,
            "time_style": "ap",
            "percent_style": "percent",
            "datelines": False,
            "attribution_tense": "past",
            "spelling": "us",
            "spin_threshold": 4.5,
            "spin_min_artifacts": 2,
            "spin_whitelist": [],
        },
    ),
    "guardian": Profile(
        "guardian",
        "Guardian and Observer: no honorifics in news, 16 December, 4am, US without points.",
        {
            "courtesy_titles": "none",
            "abbreviation_periods": False,
            "date_order": "dmy",
            "month_abbreviations": False,
            "time_style": "uk",
            "percent_style": "symbol",
            "datelines": False,
            "attribution_tense": "either",
            "spelling": "uk",
            "spin_threshold": 4.5,
            "spin_min_artifacts": 2,
            "spin_whitelist": [],
        },
    ),
}

DEFAULT_PROFILE = "ap"


def get_profile(name: str) -> Profile:
    """The profile called ``name``; raises KeyError naming the allowed ones."""
    try:
        return PROFILES[name]
    except KeyError:
        raise KeyError(
            f"unknown profile {name!r} (allowed: {', '.join(sorted(PROFILES))})"
        ) from None


def check_setting(key: str, value: Any) -> str | None:
    """Why ``key = value`` is not a valid setting, or None if it is."""
    if key not in SETTINGS:
        return f"unknown setting (allowed: {', '.join(sorted(SETTINGS))})"
    kind, allowed, _ = SETTINGS[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > 1e9:
            return "expected a number of at most 1,000,000,000"
        value = float(value)  # TOML writes 9 for 9.0
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        return f"expected a {kind.__name__}, got {value!r}"
    if kind is list and not all(isinstance(v, str) for v in value):
        return f"expected a list of strings, got {value!r}"
    if kind in (int, float) and not 0 < value <= 1e9:
        return "expected a positive number of at most 1,000,000,000"
    if allowed is not None and value not in allowed:
        return f"got {value!r} (allowed: {', '.join(map(str, allowed))})"
    return None
