"""The lint worker processes: a bounded queue, a time limit per document, replacement of a stuck worker.

Why processes and not threads: linting is pure Python, so threads would
share one core, and a thread stuck in a rule (a pattern that backtracks
for ever, a newsroom rule with a loop) cannot be stopped. A worker process
can be killed. Each worker answers one job at a time over its own socket
pair; before each document of a job it says which one it starts, so the
front process restarts the document's clock then (``--timeout`` is per
document, not per request). A document past the limit gets a 503 naming
it; its worker is killed (SIGKILL) and a new one started from the fork
server (``forkserver``, with the stylelint modules already imported), while
the other workers go on answering.

The queue is bounded: with every worker busy and ``queue`` requests
waiting, the next request is refused at once (503 with ``Retry-After``)
rather than held in memory.
"""

from __future__ import annotations

import asyncio
import logging
import math
import multiprocessing
import pickle
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .work import Reply, WorkerInit, recv, send, worker_main

log = logging.getLogger("stylelint.serve")

_HEADER_SIZE = 4


class PoolError(RuntimeError):
    """Workers could not start (a plugin that fails to load, a config the rules refuse...)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class Overloaded(Exception):
    """Every worker is busy and the queue is full."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"every worker is busy and the queue is full; retry in {retry_after} s")
        self.retry_after = retry_after


class TimedOut(Exception):
    """A document ran past the time limit; its worker was replaced."""

    def __init__(self, field: str, seconds: float) -> None:
        super().__init__(f"{field}: linting took longer than the time limit ({seconds:g} s); the document was abandoned")
        self.field = field
        self.seconds = seconds


class WorkerLost(Exception):
    """A worker died while answering (killed from outside, out of memory...); it was replaced."""

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(f"{field}: the worker stopped while linting ({detail}); it was replaced")
        self.field = field


def _rule_modules() -> list[str]:
    """The built-in rule packs' modules, for the fork server to import once for every worker."""
    try:
        from stylelint_rules import FAMILIES
    except ImportError:  # an uninstalled checkout: the workers import them by path
        return []
    return ["stylelint_rules", *(f"stylelint_rules.{name}" for name in FAMILIES)]


@dataclass
class _Job:
    kind: str
    payload: Mapping[str, Any]
    future: asyncio.Future
    field: str


@dataclass
class _Slot:
    index: int
    process: Any
    sock: socket.socket
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    started: float = field(default_factory=time.monotonic)


