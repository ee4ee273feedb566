"""The Dagster code location: `dagster dev` from the repo root loads `defs` from here."""
from __future__ import annotations

import dagster as dg

from pipelines import config
from pipelines.assets import staging
from pipelines.orchestration.automation import daily_warehouse_schedule, raw_files_sensor
from pipelines.assets.marts import build_marts_asset
from pipelines.assets.publish import publish_asset
from pipelines.assets.report import analyst_report
from pipelines.orchestration.resources import make_resources


def build_definitions(raw_dir=None, published=None, allow_shrink=None, engine=None) -> dg.Definitions:
    """All assets (the marts carry their checks), jobs, schedules and sensors, with resources for the given folders (env defaults).

    With engine "spark" (PIPELINE_ENGINE=spark) the job `build_warehouse`, its schedule and sensor run the whole
    pipeline on Spark as one asset (pipelines/assets/spark.py) instead of the DuckDB assets.
    """
    if (engine or config.engine()) == "spark":
        from pipelines.assets.spark import spark_warehouse

        job = dg.define_asset_job("build_warehouse", selection=dg.AssetSelection.all(),
                                  description="Run the pipeline on Spark, switch the lake's build, publish the DuckDB file.")
        return dg.Definitions(assets=[spark_warehouse], jobs=[job], schedules=[daily_warehouse_schedule],
                              sensors=[raw_files_sensor], executor=dg.in_process_executor,
                              resources=make_resources(raw_dir, published, allow_shrink, "spark"))
    marts = build_marts_asset()
    pipeline_assets = [*dg.load_assets_from_modules([staging])]
    extraction = _extraction_assets()
    upstream = [*pipeline_assets, *extraction, marts]
    keys = {key for a in upstream for key in a.keys}
    assets = [*upstream, publish_asset(list(marts.keys), keys | {dg.AssetKey(["published_warehouse"])},
                                       set(marts.check_keys)), analyst_report]
    everything = dg.define_asset_job("build_warehouse", selection=dg.AssetSelection.all(),
                                     description="Read new raw pages, parse, extract, rebuild the marts, publish.")
    return dg.Definitions(assets=assets, jobs=[everything],
                          schedules=[daily_warehouse_schedule], sensors=[raw_files_sensor],
                          executor=dg.in_process_executor,  # one process per run: DuckDB allows one writer per file
                          resources=make_resources(raw_dir, published, allow_shrink, "duckdb"))


def _extraction_assets() -> list:
    """Entity and target assets."""
    from pipelines.assets import extraction

    return [*dg.load_assets_from_modules([extraction])]


@dg.definitions
def defs() -> dg.Definitions:
    """The definitions `dagster dev` loads, built when it asks for them (importing this module builds nothing)."""
    return build_definitions()
