"""Start-up stays light: a run loads only what its inputs and report need."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys
from stylelint.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print(json.dumps(sorted(m for m in ("lxml", "yaml") if m in sys.modules)))
"""


def _loaded(args: list[str], tmp_path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(args=args)], capture_output=True, text=True, cwd=tmp_path, check=True)
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
