"""Dagster resources: the DuckDB build file every asset writes, and where raw pages and the published file live."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

from pipelines import config
from pipelines.lifecycle.failures import UserError, WarehouseBusy, os_cause
from pipelines.load.loader import ensure_schema, schema_version
from pipelines.lifecycle.preflight import busy_message

log = logging.getLogger(__name__)
STORAGE_SETTING = "storage_compatibility_version"  # DuckDB's setting: the format of database files it creates
# Rows per row group of the build file (DuckDB's default is 122,880). A checkpoint rewrites every row group rows were
# added to, so with the default each staging table under ~120,000 rows (stg_stories at 20,000 pages) was rewritten
# whole by every run's checkpoint; with this size only its last 16,384 rows are. Any DuckDB reads the file: every
# table's last row group holds fewer rows than the default anyway.
ROW_GROUP_SIZE = 16_384


class WarehouseSettings(dg.ConfigurableResource):
    """The raw folder to read and the warehouse file analysts open (runs build beside it, then publish);
    allow_shrink publishes a build that lost most of the published raw files (pipelines.lifecycle.publish)."""

    raw_dir: str
    published: str
    allow_shrink: bool = False

    @property
    def build(self) -> Path:
        return config.build_path(Path(self.published))


class SparkSettings(dg.ConfigurableResource):
    """Which engine the job runs on (`engine`: duckdb or spark, from PIPELINE_ENGINE), and for Spark the extra
    settings (`conf`, as --conf) and the lake (default: beside the warehouse file; pipelines/spark/run.py)."""

    engine: str = "duckdb"
    conf: dict[str, str] = {}
    lake: str = ""


class BuildDatabase(DuckDBResource):
    """The private DuckDB file a run builds in: its schema is checked when the run starts, and the run holds one
    connection to it; every step works on a cursor of that connection instead of opening the file again."""

    _con: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._con = prepare_build(Path(self.database), self.connection_config.get(STORAGE_SETTING, "latest"))

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._con is not None:
            self._con.close()  # folds the WAL into the file
            self._con = None

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the run's connection (a connection of its own outside a run, e.g. in tests)."""
        if self._con is None:
            with super().get_connection() as con:
                yield con
            return
        cursor = build_cursor(self._con, Path(self.database))
        try:
            yield cursor
        finally:
            cursor.close()  # rolls back what a failed step left uncommitted


def prepare_build(build: Path, storage: str = "latest") -> duckdb.DuckDBPyConnection:
    """Open the build file with the raw and staging tables; start afresh when it is unreadable, of another schema,
    or in a storage format newer than DuckDB `storage` reads (config.storage_version: a new file is written in it).

    Runs when a run starts, never when the code location loads: loading the definitions (dagster dev,
    a sensor tick) must not touch a file a run may be writing. The caller closes the connection.
    """
    build = Path(build)
    build.parent.mkdir(parents=True, exist_ok=True)
    _check_storage(storage)
    con = _open_build(build, storage)
    try:
        with build_cursor(con, build) as cur:  # closed here: a result left pending on `con` would hold a transaction open
            version = _version(cur)
            stale = version not in (schema_version(), None) or (version is None and _has_tables(cur))
            too_new = _storage_too_new(cur, storage)
        if stale or too_new:
            log.warning("%s was built under another schema; rebuilding it from the raw files" if stale else
                        f"%s is in a storage format DuckDB {storage} cannot read; rebuilding it from the raw files", build)
            con.close()
            _remove(build)
            con = _open_build(build, storage)
            version = None
        if version is None:  # a file with this schema's version has every table already
            with build_cursor(con, build) as cur:
                ensure_schema(cur)
    except BaseException:
        con.close()
        raise
    return con


def build_catalog(build: Path) -> str:
    """The name the run's connection gives the build file: its name up to the first dot, as DuckDB names a file
    it opens (config.build_path keeps it clear of the schema names).

    >>> build_catalog(Path("/w/warehouse.build.duckdb")), build_catalog(Path("/w/warehouse_raw.build.duckdb"))
    ('warehouse', 'warehouse_raw')
    """
    return Path(build).name.split(".")[0]


def build_cursor(con: duckdb.DuckDBPyConnection, build: Path) -> duckdb.DuckDBPyConnection:
    """A cursor of the run's connection whose unqualified names are the build file's (a new cursor starts in the
    connection's in-memory database)."""
    return _executed(con.cursor(), (f'use "{build_catalog(build)}"',))


