"""Patterns that can take exponential time are refused when a config loads."""

from __future__ import annotations

import pytest

from stylelint.rule.backtracking import exponential_shape


@pytest.mark.parametrize("pattern", [
    r"(a|a)+$", r"(a+)+$", r"(a*)*b", r"(\w+\s?)+$", r"^(\s*\w+)*!", r"(?:x|xx)+y",
    r"(.*)*q", r"((ab)+)+c", r"(?:[a-z]+ ?)+\.", r"(?i)(\d+)*x",
])
def test_exponential_shapes_are_named(pattern):
    assert exponential_shape(pattern) is not None


@pytest.mark.parametrize("pattern", [
    r"\birregardless\b", r"(\d+,)+\d+", r"(?:cat|car)+", r"(?:Mr|Mrs|Ms)\. [A-Z]\w+",
    r"\b\d{1,2}(?:st|nd|rd|th)\b", r"(a|b)+c", r"(?:\w+-)+\w+", r"[A-Z][a-z]+(?: [A-Z][a-z]+)*",
    r"(\d|\s)+x", r"(?>a+)+b",
    r"\p{Lu}\w+",  # regex-only syntax: not judged (the time limit applies)
])
def test_ordinary_patterns_pass(pattern):
    assert exponential_shape(pattern) is None
