"""The report's charts: which query each one draws, the bars it draws from the query's rows, and the SVG.

Pure module (no dagster, no database). A chart is a list of Bars (panel, category, series, value) taken from a
report's rows by the chart's `bars` function, drawn with matplotlib as stacked or side-by-side bars and written
as inline SVG. Every bar carries its exact value in its SVG id (`bar|chart|panel|category|series|value`), so a
test can hold the picture against the query. matplotlib is imported by the first chart drawn, not by this module:
a report found up to date costs no matplotlib import.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

SVG_STYLE = {"svg.fonttype": "none",  # text stays text: smaller, selectable, searchable
             "svg.hashsalt": "initiatives-etl",  # ids made from this instead of random ones: same input, same bytes
             "font.family": "sans-serif", "font.size": 9}
PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d", "#bab0ac",
           "#ff9da6")
NO_VALUE = "no year"


class Bar(NamedTuple):
    """One bar (or bar segment): panel ('' for a chart of one panel), category on the axis, series (colour), value."""
    panel: str
    category: str
    series: str
    value: float


@dataclass(frozen=True)
class Chart:
    """A chart of one report in sql/: its bars come from the report's rows as {column: value} dicts."""
    name: str  # the report it draws (sql/<name>.sql); also the chart's id in the page
    title: str
    about: str  # one sentence under the title: what a bar is
    bars: Callable[[list[dict]], list[Bar]]
    stacked: bool = True
    horizontal: bool = False
    unit: str = ""  # axis label
    scale: float = 1.0  # values are drawn divided by this (1e9: billions)
    legend: str = ""  # legend title: what the series are
    sort_series: bool = False  # series in label order ('(none)' last) instead of order of first appearance


def _label(value) -> str:
    """A category or series label; NO_VALUE for null."""
    return NO_VALUE if value is None else str(value)


def _targets_bars(rows: list[dict]) -> list[Bar]:
    """One segment per province and target year with a USD total."""
    return [Bar("", r["province"], _label(r["target_year"]), float(r["total_target_usd"]))
            for r in rows if r["total_target_usd"] is not None]


def _initiatives_bars(rows: list[dict]) -> list[Bar]:
    """One segment per quarter and initiative type; undated initiatives under '(undated)'."""
    return [Bar("", f"{r['year']} Q{r['quarter']}" if r["year"] is not None else "(undated)",
                r["initiative_type"], float(r["initiatives"])) for r in rows]


def _companies_bars(rows: list[dict], top: int = 15) -> list[Bar]:
    """Stories and initiatives of the `top` companies the query ranks first."""
    return [Bar("", r["company_name"], measure, float(r[measure])) for r in rows[:top] for measure in
            ("stories", "initiatives")]


def _coverage_bars(rows: list[dict]) -> list[Bar]:
    """One panel per measure (each on its own scale), a bar per role."""
    return [Bar(measure, r["role"], r["role"], float(r[measure])) for measure in
            ("stories", "words", "mentions", "initiatives") for r in rows]


CHARTS = (
    Chart("targets_by_province", "Targets in USD by province and year",
          "USD total of the quantified targets set in each province (its cities and districts included), "
          "by the year the target is due; each real-world target counted once.",
          _targets_bars, unit="USD billion", scale=1e9, legend="target year", sort_series=True),
    Chart("initiatives_over_time", "Initiatives over time",
          "Initiatives announced per quarter (date of the first story reporting them), by type.",
          _initiatives_bars, legend="type"),
    Chart("most_active_companies", "Most active companies",
          "Stories naming each company and initiatives it takes part in (the 15 named in most stories).",
          _companies_bars, stacked=False, horizontal=True),
    Chart("main_vs_related_coverage", "Main vs related stories",
          "What the main story of each page and the related stories it carries contribute.",
          _coverage_bars),
)


def _short(value: float) -> str:
    """A bar label: 35.1, 1,242, 0.0217 -> '35.1', '1,242', '0.02'."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}" if abs(value) >= 1 else f"{value:.2g}"


def _ordered(items) -> list[str]:
    """Distinct items in order of first appearance."""
    return list(dict.fromkeys(items))


def _series(chart: Chart, bars: list[Bar]) -> list[str]:
    """The chart's series in drawing (and legend) order."""
    series = _ordered(b.series for b in bars)
    return sorted(series, key=lambda s: (s == NO_VALUE, s)) if chart.sort_series else series


