"""Atomic publishing: readers of the published warehouse never see a half-built file.

A run builds in a private file (config.build_path). Publishing copies it next to the
published file under a temporary name and renames it over the published file in one
atomic step (os.replace). Readers holding the old file keep reading the old version until
they reconnect; a run killed at any moment leaves the published file as it was (and at most a
temporary copy, removed by the next publish). A build whose state equals the published file's
state (pipelines.lifecycle.buildstate) is not copied again, so a run with nothing new leaves the file untouched.

The shrink guard: a build that would remove more than MAX_SHRINK_SHARE of the raw files the published
warehouse holds (an empty listing, an unmounted or half-synced scrape folder) is not published unless
the user accepts it (`--allow-shrink`, PIPELINE_ALLOW_SHRINK=1).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from pipelines.lifecycle.buildstate import file_state_signature, state_signature
from pipelines.lifecycle.readonly import attached
from pipelines.lifecycle.failures import ShrinkRefused
from pipelines.ingest.listing import Listing

MAX_SHRINK_SHARE = 0.5  # a build with fewer than half the published files is refused
UNREAD = object()  # publish_if_changed: the published file's state was not read by the caller


def shrinks(before: int, after: int) -> bool:
    """True when `after` files replacing `before` lose more than MAX_SHRINK_SHARE of them (all of them, for one).

    >>> shrinks(10, 0), shrinks(10, 4), shrinks(10, 5), shrinks(1, 0), shrinks(0, 0)
    (True, True, False, True, False)
    """
    return before > 0 and after < before * (1 - MAX_SHRINK_SHARE)


def guard_shrink(before: int, after: int, allow: bool, where: str, published: Path | str) -> None:
    """Raise ShrinkRefused (one line: what changed, how to accept it) when the build shrinks and that is not allowed.

    >>> guard_shrink(31, 0, False, "the raw folder /r", Path("/w.duckdb"))
    Traceback (most recent call last):
    ...
    pipelines.lifecycle.failures.ShrinkRefused: the raw folder /r lists 0 files where the warehouse was built from 31 (100% fewer), so /w.duckdb was not published and is left as it was; if the folder is unmounted or was emptied by mistake, restore it, and if the files were removed on purpose, run again with --allow-shrink (or PIPELINE_ALLOW_SHRINK=1)
    """
    if allow or not shrinks(before, after):
        return
    raise ShrinkRefused(f"{where} lists {after} files where the warehouse was built from {before} "
                        f"({1 - after / before:.0%} fewer), so {published} was not published and is left as it was; "
                        "if the folder is unmounted or was emptied by mistake, restore it, and if the files were "
                        "removed on purpose, run again with --allow-shrink (or PIPELINE_ALLOW_SHRINK=1)")


def published_listing(published: Path) -> Listing:
    """The raw files the published warehouse was built from ({} when there is none), read through a private
    read-only ATTACH: never blocks a run, always reads the file now on disk."""
    published = Path(published)
    if not published.is_file():
        return {}
    try:
        with attached(published, "published") as con:
            rows = con.execute("select distinct file_path, byte_size, mtime_ns from published.raw.raw_files").fetchall()
    except duckdb.Error:
        return {}
    return {path: (size, mtime) for path, size, mtime in rows}


def published_facts(published: Path) -> tuple[int, str | None]:
    """(how many raw files the published warehouse was built from, its build state's signature), read through one
    private read-only ATTACH, as publishing needs both (the shrink guard, then publish_if_changed); (0, None) when
    there is no readable warehouse.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); published_facts(d / "none.duckdb")
    (0, None)
    """
    published = Path(published)
    if not published.is_file():
        return 0, None
    try:
        with attached(published, "published") as con:
            try:
                files = con.execute("select count(distinct file_path) from published.raw.raw_files").fetchone()[0]
            except duckdb.Error:
                files = 0
            return files, state_signature(con, "published")
    except duckdb.Error:
        return 0, None


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


def publish_if_changed(build: Path, published: Path, con: duckdb.DuckDBPyConnection | None = None,
                       published_state: str | None | object = UNREAD) -> tuple[int, bool]:
    """Publish unless the published file was made from the same build state; (bytes, published now).

    `con` is a connection to the build file this process holds (a run's): the build's state is read
    through it, since a file open in this process cannot also be attached. `published_state` is the published
    file's signature when the caller has read it (published_facts), else it is read here.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); duckdb.connect(str(d / "b.duckdb")).close()
    >>> publish_if_changed(d / "b.duckdb", d / "p.duckdb")[1]
    True
    """
    build, published = Path(build), Path(published)
    state = file_state_signature(build) if con is None else state_signature(con)
    if published_state is UNREAD:
        published_state = file_state_signature(published)
    if state is not None and published.exists() and published_state == state:
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
