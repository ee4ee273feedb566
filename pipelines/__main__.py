"""Command line: build the warehouse, or print an analyst report.

    python -m pipelines run                                   # samples/raw -> warehouse/warehouse.duckdb
    python -m pipelines run --raw-dir DIR --warehouse FILE    # any raw folder, any warehouse file
    python -m pipelines run --force                           # run even when nothing changed since the last run
    python -m pipelines report targets_by_province --format csv
    python -m pipelines report --list
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from pipelines import config, runstamp

log = logging.getLogger("pipelines")


def _summary(published: Path, seconds: float) -> str:
    """A short, human summary of the published warehouse."""
    import duckdb

    con = duckdb.connect(":memory:")  # a private ATTACH reads the file now on disk, even if this process holds an older one
    try:
        con.execute("attach ? as published (read_only)", [str(published)])
        con.execute("use published")
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
    finally:
        con.close()
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
    """Materialize every asset in-process, run every check, publish, print a summary (nothing when nothing changed)."""
    raw_dir = Path(args.raw_dir or config.raw_dir())
    published = Path(args.warehouse or config.warehouse_path()).resolve()  # as the run's resources see it
    if not raw_dir.is_dir():
        print(f"error: raw folder {raw_dir} does not exist (pass --raw-dir DIR or set PIPELINE_RAW_DIR)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if not args.force:
        stamp = runstamp.up_to_date(raw_dir, published)
        if stamp:
            print(stamp.get("summary") or f"warehouse: {published}")
            print(f"this run: nothing changed since the run of {stamp.get('written_at')} (same raw files, same code); "
                  f"{published} left as it was, checked in {time.perf_counter() - started:.2f} s (--force runs anyway)")
            return 0
    from pipelines.definitions import build_definitions
    from pipelines.resources import storage_problem

    problem = storage_problem(config.storage_version())
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    defs = build_definitions(raw_dir, published)
    level = "INFO" if args.verbose else "WARNING"
    result = defs.resolve_job_def("build_warehouse").execute_in_process(
        raise_on_error=False, run_config={"loggers": {"console": {"config": {"log_level": level}}}})
    failed_checks = [e for e in result.get_asset_check_evaluations() if not e.passed]
    failures = _step_failures(result)
    if failures:
        print(f"error: the run did not complete; failed steps: {', '.join(sorted(failures))} "
              "(the published warehouse was left as it was)", file=sys.stderr)
        for step, message in sorted(failures.items()):
            print(f"  {step}: {message}", file=sys.stderr)
    elif not result.success:
        print(f"error: the run did not complete: {_run_failure(result)} "
              "(the published warehouse was left as it was)", file=sys.stderr)
    blocking = sorted(e.check_name for e in failed_checks if e.blocking)
    other = sorted(e.check_name for e in failed_checks if not e.blocking)
    if blocking:
        print(f"error: failed checks: {', '.join(blocking)} (blocking: not published)", file=sys.stderr)
    if other:
        print(f"error: failed checks: {', '.join(other)} (not blocking: published all the same; "
              "the next run checks again)", file=sys.stderr)
    if failures or failed_checks or not result.success:
        return 1
    summary = _summary(published, time.perf_counter() - started)
    runstamp.add_summary(published, summary)
    print(summary)
    print(_run_activity(result))
    return 0


def _step_failures(result) -> dict[str, str]:
    """{step key: first line of its last error} for every step that failed for good."""
    failures = {}
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            error = getattr(event.event_specific_data, "error", None)
            failures[event.step_key] = (error.message.strip().splitlines() or ["unknown error"])[-1] if error else "failed"
    return failures


def _run_failure(result) -> str:
    """The message of the run failure event (a resource that could not start, ...)."""
    for event in result.all_events:
        if event.event_type_value == "RUN_FAILURE":
            error = getattr(event.event_specific_data, "error", None)
            cause = error.cause if error and error.cause else error
            return (cause.message.strip().splitlines() or ["unknown error"])[-1] if cause else event.message or "failed"
    return "unknown error"


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
             f"{get('raw/raw_documents', 'new_documents')} new documents, "
             f"{get('staging/stg_documents', 'parsed_now')} parsed, "
             f"{get('staging/stg_extractions', 'stories_extracted')} stories extracted, "
             f"{rebuilt}/{len(marts)} marts rebuilt, "
             + ("published" if get("published_warehouse", "published", True) else "nothing new to publish")]
    if retried:
        lines.append(f"retried steps: {', '.join(retried)}")
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    """Print one analyst report from sql/ as a table, CSV or JSON."""
    import duckdb

    from pipelines.reports import format_report, list_reports, run_report

    reports = list_reports()
    if args.list or not args.name:
        width = max(map(len, reports), default=0)
        print("\n".join(f"{name:<{width}}  {about}" for name, about in reports.items()))
        return 0
    if args.name not in reports:
        print(f"error: no report named {args.name!r}; choose one of: {', '.join(reports)}", file=sys.stderr)
        return 2
    published = Path(args.warehouse or config.warehouse_path())
    if not published.exists():
        print(f"error: {published} does not exist; build it first with `python -m pipelines run`", file=sys.stderr)
        return 2
    con = duckdb.connect(str(published), read_only=True)
    try:
        columns, rows = run_report(con, args.name)
    finally:
        con.close()
    print(format_report(columns, rows, args.format))
    return 0


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
    sys.exit(main())
