"""Command line: build the warehouse, or print an analyst report.

    python -m pipelines run                                   # samples/raw -> warehouse/warehouse.duckdb
    python -m pipelines run --raw-dir DIR --warehouse FILE    # any raw folder, any warehouse file
    python -m pipelines run --force                           # run even when nothing changed since the last run
    python -m pipelines run --allow-shrink                    # publish even when most raw files are gone
    python -m pipelines run --engine spark --raw-dir s3a://bucket/raw --warehouse s3a://bucket/lake
    python -m pipelines report targets_by_province --format csv
    python -m pipelines report --list
"""
from __future__ import annotations

from pipelines.lifecycle import fastexit

if __name__ == "__main__":
    fastexit.arm()  # before any import registers an exit handler, so it runs after all of them

import argparse  # noqa: E402 - after arming the exit handler, as everything below
import logging  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from pipelines import config  # noqa: E402
from pipelines.orchestration import instance  # noqa: E402
from pipelines.orchestration.eventlog import shared_connections  # noqa: E402
from pipelines.ingest.listing import handed_over, raw_listing  # noqa: E402
from pipelines.lifecycle import runstamp  # noqa: E402
from pipelines.lifecycle.failures import EXIT_CODES, UserError, first_line, one_line  # noqa: E402
from pipelines.lifecycle.preflight import check_not_busy, check_raw_dir, check_warehouse  # noqa: E402

log = logging.getLogger("pipelines")
WARMUP = "pipelines.lifecycle.warmup"  # what the stages' workers need loaded, for the fork server to import first


def _summary(published: Path, seconds: float) -> str:
    """A short, human summary of the published warehouse."""
    from pipelines.lifecycle.readonly import attached

    with attached(published, "published", use=True) as con:  # the file now on disk, not one this process holds
        q = lambda sql: con.execute(sql).fetchone()  # noqa: E731
        files = q("select count(distinct file_path) from raw.raw_files")[0]
        docs = dict(con.execute("select status, count(*) from staging.stg_documents group by all").fetchall())
        main, related = q("select count(*) filter (where role = 'main'), count(*) filter (where role = 'related') "
                          "from staging.stg_stories")
        mentions, targets = q("select (select count(*) from staging.stg_entity_mentions), "
                              "(select count(*) from staging.stg_targets)")
        initiatives = q("select count(distinct initiative_id) from main.fact_initiative")[0]
        bad = con.execute("select source_file, status, error from staging.stg_documents where status <> 'parsed' "
                          "order by source_file").fetchall()
    report = config.report_path(published)
    lines = [f"warehouse: {published}",
             f"files: {files} | documents: {sum(docs.values())} parsed {docs.get('parsed', 0)}, "
             f"empty {docs.get('empty', 0)}, failed {docs.get('failed', 0)}",
             f"stories: {main + related} (main {main}, related {related}) | mentions: {mentions} | "
             f"targets: {targets} | initiatives: {initiatives}",
             *([f"report: {report}"] if report.exists() else []),
             f"time: {seconds:.1f} s"]
    lines += [f"  {status}: {source_file}: {error}" for source_file, status, error in bad]
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace) -> int:
    """Materialize every asset in-process, run every check, publish, print a summary (nothing when nothing changed).

    Every failure ends in one line on stderr naming the cause and the fix, with the exit code of
    pipelines.lifecycle.failures (tracebacks only with --verbose).
    """
    if args.engine not in config.ENGINES:
        return _fail(f"PIPELINE_ENGINE={args.engine} is not an engine; set it to duckdb or spark", 2)
    if args.engine == "spark":
        from pipelines.spark.cli import run_command

        return run_command(args.raw_dir, args.warehouse, args.lake, args.conf, args.allow_shrink or config.allow_shrink())
    if args.conf or args.lake:
        return _fail("--conf and --lake are settings of the Spark engine; add --engine spark", 2)
    raw_dir = Path(args.raw_dir or config.raw_dir())
    published = Path(args.warehouse or config.warehouse_path()).resolve()  # as the run's resources see it
    try:
        check_raw_dir(raw_dir)
        check_warehouse(published, config.build_path(published))
    except UserError as err:
        return _fail(str(err), err.exit_code)
    started = time.perf_counter()
    folder = None
    if not args.force:
        folder = raw_listing(raw_dir)
        stamp = runstamp.up_to_date(raw_dir, published, folder.files)
        if stamp:
            print(stamp.get("summary") or f"warehouse: {published}")
            print(f"this run: nothing changed since the run of {stamp.get('written_at')} (same raw files, same code); "
                  f"{published} left as it was, checked in {time.perf_counter() - started:.2f} s (--force runs anyway)")
            sys.stdout.flush()
            instance.record_nothing_new(published, stamp.get("written_at"), time.perf_counter() - started)
            return 0
    try:
        check_not_busy(config.build_path(published))
    except UserError as err:
        return _fail(str(err), err.exit_code)
    from pipelines.lifecycle.workers import forking_from_server
    from pipelines.report import drawing

    # the fork server loads the stages' workers' modules and matplotlib while this process imports Dagster; the
    # parse, extraction and drawing processes fork from it (lifecycle/workers.py, lifecycle/warmup.py, report/drawing.py)
    with forking_from_server([WARMUP, *drawing.PRELOAD]):
        drawing.start()
        try:
            return _run_job(args, raw_dir, published, folder, started)
        finally:
            drawing.stop()


