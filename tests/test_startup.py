"""Start-up stays light: a run loads only what its inputs and report need."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys
from stylelint.interfaces.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))
"""


def _loaded(args: list[str], tmp_path, modules=("lxml", "yaml")) -> list[str]:
    script = SCRIPT.format(args=args, modules=modules)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_text_run_loads_neither_lxml_nor_yaml(tmp_path):
    (tmp_path / "a.txt").write_text("He said the 2 agreed on Jan. 14.\n", encoding="utf-8")
    assert _loaded(["-f", "json", "a.txt"], tmp_path) == []


def test_html_input_and_reports_load_lxml_when_needed(tmp_path):
    (tmp_path / "a.txt").write_text("He said the 2 agreed.\n", encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>He said the 2 agreed.</p>", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\nHe said the 2 agreed.\n", encoding="utf-8")
    assert _loaded(["a.html"], tmp_path) == ["lxml"]
    assert _loaded(["-f", "html", "a.txt"], tmp_path) == ["lxml"]
    assert _loaded(["-f", "junit", "a.txt"], tmp_path) == ["lxml"]
    assert _loaded(["a.md"], tmp_path) == ["yaml"]


def test_run_answered_from_the_result_cache_loads_no_rule_pack_and_no_regex(tmp_path):
    (tmp_path / "a.txt").write_text("He said the 2 agreed on Jan. 14.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("She mentioned it.\n", encoding="utf-8")
    args = ["-f", "json", "--cache", "--cache-dir", "c", "a.txt", "b.txt"]
    modules = ("regex", "multiprocessing", "stylelint_rules.spin", "stylelint_rules.attribution", "lxml")
    assert "regex" in _loaded(args, tmp_path, modules)  # the first run lints
    assert _loaded(args, tmp_path, modules) == []
