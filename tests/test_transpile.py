"""Every model and report translates to postgres, snowflake, bigquery and spark, and the result parses there."""
import pytest
import sqlglot

from pipelines.modelling.transpile import DIALECTS, sql_files, transpile_all, transpile_sql

FILES = sql_files()


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_translation_parses_in_its_dialect(path, dialect):
    sql, _caveat = transpile_sql(path.read_text(), dialect)
    assert sqlglot.parse_one(sql, read=dialect) is not None


def test_exact_translations_are_the_rule():
    translations = transpile_all()
    assert len(translations) == len(FILES) * len(DIALECTS)
    caveats = [t for t in translations if t.caveat]
    assert len(caveats) <= len(FILES)  # only a few BigQuery nuances (ordered array_agg, regexp modifiers)
    assert all(t.dialect == "bigquery" for t in caveats)


def test_writes_files(tmp_path):
    transpile_all(["postgres"], out_dir=tmp_path)
    assert (tmp_path / "postgres" / "dim_story.sql").read_text().startswith("-- translated from DuckDB")


def test_spark_plan_keeps_the_order_of_a_distinct_list():
    from pipelines.modelling.transpile import spark_plan

    plan = spark_plan("select list(distinct name order by name) as names from staging.ref_companies")
    assert plan.final == "SELECT SORT_ARRAY(COLLECT_SET(name)) AS names FROM staging.ref_companies"


def test_spark_plan_refuses_an_order_spark_would_lose():
    from sqlglot.errors import UnsupportedError

    from pipelines.modelling.transpile import spark_plan

    with pytest.raises(UnsupportedError, match="COLLECT_LIST"):
        spark_plan("select list(name order by aliases) as names from staging.ref_companies")


def test_every_model_has_a_spark_plan():
    from pipelines.modelling.modelgraph import load_models
    from pipelines.modelling.transpile import RecursiveStep, spark_plan

    plans = {m.name: spark_plan(m.sql, m.name) for m in load_models() if not m.is_seed}
    recursive = {name for name, plan in plans.items() if any(isinstance(v, RecursiveStep) for v in plan.views)}
    assert {"int_company_names", "int_target_rows"} <= recursive  # components by recursive UNION, run round by round
    assert all("ISODOW" not in plan.final and "COLLECT_LIST" not in plan.final for plan in plans.values())
