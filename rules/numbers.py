"""NUM: numbers, percentages, money, ordinals.

The house styles agree on the core: spell out one to nine, use figures from
10 (AP; Guardian "numbers"; BBC), and spell out a number that starts a
sentence (AP, BBC, Guardian) unless it is a year. They differ on the rest:

- **AP**: figures for ages, percentages, money, dimensions, times, dates,
  addresses, scores, votes and sequences even below 10; ``%`` with a
  figure since 2019; ``$5``, not ``$5.00``; ``$1.5 million``.
- **NYT**: AP-like, with ``4 percent`` (the ``percent_style`` setting). The
  NYT manual is not online: the ``nyt`` profile's settings are an
  assumption, not a cited NYT rule.
- **Guardian**: one to nine in words, figures from 10; ``£5m``, ``£2bn``
  for money but ``1 million people``.

Sources: research/house-style-rules.md sections 1.7 and 2, cited per rule.
The single-digit rule carries most of the judgment: a figure below 10 is
flagged only when nothing around it makes it one of AP's exceptions, and
the exceptions are looked up in a fixed window around the figure, so the
rule stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from stylelint import Example, Fix, Rule, RuleContext, Severity
from stylelint.model.document import Document
from stylelint.rule import patterns

from ._calendar import MONTH_ANY_RE, WEEKDAY_RE
from ._numwords import (
    ONES,
    ONES_RE,
    ORDINAL_VALUE,
    TEENS,
    TEENS_RE,
    TENS,
    TENS_RE,
    WORD_VALUE,
    capitalize,
    int_to_words,
    ordinal_figure,
    ordinal_words,
    sentence_start,
    words_to_int,
)
from ._scan import LOWER_WORDS, Anchors, Gated, Required

# --- sources --------------------------------------------------------------------
SRC_ONE_TO_NINE = (
    "AP \"numerals\": https://www.slideserve.com/hazina/ap-style-numerals-dates-times ; "
    "https://lfucg.github.io/content-guide/numerals ; http://www.colby.edu/communicationsoffice/styles/numbers/?print=1 ; "
    "https://uxfoundation.wordpress.com/ (research AP-NU-1). Guardian \"numbers\" (\"Spell out from one to "
    "nine; numerals from 10 to 999,999\"), quoted at "
    "https://collegeofmediaandpublishing.co.uk/getting-numbers-figured-on-our-proofreading-course/ (research [16])."
)
SRC_PERCENT = (
    "AP's 2019 change to the % sign with a numeral: https://www.poynter.org/reporting-editing/2019/"
    "ap-says-the-percentage-sign-now-ok-when-used-with-a-numeral-thats-shift5/ ; "
    "https://www.crowdcontent.com/blog/2019/04/18/percent-vs-what-you-need-to-know-about-aps-2019-stylebook-changes/ ; "
    "the earlier \"percent\" rule, which the nyt profile keeps (setting percent_style = \"percent\"): "
    "http://commonsensej.blogspot.com/2008/01/ap-style-percent.html (research AP-NU-4). The New York Times's own "
    "copy writes \"13 percent\": https://www.nytimes.com/2018/09/25/business/economy/us-government-debt-interest.html ."
)
SRC_MONEY = (
    "AP \"cents\", \"dollars\", \"millions, billions\": https://www.slideserve.com/hazina/ap-style-numerals-dates-times ; "
    "https://uxfoundation.wordpress.com/ (research AP-NU-6)."
)

#: Blocks where numbers follow running-text style (headlines, tables and
#: bylines use figures freely).
RUNNING = ("paragraph", "blockquote", "caption", "list_item")

_NYT_NOTE = (
    " The `nyt` profile follows AP here except for `percent`. The NYT manual is not online; the Times's own "
    "copy in the corpus writes \"13 percent\", \"two years\", \"five stories\" "
    "(https://www.nytimes.com/2018/09/25/business/economy/us-government-debt-interest.html , "
    "https://www.nytimes.com/2019/02/21/nyregion/winter-weather-manholes-pipes.html); the rest is the "
    "profile's assumption, not a cited NYT rule."
)


def _block_start(doc: Document, i: int) -> int:
    block = doc.block_at(i)
    return block.span.start if block is not None else 0


def _fmt_int(n: int) -> str:
    return f"{n:,}"


# =============================================================================
# NUM001: one to nine in words
# =============================================================================

_DIGIT = patterns.compile(r"(?<![\w.,/:$£€¥₹#+\-−–—'’‘^*=×~<>%@&\\|])[1-9](?![\w%°′″½¼¾⅓⅔:^&]|[.,/]\d|\.\.)")

_UNITS = (
    r"percent|per\s+cent|percentage\s+points?|points?|pct\b|%"
    r"|million|billion|trillion|mn|bn"
    r"|[ap]\.?\s?m\b\.?|o['’]clock"
    r"|(?:years?|months?|weeks?|days?)[ \t-]+old|years?[- ]olds?"
    r"|feet|foot|ft|inch|inches|yards?|yds?|miles?|mi|mph|kph|km/h|km|kilomet(?:er|re)s?|met(?:er|re)s?|cm|mm|m"
    r"|kg|kilos?|kilograms?|grams?|g|lbs?|pounds?|ounces?|oz|tons?|tonnes?|gallons?|gal|lit(?:er|re)s?|l|ml"
    r"|acres?|hectares?|ha|square|sq|cubic|degrees?|°"
    r"|[KMGTP]B|[KMG]Hz|Hz|[kMG]W|kWh|MWh|volts?|V|amps?|watts?|W|hp|horsepower|calories|cal|mg|mcg|µg|IU|ppm|ppb"
    r"|cents?|dollars?|euros?|pence|p|yen|yuan|rupees?|pesos?|francs?|bucks"
    r"|(?:kilo|mega|giga|tera|peta)?(?:bytes?|bits?|flops|pixels?)|megapixels?|GB|MB|TB|Mbps|Gbps|fps|rpm"
    r"|x|×|by\s+\d|to\s+1\b|-to-"
)
_AFTER_EXEMPT = patterns.compile(
    rf"(?:\s*(?:-|–|to|and|or|through)\s*[$£€]?\d[\d,.:]*)?\s*(?:{_UNITS})(?![\w])"
    rf"|\s+(?:in|out\s+of|of)\s+\d"  # 1 in 4, 4 out of 5, 1 of 5
    rf"|\s*[=+*×/<>≤≥−^÷±|│┃½¼¾⅓⅔π]"  # arithmetic, tables, fractions
    rf"|\s*,\s*(?:or\s+|and\s+)?\d"  # a list of figures: 2, 3, 5
    rf"|\)"  # an inline enumeration: 1) Deviled, 2) Scotch
    rf"|\s*(?:[.?!;]|\Z)"  # a bare value, not a count: "the median is 3."
    rf"|\s+\d"  # a run of figures: phone numbers, lists
    rf"|\s+(?:{MONTH_ANY_RE})(?![\w])"  # 5 January
    rf"|\s+posted\)"  # Comments (5 posted)
    rf"|\s+(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way"
    rf"|Place|Pl|Court|Ct|Square|Sq|Terrace|Parkway|Pkwy|Circle|Crescent|Close|Row|Plaza|Highway|Hwy)\b",
    regex.IGNORECASE,
)
_SEQUENCE_WORDS = (
    "no|nos|number|numbers|num|page|pages|p|pp|chapter|chapters|ch|chap|section|sec|article|art|clause|paragraph|para"
    "|route|rte|highway|hwy|interstate|exit|gate|platform|terminal|pier|track|lane|line|bus|train|flight|room|rm"
    "|suite|ste|apartment|apt|unit|units|building|bldg|floor|level|levels|tier|grade|grades|class|category|cat|type"
    "|size|model|version|ver|v|vol|volume|issue|episode|ep|season|series|part|book|act|scene|verse|step|steps|phase"
    "|stage|round|game|games|match|race|heat|leg|lap|hole|court|week|day|figure|fig|table|tab|exhibit|appendix"
    "|item|option|question|q|problem|exercise|lesson|module|district|ward|precinct|region|zone|sector|block|lot"
    "|plot|box|column|row|seat|channel|station|code|rule|amendment|proposition|prop|measure|title|form|schedule"
    "|rank|ranked|ranking|seed|seeded|pick|gen|generation|wave|batch|cohort|group|team|division|div|league"
    "|par|spot|slot|position|photo|image|slide|tip|reason|way|point|bullet|priority|objective|goal|principle"
    "|tweet|story|post|installment|instalment|edition|release|iteration|sprint|milestone|track|disc|cd|side"
    "|minus|plus|times|score|scored|vs|v|versus|odds|ratio|rated|rating|mark|mk|window|door|pool|field|aisle"
    "|bed|ward|lane|berth|dock|bay|hangar|runway|quarter|inning|period|half|set|frame|down|dan|belt|star"
    r"|age|aged|ages|ages?\s+\d+\s*(?:to|and|-|–|or)"
)
_BEFORE_EXEMPT = patterns.compile(
    rf"(?:"
    rf"(?:\b(?:US|USD|EUR|GBP|CAD|AUD|Rs\.?|R\$|[ACNZHKS]{{1,2}}\$)|[$£€¥₹])\s*"  # currency
    rf"|\b(?:{MONTH_ANY_RE})\s*"  # Jan. 5
    rf"|\b(?:{_SEQUENCE_WORDS}|numbered|labell?ed|marked|values?)\.?\s*#?"  # No. 3, page 5, aged 4
    rf"|[=+*×/<>≤≥−^÷±|│┃π]\s*"  # arithmetic, tables
    rf"|\d\s*,\s*"  # a list of figures: 2, 3, 5
    rf"|\d,\s*\d+,?\s+(?:or|and)\s+"  # 1, 2, 3 or 5
    rf"|\[[^\]\n]{{0,6}}"  # footnotes: [n 1]
    rf"|\bage\s+of\s+"  # from the age of 5
    rf"|(?-i:\b[A-Z][a-z]+\s+of\s+)"  # Group of 8
    rf"|\b(?:{_SEQUENCE_WORDS})\.?\s*\d+\s*(?:and|to|or|through|-|–|,)\s*"  # pages 2 and 3
    rf"|\^\d+\s*[-+−]\s*"  # 2^15 - 1
    rf"|\b[x×]\s*"  # $4K x 3
    rf"|\b(?:an?)\s+"  # a 5, an 8: a label or a score, not a count
    rf"|\b(?:score|value|values|factors?|threshold|multiple|rating)\s+(?:of|to|is|was|at|as)\s+(?:roughly\s+|about\s+)?"
    rf"|\d\s+"  # a run of figures
    rf"|\d\s+(?:in|out\s+of|of)\s+"  # 1 in 4, 4 out of 5
    rf"|\b(?:{WEEKDAY_RE}),?\s+"  # Monday 5 (dates)
    rf")\Z",
    regex.IGNORECASE,
)
# Capitalized words that do not make the figure part of a name.
_FUNCTION_WORDS = frozenset(
    """The A An All Only Just About Nearly Almost Some Those These Its Their His Her Our My Your With For In On
    At By From To Of After Before Over Under Around And But Or Than Another Every Each Roughly Approximately
    Up Down When While If Since Until Within Between Among During More Fewer Less Least Most So Yet Then
    Now Today Yesterday Tomorrow We They He She It I There Here Last Next First Both Another Nor Into Onto
    Upon Per Via Against Without Through Across Toward Towards Despite About Like Unlike Whether Because
    Although Though Once Where Why How What Which Who Whom Whose That This These Perhaps Maybe Possibly
    Probably Around Outside Inside Beyond Behind Below Above Near Off Out Including Except Plus Minus
    Also Even Still Already Again Ever Never Not No Yes Please Then Thus Hence Therefore However""".split()
)
_PREV_WORD = patterns.compile(r"(?:^|(?<=[\s(\"“‘'—–]))(?P<w>[\w'’.&-]+)[ \t\u00a0]+\Z")
_APPOSITIVE_AGE = patterns.compile(r"[A-Z][\w'’.-]*,[ \t]*\Z")
_SCORE_CONTEXT = patterns.compile(
    r"\b(?:vote[sd]?|voting|won|wins?|beat|beats|defeated|defeats|lost|loses|tied|ties|led|leads?|trailed|trails"
    r"|edged|edges|score[sd]?|ruling|ruled|decision|margin|victory|defeat|record|count|tally|seats?)\b",
    regex.IGNORECASE,
)
_TO_FIGURE = patterns.compile(r"[ \t]+to[ \t]+\d\b|[ \t]*[-–][ \t]*\d\b")
_LIST_MARKER = patterns.compile(r"[ \t]*[.)\]:]")
_LINE_LEAD = patterns.compile(r"[ \t\-*•·–—(#\[]*\Z")
_CODE_LINE = patterns.compile(r"^[ \t]*(?:\$[ \t]|>>>|\[\.\.\.\]|#[ \t]*\w+[ \t]*=|//)", regex.MULTILINE)
_MATH_OR_TABLE = patterns.compile(r"[│┃├└┌┐┘┤┬┴┼∑∏∞⋯√∫−π≈≠{}]|\t\S+\t")
# What a match of each must contain: one of the marks at a line start, or
# one of the symbols or a tab (cheap searches that spare most blocks).
_CODE_GATE = re.compile(r"\$|>>>|\[\.\.\.\]|#|//")
_MATH_GATE = re.compile(r"[│┃├└┌┐┘┤┬┴┼∑∏∞⋯√∫−π≈≠{}\t]")
# A figure that begins a title: "ALSO READ: 5 Top Tech Stocks", "in 7 Simple A/B Tests".
_TITLE_AFTER = patterns.compile(r"[ \t]+[A-Z][\w'’/-]*[ \t]+(?:[a-z]{1,3}[ \t]+)?[A-Z][\w'’/-]*")


def technical_block(document: Document, start: int, end: int) -> bool:
    """True for a block that reads as code, terminal output, math or a table.

    Extracted pages flatten ``<pre>`` and tables into paragraphs; their
    figures are data, not prose. Signs: a shell prompt or ``[...]`` at the
    start of a line, box-drawing or math symbols, braces, tab-separated
    columns, or several short lines none of which ends like a sentence.
    """
    cache = document.cache.setdefault("numbers.technical", {})
    found = cache.get(start)
    if found is None:
        text = document.text
        found = bool(
            (_CODE_GATE.search(text, start, end) and _CODE_LINE.search(text, start, end))
            or (_MATH_GATE.search(text, start, end) and _MATH_OR_TABLE.search(text, start, end))
        )
        if not found and text.find("\n", start, end) >= 0:
            lines = [ln.strip() for ln in text[start:end].split("\n") if ln.strip()]
            short = [ln for ln in lines if len(ln) < 50 and ln[-1] not in ".!?:;\"”’)"]
            found = len(lines) >= 2 and len(short) * 5 >= len(lines) * 3
        cache[start] = found
    return found


# A paragraph that lists figures as values ("The values are 1, 2, 3 or 5",
# "regions numbered 1 through 10") uses its small figures as labels.
_FIGURE_LIST = patterns.compile(
    r"(?<![\d,.])\d{1,3},\s+\d{1,3},\s+\d{1,3}(?![\d.])|(?<![\d,.])\d{1,3},\s+\d{1,3},?\s+(?:or|and)\s+\d{1,3}(?![\d.])"
    r"|\bnumbered\s+\d+\s+(?:through|to|-|–)\s+\d+"
)


def _labels_block(document: Document, start: int, end: int) -> bool:
    cache = document.cache.setdefault("numbers.labels", {})
    found = cache.get(start)
    if found is None:
        found = cache[start] = bool(_FIGURE_LIST.search(document.text, start, end))
    return found


class SingleDigitFigure(Rule):
    """the 2 agreed -> the two agreed."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        for m in _DIGIT.finditer(text):
            s, e = m.span()
            block = document.block_at(s)
            if block is None or technical_block(document, block.span.start, block.span.end):
                continue
            if _labels_block(document, block.span.start, block.span.end):
                continue
            if self._exempt(document, text, s, e):
                continue
            word = ONES[int(m.group())]
            yield self.violation(
                s, e, f"Spell out numbers under 10: '{word}'.", suggestion=word, fix=Fix(word, safe=False)
            )

    @staticmethod
    def _exempt(document: Document, text: str, s: int, e: int) -> bool:
        block = document.block_at(s)
        if block is None:
            return True
        bs, be = block.span.start, block.span.end
        prev = text[s - 1] if s > bs else ""
        nxt = text[e] if e < be else ""
        # Bracketed: (2), [3] — footnotes, enumerations, jersey numbers.
        if prev in "([" and nxt in ")]":
            return True
        # Attached to a hyphen or dash on the right: 3-2, 3-year-old, 4-day.
        if nxt in "-–—" and e + 1 < be and text[e + 1].isalnum():
            return True
        if nxt in "'’′\"″":
            return True
        # List markers: "1. Do this", "2) That" at the start of a line.
        line_start = max(text.rfind("\n", bs, s) + 1, bs)
        if _LINE_LEAD.fullmatch(text[line_start:s]) and _LIST_MARKER.match(text, e, min(be, e + 2)):
            return True
        if sentence_start(text, s, bs):
            return True  # NUM003's business
        window_end = min(be, e + 80)
        if _AFTER_EXEMPT.match(text, e, window_end) or _TITLE_AFTER.match(text, e, window_end):
            return True
        before = text[max(bs, s - 40) : s]
        if _BEFORE_EXEMPT.search(before):
            return True
        if _APPOSITIVE_AGE.search(before) and nxt in ",)":
            return True  # Smith, 5, and ...
        pw = _PREV_WORD.search(before)
        if pw:
            w = pw.group("w").rstrip(".")
            if w and (w[0].isupper() or any(c.isupper() for c in w[1:])) and w not in _FUNCTION_WORDS:
                return True  # Article 5, Apollo 9, iPhone 6, Big 3
        # Scores and votes: 3 to 2, 5-4 after "won", "voted", "decision".
        if _TO_FIGURE.match(text, e, window_end) or _FIGURE_TO.search(before):
            if _SCORE_CONTEXT.search(text, max(bs, s - 60), min(be, e + 40)):
                return True
        return False


