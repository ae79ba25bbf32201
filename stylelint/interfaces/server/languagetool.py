"""LanguageTool's HTTP API (``/v2/check``, ``/v2/languages``), spoken by stylelint.

LanguageTool's browser extension, its editor plugins and its client
libraries can be pointed at any server that answers this API; pointed at
``stylelint serve``, they show house-style findings in the editor with no
code of ours on the client.

The request (form-encoded body or query string, as LanguageTool takes it):

- ``text``: plain text; or ``data``: LanguageTool's *AnnotatedText* JSON,
  ``{"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "claim"},
  {"markup": "</b>"}, {"markup": "<p>", "interpretAs": "\\n\\n"}]}``. The
  markup parts are skipped (``interpretAs`` stands in for them in the
  prose), and answers' offsets count the whole string, markup included.
- ``language``: ``en-US``, ``en-GB`` (the British profile), ``en`` or
  ``auto`` (the operator's profile; ``preferredVariants`` picks a variant).
- ``enabledRules``, ``disabledRules``, ``enabledCategories``,
  ``disabledCategories`` (comma-separated; categories are rule families such
  as ``ATT``; ids stylelint does not have are ignored, as LanguageTool does),
  ``enabledOnly=true`` and ``level=picky`` (adds rules that are off by
  default).

The answer has LanguageTool's shape: ``software``, ``warnings``,
``language`` and ``matches``, whose ``offset`` and ``length`` count UTF-16
code units (as LanguageTool's, and JavaScript's strings, do).
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from stylelint import __version__
from stylelint.config.profiles import PROFILES
from stylelint.model.units import CodeUnits

#: The English variants served: code -> (name, the ``spelling`` setting of its profiles).
VARIANTS: dict[str, tuple[str, str]] = {
    "en-US": ("English (US)", "us"),
    "en-GB": ("English (GB)", "uk"),
}
#: LanguageTool's ``issueType`` per family (the client colours by it); others are ``style``.
ISSUE_TYPES = {"SPL": "misspelling", "TYP": "typographical", "BPL": "non-conformance"}
#: Category names for the families of the built-in packs (a plugin's family shows its prefix).
CATEGORY_NAMES = {
    "ATT": "Attribution",
    "BPL": "Scraped boilerplate",
    "DAT": "Dates and times",
    "DTL": "Datelines",
    "HON": "Titles and references",
    "NUM": "Numbers",
    "SPL": "House spellings",
    "SPN": "Spun copy",
    "TYP": "Typography",
}
#: Characters of context LanguageTool shows on each side of a match.
CONTEXT = 40


class CheckError(ValueError):
    """A bad ``/v2/check`` parameter: ``field`` names it, ``str()`` says what is wrong."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field


def languages() -> list[dict[str, str]]:
    """``GET /v2/languages``: the English variants, as LanguageTool lists languages."""
    out = [{"name": "English", "code": "en", "longCode": "en"}]
    out += [{"name": name, "code": "en", "longCode": code} for code, (name, _) in VARIANTS.items()]
    return out


def variant_of(profile: str) -> str:
    """The language code a profile writes: ``en-GB`` for British spelling, else ``en-US``."""
    spelling = PROFILES[profile].settings.get("spelling") if profile in PROFILES else None
    return next((code for code, (_, s) in VARIANTS.items() if s == spelling), "en-US")


def profile_for(code: str, base_profile: str) -> str:
    """The house profile for a variant: the operator's when it writes that variant, else the first that does."""
    if variant_of(base_profile) == code:
        return base_profile
    return next(name for name in PROFILES if variant_of(name) == code)


# ---------------------------------------------------------------------------
# The request


@dataclass
class Annotated:
    """A text the client holds (``whole``) and the prose we lint, with the map between them.

    ``segments`` are ``(prose_start, prose_end, whole_start, whole_end,
    is_text)``: a text part maps one to one; a markup part maps its
    ``interpretAs`` (maybe empty) onto the markup's whole span.
    """

    whole: str
    prose: str
    segments: list[tuple[int, int, int, int, bool]] = field(default_factory=list)

    def to_whole(self, pos: int, *, end: bool = False) -> int:
        """A prose offset as an offset in ``whole``.

        A start at a markup boundary goes after the markup, an end before
        it; inside an ``interpretAs`` a start maps to the markup's start
        and an end to its end.
        """
        if not self.segments:
            return pos
        starts = [s[0] for s in self.segments]
        i = (bisect.bisect_left(starts, pos) if end else bisect.bisect_right(starts, pos)) - 1
        i = min(max(i, 0), len(self.segments) - 1)
        p0, p1, w0, w1, is_text = self.segments[i]
        if is_text:
            return w0 + min(max(pos - p0, 0), p1 - p0)
        return w1 if end and pos > p0 else w0


