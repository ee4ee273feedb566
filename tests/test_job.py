"""The whole Dagster job through the CLI on a small raw folder: published rows, quarantine, re-runs, new files."""
from __future__ import annotations

import random
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.__main__ import main
from pipelines.definitions import build_definitions

COINNESS_PAGE = """Top

Shenzhen district sets up 5 billion yuan fund for industrial robots

Policy & Regulation·April 9, 2024, 11:20 AM

The Nanshan district government in Shenzhen has set up a fund of 5 billion yuan to support makers of industrial robots, according to a notice published on Tuesday.

https://asset.coinness.com/en/news/5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e.webp
Photo by Wen Chao on Unsplash

Who can apply

Companies must be registered in the district and spend at least a tenth of their revenue on research. The district aims to attract 50 robot makers by 2026.

More to Read
View All
Markets·

Mar 28, 2024

Hangzhou opens a testing ground for delivery drones

Hangzhou opens a testing ground for delivery dronesHangzhou has opened a testing ground where companies can fly delivery drones over a closed area of farmland.Photo by Lu Ming on UnsplashSafety firstThe city said every flight will be recorded and checked by inspectors.

news
Loading
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Busan port trials hydrogen trucks | Harbour Ledger</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/ports">Ports</a></nav>
<article>
<h1>Busan port trials hydrogen trucks</h1>
<p class="byline">By Mina Cho</p>
<time datetime="2024-05-14">May 14, 2024</time>
<p>The port of Busan has started a three-month trial of hydrogen-powered trucks that move containers between its terminals.</p>
<p>Port officials said the trial would decide whether to replace 200 diesel trucks by 2027.</p>
</article>
<footer>© 2024 Harbour Ledger</footer>
</body></html>
"""

NEW_PAGE = """Harbour council approves a second ferry pier

Published: 2024-06-02

The harbour council in Wuhan approved a second ferry pier on Monday after residents complained about long queues at the old one.

Construction will start in the autumn and should take eighteen months.
"""

MAIN_TITLES = {"Shenzhen district sets up 5 billion yuan fund for industrial robots", "Busan port trials hydrogen trucks"}


