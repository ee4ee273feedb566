"""Atomic publishing: readers of the published warehouse never see a half-built file.

A run builds in a private file (config.build_path). Publishing copies it next to the
published file under a temporary name and renames it over the published file in one
atomic step (os.replace). Readers holding the old file keep reading the old version until
they reconnect; a run killed at any moment leaves the published file as it was (and at most a
temporary copy, removed by the next publish). A build whose state equals the published file's
state (pipelines.buildstate) is not copied again, so a run with nothing new leaves the file untouched.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from pipelines.buildstate import file_state_signature, state_signature


def publish(build: Path, published: Path, con: duckdb.DuckDBPyConnection | None = None) -> int:
    """Copy the checkpointed build file over the published one atomically; returns bytes published.

    `con` is a connection to the build file this process holds (a run's); without one the file is opened here.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); duckdb.connect(str(d / "b.duckdb")).close()
    >>> publish(d / "b.duckdb", d / "p.duckdb") > 0 and (d / "p.duckdb").exists()
    True
    """
    build, published = Path(build), Path(published)
    own = con is None
    con = duckdb.connect(str(build)) if own else con
    try:
        con.execute("checkpoint")  # fold the WAL into the file so the copy is complete on its own
    finally:
        if own:
            con.close()
    published.parent.mkdir(parents=True, exist_ok=True)
    for stale in published.parent.glob(f".{published.name}.publishing-*"):  # left by a killed run
        if not _pid_alive(stale.name.rsplit("-", 1)[-1]):
            stale.unlink(missing_ok=True)
    tmp = published.with_name(f".{published.name}.publishing-{os.getpid()}")
    try:
        shutil.copyfile(build, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, published)
    finally:
        tmp.unlink(missing_ok=True)
    return published.stat().st_size


def publish_if_changed(build: Path, published: Path, con: duckdb.DuckDBPyConnection | None = None) -> tuple[int, bool]:
    """Publish unless the published file was made from the same build state; (bytes, published now).

    `con` is a connection to the build file this process holds (a run's): the build's state is read
    through it, since a file open in this process cannot also be attached.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); duckdb.connect(str(d / "b.duckdb")).close()
    >>> publish_if_changed(d / "b.duckdb", d / "p.duckdb")[1]
    True
    """
    build, published = Path(build), Path(published)
    state = file_state_signature(build) if con is None else state_signature(con)
    if state is not None and published.exists() and file_state_signature(published) == state:
        return published.stat().st_size, False
    return publish(build, published, con), True


def _pid_alive(pid: str) -> bool:
    """True when a process with this id runs (a publish in progress owns its temporary file)."""
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True