_FIGURE_TO = patterns.compile(r"\d[ \t]*(?:to|-|–)[ \t]*\Z")


# =============================================================================
# NUM002: 10 and above in figures
# =============================================================================

_NUMWORD = rf"(?:{ONES_RE}|{TEENS_RE}|{TENS_RE})"
# Gated (see _scan): a run starts with a number word not after a letter, found
# in the lowercased text (one scan for the words of all packs; see
# _scan.LOWER_WORDS). NUM005's pattern starts with one too (one to nine).
_NUMBER_WORDS_AT = LOWER_WORDS.add(ONES[1:] + TEENS + tuple(t for t in TENS if t))
_WORD_RUN = Gated(patterns.compile(
    rf"(?<![\w-])(?P<run>{_NUMWORD}(?:(?:[ \t]+(?:and[ \t]+)?|-){_NUMWORD}|[ \t]+(?:hundred|thousand)(?![\w-]))*)"
    rf"(?P<scale>[ \t]+(?:million|billion|trillion))?(?![\w-])",
    regex.IGNORECASE,
), _NUMBER_WORDS_AT)
_IDIOMS = patterns.compile(
    r"\b(?:ten[ \t]+to[ \t]+one|forty[ \t]+winks|twenty[ \t]+questions|ten-four|ten-gallon|nineteen[ \t]+to[ \t]+the"
    r"[ \t]+dozen|one[ \t]+in[ \t]+a[ \t]+(?:hundred|thousand|million)|a[ \t]+hundred|a[ \t]+thousand|(?:hundred|thousand|million)[ \t]+times)\b",
    regex.IGNORECASE,
)


