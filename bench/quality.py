"""Rule precision on real articles: sample findings for review, then report.

Findings are reviewed by eye, and the verdicts are kept as data, so the
figures in docs/quality.md can be recomputed by anyone::

    python bench/quality.py sample --family ATT --n 60 --seed 1
    # fill the verdict (ok | wrong) and reason columns of bench/reviews/ATT.tsv
    python bench/quality.py sample --family ATT --part held-out --n 25
    # ... bench/reviews/held-out/ATT.tsv: judged once, at the end, never tuned on
    python bench/quality.py report            # writes docs/quality.md

The corpus is split once (``bench/corpus_split.py``): rules are tuned on the
*tuning* part, and the *held-out* part is only read to judge the final
figures, which docs/quality.md reports apart. Recall is measured on
sentences written from the style guides (``bench/recall/FAMILY.tsv``:
``text<TAB>expected rule id, or - when nothing should fire<TAB>why``),
never taken from the corpus.

A review row is keyed by file, rule, offset and matched text; when a rule
changes and a reviewed finding disappears, its row is dropped on the next
``sample`` and new findings are added unreviewed.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stylelint.config.model import Config  # noqa: E402
from stylelint.engine.linter import Linter  # noqa: E402
from stylelint.engine.plugins import get_plugin_manager  # noqa: E402
from stylelint.parsers.decode import InputError, decode  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from corpus_split import held_out  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
REVIEWS = ROOT / "bench" / "reviews"
RECALL = ROOT / "bench" / "recall"
PARTS = ("tuning", "held-out")
FIELDS = ["key", "rule", "file", "match", "context", "verdict", "reason"]
FAMILIES = ["BPL", "ATT", "HON", "DAT", "NUM", "DTL", "SPL", "SPN", "TYP"]
_WORD = re.compile(r"\w+")


def make_linter(profile: str = "ap") -> Linter:
    """Every built-in rule under ``profile``, with no installed packs."""
    cfg = Config(profile=profile)
    return Linter(cfg, plugins=get_plugin_manager(cfg, autoload=False))


def read_source(path: Path) -> str:
    """Decode a corpus file as stylelint would (HTML: declared charset)."""
    data = path.read_bytes()
    try:
        return decode(data, html=path.suffix == ".html")[0]
    except InputError:
        return data.decode("utf-8", errors="replace")


def corpus(kinds: list[str], part: str = "all") -> list[Path]:
    """Corpus files of the given kinds (text, markdown, html) in ``part`` (tuning, held-out or all)."""
    ext = {"text": "*.txt", "markdown": "*.md", "html": "*.html"}
    files: list[Path] = []
    for kind in kinds:
        folder = CORPUS / kind
        if folder.is_dir():
            files.extend(p for p in sorted(folder.glob(ext[kind]))
                         if part == "all" or held_out(p.stem) == (part == "held-out"))
    return files


def lint_corpus(linter: Linter, files: list[Path]):
    """Yield ``(path, document text, words, violations)`` for each file."""
    for path in files:
        source = read_source(path)
        doc = linter.parse(source, str(path), None)
        violations = linter.lint_document(doc)
        yield path, doc.text, len(_WORD.findall(doc.text)), violations


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    snippet = f"{left}[[{text[start:end]}]]{right}"
    return " ".join(snippet.split())


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(CORPUS))
    except ValueError:
        return str(path)


def review_path(family: str, part: str = "tuning") -> Path:
    """Where a family's review of one corpus part is kept."""
    return REVIEWS / f"{family}.tsv" if part == "tuning" else REVIEWS / part / f"{family}.tsv"


def load_reviews(family: str, part: str = "tuning") -> dict[str, dict[str, str]]:
    """Existing review rows of a family, by key."""
    path = review_path(family, part)
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["key"]: row for row in csv.DictReader(fh, delimiter="\t")}


