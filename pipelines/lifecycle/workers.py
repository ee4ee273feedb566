"""Worker processes: how many, and pools of forked workers that die with the run that forked them.

Pure module (standard library only), so a command can use it before it imports anything heavy
(pipelines/report/drawing.py starts the chart-drawing fork server before the run imports Dagster; its processes
end with the run through `die_with`).
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # prctl option: signal sent to this process when its parent dies


def workers() -> int:
    """Processes for parsing, extraction and drawing: PIPELINE_WORKERS, else the CPU count."""
    return max(1, int(os.environ.get("PIPELINE_WORKERS") or os.cpu_count() or 1))


def process_pool(max_workers: int, warm=None) -> ProcessPoolExecutor:
    """A pool of forked workers (children share the parent's memory) that die with this process; `warm` (imports,
    rule files) runs first in each worker. Call it from the main thread: a worker is killed when the thread that
    forked it ends.

    >>> with process_pool(1) as pool: pool.submit(abs, -2).result()
    2
    """
    return ProcessPoolExecutor(max_workers=max_workers, mp_context=fork_context(), initializer=_start_worker,
                               initargs=(warm, os.getpid()))


def _start_worker(warm, parent: int) -> None:
    die_with_parent(parent)
    if warm is not None:
        warm()


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the run that forked it (`parent`) dies (kill -9 leaves no orphans)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the run died before the request took effect (its orphans may go to a
            os._exit(1)  # subreaper, not to pid 1)
    except (OSError, AttributeError):  # no prctl: workers still exit when the pool's pipe closes
        pass


def die_with(pid: int) -> None:
    """End this worker when process `pid` ends: for a worker whose parent is not the run (one forked by
    multiprocessing's fork server, which outlives the run as long as a worker holds its pipe). A thread waits on the
    process's pidfd (Linux), or looks every second where there is none. Ctrl-C is the run's to handle: the worker
    ignores SIGINT (its terminal sends it to the whole process group) and ends when the run does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        handle = None
    threading.Thread(target=_exit_when_gone, args=(pid, handle), name=f"die with {pid}", daemon=True).start()


def _exit_when_gone(pid: int, handle: int | None) -> None:
    if handle is not None:
        select.select([handle], [], [])
    else:
        while _alive(pid):
            time.sleep(1.0)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fork_context():
    """'fork' where the OS has it (children share the warmed parent's memory), else the default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None
