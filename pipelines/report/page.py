"""The analyst report: one self-contained HTML page with every chart and the table behind it, written beside the
published warehouse.

Pure module (no dagster). The page is made from the queries in sql/ (pipelines.report.sql_reports) on a read-only look at
the published file; charts are inline SVG (pipelines.report.charts), styles inline, no script and no link to
fetch, so it opens offline from a file. It records the signature of what it was made from (the marts' build
state and the report's own code), so an unchanged warehouse is not rendered again.
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import jinja2

from pipelines.lifecycle.buildstate import STATE_TABLE
from pipelines.lifecycle.readonly import attached
from pipelines.config import report_path
from pipelines.report import drawing
from pipelines.report.charts import CHARTS, chart_at
from pipelines.report.sql_reports import REPORTS_DIR, list_reports, report_sql, run_report
from pipelines.report.svgcache import cache_path, chart_key, read_charts, replace_text, write_charts
from pipelines.lifecycle.versions import files_digest

PACKAGE = Path(__file__).resolve().parent
TEMPLATE = jinja2.Environment(loader=jinja2.FileSystemLoader(PACKAGE), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True).get_template("page.html.j2")
SIGNATURE = re.compile(r'<meta name="report-signature" content="([0-9a-f]+)">')


def cell(value) -> str:
    """Text of one table cell: thousands separators from 10,000 (years stay as they are), ISO dates, '' for null.

    >>> [cell(v) for v in (None, 35100000000.0, 20547945205.25, 0.9, 2025, 12345, "Sichuan")]
    ['', '35,100,000,000', '20,547,945,205.25', '0.9', '2025', '12,345', 'Sichuan']
    """
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}" if abs(value) >= 10000 else str(int(value))
    return f"{float(value):,.2f}" if abs(value) >= 10000 else f"{float(value):g}"


def code_signature() -> str:
    """A hash of what the page is made with: this package, the queries in sql/, and matplotlib's version (read from
    its version file: importing matplotlib to ask would cost a page found up to date ~0.4 s)."""
    files = [*PACKAGE.glob("*.py"), *PACKAGE.glob("*.j2"), *Path(REPORTS_DIR).glob("*.sql")]
    return files_digest(files, PACKAGE.parent.parent, _matplotlib_version())


def _matplotlib_version() -> str:
    """The text of matplotlib's _version.py (it holds the version), found without importing matplotlib.

    >>> "version" in _matplotlib_version()
    True
    """
    spec = importlib.util.find_spec("matplotlib")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            return Path(folder, "_version.py").read_text(encoding="utf-8")
        except OSError:
            continue
    return "matplotlib version unknown"


def marts_state(con: duckdb.DuckDBPyConnection) -> str | None:
    """The build state of every mart (the `model:` rows of pipelines.lifecycle.buildstate, which change whenever a mart is
    rebuilt) as one text; None for a warehouse that records none."""
    try:
        rows = con.execute(f"select name, value from {STATE_TABLE} where name like 'model:%' order by name").fetchall()
    except duckdb.CatalogException:
        return None
    return "\x1f".join(f"{n}={v}" for n, v in rows) or None


def signature(con: duckdb.DuckDBPyConnection) -> str:
    """A hash of what the page of this warehouse is made from: its marts' build state and code_signature()."""
    text = f"{code_signature()}\x1f{marts_state(con) or 'no build state'}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def render_report(con: duckdb.DuckDBPyConnection, title: str = "Initiatives warehouse") -> str:
    """The HTML page for the warehouse `con` reads (its current catalog): every chart with its table and query.

    >>> from pipelines.modelling.modelgraph import SCHEMA_SQL, build_models
    >>> con = duckdb.connect(); _ = con.execute(SCHEMA_SQL.read_text()); _ = build_models(con)
    >>> page = render_report(con); page.startswith("<!DOCTYPE html>") and 'id="most_active_companies"' in page
    True
    """
    return _render(con, title, {})[0]


