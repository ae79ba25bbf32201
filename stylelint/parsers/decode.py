"""Reading article files: decoding, size limits and binary detection.

Every problem becomes an :class:`InputError` whose message is one line the
user can act on; the caller reports it and goes on with the other files.
"""

from __future__ import annotations

import codecs
import os
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|p|div)\b", re.I)


class InputError(Exception):
    """A file that cannot be linted; ``str()`` is the one-line reason."""


def detect_bom(data: bytes) -> tuple[str | None, str]:
    """The encoding a byte-order mark names (or None) and its codec name."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, name
    return None, "utf-8"


def decode(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode article bytes; returns ``(text, encoding)``.

    UTF-8 (with or without BOM), UTF-16/32 by BOM; for HTML, the charset its
    ``<meta>`` declares when the bytes are not UTF-8. Anything else is an
    :class:`InputError` naming the first undecodable byte's offset.
    """
    bom, codec = detect_bom(data)
    if bom:
        try:
            return data.decode(codec), bom
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {bom} despite its byte-order mark (byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), skipped")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if html or _HTML_SNIFF.search(data[:4096]):
        m = _META_CHARSET.search(data[:8192])
        if m:
            declared = m.group(1).decode("ascii", "replace").lower()
            try:
                codecs.lookup(declared)
            except LookupError:
                raise InputError(f"declares unknown charset {declared!r}") from None
            if codecs.lookup(declared).name != "utf-8":
                try:
                    # Browsers read latin-1 labels as windows-1252; so do we.
                    if codecs.lookup(declared).name in ("latin-1", "iso8859-1", "ascii"):
                        declared = "cp1252"
                    return data.decode(declared), declared
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"not valid {declared} as its <meta> declares (byte {exc.start})"
                    ) from None
    snippet = data[first_bad : first_bad + 4].hex(" ")
    raise InputError(
        f"not valid UTF-8 at byte {first_bad} ({snippet}); save the file as UTF-8"
    )


def read_article(path: str, max_size: int) -> tuple[str, str]:
    """Read and decode one file; returns ``(text, encoding)``."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if size > max_size:
        raise InputError(
            f"file is {size:,} bytes, over the {max_size:,}-byte limit (max_file_size), skipped"
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_size + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_size:
        raise InputError(f"file grew past the {max_size:,}-byte limit (max_file_size), skipped")
    lower = path.lower()
    return decode(data, html=lower.endswith((".html", ".htm", ".xhtml")))
