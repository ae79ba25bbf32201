"""How editors set up ``stylelint lsp``: the README's snippets, the VS Code extension, ``--tcp``."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from pathlib import Path

from clihelp import stylelint_command
from conftest import ROOT
from lsp_editors import COMMAND, INIT_OPTIONS


def test_the_readme_snippets_configure_what_the_tests_run():
    """Each editor's snippet runs COMMAND with INIT_OPTIONS (and so does editors/vscode)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Editors", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```")[1::2]
    assert len(blocks) >= 5
    for editor in ("VS Code", "Neovim", "Helix", "Emacs", "Zed"):
        assert f"### {editor}" in section, editor
    for block in blocks:
        if "stylelint" not in block or "mcp" in block:
            continue
        flat = " ".join(block.split())
        assert all(f'"{part}"' in flat or f"'{part}'" in flat for part in COMMAND), block
        for key, value in INIT_OPTIONS.items():
            assert key in flat and value in flat, block
    package = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
    props = package["contributes"]["configuration"]["properties"]
    assert props["stylelint.command"]["default"] == COMMAND
    assert props["stylelint.docsUrl"]["default"] == INIT_OPTIONS["docsUrl"]


def test_tcp_for_debugging(tmp_path: Path):
    """``stylelint lsp --tcp PORT`` answers initialize on the loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([*stylelint_command(), "lsp", "--tcp", str(port)], stderr=subprocess.PIPE)
    try:
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                           "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}}).encode()
        sock = None
        for _ in range(600):  # until it listens (bounded)
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=60)
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(proc.stderr.read().decode()) from None
                time.sleep(0.1)
        assert sock is not None
        with sock:
            sock.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            data = b""
            while b"\r\n\r\n" not in data:
                data += sock.recv(65536)
            head, rest = data.split(b"\r\n\r\n", 1)
            headers = dict(line.split(b":", 1) for line in head.split(b"\r\n"))
            length = int(headers[b"Content-Length"])
            while len(rest) < length:
                rest += sock.recv(65536)
            answer = json.loads(rest[:length])
        assert answer["id"] == 1
        caps = answer["result"]["capabilities"]
        assert caps["positionEncoding"] == "utf-16" and caps["hoverProvider"]
        assert "source.fixAll.stylelint" in caps["codeActionProvider"]["codeActionKinds"]
    finally:
        proc.kill()
        proc.wait(30)
        proc.stderr.close()



def test_without_the_extras_each_command_names_its_pip_install():
    """In a core install (here: the extras' packages made unimportable), one line, exit 2."""
    import sys

    for command, blocked, extra in (("lsp", ("lsprotocol", "pygls"), "lsp"), ("mcp", ("mcp",), "mcp")):
        code = (
            "import sys\n"
            + "".join(f"sys.modules[{name!r}] = None\n" for name in blocked)
            + "from stylelint.interfaces.cli import main\n"
            + f"raise SystemExit(main([{command!r}]))\n"
        )
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and f"pip install 'stylelint[{extra}]'" in lines[0], proc.stderr
