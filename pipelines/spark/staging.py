"""Raw files -> staging rows in Spark's executors, through the per-file and per-story functions of pipelines.stages.

No rule is written here: a file's bytes go through stages.read_guarded (ingest/reader.py), each document through
stages.parse_one, each story's canonical copy through extract.stage.extract_one, exactly as the DuckDB path calls them.
This module only turns their dict rows into Spark rows (the types of pipelines/load/schema.sql, spark/schemas.py).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pipelines.spark.schemas import columns, spark_schema  # noqa: F401 - spark_schema is used by run.py

TABLE_OF = {"raw": ("raw", "raw_documents"), "doc": ("staging", "stg_documents"), "stories": ("staging", "stg_stories"),
            "mentions": ("staging", "stg_entity_mentions"), "targets": ("staging", "stg_targets"),
            "initiatives": ("staging", "stg_initiatives"), "participants": ("staging", "stg_initiative_companies"),
            "topics": ("staging", "stg_story_topics"), "extraction": ("staging", "stg_extractions")}


KEY_OF = {table: key for key, (_, table) in TABLE_OF.items()}


def row_type(key: str) -> str:
    """Spark's struct type of one staging row (for nested columns).

    >>> row_type("extraction").startswith("struct<story_key:string,document_id:string,")
    True
    """
    fields = [f"{name}:{kind}" for name, kind in (c.split(" ", 1) for c in spark_schema(*TABLE_OF[key]).split(", "))]
    return f"struct<{','.join(fields)}>"


PARSED_SCHEMA = ("file_path string, order_key string, doc_index int, file_size bigint, mtime_ns bigint, "
                 f"raw {row_type('raw')}, doc {row_type('doc')}, stories array<{row_type('stories')}>")
EXTRACTED_SCHEMA = (f"story_key string, document_id string, mentions array<{row_type('mentions')}>, "
                    f"targets array<{row_type('targets')}>, initiatives array<{row_type('initiatives')}>, "
                    f"participants array<{row_type('participants')}>, topics array<{row_type('topics')}>, "
                    f"extraction {row_type('extraction')}")


def as_tuple(key: str, row: dict) -> tuple:
    """A dict row as a tuple in its table's column order, numbers as the types Spark checks (int, float).

    >>> as_tuple("extraction", {"story_key": "s", "document_id": "d", "mention_count": 2, "target_count": 0})
    ('s', 'd', 2, 0, None, None, None)
    """
    from pipelines.modelling.catalog import declared_columns

    out = []
    for name, dtype, _ in declared_columns()[TABLE_OF[key]]:
        value = row.get(name)
        if value is not None and dtype == "DOUBLE":
            value = float(value)
        out.append(value)
    return tuple(out)


def read_and_parse(files, ingested_at: datetime):
    """Executor side: (file_path, byte_size, mtime_ns, content, error) rows of raw files -> one PARSED_SCHEMA row per
    document each file holds (no content: the error says why, or the file is too large to read)."""
    from pipelines.ingest.listing import listing_order
    from pipelines.ingest.reader import content_hash, failed_document, oversize_error
    from pipelines.stages import PENDING_COLUMNS, parse_one, raw_document_row, read_guarded, unreadable_document
    from pipelines.stages import warm_parsers

    warm_parsers()
    for rel, length, mtime_ns, content, error in files:
        if error:
            docs = [unreadable_document(rel, error)]
        elif content is None:
            docs = [failed_document(content_hash(f"{rel}:{length}".encode()), rel, "unknown", length,
                                    oversize_error(length) or "The file could not be read.")]
        else:
            docs = read_guarded(Path(rel), Path("."), stored=bytes(content))
        for index, doc in enumerate(docs):
            raw = raw_document_row(doc, ingested_at)
            doc_row, stories = parse_one(tuple(raw[c] for c in PENDING_COLUMNS), doc.text)
            yield (rel, listing_order(rel), index, length, -1 if doc.retry else mtime_ns, as_tuple("raw", raw),
                   as_tuple("doc", doc_row), [as_tuple("stories", s) for s in stories])


def extract(stories, extracted_at: datetime):
    """Executor side: canonical story copies (story_key, document_id, title, body, published_at, source_site) ->
    one EXTRACTED_SCHEMA row per story."""
    from pipelines.lifecycle.versions import extractor_version, parser_version
    from pipelines.extract.stage import extract_one, warm_extractors

    warm_extractors()
    version, parsed_by = extractor_version(), parser_version()  # a lake's batches all hold this parser's documents
    for row in stories:
        key, document_id, mentions, targets, initiatives, participants, topics = extract_one(tuple(row))
        extraction = {"story_key": key, "document_id": document_id, "mention_count": len(mentions),
                      "target_count": len(targets), "extracted_at": extracted_at, "extractor_version": version,
                      "parser_version": parsed_by}
        yield (key, document_id, [as_tuple("mentions", m) for m in mentions], [as_tuple("targets", t) for t in targets],
               [as_tuple("initiatives", i) for i in initiatives], [as_tuple("participants", p) for p in participants],
               [as_tuple("topics", t) for t in topics], as_tuple("extraction", extraction))


def table_columns(key: str) -> list[str]:
    """Column names of the table behind a nested key."""
    return columns(*TABLE_OF[key])
