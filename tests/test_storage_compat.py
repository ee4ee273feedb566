"""The published warehouse opens in older DuckDB releases (PIPELINE_STORAGE_VERSION), read in their own environments.

`.ci/run` makes the side environments `.venv-readers/duckdb-<line>` (one `duckdb==<line>.*` wheel each); a test
whose environment is missing is skipped with the reason, never passed.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.config import DEFAULT_STORAGE_VERSION
from pipelines.definitions import build_definitions
from pipelines.orchestration.resources import prepare_build

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "raw"
DEFAULT_LINE = DEFAULT_STORAGE_VERSION.lstrip("v").rsplit(".", 1)[0]  # 'v1.5.0' -> '1.5'

# Every table with its rows and comment, and every column comment, as JSON: run by the reader under test
# (any DuckDB from 1.1 on) and by this DuckDB, on the same file.
READ_EVERYTHING = """
import duckdb, hashlib, json, sys
con = duckdb.connect(sys.argv[1], read_only=True)
out = {"version": duckdb.__version__, "tables": {}, "columns": {}}
for schema, table, comment in con.execute(
        "select schema_name, table_name, comment from duckdb_tables() where database_name = current_database() "
        "order by all").fetchall():
    rows = con.execute(f'select * from "{schema}"."{table}"').fetchall()
    digest = hashlib.sha256("\\n".join(sorted(map(repr, rows))).encode()).hexdigest()
    out["tables"][f"{schema}.{table}"] = [len(rows), digest, comment]
for schema, table, column, comment in con.execute(
        "select schema_name, table_name, column_name, comment from duckdb_columns() "
        "where database_name = current_database() order by all").fetchall():
    out["columns"][f"{schema}.{table}.{column}"] = comment
