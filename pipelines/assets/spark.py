"""The pipeline on Spark as one Dagster asset (PIPELINE_ENGINE=spark): a thin call into pipelines.spark."""

from pathlib import Path

import dagster as dg

from pipelines.assets.staging import failing_at_once
from pipelines.orchestration.resources import SparkSettings, WarehouseSettings


@dg.asset(key=["spark_warehouse"], group_name="spark", kinds={"spark", "parquet", "duckdb"},
          description="The whole pipeline on Spark: new raw files read and parsed in the executors, staging batches "
                      "appended, a new build of every staging table and mart switched to in one step, and the "
                      "DuckDB file published from it (pipelines/spark).")
def spark_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseSettings,
                    engine: SparkSettings) -> dg.MaterializeResult:
    """One Spark run over the raw folder; its build id, counts and phase times as metadata."""
    from pipelines.spark.cli import build_and_publish
    from pipelines.spark.run import lake_for
    from pipelines.spark.session import spark_session

    published = Path(warehouse.published)
    out = published if published.suffix == ".duckdb" else None
    lake = engine.lake or lake_for(str(published))
    with failing_at_once():
        spark = spark_session(dict(engine.conf))
        try:
            run = build_and_publish(spark, warehouse.raw_dir, out, lake, warehouse.allow_shrink)
        finally:
            spark.stop()
    context.log.info(f"build {run.build_id}: {run.files_read} files read, {run.new_documents} new documents")
    return dg.MaterializeResult(metadata={
        "build_id": run.build_id, "lake": lake, "files": run.files, "files_read": run.files_read,
        "new_documents": run.new_documents, "stories_extracted": run.stories_extracted,
        "marts": len(run.marts), "nothing_new": run.nothing_new, "checks": len(run.checks),
        "failed_checks": ", ".join(sorted(o.check.name for o in run.checks if not o.passed)) or "none",
        **{f"seconds_{phase}": value for phase, value in run.seconds.items()}})
