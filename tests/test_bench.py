"""The benchmark on a tiny corpus: the corpus it builds, and one short end-to-end run."""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipelines.bench.run import file_texts, floor_seconds, load_templates, main, write_corpus
from pipelines.bench.pages import dress_html
from pipelines.parse.page import parse_document
from pipelines.records import RawDocument


def test_corpus_pages_are_unique_and_mixed(tmp_path: Path):
    templates = load_templates()
    assert any(t.is_html for t in templates) and any(not t.is_html for t in templates)
    files = write_corpus(tmp_path, templates, 0, 60)
    names = [p.name for p in tmp_path.rglob("*") if p.is_file()]
    assert len(names) == files
    assert any(n.endswith(".gz") for n in names) and any(n.endswith(".jsonl") for n in names)
    assert any(n.endswith(".html") for n in names) and any(n.endswith(".txt") for n in names)
    pages = [text for p in tmp_path.rglob("*") if p.is_file() for text in file_texts(p)]
    assert len(pages) == 60
    assert len({hashlib.sha256(p.encode()).hexdigest() for p in pages}) == 60  # every page a new document
    seconds, counted, tokens = floor_seconds(tmp_path, repeat=1)
    assert counted == 60 and tokens > 1000 and seconds > 0


def test_bench_runs_end_to_end(tmp_path: Path, capsys):
    assert main(["--pages", "20", "--no-double", "--no-html", "--out", str(tmp_path / "bench")]) == 0
    out = capsys.readouterr().out
    assert "full run / floor" in out and "no-op re-run / floor" in out and "run with 1% new pages / floor" in out
    assert "documents: 20 parsed 20" in out
    assert "peak memory" in out


def test_both_kinds_of_page_come_gzipped_and_in_jsonl(tmp_path: Path):
    write_corpus(tmp_path, load_templates(), 0, 40)
    for pattern in ("*.gz", "*.jsonl"):
        texts = [text for p in tmp_path.rglob(pattern) for text in file_texts(p)]
        assert any(t.lstrip().startswith("<") for t in texts) and any(not t.lstrip().startswith("<") for t in texts)


def test_site_furniture_leaves_the_main_story_as_it_was():
    """A fixture dressed as a real site's page (mega-menu, scripts, app state, rails, footer) parses to the same
    main story: the furniture adds bytes to read, not text to the story."""
    for template in (t for t in load_templates() if t.is_html):
        def main_story(html: str):
            stories, status, _ = parse_document(RawDocument(template.name, template.name, "html", len(html),
                                                            text=html, is_html=True))
            assert status == "parsed"
            return next((s.title, s.body, s.published_at, s.author) for s in stories if s.role == "main")

        dressed = dress_html(template.text, 11)
        assert len(dressed) > 80_000
        assert main_story(dressed) == main_story(template.text), template.name


def test_site_furniture_alone_is_no_story():
    """A 404 page dressed as a real site's page: its top bar's links ('Sign in') are not a story body."""
    page = (Path(__file__).parent / "fixtures" / "html" / "no_story.html").read_text(encoding="utf-8")
    dressed = dress_html(page, 3)
    stories, status, error = parse_document(RawDocument("404.html", "404.html", "html", len(dressed), text=dressed,
                                                        is_html=True))
    assert (stories, status) == ([], "empty") and "no running text" in error
