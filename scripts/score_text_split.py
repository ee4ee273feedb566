"""Score the text parser straight on a split's text dumps: the fast loop while tuning.

The official figures come from `python -m pipelines run` and ../shared/eval/score_html.py; this
reads the same files through the same reader and parse_document, and scores with that scorer's
own functions, so the figures agree without building a warehouse.

    python -m scripts.score_text_split /tmp/splits/tune --scorer ../shared/eval/score_html.py [--show 0002,0005] [--worst 10]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

from pipelines.ingest.reader import read_file
from pipelines.parse.page import parse_document

def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_html", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main_stories(text_dir: Path) -> dict[str, object]:
    """Page id -> its main story (None when the page gave none)."""
    found = {}
    for path in sorted(text_dir.glob("*.txt")):
        doc = read_file(path, text_dir)[0]
        stories, _, _ = parse_document(doc)
        found[path.stem] = stories[0] if stories else None
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="a folder holding text/ and ground-truth.json")
    ap.add_argument("--scorer", type=Path, required=True, help="../shared/eval/score_html.py")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--show", default="", help="comma-separated page ids to print")
    args = ap.parse_args()
    score = _scorer(args.scorer)
    truth = json.loads((args.split / "ground-truth.json").read_text())
    stories = main_stories(args.split / "text")
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
    for tp, key in sorted(per_page)[: args.worst]:
        print(f"  low {key} {tp:.2f} {truth[key]['page_type']}")
    for key in filter(None, args.show.split(",")):
        item, story = truth[key], stories.get(key)
        print(f"--- {key} {item['page_type']}\n truth: {item['title']!r} {item['publish_date']} {item['author']!r}")
        if story:
            print(f" got:   {story.title!r} {story.published_at} {story.author!r}\n body: {story.body[:600]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
