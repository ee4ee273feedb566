"""DuckDB schema setup and bulk, idempotent loads (Arrow tables in, never row by row)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

SCHEMA_FILE = Path(__file__).resolve().parent / "schema.sql"


def schema_version() -> str:
    """A hash of schema.sql: a build file made under another schema is rebuilt from scratch."""
    return hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest()[:16]


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw and staging tables (with their comments) when missing, and record the schema version."""
    con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
    con.execute("create table if not exists raw.schema_version (version varchar not null, created_at timestamp not null)")
    con.execute("comment on table raw.schema_version is 'Hash of pipelines/load/schema.sql the raw and staging tables were built with.'")
    if not con.execute("select count(*) from raw.schema_version").fetchone()[0]:
        con.execute("insert into raw.schema_version values (?, current_timestamp)", [schema_version()])


def stored_schema_version(path: Path) -> str | None:
    """The schema version a DuckDB file was built with; None when it has none or cannot be opened."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute("select version from raw.schema_version").fetchone()[0]
    except (duckdb.Error, TypeError):
        return None
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the statements inside as one transaction: committed together at the end, rolled back on any error.

    Each commit of a file database writes and syncs its write-ahead log (~4 ms on this machine's disk), so
    statements that belong together (a model, its comments and its signature) also cost one sync, not one each.

    >>> con = duckdb.connect(); _ = con.execute("create table t (a int)")
    >>> with transaction(con): _ = con.execute("insert into t values (1)"); _ = con.execute("insert into t values (2)")
    >>> try:
    ...     with transaction(con): _ = con.execute("insert into t values (3)"); _ = con.execute("insert into nowhere values (4)")
    ... except duckdb.CatalogException: pass
    >>> con.execute("select count(*) from t").fetchone()[0]
    2
    """
    con.execute("begin transaction")
    try:
        yield
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Column names of schema.table in table order."""
    schema, name = table.split(".")
    rows = con.execute("select column_name from information_schema.columns where table_schema = ? and table_name = ? "
                       "order by ordinal_position", [schema, name]).fetchall()
    return [r[0] for r in rows]


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], key: str,
                 keys: list[str] | None = None) -> int:
    """Delete the rows whose `key` is in `keys` (default: the keys in `rows`), then bulk-insert `rows`.

    The batch goes in as one Arrow table inside one transaction, so a re-run of the same batch
    leaves the same rows.

    >>> con = duckdb.connect(); ensure_schema(con)
    >>> row = {"document_id": "d1", "source_file": "a.txt", "source_format": "txt", "byte_size": 1,
    ...        "ingested_at": __import__("datetime").datetime(2024, 1, 1), "status": "empty", "error": "x"}
    >>> replace_rows(con, "staging.stg_documents", [row], "document_id"); replace_rows(con, "staging.stg_documents", [row], "document_id")
    1
    1
    >>> con.execute("select count(*) from staging.stg_documents").fetchone()[0]
    1
    """
    columns = table_columns(con, table)
    present = [c for c in columns if rows and c in rows[0]]
    delete_keys = sorted(set(keys if keys is not None else (r[key] for r in rows)))
    batch = pa.Table.from_pylist([{c: r.get(c) for c in present} for r in rows]) if rows else None
    keyset = pa.table({"k": pa.array(delete_keys, pa.string())})
    try:
        with transaction(con):
            con.register("_delete_keys", keyset)
            con.execute(f"delete from {table} where {key} in (select k from _delete_keys)")
            if batch is not None:
                con.register("_batch", batch)
                cols = ", ".join(present)
                con.execute(f"insert into {table} ({cols}) select {cols} from _batch")
    finally:
        for view in ("_delete_keys", "_batch"):
            try:
                con.unregister(view)
            except duckdb.Error:
                pass
    return len(rows)
