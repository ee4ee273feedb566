"""What a build file was built from, so a run with nothing new rebuilds and publishes nothing.

Pure module (no dagster). `raw.pipeline_state` holds name -> value pairs in the build file:

    version:<schema.table>   a fresh token, written by a stage *before* it changes rows of that table
    model:<name>             the signature the model's table was last built from: its code and the versions
                             (or signatures) of the tables it reads
    input:fingerprint        what the last ingest listed (pipelines.lifecycle.runstamp); not part of the build's state
    run:failed_checks        the checks that failed in the last marts step; not part of the build's state

A mart whose signature is unchanged is not rebuilt; a build whose state equals the published
file's state is not published again. The state lives in the file, not in the run, so a run
killed half-way leaves a token that makes the next run rebuild what the killed one left stale.
"""
from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import duckdb

from pipelines.lifecycle.readonly import attached
from pipelines.load.loader import transaction
from pipelines.modelling.modelgraph import Model, materialize_model, model_schema

STATE_TABLE = "raw.pipeline_state"


def _sha(*parts: str) -> str:
    """Short SHA-256 of the parts."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def ensure_state(con: duckdb.DuckDBPyConnection) -> None:
    """Create raw.pipeline_state when missing."""
    con.execute("create schema if not exists raw")
    con.execute(f"create table if not exists {STATE_TABLE} (name varchar primary key, value varchar not null, "
                "updated_at timestamp not null default current_timestamp)")


def get_state(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """The value stored under name, None when there is none."""
    return get_states(con, [name]).get(name)


def get_states(con: duckdb.DuckDBPyConnection, names: list[str]) -> dict[str, str]:
    """{name: value} for those of the names that hold a value, in one query.

    >>> con = duckdb.connect(); set_state(con, "a", "1"); get_states(con, ["a", "b"])
    {'a': '1'}
    """
    ensure_state(con)
    return dict(con.execute(f"select name, value from {STATE_TABLE} where list_contains(?, name)", [names]).fetchall())


def set_state(con: duckdb.DuckDBPyConnection, name: str, value: str) -> None:
    """Store value under name (one statement, so it is atomic)."""
    ensure_state(con)
    con.execute(f"insert or replace into {STATE_TABLE} (name, value, updated_at) values (?, ?, current_timestamp)",
                [name, value])


def mark_changed(con: duckdb.DuckDBPyConnection, tables: list[str]) -> str:
    """Record that rows of these raw or staging tables are about to change: the marts reading them are stale.

    >>> con = duckdb.connect(); a = mark_changed(con, ["staging.stg_stories"]); a != mark_changed(con, ["staging.stg_stories"])
    True
    """
    token = uuid.uuid4().hex
    with transaction(con):  # one commit for all of them
        for table in tables:
            set_state(con, f"version:{table}", token)
    return token


def model_code_hashes(models: list[Model]) -> dict[str, str]:
    """A hash per model of its file and the files of every mart it reads (models in build order).

    >>> from pipelines.modelling.modelgraph import load_models
    >>> hashes = model_code_hashes(load_models()); len(hashes["fact_initiative"])
    24
    """
    hashes: dict[str, str] = {}
    for model in models:
        upstream = sorted(hashes[t] for s, t in model.deps if t in hashes and s == model_schema(t))
        hashes[model.name] = _sha(model.text or model.path.read_text(encoding="utf-8"), *upstream)
    return hashes


def _table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                            [model_schema(name), name]).fetchone()[0])


def materialize_if_stale(con: duckdb.DuckDBPyConnection, model: Model, code_hash: str) -> tuple[int, bool]:
    """Rebuild the model's table unless its code and the tables it reads are unchanged since it was built; (rows, rebuilt).

    >>> from pipelines.modelling.modelgraph import MODELS_DIR, load_seed
    >>> con = duckdb.connect(); seed = load_seed(MODELS_DIR / "seeds" / "seed_company_roles.csv")
    >>> materialize_if_stale(con, seed, "h")[1], materialize_if_stale(con, seed, "h")[1]
    (True, False)
    """
    names = {(s, t): f"model:{t}" if s == model_schema(t) else f"version:{s}.{t}" for s, t in model.deps}
    state = get_states(con, [*names.values(), f"model:{model.name}"])
    inputs = [f"{s}.{t}=" + state.get(names[s, t], "") for s, t in sorted(model.deps)]
    signature = _sha(code_hash, *inputs)
    if state.get(f"model:{model.name}") == signature and _table_exists(con, model.name):
        return con.execute(f"select count(*) from {model.table}").fetchone()[0], False
    with transaction(con):  # the table, its comments and its signature commit together (one sync of the log, not ~10)
        rows = materialize_model(con, model)
        set_state(con, f"model:{model.name}", signature)
    return rows, True


def state_signature(con: duckdb.DuckDBPyConnection, catalog: str | None = None) -> str | None:
    """One hash of every state row of a database (an attached catalog when given); None without state."""
    table = f"{catalog}.{STATE_TABLE}" if catalog else STATE_TABLE
    try:  # input:* and run:* rows say what a run listed and found (pipelines.lifecycle.runstamp), not what the tables hold
        rows = con.execute(f"select name, value from {table} where name not like 'input:%' and name not like 'run:%' "
                           "order by name").fetchall()
    except duckdb.CatalogException:
        return None
    return _sha(*(f"{n}={v}" for n, v in rows)) if rows else None


def file_state_signature(path: Path) -> str | None:
    """state_signature of a DuckDB file read through a private read-only ATTACH; None when absent or unreadable."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        with attached(path, "target") as con:
            return state_signature(con, "target")
    except duckdb.Error:
        return None
