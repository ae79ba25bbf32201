"""Code-point offsets to UTF-16 and UTF-8 code units and back, for clients in other languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stylelint.model.units import CodeUnits

CODECS = {"utf-16": "utf-16-le", "utf-8": "utf-8", "utf-32": "utf-32-le"}
UNIT_BYTES = {"utf-16": 2, "utf-8": 1, "utf-32": 4}


def units_by_codec(text: str, offset: int, encoding: str) -> int:
    return len(text[:offset].encode(CODECS[encoding], "surrogatepass")) // UNIT_BYTES[encoding]


def test_emoji_and_combining_accent_before_a_word():
    text = "Caf\u0065\u0301 \U0001F600 said"  # e + combining acute, then an emoji (two UTF-16 units)
    units = CodeUnits(text)
    said = text.index("said")
    assert said == 8
    assert units.to_units(said, "utf-16") == 9
    assert units.to_units(said, "utf-8") == len(text[:said].encode("utf-8")) == 12
    assert units.to_units(said, "utf-32") == 8
    assert units.from_units(9, "utf-16") == said
    assert units.from_units(12, "utf-8") == said
    # A unit inside the emoji maps to the emoji itself.
    emoji = text.index("\U0001F600")
    assert units.from_units(units.to_units(emoji) + 1, "utf-16") == emoji


def test_unknown_encoding_is_an_error():
    with pytest.raises(ValueError, match="unknown encoding 'utf-7'"):
        CodeUnits("x\u00e9").to_units(1, "utf-7")


@given(st.text(), st.data())
def test_round_trip_agrees_with_the_codecs(text, data):
    units = CodeUnits(text)
    for encoding in CODECS:
        offset = data.draw(st.integers(0, len(text)))
        u = units.to_units(offset, encoding)
        assert u == units_by_codec(text, offset, encoding)
        assert units.from_units(u, encoding) == offset
    assert units.to_units(len(text) + 5) == units_by_codec(text, len(text), "utf-16")  # clamped
