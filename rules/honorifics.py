"""HON: courtesy titles, formal titles, first and later references to people.

AP names a person in full on first reference, with a formal title where one
applies ("Secretary of State Antony Blinken"), and by surname alone after
that ("Blinken"); it uses no courtesy titles (Mr., Ms.) outside quotations.
The New York Times adds a courtesy title on later references ("Mr.
Blinken"); the Guardian uses none in news. Formal titles are capitalised
directly before a name and lowercase after it or alone; AP abbreviates Gov.,
Sen., Rep., Gen. and the Rev. before a full name and never abbreviates
President.

Rules that need to know who is who read :func:`rules._people.people`, which
tracks every person through the article once per document. Words inside a
quotation are the speaker's: "Mr. Putin" in a quote is never a finding (the
engine drops findings in quotations for these rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

import regex

from stylelint import Example, Fix, Rule, RuleContext, Severity
from stylelint.model.document import Document
from stylelint.rule import patterns

from ._people import (
    COURTESY,
    FORMAL_TITLES,
    GIVEN,
    NONNAMES,
    ORG_WORDS,
    PLACES,
    SKIP_BLOCKS,
    TITLE_WORDS,
    WORD_SURNAMES,
    WORDLIKE_GIVEN,
    Mention,
    following_word,
    load_words,
    people,
    preceding_word,
    surname_start,
)
from ._scan import LOWER_WORDS, Gated, word_trie

_ALLOW = load_words("honorifics_courtesy_allow.txt")

_SRC_AP_CT = (
    "AP Stylebook, courtesy titles (research §1.1 AP-CT-1): "
    "https://writingexplained.org/ap-style/courtesy-titles-ap-style ; "
    "http://web.mnstate.edu/hanson/MC210/MC210_AP_titles.htm ; "
    "https://www.flashcardmachine.com/ap-style-peoplesnamesandtitles.html"
)
_SRC_GU_CT = (
    "Guardian: no honorifics in news, features or sport (research §2 [7][12]): "
    "https://www.theguardian.com/commentisfree/2008/aug/04/pressandpublishing"
)
_SRC_NYT_CT = (
    "New York Times: Mr./Ms. + surname on later references (research §2 [1][2][3][4]): "
    "https://publiceditor.blogs.nytimes.com/2007/07/25/a-question-of-honorifics/ ; "
    "https://beliefnet.com/columnists/deaconsbench/2008/09/mrs-clinton-and-ms-palin.html"
)
_SRC_AP_TI = (
    "AP Stylebook, titles (research §1.2), as quoted in "
    "https://www.albertleatribune.com/2012/12/how-news-outlets-handle-all-kinds-of-titles/ ; "
    "http://web.mnstate.edu/hanson/MC210/MC210_AP_titles.htm"
)
_SRC_AP_NM = (
    "AP Stylebook, first and later references (research §1.3 AP-NM-1, AP-NM-2): "
    "https://writingexplained.org/ap-style/courtesy-titles-ap-style ; "
    "https://studylib.net/doc/8510030/ap-style ; "
    "https://mediablog.prnewswire.com/2021/09/08/more-ap-style-reminders"
)

#: Words after a surname that make it attributive ("the Biden administration").
_ATTRIBUTIVE = frozenset(
    """administration administrations campaign campaigns era years family families government
    presidency White aides aide camp team supporters voters loyalists allies doctrine plan
    policy policies rule regime estate foundation household clan brothers sisters children
    kids brand book books novel novels film films movie movies show case trial home house
    residence compound name""".split()
)
#: Verbs after a sentence-initial surname that make it a person, not a word ("Young said").
_PERSON_VERBS = frozenset(
    """said says told added asked wrote writes explained noted replied answered argued agreed
    was is has had will would could can did does declined refused began started became
    called announced spoke met joined left took made went came won lost""".split()
)


def _usable(m: Mention, doc: Document) -> bool:
    """A mention in body prose, outside quotations."""
    return m.in_body and not m.in_quote


def _word_ambiguous(doc: Document, m: Mention, word: str, words: frozenset[str]) -> bool:
    """A surname or given name that may be the ordinary word here ("Young people")."""
    if word not in words:
        return False
    before = preceding_word(doc.text, m.start)
    if before in ("the", "a", "an", "The", "A", "An"):
        return True
    if m.sentence_initial and not m.possessive:
        nxt = following_word(doc.text, m.chunk_end)
        after = doc.text[m.chunk_end : m.chunk_end + 1]
        if after != "," and nxt not in _PERSON_VERBS:
            return True
    return False


def _attributive(doc: Document, m: Mention) -> bool:
    """"the Biden administration", "a Trump supporter": a name used as a modifier."""
    before = preceding_word(doc.text, m.title_start if m.title_start is not None else m.start)
    if before in ("the", "a", "an", "The", "A", "An"):
        return True
    if m.possessive:
        # "Grant's Leather Store": a business named after the person.
        return following_word(doc.text, m.chunk_end)[:1].isupper()
    return following_word(doc.text, m.chunk_end) in _ATTRIBUTIVE


# ---------------------------------------------------------------------------
# HON001 courtesy titles
# ---------------------------------------------------------------------------

_COURTESY = patterns.compile(
    r"(?<![\p{L}\p{N}.])(?P<title>Mr|Mrs|Ms|Mx|Miss)(?P<dot>\.)?[ \t\xa0]+(?P<name>\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*)",
    regex.V1,
)


class CourtesyTitle(Rule):
    """Mr./Mrs./Ms./Miss outside quotations (AP, Guardian) or before a full name (NYT)."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per courtesy title the house style does not use here."""
        mode = context.setting("courtesy_titles", "none")
        text = document.text
        ppl = people(document)
        by_start = {m.start: m for m in ppl.mentions}
        for m in _COURTESY.finditer(text):
            title, name = m.group("title"), m.group("name")
            if title != "Miss" and not m.group("dot") and title not in ("Mr", "Mrs", "Ms", "Mx"):
                continue
            key = f"{title}. {name}" if title != "Miss" else f"Miss {name}"
            if key in _ALLOW or f"{key} {following_word(text, m.end('name'))}" in _ALLOW:
                continue
            if name in NONNAMES or name in ORG_WORDS or name in TITLE_WORDS:
                continue  # "Mr. President": direct address
            mention = by_start.get(m.start("name"))
            full = mention is not None and mention.kind == "full"
            if title == "Miss" and not (full or (mention is not None and mention.kind == "surname")):
                continue  # "Miss Universe", a sentence-initial verb: only a known person
            if title == "Miss" and m.start() > 0 and sentence_start_verb(text, m.start()):
                continue
            written = m.group("title") + (m.group("dot") or "")
            if mode == "later":
                if not full:
                    continue
                rest = text[m.start("name") : mention.end]
                yield self.violation(
                    m.start(),
                    mention.end,
                    f"'{written}' before a full name: NYT style gives the full name alone on first "
                    f"reference ('{rest}') and '{written} {mention.tokens[-1]}' after that.",
                    suggestion=rest,
                    fix=Fix(rest, safe=False),
                )
                continue
            end = mention.end if mention is not None else m.end("name")
            rest = text[m.start("name") : end]
            if full:
                advice = f"use the name alone ('{rest}')"
            else:
                advice = f"use the surname alone ('{rest}')"
            house = "AP" if context.profile != "guardian" else "Guardian style"
            yield self.violation(
                m.start(),
                end,
                f"Courtesy title '{written}' outside a quotation: {house} uses none; {advice}.",
                suggestion=rest,
                fix=Fix(rest, safe=False),
            )


