"""BPL: scraped boilerplate and page residue.

When a page is scraped or copied, the page around the article comes along:
comment forms, share and like buttons, "Related posts" lists, ad labels,
newsletter boxes, cookie banners, copyright and syndication footers, photo
credits, and lines a scraper glued together. None of it is the article.

Everything here works on **whole lines** (for plain text, the lines of a
paragraph; for HTML and Markdown, the parser's blocks): a line that *is*
"Related posts" is residue, while "Related charges were filed" or "share
prices fell" in a sentence is prose and is never flagged. One analysis per
document classifies every line once (``document.cache["boilerplate"]``); each
rule reports its own share of it, so a line gets one finding, from the most
specific rule.

The analysis, in order:

1. whole-line strings and patterns (``data/boilerplate_lines.tsv`` and the
   regexes below), some only where they are unambiguous: at the tail of the
   article, or next to another residue line (a row of share buttons, the
   field labels of a comment form);
2. photo, video and chart credits, whole lines or at the end of a caption:
   ``2022.Alexander Ermochenko | Reuters``, ``(AFP/Getty)``, ``Photo: …``
   (BPL005);
3. a list under a related-stories heading ("Related Articles:", "Read
   more:"): the short headline-like lines that follow it (BPL003);
4. a label glued to the end of a line without a space:
   ``…invading Ukraine?Defense`` (BPL006);
5. an end-of-article marker (a comment, share or related heading after the
   last prose paragraph): the short non-prose lines after it are residue,
   except the article's own end matter (a sentence, a byline) (BPL010);
6. for HTML, element signals: a block whose element, or on whole pages an
   enclosing block (``attrs["ancestors"]``, recorded by the HTML parser), has
   a class or id such as ``share``, ``related``, ``comments`` or
   ``newsletter`` (BPL007). Title slugs (``debt-as-a-share-of-gdp``), layout
   classes (``pagination-centered``) and tokens that wrap much of the
   article (a container) do not count.

A line gets at most one finding: the first step that claims it.

Everything is linear in the size of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from stylelint import Example, Fix, Rule, RuleContext, Severity
from stylelint.model.document import Block, Document, trim_range
from stylelint.rule import patterns

_DATA = Path(__file__).with_name("data")

# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "\xa0": " ",
                         "–": "-", "—": "-"})
_SPACES = patterns.compile(r"\s+")
# Decoration around a line: Markdown heading marks, emphasis, bullets, pipes,
# arrows, a trailing colon or full stop.
_EDGE = " \t#*_>|•·▪►»«›‹→←:.-"


# The same mapping as _QUOTES, applied with str.replace (each pair's target is
# never another pair's source, so the order does not matter): much faster than
# str.translate with a dict on non-ASCII text.
_QUOTE_PAIRS = tuple((chr(a), b) for a, b in _QUOTES.items())
# The only characters str.split() takes for spaces and the regex \s does not.
_SPLIT_ONLY_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")


def normalize(line: str) -> str:
    """Case-folded, plain quotes and ``...``, one space, no decoration at the ends."""
    if line.isascii():
        s = line  # NFKC, the quotes and the ellipsis are all outside ASCII
    else:
        s = unicodedata.normalize("NFKC", line)
        for a, b in _QUOTE_PAIRS:
            s = s.replace(a, b)
        s = s.replace("…", "...")
    if any(c in s for c in _SPLIT_ONLY_SPACES):
        s = _SPACES.sub(" ", s).strip()
    else:
        s = " ".join(s.split())  # the same as the line above, without a regex
    return s.casefold()


def line_key(line: str) -> str:
    """The lookup key of a line: :func:`normalize` without edge decoration.

    A trailing ``...`` (``Loading...``) is kept; a single trailing full stop
    or colon is not.
    """
    return _key_of(normalize(line))


def _key_of(norm: str) -> str:
    """:func:`line_key` of a line whose :func:`normalize` is ``norm``."""
    tail = "..." if norm.endswith("...") else ""
    s = norm.strip(_EDGE)
    return (s + tail) if tail and s else s


# ---------------------------------------------------------------------------
# Data: whole-line strings
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LineEntry:
    """One residue string: which rule, where it counts, what it is."""

    rule: str
    where: str  # any | head | tail | run
    what: str


def load_lines(path: Path) -> dict[str, list[LineEntry]]:
    """Read ``rule<TAB>where<TAB>line<TAB>what`` rows (``#`` comments)."""
    table: dict[str, list[LineEntry]] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 4 or cols[1] not in ("any", "head", "tail", "run"):
            raise ValueError(f"{path}:{lineno}: expected rule<TAB>any|head|tail|run<TAB>line<TAB>what")
        key = line_key(cols[2]) or cols[2].strip()
        table.setdefault(key, []).append(LineEntry(cols[0], cols[1], cols[3]))
    return table


LINES = load_lines(_DATA / "boilerplate_lines.tsv")

# ---------------------------------------------------------------------------
# Patterns (matched against the whole normalised line)
# ---------------------------------------------------------------------------

_R = regex.V1 | regex.IGNORECASE

#: News agencies and picture libraries that appear in photo credits.
AGENCIES = (
    r"(?:Reuters(?:\s+Pictures)?|AFP|AP(?:\s+Photo)?|Associated\s+Press|The\s+Associated\s+Press|"
    r"Agence\s+France[- ]Presse|Getty(?:\s+Images)?(?:\s+News)?(?:\s+(?:for|via)\s+[\w .-]{2,30})?|"
    r"Bloomberg|EPA(?:-EFE)?|EFE|Anadolu(?:\s+Agency)?|NurPhoto|SOPA\s+Images|LightRocket|"
    r"Shutterstock(?:\.com)?|iStock(?:photo)?|Alamy(?:\s+Stock\s+Photo)?|Rex(?:\s+Features)?|PA(?:\s+(?:Wire|Images|Media))?|"
    r"Corbis|Xinhua|TASS|Sputnik|AAP|Zuma(?:\s+Press)?|ZUMA\s+Wire|Redux|Polaris|WireImage|FilmMagic|"
    r"Invision|Splash\s+News|USA\s+TODAY\s+Sports|Wikimedia\s+Commons|Flickr|Unsplash|Pexels|"
    r"Moodboard|Photodisc|Digital\s+Vision|Stockbyte|Hemera|Jupiterimages|Thinkstock|"
    r"AFP\s+via\s+Getty\s+Images|Bloomberg\s+via\s+Getty\s+Images|CNET|NASA|ESA)"
)
# A person's or an agency's name in a credit (case-sensitive capitals).
_CAP = r"(?-i:\p{Lu}(?:[\p{L}'’-]|\.(?!\p{Lu}\p{Ll}))*)"
_NAME = rf"{_CAP}(?:\s{_CAP}){{0,3}}"
# "Alexander Ermochenko | Reuters", "JIM WATSON/AFP/Getty Images",
# "Anthony Wallace / AFP - Getty Images", "Mike Watson Images/Moodboard/Getty".
_CREDIT_BODY = (
    rf"(?:{_NAME}|[\p{{Ll}}\d][\w.'-]{{1,30}})\s*(?:\||/)\s*(?:[\w .'-]{{1,30}}\s*/\s*)?{AGENCIES}"
    rf"(?:\s*(?:/|-|—|–|\||via)\s*{AGENCIES})*"
)
CREDIT_LINE = patterns.compile(rf"^\(?(?:credit:?\s+)?{_CREDIT_BODY}\)?$", _R)
# A credit at the end of a caption line, after the caption's last word.
CREDIT_TAIL = patterns.compile(
    rf"(?:(?<=[.!?\"”)])|(?<=\s))(?P<credit>{_CAP}(?:\s{_CAP})?\s*(?:\||/)\s*{AGENCIES}"
    rf"(?:\s*(?:/|-|—|–|via)\s*{AGENCIES})*)\s*$",
    _R,
)
# Parenthetical credit at the end of a caption: (AFP/Getty), (AP Photo/Evan
# Vucci), (Photo by X/Getty Images), (Getty), (Jane Doe/NASA photo via AP).
# A bare "(AP)" or "(Reuters)" is a wire dateline, not a credit, and is left
# alone. AP's photo ID may trail it in scraped copy: "(AP Photo/…)AP2014".
CREDIT_PAREN = patterns.compile(
    r"(?P<credit>\((?:"
    r"(?:photo|photos|image|images|picture|pictures|photograph|photography|credit|photo\s+credit|image\s+credit)"
    r"(?:\s+by|:)\s*[^()\n]{2,80}"
    rf"|AP\s+Photo(?:/[^()\n]{{1,60}})?"
    rf"|{AGENCIES}\s*/\s*[^()\n]{{1,60}}"
    rf"|[^()\n]{{2,60}}/\s*{AGENCIES}[^()\n]{{0,30}}"
    rf"|[^()\n]{{2,80}}\s(?:photo|image|handout)\s+via\s+{AGENCIES}"
    r"|Getty(?:\s+Images)?|Shutterstock|iStock(?:photo)?|Alamy|Rex(?:\s+Features)?|Rex/Shutterstock"
    r")\)(?:AP\d{4})?)\s*$",
    _R,
)
# Labelled credits: "Photo by Joan Bardeletti", "Photos: Getty Images",
# "Image Credit: Getty", "Source: Reuters", "Mandatory Credit: …".
_CREDIT_LABEL = (
    r"(?:(?:top|header|cover|featured|lead|main)\s+)?"
    r"(?:photo|photos|image|images|picture|pictures|photograph|photographs|photography|illustration|"
    r"illustrations|graphic|graphics|photo\s+illustration)"
    r"(?:\s+credits?)?(?:\s+by|\s*:)"
    r"|(?:video|footage)\s+(?:credits?\s*:|by)"
    r"|(?:mandatory\s+|image\s+|photo\s+|picture\s+)?credits?\s*:"
    r"|(?:source|sources|via)\s*:|courtesy\s+of"
)
CREDIT_LABELLED = patterns.compile(rf"^(?:{_CREDIT_LABEL})\s*(?P<who>\S.{{0,80}})$", _R)
# The same after a caption on one line: "Fernando Caudevilla. Photo: Joseph Cox",
# "… testing lab | photo by Joan Bardeletti", "…; Mandatory Credit: J. Smith".
CREDIT_LABEL_TAIL = patterns.compile(
    r"(?:(?<=[.!?;|\"”)]\s{0,3})|(?<=\s[|/-]\s))"
    r"(?P<credit>(?:(?:mandatory\s+)?credits?:|photo(?:s|graph)?(?:\s+by|:)|image(?:\s+credit)?:|pictures?:)"
    r"\s*[^.!?|]{2,70})\s*$",
    _R,
)
# "Credit: NASA View full size image …" (space.com, livescience.com).
CREDIT_VIEWER = patterns.compile(r"^(?P<credit>credit:\s*.{1,80}?\s+view\s+full\s+size\s+image)\b", _R)

# Comment forms (WordPress core comment_form(), general-template.php).
COMMENT_PATTERNS = [
    (patterns.compile(
        r"^(?i:leave\s+a\s+(?:reply|comment|response)\s+to)\s+(?:[\p{Lu}\d@][\w.'’@-]*\s*){1,4}(?i:\s*cancel\s+reply)?$",
        regex.V1), "the WordPress comment form's reply heading"),
    (patterns.compile(r"^(?:you(?:r)?\s+)?e-?mail\s+(?:address\s+)?will\s+(?:not|never)\s+be\s+(?:published|shared|displayed)"
                   r"\.?(?:\s*\.?\s*required\s+fields\s+are\s+marked\s*\*?\.?)?(?:\s*\*)?$", _R),
     "the WordPress comment form's e-mail notice"),
    (patterns.compile(r"^save\s+my\s+name,?\s+e-?mail,?\s+(?:and\s+)?website\s+in\s+this\s+browser\s+for\s+the\s+next\s+time\s+i\s+comment\.?$", _R),
     "the WordPress comment form's cookie consent box"),
    (patterns.compile(r"^logged\s+in\s+as\s+.{1,60}\.\s*(?:edit\s+your\s+profile\.\s*)?log\s+out\s*\??$", _R),
     "the WordPress comment form's login line"),
    (patterns.compile(r"^(?:\d[\d,]*\s+(?:comments?|responses?|replies|thoughts?)(?:\s+on\s+[\"'].{1,150}[\"'])?"
                   r"|comments?\s*\(\s*\d[\d,]*(?:\s+posted)?\s*\)"
                   r"|(?:view|show|read|see)\s+(?:all\s+)?\d[\d,]*\s+comments?"
                   r"|one\s+(?:comment|response|reply|thought)(?:\s+on\s+[\"'].{1,150}[\"'])?)$", _R),
     "a comment counter"),
    (patterns.compile(r"^(?:please\s+rate\s+this|rate\s+this\s+(?:article|story|post))\b.{0,40}$", _R),
     "a rating widget"),
]

# Share, like, follow and newsletter prompts (Jetpack, trafilatura).
SHARE_PATTERNS = [
    (patterns.compile(r"^click\s+to\s+(?:share\s+on|email\s+(?:a\s+link\s+to\s+a\s+friend|this)|print|share)\b.{0,60}"
                   r"(?:\(opens\s+in\s+new\s+window\))?$", _R), "a Jetpack share button"),
    (patterns.compile(r"^(?:\S+\s+){0,10}\S*\s*\(opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)\)$", _R),
     "a share button"),
    (patterns.compile(r"^\d[\d,.]*k?\s+(?:bloggers?|people|others)\s+likes?\s+this:?$", _R), "the Jetpack like button"),
    (patterns.compile(r"^\d[\d,.]*k?\s+shares?$", _R), "a share counter"),
    (patterns.compile(r"^(?:follow|like|find)\s+(?:us|me|@\w+|[\w.&'’-]+(?:\s+[\w.&'’-]+){0,4})\s+on\s+"
                   r"(?:facebook|twitter|x|instagram|telegram|linkedin|youtube|tiktok|google\s+news|threads|bluesky|"
                   r"mastodon|flipboard|pinterest|snapchat)\b(?:[^.!?]{0,80}[.!]?)?$", _R),
     "a follow prompt"),
    (patterns.compile(r"^(?:join\s+(?:us|our\s+\w+\s+channel)\s+on\s+(?:telegram|whatsapp|discord)|follow\s+.{1,40}\s+on\s+google\s+news)\b.{0,60}$", _R),
     "a follow prompt"),
    (patterns.compile(r"^(?:sign\s+up|subscribe|register)\s+(?:now\s+)?(?:for|to)\s+(?:our|the|my|his|her)\s+.{0,40}\b(?:newsletters?|mailing\s+list|e-?mail\s+(?:alerts|updates))\b.{0,100}$", _R),
     "a newsletter sign-up box"),
    (patterns.compile(r"^get\s+(?:our|the)\s+.{0,40}\bnewsletters?\b.{0,100}$", _R), "a newsletter sign-up box"),
    (patterns.compile(r"^(?:get|receive)\s+the\s+(?:latest|best)\s+.{0,60}\b(?:delivered|in|to|straight\s+to)\s+your\s+inbox\b.{0,60}$", _R),
     "a newsletter sign-up box"),
    (patterns.compile(r"^by\s+(?:signing\s+up|subscribing|clicking(?:\s+\S+){0,3}|entering\s+your\s+e-?mail)[, ].{0,240}\b(?:privacy\s+(?:policy|notice)|terms)\b.{0,80}$", _R),
     "a newsletter box's legal line"),
    (patterns.compile(r"^(?:you(?:'re|\s+are)\s+(?:now\s+)?subscribed|thanks?\s+(?:you\s+)?for\s+subscribing)\b.{0,80}$", _R),
     "a newsletter sign-up box"),
]

# Related, recommended and next stories.
RELATED_ITEM = patterns.compile(
    r"^(?:related(?:\s+(?:article|articles|story|stories|post|posts|link|links|coverage|reading|content|video))?"
    r"|read\s+more|read\s+also|also\s+read|see\s+also|also\s+see|read\s+next|read\s+this|must\s+read|don'?t\s+miss|"
    r"icymi|recommended|more|more\s+from\s+[\w .&'-]{1,40})\s*:\s*(?P<title>\S.{0,200})$",
    _R,
)
RELATED_HEAD = patterns.compile(
    r"^(?:more\s+(?:from|on|in)\s+(?-i:\p{Lu}|the\b)[\w .&'’-]{1,40}|(?:more|latest)\s+(?:stories|news|articles|videos|posts)\s+(?:from|on|in)\s+[\w .&'’-]{1,40})$",
    regex.V1,
)
PREV_NEXT = patterns.compile(r"^(?:previous|next|prev|older|newer)\s+(?:post|article|story|entry|page)\s*:?\s+.{1,150}$", _R)
READ_MORE_LINK = patterns.compile(
    r"^(?:read\s+(?:more|the\s+full\s+(?:story|article|report))|continue\s+reading|click\s+here\s+to\s+read\s+(?:more|the\s+full\s+\w+))"
    r"\s*(?:at|on|here|>+|»|→|\.\.\.)?\s*(?:[\w.-]+\.(?:com|org|net|co\.uk))?\s*[>»→]*$",
    _R,
)

# Copyright lines (jusText: a block containing © is boilerplate). Matched on
# the line as written: the sign must open a notice ("© 2024 …", "© Provided
# by …"), not decorate a word ("manifesto™©").
COPYRIGHT_SIGN = patterns.compile(
    r"^(?=.{1,200}$).*?(?:(?:^|(?<=[\s(|]))(?:©|&copy;)\s*(?:\d{4}|\p{Lu})|\([cC]\)\s*\d{4}|"
    r"\b(?i:copyright)\s+(?:\([cC]\)\s*|©\s*)?\d{4}\b)",
    regex.V1 | regex.DOTALL,
)

# Syndication, copyright and licence footers.
COPYRIGHT_PATTERNS = [
    (patterns.compile(r"^(?=.{1,200}$).*\ball\s+rights\s+reserved\b\.?.{0,40}$", _R), "a copyright line"),
    (patterns.compile(r"^this\s+(?:article|story|post|piece|column|essay|interview|report|blog\s+post|content)\s+"
                   r"(?:was\s+|is\s+|has\s+been\s+)?(?:originally|first)\s+(?:appeared|published|ran|posted|written)\s+"
                   r"(?:(?:for|on|in|at|via|by|online|with)\b).{0,160}$", _R),
     "a syndication footer"),
    (patterns.compile(r"^(?:a\s+version\s+of\s+this\s+(?:article|story|post)\s+(?:first\s+|originally\s+)?appeared|"
                   r"(?:originally|first)\s+(?:published|posted|appeared)\s+(?:on|in|at|by)\b).{0,160}$", _R),
     "a syndication footer"),
    (patterns.compile(r"^(?:this\s+(?:article|story|post|piece)\s+(?:is|was|has\s+been)\s+)?"
                   r"(?:republished|reprinted|reposted|reproduced|syndicated|cross-?posted)\s+"
                   r"(?:here\s+)?(?:with\s+(?:the\s+)?(?:kind\s+)?permission\s+)?(?:from|by|courtesy\s+of|on|under|with)\b.{1,200}$", _R),
     "a syndication footer"),
    (patterns.compile(r"^(?:licensed\s+under\s+(?:a\s+|the\s+)?)?(?:cc|creative\s+commons)\s+(?:by(?:-nc)?(?:-nd|-sa)?|zero|0|"
                   r"attribution(?:[- ](?:noncommercial|sharealike|noderivs|noderivatives|share\s*alike))*)\b.{0,80}$", _R),
     "a licence line"),
]
# Aggregator footer "based on materials from …" (Russian "по материалам"), and
# what a spinner makes of it: "based mostly on web site supplies". The line is
# canonicalised first (spun synonyms → plain words), then matched.
_SPIN_CANON = [
    (patterns.compile(r"\bbased\s+(?:mostly|mainly|largely|primarily|principally|totally|entirely|completely|solely|generally)\s+(?:on|upon)\b", _R), "based on"),
    (patterns.compile(r"\b(?:primarily|mostly|largely|mainly)\s+based\s+(?:on|upon)\b", _R), "based on"),
    (patterns.compile(r"\bbased\s+upon\b", _R), "based on"),
    (patterns.compile(r"\b(?:web\s*-?\s*site|internet\s+site|net\s+site|web\s*-?\s*page|site)s?\b", _R), "website"),
    (patterns.compile(r"\b(?:materials?|supplies|substances|resources|provides|stuff|content|info|information)\b", _R), "materials"),
    (patterns.compile(r"\b(?:in\s+accordance\s+with|in\s+line\s+with|primarily\s+based\s+on|in\s+keeping\s+with)\b", _R), "according to"),
]
SOURCE_FOOTER = patterns.compile(
    r"^(?:based\s+on|according\s+to|by)\s+(?:the\s+)?(?:website\s+)?materials"
    r"(?:\s+(?:of|from|by|at|on|published\s+by|provided\s+by)\s+[^,;:]{1,80})?\.?$",
    _R,
)

# Ads, paywalls, cookie banners.
AD_PATTERNS = [
    (patterns.compile(r"^(?:this\s+(?:article|content|story|post)\s+is\s+)?(?:sponsored|brought\s+to\s+you|presented|paid\s+for)\s+by\s+.{1,60}$", _R),
     "a sponsored-content label"),
    (patterns.compile(r"^(?:recommended|promoted|sponsored|powered)\s+by\s+(?:outbrain|taboola|revcontent|mgid|zergnet|content\.ad)\b.{0,40}$", _R),
     "a content-recommendation ad widget"),
    (patterns.compile(r"^(?:this\s+(?:article|content|story|post)\s+is\s+(?:only\s+)?(?:for|available\s+(?:to|for)|exclusive\s+to)\s+"
                   r"(?:paying\s+|premium\s+|our\s+)?(?:subscribers|members)(?:\s+only)?"
                   r"|to\s+continue\s+reading.{0,80}\b(?:subscribe|sign\s+in|log\s+in|register)\b"
                   r"|(?:create|register\s+for)\s+(?:a\s+)?free\s+account\b"
                   r"|you\s+have\s+(?:\d+|one|two|three|four|five)\s+(?:free\s+)?(?:articles?|stories)\s+(?:left|remaining)\b"
                   r"|you(?:'ve|\s+have)\s+reached\s+(?:your|the)\s+(?:monthly\s+)?(?:free\s+)?(?:article\s+)?limit\b"
                   r"|subscribe\s+(?:now\s+|today\s+)?(?:for|from)\s+(?:just\s+|only\s+)?[$£€]\s*\d"
                   r"|(?:unlock|get)\s+(?:unlimited|full|digital)\s+access\b"
                   r"|(?:become|register\s+as)\s+a\s+(?:member|subscriber)\b"
                   r"|already\s+(?:a\s+subscriber|have\s+an\s+account)\?"
                   r"|(?:sign|log)\s+in\s+to\s+(?:read|continue|keep\s+reading|comment)\b).{0,160}$", _R),
     "a paywall or subscription prompt"),
    (patterns.compile(r"^(?:we(?:\s+and\s+our\s+partners)?\s+use\s+cookies|(?:this|our)\s+(?:web\s*)?site\s+uses\s+cookies|"
                   r"by\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:web\s*)?site)"
                   r"(?=.{0,400}\b(?:site|website|experience|brows\w*|consent|privacy|accept\w*|agree\w*|settings|"
                   r"preferences|personali[sz]\w*|analytics|advertis\w*|traffic|cookie\s+policy)\b).{0,400}$", _R),
     "a cookie banner"),
]

# Navigation and page chrome.
NAV_PATTERNS = [
    (patterns.compile(r"^(?:tags?|topics?|filed\s+under|categories|category|posted\s+in|tagged(?:\s+with)?|keywords)\s*:\s*"
                   r"[^.!?]{1,200}$", _R), "a tag or category list"),
    (patterns.compile(r"^(?:home|news)\s*(?:[›>»/|]\s*[\w&',. -]{1,30}){1,5}$", _R), "a breadcrumb trail"),
    (patterns.compile(r"^(?:\d{1,3}\s*(?:-|\s)?\s*min(?:ute)?s?\.?\s+read|reading\s+time\s*:?\s*\d{1,3}\s*min(?:ute)?s?\.?)$", _R),
     "a reading-time label"),
    (patterns.compile(r"^(?:print|email|e-mail|save|share)\s+this\s+(?:article|story|page|post)$", _R), "an article tool button"),
    (patterns.compile(r"^(?:(?:previous|prev|next)\s*[›»>‹«<]*\s*)?page\s+\d{1,3}\s+of\s+\d{1,3}(?:\s*(?:previous|prev|next)\s*[›»>‹«<]*)?$"
                   r"|^(?:next|previous|prev)\s*[›»>‹«<]+$|^[‹«<]+\s*(?:previous|prev)$", _R),
     "page navigation"),
]

# "Home | Video | World | U.S. | Africa": four or more short capitalised links
# between pipes (matched on the line as written).
NAV_ROW = patterns.compile(r"^(?:[^|\s\d\p{Ll}][^|\n]{0,30}?\s*\|\s*){3,}[^|\s\d\p{Ll}][^|\n]{0,30}$", regex.V1)

# A line glued to the next block: "…invading Ukraine?Defense", "2022.Alexander".
GLUE = patterns.compile(r"(?<=[\p{Ll}\d][)\"'”’]?)[.?!](?=\p{Lu})", regex.V1)
_LABEL = patterns.compile(r"^\p{Lu}\p{Ll}{2,}(?:\s(?:\p{Lu}\p{Ll}+|&|and|of))*$", regex.V1)

# ---------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------

#: English function words (jusText's stoplist, its commonest entries).
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even ever every
    few for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just least less like many may me might more most much must my myself
    neither no nor not now of off on once one only or other our ours ourselves out over own per
    same she should since so some such than that the their theirs them themselves then there these
    they this those though through to too under until up upon us very was we were what when where
    whether which while who whom whose why will with within without would yet you your yours
    yourself yourselves said says""".split()
)
_WORD = patterns.compile(r"[\p{L}\d][\p{L}\d'’-]*", regex.V1)
_TERMINAL = patterns.compile(r"[.!?][\"'”’)\]]*$")
_LINE_BREAK = patterns.compile(r"\r\n|\r|\n")


@dataclass(slots=True)
class Line:
    """A logical line: for text, a line of a paragraph (hard wraps rejoined);
    for HTML and Markdown, a block."""

    start: int
    end: int
    raw: str
    key: str
    norm: str
    block: Block
    words: int
    stop_density: float

    @property
    def prose(self) -> bool:
        """Looks like running prose (jusText: >= 70 characters, >= 30% stop words)."""
        return len(self.raw) >= 70 and self.stop_density >= 0.30 and self.words >= 10

    @property
    def short(self) -> bool:
        """Short enough to be a label, a link or a headline, not a paragraph."""
        return self.words <= 20 and len(self.raw) <= 160


# _WORD on a line of ASCII and common typographic punctuation (none of it a
# letter or a digit; ’ may be inside a word): the same words, found by the
# faster ``re`` engine.
_NOT_PLAIN = re.compile(r"[^\x00-\x7f’‘“”—–…\xa0]")
_PLAIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def _make_line(text: str, start: int, end: int, block: Block) -> Line:
    raw = text[start:end]
    words = (_WORD if _NOT_PLAIN.search(raw) else _PLAIN_WORD).findall(raw)
    stops = sum(map(STOPWORDS.__contains__, map(str.casefold, words)))
    norm = normalize(raw)
    return Line(start, end, raw, _key_of(norm), norm, block, len(words),
                stops / len(words) if words else 0.0)


def _text_lines(text: str, block: Block) -> Iterator[tuple[int, int]]:
    """Lines of a plain-text block, hard-wrapped lines rejoined.

    A line continues onto the next when the next starts in lower case, or when
    it is long (>= 55 characters) and does not end a sentence.
    """
    spans: list[tuple[int, int]] = []
    pos = block.span.start
    for m in [*_LINE_BREAK.finditer(text, block.span.start, block.span.end), None]:
        end = m.start() if m else block.span.end
        a, e = trim_range(text, pos, end)
        if e > a:
            spans.append((a, e))
        if m:
            pos = m.end()
    cur: tuple[int, int] | None = None
    prev = ""  # the previous physical line
    for a, e in spans:
        if cur is not None:
            nxt = text[a]
            wrapped = nxt.islower() or (len(prev) >= 55 and not _TERMINAL.search(prev) and not prev.endswith(":"))
            prev = text[a:e]
            if wrapped:
                cur = (cur[0], e)
                continue
            yield cur
        else:
            prev = text[a:e]
        cur = (a, e)
    if cur is not None:
        yield cur


def document_lines(document: Document) -> list[Line]:
    """The document's logical lines, in order (cached)."""
    cached = document.cache.get("boilerplate.lines")
    if cached is not None:
        return cached
    text = document.text
    lines: list[Line] = []
    for block in document.blocks:
        if document.format == "text":
            for a, e in _text_lines(text, block):
                lines.append(_make_line(text, a, e, block))
        else:
            lines.append(_make_line(text, block.span.start, block.span.end, block))
    document.cache["boilerplate.lines"] = lines
    return lines


# ---------------------------------------------------------------------------
# The analysis
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Finding:
    """A residue span and what it is; each rule reports its own."""

    rule: str
    start: int
    end: int
    message: str
    severity: Severity | None = None
    marker: bool = False  # a heading that ends the article (related, comments)


def _quoted(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= 60 else s[:57] + "..."


def _canon_spin(s: str) -> str:
    for pattern, repl in _SPIN_CANON:
        s = pattern.sub(repl, s)
    return s


#: For each comment pattern, whether it reads the normalised line (else the raw one).
_COMMENT_ON_NORM = tuple(bool(p.flags & regex.IGNORECASE) for p, _ in COMMENT_PATTERNS)

# How each pattern on the normalised line can begin, so a line is tried only
# against those that can match it. The normalised line is case-folded and
# stripped, so a case-insensitive letter in a pattern matches only itself
# there: what a pattern starts with is read off its first words. Per pattern,
# in list order: the letters and signs its match may start with, and "0" for
# a digit (\d, tested with the pattern's own flags). Two patterns can start
# anywhere; for them ``_NEEDS`` names text every match contains.
_STARTS = {
    "comment": ("", "ye", "s", "l", "0cvsro", "pr"),  # the first reads the raw line
    "share": ("c", "*", "0", "0", "fl", "jf", "sr", "g", "gr", "b", "yt"),
    "copyright": ("*", "t", "aof", "trsc", "lc"),
    "ad": ("tsbp", "rps", "tcrysugbal", "wtob"),
    "nav": ("tfcpk", "hn", "0r", "pes", "pn‹«<"),
    "related": "rasmdi",
    "prev_next": "pno",
    "read_more": "rc",
}
_NEEDS = {id(SHARE_PATTERNS[1][0]): "(opens", id(COPYRIGHT_PATTERNS[0][0]): "reserved"}
_DIGIT = patterns.compile(r"\d", _R)
# Cheap necessary conditions (gates) for the costlier patterns: each finds
# something every match of its pattern contains, with the pattern's flags.
_COPYRIGHT_GATE = patterns.compile(r"©|&copy;|\([cC]\)|(?i:copyright)", regex.V1 | regex.DOTALL)
_FOOTER_GATE = patterns.compile(r"material|supplies|substances|resources|provides|stuff|content|info", _R)
_LABEL_TAIL_GATE = patterns.compile(r"credit|photo|image|picture", _R)


for _name, _patterns in (("comment", COMMENT_PATTERNS), ("share", SHARE_PATTERNS), ("copyright", COPYRIGHT_PATTERNS),
                         ("ad", AD_PATTERNS), ("nav", NAV_PATTERNS)):
    if len(_patterns) != len(_STARTS[_name]):
        raise ValueError(f"boilerplate: _STARTS[{_name!r}] does not cover every pattern of its list")


def _can_start(starts: str, first: str, digit: bool) -> bool:
    return bool(first) and (starts == "*" or first in starts or (digit and "0" in starts))


@dataclass(frozen=True, slots=True)
class _Plan:
    """The patterns on the normalised line worth trying for one first character,
    in their lists' order (share, copyright, ad and nav ones with the text they
    need, or ""; comment ones with whether they read the normalised line)."""

    comment: tuple[tuple[regex.Pattern, str, bool], ...]
    share: tuple[tuple[regex.Pattern, str, str], ...]
    related: bool
    prev_next: bool
    read_more: bool
    copyright: tuple[tuple[regex.Pattern, str, str], ...]
    ad: tuple[tuple[regex.Pattern, str, str], ...]
    nav: tuple[tuple[regex.Pattern, str, str], ...]


_PLANS: dict[tuple[str, bool], _Plan] = {}


def _plan(norm: str) -> _Plan:
    """Which whole-line patterns can match ``norm`` (by its first character)."""
    first = norm[:1]
    digit = bool(first) and _DIGIT.match(first) is not None
    key = (first, digit)
    plan = _PLANS.get(key)
    if plan is None:
        def keep(patterns: list, starts: tuple[str, ...]) -> tuple:
            return tuple(
                (p, what, _NEEDS.get(id(p), ""))
                for (p, what), st in zip(patterns, starts, strict=True) if _can_start(st, first, digit)
            )

        plan = _Plan(
            comment=tuple(
                (p, what, on_norm)
                for (p, what), on_norm, st in zip(COMMENT_PATTERNS, _COMMENT_ON_NORM, _STARTS["comment"], strict=True)
                if not on_norm or _can_start(st, first, digit)
            ),
            share=keep(SHARE_PATTERNS, _STARTS["share"]),
            related=_can_start(_STARTS["related"], first, digit),
            prev_next=_can_start(_STARTS["prev_next"], first, digit),
            read_more=_can_start(_STARTS["read_more"], first, digit),
            copyright=keep(COPYRIGHT_PATTERNS, _STARTS["copyright"]),
            ad=keep(AD_PATTERNS, _STARTS["ad"]),
            nav=keep(NAV_PATTERNS, _STARTS["nav"]),
        )
        if len(_PLANS) < 10_000:
            _PLANS[key] = plan
    return plan


def _whole_line(line: Line, pos: int, last_prose: int) -> Finding | None:
    """Classify a line by what it is as a whole (or None)."""
    key, norm, raw = line.key, line.norm, line.raw
    if len(raw) > 600:
        return None
    entries = LINES.get(key)
    if entries:
        for entry in entries:
            if entry.where == "tail" and pos <= last_prose:
                continue
            if entry.where == "run":
                continue  # decided with the neighbours
            msg = f"'{_quoted(raw)}' is {entry.what}, not article text."
            return Finding(entry.rule, line.start, line.end, msg, marker=entry.where in ("head", "tail"))
    plan = _plan(norm)  # the patterns on ``norm`` that can match it
    for pattern, what, on_norm in plan.comment:
        if pattern.match(norm if on_norm else raw.strip(_EDGE)):
            return Finding("BPL001", line.start, line.end, f"'{_quoted(raw)}' is {what}, not article text.",
                           marker=True)
    if line.words > 60:
        return None
    for pattern, what, needs in plan.share:
        if (not needs or needs in norm) and pattern.match(norm):
            return Finding("BPL002", line.start, line.end, f"'{_quoted(raw)}' is {what}, not article text.")
    m = RELATED_ITEM.match(norm) if plan.related else None
    if m and not _TERMINAL_PERIOD.search(norm):
        return Finding("BPL003", line.start, line.end,
                       f"'{_quoted(raw)}' is a link to another story left by a related-stories widget.",
                       marker=True)
    if RELATED_HEAD.match(raw.strip(_EDGE)) and line.words <= 8:
        return Finding("BPL003", line.start, line.end,
                       f"'{_quoted(raw)}' is a more-stories list heading, not article text.", marker=True)
    if (plan.prev_next and PREV_NEXT.match(norm)) or (plan.read_more and READ_MORE_LINK.match(norm)):
        return Finding("BPL003", line.start, line.end,
                       f"'{_quoted(raw)}' is a link to another page, not article text.")
    # COPYRIGHT_SIGN looks ahead for at most 200 characters and needs a sign or the word.
    if len(raw) <= 201 and _COPYRIGHT_GATE.search(raw) and COPYRIGHT_SIGN.match(raw):
        return Finding("BPL004", line.start, line.end,
                       f"'{_quoted(raw)}' is a copyright line from the page, not article text.")
    for pattern, what, needs in plan.copyright:
        if (not needs or needs in norm) and pattern.match(norm):
            return Finding("BPL004", line.start, line.end,
                           f"'{_quoted(raw)}' is {what} from the page, not article text.")
    # The footer needs "materials", which only these words become (see _SPIN_CANON).
    if line.words <= 14 and _FOOTER_GATE.search(norm) and SOURCE_FOOTER.match(_canon_spin(norm)):
        return Finding("BPL004", line.start, line.end,
                       f"'{_quoted(raw)}' is an aggregator's source footer ('based on materials from …'), "
                       "possibly machine-spun; it is not article text.")
    for pattern, what, _ in plan.ad:
        if pattern.match(norm):
            return Finding("BPL008", line.start, line.end, f"'{_quoted(raw)}' is {what}, not article text.")
    for pattern, what, _ in plan.nav:
        if pattern.match(norm):
            return Finding("BPL009", line.start, line.end,
                           f"'{_quoted(raw)}' is {what} from the page, not article text.")
    # A navigation row has at least four links, so three pipes.
    if line.words <= 30 and raw.count("|") >= 3 and NAV_ROW.match(" ".join(raw.split())):
        return Finding("BPL009", line.start, line.end,
                       f"'{_quoted(raw)}' is a row of navigation links, not article text.")
    return None


_TERMINAL_PERIOD = patterns.compile(r"(?<!\.\.)(?<!\b\p{L})\.[\"'”’)]*$", regex.V1)


def _credit(line: Line) -> Finding | None:
    """A photo, video or chart credit: the whole line, or its end."""
    if line.block.kind == "caption":
        return None  # a credit inside a real caption is where it belongs
    raw = line.raw
    if len(raw) > 2000:
        return None
    stripped = raw.strip().strip("*_")
    # A credit line names its agency after a "|" or "/"; a parenthetical one ends with ")".
    if line.words <= 12 and (
        (("|" in stripped or "/" in stripped) and CREDIT_LINE.match(stripped))
        or (")" in stripped and CREDIT_PAREN.fullmatch(stripped))
    ):
        return Finding("BPL005", line.start, line.end,
                       f"'{_quoted(raw)}' is a photo credit left from a caption, not article text.")
    if line.words <= 14:
        m = CREDIT_LABELLED.match(stripped)
        if m and _names_only(m.group("who")):
            return Finding("BPL005", line.start, line.end,
                           f"'{_quoted(raw)}' is a credit left from a photo, video or chart, not article text.")
    m = CREDIT_VIEWER.match(raw)
    if m:
        s, e = m.span("credit")
        return Finding("BPL005", line.start + s, line.start + e,
                       f"'{_quoted(m.group('credit'))}' is a photo credit and viewer link left from a caption.")
    if line.words > 80 or len(raw) > 2000:
        return None
    for pattern in (CREDIT_PAREN, CREDIT_TAIL, CREDIT_LABEL_TAIL):
        m = pattern.search(raw) if _may_hold(pattern, raw) else None
        if m:
            s, e = m.span("credit")
            if pattern is CREDIT_LABEL_TAIL and _sentence_like(m.group("credit").split(":", 1)[-1]):
                continue
            glued = s > 0 and raw[s - 1] in ".?!" and raw[s - 1 : s + 1] != ". "
            how = "glued to the end of a caption" if glued else "at the end of a caption"
            return Finding("BPL005", line.start + s, line.start + e,
                           f"'{_quoted(m.group('credit'))}' is a photo credit {how}; "
                           "the caption and its credit are page residue, not article text.")
    return None


def _may_hold(pattern: regex.Pattern, raw: str) -> bool:
    """A necessary condition for ``pattern.search(raw)``, for the credit-tail patterns."""
    if pattern is CREDIT_PAREN:
        return ")" in raw
    if pattern is CREDIT_TAIL:
        return "|" in raw or "/" in raw
    # CREDIT_LABEL_TAIL needs one of these words, in any case. Where lower()
    # keeps the length, every character the pattern takes for one of their
    # letters lowers to it (none of them has a long s, a Kelvin sign or a
    # ligature in it); else (a dotted capital I) ask the regex.
    low = raw.lower()
    if len(low) != len(raw):
        return _LABEL_TAIL_GATE.search(raw) is not None
    return "credit" in low or "photo" in low or "image" in low or "picture" in low


# Lower-case words a credit may contain ("Courtesy of the Artist", "Photo by").
_CREDIT_LOWER = frozenset("by of for and via the courtesy de del da di van von der la le du from in at on".split())


def _names_only(s: str) -> bool:
    """Reads as names and agencies ('Silver Screen Collection/Getty Images'), not a
    title or a clause ('Weather around the world')."""
    words = s.split()
    if not words or len(words) > 10:
        return False
    for w in words:
        w = w.strip("(),;:.'\"“”‘’-—–|")
        if not w or w[0].isupper() or w[0].isdigit() or "/" in w or "." in w or "@" in w:
            continue
        if w.casefold() not in _CREDIT_LOWER:
            return False
    return True


_VERBISH = patterns.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says|the|a|an|of|to|and|in|that)\b", _R)


def _sentence_like(s: str) -> bool:
    """Reads as a clause rather than a name or agency list."""
    return len(_VERBISH.findall(s)) >= 2 or len(s.split()) > 8


def _glued(line: Line, pos: int, last_prose: int) -> Finding | None:
    """Residue glued to the end of a line without a space: 'Ukraine?Defense'."""
    raw = line.raw
    if line.words > 120 or len(raw) > 2000:
        return None
    for m in GLUE.finditer(raw):
        j = m.start()
        # The word before the junction: a plain word or a year, not a URL,
        # a file name, an abbreviation or code (self.Foo, U.S.Army).
        k = raw.rfind(" ", 0, j) + 1
        left = raw[k:j].strip("\"'”’()")
        if len(left) < 2 or not regex.fullmatch(r"\p{L}[\p{Ll}'’-]+|\d{4}", left, regex.V1):
            continue
        before = raw[:j].split()
        if len(before) < 4:
            continue
        rest = raw[j + 1 :]
        credit = CREDIT_LINE.match(rest.strip())
        if credit:
            return Finding("BPL005", line.start + j + 1, line.end,
                           f"'{_quoted(rest)}' is a photo credit glued to the end of a caption "
                           f"('{raw[max(k, j - 12):j + 1]}{rest.split()[0]}'); it is not article text.")
        if not _LABEL.match(rest.strip()) or len(rest.split()) > 3 or rest != rest.rstrip():
            continue
        # The label ends the line; what came before is one short sentence
        # (a headline) when the line is a block of its own.
        left_text = raw[: j + 1]
        one_sentence = len(before) <= 25 and not regex.search(r"[.!?]\s+\p{Lu}", left_text, regex.V1)
        if one_sentence and (raw[j] in "?!" or pos > last_prose):
            return Finding("BPL006", line.start, line.end,
                           f"'{_quoted(raw)}' is a headline glued to '{rest}' without a space: a scraper "
                           "joined a related-story link and the next block's label. It is page residue.")
        return Finding("BPL006", line.start + j + 1, line.end,
                       f"'{rest}' is glued to the end of the sentence without a space ('{raw[max(k, j - 12):]}'): "
                       "a scraper joined the next block's label to this one. Delete it.")
    return None


def _is_item(line: Line) -> bool:
    """A short headline-like line: a link in a list of stories."""
    if not line.short or line.prose or line.words < 2:
        return False
    s = line.raw.rstrip()
    return not s.endswith(":") and not _TERMINAL_PERIOD.search(s) and not _DATE_STAMP.search(s)


_BYLINE = patterns.compile(r"^by\s+(?-i:\p{Lu})[\w.'’-]*(?:\s+(?:(?-i:\p{Lu})[\w.'’-]*|and|&|,)){0,6}$", _R)


def _end_matter(line: Line) -> bool:
    """The article's own end matter, kept after a marker: a sentence (a tagline,
    'John Smith contributed reporting.'), a byline or a date stamp."""
    s = line.raw.strip()
    if line.block.kind in ("byline", "dateline"):
        return True
    if line.words >= 4 and _TERMINAL.search(s):
        return True
    return bool(_BYLINE.match(s) or _DATE_STAMP.search(s))


# "Parse.ly, December 11, 2014": a date stamp or attribution, not a headline.
_DATE_STAMP = patterns.compile(
    r"(?:^|,\s*)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}$"
    r"|^\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+\d{4}$",
    _R,
)


# HTML element signals: class/id tokens of the element that opened a block
# (and its ancestors when recorded) that name a widget, not the article.
_SIGNAL = patterns.compile(
    r"(?:^|[-_])(?P<sig>share|sharing|sharedaddy|social|socials|sociable|"
    r"related|relatedposts|jp-relatedposts|recirc|recirculation|more-stories|most-popular|popular|trending|recommended|"
    r"outbrain|taboola|"
    r"comment|comments|commentlist|comment-respond|respond|replies|disqus|"
    r"newsletter|subscribe|subscription|signup|"
    r"promo|sponsor|sponsored|advert|advertisement|ad|ads|adslot|ad-slot|dfp|"
    r"cookie|cookies|consent|gdpr|paywall|"
    r"breadcrumb|breadcrumbs|tags|tag-list|pagination|pager|nav)(?:$|[-_])",
    _R,
)
_SIGNAL_KIND = {
    "share": "share buttons", "sharing": "share buttons", "sharedaddy": "share buttons",
    "social": "social buttons", "socials": "social buttons", "sociable": "social buttons",
    "related": "a related-stories box", "relatedposts": "a related-stories box",
    "jp-relatedposts": "a related-stories box", "recirc": "a related-stories box",
    "recirculation": "a related-stories box", "more-stories": "a more-stories box",
    "most-popular": "a most-popular box", "popular": "a most-popular box", "trending": "a trending box",
    "recommended": "a recommendations box", "outbrain": "an Outbrain ad widget", "taboola": "a Taboola ad widget",
    "comment": "the comments", "comments": "the comments", "commentlist": "the comments",
    "comment-respond": "the comment form", "respond": "the comment form", "replies": "the comments",
    "disqus": "the Disqus comments", "newsletter": "a newsletter box", "subscribe": "a subscription box",
    "subscription": "a subscription box", "signup": "a sign-up box", "promo": "a promotion",
    "sponsor": "sponsored content", "sponsored": "sponsored content", "advert": "an advertisement",
    "advertisement": "an advertisement", "ad": "an advertisement", "ads": "an advertisement",
    "adslot": "an advertisement", "ad-slot": "an advertisement", "dfp": "an advertisement",
    "cookie": "a cookie banner", "cookies": "a cookie banner", "consent": "a consent banner",
    "gdpr": "a consent banner", "paywall": "a paywall", "breadcrumb": "a breadcrumb trail",
    "breadcrumbs": "a breadcrumb trail", "tags": "a tag list", "tag-list": "a tag list",
    "pagination": "page navigation", "pager": "page navigation", "nav": "navigation",
}


# Layout utilities that contain a signal word but name no widget.
_NOT_SIGNAL = frozenset(
    "pagination-centered pagination-left pagination-right pagination-large pagination-small "
    "nav-tabs nav-pills nav-stacked nav-justified ad-bg-color".split()
)
_PARTS = patterns.compile(r"[-_]+")


def _is_slug(token: str) -> bool:
    """An id made from a title ('debt-as-a-share-of-gdp'), not a widget's class."""
    parts = [p for p in _PARTS.split(token.casefold()) if p]
    return len(parts) >= 6 or (len(parts) >= 4 and any(p in STOPWORDS for p in parts))


def _signals(block: Block) -> list[tuple[str, str]]:
    """(token, signal) pairs of a block's element and recorded ancestors."""
    attrs = block.attrs or {}
    found = []
    for field in ("class", "id", "ancestors"):
        for token in (attrs.get(field) or "").split():
            if len(token) > 80 or token.casefold() in _NOT_SIGNAL:
                continue
            m = _SIGNAL.search(token)
            if m and not _is_slug(token):
                found.append((token, m.group("sig").lower()))
    return found


def analyse(document: Document) -> list[Finding]:
    """Every residue finding in the document (computed once, shared by the rules)."""
    cached = document.cache.get("boilerplate")
    if cached is not None:
        return cached
    lines = document_lines(document)
    n = len(lines)
    prose_at = [i for i, ln in enumerate(lines) if ln.prose]
    last_prose = prose_at[-1] if prose_at else -1
    found: list[Finding | None] = [None] * n

    # 1. Whole lines.
    for i, line in enumerate(lines):
        found[i] = _whole_line(line, i, last_prose)

    # Run-only strings (field labels, share buttons, cookie buttons): flag a
    # run of them when it has two or more members, or one next to a line of
    # the same rule already found.
    i = 0
    while i < n:
        rules_here = {e.rule for e in LINES.get(lines[i].key, ()) if e.where == "run"} if found[i] is None else set()
        if not rules_here:
            i += 1
            continue
        j = i
        while j < n and found[j] is None and rules_here & {e.rule for e in LINES.get(lines[j].key, ()) if e.where == "run"}:
            rules_here &= {e.rule for e in LINES.get(lines[j].key, ()) if e.where == "run"}
            j += 1
        rule = sorted(rules_here)[0]
        neighbour = any(0 <= k < n and found[k] is not None and found[k].rule == rule for k in (i - 1, j))
        if j - i >= (2 if rule != "BPL002" else 3) or neighbour:
            for k in range(i, j):
                what = next(e.what for e in LINES[lines[k].key] if e.rule == rule and e.where == "run")
                found[k] = Finding(rule, lines[k].start, lines[k].end,
                                   f"'{_quoted(lines[k].raw)}' is {what}, not article text.")
        i = max(j, i + 1)

    # 2. Credits, whole or at the end of a caption line.
    for i, line in enumerate(lines):
        if found[i] is None:
            found[i] = _credit(line)

    # 3. Lists under a related-stories heading.
    for i, line in enumerate(lines):
        f = found[i]
        if f is None or f.rule != "BPL003" or not f.marker or RELATED_ITEM.match(line.norm):
            continue
        heading = _quoted(line.raw).rstrip(":")
        for k in range(i + 1, min(n, i + 13)):
            if found[k] is not None or not _is_item(lines[k]):
                break
            found[k] = Finding("BPL003", lines[k].start, lines[k].end,
                               f"'{_quoted(lines[k].raw)}' is a link in the '{heading}' list, not article text.")

    # 4. Residue glued to the end of a line.
    for i, line in enumerate(lines):
        if found[i] is None:
            found[i] = _glued(line, i, last_prose)

    # 5. After an end-of-article marker with no prose after it, short
    #    non-prose lines are residue too.
    marker = next((i for i in range(last_prose + 1, n) if found[i] is not None and found[i].marker), None)
    if marker is not None:
        for k in range(marker + 1, n):
            ln = lines[k]
            if found[k] is None and not ln.prose and ln.words and not _end_matter(ln):
                found[k] = Finding("BPL010", ln.start, ln.end,
                                   f"'{_quoted(ln.raw)}' follows '{_quoted(lines[marker].raw)}', where the article "
                                   "ends and page residue begins.", severity=Severity.INFO)

    # 6. HTML element signals. A signal shared by much of the article is a
    #    container (a page whose body has class "has-comments"), not a widget.
    if document.format == "html":
        weight: dict[str, int] = {}
        total = 0
        sigs = []
        for line in lines:
            s = _signals(line.block)
            sigs.append(s)
            total += len(line.raw)
            for tok in {t for t, _ in s}:
                weight[tok] = weight.get(tok, 0) + len(line.raw)
        for i, line in enumerate(lines):
            if found[i] is not None or not sigs[i] or line.words == 0 or line.block.kind == "headline":
                continue
            useful = [(t, s) for t, s in sigs[i] if weight[t] <= 0.3 * total or weight[t] < 400]
            if not useful or (line.prose and line.words > 40):
                continue
            tok, sig = useful[0]
            found[i] = Finding("BPL007", line.start, line.end,
                               f"'{_quoted(line.raw)}' sits in an element marked '{tok}' ({_SIGNAL_KIND.get(sig, sig)}): "
                               "page residue, not article text.")

    result = [f for f in found if f is not None]
    document.cache["boilerplate"] = result
    return result


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


class Residue(Rule):
    """Reports this rule's share of the boilerplate analysis."""

    fixable = "unsafe"
    residue = True  # other rules' findings inside page residue are dropped

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per residue line (or span) classified as this rule's."""
        for f in analyse(document):
            if f.rule == self.id:
                yield self.violation(f.start, f.end, f.message, fix=Fix("", safe=False), severity=f.severity)


_SRC = "research/house-style-rules.md §4"
_WP = ("WordPress comment_form() defaults, src/wp-includes/comment-template.php, and "
       "wp_required_field_message() in general-template.php (WordPress/wordpress-develop)")
_JETPACK = ("Jetpack sharedaddy/sharing-service.php ('Share this:'), sharing-sources.php ('Click to share on %s', "
            "'(Opens in new window)'), likes.php ('Like this:'), related-posts/jetpack-related-posts.php ('Related')")
_TRAF = "trafilatura utils.py RE_FILTER and xpaths.py discard vocabularies (adbar/trafilatura)"
_READ = "Mozilla Readability REGEXPS (unlikelyCandidates, negative, shareElements)"
_BOILERPIPE = "boilerpipe TerminatingBlocksFinder (kohlschutter/boilerpipe)"
_JUSTEXT = "jusText core.py: a paragraph containing © is boilerplate (miso-belica/jusText)"

RULES = [
    Residue(
        id="BPL001",
        name="comment-form-residue",
        summary="Comment-form text ('Leave a Reply', 'Your email address will not be published.') is page residue.",
        rationale=(
            "Scraped and copied articles often end with the blog's comment form: its heading, the "
            "e-mail notice, the cookie-consent box, field labels, counters such as '12 Comments'. "
            "They are the page's, not the story's, and give away a scraped copy. Only whole lines "
            "are flagged: 'Leave a reply to the council by Friday, officials said.' is prose. Bare "
            "labels ('Name', 'Email') count only in a run of labels; a bare 'Comments' only after "
            "the last paragraph of the article."
        ),
        severity=Severity.ERROR,
        source=f"{_WP}; {_BOILERPIPE}; {_SRC} BP-CM-01 to BP-CM-10",
        examples=(
            Example(wrong="The talks ended on Friday.\n\nLeave a Reply\n\nYour email address will not be published.",
                    right="The talks ended on Friday."),
            Example(wrong="Save my name, email, and website in this browser for the next time I comment.",
                    right="Save your name and e-mail address in the form, the clerk said."),
            Example(wrong="The vote is next week.\n\n12 Comments",
                    right="Leave a reply to the council by Friday, officials said."),
            Example(wrong="The plan passed.\n\nName *\n\nEmail *\n\nWebsite",
                    right="The plan passed.\n\nName the date, the mayor said."),
        ),
    ),
    Residue(
        id="BPL002",
        name="share-follow-prompt",
        summary="Share buttons, like widgets, follow prompts and newsletter boxes are page residue.",
        rationale=(
            "Share bars ('Share this:', 'Facebook', 'Twitter', 'Click to share on Twitter (Opens in "
            "new window)'), like widgets ('Like Loading...'), 'Follow us on Twitter' and newsletter "
            "sign-up boxes come from the page around the article. A row of bare network names "
            "counts only as a row (three or more) or next to a share label; 'share prices fell' in "
            "a sentence is prose."
        ),
        severity=Severity.WARNING,
        source=f"{_JETPACK}; {_TRAF}; {_READ}; {_SRC} BP-SH, BP-NL",
        examples=(
            Example(wrong="The shares rose.\n\nShare this:\n\nFacebook\n\nTwitter",
                    right="The company's share prices fell 4% on Monday."),
            Example(wrong="Like this:\n\nLike Loading...", right="People like this park, the mayor said."),
            Example(wrong="Sign up for our daily newsletter to get the news in your inbox.",
                    right="More than 40,000 readers signed up for the newsletter last year, the editor said."),
            Example(wrong="Follow us on Twitter and Facebook.",
                    right="Facebook, Twitter and Instagram were all down on Monday."),
        ),
    ),
    Residue(
        id="BPL003",
        name="related-links-residue",
        summary="'Related posts', 'You may also like', 'Read more:' lists and next/previous links are page residue.",
        rationale=(
            "Recommendation widgets put links to other stories into the article's flow: a heading "
            "('Related posts', 'Most read', 'Read more:') and a list of headlines, or a one-line link "
            "('RELATED: …'). A scraper keeps them; they are not part of the story. Headline-like "
            "lines directly under such a heading are flagged as its list. 'Related charges were "
            "filed' is a sentence and is never flagged."
        ),
        severity=Severity.WARNING,
        source=f"{_JETPACK}; {_TRAF}; {_READ} (related, nextLink); {_SRC} BP-RL-01 to BP-RL-05",
        examples=(
            Example(wrong="The talks ended on Friday.\n\nRelated posts", right="Related charges were filed on Monday."),
            Example(wrong="RELATED: Five things to know about the budget",
                    right="Related: the budget vote was delayed, he said."),
            Example(wrong="The talks ended.\n\nYou may also like:\n\nFive things to know about the budget\n\nWhy the vote was delayed",
                    right="You may also like the new park, the mayor said."),
        ),
    ),
    Residue(
        id="BPL004",
        name="syndication-footer",
        summary="Copyright, licence and syndication footers ('This article originally appeared on …', "
                "'based on materials from …') are page residue.",
        rationale=(
            "Footers that say where a copy came from ('This article originally appeared on …', "
            "'Republished with permission from …', '© 2024 Example Media. All rights reserved.') "
            "belong to the page. Aggregators that copy stories add 'based on materials from …' "
            "(a translation of Russian 'по материалам …'); run through an article spinner it "
            "becomes 'based mostly on web site supplies'. The rule undoes the usual spun "
            "synonyms (web site, supplies, based mostly on) before matching."
        ),
        severity=Severity.WARNING,
        source=f"{_JUSTEXT}; {_BOILERPIPE} ('© reuters'); trafilatura metadata.py TEXT_LICENSE_REGEX; "
               f"{_SRC} BP-CR-01 to BP-CR-05, BP-CR-10, and §5.3 (based on → based mostly on, website → web site, "
               "materials → supplies)",
        examples=(
            Example(wrong="The talks ended.\n\nbased mostly on web site supplies",
                    right="The forecast is based mostly on satellite data from the agency."),
            Example(wrong="This article originally appeared on The Conversation.",
                    right="The story originally appeared to be a hoax, police said."),
            Example(wrong="© 2024 Example Media Group. All rights reserved.",
                    right="The band's copyright claim was rejected by the court in 2019."),
        ),
    ),
    Residue(
        id="BPL005",
        name="photo-credit-residue",
        summary="Photo, video and chart credits left in the text ('Name | Reuters', '(Photo by …/Getty Images)') "
                "are caption residue.",
        rationale=(
            "When a page is scraped, the caption and credit of each picture land in the body "
            "('Alexander Ermochenko | Reuters', 'JIM WATSON/AFP/Getty Images', '(AFP/Getty)', "
            "'Photo: Joseph Cox', 'Source: Reuters'), often glued to the caption without a space "
            "('January 14, 2022.Alexander Ermochenko | Reuters'). A bare '(AP)' or '(Reuters)' "
            "after a dateline is not a credit and is not flagged; nor is a credit inside a real "
            "caption element of an HTML page."
        ),
        severity=Severity.WARNING,
        source=f"{_SRC} BP-CR-06 to BP-CR-08 (Getty, AP and Reuters caption credit forms)",
        examples=(
            Example(wrong="Ukraine January 14, 2022.Alexander Ermochenko | Reuters",
                    right="KYIV, Ukraine (Reuters) - Troops massed on the border."),
            Example(wrong="Rescuers carry a body during the recovery operation (AFP/Getty)",
                    right="Rescuers carried a body during the recovery operation, AFP reported."),
            Example(wrong="Photo by Joan Bardeletti", right="The photo by Joan Bardeletti won a prize in 2015."),
            Example(wrong="The rocket is installed on a launch pad. (Oleg Urusov/Roscosmos photo via AP)",
                    right="The rocket was installed on a launch pad, Roscosmos said in a statement sent via AP."),
            Example(wrong="Isaac appears in a scene from the film. (AP Photo/A24 Films, Atsushi Nishijima)AP2014"),
        ),
    ),
    Residue(
        id="BPL006",
        name="glued-block-residue",
        summary="A label or headline glued to a sentence without a space ('…invading Ukraine?Defense') is "
                "scraper residue.",
        rationale=(
            "Scrapers that drop markup without adding a break join the last word of one block to "
            "the first of the next: 'Can harsh U.S. financial sanctions deter Russia from invading "
            "Ukraine?Defense' is a related-story link followed by the next link's section label. "
            "The rule looks for a sentence end followed directly by a capitalised label that ends "
            "the line; abbreviations, URLs and code (U.S.Army, example.Com, Math.Round) are left "
            "alone. When the line is a short headline of its own, the whole line is residue."
        ),
        severity=Severity.WARNING,
        source=f"{_SRC} (glued residue, reference article); boilerpipe and jusText block heuristics",
        examples=(
            Example(wrong="Can harsh U.S. financial sanctions deter Russia from invading Ukraine?Defense",
                    right="Can harsh U.S. financial sanctions deter Russia from invading Ukraine? Defense officials doubt it."),
            Example(wrong="The council approved the budget on a 5-2 vote on Tuesday.Politics",
                    right="The U.S.Army is written with a space after the period, the editor said."),
        ),
    ),
    Residue(
        id="BPL007",
        name="html-element-signal",
        summary="HTML text inside an element whose class or id marks a widget (share, related, comments, "
                "newsletter, ad) is page residue.",
        rationale=(
            "Boilerplate removers (Readability, trafilatura, newspaper) drop elements whose class "
            "or id names a widget: share bars, related-story boxes, comment threads, newsletter "
            "boxes, ads, cookie banners. Inside the article region, text in such an element is "
            "residue. Long prose paragraphs are not flagged, nor is a token shared by much of the "
            "article (a container such as 'post has-comments' wraps the story itself)."
        ),
        severity=Severity.WARNING,
        source=f"{_READ}; {_TRAF} (share, related, newsletter, ads, consent, comments); newspaper cleaners.py "
               f"remove_nodes_re; {_SRC} BP-HX",
        examples=(
            Example(wrong='<html><body><article><p>The talks ended on Friday after three days in Geneva, officials '
                          'said.</p><div class="share-tools"><p>Send to a friend</p></div></article></body></html>',
                    right='<html><body><article><p>The talks ended on Friday after three days in Geneva, officials '
                          'said.</p><div class="story-body"><p>Send a message to a friend, he said.</p></div>'
                          '</article></body></html>',
                    format="html", note="the signal is on an enclosing element (whole pages)"),
            Example(wrong='<article><p>The talks ended on Friday after three days in Geneva, officials said.</p>'
                          '<ul><li class="related-link">Five things to know about Geneva</li></ul></article>',
                    right='<article><p>The talks ended on Friday after three days in Geneva, officials said.</p>'
                          '<ul><li class="key-point">Five things to know about Geneva</li></ul></article>',
                    format="html"),
        ),
    ),
    Residue(
        id="BPL008",
        name="ad-paywall-cookie-residue",
        summary="Ad labels ('Advertisement'), paywall prompts and cookie banners are page residue.",
        rationale=(
            "Ad slots leave labels ('Advertisement', 'Story continues below advertisement') inside "
            "the article; paywalls leave 'Subscribe to continue reading' and meters; consent "
            "banners leave 'We use cookies …' and 'Accept all'. An article about cookies or "
            "advertising is not flagged: only the banner phrasing, as a whole line, counts."
        ),
        severity=Severity.WARNING,
        source=f"{_TRAF} (ads, premium, _COOKIE_CONSENT_RE); {_READ} (ad-break, sponsor); {_SRC} BP-AD, BP-NL-04, BP-RL-06",
        examples=(
            Example(wrong="The talks ended.\n\nAdvertisement\n\nThey resume next week.",
                    right="The advertisement ran in three newspapers."),
            Example(wrong="We use cookies to improve your experience. By continuing, you accept our cookie policy.",
                    right="The bakery uses cookies from a family recipe, the owner said."),
            Example(wrong="Subscribe to continue reading", right="Readers who subscribe get the print edition."),
        ),
    ),
    Residue(
        id="BPL009",
        name="page-navigation-residue",
        summary="Navigation and page chrome ('Skip to main content', 'Tags: …', 'Back to top', '5 min read') "
                "are page residue.",
        rationale=(
            "Skip links, breadcrumb trails, tag lists, reading-time labels, print and save buttons "
            "and loading placeholders come from the page's navigation, not the story."
        ),
        severity=Severity.WARNING,
        source=f"{_READ} (menu, breadcrumbs, extraneous); {_TRAF} (tags, breadcrumbs); newspaper bad_chunks; "
               f"{_SRC} BP-NV-01 to BP-NV-06",
        examples=(
            Example(wrong="Skip to main content", right="The ministry will skip the main content of the report."),
            Example(wrong="The talks ended.\n\nTags: Ukraine, Russia, diplomacy",
                    right="The tags on the luggage showed Ukraine, Russia and Poland."),
            Example(wrong="Home > News > World", right="Home news is what readers want, the editor said."),
        ),
    ),
    Residue(
        id="BPL010",
        name="after-article-residue",
        summary="Short non-prose lines after an end-of-article marker (a comment, share or related heading "
                "after the last paragraph) are page residue.",
        rationale=(
            "Boilerplate clusters: once a comment form, a share bar or a related-stories heading "
            "follows the article's last paragraph, what comes after it is page, not story "
            "(boilerpipe's terminating blocks). Lines after such a marker that are not prose "
            "(under 70 characters, or under 30% function words, as jusText judges) are flagged. "
            "If real prose follows the marker, the marker was not the end and nothing after it "
            "is flagged."
        ),
        severity=Severity.INFO,
        source=f"{_BOILERPIPE}; jusText doc/algorithm.rst (length and stop-word thresholds); {_SRC} BP-HX-01",
        examples=(
            Example(wrong="The talks ended on Friday after three days in Geneva, officials said on Saturday.\n\n"
                          "Comments\n\nJohn Smith 3 weeks ago",
                    right="The talks ended on Friday after three days in Geneva, officials said on Saturday.\n\n"
                          "John Smith contributed reporting."),
            Example(wrong="The talks ended on Friday after three days in Geneva, officials said on Saturday.\n\n"
                          "Leave a Reply\n\nPosted in World",
                    right="The talks ended on Friday after three days in Geneva, officials said on Saturday.\n\n"
                          "Comments\n\nThe comment period for the rule closes on Friday, and officials said they "
                          "expected thousands of submissions from the public."),
        ),
    ),
]
