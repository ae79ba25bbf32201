"""A canonical snapshot of every built-in finding on the corpus, to diff.

Not a test: a safety net for refactoring rules (performance work above all),
where the findings must not change by a single character.

    python bench/findings_snapshot.py OUT.json           # write a snapshot
    python bench/findings_snapshot.py --spin OUT.json    # the SPN family too
    python bench/findings_snapshot.py --compare A B      # print the differences

It lints every file of ../shared/corpus/{text,markdown,html} and
examples/blinken-ukraine.txt under each profile (ap, nyt, guardian) with
every built-in rule the profile runs, except the SPN family (spun copy, which
changes on its own schedule) unless ``--spin`` is given, and records for each finding: file, profile,
rule, offset, end_offset, message, suggestion, severity and fix. Lint errors
(a rule that crashed, a file that did not parse) are recorded too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FORMATS = ("text", "markdown", "html")
PROFILES = ("ap", "nyt", "guardian")
EXCLUDED_PREFIXES: tuple[str, ...] = ("SPN",)


def inputs() -> list[tuple[str, Path, str]]:
    """``(display name, path, input format)`` of every file snapshotted, sorted."""
    found = []
    for fmt in FORMATS:
        folder = CORPUS / fmt
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                found.append((f"{fmt}/{path.name}", path, fmt))
    found.append(("examples/blinken-ukraine.txt", ROOT / "examples" / "blinken-ukraine.txt", "text"))
    return found


def linter_for_profile(profile: str):
    """A linter with every built-in rule the profile runs (no installed packs)."""
    try:  # the layout by pipeline stage
        from stylelint.config.model.model import Config
        from stylelint.engine.linter.linter import Linter
        from stylelint.engine.linter.plugins import get_plugin_manager
    except ImportError:  # a commit from before it, to compare against
        from stylelint.config.model import Config
        from stylelint.engine.linter import Linter
        from stylelint.engine.plugins import get_plugin_manager

    # Spin is excluded from the run itself, not just from the output.
    cfg = Config(profile=profile, ignore=EXCLUDED_PREFIXES)
    return Linter(cfg, plugins=get_plugin_manager(cfg, autoload=False))


def snapshot() -> dict:
    """The canonical structure: findings and errors, sorted."""
    files = inputs()
    findings = []
    errors = []
    rules_run = {}
    for profile in PROFILES:
        linter = linter_for_profile(profile)
        rules_run[profile] = sorted(r.id for r in linter.rules)
        for name, path, fmt in files:
            source = path.read_text(encoding="utf-8")
            result = linter.lint_source(source, str(path), fmt, display_path=name)
            for err in result.errors:
                errors.append({"file": name, "profile": profile, "error": err})
            for v in result.violations:
                if v.rule_id.startswith(EXCLUDED_PREFIXES):
                    continue
                findings.append(
                    {
                        "file": name,
                        "profile": profile,
                        "rule": v.rule_id,
                        "offset": v.offset,
                        "end_offset": v.end_offset,
                        "message": v.message,
                        "suggestion": v.suggestion,
                        "severity": str(v.severity),
                        "fix": (
                            {"replacement": v.fix.replacement, "safe": v.fix.safe} if v.fix else None
                        ),
                    }
                )
    key = lambda f: json.dumps(f, sort_keys=True, ensure_ascii=False)  # noqa: E731
    findings.sort(key=key)
    errors.sort(key=key)
    return {"rules": rules_run, "findings": findings, "errors": errors}


def _key(f: dict) -> str:
    return json.dumps(f, sort_keys=True, ensure_ascii=False)


def compare(a_path: str, b_path: str) -> int:
    """Print what differs between two snapshots; 0 when identical."""
    a = json.loads(Path(a_path).read_text(encoding="utf-8"))
    b = json.loads(Path(b_path).read_text(encoding="utf-8"))
    differences = 0
    for profile in sorted(set(a["rules"]) | set(b["rules"])):
        ra, rb = set(a["rules"].get(profile, ())), set(b["rules"].get(profile, ()))
        for rid in sorted(ra - rb):
            print(f"- rule {rid} ({profile}) no longer runs")
            differences += 1
        for rid in sorted(rb - ra):
            print(f"+ rule {rid} ({profile}) now runs")
            differences += 1
    for section in ("findings", "errors"):
        ka = {_key(f): f for f in a[section]}
        kb = {_key(f): f for f in b[section]}
        gone = sorted(set(ka) - set(kb))
        new = sorted(set(kb) - set(ka))
        for k in gone:
            print(f"- {section[:-1]}: {k}")
        for k in new:
            print(f"+ {section[:-1]}: {k}")
        differences += len(gone) + len(new)
        if len(ka) != len(a[section]) or len(kb) != len(b[section]):
            # Duplicates: compare multiplicities too.
            from collections import Counter

            ca = Counter(_key(f) for f in a[section])
            cb = Counter(_key(f) for f in b[section])
            for k in sorted(set(ca) | set(cb)):
                if ca[k] != cb[k] and k in ka and k in kb:
                    print(f"~ {section[:-1]} x{ca[k]} -> x{cb[k]}: {k}")
                    differences += 1
    total_a, total_b = len(a["findings"]), len(b["findings"])
    if differences:
        print(f"{differences} difference(s); findings {total_a} -> {total_b}")
        return 1
    print(f"identical: {total_a} findings, {len(a['errors'])} errors")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", help="where to write the snapshot (JSON)")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"), help="diff two snapshots")
    parser.add_argument("--spin", action="store_true", help="include the SPN family")
    args = parser.parse_args(argv)
    if args.spin:
        global EXCLUDED_PREFIXES
        EXCLUDED_PREFIXES = ()
    if args.compare:
        return compare(*args.compare)
    if not args.output:
        parser.error("give an output path or --compare A B")
    data = snapshot()
    import stylelint
    import stylelint_rules

    print(f"stylelint from {Path(stylelint.__file__).parent}, rules from {Path(stylelint_rules.__file__).parent}")
    Path(args.output).write_text(
        json.dumps(data, sort_keys=True, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    print(
        f"{len(data['findings'])} findings, {len(data['errors'])} errors, "
        f"{len(inputs())} files x {len(PROFILES)} profiles -> {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
