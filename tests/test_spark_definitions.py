"""PIPELINE_ENGINE=spark gives Dagster the same job name, schedule and sensor, running the Spark asset."""
import dagster as dg

from pipelines.definitions import build_definitions


def test_spark_engine_job_runs_the_spark_asset():
    defs = build_definitions(engine="spark")
    job = defs.resolve_job_def("build_warehouse")
    assert {key.to_user_string() for key in job.asset_layer.asset_graph.get_all_asset_keys()} == {"spark_warehouse"}
    assert [s.name for s in defs.schedules] == ["daily_warehouse_schedule"] and len(defs.sensors) == 1
    assert defs.resources["engine"].engine == "spark"


def test_duckdb_engine_keeps_the_asset_graph():
    defs = build_definitions(engine="duckdb")
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert "spark_warehouse" not in keys and "published_warehouse" in keys
    assert defs.resources["engine"].engine == "duckdb"
    assert isinstance(defs.resources["engine"], dg.ConfigurableResource)
