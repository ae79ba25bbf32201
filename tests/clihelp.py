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


def cli_env(env=None) -> dict[str, str]:
    """The environment the CLI runs in under test: no installed plugins, no colour."""
    return {**os.environ, "STYLELINT_DISABLE_PLUGIN_AUTOLOAD": "1", "NO_COLOR": "1", **(env or {})}


def run(*args: str, input: bytes | str | None = None, cwd=None, env=None, prefix=(), timeout=120
        ) -> subprocess.CompletedProcess:
    """Run the CLI; returns the completed process with text stdout/stderr.

    ``prefix`` runs it through another command (``setpriv ...``).
    """
    full_env = cli_env(env)
    if isinstance(input, str):
        input = input.encode("utf-8")
    proc = subprocess.run(
        [*prefix, *stylelint_command(), *args], input=input, capture_output=True, cwd=cwd, env=full_env,
        timeout=timeout,
    )
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def _works(prefix: list[str]) -> bool:
    try:
        return subprocess.run([*prefix, "true"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def without_permission_override() -> list[str] | None:
    """A command prefix under which file permissions apply to the CLI, or None.

    A normal user needs none. Root reads any folder whatever its mode
    (``CAP_DAC_OVERRIDE``); ``setpriv`` runs it without that capability, so
    a folder of mode 000 is unreadable to it as to anyone.
    """
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    prefix = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]
    return prefix if shutil.which("setpriv") and _works(prefix) else None


def as_user(uid: int, gid: int) -> list[str] | None:
    """A command prefix running the CLI as ``uid``/``gid`` (root only), or None."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"):
        return None
    prefix = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups"]
    return prefix if _works(prefix) else None
