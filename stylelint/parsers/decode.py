"""Reading article files: decoding, size limits and binary detection.

Every problem becomes an :class:`InputError` whose message is one line the
user can act on; the caller reports it and goes on with the other files.
"""

from __future__ import annotations

import codecs
import os
import re
import stat

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


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_regular(st: os.stat_result) -> InputError:
    kind = next((name for test, name in _KINDS if test(st.st_mode)), "a special file")
    return InputError(f"is {kind}, not a regular file; skipped")


def open_regular(path: str) -> tuple[int, os.stat_result]:
    """Open a regular file for reading: ``(fd, its stat)``; the caller closes ``fd``.

    Anything else (a FIFO, a socket, a device, a folder) is an
    :class:`InputError`: reading a FIFO or a terminal blocks forever and a
    device never ends. It is refused by its stat, before any open (opening
    some devices has effects), and checked again on the open descriptor,
    which ``O_NONBLOCK`` keeps from blocking if the name was swapped for a
    FIFO in between.
    """
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(st)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise _not_regular(st)
    return fd, st


def read_article(path: str, max_size: int) -> tuple[str, str]:
    """Read and decode one file; returns ``(text, encoding)``."""
    fd, st = open_regular(path)
    with os.fdopen(fd, "rb") as fh:
        if st.st_size > max_size:
            raise InputError(
                f"file is {st.st_size:,} bytes, over the {max_size:,}-byte limit (max_file_size), skipped"
            )
        try:
            data = fh.read(max_size + 1)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_size:
        raise InputError(f"file grew past the {max_size:,}-byte limit (max_file_size), skipped")
    lower = path.lower()
    return decode(data, html=lower.endswith((".html", ".htm", ".xhtml")))
