"""Facts of short stories written for the project, one error class each: what must and must not come out.

Each page in fixtures/fact_pages is read through the extractors (targets, initiatives, company roles) and
checked against expected.yaml; the pages are then built into the marts together, where the two stories of
one task force must be one initiative.
"""
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
import yaml

from pipelines.extract.initiatives import find_initiatives
from pipelines.extract.story import extract_story
from pipelines.modelling.modelgraph import SCHEMA_SQL, build_models

PAGES = Path(__file__).parent / "fixtures" / "fact_pages"
EXPECTED = yaml.safe_load((PAGES / "expected.yaml").read_text())


def read_page(name: str) -> tuple[str, datetime, str]:
    """(headline, publication date, body) of a fact page."""
    title, date, _, *body = (PAGES / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    return title, datetime.fromisoformat(date), "\n".join(body).strip()


def facts(name: str):
    """Targets, initiatives and participants the extractors find on a page."""
    title, published, body = read_page(name)
    mentions, targets = extract_story(title, body, published)
    initiatives, numbers, participants = find_initiatives(title, body, mentions, targets)
    return targets, initiatives, numbers, participants


def test_every_page_has_expectations():
    assert sorted(p.stem for p in PAGES.glob("*.txt")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 6


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_targets(name):
    targets, _, _, _ = facts(name)
    got = {(t.jurisdiction_name, t.metric, t.target_value, t.target_year) for t in targets}
    expected = {(j, m, float(v), y) for j, m, v, y in EXPECTED[name].get("targets", [])}
    assert got == expected
    assert not {t.jurisdiction_name for t in targets} & set(EXPECTED[name].get("not_owned_by", []))
    assert not {t.target_value for t in targets} & {float(v) for v in EXPECTED[name].get("not_values", [])}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_initiatives(name):
    _, initiatives, _, _ = facts(name)
    assert [[i.initiative_type, i.jurisdiction_name] for i in initiatives] == EXPECTED[name]["initiatives"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_company_roles(name):
    _, _, _, participants = facts(name)
    roles: dict[str, set] = {}
    for p in participants:
        roles.setdefault(p.company_name, set()).add(p.role)
    assert {c: min(r, key=["lead", "member", "partner", "other"].index) for c, r in roles.items()} == \
        EXPECTED[name].get("companies", {})
    assert not set(roles) & set(EXPECTED[name].get("not_companies", []))


def test_counts_have_no_usd_flag():
    targets, _, _, _ = facts("year_in_earlier_sentence")
    assert {t.unit: t.usd_is_stated for t in targets} == {"CNY": False, "count": None}


@pytest.fixture(scope="module")
def marts():
    """The fact pages staged as the pipeline stages them (each its own story) and built into the marts."""
    from pipelines.load.loader import replace_rows
    from pipelines.extract.stage import extract_one, refresh_references

    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text())
    stories, tables = [], {"mentions": [], "targets": [], "initiatives": [], "participants": []}
    for name in sorted(EXPECTED):
        title, published, body = read_page(name)
        stories.append({"story_key": name, "document_id": f"doc-{name}", "source_file": f"{name}.txt", "position": 0,
                        "role": "main", "title": title, "published_at": published, "body": body,
                        "word_count": len(body.split())})
        out = extract_one((name, f"doc-{name}", title, body, published, None))
        for key, rows in zip(tables, out[2:]):
            tables[key] += rows
    replace_rows(con, "staging.stg_stories", stories, "story_key")
    for key, table in (("mentions", "stg_entity_mentions"), ("targets", "stg_targets"),
                       ("initiatives", "stg_initiatives"), ("participants", "stg_initiative_companies")):
        replace_rows(con, f"staging.{table}", tables[key], "story_key")
    refresh_references(con)
    build_models(con)
    return con


def test_one_task_force_in_three_stories_is_one_initiative(marts):
    rows = marts.execute("""
        select f.initiative_type, f.announced_date_key, f.source_count, list(b.story_key order by b.story_key)
        from fact_initiative f join dim_jurisdiction j using (jurisdiction_key)
        join bridge_initiative_story b using (initiative_id)
        where j.jurisdiction_name = 'Chengdu' group by all""").fetchall()
    assert rows == [("working_group", 20240301, 3, ["one_initiative_first_story", "one_initiative_named_in_passing",
                                                    "one_initiative_second_story"])]


def test_worked_example_of_the_docs(marts):
    rows = marts.execute("""
        select j.jurisdiction_name, f.initiative_type, f.metric, f.target_value, f.target_year, f.source_count,
               f.usd_is_stated, f.announced_date_key, f.description
        from fact_initiative f join dim_jurisdiction j using (jurisdiction_key)
        where j.jurisdiction_name in ('Hefei', 'Anhui') order by 1, 3""").fetchall()
    headline = "Hefei unveils metaverse plan with iFlytek"
    assert rows == [
        ("Anhui", "fund", "fund_size", 5e9, None, 1, False, 20240402, "Separately, Anhui will set up a 5 billion yuan metaverse fund."),
        ("Hefei", "plan", "companies", 150, 2026, 1, None, 20240402, headline),
        ("Hefei", "plan", "industry_size", 30e9, 2026, 2, False, 20240402, headline)]
    stories = marts.execute("""select list(b.story_key order by b.story_key) from bridge_initiative_story b
        join fact_initiative f using (initiative_id) where f.metric = 'industry_size' and f.target_value = 30e9
        and f.target_year = 2026 and f.description = ?""", [headline]).fetchone()[0]
    assert stories == ["worked_example_first_story", "worked_example_second_story"]


def test_marts_keep_roles_and_leave_commentators_out(marts):
    rows = dict(marts.execute("""
        select c.company_name, b.role from bridge_initiative_company b join dim_company c using (company_key)
        join fact_initiative f using (initiative_id) where f.initiative_type = 'alliance'""").fetchall())
    assert rows == {"Tencent": "lead", "JD.com": "member", "ZTE": "member", "Xiaomi": "member", "Alibaba": "member",
                    "Baidu": "member"}
    assert marts.execute("""select count(*) from bridge_initiative_company b join dim_company c using (company_key)
                            where c.company_name in ('Morgan Stanley', 'Nomura')""").fetchone() == (0,)


def test_marts_count_no_target_twice(marts):
    assert marts.execute("""select count(*) from (select jurisdiction_key, metric, target_value from fact_initiative
                            where metric is not null group by all having count(*) > 1)""").fetchone() == (0,)
    assert marts.execute("select count(*) from fact_initiative where unit = 'count' and usd_is_stated is not null"
                         ).fetchone() == (0,)
