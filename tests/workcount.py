"""How much work a call does, counted rather than timed, for scaling tests.

A count of executed Python lines is the same on every run and under any
machine load, so a test can say "five times the input, at most six times the
work" without a clock. Work done in C (a regex engine's backtracking) does
not count; it shows as a test that does not finish.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


def executed_lines(fn: Callable[..., Any], *args: Any) -> int:
    """The number of Python source lines ``fn(*args)`` executes."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn(*args)
    finally:
        sys.settrace(previous)
    return count
