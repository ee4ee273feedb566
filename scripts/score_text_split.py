"""Score the parser straight on a split's text dumps (or, with --html, its saved HTML): the fast loop while tuning.

The official figures come from `python -m pipelines run` and ../shared/eval/score_html.py; this
reads the same files through the same reader and parse_document, and scores with that scorer's
own functions, so the figures agree without building a warehouse.

    python -m scripts.score_text_split /tmp/splits/tune --scorer ../shared/eval/score_html.py [--show 0002,0005] [--worst 10]
    python -m scripts.score_text_split /tmp/splits/tune --html --compare --cpu --scorer ../shared/eval/score_html.py

--compare scores trafilatura.extract on the same HTML (as the scorer's --compare does); --cpu prints the
CPU time parse_document took per page (run from another checkout, with PYTHONPATH=., to compare code).
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import time
from pathlib import Path

from pipelines.ingest.reader import read_file
from pipelines.parse.page import parse_document


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_html", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_files(split: Path, html: bool) -> list[Path]:
    """The split's saved pages (raw/*.html.gz) or text dumps (text/*.txt), in id order."""
    return sorted((split / "raw").glob("*.html*")) if html else sorted((split / "text").glob("*.txt"))


def main_stories(files: list[Path], rounds: int = 1) -> tuple[dict[str, object], float]:
    """(page id -> its main story, None when the page gave none; CPU seconds parse_document took per round)."""
    found, cpu = {}, 0.0
    docs = [(path.name.split(".")[0], read_file(path, path.parent)[0]) for path in files]
    for _ in range(rounds):
        for key, doc in docs:
            start = time.process_time()
            stories, _, _ = parse_document(doc)
            cpu += time.process_time() - start
            found[key] = stories[0] if stories else None
    return found, cpu / rounds


def trafilatura_bodies(files: list[Path]) -> dict[str, str]:
    """trafilatura.extract's text of each page, as the scorer's --compare reads it."""
    import trafilatura
    return {path.name.split(".")[0]: trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
                                                          if path.suffix == ".gz" else path.read_text()) or ""
            for path in files}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="a folder holding text/, raw/ and ground-truth.json")
    ap.add_argument("--scorer", type=Path, required=True, help="../shared/eval/score_html.py")
    ap.add_argument("--html", action="store_true", help="read raw/*.html.gz instead of text/*.txt")
    ap.add_argument("--compare", action="store_true", help="also score trafilatura.extract on the HTML")
    ap.add_argument("--cpu", type=int, default=0, metavar="ROUNDS", help="print parse CPU ms a page (mean of ROUNDS)")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--show", default="", help="comma-separated page ids to print")
    args = ap.parse_args()
    score = _scorer(args.scorer)
    truth = json.loads((args.split / "ground-truth.json").read_text())
    files = page_files(args.split, args.html)
    stories, cpu = main_stories(files, max(1, args.cpu))
    counts, articles, meta, per_page = [], [], {}, []
    for key, item in sorted(truth.items()):
        story = stories.get(key)
        c = score.page_counts(item.get("articleBody", ""), story.body if story else "")
        counts.append(c)
        per_page.append((c[0], key))
        if item.get("page_type") == "article":
            articles.append(c)
        if story:
            day = story.published_at.date() if story.published_at else None
            meta[key] = (story.title, day, story.author)
    print("all:", score.summarize(counts), "no main story:", sum(1 for s in stories.values() if s is None))
    print("articles:", score.summarize(articles))
    print("metadata:", score.score_metadata(truth, meta))
    if args.cpu:
        print(f"parse CPU: {1000 * cpu / len(files):.1f} ms a page ({len(files)} pages, mean of {args.cpu} rounds)")
    if args.compare:
        theirs = trafilatura_bodies(page_files(args.split, True))
        tc = {key: score.page_counts(item.get("articleBody", ""), theirs.get(key, "")) for key, item in truth.items()}
        print("trafilatura all:", score.summarize(list(tc.values())))
        print("trafilatura articles:", score.summarize([tc[k] for k, i in truth.items() if i.get("page_type") == "article"]))
    for tp, key in sorted(per_page)[: args.worst]:
        print(f"  low {key} {tp:.2f} {truth[key].get('page_type')}")
    for key in filter(None, args.show.split(",")):
        item, story = truth[key], stories.get(key)
        print(f"--- {key} {item['page_type']}\n truth: {item['title']!r} {item['publish_date']} {item['author']!r}")
        if story:
            print(f" got:   {story.title!r} {story.published_at} {story.author!r}\n body: {story.body[:600]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
