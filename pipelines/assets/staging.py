"""Raw pages and clean stories: thin Dagster assets over pipelines.stages."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.checks import table_check_results, table_check_specs
from pipelines.assets.metadata import built_metadata, declared_metadata
from pipelines.lifecycle.failures import UserError
from pipelines.lifecycle.preflight import check_warehouse
from pipelines.orchestration.resources import WarehouseSettings
from pipelines.stages import ingest_raw, parse_documents

DOCUMENTS, STORIES = ("staging", "stg_documents"), ("staging", "stg_stories")
RETRY = dg.RetryPolicy(max_retries=2, delay=1, backoff=dg.Backoff.EXPONENTIAL)
SHOWN_QUARANTINED = 20  # files listed by name in the metadata of one materialization


@contextmanager
def failing_at_once() -> Iterator[None]:
    """A failure the user caused (pipelines.lifecycle.failures) fails the step at once, without retries, its one line
    as the failure's description: what the UI shows and the CLI prints."""
    try:
        yield
    except UserError as err:
        raise dg.Failure(description=str(err), allow_retries=False) from err


def quarantined_md(failed: list[tuple[str, str]]) -> dg.MetadataValue:
    """The files quarantined by this run, with the reason, as a Markdown list (the first SHOWN_QUARANTINED)."""
    lines = [f"- `{source_file}`: {error}" for source_file, error in failed[:SHOWN_QUARANTINED]]
    if len(failed) > SHOWN_QUARANTINED:
        lines.append(f"- ... and {len(failed) - SHOWN_QUARANTINED} more (see staging.stg_documents)")
    return dg.MetadataValue.md("\n".join(lines) or "none")


@dg.asset(key=["raw", "raw_documents"], group_name="raw", kinds={"duckdb", "python"}, retry_policy=RETRY,
          metadata=declared_metadata("raw", "raw_documents"),
          description="One row per raw page version (content hash) read from the raw folder; unchanged files are skipped.")
def raw_documents(context: dg.AssetExecutionContext, duckdb: DuckDBResource,
                  warehouse: WarehouseSettings) -> dg.MaterializeResult:
    """One row per raw page version (content hash)."""
    with duckdb.get_connection() as con, failing_at_once():
        check_warehouse(Path(warehouse.published), warehouse.build)
        result = ingest_raw(con, Path(warehouse.raw_dir), warehouse.allow_shrink, warehouse.published)
        built = built_metadata(con, "raw", "raw_documents")
    for source_file, error in result.failed:
        context.log.warning(f"quarantined {source_file}: {error}")
    return dg.MaterializeResult(metadata={
        "files": result.files, "files_read": result.files_read, "new_documents": result.new_documents,
        "duplicate_content": result.duplicates, "unreadable": len(result.failed),
        "removed_documents": result.removed_documents, **built,
        "quarantined_now": quarantined_md(result.failed)})


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["staging", "stg_documents"], deps=[["raw", "raw_documents"]], group_name="staging",
                     kinds={"duckdb", "python"}, metadata=declared_metadata(*DOCUMENTS),
                     description="One row per raw file version with its parse status; bad files are quarantined with an error."),
        dg.AssetSpec(["staging", "stg_stories"], deps=[["raw", "raw_documents"]], group_name="staging",
                     kinds={"duckdb", "python"}, metadata=declared_metadata(*STORIES),
                     description="One row per story per document: the main story and every related story on the page."),
    ],
    check_specs=table_check_specs(DOCUMENTS, STORIES),  # pipelines/checks/staging.sql
    retry_policy=RETRY,
)
def staging_stories(context: dg.AssetExecutionContext, duckdb: DuckDBResource, warehouse: WarehouseSettings):
    """Parse raw documents not parsed yet into stg_documents and stg_stories."""
    with duckdb.get_connection() as con:
        result = parse_documents(con, Path(warehouse.raw_dir))
        counts = dict(con.execute("select status, count(*) from staging.stg_documents group by all").fetchall())
        related = con.execute("select count(*) filter (where role = 'related') from staging.stg_stories").fetchone()[0]
        built = {t: built_metadata(con, *t) for t in (DOCUMENTS, STORIES)}
        checks = list(table_check_results(context, con, DOCUMENTS, STORIES))
    for source_file, error in result.quarantined:  # those ingest found are reported by raw_documents
        context.log.warning(f"quarantined {source_file}: {error}")
    yield dg.MaterializeResult(asset_key=["staging", "stg_documents"], metadata={
        "documents_now": result.documents, "parsed_now": result.parsed, "empty_now": result.empty,
        "failed_now": result.failed, **built[DOCUMENTS], "to_read_again": len(result.unread),
        "not_parsed_share_now": round((result.empty + result.failed) / result.documents, 3) if result.documents else 0.0,
        "parsed": counts.get("parsed", 0), "empty": counts.get("empty", 0), "failed": counts.get("failed", 0),
        "quarantined_now": quarantined_md(result.quarantined)})
    yield dg.MaterializeResult(asset_key=["staging", "stg_stories"], metadata={
        "new_stories": result.stories, **built[STORIES], "related": related})
    yield from checks
