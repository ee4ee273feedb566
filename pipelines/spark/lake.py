"""Where a Spark run keeps its data, on any filesystem Spark writes (a local folder, file://, s3a://, hdfs://).

    <lake>/staging/<table>/ingest_date=<day>/   rows appended by each run (batch_id column), never rewritten
    <lake>/builds/<build_id>/                   one complete build: raw_files, staging and marts as Parquet
        raw/<table>, staging/<table>, intermediate/<model>, main/<model>, manifest.json
    <lake>/_CURRENT                             the build_id readers use: written last, in one small write

A run appends its staging rows under its own batch_id, writes a new build folder, then replaces _CURRENT;
the manifest of a build lists the batches it holds. A reader that follows _CURRENT sees one complete build,
never half of one; rows of a run that died before switching belong to no build and are never read.
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone

POINTER = "_CURRENT"
KEEP_BUILDS = 2  # the current build and the one before it (a reader may still be reading it)
STAGED = ("raw_documents", "stg_documents", "stg_stories", "stg_entity_mentions", "stg_targets", "stg_initiatives",
          "stg_initiative_companies", "stg_story_topics", "stg_extractions")  # appended per batch


def new_build_id(now: datetime | None = None) -> str:
    """A build (and batch) id that sorts by time: '20261206T103000Z-1a2b3c'.

    >>> new_build_id(datetime(2026, 12, 6, 10, 30))[:17]
    '20261206T103000Z-'
    """
    now = now or datetime.now(timezone.utc)
    return f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


class Lake:
    """A lake folder seen through Hadoop's FileSystem API (the one Spark writes with), so any URI Spark reads works."""

    def __init__(self, spark, uri: str):
        self.spark = spark
        jvm = spark._jvm
        self._Path = jvm.org.apache.hadoop.fs.Path
        root = self._Path(uri)
        self.fs = root.getFileSystem(spark._jsc.hadoopConfiguration())
        self.uri = self.fs.makeQualified(root).toString().rstrip("/")

    def path(self, *parts: str) -> str:
        return "/".join([self.uri, *parts])

    def exists(self, uri: str) -> bool:
        return self.fs.exists(self._Path(uri))

    def read_text(self, uri: str) -> str | None:
        """A small file's text, None when it does not exist."""
        path = self._Path(uri)
        if not self.fs.exists(path):
            return None
        stream = self.fs.open(path)
        try:
            reader = self.spark._jvm.java.io.BufferedReader(self.spark._jvm.java.io.InputStreamReader(stream, "UTF-8"))
            lines = []
            while (line := reader.readLine()) is not None:
                lines.append(line)
            return "\n".join(lines)
        finally:
            stream.close()

    def write_text(self, uri: str, text: str) -> None:
        """Write a small file whole: to a temporary name, then renamed over the old one."""
        path, tmp = self._Path(uri), self._Path(f"{uri}.{uuid.uuid4().hex[:8]}.tmp")
        stream = self.fs.create(tmp, True)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()
        if self.fs.exists(path) and not self.fs.rename(tmp, path):  # HDFS's rename does not replace a file
            self.fs.delete(path, False)
        if self.fs.exists(tmp) and not self.fs.rename(tmp, path):
            raise OSError(f"could not write {uri}")

    def delete(self, uri: str) -> None:
        self.fs.delete(self._Path(uri), True)

    def children(self, uri: str) -> list[str]:
        """Names of the entries of a folder (empty when it does not exist)."""
        path = self._Path(uri)
        if not self.fs.exists(path):
            return []
        return sorted(status.getPath().getName() for status in self.fs.listStatus(path))

    def listing(self) -> tuple[dict[str, tuple[int, int]], dict[str, str]]:
        """({relative path: (bytes, mtime_ns)}, {relative path: why it cannot be read}) of every file under the
        folder, hidden files and folders skipped: the DuckDB path's own listing (ingest/listing.py) on a local
        folder, Hadoop's recursive listing elsewhere."""
        from pipelines.ingest.listing import raw_listing
        from pipelines.spark.export import local_folder

        folder = local_folder(self.uri)
        if folder is not None:
            found = raw_listing(folder)
            return found.files, found.unreadable
        files, entries = {}, self.fs.listFiles(self._Path(self.uri), True)
        while entries.hasNext():
            status = entries.next()
            rel = status.getPath().toUri().getPath()[len(self._Path(self.uri).toUri().getPath()):].lstrip("/")
            if not any(part.startswith(".") for part in rel.split("/")):
                files[rel] = (status.getLen(), status.getModificationTime() * 1_000_000)
        return files, {}

    # --- builds ---------------------------------------------------------------------------------------------

    def current_build(self) -> str | None:
        """The build id _CURRENT names, None before the first run."""
        text = self.read_text(self.path(POINTER))
        return text.strip() or None if text is not None else None

    def manifest(self, build_id: str | None) -> dict:
        """What a build holds: {'batches': [...], ...}; empty for no build."""
        if not build_id:
            return {"batches": []}
        return json.loads(self.read_text(self.path("builds", build_id, "manifest.json")) or '{"batches": []}')

    def switch_to(self, build_id: str, manifest: dict) -> None:
        """Write the build's manifest, then point _CURRENT at it (the one step readers see), then drop old builds."""
        self.write_text(self.path("builds", build_id, "manifest.json"), json.dumps(manifest, indent=1, sort_keys=True))
        self.write_text(self.path(POINTER), build_id + "\n")
        for old in self.children(self.path("builds"))[:-KEEP_BUILDS]:
            if old != build_id:
                self.delete(self.path("builds", old))