def sentence_start_verb(text: str, i: int) -> bool:
    """"Miss the bus" at a sentence start: Miss followed by a lowercase word is a verb."""
    j = i + 4
    while j < len(text) and text[j] == " ":
        j += 1
    return j < len(text) and text[j].islower()


# ---------------------------------------------------------------------------
# HON002 NYT: courtesy title on later references
# ---------------------------------------------------------------------------


_NO_TITLE_BEFORE = patterns.compile(r"(?:\b(?:n[ée]e|born|maiden\s+name)|--|—)[ \t]*\Z", regex.V1)
_SPORTS = patterns.compile(
    r"\b(?:quarterback|touchdowns?|playoffs?|innings|wickets?|batsman|bowler|cricket|rugby|"
    r"midfielder|goalkeeper|striker|penalty\s+kick|free\s+throws?|rebounds|home\s+runs?|pitcher|"
    r"inning|NFL|NBA|MLB|NHL|Premier\s+League|World\s+Cup|Super\s+Bowl|halftime|scored|"
    r"coach(?:es|ed)?|season|championship|tournament|Test\s+match|semifinal|bowl\s+game)\b",
    regex.V1 | regex.IGNORECASE,
)


class MissingCourtesyTitle(Rule):
    """NYT: a bare surname on a later reference wants Mr./Ms."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per bare-surname later reference to someone introduced in full."""
        if context.setting("courtesy_titles", "none") != "later":
            return
        text = document.text
        if sum(1 for _ in islice(_SPORTS.finditer(text), 6)) >= 6:
            return  # the NYT uses no courtesy titles in sports copy
        ppl = people(document)
        used: dict[str, str] = {}
        for m in ppl.mentions:
            if m.title in COURTESY and m.tokens:
                used.setdefault(m.tokens[-1], m.title if m.title.endswith(".") else m.title + ".")
        for m in ppl.mentions_of("surname"):
            p = m.person
            if p is None or m.title is not None or not _usable(m, document):
                continue
            if p.first is None or p.first.start >= m.start or len(ppl.by_surname.get(p.surname, ())) != 1:
                continue
            if _attributive(document, m) or _word_ambiguous(document, m, p.surname, WORD_SURNAMES):
                continue
            if _CITATION.search(text, max(0, m.start - 150), min(len(text), m.end + 150)):
                continue  # a bibliography: "McLintock, Alexander, ed. (2009)"
            if _NO_TITLE_BEFORE.search(text, max(0, m.start - 12), m.start) or text[m.end : m.end + 1] == ")" and text[m.start - 1 : m.start] == "(":
                continue  # "née Fetter", "-- Sandstrom" (a reviewer's sign-off), "(Carell)" (a cast credit)
            start = surname_start(text, m.start, p.surname, p.name)
            name = text[start : m.end]
            title = used.get(p.surname)
            if title:
                suggestion = f"{title} {name}"
                yield self.violation(
                    start, m.end,
                    f"Later reference to {p.name}: NYT style uses the courtesy title ('{suggestion}').",
                    suggestion=suggestion, fix=Fix(suggestion, safe=False),
                )
            else:
                yield self.violation(
                    start, m.end,
                    f"Later reference to {p.name}: NYT style uses a courtesy title "
                    f"('Mr. {name}' or 'Ms. {name}', as the person prefers).",
                )


# ---------------------------------------------------------------------------
# HON003 first name on a later reference
# ---------------------------------------------------------------------------


