"""Spark schemas of the raw and staging tables, from the DuckDB types the DDL declares (pipelines/load/schema.sql).

One source of column names and types for both engines: catalog.declared_columns reads them from DuckDB, and
this module maps each type to Spark's. DuckDB's TIMESTAMP has no time zone, so it is Spark's TIMESTAMP_NTZ: a
page's time is kept as written, whatever the session's or the executors' time zone.
"""
from __future__ import annotations

SPARK_TYPES = {"VARCHAR": "string", "INTEGER": "int", "BIGINT": "bigint", "DOUBLE": "double", "BOOLEAN": "boolean",
               "TIMESTAMP": "timestamp_ntz", "DATE": "date", "VARCHAR[]": "array<string>"}


def spark_type(duckdb_type: str) -> str:
    """Spark's name for a DuckDB column type.

    >>> spark_type("VARCHAR[]"), spark_type("TIMESTAMP")
    ('array<string>', 'timestamp_ntz')
    """
    try:
        return SPARK_TYPES[duckdb_type]
    except KeyError:
        raise ValueError(f"no Spark type for DuckDB's {duckdb_type}; add it to SPARK_TYPES") from None


def columns(schema: str, table: str) -> list[str]:
    """The column names of a raw or staging table, in order.

    >>> columns("staging", "stg_extractions")[:2]
    ['story_key', 'document_id']
    """
    from pipelines.modelling.catalog import declared_columns

    return [name for name, _, _ in declared_columns()[schema, table]]


def spark_schema(schema: str, table: str, extra: str = "") -> str:
    """A Spark DDL schema string for a raw or staging table (plus `extra` columns).

    >>> spark_schema("staging", "ref_companies")
    'company_name string, aliases array<string>, country_code string'
    """
    from pipelines.modelling.catalog import declared_columns

    ddl = ", ".join(f"{name} {spark_type(dtype)}" for name, dtype, _ in declared_columns()[schema, table])
    return f"{ddl}, {extra}" if extra else ddl
