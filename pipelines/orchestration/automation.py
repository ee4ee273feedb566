"""When the warehouse is rebuilt: every day on a schedule, and as soon as new raw files appear.

The sensor's cursor is a fingerprint of the raw folder listing (relative path, size and
modification time of every file), so a tick that finds the same listing does nothing. When the
listing changed, the files that are new or changed *compared with the published warehouse*
(its raw.raw_files) start a run; a listing that only lost files does not (the daily run prunes
them). Neither starts a run while one of the warehouse job is queued or in progress: two runs
would write the same build file.

Both are STOPPED by default, so a developer's local UI starts nothing by itself: turn them on in the
UI (Automation), or set PIPELINE_AUTOMATION=on where the daemon runs in production.
"""
from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipelines.lifecycle.publish import published_listing
from pipelines.orchestration.resources import WarehouseSettings
from pipelines.ingest.listing import Listing, listing_fingerprint, raw_listing
from pipelines.lifecycle.runstamp import up_to_date

JOB_NAME = "build_warehouse"
DAILY_CRON = "0 5 * * *"  # 05:00 UTC, after the nightly scrape
SENSOR_INTERVAL_SECONDS = 60
ACTIVE = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
          dg.DagsterRunStatus.STARTED]
AUTOMATION_SETTING = "PIPELINE_AUTOMATION"  # 'on': the schedule and the sensor start RUNNING (production)


def automation_on() -> bool:
    """True when PIPELINE_AUTOMATION asks for the schedule and the sensor to run from the start."""
    return os.environ.get(AUTOMATION_SETTING, "").strip().lower() in ("on", "1", "true", "yes")

def new_files(listing: Listing, known: Listing) -> list[str]:
    """Paths in listing that are absent from known or differ in size or mtime.

    >>> new_files({"a": (1, 1), "b": (2, 2), "c": (3, 3)}, {"a": (1, 1), "b": (2, 9), "d": (4, 4)})
    ['b', 'c']
    """
    return sorted(path for path, stat in listing.items() if known.get(path) != stat)


def run_in_progress(instance: dg.DagsterInstance) -> bool:
    """True when a run of the warehouse job is queued or running."""
    return bool(instance.get_run_records(dg.RunsFilter(job_name=JOB_NAME, statuses=ACTIVE), limit=1))


@dg.sensor(job_name=JOB_NAME, minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
           default_status=dg.DefaultSensorStatus.RUNNING if automation_on() else dg.DefaultSensorStatus.STOPPED,
           description="Starts a warehouse run when files appear or change in the raw folder "
                       "(cursor: fingerprint of paths, sizes and modification times).")
def raw_files_sensor(context: dg.SensorEvaluationContext, warehouse: WarehouseSettings):
    """RunRequest when the raw folder holds files the published warehouse has not read, else SkipReason."""
    listing = raw_listing(Path(warehouse.raw_dir)).files
    fingerprint = listing_fingerprint(listing)
    if fingerprint == context.cursor:
        return dg.SkipReason(f"no change in {warehouse.raw_dir} ({len(listing)} files) since the last check")
    if run_in_progress(context.instance):
        return dg.SkipReason(f"the raw folder changed, but a {JOB_NAME} run is in progress; checking again next tick")
    fresh = new_files(listing, published_listing(Path(warehouse.published)))
    context.update_cursor(fingerprint)
    if not fresh:
        return dg.SkipReason(f"the raw folder changed but holds no file the warehouse has not read "
                             f"({len(listing)} files); removed files are pruned by the next run")
    shown = ", ".join(fresh[:5]) + (f" and {len(fresh) - 5} more" if len(fresh) > 5 else "")
    context.log.info(f"{len(fresh)} new or changed raw files: {shown}")
    return dg.RunRequest(run_key=fingerprint, tags={"trigger": "raw_files_sensor", "new_files": str(len(fresh))})


@dg.schedule(job_name=JOB_NAME, cron_schedule=DAILY_CRON, execution_timezone="UTC",
             default_status=dg.DefaultScheduleStatus.RUNNING if automation_on() else dg.DefaultScheduleStatus.STOPPED,
             description="Rebuilds the warehouse every day at 05:00 UTC (skipped when nothing changed).")
def daily_warehouse_schedule(context: dg.ScheduleEvaluationContext, warehouse: WarehouseSettings):
    """A daily run, skipped while another warehouse run is in progress or when nothing changed since the last one."""
    if run_in_progress(context.instance):
        return dg.SkipReason(f"a {JOB_NAME} run is in progress; the sensor will pick up what it misses")
    stamp = up_to_date(Path(warehouse.raw_dir), Path(warehouse.published))
    if stamp:
        return dg.SkipReason(f"nothing changed since the run of {stamp.get('written_at')}: same raw files, same code; "
                             f"{warehouse.published} is up to date")
    when = context.scheduled_execution_time
    return dg.RunRequest(run_key=when.isoformat() if when else None, tags={"trigger": "daily_warehouse_schedule"})
