"""The model graph: dependencies found by sqlglot, build order, and clear load-time errors naming the file."""
import shutil
import sys
from pathlib import Path

import pytest

from pipelines.modelling.modelgraph import (MODELS_DIR, ModelError, load_models, load_table_checks, parse_header,
                                            read_tables)


@pytest.fixture
def models_copy(tmp_path) -> Path:
    """A writable copy of models/ to break on purpose."""
    target = tmp_path / "models"
    shutil.copytree(MODELS_DIR, target)
    return target


def test_dependencies_come_from_the_sql():
    models = {m.name: m for m in load_models()}
    assert ("staging", "stg_targets") in models["int_target_rows"].deps
    assert ("intermediate", "int_initiative_members") in models["fact_initiative"].deps
    assert ("intermediate", "seed_company_roles") in models["bridge_initiative_company"].deps
    # CTE names are not tables
    assert not any(t in ("final", "ranked", "reach") for _, t in models["dim_story"].deps + models["int_target_rows"].deps)


def test_build_order_is_topological():
    order = [m.name for m in load_models()]
    position = {n: i for i, n in enumerate(order)}
    for model in load_models():
        for schema, table in model.deps:
            if schema == "main":
                assert position[table] < position[model.name], (table, model.name)


def test_every_contract_mart_is_documented():
    models = {m.name: m for m in load_models()}
    for name in ("dim_date", "dim_jurisdiction", "dim_company", "dim_story", "fact_initiative",
                 "bridge_initiative_company", "bridge_initiative_story", "fact_mention"):
        assert models[name].grain and models[name].description and models[name].columns
        assert any(c.kind == "unique" for c in models[name].checks), name


def test_read_tables_ignores_ctes_and_table_functions():
    sql = "with a as (select * from staging.x) select * from a, unnest([1]) as u(v) join y using (k)"
    assert read_tables(sql, Path("m.sql")) == [("main", "y"), ("staging", "x")]


def test_header_parsing():
    fields, cols, decls = parse_header("-- name: m\n-- grain: one row per k\n-- @unique: k\n-- columns:\n--   k: The key.\nselect 1 as k", Path("m.sql"))
    assert fields == {"name": "m", "grain": "one row per k"} and cols == {"k": "The key."} and decls == [("unique", "k")]


def test_bad_sql_fails_at_load_with_the_file_name(models_copy):
    bad = models_copy / "dim_broken.sql"
    bad.write_text("-- name: dim_broken\n-- grain: x\n-- description: x\n-- columns:\n--   a: a\nselect from where (\n")
    with pytest.raises(ModelError, match="dim_broken.sql.*does not parse"):
        load_models(models_copy)


def test_missing_table_fails_at_load_with_the_file_name(models_copy):
    bad = models_copy / "dim_orphan.sql"
    bad.write_text("-- name: dim_orphan\n-- grain: x\n-- description: x\n-- columns:\n--   a: a\n"
                   "with final as (select a from staging.stg_nothing) select * from final\n")
    with pytest.raises(ModelError, match=r"dim_orphan.sql: reads staging.stg_nothing"):
        load_models(models_copy)


def test_undocumented_model_fails(models_copy):
    (models_copy / "dim_nodoc.sql").write_text("select 1 as a\n")
    with pytest.raises(ModelError, match="dim_nodoc.sql: the header lacks"):
        load_models(models_copy)


class _NoSqlglot:
    """A meta-path finder that refuses to import sqlglot: what a run must not need once its cache is warm."""

    def find_spec(self, name, path=None, target=None):
        if name == "sqlglot" or name.startswith("sqlglot."):
            raise ImportError(f"{name} imported by a run that found its models and checks in the cache")
        return None


def test_a_warm_cache_gives_models_and_checks_without_importing_sqlglot(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(tmp_path))
    parsed_models, parsed_checks = load_models(), load_table_checks()  # parsed with sqlglot, then kept
    for name in [m for m in sys.modules if m == "sqlglot" or m.startswith("sqlglot.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_NoSqlglot(), *sys.meta_path])
    assert load_models() == parsed_models
    assert load_table_checks() == parsed_checks
    with pytest.raises(ImportError):  # the finder does refuse it
        read_tables("select 1", Path("m.sql"))


def test_a_changed_checks_file_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(tmp_path / "cache"))
    checks_file = tmp_path / "checks.sql"
    checks_file.write_text("-- table: staging.stg_stories\n-- @unique: story_key\n", encoding="utf-8")
    assert [c.name for c in load_table_checks(checks_file)["staging", "stg_stories"]] == ["stg_stories__unique__story_key"]
    checks_file.write_text("-- table: staging.stg_stories\n-- @not_null: title\n", encoding="utf-8")
    assert [c.name for c in load_table_checks(checks_file)["staging", "stg_stories"]] == ["stg_stories__not_null__title"]
