"""DTL003 dateline-capitals."""

from __future__ import annotations

from collections.abc import Iterator

from stylelint import Example, Fix, Rule, RuleContext, Severity
from stylelint.model.document import Document

from . import SOURCE_AP
from .analysis import active, find_dateline


class DatelineCapitals(Rule):
    """Put the dateline city in capitals: 'SACRAMENTO, Calif. — ', not 'Sacramento, Calif. — '.

    ## Why
    The dateline city is set in capitals so that readers see at once where the story was
    reported.

    ## Not flagged
    A title-case city is taken as a dateline only when a U.S. state or a wire credit and a
    dash follow it, so an ordinary opening sentence ("Washington — the city, not the state
    — has a new mayor.") is never flagged.

    ## Fix
    Safe: the city is written in capitals; the rest of the dateline is kept.
    """

    id = "DTL003"
    name = "dateline-capitals"
    severity = Severity.WARNING
    fixable = "safe"
    source = SOURCE_AP + " (✘ `Sacramento, Calif. —`)."
    examples = (
        Example(wrong="Sacramento, Calif. — The governor signed the bill.",
                right="SACRAMENTO, Calif. — The governor signed the bill."),
        Example(wrong="Moscow (AP) — A cargo ship broke up.", right="MOSCOW (AP) — A cargo ship broke up."),
        Example(right="Washington — the city, not the state — has a new mayor.", note="no state or credit"),
        Example(right="Paris is lovely in spring.", note="not a dateline"),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding for a title-case city before a state or credit and a dash."""
        if not active(context):
            return
        d = find_dateline(document)
        if d is None or d.capitals:
            return
        s, e = d.place
        city = document.text[s:e]
        yield self.violation(
            s, e, f"Dateline city in capitals: '{city.upper()}'.",
            suggestion=city.upper(), fix=Fix(city.upper(), safe=True),
        )
