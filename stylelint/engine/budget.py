"""Time limits for rules: a rule that runs too long on a document is stopped and named.

A rule is code from anyone (a newsroom's rules folder, an installed pack, a
pattern in a config), and one that never returns must not hold up
pre-commit, CI or a service. While a document is linted, its thread holds a
:class:`Clock`; each rule call on it sets a deadline. One watchdog thread per
process looks at the clocks and, when a call is still running past its
deadline, raises :class:`RuleTimeout` inside the thread running it (CPython's
``PyThreadState_SetAsyncExc``: the exception arrives at the rule's next
bytecode, in whatever thread it runs, so it works for API callers and
servers, not only in the main thread). Long C calls are not interrupted that
way; the one of them a user controls, a regular expression, takes
:func:`remaining` as the ``regex`` module's ``timeout``.

A rule call costs a clock read and an uncontended lock; the watchdog wakes
four times per limit while documents are being linted, and sleeps otherwise.
A call is stopped between one and one and a quarter times its limit.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

class RuleTimeout(BaseException):
    """Raised inside a rule that ran past its deadline.

    A ``BaseException``, so that a rule's own ``except Exception`` does not
    swallow it.
    """


# Two prototypes of one C function: with an exception to raise, and with
# NULL, which withdraws one not yet raised.
_SET_ASYNC_EXC = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi)
)
_CLEAR_ASYNC_EXC = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi)
)
_local = threading.local()


class Clock:
    """The deadline of the rule call running in one thread on one document."""

    __slots__ = ("thread", "limit", "deadline", "fired", "lock")

    def __init__(self, limit: float) -> None:
        self.thread = threading.get_ident()
        self.limit = limit
        self.deadline: float | None = None
        self.fired = False
        self.lock = threading.Lock()

    def run(self, call: Callable[[], T]) -> T:
        """``call()``, stopped with :class:`RuleTimeout` once past the limit."""
        self.deadline = time.monotonic() + self.limit
        try:
            return call()
        finally:
            try:
                self._stop()
            except RuleTimeout:  # delivered at the deadline, while stopping: stop anyway
                self._stop()
                raise

    def _stop(self) -> None:
        with self.lock:
            self.deadline = None
            if self.fired:
                # Raised but perhaps not yet delivered: withdraw it, so that it
                # cannot surface later in the engine's own code.
                _CLEAR_ASYNC_EXC(self.thread, None)
                self.fired = False

    def expire(self, now: float) -> None:
        """Called by the watchdog: raise in the thread if its call is past due."""
        with self.lock:
            if self.deadline is not None and self.deadline <= now and not self.fired:
                self.fired = True
                _SET_ASYNC_EXC(self.thread, RuleTimeout)


class _Watchdog:
    def __init__(self) -> None:
        self._clocks: set[Clock] = set()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._idle = True  # waiting with no deadline to watch: only then must add() wake it

    def add(self, clock: Clock) -> None:
        with self._cond:
            # A forked worker (stylelint -j) inherits no threads: start its own.
            if self._thread is None or self._pid != os.getpid():
                self._pid = os.getpid()
                self._thread = threading.Thread(target=self._watch, name="stylelint-rule-watchdog", daemon=True)
                self._thread.start()
            self._clocks.add(clock)
            # Waking the watchdog for every document would hand it the GIL
            # each time; a watchdog already polling sees the clock anyway.
            if self._idle:
                self._idle = False
                self._cond.notify()

    def remove(self, clock: Clock) -> None:
        with self._cond:
            self._clocks.discard(clock)

    def _watch(self) -> None:
        with self._cond:
            while True:
                if not self._clocks:
                    self._idle = True
                    self._cond.wait()
                    continue
                now = time.monotonic()
                for clock in list(self._clocks):
                    clock.expire(now)
                # A deadline set since the last look is at most one limit away.
                self._cond.wait(timeout=min(c.limit for c in self._clocks) / 4)


_WATCHDOG = _Watchdog()


@contextmanager
def clock(limit: float | None) -> Iterator[Clock | None]:
    """A :class:`Clock` for the rules run on one document in this thread (None: no limit)."""
    if limit is None:
        yield None
        return
    c = Clock(limit)
    _WATCHDOG.add(c)
    previous = getattr(_local, "clock", None)
    _local.clock = c
    try:
        yield c
    finally:
        _local.clock = previous
        _WATCHDOG.remove(c)


def remaining() -> float | None:
    """Seconds left to the rule call running in this thread (None outside a limited call)."""
    c = getattr(_local, "clock", None)
    if c is None or c.deadline is None:
        return None
    return max(0.001, c.deadline - time.monotonic())
