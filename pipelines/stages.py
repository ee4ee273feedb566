"""The pipeline's stages as plain functions over a DuckDB connection (Dagster assets call these).

ingest_raw: raw folder -> raw.raw_files, raw.raw_documents (only files that changed are read)
parse_documents: raw.raw_documents not yet parsed -> staging.stg_documents, staging.stg_stories
(extract_stories, the third stage, is pipelines.extract.stage), and the process pool the stages share.
Each stage is incremental and idempotent: it works on what is new and replaces rows by key. A stage
about to change a table first records a new version of it (pipelines.lifecycle.buildstate), so the marts that
read it rebuild. The rows that mark work as done (raw.raw_files, staging.stg_documents,
staging.stg_extractions) are written last, so a run killed between two writes redoes that work.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines.lifecycle.buildstate import mark_changed, set_state
from pipelines.ingest.listing import take_listing
from pipelines.ingest.reader import content_hash, failed_document, file_format, read_bytes, read_file
from pipelines.load.loader import replace_rows
from pipelines.parse.page import parse_document
from pipelines.parse.page_size import text_size
from pipelines.lifecycle.preflight import check_raw_dir
from pipelines.lifecycle.publish import guard_shrink
from pipelines.records import RawDocument
from pipelines.lifecycle.runstamp import input_fingerprint
from pipelines.lifecycle.versions import parser_version
from pipelines.lifecycle.workers import forks_from_server, process_pool, workers

log = logging.getLogger(__name__)
POOL_MIN_ITEMS = 64  # below this many pages a process pool costs more than it saves
POOL_MIN_READ_BYTES = 32 * 2**20  # reading is ~0.1 s per 4 MB: below this a pool's start-up and pickling cost more
MAX_PAGE_CHARS = 3_000_000  # a news page is < 0.5 MB of text; extraction takes ~6 s per MB of text, so more is quarantined
INPUT_STATE = "input:fingerprint"  # what the last ingest listed (pipelines.lifecycle.runstamp); '' when a file must be read again
WRITE_BATCH = 1024  # files parsed per bulk write (each write is a commit): memory stays flat however large the run


def utcnow() -> datetime:
    """Current UTC time, naive (DuckDB TIMESTAMP)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def pool_map(func, items: list, warm=None, min_items: int = POOL_MIN_ITEMS) -> list:
    """map() over a process pool when there is enough work for it, in order.

    `warm` (imports, rule files, gazetteers) runs once here before the pool forks, so the
    workers inherit what it loaded instead of each loading it again; while a CLI run's workers fork
    from the fork server, which loaded it already (pipelines/lifecycle/warmup.py), it runs in each
    worker instead, finding it all in place. Items go out in about
    sixteen chunks per worker: few round trips, yet no worker idles long at the end. Fewer than
    `min_items` items are mapped here, in this process (pages by default: a few ms of work each).

    >>> pool_map(abs, [-1, 2, -3])
    [1, 2, 3]
    """
    return list(pool_imap(func, items, warm, min_items))


