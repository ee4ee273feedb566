"""One Spark run: list the raw files, read and parse the new ones, extract, build the marts, switch, export.

    >>> from pipelines.spark.run import lake_for
    >>> lake_for("/data/initiatives.duckdb"), lake_for("s3a://bucket/initiatives")
    ('/data/initiatives.spark', 's3a://bucket/initiatives')

Incremental like the DuckDB path: files whose path, size and modification time the current build holds are not
read again, documents already staged are not parsed again, and only stories whose canonical copy (the longest)
is new are extracted. The new rows are appended as a batch; the build folder (every staging table filtered to
what the raw folder still holds, and every mart) is written new, checked with the DuckDB path's checks (checks.py:
a failed blocking check keeps the current build) and switched to in one step (lake.py). A run whose raw files
(path, size, modification time) and code are those the current build was made from keeps it: nothing is read,
built or switched, as the DuckDB path's run stamp stops a run with nothing new.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from pipelines.lifecycle.publish import guard_shrink
from pipelines.lifecycle.runstamp import source_fingerprint
from pipelines.lifecycle.versions import extractor_version, parser_version
from pipelines.spark import staging
from pipelines.spark.checks import CheckOutcome, ChecksFailed, all_checks, refuse_if_blocked, run_checks
from pipelines.spark.lake import STAGED, Lake, new_build_id
from pipelines.spark.marts import build_marts, register_table

EXTRACTED = {"mentions": "stg_entity_mentions", "targets": "stg_targets", "initiatives": "stg_initiatives",
             "participants": "stg_initiative_companies", "topics": "stg_story_topics"}


@dataclass
class SparkRun:
    """What a Spark run did, for the summary."""

    build_id: str
    build_uri: str
    files: int = 0
    files_read: int = 0
    new_documents: int = 0
    stories_extracted: int = 0
    marts: dict = field(default_factory=dict)
    checks: list[CheckOutcome] = field(default_factory=list)
    nothing_new: bool = False  # the raw files and code of the current build: it was kept
    seconds: dict = field(default_factory=dict)  # wall time per phase: read_parse, extract, marts, switch

    def lap(self, phase: str) -> None:
        """Record the time since the last lap under `phase`."""
        now = time.perf_counter()
        self.seconds[phase] = round(now - self._last, 2)
        self._last = now

    def __post_init__(self) -> None:
        self._last = time.perf_counter()


def lake_for(warehouse: str) -> str:
    """Where a run keeps its Parquet for --warehouse: beside a DuckDB file '<name>.spark', else the URI itself."""
    return warehouse[: -len(".duckdb")] + ".spark" if warehouse.endswith(".duckdb") else warehouse.rstrip("/")


def run_spark(spark, raw: str, lake_uri: str, allow_shrink: bool = False, published: str = "the lake",
              checks: list | None = None) -> SparkRun:
    """Build a new version of the lake at lake_uri from the raw files under `raw` (a folder or any URI Spark reads),
    checked (`checks`, default every check of the DuckDB path) and switched to; or keep the current build when its
    raw files and code are those of this run."""

    from pipelines.stages import utcnow

    lake = Lake(spark, lake_uri)
    current = lake.current_build()
    manifest = lake.manifest(current)
    source = Lake(spark, raw)
    root = source.uri
    listing, unreadable = source.listing()
    fingerprint = source_fingerprint(root, listing)  # this code, storage format, raw folder and its files
    if current and manifest.get("input") == fingerprint:
        return SparkRun(current, lake.path("builds", current), files=len(listing), nothing_new=True)
    same_parser = manifest.get("parser_version") == parser_version()
    batches = manifest["batches"] if same_parser else []
    batch, now = new_build_id(), utcnow()
    build = lake.path("builds", batch)
    run = SparkRun(batch, build)
    run.files = len(listing)
    known = []  # raw_files rows of the current build: (file_path, document_id, byte_size, mtime_ns, seen_at)
    if batches and manifest.get("raw_files"):
        known = [tuple(r) for r in spark.read.parquet(manifest["raw_files"]).collect()]
        guard_shrink(len({r[0] for r in known}), run.files, allow_shrink, f"the raw folder {raw}", published)
    seen = {(path, size, mtime) for path, _, size, mtime, _ in known}
    changed = sorted(rel for rel, (size, mtime) in listing.items() if (rel, size, mtime) not in seen)
    to_read = _files_to_read(spark, root, changed, listing, unreadable)
    parsed_rdd = to_read.rdd.mapPartitions(lambda rows: staging.read_and_parse(rows, now))
    work = lake.path("_work", batch)
    spark.createDataFrame(parsed_rdd, staging.PARSED_SCHEMA).write.mode("overwrite").parquet(f"{work}/parsed")
    parsed = spark.read.parquet(f"{work}/parsed")
    run.files_read = len(changed)
    files_now = _raw_files(spark, parsed, known, listing, now)
    files_now.write.mode("overwrite").parquet(f"{build}/raw/raw_files")
    files_now = spark.read.parquet(f"{build}/raw/raw_files")
    run.new_documents = _append_documents(spark, lake, parsed, batches, batch)
    _write_current_documents(spark, lake, files_now, batches + [batch], build)
    run.lap("read_parse")
    run.stories_extracted = _extract(spark, lake, batches + [batch], batch, build, work, now)
    _write_references(spark, build)
    run.lap("extract")
    run.marts = build_marts(spark, build)
    run.lap("marts")
    lake.delete(work)
    run.checks = check_and_switch(spark, lake, batch, all_checks() if checks is None else checks, current, {
        "batches": batches + [batch], "parser_version": parser_version(), "extractor_version": extractor_version(),
        "raw": root, "raw_files": f"{build}/raw/raw_files", "created_at": now.isoformat(), "files": run.files,
        "input": None if unreadable else fingerprint})  # a file to read again: no "nothing new" next time
    run.lap("checks_switch")
    return run


def check_and_switch(spark, lake: Lake, build_id: str, checks: list, current: str | None,
                     manifest: dict) -> list[CheckOutcome]:
    """Run the checks on the build the session's catalog holds, then switch _CURRENT to it; a failed blocking
    check deletes the build instead and raises ChecksFailed (the current build stays current)."""
    outcomes = run_checks(spark, checks)
    try:
        refuse_if_blocked(outcomes, current)
    except ChecksFailed:
        lake.delete(lake.path("builds", build_id))  # its batch's staged rows belong to no build and are never read
        raise
    lake.switch_to(build_id, manifest)
    return outcomes


def _files_to_read(spark, root: str, changed: list[str], listing: dict, unreadable: dict):
    """(file_path, byte_size, mtime_ns, content, error) of the changed files: the bytes read by Spark's binaryFile
    source in the executors; files it must not or cannot read (empty, too large, not a regular file) without bytes."""
    from pyspark.sql import functions as F

    from pipelines.ingest.reader import MAX_FILE_BYTES

    schema = "file_path string, byte_size bigint, mtime_ns bigint, content binary, error string"
    readable = [rel for rel in changed if rel not in unreadable and 0 < listing[rel][0] <= MAX_FILE_BYTES]
    others = [(rel, listing[rel][0], listing[rel][1], b"" if listing[rel][0] == 0 else None, unreadable.get(rel))
              for rel in changed if rel not in set(readable)]
    frame = spark.createDataFrame(others, schema)
    if readable:
        spark.catalog.refreshByPath(root)  # Spark keeps listings per session: a file rewritten since is read anew
        meta = spark.createDataFrame([(rel, *listing[rel]) for rel in readable], "file_path string, byte_size bigint, "
                                     "mtime_ns bigint")
        read = (spark.read.format("binaryFile").load([f"{root}/{_escape_glob(rel)}" for rel in readable])
                .select(F.expr(f"substring(path, {len(root) + 2})").alias("file_path"), "content"))
        frame = frame.unionByName(F.broadcast(meta).join(read, "file_path").withColumn("error", F.lit(None)))
    return frame.repartition(max(1, min(len(changed), spark.sparkContext.defaultParallelism * 4)))


def _escape_glob(rel: str) -> str:
    r"""A path with Hadoop's glob characters escaped, so a file named 'a[1].txt' is read as named.

    >>> _escape_glob("site/a[1]*.txt")
    'site/a\\[1\\]\\*.txt'
    """
    return "".join("\\" + c if c in "\\{}[]*?" else c for c in rel)


def _raw_files(spark, parsed, known: list[tuple], listing: dict, now):
    """raw.raw_files of the new build: unchanged files as the last build knew them, plus every file read now."""
    from pyspark.sql import functions as F

    read = parsed.select("file_path", F.col("raw.document_id").alias("document_id"),
                         F.col("file_size").alias("byte_size"), "mtime_ns", F.lit(now).alias("seen_at"))
    read = read.dropDuplicates(["file_path", "document_id"])
    kept = [row for row in known if listing.get(row[0]) == (row[2], row[3])]
    if not kept:
        return read
    return spark.createDataFrame(kept, read.schema).unionByName(read)


def _staged(spark, lake: Lake, table: str, batches: list[str]):
    """The rows of a staged table that belong to the given batches (none before the first run)."""
    from pyspark.sql import functions as F

    path = lake.path("staging", table)
    schema = f"{staging.spark_schema(*staging.TABLE_OF[staging.KEY_OF[table]])}, batch_id string, ingest_date string"
    if not lake.exists(path):
        return spark.createDataFrame([], schema)
    return spark.read.schema(schema).parquet(path).where(F.col("batch_id").isin(batches))


def _append(frame, lake: Lake, table: str, batch: str, now) -> None:
    """Append a batch's rows to a staged table, partitioned by ingest day."""
    from pyspark.sql import functions as F

    (frame.withColumn("batch_id", F.lit(batch)).withColumn("ingest_date", F.lit(now.date().isoformat()))
     .write.mode("append").partitionBy("ingest_date").parquet(lake.path("staging", table)))


