"""Cost of linting against another commit, in executed instructions (not seconds).

Wall-clock times on a shared or loaded machine move by tens of percent;
instruction counts under ``valgrind --tool=callgrind`` repeat to a fraction
of a percent, so two commits can be compared anywhere. Each commit is
checked out in a temporary ``git worktree`` and lints, in one process with
every built-in rule (profile ``ap``), ten warm-up files and then the measured
ones; its cost is the instructions of that run minus those of a run of the
warm-up files alone: the steady cost of linting the measured files (imports,
rule loading, pattern compilation and what a first text builds are left
out; ``--startup`` reports the whole run too).

    python bench/compare.py HEAD~5                 # HEAD~5 against the working tree
    python bench/compare.py A B --texts 60         # two commits, 60 texts
    python bench/compare.py HEAD~5 --format html   # the raw HTML pages instead

Needs valgrind (Debian's package) and the corpus beside the checkout.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

HARNESS = r'''
import importlib.util, pathlib, sys
root = pathlib.Path(sys.argv[1]); n = int(sys.argv[2]); kind = sys.argv[3]; measured = sys.argv[5] == "1"
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
for t in warm:  # rules loaded, patterns compiled, lexicons built
    linter.lint_source(t, None, kind)
found = sum(len(linter.lint_source(t, None, kind).violations) for t in texts) if measured else 0
print("findings", found)
'''


def instructions(checkout: Path, n: int, kind: str, measured: bool) -> tuple[int, str]:
    """Instructions callgrind counts for the harness on ``checkout`` (the warm-up, then ``n`` texts if ``measured``)."""
    with tempfile.TemporaryDirectory() as cache:
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
             sys.executable, "-c", HARNESS, str(checkout), str(n), kind, str(CORPUS), "1" if measured else "0"],
            capture_output=True, text=True, env={"STYLELINT_PATTERN_CACHE": cache, "PATH": "/usr/bin:/bin"},
        )
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or m is None:
        raise SystemExit(f"{checkout}: harness failed:\n{proc.stderr[-2000:]}")
    return int(m.group(1)), proc.stdout.strip()


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
    ap.add_argument("--texts", type=int, default=40, help="how many corpus files (default 40)")
    ap.add_argument("--format", default="text", choices=("text", "html", "markdown"), help="corpus folder")
    ap.add_argument("--startup", action="store_true", help="also report the cost of starting up")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        worktrees = []
        try:
            for label, rev in (("base", args.base), ("head", args.head)):
                path = checkout(rev, Path(tmp))
                if path != ROOT:
                    worktrees.append(path)
                warm, _ = instructions(path, args.texts, args.format, False)
                full, out = instructions(path, args.texts, args.format, True)
                results[label] = (full - warm, full, out)
                print(f"{label} {rev or 'working tree'}: {full - warm:,} instructions to lint {args.texts} "
                      f"{args.format} files ({out}); the whole run {full:,}")
        finally:
            for path in worktrees:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)], check=False)
    ratio = results["head"][0] / results["base"][0]
    print(f"head / base, linting: {ratio:.3f}")
    if args.startup:
        print(f"head / base, the whole run: {results['head'][1] / results['base'][1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