class SpelledOutTenPlus(Rule):
    """twelve peaches -> 12 peaches."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        for m in _WORD_RUN.finditer(text):
            block = document.block_at(m.start())
            if block is None or technical_block(document, block.span.start, block.span.end):
                continue
            run = m.group("run")
            value = words_to_int(run)
            if value is None or value < 10:
                continue
            s = m.start()
            if run[0].isupper():
                continue  # sentence start (spelled out on purpose) or a name: Big Ten
            if _IDIOMS.search(text, max(0, s - 12), min(len(text), m.end() + 12)):
                continue
            if text[m.end() : m.end() + 10].startswith(("-something", "-somethings")):
                continue
            figure = _fmt_int(value)
            end = m.end("run")
            if m.group("scale"):
                end = m.end()
                figure += " " + m.group("scale").strip()
            yield self.violation(
                s, end, f"Use figures for 10 and above: '{figure}'.", suggestion=figure, fix=Fix(figure, safe=False)
            )


# =============================================================================
# NUM003: no figure at the start of a sentence (years excepted)
# =============================================================================

_FIGURE = patterns.compile(r"(?<![\w.,$£€'’/-])(?P<num>\d[\d,]*(?:\.\d+)?)(?P<after>[\w%'’]*)")
_YEAR = patterns.compile(r"(?:1[0-9]|20)\d\d")
# What follows a figure that opens a real sentence: a lowercase word (after
# an optional unit or %), then the rest of the sentence up to its end.
_SENTENCE_REST = patterns.compile(
    r"%?[ \t]+(?:[a-z][\w'’-]*|%)(?P<rest>[^.!?\n]*(?:\.(?=\w)[^.!?\n]*)*)(?P<end>[.!?])"
)


# Only openers between a block's start and a figure (a match stops at the
# first other character, so the check costs O(1), not O(block)).
_LEAD = re.compile(r"[ \t\"“(]*")


class FigureStartsSentence(Rule):
    """20 people attended. -> Twenty people attended."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        for block in document.blocks:
            if block.kind not in ("paragraph", "blockquote", "caption"):
                continue
            bs, be = block.span.start, block.span.end
            technical = None  # asked only once a figure would be reported: most blocks have none
            for m in _FIGURE.finditer(text, bs, be):
                s = m.start()
                if not sentence_start(text, s, bs):
                    continue
                num, after = m.group("num"), m.group("after")
                if after and after != "%":
                    continue  # 3M, 49ers, 4th (an ordinal rule's business), 3D, 1990's
                if _YEAR.fullmatch(num):
                    continue
                e = m.end()
                line_start = max(text.rfind("\n", bs, s) + 1, bs)
                if line_start > bs and text[line_start:s].strip(" \t\"“(") == "" and not _prev_line_ends_sentence(text, bs, line_start):
                    continue
                if _LEAD.match(text, bs, s).end() == s and _prev_nonspace(text, bs) == ":":
                    continue  # a block that continues a lead-in: "Composition (by volume):" / "95 percent ..."
                rest = _SENTENCE_REST.match(text, e, be)
                if rest is None or len(rest.group().split()) < 3:
                    continue  # not a sentence: a table cell, a time stamp, a list, a heading
                if technical is None:
                    technical = technical_block(document, bs, be)
                if technical:
                    break  # code, math or a table: its figures are data
                fix = None
                suggestion = None
                if after == "" and "," not in num and "." not in num and int(num) < 100:
                    suggestion = capitalize(int_to_words(int(num)))
                    fix = Fix(suggestion, safe=False)
                yield self.violation(
                    s, m.end("num"),
                    "Spell out a number that starts a sentence, or recast the sentence (years are the exception).",
                    suggestion=suggestion, fix=fix,
                )


