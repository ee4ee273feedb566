"""The report's libraries loaded in a thread while the run publishes.

Importing matplotlib and jinja2 costs ~0.5 s of CPU in every run that draws the report. Publishing spends
most of its time in a few long calls that release the GIL (DuckDB's checkpoint, the copy and the fsync of the
build file), so a thread started when the publish step starts has the report's modules loaded by the time the
report step needs them, on the core those calls leave idle. (Started with the marts step instead, 8a1651a,
the thread's imports held the GIL between DuckDB's many short calls there and the marts took ~1 s longer.)
The report step waits for the thread before it forks its drawing processes (a fork while another thread
imports could leave the child a module lock no thread will release).
"""
from __future__ import annotations

import sys
import threading

REPORT_MODULE = "pipelines.report.page"
DRAWING_MODULE = "matplotlib.figure"  # what the report's own drawing pool inherits (no drawing processes started)
_started: dict[str, threading.Thread] = {}
_lock = threading.Lock()


def start(module: str = REPORT_MODULE) -> None:
    """Start importing `module` in a background thread (once per process; nothing when it is loaded)."""
    with _lock:
        if module in sys.modules or module in _started:
            return
        _started[module] = threading.Thread(target=_load, args=(module,), name=f"preload {module}", daemon=True)
        _started[module].start()


def wait(module: str = REPORT_MODULE) -> None:
    """Wait until a load start() began has ended (at once when none was started); an import that failed there
    fails again, with its error, where the caller imports the module."""
    with _lock:
        thread = _started.pop(module, None)
    if thread is not None:
        thread.join()


def _load(module: str) -> None:
    try:
        __import__(module)
    except Exception:  # noqa: BLE001 - the report step imports it again and fails with the error
        pass