def _snapshot(published: Path) -> dict:
    """Rows that must not change when nothing in the raw folder changed."""
    con = duckdb.connect(str(published), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "documents": q("select document_id, source_file, source_format, status, error, story_count "
                           "from staging.stg_documents order by source_file"),
            "stories": q("select story_key, document_id, source_file, position, role, title, category, published_at, "
                         "author, body from staging.stg_stories order by source_file, position"),
            "mentions": q("select story_key, entity_type, entity_name, char_start, char_end "
                          "from staging.stg_entity_mentions order by all"),
            "targets": q("select story_key, metric, target_value, unit, target_year from staging.stg_targets order by all"),
            "tables": {(s, t) for s, t in q("select table_schema, table_name from information_schema.tables")},
            "initiatives": q("select * from main.fact_initiative order by all"),
            "dim_story": q("select * from main.dim_story order by all"),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Three CLI runs on one raw folder: first, again unchanged, then after adding a file."""
    root = tmp_path_factory.mktemp("job")
    raw, published = root / "raw", root / "out" / "warehouse.duckdb"
    (raw / "site").mkdir(parents=True)
    (raw / "site" / "robots_fund.txt").write_text(COINNESS_PAGE, encoding="utf-8")
    (raw / "busan_trucks.html").write_text(HTML_PAGE, encoding="utf-8")
    (raw / "broken.txt").write_bytes(random.Random(0).randbytes(4096))
    args = ["run", "--raw-dir", str(raw), "--warehouse", str(published)]
    codes, snaps = [], []
    codes.append(main(args))
    snaps.append(_snapshot(published))
    codes.append(main(args))
    snaps.append(_snapshot(published))
    (raw / "ferry_pier.txt").write_text(NEW_PAGE, encoding="utf-8")
    codes.append(main(args))
    snaps.append(_snapshot(published))
    return {"codes": codes, "snaps": snaps, "published": published, "raw": raw}


def test_every_run_exits_zero(runs):
    assert runs["codes"] == [0, 0, 0]
    assert runs["published"].exists()
    assert not list(runs["published"].parent.glob(".*publishing*"))


def test_documents_and_the_quarantined_file(runs):
    docs = {row[1]: row for row in runs["snaps"][0]["documents"]}
    assert sorted(docs) == ["broken.txt", "busan_trucks.html", "site/robots_fund.txt"]
    assert docs["site/robots_fund.txt"][3:] == ("parsed", None, 2)
    assert docs["busan_trucks.html"][2:5] == ("html", "parsed", None)
    _, _, fmt, status, error, count = docs["broken.txt"]
    assert (status, count) == ("failed", 0)
    assert error and error[0].isupper() and error.endswith(".") and "binary" in error


def test_main_and_related_stories(runs):
    stories = runs["snaps"][0]["stories"]
    rows = {(r[2], r[3]): r for r in stories}
    assert sorted(rows) == [("busan_trucks.html", 0), ("site/robots_fund.txt", 0), ("site/robots_fund.txt", 1)]
    _, _, _, _, role, title, category, published_at, _, body = rows[("site/robots_fund.txt", 0)]
    assert (role, title, category) == ("main", "Shenzhen district sets up 5 billion yuan fund for industrial robots",
                                       "Policy & Regulation")
    assert published_at.strftime("%Y-%m-%d %H:%M") == "2024-04-09 11:20"
    assert "The Nanshan district government in Shenzhen has set up a fund" in body
    for junk in ("Unsplash", "Wen Chao", ".webp", "Hangzhou", "More to Read", "Loading"):
        assert junk not in body
    _, _, _, _, role, title, category, published_at, _, body = rows[("site/robots_fund.txt", 1)]
    assert (role, title, category) == ("related", "Hangzhou opens a testing ground for delivery drones", "Markets")
    assert published_at.strftime("%Y-%m-%d") == "2024-03-28"
    assert body.startswith("Hangzhou has opened a testing ground") and "Lu Ming" not in body
    _, _, _, _, role, title, _, published_at, author, body = rows[("busan_trucks.html", 0)]
    assert (role, title) == ("main", "Busan port trials hydrogen trucks")
    assert published_at.strftime("%Y-%m-%d") == "2024-05-14"
    assert "replace 200 diesel trucks by 2027" in body and "Harbour Ledger" not in body
    keys = [r[0] for r in stories]
    assert len(set(keys)) == len(keys) and all(keys)


def test_extraction_tables_and_marts_exist(runs):
    snap = runs["snaps"][0]
    for table in [("staging", "stg_entity_mentions"), ("staging", "stg_targets"), ("staging", "stg_extractions"),
                  ("staging", "ref_jurisdictions"), ("staging", "ref_companies"), ("raw", "raw_documents"),
                  ("raw", "raw_files"), ("main", "dim_date"), ("main", "dim_jurisdiction"), ("main", "dim_company"),
                  ("main", "dim_story"), ("main", "fact_initiative"), ("main", "fact_mention"),
                  ("main", "bridge_initiative_story"), ("main", "bridge_initiative_company")]:
        assert table in snap["tables"], table
    story_keys = {r[0] for r in snap["stories"]}
    assert {r[0] for r in snap["mentions"]} <= story_keys
    assert {r[0] for r in snap["targets"]} <= story_keys
    assert any(r[1] == "jurisdiction" for r in snap["mentions"])  # Shenzhen, Busan, Hangzhou are named
    assert len(snap["dim_story"]) == len(story_keys)


def test_second_run_changes_nothing(runs):
    first, second = runs["snaps"][0], runs["snaps"][1]
    for name in ("documents", "stories", "mentions", "targets", "initiatives", "dim_story"):
        assert second[name] == first[name], name


def test_added_file_adds_its_rows_and_keeps_the_rest(runs):
    before, after = runs["snaps"][1], runs["snaps"][2]
    assert set(before["documents"]) < set(after["documents"])
    new_docs = [d for d in after["documents"] if d not in before["documents"]]
    assert [(d[1], d[3], d[5]) for d in new_docs] == [("ferry_pier.txt", "parsed", 1)]
    new_stories = [s for s in after["stories"] if s not in before["stories"]]
    assert [(s[2], s[4], s[5]) for s in new_stories] == [("ferry_pier.txt", "main", "Harbour council approves a second ferry pier")]
    assert new_stories[0][7].strftime("%Y-%m-%d") == "2024-06-02"
    assert set(before["stories"]) <= set(after["stories"])
    assert {r[0] for r in before["stories"]} < {r[0] for r in after["stories"]}


def test_build_definitions_loads_every_asset(tmp_path):
    defs = build_definitions(tmp_path / "raw", tmp_path / "w.duckdb")
    keys = {key.to_user_string() for key in defs.resolve_all_asset_keys()}
    for key in ("raw/raw_documents", "staging/stg_documents", "staging/stg_stories", "staging/stg_entity_mentions",
                "staging/stg_targets", "staging/ref_jurisdictions", "staging/ref_companies", "main/dim_story",
                "main/dim_date", "main/fact_initiative", "main/fact_mention", "published_warehouse"):
        assert key in keys, key
    job = defs.resolve_job_def("build_warehouse")
    assert isinstance(job, dg.JobDefinition)
    assert defs.resolve_asset_graph().asset_check_keys  # the marts carry checks


def test_missing_raw_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["run", "--raw-dir", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "--raw-dir" in err and "Traceback" not in err
