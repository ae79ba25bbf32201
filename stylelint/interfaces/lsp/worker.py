"""The lint worker: a process of its own, so the language server never waits on a rule.

The server sends one job at a time over a pipe (lint a text, fix a text,
explain a rule) with the resolved :class:`~stylelint.config.model.Config`;
the worker keeps a :class:`~stylelint.engine.linter.LinterCache`, so a
configuration's rules are collected and its phrase lists compiled once.
While a job runs the server keeps answering the editor.

Jobs for the same document supersede each other: a queued one is dropped
when a newer version arrives, and a running one is cancelled by stopping
the process (a thread could not be interrupted, and a rule holding the GIL
would stall the server). A new worker is forked from a server process that
has stylelint and the rule packs imported already (``forkserver``), so a
restart costs a fork and building the linter, not an interpreter. A job
that outlives ``timeout``, and a rule that kills its process, end the same
way: the job fails with :class:`WorkerError` naming what happened, and the
next job gets a fresh worker.
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing
import os
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from stylelint.config.model import Config
from stylelint.engine.linter import LinterCache
from stylelint.interfaces.lsp.positions import Positions, Range
from stylelint.model.findings import Violation

#: Modules the fork server imports once, so each new worker starts warm.
PRELOAD = (
    "stylelint.interfaces.lsp.worker",
    "stylelint.engine.plugins",
    "stylelint.run.fix",
    "stylelint.rule.docs",
    "stylelint.parsers.text",
    "stylelint.parsers.markdown",
    "stylelint.parsers.html",
    "stylelint_rules",
)


class WorkerError(Exception):
    """A job did not finish: the worker stopped, timed out, or the job raised."""


class Cancelled(Exception):
    """A job was superseded by a newer one for the same document."""


@dataclass
class LintOutcome:
    """One lint run, as the worker returns it.

    :param format: the parser that read the text (None when it could not be parsed).
    :param violations: placed findings, in source order.
    :param ranges: each finding's LSP range in the requested encoding.
    :param errors: this text's errors (a parse error, a rule that crashed).
    :param plugin_errors: the linter's own (plugins, unknown rule selectors).
    :param docs: ``--explain`` text of the rules that fired, minus those the
        server said it knows.
    :param seconds: time spent linting in the worker.
    """

    format: str | None
    violations: list[Violation]
    ranges: list[Range]
    errors: list[str]
    plugin_errors: list[str]
    docs: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class FixOutcome:
    """The text after ``--fix``'s loop (safe fixes, or unsafe too), and what it left."""

    fixed: str
    applied: int
    skipped: list[str]


# ---------------------------------------------------------------------------
# In the worker process


def _lint(linters: LinterCache, config: Config, source: str, path: str | None, fmt: str | None,
          encoding: str, known: Sequence[str] = ()) -> LintOutcome:
    from stylelint.rule.docs import render_explain

    started = time.perf_counter()
    linter = linters.get(config)
    result = linter.lint_source(source, path, fmt)
    positions = Positions(source, encoding)
    ranges = [positions.range(v.offset, v.end_offset) for v in result.violations]
    docs: dict[str, str] = {}
    seen = set(known)
    for v in result.violations:
        if v.rule_id not in seen and v.rule_id not in docs:
            rule = linter.rule(v.rule_id)
            if rule is not None:
                docs[v.rule_id] = render_explain(rule)
    return LintOutcome(result.format, result.violations, ranges, list(result.errors), list(linter.errors), docs,
                       time.perf_counter() - started)


def _fix(linters: LinterCache, config: Config, source: str, path: str | None, fmt: str | None,
         unsafe: bool = False) -> FixOutcome:
    from stylelint.run.fix import fix_file

    linter = linters.get(config)
    result = linter.lint_source(source, path, fmt)
    outcome = fix_file(linter, result, unsafe=unsafe)
    skipped = [f"{s.violation.rule_id} at {s.violation.line}:{s.violation.column}: {s.reason}" for s in outcome.skipped]
    return FixOutcome(outcome.fixed, len(outcome.applied), skipped)


def _explain(linters: LinterCache, config: Config, rule_id: str) -> str | None:
    from stylelint.rule.docs import render_explain

    rule = linters.get(config).rule(rule_id)
    return render_explain(rule) if rule is not None else None


_JOBS = {"lint": _lint, "fix": _fix, "explain": _explain}


def serve(conn: Any) -> None:
    """The worker's loop: one ``(id, kind, kwargs)`` job at a time, answered ``(id, ok, value)``.

    Standard output and input belong to the LSP channel: a rule that prints
    must not write into it, nor one that reads steal the client's messages.
    """
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    linters = LinterCache(limit=8)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the server went away
        if message is None:
            return
        job_id, kind, kwargs = message
        try:
            reply = (job_id, True, _JOBS[kind](linters, **kwargs))
        except Exception as exc:  # a bug must not take the worker down with it
            reply = (job_id, False, f"{type(exc).__name__}: {exc}")
        conn.send(reply)


# ---------------------------------------------------------------------------
# In the server


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(PRELOAD))
        return ctx
    return multiprocessing.get_context("spawn")


@dataclass(eq=False)
class _Job:
    kind: str
    key: str | None
    kwargs: dict[str, Any]
    future: asyncio.Future
    id: int = 0
    started: float = 0.0
    cancelled: bool = False


