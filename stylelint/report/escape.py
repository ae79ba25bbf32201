"""Text from articles, file names and plugins made safe for terminals, logs and UTF-8 files.

An article, a file name or an exception message can hold anything: a newline
that would split one finding over two lines (and let a file name forge a
finding), an escape sequence that recolours a terminal, a bidirectional
override that reorders what a reviewer reads, a byte that is not UTF-8.
Every line-oriented output passes its text through :func:`printable`.
"""

from __future__ import annotations

import re

# Control characters (C0, DEL, C1), line and paragraph separators, the
# bidirectional controls that reorder how a line displays, lone surrogates,
# and the two noncharacters XML refuses.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def _escape(m: re.Match[str]) -> str:
    o = ord(m.group())
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def printable(text: str) -> str:
    """``text`` on one line with every control character written as a visible escape (``\\x1b``, ``\\u202e``).

    Lone surrogates (the undecodable bytes of a file name) become ``\\udcXX``.
    Text without such characters comes back as it is.
    """
    return _UNPRINTABLE.sub(_escape, text)


def escape_undecodable(text: str) -> str:
    """``text`` with lone surrogates written as ``\\udcXX`` escapes.

    A file name that is not UTF-8 reaches Python with its odd bytes as lone
    surrogates, which no UTF-8 stream or XML document takes. As escapes they
    still say which bytes the name has, and in JSON they read back the same.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text