class FirstNameLaterReference(Rule):
    """A person introduced in full, later called by first name alone."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per bare given name that refers back to one person."""
        ppl = people(document)
        text = document.text
        nyt = context.setting("courtesy_titles", "none") == "later"
        # A first name also used for a role ("stars as Casey") may be someone else.
        roles = {
            m.tokens[0] for m in ppl.mentions
            if len(m.tokens) == 1 and _role_possible(text, max(0, m.start - 20), m.start)
            and _ROLE_BEFORE.search(text, max(0, m.start - 20), m.start)
        }
        for m in ppl.mentions_of("given"):
            p = m.person
            if p is None or not _usable(m, document) or m.title is not None:
                continue
            given = m.tokens[0]
            if len(ppl.by_given.get(given, ())) != 1 or given in ppl.by_surname:
                continue
            if p.first is None or p.first.start >= m.start:
                continue
            early = ppl.early_tokens.get(given)
            if early is not None and early < p.first.start:
                continue  # the first name was used alone before the full name: someone else?
            if given in WORDLIKE_GIVEN and _word_ambiguous(document, m, given, WORDLIKE_GIVEN):
                continue
            if given in WORDLIKE_GIVEN and m.sentence_initial:
                continue
            if p.character or given in roles or _not_a_reference(text, m):
                continue
            shared = len(ppl.by_surname.get(p.surname, ())) > 1
            if shared:
                suggestion = p.name
            elif nyt:
                suggestion = None
            else:
                suggestion = p.later_name
            if suggestion:
                yield self.violation(
                    m.start, m.end,
                    f"'{given}' is {p.name} on a later reference: use '{suggestion}'"
                    + (" (two people share the surname)." if shared else ", the surname alone."),
                    suggestion=suggestion, fix=Fix(suggestion, safe=False),
                )
            else:
                yield self.violation(
                    m.start, m.end,
                    f"'{given}' is {p.name} on a later reference: use 'Mr. {p.later_name}' or "
                    f"'Ms. {p.later_name}', not the first name.",
                )


_ADDRESS_BEFORE = patterns.compile(
    r"(?:\b(?:(?i:the|a|an|as|plays|played|named|called|dubbed)"
    r"|(?i:thanks|thank\s+you|dear|hi|hello|hey|congratulations|congrats),?"
    r"|name\b[^.!?]{0,20}\b(?:is|be|was)"
    r"|(?:daughter|son|wife|husband|brother|sister|mother|father|partner|widow|child|grandson|granddaughter),"
    r")|\p{Lu}\p{Ll}+\s+and)[ \t]+\Z",
    regex.V1,
)
_AFTER = patterns.compile(r"(?:['’]s)?(?::|\s+[\"“'‘]\p{Lu}|,\s+\p{Lu}\p{Ll}+\s*[(;,]|\s+and\s+\p{Lu}\p{Ll}+(?!\s+\p{Lu}))", regex.V1)
_ROLE_BEFORE = patterns.compile(r"\b(?:plays|played|playing|portrays|portrayed|stars\s+as|starring\s+as|(?i:as))[ \t]+\Z", regex.V1)


def _role_possible(text: str, lo: int, hi: int) -> bool:
    """A necessary condition for _ROLE_BEFORE in ``text[lo:hi]``: spaces at the end,
    after the last letter of one of its words (s, d, g; "as" in any case: s, S, ſ)."""
    j = hi
    while j > lo and text[j - 1] in " \t":
        j -= 1
    return lo < j < hi and text[j - 1] in "sSſdg"


_CITATION = patterns.compile(r"\b(?:(?i:retrieved)|ISBN|doi|et al\.|pp\.|Archived|eds?\.)", regex.V1)


def _not_a_reference(text: str, m: Mention) -> bool:
    """A first name that is not a later reference to the person.

    "Thanks, Nick" (address), "my name is Nick", "Catherine: …" (a Q&A speaker
    label), "Easton, Brian (2010)" (a citation), "Don "Moose" Jamison" (a
    nickname follows), "George and Joyce Wein" (a couple), "as Dave" (a role).
    """
    if _ADDRESS_BEFORE.search(text, max(0, m.start - 30), m.start):
        return True
    if _AFTER.match(text, m.end):
        return True
    return bool(_CITATION.search(text, max(0, m.start - 150), min(len(text), m.end + 150)))


# ---------------------------------------------------------------------------
# HON004 title repeated on a later reference
# ---------------------------------------------------------------------------

_LATER_TITLES = {
    "Gen.": "Gen.", "Sen.": "Sen.", "Gov.": "Gov.", "Rep.": "Rep.", "Sgt.": "Sgt.", "Lt.": "Lt.",
    "Col.": "Col.", "Capt.": "Capt.", "Adm.": "Adm.", "Cmdr.": "Cmdr.", "Maj.": "Maj.",
    "Cpl.": "Cpl.", "Pvt.": "Pvt.", "Dr.": "Dr.", "Dr": "Dr.", "Prof.": "Prof.",
    "General": "Gen.", "Senator": "Sen.", "Governor": "Gov.", "Representative": "Rep.",
    "Sergeant": "Sgt.", "Lieutenant": "Lt.", "Colonel": "Col.", "Captain": "Capt.",
    "Admiral": "Adm.", "Doctor": "Dr.", "Professor": "Prof.", "President": "President",
    "Mayor": "Mayor", "Chancellor": "Chancellor", "Minister": "Minister", "Judge": "Judge",
    "Justice": "Justice", "Secretary": "Secretary", "Ambassador": "Ambassador",
}


def _title_key(title: str | None) -> str | None:
    """The last word of a title, normalised ("Foreign Minister" → "Minister")."""
    if not title:
        return None
    last = title.split()[-1]
    return _LATER_TITLES.get(last)


class TitleOnLaterReference(Rule):
    """A formal title repeated before the surname on a later reference."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per ``Title Surname`` after the person was introduced in full."""
        ppl = people(document)
        text = document.text
        for m in ppl.mentions_of("surname"):
            p = m.person
            key = _title_key(m.title)
            if p is None or key is None or not _usable(m, document) or m.title_start is None:
                continue
            if p.first is None or p.first.start >= m.start or len(ppl.by_surname.get(p.surname, ())) != 1:
                continue
            # The same person only when the first reference carried the same title:
            # "President Biden" after "Hunter Biden" is someone else.
            first_key = _title_key(p.first.title)
            if first_key != key:
                continue
            name = text[m.start : m.end]
            written = text[m.title_start : m.end]
            yield self.violation(
                m.title_start, m.end,
                f"'{written}' repeats the title on a later reference to {p.name}: "
                f"use the surname alone ('{name}').",
                suggestion=name, fix=Fix(name, safe=False),
            )


