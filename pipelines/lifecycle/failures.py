"""Failures a user can cause, each with one line naming the cause and the fix, and the CLI's exit code.

Pure module (no Dagster, no DuckDB). Stages and start-up checks raise a UserError; the assets turn it
into a Dagster `Failure` that is not retried; the CLI prints its message as its last line and exits with
its code. Errors from the operating system or DuckDB that a user can fix (a full disk, a read-only
folder) are recognised by their text, so a failure deep in a step still ends in one line.

Exit codes (README, "Exit codes"):
    0  the run completed (or nothing changed)
    1  the run failed: a step or a blocking check (the line names it; --verbose shows the traceback)
    2  a setting is wrong: raw folder, warehouse path, a folder that cannot be written, a full disk
    3  another run is writing this warehouse
    4  the build would remove most of the published warehouse: not published (--allow-shrink accepts it)
"""
from __future__ import annotations

import errno
import re


class UserError(Exception):
    """A failure a user can fix; its message is one line: what happened, and what to do."""

    exit_code = 2


class WarehouseBusy(UserError):
    """Another run holds the build file."""

    exit_code = 3


class ShrinkRefused(UserError):
    """The build would remove most of the published documents."""

    exit_code = 4


EXIT_CODES = {cls.__name__: cls.exit_code for cls in (UserError, WarehouseBusy, ShrinkRefused)}

# Operating-system causes a user can fix, as errno and as the text DuckDB and Python print for them.
OS_CAUSES = {
    errno.ENOSPC: ("No space left on device", "free space on that disk and run again"),
    errno.EDQUOT: ("Disk quota exceeded", "free space or raise the quota and run again"),
    errno.EFBIG: ("File too large", "the file system or a limit (ulimit -f) caps file size; "
                                    "publish to a folder on a file system without that limit"),
    errno.EACCES: ("Permission denied", "give this user write access to the folder, or choose another --warehouse"),
    errno.EPERM: ("Operation not permitted", "give this user write access to the folder, or choose another --warehouse"),
    errno.EROFS: ("Read-only file system", "choose a --warehouse on a writable file system"),
}
BUSY_TEXT = "is being written by another run"
LOCK_TEXT = re.compile(r"Could not set lock on file|Conflicting lock is held", re.I)


def os_cause(text: str) -> tuple[str, str] | None:
    """(cause, fix) when text names an operating-system error a user can fix, else None.

    >>> os_cause("IO Error: Could not write file 'x': No space left on device")[0]
    'No space left on device'
    >>> os_cause("Binder Error: no such column") is None
    True
    """
    for cause, fix in OS_CAUSES.values():
        if cause.lower() in text.lower():
            return cause, fix
    return None


def from_os_error(err: OSError, doing: str) -> UserError | None:
    """A UserError for an OSError a user can fix (doing: 'writing /w/warehouse.duckdb'), else None.

    >>> str(from_os_error(OSError(errno.ENOSPC, "No space left on device"), "writing /w/x.duckdb"))
    'writing /w/x.duckdb failed: No space left on device; free space on that disk and run again'
    """
    found = OS_CAUSES.get(err.errno) or os_cause(str(err))
    if not found:
        return None
    return UserError(f"{doing} failed: {found[0]}; {found[1]}")


def first_line(message: str) -> str:
    """The first line of a recorded error's message, without the exception class Dagster puts in front.

    >>> first_line("_duckdb.IOException: IO Error: disk gone\\nmore")
    'IO Error: disk gone'
    """
    lines = message.strip().splitlines()
    return re.sub(r"^[\w.]*(Error|Exception|Refused|Busy|Failure)\w*: ", "", lines[0]) if lines else ""


def one_line(cls_name: str, message: str) -> tuple[str, int] | None:
    """(the line to print, exit code) for a recorded error a user caused, else None.

    `cls_name` and `message` are those of an exception as Dagster records it (the message may carry
    the exception's class name in front and more lines after).

    >>> one_line("ShrinkRefused", "pipelines.lifecycle.failures.ShrinkRefused: the raw folder lists 0 files\\n")
    ('the raw folder lists 0 files', 4)
    >>> one_line("IOException", "IO Error: Could not write file \\"/w/x.wal\\": File too large")[1]
    2
    """
    text = message.strip()
    first = first_line(text)
    if cls_name in EXIT_CODES:
        return first, EXIT_CODES[cls_name]
    if BUSY_TEXT in text or LOCK_TEXT.search(text):
        return (first if BUSY_TEXT in first else f"{first} (another run is writing this warehouse; wait for it to "
                "finish)"), WarehouseBusy.exit_code
    found = os_cause(text)
    if found:
        return f"{first}; {found[1]}", UserError.exit_code
    return None
