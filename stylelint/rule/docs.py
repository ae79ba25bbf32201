"""Rule documentation generated from rule metadata.

``docs/rules/ID.md`` and ``stylelint --explain ID`` come from the same
function, so the docs cannot drift from the code; a test regenerates the
pages and fails when the committed ones are stale
(``python -m stylelint.rule.docs`` rewrites them).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stylelint.config.profiles import PROFILES
from stylelint.rule.base import Rule


def _profiles_line(rule: Rule) -> str:
    if not rule.default_enabled:
        return "off by default; turn on with `select` or `extend_select`"
    names = rule.profiles if rule.profiles is not None else tuple(PROFILES)
    return ", ".join(f"`{n}`" for n in names)


def _fix_line(rule: Rule) -> str:
    return {
        "safe": "safe: applied by `--fix`",
        "unsafe": "unsafe: applied only with `--unsafe-fixes`; always shown by `--diff`",
    }.get(rule.fixable or "", "none")


def render_rule(rule: Rule) -> str:
    """The Markdown page for one rule."""
    out = [f"# {rule.name} ({rule.id})", "", rule.summary.strip(), ""]
    out += [
        f"- Severity: {rule.severity}",
        f"- Profiles: {_profiles_line(rule)}",
        f"- Applies inside quotations: {'yes' if rule.in_quotes else 'no'}",
        f"- Scope: {', '.join(rule.scopes) if rule.scopes else ('whole document' if rule.document_level else 'all prose')}",
        f"- Fix: {_fix_line(rule)}",
        *(["- Marks page residue: other rules' findings inside its span are not reported"] if rule.residue else []),
        f"- Provided by: {rule.plugin or 'unknown'}",
        "",
        "## Why",
        "",
        (rule.rationale or rule.summary).strip(),
        "",
    ]
    wrong = [e for e in rule.examples if e.wrong]
    right = [e for e in rule.examples if e.right]

    def example_lines(attr: str, examples) -> list[str]:
        lines = []
        for e in examples:
            tags = []
            if e.format != "text":
                tags.append(e.format)
            if e.profile:
                tags.append(f"profile {e.profile}")
            suffix = f" ({', '.join(tags)})" if tags else ""
            note = f" ({e.note})" if e.note and attr == "right" else ""
            text = getattr(e, attr).replace("\n", "\\n")
            lines.append(f"- `{text}`{suffix}{note}" if "`" not in text else f"- ``{text}``{suffix}{note}")
        return lines

    if rule.not_flagged:
        out += ["## Not flagged", "", rule.not_flagged.strip(), ""]
    if rule.fix_note:
        out += ["## Fix", "", rule.fix_note.strip(), ""]
    if wrong:
        out += ["## Wrong", "", *example_lines("wrong", wrong), ""]
    if right:
        out += ["## Right", "", *example_lines("right", right), ""]
    if rule.source:
        out += ["## Source", "", rule.source.strip(), ""]
    return "\n".join(out)


def render_explain(rule: Rule) -> str:
    """Plain text for ``stylelint --explain ID`` (the page, unadorned)."""
    return render_rule(rule)


def render_index(rules: list[Rule]) -> str:
    """``docs/rules/README.md``: every rule with its summary."""
    out = ["# Rules", "", "Generated from rule metadata by `python -m stylelint.rule.docs`.", ""]
    out += ["| id | name | severity | summary |", "|---|---|---|---|"]
    for r in rules:
        out.append(f"| [{r.id}]({r.id}.md) | {r.name} | {r.severity} | {r.summary.strip()} |")
    return "\n".join(out) + "\n"


def builtin_rules() -> list[Rule]:
    """The rules shipped with stylelint (no config, no installed packs)."""
    from stylelint.config.model import Config
    from stylelint.engine.linter import Linter
    from stylelint.engine.plugins import get_plugin_manager

    return Linter(Config(), plugins=get_plugin_manager(Config(), autoload=False)).all_rules


def expected_pages() -> dict[str, str]:
    """File name → content of every generated page."""
    rules = builtin_rules()
    pages = {f"{r.id}.md": render_rule(r) for r in rules}
    pages["README.md"] = render_index(rules)
    return pages


def write_docs(folder: Path) -> list[str]:
    """Regenerate ``folder`` (docs/rules); returns the names written or removed."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = expected_pages()
    changed = []
    for name, content in pages.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(name)
    for path in folder.glob("*.md"):
        if path.name not in pages:
            path.unlink()
            changed.append(path.name)
    return changed


def main(argv: list[str] | None = None) -> int:
    """``python -m stylelint.rule.docs [--check] [FOLDER]``."""
    ap = argparse.ArgumentParser(prog="python -m stylelint.rule.docs", description=__doc__)
    ap.add_argument("folder", nargs="?", default="docs/rules")
    ap.add_argument("--check", action="store_true", help="fail if the pages are stale; write nothing")
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    if args.check:
        pages = expected_pages()
        stale = [n for n, c in pages.items() if not (folder / n).exists() or (folder / n).read_text(encoding="utf-8") != c]
        stale += [p.name for p in folder.glob("*.md") if p.name not in pages]
        for name in stale:
            print(f"{folder / name}: stale; run python -m stylelint.rule.docs", file=sys.stderr)
        return 1 if stale else 0
    for name in write_docs(folder):
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
