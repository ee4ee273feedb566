"""The benchmark: the corpus it builds, its goals and tables on given figures, and one full run of 10 pages.

`make bench` measures; these tests only check that it builds the right pages, computes the right
ratios and can run the pipeline (one subprocess run, a few seconds).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipelines.bench.corpus import file_texts, floor_seconds, load_templates, parse_ms_per_page, write_corpus
from pipelines.bench.goals import choice_lines, evaluate, goal_lines, side_by_side
from pipelines.bench.pages import dress_html
from pipelines.bench.run import main, measure_size
from pipelines.bench.runner import ENGINES, RunTimeout, run_command, run_pipeline
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


def test_a_full_run_of_the_pipeline_is_measured(tmp_path: Path):
    templates = load_templates()
    figures = measure_size(10, tmp_path, templates, ["duckdb"], "tiny", floor_repeat=1)["duckdb"]
    assert figures["pages"] == 10 and figures["full"] > 0 and figures["peak_bytes"] > 0
    assert "documents: 10 parsed 10" in figures["summary"]
    assert "noop" not in figures and "new1pct" not in figures  # a tiny run is a full run only
    assert (tmp_path / "warehouse-10.duckdb").is_file()


def test_a_run_over_the_time_limit_is_stopped_and_reported(tmp_path: Path):
    write_corpus(tmp_path / "raw", load_templates(), 0, 2)
    with pytest.raises(RunTimeout, match="did not finish in") as stopped:
        run_pipeline("duckdb", tmp_path / "raw", tmp_path / "w.duckdb", {"DAGSTER_HOME": str(tmp_path)}, timeout=0.2)
    assert stopped.value.seconds >= 0.2
    assert not (tmp_path / "w.duckdb").exists()
    lines = goal_lines({"base": {"pages": 2000, "floor": 3.0, "full": 7.5}, "large": {"pages": 20000, "timeout": 3600}})
    assert lines[-1] == "the full run at 20000 pages did not finish in 3600 s: its goals were not measured  NO"
    assert "> 3600 s" in "\n".join(side_by_side({"duckdb": {"large": {"pages": 20000, "timeout": 3600}}}))


def test_new_pages_do_not_overwrite_the_corpus(tmp_path: Path):
    """The 1% new pages go to a folder of their own: the corpus's files (jsonl batches too) stay as they were."""
    templates = load_templates()
    write_corpus(tmp_path, templates, 0, 75)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    write_corpus(tmp_path / "increment", templates, 75, 80)
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p not in before}
    assert {p: p.read_bytes() for p in before} == before
    assert sum(len(file_texts(p)) for p in after) == 5


def test_goals_hold_or_not_from_the_figures():
    figures = {"base": {"pages": 2000, "floor": 3.0, "full": 7.5, "noop": 1.8, "peak_bytes": 4e8},
               "large": {"pages": 20000, "floor": 30.0, "full": 60.0, "new1pct": 5.0, "peak_bytes": 6e8},
               "html": {"pages": 2000, "pipeline": 8.0, "trafilatura": 10.0, "peak_bytes": 3e8}}
    assert {name: (round(value, 3), holds) for name, value, _, holds in evaluate(figures)} == {
        "full": (2.5, True), "noop": (0.6, False), "new1pct": (0.083, True), "scaling": (0.8, True),
        "memory_gb": (0.6, True), "html": (0.8, True)}
    lines = goal_lines(figures)
    assert any("1% new pages / full run (20000 pages)" in line and line.endswith("yes") for line in lines)
    assert any("no-op re-run / floor (2000 pages)" in line and line.endswith("NO") for line in lines)


def test_only_measured_goals_are_evaluated():
    assert evaluate({"base": {"pages": 20, "floor": 0.1, "full": 3.0}}) == [("full", 30.0, 3.0, False)]
    assert evaluate({}) == []


def test_engines_side_by_side_with_their_fixed_and_per_page_cost():
    duckdb = {"tiny": {"pages": 20, "floor": 0.01, "full": 3.04},
              "base": {"pages": 2000, "floor": 3.0, "full": 7.0, "noop": 1.8, "noop_forced": 2.9, "new_pages": 20,
                       "new1pct": 3.5},
              "large": {"pages": 20000, "floor": 30.0, "full": 43.0, "new_pages": 200, "new1pct": 4.0}}
    spark = {"base": {"pages": 2000, "floor": 3.0, "full": 22.0}, "large": {"pages": 20000, "floor": 30.0, "full": 40.0}}
    table = side_by_side({"duckdb": duckdb, "spark": spark})
    assert table[0].split() == ["figure", "duckdb", "spark"]
    rows = {line[:48].strip(): line[48:].split() for line in table[1:]}
    assert rows["full run, 2000 pages"] == ["7.00", "s", "22.00", "s"]
    assert rows["full run, 20 pages"] == ["3.04", "s"]  # Spark's tiny run was not measured: a blank cell
    assert rows["run with 200 new pages, 20000 pages"] == ["4.00", "s"]
    assert rows["fixed cost per run (fit)"] == ["3.00", "s", "20.00", "s"]
    assert rows["cost per page (fit)"] == ["2.00", "ms", "1.00", "ms"]
    assert choice_lines({"duckdb": duckdb, "spark": spark}) == [
        "spark: 1.00 against 2.00 ms per page, +17.0 s to start: the better choice from 17,000 pages here"]


def test_parse_cost_is_given_for_both_kinds_of_page():
    costs = parse_ms_per_page(load_templates(), pages=2, repeat=1)
    assert set(costs) == {"html", "text"} and all(ms > 0 for ms in costs.values())


def test_bad_sizes_end_in_one_line(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--pages", "0"])
    assert exit_.value.code == 2
    assert "--pages must be at least 1" in capsys.readouterr().err


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


def test_every_engine_is_run_with_arguments_the_command_line_accepts():
    from pipelines.__main__ import build_parser

    for engine in ENGINES:
        args = build_parser().parse_args(run_command(engine, Path("raw"), Path("w.duckdb"), force=True)[3:])
        assert (args.command, args.engine, args.force) == ("run", engine, True)
