"""The published warehouse: the build file copied over the file analysts open, atomically."""

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.staging import RETRY, failing_at_once
from pipelines.assets.marts import FAILED_CHECKS_STATE
from pipelines.lifecycle.buildstate import get_states
from pipelines.lifecycle.failures import from_os_error
from pipelines.lifecycle.publish import guard_shrink, publish_if_changed, published_facts
from pipelines.lifecycle.runstamp import clear_stamp, write_stamp
from pipelines.stages import INPUT_STATE
from pipelines.orchestration.resources import WarehouseSettings
from pipelines.report import drawing, preload


def publish_asset(upstream: list[dg.AssetKey], job_assets: set[dg.AssetKey],
                  job_checks: set[dg.AssetCheckKey]) -> dg.AssetsDefinition:
    """An asset that publishes once every model in `upstream` is built (and its blocking checks passed).

    It also writes the run stamp (pipelines/lifecycle/runstamp.py), but only after a run of the whole job
    (`job_assets`, `job_checks`) in which every check passed: a subset run from the UI, or a build
    with a failed check, clears it, so the next run runs in full.
    """

    @dg.asset(key=["published_warehouse"], deps=upstream, group_name="publish", kinds={"duckdb"}, retry_policy=RETRY,
              description="The warehouse file analysts and BI tools open, replaced atomically after a complete build.")
    def published_warehouse(context: dg.AssetExecutionContext, duckdb: DuckDBResource,
                            warehouse: WarehouseSettings) -> dg.MaterializeResult:
        if not drawing.started():  # no drawing processes: the report's libraries load during the publishing below
            preload.start()  # (pipelines/report/preload.py), matplotlib too, for the report's own drawing pool
            preload.start(preload.DRAWING_MODULE)
        with duckdb.get_connection() as con, failing_at_once():
            files = con.execute("select count(distinct file_path) from raw.raw_files").fetchone()[0]
            files_before, published_state = published_facts(Path(warehouse.published))  # one look at the file
            guard_shrink(files_before, files, warehouse.allow_shrink, f"the build of {warehouse.raw_dir}",
                         warehouse.published)
            if drawing.started():  # the charts of this build draw while it is published (report/page.py, predraw)
                from pipelines.report.page import predraw

                try:
                    predraw(con, Path(warehouse.published))
                except Exception as err:  # noqa: BLE001 - drawing ahead only saves time: never stop a good build
                    context.log.warning(f"charts not drawn ahead of the report ({err}); the report step draws them")
            try:
                size, published = publish_if_changed(warehouse.build, Path(warehouse.published), con, published_state)
            except OSError as err:
                raise from_os_error(err, f"publishing {warehouse.published}") or err
            state = get_states(con, [INPUT_STATE, FAILED_CHECKS_STATE])
        run = context.run
        whole = ((not run.asset_selection or job_assets <= run.asset_selection)
                 and (run.asset_check_selection is None or job_checks <= run.asset_check_selection))
        if whole and state.get(INPUT_STATE) and not state.get(FAILED_CHECKS_STATE):
            write_stamp(Path(warehouse.published), state[INPUT_STATE])  # a complete build of what ingest listed
        else:
            clear_stamp(Path(warehouse.published))
        if published:
            context.log.info(f"published {warehouse.build} -> {warehouse.published} ({size} bytes)")
        else:
            context.log.info(f"{warehouse.published} already holds this build; left untouched")
        return dg.MaterializeResult(metadata={"path": warehouse.published, "bytes": size, "published": published})

    return published_warehouse