def _draw_panel(ax, chart: Chart, bars: list[Bar], colours: dict[str, str]) -> None:
    """Bars of one panel on one Axes, each with its exact value in its SVG id, and value labels."""
    categories, series = _ordered(b.category for b in bars), _series(chart, bars)
    width = 0.8 if chart.stacked else 0.8 / len(series)
    base = [0.0] * len(categories)
    top = 0.0
    for k, name in enumerate(series):
        mine = {b.category: b for b in bars if b.series == name}
        present = [i for i, c in enumerate(categories) if c in mine]  # only bars that exist: a legend swatch is a bar
        at = [i if chart.stacked else i - 0.4 + width * (k + 0.5) for i in present]
        values = [mine[categories[i]].value / chart.scale for i in present]
        bottoms = [base[i] for i in present] if chart.stacked else 0.0
        draw = ax.barh if chart.horizontal else ax.bar
        container = draw(at, values, width, bottoms, color=colours[name], label=name)
        for patch, i, value in zip(container.patches, present, values):
            bar = mine[categories[i]]
            patch.set_gid(f"bar|{chart.name}|{bar.panel}|{bar.category}|{name}|{bar.value!r}")
            base[i] += value if chart.stacked else 0.0
        if not chart.stacked:
            ax.bar_label(container, labels=[_short(v) for v in values], padding=2, fontsize=8)
        top = max([top, *values, *base])
    if chart.stacked:  # the total on top of each stack
        for i, total in enumerate(base):
            ax.annotate(_short(total), (total, i) if chart.horizontal else (i, total), xytext=(3, 0) if
                        chart.horizontal else (0, 3), textcoords="offset points", fontsize=8,
                        ha="left" if chart.horizontal else "center", va="center" if chart.horizontal else "bottom")
    ticks = ax.set_yticks if chart.horizontal else ax.set_xticks
    ticks(range(len(categories)), categories)
    if chart.horizontal:
        ax.invert_yaxis()  # the query's first row on top
    elif max(map(len, categories), default=0) > 8:
        ax.tick_params(axis="x", labelrotation=30)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
    (ax.set_xlabel if chart.horizontal else ax.set_ylabel)(chart.unit)
    ax.spines[["top", "right"]].set_visible(False)
    (ax.set_xlim if chart.horizontal else ax.set_ylim)(0, top * 1.15 or 1)  # room for the value labels


def chart_at(item: tuple[int, list[dict]]) -> str:
    """The SVG of CHARTS[i] for its query's rows: (i, rows) is how a chart is sent to a drawing process."""
    i, rows = item
    return chart_svg(CHARTS[i], rows)


def chart_svg(chart: Chart, rows: list[dict]) -> str:
    """The chart of the report's rows as an <svg> element (no XML prolog); '' when there is nothing to draw.

    >>> svg = chart_svg(CHARTS[3], [{"role": "main", "stories": 5, "words": 10, "mentions": 2, "initiatives": 1}])
    >>> svg.startswith("<svg") and "bar|main_vs_related_coverage|stories|main|main|5.0" in svg
    True
    """
    bars = chart.bars(rows)
    if not bars:
        return ""
    import matplotlib
    from matplotlib.figure import Figure

    panels = _ordered(b.panel for b in bars)
    series = _series(chart, bars)
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    categories = len(_ordered(b.category for b in bars))
    height = max(3.2, 0.32 * categories + 1.2) if chart.horizontal else 3.6
    with matplotlib.rc_context(SVG_STYLE):
        figure = Figure(figsize=(9, height), layout="constrained")
        axes = figure.subplots(1, len(panels), squeeze=False)[0]
        for ax, panel in zip(axes, panels):
            _draw_panel(ax, chart, [b for b in bars if b.panel == panel], colours)
            if panel:
                ax.set_title(panel, fontsize=9)
        if len(series) > 1 and not panels[0]:
            axes[0].legend(frameon=False, fontsize=8, loc="best", ncols=2 if len(series) > 6 else 1,
                           title=chart.legend or None, title_fontsize=8)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    svg = out.getvalue()
    return svg[svg.index("<svg"):]
