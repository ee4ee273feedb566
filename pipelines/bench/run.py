"""Throughput benchmark: the pipeline against the floor of reading the same pages once, on one engine or two.

    python -m pipelines.bench                        # DuckDB path: 20, 2,000 and 20,000 pages (~5 minutes)
    python -m pipelines.bench --engine spark         # the Spark engine beside it, on the same pages
    python -m pipelines.bench --pages 200 --large 0 --out /tmp/bench   # smaller, keep the corpus and warehouses

Each engine runs `python -m pipelines run [--engine spark]` in a subprocess (start-up and imports
count) on the same corpus (corpus.py): a tiny run (its start-up, measured directly), a full run, a
no-op re-run and a run with 1% new pages at the base size (default 2,000) and at the large size
(default 10× the base), then the DuckDB path on HTML pages against trafilatura.extract alone. The
full runs at the two sizes give each engine's fixed cost per run and its cost per page (goals.py).
Goals are ratios measured in one run, of the DuckDB path; missed goals are printed, not fatal
(the exit status is non-zero only on errors).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pipelines.bench.corpus import (Template, file_texts, floor_seconds, load_templates, page_text, parse_ms_per_page,
                                    write_corpus)
from pipelines.bench.goals import choice_lines, goal_lines, side_by_side
from pipelines.bench.runner import ENGINES, RunTimeout, run_pipeline


def warehouse_path(out: Path, engine: str, label: str) -> Path:
    """The DuckDB file an engine's run on corpus `label` publishes (the Spark engine keeps its Parquet beside it)."""
    return out / (f"warehouse-{label}.duckdb" if engine == "duckdb" else f"warehouse-{engine}-{label}.duckdb")


def measure_engine(engine: str, raw: Path, out: Path, label: str, pages: int, templates: list[Template],
                   incremental: bool, timeout: float | None = None) -> dict:
    """One engine on the corpus in `raw`: a full run, and when incremental a no-op re-run and a run with 1% new pages.

    The new pages go to a folder of their own under `raw`, removed afterwards, so the next engine
    gets the same corpus. A full run longer than `timeout` is stopped and recorded as such.
    """
    warehouse = warehouse_path(out, engine, label)
    env = {"DAGSTER_HOME": str(out / "dagster")}  # the runs' own Dagster instance, not the user's run history
    try:
        full = run_pipeline(engine, raw, warehouse, env, timeout=timeout)
    except RunTimeout as stopped:
        print(f"[{engine} {label}] full run: stopped after {stopped.seconds:.0f} s (--timeout)", flush=True)
        return {"pages": pages, "timeout": stopped.seconds}
    print(f"[{engine} {label}] full run: {full.seconds:.2f} s ({pages / full.seconds:.0f} pages/s; CPU "
          f"{full.cpu_seconds:.2f} s), peak tree memory {full.peak_tree_bytes / 2**20:.0f} MiB PSS "
          f"(largest process RSS {full.peak_process_bytes / 2**20:.0f} MiB)", flush=True)
    figures = {"pages": pages, "full": full.seconds, "full_cpu": full.cpu_seconds, "peak_bytes": full.peak_tree_bytes,
               "summary": full.output.strip()}
    if not incremental:
        return figures
    noop = run_pipeline(engine, raw, warehouse, env)
    figures.update(noop=noop.seconds)
    if engine == "duckdb":  # the same no-op through the whole Dagster job: the fixed cost of a run that does work
        forced = run_pipeline(engine, raw, warehouse, env, force=True)
        figures.update(noop_forced=forced.seconds)
    new = max(1, pages // 100)
    increment = raw / "increment"
    write_corpus(increment, templates, pages, pages + new)
    try:
        grown = run_pipeline(engine, raw, warehouse, env)
    finally:
        shutil.rmtree(increment)
    print(f"[{engine} {label}] no-op re-run: {noop.seconds:.2f} s (CPU {noop.cpu_seconds:.2f} s)"
          + (f"; through the job (--force): {figures['noop_forced']:.2f} s" if "noop_forced" in figures else "")
          + f"; run with {new} new pages: {grown.seconds:.2f} s (CPU {grown.cpu_seconds:.2f} s)", flush=True)
    figures.update(new_pages=new, new1pct=grown.seconds, new1pct_cpu=grown.cpu_seconds,
                   peak_bytes=max(full.peak_tree_bytes, noop.peak_tree_bytes, grown.peak_tree_bytes))
    return figures


def measure_size(pages: int, out: Path, templates: list[Template], engines: list[str], size: str,
                 floor_repeat: int = 3, timeout: float | None = None) -> dict[str, dict]:
    """The corpus of `pages` pages, its floor, and every engine on it: {engine: figures}."""
    raw = out / f"raw-{pages}"
    started = time.perf_counter()
    files = write_corpus(raw, templates, 0, pages)
    floor, floor_pages, tokens = floor_seconds(raw, floor_repeat)
    print(f"[{size} {pages}] corpus: {floor_pages} pages in {files} files, {tokens} tokens (written in "
          f"{time.perf_counter() - started:.1f} s); floor {floor:.3f} s; load {_load()}", flush=True)
    incremental = size != "tiny"
    found = {}
    for engine in engines:
        figures = measure_engine(engine, raw, out, str(pages), floor_pages, templates, incremental, timeout)
        found[engine] = {"floor": floor, "files": files, **figures}
    return found


def measure_html(pages: int, out: Path, templates: list[Template]) -> dict:
    """The DuckDB path over HTML pages only against trafilatura.extract alone on the same pages."""
    html = [t for t in templates if t.is_html]
    raw = out / "raw-html"
    for i in range(pages):  # plain .html files, so both sides read the same bytes
        folder = raw / f"part-{i // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{i:06d}.html").write_text(page_text(html, 2 * i)[1], encoding="utf-8")
    run = run_pipeline("duckdb", raw, out / "warehouse-html.duckdb", {"DAGSTER_HOME": str(out / "dagster")})
    traf, n = trafilatura_seconds(raw)
    print(f"[html] {n} pages: pipeline {run.seconds:.2f} s, trafilatura.extract alone {traf:.2f} s", flush=True)
    return {"pages": n, "pipeline": run.seconds, "trafilatura": traf, "peak_bytes": run.peak_tree_bytes}


