"""The marts built from a small staging input: hierarchy, alias merge, one row per real target, stable keys, checks."""
from pathlib import Path

import duckdb
import pytest

from pipelines.modelling.modelgraph import SCHEMA_SQL, build_models, run_model_checks

FIXTURE = Path(__file__).parent / "fixtures" / "marts" / "small_staging.sql"


def small_warehouse(reverse: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse: staging from schema.sql, the fixture rows (optionally in reverse order), all models."""
    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text())
    statements = [s for s in FIXTURE.read_text().split(";") if s.strip() and "insert" in s]
    for stmt in reversed(statements) if reverse else statements:
        con.execute(stmt).fetchall()
    build_models(con)
    return con


def file_warehouse(path, state: str = "first build"):
    """A warehouse file at path holding the fixture rows and every model, with a build state (`state`)."""
    from pipelines.lifecycle.buildstate import set_state

    con = duckdb.connect(str(path))
    con.execute(SCHEMA_SQL.read_text())
    for statement in (s for s in FIXTURE.read_text().split(";") if s.strip() and "insert" in s):
        con.execute(statement)
    build_models(con)
    set_state(con, "model:fact_initiative", state)
    con.close()
    return path


@pytest.fixture(scope="module")
def con():
    return small_warehouse()


def rows(con, sql):
    """Rows of a query as a list of dicts."""
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def test_jurisdiction_hierarchy(con):
    chain = rows(con, """
        select j.jurisdiction_name as a, p.jurisdiction_name as b, g.jurisdiction_name as c, c.jurisdiction_name as d, c.parent_key
        from dim_jurisdiction j join dim_jurisdiction p on p.jurisdiction_key = j.parent_key
        join dim_jurisdiction g on g.jurisdiction_key = p.parent_key join dim_jurisdiction c on c.jurisdiction_key = g.parent_key
        where j.jurisdiction_name = 'Jiangning'""")
    assert chain == [{"a": "Jiangning", "b": "Nanjing", "c": "Jiangsu", "d": "China", "parent_key": None}]
    levels = dict(con.execute("select jurisdiction_name, level from dim_jurisdiction").fetchall())
    assert levels == {"China": "country", "Jiangsu": "province", "Nanjing": "city", "Jiangning": "district", "Sichuan": "province"}
    assert con.execute("select iso_code from dim_jurisdiction where jurisdiction_name = 'Sichuan'").fetchone() == ("CN-SC",)


def test_aliases_merge_into_one_company(con):
    companies = rows(con, "select company_name, aliases, country_code from dim_company order by company_name")
    assert companies == [
        {"company_name": "Ant Group", "aliases": ["Ant Financial"], "country_code": "CN"},
        {"company_name": "SenseTime", "aliases": ["Sense Time", "SenseTime Group"], "country_code": "CN"},
    ]
    # both spellings' mentions point at the one SenseTime row
    assert con.execute("select count(*), sum(m.mention_count) from fact_mention m join dim_company c using (company_key) "
                       "where c.company_name = 'SenseTime'").fetchone() == (1, 2)


def test_story_keeps_longest_version(con):
    story = rows(con, "select * from dim_story where story_key = 's2'")[0]
    assert story["word_count"] == 19 and story["role"] == "main" and story["document_count"] == 2
    assert con.execute("select count(*) from dim_story").fetchone() == (3,)


def test_same_target_from_two_stories_is_one_row(con):
    facts = rows(con, """select j.jurisdiction_name, f.metric, f.target_value, f.unit, f.target_value_usd, f.target_year,
                                f.source_count, f.target_value_usd_min, f.target_value_usd_max, f.first_story_key
                         from fact_initiative f join dim_jurisdiction j using (jurisdiction_key)
                         where f.metric is not null order by 1""")
    assert facts == [
        {"jurisdiction_name": "Jiangning", "metric": "companies", "target_value": 200.0, "unit": "count",
         "target_value_usd": None, "target_year": 2025, "source_count": 1, "target_value_usd_min": None,
         "target_value_usd_max": None, "first_story_key": "s1"},
        # first stated (2023-09-01, story s2) value kept, the spread recorded
        {"jurisdiction_name": "Sichuan", "metric": "industry_size", "target_value": 250e9, "unit": "CNY",
         "target_value_usd": 34.4e9, "target_year": 2025, "source_count": 2, "target_value_usd_min": 34.4e9,
         "target_value_usd_max": 35.1e9, "first_story_key": "s2"},
    ]
    sichuan = con.execute("select initiative_id from fact_initiative where metric = 'industry_size'").fetchone()[0]
    assert sorted(r[0] for r in con.execute("select story_key from bridge_initiative_story where initiative_id = ?", [sichuan]).fetchall()) == ["s1", "s2"]


def test_target_less_initiative_and_companies(con):
    alliance = rows(con, """select f.initiative_type, f.metric, j.jurisdiction_name, f.announced_date_key, f.description
                            from fact_initiative f left join dim_jurisdiction j using (jurisdiction_key) where f.metric is null""")
    assert alliance == [{"initiative_type": "alliance", "metric": None, "jurisdiction_name": "Nanjing",
                         "announced_date_key": 20230612, "description": "Nanjing companies launch metaverse alliance"}]
    roles = rows(con, "select c.company_name, b.role from bridge_initiative_company b join dim_company c using (company_key) "
                      "join fact_initiative f using (initiative_id) where f.initiative_type = 'alliance'")
    assert roles == [{"company_name": "Ant Group", "role": "lead"}]  # named lead once (as Ant Financial), member once


def test_topics_reach_stories_and_initiatives(con):
    assert rows(con, "select story_key, topic, mention_count, in_title, is_primary from bridge_story_topic order by 1, 2") == [
        {"story_key": "s1", "topic": "crypto", "mention_count": 1, "in_title": False, "is_primary": False},
        {"story_key": "s1", "topic": "metaverse", "mention_count": 2, "in_title": True, "is_primary": True},
        {"story_key": "s2", "topic": "metaverse", "mention_count": 2, "in_title": True, "is_primary": True},
        {"story_key": "s3", "topic": "metaverse", "mention_count": 1, "in_title": True, "is_primary": True}]
    assert con.execute("select distinct topic from dim_story").fetchall() == [("metaverse",)]  # the primary topic only
    assert con.execute("select distinct topic from fact_initiative").fetchall() == [("metaverse",)]


def test_an_initiative_has_one_topic_whatever_story_first_stated_each_target():
    """fact_initiative.topic is the primary topic of the story that first reported the initiative, on every row of it:
    a later story that adds a target under another primary topic does not split the initiative across topics (nor
    count it under two in targets_by_topic)."""
    con = small_warehouse()
    con.execute("insert into staging.stg_targets values ('s1', 'd1', 'Sichuan', 'companies', 500, 'count', null, null, "
                "2025, 'Sichuan plans a 250 billion yuan ($35.1 billion) metaverse industry by 2025.', 0, 77, "
                "'250 billion yuan', 16, 32, true, 0, 1)")
    con.execute("update staging.stg_story_topics set is_primary = (topic = 'crypto') where story_key = 's1'")
    build_models(con)
    sichuan = rows(con, "select metric, first_story_key, topic from fact_initiative f join dim_jurisdiction j "
                        "using (jurisdiction_key) where j.jurisdiction_name = 'Sichuan' order by metric")
    assert sichuan == [{"metric": "companies", "first_story_key": "s1", "topic": "metaverse"},
                       {"metric": "industry_size", "first_story_key": "s2", "topic": "metaverse"}]


def test_fixture_topics_are_what_the_extractor_reads():
    """The fixture's topic rows are the ones pipelines.extract.topics gives its stories' titles and bodies."""
    from pipelines.extract.topics import story_topics

    con = small_warehouse()
    stories = con.execute("select distinct story_key, title, body from staging.stg_stories s "
                          "join staging.stg_story_topics t using (story_key, document_id) order by 1").fetchall()
    read = sorted((key, t.topic, t.title_mentions, t.body_mentions, t.is_primary, t.field, t.char_start, t.surface_text)
                  for key, title, body in stories for t in story_topics(title, body))
    assert read == sorted(con.execute("select story_key, topic, title_mentions, body_mentions, is_primary, field, "
                                      "char_start, surface_text from staging.stg_story_topics").fetchall())


def test_dates_cover_every_story_day(con):
    assert con.execute("select count(*) from dim_story s left join dim_date d on d.date_key = s.published_date_key "
                       "where s.published_at is not null and d.date_key is null").fetchone() == (0,)
    assert rows(con, "select * from dim_date where date_key = 20240120") == [
        {"date_key": 20240120, "full_date": __import__("datetime").date(2024, 1, 20), "year": 2024, "quarter": 1,
         "month": 1, "month_name": "January", "day_of_week": 6, "day_name": "Saturday"}]


def test_keys_are_stable_across_builds(con):
    other = small_warehouse(reverse=True)
    for table, key in (("dim_jurisdiction", "jurisdiction_key"), ("dim_company", "company_key"),
                       ("fact_initiative", "fact_key"), ("fact_initiative", "initiative_id")):
        sql = f"select {key} from {table} order by 1"
        assert con.execute(sql).fetchall() == other.execute(sql).fetchall(), table


def test_every_table_and_column_is_commented(con):
    assert con.execute("select count(*) from duckdb_tables() where database_name = current_database() and schema_name = 'main' and comment is null").fetchone() == (0,)
    assert con.execute("select count(*) from duckdb_columns() where database_name = current_database() and schema_name = 'main' and comment is null").fetchone() == (0,)


def test_checks_pass_on_clean_data(con):
    results = run_model_checks(con)
    assert len(results) > 40
    assert [r for r in results if not r[1]] == []


def test_seeded_violations_fail_with_the_check_name():
    bad = small_warehouse()
    bad.execute("insert into dim_story select * from dim_story where story_key = 's1'")
    bad.execute("insert into fact_initiative select * replace ('x' as fact_key) from fact_initiative where metric = 'companies'")
    bad.execute("update dim_jurisdiction set level = 'galaxy' where jurisdiction_name = 'China'")
    failed = {name for name, ok, _ in run_model_checks(bad) if not ok}
    assert {"dim_story__unique__story_key", "fact_initiative__no_double_counted_targets",
            "dim_jurisdiction__accepted__level"} <= failed


def test_dagster_assets_materialize_and_checks_pass(tmp_path):
    import dagster as dg
    from dagster_duckdb import DuckDBResource

    from pipelines.assets.marts import build_marts_asset

    db = str(tmp_path / "w.duckdb")
    with duckdb.connect(db) as setup:
        setup.execute(SCHEMA_SQL.read_text())
        for stmt in FIXTURE.read_text().split(";"):
            if "insert" in stmt:
                setup.execute(stmt).fetchall()
    marts = build_marts_asset()
    deps = marts.asset_deps
    assert dg.AssetKey(["staging", "stg_targets"]) in deps[dg.AssetKey(["intermediate", "int_target_rows"])]
    assert dg.AssetKey(["intermediate", "int_initiative_members"]) in deps[dg.AssetKey(["main", "fact_initiative"])]
    result = dg.materialize([marts], resources={"duckdb": DuckDBResource(database=db)})
    assert result.success
    assert {e.asset_key for e in result.get_asset_materialization_events()} == set(marts.keys)
    evaluations = result.get_asset_check_evaluations()
    assert len(marts.check_keys) > 40 and {e.asset_check_key for e in evaluations} == set(marts.check_keys)
    assert [e.asset_check_key.name for e in evaluations if not e.passed] == []
    assert len(result.get_step_success_events()) == 1  # every model and check in one step
