"""One run of the pipeline as a user starts it (`python -m pipelines run` in a subprocess, so start-up
and imports count): wall time, CPU time and peak memory of its whole process tree.
"""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pipelines.config import REPO_ROOT

# engine: the arguments that choose it on the command line (the DuckDB path is the default)
ENGINES = {"duckdb": [], "spark": ["--engine", "spark"]}


def _tree_pids(root: int) -> list[int]:
    """A process and all its descendants now (Linux; [root] where /proc cannot be read)."""
    children: dict[int, list[int]] = {}
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", "rb") as f:
                        ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
                    children.setdefault(ppid, []).append(int(entry))
                except (OSError, IndexError, ValueError):
                    continue
    except OSError:
        return [root]
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo += children.get(pid, [])
    return pids


def _tree_memory(pids: list[int]) -> int:
    """Memory of the processes now: the sum of their proportional set sizes (0 where the kernel does not say).

    PSS charges each page shared by n processes 1/n to each of them, so forked pool workers, which
    share most of their parent's pages, are not counted twice as a sum of RSS would count them.
    """
    return sum(_pss(pid) for pid in pids)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (0 when it is gone or the kernel does not say).

    >>> _cpu_seconds(os.getpid()) > 0
    True
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    except (OSError, IndexError, ValueError):
        return 0.0


def _pss(pid: int) -> int:
    """Proportional set size of one process in bytes (0 when it is gone or the kernel does not say).

    >>> _pss(os.getpid()) > 0
    True
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


@dataclass
class RunResult:
    seconds: float
    cpu_seconds: float  # user + system time of the run's processes (pool workers included)
    peak_tree_bytes: int
    peak_process_bytes: int
    output: str


def run_command(engine: str, raw_dir: Path, warehouse: Path, force: bool = False) -> list[str]:
    """The command line of one run of the pipeline on `engine`.

    >>> run_command("spark", Path("raw"), Path("out"))[3:]
    ['run', '--engine', 'spark', '--raw-dir', 'raw', '--warehouse', 'out']
    >>> run_command("duckdb", Path("raw"), Path("w.duckdb"), force=True)[3:]
    ['run', '--raw-dir', 'raw', '--warehouse', 'w.duckdb', '--force']
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    return [sys.executable, "-m", "pipelines", "run", *ENGINES[engine], "--raw-dir", str(raw_dir),
            "--warehouse", str(warehouse), *(["--force"] if force else [])]


class RunTimeout(Exception):
    """A run stopped because it took longer than the benchmark's limit per run."""

    def __init__(self, engine: str, seconds: float):
        super().__init__(f"the {engine} run did not finish in {seconds:.0f} s")
        self.seconds = seconds


def run_pipeline(engine: str, raw_dir: Path, warehouse: Path, env: dict | None = None,
                 force: bool = False, timeout: float | None = None) -> RunResult:
    """One run of `python -m pipelines run` in a subprocess: wall time, peak memory of its process tree, its output.

    A run still going after `timeout` seconds is stopped with its whole process group (RunTimeout).
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(run_command(engine, raw_dir, warehouse, force), cwd=REPO_ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            env={**os.environ, "PIPELINE_ENGINE": engine, **(env or {})})  # not the user's setting
    peak, done = [0], threading.Event()
    cpu_seen: dict[int, float] = {}  # pid: its own CPU seconds when last sampled

    def sample():  # every 50 ms for 10 s, then every 250 ms: reading smaps of a large process costs CPU the run needs
        while not done.is_set():
            pids = _tree_pids(proc.pid)
            peak[0] = max(peak[0], _tree_memory(pids))
            cpu_seen.update((pid, _cpu_seconds(pid)) for pid in pids)
            done.wait(0.05 if time.perf_counter() - started < 10 else 0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the run's own session: its pool workers and JVM go with it
        proc.communicate()
        raise RunTimeout(engine, time.perf_counter() - started) from None
    finally:
        done.set()
        sampler.join()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"the {engine} run failed (exit {proc.returncode}):\n{output}")
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    # The rusage counts the run and the descendants it reaped, not one it leaves to init (Spark's JVM); the
    # samples count every process of the tree but miss each one's last 250 ms. Each is a lower bound: take the larger.
    cpu = max(cpu, sum(cpu_seen.values()))
    return RunResult(seconds, cpu, peak[0], after.ru_maxrss * 1024, output)
