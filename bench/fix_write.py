"""What writing a fixed article costs: the checked swap against a plain atomic replace.

Not a test. For N files (default 1,000) of SIZE bytes in a fresh folder,
times three ways of putting new bytes in place, each run ROUNDS times
alternately (the best round counts):

- ``replace``: :func:`stylelint.run.fileio.write_atomic` (temporary file,
  fsync, rename): what ``--fix`` did before;
- ``swap``: :func:`stylelint.run.fileio.rewrite` as ``--fix`` now does it:
  open and read the file, temporary copy with owner, mode and xattrs,
  fsync, the check, ``renameat2(RENAME_EXCHANGE)``, the check of the file
  swapped out, unlink;
- ``in place``: the same with ``force`` on a file with two hard links.

    python bench/fix_write.py [--files N] [--size BYTES] [--rounds R] [--dir DIR]

Prints milliseconds per file and the ratio to ``replace``. The figures
depend on the disk (fsync dominates); ratios are what to compare.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stylelint.parsers.decode import open_regular  # noqa: E402
from stylelint.run.fileio import rewrite, write_atomic  # noqa: E402


def _files(folder: str, n: int, size: int, links: bool) -> list[str]:
    os.makedirs(folder)
    text = ("The council spent alot on roads. " * (size // 33 + 1))[:size]
    paths = []
    for i in range(n):
        p = os.path.join(folder, f"s{i:05d}.txt")
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(text)
        if links:
            os.link(p, p + ".link")
        paths.append(p)
    return paths


def _replace(paths: list[str]) -> None:
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            text = fh.read()
        write_atomic(p, text.replace("alot", "a lot"))


def _rewrite(paths: list[str], force: bool = False) -> None:
    for p in paths:
        fd, st = open_regular(p)
        try:
            old = os.read(fd, st.st_size + 1)
            rewrite(p, old.replace(b"alot", b"a lot"), fd=fd, st=st, old=old, force=force)
        finally:
            os.close(fd)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--size", type=int, default=2400)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", default=None, help="where to make the files (default: the system's temp folder)")
    args = ap.parse_args(argv)
    best: dict[str, float] = {}
    base = tempfile.mkdtemp(prefix="stylelint-bench-", dir=args.dir)
    try:
        for r in range(args.rounds):
            for name, fn, links in (("replace", _replace, False), ("swap", _rewrite, False),
                                    ("in place", lambda ps: _rewrite(ps, force=True), True)):
                folder = os.path.join(base, f"{r}-{name.replace(' ', '-')}")
                paths = _files(folder, args.files, args.size, links)
                start = time.perf_counter()
                fn(paths)
                took = time.perf_counter() - start
                best[name] = min(best.get(name, took), took)
                shutil.rmtree(folder)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"{args.files} files of {args.size} bytes, best of {args.rounds} rounds")
    for name, took in best.items():
        print(f"  {name:9} {1000 * took / args.files:7.3f} ms/file   x{took / best['replace']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
