"""The benchmark's goals, the fixed and per-page cost of each engine, and the tables it prints.

Pure functions over the figures run.py measured (seconds and bytes in plain dicts), so they are
tested without running anything. The figures of one engine:

    {"tiny": {"pages": 20, "full": 3.1},
     "base": {"pages": 2000, "floor": 2.8, "full": 7.4, "noop": 0.1, "noop_forced": 2.9, "new_pages": 20,
              "new1pct": 3.9, "peak_bytes": ...},
     "large": {"pages": 20000, "floor": 28.0, "full": 60.0, "noop": ..., "new_pages": 200, "new1pct": 5.0, ...},
     "html": {"pages": 2000, "pipeline": 7.8, "trafilatura": 8.9, "peak_bytes": ...}}

Any part may be missing (a skipped step); a goal is evaluated only when its figures were measured.
"""
from __future__ import annotations

GOALS = {  # name: (limit, what the ratio is); they are goals of the DuckDB path
    "full": (3.0, "full run / floor ({base} pages)"),
    "noop": (0.3, "no-op re-run / floor ({base} pages)"),
    "new1pct": (0.10, "run with 1% new pages / full run ({large} pages)"),
    "scaling": (1.1, "per page at {large} / per page at {base} pages (full runs)"),
    "memory_gb": (1.5, "peak memory of a run's process tree (GB)"),
    "html": (1.0, "pipeline on HTML pages / trafilatura.extract on them"),
}


def evaluate(figures: dict) -> list[tuple[str, float, float, bool]]:
    """(goal, measured, limit, holds) for every goal whose figures were measured, in the order of GOALS.

    >>> evaluate({"base": {"pages": 2000, "floor": 2.0, "full": 5.0, "peak_bytes": 4e8},
    ...           "large": {"pages": 20000, "full": 60.0, "new1pct": 7.0, "peak_bytes": 5e8}})
    [('full', 2.5, 3.0, True), ('new1pct', 0.11666666666666667, 0.1, False), ('scaling', 1.2, 1.1, False), \
('memory_gb', 0.5, 1.5, True)]
    """
    base, large, html = figures.get("base") or {}, figures.get("large") or {}, figures.get("html") or {}
    ratios = {}
    if "full" in base:
        ratios["full"] = base["full"] / base["floor"]
    if "noop" in base:
        ratios["noop"] = base["noop"] / base["floor"]
    if "new1pct" in large:
        ratios["new1pct"] = large["new1pct"] / large["full"]
    if "full" in base and "full" in large:
        ratios["scaling"] = (large["full"] / large["pages"]) / (base["full"] / base["pages"])
    peaks = [part["peak_bytes"] for part in (base, large, html) if "peak_bytes" in part]
    if peaks:
        ratios["memory_gb"] = max(peaks) / 1e9
    if "pipeline" in html:
        ratios["html"] = html["pipeline"] / html["trafilatura"]
    return [(name, ratios[name], GOALS[name][0], ratios[name] <= GOALS[name][0]) for name in GOALS if name in ratios]


def fit_cost(points: list[tuple[int, float]]) -> tuple[float, float] | None:
    """(fixed seconds, seconds per page) of the least-squares line through (pages, seconds); None below two sizes.

    Fixed: what a run costs whatever its size (start-up, imports, the orchestrator's bookkeeping);
    per page: what each page adds. Fitted on full runs of fresh corpora.

    >>> fit_cost([(2000, 7.0), (20000, 43.0)])
    (3.0, 0.002)
    >>> fit_cost([(2000, 7.0)]) is None
    True
    """
    sizes = {pages for pages, _ in points}
    if len(sizes) < 2:
        return None
    n = len(points)
    mean_x = sum(p for p, _ in points) / n
    mean_y = sum(s for _, s in points) / n
    slope = (sum((p - mean_x) * (s - mean_y) for p, s in points) / sum((p - mean_x) ** 2 for p, _ in points))
    return round(mean_y - slope * mean_x, 9), round(slope, 12)


def break_even(a: tuple[float, float], b: tuple[float, float]) -> float | None:
    """Pages from which engine b (fixed, per page) is faster than engine a; None when b is never faster past 0 pages.

    >>> break_even((3.0, 0.002), (20.0, 0.001))   # b starts 17 s later and gains 1 ms a page
    17000.0
    >>> break_even((3.0, 0.002), (20.0, 0.003)) is None   # b is slower per page too
    True
    >>> break_even((3.0, 0.002), (1.0, 0.001))   # b is faster at any size
    0.0
    """
    (fixed_a, page_a), (fixed_b, page_b) = a, b
    if page_b >= page_a:
        return 0.0 if fixed_b < fixed_a and page_b == page_a else None
    return max(0.0, (fixed_b - fixed_a) / (page_a - page_b))


def engine_costs(figures: dict, key: str = "full") -> tuple[float, float] | None:
    """(fixed, per page) of one engine from its full runs at every size measured (tiny, base, large): wall
    seconds, or CPU seconds with key="full_cpu".

    >>> engine_costs({"tiny": {"pages": 20, "full": 3.04}, "base": {"pages": 2000, "full": 7.0},
    ...               "large": {"pages": 20000, "full": 43.0}})
    (3.0, 0.002)
    >>> engine_costs({"base": {"pages": 2000, "full": 7.0}}) is None
    True
    """
    points = [(figures[size]["pages"], figures[size][key]) for size in ("tiny", "base", "large")
              if key in figures.get(size, {})]
    return fit_cost(points)