def plain(text: str) -> Annotated:
    """A ``text`` parameter: the prose is the whole string."""
    return Annotated(text, text, [(0, len(text), 0, len(text), True)])


def annotated(data: str) -> Annotated:
    """A ``data`` parameter (AnnotatedText JSON); raises :class:`CheckError` naming the bad part."""
    try:
        value = json.loads(data)
    except ValueError as exc:
        raise CheckError("data", f"not valid JSON: {exc}") from None
    if not isinstance(value, Mapping) or not isinstance(value.get("annotation"), list):
        raise CheckError("data", 'expected {"annotation": [...]}')
    whole: list[str] = []
    prose: list[str] = []
    segments: list[tuple[int, int, int, int, bool]] = []
    wpos = ppos = 0
    for i, part in enumerate(value["annotation"]):
        where = f"data.annotation[{i}]"
        if not isinstance(part, Mapping):
            raise CheckError(where, "expected an object with 'text' or 'markup'")
        unknown = sorted(set(part) - {"text", "markup", "interpretAs"})
        if unknown:
            raise CheckError(f"{where}.{unknown[0]}", "unknown key (allowed: text, markup, interpretAs)")
        if ("text" in part) == ("markup" in part):
            raise CheckError(where, "needs exactly one of 'text' and 'markup'")
        if "text" in part:
            if "interpretAs" in part:
                raise CheckError(f"{where}.interpretAs", "only a markup part has one")
            text = part["text"]
            if not isinstance(text, str):
                raise CheckError(f"{where}.text", "expected a string")
            segments.append((ppos, ppos + len(text), wpos, wpos + len(text), True))
            whole.append(text)
            prose.append(text)
            wpos += len(text)
            ppos += len(text)
            continue
        markup, interpret = part["markup"], part.get("interpretAs", "")
        if not isinstance(markup, str):
            raise CheckError(f"{where}.markup", "expected a string")
        if not isinstance(interpret, str):
            raise CheckError(f"{where}.interpretAs", "expected a string")
        segments.append((ppos, ppos + len(interpret), wpos, wpos + len(markup), False))
        whole.append(markup)
        prose.append(interpret)
        wpos += len(markup)
        ppos += len(interpret)
    return Annotated("".join(whole), "".join(prose), segments)


def _ids(params: Mapping[str, str], key: str) -> list[str]:
    return [x.strip() for x in params.get(key, "").split(",") if x.strip()]


@dataclass
class CheckRequest:
    """A validated ``/v2/check`` request."""

    text: Annotated
    language: str  # the variant answered: en-US or en-GB
    profile: str
    enabled: list[str]
    disabled: list[str]
    enabled_only: bool
    picky: bool


def parse_check(params: Mapping[str, str], base_profile: str) -> CheckRequest:
    """Read ``/v2/check``'s parameters (last value of each); raises :class:`CheckError`."""
    if "text" in params and "data" in params:
        raise CheckError("text", "give 'text' or 'data', not both")
    if "text" in params:
        text = plain(params["text"])
    elif "data" in params:
        text = annotated(params["data"])
    else:
        raise CheckError("text", "missing: give 'text' (plain text) or 'data' (AnnotatedText JSON)")
    language = params.get("language", "").strip()
    if not language:
        raise CheckError("language", "missing (use en-US, en-GB, en or auto)")
    lowered = language.lower().replace("_", "-")
    if lowered in ("auto", "en"):
        preferred = [v.strip().lower() for v in params.get("preferredVariants", "").split(",")]
        code = next((c for c in VARIANTS if c.lower() in preferred), variant_of(base_profile))
    else:
        code = next((c for c in VARIANTS if c.lower() == lowered), "")
        if not code:
            raise CheckError("language", f"unsupported language {language!r} (allowed: auto, en, {', '.join(VARIANTS)})")
    enabled = _ids(params, "enabledRules") + _ids(params, "enabledCategories")
    disabled = _ids(params, "disabledRules") + _ids(params, "disabledCategories")
    only = params.get("enabledOnly", "false").strip().lower()
    if only not in ("true", "false", ""):
        raise CheckError("enabledOnly", f"expected true or false, got {params['enabledOnly']!r}")
    if only == "true" and not enabled:
        raise CheckError("enabledOnly", "needs enabledRules or enabledCategories")
    level = params.get("level", "default").strip().lower() or "default"
    if level not in ("default", "picky"):
        raise CheckError("level", f"expected default or picky, got {params['level']!r}")
    profile = profile_for(code, base_profile)
    return CheckRequest(text, code, profile, enabled, disabled, only == "true", level == "picky")