def pool_imap(func, items: list, warm=None, min_items: int = POOL_MIN_ITEMS) -> Iterator:
    """pool_map as an iterator: results come back in order as the workers finish them, so the caller
    can write them in batches while the pool works on, and never holds all of them at once.

    Workers forked from the fork server that die before the first result (their warm-up failed there) are
    replaced by workers forked from this process after warming here, where a failing warm-up raises its own error.
    """
    if not items:
        return
    n = workers()
    chunksize = max(1, min(32, len(items) // (n * 16)))
    if len(items) >= min_items and n > 1 and forks_from_server():
        done = 0
        try:
            with process_pool(min(n, len(items)), warm) as pool:  # warm runs in each worker, finding it loaded
                for result in pool.map(func, items, chunksize=chunksize):
                    done += 1
                    yield result
            return
        except BrokenProcessPool:
            if done:
                raise
            log.warning("workers forked from the fork server died before their first result; forking them here")
    if warm is not None:
        warm()  # once, here: the workers forked from this process inherit what it loaded
    if len(items) < min_items or n == 1:
        yield from map(func, items)
        return
    with process_pool(min(n, len(items)), from_server=False) as pool:
        yield from pool.map(func, items, chunksize=chunksize)


def batched(iterable: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last one shorter) from iterable.

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def warm_parsers() -> None:
    """Load the parsers' imports and rules once (HTML parsing imports trafilatura and lxml)."""
    from pipelines.parse.html import page  # noqa: F401 - the import is the warm-up
    from pipelines.parse.html.rules import rules
    from pipelines.parse.rules import text_rules

    rules(), text_rules(), parser_version()


@dataclass
class IngestResult:
    """What ingest_raw saw."""

    files: int = 0
    files_read: int = 0
    new_documents: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    removed_documents: int = 0
    removed_files: int = 0

    @property
    def changed(self) -> bool:
        """True when the run wrote or deleted raw rows."""
        return bool(self.files_read or self.removed_files or self.removed_documents)


def _read_one(args: tuple[str, str]) -> list[RawDocument]:
    """What a raw file holds, without the page texts (ingest hashes and records; parsing reads the text)."""
    path, raw_dir = args
    docs = read_guarded(Path(path), Path(raw_dir))
    for doc in docs:  # ingest stores what was read, not the text: parsing reads the file again
        doc.text = None
    return docs


def read_guarded(path: Path, raw_dir: Path, stored: bytes | None = None) -> list[RawDocument]:
    """read_file (read_bytes when the caller has read the file's bytes itself), with a last guard: an unexpected
    error quarantines the file instead of failing the run."""
    try:
        if stored is not None:
            return read_bytes(stored, path.relative_to(raw_dir).as_posix())
        return read_file(path, raw_dir)
    except Exception as exc:  # noqa: BLE001 - one bad file must never take good data down with it
        rel = path.relative_to(raw_dir).as_posix()
        log.warning("%s: unexpected error while reading", rel, exc_info=log.isEnabledFor(logging.INFO))
        return [failed_document(content_hash(rel.encode()), rel, "unknown", 0,
                                f"The file could not be read ({exc.__class__.__name__}: {exc}); report it with the file.")]


def ingest_raw(con: duckdb.DuckDBPyConnection, raw_dir: Path, allow_shrink: bool = False,
               published: Path | str = "the published warehouse") -> IngestResult:
    """Read new or changed files under raw_dir into raw.raw_documents; forget files that are gone.

    A listing that lost most of the files the build holds raises ShrinkRefused before anything is
    written (pipelines.lifecycle.publish.guard_shrink), unless allow_shrink.
    """
    raw_dir = Path(raw_dir)
    check_raw_dir(raw_dir)
    folder = take_listing(raw_dir)  # as the run stamp and the sensor see the folder (the CLI's own listing)
    listing = folder.files  # {relative path: (bytes, mtime_ns)}
    known = {(p, s, m) for p, s, m in con.execute(
        "select distinct file_path, byte_size, mtime_ns from raw.raw_files").fetchall()}
    guard_shrink(len({path for path, _, _ in known}), len(listing), allow_shrink, f"the raw folder {raw_dir}", published)
    result = IngestResult(files=len(listing))
    changed = [rel for rel, (size, mtime) in listing.items() if (rel, size, mtime) not in known]
    result.files_read = len(changed)
    readable = [rel for rel in changed if rel not in folder.unreadable]
    reads = [(str(raw_dir / rel), str(raw_dir)) for rel in readable]
    if sum(listing[rel][0] for rel in readable) < POOL_MIN_READ_BYTES:
        read = dict(zip(readable, [_read_one(item) for item in reads]))
    else:
        read = dict(zip(readable, pool_map(_read_one, reads)))
    batches = [read[rel] if rel in read else [unreadable_document(rel, folder.unreadable[rel])] for rel in changed]
    now = utcnow()
    existing = {r[0] for r in con.execute("select document_id from raw.raw_documents").fetchall()}
    doc_rows, fresh = [], set()
    file_rows: dict[tuple[str, str], dict] = {}
    for rel, docs in zip(changed, batches):
        for doc in docs:
            file_rows[(rel, doc.document_id)] = {"file_path": rel, "document_id": doc.document_id,
                                                 "byte_size": listing[rel][0],
                                                 "mtime_ns": -1 if doc.retry else listing[rel][1],
                                                 "seen_at": now}  # a line repeated in a .jsonl file is one row
            if doc.status != "parsed":
                result.failed.append((doc.source_file, doc.error or doc.status))
                log.info("%s: %s", doc.source_file, doc.error)  # the asset warns, the CLI summary lists it
            if doc.document_id in existing or doc.document_id in fresh:
                result.duplicates += doc.document_id in fresh
                continue
            fresh.add(doc.document_id)
            doc_rows.append(raw_document_row(doc, now))
    result.new_documents = len(doc_rows)
    gone = [r[0] for r in con.execute("select distinct file_path from raw.raw_files").fetchall() if r[0] not in listing]
    result.removed_files = len(gone)
    if file_rows or gone:
        mark_changed(con, ["raw.raw_files", "raw.raw_documents"])
    replace_rows(con, "raw.raw_documents", doc_rows, "document_id")
    replace_rows(con, "raw.raw_files", list(file_rows.values()), "file_path", keys=[p for p, _ in file_rows] + gone)
    result.removed_documents = _prune_orphans(con)
    retry = any(doc.retry for docs in batches for doc in docs)  # a file to read again: no run may be skipped
    set_state(con, INPUT_STATE, "" if retry else input_fingerprint(raw_dir, listing))
    log.info("ingest: %d files, %d read, %d new documents, %d failed", len(listing), len(changed),
             len(doc_rows), len(result.failed))
    return result


def raw_document_row(doc: RawDocument, ingested_at: datetime) -> dict:
    """The raw.raw_documents row of a document read now (both engines write this row).

    >>> raw_document_row(RawDocument("d1", "a.txt", "txt", 3), datetime(2026, 1, 1))["read_status"]
    'parsed'
    """
    return {"document_id": doc.document_id, "source_file": doc.source_file, "source_format": doc.source_format,
            "byte_size": doc.byte_size, "encoding": doc.encoding, "url": doc.url, "fetched_at": doc.fetched_at,
            "is_html": doc.is_html, "read_status": doc.status, "read_error": doc.error, "ingested_at": ingested_at}


def unreadable_document(rel: str, error: str) -> RawDocument:
    """The failed document of an entry the listing found is no regular file (a FIFO, a dangling link ...)."""
    fmt, gz = file_format(Path(rel))
    return failed_document(content_hash(f"{rel}:unreadable".encode()), rel, f"{fmt}.gz" if gz else fmt, 0, error)


def _prune_orphans(con: duckdb.DuckDBPyConnection) -> int:
    """Delete documents (and what was parsed from them) that no file in the raw folder holds any more."""
    orphans = [r[0] for r in con.execute(
        "select document_id from raw.raw_documents where document_id not in (select document_id from raw.raw_files)"
    ).fetchall()]
    if orphans:
        mark_changed(con, ["raw.raw_documents", "staging.stg_documents", "staging.stg_stories"])
        for table in ("staging.stg_stories", "staging.stg_documents", "raw.raw_documents"):  # raw last: it finds orphans
            replace_rows(con, table, [], "document_id", keys=orphans)
    return len(orphans)


@dataclass
class ParseResult:
    """What parse_documents did."""

    documents: int = 0
    parsed: int = 0
    empty: int = 0
    failed: int = 0
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # found empty or failed by parsing, not at ingest
    stories: int = 0
    related: int = 0
    unread: list[str] = field(default_factory=list)  # documents no file holds any more: left pending

    @property
    def changed(self) -> bool:
        """True when the run parsed any document."""
        return bool(self.documents)


PENDING_COLUMNS = ("document_id", "source_file", "source_format", "byte_size", "encoding", "url", "fetched_at",
                   "is_html", "read_status", "read_error", "ingested_at")


def _parse_file(work: tuple[str, str, list[tuple]]) -> list[tuple[dict, list[dict]] | str]:
    """Read one raw file again and parse its pending documents: (stg_documents row, stg_stories rows) each.

    A pending entry is (raw_documents row, every file that holds the document). When the document is
    no longer in the file (renamed, removed or rewritten since ingest read it) its other files are
    tried; when none holds it, its document_id comes back instead, so it stays pending.
    """
    raw_dir, _, pending = work  # every entry's paths start with the work item's file
    status = PENDING_COLUMNS.index("read_status")
    texts: dict[str, str] = {}
    tried: set[str] = set()
    out = []
    for row, paths in pending:
        if row[status] == "parsed":  # documents that could not be read at ingest need no text
            for path in (p for p in paths if p not in tried and row[0] not in texts):
                tried.add(path)
                texts.update({d.document_id: d.text for d in read_guarded(Path(raw_dir) / path, Path(raw_dir))
                              if d.status == "parsed"})
            if row[0] not in texts:
                out.append(row[0])
                continue
        out.append(parse_one(row, texts.get(row[0])))
    return out


def parse_one(row: tuple, content: str | None) -> tuple[dict, list[dict]]:
    """stg_documents row and stg_stories rows for one raw.raw_documents row (PENDING_COLUMNS) and its text: the
    per-document work of both engines (this module's pool, the Spark executors of pipelines.spark)."""
    (document_id, source_file, source_format, byte_size, encoding, url, fetched_at, is_html, read_status,
     read_error, ingested_at) = row
    doc = RawDocument(document_id, source_file, source_format, byte_size, text=content, url=url,
                      fetched_at=fetched_at, is_html=is_html, encoding=encoding, status=read_status, error=read_error)
    too_large = _too_large(content, bool(is_html))
    stories, status, error = ([], "failed", too_large) if too_large else parse_document(doc)
    doc_row = {"document_id": document_id, "source_file": source_file, "source_format": source_format,
               "byte_size": byte_size, "ingested_at": ingested_at, "status": status, "error": error,
               "encoding": encoding, "story_count": len(stories), "parser_version": parser_version()}
    story_rows = [{"story_key": s.story_key, "document_id": document_id, "source_file": source_file,
                   "position": s.position, "role": s.role, "title": s.title, "category": s.category,
                   "published_at": s.published_at, "author": s.author, "source_site": s.source_site,
                   "url": s.url, "body": s.body, "word_count": len(s.body.split())} for s in stories]
    return doc_row, story_rows


def _too_large(content: str | None, is_html: bool = False) -> str | None:
    """Why a page is too large to parse (None when it is not): its text is counted, not its markup
    (a normal article with megabytes of inline script is parsed).

    >>> _too_large("x" * (MAX_PAGE_CHARS + 1))[:26]
    'The page holds 3.0 million'
    >>> _too_large("<script>" + "x" * (MAX_PAGE_CHARS + 1) + "</script><p>Port opens</p>", is_html=True) is None
    True
    """
    if content is None or len(content) <= MAX_PAGE_CHARS:
        return None
    size = text_size(content, is_html)
    if size <= MAX_PAGE_CHARS:
        return None
    return (f"The page holds {size / 1e6:.1f} million characters of text, more than the "
            f"{MAX_PAGE_CHARS / 1e6:.0f} million a single page may hold; it is probably many pages in one file: "
            "save one page per file (or one .jsonl line per page).")


def parse_documents(con: duckdb.DuckDBPyConnection, raw_dir: Path, reparse: bool = False) -> ParseResult:
    """Parse every raw document not yet in staging.stg_documents (all of them with reparse=True).

    Each pending document's file is read again (the warehouse keeps what was read, not the page
    text), one file per work item, in a process pool; results are written every WRITE_BATCH files.
    """
    rows = con.execute(f"""
        select {", ".join(f"d.{c}" for c in PENDING_COLUMNS)}, f.paths
        from raw.raw_documents d
        join (select document_id, list(distinct file_path order by file_path) as paths
              from raw.raw_files group by all) f using (document_id)
        where ? or d.document_id not in (select document_id from staging.stg_documents where parser_version = ?)
        order by f.paths[1], d.source_file""", [reparse, parser_version()]).fetchall()
    by_file: dict[str, list[tuple]] = {}
    for *row, paths in rows:
        by_file.setdefault(paths[0], []).append((tuple(row), paths))
    work = [(str(raw_dir), file_path, pending) for file_path, pending in by_file.items()]
    status = PENDING_COLUMNS.index("read_status")
    read_failed = {row[0] for *row, _ in rows if row[status] != "parsed"}
    result = ParseResult()
    if work:
        mark_changed(con, ["staging.stg_documents", "staging.stg_stories"])
    for batch in batched(pool_imap(_parse_file, work, warm=warm_parsers), WRITE_BATCH):
        outputs = [output for file_outputs in batch for output in file_outputs if not isinstance(output, str)]
        result.unread += [output for file_outputs in batch for output in file_outputs if isinstance(output, str)]
        doc_rows = [d for d, _ in outputs]
        story_rows = [s for _, stories in outputs for s in stories]
        replace_rows(con, "staging.stg_stories", story_rows, "document_id", keys=[d["document_id"] for d in doc_rows])
        replace_rows(con, "staging.stg_documents", doc_rows, "document_id")  # last: marks the documents parsed
        _count_parsed(result, doc_rows, story_rows, read_failed)
    if result.unread:  # its files changed since ingest read them: read them again next run, and skip no run
        log.warning("%d documents were no longer in their files; they are read again next run", len(result.unread))
        con.register("_unread", pa.table({"k": pa.array(result.unread, pa.string())}))
        con.execute("update raw.raw_files set mtime_ns = -1 where document_id in (select k from _unread)")
        con.unregister("_unread")
        set_state(con, INPUT_STATE, "")
    return result


def _count_parsed(result: ParseResult, doc_rows: list[dict], story_rows: list[dict], read_failed: set[str]) -> None:
    """Add one written batch to the result; what parsing (not ingest, which reported it) found empty or failed is
    kept to be reported once."""
    result.documents += len(doc_rows)
    result.stories += len(story_rows)
    result.related += sum(1 for s in story_rows if s["role"] == "related")
    for d in doc_rows:
        result.parsed += d["status"] == "parsed"
        result.empty += d["status"] == "empty"
        result.failed += d["status"] == "failed"
        if d["status"] != "parsed" and d["document_id"] not in read_failed:
            result.quarantined.append((d["source_file"], d["error"]))
            log.info("%s: %s: %s", d["source_file"], d["status"], d["error"])
