"""Quality, calibration and cost of the SPN (spun copy) pack. Writes docs/spin-quality.md.

Measures, against the bar in issue 4:

1. the reference article (../shared/articles/blinken-ukraine.txt): SPN001 and
   distinct artifacts found; also with every data entry taken from that
   article removed, and with every lexicon entry found anywhere in it removed
   (ablations), to show the verdict does not depend on it;
2. the clean corpus (../shared/corpus/text, 193 articles): SPN001 rate and
   per-artifact findings per 1,000 words, on the calibration (dev) half that
   the clean rates and the threshold come from and on the check (test) half;
3. the same articles run through bench/spinner.py at 10–60% of replaceable
   words: SPN001 detection curve for the whole spinner table, its tuning half
   (the spun rates come from it), its held-out half (never looked at) and the
   held-out half's swaps that the detector's synonym table lacks; the same for
   the spinner's first (v1) table, for comparison; split by length; and a
   threshold sweep;
4. cost: the whole corpus linted with every built-in rule, with and without
   ``ignore = ["SPN"]`` (parsing included), median of several repetitions.

``--calibrate`` prints the model and threshold the calibration gives (they are
shipped as constants in rules/spin.py; a test checks they agree).

Run: ``python bench/spin_quality.py [--reps 7] [--seeds 2] [--no-write] [--calibrate]``.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import spinner  # noqa: E402

from stylelint.rule.base import RuleContext  # noqa: E402
from stylelint.rule.testing import linter_for  # noqa: E402
from stylelint_rules import _spin_lexicon, spin  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "text"
REFERENCE = SHARED / "articles" / "blinken-ukraine.txt"
RATES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
ARTIFACT_RULES = ("SPN002", "SPN003", "SPN004", "SPN005", "SPN006")


def corpus() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]


def is_dev(name: str) -> bool:
    """The dev half of the clean corpus (the half looked at while curating data)."""
    return zlib.crc32(name.encode()) % 2 == 0


def words(text: str) -> int:
    return len(text.split())


class Runner:
    def __init__(self) -> None:
        self.linter = linter_for(spin.RULES)
        self.context = RuleContext("ap", {}, {})

    def analyse(self, text: str):
        doc = self.linter.parse(text, None, "text")
        return spin.analyse(doc, self.context)

    def findings(self, text: str):
        result = self.linter.lint_source(text, None, "text")
        assert not result.errors, result.errors
        return result.violations


# ---------------------------------------------------------------------------
# Calibration of the decision (rules/spin.py MODEL and DEFAULT_THRESHOLD)
# ---------------------------------------------------------------------------

#: Spin rate of the alternative the spun-copy rates are measured at (tuning half only).
CALIBRATION_RATE = 0.5
#: Evidence (nats) added to the highest clean calibration score to set the threshold:
#: about one more marked-vocabulary artifact's worth.
THRESHOLD_MARGIN = 2.0


def _totals(results) -> tuple[int, dict, dict, int, int]:
    words = sum(r.words for r in results)
    counts = {c: sum(r.counts.get(c, 0.0) for r in results) for c in spin.CLASSES}
    slots = {
        "normal": sum(r.slots_normal for r in results),
        "spun": sum(r.slots_spun for r in results),
        "odd": sum(r.slots_odd for r in results),
    }
    return (
        words,
        counts,
        slots,
        sum(r.choices for r in results),
        sum(r.plain for r in results),
    )


def calibrate(run: Runner, docs, seeds: int = 2) -> tuple[spin.Model, float]:
    """Clean rates from the calibration (dev) half of the clean corpus; spun rates from
    the tuning half of the spinner's table at CALIBRATION_RATE; the threshold from the
    highest evidence any calibration article that passes the diversity guard reaches."""
    clean_results = [run.analyse(t) for n, t in docs if is_dev(n)]
    tuning, _ = spinner.split_table()
    spun_results = [
        run.analyse(spinner.spin(t, rate=CALIBRATION_RATE, seed=seed + 1, table=tuning))
        for seed in range(seeds)
        for _, t in docs
    ]
    w0, c0, s0, k0, p0 = _totals(clean_results)
    w1, c1, s1, k1, p1 = _totals(spun_results)
    rates = {}
    for c in spin.CLASSES:
        lam = (c0[c] + 1.0) / w0  # one pseudo-artifact per class: no rate is zero
        rates[c] = (_round(lam), _round(max(c1[c] / w1, 2 * lam)))
    n0, n1 = sum(s0.values()) + 1.5, sum(s1.values()) + 1.5
    slots = {k: (_round((s0[k] + 0.5) / n0), _round((s1[k] + 0.5) / n1)) for k in s0}
    choice = (_round((k0 + 1) / (k0 + p0 + 2)), _round((k1 + 1) / (k1 + p1 + 2)))
    model = spin.Model(rates, slots, choice)
    guard = spin.DEFAULT_MIN_ARTIFACTS
    top = max((spin.evidence(r, model) for r in clean_results if r.distinct >= guard), default=0.0)
    threshold = math.ceil(2 * (top + THRESHOLD_MARGIN)) / 2
    return model, threshold


def _round(x: float) -> float:
    return float(f"{x:.2g}")


def reference(run: Runner) -> dict:
    text = REFERENCE.read_text(encoding="utf-8")
    found = run.findings(text)
    a = run.analyse(text)
    out = {
        "spn001": any(v.rule_id == "SPN001" for v in found),
        "distinct": a.distinct,
        "artifacts": len(a.artifacts),
        "score": a.score,
        "terms": dict(a.terms),
        "reported": sum(1 for v in found if v.rule_id in ARTIFACT_RULES),
        "slots": (a.slots_spun + a.slots_odd, a.slots_normal + a.slots_spun + a.slots_odd),
    }
    # Ablations: (1) every entry attested only by the reference article, and every
    # collocation taken from it, removed; (2) every lexicon entry and every synonym-table
    # word that occurs anywhere in the article removed, so only the generic signals
    # (grammar, attribution slots, lowercased proper adjectives) can find anything.
    saved = _spin_lexicon._LEXICON
    for label, kwargs in (
        ("ablation", {"exclude_evidence": frozenset({"ref"})}),
        ("strict", {"exclude_found_in": text}),
    ):
        _spin_lexicon._LEXICON = _spin_lexicon.build_lexicon(**kwargs)
        try:
            fresh = Runner()
            found = fresh.findings(text)
            b = fresh.analyse(text)
            out[label] = {
                "spn001": any(v.rule_id == "SPN001" for v in found),
                "distinct": b.distinct,
                "score": b.score,
                "kinds": sorted({x.kind for x in b.artifacts}),
            }
        finally:
            _spin_lexicon._LEXICON = saved
    return out


def clean(run: Runner, docs) -> dict:
    rows = []
    for name, text in docs:
        found = run.findings(text)
        a = run.analyse(text)
        rows.append((name, words(text), found, a.score, a.distinct))
    out = {"scores": {r[0]: (r[3], r[4]) for r in rows}}
    for label, keep in (
        ("all", lambda n: True),
        ("dev", is_dev),
        ("test", lambda n: not is_dev(n)),
    ):
        sel = [r for r in rows if keep(r[0])]
        w = sum(r[1] for r in sel)
        flagged = [r[0] for r in sel if any(v.rule_id == "SPN001" for v in r[2])]
        phrase = [(r[0], v) for r in sel for v in r[2] if v.rule_id in ARTIFACT_RULES]
        out[label] = {
            "docs": len(sel),
            "words": w,
            "spn001": len(flagged),
            "flagged": flagged,
            "phrase_findings": len(phrase),
            "per_1000": 1000 * len(phrase) / w if w else 0.0,
            "phrases": [(n, v.rule_id, v.match) for n, v in phrase],
        }
    return out


LONG = 300  # words: the length split reported with the curve


def markdown_posts(run: Runner) -> dict:
    """A second clean set: the 40 Markdown blog posts (18F), linted as Markdown."""
    return other_set(run, sorted((SHARED / "corpus" / "markdown").glob("*.md")), "markdown")


def html_pages(run: Runner) -> dict:
    """A third set: the 193 whole HTML pages the clean texts were extracted from
    (article plus navigation, widgets and reader comments), linted as HTML."""
    return other_set(run, sorted((SHARED / "corpus" / "html").glob("*.html")), "html")


def other_set(run: Runner, paths: list[Path], fmt: str) -> dict:
    """SPN001 and artifact findings on a set of clean documents of one format."""
    flagged, findings, total = [], 0, 0
    for p in paths:
        doc = run.linter.parse(p.read_text(encoding="utf-8", errors="replace"), str(p), fmt)
        violations = run.linter.lint_document(doc)
        total += words(doc.text)  # the prose, not the markup
        if any(v.rule_id == "SPN001" for v in violations):
            flagged.append(p.stem)
        findings += sum(1 for v in violations if v.rule_id in ARTIFACT_RULES)
    return {"docs": len(paths), "flagged": flagged, "per_1000": 1000 * findings / max(1, total)}


def detection(run: Runner, docs, table, seeds: int) -> dict[float, list[tuple]]:
    """rate -> [(name, words, seed, evidence, distinct)] for every spun article."""
    curve = {}
    for rate in RATES:
        rows = []
        for seed in range(seeds):
            for name, text in docs:
                a = run.analyse(spinner.spin(text, rate=rate, seed=seed + 1, table=table))
                rows.append((name, words(text), seed, a.score, a.distinct))
        curve[rate] = rows
    return curve


def detected(rows, threshold: float, minimum: int, keep=lambda r: True) -> float:
    sel = [r for r in rows if keep(r)]
    return sum(1 for r in sel if r[3] >= threshold and r[4] >= minimum) / max(1, len(sel))


def cost(docs, reps: int) -> dict:
    texts = [t for _, t in docs]
    with_spn = linter_for(None)
    without = linter_for(None, ignore=("SPN",))
    assert any(r.family == "SPN" for r in with_spn.rules)
    assert not any(r.family == "SPN" for r in without.rules)
    for linter in (with_spn, without):  # warm up: lexicon, matchers, regex caches
        for t in texts[:20]:
            linter.lint_source(t, None, "text")

    def once(linter) -> float:
        start = time.perf_counter()
        for t in texts:
            linter.lint_source(t, None, "text")
        return time.perf_counter() - start

    a, b = [], []
    for _ in range(reps):  # interleaved, so drift hits both alike
        b.append(once(without))
        a.append(once(with_spn))
    base, full = statistics.median(b), statistics.median(a)
    # The pack on its own: SPN rules only, on parsed documents; once as in a normal
    # run (ATT has already found the attribution slots, and BPL the page residue,
    # that the families share) and once with the pack paying for both itself.
    from stylelint_rules.attribution import attribution_slots
    from stylelint_rules.boilerplate import analyse as residue

    only = linter_for(spin.RULES)
    alone, shared = [], []
    for _ in range(reps):
        fresh = [only.parse(t, None, "text") for t in texts]
        start = time.perf_counter()
        for d in fresh:
            only.lint_document(d)
        alone.append(time.perf_counter() - start)
        fresh = [only.parse(t, None, "text") for t in texts]
        for d in fresh:
            attribution_slots(d)
            residue(d)
        start = time.perf_counter()
        for d in fresh:
            only.lint_document(d)
        shared.append(time.perf_counter() - start)
    return {
        "spn_alone": statistics.median(alone),
        "spn_shared": statistics.median(shared),
        "base": base,
        "with": full,
        "added": (full - base) / base,
        "rules": len(with_spn.rules),
        "families": sorted({r.family for r in without.rules}),
        "lexicon_build": _lexicon_build_time(),
    }


def _lexicon_build_time() -> float:
    start = time.perf_counter()
    _spin_lexicon.build_lexicon()
    return time.perf_counter() - start


SWEEP = (3.0, 3.5, 4.0, 4.5, 5.0, 6.0, 7.0, 9.0)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def render(ref, cl, curves, cst, seeds, calibrated) -> str:
    threshold, minimum = spin.DEFAULT_THRESHOLD, spin.DEFAULT_MIN_ARTIFACTS
    docs = corpus()
    nlong = sum(1 for _, t in docs if words(t) >= LONG)
    long_ = lambda r: r[1] >= LONG  # noqa: E731
    short = lambda r: r[1] < LONG  # noqa: E731
    lines = ["# Spun copy (SPN): quality figures", ""]
    lines.append(
        "Generated by `python bench/spin_quality.py`. The spinner is `bench/spinner.py` "
        "(a context-blind synonym table of common news words, not shipped; "
        f"{len(spinner.TABLE)} words since v2, {len(spinner.TABLE_V1)} in v1, see *The "
        "spinner's table, v1 and v2* below); detection is "
        f"averaged over {seeds} seed(s) per rate on the 193 clean articles. Defaults: "
        f"`spin_threshold` {threshold} nats, `spin_min_artifacts` {minimum}."
    )
    lines += ["", "## How the verdict is calibrated", ""]
    model = spin.MODEL
    lines.append(
        "SPN001 sums, per signal, the log-likelihood ratio of the text under spun copy against "
        "clean copy, floored at zero (an absent signal says nothing): Poisson counts of artifacts "
        "per class over the text's real length (no minimum length), the verbs of its attribution "
        "slots (reporter's / spinner's / other), and the share of a spinner's choices among the "
        "synonym table's words (its evidence stops growing past "
        f"{model.choice_cap:.0f} table words: shares vary between texts far more than a binomial "
        "allows). It fires when the sum reaches the threshold and at least "
        f"{minimum} distinct artifacts were found."
    )
    lines += [
        "",
        "Clean rates come from the **calibration half** of the clean corpus (`dev`, the half the "
        "data were curated on); spun rates from the **tuning half** of the spinner's table at 50% "
        "(never from its held-out half). The threshold is the highest evidence a calibration "
        "article passing the diversity guard reaches, plus 2 nats (about one more marked-"
        "vocabulary artifact). The other half of the clean corpus (`test`) is the check.",
        "",
        "| signal | clean rate | spun rate | evidence per item |",
        "|---|---|---|---|",
    ]
    for c, (lam, mu) in model.rates.items():
        lines.append(
            f"| artifacts: {c} | {1000 * lam:.3f} / 1,000 words | {1000 * mu:.2f} / 1,000 words "
            f"| {math.log(mu / lam):.2f} nats, less {mu - lam:.5f} per word |"
        )
    for k, (p0, p1) in model.slots.items():
        lines.append(
            f"| attribution slot: {k} verb | {_pct(p0)} of slots | {_pct(p1)} of slots "
            f"| {math.log(p1 / p0):+.2f} nats |"
        )
    q0, q1 = model.choice
    lines.append(
        f"| synonym-table word: spinner's choice | {_pct(q0)} | {_pct(q1)} | "
        f"{math.log(q1 / q0):+.2f} nats (a plain word {math.log((1 - q1) / (1 - q0)):+.2f}) |"
    )
    if calibrated is not None:
        m, t = calibrated
        same = m == spin.MODEL and t == threshold
        lines += [
            "",
            "Re-running the calibration now gives "
            + (
                "the shipped model and threshold."
                if same
                else f"threshold {t} and {m}: "
                "the shipped constants differ, re-run `--calibrate` and update rules/spin.py."
            ),
        ]
    lines += ["", "## Reference article", ""]
    lines.append(
        f"- `blinken-ukraine.txt`: SPN001 {'fires' if ref['spn001'] else 'does NOT fire'} "
        f"(evidence {ref['score']:.1f} nats: "
        + ", ".join(f"{k} {v:.1f}" for k, v in ref["terms"].items() if v)
        + f"); {ref['distinct']} distinct artifacts "
        f"({ref['artifacts']} in all, {ref['reported']} reported one by one); attribution slots with "
        f"a spinner's or other verb: {ref['slots'][0]} of {ref['slots'][1]}."
    )
    for label, what in (
        ("ablation", "every data entry tagged as taken from this article removed"),
        (
            "strict",
            "every lexicon entry and synonym-table word that occurs anywhere in the article "
            "removed, so only the generic signals remain",
        ),
    ):
        ab = ref[label]
        lines.append(
            f"- Ablation ({what}): SPN001 "
            f"{'still fires' if ab['spn001'] else 'does NOT fire'} (evidence {ab['score']:.1f}), "
            f"{ab['distinct']} distinct artifacts (kinds: {', '.join(ab['kinds'])})."
        )
    lines += [
        "",
        "## Clean corpus",
        "",
        "| part | articles | words | SPN001 | rate | artifact findings | per 1,000 words |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, name in (("all", "all"), ("dev", "calibration (dev)"), ("test", "check (test)")):
        c = cl[label]
        lines.append(
            f"| {name} | {c['docs']} | {c['words']:,} | {c['spn001']} | {_pct(c['spn001'] / c['docs'])} "
            f"| {c['phrase_findings']} | {c['per_1000']:.3f} |"
        )
    if cl["all"]["flagged"]:
        lines.append("")
        lines.append(
            "SPN001 on clean articles: " + ", ".join(f"`{n}`" for n in cl["all"]["flagged"]) + "."
        )
    if cl["all"]["phrases"]:
        lines += ["", "Artifact findings on clean text (all of them):", ""]
        for n, rid, m in cl["all"]["phrases"]:
            lines.append(f"- `{n}`: {rid} `{m}`")
    md = cl["markdown"]
    lines += [
        "",
        f"A second clean set, not used for tuning: the {md['docs']} Markdown blog posts of "
        f"`corpus/markdown`: SPN001 on {len(md['flagged'])} "
        f"({100 * len(md['flagged']) / max(1, md['docs']):.1f}%"
        + (": " + ", ".join(f"`{n}`" for n in md["flagged"]) if md["flagged"] else "")
        + f"); artifact findings {md['per_1000']:.3f} per 1,000 words.",
    ]
    pages = cl["html"]
    lines += [
        "",
        f"A third set, not used for tuning: the {pages['docs']} whole HTML pages of `corpus/html` "
        "(the articles with their navigation, widgets and reader comments): "
        f"SPN001 on {len(pages['flagged'])} "
        f"({100 * len(pages['flagged']) / max(1, pages['docs']):.1f}%"
        + (": " + ", ".join(f"`{n}`" for n in pages["flagged"]) if pages["flagged"] else "")
        + f"); artifact findings {pages['per_1000']:.3f} per 1,000 words.",
    ]
    lines += [
        "",
        "## Detection against spin rate",
        "",
        "The spinner's table is split by a hash of the original word into a **tuning** half "
        "(looked at while developing the detector, and used for the spun rates above) and a "
        "**held-out** half (only ever measured). *held-out, unknown swaps* keeps only the "
        "held-out half's substitutions that the detector's synonym table does not contain: "
        "what the generic signals catch on their own. With half the table a text has about half "
        "as many replaceable words, so a half's curve at 50% swaps about as many words as the "
        "full table at 25%.",
        "",
        "| spinner table | articles | " + " | ".join(f"{int(r * 100)}%" for r in RATES) + " |",
        "|---|---|" + "---|" * len(RATES),
    ]
    for label, curve in curves.items():
        for part, keep, count in (
            ("all", lambda r: True, len(docs)),
            (f"{LONG}+ words", long_, nlong),
            (f"under {LONG} words", short, len(docs) - nlong),
        ):
            lines.append(
                f"| {label} | {part} ({count}) | "
                + " | ".join(_pct(detected(curve[r], threshold, minimum, keep)) for r in RATES)
                + " |"
            )
    full = curves["full"][0.5]
    few = [r for r in full if r[4] < minimum]
    few_short = [r for r in few if r[1] < LONG]
    lines += [
        "",
        f"Ceiling set by the diversity guard: at 50% with the full table, {_pct(len(few) / len(full))} "
        f"of the spun articles ({_pct(len(few_short) / max(1, sum(1 for r in full if r[1] < LONG)))} "
        f"of those under {LONG} words) show fewer than {minimum} distinct artifacts, so no "
        f"threshold can call them; at most {_pct(1 - len(few) / len(full))} is reachable.",
    ]
    v1 = curves["v1 table: full"][0.5]
    few_v1 = [r for r in v1 if r[4] < minimum]
    lines.append(
        f"With the v1 table the same ceiling was {_pct(1 - len(few_v1) / len(v1))} "
        f"({_pct(len(few_v1) / len(v1))} of spun articles under {minimum} distinct artifacts)."
    )
    missed = [r for r in full if r[2] == 0 and not (r[3] >= threshold and r[4] >= minimum)]
    if missed:
        lines.append("")
        lines.append(
            "Missed at 50% (full table, seed 1): "
            + ", ".join(f"`{r[0]}` ({r[1]} words, {r[4]} distinct)" for r in missed)
            + "."
        )
    lines += [
        "",
        "### Threshold sweep",
        "",
        "Clean false positives on each half and detection at 50% spin for other thresholds "
        f"(diversity guard {minimum}); the shipped threshold is in bold.",
        "",
        "| threshold | clean: calibration | clean: check | "
        + " | ".join(f"{label} at 50%" for label in curves)
        + " |",
        "|---|---|---|" + "---|" * len(curves),
    ]
    scores = cl["scores"]
    for t in sorted(set(SWEEP) | {threshold}):
        fp = {
            part: sum(
                1
                for n, (sc, d) in scores.items()
                if (is_dev(n) == (part == "dev")) and sc >= t and d >= minimum
            )
            for part in ("dev", "test")
        }
        mark = "**" if t == threshold else ""
        lines.append(
            f"| {mark}{t}{mark} | {fp['dev']} of {cl['dev']['docs']} | {fp['test']} of "
            f"{cl['test']['docs']} | "
            + " | ".join(_pct(detected(curve[0.5], t, minimum)) for curve in curves.values())
            + " |"
        )
    lines += [
        "",
        "How to read this: the *full* table was written for this project separately from the "
        "detector's data but (v1) by the same hand, so many of its swaps are ones the detector "
        "knows; "
        "the held-out curves are the honest measure of generalization. Most held-out swaps are "
        "plausible synonyms ('usually' for 'often', 'film' for 'movie') that no reader could flag "
        "without the source. Short texts are the other limit: a 100-word brief has 10 to 20 "
        "replaceable words (5 to 15 with v1), and the diversity guard (two distinct artifacts) "
        "keeps one odd word "
        "from making a verdict, so a brief in which the spinner left fewer than two visible "
        "marks cannot be called spun.",
    ]
    lines += spinner_section(docs)
    lines += NEGATIVE_RESULTS
    lines += ["", "## Cost", ""]
    lines.append(
        f"Linting the 193 corpus texts with every built-in rule ({cst['rules']} rules; families "
        f"without SPN: {', '.join(cst['families'])}), parsing included, median of the repetitions: "
        f'{cst["base"]:.3f} s with `ignore = ["SPN"]`, {cst["with"]:.3f} s with the pack: '
        f"**+{100 * cst['added']:.1f}%**. The SPN rules on their own, on parsed documents: "
        f"{cst['spn_shared']:.3f} s ({100 * cst['spn_shared'] / cst['base']:.1f}% of the linting time "
        f"without them) when ATT has already found the attribution slots and BPL the page residue "
        f"that the families share, as in a normal run; {cst['spn_alone']:.3f} s when the pack pays "
        f"for those analyses itself (ATT and BPL turned off). "
        f"Building the lexicon once per process: "
        f"{1000 * cst['lexicon_build']:.0f} ms (on first use, not at import)."
    )
    return "\n".join(lines) + "\n"


def spinner_section(docs) -> list[str]:
    """How the spinner's table changed (v1 -> v2), with the swaps each gives a brief."""
    briefs = [t for _, t in docs if words(t) < LONG]
    per100 = {
        label: statistics.median(
            100 * spinner.replaceable(t, table) / max(1, words(t)) for t in briefs
        )
        for label, table in (("v1", spinner.TABLE_V1), ("v2", spinner.TABLE))
    }
    tuning, held = spinner.split_table()
    tuning1, held1 = spinner.split_table(spinner.TABLE_V1)
    synonyms = _spin_lexicon.load_synonyms()

    def known(table) -> tuple[int, int]:
        """(substitutions, of which the detector's synonym table has)"""
        total = sum(len(set(v)) for v in table.values())
        left = sum(len(set(v)) for v in spinner.held_out_table(synonyms, table).values())
        return total, total - left

    added = {k: v for k, v in spinner.TABLE.items() if k not in spinner.TABLE_V1}
    (n2, k2), (n1, k1) = known(added), known(spinner.TABLE_V1)
    return [
        "",
        "## The spinner's table, v1 and v2",
        "",
        "The bar is stated at 50% of *replaceable* words, so what the spinner's table covers "
        "decides how much a text is spun. The first table (v1, "
        f"{len(spinner.TABLE_V1)} words) covered few of the commonest content words: a brief "
        f"under {LONG} words had a median of {per100['v1']:.1f} replaceable words per 100, "
        "so at 50% a 100-word brief got about six swaps, where real spinners (Spin Rewriter, "
        "WordAI-style tools, the one that produced the reference article) swap most content "
        "words. v2 adds "
        f"{len(spinner.TABLE) - len(spinner.TABLE_V1)} words: the commonest English content "
        "words the v1 table lacked, ranked by a general English frequency list (SymSpell's "
        "unigram list, from Google Books; never by the evaluation corpus), each with the "
        "choices a thesaurus-driven spinner makes, written by hand without consulting the "
        "detector's data. A brief now has a median of "
        f"{per100['v2']:.1f} replaceable words per 100. Nothing in the detector was changed "
        "to match (only the model was recalibrated): the v2 words are mostly plausible "
        "synonyms ('title' for 'name', 'tale' for 'story') that the detector does not "
        f"know: {k2} of the {n2} substitutions v2 adds are in the detector's synonym table, "
        f"against {k1} of v1's {n1}. The split into halves is by the same hash: the v2 tuning half has "
        f"{len(tuning)} words ({len(tuning1)} in v1), the held-out half {len(held)} "
        f"({len(held1)} in v1). The v1 rows of the detection table above are the old "
        "table's figures with the current detector, for comparison; the shipped model is "
        "calibrated on the v2 tuning half.",
    ]