def trafilatura_seconds(raw_dir: Path) -> tuple[float, int]:
    """Seconds for trafilatura.extract alone over every HTML page under raw_dir (one process), and pages."""
    import trafilatura

    pages = [text for root, _, names in os.walk(raw_dir) for name in names
             for text in file_texts(Path(root) / name)]
    started = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    return time.perf_counter() - started, len(pages)


def _load() -> str:
    """The machine's load averages (1, 5, 15 minutes): the benchmark shares the machine."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m pipelines.bench", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--engine", choices=list(ENGINES), default="duckdb",
                        help="duckdb (default): the DuckDB path alone; spark: the Spark engine beside it")
    parser.add_argument("--pages", type=int, default=2000, help="pages in the base corpus (default 2000)")
    parser.add_argument("--large", type=int, help="pages in the large corpus (default 10× --pages; 0 skips it)")
    parser.add_argument("--tiny", type=int, default=20, help="pages of the start-up run (default 20; 0 skips it)")
    parser.add_argument("--out", help="folder for the corpus and warehouses (default: a temporary folder, removed)")
    parser.add_argument("--timeout", type=float, default=3600,
                        help="seconds a full run may take before it is stopped and reported (default 3600)")
    parser.add_argument("--no-html", action="store_true", help="skip the HTML comparison with trafilatura")
    args = parser.parse_args(argv)
    args.large = 10 * args.pages if args.large is None else args.large
    if args.pages < 1 or args.large < 0 or args.tiny < 0:
        parser.error("--pages must be at least 1, --large and --tiny at least 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    engines = ["duckdb"] + ([args.engine] if args.engine != "duckdb" else [])
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="pipelines-bench-"))
    if out.exists() and any(out.iterdir()):
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    by_engine: dict[str, dict] = {engine: {} for engine in engines}
    try:
        templates = load_templates()
        print(f"templates: {len(templates)} pages ({sum(t.is_html for t in templates)} HTML); engines: "
              f"{', '.join(engines)}; workers: {os.environ.get('PIPELINE_WORKERS') or os.cpu_count()}", flush=True)
        parse = parse_ms_per_page(templates)
        print("parse cost per page, CPU in one process: " + ", ".join(f"{kind} {ms:.2f} ms" for kind, ms in parse.items()),
              flush=True)
        sizes = [("tiny", args.tiny), ("base", args.pages), ("large", args.large)]
        for size, pages in sizes:
            if pages:
                for engine, figures in measure_size(pages, out, templates, engines, size,
                                                    1 if size == "large" else 3, args.timeout).items():
                    by_engine[engine][size] = figures
        if not args.no_html:
            by_engine["duckdb"]["html"] = measure_html(args.pages, out, templates)
    except Exception as exc:  # noqa: BLE001 - one clear message, non-zero exit
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)
    summary = by_engine["duckdb"].get("base", {}).get("summary")
    if summary:
        print(f"\nsummary of the DuckDB full run at {args.pages} pages:\n{summary}\n")
    print("\n".join(side_by_side(by_engine)))
    print("\n".join(["", *choice_lines(by_engine), "", *goal_lines(by_engine["duckdb"])]))
    print(f"load after: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
