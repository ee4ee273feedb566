"""Who each schema is for: main holds only what analysts query, every table and column is commented in sentences."""
import duckdb
import pytest

from pipelines.lifecycle.buildstate import ensure_state
from pipelines.load.loader import ensure_schema
from pipelines.modelling.modelgraph import INTERMEDIATE_SCHEMA, build_models, load_models

OWN_TABLES = "database_name = current_database() and not internal"


@pytest.fixture(scope="module")
def con():
    """An empty warehouse as a run builds it: raw and staging DDL, build state, every model and seed."""
    con = duckdb.connect()
    ensure_schema(con)
    ensure_state(con)
    build_models(con)
    return con


def test_main_holds_no_intermediate_model_or_seed(con):
    like = "(table_name like 'int_%' or table_name like 'seed_%')"
    assert con.execute(f"select count(*) from duckdb_tables() where schema_name = 'main' and {like}").fetchone() == (0,)
    assert con.execute("select count(*) from duckdb_views() where schema_name = 'main' "
                       "and (view_name like 'int_%' or view_name like 'seed_%')").fetchone() == (0,)


def test_intermediate_models_and_seeds_are_built_in_their_schema(con):
    built = {t for (t,) in con.execute("select table_name from duckdb_tables() where schema_name = ?",
                                       [INTERMEDIATE_SCHEMA]).fetchall()}
    expected = {m.name for m in load_models() if m.name.startswith(("int_", "seed_"))}
    assert expected and built == expected


def test_marts_stay_in_main(con):
    main = {t for (t,) in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()}
    assert {"dim_story", "fact_initiative", "bridge_initiative_company"} <= main


def test_every_table_comment_is_sentences_ending_in_a_full_stop(con):
    bad = con.execute(f"select schema_name, table_name, comment from duckdb_tables() where {OWN_TABLES} "
                      "and (comment is null or not rtrim(comment) like '%.' or comment like '% Grain:%' "
                      "and not comment like '%. Grain:%')").fetchall()
    assert bad == []


def test_every_column_comment_ends_in_a_full_stop(con):
    bad = con.execute(f"select schema_name, table_name, column_name from duckdb_columns() where {OWN_TABLES} "
                      "and (comment is null or not rtrim(comment) like '%.')").fetchall()
    assert bad == []


def test_build_state_and_schema_version_tables_are_commented(con):
    comments = dict(con.execute("select table_name, comment from duckdb_tables() where schema_name = 'raw'").fetchall())
    assert comments["pipeline_state"].endswith(".") and comments["schema_version"].endswith(".")


def test_a_copy_left_in_main_by_an_older_build_is_dropped():
    con = duckdb.connect()
    ensure_schema(con)
    con.execute("create table main.int_target_rows as select 1 as x")
    build_models(con)
    assert con.execute("select count(*) from duckdb_tables() where schema_name = 'main' "
                       "and table_name = 'int_target_rows'").fetchone() == (0,)
