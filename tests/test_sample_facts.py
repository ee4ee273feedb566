"""Regression test of the facts an analyst finds in fact_initiative built from the five sample pages.

The expected rows were written by reading samples/raw: the type, place, year, stories and companies
(with their roles) of each initiative those pages report.
"""
from pathlib import Path

import duckdb
import pytest

from pipelines.load.loader import ensure_schema
from pipelines.modelling.modelgraph import build_models
from pipelines.extract.stage import extract_stories
from pipelines.stages import ingest_raw, parse_documents

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "raw"
WORKING_GROUP = "China establishes metaverse working group with Chinese tech giants"
COLLABORATES = "China collaborates with Huawei and other tech giants to pioneer metaverse development"
ALLIANCE = "China Mobile Establishes Metaverse Industry Alliance"
NANJING = "China Sees Further Metaverse Development Through Nanjing City Initiative"


def warehouse_from(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse built from the pages of a folder: ingest, parse, extract and every model."""
    con = duckdb.connect()
    ensure_schema(con)
    ingest_raw(con, folder)
    parse_documents(con, folder)
    extract_stories(con)
    build_models(con)
    return con


@pytest.fixture(scope="module")
def con():
    return warehouse_from(SAMPLES)


def initiative(con, jurisdiction: str, kind: str) -> dict:
    """The one initiative of a type in a place, with its stories and companies."""
    rows = con.execute("""
        select f.initiative_id, any_value(f.announced_date_key), list(distinct f.metric) filter (where f.metric is not null)
        from fact_initiative f join dim_jurisdiction j using (jurisdiction_key)
        where j.jurisdiction_name = ? and f.initiative_type = ? group by f.initiative_id""", [jurisdiction, kind]).fetchall()
    assert len(rows) == 1, rows
    iid, announced, metrics = rows[0]
    titles = sorted(r[0] for r in con.execute(
        "select s.title from bridge_initiative_story b join dim_story s using (story_key) where b.initiative_id = ?", [iid]).fetchall())
    companies = dict(con.execute("select c.company_name, b.role from bridge_initiative_company b join dim_company c "
                                 "using (company_key) where b.initiative_id = ?", [iid]).fetchall())
    return {"announced": announced, "metrics": sorted(metrics or []), "titles": titles, "companies": companies}


def test_miit_working_group_is_one_dated_initiative_with_its_members(con):
    group = initiative(con, "China", "working_group")
    assert group["announced"] == 20240120  # the earliest dated of its two stories
    assert group["titles"] == sorted([WORKING_GROUP, COLLABORATES])
    for member in ("Huawei", "Ant Group", "Tencent", "Baidu", "NetEase", "SenseTime"):
        assert group["companies"].get(member) == "member", member
    assert "JPMorgan" not in group["companies"]  # its analysts are quoted, it takes no part


def test_china_mobile_alliance_is_national_and_led_by_china_mobile(con):
    alliance = initiative(con, "China", "alliance")
    # the working-group story says in passing that China Mobile led a metaverse alliance in China: it reports it too
    assert alliance["titles"] == sorted([ALLIANCE, WORKING_GROUP]) and alliance["announced"] == 20230701
    assert alliance["companies"]["China Mobile"] == "lead"
    assert {c for c, r in alliance["companies"].items() if r == "member"} >= {"iFlytek", "HTC", "MGTV"}
    assert con.execute("""select count(*) from fact_initiative f join dim_jurisdiction j using (jurisdiction_key)
                          where j.jurisdiction_name = 'Xiamen'""").fetchone() == (0,)


def test_provincial_targets_are_plans_with_their_years(con):
    rows = con.execute("""
        select j.jurisdiction_name, f.initiative_type, f.metric, f.target_value, f.unit, f.target_year
        from fact_initiative f join dim_jurisdiction j using (jurisdiction_key)
        where j.jurisdiction_name in ('Sichuan', 'Shandong', 'Nanjing') order by 1""").fetchall()
    assert rows == [("Nanjing", "plan", "industry_size", 135e9, "CNY", 2025),
                    ("Shandong", "plan", "industry_size", 150e9, "CNY", 2025),
                    ("Sichuan", "plan", "industry_size", 250e9, "CNY", 2025)]


def test_jiangning_three_year_plan_holds_its_targets(con):
    plan = initiative(con, "Jiangning", "plan")
    assert plan["titles"] == [NANJING]
    rows = con.execute("""
        select f.metric, f.target_value, f.unit, f.target_year, f.usd_is_stated
        from fact_initiative f join dim_jurisdiction j using (jurisdiction_key)
        where j.jurisdiction_name = 'Jiangning' order by 1, 2""").fetchall()
    assert rows == [("companies", 200, "count", 2025, None),
                    ("industry_size", 20e9, "CNY", 2025, True),
                    ("investment", 800e6, "CNY", None, True),
                    ("investment", 8.1e9, "CNY", None, True),
                    ("research_centers", 50, "count", 2025, None),  # 'the plan outlines': the plan's deadline
                    ("talent", 10000, "count", 2026, None)]  # 'over the next three years' from June 2023


def test_henan_fund_reported_twice_is_one_row(con):
    fund = initiative(con, "Henan", "fund")
    assert fund["metrics"] == ["fund_size"] and fund["announced"] == 20230612
    assert fund["titles"] == sorted([WORKING_GROUP, NANJING])
    assert con.execute("select count(*) from fact_initiative where metric = 'fund_size'").fetchone() == (1,)


def test_no_other_targets(con):
    places = [r[0] for r in con.execute("""select distinct j.jurisdiction_name from fact_initiative f
        join dim_jurisdiction j using (jurisdiction_key) where f.metric is not null order by 1""").fetchall()]
    assert places == ["Henan", "Jiangning", "Nanjing", "Shandong", "Sichuan"]
