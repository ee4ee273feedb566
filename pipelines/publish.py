"""Atomic publishing: readers of the published warehouse never see a half-built file.

A run builds in a private file (config.build_path). Publishing copies it next to the
published file under a temporary name and renames it over the published file in one
atomic step (os.replace). Readers holding the old file keep reading the old version until
they reconnect; a run killed at any moment leaves the published file as it was.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb


def publish(build: Path, published: Path) -> int:
    """Copy the checkpointed build file over the published one atomically; returns bytes published.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); duckdb.connect(str(d / "b.duckdb")).close()
    >>> publish(d / "b.duckdb", d / "p.duckdb") > 0 and (d / "p.duckdb").exists()
    True
    """
    build, published = Path(build), Path(published)
    con = duckdb.connect(str(build))
    try:
        con.execute("checkpoint")  # fold the WAL into the file so the copy is complete on its own
    finally:
        con.close()
    published.parent.mkdir(parents=True, exist_ok=True)
    tmp = published.with_name(f".{published.name}.publishing-{os.getpid()}")
    try:
        shutil.copyfile(build, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, published)
    finally:
        tmp.unlink(missing_ok=True)
    return published.stat().st_size
