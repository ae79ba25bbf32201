"""Decoding article bytes: declared charsets are read as browsers read them.

The WHATWG Encoding Standard lists the labels browsers know; a label it does
not list (UTF-7 above all, whose ``+ADw-script+AD4-`` is ``<script>``) is
skipped as a browser skips it, and labels of its ``replacement`` encoding
are refused.
"""

from __future__ import annotations

import pytest
import webencodings

from stylelint.parsers.decode import InputError, decode
from stylelint.parsers.html import parse

SMUGGLED = b"+ADw-script+AD4-alert(1)+ADw-/script+AD4-"


def _error(data: bytes) -> str:
    with pytest.raises(InputError) as info:
        decode(data, html=True)
    msg = str(info.value)
    assert "\n" not in msg
    return msg


@pytest.mark.parametrize("label", ["utf-7", "UTF-7", "unicode-1-1-utf-7", "csUnicode11UTF7"])
def test_utf7_declaration_is_ignored(label: str) -> None:
    # ASCII bytes: UTF-8, as a browser falls back; the "script" stays prose.
    text, enc = decode(b'<meta charset="' + label.encode() + b'"><p>' + SMUGGLED + b"</p>", html=True)
    assert enc == "utf-8"
    assert "+ADw-script+AD4-" in parse(text).text
    # Bytes that are not UTF-8: the label is passed over, not used.
    msg = _error(b'<meta charset="' + label.encode() + b'"><p>caf\xe9</p>')
    assert msg.startswith("not valid UTF-8 at byte ") and f"{label!r} is not one browsers know" in msg


def test_utf7_in_an_xml_declaration_is_ignored() -> None:
    assert "'utf-7'" in _error(b'<?xml version="1.0" encoding="utf-7"?><p>caf\xe9</p>')
    assert decode(b"<?xml version='1.0' encoding='iso-8859-2'?><p>\xb1</p>", html=True) == (
        "<?xml version='1.0' encoding='iso-8859-2'?><p>\u0105</p>",
        "iso8859-2",
    )


def test_prescan_goes_on_past_an_unknown_label() -> None:
    data = b'<meta charset="utf-7"><meta charset="windows-1252"><p>caf\xe9</p>'
    assert decode(data, html=True)[0].endswith("caf\u00e9</p>")


@pytest.mark.parametrize(
    "label", ["replacement", "iso-2022-kr", "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext"]
)
def test_replacement_labels_are_refused(label: str) -> None:
    msg = _error(b'<meta charset="' + label.encode() + b'"><p>caf\xe9</p>')
    assert f"{label!r}" in msg and "refuse" in msg


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be", "unicode", "ucs-2"])
def test_utf16_declared_in_a_byte_stream_is_utf8(label: str) -> None:
    # No BOM: browsers read the page as UTF-8 (HTML prescan), not as UTF-16.
    text, enc = decode(b'<meta charset="' + label.encode() + b'"><p>caf\xc3\xa9</p>', html=True)
    assert enc == "utf-8" and text.endswith("caf\u00e9</p>")
    assert "read as UTF-8" in _error(b'<meta charset="' + label.encode() + b'"><p>caf\xe9</p>')


def test_latin1_ascii_and_x_user_defined_are_windows_1252() -> None:
    for label in (b"latin1", b"iso-8859-1", b"us-ascii", b"x-user-defined"):
        text, enc = decode(b"<meta charset=" + label + b"><p>\x93caf\xe9\x94</p>", html=True)
        assert enc == "cp1252" and text.endswith("\u201ccaf\u00e9\u201d</p>"), label


def test_http_equiv_content_type() -> None:
    data = b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>\x82\xa0</p>'
    assert decode(data, html=True) == (data[:-6].decode("ascii") + "\u3042</p>", "cp932")


@pytest.mark.parametrize("label", ["base64", "unicode_escape", "rot13", "cp850", "utf-32", "idna", "mbcs"])
def test_python_only_codecs_are_not_labels(label: str) -> None:
    # Python knows these; browsers do not, and base64 once raised LookupError.
    msg = _error(b'<meta charset="' + label.encode() + b'"><p>caf\xe9 \\u0041</p>')
    assert f"{label!r} is not one browsers know" in msg


def test_every_whatwg_label_decodes_or_is_one_error() -> None:
    for label in webencodings.LABELS:
        data = b'<meta charset="' + label.encode() + b'"><p>caf\xe9 \x93ok\x94 \xa4</p>'
        try:
            text, enc = decode(data, html=True)
        except InputError as exc:
            assert "\n" not in str(exc)
        else:
            assert text.startswith(f'<meta charset="{label}"><p>') and enc, label


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_with_an_xml_declaration(codec: str) -> None:
    source = '<?xml version="1.0"?><html><body><p>caf\u00e9</p></body></html>'
    assert decode(source.encode(codec), html=True) == (source, codec)
    with pytest.raises(InputError, match="binary file"):  # only HTML is sniffed so
        decode(source.encode(codec))


def test_undecodable_text_file_is_one_error() -> None:
    # Not HTML: no declaration is looked for, and the error is the plain one.
    with pytest.raises(InputError, match=r"^not valid UTF-8 at byte 2 \(ed a0 80\); save the file as UTF-8$"):
        decode(b"a \xed\xa0\x80")
