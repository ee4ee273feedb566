"""One open connection per SQLite file of the instance's event log for the length of a CLI run.

Dagster's SQLite event log (`SqliteEventLogStorage`, the default of a local instance) opens a new
SQLAlchemy engine and connection for every write, commits with an fsync, and closes it; closing the
last connection to a WAL database checkpoints it (another fsync). A run of the job stores ~300 events
(materializations, check results, planned events at run creation), about 2.7 connections and 2.7
commits each, so on a busy disk the run history cost more than the run's own work when the run had
little to do (docs/performance.md, "Fixed cost per run").

`shared_connections(instance)` keeps one connection per database file (the run's shard and the
cross-run index) open while the run executes, with `synchronous=NORMAL`: in WAL mode a commit is then
written to the WAL without an fsync, still one commit per event, so every event is in the history
as soon as it is stored and a run killed with kill -9 loses none of what it recorded (a power cut
can lose the last commits, never corrupt the file: SQLite's documented guarantee for WAL with NORMAL).
Readers (`dagster dev`) and other writers see each event once it is committed, as before. Any other
storage (Postgres in production) is left as it is.

Two more per-event costs go for the run's length: the storage asks whether a table exists (`has_table`: a new
engine, connection and PRAGMA each time) for every asset check event and every tagged materialization, ~150 times
a run; a table found once is remembered (tables are only ever added). And the run's new shard is switched to WAL
before its tables are created rather than after (as Dagster's own `_initdb` ends up), so creating its ~20 tables
and indexes is not ~70 syncs of a rollback journal.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

SYNCHRONOUS = "PRAGMA synchronous=NORMAL"  # WAL: commits reach the WAL without an fsync; checkpoints still sync
WAL = "PRAGMA journal_mode=WAL"  # what SqliteEventLogStorage._initdb sets once the tables exist; persistent, per file


@contextmanager
def shared_connections(instance) -> Iterator[None]:
    """While inside, the instance's SQLite event log writes through one open connection per file; closed on exit."""
    from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

    storage = instance.event_log_storage
    if type(storage) is not SqliteEventLogStorage:  # a subclass or another storage may connect its own way
        yield
        return
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool
    from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS

    engines: dict = {}

    def engine_for(shard: str):
        if shard not in engines:
            engine = create_engine(storage.conn_string_for_shard(shard), poolclass=StaticPool,
                                   connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS, "check_same_thread": False})
            event.listen(engine, "connect", lambda dbapi_con, _: (dbapi_con.execute(WAL), dbapi_con.execute(SYNCHRONOUS)))
            if shard not in storage._initialized_dbs:  # noqa: SLF001 - as SqliteEventLogStorage._connect does
                storage._initdb(engine)  # noqa: SLF001
                storage._initialized_dbs.add(shard)  # noqa: SLF001
            engines[shard] = engine
        return engines[shard]

    @contextmanager
    def connect(shard: str):
        with storage._db_lock:  # noqa: SLF001 - one writer at a time, as in SqliteEventLogStorage._connect
            with engine_for(shard).connect() as conn, conn.begin():
                yield conn

    found: set[str] = set()  # tables seen to exist; one not found is asked again next time

    def has_table(table_name: str) -> bool:
        if table_name not in found and type(storage).has_table(storage, table_name):
            found.add(table_name)
        return table_name in found

    storage._connect = connect  # noqa: SLF001 - this object only; run_connection and index_connection go through it
    storage.has_table = has_table
    try:
        yield
    finally:
        del storage._connect  # back to the class's methods
        del storage.has_table
        for engine in engines.values():
            engine.dispose()
