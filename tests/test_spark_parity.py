"""The Spark engine builds the same warehouse as the DuckDB engine: every staging table and mart, row for row.

One raw folder (the sample pages, fixture pages and a few files written here: gzip, .jsonl, the same page under
two names, an empty and a binary file) is built once by the DuckDB engine (the CLI) and by the Spark engine in
two runs, the second after one file was added, so the incremental Spark build is compared with a full DuckDB
build. Skipped, with the reason, where pyspark or Java is missing; `.ci/run` installs Java so CI runs it.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import shutil
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -r requirements-spark.lock; make test does)")
if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
    pytest.skip("Spark needs Java and none is installed (.ci/run installs openjdk-17-jre-headless)",
                allow_module_level=True)

from pipelines.__main__ import main  # noqa: E402
from pipelines.modelling.modelgraph import Check, load_models, run_check  # noqa: E402
from pipelines.spark.checks import ChecksFailed, all_checks  # noqa: E402
from pipelines.spark.export import RAW_AND_STAGING, export_duckdb, exported_build, local_folder  # noqa: E402
from pipelines.spark.lake import Lake  # noqa: E402
from pipelines.spark.run import check_and_switch, run_spark  # noqa: E402
from pipelines.spark.session import spark_session  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
RUN_TIME_COLUMNS = {"ingested_at", "seen_at", "extracted_at", "mtime_ns"}  # when a run read or wrote, not what
ADDED_LATER = "fact_pages/worked_example_second_story.txt"  # its story joins an initiative of the first run's pages
TABLES = [*RAW_AND_STAGING, *((m.schema, m.name) for m in load_models())]
# Settings for a few kilobytes of data, where Spark's cost is planning and compiling, not computing: no generated
# code (interpreted expressions compile nothing), no adaptive re-planning, two partitions, no UI.
TEST_SESSION = {"spark.master": "local[2]", "spark.sql.shuffle.partitions": "2", "spark.default.parallelism": "2",
                "spark.ui.enabled": "false", "spark.sql.codegen.wholeStage": "false",
                "spark.sql.codegen.factoryMode": "NO_CODEGEN", "spark.sql.adaptive.enabled": "false"}


def _raw_folder(raw: Path) -> None:
    """Sample and fixture pages, plus the kinds of file ingest treats specially."""
    for source, folder in ((REPO / "samples" / "raw", "samples"), (FIXTURES / "fact_pages", "fact_pages")):
        shutil.copytree(source, raw / folder, ignore=shutil.ignore_patterns("*.yaml"))
    (raw / "html").mkdir()
    for name in ("jsonld_graph_section_related.html", "no_story.html"):  # related stories; an empty page
        shutil.copy(FIXTURES / "html" / name, raw / "html" / name)
    sample = sorted((raw / "samples").iterdir())[0]
    (raw / "copies").mkdir()
    shutil.copy(sample, raw / "copies" / "same_page_again.txt")  # one document, kept under its first name
    (raw / "copies" / "gzipped.txt.gz").write_bytes(gzip.compress((FIXTURES / "text" / "gov_press_release.txt").read_bytes()))
    lines = [{"url": "https://example.org/a", "text": sample.read_text(encoding="utf-8")},
             {"url": "https://example.org/b", "html": (FIXTURES / "html" / "opengraph_only.html").read_text(encoding="utf-8")},
             "not json"]
    (raw / "copies" / "scraper.jsonl").write_text("\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines))
    (raw / "copies" / "empty.txt").write_bytes(b"")
    (raw / "copies" / "binary.txt").write_bytes(random.Random(0).randbytes(2048))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The DuckDB engine's warehouse of the whole folder; the Spark engine's after two runs (one file added last)."""
    root = tmp_path_factory.mktemp("parity")
    raw = root / "raw"
    _raw_folder(raw)
    later = raw / ADDED_LATER
    held_back = later.read_bytes()
    later.unlink()
    spark = spark_session(TEST_SESSION)
    lake = str(root / "lake")
    first = run_spark(spark, str(raw), lake, checks=[])  # the checks run on the second build, compared with DuckDB's
    later.write_bytes(held_back)
    second = run_spark(spark, str(raw), lake)
    unchanged = run_spark(spark, str(raw), lake)  # nothing new: keeps the second build
    export_duckdb(local_folder(second.build_uri), root / "spark.duckdb")
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(root / "duckdb.duckdb")]) == 0
    return {"duckdb": root / "duckdb.duckdb", "spark": root / "spark.duckdb", "runs": (first, second),
            "unchanged": unchanged, "lake": Lake(spark, lake), "session": spark}


