"""Worker processes: how many, and pools of forked workers that die with the run that forked them.

Pure module (standard library only), so a command can use it before it imports anything heavy.

A command-line run starts multiprocessing's fork server before it imports Dagster (`start_server`): the server
imports the modules it is given once, on the core the run's start leaves idle (matplotlib for the report's charts,
pipelines/report/drawing.py; the parsers and extractors with their rules and gazetteer, pipelines/lifecycle/warmup.py).
While the run holds it (`forking_from_server`), the stages' pools fork their workers from the server, warm, instead
of from the run after warming there (~0.2 s each for the parse and the extraction stage, on the run's critical path).
Elsewhere (`dagster dev`, tests, the Spark engine) pools fork from the process that asks for them, as always. Every
worker ends with the run: a forked one by prctl, one forked by the server by watching the run's pidfd (`die_with`);
the server ends once neither the run nor a worker holds its pipe.
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
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # prctl option: signal sent to this process when its parent dies
_serving: list = []  # the fork server's context while a run lets the stages' pools fork from it (forking_from_server)


def workers() -> int:
    """Processes for parsing, extraction and drawing: PIPELINE_WORKERS, else the CPU count."""
    return max(1, int(os.environ.get("PIPELINE_WORKERS") or os.cpu_count() or 1))


def process_pool(max_workers: int, warm=None, from_server: bool = True) -> ProcessPoolExecutor:
    """A pool of forked workers (children share the parent's memory) that die with this process; `warm` (imports,
    rule files) runs first in each worker. Call it from the main thread: a worker is killed when the thread that
    forked it ends. While a run holds the fork server (forking_from_server) the workers fork from it instead, unless
    from_server is False.

    >>> with process_pool(1) as pool: pool.submit(abs, -2).result()
    2
    """
    if _serving and from_server:
        return ProcessPoolExecutor(max_workers=max_workers, mp_context=_serving[-1], initializer=_start_served_worker,
                                   initargs=(warm, os.getpid()))
    return ProcessPoolExecutor(max_workers=max_workers, mp_context=fork_context(), initializer=_start_worker,
                               initargs=(warm, os.getpid()))


def start_server(preload: list[str]):
    """Start multiprocessing's fork server, which imports `preload` (module names) once while this process goes on;
    its context, or None where the OS has no fork server. There is one server per process, and the first call's
    preload is the one it keeps (a server that died is started again with it)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    if not _preloaded:
        context.set_forkserver_preload(preload)
        _preloaded.append(preload)
    forkserver.ensure_running()  # starts it when not running and returns: it imports `preload` while this process goes on
    return context


_preloaded: list = []  # the preload the fork server was first given


def forks_from_server() -> bool:
    """True while the stages' pools fork their workers from the fork server (forking_from_server)."""
    return bool(_serving)


@contextmanager
def forking_from_server(preload: list[str]) -> Iterator[None]:
    """Start the fork server with `preload` (start_server) and let process_pool fork from it while inside; where the
    OS has no fork server, pools fork from this process as before."""
    context = start_server(preload)
    if context is not None:
        _serving.append(context)
    try:
        yield
    finally:
        if context is not None:
            _serving.remove(context)


def _start_served_worker(warm, run: int) -> None:
    die_with(run)
    if warm is not None:
        warm()  # what the server loaded is in place: a few ms


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
