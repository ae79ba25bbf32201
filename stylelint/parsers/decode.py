"""Reading article files: decoding, size limits and binary detection.

Every problem becomes an :class:`InputError` whose message is one line the
user can act on; the caller reports it and goes on with the other files.
"""

from __future__ import annotations

import codecs
import os
import re
import stat

import webencodings

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The <meta> prescan, as browsers run it on a page's first bytes: a charset
# attribute, or http-equiv content="text/html; charset=…".
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([^\s"'>;/]+)""", re.I)
# "Get an XML encoding" (HTML's sniffing, after the prescan found nothing).
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding[\x00-\x20]*=[\x00-\x20]*(["'])([^\x00-\x20"'>]*)\1""")
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|p|div)\b", re.I)
# BOM-less UTF-16 whose first characters are "<?x" (HTML's prescan, step 2).
_UTF16_XML = ((b"<\x00?\x00x\x00", "utf-16-le"), (b"\x00<\x00?\x00x", "utf-16-be"))


class InputError(Exception):
    """A file that cannot be linted; ``str()`` is the one-line reason."""


def detect_bom(data: bytes) -> tuple[str | None, str]:
    """The encoding a byte-order mark names (or None) and its codec name."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, name
    return None, "utf-8"


def declared_encoding(data: bytes) -> tuple[str | None, str | None, list[str]]:
    """The encoding an HTML page's first bytes declare, as a browser reads them.

    Returns ``(codec, label, ignored)``: the Python codec of the WHATWG
    encoding the first usable ``<meta>`` charset (else the XML declaration)
    names, and that label, or None twice; and the labels passed over because the WHATWG Encoding Standard does not
    know them. A browser skips such a label (``utf-7``, ``cp850``, ``base64``
    …): "get an encoding" fails and the prescan goes on to the next ``<meta>``,
    so a page cannot talk the decoder into UTF-7, where ``+ADw-script+AD4-``
    is markup, or into a Python-only codec. UTF-16 declared inside a byte
    stream (which has no BOM, or it would not get here) is read as UTF-8, and
    x-user-defined as windows-1252, as the HTML standard says. Labels of the
    ``replacement`` encoding (``iso-2022-kr``, ``hz-gb-2312`` …) return
    ``"replacement"``: a browser shows the whole page as one U+FFFD.
    """
    head = data[:8192]
    ignored: list[str] = []
    labels = [m.group(1) for m in _META_CHARSET.finditer(head)]
    if data.startswith(b"<?xml"):
        m = _XML_ENCODING.match(head)
        if m:
            labels.append(m.group(2))
    for raw in labels:
        label = raw.decode("latin-1")
        enc = webencodings.lookup(label)
        if enc is None:
            ignored.append(label)
            continue
        if enc.name in ("utf-16le", "utf-16be"):
            return "utf-8", label, ignored
        if enc.name == "x-user-defined":
            return "cp1252", label, ignored
        if enc.name == "replacement":
            return "replacement", label, ignored
        return enc.codec_info.name, label, ignored
    return None, None, ignored


def decode(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode article bytes; returns ``(text, encoding)``.

    UTF-8 (with or without BOM), UTF-16/32 by BOM; for HTML, BOM-less UTF-16
    that starts with an XML declaration, and the charset its ``<meta>`` (or
    XML declaration) declares when the bytes are not UTF-8, by the WHATWG
    labels browsers know (see :func:`declared_encoding`). Anything else is an
    :class:`InputError` naming the first undecodable byte's offset.
    """
    bom, codec = detect_bom(data)
    if bom:
        try:
            return data.decode(codec), bom
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {bom} despite its byte-order mark (byte {exc.start})") from None
    if html:
        for prefix, name in _UTF16_XML:
            if data.startswith(prefix):
                try:
                    return data.decode(name), name
                except UnicodeDecodeError as exc:
                    raise InputError(f"not valid {name.upper()} as its first bytes say (byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), skipped")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared, label, ignored = None, None, []
    if html or _HTML_SNIFF.search(data[:4096]):
        declared, label, ignored = declared_encoding(data)
        if declared == "replacement":
            raise InputError(
                f"declares charset {label!r}, which browsers refuse to decode (the WHATWG"
                " encoding standard maps it to 'replacement'); save the file as UTF-8"
            )
        if declared is not None and declared != "utf-8":
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {label} as the page declares (byte {exc.start})") from None
    snippet = data[first_bad : first_bad + 4].hex(" ")
    why = f"not valid UTF-8 at byte {first_bad} ({snippet})"
    if declared == "utf-8" and webencodings.lookup(label or "").name != "utf-8":
        why += f"; its declared charset {label!r} is read as UTF-8, as browsers read it without a byte-order mark"
    elif ignored:
        why += f"; its declared charset {ignored[0]!r} is not one browsers know, so it is ignored"
    raise InputError(f"{why}; save the file as UTF-8")


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
