"""The analyst report: a thin Dagster asset over pipelines.report.page."""

from pathlib import Path

import dagster as dg

from pipelines.assets.staging import RETRY
from pipelines.orchestration.resources import WarehouseSettings

PUBLISHED = dg.AssetKey(["published_warehouse"])


@dg.asset(key=["analyst_report"], deps=[PUBLISHED], group_name="publish", kinds={"html"}, retry_policy=RETRY,
          description="One HTML page beside the published warehouse with a chart and table per analyst query in sql/; "
                      "rendered again only when the marts changed.")
def analyst_report(context: dg.AssetExecutionContext, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    """The report of the published warehouse (report.html beside it), re-rendered when its marts changed."""
    from pipelines.report import preload

    preload.wait()  # started by the publish step; done before write_report forks its drawing processes
    preload.wait(preload.DRAWING_MODULE)
    from pipelines.report.page import write_report  # matplotlib is loaded by a run that renders, not by every code load

    path, written = write_report(Path(warehouse.published))
    context.log.info(f"{'wrote' if written else 'kept'} {path}")
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(path)), "written": written,
                                          "bytes": path.stat().st_size})
