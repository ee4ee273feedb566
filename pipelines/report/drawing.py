"""The report's drawing processes, forked when a command-line run starts so matplotlib loads while the run starts.

A run's first ~2 s (importing Dagster, opening the instance, creating the run) keep one core busy and leave the
other idle; the report's charts then cost a 1%-new run ~0.9 s: importing matplotlib (~0.4 s of CPU), its
first figure (fonts), and ~0.8 s of CPU drawing four charts on two processes. `start()` forks the drawing
processes before the run imports Dagster and has them load matplotlib and draw one small chart there, one after
the other, on the idle core. The publish step then submits the charts of the build it is about to publish
(`submit`, pipelines/report/page.py `predraw`), so they draw while the file is checkpointed and copied, and the
report step takes them (`take`) when the published rows are the ones they were drawn from, or sends the others
(`map`). Where no run started them (`dagster dev`, tests) `map` answers None and the report forks its own pool.

The workers are forked from the main thread while the process holds no other thread and no database, and they
die with it (pipelines/lifecycle/workers.py). A worker that died leaves the report to draw in a pool of its own.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipelines.lifecycle.workers import fork_context, process_pool, workers

_pool: list[ProcessPoolExecutor] = []  # the started pool, at most one
_pending: dict[str, Future] = {}  # charts submitted ahead of the report, by key (pipelines/report/svgcache.py)


def start(count: int | None = None) -> None:
    """Fork the drawing processes now (`count`, default one per core, at most one per chart) and let each load
    matplotlib; nothing when they run already."""
    if _pool:
        return
    from pipelines.report.charts import CHARTS

    n = count or min(workers(), len(CHARTS))
    pool = process_pool(n, warm=functools.partial(_warm_in_turn, (fork_context() or multiprocessing).Lock()))
    pool.submit(os.getpid)  # a fork context starts every worker at the first task
    _pool.append(pool)


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


def _warm_in_turn(lock) -> None:
    """warm(), one worker at a time: with the run starting on one core, the workers share the other one."""
    with lock:
        warm()


def warm() -> None:
    """Load matplotlib and draw one small chart (its first figure loads the fonts and the SVG backend)."""
    from pipelines.report.charts import CHARTS, chart_svg

    chart_svg(CHARTS[-1], [{"role": "main", "stories": 1, "words": 1, "mentions": 1, "initiatives": 1}])