print(json.dumps(out))
"""


def reader(line: str) -> Path:
    """The Python of the side environment holding DuckDB `line`; skips the test (saying how to make it) when absent."""
    python = REPO / ".venv-readers" / f"duckdb-{line}" / "bin" / "python"
    if not python.exists():
        pytest.skip(f"no DuckDB {line} environment at {python.parent.parent} (`.ci/run` makes it: "
                    f"python -m venv {python.parent.parent} && its pip install 'duckdb=={line}.*')")
    return python


def read_everything(python: Path | str, warehouse: Path) -> dict:
    """READ_EVERYTHING run by `python` on the warehouse; fails with the reader's own error."""
    proc = subprocess.run([str(python), "-c", READ_EVERYTHING, str(warehouse)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr.strip().splitlines()[-3:]
    return json.loads(proc.stdout)


def build(raw: Path, published: Path) -> None:
    """One whole run of the job, as `python -m pipelines run` does."""
    result = build_definitions(raw, published).resolve_job_def("build_warehouse").execute_in_process(raise_on_error=False)
    assert result.success, [e.message for e in result.all_events if e.event_type_value == "STEP_FAILURE"]


def storage_tag(path: Path) -> str:
    """The storage format a DuckDB file is written in, as DuckDB tags it ('v1.5.0+')."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("attach ? as w (read_only)", [str(path)])
        return dict(con.execute("select tags from duckdb_databases() where database_name = 'w'").fetchone()[0])[
            "storage_version"]
    finally:
        con.close()


def assert_reads_like_this_duckdb(line: str, published: Path) -> None:
    """The reader of `line` reads every table (same rows) and every table and column comment this DuckDB reads."""
    older, here = read_everything(reader(line), published), read_everything(sys.executable, published)
    assert older["version"].startswith(line + ".")
    assert {"main.fact_initiative", "main.dim_story", "staging.stg_targets"} <= set(here["tables"])
    assert older["tables"] == here["tables"]
    assert older["columns"] == here["columns"]
    assert here["tables"]["main.fact_initiative"][2] and here["columns"]["main.fact_initiative.initiative_id"]


@pytest.fixture()
def raw(tmp_path) -> Path:
    """The sample pages, less one kept back for an incremental run (tmp_path/later)."""
    pages = sorted(SAMPLES.iterdir())
    (tmp_path / "raw").mkdir()
    (tmp_path / "later").mkdir()
    for page in pages[:-1]:
        shutil.copy(page, tmp_path / "raw" / page.name)
    shutil.copy(pages[-1], tmp_path / "later" / pages[-1].name)
    return tmp_path / "raw"


def test_the_default_line_reads_every_table_and_comment_after_a_first_and_an_incremental_run(raw, tmp_path,
                                                                                              monkeypatch):
    monkeypatch.delenv("PIPELINE_STORAGE_VERSION", raising=False)
    published = tmp_path / "w.duckdb"
    build(raw, published)
    assert storage_tag(published) == f"v{DEFAULT_LINE}.0+"
    assert_reads_like_this_duckdb(DEFAULT_LINE, published)
    for page in (tmp_path / "later").iterdir():
        shutil.copy(page, raw / page.name)
    build(raw, published)  # the build file is opened again and changed: it keeps its format
    assert storage_tag(published) == f"v{DEFAULT_LINE}.0+"
    assert_reads_like_this_duckdb(DEFAULT_LINE, published)


def test_duckdb_1_4_reads_every_table_and_comment_when_the_setting_names_it(raw, tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_STORAGE_VERSION", "1.4")
    published = tmp_path / "w.duckdb"
    build(raw, published)
    assert storage_tag(published) == "v1.4.0+"
    assert_reads_like_this_duckdb("1.4", published)


def test_a_build_file_in_a_newer_format_than_the_setting_is_started_afresh_and_an_older_one_kept(tmp_path):
    newer, older = tmp_path / "newer.duckdb", tmp_path / "older.duckdb"
    prepare_build(newer, "latest").close()
    prepare_build(older, "v1.4.0").close()
    for path in (newer, older):
        prepare_build(path, "v1.5.0").close()
    assert storage_tag(newer) == "v1.5.0+"  # DuckDB 1.5 could not read it: started afresh in the format asked for
    assert storage_tag(older) == "v1.4.0+"  # DuckDB 1.5 reads it: kept as it is


def test_a_storage_version_duckdb_does_not_know_ends_the_run_in_one_line(tmp_path, capsys, monkeypatch):
    from pipelines.__main__ import main

    monkeypatch.setenv("PIPELINE_STORAGE_VERSION", "v0.0.1")
    assert main(["run", "--raw-dir", str(SAMPLES), "--warehouse", str(tmp_path / "w.duckdb"), "--force"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: PIPELINE_STORAGE_VERSION=v0.0.1 is not a storage format")
    assert "set it to a DuckDB version such as" in err[0]
    assert not (tmp_path / "w.build.duckdb").exists()


def test_the_build_file_keeps_its_rows_in_small_row_groups_read_by_any_connection(tmp_path):
    from pipelines.orchestration.resources import ROW_GROUP_SIZE, build_cursor

    build = tmp_path / "w.build.duckdb"
    con = prepare_build(build, DEFAULT_STORAGE_VERSION)
    cursor = build_cursor(con, build)
    assert cursor.execute("select current_database()").fetchone()[0] == "w"  # unqualified names are the build file's
    cursor.execute(f"create table staging.grown as select range as k from range({2 * ROW_GROUP_SIZE + 5})")
    cursor.execute("checkpoint")
    groups = cursor.execute("select count(distinct row_group_id) from pragma_storage_info('staging.grown')").fetchone()[0]
    cursor.close()
    con.close()
    assert groups == 3  # not one group of DuckDB's default 122,880 rows, rewritten whole when rows are added
    assert duckdb.connect(str(build), read_only=True).execute("select count(*) from staging.grown").fetchone()[0] == \
        2 * ROW_GROUP_SIZE + 5
