"""The shared phrase matcher: tokens, boundaries, case, cost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stylelint.rule.matcher import (
    _TOKEN,
    PhraseEntry,
    PhraseMatcher,
    compile_matcher,
    normalize,
    tokenize,
    words,
)


def found(phrases, text, **kw):
    m = PhraseMatcher(PhraseEntry("R", p, p, **kw) for p in phrases)
    return [(text[x.start : x.end], x.entry.payload) for x in m.scan(text)]


def test_multiword_across_spaces_and_one_newline():
    assert found(["conference call"], "a conference\ncall and a conference  call") == [
        ("conference\ncall", "conference call"),
        ("conference  call", "conference call"),
    ]


def test_never_across_paragraph_break():
    assert found(["conference call"], "conference\n\ncall") == []


def test_case_insensitive_by_default_and_sensitive_on_request():
    assert found(["Kiev"], "KIEV kiev Kiev") == [("KIEV", "Kiev"), ("kiev", "Kiev"), ("Kiev", "Kiev")]
    assert found(["Kiev"], "KIEV kiev Kiev", case_sensitive=True) == [("Kiev", "Kiev")]


def test_hyphenated_compounds_are_not_split():
    assert found(["informed"], "well-informed residents") == []
    assert found(["build"], "build-up") == []
    assert found(["build-up"], "a build-up of troops") == [("build-up", "build-up")]


def test_possessive_matches_stem_and_apostrophes_fold():
    assert found(["Kiev"], "Kiev's mayor and Kiev’s council") == [("Kiev", "Kiev"), ("Kiev", "Kiev")]
    assert found(["don't"], "I don’t know") == [("don’t", "don't")]


def test_word_inside_contraction_does_not_match():
    assert found(["won"], "it won't") == []


def test_overlapping_phrases_all_reported():
    got = found(["army build-up", "build-up"], "the army build-up")
    assert ("army build-up", "army build-up") in got and ("build-up", "build-up") in got


def test_index_size_does_not_change_results():
    small = found(["conference call"], "a conference call")
    big = PhraseMatcher(
        [PhraseEntry("R", "conference call", "conference call")]
        + [PhraseEntry("R", f"word{i} other{i}", None) for i in range(20000)]
    )
    text = "a conference call"
    assert [(text[x.start : x.end], x.entry.payload) for x in big.scan(text)] == small
    assert len(big) == 20001


def test_compile_matcher_reuses_by_key():
    a = compile_matcher(("k", 1), [PhraseEntry("R", "x y")])
    b = compile_matcher(("k", 1), [PhraseEntry("R", "never built")])
    assert a is b


def test_tokenize_keeps_offsets():
    text = "U.S. officials’ “plan”"
    for tok, s, e in tokenize(text):
        assert text[s:e].replace("’", "'").casefold() == tok


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9_ '’‘ʼ.-\n\tİß—é\u0301😀")), max_size=60))
def test_tokenize_is_the_token_pattern_on_folded_text(text):
    """The split-based fast path gives exactly what matching the token pattern would."""
    folded = normalize(text)
    if len(folded) == len(text):
        expected = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]
    else:
        expected = [(normalize(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    assert tokenize(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9_ '’ʼ.-İß")), max_size=30))
def test_words_are_the_tokens_without_offsets(text):
    assert words(text) == tuple(t for t, _, _ in tokenize(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9_ '’.-\n\té😀İß")), max_size=120), st.integers(1, 9))
def test_tokenize_in_pieces_is_tokenize_whole(text, chunk):
    """Cut at white space every few characters, the tokens are the same.

    (Not with a final sigma: "Z.Σ" folds to "z.ς" as a whole but "σ" token by
    token, the path taken where some character changes length when lowered;
    pieces take that path only where such a character is.)
    """
    whole = tokenize(text, chunk=len(text) + 1)
    assert tokenize(text, chunk=chunk) == whole
    assert list(whole) == [whole[i] for i in range(len(whole))] == whole[:]


def test_tokens_take_a_few_bytes_each():
    # Counted with tracemalloc, not timed: a list of (str, int, int) tuples
    # took about 186 bytes a token (250 at its peak); Tokens about 17 (34).
    import tracemalloc

    text = "The mayor’s office said on Tuesday that 12 people had claimed the prize. " * 15000
    tracemalloc.start()
    try:
        toks = tokenize(text)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(toks) == 210000
    assert kept < 40 * len(toks) and peak < 80 * len(toks), (kept / len(toks), peak / len(toks))
