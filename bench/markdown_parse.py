"""Markdown parse time per post: the parser of another commit against this one.

    python bench/markdown_parse.py                 # against bc202c3 (the hand-written parser)
    python bench/markdown_parse.py --old main~3    # any commit
    python bench/markdown_parse.py --json out.json

The old parser is never copied into the tree: the old commit is checked out
in a temporary ``git worktree`` for the run and removed afterwards. Each side
runs in a process of its own that imports ``stylelint`` from its own tree
(so each parser sees its own document model), parses every Markdown post of
``../shared/corpus/markdown`` a few times and reports, per post, the least
CPU time (``time.process_time``) one parse took. Rounds alternate old, new,
old, new …, and the least of all rounds counts: on a loaded machine the
least is the figure least disturbed by the load.

Three figures per side: whole posts (front matter included: YAML is parsed
either way), post bodies without front matter (Markdown alone), and the
pathological inputs of the issue (10,000 nested brackets, 10,000 ``*``,
50,000 ``>``), each parsed once per round.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "markdown"
#: The last commit of main with the hand-written parser.
DEFAULT_OLD = "bc202c3"

PATHOLOGICAL = {
    "10,000 nested brackets": "[" * 10_000 + "a" + "]" * 10_000,
    "10,000 *": "a " + "*" * 10_000,
    "50,000 >": ">" * 50_000 + " quoted",
}

WORKER = r"""
import json, sys, time
root, reps = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, root)
from stylelint.parsers import markdown
assert markdown.__file__.startswith(root), markdown.__file__
job = json.load(sys.stdin)

def least(text, path, reps):
    markdown.parse(text, path)  # warm: imports, compiled patterns
    best = float("inf")
    for _ in range(reps):
        t = time.process_time()
        markdown.parse(text, path)
        best = min(best, time.process_time() - t)
    return best

out = {
    "posts": {name: least(text, name, reps) for name, text in job["posts"].items()},
    "bodies": {name: least(text, None, reps) for name, text in job["bodies"].items()},
    "pathological": {name: least(text, None, 1) for name, text in job["pathological"].items()},
}
print(json.dumps(out))
"""


def _body(text: str) -> str:
    """A post without its front matter (``---`` … ``---``)."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return text
    nl = text.find("\n", end + 1)
    return text[nl + 1 :] if nl >= 0 else ""


def _run(root: Path, job: dict, reps: int) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", WORKER, str(root), str(reps)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)


def _least(rounds: list[dict]) -> dict:
    return {
        part: {name: min(r[part][name] for r in rounds) for name in rounds[0][part]}
        for part in rounds[0]
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", default=DEFAULT_OLD, help=f"commit of the old parser (default {DEFAULT_OLD})")
    ap.add_argument("--rounds", type=int, default=5, help="alternating rounds per side (default 5)")
    ap.add_argument("--reps", type=int, default=5, help="parses of each post per round (default 5)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    posts = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))}
    if not posts:
        print(f"no posts in {CORPUS}", file=sys.stderr)
        return 2
    job = {"posts": posts, "bodies": {k: _body(v) for k, v in posts.items()}, "pathological": PATHOLOGICAL}
    with tempfile.TemporaryDirectory(prefix="stylelint-md-old-") as tmp:
        old_root = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(old_root), args.old],
            check=True,
        )
        try:
            old_rounds, new_rounds = [], []
            for _ in range(args.rounds):
                old_rounds.append(_run(old_root, job, args.reps))
                new_rounds.append(_run(ROOT, job, args.reps))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_root)], check=False)
    old, new = _least(old_rounds), _least(new_rounds)

    print(f"{len(posts)} posts, old = {args.old}, new = this tree; least CPU time of "
          f"{args.rounds} rounds x {args.reps} parses\n")
    print(f"{'post':58} {'old ms':>8} {'new ms':>8} {'new/old':>8}")
    for name in posts:
        o, n = old["posts"][name], new["posts"][name]
        print(f"{name[:58]:58} {o * 1e3:8.2f} {n * 1e3:8.2f} {n / o:8.2f}")
    summary = {}
    for part, label in (("posts", "whole posts"), ("bodies", "bodies (no front matter)")):
        o = statistics.fmean(old[part].values())
        n = statistics.fmean(new[part].values())
        summary[part] = {"old_ms_per_post": o * 1e3, "new_ms_per_post": n * 1e3, "ratio": n / o}
        print(f"\n{label:26} old {o * 1e3:6.2f} ms/post   new {n * 1e3:6.2f} ms/post   new/old {n / o:.2f}")
    print()
    for name in PATHOLOGICAL:
        o, n = old["pathological"][name], new["pathological"][name]
        summary[name] = {"old_ms": o * 1e3, "new_ms": n * 1e3, "ratio": n / o}
        print(f"{name:26} old {o * 1e3:7.1f} ms        new {n * 1e3:7.1f} ms        new/old {n / o:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"old": old, "new": new, "summary": summary}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
