"""The CommonMark spec's 655 examples: the prose is the text of the expected HTML.

Each example's Markdown is parsed; its prose must be the text a reader sees
in the spec's expected HTML, with what is not prose left out there too: code
(``<code>``, ``<pre>``), URLs (an autolink's text is its address), comments,
and the content of elements the HTML parser does not read as prose
(``<script>``, ``<del>`` …). Words are compared in order, whitespace
normalised (our blocks are separated by blank lines, the HTML's by tags).
Every character of the prose must also map to its source character.

The spec is in ``../shared/data/commonmark`` (not part of a clone: without
it these tests skip; tests/parsers/test_markdown.py covers every construct
on its own).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from markdown_check import check_invariant

from stylelint.parsers.markdown import parse

from conftest import SHARED, needs_shared

SPEC = SHARED / "data" / "commonmark" / "spec-0.31.2.txt"
_FENCE = "`" * 32


def _examples() -> list[tuple[int, str, str, str]]:
    """``(number, section, markdown, html)`` of every example, as spec_tests.py reads them."""
    if not SPEC.exists():
        return []
    examples = []
    section = ""
    state = 0  # 0 prose, 1 markdown, 2 html
    md: list[str] = []
    out: list[str] = []
    for line in SPEC.read_text(encoding="utf-8").splitlines(keepends=True):
        stripped = line.rstrip("\n")
        if state == 0:
            if stripped == _FENCE + " example":
                state, md, out = 1, [], []
            elif re.match(r"#+ ", stripped):
                section = stripped.lstrip("#").strip()
        elif stripped == _FENCE:
            examples.append((len(examples) + 1, section, "".join(md).replace("→", "\t"), "".join(out).replace("→", "\t")))
            state = 0
        elif state == 1 and stripped == ".":
            state = 2
        else:
            (md if state == 1 else out).append(line)
    return examples


EXAMPLES = _examples()

#: Elements whose content is not prose (as the HTML parser has them), and
#: those that separate words.
_NOT_PROSE = frozenset(
    "code pre script style textarea template del title head noscript svg math iframe"
    " object select option button".split()
)
_BREAKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre hr br table thead tbody tr td th"
    " figure figcaption caption section article aside header footer nav main address"
    " dl dt dd details summary form fieldset legend".split()
)


class _Prose(HTMLParser):
    """The prose of expected HTML: its text without code, URLs and markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")
        if tag in _NOT_PROSE:
            self.skip += 1
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _NOT_PROSE and self.skip:
            self.skip -= 1
        elif tag == "a" and self.links:
            href, at = self.links.pop()
            text = "".join(self.parts[at:])
            if text and unquote(href).removeprefix("mailto:") in (text, unquote(text)):
                del self.parts[at:]  # an autolink: its text is a URL
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def expected_prose(html: str) -> str:
    """The prose of ``html``, read as HTML5 reads it where the stdlib parser does not."""
    # HTML5: "<!-->" and "<!--->" are whole (empty) comments.
    html = html.replace("<!--->", "<!---->").replace("<!-->", "<!---->")
    p = _Prose()
    p.feed(html)
    if not p.rawdata.startswith("<"):
        p.close()
    # else HTML5 drops a tag the end of the input cuts off; the stdlib gives its text.
    return " ".join("".join(p.parts).split())


#: Examples whose prose differs from the HTML's by design, and why.
BY_DESIGN = {
    # A Markdown paragraph between two HTML blocks is prose, whatever raw
    # element the first one leaves open (a <pre>, a <del>): each HTML block is
    # read on its own.
    148: "a paragraph inside a raw <pre>",
    168: "a paragraph inside a raw <del>",
    # Bare URLs are not prose: GFM links them (http://, https://, ftp://,
    # www.), CommonMark leaves them as text.
    604: "a bare URL inside <…> that is no autolink",
    610: "a bare URL inside < … >",
    613: "a bare URL",
}


@needs_shared("data", "commonmark")
def test_the_spec_has_655_examples():
    assert len(EXAMPLES) == 655


@needs_shared("data", "commonmark")
@pytest.mark.parametrize("number,section,md,html", EXAMPLES, ids=[f"{n}-{s}" for n, s, _, _ in EXAMPLES])
def test_example(number, section, md, html):
    doc = parse(md)
    check_invariant(doc, words=False)
    got = " ".join(doc.text.split())
    want = expected_prose(html)
    if number in BY_DESIGN:
        assert got != want, "no longer differs: take it off BY_DESIGN"
        return
    assert got == want
