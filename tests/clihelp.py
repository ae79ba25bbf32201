"""Running the installed ``stylelint`` command in tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def stylelint_command() -> list[str]:
    """The installed console script next to this Python (else ``python -m stylelint``)."""
    script = Path(sys.executable).parent / "stylelint"
    if script.exists():
        return [str(script)]
    found = shutil.which("stylelint")
    return [found] if found else [sys.executable, "-m", "stylelint"]


def run(*args: str, input: bytes | str | None = None, cwd=None, env=None) -> subprocess.CompletedProcess:
    """Run the CLI; returns the completed process with text stdout/stderr."""
    full_env = {**os.environ, "STYLELINT_DISABLE_PLUGIN_AUTOLOAD": "1", "NO_COLOR": "1", **(env or {})}
    if isinstance(input, str):
        input = input.encode("utf-8")
    proc = subprocess.run(
        [*stylelint_command(), *args], input=input, capture_output=True, cwd=cwd, env=full_env, timeout=120
    )
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc
