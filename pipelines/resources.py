"""Dagster resources: the DuckDB build file every asset writes, and where raw pages and the published file live."""
from __future__ import annotations

import logging
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from pipelines import config
from pipelines.load.loader import ensure_schema, schema_version

log = logging.getLogger(__name__)


class WarehouseSettings(dg.ConfigurableResource):
    """The raw folder to read and the warehouse file analysts open (runs build beside it, then publish)."""

    raw_dir: str
    published: str

    @property
    def build(self) -> Path:
        return config.build_path(Path(self.published))


class BuildDatabase(DuckDBResource):
    """The private DuckDB file a run builds in; each run checks its schema before the first step."""

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        prepare_build(Path(self.database))


def prepare_build(build: Path) -> None:
    """Create the raw and staging tables in the build file; start afresh when it is unreadable or of another schema.

    Runs when a run starts, never when the code location loads: loading the definitions (dagster dev,
    a sensor tick) must not touch a file a run may be writing.
    """
    build = Path(build)
    build.parent.mkdir(parents=True, exist_ok=True)
    con = _open_build(build)
    version = _version(con)
    if version not in (schema_version(), None) or (version is None and _has_tables(con)):
        log.warning("%s was built under another schema; rebuilding it from the raw files", build)
        con.close()
        _remove(build)
        con = _open_build(build)
    try:
        ensure_schema(con)
    finally:
        con.close()


def _open_build(build: Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection; a clear error when another run holds the file, a fresh file when it is corrupt."""
    try:
        return duckdb.connect(str(build))
    except duckdb.IOException as err:
        if "lock" in str(err).lower():
            raise RuntimeError(f"{build} is being written by another run; wait for it to finish ({err})") from err
        log.warning("%s cannot be opened (%s); rebuilding it from the raw files", build, err)
    except duckdb.Error as err:
        log.warning("%s cannot be opened (%s); rebuilding it from the raw files", build, err)
    _remove(build)
    return duckdb.connect(str(build))


def _version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The schema version recorded in the file, None when it records none."""
    if not con.execute("select count(*) from duckdb_tables() where database_name = current_database() "
                       "and schema_name = 'raw' and table_name = 'schema_version'").fetchone()[0]:
        return None
    row = con.execute("select version from raw.schema_version").fetchone()
    return row[0] if row else None


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("select count(*) from duckdb_tables() where database_name = current_database()").fetchone()[0])


def _remove(build: Path) -> None:
    for stale in (build, build.with_name(build.name + ".wal")):
        stale.unlink(missing_ok=True)


def make_resources(raw_dir: Path | None = None, published: Path | None = None) -> dict:
    """Resources for a run: defaults from the environment (see pipelines/config.py). Touches no file."""
    published = Path(published or config.warehouse_path()).resolve()
    return {
        "duckdb": BuildDatabase(database=str(config.build_path(published))),
        "warehouse": WarehouseSettings(raw_dir=str(Path(raw_dir or config.raw_dir()).resolve()), published=str(published)),
    }