def _run_job(args: argparse.Namespace, raw_dir: Path, published: Path, folder, started: float) -> int:
    """cmd_run's run of the job: materialize every asset in-process, then the summary or the failure's last line."""
    import dagster as dg

    from pipelines.definitions import build_definitions
    from pipelines.orchestration.resources import storage_problem

    problem = storage_problem(config.storage_version())
    if problem:
        return _fail(problem, 2)
    defs = build_definitions(raw_dir, published, args.allow_shrink or config.allow_shrink())
    level = "INFO" if args.verbose else "CRITICAL"  # without --verbose the last line below says what failed
    with (instance.open_instance() as dagster_instance, shared_connections(dagster_instance),  # the UI shows this run
          handed_over(raw_dir, folder)):  # the run's ingest reads the listing taken above instead of listing again
        result = defs.resolve_job_def("build_warehouse").execute_in_process(
            raise_on_error=False, instance=dagster_instance,
            run_config={"loggers": {"console": {"config": {"log_level": level}}}})
    evaluations = [e for e in result.get_asset_check_evaluations() if not e.passed]
    warned = sorted(e.check_name for e in evaluations if e.severity == dg.AssetCheckSeverity.WARN)
    failed_checks = [e for e in evaluations if e.severity != dg.AssetCheckSeverity.WARN]
    blocking = sorted(e.check_name for e in failed_checks if e.blocking)
    other = sorted(e.check_name for e in failed_checks if not e.blocking)
    if other:
        print(f"error: failed checks: {', '.join(other)} (not blocking: published all the same; "
              "the next run checks again)", file=sys.stderr)
    if warned:  # warnings about the input (pipelines/checks/staging.sql): the run still succeeds
        print(f"warning: checks warn: {', '.join(warned)} (see their results in the Dagster UI)", file=sys.stderr)
    failure = _failure(result)
    if failure:
        return _fail(*failure)
    if blocking:
        return _fail(f"failed checks: {', '.join(blocking)} (blocking: not published; "
                     "the published warehouse was left as it was)", 1)
    if failed_checks:
        return 1
    summary = _summary(published, time.perf_counter() - started)
    runstamp.add_summary(published, summary)
    print(summary)
    print(_run_activity(result))
    return 0


