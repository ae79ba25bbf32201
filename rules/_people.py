"""People named in an article: full names, and first and later references.

Wire style names a person in full on first reference ("Secretary of State
Antony Blinken") and by surname on later ones ("Blinken"); the New York Times
adds a courtesy title ("Mr. Blinken"). The HON rules (and ATT's
according-to-a-person check) need to know, for each capitalised name in the
prose, whom it refers to and whether that person has been introduced.
:func:`people` works that out once per document, in one pass over the text,
and memoises it in ``doc.cache``.

How a name is recognised:

- A *chunk* is a run of capitalised tokens separated by single spaces; name
  particles ("de", "van", "bin") may stand between them, and tokens may carry
  hyphens, apostrophes and initials: ``Russian Foreign Minister Sergey
  Lavrov``, ``Martin Luther King Jr.``, ``Beto O'Rourke``.
- Leading words that are never names (a sentence-initial "But", places,
  nationalities, days) are dropped, and titles (President, Foreign Minister,
  Sen., Mr.) are split off the front.
- What is left is a *full name* when it has 2 to 4 tokens and its first token
  is a known given name or a title stands before it (a capitalised one in the
  chunk or a lowercase one such as "spokesman" just before it). A chunk with a
  word that marks an organisation or a place ("Lincoln Center", "Grant Park",
  "St. Louis") is no name at all.
- A single token is a *later reference* when it is the surname of a person
  already introduced, and a *first-name reference* when it is their given name.

Precision matters more than recall: a copy editor trusts a linter only if
almost every finding is right, so whenever a chunk might not be a person it
is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from stylelint.model.document import Document
from stylelint.rule import patterns

from ._scan import Gated, word_trie

DATA = Path(__file__).parent / "data"


def load_words(name: str) -> frozenset[str]:
    """The non-comment lines of a data file."""
    out = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line)
    return frozenset(out)


def load_section_words(name: str, *headers: str) -> frozenset[str]:
    """The lines of a data file under the given ``# header`` comments."""
    out, on = set(), False
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("#"):
            on = any(line[1:].strip().startswith(h) for h in headers)
        elif line and on:
            out.add(line)
    return frozenset(out)


