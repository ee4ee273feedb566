"""Dagster resources: the DuckDB build file every asset writes, and where raw pages and the published file live."""
from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from pipelines import config
from pipelines.load.loader import ensure_schema, schema_version, stored_schema_version


class WarehouseSettings(dg.ConfigurableResource):
    """The raw folder to read and the warehouse file analysts open (runs build beside it, then publish)."""

    raw_dir: str
    published: str

    @property
    def build(self) -> Path:
        return config.build_path(Path(self.published))


def make_resources(raw_dir: Path | None = None, published: Path | None = None) -> dict:
    """Resources for a run: defaults from the environment (see pipelines/config.py)."""
    published = Path(published or config.warehouse_path()).resolve()
    build = config.build_path(published)
    build.parent.mkdir(parents=True, exist_ok=True)
    if build.exists() and stored_schema_version(build) != schema_version():
        for stale in (build, build.with_name(build.name + ".wal")):  # built under another schema: start afresh
            stale.unlink(missing_ok=True)
    con = duckdb.connect(str(build))
    try:
        ensure_schema(con)
    finally:
        con.close()
    return {
        "duckdb": DuckDBResource(database=str(build)),
        "warehouse": WarehouseSettings(raw_dir=str(Path(raw_dir or config.raw_dir()).resolve()), published=str(published)),
    }