RUN_FAILURES = ("RESOURCE_INIT_FAILURE", "PIPELINE_FAILURE", "RUN_FAILURE")  # Dagster's names for a run that failed


def _fail(line: str, code: int) -> int:
    """Print the one last line of a failed run on stderr; return its exit code."""
    print(f"error: {line}", file=sys.stderr)
    return code


def _failure(result) -> tuple[str, int] | None:
    """(last line, exit code) for a run that failed, None for one that did not.

    A failure the user caused (pipelines.lifecycle.failures) is its own line; any other names the step and
    the error at the root of it, and points to --verbose for the traceback.
    """
    failures = [("run" if e.event_type_value in RUN_FAILURES else e.step_key, e.event_specific_data.error)
                for e in result.all_events
                if e.event_type_value in ("STEP_FAILURE", *RUN_FAILURES) and getattr(e.event_specific_data, "error", None)
                and not any(link.cls_name == "DagsterAssetCheckFailedError"  # the failed checks have their own line
                            for link in _chain(e.event_specific_data.error))]
    for step, error in failures:
        for link in sorted(_chain(error), key=lambda link: link.cls_name not in EXIT_CODES):  # our own errors first
            found = one_line(link.cls_name or "", link.message or "")
            if found:  # our own line says where; a recognised system error gets the step in front
                return found if link.cls_name in EXIT_CODES else (f"{_where(step)} failed: {found[0]}", found[1])
    if failures:
        step, error = failures[0]
        cause = first_line(_chain(error)[-1].message or "") or "unknown error"
        return f"{_where(step)} failed: {cause} ({_published_state(result)}; run again with --verbose for the traceback)", 1
    if not result.success and not any(not e.passed and e.blocking for e in result.get_asset_check_evaluations()):
        return f"the run did not complete ({_published_state(result)}; --verbose shows why)", 1
    return None


def _published_state(result) -> str:
    """What a failed run did to the published file: a step after publishing (the report) fails with it already new."""
    import dagster as dg

    published = dg.AssetKey(["published_warehouse"])
    if any(e.asset_key == published for e in result.get_asset_materialization_events()):
        return "the warehouse itself was published before it"
    return "the published warehouse was left as it was"


def _where(step: str) -> str:
    return "the run" if step == "run" else f"step {step}"


def _chain(error) -> list:
    """The error, then the errors it was raised from or during, outermost first."""
    links = []
    while error is not None and len(links) < 20:
        links.append(error)
        error = error.cause or error.context
    return links


def _run_activity(result) -> str:
    """What this run did: files read, documents parsed, stories extracted, marts rebuilt, published or not."""
    meta = {}
    for event in result.get_asset_materialization_events():
        materialization = event.event_specific_data.materialization
        meta[materialization.asset_key.to_user_string()] = {k: v.value for k, v in materialization.metadata.items()}
    get = lambda key, field, default=0: meta.get(key, {}).get(field, default)  # noqa: E731
    marts = [k for k in meta if k.startswith("main/")]
    rebuilt = sum(1 for k in marts if get(k, "rebuilt", True))
    retried = sorted({e.step_key for e in result.all_events if e.event_type_value == "STEP_RESTARTED"})
    lines = [f"this run: {get('raw/raw_documents', 'files_read')} files read, "
             f"{get('raw/raw_documents', 'new_documents')} new documents; "
             f"{get('staging/stg_documents', 'parsed_now')} parsed, {get('staging/stg_documents', 'empty_now')} empty, "
             f"{get('staging/stg_documents', 'failed_now')} failed; "
             f"{get('staging/stg_extractions', 'stories_extracted')} stories extracted, "
             f"{rebuilt}/{len(marts)} marts rebuilt, "
             + ("published" if get("published_warehouse", "published", True) else "nothing new to publish")]
    if retried:
        lines.append(f"retried steps: {', '.join(retried)}")
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    """Print one analyst report from sql/ as a table, CSV or JSON."""
    import duckdb

    from pipelines.lifecycle.readonly import attached
    from pipelines.report.sql_reports import format_report, list_reports, run_report

    reports = list_reports()
    if args.list or not args.name:
        width = max(map(len, reports), default=0)
        print("\n".join(f"{name:<{width}}  {about}" for name, about in reports.items()))
        return 0
    if args.name not in reports:
        return _fail(f"no report named {args.name!r}; choose one of: {', '.join(reports)}", 2)
    published = Path(args.warehouse or config.warehouse_path())
    if not published.exists():
        return _fail(f"{published} does not exist; build it first with `python -m pipelines run`", 2)
    if published.is_dir():
        return _fail(f"{published} is a folder; pass the warehouse file, e.g. --warehouse {published / 'warehouse.duckdb'}", 2)
    try:
        with attached(published, "warehouse", use=True) as con:  # a fixed name (see attached)
            try:
                columns, rows = run_report(con, args.name)
            except duckdb.Error as err:
                return _fail(f"report {args.name} failed on {published} ({_first_line(err)}); is it a warehouse this "
                             "version built? Rebuild it with `python -m pipelines run --force`", 1)
    except duckdb.Error as err:
        return _fail(f"{published} cannot be opened as a DuckDB warehouse ({_first_line(err)}); pass the file "
                     "`python -m pipelines run` published (--warehouse FILE)", 2)
    print(format_report(columns, rows, args.format))
    return 0