def _prev_nonspace(text: str, i: int) -> str:
    """The last non-space character before ``i`` (within 8 characters), or ``""``."""
    j = i
    while j > 0 and i - j < 8 and text[j - 1].isspace():
        j -= 1
    return text[j - 1] if j > 0 and not text[j - 1].isspace() else ""


def _prev_line_ends_sentence(text: str, bs: int, line_start: int) -> bool:
    m = line_start - 1
    while m > bs and text[m - 1] in " \t\r\n":
        m -= 1
    return m <= bs or text[m - 1] in ".!?\"”’"


# =============================================================================
# NUM004: percent sign or word
# =============================================================================

_PCT_WORD = Required(
    patterns.compile(r"(?<![\w.,])(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)(?P<sp>[ \t\u00a0]*)(?P<word>percent|per[ \t]+cent|pct\.?)(?![\w])"),
    re.compile(r"p(?:ercent|er[ \t]+cent|ct)"),
)
_PCT_SIGN = Required(
    patterns.compile(r"(?<![\w.,])(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)(?P<sp>[ \t\u00a0]*)%"), re.compile("%")
)


class PercentStyle(Rule):
    """60 percent -> 60% (AP since 2019); 60% -> 60 percent (nyt profile)."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        style = context.setting("percent_style", "symbol")
        if style == "symbol":
            for m in _PCT_WORD.finditer(text):
                num = _lead_zero(m.group("num"))
                right = f"{num}%"
                yield self.violation(
                    m.start(), m.end(), f"Use the % sign with a figure: '{right}'.",
                    suggestion=right, fix=Fix(right, safe=True),
                )
            for m in _PCT_SIGN.finditer(text):
                num = _lead_zero(m.group("num"))
                if m.group("sp") or num != m.group("num"):
                    right = f"{num}%"
                    yield self.violation(
                        m.start(), m.end(), f"Write '{right}': a leading zero, no space before %.",
                        suggestion=right, fix=Fix(right, safe=True),
                    )
            return
        for m in _PCT_SIGN.finditer(text):
            block = document.block_at(m.start())
            if block is not None and block.kind in ("headline", "heading", "table_cell"):
                continue
            num = _lead_zero(m.group("num"))
            right = f"{num} percent"
            yield self.violation(
                m.start(), m.end(), f"Spell out percent: '{right}'.", suggestion=right, fix=Fix(right, safe=True)
            )
        for m in _PCT_WORD.finditer(text):
            num = _lead_zero(m.group("num"))
            right = f"{num} percent"
            if m.group() != right:
                yield self.violation(
                    m.start(), m.end(), f"Write '{right}'.", suggestion=right, fix=Fix(right, safe=True)
                )


def _lead_zero(num: str) -> str:
    return "0" + num if num.startswith(".") else num


# =============================================================================
# NUM005: figures for percentages, ages, money and dimensions, even under 10
# =============================================================================

_SMALL_WORD = Gated(patterns.compile(
    rf"(?<![\w-])(?P<num>{ONES_RE})"
    rf"(?P<unit>[ \t]+(?:percent|per[ \t]+cent)\b"
    rf"|-(?:year|month|week)-olds?\b|[ \t]+(?:years?|months?|weeks?)[ \t]+old\b"
    rf"|[ \t]+(?:dollars?|cents?)\b"
    rf"|[ \t]+inch(?:es)?\b|[ \t]+(?:feet|foot)[ \t]+(?:tall|high|long|wide|deep|of[ \t]+(?:snow|rain|water))\b"
    rf"|[ \t]+degrees[ \t]+(?:Fahrenheit|Celsius|F|C)\b"
    rf"|(?=[ \t]*[,.;:)!?]|[ \t]+(?:and|or)\b))?",
    regex.IGNORECASE,
), _NUMBER_WORDS_AT)


_AGED = patterns.compile(r"\b(?:aged|ages?)[ \t]+\Z", regex.IGNORECASE)


class SpelledOutException(Rule):
    """six percent -> 6%; a five-year-old -> a 5-year-old; five dollars -> $5."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        symbol = context.setting("percent_style", "symbol") == "symbol"
        for m in _SMALL_WORD.finditer(text):
            unit = m.group("unit")
            pre = _AGED.search(text, max(0, m.start() - 6), m.start())
            num_word = m.group("num")
            if unit is None or (unit == "" and not pre):
                continue
            if not num_word.islower():
                continue  # sentence start: spelled out on purpose
            n = WORD_VALUE[num_word.lower()]
            u = unit.strip().lower()
            safe = True
            if pre:
                if unit and not u.startswith(("year", "month", "week", "-")) and "old" not in u:
                    if unit.strip():
                        continue
                what, right, start, end = "ages", str(n), m.start("num"), m.end("num")
            elif "percent" in u or "per" in u:
                what = "percentages"
                right = f"{n}%" if symbol else f"{n} percent"
                start, end = m.start("num"), m.end("unit")
            elif "old" in u:
                what, right, start, end = "ages", str(n), m.start("num"), m.end("num")
            elif u.startswith("dollar"):
                what, right, start, end = "money", f"${n}", m.start("num"), m.end("unit")
            elif u.startswith("cent"):
                what, right, start, end = "money", str(n), m.start("num"), m.end("num")
            else:
                if n == 1:
                    continue  # "not one inch": idiom more often than measure
                what, right, start, end = "dimensions", str(n), m.start("num"), m.end("num")
                safe = False
            yield self.violation(
                start, end, f"Use figures for {what}, even under 10: '{right}'.",
                suggestion=right, fix=Fix(right, safe=safe),
            )


