"""Start-up checks: what can be known wrong before a run starts work, each a one-line UserError.

The raw folder exists and is a folder; the warehouse path is not a folder and its folder can be
written; no other run holds the build file. Pure module (no Dagster, no DuckDB): the CLI runs these
checks before it imports Dagster, and a run's build resource runs the path checks when it starts.
"""
from __future__ import annotations

import fcntl
import os
import struct
from pathlib import Path

from pipelines.lifecycle.failures import UserError, WarehouseBusy

FLOCK = "hhqqi4x"  # struct flock on Linux: type, whence, start, len, pid (padded to 32 bytes)


def check_raw_dir(raw_dir: Path) -> None:
    """Raise UserError unless raw_dir is a folder.

    >>> check_raw_dir(Path("/no/such/folder"))
    Traceback (most recent call last):
    ...
    pipelines.lifecycle.failures.UserError: raw folder /no/such/folder does not exist; pass --raw-dir DIR or set PIPELINE_RAW_DIR
    """
    raw_dir = Path(raw_dir)
    if raw_dir.is_dir():
        return
    if raw_dir.exists():
        raise UserError(f"raw folder {raw_dir} is a file, not a folder; pass the folder that holds the raw pages "
                        "(--raw-dir DIR or PIPELINE_RAW_DIR)")
    raise UserError(f"raw folder {raw_dir} does not exist; pass --raw-dir DIR or set PIPELINE_RAW_DIR")


def check_warehouse(published: Path, build: Path) -> None:
    """Raise UserError when the warehouse path is a folder, or its folder (or the build file) cannot be written.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> check_warehouse(d, d.with_name("x.build.duckdb"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipelines.lifecycle.failures.UserError: warehouse ... is a folder; pass a file path for the warehouse, e.g. --warehouse .../warehouse.duckdb
    """
    published, build = Path(published), Path(build)
    for path in (published, build):
        if path.is_dir():
            raise UserError(f"warehouse {path} is a folder; pass a file path for the warehouse, "
                            f"e.g. --warehouse {path / 'warehouse.duckdb'}")
    folder = published.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise UserError(f"cannot create the warehouse folder {published.parent}: {folder} is a file; "
                        "choose another --warehouse")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"cannot write to the warehouse folder {folder} (Permission denied); give this user write "
                        "access to it, or choose another --warehouse")
    for path in (published, build):
        if path.exists() and not os.access(path, os.W_OK):
            raise UserError(f"cannot write {path} (Permission denied); give this user write access to it, "
                            "or choose another --warehouse")


def check_not_busy(build: Path) -> None:
    """Raise WarehouseBusy when another process holds a write lock on the build file (DuckDB's lock).

    Only asks (F_GETLK) and never takes a lock. Call it only where this process holds no DuckDB
    connection to the file: closing any descriptor of a file drops the process's own locks on it.
    """
    try:
        fd = os.open(build, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return  # no build file yet, or unreadable: the run's own start says why
    try:
        query = struct.pack(FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, pid = struct.unpack(FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, query))
    except OSError:
        return
    finally:
        os.close(fd)
    if kind != fcntl.F_UNLCK:
        raise WarehouseBusy(busy_message(build, pid))


def busy_message(build: Path, pid: int | None = None) -> str:
    """The one line for a build file another run holds."""
    holder = f" (process {pid})" if pid else ""
    return (f"{build} is being written by another run{holder}; wait for it to finish and run again "
            "(the published warehouse is left as it was)")
