"""Throughput benchmark: the pipeline against the floor of reading the same pages once.

    python -m pipelines.bench                      # 2,000 pages, then 4,000 (a few minutes)
    python -m pipelines.bench --pages 200 --out /tmp/bench

The corpus is made from pages written for the project (tests/fixtures/html, tests/fixtures/text,
samples/raw): each copy gets a unique headline suffix and a unique sentence in its body, so every
page is a new document and a new story. Half the pages are HTML, dressed in the furniture of a real
news site (pipelines/bench/pages.py: ~110 KB and 40 scripts a page, like the html-dev pages), half are
text dumps. One page in ten is gzipped, one in ten is a line of a .jsonl file. Every run is
`python -m pipelines run` in a subprocess, so start-up and imports count.

The floor is reading every file once, decompressing, decoding and tokenising it
(`re.findall(r"\\w+", text)`), nothing more, in this process. Goals are ratios measured in one
run; missed goals are printed, not fatal (the exit status is non-zero only on errors).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pipelines.bench.pages import dress_html
from pipelines.config import REPO_ROOT
from pipelines.parse.page import parse_document
from pipelines.records import RawDocument

TEMPLATE_DIRS = (REPO_ROOT / "tests" / "fixtures" / "html", REPO_ROOT / "tests" / "fixtures" / "text",
                 REPO_ROOT / "samples" / "raw")
# page i is gzipped when i % 20 is in GZ, a jsonl line when it is in JSONL: one in ten each, HTML and text alike
CYCLE, GZ, JSONL, JSONL_LINES = 20, (0, 5), (1, 6), 50
GOALS = {  # name: (limit, what the ratio is)
    "full": (3.0, "full run / floor"),
    "noop": (0.3, "no-op re-run / floor"),
    "new1pct": (0.4, "run with 1% new pages / floor"),
    "scaling": (2.2, "full run at 2N / full run at N"),
    "memory_gb": (1.5, "peak memory of the run's process tree (GB)"),
    "html": (1.0, "pipeline on HTML pages / trafilatura.extract on the same pages"),
}


@dataclass
class Template:
    """One fixture page and the strings to make a copy of it unique."""

    name: str
    text: str
    is_html: bool
    title: str | None
    anchor: str | None  # the start of the main body as written in the file


def load_templates(dirs=TEMPLATE_DIRS) -> list[Template]:
    """Fixture pages that hold a story, with their headline and body start.

    >>> len(load_templates()) >= 5
    True
    """
    found = []
    for folder in dirs:
        for path in sorted(Path(folder).glob("*")):
            if path.suffix not in (".html", ".txt"):
                continue
            text = path.read_text(encoding="utf-8")
            is_html = path.suffix == ".html"
            stories, status, _ = parse_document(RawDocument(path.name, path.name, path.suffix[1:], len(text),
                                                            text=text, is_html=is_html))
            if status != "parsed" or not stories[0].body:
                continue
            main = stories[0]
            title = main.title if main.title and main.title in text else None
            anchor = main.body[:40] if main.body[:40] in text else None
            found.append(Template(path.name, text, is_html, title, anchor))
    return found


def unique_page(template: Template, n: int) -> str:
    """A copy of a template that is a new document and a new story (headline and body carry `n`).

    >>> t = Template("a.txt", "Port opens\\n\\nThe port opened on Monday.", False, "Port opens", "The port")
    >>> unique_page(t, 7)
    'Port opens edition 7\\n\\nArchive copy 7 follows. The port opened on Monday.'
    """
    text = template.text
    if template.title:
        text = text.replace(template.title, f"{template.title} edition {n}")
    if template.anchor:
        text = text.replace(template.anchor, f"Archive copy {n} follows. {template.anchor}", 1)
    if not (template.title or template.anchor):
        text += f"\n<!-- copy {n} -->\n" if template.is_html else f"\n\nArchive copy {n}.\n"
    return text


def page_text(templates: list[Template], i: int) -> tuple[Template, str]:
    """Page i of the corpus: even pages are HTML, odd ones text, each unique; HTML is dressed as a real site's page.

    >>> t = [Template("a.txt", "Port opens\\n\\nThe port opened.", False, "Port opens", "The port"),
    ...      Template("b.html", "<h1>Dam</h1><p>The dam held.</p>", True, "Dam", "The dam")]
    >>> [(t.name, len(text) > 50_000) for t, text in (page_text(t, 0), page_text(t, 1))]
    [('b.html', True), ('a.txt', False)]
    """
    html = [t for t in templates if t.is_html]
    text = [t for t in templates if not t.is_html] or html
    chosen = (html or text)[i // 2 % len(html or text)] if i % 2 == 0 else text[i // 2 % len(text)]
    page = unique_page(chosen, i)
    return chosen, dress_html(page, i) if chosen.is_html else page


def write_corpus(raw_dir: Path, templates: list[Template], start: int, stop: int) -> int:
    """Write pages start..stop-1 under raw_dir (plain, .gz and .jsonl files); returns the files written."""
    files, jsonl = 0, {}
    for i in range(start, stop):
        t, page = page_text(templates, i)
        ext = "html" if t.is_html else "txt"
        folder = raw_dir / f"part-{i // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        if i % CYCLE in GZ:
            (folder / f"page-{i:06d}.{ext}.gz").write_bytes(gzip.compress(page.encode("utf-8"), 6))
            files += 1
        elif i % CYCLE in JSONL:
            line = {"url": f"https://bench.example/{i}", ("html" if t.is_html else "text"): page,
                    "fetched_at": "2024-05-01T00:00:00Z"}
            jsonl.setdefault(folder / f"batch-{i // JSONL_LINES:05d}.jsonl", []).append(json.dumps(line))
        else:
            (folder / f"page-{i:06d}.{ext}").write_text(page, encoding="utf-8")
            files += 1
    for path, lines in jsonl.items():
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files += 1
    return files


def file_texts(path: Path) -> list[str]:
    """The page texts a raw file holds: read, decompress, split jsonl, decode."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if ".jsonl" in path.suffixes:
        out = []
        for line in data.splitlines():
            if line.strip():
                obj = json.loads(line)
                out.append(obj.get("html") or obj.get("text") or "")
        return out
    return [data.decode("utf-8")]