# =============================================================================
# NUM006-NUM008: money
# =============================================================================

# Every money pattern starts at its currency sign: one shared scan finds them.
_CURRENCY_AT = Anchors(re.compile("[$£€]"))
_WHOLE_DOLLARS = Gated(patterns.compile(r"(?P<amount>[$£€]\d[\d,]*)(?P<zeros>\.00)(?![\d])"), _CURRENCY_AT)


class WholeDollars(Rule):
    """$5.00 -> $5."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        for m in _WHOLE_DOLLARS.finditer(document.text):
            right = m.group("amount")
            yield self.violation(
                m.start(), m.end(), f"No '.00' on whole amounts: '{right}'.",
                suggestion=right, fix=Fix(right, safe=True),
            )


_REDUNDANT_CURRENCY = Gated(patterns.compile(
    r"(?P<amount>(?P<sym>[$£€])\d[\d,]*(?:\.\d+)?(?:[ \t]*(?:million|billion|trillion)|(?:m|bn|k|tn)\b)?)"
    r"(?P<word>[ \t]+(?:US[ \t]+)?(?P<cur>dollars|pounds(?![ \t]+(?:of|heavier|lighter|overweight))|euros))\b"
), _CURRENCY_AT)
_SYMBOL_CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros"}


class RedundantCurrencyWord(Rule):
    """$3 million dollars -> $3 million."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        for m in _REDUNDANT_CURRENCY.finditer(document.text):
            if _SYMBOL_CURRENCY[m.group("sym")] != m.group("cur"):
                continue
            right = m.group("amount")
            yield self.violation(
                m.start("word"), m.end("word"),
                f"'{m.group('sym')}' already says {m.group('cur')}: '{right}'.",
                suggestion="", fix=Fix("", safe=True),
            )


_SHORT_SCALE = Gated(patterns.compile(
    r"(?<![\w.,])(?P<cur>[$£€])(?P<num>\d+(?:\.\d+)?)(?P<suf>m|mn|M|bn|b|B|tn|k|K)(?![\w])"
), _CURRENCY_AT)
_LONG_FIGURE = Gated(patterns.compile(r"(?<![\w.,])\$(?P<num>\d{1,3}(?:,\d{3}){2,3})(?!,?\d|\.\d)"), _CURRENCY_AT)
_SPELLED_SCALE = Gated(patterns.compile(
    r"(?<![\w.,])(?P<cur>[$£€])(?P<num>\d+(?:\.\d+)?)[ \t\u00a0]+(?P<scale>million|billion|trillion)\b"
), _CURRENCY_AT)
_SCALE_WORD = {"m": "million", "mn": "million", "M": "million", "bn": "billion", "b": "billion", "B": "billion",
               "tn": "trillion"}