class WorkerPool:
    """``size`` worker processes behind one bounded queue.

    :meth:`start` (blocking, before the server binds) starts every worker
    and waits until each has built its linters; :meth:`attach` (in the
    event loop) starts dispatching; :meth:`run` answers one job;
    :meth:`close` stops the workers.
    """

    def __init__(self, init: WorkerInit, *, size: int = 2, timeout: float = 10.0, queue: int = 64,
                 start_timeout: float = 120.0) -> None:
        self.init = init
        self.size = size
        self.timeout = timeout
        self.queue_limit = queue
        self.start_timeout = start_timeout
        self._ctx = multiprocessing.get_context("forkserver")
        # New workers fork from a server that has imported stylelint already.
        self._ctx.set_forkserver_preload([__package__ + ".work", *_rule_modules()])
        self._slots: list[_Slot] = []
        self._queue: asyncio.Queue[_Job] | None = None
        self._tasks: list[asyncio.Task] = []
        self._pending = 0
        self._closing = False
        self.busy = 0
        self.restarting = 0
        self.restarts = 0
        self._mean = 0.02  # seconds per job, smoothed (for Retry-After)

    # -- starting ----------------------------------------------------------

    def _spawn(self, index: int) -> _Slot:
        """Start one worker and wait for it to say it is ready (blocking)."""
        parent, child = socket.socketpair()
        process = self._ctx.Process(target=worker_main, args=(child, self.init), name=f"stylelint-worker-{index}", daemon=True)
        process.start()
        child.close()
        parent.settimeout(self.start_timeout)
        try:
            message = recv(parent)
        except (OSError, pickle.UnpicklingError) as exc:
            message = ("failed", [f"no answer from the worker: {exc}"])
        if message is None or message[0] != "ready":
            process.kill()
            process.join(5)
            parent.close()
            problems = message[1] if message else [f"the worker exited (code {process.exitcode}) before it was ready"]
            raise PoolError(problems)
        parent.settimeout(None)
        return _Slot(index, process, parent)

    def start(self) -> None:
        """Start every worker; raises :class:`PoolError` if one cannot start."""
        try:
            for i in range(self.size):
                self._slots.append(self._spawn(i))
        except PoolError:
            self.kill()
            raise

    @property
    def pids(self) -> list[int]:
        """The workers' process ids."""
        return [s.process.pid for s in self._slots]

    async def _open(self, slot: _Slot) -> None:
        slot.reader, slot.writer = await asyncio.open_unix_connection(sock=slot.sock, limit=1 << 20)

    async def attach(self) -> None:
        """Start dispatching jobs to the workers (in the server's event loop)."""
        self._queue = asyncio.Queue()
        for slot in self._slots:
            await self._open(slot)
        self._tasks = [asyncio.create_task(self._dispatch(i)) for i in range(len(self._slots))]

    # -- answering ---------------------------------------------------------

    @property
    def queued(self) -> int:
        """Jobs waiting for a worker."""
        return self._queue.qsize() if self._queue is not None else 0

    def retry_after(self) -> int:
        """Seconds until a worker is likely free for a new request (at least 1)."""
        return max(1, math.ceil(self._mean * (self._pending + 1) / max(self.size, 1)))

    async def run(self, kind: str, payload: Mapping[str, Any], field: str = "text") -> Reply:
        """Answer one job on the next free worker.

        :param field: how a time-limit error names the request before the
            worker names the document it is on.
        :raises Overloaded: every worker busy and the queue full.
        :raises TimedOut: a document past the time limit.
        :raises WorkerLost: the worker died.
        """
        assert self._queue is not None, "attach() first"
        if self._closing or self._pending >= self.size + self.queue_limit:
            raise Overloaded(self.retry_after())
        future = asyncio.get_running_loop().create_future()
        self._pending += 1
        try:
            self._queue.put_nowait(_Job(kind, payload, future, field))
            return await future
        finally:
            self._pending -= 1

    async def _read(self, reader: asyncio.StreamReader) -> Any:
        head = await reader.readexactly(_HEADER_SIZE)
        return pickle.loads(await reader.readexactly(int.from_bytes(head, "big")))

    async def _dispatch(self, i: int) -> None:
        assert self._queue is not None
        while True:
            job = await self._queue.get()
            if job.future.done():  # its client gave up while it waited
                continue
            self.busy += 1
            began = time.monotonic()
            failed: Exception | None = None
            try:
                reply = await self._run_on(self._slots[i], job)
            except (TimedOut, WorkerLost) as exc:
                failed = exc
            except Exception as exc:  # a broken exchange with the worker: answer, and start it afresh
                log.error("worker %d: %s: %s", i, type(exc).__name__, exc)
                failed = WorkerLost(job.field, type(exc).__name__)
            finally:
                self.busy -= 1
            if failed is None:
                self._mean = 0.9 * self._mean + 0.1 * (time.monotonic() - began)
                if not job.future.done():
                    job.future.set_result(reply)
                continue
            if not job.future.done():
                job.future.set_exception(failed)  # answer first, then replace the worker
            await self._replace(i)

    async def _run_on(self, slot: _Slot, job: _Job) -> Reply:
        assert slot.reader is not None and slot.writer is not None
        loop = asyncio.get_running_loop()
        data = pickle.dumps(("job", job.kind, job.payload), protocol=pickle.HIGHEST_PROTOCOL)
        current = job.field
        try:
            slot.writer.write(len(data).to_bytes(_HEADER_SIZE, "big") + data)
            await slot.writer.drain()
            deadline = loop.time() + self.timeout
            while True:
                try:
                    message = await asyncio.wait_for(self._read(slot.reader), max(deadline - loop.time(), 0))
                except asyncio.TimeoutError:
                    raise TimedOut(current, self.timeout) from None
                if message[0] == "start":  # the next document: its own time limit
                    current = message[1]
                    deadline = loop.time() + self.timeout
                    continue
                return Reply(*message[1])
        except (asyncio.IncompleteReadError, ConnectionError, OSError, EOFError, pickle.UnpicklingError) as exc:
            code = slot.process.exitcode
            raise WorkerLost(current, f"exit code {code}" if code is not None else type(exc).__name__) from None

    async def _replace(self, i: int) -> None:
        """Kill worker ``i`` and start another in its place (retrying, slower each time, if it cannot start)."""
        slot = self._slots[i]
        self.restarts += 1
        self.restarting += 1
        try:
            slot.process.kill()
            await asyncio.to_thread(slot.process.join, 10)
            if slot.writer is not None:
                slot.writer.close()
            delay = 0.5
            while not self._closing:
                began = time.monotonic()
                try:
                    new = await asyncio.to_thread(self._spawn, i)
                except PoolError as exc:
                    log.error("worker %d could not restart: %s (next try in %g s)", i, exc, delay)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 30.0)
                    continue
                await self._open(new)
                self._slots[i] = new
                log.info("worker %d replaced: pid %d, ready in %.2f s", i, new.process.pid, time.monotonic() - began)
                return
        finally:
            self.restarting -= 1

    # -- stopping ----------------------------------------------------------

    async def close(self, grace: float = 10.0) -> None:
        """Stop the workers: ask each to leave, wait ``grace`` seconds, kill what is left."""
        self._closing = True
        for task in self._tasks:
            task.cancel()
        for slot in self._slots:
            try:
                if slot.writer is not None:
                    data = pickle.dumps(("stop",))
                    slot.writer.write(len(data).to_bytes(_HEADER_SIZE, "big") + data)
                    await slot.writer.drain()
                else:
                    send(slot.sock, ("stop",))
            except (OSError, ConnectionError):
                pass
        deadline = time.monotonic() + grace
        for slot in self._slots:
            await asyncio.to_thread(slot.process.join, max(deadline - time.monotonic(), 0))
        self.kill()

    def kill(self) -> None:
        """Kill every worker still running (blocking; also for a pool that never attached)."""
        for slot in self._slots:
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join(5)
            if slot.writer is not None:
                slot.writer.close()
            else:
                slot.sock.close()