def floor_seconds(raw_dir: Path, repeat: int = 3) -> tuple[float, int, int]:
    """(best seconds, pages, tokens) for reading, decompressing, decoding and tokenising every page once."""
    best, pages, tokens = float("inf"), 0, 0
    word = re.compile(r"\w+")
    for _ in range(repeat):
        started = time.perf_counter()
        pages = tokens = 0
        for root, _, names in os.walk(raw_dir):
            for name in names:
                for text in file_texts(Path(root) / name):
                    pages += 1
                    tokens += len(word.findall(text))
        best = min(best, time.perf_counter() - started)
    return best, pages, tokens


def _tree_memory(root: int) -> int:
    """Memory of a process and all its descendants now: the sum of their proportional set sizes (Linux; 0 elsewhere).

    PSS charges each page shared by n processes 1/n to each of them, so forked pool workers, which
    share most of their parent's pages, are not counted twice as a sum of RSS would count them.
    """
    children: dict[int, list[int]] = {}
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", "rb") as f:
                        ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
                    children.setdefault(ppid, []).append(int(entry))
                except (OSError, IndexError, ValueError):
                    continue
    except OSError:
        return 0
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        total += _pss(pid)
    return total


def _pss(pid: int) -> int:
    """Proportional set size of one process in bytes (0 when it is gone or the kernel does not say).

    >>> _pss(os.getpid()) > 0
    True
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


@dataclass
class RunResult:
    seconds: float
    cpu_seconds: float  # user + system time of the run's processes (pool workers included)
    peak_tree_bytes: int
    peak_process_bytes: int
    output: str


def run_pipeline(raw_dir: Path, warehouse: Path, env: dict | None = None, force: bool = False) -> RunResult:
    """`python -m pipelines run` in a subprocess: wall time, peak memory of its process tree, its summary."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipelines", "run", "--raw-dir", str(raw_dir),
                             "--warehouse", str(warehouse), *(["--force"] if force else [])],
                            cwd=REPO_ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, **(env or {})})
    peak, done = [0], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_memory(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"the pipeline run failed (exit {proc.returncode}):\n{output}")
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    return RunResult(seconds, cpu, peak[0], after.ru_maxrss * 1024, output)


def trafilatura_seconds(raw_dir: Path) -> tuple[float, int]:
    """Seconds for trafilatura.extract alone over every HTML page under raw_dir (one process), and pages."""
    import trafilatura

    pages = [text for root, _, names in os.walk(raw_dir) for name in names
             for text in file_texts(Path(root) / name)]
    started = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    return time.perf_counter() - started, len(pages)


