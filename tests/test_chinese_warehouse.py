"""End to end: a Chinese text dump and an English one about the same plan, written for the project
(tests/fixtures/chinese_pages), built into a warehouse: both land on the same jurisdiction, company and target rows."""
from pathlib import Path

import pytest

from tests.test_sample_facts import warehouse_from

PAGES = Path(__file__).parent / "fixtures" / "chinese_pages"


@pytest.fixture(scope="module")
def con():
    return warehouse_from(PAGES)


def test_chinese_and_english_sichuan_are_one_jurisdiction_row(con):
    rows = con.execute("select jurisdiction_name, level, iso_code from dim_jurisdiction where jurisdiction_name = 'Sichuan'").fetchall()
    assert rows == [("Sichuan", "province", "CN-SC")]


def test_chengdu_written_in_chinese_is_a_city_under_sichuan(con):
    rows = con.execute("""select j.level, p.jurisdiction_name from dim_jurisdiction j
                          join dim_jurisdiction p on p.jurisdiction_key = j.parent_key where j.jurisdiction_name = 'Chengdu'""").fetchall()
    assert rows == [("city", "Sichuan")]


def test_no_chinese_name_becomes_a_jurisdiction_row(con):
    names = [r[0] for r in con.execute("select jurisdiction_name from dim_jurisdiction").fetchall()]
    assert all(n.isascii() for n in names), names


def test_sichuan_target_stated_in_both_languages_is_one_fact_row(con):
    rows = con.execute("""select f.initiative_type, f.metric, f.target_value, f.unit, f.target_year, f.source_count
                          from fact_initiative f join dim_jurisdiction j using (jurisdiction_key)
                          where j.jurisdiction_name = 'Sichuan' and f.metric = 'industry_size'""").fetchall()
    assert rows == [("plan", "industry_size", 250e9, "CNY", 2025, 2)]


def test_chinese_fund_and_counts_are_fact_rows_of_their_places(con):
    rows = set(con.execute("""select j.jurisdiction_name, f.metric, f.target_value, f.unit from fact_initiative f
                              join dim_jurisdiction j using (jurisdiction_key) where f.metric is not null""").fetchall())
    assert {("Chengdu", "fund_size", 50e8, "CNY"), ("Sichuan", "companies", 100, "count"),
            ("Chengdu", "industrial_parks", 10, "count")} <= rows


def test_last_years_statistic_is_no_fact_row(con):
    values = [r[0] for r in con.execute("select target_value from fact_initiative where target_value is not null").fetchall()]
    assert 1.8e12 not in values


def test_chinese_company_names_join_the_english_company_rows(con):
    rows = dict(con.execute("select company_name, aliases from dim_company").fetchall())
    assert set(rows) == {"Tencent", "Huawei"}
    assert "腾讯" in rows["Tencent"] and "华为" in rows["Huawei"]


def test_mentions_keep_the_chinese_surface_and_offsets_into_the_field(con):
    rows = con.execute("""select m.surface_text, s.body, m.char_start, m.char_end from staging.stg_entity_mentions m
                          join staging.stg_stories s using (story_key)
                          where m.entity_name = 'Sichuan' and m.field = 'body' and m.surface_text = '四川省'""").fetchall()
    assert rows and all(body[a:b] == "四川省" for _, body, a, b in rows)


def test_a_count_two_cities_share_is_a_staged_row_and_a_fact_row_each(con):
    staged = con.execute("""select jurisdiction_name, holder_no from staging.stg_targets
                            where metric = 'companies' and target_value = 20 order by holder_no""").fetchall()
    assert staged == [("Mianyang", 0), ("Deyang", 1)]
    facts = con.execute("""select j.jurisdiction_name from fact_initiative f join dim_jurisdiction j using (jurisdiction_key)
                           where f.metric = 'companies' and f.target_value = 20 order by 1""").fetchall()
    assert facts == [("Deyang",), ("Mianyang",)]