def load_titles() -> dict[str, tuple[str, str]]:
    """Formal title → (form AP uses before a full name, kind)."""
    out = {}
    for line in (DATA / "honorifics_titles.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        title, ap_form, kind = line.split("\t")
        out[title] = (ap_form, kind)
    return out


GIVEN = load_words("honorifics_given_names.txt")
WORDLIKE_GIVEN = load_words("honorifics_wordlike_names.txt")
WORD_SURNAMES = load_words("honorifics_word_surnames.txt")
NONNAMES = load_words("honorifics_nonnames.txt")
ORG_WORDS = load_words("honorifics_org_words.txt")
#: Places and nationalities ("Ukrainian", "Texas"): a government's title may follow them.
PLACES = load_section_words("honorifics_nonnames.txt", "countries", "nationalities")
FORMAL_TITLES = load_titles()

COURTESY = frozenset({"Mr.", "Mrs.", "Ms.", "Mx.", "Miss", "Mr", "Mrs", "Ms", "Mx", "Messrs."})
#: Capitalised words that may stand in a title before a name.
TITLE_WORDS = frozenset(
    """
    Mr. Mrs. Ms. Mx. Mr Mrs Ms Mx Miss Messrs. Dr. Dr Prof. Sen. Rep. Gov. Gen. Lt. Col. Capt. Sgt.
    Cpl. Pvt. Adm. Cmdr. Maj. Rev. Pres. Brig. Supt. Det. Insp. Hon. Fr.
    President Vice Prime Minister Foreign Deputy Secretary Secretary-General State Defense
    Defence Treasury Senator Representative Governor Lieutenant Mayor General Attorney Chief
    Justice Judge Ambassador Chancellor Premier King Queen Prince Princess Pope Cardinal Bishop
    Archbishop Rabbi Imam Sheikh Ayatollah Sir Dame Lord Lady Colonel Captain Major Sergeant
    Corporal Private Admiral Commander Brigadier Marshal Reverend Father Sister Doctor Professor
    Chairman Chairwoman Chair Speaker Leader Majority Minority Director Commissioner Councilman
    Councilwoman Councillor Councilor Assemblyman Assemblywoman Delegate Sheriff Detective
    Officer Inspector Superintendent Coach Executive Spokesman Spokeswoman Spokesperson Press
    Homeland Security Interior Finance Health Energy Commerce Labor Education Agriculture
    Transportation Affairs Economy Home National Adviser Advisor President-elect Crown Emir Sultan
    Supreme Acting Interim Former First Senior Special Envoy Grand Duke Duchess Baron Baroness
    Earl Count Countess Dean Provost Trooper Agent District Circuit Federal Congressman
    Congresswoman Legislator Minister-President Chief-of-Staff
    """.split()
)
#: Title words that can end a title on their own ("Foreign Minister", "Sen.");
#: the others ("Foreign", "Deputy", "Federal") only modify a following head.
TITLE_HEADS = frozenset(
    """
    Mr. Mrs. Ms. Mx. Mr Mrs Ms Mx Miss Messrs. Dr. Dr Prof. Sen. Rep. Gov. Gen. Lt. Col. Capt. Sgt.
    Cpl. Pvt. Adm. Cmdr. Maj. Rev. Pres. Brig. Supt. Det. Insp. Hon. Fr.
    President Minister Secretary Secretary-General Senator Representative Governor Lieutenant Mayor
    General Chief Justice Judge Ambassador Chancellor Premier King Queen Prince Princess Pope
    Cardinal Bishop Archbishop Rabbi Imam Sheikh Ayatollah Sir Dame Lord Lady Colonel Captain Major
    Sergeant Corporal Private Admiral Commander Brigadier Marshal Reverend Father Sister Doctor
    Professor Chairman Chairwoman Chair Speaker Leader Director Commissioner Councilman
    Councilwoman Councillor Councilor Assemblyman Assemblywoman Delegate Sheriff Detective Officer
    Inspector Superintendent Coach Spokesman Spokeswoman Spokesperson Adviser Advisor
    President-elect Emir Sultan Envoy Duke Duchess Baron Baroness Earl Count Countess Dean Provost
    Trooper Agent Congressman Congresswoman Legislator Minister-President
    """.split()
)
#: After "Secretary of" / "Minister of", the department ends the title: "Secretary of State Antony Blinken".
_OF_TITLE = patterns.compile(
    r"(?:Secretary|Minister|Director|Chief|Department|Ministry|Commissioner)[ \t]+of[ \t]+(?:the[ \t]+)?\Z",
    regex.V1,
)
#: Between two mentions of one surname, these say the two names are one person.
_ALIAS = patterns.compile(r"\b(?:aka|a\.k\.a\.|also known as|born|n[ée]e|formerly|now known as|real name)\b", regex.V1)
#: Before a full name, these say it is a character in a film or book.
_CHARACTER_BEFORE = patterns.compile(r"(?:\b(?:plays?|played|playing|portrays?|portrayed|stars? as|starring as|character|as)[ \t]+)\Z", regex.V1)
_ACTOR_AFTER = patterns.compile(r"[ \t]*\((?:played by[ \t]+)?\p{Lu}\p{Ll}+[ \t]+\p{Lu}", regex.V1)

#: Words that end a chunk's name part: a name never continues past them.
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
#: A chunk holding one of these is a place or an institution, not a person.
BLOCKERS = frozenset({"St.", "Ste.", "Mt.", "Ft.", "Inc.", "Co.", "Corp.", "Ltd."})
#: Lowercase words that, just before a capitalised name, say it is a person.
_EVIDENCE_BEFORE = patterns.compile(
    r"(?:^|[\s(])(?:spokesman|spokeswoman|spokesperson|secretary|minister|president|official|"
    r"adviser|advisor|analyst|economist|coach|chief|director|lawyer|attorney|actor|actress|"
    r"singer|rapper|author|writer|reporter|professor|researcher|scientist|founder|co-founder|"
    r"chairman|chairwoman|executive|manager|editor|historian|teacher|student|senator|governor|"
    r"mayor|ambassador|envoy|commander|officer|detective|sheriff|judge|prosecutor|quarterback|"
    r"pitcher|striker|midfielder|goalkeeper|player|designer|artist|photographer|filmmaker|"
    r"producer|comedian|musician|guitarist|novelist|poet|journalist|columnist|correspondent|"
    r"anchor|host|blogger|CEO|CFO|strategist|pollster|consultant|owner|investor|entrepreneur|"
    r"doctor|physician|surgeon|nurse|psychologist|engineer|developer|architect|curator|"
    r"activist|candidate|leader|lawmaker|legislator|representative|councilman|councilwoman|"
    r"nominee|incumbent|challenger|commissioner|superintendent|principal|dean|pastor|priest|"
    r"rabbi|imam|bishop|cardinal|general|colonel|captain|lieutenant|sergeant|admiral|"
    r"husband|wife|son|daughter|brother|sister|mother|father|widow|partner|boyfriend|girlfriend|"
    r"by|named|dubbed|Mr\.|Ms\.|Mrs\.|Dr\.)[ \t]+\Z",
    regex.V1,
)

# An abbreviation ends with its full stop, so at most one of them matches at a
# place: the alternation is factored by prefixes (word_trie), which matches
# the same and is faster to reject than trying each in turn.
_ABBR = (
    "(?:"
    + word_trie("Mr Mrs Ms Mx Messrs Dr Prof Sen Rep Gov Gen Lt Col Capt Sgt Cpl Pvt Adm Cmdr Maj Rev Pres Brig "
                "Supt Det Insp Hon Fr Jr Sr St Ste Mt Ft Inc Co Corp Ltd".split())
    + r")\."
)
_INITIALS = r"\p{Lu}\.(?:\p{Lu}\.)*"
_WORD = (
    r"(?:(?:al|el|Al|El)-)?(?:\p{Lu}['’])?\p{Lu}\p{Ll}[\p{Ll}\p{M}]*"
    r"(?:\p{Lu}\p{Ll}[\p{Ll}\p{M}]*)*(?:-\p{L}\p{Ll}[\p{Ll}\p{M}]*)*"
    r"(?:['’](?!s(?![\p{L}]))\p{Ll}+)?"  # Nyong'o, but not a possessive 's
)
_ROMAN = r"(?:II|III|IV)"
_TOKEN = rf"(?:{_ABBR}|{_INITIALS}|{_WORD}|{_ROMAN}(?![\p{{L}}\p{{N}}]))"
_PARTICLE = r"(?:de|da|di|del|della|der|den|van|von|du|dos|das|bin|ibn|ter|ten|le|la)"
_SEP = r"(?:[ \t\xa0]+|[ \t]*\n[ \t]*)"
# The lookahead is implied by _TOKEN (every alternative starts with a capital
# or "al-"/"el-"); stated first, it lets the engine skip to candidate starts.
CHUNK = patterns.compile(
    rf"(?=\p{{Lu}}|[ae]l-)(?<![\p{{L}}\p{{N}}'’.-]){_TOKEN}(?:{_SEP}(?:{_PARTICLE}{_SEP})*{_TOKEN})*(?![\p{{L}}\p{{N}}])",
    regex.V1,
)
_TOKENS = patterns.compile(rf"{_TOKEN}|(?<=\s){_PARTICLE}(?=\s)", regex.V1)
_TITLED = Gated(patterns.compile(
    r"(?<![\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm)\.?[ \t\xa0]+(\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:['’-]\p{Lu}[\p{L}\p{M}]*)*)(?![\p{L}\p{M}])(?![ \t\xa0]*\p{Lu})",
    regex.V1,
), re.compile(r"Mr|Ms|Mx|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm"))  # where it can start
_LEAD_INITIAL = patterns.compile(r"\p{Lu}\.")
_MULTI_INITIALS = patterns.compile(r"\p{Lu}\.\p{Lu}\.", regex.V1)
_PARTICLES = frozenset("de da di del della der den van von du dos das bin ibn ter ten le la".split())
#: Words before a name that make it attributive or a thing ("the Biden administration").
_DETERMINERS = frozenset("the a an The A An".split())

SKIP_BLOCKS = frozenset({"headline", "heading", "caption", "byline", "dateline"})


@dataclass(eq=False, slots=True)
class Person:
    """Someone introduced in the article by full name."""

    given: str
    surname: str
    tokens: tuple[str, ...]
    first: Mention | None = None
    mentions: list[Mention] = field(default_factory=list)
    #: Introduced as a character ("plays Abel Morales", "Jin (John Cho)").
    character: bool = False
    #: The full name's words as written, particles included ("Luis de Miranda").
    written: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The full name as first written (without title or suffix)."""
        return " ".join(self.written or self.tokens)

    @property
    def later_name(self) -> str:
        """The surname for later references, with the particles written before it ("de Miranda")."""
        words = list(self.written or self.tokens)
        k = len(words) - 1
        while k > 1 and words[k - 1] in _PARTICLES:  # the given name itself is never one
            k -= 1
        return " ".join(words[k:])


@dataclass(eq=False, slots=True)
class Mention:
    """A capitalised name in the text and whom it refers to.

    ``kind`` is ``full`` (given name and surname), ``surname`` (a later
    reference by surname, with or without title), ``given`` (the given name
    alone) or ``unknown`` (a single name token of nobody introduced yet).
    ``start``/``end`` cover the name; ``title_start`` the title before it,
    when the title is part of the same run of capitalised words.
    """

    kind: str
    start: int
    end: int
    tokens: tuple[str, ...]
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    person: Person | None = None
    sentence_initial: bool = False
    possessive: bool = False
    block_kind: str = "paragraph"
    in_quote: bool = False
    chunk_end: int = 0
    suffix: str | None = None

    @property
    def in_body(self) -> bool:
        """False in headlines, headings, captions, bylines and datelines."""
        return self.block_kind not in SKIP_BLOCKS


@dataclass
class People:
    """Everyone named in a document, and every mention, in text order."""

    persons: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    by_surname: dict[str, list[Person]] = field(default_factory=dict)
    by_given: dict[str, list[Person]] = field(default_factory=dict)
    #: Single name tokens seen before anyone with that name was introduced.
    early_tokens: dict[str, int] = field(default_factory=dict)

    def mentions_of(self, kind: str) -> Iterable[Mention]:
        """Mentions of one kind."""
        return (m for m in self.mentions if m.kind == kind)


def sentence_initial(text: str, i: int, block_start: int) -> bool:
    """Whether the word at ``i`` starts a sentence (or a block)."""
    j = i - 1
    while j >= block_start and text[j] in " \t\n\xa0“\"‘'([*_#>":
        j -= 1
    if j < block_start:
        return True
    c = text[j]
    if c in "!?:;":
        return True
    if c == ".":
        # "Mr. Smith" and "John F. Kennedy" are not sentence breaks; "U.S. Biden" may be.
        k = j - 1
        while k >= block_start and text[k].isalpha():
            k -= 1
        word = text[k + 1 : j]
        if word in ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Rev", "Prof", "St"):
            return False
        return not (len(word) == 1 and word.isupper() and (k < block_start or text[k] in " \t\n"))
    if c in "”\"’'" and j - 1 >= block_start and text[j - 1] in ".!?":
        return True
    return False


def _possessive(text: str, end: int) -> bool:
    return text[end : end + 2] in ("'s", "’s") or (
        text[end : end + 1] in ("'", "’") and not text[end + 1 : end + 2].isalpha()
    )


def _is_title(tok: str, rest: int) -> bool:
    """``tok`` is a title word here (a given name like "Dean" only before a full name)."""
    if tok not in TITLE_WORDS:
        return False
    if tok in GIVEN:
        return rest >= 2
    return True


def has_evidence_before(text: str, start: int, block_start: int) -> bool:
    """A lowercase title or role ("spokesman", "wife") just before ``start``."""
    window = text[max(block_start, start - 40) : start]
    return bool(_EVIDENCE_BEFORE.search(window))


def people(doc: Document) -> People:
    """Every person named in ``doc`` and every mention (memoised per document)."""
    cached = doc.cache.get("honorifics.people")
    if cached is not None:
        return cached
    result = People()
    text = doc.text
    # Surnames the article itself gives a title ("Ms. Psaki", "Sen. Casey"): a
    # two-word name ending in one of them is a person even with an unknown given name.
    titled = {m.group(1) for m in _TITLED.finditer(text)}
    memo = _SHAPES
    if len(memo) > _SHAPES_LIMIT:
        memo.clear()
    for block in doc.blocks:
        for m in CHUNK.finditer(text, block.span.start, block.span.end):
            key = m.group()
            shape = memo.get(key, _UNKNOWN)
            if shape is _UNKNOWN:
                shape = memo[key] = _shape(text, m.start(), m.end())
            if shape is not None:
                _chunk(doc, result, m, block.span.start, block.kind, titled, shape)
    doc.cache["honorifics.people"] = result
    return result


#: What a chunk's own words say about it, by chunk text: see :func:`_shape`.
#: Shared by all documents (bounded), since the same capitalised words
#: ("The", "But", "Ukraine") make chunks in every article.
_SHAPES: dict[str, tuple | None] = {}
_SHAPES_LIMIT = 50_000
_UNKNOWN = object()


def _shape(text: str, start: int, end: int) -> tuple | None:
    """The part of a chunk's analysis that depends only on its own text.

    The tokens depend only on the chunk's text: the one lookbehind of
    :data:`_TOKENS` (before a particle) is never tried at the chunk's start,
    where a token matches, as it did for CHUNK. So does everything
    :func:`_chunk` decides from them, except whether a lone title word before
    the name is the department after "Secretary of" (which reads the text
    before the chunk).

    Returns None when the chunk is no name whatever surrounds it, else
    ``(suffix, title_at, fixed, if_of, if_not)``: the suffix (Jr., III), and
    the name part (see :func:`_name_part`) when the title is settled
    (``fixed``), or else the two it can be, depending on whether the title
    word at ``title_at`` follows "Secretary of" (``if_of``) or not
    (``if_not``).
    """
    toks = [(t.group(), t.start() - start, t.end() - start) for t in _TOKENS.finditer(text, start, end)]
    if not toks or any(t[0] in BLOCKERS for t in toks):
        return None
    words = [t[0] for t in toks]
    # "James Franco-Seth Rogen": a hyphen joining two people's names.
    if any("-" in w and w.rsplit("-", 1)[1] in GIVEN for w in words[1:-1]):
        return None
    # A chunk naming an institution or a place ("Lincoln Center") is no person.
    if any(w in ORG_WORDS for w in words):
        return None
    # Suffixes (Jr., III) end the name.
    suffix = None
    while toks and toks[-1][0] in SUFFIXES:
        suffix = toks[-1][0]
        toks.pop()
    # Drop leading words that are never names ("But", "Russian", "U.S.").
    i = 0
    while i < len(toks):
        w = toks[i][0]
        nxt = toks[i + 1][0] if i + 1 < len(toks) else None
        if _MULTI_INITIALS.match(w) or w in _PARTICLES:
            i += 1
            continue
        if w in TITLE_WORDS and _is_title(w, len(toks) - i - 1):
            break
        if w in NONNAMES:
            # "Will Smith", "Jordan Peterson": a given name that is also a word
            # or a place stays when a plausible surname follows.
            if w in GIVEN and w not in WORDLIKE_GIVEN and nxt and nxt not in NONNAMES and nxt not in TITLE_WORDS and not _MULTI_INITIALS.match(nxt):
                break
            i += 1
            continue
        break
    # Titles at the front: "Ukrainian Foreign Minister" → "Foreign Minister".
    t0 = i
    while i < len(toks) and _is_title(toks[i][0], len(toks) - i - 1):
        i += 1
    # A title ends with a head word ("Minister"), or is the department after
    # "Secretary of" ("State"); "Federal Flag Code" has no title at all.
    # Only the last step (dropping the first title word) depends on the text
    # before the chunk: both outcomes are worked out here.
    while i > t0 and toks[i - 1][0] not in TITLE_HEADS:
        if i - 1 == t0:
            if_of, if_not = _name_part(toks, t0, i), _name_part(toks, t0, t0)
            if if_of is None and if_not is None:
                return None
            return suffix, toks[t0][1], None, if_of, if_not
        i -= 1
    fixed = _name_part(toks, t0, i)
    if fixed is None:
        return None
    return suffix, None, fixed, None, None


def _name_part(toks: list[tuple[str, int, int]], t0: int, i: int) -> tuple | None:
    """The name after the title ``toks[t0:i]``, or None if there is none.

    Returns ``(title_toks, name, name_words)`` (offsets still relative), the
    same as :func:`_chunk` used to work out, or None where it gave up.
    """
    title_toks = tuple(toks[t0:i])
    name = toks[i:]
    # The name stops at a word that cannot be part of it ("Biden Tuesday").
    for k in range(1, len(name)):
        w = name[k][0]
        if (w in NONNAMES and w not in GIVEN) or (w in TITLE_WORDS and w not in WORD_SURNAMES) or _MULTI_INITIALS.match(w):
            name = name[:k]
            break
    while name and name[-1][0] in _PARTICLES:
        name.pop()
    if not name or len(name) > 5:
        return None
    name_words = tuple(t[0] for t in name if t[0] not in _PARTICLES) if len(name) > 1 else (name[0][0],)
    if not name_words or name_words[0] in _PARTICLES:
        return None
    if len(name_words) >= 2:
        surname = name_words[-1]
        if surname.endswith(".") or surname in NONNAMES or (surname in TITLE_WORDS and surname not in WORD_SURNAMES) or surname in WORDLIKE_GIVEN and surname not in WORD_SURNAMES:
            return None
    else:
        word = name_words[0]
        if word in NONNAMES and not title_toks:
            return None
        if word in TITLE_WORDS and not title_toks:
            return None
    return title_toks, tuple(name), name_words


def _chunk(
    doc: Document, out: People, m: regex.Match, block_start: int, block_kind: str, titled: set[str], shape: tuple
) -> None:
    text = doc.text
    suffix, title_at, part, if_of, if_not = shape
    base = m.start()
    if part is None:
        at = base + title_at  # where the lone title word starts
        part = if_of if _OF_TITLE.search(text, max(block_start, at - 40), at) else if_not
        if part is None:
            return
    title_toks, rel_name, name_words = part
    start, end = base + rel_name[0][1], base + rel_name[-1][2]
    title = None
    title_start = title_end = None
    if title_toks:
        title_start, title_end = base + title_toks[0][1], base + title_toks[-1][2]
        title = text[title_start:title_end]
    initial = sentence_initial(text, start if not title_toks else title_start, block_start)
    mention = Mention(
        kind="unknown",
        start=start,
        end=end,
        tokens=name_words,
        title=title,
        title_start=title_start,
        title_end=title_end,
        sentence_initial=initial,
        possessive=_possessive(text, m.end()) if not suffix else False,
        block_kind=block_kind,
        in_quote=doc.quote_at(start) is not None,
        chunk_end=m.end(),
        suffix=suffix,
    )
    first_word = name_words[0]
    if len(name_words) >= 2:
        surname = name_words[-1]  # a possible surname: _name_part checked it
        lead_initial = bool(_LEAD_INITIAL.fullmatch(first_word))
        evidence = (
            first_word in GIVEN
            or bool(title_toks)
            or has_evidence_before(text, (title_start if title_toks else start), block_start)
            or (lead_initial and surname not in GIVEN)
            or (surname in titled and first_word not in NONNAMES)
        )
        if not evidence:
            # "López Obrador" after "Andrés Manuel López Obrador": a later reference.
            for p in out.by_surname.get(surname, ()):
                if p.tokens[-len(name_words):] == name_words and len(p.tokens) > len(name_words):
                    mention.kind = "surname"
                    mention.person = p
                    p.mentions.append(mention)
                    out.mentions.append(mention)
                    return
            return
        given = first_word
        person = None
        for p in out.by_surname.get(surname, ()):
            if p.given == given:
                person = p
                break
        if person is None:
            for p in out.by_surname.get(surname, ()):
                last = p.mentions[-1].end if p.mentions else p.first.end
                if start - last < 80 and _ALIAS.search(text, last, start):
                    person = p  # "Ron Karenga — aka Dr. Maulana Karenga": one person
                    break
        if person is None:
            person = Person(given=given, surname=surname, tokens=name_words, written=tuple(t[0] for t in rel_name))
            person.first = mention
            lead = title_start if title_start is not None else start
            person.character = bool(
                _CHARACTER_BEFORE.search(text, max(block_start, lead - 20), lead)
                or _ACTOR_AFTER.match(text, m.end())
            )
            out.persons.append(person)
            out.by_surname.setdefault(surname, []).append(person)
            if not lead_initial:
                out.by_given.setdefault(given, []).append(person)
        mention.kind = "full"
        mention.person = person
        person.mentions.append(mention)
        out.mentions.append(mention)
        return
    # One name token: a later reference, a first name, or someone not yet known
    # (_name_part has dropped words that are no name without a title).
    word = first_word
    candidates = out.by_surname.get(word)
    if candidates:
        mention.kind = "surname"
        mention.person = candidates[0] if len(candidates) == 1 else None
        if mention.person:
            mention.person.mentions.append(mention)
        out.mentions.append(mention)
        return
    candidates = out.by_given.get(word)
    if candidates and not title_toks:
        mention.kind = "given"
        mention.person = candidates[0] if len(candidates) == 1 else None
        if mention.person:
            mention.person.mentions.append(mention)
        out.mentions.append(mention)
        return
    out.early_tokens.setdefault(word, start)
    out.mentions.append(mention)


def surname_start(text: str, start: int, surname: str, full_name: str) -> int:
    """Where a later reference to ``surname`` at ``start`` begins: before the lowercase
    particle the full name gives it ("Luis de Miranda" … "de Miranda notes")."""
    word = preceding_word(text, start)
    if word in _PARTICLES and f" {word} {surname}" in f" {full_name}":
        return text.rindex(word, 0, start)
    return start


def preceding_word(text: str, start: int) -> str:
    """The word just before ``start`` (skipping spaces), or ``""``."""
    j = start - 1
    while j >= 0 and text[j] in " \t\xa0\n":
        j -= 1
    k = j
    while k >= 0 and (text[k].isalpha() or text[k] in "-'’"):
        k -= 1
    return text[k + 1 : j + 1]


def following_word(text: str, end: int) -> str:
    """The word just after ``end`` (after an optional possessive), or ``""``."""
    if text[end : end + 2] in ("'s", "’s"):
        end += 2
    j = end
    while j < len(text) and text[j] in " \t\xa0":
        j += 1
    k = j
    while k < len(text) and (text[k].isalpha() or text[k] in "-'’"):
        k += 1
    return text[j:k]