class LintWorker:
    """Runs jobs in the worker process, one at a time, from the server's event loop.

    ``key`` names what a job is about (a document URI): a newer job with the
    same key supersedes the older one, queued or running. Jobs without a key
    (code actions, hover) go before queued lints, which can wait.

    ``stats`` counts what happened (jobs, superseded, cancelled, restarts,
    timeouts, crashes), for tests and the status request.
    """

    def __init__(self, *, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.stats: Counter[str] = Counter()
        self._ctx = _context()
        self._proc: Any = None
        self._conn: Any = None
        self._queue: deque[_Job] = deque()
        self._running: _Job | None = None
        self._ids = itertools.count(1)
        self._wakeup: asyncio.Event | None = None
        self._loop_task: asyncio.Task | None = None
        self._closed = False
        self._start_lock = threading.Lock()

    # -- process -------------------------------------------------------------

    def start(self) -> None:
        """Start the worker process now (it is started on first use otherwise). Thread-safe."""
        with self._start_lock:
            if self._closed or (self._proc is not None and self._proc.is_alive()):
                return
            parent, child = self._ctx.Pipe()
            proc = self._ctx.Process(target=serve, args=(child,), name="stylelint-lsp-worker", daemon=True)
            proc.start()
            child.close()
            self._proc, self._conn = proc, parent
            self.stats["starts"] += 1

    @property
    def running(self) -> str | None:
        """The key (document URI) of the job running now, if any."""
        job = self._running
        return job.key if job is not None and job.started else None

    @property
    def pid(self) -> int | None:
        """The worker's process id (None before it starts)."""
        return self._proc.pid if self._proc is not None else None

    def _stop_process(self, *, reading: bool = False) -> int | None:
        """Kill the worker; returns its exit code.

        With ``reading``, a thread is blocked reading its pipe: that thread
        sees the end of the pipe and closes it (closing it here could hand
        its file descriptor number to the next worker's pipe under the reader).
        """
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is None:
            return None
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        if conn is not None and not reading:
            conn.close()
        return proc.exitcode

    def close(self) -> None:
        """Stop the worker; queued and running jobs fail with :class:`Cancelled`."""
        self._closed = True
        for job in self._queue:
            if not job.future.done():
                job.future.set_exception(Cancelled())
        self._queue.clear()
        reading = self._running is not None
        if reading:
            self._running.cancelled = True
        elif self._conn is not None:
            try:
                self._conn.send(None)
            except OSError:
                pass
        self._stop_process(reading=reading)
        if self._wakeup is not None:
            self._wakeup.set()

    # -- jobs ----------------------------------------------------------------

    async def run(self, kind: str, key: str | None = None, **kwargs: Any) -> Any:
        """Run one job and return its value.

        :raises Cancelled: a newer job with the same ``key`` replaced it.
        :raises WorkerError: the job raised, timed out or the worker died.
        """
        if self._closed:
            raise Cancelled()
        loop = asyncio.get_running_loop()
        if self._loop_task is None:
            self._wakeup = asyncio.Event()
            self._loop_task = loop.create_task(self._drain())
        job = _Job(kind, key, kwargs, loop.create_future())
        if key is not None:
            for old in [j for j in self._queue if j.key == key]:
                self._queue.remove(old)
                old.future.set_exception(Cancelled())
                self.stats["superseded"] += 1
            running = self._running
            if running is not None and running.key == key and not running.cancelled:
                # Its result would be stale: stop it rather than wait for it.
                running.cancelled = True
                self.stats["cancelled"] += 1
                self._stop_process(reading=True)
            self._queue.append(job)
        else:
            self._queue.appendleft(job)
        assert self._wakeup is not None
        self._wakeup.set()
        return await job.future

    async def _drain(self) -> None:
        assert self._wakeup is not None
        loop = asyncio.get_running_loop()
        while not self._closed:
            if not self._queue:
                self._wakeup.clear()
                await self._wakeup.wait()
                continue
            job = self._queue.popleft()
            job.id = next(self._ids)
            job.started = 0.0
            self._running = job
            try:
                value = await self._execute(loop, job)
            except (Cancelled, WorkerError) as exc:
                if not job.future.done():
                    job.future.set_exception(exc)
            except Exception as exc:  # never let the queue die
                if not job.future.done():
                    job.future.set_exception(WorkerError(f"{type(exc).__name__}: {exc}"))
            else:
                if not job.future.done():
                    job.future.set_result(value)
            finally:
                self._running = None

    async def _execute(self, loop: asyncio.AbstractEventLoop, job: _Job) -> Any:
        if self._proc is None or not self._proc.is_alive():
            if self._proc is not None:
                self._stop_process()
                self.stats["restarts"] += 1
            await loop.run_in_executor(None, self.start)
        conn = self._conn
        job.started = time.monotonic()
        self.stats["jobs"] += 1
        try:
            # Sending and receiving block (a large text fills the pipe): in a thread.
            await loop.run_in_executor(None, conn.send, (job.id, job.kind, job.kwargs))
            reply = await asyncio.wait_for(loop.run_in_executor(None, self._receive, conn), self.timeout)
        except asyncio.TimeoutError:
            self.stats["timeouts"] += 1
            self._stop_process(reading=True)
            raise WorkerError(f"stopped after {self.timeout:g} s (lintTimeout); the worker was restarted") from None
        except (EOFError, OSError):
            if job.cancelled:
                raise Cancelled() from None
            code = self._stop_process(reading=True) if self._conn is conn else None
            self.stats["crashes"] += 1
            raise WorkerError(f"the lint worker stopped (exit code {code}); it will be restarted") from None
        if job.cancelled:
            raise Cancelled()
        _, ok, value = reply
        if not ok:
            raise WorkerError(value)
        return value

    @staticmethod
    def _receive(conn: Any) -> tuple:
        try:
            return conn.recv()
        except BaseException:
            conn.close()  # the worker is gone: this thread is the pipe's last user
            raise
