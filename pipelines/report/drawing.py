"""The report's drawing processes, forked from a server that loads matplotlib while a command-line run starts.

A run's first ~2 s (importing Dagster, opening the instance, creating the run) keep one core busy and leave the
other idle; the report's charts then cost a 1%-new run ~0.9 s: importing matplotlib (~0.4 s of CPU) and ~0.8 s
of CPU drawing four charts on two processes. `start()`, called before the run imports Dagster, starts
multiprocessing's fork server with matplotlib to preload: it loads it on the idle core, once, and every drawing
process is then forked from it with matplotlib in place (processes forked from the run itself would each have to
import it, ~0.9 s of CPU apiece). The publish step submits the charts of the build it is about to publish
(`submit`, pipelines/report/page.py `predraw`), so they draw while the file is checkpointed and copied, and the
report step takes them (`take`) when the published rows are the ones they were drawn from, or sends the others
(`map`). Where no run started them (`dagster dev`, tests) `map` answers None and the report forks its own pool.

Each drawing process ends when the run's process does (pipelines/lifecycle/workers.py `die_with`), and the fork
server once neither the run nor a drawing process holds its pipe, so a run killed with kill -9 leaves none behind. A drawing process
that died leaves the report to draw in a pool of its own.
"""
from __future__ import annotations

import functools
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipelines.lifecycle.workers import die_with, start_server, workers

PRELOAD = ["pipelines.report.charts", "matplotlib.figure", "matplotlib.backends.backend_svg"]  # what a chart needs
_pool: list[ProcessPoolExecutor] = []  # the started pool, at most one
_pending: dict[str, Future] = {}  # charts submitted ahead of the report, by key (pipelines/report/svgcache.py)


def start(count: int | None = None) -> None:
    """Start the server the drawing processes fork from, loading matplotlib (`count` processes at most, default one
    per core and at most one per chart, forked when charts are sent); nothing when it runs already, or where the OS
    has no fork server (the report then draws in a pool of its own)."""
    if _pool:
        return
    context = start_server(PRELOAD)  # a CLI run started it already, with the stages' modules besides (__main__.py)
    if context is None:
        return
    from pipelines.report.charts import CHARTS

    _pool.append(ProcessPoolExecutor(max_workers=count or min(workers(), len(CHARTS)), mp_context=context,
                                     initializer=functools.partial(die_with, os.getpid())))


def started() -> bool:
    """True when start() forked drawing processes that can still draw."""
    return bool(_pool) and not getattr(_pool[0], "_broken", False)


def map(func, items: list) -> list | None:  # noqa: A001 - as Executor.map
    """[func(item) ...] computed by the started drawing processes, in order; None when none were started or they
    died (the caller then draws on its own)."""
    if not started():
        return None
    try:
        return list(_pool[0].map(func, items))
    except BrokenProcessPool:
        stop()
        return None


def submit(key: str, func, item) -> bool:
    """Start func(item) in the drawing processes, to be taken by its key; False when none run."""
    if not started():
        return False
    _pending[key] = _pool[0].submit(func, item)
    return True


def take(key: str):
    """The result of what was submitted under key (waiting for it); None when nothing was, or its process died."""
    future = _pending.pop(key, None)
    if future is None:
        return None
    try:
        return future.result()
    except BrokenProcessPool:
        stop()
        return None


def stop() -> None:
    """End the drawing processes (idle ones exit at once) and forget what was submitted to them."""
    _pending.clear()
    while _pool:
        _pool.pop().shutdown(wait=True, cancel_futures=True)
