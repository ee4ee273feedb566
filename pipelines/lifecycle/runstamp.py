"""What the published warehouse was built from, so a run with nothing new can stop before it starts.

A run records an *input fingerprint*: the code (every file of the package, the models and the
pinned requirements), the raw folder's path, and the path, size and modification time of every raw
file it lists. After publishing (or finding the published file already up to date) it writes the
fingerprint beside the published file, in `<warehouse>.stamp.json`, with the published file's size
and modification time and the run's summary. The next run lists and stats the raw files (no file
is read), and when the fingerprint and the published file are the same, there is nothing to do:
`python -m pipelines run` prints the summary and exits, and the daily schedule skips its run. Any
new, changed or removed file, code change, or a published file replaced by someone else starts a
full run as before. A run that left a file to read again (permissions) writes no stamp.

Pure module: no Dagster, no DuckDB, so the check costs a listing, not an import of the stack.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from pipelines.config import REPO_ROOT, storage_version
from pipelines.ingest.listing import Listing, listing_fingerprint, raw_listing
from pipelines.lifecycle.versions import files_digest

CODE = ("pipelines/**/*.py", "pipelines/data/**/*", "pipelines/load/*.sql", "models/**/*", "requirements.lock",
        "requirements-spark.lock")

def code_version(root: Path = REPO_ROOT) -> str:
    """SHA-256 over the names and bytes of every file that shapes what a run builds, the Python version and
    the packages installed (their dist-info folders name each one with its version).

    >>> len(code_version())
    64
    """
    return files_digest([p for pattern in CODE for p in root.glob(pattern)], root, sys.version, *installed())


def installed() -> list[str]:
    """The `name-version.dist-info` folders on sys.path: what pip installed, one listing per folder."""
    found = set()
    for folder in sys.path:
        try:
            found.update(n for n in os.listdir(folder or ".") if n.endswith(".dist-info"))
        except OSError:
            continue
    return sorted(found)


def input_fingerprint(raw_dir: Path, listing: Listing) -> str:
    """The fingerprint of a run over the local folder raw_dir whose files are `listing`."""
    return source_fingerprint(str(Path(raw_dir).resolve()), listing)


def source_fingerprint(root: str, listing: Listing) -> str:
    """The fingerprint of a run over the raw folder named `root` (a resolved path, or the URI Spark qualifies) whose
    files are `listing`, with this code and storage format: what a run with nothing new finds unchanged."""
    return hashlib.sha256("\x1f".join([code_version(), storage_version(), root,
                                       listing_fingerprint(listing)]).encode()).hexdigest()


def stamp_path(published: Path) -> Path:
    """`<warehouse>.stamp.json` beside the published file."""
    published = Path(published)
    return published.with_name(published.name + ".stamp.json")


def _file_state(path: Path) -> list[int] | None:
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def write_stamp(published: Path, fingerprint: str) -> None:
    """Record that the published file now holds a complete build of `fingerprint` (written atomically)."""
    published = Path(published)
    stamp = {"fingerprint": fingerprint, "published": _file_state(published),
             "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    _write_json(stamp_path(published), stamp)


def _write_json(target: Path, value: dict) -> None:
    """Write value to target atomically, through a temporary file of its own (writers never share one)."""
    with tempfile.NamedTemporaryFile("w", dir=target.parent, prefix=target.name, suffix=".partial", delete=False,
                                     encoding="utf-8") as f:
        json.dump(value, f)
    os.replace(f.name, target)


def add_summary(published: Path, summary: str) -> None:
    """Keep the run's summary in the stamp, so a skipped run can print it without opening the warehouse."""
    target = stamp_path(published)
    try:
        stamp = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    stamp["summary"] = summary
    _write_json(target, stamp)


def clear_stamp(published: Path) -> None:
    """Forget the stamp: the next run runs in full."""
    stamp_path(published).unlink(missing_ok=True)


def up_to_date(raw_dir: Path, published: Path, listing: Listing | None = None) -> dict | None:
    """The stamp when the published file holds a build of exactly these raw files with this code, else None
    (`listing`: the folder's files when the caller has listed it, else it is listed here).

    >>> import tempfile; d = Path(tempfile.mkdtemp()); (d / "raw").mkdir(); _ = (d / "raw" / "a.txt").write_text("x")
    >>> _ = (d / "w.duckdb").write_bytes(b"db"); up_to_date(d / "raw", d / "w.duckdb") is None
    True
    >>> write_stamp(d / "w.duckdb", input_fingerprint(d / "raw", raw_listing(d / "raw").files))
    >>> up_to_date(d / "raw", d / "w.duckdb")["fingerprint"] == input_fingerprint(d / "raw", raw_listing(d / "raw").files)
    True
    >>> _ = (d / "raw" / "b.txt").write_text("y"); up_to_date(d / "raw", d / "w.duckdb") is None
    True
    """
    try:
        stamp = json.loads(stamp_path(published).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    state = _file_state(published)
    if not isinstance(stamp, dict) or state is None or stamp.get("published") != state:
        return None
    if stamp.get("fingerprint") != input_fingerprint(raw_dir, raw_listing(raw_dir).files if listing is None else listing):
        return None
    return stamp
