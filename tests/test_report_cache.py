"""The report's charts kept beside it (pipelines/report/svgcache.py) and drawn ahead while the build is published
(page.predraw): a chart whose rows did not change is not drawn again, a chart drawn ahead is taken when the published
rows are the ones it was drawn from, and either way the page is the bytes a fresh drawing gives."""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_models import file_warehouse  # noqa: E402

from pipelines.lifecycle.buildstate import set_state  # noqa: E402
from pipelines.lifecycle.readonly import attached  # noqa: E402
from pipelines.report import drawing, page  # noqa: E402
from pipelines.report.charts import CHARTS  # noqa: E402
from pipelines.report.svgcache import cache_path, read_charts  # noqa: E402

COVERAGE = [c.name for c in CHARTS].index("main_vs_related_coverage")


@pytest.fixture
def published(tmp_path) -> Path:
    """A published warehouse file built from the fixture rows, with build state."""
    return file_warehouse(tmp_path / "warehouse.duckdb")


@pytest.fixture
def drawn(monkeypatch) -> list[list[int]]:
    """The places in CHARTS of the charts each page drew itself (neither kept nor drawn ahead)."""
    calls: list[list[int]] = []
    real = page._draw_charts  # noqa: SLF001

    def spy(items):
        calls.append([i for i, _ in items])
        return real(items)

    monkeypatch.setattr(page, "_draw_charts", spy)
    return calls


def _change(path: Path, sql: str, state: str) -> None:
    con = duckdb.connect(str(path))
    if sql:
        con.execute(sql)
    set_state(con, "model:fact_initiative", state)
    con.close()


def _fresh(path: Path) -> str:
    with attached(path, "published", use=True) as con:
        return page.render_report(con, title=f"Initiatives warehouse: {path.name}")


def test_the_charts_are_kept_beside_the_report(published):
    out, _ = page.write_report(published)
    assert cache_path(out) == published.with_name("report.charts.json")
    kept = read_charts(cache_path(out))
    assert len(kept) == len(CHARTS) and all(svg in out.read_text() for svg in kept.values())


def test_marts_rebuilt_with_the_same_rows_draw_no_chart_again(published, drawn):
    page.write_report(published)
    _change(published, "", "rebuilt, same rows")
    out, written = page.write_report(published)
    assert written and drawn == [list(range(len(CHARTS))), []]
    assert out.read_text() == _fresh(published)


def test_only_the_chart_whose_rows_changed_is_drawn_again(published, drawn):
    page.write_report(published)
    _change(published, "update main.dim_story set word_count = word_count + 1", "words changed")
    out, _ = page.write_report(published)
    assert drawn[-1] == [COVERAGE]
    assert out.read_text() == _fresh(published)


def test_an_unreadable_chart_file_is_not_used(published, drawn):
    out, _ = page.write_report(published)
    cache_path(out).write_text("{not json")
    _change(published, "", "rebuilt")
    page.write_report(published)
    assert drawn[-1] == list(range(len(CHARTS)))
    assert out.read_text() == _fresh(published)


def test_charts_drawn_ahead_are_taken_when_the_published_rows_are_theirs(published, drawn):
    drawing.start(count=2)
    try:
        con = duckdb.connect(str(published))
        assert page.predraw(con, published) == len(CHARTS)
        con.close()
        out, _ = page.write_report(published)
    finally:
        drawing.stop()
    assert drawn == [[]]
    assert out.read_text() == _fresh(published)


def test_a_chart_drawn_ahead_from_other_rows_is_drawn_again(published, drawn):
    drawing.start(count=2)
    try:
        con = duckdb.connect(str(published))
        page.predraw(con, published)
        con.execute("update main.dim_story set word_count = word_count + 1")  # the published rows differ
        con.close()
        out, _ = page.write_report(published)
    finally:
        drawing.stop()
    assert drawn == [[COVERAGE]]
    assert out.read_text() == _fresh(published)


def test_nothing_is_drawn_ahead_without_drawing_processes(published):
    con = duckdb.connect(str(published))
    assert page.predraw(con, published) == 0
    con.close()
