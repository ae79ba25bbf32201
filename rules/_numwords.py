"""Number words and sentence starts, shared by the NUM and DAT rules.

- :func:`words_to_int` and :func:`int_to_words` convert between figures and
  the words news style spells out ("twenty-five" <-> 25).
- :func:`sentence_start` tells whether a position opens a sentence, which
  decides whether a number must be spelled out (AP) and whether a
  capitalized word is a name or just the first word.
"""

from __future__ import annotations

from stylelint.rule import patterns

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
TEEN_ORDINALS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                 "seventeenth", "eighteenth", "nineteenth")
TENS_ORDINALS = ("", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                 "eightieth", "ninetieth")

WORD_VALUE: dict[str, int] = {w: n for n, w in enumerate(ONES)}
WORD_VALUE.update({w: n + 10 for n, w in enumerate(TEENS)})
WORD_VALUE.update({w: n * 10 for n, w in enumerate(TENS) if w})
ORDINAL_VALUE: dict[str, int] = {w: n for n, w in enumerate(ORDINALS) if n}
ORDINAL_VALUE.update({w: n + 10 for n, w in enumerate(TEEN_ORDINALS)})
ORDINAL_VALUE.update({w: n * 10 for n, w in enumerate(TENS_ORDINALS) if w})

ONES_RE = "|".join(ONES[1:])
TEENS_RE = "|".join(TEENS)
TENS_RE = "|".join(t for t in TENS if t)
SCALES = {"hundred": 100, "thousand": 1000}
_SEPARATORS = patterns.compile(r"[\s\-‐‑]+")


def words_to_int(phrase: str) -> int | None:
    """The value of a spelled-out number up to 999,999, or None.

    Accepts "twelve", "twenty-five", "twenty five", "one hundred",
    "three hundred and twenty", "ten thousand", "forty-five thousand";
    rejects sequences that are not one number ("one two three",
    "fifty-fifty", "twenty twenty").
    """
    words = [w for w in _SEPARATORS.split(phrase.casefold()) if w]
    if not words:
        return None
    total = 0      # completed thousands
    current = 0    # the part below a thousand
    last = None    # kind of the previous word: ones, teens, tens, hundred, thousand, and
    for w in words:
        if w == "and":
            if last not in ("hundred", "thousand"):
                return None
            last = "and"
            continue
        if w in WORD_VALUE:
            v = WORD_VALUE[w]
            kind = "ones" if v < 10 else "teens" if v < 20 else "tens"
            if last in ("ones", "teens") or (last == "tens" and kind != "ones"):
                return None
            if last in ("hundred", "and") and current % 100:
                return None
            current += v
            last = kind
        elif w == "hundred":
            if last not in ("ones", "teens", "tens") or current >= 100:
                return None
            current *= 100
            last = "hundred"
        elif w == "thousand":
            if last not in ("ones", "teens", "tens", "hundred") or total:
                return None
            total = current * 1000
            current = 0
            last = "thousand"
        else:
            return None
    if last == "and":
        return None
    return total + current


def int_to_words(n: int) -> str | None:
    """0 to 99 in words ("twenty-five"), else None."""
    if 0 <= n < 10:
        return ONES[n]
    if 10 <= n < 20:
        return TEENS[n - 10]
    if 20 <= n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    return None


def ordinal_words(n: int) -> str | None:
    """1 to 99 as an ordinal word ("first", "twenty-first"), else None."""
    if 1 <= n < 10:
        return ORDINALS[n]
    if 10 <= n < 20:
        return TEEN_ORDINALS[n - 10]
    if 20 <= n < 100:
        tens, ones = divmod(n, 10)
        return TENS_ORDINALS[tens] if not ones else f"{TENS[tens]}-{ORDINALS[ones]}"
    return None


def ordinal_figure(n: int) -> str:
    """21 -> "21st", 12 -> "12th"."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def capitalize(word: str) -> str:
    """First letter upper-case, the rest untouched."""
    return word[:1].upper() + word[1:]


# Abbreviations whose period does not end a sentence ("No. 3", "Dec. 7").
_NON_FINAL = frozenset(
    """no nos vol vols p pp fig figs art arts sec secs ch chap ex eq approx ca est rte hwy ave st rd blvd
    mr mrs ms dr gen col lt sgt capt gov sen rep prof rev fr vs v inc corp co ltd jr sr
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m u.s u.k u.n e.g i.e etc al""".split()
)
_PREV_WORD = patterns.compile(r"([\w.]+)\.\Z")
_OPENERS = "\"'“‘([{«*_"


def sentence_start(text: str, i: int, block_start: int) -> bool:
    """True when ``text[i]`` opens a sentence.

    A sentence opens at the start of a block, after a line break that
    follows sentence-ending punctuation, or after ``.``, ``!`` or ``?`` (and
    any closing quotes or brackets) and a space, unless the period belongs
    to an abbreviation such as "No." or "Dec.". Opening quotes and brackets
    before ``i`` are skipped.
    """
    j = i
    while j > block_start and text[j - 1] in _OPENERS:
        j -= 1
    if j <= block_start:
        return True
    k = j
    while k > block_start and text[k - 1] in " \t\u00a0":
        k -= 1
    if k <= block_start:
        return True
    if text[k - 1] == "\n":
        # A new line inside a paragraph: a sentence start only if the line
        # before ended one.
        m = k - 1
        while m > block_start and text[m - 1] in " \t\r\n":
            m -= 1
        return m <= block_start or text[m - 1] in ".!?\"”’)"
    if k == j:
        return False  # no space: "3.5", "U.S.5"
    m = k
    while m > block_start and text[m - 1] in "\"'”’)]»":
        m -= 1
    if m <= block_start:
        return False
    c = text[m - 1]
    if c in "!?":
        return True
    if c == "…" or (c == "." and m - 1 > block_start and text[m - 2] == "."):
        return False  # an ellipsis carries the sentence on
    if c != ".":
        return False
    w = _PREV_WORD.search(text, max(block_start, m - 12), m)
    if w:
        word = w.group(1).casefold()
        if word in _NON_FINAL or (len(word) == 1 and word.isalpha()):
            return False
    return True
