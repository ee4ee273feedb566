"""The end of a `python -m pipelines` process without the interpreter's teardown.

After a run the interpreter holds Dagster's, DuckDB's and the parsers' objects, and freeing them one by one
at exit took 0.8 to 1.7 s of a 1%-new run of 8 to 17 s at 20,000 pages (load 4-6; docs/performance.md).
`arm()`, called before anything registers an exit handler, registers one that runs after all the others:
by then every thread has been joined and every other handler has run (logging's flush, multiprocessing's,
the pools'), as at a normal exit; it flushes stdout and stderr and ends the process with the code the
command returned (`set_code`). Nothing is left open by then: a run has closed its DuckDB connections, the
Dagster instance and its worker pools. When no code was set (the command raised), the interpreter ends as
usual, so a traceback and its exit status are what Python gives.

Pure module (standard library only): it must load before logging, which registers its own handler.
"""
from __future__ import annotations

import atexit
import os
import sys

_code: list[int] = []  # the command's exit code, once it returned


def arm() -> None:
    """Register the handler that ends the process after every exit handler registered later (atexit runs them in
    reverse order of registration)."""
    atexit.register(_end)


def set_code(code: int) -> int:
    """Remember the command's exit code for the handler; returns it (for sys.exit)."""
    _code[:] = [code]
    return code


def _end() -> None:
    if not _code:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed or broken pipe: nothing more can be written anyway
            pass
    os._exit(_code[0])
