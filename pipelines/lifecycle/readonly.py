"""A private read-only look at a DuckDB file: what the run summary, the report, publishing and `pipelines report`
read the published warehouse through.

Standard library and duckdb only, so `python -m pipelines report` loads nothing more to use it.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb


@contextmanager
def attached(path: Path, alias: str, use: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A private in-memory connection with the DuckDB file at `path` attached read-only as `alias` (its default
    database when `use`, so unqualified names are the file's); raises duckdb.Error when it cannot be attached.

    ATTACH from a fresh in-memory database always reads the file now on disk, unlike connect(), which
    hands back an instance this process already has open on that path; a read-only ATTACH never blocks a run.
    A fixed alias also keeps a file named after a schema (raw.duckdb) from clashing with it.
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"attach ? as {alias} (read_only)", [str(path)])
        if use:
            con.execute(f"use {alias}")
        yield con
    finally:
        con.close()
