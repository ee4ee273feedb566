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
    found = []
    for root, dirs, files in os.walk(raw_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in sorted(files) if not f.startswith(".")]
    return found


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
    for path in list_raw_files(raw_dir):
        rel = path.relative_to(raw_dir).as_posix()
        try:
            info = path.stat()
            error = not_regular(info.st_mode)
        except OSError as err:
            try:
                info = path.lstat()  # the entry itself: its size and time change when it is fixed or replaced
            except FileNotFoundError:  # removed between listing and stat
                continue
            except OSError:
                info = None
            error = _link_error(path, err)
        listing.files[rel] = (info.st_size, info.st_mtime_ns) if info else (0, 0)
        if error:
            listing.unreadable[rel] = error
    return listing


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
