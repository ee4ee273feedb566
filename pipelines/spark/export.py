"""A Spark build's Parquet -> the DuckDB file BI tools open, published atomically like the DuckDB engine's.

The file has the tables, types and comments of a DuckDB build: the raw and staging tables are created by
pipelines/load/schema.sql (their keys and CHECK constraints check Spark's rows on the way in), the models take
the DuckDB types the catalog declares (modelling/catalog.py) and the comments of their headers.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

from pipelines import config
from pipelines.lifecycle.buildstate import STATE_TABLE, set_state
from pipelines.lifecycle.readonly import attached
from pipelines.load.loader import ensure_schema
from pipelines.modelling.catalog import declared_columns
from pipelines.modelling.modelgraph import comment_model, load_models, use_model_schemas
from pipelines.orchestration.resources import STORAGE_SETTING

RAW_AND_STAGING = (("raw", "raw_files"), ("raw", "raw_documents"), ("staging", "stg_documents"),
                   ("staging", "stg_stories"), ("staging", "stg_entity_mentions"), ("staging", "stg_targets"),
                   ("staging", "stg_initiatives"), ("staging", "stg_initiative_companies"),
                   ("staging", "stg_story_topics"), ("staging", "stg_extractions"), ("staging", "ref_jurisdictions"), ("staging", "ref_companies"))
EXPORTED_STATE = "run:spark_build"  # raw.pipeline_state: the build the file was written from (not part of its state)


def local_folder(uri: str) -> Path | None:
    """The local folder of a lake URI (a path or file:), None for a remote filesystem.

    >>> local_folder("file:/data/w.spark"), local_folder("/data/w.spark"), local_folder("s3a://b/w")
    (PosixPath('/data/w.spark'), PosixPath('/data/w.spark'), None)
    """
    if uri.startswith("file:"):
        return Path("/" + uri[len("file:"):].lstrip("/"))
    return None if "://" in uri else Path(uri)


def exported_build(published: Path) -> str | None:
    """The id of the Spark build the DuckDB file was written from (None when absent, unreadable or not from Spark),
    read through a private read-only ATTACH."""
    if not Path(published).is_file():
        return None
    try:
        with attached(Path(published), "published") as con:
            row = con.execute(f"select value from published.{STATE_TABLE} where name = ?", [EXPORTED_STATE]).fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def export_duckdb(build: Path, published: Path) -> int:
    """Write the DuckDB file `published` from the build folder's Parquet; returns its size in bytes."""
    declared = declared_columns()
    published.parent.mkdir(parents=True, exist_ok=True)
    tmp = published.with_name(f".{published.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp), config={STORAGE_SETTING: config.storage_version()})
    try:
        ensure_schema(con)
        set_state(con, EXPORTED_STATE, Path(build).name)
        for schema, table in RAW_AND_STAGING:
            cols = ", ".join(name for name, _, _ in declared[schema, table])
            con.execute(f"insert into {schema}.{table} ({cols}) select {cols} from "
                        f"read_parquet('{build / schema / table}/*.parquet')")
        use_model_schemas(con)
        for model in load_models():
            cols = ", ".join(f"cast({name} as {dtype}) as {name}" for name, dtype, _ in declared[model.schema, model.name])
            con.execute(f"create or replace table {model.table} as select {cols} from "
                        f"read_parquet('{build / model.schema / model.name}/*.parquet')")
            comment_model(con, model)
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, published)
    return published.stat().st_size
