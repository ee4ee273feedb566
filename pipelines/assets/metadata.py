"""Asset metadata from DuckDB's catalog: column names, types and comments (dagster.TableSchema), row counts, source links."""
import warnings
from pathlib import Path

import dagster as dg

from pipelines.modelling.catalog import Column, declared_columns, table_columns


def table_schema(columns: list[Column]) -> dg.TableSchema:
    """Columns as Dagster's table schema (shown on the asset's page).

    >>> table_schema([("a", "INTEGER", "The a.")]).columns[0].type
    'INTEGER'
    """
    return dg.TableSchema(columns=[dg.TableColumn(name=n, type=t, description=c) for n, t, c in columns])


def declared_metadata(schema: str, table: str) -> dict:
    """Definition-time metadata of a table's asset: its columns as a build will make them."""
    columns = declared_columns().get((schema, table))
    return {"dagster/column_schema": table_schema(columns)} if columns else {}


def built_metadata(con, schema: str, table: str, rows: int | None = None, comments: dict[str, str] | None = None) -> dict:
    """Materialization metadata of a built table: its columns from the file's catalog and its row count (counted
    unless given); `comments` are the column comments the builder just wrote, when it knows them (catalog.table_columns)."""
    if rows is None:
        rows = con.execute(f"select count(*) from {schema}.{table}").fetchone()[0]
    return {"dagster/column_schema": table_schema(table_columns(con, schema, table, comments)),
            "dagster/row_count": dg.MetadataValue.int(rows)}


def source_link(path: Path, root: Path) -> dict:
    """A link from the asset to the file that defines it ('Open source' in the UI) and its path in the repo."""
    with warnings.catch_warnings():  # code references are marked beta; the metadata they write is stable
        warnings.simplefilter("ignore", dg.BetaWarning)
        link = dg.CodeReferencesMetadataValue(code_references=[
            dg.LocalFileCodeReference(file_path=str(path.resolve()), line_number=1, label=str(path.relative_to(root)))])
    return {"dagster/code_references": link, "source": dg.MetadataValue.path(str(path.relative_to(root)))}
