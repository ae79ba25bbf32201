"""Which corpus documents are set aside: never looked at while rules are changed.

Accuracy figures count only on copy nobody tuned on (issue 12). This split
was fixed before the accuracy work began and must not change: a document is
*held out* when the SHA-256 of its name (the file name without extension,
shared by a page's ``html/``, ``text/`` and ``meta/`` files) falls in the
first half for the ``pl-`` pages and in the first quarter for the others.
Everything else is the *tuning* set, where false alarms may be read,
classed and fixed.

The ``pl-`` pages came after the rules were first written; the ``rdb-``,
``nws-`` and ``md-`` documents were all read by the sessions that wrote
them. So only the held-out ``pl-`` pages are copy no rule was ever tuned on;
the other held-out documents are kept apart from now on, and the report
says which figure comes from which.

    python bench/corpus_split.py            # counts per folder and prefix
    python bench/corpus_split.py --list held-out
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("html", "text", "markdown")


def held_out(name: str) -> bool:
    """Whether the document called ``name`` (no folder, no extension) is set aside."""
    share = 128 if name.startswith("pl-") else 64
    return hashlib.sha256(name.encode("utf-8")).digest()[0] < share


def never_tuned(name: str) -> bool:
    """Held out, and from the pages that came after the rules were first written."""
    return name.startswith("pl-") and held_out(name)


def documents(kind: str, part: str) -> list[Path]:
    """The corpus files of folder ``kind`` in ``part`` (``held-out`` or ``tuning``), sorted."""
    folder = CORPUS / kind
    files = sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    return [p for p in files if held_out(p.stem) == (part == "held-out")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", choices=("held-out", "tuning"))
    args = ap.parse_args(argv)
    if args.list:
        for kind in FOLDERS:
            for p in documents(kind, args.list):
                print(f"{kind}/{p.name}")
        return 0
    for kind in FOLDERS:
        for part in ("tuning", "held-out"):
            docs = documents(kind, part)
            prefixes = Counter(p.name.split("-")[0] for p in docs)
            print(f"{kind:9} {part:9} {len(docs):4}  " + ", ".join(f"{k} {v}" for k, v in sorted(prefixes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
