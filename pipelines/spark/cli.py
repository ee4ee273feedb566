"""`python -m pipelines run --engine spark`: settings checked first, one line for any failure, the same summary.

--warehouse OUT keeps its meaning: a local `.duckdb` file is published from the Spark build (BI tools open it as
they open the DuckDB engine's), with the Parquet lake beside it (`OUT` without `.duckdb`, plus `.spark`);
any other OUT (a folder, `s3a://`, `hdfs://`) is the lake itself, read by BI through its `_CURRENT` build.
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from pipelines import config
from pipelines.lifecycle.failures import UserError, first_line

log = logging.getLogger(__name__)


def is_uri(text: str) -> bool:
    """True for a URI of a filesystem other than this one's folders ('s3a://...', 'hdfs://...').

    >>> is_uri("s3a://bucket/raw"), is_uri("/data/raw"), is_uri("file:///data/raw")
    (True, False, False)
    """
    return "://" in text and not text.startswith("file:")


def run_command(raw_dir: str | None, warehouse: str | None, lake: str | None, conf: list[str] | None,
                allow_shrink: bool) -> int:
    """Run the pipeline on Spark and print the summary; returns the exit code (pipelines.lifecycle.failures)."""
    from pipelines.lifecycle.preflight import check_raw_dir, check_warehouse
    from pipelines.spark.run import lake_for

    started = time.perf_counter()
    raw = str(raw_dir or config.raw_dir())
    out = str(warehouse or config.warehouse_path())
    published = None if is_uri(out) or not out.endswith(".duckdb") else Path(out).resolve()
    try:
        if not is_uri(raw):
            check_raw_dir(Path(raw.removeprefix("file://")))
            raw = str(Path(raw.removeprefix("file://")).resolve())
        if published is not None:
            check_warehouse(published, config.build_path(published))
        from pipelines.spark.session import parse_conf, spark_session

        spark = spark_session(parse_conf(conf))
    except UserError as err:
        return _fail(str(err), err.exit_code)
    try:
        return _run(spark, raw, published, lake or lake_for(str(published or out)), allow_shrink, started)
    except UserError as err:
        return _fail(str(err), err.exit_code)
    except Exception as err:  # noqa: BLE001 - the CLI ends every failure in one line
        log.info("the Spark run failed", exc_info=True)
        cause = first_line(str(err)) or err.__class__.__name__
        return _fail(f"the Spark run failed: {cause} (the current build was left as it was; run again with --verbose "
                     "for the traceback)", 1)
    finally:
        spark.stop()


def build_and_publish(spark, raw: str, published: Path | None, lake: str, allow_shrink: bool):
    """A Spark run (pipelines.spark.run), then the DuckDB file `published` written from its build (when given).
    The CLI and the Dagster asset (pipelines/assets/spark.py) both call this."""
    from pipelines.spark.export import exported_build, export_duckdb, local_folder
    from pipelines.spark.run import run_spark

    if published is not None and local_folder(lake) is None:
        raise UserError(f"the lake {lake} is not on this machine, so {published} cannot be written from it; "
                        "pass --lake on a local folder, or a --warehouse that is not a .duckdb file")
    run = run_spark(spark, raw, lake, allow_shrink, str(published or lake))
    if published is not None and not (run.nothing_new and exported_build(published) == run.build_id):
        export_duckdb(local_folder(run.build_uri), published)
        run.lap("export")
    return run


def _run(spark, raw: str, published: Path | None, lake: str, allow_shrink: bool, started: float) -> int:
    """The run and its summary."""
    from pipelines.spark.checks import problem_lines

    session = time.perf_counter() - started
    run = build_and_publish(spark, raw, published, lake, allow_shrink)
    if published is not None:
        from pipelines.__main__ import _summary

        print(_summary(published, time.perf_counter() - started))
    else:
        print(f"lake: {lake} (current build {run.build_id})")
        marts = "kept" if run.nothing_new else len(run.marts)
        print(f"files: {run.files} | marts: {marts} | time: {time.perf_counter() - started:.1f} s")
    if run.nothing_new:
        print(f"this run (spark): nothing changed since build {run.build_id} (same raw files, same code); "
              "the current build was kept")
    else:
        print(f"this run (spark): {run.files_read} files read, {run.new_documents} new documents; "
              f"{run.stories_extracted} stories extracted, {len(run.marts)}/{len(run.marts)} marts rebuilt, "
              f"{len(run.checks)} checks, published build {run.build_id}")
    print("spark seconds: " + ", ".join(f"{phase} {value:.1f}" for phase, value in
                                       {"session": session, **run.seconds}.items()))
    failed, warned = problem_lines(run.checks)
    if warned:  # as the DuckDB path: warnings about the input, the run still succeeds
        print(f"warning: checks warn: {', '.join(warned)}", file=sys.stderr)
    if failed:
        return _fail(f"failed checks: {', '.join(failed)} (not blocking: build {run.build_id} is current all the "
                     "same; the next run checks again)", 1)
    return 0


def _fail(line: str, code: int) -> int:
    print(f"error: {line}", file=sys.stderr)
    return code