def measure(pages: int, out: Path, templates: list[Template], label: str, incremental: bool) -> dict:
    """Floor, full run, and (when incremental) no-op re-run and a run with 1% new pages, for `pages` pages."""
    raw, warehouse = out / f"raw-{label}", out / f"warehouse-{label}.duckdb"
    files = write_corpus(raw, templates, 0, pages)
    floor, floor_pages, tokens = floor_seconds(raw)
    print(f"[{label}] corpus: {floor_pages} pages in {files} files, {tokens} tokens; floor {floor:.3f} s", flush=True)
    full = run_pipeline(raw, warehouse)
    print(f"[{label}] full run: {full.seconds:.2f} s ({floor_pages / full.seconds:.0f} pages/s; CPU "
          f"{full.cpu_seconds:.2f} s), peak tree memory "
          f"{full.peak_tree_bytes / 2**20:.0f} MiB PSS (largest process RSS {full.peak_process_bytes / 2**20:.0f} MiB)",
          flush=True)
    figures = {"pages": floor_pages, "files": files, "floor": floor, "full": full.seconds, "full_cpu": full.cpu_seconds,
               "pages_per_second": floor_pages / full.seconds, "peak_bytes": full.peak_tree_bytes,
               "summary": full.output.strip()}
    if incremental:
        noop = run_pipeline(raw, warehouse)
        forced = run_pipeline(raw, warehouse, force=True)  # the same no-op through the whole Dagster job
        print(f"[{label}] no-op run through the Dagster job (--force, not a goal): {forced.seconds:.2f} s", flush=True)
        new = max(1, pages // 100)
        write_corpus(raw, templates, pages, pages + new)
        grown = run_pipeline(raw, warehouse)
        print(f"[{label}] no-op re-run: {noop.seconds:.2f} s (CPU {noop.cpu_seconds:.2f} s); run with {new} new "
              f"pages: {grown.seconds:.2f} s (CPU {grown.cpu_seconds:.2f} s)", flush=True)
        figures.update(noop=noop.seconds, noop_forced=forced.seconds, new_pages=new, new1pct=grown.seconds,
                       peak_bytes=max(full.peak_tree_bytes, noop.peak_tree_bytes, grown.peak_tree_bytes))
    return figures


def measure_html(pages: int, out: Path, templates: list[Template]) -> dict:
    """The pipeline over HTML pages only against trafilatura.extract alone on the same pages."""
    html = [t for t in templates if t.is_html]
    raw = out / "raw-html"
    for i in range(pages):  # plain .html files, so both sides read the same bytes
        folder = raw / f"part-{i // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{i:06d}.html").write_text(page_text(html, 2 * i)[1], encoding="utf-8")
    run = run_pipeline(raw, out / "warehouse-html.duckdb")
    traf, n = trafilatura_seconds(raw)
    print(f"[html] {n} pages: pipeline {run.seconds:.2f} s, trafilatura.extract alone {traf:.2f} s", flush=True)
    return {"pages": n, "pipeline": run.seconds, "trafilatura": traf, "peak_bytes": run.peak_tree_bytes}


def report(base: dict, double: dict | None, html: dict | None) -> list[tuple[str, float, float, bool]]:
    """(goal, measured, limit, holds) for every goal that was measured."""
    ratios = {"full": base["full"] / base["floor"]}
    if "noop" in base:
        ratios["noop"] = base["noop"] / base["floor"]
        ratios["new1pct"] = base["new1pct"] / base["floor"]
    peaks = [base["peak_bytes"]]
    if double:
        ratios["scaling"] = double["full"] / base["full"]
        peaks.append(double["peak_bytes"])
    if html:
        ratios["html"] = html["pipeline"] / html["trafilatura"]
        peaks.append(html["peak_bytes"])
    ratios["memory_gb"] = max(peaks) / 1e9
    order = list(GOALS)
    return [(name, value, GOALS[name][0], value <= GOALS[name][0])
            for name, value in sorted(ratios.items(), key=lambda kv: order.index(kv[0]))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.bench", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--pages", type=int, default=2000, help="pages in the base corpus (default 2000)")
    parser.add_argument("--out", help="folder for the corpus and warehouses (default: a temporary folder, removed)")
    parser.add_argument("--no-double", action="store_true", help="skip the run at twice the pages")
    parser.add_argument("--no-html", action="store_true", help="skip the HTML comparison with trafilatura")
    args = parser.parse_args(argv)
    if args.pages < 1:
        print("error: --pages must be at least 1", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="pipelines-bench-"))
    if out.exists() and any(out.iterdir()):
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        templates = load_templates()
        print(f"templates: {len(templates)} pages ({sum(t.is_html for t in templates)} HTML); "
              f"workers: {os.environ.get('PIPELINE_WORKERS') or os.cpu_count()}", flush=True)
        base = measure(args.pages, out, templates, str(args.pages), incremental=True)
        double = None if args.no_double else measure(2 * args.pages, out, templates, str(2 * args.pages), False)
        html = None if args.no_html else measure_html(args.pages, out, templates)
    except Exception as exc:  # noqa: BLE001 - one clear message, non-zero exit
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)
    print(f"\nsummary of the full run at {args.pages} pages:\n{base['summary']}\n")
    print(f"{'goal':<52} {'measured':>9} {'limit':>7}  holds")
    for name, value, limit, holds in report(base, double, html):
        print(f"{GOALS[name][1]:<52} {value:>9.2f} {limit:>7.2f}  {'yes' if holds else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