def _first_line(err: Exception) -> str:
    """The first line of an error's message."""
    return (str(err).strip().splitlines() or [err.__class__.__name__])[0]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with an example for every command."""
    parser = argparse.ArgumentParser(prog="python -m pipelines", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log every step")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="build the warehouse from a raw folder",
                         description="Read every raw file under DIR, build staging and marts, publish FILE atomically. "
                                     "Example: python -m pipelines run --raw-dir ~/scrapes --warehouse /tmp/w.duckdb")
    run.add_argument("--raw-dir", help=f"raw pages (default: $PIPELINE_RAW_DIR or {config.DEFAULT_RAW_DIR})")
    run.add_argument("--warehouse", help=f"DuckDB file to publish (default: $PIPELINE_WAREHOUSE or {config.DEFAULT_WAREHOUSE})")
    run.add_argument("--force", action="store_true",
                     help="run even when no raw file and no code changed since the published build")
    run.add_argument("--allow-shrink", action="store_true",
                     help="publish even when the raw folder lost more than half of the files the published warehouse "
                          "was built from (default: refuse; also PIPELINE_ALLOW_SHRINK=1)")
    run.add_argument("--engine", choices=["duckdb", "spark"], default=config.engine(),
                     help="where the stages run: duckdb on this machine (default; also $PIPELINE_ENGINE), or spark "
                          "(SPARK_MASTER or spark-submit's cluster, local[*] otherwise; see README)")
    run.add_argument("--conf", action="append", metavar="KEY=VALUE",
                     help="a Spark setting, repeatable (e.g. --conf spark.executor.memory=4g); --engine spark only")
    run.add_argument("--lake", help="where the Spark engine keeps its Parquet (a folder, s3a://, hdfs://; default: "
                                    "beside a .duckdb --warehouse, NAME.spark); --engine spark only")
    run.set_defaults(func=cmd_run)
    report = sub.add_parser("report", help="print an analyst report from sql/",
                            description="Example: python -m pipelines report targets_by_province --format csv")
    report.add_argument("name", nargs="?", help="report name (file name in sql/ without .sql)")
    report.add_argument("--format", choices=["table", "csv", "json"], default="table")
    report.add_argument("--warehouse", help="DuckDB file to read (default: the published warehouse)")
    report.add_argument("--list", action="store_true", help="list the reports")
    report.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(fastexit.set_code(main()))  # ends without the interpreter's teardown (pipelines/lifecycle/fastexit.py)
