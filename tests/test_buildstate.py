"""Build state writes that belong together commit together: a model with its comments and signature, the versions
of the tables a stage is about to change. A failure half-way leaves the file as it was before the step."""
from pathlib import Path

import duckdb
import pytest

from pipelines.lifecycle import buildstate
from pipelines.lifecycle.buildstate import get_states, mark_changed, materialize_if_stale
from pipelines.modelling.modelgraph import Model

DIM = Model(name="dim_fixture", path=Path("dim_fixture.sql"), sql="select k, k * 2 as v from staging.src",
            description="A fixture dimension", grain="one row per k",
            columns={"k": "The key.", "v": "Twice the key."}, deps=[("staging", "src")])


@pytest.fixture
def con(tmp_path):
    """A file database (commits go through its write-ahead log) with staging.src of three keys."""
    con = duckdb.connect(str(tmp_path / "b.duckdb"))
    con.execute("create schema staging")
    con.execute("create table staging.src as select range as k from range(3)")
    yield con
    con.close()


def _comments(con) -> dict[str, str]:
    return dict(con.execute("select column_name, comment from duckdb_columns() where table_name = 'dim_fixture'")
                .fetchall())


def test_a_stale_model_is_rebuilt_with_its_comments_and_signature(con):
    assert materialize_if_stale(con, DIM, "code1") == (3, True)
    assert _comments(con) == {"k": "The key.", "v": "Twice the key."}
    assert get_states(con, ["model:dim_fixture"])
    mark_changed(con, ["staging.src"])
    con.execute("insert into staging.src values (3)")
    assert materialize_if_stale(con, DIM, "code1") == (4, True)
    assert materialize_if_stale(con, DIM, "code1") == (4, False)


def test_a_rebuild_that_fails_before_its_signature_leaves_the_old_table_and_signature(con, monkeypatch):
    materialize_if_stale(con, DIM, "code1")
    signature = get_states(con, ["model:dim_fixture"])
    mark_changed(con, ["staging.src"])
    con.execute("insert into staging.src values (3)")

    def fail(con, name, value):
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(buildstate, "set_state", fail)
    with pytest.raises(duckdb.IOException):
        materialize_if_stale(con, DIM, "code1")
    assert con.execute("select count(*) from main.dim_fixture").fetchone()[0] == 3  # the table built before
    assert get_states(con, ["model:dim_fixture"]) == signature
    assert _comments(con) == {"k": "The key.", "v": "Twice the key."}
    monkeypatch.undo()
    assert materialize_if_stale(con, DIM, "code1") == (4, True)  # still stale, so the next run rebuilds it


def test_a_model_whose_columns_disagree_with_its_header_leaves_no_table(con):
    wrong = Model(**{**DIM.__dict__, "sql": "select k from staging.src"})
    with pytest.raises(Exception, match="documents columns"):
        materialize_if_stale(con, wrong, "code1")
    assert not con.execute("select count(*) from duckdb_tables() where table_name = 'dim_fixture'").fetchone()[0]
    assert not get_states(con, ["model:dim_fixture"])


def test_versions_marked_together_change_together_or_not_at_all(con, monkeypatch):
    mark_changed(con, ["staging.a", "staging.b"])
    before = get_states(con, ["version:staging.a", "version:staging.b"])
    calls = []
    real = buildstate.set_state

    def fail_second(con, name, value):
        calls.append(name)
        if len(calls) == 2:
            raise duckdb.IOException("disk full")
        real(con, name, value)

    monkeypatch.setattr(buildstate, "set_state", fail_second)
    with pytest.raises(duckdb.IOException):
        mark_changed(con, ["staging.a", "staging.b"])
    assert get_states(con, ["version:staging.a", "version:staging.b"]) == before
    monkeypatch.undo()
    token = mark_changed(con, ["staging.a", "staging.b"])
    assert get_states(con, ["version:staging.a", "version:staging.b"]) == {"version:staging.a": token,
                                                                          "version:staging.b": token}
