"""The analyst report page: every chart, its bars and its table equal to the report queries' results, self-contained,
the same bytes for the same warehouse, and written again only when the marts changed."""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).parent))
from test_models import file_warehouse, small_warehouse  # noqa: E402

from pipelines.lifecycle.buildstate import set_state  # noqa: E402
from pipelines.modelling.modelgraph import SCHEMA_SQL, build_models  # noqa: E402
from pipelines.report.charts import CHARTS  # noqa: E402
from pipelines.report.page import cell, render_report, write_report  # noqa: E402
from pipelines.report.sql_reports import run_report  # noqa: E402

CHART_NAMES = [c.name for c in CHARTS]


def records(con, name: str) -> list[dict]:
    columns, rows = run_report(con, name)
    return [dict(zip(columns, r)) for r in rows]


def expected_bars(con, name: str) -> dict[tuple[str, str, str], float]:
    """{(panel, category, series): value} each chart must draw, read straight from its query's rows."""
    rows = records(con, name)
    if name == "targets_by_province":
        return {("", r["province"], str(r["target_year"]) if r["target_year"] else "no year"): r["total_target_usd"]
                for r in rows if r["total_target_usd"] is not None}
    if name == "initiatives_over_time":
        return {("", f"{r['year']} Q{r['quarter']}" if r["year"] else "(undated)", r["initiative_type"]):
                r["initiatives"] for r in rows}
    if name == "most_active_companies":
        return {("", r["company_name"], m): r[m] for r in rows[:15] for m in ("stories", "initiatives")}
    if name == "main_vs_related_coverage":
        return {(m, r["role"], r["role"]): r[m] for r in rows for m in ("stories", "words", "mentions", "initiatives")}
    raise AssertionError(f"no expectation for chart {name}")


@pytest.fixture(scope="module")
def con():
    return small_warehouse()


@pytest.fixture(scope="module")
def page(con) -> BeautifulSoup:
    return BeautifulSoup(render_report(con), "lxml")


def test_the_charts_are_the_four_the_analysts_asked_for():
    assert CHART_NAMES == ["targets_by_province", "initiatives_over_time", "most_active_companies",
                           "main_vs_related_coverage"]


@pytest.mark.parametrize("name", CHART_NAMES)
def test_each_chart_is_in_the_page_as_inline_svg(page, name):
    section = page.find("section", id=name)
    assert section is not None and section.find("svg") is not None
    assert section.find("h2").get_text(strip=True)


@pytest.mark.parametrize("name", CHART_NAMES)
def test_each_charts_bars_are_its_querys_numbers(con, page, name):
    drawn = {}
    for element in page.find("section", id=name).find_all(id=lambda i: i and i.startswith("bar|")):
        _, chart, panel, category, series, value = element["id"].split("|")
        assert chart == name
        drawn[panel, category, series] = float(value)
    expected = expected_bars(con, name)
    assert expected, f"the small warehouse gives {name} nothing to draw"
    assert drawn == {k: float(v) for k, v in expected.items()}


@pytest.mark.parametrize("name", CHART_NAMES)
def test_each_charts_table_is_its_querys_result(con, page, name):
    columns, rows = run_report(con, name)
    table = page.find("table", attrs={"data-report": name})
    assert [th.get_text() for th in table.find("thead").find_all("th")] == columns
    assert [[td.get_text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")] == \
        [[cell(v) for v in r] for r in rows]


def test_the_page_opens_offline_it_fetches_nothing(page):
    assert not page.find_all(["script", "link", "img", "iframe", "object"])
    assert not [t for t in page.find_all(src=True)]
    assert not [a["href"] for a in page.find_all("a", href=True) if not a["href"].startswith("#")]
    assert "@import" not in page.find("style").get_text()


def test_the_same_warehouse_gives_the_same_bytes(con):
    assert render_report(con) == render_report(con)


def test_charts_drawn_by_forked_processes_are_the_bytes_one_process_draws(con, monkeypatch):
    monkeypatch.setenv("PIPELINE_WORKERS", "1")
    one = render_report(con)
    assert one.count("<svg") == len(CHARTS)  # every chart drawn, so two workers fork
    monkeypatch.setenv("PIPELINE_WORKERS", "2")
    assert render_report(con) == one


def test_an_empty_warehouse_gives_a_page_that_says_so():
    empty = duckdb.connect()
    empty.execute(SCHEMA_SQL.read_text())
    build_models(empty)
    soup = BeautifulSoup(render_report(empty), "lxml")
    assert not soup.find_all("svg")
    assert len(soup.find_all(class_="empty")) == len(CHARTS)


def test_the_report_is_written_beside_the_warehouse_again_only_when_the_marts_change(tmp_path):
    published = file_warehouse(tmp_path / "warehouse.duckdb")
    path, written = write_report(published)
    assert (path, written) == (tmp_path / "report.html", True)
    assert write_report(published) == (path, False)
    con = duckdb.connect(str(published))
    set_state(con, "model:fact_initiative", "rebuilt")
    con.close()
    assert write_report(published) == (path, True)
    assert not list(tmp_path.glob(".report.html.writing-*"))


def test_the_job_writes_the_report_after_publishing_and_keeps_it_when_the_marts_did_not_change(tmp_path):
    from pipelines.config import report_path
    from pipelines.definitions import build_definitions

    raw = tmp_path / "raw"
    raw.mkdir()
    for page in sorted((Path(__file__).parents[1] / "samples" / "raw").iterdir())[:2]:
        (raw / page.name).write_bytes(page.read_bytes())
    published = tmp_path / "w.duckdb"

    def report_metadata() -> dict:
        job = build_definitions(raw, published).resolve_job_def("build_warehouse")
        result = job.execute_in_process(raise_on_error=False)
        assert result.success
        [event] = [e for e in result.get_asset_materialization_events()
                   if e.event_specific_data.materialization.asset_key.to_user_string() == "analyst_report"]
        return {k: v.value for k, v in event.event_specific_data.materialization.metadata.items()}

    first = report_metadata()
    assert first["path"] == str(report_path(published)) == str(tmp_path / "w.report.html") and first["written"]
    made = report_path(published).read_bytes()
    second = report_metadata()  # nothing new: the marts are kept, so is the page
    assert not second["written"] and report_path(published).read_bytes() == made