def _append_documents(spark, lake: Lake, parsed, batches: list[str], batch: str) -> int:
    """Stage the documents read now that no earlier batch holds: the first copy in listing order, as ingest keeps it."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from pipelines.stages import utcnow

    fresh = parsed.withColumn("document_id", F.col("raw.document_id"))
    before = _staged(spark, lake, "stg_documents", batches).where(F.col("parser_version") == parser_version())
    fresh = fresh.join(before.select("document_id"), "document_id", "left_anti")
    first = Window.partitionBy("document_id").orderBy("order_key", "doc_index")
    fresh = fresh.withColumn("copy", F.row_number().over(first)).where("copy = 1").cache()
    now = utcnow()
    _append(fresh.select("raw.*"), lake, "raw_documents", batch, now)
    _append(fresh.select(F.explode("stories").alias("s")).select("s.*"), lake, "stg_stories", batch, now)
    _append(fresh.select("doc.*"), lake, "stg_documents", batch, now)  # last: marks the documents staged
    return fresh.count()


def _write_current_documents(spark, lake: Lake, files_now, batches: list[str], build: str) -> None:
    """raw_documents, stg_documents and stg_stories of the build: staged rows of documents a raw file still holds."""
    from pyspark.sql import functions as F

    held = files_now.select("document_id").distinct()
    docs = (_staged(spark, lake, "stg_documents", batches).where(F.col("parser_version") == parser_version())
            .join(held, "document_id", "left_semi"))
    keys = docs.select("document_id", "batch_id")
    for schema, table, frame in (("staging", "stg_documents", docs),
                                 ("raw", "raw_documents", _staged(spark, lake, "raw_documents", batches)),
                                 ("staging", "stg_stories", _staged(spark, lake, "stg_stories", batches))):
        frame = frame.join(keys, ["document_id", "batch_id"], "left_semi").select(*staging.columns(schema, table))
        frame.write.mode("overwrite").parquet(f"{build}/{schema}/{table}")
        register_table(spark, schema, table, f"{build}/{schema}/{table}")


def _extract(spark, lake: Lake, batches: list[str], batch: str, build: str, work: str, now) -> int:
    """Extract the canonical copies not extracted yet; write the build's extraction tables; returns stories extracted."""
    from pyspark.sql import functions as F

    from pipelines.modelling.transpile import transpile_sql
    from pipelines.extract.stage import CANONICAL_COPIES

    canonical = spark.sql(transpile_sql(CANONICAL_COPIES, "spark")[0])
    version = extractor_version()
    done = _staged(spark, lake, "stg_extractions", batches[:-1]).where(F.col("extractor_version") == version)
    pending = canonical.join(done.select("story_key", "document_id"), ["story_key", "document_id"], "left_anti")
    rdd = pending.rdd.mapPartitions(lambda rows: staging.extract(rows, now))
    spark.createDataFrame(rdd, staging.EXTRACTED_SCHEMA).write.mode("overwrite").parquet(f"{work}/extracted")
    extracted = spark.read.parquet(f"{work}/extracted")
    for key, table in EXTRACTED.items():
        _append(extracted.select(F.explode(key).alias("r")).select("r.*"), lake, table, batch, now)
    _append(extracted.select("extraction.*"), lake, "stg_extractions", batch, now)  # last: marks the stories extracted
    current = (_staged(spark, lake, "stg_extractions", batches).where(F.col("extractor_version") == version)
               .join(canonical.select("story_key", "document_id"), ["story_key", "document_id"], "left_semi"))
    keys = current.select("story_key", "document_id", "batch_id")
    for table in (*EXTRACTED.values(), "stg_extractions"):
        frame = _staged(spark, lake, table, batches).join(keys, ["story_key", "document_id", "batch_id"], "left_semi")
        frame.select(*staging.columns("staging", table)).write.mode("overwrite").parquet(f"{build}/staging/{table}")
        register_table(spark, "staging", table, f"{build}/staging/{table}")
    return extracted.count()


def _write_references(spark, build: str) -> None:
    """staging.ref_jurisdictions and ref_companies of the build, by the functions the DuckDB path calls."""
    from pipelines.spark.schemas import spark_schema
    from pipelines.extract.stage import REFERENCE_QUERIES, reference_rows

    found = {name: [tuple(r) for r in spark.sql(sql).collect()] for name, sql in REFERENCE_QUERIES.items()}
    jurisdictions, companies = reference_rows([r[0] for r in found["places"]], [r[0] for r in found["companies"]],
                                              dict(found["learned"]))
    for table, rows, key in (("ref_jurisdictions", jurisdictions, None), ("ref_companies", companies, None)):
        tuples = [tuple(row.get(c) for c in staging.columns("staging", table)) for row in rows]
        location = f"{build}/staging/{table}"
        spark.createDataFrame(tuples, spark_schema("staging", table)).write.mode("overwrite").parquet(location)
        register_table(spark, "staging", table, location)


__all__ = ["SparkRun", "check_and_switch", "lake_for", "run_spark", "STAGED"]
