"""The published warehouse: the build file copied over the file analysts open, atomically."""

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.staging import RETRY
from pipelines.buildstate import get_state
from pipelines.publish import publish_if_changed
from pipelines.runstamp import clear_stamp, write_stamp
from pipelines.stages import INPUT_STATE
from pipelines.resources import WarehouseSettings


def publish_asset(upstream: list[dg.AssetKey]) -> dg.AssetsDefinition:
    """An asset that publishes once every model in `upstream` is built (and its blocking checks passed)."""

    @dg.asset(key=["published_warehouse"], deps=upstream, group_name="publish", kinds={"duckdb"}, retry_policy=RETRY,
              description="The warehouse file analysts and BI tools open, replaced atomically after a complete build.")
    def published_warehouse(context: dg.AssetExecutionContext, duckdb: DuckDBResource,
                            warehouse: WarehouseSettings) -> dg.MaterializeResult:
        with duckdb.get_connection() as con:
            size, published = publish_if_changed(warehouse.build, Path(warehouse.published), con)
            fingerprint = get_state(con, INPUT_STATE)
        if fingerprint:  # the published file holds a complete build of what ingest listed
            write_stamp(Path(warehouse.published), fingerprint)
        else:
            clear_stamp(Path(warehouse.published))
        if published:
            context.log.info(f"published {warehouse.build} -> {warehouse.published} ({size} bytes)")
        else:
            context.log.info(f"{warehouse.published} already holds this build; left untouched")
        return dg.MaterializeResult(metadata={"path": warehouse.published, "bytes": size, "published": published})

    return published_warehouse
