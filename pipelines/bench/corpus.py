"""The benchmark's corpus: pages written for the project, each copy a new document and a new story.

The templates are tests/fixtures/html, tests/fixtures/text and samples/raw; each copy gets a unique
headline suffix and a unique sentence in its body. Half the pages are HTML, dressed in the furniture
of a real news site (pages.py: ~110 KB and 40 scripts a page), half are text dumps. One page in ten is
gzipped, one in ten is a line of a .jsonl file. The floor is reading every file once, decompressing,
decoding and tokenising it (`re.findall(r"\\w+", text)`), nothing more.
"""
from __future__ import annotations

import gzip
import json
import os
import re
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


def parse_ms_per_page(templates: list[Template], pages: int = 200, repeat: int = 3) -> dict[str, float]:
    """CPU milliseconds `parse_document` takes per page in this process, for dressed HTML pages and for text dumps.

    The same `pages` corpus pages of each kind every time (pages in memory, best of `repeat`), so two
    checkouts of the code can be compared on the same pages. CPU time, not wall time: on a shared
    machine the wall time also counts the time other processes held the core.
    """
    html = [t for t in templates if t.is_html]
    text = [t for t in templates if not t.is_html]
    costs = {}
    for kind, chosen in (("html", html), ("text", text)):
        if not chosen:
            continue
        docs = [RawDocument(f"page-{i}", f"page-{i}", kind, len(page), text=page, is_html=kind == "html")
                for i in range(pages) for page in [page_text(chosen, 2 * i)[1]]]
        best = float("inf")
        for _ in range(repeat):
            started = time.process_time()
            for doc in docs:
                parse_document(doc)
            best = min(best, time.process_time() - started)
        costs[kind] = 1000 * best / pages
    return costs
