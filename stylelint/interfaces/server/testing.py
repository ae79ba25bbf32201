"""Start a real ``stylelint serve`` on a free loopback port, for tests and benchmarks.

::

    with serve("--workers", "2", cwd=folder) as server:
        urllib.request.urlopen(server.url + "/healthz")

The server runs in a process of its own (``python -m stylelint serve
--port 0``); its log is collected in :attr:`ServerProcess.lines`, and the
context manager stops it with SIGTERM (then SIGKILL if it hangs).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

_LISTENING = re.compile(r"^stylelint serve: listening on (http://\S+)")


@dataclass
class ServerProcess:
    """A running server: its URL, its process and every line it has logged."""

    process: subprocess.Popen
    url: str = ""
    lines: list[str] = field(default_factory=list)
    _ready: threading.Event = field(default_factory=threading.Event)
    _changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def log(self) -> str:
        """Everything logged so far."""
        with self._changed:
            return "".join(self.lines)

    def wait_for_line(self, pattern: str, timeout: float = 30.0, count: int = 1) -> str | None:
        """The ``count``-th logged line matching ``pattern`` (a regular expression), waiting up to ``timeout`` for it."""
        rx = re.compile(pattern)

        def found() -> list[str]:
            return [ln for ln in self.lines if rx.search(ln)]

        with self._changed:
            self._changed.wait_for(lambda: len(found()) >= count or self.process.poll() is not None, timeout)
            hits = found()
            return hits[count - 1] if len(hits) >= count else None

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM, then wait; returns the exit code (SIGKILL and -9 if it does not stop in time)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
            m = _LISTENING.match(line)
            if m and not self._ready.is_set():
                self.url = m.group(1)
                self._ready.set()
        with self._changed:
            self._changed.notify_all()
        self._ready.set()


@dataclass
class Answer:
    """An HTTP answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)

    @property
    def text(self) -> str:
        """The body as UTF-8 text."""
        return self.body.decode("utf-8")


def call(url: str, method: str, path: str, body: Any = None, headers: Mapping[str, str] | None = None,
         timeout: float = 60.0) -> Answer:
    """One request on a new connection; a ``dict`` or ``list`` body is sent as JSON, ``bytes`` and ``str`` as they are."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    sent = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode("utf-8")
        sent.setdefault("content-type", "application/json")
    elif isinstance(body, str):
        body = body.encode("utf-8")
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        conn.close()


@contextmanager
def serve(*args: str, cwd: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None,
          timeout: float = 120.0) -> Iterator[ServerProcess]:
    """Run ``stylelint serve --port 0 ARGS...`` until the block ends.

    :param env: variables added to this process's environment.
    :raises RuntimeError: when the server exits before it listens (with its log).
    """
    full_env = {**os.environ, **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "stylelint", "serve", "--port", "0", *args],
        cwd=cwd, env=full_env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, encoding="utf-8", errors="replace",
    )
    server = ServerProcess(process)
    reader = threading.Thread(target=server._read, daemon=True)
    reader.start()
    try:
        if not server._ready.wait(timeout) or not server.url:
            process.kill()
            process.wait()
            reader.join(5)
            raise RuntimeError(f"stylelint serve did not start (exit {process.returncode}):\n{server.log}")
        yield server
    finally:
        server.stop()
        reader.join(10)