def _rows(path: Path, schema: str, table: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "select column_name from duckdb_columns() where database_name = current_database() and schema_name = ? "
            "and table_name = ? order by column_index", [schema, table]).fetchall() if r[0] not in RUN_TIME_COLUMNS]
        return con.execute(f"select {', '.join(names)} from {schema}.{table} order by all").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize(("schema", "table"), TABLES, ids=[f"{s}.{t}" for s, t in TABLES])
def test_spark_build_holds_the_rows_of_the_duckdb_build(builds, schema, table):
    duck, spark = _rows(builds["duckdb"], schema, table), _rows(builds["spark"], schema, table)
    assert len(spark) == len(duck)
    assert spark == duck


def test_the_folder_exercises_every_table(builds):
    con = duckdb.connect(str(builds["duckdb"]), read_only=True)
    statuses = dict(con.execute("select status, count(*) from staging.stg_documents group by all").fetchall())
    facts = con.execute("select count(*) from main.fact_initiative where source_count > 1").fetchone()[0]
    con.close()
    assert statuses.get("failed") and statuses.get("empty") and statuses["parsed"] > 15
    assert facts  # a target reported by two stories: the marts' merging is compared too


def test_second_run_reads_only_the_added_file(builds):
    first, second = builds["runs"]
    assert (first.files_read, second.files_read) == (first.files, 1)
    assert second.new_documents == 1 and 0 < second.stories_extracted < first.stories_extracted


def test_current_names_the_second_build_and_keeps_the_first(builds):
    first, second = builds["runs"]
    lake = builds["lake"]
    assert lake.current_build() == second.build_id
    assert lake.manifest(second.build_id)["batches"] == [first.build_id, second.build_id]
    assert lake.children(lake.path("builds")) == [first.build_id, second.build_id]


def test_a_run_with_nothing_new_keeps_the_current_build(builds):
    first, second = builds["runs"]
    unchanged, lake = builds["unchanged"], builds["lake"]
    assert unchanged.nothing_new and unchanged.build_id == second.build_id
    assert (unchanged.files_read, unchanged.marts, unchanged.checks) == (0, {}, [])
    assert lake.current_build() == second.build_id
    assert lake.children(lake.path("builds")) == [first.build_id, second.build_id]
    assert not second.nothing_new


def test_the_duckdb_file_names_the_build_it_was_written_from(builds):
    assert exported_build(builds["spark"]) == builds["runs"][1].build_id
    assert exported_build(builds["duckdb"]) is None


def test_spark_runs_every_check_of_the_duckdb_path_with_the_same_outcome(builds, tmp_path):
    second = builds["runs"][1]
    spark_outcomes = {o.check.name: o for o in second.checks}
    assert sorted(spark_outcomes) == sorted(c.name for c in all_checks())
    shutil.copy(builds["duckdb"], tmp_path / "checked.duckdb")  # run_check sets the schema search path
    con = duckdb.connect(str(tmp_path / "checked.duckdb"))
    try:
        duck = {c.name: run_check(con, c) for c in all_checks()}
    finally:
        con.close()
    for name, outcome in spark_outcomes.items():
        assert not outcome.detail.startswith("could not run"), (name, outcome.detail)
        if not outcome.check.warns:  # a @warn audit reads the latest batch, which differs between the two histories
            assert outcome.passed == duck[name][0], (name, outcome.detail, duck[name][1])
    assert all(o.passed for o in second.checks if o.check.blocking)


def test_a_failed_blocking_check_keeps_the_current_build_and_names_the_check(builds):
    first, second = builds["runs"]
    lake = builds["lake"]
    refused = "29991231T000000Z-refuse"
    lake.write_text(lake.path("builds", refused, "part"), "a build that must not become current")
    never_empty = Check("dim_date__refused_here", "dim_date", "audit", "select date_key from main.dim_date", True,
                        "a check that fails on any build")
    with pytest.raises(ChecksFailed) as failed:
        check_and_switch(builds["session"], lake, refused, [never_empty], second.build_id, {"batches": []})
    line = str(failed.value)
    assert "dim_date__refused_here" in line and f"the current build {second.build_id} was kept" in line
    assert "\n" not in line and failed.value.exit_code == 1
    assert lake.current_build() == second.build_id
    assert lake.children(lake.path("builds")) == [first.build_id, second.build_id]
