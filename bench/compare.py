"""Cost of linting against another commit, as a ratio of CPU time.

Each commit is checked out in a temporary ``git worktree`` and lints the same
corpus files, in a process of its own with every built-in rule (profile
``ap``): ten warm-up files first (rules loaded, patterns compiled, lexicons
built), then the measured files, several rounds, each on fresh copies of the
strings (so no memo keyed by a string's identity carries over). The figure is
the least CPU time of the process over the rounds (``time.process_time``),
and the commits' rounds are interleaved, so a machine that is busy for a
while slows both alike. CPU time, not wall time: other processes on a loaded
machine take turns on the cores but do not add to this process's time.

    python bench/compare.py HEAD~5                 # HEAD~5 against the working tree
    python bench/compare.py A B --files 100        # two commits
    python bench/compare.py HEAD~5 --format html   # the raw HTML pages instead

Needs the corpus beside the checkout.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

HARNESS = r'''
import importlib.util, pathlib, sys, time
root = pathlib.Path(sys.argv[1]); n = int(sys.argv[2]); kind = sys.argv[3]; rounds = int(sys.argv[5])
sys.path.insert(0, str(root))
spec = importlib.util.spec_from_file_location("stylelint_rules", root / "rules/__init__.py",
                                              submodule_search_locations=[str(root / "rules")])
mod = importlib.util.module_from_spec(spec); sys.modules["stylelint_rules"] = mod; spec.loader.exec_module(mod)
try:
    from stylelint.config.model import Config
    from stylelint.engine.linter import Linter
    from stylelint.engine.plugins import get_plugin_manager
except ImportError:  # before the layout by stage
    from stylelint.config import Config
    from stylelint.engine import Linter
    from stylelint.plugins import get_plugin_manager
import stylelint
assert str(root) in stylelint.__file__, stylelint.__file__
ext = {"text": "*.txt", "html": "*.html", "markdown": "*.md"}[kind]
files = sorted(pathlib.Path(sys.argv[4]).joinpath(kind).glob(ext))
texts = [p.read_bytes().decode("utf-8", "replace") for p in files]
warm, texts = texts[-10:], texts[:n]
linter = Linter(Config(), plugins=get_plugin_manager(Config(), autoload=False))
for t in warm:
    linter.lint_source(t, None, kind)
times = []
for _ in range(rounds):
    fresh = ["".join(list(t)) for t in texts]
    t0 = time.process_time()
    found = sum(len(linter.lint_source(t, None, kind).violations) for t in fresh)
    times.append(time.process_time() - t0)
print(min(times), found)
'''


def cpu_seconds(checkout: Path, n: int, kind: str, rounds: int) -> tuple[float, int]:
    """Least CPU seconds over ``rounds`` to lint ``n`` files with ``checkout``, and the findings."""
    proc = subprocess.run(
        [sys.executable, "-c", HARNESS, str(checkout), str(n), kind, str(CORPUS), str(rounds)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{checkout}: harness failed:\n{proc.stderr[-2000:]}")
    best, found = proc.stdout.split()
    return float(best), int(found)


def checkout(rev: str | None, tmp: Path) -> Path:
    """A worktree of ``rev`` (None: this working tree as it is)."""
    if rev is None:
        return ROOT
    path = tmp / rev.replace("/", "_").replace("~", "-")
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(path), rev], check=True)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", help="the commit to compare against")
    ap.add_argument("head", nargs="?", help="the commit measured (default: the working tree)")
    ap.add_argument("--files", type=int, default=100, help="how many corpus files (default 100)")
    ap.add_argument("--format", default="text", choices=("text", "html", "markdown"), help="corpus folder")
    ap.add_argument("--rounds", type=int, default=3, help="rounds per process (default 3)")
    ap.add_argument("--repeat", type=int, default=3, help="processes per commit, interleaved (default 3)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = {"base": checkout(args.base, Path(tmp)), "head": checkout(args.head, Path(tmp))}
        try:
            best = {label: float("inf") for label in paths}
            found = {}
            for _ in range(args.repeat):
                for label, path in paths.items():
                    seconds, found[label] = cpu_seconds(path, args.files, args.format, args.rounds)
                    best[label] = min(best[label], seconds)
        finally:
            for path in paths.values():
                if path != ROOT:
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)], check=False)
    for label, rev in (("base", args.base), ("head", args.head or "working tree")):
        print(f"{label} {rev}: {best[label]:.3f} s CPU to lint {args.files} {args.format} files "
              f"({found[label]} findings)")
    print(f"head / base: {best['head'] / best['base']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