def known(ids: Sequence[str], rule_ids: Sequence[str]) -> list[str]:
    """The rule ids and families (``ATT``) among ``ids`` that stylelint has; LanguageTool ignores the rest."""
    have = set(rule_ids)
    families = {r[:3] for r in rule_ids}
    return [i for i in dict.fromkeys(x.upper() for x in ids) if i in have or i in families]


def config_values(req: CheckRequest, rules: Sequence[Any]) -> dict[str, Any] | None:
    """The request's settings as a stylelint request document's keys (None: no rule of ours runs)."""
    ids = [r.id for r in rules]
    values: dict[str, Any] = {"profile": req.profile}
    enabled, disabled = known(req.enabled, ids), known(req.disabled, ids)
    if req.enabled_only:
        if not enabled:
            return None  # only rules we do not have
        values["select"] = enabled
    else:
        extra = enabled + ([r.id for r in rules if not r.default_enabled] if req.picky else [])
        if extra:
            values["extend_select"] = extra
    if disabled:
        values["ignore"] = disabled
    return values


# ---------------------------------------------------------------------------
# The answer


def _sentence(prose: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)`` (within 400 characters either way)."""
    lo, hi = max(0, start - 400), min(len(prose), end + 400)
    a = lo
    for mark in (". ", "? ", "! ", "\n"):
        i = prose.rfind(mark, lo, start)
        if i >= 0:
            a = max(a, i + len(mark))
    b = hi
    for mark in (". ", "? ", "! ", "\n"):
        i = prose.find(mark, end, hi)
        if i >= 0:
            b = min(b, i + (1 if mark[0] in ".?!" else 0))
    return prose[a:b].strip()


def _context(prose: str, start: int, end: int) -> dict[str, Any]:
    """LanguageTool's ``context``: the match with up to :data:`CONTEXT` characters each side."""
    a, b = max(0, start - CONTEXT), min(len(prose), end + CONTEXT)
    lead = "..." if a > 0 else ""
    text = lead + prose[a:b].replace("\n", " ") + ("..." if b < len(prose) else "")
    units = CodeUnits(text)
    off = len(lead) + start - a
    return {"text": text, "offset": units.utf16(off), "length": units.utf16(off + end - start) - units.utf16(off)}


def match(v: Any, rule: Any, req: CheckRequest, units: CodeUnits, rule_url: str | None) -> dict[str, Any]:
    """One finding as a LanguageTool match; offsets in UTF-16 units of the client's whole text."""
    start, end = v.offset, max(v.end_offset, v.offset)
    w0, w1 = req.text.to_whole(start), req.text.to_whole(end, end=True)
    w1 = max(w0, w1)
    family = v.rule_id[:3]
    value = v.fix.replacement if v.fix is not None else v.suggestion
    name = (v.name or getattr(rule, "name", "") or v.rule_id).replace("-", " ")
    rule_out: dict[str, Any] = {
        "id": v.rule_id,
        "description": f"{v.rule_id}: {getattr(rule, 'summary', '').strip() or name}",
        "issueType": ISSUE_TYPES.get(family, "style"),
        "category": {"id": family, "name": CATEGORY_NAMES.get(family, family)},
    }
    if rule_url:
        rule_out["urls"] = [{"value": rule_url}]
    return {
        "message": v.message,
        "shortMessage": name[:1].upper() + name[1:],
        "replacements": [] if value is None else [{"value": value}],
        "offset": units.utf16(w0),
        "length": units.utf16(w1) - units.utf16(w0),
        "context": _context(req.text.prose, start, end),
        "sentence": _sentence(req.text.prose, start, end),
        "type": {"typeName": "Hint" if str(v.severity) == "info" else "Other"},
        "rule": rule_out,
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def answer(req: CheckRequest, violations: Sequence[Any], rules: Mapping[str, Any], base_url: str) -> dict[str, Any]:
    """The ``/v2/check`` answer for the findings of ``req``'s prose."""
    units = CodeUnits(req.text.whole)
    name = VARIANTS[req.language][0]
    matches = [
        match(v, rules.get(v.rule_id), req, units, f"{base_url}v1/rules/{v.rule_id}?format=text" if base_url else None)
        for v in violations
    ]
    return {
        "software": {
            "name": "stylelint",
            "version": __version__,
            "buildDate": None,
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            "name": name,
            "code": req.language,
            "detectedLanguage": {"name": name, "code": req.language, "confidence": 1.0},
        },
        "matches": matches,
    }