def side_by_side(by_engine: dict[str, dict]) -> list[str]:
    """The figures of every engine in columns, one row per measurement (blank where an engine was not measured).

    >>> print("\\n".join(side_by_side({"duckdb": {"base": {"pages": 2000, "floor": 2.0, "full": 5.0}},
    ...                                  "spark": {"base": {"pages": 2000, "floor": 2.0, "full": 25.0}}})))
    figure                                               duckdb      spark
    floor, 2000 pages                                    2.00 s     2.00 s
    full run, 2000 pages                                 5.00 s    25.00 s
    """
    rows: list[tuple[str, dict[str, str]]] = []

    def row(label: str, engine: str, text: str) -> None:
        for name, cells in rows:
            if name == label:
                cells[engine] = text
                return
        rows.append((label, {engine: text}))

    for engine, figures in by_engine.items():
        for size in ("tiny", "base", "large"):
            part = figures.get(size) or {}
            pages = part.get("pages")
            new = f"run with {part.get('new_pages')} new pages"
            for key, label, unit in (("floor", "floor", "s"), ("full", "full run", "s"),
                                     ("full_cpu", "full run CPU (all processes)", "s"), ("noop", "no-op re-run", "s"),
                                     ("noop_forced", "no-op through the job (--force)", "s"), ("new1pct", new, "s"),
                                     ("new1pct_cpu", f"{new} CPU", "s"), ("peak_bytes", "peak memory", "GB")):
                if key in part:
                    value = part[key] / 1e9 if unit == "GB" else part[key]
                    row(f"{label}, {pages} pages", engine, f"{value:.2f} {unit}")
            if "timeout" in part:
                row(f"full run, {pages} pages", engine, f"> {part['timeout']:.0f} s")
            if "new1pct" in part:
                row(f"1% new / full run, {pages} pages", engine, f"{part['new1pct'] / part['full']:.2f}")
        for key, what in (("full", ""), ("full_cpu", " CPU")):
            costs = engine_costs(figures, key)
            if costs:
                row(f"fixed{what} cost per run (fit)", engine, f"{costs[0]:.2f} s")
                row(f"{what.strip() or 'cost'} per page (fit)", engine, f"{costs[1] * 1000:.2f} ms")
    engines = list(by_engine)
    lines = [f"{'figure':<48} " + " ".join(f"{e:>10}" for e in engines)]
    lines += [f"{label:<48} " + " ".join(f"{cells.get(e, ''):>10}" for e in engines) for label, cells in rows]
    return lines


def goal_lines(figures: dict) -> list[str]:
    """The goals table of the DuckDB path: what each goal measured against its limit."""
    base = (figures.get("base") or {}).get("pages", "N")
    large = (figures.get("large") or {}).get("pages", "10N")
    lines = [f"{'goal (DuckDB path)':<62} {'measured':>9} {'limit':>7}  holds"]
    for name, value, limit, holds in evaluate(figures):
        what = GOALS[name][1].format(base=base, large=large)
        lines.append(f"{what:<62} {value:>9.2f} {limit:>7.2f}  {'yes' if holds else 'NO'}")
    for size in ("base", "large"):
        if "timeout" in (figures.get(size) or {}):
            lines.append(f"the full run at {figures[size]['pages']} pages did not finish in "
                         f"{figures[size]['timeout']:.0f} s: its goals were not measured  NO")
    return lines


def choice_lines(by_engine: dict[str, dict], reference: str = "duckdb") -> list[str]:
    """From which corpus size each engine is the better choice, from the fixed and per-page costs measured here.

    >>> choice_lines({"duckdb": {"base": {"pages": 2000, "full": 7.0}, "large": {"pages": 20000, "full": 43.0}},
    ...               "spark": {"base": {"pages": 2000, "full": 40.0}, "large": {"pages": 20000, "full": 112.0}}})
    ['spark: slower per page than duckdb (4.00 against 2.00 ms) and 29.0 s more to start: duckdb is the better choice at every size here']
    """
    ref = engine_costs(by_engine.get(reference) or {})
    lines = []
    for engine, figures in by_engine.items():
        costs = engine_costs(figures)
        if engine == reference or not (ref and costs):
            continue
        start = costs[0] - ref[0]
        pages = break_even(ref, costs)
        per_page = f"{costs[1] * 1000:.2f} against {ref[1] * 1000:.2f} ms"
        if pages is None and start < 0:
            below = -start / (costs[1] - ref[1]) if costs[1] > ref[1] else float("inf")
            lines.append(f"{engine}: {per_page} per page, {start:+.1f} s to start: the better choice below "
                         f"{below:,.0f} pages here")
        elif pages is None:
            lines.append(f"{engine}: slower per page than {reference} ({per_page}) and {start:.1f} s more to start: "
                         f"{reference} is the better choice at every size here")
        else:
            lines.append(f"{engine}: {per_page} per page, {start:+.1f} s to start: the better choice from "
                         f"{pages:,.0f} pages here")
    return lines
