"""BPL (scraped boilerplate): what the documented examples cannot express.

- the reference article's exact set of findings;
- prose that merely contains boilerplate words is never flagged;
- spun variants of the aggregator footer, glued residue, run-only labels,
  the end-of-article marker, HTML element signals;
- the false-positive rate on the clean corpus texts (skipped without corpus).
"""

from __future__ import annotations

from collections import Counter

import pytest

from stylelint.rule.testing import lint
from stylelint_rules import boilerplate

from conftest import REFERENCE, corpus_files, needs_corpus

RULES = boilerplate.RULES
PROSE = (
    "The talks ended on Friday after three days of meetings in Geneva, officials said on Saturday, "
    "and both sides agreed to meet again next month."
)


def found(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    return [(v.rule_id, v.match) for v in lint(text, RULES, input_format=fmt)]


def test_rule_ids_and_severities():
    sev = {r.id: str(r.severity) for r in RULES}
    assert sev["BPL001"] == "error"
    assert sev["BPL010"] == "info"
    assert all(r.fixable == "unsafe" for r in RULES)


def test_reference_article_exact_findings():
    text = REFERENCE.read_text(encoding="utf-8")
    got = found(text)
    assert got == [
        ("BPL005", "Alexander Ermochenko | Reuters"),
        ("BPL006", "Can harsh U.S. financial sanctions deter Russia from invading Ukraine?Defense"),
        ("BPL004", "based mostly on web site supplies"),
        ("BPL003", "Related posts"),
        ("BPL001", "Leave a Reply"),
        ("BPL001", "Your email address will not be published."),
    ]


def test_reference_article_fix_deletes_the_residue():
    text = REFERENCE.read_text(encoding="utf-8")
    for v in lint(text, RULES):
        assert v.fix is not None and v.fix.replacement == "" and not v.fix.safe


@pytest.mark.parametrize(
    "line",
    [
        "Related charges were filed on Monday.",
        "Share prices fell 4% on the news.",
        "share prices fell",
        "Leave a reply to the council by Friday, officials said.",
        "Leave a reply to the council",
        "Comments from the public are due Friday.",
        "Subscribe to the idea that less is more, she said.",
        "The advertisement ran in three newspapers.",
        "We use cookies, the baker said, from a family recipe in every batch of the bread we sell.",
        "Tags on the luggage showed the route.",
        "The story originally appeared to be a hoax, police said.",
        "Based on information from the police, the suspect fled north.",
        "The forecast is based mostly on satellite data from the agency.",
        "Credit Suisse shares fell",
        "Source close to the investigation",
        "Via Rail strike ends",
        "Next, the committee will vote.",
        "Read more about the project on our website.",
        "(c) the applicant must file by June 1",
        "This isn't supposed to be a manifesto™© we just think it's cool.",
    ],
)
def test_prose_is_not_boilerplate(line):
    # Both mid-article and at the tail, where tail-only patterns apply.
    assert found(f"{PROSE}\n\n{line}\n\n{PROSE}") == []
    assert found(f"{PROSE}\n\n{line}") == []


@pytest.mark.parametrize(
    "line",
    [
        "based mostly on web site supplies",
        "Based on materials from RIA Novosti",
        "based totally on web page supplies",
        "primarily based on website materials",
        "Based upon site materials.",
        "According to materials of the website",
    ],
)
def test_spun_source_footer_variants(line):
    assert found(f"{PROSE}\n\n{line}") == [("BPL004", line)]


@pytest.mark.parametrize(
    ("line", "rule", "match"),
    [
        ("Yasne in Donetsk area, Ukraine January 14, 2022.Alexander Ermochenko | Reuters",
         "BPL005", "Alexander Ermochenko | Reuters"),
        ("An image of the president is raised during a rally in Seoul on Thursday.Anthony Wallace / AFP - Getty Images",
         "BPL005", "Anthony Wallace / AFP - Getty Images"),
        ("The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters", "BPL005", "Benoit Tessier/Reuters"),
        ("Relatives of passengers console each other (AFP/Getty)", "BPL005", "(AFP/Getty)"),
        ("Fernando Caudevilla, AKA DoctorX. Photo: Joseph Cox", "BPL005", "Photo: Joseph Cox"),
        ("The council approved the budget on a 5-2 vote on Tuesday, the clerk said.Politics",
         "BPL006", "Politics"),
    ],
)
def test_credits_and_glued_residue_span_only_the_residue(line, rule, match):
    assert found(f"{PROSE}\n\n{line}\n\n{PROSE}") == [(rule, match)]


@pytest.mark.parametrize(
    "line",
    [
        "WASHINGTON (AP) — The Senate voted on Tuesday to approve the bill.",
        "MUMBAI (Reuters) - The BSE Sensex ended flat on Tuesday.",
        "He moved to the U.S.Army base in 1990, records show.",
        "In the script you can call Math.Round on the value before saving it to the page.",
        "The file is saved as report.Final in the shared folder on the server.",
        "Visit example.Com for details.",
        "The pilots were trained by Jane Smith/AP style, the airline said.",
    ],
)
def test_datelines_abbreviations_and_code_are_not_residue(line):
    assert found(f"{PROSE}\n\n{line}\n\n{PROSE}") == []


def test_run_only_labels_need_a_run():
    # One network name or one form label on its own is not a widget.
    assert found(f"{PROSE}\n\nFacebook\n\n{PROSE}") == []
    assert found(f"{PROSE}\n\nEmail\n\n{PROSE}") == []
    assert found(f"{PROSE}\n\nName\n\n{PROSE}") == []
    # A row of them, or one next to a share label, is.
    assert [r for r, _ in found(f"{PROSE}\n\nFacebook\n\nTwitter\n\nEmail\n\n{PROSE}")] == ["BPL002"] * 3
    assert [r for r, _ in found(f"{PROSE}\n\nShare this:\n\nFacebook\n\nTwitter")] == ["BPL002"] * 3
    assert [r for r, _ in found(f"{PROSE}\n\nName *\n\nEmail *\n\nWebsite")] == ["BPL001"] * 3


def test_tail_only_words_only_after_the_last_paragraph():
    assert found(f"{PROSE}\n\nComments\n\n{PROSE}") == []
    assert found(f"{PROSE}\n\nComments") == [("BPL001", "Comments")]


def test_end_of_article_marker_and_what_follows():
    text = (
        f"{PROSE}\n\nRelated posts\n\nFive things to know about Geneva\n\nPosted in World, Europe.\n\n"
        "Share your thoughts\n\n12:56 PM\n\nBy Jane Smith\n\nJohn Smith contributed reporting from Geneva."
    )
    got = lint(text, RULES)
    assert [(v.rule_id, v.match) for v in got] == [
        ("BPL003", "Related posts"),
        ("BPL003", "Five things to know about Geneva"),
        ("BPL010", "Share your thoughts"),
        ("BPL010", "12:56 PM"),
    ]
    assert str(got[-1].severity) == "info"
    # The article's own end matter (a sentence, a byline) is kept.
    # Prose after the heading: the heading was not the end of the article.
    assert found(f"{PROSE}\n\nRelated posts\n\nPosted in World.\n\n{PROSE}") == [("BPL003", "Related posts")]


def test_related_list_stops_at_prose_and_at_credits():
    text = f"{PROSE}\n\nRELATED:\n\nImage Credit: Getty\n\n{PROSE}"
    assert found(text) == [("BPL003", "RELATED:"), ("BPL005", "Image Credit: Getty")]


def test_hard_wrapped_paragraphs_are_one_line():
    text = (
        f"{PROSE}\n\nThe committee said the sign-up\nform would open on Monday and that\n"
        "readers could share their views with the panel in writing before the end of the month.\n\n"
        + PROSE
    )
    assert found(text) == []


def test_one_finding_per_line_and_spans_are_exact():
    text = f"{PROSE}\n\nShare this story\n\nAdvertisement\n\nTags: Geneva, talks\n\nSkip to main content"
    got = lint(text, RULES)
    assert [(v.rule_id, v.match) for v in got] == [
        ("BPL002", "Share this story"),
        ("BPL008", "Advertisement"),
        ("BPL009", "Tags: Geneva, talks"),
        ("BPL009", "Skip to main content"),
    ]
    for v in got:
        assert text[v.offset : v.end_offset] == v.match


def test_pathological_input_is_linted():
    # Inputs that would make a backtracking pattern explode (bench/perf.py times them).
    cases = ["a.B" * 30000, ("Abc " * 50000) + "/Reuters", "© " * 50000, ("word " * 100 + "x.Yy ") * 2000]
    for text in cases:
        assert isinstance(lint(text, RULES), list)


# --------------------------------------------------------------------------
# HTML


def _article(*blocks: str) -> str:
    body = "".join(blocks)
    return f"<html><head><title>t</title></head><body><article><h1>Talks end</h1><p>{PROSE}</p>{body}<p>{PROSE}</p></article></body></html>"


def test_html_element_signal_on_the_block_element():
    html = _article('<p class="share-tools">Send to a friend</p>')
    assert found(html, "html") == [("BPL007", "Send to a friend")]


def test_html_element_signal_on_an_ancestor():
    # Whole pages record enclosing blocks' class/id tokens (attrs["ancestors"]).
    html = _article(
        '<div class="share-tools"><p>Send to a friend</p></div>',
        '<ul class="related-links"><li>Five things to know about Geneva</li></ul>',
        '<section id="article-body-2"><p>Short line inside the story.</p></section>',
    )
    assert found(html, "html") == [
        ("BPL007", "Send to a friend"), ("BPL007", "Five things to know about Geneva")
    ]


def test_html_title_slugs_and_layout_classes_are_not_signals():
    html = _article(
        '<div id="debt-as-a-share-of-gdp"><p>Debt as a share of output</p></div>',
        '<div class="pagination-centered"><p>Chart notes</p></div>',
        '<h2 id="sharing-with-multiple-developers-code-review">Sharing with developers</h2>',
    )
    assert found(html, "html") == []


def test_html_text_rules_apply_to_blocks():
    html = _article("<p>Advertisement</p>", "<ul><li>Facebook</li><li>Twitter</li><li>Email</li></ul>")
    assert found(html, "html") == [
        ("BPL008", "Advertisement"), ("BPL002", "Facebook"), ("BPL002", "Twitter"), ("BPL002", "Email")
    ]


def test_html_long_prose_and_containers_are_not_signals():
    # Long prose in a signal element is kept (a quoted comment, a pull quote).
    long = " ".join([PROSE] * 2)
    assert found(_article(f'<p class="comment">{long}</p>'), "html") == []
    # A token that wraps most of the article is a container, not a widget.
    html = (
        "<html><body><article>"
        + "".join(f'<p class="entry has-comments">{PROSE} Paragraph {i}.</p>' for i in range(5))
        + "</article></body></html>"
    )
    assert found(html, "html") == []


def test_html_caption_credit_is_left_alone():
    html = _article('<figure><img src="a.jpg"><figcaption>Troops in Kyiv. Alexander Ermochenko | Reuters</figcaption></figure>')
    assert found(html, "html") == []


# --------------------------------------------------------------------------
# Clean corpus text: findings there are leaks of the extractor or false
# positives. Every finding on it was reviewed by eye; the files below
# genuinely contain page residue (credit lines, "Related article:" links,
# share rows, syndication footers, comment counters), with how many.

REVIEWED_LEAKS = {
    "nws-247wallst.com1.txt": 1, "nws-247wallst.com2.txt": 1, "nws-businessinsider.com1.txt": 1,
    "nws-dailycaller.com2.txt": 2, "nws-foxnews.com1.txt": 4, "nws-foxnews.com2.txt": 2,
    "nws-glamour.com1.txt": 1, "nws-gq.com2.txt": 1, "nws-lifebuzz.com2.txt": 2,
    "nws-livescience.com1.txt": 1, "nws-livescience.com2.txt": 3, "nws-mashable.com2.txt": 1,
    "nws-nypost.com2.txt": 7, "nws-ok.co.uk1.txt": 4, "nws-ok.co.uk2.txt": 4, "nws-parsely.com1.txt": 1,
    "nws-parsely.com2.txt": 1, "nws-pewresearch.org1.txt": 1, "nws-pewresearch.org2.txt": 1,
    "nws-self.com1.txt": 2, "nws-self.com2.txt": 1, "nws-space.com1.txt": 6, "nws-space.com2.txt": 3,
    "nws-telegraph.co.uk1.txt": 2, "nws-theatlantic.com2.txt": 1, "nws-theatlanticcities.com1.txt": 1,
    "nws-thedebrief.co.uk1.txt": 2, "nws-thedebrief.co.uk2.txt": 2, "nws-theglobeandmail.com1.txt": 1,
    "nws-uproxx.com1.txt": 3, "nws-upworthy.com2.txt": 2, "nws-usnews.com2.txt": 1,
    "nws-vanityfair.com1.txt": 1, "nws-youbeauty.com1.txt": 3, "nws-youbeauty.com2.txt": 5,
    "rdb-breitbart.txt": 3, "rdb-bug-1255978.txt": 2, "rdb-citylab-1.txt": 3, "rdb-cnet.txt": 1,
    "rdb-cnn.txt": 2, "rdb-ehow-2.txt": 11, "rdb-firefox-nightly-blog.txt": 2, "rdb-herald-sun-1.txt": 1,
    "rdb-ietf-1.txt": 1, "rdb-keep-images.txt": 11, "rdb-lwn-1.txt": 6, "rdb-msn.txt": 1,
    "rdb-nytimes-1.txt": 2, "rdb-nytimes-2.txt": 3, "rdb-quanta-1.txt": 1,
    "rdb-schema-org-context-object.txt": 3, "rdb-simplyfound-1.txt": 2, "rdb-table-style-attributes.txt": 1,
    "rdb-toc-missing.txt": 1, "rdb-wapo-1.txt": 4, "rdb-wapo-2.txt": 1, "rdb-yahoo-2.txt": 2,
}


@needs_corpus
def test_clean_corpus_text_false_positive_rate():
    files = corpus_files("text", "*.txt")
    if not files:
        pytest.skip("corpus text/ not present")
    per_file: Counter[str] = Counter()
    for path in files:
        per_file[path.name] += len(lint(path.read_text(encoding="utf-8", errors="replace"), RULES))
    unexplained = {
        f: n - REVIEWED_LEAKS.get(f, 0) for f, n in per_file.items() if n > REVIEWED_LEAKS.get(f, 0)
    }
    assert sum(unexplained.values()) <= 0.05 * len(files), unexplained
    # Recall on the reviewed leaks stays (a rule change that loses them shows here).
    assert sum(per_file.values()) >= 0.9 * sum(REVIEWED_LEAKS.values())