# ---------------------------------------------------------------------------
# HON005 lowercase formal title before a name
# ---------------------------------------------------------------------------

_LC_TITLE = Gated(patterns.compile(
    r"(?<![\p{L}\p{N}'’-])(?P<title>"
    r"vice[ \t]president|president|senator|governor|lieutenant[ \t]governor|mayor|pope|"
    r"prime[ \t]minister|(?:deputy[ \t])?(?:foreign|defen[cs]e|finance|interior|economy|justice|health|"
    r"energy|education|trade|agriculture)[ \t]minister|chancellor|"
    r"secretary[ \t]of[ \t](?:state|defen[cs]e|the[ \t]treasury|homeland[ \t]security|health[ \t]and[ \t]human[ \t]services|"
    r"commerce|labor|energy|education|agriculture|transportation|the[ \t]interior|veterans[ \t]affairs)|"
    r"attorney[ \t]general|secretary-general|house[ \t]speaker"
    r")[ \t]+(?=\p{Lu})",
    regex.V1,
), LOWER_WORDS.add(  # the first word of each title (see _scan.LOWER_WORDS)
    "vice president senator governor lieutenant mayor pope prime deputy foreign defence defense finance "
    "interior economy justice health energy education trade agriculture chancellor secretary attorney house".split()
))
_TITLE_MODIFIERS = frozenset("former then late vice deputy acting interim the".split())
_POSSESSIVES = frozenset("his her their its our my your whose".split())
_ORG_BEFORE = frozenset(
    """company club university college board bank union association firm group team network
    foundation organization organisation league chamber student class society council party
    fraternity sorority institute school agency museum commission corporation""".split()
)


class LowercaseTitleBeforeName(Rule):
    """A formal title directly before a name is capitalised: President Joe Biden."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per lowercase formal title directly before a person's name."""
        text = document.text
        by_start = {m.title_start if m.title_start is not None else m.start: m for m in people(document).mentions}
        for m in _LC_TITLE.finditer(text):
            mention = by_start.get(m.end())
            if mention is None or mention.kind not in ("full", "surname", "unknown"):
                continue
            if mention.kind == "unknown" and (len(mention.tokens) != 1 or mention.tokens[0] in ORG_WORDS):
                continue
            if mention.title is not None:
                continue  # "former president Gov. X": another title follows
            block = document.block_at(m.start())
            if block is not None and block.kind in ("headline", "heading"):
                continue
            before = preceding_word(text, m.start())
            if before.lower() in _ORG_BEFORE or before.endswith(("'s", "’s")) or before.lower() in _POSSESSIVES:
                continue  # "the company's president", "his defense minister"
            title = m.group("title")
            if title == "president" and not (before in PLACES or before.lower() in ("former", "then", "late", "vice", "by", "with", "and", "from", "to") or before == "U.S."):
                continue  # "says president David Weisbrot": whose president is unclear
            if before[:1].isupper() and before not in PLACES and before.lower() not in _TITLE_MODIFIERS:
                continue  # "Microsoft president Brad Smith": an organisation's own title
            fixed = _title_case(title)
            yield self.violation(
                m.start("title"), m.end("title"),
                f"Capitalise a formal title directly before a name: '{fixed}', not '{title}'.",
                suggestion=fixed, fix=Fix(fixed, safe=True),
            )