def _attach(build: Path, storage: str) -> duckdb.DuckDBPyConnection:
    """A connection with the build file attached read-write in ROW_GROUP_SIZE row groups (only ATTACH takes that
    option) and made its default database; new files are created in the `storage` format."""
    return _executed(duckdb.connect(":memory:", config={STORAGE_SETTING: storage}),
                     (f'attach ? as "{build_catalog(build)}" (row_group_size {ROW_GROUP_SIZE})', [str(build)]),
                     (f'use "{build_catalog(build)}"',))


def _executed(con: duckdb.DuckDBPyConnection, *statements: tuple) -> duckdb.DuckDBPyConnection:
    """`con` after running the statements ((sql,) or (sql, parameters)) on it; closed when one of them fails."""
    try:
        for statement in statements:
            con.execute(*statement)
    except BaseException:
        con.close()
        raise
    return con


def _open_build(build: Path, storage: str) -> duckdb.DuckDBPyConnection:
    """A read-write connection; a clear error when another run holds the file or its folder cannot be written,
    a fresh file when it is corrupt."""
    try:
        return _attach(build, storage)
    except duckdb.IOException as err:
        if "lock" in str(err).lower():
            raise WarehouseBusy(busy_message(build)) from err
        if found := os_cause(str(err)):  # the folder, not the file: rebuilding would fail the same way
            raise UserError(f"cannot open the build file {build}: {found[0]}; {found[1]}") from err
        log.warning("%s cannot be opened (%s); rebuilding it from the raw files", build, err)
    except duckdb.Error as err:
        log.warning("%s cannot be opened (%s); rebuilding it from the raw files", build, err)
    _remove(build)
    return _attach(build, storage)


def _check_storage(storage: str) -> None:
    """Raise the storage_problem when there is one."""
    problem = storage_problem(storage)
    if problem:
        raise ValueError(problem)


def storage_problem(storage: str) -> str | None:
    """One line naming the setting and its fix when this DuckDB cannot write files in the `storage` format, else None.

    >>> storage_problem("v1.5.0") is None, storage_problem("v0.0.1").startswith("PIPELINE_STORAGE_VERSION=v0.0.1 is not")
    (True, True)
    """
    try:
        duckdb.connect(":memory:", config={STORAGE_SETTING: storage}).close()
    except duckdb.Error as err:
        return (f"PIPELINE_STORAGE_VERSION={storage} is not a storage format DuckDB {duckdb.__version__} can write "
                f"({str(err).splitlines()[0][:72]}...); set it to a DuckDB version such as "
                f"{config.DEFAULT_STORAGE_VERSION}, or to 'latest'")
    return None


def _storage_too_new(con: duckdb.DuckDBPyConnection, storage: str) -> bool:
    """True when the file is in a storage format newer than DuckDB `storage` reads (written before the setting changed).

    A file keeps the format it was created in, so a lower setting takes effect only on a new file.

    >>> _storage_too_new(duckdb.connect(), "v1.4.0")  # an in-memory database has no storage format
    False
    """
    tags = con.execute("select tags from duckdb_databases() where database_name = current_database()").fetchone()[0]
    written = _version_tuple(dict(tags or {}).get("storage_version", ""))
    return storage != "latest" and written is not None and written[:2] > _version_tuple(storage)[:2]


def _version_tuple(text: str) -> tuple[int, ...] | None:
    """(1, 4, 0) for 'v1.4.0' or 'v1.4.0+'; None for anything else."""
    parts = text.strip().lstrip("v").rstrip("+").split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None


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


def make_resources(raw_dir: Path | None = None, published: Path | None = None, allow_shrink: bool | None = None,
                   engine: str | None = None) -> dict:
    """Resources for a run: defaults from the environment (see pipelines/config.py). Touches no file."""
    published = Path(published or config.warehouse_path()).resolve()
    return {
        "engine": SparkSettings(engine=engine or config.engine()),
        "duckdb": BuildDatabase(database=str(config.build_path(published)),
                                connection_config={STORAGE_SETTING: config.storage_version()}),
        "warehouse": WarehouseSettings(raw_dir=str(Path(raw_dir or config.raw_dir()).resolve()), published=str(published),
                                       allow_shrink=config.allow_shrink() if allow_shrink is None else allow_shrink),
    }