_UK_SCALE = {"million": "m", "billion": "bn", "trillion": "tn"}


def _scaled(digits: str) -> str | None:
    """'5,000,000' -> '5 million'; '1,250,000' -> '1.25 million'; None if it needs more decimals."""
    n = int(digits.replace(",", ""))
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if n >= size:
            if (n * 100) % size:
                return None
            value = f"{n / size:.2f}".rstrip("0").rstrip(".")
            return f"{value} {word}"
    return None


class LargeMoneyForm(Rule):
    """AP: $5m -> $5 million, $5,000,000 -> $5 million. Guardian: £5 million -> £5m."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        if context.profile == "guardian":
            for m in _SPELLED_SCALE.finditer(text):
                right = f"{m.group('cur')}{m.group('num')}{_UK_SCALE[m.group('scale')]}"
                yield self.violation(
                    m.start(), m.end(), f"Guardian style abbreviates sums of money: '{right}'.",
                    suggestion=right, fix=Fix(right, safe=True),
                )
            return
        for m in _SHORT_SCALE.finditer(text):
            suf = m.group("suf")
            if suf in ("k", "K"):
                try:
                    value = round(float(m.group("num")) * 1000)
                except ValueError:
                    continue
                if float(m.group("num")) * 1000 != value:
                    continue
                right = f"{m.group('cur')}{_fmt_int(value)}"
            else:
                right = f"{m.group('cur')}{m.group('num')} {_SCALE_WORD[suf]}"
            yield self.violation(
                m.start(), m.end(), f"Spell out the amount: '{right}'.",
                suggestion=right, fix=Fix(right, safe=True),
            )
        for m in _LONG_FIGURE.finditer(text):
            scaled = _scaled(m.group("num"))
            if scaled is None:
                continue
            right = f"${scaled}"
            yield self.violation(
                m.start(), m.end(), f"Write large sums as '{right}'.",
                suggestion=right, fix=Fix(right, safe=False), severity=Severity.INFO,
            )


# =============================================================================
# NUM009: ordinals
# =============================================================================

_FIGURE_ORDINAL = patterns.compile(r"(?<![\w.,/-])(?P<n>[1-9])(?P<suf>st|nd|rd|th)(?![\w])")
_WORD_ORDINAL = Gated(patterns.compile(
    r"(?<![\w-])(?P<word>(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth))(?![\w-])"
), LOWER_WORDS.add(
    """tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
    twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth""".split()
))
_ORDINAL_DETERMINER = patterns.compile(r"(?:\b(?:the|its|his|her|their|our|my|your|this|that|every)|['’]s)[ \t]+\Z")
_DATE_NEAR = patterns.compile(rf"\b(?:{MONTH_ANY_RE})[ \t]*\Z")
_DATE_AFTER = patterns.compile(rf"[ \t]+(?:of[ \t]+)?(?:{MONTH_ANY_RE})(?![\w])")
_NEXT_TOKEN = patterns.compile(r"(?:[ \t]+|-)(?P<w>[\w'’]+)")


class OrdinalForm(Rule):
    """1st place -> first place; the eleventh floor -> the 11th floor."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        for m in _FIGURE_ORDINAL.finditer(text):
            s, e = m.span()
            bs = _block_start(document, s)
            if _DATE_NEAR.search(text, max(bs, s - 12), s) or _DATE_AFTER.match(text, e):
                continue  # dates: DAT004
            nxt = _NEXT_TOKEN.match(text, e)
            if nxt and nxt.group("w")[:1].isupper():
                continue  # names: 1st Cavalry Division, 3rd District, 5th Avenue
            word = ordinal_words(int(m.group("n")))
            if sentence_start(text, s, bs):
                word = capitalize(word)
            yield self.violation(
                s, e, f"Spell out first to ninth: '{word}'.", suggestion=word, fix=Fix(word, safe=False)
            )
        for m in _WORD_ORDINAL.finditer(text):
            s, e = m.span()
            word = m.group("word")
            if word == "eleventh" and text.startswith(" hour", e):
                continue
            if not _ORDINAL_DETERMINER.search(text, max(0, s - 12), s):
                continue  # "a tenth of", "one-tenth": fractions
            value = ORDINAL_VALUE.get(word)
            if value is None:
                a, b = word.split("-")
                value = WORD_VALUE[a] + ORDINAL_VALUE[b]
            right = ordinal_figure(value)
            yield self.violation(
                s, e, f"Use figures for 10th and above: '{right}'.", suggestion=right, fix=Fix(right, safe=False)
            )


# =============================================================================
# NUM010: decades
# =============================================================================

_DECADE = patterns.compile(
    r"(?<![\w'’])(?P<num>\d{4}|\d0)(?P<apos>['’])s\b"
)
_DECADE_LEAD = patterns.compile(r"\b(?:[Tt]he|[Ee]arly|[Mm]id|[Ll]ate|[Ii]n)[ \t-]+\Z|mid-\Z")
_AGE_OWNER = patterns.compile(r"\b(?:her|his|their|my|your|our)[ \t]+(?:early[ \t]+|mid-|late[ \t]+)?\Z", regex.IGNORECASE)
_OWNER = patterns.compile(r"\b(?:her|his|their|my|your|our|its|the)[ \t]+(?:early[ \t]+|mid-|late[ \t]+)?\Z", regex.IGNORECASE)


