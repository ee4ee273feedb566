"""The path BI tools take (SQLAlchemy with duckdb-engine, as Superset does), read-only, while a run publishes.

docs/bi.md gives the URIs tested here.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipelines.config import report_path
from pipelines.definitions import build_definitions

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "samples" / "raw").iterdir())


def engine(published: Path, style: str = "uri") -> sa.Engine:
    """A read-only engine on the warehouse: access_mode in the URI (Superset's 'SQLAlchemy URI') or in connect_args
    (Superset's 'Engine parameters'). NullPool: every checkout is a new DuckDB connection, as Superset uses it."""
    if style == "uri":
        return sa.create_engine(f"duckdb:///{published}?access_mode=read_only", poolclass=sa.pool.NullPool)
    return sa.create_engine(f"duckdb:///{published}", connect_args={"read_only": True}, poolclass=sa.pool.NullPool)


def counts(conn: sa.Connection) -> tuple[int, int]:
    """(documents, stories) after checking that staging and the marts agree (a half-built file would not)."""
    docs, raw_docs, stories, dim = conn.execute(sa.text(
        "select (select count(*) from staging.stg_documents), (select count(*) from raw.raw_documents), "
        "(select count(distinct story_key) from staging.stg_stories), (select count(*) from main.dim_story)")).one()
    assert docs == raw_docs and stories == dim, (docs, raw_docs, stories, dim)
    return docs, stories


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(raw folder, published warehouse) built from all sample pages but the last."""
    root = tmp_path_factory.mktemp("bi")
    (root / "raw").mkdir()
    for page in SAMPLES[:-1]:
        shutil.copy2(page, root / "raw" / page.name)
    result = build_definitions(root / "raw", root / "w.duckdb").resolve_job_def("build_warehouse").execute_in_process(
        raise_on_error=False)
    assert result.success
    return root / "raw", root / "w.duckdb"


@pytest.mark.parametrize("style", ["uri", "connect_args"])
def test_a_read_only_sqlalchemy_session_lists_schema_main_with_comments_and_cannot_write(built, style):
    _, published = built
    with engine(published, style).connect() as conn:
        inspector = sa.inspect(conn)
        assert {"fact_initiative", "dim_story", "dim_jurisdiction", "dim_company"} <= set(
            inspector.get_table_names(schema="main"))
        assert "target" in inspector.get_table_comment("fact_initiative", schema="main")["text"]
        assert conn.execute(sa.text("select current_setting('access_mode')")).scalar() == "read_only"
        with pytest.raises(sa.exc.DBAPIError, match="read-only"):
            conn.execute(sa.text("create table main.scratch (x integer)"))


# A BI server in its own process: a new read-only SQLAlchemy session every 50 ms, as dashboards refresh, until the
# stop file appears; prints the sessions that read a consistent warehouse and the errors met.
POLLER = """
import json, sys, time
from pathlib import Path
import sqlalchemy as sa
published, stop = sys.argv[1], Path(sys.argv[2])
engine = sa.create_engine(f"duckdb:///{published}?access_mode=read_only", poolclass=sa.pool.NullPool)
reads, problems, documents = 0, [], set()
while not stop.exists():
    try:
        with engine.connect() as conn:
            docs, raw_docs, stories, dim = conn.execute(sa.text(
                "select (select count(*) from staging.stg_documents), (select count(*) from raw.raw_documents), "
                "(select count(distinct story_key) from staging.stg_stories), (select count(*) from main.dim_story)")).one()
        if docs != raw_docs or stories != dim:
            problems.append(f"half-built: {docs} {raw_docs} {stories} {dim}")
        documents.add(docs)
        reads += 1
    except Exception as err:
        problems.append(repr(err))
    time.sleep(0.05)
print(json.dumps({"reads": reads, "problems": problems, "documents": sorted(documents)}))
"""


def test_sqlalchemy_readers_keep_working_while_a_run_publishes_and_a_new_session_sees_the_new_build(built, tmp_path):
    raw, published = built
    held = engine(published).connect()  # a BI session open for the whole run
    before = counts(held)
    stop = tmp_path / "stop"
    poller = subprocess.Popen([sys.executable, "-c", POLLER, str(published), str(stop)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    shutil.copy2(SAMPLES[-1], raw / SAMPLES[-1].name)
    try:
        run = subprocess.run([sys.executable, "-m", "pipelines", "run", "--raw-dir", str(raw), "--warehouse",
                              str(published)], cwd=REPO, capture_output=True, text=True, timeout=300)
        time.sleep(1.0)  # the poller reads the published build too
    finally:
        stop.touch()
        out, err = poller.communicate(timeout=60)
    assert run.returncode == 0, run.stderr  # the readers took no lock the run needed
    assert "published" in run.stdout
    assert f"report: {report_path(published)}" in run.stdout.splitlines()  # the summary names the analyst report
    polled = json.loads(out)
    assert polled["problems"] == [] and polled["reads"] > 0, (polled, err)
    assert polled["documents"][-1] == before[0] + 1  # the other process's next session read the new build
    assert counts(held) == before  # the session open all through the run still reads the build it opened
    held.close()  # in one process DuckDB shares an open file: a session opened once all are closed reads the new one
    with engine(published).connect() as conn:
        assert counts(conn)[0] == before[0] + 1
