"""Peak memory of the HTML input path on a big page (not a test; figures to compare).

    python bench/html_memory.py [--mb 9] [--cli]

Builds two pages of about ``--mb`` MB from ../shared/corpus:

- ``mix``: the ``<article>`` bodies of the corpus's HTML pages, repeated in
  one ``<article>`` (real markup: about a sixth of it is prose);
- ``dense``: the text corpus's paragraphs as ``<p>`` with a link, an
  ``<em>`` and entities in each (most of it is prose).

For each, a fresh process reads the file, parses it (``parsers.html.parse``)
and tokenizes its prose (``Document.tokens``), and reports the peak RSS
after each stage; with ``--cli`` it also runs ``stylelint --format json``
on it and reports that run's peak RSS (every default rule included) as a
multiple of the file size. Peak RSS is the kernel's high-water mark
(``VmHWM``, Linux), so the figures do not depend on machine load; time does,
and is not reported.
"""

from __future__ import annotations

import argparse
import glob
import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# VmHWM, not ru_maxrss: that one keeps the parent's peak across exec.
_PEAK = r"""
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
"""

_STAGES = _PEAK + r"""
import sys
from stylelint.parsers.decode import read_article
from stylelint.parsers.html import parse
start = peak()
src, _ = read_article(sys.argv[1], 1 << 30)
read = peak()
doc = parse(src, sys.argv[1])
parsed = peak()
tokens = len(doc.tokens)
print(f"{start:.0f} {read:.0f} {parsed:.0f} {peak():.0f} {len(doc.text)} {tokens}")
"""


# The CLI run in a process that reports its own peak at the end.
_CLI = _PEAK + r"""
import contextlib, gc, os, sys
from stylelint.interfaces.cli import main
gc.set_threshold(100_000, 50, 100)  # as the command's run() sets it
with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
    main(["--format", "json", sys.argv[1]])
print(peak())
"""


def mix_page(target: int) -> str:
    """Corpus article bodies, repeated, in one <article> (no itemprop/role to pick a part)."""
    bodies = []
    for path in sorted(glob.glob(str(CORPUS / "html" / "*.html"))):
        try:
            src = Path(path).read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        m = re.search(r"<article\b.*?</article>", src, re.S | re.I)
        if m and len(m.group()) > 2000:
            body = re.sub(r"</?(?:article|main)\b[^>]*>", "", m.group(), flags=re.I)
            bodies.append(re.sub(r"""\s(?:itemprop|role)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", "", body, flags=re.I))
    return _repeat("<!DOCTYPE html><html><head><title>Mix</title></head><body><article>", bodies, target)


def dense_page(target: int) -> str:
    """The text corpus's paragraphs as <p>, each with a link, an <em> and entities."""
    paras = []
    for path in sorted(glob.glob(str(CORPUS / "text" / "*.txt"))):
        for para in Path(path).read_text(encoding="utf-8", errors="replace").split("\n\n"):
            words = html.escape(" ".join(para.split()), quote=False).replace("'", "&rsquo;").split(" ")
            if len(words) > 6:
                words[3] = f'<a href="https://example.com/{len(paras)}">{words[3]}</a>'
                words[5] = f"<em>{words[5]}</em>"
                paras.append("<p>" + " ".join(words) + "</p>\n")
    return _repeat("<!DOCTYPE html><html><head><title>Dense</title></head><body><article><h1>Dense</h1>", paras, target)


def _repeat(head: str, pieces: list[str], target: int) -> str:
    out, size, i = [head], 0, 0
    while size < target:
        out.append(pieces[i % len(pieces)])
        size += len(pieces[i % len(pieces)].encode())
        i += 1
    out.append("</article></body></html>\n")
    return "".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=9.0, help="page size in MB (default 9)")
    ap.add_argument("--cli", action="store_true", help="also run stylelint --format json on each page")
    args = ap.parse_args()
    if not (CORPUS / "html").is_dir():
        print(f"needs the corpus at {CORPUS}", file=sys.stderr)
        return 2
    target = int(args.mb * 1e6)
    with tempfile.TemporaryDirectory() as tmp:
        for name, build in (("mix", mix_page), ("dense", dense_page)):
            path = os.path.join(tmp, f"{name}.html")
            Path(path).write_text(build(target), encoding="utf-8")
            mb = os.path.getsize(path) / 1e6
            out = subprocess.run([sys.executable, "-c", _STAGES, path], capture_output=True, text=True, check=True, cwd=tmp)
            start, read, parsed, tokens, text, ntok = (float(x) for x in out.stdout.split())
            print(
                f"{name:5} {mb:.1f} MB, prose {int(text):,} chars, {int(ntok):,} tokens: peak RSS MB"
                f" imports {start:.0f}, read {read:.0f}, parse {parsed:.0f} (+{parsed - read:.0f}),"
                f" tokens {tokens:.0f} (+{tokens - parsed:.0f})"
            )
            if args.cli:
                out = subprocess.run([sys.executable, "-c", _CLI, path], capture_output=True, text=True, check=True, cwd=tmp)
                peak = float(out.stdout.split()[-1])
                print(f"      stylelint --format json: peak RSS {peak:.0f} MB = {peak / mb:.1f}x the file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