class DecadeApostrophe(Rule):
    """the 1990's -> the 1990s; in her 30's -> in her 30s."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        for m in _DECADE.finditer(text):
            num = m.group("num")
            lead = _DECADE_LEAD.search(text, max(0, m.start() - 8), m.start())
            if len(num) == 4:
                if not num.endswith("0") or not lead:
                    continue  # 2014's (a possessive year)
                right, safe = f"{num}s", True
            else:
                before = text[max(0, m.start("num") - 20) : m.start("num")]
                owner = _AGE_OWNER.search(before)
                if owner:
                    right, safe = f"{num}s", True  # ages: in her 30s
                elif lead or _OWNER.search(before):
                    right, safe = f"’{num}s", False  # decades: the ’90s
                else:
                    continue
            yield self.violation(
                m.start("num"), m.end(), f"No apostrophe before the s: '{right}'.",
                suggestion=right, fix=Fix(right, safe=safe),
            )


# =============================================================================
# The rules
# =============================================================================

RULES = [
    SingleDigitFigure(
        id="NUM001",
        name="single-digit-figure",
        summary="Spell out one to nine in running text (the two agreed), except ages, percentages, money, times, dates, sequences and the like.",
        rationale=(
            "AP, the Guardian and the BBC spell out whole numbers below 10 and use figures from 10. "
            "AP keeps figures below 10 for ages, percentages, money, dimensions and units, times, "
            "dates, addresses, scores and votes, ratios and sequences (`No. 3`, `Article 5`, `Route "
            "1`), and this rule recognizes those from the words around the figure: a unit or `%` "
            "after it, a currency sign, month or sequence word before it, a hyphenated compound "
            "(`3-year-old`, `won 3-2`), a capitalized name before it (`Apollo 9`), brackets, list "
            "markers and runs of figures. Headlines and tables use figures freely, and a figure that "
            "starts a sentence is NUM003's. The fix spells the number out but is offered for review."
        ),
        severity=Severity.WARNING,
        scopes=RUNNING,
        fixable="unsafe",
        source=SRC_ONE_TO_NINE,
        examples=(
            Example(wrong="During the call, the 2 agreed to meet in Geneva.", right="During the call, the two agreed to meet in Geneva."),
            Example(wrong="She owns 3 pencils and 12 peaches.", right="She owns three pencils and 12 peaches."),
            Example(right="The Eagles won 3-2 on a late goal by the No. 3 scorer."),
            Example(right="A 3-year-old boy, 5 feet tall, found $5 and 5% off on Route 1."),
            Example(right="Article 5 says an attack on one is an attack on all, and the G-8 met Jan. 5 at 9 a.m."),
            Example(right="Polls show 1 in 4 voters is undecided; the court ruled 5 to 4."),
            Example(right="Smith, 7, and her brother live at 4 Elm Street."),
        ),
    ),
    SpelledOutTenPlus(
        id="NUM002",
        name="spelled-out-ten-plus",
        summary="Use figures for 10 and above (12 peaches, not twelve peaches).",
        rationale=(
            "From 10 up, figures are shorter and easier to scan (AP, Guardian, BBC). A number that "
            "starts a sentence is spelled out on purpose, and capitalized numbers are names (`Big Ten`, "
            "`Ocean's Eleven`), so neither is flagged; nor are casual `a hundred` and idioms like "
            "`ten to one`."
        ),
        severity=Severity.WARNING,
        scopes=RUNNING,
        fixable="unsafe",
        source=SRC_ONE_TO_NINE,
        examples=(
            Example(wrong="She bought twelve peaches.", right="She bought 12 peaches."),
            Example(wrong="The war lasted twenty-five years.", right="The war lasted 25 years."),
            Example(wrong="About ten thousand people marched.", right="About 10,000 people marched."),
            Example(right="Twelve people attended.", note="sentence start"),
            Example(right="The Big Ten expanded; one of the three stayed."),
        ),
    ),
    FigureStartsSentence(
        id="NUM003",
        name="figure-starts-sentence",
        summary="Spell out a number that starts a sentence, or recast; a year may start one.",
        rationale=(
            "A sentence does not start with a figure: write `Twenty people attended` or recast (`About "
            "20 people…`). Years are the exception (`2014 was a good year`). List numbering, headlines, "
            "tables and names that begin with a figure (`3M`, `49ers`) are left alone. The fix spells "
            "out numbers below 100 and is offered for review, since recasting may read better." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=RUNNING,
        fixable="unsafe",
        source=(
            "https://www.slideserve.com/hazina/ap-style-numerals-dates-times ; "
            "https://ncdol-intranet.atlanticbt-server.com/bureaus/administration-division/publications/printing-style-manual/numbers ; "
            "https://communicationsplus.net/2013/01/09/writing-numbers/ (research AP-NU-2)."
        ),
        examples=(
            Example(wrong="20 people attended the hearing.", right="Twenty people attended the hearing."),
            Example(wrong="The hall was full. 150 people stood outside.", right="The hall was full. About 150 people stood outside."),
            Example(right="2014 was a good year for the club."),
            Example(right="The vote was at 10 a.m. No. 3 seed Smith lost."),
            Example(right="3M reported earnings Tuesday."),
        ),
    ),
    PercentStyle(
        id="NUM004",
        name="percent-style",
        summary="AP since 2019: 60% (figure and sign, no space); the nyt profile: 60 percent.",
        rationale=(
            "AP changed to the `%` sign with a figure in 2019: `60%`, `0.6%` (a zero before the "
            "decimal point), no space before the sign. The `percent_style` setting picks the form: "
            "`symbol` (AP) or `percent` (the nyt profile, after AP's pre-2019 rule; headlines and "
            "tables may keep `%`). `percentage points` is untouched." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=("headline", "heading", "paragraph", "blockquote", "caption", "list_item", "table_cell"),
        fixable="safe",
        source=SRC_PERCENT,
        examples=(
            Example(wrong="About 60 percent of Americans agreed.", right="About 60% of Americans agreed."),
            Example(wrong="Prices rose .6% in March.", right="Prices rose 0.6% in March."),
            Example(wrong="Prices rose 4% in March.", right="Prices rose 4 percent in March.", profile="nyt"),
            Example(right="The rate rose 4 percentage points."),
            Example(right="About 5% of voters were undecided."),
        ),
    ),
    SpelledOutException(
        id="NUM005",
        name="spelled-out-exception",
        summary="Use figures for percentages, ages, money and dimensions even under 10 (6%, a 5-year-old, $5).",
        rationale=(
            "AP's exceptions to spelling out one to nine: percentages (`6%`), ages (`a 5-year-old`, "
            "`aged 4`), money (`$5`, `5 cents`) and dimensions (`3 inches`, `6 feet tall`) take "
            "figures. A number that starts a sentence stays spelled out. The fixes for percentages, "
            "ages and money are safe; dimensions are offered for review." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=RUNNING,
        fixable="safe",
        source=(
            "https://www.slideserve.com/hazina/ap-style-numerals-dates-times ; http://www.colby.edu/communicationsoffice/styles/numbers/?print=1 ; "
            "https://uxfoundation.wordpress.com/ (research AP-NU-3, AP-NU-4 check C, AP-NU-5, AP-NU-6)."
        ),
        examples=(
            Example(wrong="Unemployment fell to six percent.", right="Unemployment fell to 6%."),
            Example(wrong="A five-year-old boy was found safe.", right="A 5-year-old boy was found safe."),
            Example(wrong="Tickets cost five dollars.", right="Tickets cost $5."),
            Example(right="Five percent of voters were undecided.", note="sentence start"),
            Example(right="Not one inch of ground was given, and two of the three stayed."),
        ),
    ),
    WholeDollars(
        id="NUM006",
        name="whole-dollar-zeros",
        summary="No .00 on whole amounts: $5, not $5.00.",
        rationale="AP drops the cents when there are none: `$5`, `$1,200`. Table cells, where prices line up, are not checked." + _NYT_NOTE,
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=RUNNING + ("headline", "heading"),
        fixable="safe",
        source=SRC_MONEY,
        examples=(
            Example(wrong="Tickets cost $5.00 at the door.", right="Tickets cost $5 at the door."),
            Example(wrong="The fine was $1,200.00.", right="The fine was $1,200."),
            Example(right="Tickets cost $5.50 at the door."),
            Example(right="Tickets cost $5 at the door."),
        ),
    ),
    RedundantCurrencyWord(
        id="NUM007",
        name="redundant-currency-word",
        summary="The sign says the currency: $3 million, not $3 million dollars.",
        rationale="`$3 million dollars` and `£40 pounds` say the currency twice. Drop the word.",
        severity=Severity.WARNING,
        fixable="safe",
        scopes=RUNNING + ("headline", "heading"),
        source=SRC_MONEY + " Guardian \"numbers\": `£5m` (research [16]).",
        examples=(
            Example(wrong="The city paid $3 million dollars for the land.", right="The city paid $3 million for the land."),
            Example(wrong="Tickets cost £40 pounds.", right="Tickets cost £40.", profile="guardian"),
            Example(right="The city paid $3 million for the land."),
            Example(right="He lost £5 and gained 10 pounds in weight."),
        ),
    ),
    LargeMoneyForm(
        id="NUM008",
        name="large-money-form",
        summary="AP: $5 million, not $5m or $5,000,000. Guardian: £5m, not £5 million.",
        rationale=(
            "AP writes large sums with a figure and the word: `$1.5 million`, `$2 billion`, not `$2bn` "
            "or `$5M`; a round `$5,000,000` becomes `$5 million` (info, for review). The Guardian "
            "does the opposite for sums of money: `£5m`, `£30bn`, `£50tn` (but `1 million people`)."
        ),
        severity=Severity.WARNING,
        fixable="safe",
        scopes=RUNNING,
        source=SRC_MONEY + " Guardian \"numbers\" (\"use m, bn or tn for sums of money\"), quoted at "
        "https://collegeofmediaandpublishing.co.uk/getting-numbers-figured-on-our-proofreading-course/ (research [16]).",
        examples=(
            Example(wrong="The startup raised $5m from investors.", right="The startup raised $5 million from investors."),
            Example(wrong="The deal is worth $2bn.", right="The deal is worth $2 billion."),
            Example(wrong="The council spent £5 million on roads.", right="The council spent £5m on roads.", profile="guardian"),
            Example(right="The startup raised $5 million from investors."),
            Example(right="The council spent £5m on roads.", profile="guardian"),
        ),
    ),
    OrdinalForm(
        id="NUM009",
        name="ordinal-form",
        summary="Spell out first to ninth; use figures from 10th (first place, the 11th floor).",
        rationale=(
            "AP spells out `first` to `ninth` and uses figures from `10th` (`the 19th Amendment`, "
            "`21st century`). Figures below 10th are kept in names (`1st Cavalry Division`, `3rd "
            "District`) and dates are DAT004's. Spelled-out ordinals are flagged only after a "
            "determiner (`the eleventh floor`), so fractions (`a tenth of`) pass." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=RUNNING,
        fixable="unsafe",
        source=(
            "https://lfucg.github.io/content-guide/numerals ; https://uxfoundation.wordpress.com/ (research AP-NU-7); "
            "centuries: writingexplained numbers page, mirrored at https://jpeglabviewhuffman.pages.dev/264208.html (AP-NU-8)."
        ),
        examples=(
            Example(wrong="She finished in 1st place.", right="She finished in first place."),
            Example(wrong="The office is on the eleventh floor.", right="The office is on the 11th floor."),
            Example(wrong="It dates from the 5th century.", right="It dates from the fifth century."),
            Example(right="He served in the 1st Cavalry Division."),
            Example(right="A tenth of the budget went to roads in the 21st century."),
        ),
    ),
    DecadeApostrophe(
        id="NUM010",
        name="decade-apostrophe",
        summary="No apostrophe before the s of a decade or an age: the 1990s, in her 30s.",
        rationale=(
            "A decade is a plural, not a possessive: `the 1990s`, `the '90s`, `in her 30s`. A year's "
            "possessive (`2014's budget`) is left alone, so a four-figure form is flagged only after "
            "`the`, `early`, `mid-` or `late`."
        ),
        severity=Severity.WARNING,
        fixable="safe",
        scopes=RUNNING + ("headline", "heading"),
        source=(
            "AP: https://www.slideserve.com/hazina/ap-style-numerals-dates-times ; http://www.colby.edu/communicationsoffice/styles/numbers/?print=1 "
            "(research AP-NU-3 check D, AP-NU-9). UK house styles: \"If you’re talking about a decade, don’t put an "
            "apostrophe in it (1960s)\", https://www.thewriter.co.uk/tools/style-guide/numbers/dates-and-times ; "
            "https://webs.uab.cat/manualdestilinteruniversitari/pagina-exemple/numbers/dates/."
        ),
        examples=(
            Example(wrong="Prices soared in the 1990's.", right="Prices soared in the 1990s."),
            Example(wrong="She moved there in her 30's.", right="She moved there in her 30s."),
            Example(right="2014's budget was larger."),
            Example(right="Prices soared in the 1990s."),
        ),
    ),
]