def _prev_nonspace(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in " \t\xa0\n":
        j -= 1
    return text[j] if j >= 0 else ""


def _title_case(title: str) -> str:
    small = {"of", "the", "and"}
    parts = regex.split(r"([ \t-])", title)
    return "".join(p if p in small or p in (" ", "\t", "-") else p[:1].upper() + p[1:] for p in parts)


# ---------------------------------------------------------------------------
# HON006 capitalised title standing alone or after a name
# ---------------------------------------------------------------------------

_ALONE_TITLES = (
    r"Vice[ \t]President|President|Prime[ \t]Minister|Governor|Lieutenant[ \t]Governor|Mayor|Senator|Pope|"
    r"Chancellor|Secretary[ \t]of[ \t]State|Foreign[ \t]Minister|Defen[cs]e[ \t]Minister|Attorney[ \t]General|"
    r"Secretary-General|Premier"
)
_CAP_ALONE = Gated(patterns.compile(
    rf"(?<=(?<![\p{{L}}])(?:the|The|former|then)[ \t]+)(?P<title>{_ALONE_TITLES})(?![\p{{L}}-])"
    r"(?![ \t\xa0]+(?:\p{Lu}|of[ \t]+\p{Lu}[\p{L}]+[ \t]+\p{Lu}))(?!['’]s[ \t]+\p{Lu})",
    regex.V1,
), re.compile(word_trie(  # where a title can start (the first word of each)
    "Vice President Prime Governor Lieutenant Mayor Senator Pope Chancellor Secretary Foreign Defence Defense "
    "Attorney Premier".split()
)))
_AFTER_NAME = Gated(patterns.compile(
    r"(?<=\p{Ll},[ \t]+(?:the[ \t]+)?)(?P<title>Vice[ \t]President|President|Chairman|Chairwoman|"
    r"Chief[ \t]Executive(?:[ \t]Officer)?|Managing[ \t]Director|Executive[ \t]Director|"
    r"Mayor|Governor|Senator|Secretary[ \t]of[ \t]State|Prime[ \t]Minister)(?=[ \t]+(?:of|and|at|for)[ \t]|,)",
    regex.V1,
), re.compile(word_trie(
    "Vice President Chairman Chairwoman Chief Managing Executive Mayor Governor Senator Secretary Prime".split()
)))


class CapitalizedTitleAlone(Rule):
    """A formal title standing alone or after a name is lowercase: the president."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per capitalised title with no name after it."""
        text = document.text
        for rx, where in ((_CAP_ALONE, "standing alone"), (_AFTER_NAME, "after a name")):
            for m in rx.finditer(text):
                block = document.block_at(m.start())
                if block is None or block.kind in SKIP_BLOCKS:
                    continue
                if where == "after a name":
                    name = _name_before_comma(text, m.start())
                    if not name:
                        continue
                elif _OFFICIAL_NAME.search(text, max(0, m.start() - 40), m.start()):
                    continue  # "Department of the Prime Minister and Cabinet", "Office of the President"
                title = m.group("title")
                fixed = title.lower()
                yield self.violation(
                    m.start("title"), m.end("title"),
                    f"A formal title {where} is lowercase: '{fixed}', not '{title}'.",
                    suggestion=fixed, fix=Fix(fixed, safe=False),
                )


_OFFICIAL_NAME = patterns.compile(r"\p{Lu}\p{Ll}+[ \t]+of[ \t]+the[ \t]+\Z", regex.V1)
_NAME_BEFORE = patterns.compile(r"\p{Lu}\p{Ll}+[ \t]+\p{Lu}[\p{L}'’-]+,[ \t]+(?:the[ \t]+)?\Z", regex.V1)


def _name_before_comma(text: str, i: int) -> bool:
    m = _NAME_BEFORE.search(text, max(0, i - 60), i)
    if not m:
        return False
    first = text[m.start() : m.end()].split()[0]
    return first in GIVEN


# ---------------------------------------------------------------------------
# HON007 AP abbreviations before a full name
# ---------------------------------------------------------------------------

_SPELLED = Gated(patterns.compile(
    r"(?<![\p{L}\p{N}'’-])(?P<title>Lieutenant[ \t]Governor|Governor|Senator|Representative|"
    r"Lieutenant[ \t]General|Major[ \t]General|Brigadier[ \t]General|General|Lieutenant[ \t]Colonel|Colonel|"
    r"Lieutenant|Sergeant|Corporal|Admiral|Reverend)[ \t]+(?=\p{Lu})",
    regex.V1,
), re.compile(word_trie(
    "Lieutenant Governor Senator Representative Major Brigadier General Colonel Sergeant Corporal Admiral "
    "Reverend".split()
) + r"[ \t]"))
_TITLE_PREFIX_OK = frozenset({"U.S.", "US", "State", "state", "Democratic", "Republican", "GOP", "Army", "Marine", "Air", "Navy"})


class SpelledOutTitle(Rule):
    """AP abbreviates Gov., Sen., Rep., Gen. and the Rev. before a full name."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per spelled-out title before a full name."""
        text = document.text
        by_start = {m.start: m for m in people(document).mentions}
        for m in _SPELLED.finditer(text):
            mention = by_start.get(m.end())
            if mention is None or mention.kind != "full" or mention.tokens[0] not in GIVEN:
                continue
            before = preceding_word(text, m.start())
            prev_char = _prev_nonspace(text, m.start())
            if before[:1].isupper() and before not in NONNAMES and before not in _TITLE_PREFIX_OK and prev_char not in ".!?\"“”":
                continue  # "Attorney General", "Trade Representative", "Governor General"
            title = " ".join(m.group("title").split())
            ap_form = FORMAL_TITLES[title][0]
            if title == "Reverend":
                if before.lower() == "the":
                    ap_form = "Rev."
                elif text[m.start() - 1 : m.start()] != "" and not _starts_sentence(text, m.start()):
                    ap_form = "the Rev."
                else:
                    ap_form = "The Rev."
            yield self.violation(
                m.start("title"), m.end("title"),
                f"AP abbreviates this title before a full name: '{ap_form} {text[mention.start:mention.end]}'.",
                suggestion=ap_form, fix=Fix(ap_form, safe=False),
            )


def _starts_sentence(text: str, i: int) -> bool:
    c = _prev_nonspace(text, i)
    return c in ("", ".", "!", "?", "\n", "“", '"')


# ---------------------------------------------------------------------------
# HON008 wrong abbreviations: Pres., Prof., Rev. without "the"
# ---------------------------------------------------------------------------

_PRES = patterns.compile(r"(?<![\p{L}])(?P<t>Pres\.|V\.P\.)[ \t]+(?=\p{Lu}\p{Ll})", regex.V1)
_PROF = patterns.compile(r"(?<![\p{L}])(?P<t>Prof\.?|Professor)[ \t]+(?=\p{Lu}\p{Ll})", regex.V1)
_REV = patterns.compile(r"(?<![\p{L}])(?P<t>Rev\.)[ \t]+(?=\p{Lu}\p{Ll})", regex.V1)


class WrongTitleAbbreviation(Rule):
    """Never 'Pres.'; AP: 'professor', not 'Prof.'; 'the Rev.', not 'Rev.'."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per title abbreviation the house style does not use."""
        text = document.text
        ap = context.profile == "ap"
        by_start = {m.start: m for m in people(document).mentions}
        for m in _PRES.finditer(text):
            full = "President" if m.group("t") == "Pres." else "Vice President"
            yield self.violation(
                m.start("t"), m.end("t"),
                f"Never abbreviate '{full}': write '{full}' before a name.",
                suggestion=full, fix=Fix(full, safe=True), severity=Severity.ERROR,
            )
        if ap:
            for m in _PROF.finditer(text):
                t = m.group("t")
                mention = by_start.get(m.end())
                if mention is None or mention.kind != "full":
                    continue
                if t == "Professor":
                    before = preceding_word(text, m.start())
                    if _starts_sentence(text, m.start()) or before[:1].isupper():
                        continue  # sentence start, or a named chair ("Regents Professor")
                yield self.violation(
                    m.start("t"), m.end("t"),
                    f"AP: 'professor' is lowercase and never abbreviated before a name, not '{t}'.",
                    suggestion="professor", fix=Fix("professor", safe=False),
                )
        if context.profile in ("ap", "nyt"):
            for m in _REV.finditer(text):
                before = preceding_word(text, m.start())
                if before.lower() == "the":
                    continue
                mention = by_start.get(m.end())
                if mention is None or mention.kind != "full":
                    continue
                fixed = "The Rev." if _starts_sentence(text, m.start()) else "the Rev."
                yield self.violation(
                    m.start("t"), m.end("t"),
                    f"'Rev.' takes the article before a name: '{fixed} {text[mention.start:mention.end]}'.",
                    suggestion=fixed, fix=Fix(fixed, safe=False),
                )


# ---------------------------------------------------------------------------
# HON009 no comma before Jr. / Sr.
# ---------------------------------------------------------------------------

_SUFFIX_COMMA = patterns.compile(
    r"(?<=(?<![\p{L}])\p{Lu}[\p{L}\p{M}'’-]*\p{Ll})(?P<comma>,)[ \t\xa0]*(?P<suffix>Jr\.|Sr\.|Jr|Sr|III|II|IV)(?![\p{L}])",
    regex.V1,
)
_NAME_BEFORE_SUFFIX = patterns.compile(
    r"(?<![\p{L}])(?P<given>\p{Lu}\p{Ll}+)(?:[ \t]+(?:\p{Lu}\.|\p{Lu}\p{Ll}+))?[ \t]+\p{Lu}[\p{L}\p{M}'’-]+\Z",
    regex.V1,
)


class CommaBeforeSuffix(Rule):
    """Martin Luther King Jr., not Martin Luther King, Jr."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per comma between a name and Jr./Sr./III."""
        text = document.text
        for m in _SUFFIX_COMMA.finditer(text):
            name = _NAME_BEFORE_SUFFIX.search(text, max(0, m.start() - 60), m.start())
            if not name or name.group("given") not in GIVEN:
                continue
            suffix = m.group("suffix")
            if suffix in ("Jr", "Sr"):
                suffix_fixed = suffix + "." if context.setting("abbreviation_periods", True) else suffix
            else:
                suffix_fixed = suffix
            trailing = text[m.end() : m.end() + 1] == ","
            replacement = f" {suffix_fixed}"
            yield self.violation(
                m.start("comma"), m.end("suffix"),
                f"No comma before '{suffix}': '{text[name.start():m.start()]} {suffix_fixed}'"
                + (" (and none after it)." if trailing else "."),
                suggestion=replacement.strip(),
                fix=Fix(replacement, safe=not trailing),
            )


# ---------------------------------------------------------------------------
# HON010 two people with one surname
# ---------------------------------------------------------------------------


class AmbiguousSurname(Rule):
    """Two people share a surname: a bare surname could be either."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per bare surname once two people with that surname are introduced."""
        ppl = people(document)
        for m in ppl.mentions_of("surname"):
            if m.person is not None or m.title is not None or not _usable(m, document):
                continue
            surname = m.tokens[-1]
            persons = [p for p in ppl.by_surname.get(surname, ()) if p.first is not None and p.first.start < m.start]
            if len(persons) < 2 or len({p.given for p in persons}) < 2:
                continue
            if _attributive(document, m) or _word_ambiguous(document, m, surname, WORD_SURNAMES):
                continue
            names = " and ".join(p.name for p in persons[:3])
            yield self.violation(
                m.start, m.end,
                f"'{surname}' could be {names}: with two people of one surname, use the first "
                f"name and surname on later references.",
            )


RULES = [
    CourtesyTitle(
        id="HON001",
        name="courtesy-title",
        summary="No Mr./Mrs./Ms./Miss outside quotations (AP, Guardian); none with a full name (NYT).",
        rationale=(
            "AP refers to a person by full name on first reference and by surname alone after "
            "that; Mr., Mrs., Ms. and Miss appear only inside direct quotations or when a person "
            "asks for one (so the finding is a warning, not an error). The Guardian drops "
            "honorifics in news, features and sport. The New York Times uses them, but on later "
            "references only: the first reference is the full name alone. Quoted speech is the "
            "speaker's: 'Mr. Putin' inside a quotation is never flagged. Works and characters "
            "('Mr. T', 'Miss America', 'Mrs. Doubtfire') are allowed."
        ),
        severity=Severity.WARNING,
        fixable="unsafe",
        source=f"{_SRC_AP_CT} ; {_SRC_GU_CT} ; {_SRC_NYT_CT}",
        examples=(
            Example(
                wrong="Jane Johnson spoke at the convention. Ms. Johnson said she would return.",
                right="Jane Johnson spoke at the convention. Johnson said she would return.",
            ),
            Example(
                wrong="Secretary of State Antony Blinken met Ukraine's president. Mr. Blinken said talks would go on.",
                right='Kirby said: "It is hard to say what Mr. Putin is driving at."',
            ),
            Example(
                wrong="Mr. Obama spoke in Berlin on Tuesday.",
                right="Obama spoke in Berlin on Tuesday.",
                profile="guardian",
            ),
            Example(
                wrong="Mr. John Kirby, a Pentagon spokesman, spoke on Monday. Mr. Kirby said no more.",
                right="John Kirby, a Pentagon spokesman, spoke on Monday. Mr. Kirby said no more.",
                profile="nyt",
            ),
            Example(right="The film 'Mrs. Doubtfire' returns to theaters, and Miss America is crowned.",
                    note="works and pageants"),
        ),
    ),
    MissingCourtesyTitle(
        id="HON002",
        name="missing-courtesy-title",
        summary="NYT: later references take Mr./Ms. + surname, not the bare surname.",
        rationale=(
            "The New York Times uses courtesy titles on later references as a sign of civility: "
            "'John Kirby' first, 'Mr. Kirby' after that. A bare surname on a later reference "
            "breaks that style. When the article already used a title for the person, it is "
            "suggested; otherwise the person's preference decides (Ms. is the default for women). "
            "The Times does not use them in sports copy (articles dense in sports terms are "
            "skipped), in the Book Review or for dead historical figures, which a linter cannot "
            "tell apart, so the finding is informational: about three in four are right on real "
            "copy. Only people introduced by full name are tracked; 'the Biden administration', "
            "cast credits '(Carell)', sign-offs '-- Sandstrom', 'née Fetter' and names inside "
            "quotations are not flagged."
        ),
        severity=Severity.INFO,
        profiles=("nyt",),
        fixable="unsafe",
        source=_SRC_NYT_CT,
        examples=(
            Example(
                wrong="Pentagon spokesman John Kirby spoke on Monday. Kirby said nothing had changed.",
                right="Pentagon spokesman John Kirby spoke on Monday. Mr. Kirby said nothing had changed.",
                profile="nyt",
            ),
            Example(
                wrong="Jen Psaki took questions. Ms. Psaki said talks would go on, and Psaki left.",
                right="Jen Psaki took questions. Ms. Psaki said talks would go on.",
                profile="nyt",
            ),
            Example(right="President Joe Biden spoke. The Biden administration said it would act.",
                    profile="nyt", note="attributive use"),
        ),
    ),
    FirstNameLaterReference(
        id="HON003",
        name="first-name-later-reference",
        summary="After the full name, refer to a person by surname, not by first name alone.",
        rationale=(
            "First reference: full name. Later references: surname alone in AP and the Guardian, "
            "Mr./Ms. + surname in the NYT, never the first name alone, which reads as familiar "
            "and is for children or people known by one name. When two people share a surname, "
            "use the first name and surname. A first name also used alone before the full name "
            "appears, or shared by two people in the story, is not flagged."
        ),
        severity=Severity.WARNING,
        fixable="unsafe",
        source=_SRC_AP_NM,
        examples=(
            Example(
                wrong="Jane Smith, a junior, won the prize. Jane said she would study law.",
                right="Jane Smith, a junior, won the prize. Smith said she would study law.",
            ),
            Example(
                wrong="Pentagon spokesman John Kirby spoke on Monday. Asked about Belarus, John declined to answer.",
                right="Pentagon spokesman John Kirby spoke on Monday. Asked about Belarus, Kirby declined to answer.",
            ),
            Example(right="Jane Smith and Jane Doe met. Jane said little.", note="two Janes: ambiguous, not flagged"),
        ),
    ),
    TitleOnLaterReference(
        id="HON004",
        name="title-on-later-reference",
        summary="Drop the formal title on later references: Feinstein, not Sen. Feinstein.",
        rationale=(
            "AP gives a formal title with the full name on first reference and the surname alone "
            "after that ('Gen. John Doe', then 'Doe'); 'Dr.' too is for the first reference only. "
            "The Guardian likewise gives the full title at first mention and the name alone "
            "after. A title is flagged only when the person was introduced in full with the same "
            "title, so 'President Biden' after 'Hunter Biden' (someone else) is not."
        ),
        severity=Severity.WARNING,
        profiles=("ap", "guardian"),
        fixable="unsafe",
        source=_SRC_AP_NM + " ; AP-TI-6 (Dr. on first reference only): https://www.flashcardmachine.com/ap-style-peoplesnamesandtitles.html",
        examples=(
            Example(
                wrong="Sen. Dianne Feinstein spoke first. Later, Sen. Feinstein said the bill would pass.",
                right="Sen. Dianne Feinstein spoke first. Later, Feinstein said the bill would pass.",
            ),
            Example(
                wrong="Gen. Mark Milley testified. Gen. Milley said the plan was sound.",
                right="Gen. Mark Milley testified. Milley said the plan was sound.",
            ),
            Example(
                wrong="Dr. Anthony Fauci testified on Tuesday. Dr. Fauci said cases were rising.",
                right="Dr. Anthony Fauci testified on Tuesday. Fauci said cases were rising.",
            ),
            Example(right="Hunter Biden testified. President Biden did not comment.",
                    note="a different person with the same surname"),
        ),
    ),
    LowercaseTitleBeforeName(
        id="HON005",
        name="lowercase-title-before-name",
        summary="Capitalise a formal title directly before a name: President Joe Biden.",
        rationale=(
            "A formal title (one that shows scope of authority) is capitalised when it comes "
            "directly before a name: 'President Joe Biden', 'Foreign Minister Dmytro Kuleba', "
            "'former President Barack Obama'. Set off by commas or standing alone it is "
            "lowercase ('the president, Joe Biden'). Occupational descriptions ('spokesman John "
            "Kirby') and an organisation's own titles ('Microsoft president Brad Smith') are left "
            "alone. The Guardian lowercases titles, so the rule is for AP and NYT copy."
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        fixable="safe",
        source=_SRC_AP_TI + " (AP-TI-1)",
        examples=(
            Example(wrong="The talks were led by president Joe Biden.", right="The talks were led by President Joe Biden."),
            Example(wrong="He met Ukrainian foreign minister Dmytro Kuleba in Kyiv.",
                    right="He met Ukrainian Foreign Minister Dmytro Kuleba in Kyiv."),
            Example(right="The president, Joe Biden, spoke first.", note="set off by commas"),
            Example(right="Pentagon spokesman John Kirby spoke.", note="occupational description"),
        ),
    ),
    CapitalizedTitleAlone(
        id="HON006",
        name="capitalized-title-alone",
        summary="Lowercase a formal title standing alone or after a name: the president.",
        rationale=(
            "A title is capitalised only directly before a name. Alone ('the president said') or "
            "after a name and set off by commas ('Ann Lee, the mayor, said'; 'Brad Smith, "
            "president of Microsoft') it is lowercase. Headlines, which many outlets set in title "
            "case, are not checked, and neither is a title that is part of a name ('the "
            "President's Council on Sports')."
        ),
        severity=Severity.WARNING,
        profiles=("ap", "guardian"),
        fixable="unsafe",
        source=_SRC_AP_TI + " (AP-TI-2) ; Guardian 'caps off': https://collegeofmediaandpublishing.co.uk/blog/caps-off-guardian-not-proofreading-learners-say/",
        examples=(
            Example(wrong="The talks went well, and the President signed the bill.",
                    right="The talks went well, and the president signed the bill."),
            Example(wrong="Ann Lee, the Mayor, said the road would reopen.",
                    right="Ann Lee, the mayor, said the road would reopen."),
            Example(wrong="Brad Smith, President of Microsoft, spoke first.",
                    right="Brad Smith, president of Microsoft, spoke first."),
            Example(right="The President's Council on Sports met.", note="part of a name"),
            Example(right="The talks were led by the Vice President Kamala Harris.", note="before a name"),
        ),
    ),
    SpelledOutTitle(
        id="HON007",
        name="spelled-out-title",
        summary="AP abbreviates Gov., Sen., Rep., Gen. and the Rev. before a full name.",
        rationale=(
            "Before a full name AP abbreviates Gov., Lt. Gov., Sen., Rep., the Rev. and most "
            "military ranks (Gen., Col., Lt., Sgt., Cpl., Adm.); it spells them out standing "
            "alone, and never abbreviates President. 'Attorney General', 'Governor General' and "
            "'Trade Representative' are other titles and are not touched. The NYT spells "
            "'Senator' and 'Representative' out, so this rule is AP only."
        ),
        severity=Severity.WARNING,
        profiles=("ap",),
        fixable="unsafe",
        source=_SRC_AP_TI + " (AP-TI-5)",
        examples=(
            Example(wrong="Senator Dianne Feinstein spoke first.", right="Sen. Dianne Feinstein spoke first."),
            Example(wrong="The order came from General Mark Milley.", right="The order came from Gen. Mark Milley."),
            Example(right="Attorney General Merrick Garland spoke.", note="another title"),
            Example(right="The senator, Dianne Feinstein, spoke.", note="not before a name"),
        ),
    ),
    WrongTitleAbbreviation(
        id="HON008",
        name="wrong-title-abbreviation",
        summary="Never 'Pres.'; AP: 'professor' (not Prof.), 'the Rev.' (not Rev.).",
        rationale=(
            "President and Vice President are never abbreviated. AP writes 'professor' in "
            "lowercase and in full before a name, and 'the Rev.' with the article. 'Pres.' is an "
            "error in every profile; the others are AP (and for 'the Rev.', NYT) style."
        ),
        severity=Severity.WARNING,
        fixable="unsafe",
        source=_SRC_AP_TI + " (AP-TI-5) ; https://www.flashcardmachine.com/ap-style-peoplesnamesandtitles.html",
        examples=(
            Example(wrong="Pres. Joe Biden spoke.", right="President Joe Biden spoke."),
            Example(wrong="The lecture was given by Prof. Harold Bloom.",
                    right="The lecture was given by professor Harold Bloom."),
            Example(wrong="The march was led by Rev. Jesse Jackson.",
                    right="The march was led by the Rev. Jesse Jackson."),
            Example(right="He taught as a Regents Professor John Smith once did.", note="a named chair"),
        ),
    ),
    CommaBeforeSuffix(
        id="HON009",
        name="comma-before-jr",
        summary="No comma before Jr., Sr. or III: Martin Luther King Jr.",
        rationale="AP and the NYT set Jr., Sr. and roman numerals after a name without a comma.",
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        fixable="safe",
        source="AP Stylebook, 'Jr.' (research §1.2 AP-TI-7): https://www.flashcardmachine.com/ap-style-peoplesnamesandtitles.html ; "
        "https://www.purchase.edu/editorial-style-guide/general-style-preferences/names/people-and-human-groups/",
        examples=(
            Example(wrong="Martin Luther King, Jr. spoke in Washington.", right="Martin Luther King Jr. spoke in Washington."),
            Example(wrong="The deal was signed by John Smith, III in 2010.", right="The deal was signed by John Smith III in 2010."),
            Example(right="Smith, Jones and Brown, Sr. partners at the firm, agreed.", note="not a name before it"),
        ),
    ),
    AmbiguousSurname(
        id="HON010",
        name="ambiguous-surname",
        summary="Two people share a surname: say which one on later references.",
        rationale=(
            "When two people in a story share a surname (spouses, siblings), a bare surname on "
            "a later reference could be either. AP uses the first name and surname for both on "
            "later references, with no courtesy title."
        ),
        severity=Severity.INFO,
        source="AP Stylebook, courtesy titles (research §1.1 AP-CT-2): "
        "https://writingexplained.org/ap-style/courtesy-titles-ap-style",
        examples=(
            Example(
                wrong="John Smith and his wife, Mary Smith, run the farm. Smith said the harvest was poor.",
                right="John Smith and his wife, Mary Smith, run the farm. Mary Smith said the harvest was poor.",
            ),
            Example(
                wrong="Hunter Biden and Joe Biden spoke. Later Biden left.",
                right="Hunter Biden and Joe Biden spoke. Later Hunter Biden left.",
            ),
            Example(right="John Smith ran the farm. Smith said the harvest was poor.", note="one Smith"),
        ),
    ),
]