#: Signals tried for this report and left out, with what they measured (prototypes outside
#: the shipped code, figures as measured then). Kept so nobody has to try them again.
NEGATIVE_RESULTS = [
    "",
    "### Tried and left out",
    "",
    "Generic signals tried against the bar, measured with prototypes (50% spin, tuning "
    "half unless said, one or two seeds), and not shipped because they cost more on clean copy than they "
    "gain on spun copy:",
    "",
    "- **WordNet synonyms crossed with the collocation list** (every sense, up to 12 "
    "synonyms per word; WordNet 3.0 from Debian's `wordnet-base`): the clean phrase rate "
    "went from 0.089 to 0.24 per 1,000 words, the spun one only from 0.44 to 0.59, so the "
    "calibrated threshold rose to 5.0 and detection at 50% (v2 table) fell from 89.1% to 86.8%. First "
    "senses only: 0.14 clean, threshold 5.5, 86.3%. WordNet's synonyms are too broad: their "
    "variants of news phrases are mostly ordinary English.",
    "- **Broken context from a broad bigram list**: the SymSpell bigram list (243,000 "
    "English bigrams from Google Books) crossed with the detector's synonym table, flagging "
    "a spinner's choice next to a word its original commonly goes with and it never does "
    "('the solely' for 'the only'). 0.15 per 1,000 words in clean copy against 2.5 in spun "
    "copy, but the list is too sparse to prove a pairing absent ('prospects with', "
    "'likelihood to' in clean articles), so the threshold rose to 7.0 and detection fell to "
    "83.9%; keeping only choices 20 times rarer than their original: 87.3%.",
    "- **Unseen bigrams** with a WordNet synonym that makes a common one (a bigram language "
    "model in small): 9.9 per 1,000 words clean against 13.8 spun (v1 table).",
    "- **Rarer-synonym share** (words with a WordNet synonym 20 times as frequent): 13.5 per "
    "1,000 words clean against 16.4 spun (v1 table).",
    "- **Per-word choice shares** from a general frequency list (each spinner choice of the "
    "synonym table weighed by how rare it is against its original in SymSpell's Google Books "
    "unigram counts, instead of one share for the whole table): the best clean calibration "
    "article rose from 2.1 to 5.4 nats (`rdb-lazy-image-2`; 17.5 on the check half), "
    "so the threshold would rise to 7.5; at the current 4.5 detection went from 89.1% to "
    "89.6% only.",
    "- **Part-of-speech slots** (a verb-only word after a determiner, 'the imply'; a base "
    "form after have, 'has arrive'): 0.06 to 0.10 per 1,000 words clean against 0.33 "
    "spun on the v2 tuning half and 0.15 on its held-out half: too rare to move a verdict.",
    "",
    "The spinner's swaps are plausible words one by one; what gives them away is a "
    "specific wrong choice in a specific context, which a general thesaurus or a sparse "
    "bigram list cannot tell from a writer's.",
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--skip-cost", action="store_true")
    ap.add_argument(
        "--calibrate",
        action="store_true",
        help="print the calibrated model and threshold, then stop",
    )
    args = ap.parse_args(argv)
    run = Runner()
    docs = corpus()
    calibrated = calibrate(run, docs, args.seeds)
    if args.calibrate:
        model, threshold = calibrated
        print(f"MODEL = {model!r}\nDEFAULT_THRESHOLD = {threshold}")
        return 0
    ref = reference(run)
    cl = clean(run, docs)
    cl["markdown"] = markdown_posts(run)
    cl["html"] = html_pages(run)
    synonyms = _spin_lexicon.load_synonyms()
    tuning, held = spinner.split_table()
    unknown = spinner.held_out_table(synonyms, held)
    _, held_v1 = spinner.split_table(spinner.TABLE_V1)
    curves = {
        "full": detection(run, docs, spinner.TABLE, args.seeds),
        "tuning half": detection(run, docs, tuning, args.seeds),
        "held-out half": detection(run, docs, held, args.seeds),
        "held-out, unknown swaps": detection(run, docs, unknown, args.seeds),
        "v1 table: full": detection(run, docs, spinner.TABLE_V1, args.seeds),
        "v1 table: held-out half": detection(run, docs, held_v1, args.seeds),
        "v1 table: held-out, unknown swaps": detection(
            run, docs, spinner.held_out_table(synonyms, held_v1), args.seeds
        ),
    }
    cst = (
        cost(docs, args.reps)
        if not args.skip_cost
        else {
            "spn_alone": 0.0,
            "spn_shared": 0.0,
            "base": 1.0,
            "with": 0.0,
            "added": 0.0,
            "rules": 0,
            "families": [],
            "lexicon_build": 0.0,
        }
    )
    report = render(ref, cl, curves, cst, args.seeds, calibrated)
    print(report)
    if not args.no_write:
        (ROOT / "docs" / "spin-quality.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