def cmd_sample(args: argparse.Namespace) -> int:
    """Sample a family's findings into its review file, keeping verdicts."""
    family = args.family.upper()
    kinds = args.kinds.split(",") if args.kinds else ["text", "markdown", "html"]
    linter = make_linter(args.profile)
    found = []
    for path, text, _, violations in lint_corpus(linter, corpus(kinds, args.part)):
        for v in violations:
            if v.rule_id.startswith(family):
                key = f"{_rel(path)}:{v.offset}:{v.rule_id}:{v.match[:40]}"
                found.append({
                    "key": key, "rule": v.rule_id, "file": _rel(path), "match": " ".join(v.match.split())[:120],
                    "context": _context(text, v.span.start, v.span.end), "verdict": "", "reason": "",
                })
    old = load_reviews(family, args.part)
    keys = {row["key"] for row in found}
    kept = [dict(row, **{k: old[row["key"]][k] for k in ("verdict", "reason")}) for row in found if row["key"] in old]
    fresh = [row for row in found if row["key"] not in old]
    random.Random(args.seed).shuffle(fresh)
    chosen = kept + fresh[: max(0, args.n - len(kept))]
    chosen.sort(key=lambda r: (r["rule"], r["file"], r["key"]))
    target = review_path(family, args.part)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(chosen)
    dropped = len([k for k in old if k not in keys])
    print(f"{family}: {len(found)} findings in the {args.part} corpus ({', '.join(kinds)}); {len(chosen)} rows in "
          f"{target} ({len(kept)} already reviewed, {dropped} stale rows dropped)")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Compute the figures and write docs/quality.md."""
    t0 = time.perf_counter()
    linter = make_linter(args.profile)
    per_family_text: Counter[str] = Counter()
    per_rule_text: Counter[str] = Counter()
    words_text = 0
    n_text = 0
    bpl_articles = 0
    for _path, _text, words, violations in lint_corpus(linter, corpus(["text"])):
        n_text += 1
        words_text += words
        fams = Counter(v.rule_id[:3] for v in violations)
        per_family_text.update(fams)
        per_rule_text.update(v.rule_id for v in violations)
        bpl_articles += fams["BPL"] > 0
    per_family_md: Counter[str] = Counter()
    words_md = 0
    n_md = 0
    for _path, _text, words, violations in lint_corpus(linter, corpus(["markdown"])):
        n_md += 1
        words_md += words
        per_family_md.update(v.rule_id[:3] for v in violations)
    per_family_html: Counter[str] = Counter()
    n_html = 0
    for _path, _text, _words, violations in lint_corpus(linter, corpus(["html"])):
        n_html += 1
        per_family_html.update(v.rule_id[:3] for v in violations)
    elapsed = time.perf_counter() - t0

    out = [
        "# Rule quality on real articles",
        "",
        "Generated by `python bench/quality.py report` from the corpus in `../shared/corpus`",
        f"(profile `{args.profile}`; {n_text} clean article texts, {words_text:,} words; {n_md} Markdown posts,",
        f"{words_md:,} words; {n_html} raw HTML pages). Precision comes from by-eye reviews kept in",
        "`bench/reviews/FAMILY.tsv` (one row per sampled finding: verdict `ok` or `wrong`, and why).",
        "",
        "## Findings per family",
        "",
        "| family | clean text: findings | per 1,000 words | Markdown: findings | HTML pages: findings | per page |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for fam in FAMILIES:
        t, m, h = per_family_text[fam], per_family_md[fam], per_family_html[fam]
        if not (t or m or h):
            continue
        out.append(
            f"| {fam} | {t} | {1000 * t / max(words_text, 1):.2f} | {m} | {h} | {h / max(n_html, 1):.2f} |"
        )
    out += [
        "",
        f"Boilerplate (BPL) findings on clean text: {per_family_text['BPL']} in {n_text} articles = "
        f"**{per_family_text['BPL'] / max(n_text, 1):.3f} per article** (target at most 0.05); "
        f"{bpl_articles} articles with any.",
        "",
        "## Precision from by-eye review",
        "",
        "Each finding sampled and judged by eye (`ok` or `wrong`, with the reason) against the",
        "house style. **Held-out**: the quarter of the corpus set aside before the accuracy work",
        "(`bench/corpus_split.py`) and never read while rules were changed; these are the figures",
        "that say how the rules do on copy nobody tuned them on. **Tuning**: the rest, where false",
        "alarms were read, classed and fixed.",
        "",
        "| family | held-out: reviewed | ok | precision | tuning: reviewed | ok | precision |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    wrong_notes: dict[str, list[str]] = defaultdict(list)
    for fam in FAMILIES:
        cells = []
        for part in ("held-out", "tuning"):
            judged = [r for r in load_reviews(fam, part).values() if r["verdict"] in ("ok", "wrong")]
            ok = sum(r["verdict"] == "ok" for r in judged)
            cells += [str(len(judged)), str(ok), f"{100 * ok / len(judged):.0f}%" if judged else "n/a"]
            for r in judged:
                if r["verdict"] == "wrong":
                    wrong_notes[fam].append(f"- ({part}) `{r['rule']}` `{r['match']}` ({r['file']}): {r['reason']}")
        if cells[0] == cells[3] == "0":
            continue
        out.append(f"| {fam} | " + " | ".join(cells) + " |")
    out += recall_section(linter)
    if wrong_notes:
        out += ["", "## Findings judged wrong, and why", ""]
        for fam, notes in wrong_notes.items():
            out += [f"### {fam}", "", *notes, ""]
    out += [
        "",
        "## Findings per rule on clean text",
        "",
        "| rule | findings |",
        "|---|---:|",
        *[f"| {rid} | {n} |" for rid, n in sorted(per_rule_text.items())],
        "",
    ]
    notes = REVIEWS / "NOTES.md"
    if notes.exists():
        out += [notes.read_text(encoding="utf-8").strip(), ""]
    out.append(f"_Run time of this report: {elapsed:.1f} s._")
    Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def recall_section(linter: Linter) -> list[str]:
    """Recall on sentences written from the style guides (``bench/recall/FAMILY.tsv``)."""
    rows = []
    for path in sorted(RECALL.glob("*.tsv")) if RECALL.is_dir() else []:
        with open(path, encoding="utf-8", newline="") as fh:
            cases = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
        hit = missed = quiet = noisy = 0
        for text, expected, *_ in cases:
            fired = {v.rule_id for v in linter.lint_source(text.replace("\\n", "\n"), None, "text").violations}
            if expected == "-":
                if any(r.startswith(path.stem) for r in fired):
                    noisy += 1
                else:
                    quiet += 1
            elif expected in fired:
                hit += 1
            else:
                missed += 1
        cases_with = hit + missed
        rows.append(f"| {path.stem} | {cases_with} | {hit} | {100 * hit / cases_with:.0f}% | "
                    f"{quiet + noisy} | {noisy} |" if cases_with else f"| {path.stem} | 0 | 0 | n/a | {quiet + noisy} | {noisy} |")
    if not rows:
        return []
    return [
        "",
        "## Recall on sentences written from the style guides",
        "",
        "Sentences written for this purpose from the stylebooks' own entries (`bench/recall/FAMILY.tsv`),",
        "not taken from the corpus or from the rules' tests: the share of wrong sentences the",
        "expected rule flags, and of right sentences the family wrongly flags.",
        "",
        "| family | wrong sentences | flagged | recall | right sentences | flagged by mistake |",
        "|---|---:|---:|---:|---:|---:|",
        *rows,
    ]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--profile", default="ap")
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="sample a family's findings into bench/reviews/FAMILY.tsv")
    s.add_argument("--family", required=True)
    s.add_argument("--n", type=int, default=60)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--kinds", help="comma-separated corpus kinds (text, markdown, html; default all three)")
    s.add_argument("--part", choices=PARTS, default="tuning", help="which part of the corpus (default tuning)")
    s.set_defaults(func=cmd_sample)
    r = sub.add_parser("report", help="write docs/quality.md")
    r.add_argument("--out", default=str(ROOT / "docs" / "quality.md"))
    r.set_defaults(func=cmd_report)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