def _render(con: duckdb.DuckDBPyConnection, title: str, kept: dict[str, str]) -> tuple[str, dict[str, str]]:
    """(the page, {chart key: svg} of its charts); a chart whose key is in `kept` (pipelines/report/svgcache.py) is
    taken from there, one drawn ahead (predraw) from the drawing processes, the others are drawn now."""
    about = list_reports()
    results, keys = _chart_results(con)
    svgs = [kept.get(key) for key in keys]
    svgs = [svg if svg is not None else drawing.take(key) for svg, key in zip(svgs, keys)]
    missing = [i for i, svg in enumerate(svgs) if svg is None]
    for i, svg in zip(missing, _draw_charts([(i, _records(*results[i])) for i in missing])):
        svgs[i] = svg
    sections = [{"chart": chart, "svg": svg, "columns": columns, "rows": [[cell(v) for v in r] for r in rows],
                 "numeric": _numeric(columns, rows), "query": about[chart.name], "sql": report_sql(chart.name)}
                for chart, (columns, rows), svg in zip(CHARTS, results, svgs)]
    counts = con.execute("select (select count(*) from main.dim_story), "
                         "(select count(distinct initiative_id) from main.fact_initiative)").fetchone()
    page = TEMPLATE.render(title=title, sections=sections, signature=signature(con), stories=counts[0],
                           initiatives=counts[1])
    return page, dict(zip(keys, svgs))


def predraw(con: duckdb.DuckDBPyConnection, published: Path) -> int:
    """Start drawing the charts of the build `con` holds, about to be published, in the drawing processes
    (pipelines/report/drawing.py), so they draw while the publish step copies the file; the report step takes them
    when the published file's rows are the same (the chart key). Charts kept beside the report are not drawn again.
    Returns how many were started (none without drawing processes)."""
    if not drawing.started():
        return 0
    kept = read_charts(cache_path(report_path(published)))
    started = 0
    for i, (result, key) in enumerate(zip(*_chart_results(con))):
        if key not in kept and drawing.submit(key, chart_at, (i, _records(*result))):
            started += 1
    return started


def _chart_results(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple[list[str], list[tuple]]], list[str]]:
    """Each chart's query result (columns, rows) and its key (pipelines/report/svgcache.py), in CHARTS order."""
    code = code_signature()
    results = [run_report(con, chart.name) for chart in CHARTS]
    return results, [chart_key(code, chart.name, columns, rows) for chart, (columns, rows) in zip(CHARTS, results)]


def _records(columns: list[str], rows: list[tuple]) -> list[dict]:
    """A query's rows as {column: value} dicts (what a chart's bars are taken from)."""
    return [dict(zip(columns, r)) for r in rows]


def _draw_charts(items: list[tuple[int, list[dict]]]) -> list[str]:
    """The SVG of each (place in CHARTS, rows), in order: drawn by the drawing processes a command-line run started
    with matplotlib loaded (pipelines/report/drawing.py), else by a pool of forked processes (one per core, at most one
    per chart; a chart is 0.1-0.3 s of matplotlib, so two cores draw the page in about half the time); the bytes are
    those one process draws (svg.hashsalt)."""
    from pipelines.stages import pool_map  # loaded by the run already; `pipelines report` never draws

    drawn = drawing.map(chart_at, items)
    return drawn if drawn is not None else pool_map(chart_at, items, warm=_load_matplotlib, min_items=2)


def _load_matplotlib() -> None:
    """Import matplotlib's figure once here before forking, so the drawing processes inherit it."""
    import matplotlib.figure  # noqa: F401 - the import is the warm-up


def _numeric(columns: list[str], rows: list[tuple]) -> list[bool]:
    """Per column: True when every value is a number or null (right-aligned)."""
    return [all(isinstance(r[i], (int, float, Decimal)) or r[i] is None for r in rows) for i in range(len(columns))]


def recorded_signature(path: Path) -> str | None:
    """The signature a report page on disk was made from; None when there is no page (or it records none)."""
    try:
        head = Path(path).read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError:
        return None
    match = SIGNATURE.search(head)
    return match.group(1) if match else None


def write_report(published: Path, out: Path | None = None) -> tuple[Path, bool]:
    """Render the report of the published warehouse beside it, atomically; (path, written now).

    Not written again when the page on disk was made from the same marts and report code. The charts are kept
    beside it (pipelines/report/svgcache.py): the next page draws only the charts whose rows changed.
    """
    published = Path(published)
    out = Path(out or report_path(published))
    with attached(published, "published", use=True) as con:  # reads the file now on disk, as the run summary does
        if marts_state(con) is not None and recorded_signature(out) == signature(con):
            return out, False  # a warehouse without build state is rendered every time
        page, charts = _render(con, f"Initiatives warehouse: {published.name}", read_charts(cache_path(out)))
    replace_text(out, page)
    write_charts(cache_path(out), charts)  # after the page: a run killed between the two keeps older charts, unused
    return out, True
