"""Light wall-clock timing of build phases, for benchmarks/run.py: `build()` collects, code inside a
projection may mark a sub-phase with `timed("...")`; outside a collecting build it costs nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_collector: ContextVar[dict[str, float] | None] = ContextVar("timings", default=None)


@contextmanager
def collecting() -> Iterator[dict[str, float]]:
    """Seconds per phase name, filled by every `timed` block run inside this one."""
    timings: dict[str, float] = {}
    token = _collector.set(timings)
    try:
        yield timings
    finally:
        _collector.reset(token)


@contextmanager
def timed(name: str) -> Iterator[None]:
    timings = _collector.get()
    started = time.perf_counter()
    try:
        yield
    finally:
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
