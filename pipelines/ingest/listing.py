"""The raw folder as every part of the pipeline sees it: ingest, the run stamp and the sensor ask this module.

`raw_listing(raw_dir)` lists every entry the pipeline would read, recursively (hidden files and
folders skipped), with its size and modification time, and a record of the entries that cannot be
read as a regular file: named pipes (FIFOs), sockets, devices, dangling symbolic links, link loops
and entries the user may not stat. Those stay in the listing (stat-ed without following the link),
so ingest gives each a `failed` row with an error a person can act on, and fixing one (the link's
target restored) changes the listing and so starts a run. Nothing here opens a file: listing a folder
never blocks on a FIFO.

Pure module: no Dagster, no DuckDB.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

Listing = dict[str, tuple[int, int]]  # {relative path: (bytes, mtime_ns)}

NOT_REGULAR = {  # file type -> what it is, for the error of its failed row
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


@dataclass
class RawListing:
    """Every entry under the raw folder with (bytes, mtime_ns), and why the ones that cannot be read cannot."""

    files: Listing = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)  # relative path -> actionable error


def list_raw_files(raw_dir: Path) -> list[Path]:
    """Every entry under raw_dir that is not a folder, recursively, hidden files skipped, in a stable order."""
    return [Path(full) for _, full in _entries(str(raw_dir))]


def _entries(raw_dir: str) -> Iterator[tuple[str, str]]:
    """(relative POSIX path, full path) of every entry list_raw_files finds, in its order: plain strings, since a
    folder of 20,000 files costs a third of a second more as Path objects."""
    for root, dirs, files in os.walk(raw_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_root = os.path.relpath(root, raw_dir)
        prefix = "" if rel_root == os.curdir else rel_root.replace(os.sep, "/") + "/"
        for name in sorted(files):
            if not name.startswith("."):
                yield prefix + name, os.path.join(root, name)


def listing_order(rel: str) -> str:
    """A sort key that orders relative paths as list_raw_files walks them: a folder's files (by name) before its
    subfolders (by name). Ingest keeps the first file holding a document; an engine that lists the folder
    another way (Spark) sorts by this key to keep the same one.

    >>> sorted(["b/x.txt", "z.txt", "a-b/y.txt", "a/y.txt"], key=listing_order)
    ['z.txt', 'a/y.txt', 'a-b/y.txt', 'b/x.txt']
    """
    *folders, name = rel.split("/")
    return "".join(f"\x01{folder}\x00" for folder in folders) + "\x00" + name


def not_regular(mode: int) -> str | None:
    """Why an entry of this st_mode is not read (None for a regular file).

    >>> not_regular(stat.S_IFIFO | 0o644)[:36]
    'The file is a named pipe (FIFO), not'
    >>> not_regular(stat.S_IFREG | 0o644) is None
    True
    """
    if stat.S_ISREG(mode):
        return None
    kind = NOT_REGULAR.get(stat.S_IFMT(mode), "not a regular file")
    return (f"The file is {kind}, not a regular file, and a run reads only regular files; save the page as a "
            "file or move this entry out of the raw folder.")


def _link_error(path: Path, err: OSError) -> str:
    """The error for an entry whose stat failed: a dangling link, a link loop, or no permission."""
    if err.errno == errno.ELOOP:
        return ("The file is a symbolic link that loops (it leads back to itself); point it at a real file or "
                "remove it.")
    if path.is_symlink() and err.errno == errno.ENOENT:
        return (f"The file is a symbolic link to {os.readlink(path)}, which does not exist; restore the file it "
                "points to or remove the link.")
    return (f"The file could not be checked ({err.strerror or err}); give this user access to it and its folder, "
            "or move it out of the raw folder.")


def raw_listing(raw_dir: Path) -> RawListing:
    """The raw folder's entries with (bytes, mtime_ns), unreadable ones with their error (empty when missing).

    >>> import tempfile; d = Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("x")
    >>> (d / "gone.txt").symlink_to(d / "nowhere.txt"); listing = raw_listing(d)
    >>> sorted(listing.files), list(listing.unreadable)
    (['a.txt', 'gone.txt'], ['gone.txt'])
    """
    raw_dir = Path(raw_dir)
    listing = RawListing()
    if not raw_dir.is_dir():
        return listing
    for rel, full in _entries(str(raw_dir)):
        try:
            info = os.stat(full)
            error = not_regular(info.st_mode)
        except OSError as err:
            try:
                info = os.lstat(full)  # the entry itself: its size and time change when it is fixed or replaced
            except FileNotFoundError:  # removed between listing and stat
                continue
            except OSError:
                info = None
            error = _link_error(Path(full), err)
        listing.files[rel] = (info.st_size, info.st_mtime_ns) if info else (0, 0)
        if error:
            listing.unreadable[rel] = error
    return listing


_HANDED_OVER: dict[str, RawListing] = {}  # resolved raw folder -> a listing this process took for its next run


@contextmanager
def handed_over(raw_dir: Path, listing: RawListing | None) -> Iterator[None]:
    """While inside, the first take_listing(raw_dir) gets `listing` (when given): a listing this process just took
    (the CLI's run-stamp check) serves the run it starts next, so that run's ingest does not list the folder a
    second time (a third of a second at 20,000 files). Left unused, it is dropped on exit.

    The listing is a few seconds old when ingest takes it, as a listing always is by the time the last file is
    read: a file added after it is read by the next run, and the fingerprint recorded is the listing's own.
    """
    key = str(Path(raw_dir).resolve())
    if listing is not None:
        _HANDED_OVER[key] = listing
    try:
        yield
    finally:
        _HANDED_OVER.pop(key, None)


def take_listing(raw_dir: Path) -> RawListing:
    """The listing handed over for raw_dir, once (a retried step lists again); else the folder listed now.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> with handed_over(d, RawListing({"a.txt": (1, 1)})): list(take_listing(d).files), list(take_listing(d).files)
    (['a.txt'], [])
    """
    handed = _HANDED_OVER.pop(str(Path(raw_dir).resolve()), None)
    return handed if handed is not None else raw_listing(raw_dir)


def listing_fingerprint(listing: Listing) -> str:
    """SHA-256 of the sorted (path, size, mtime) triples.

    >>> listing_fingerprint({"a.txt": (3, 1)}) == listing_fingerprint({"a.txt": (3, 1)})
    True
    >>> listing_fingerprint({"a.txt": (3, 1)}) == listing_fingerprint({"a.txt": (3, 2)})
    False
    """
    digest = hashlib.sha256()
    for path in sorted(listing):
        size, mtime = listing[path]
        digest.update(f"{path}\x1f{size}\x1f{mtime}\n".encode())
    return digest.hexdigest()
