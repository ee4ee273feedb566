"""What a new user can do wrong, one test per case (issue 13): the published warehouse is never lost,
a run never blocks on a file, and every failure a user can cause ends in one line naming cause and fix.

Every case runs on temporary folders: a workspace built once (three pages) is copied for each test.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.__main__ import main
from pipelines.config import build_path
from pipelines.definitions import build_definitions

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "samples" / "raw").glob("*.txt"))


def write_pages(folder: Path, count: int) -> None:
    """`count` sample pages made unique by a last line."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"p{i:03d}.txt").write_text(SAMPLES[i % len(SAMPLES)].read_text() + f"\n\nEditor's note {i}.\n")


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def count(published: Path, sql: str) -> int:
    """One number from the published file, through a private read-only ATTACH."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("attach ? as w (read_only)", [str(published)])
        con.execute("use w")
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A workspace with four pages, built and published once: <dir>/raw, <dir>/w.duckdb, its build file."""
    root = tmp_path_factory.mktemp("built")
    write_pages(root / "raw", 4)
    assert main(["run", "--raw-dir", str(root / "raw"), "--warehouse", str(root / "w.duckdb")]) == 0
    return root


@pytest.fixture
def workspace(built, tmp_path) -> tuple[Path, Path]:
    """A copy of the built workspace (raw folder with mtimes kept, published and build files): (raw, published)."""
    shutil.copytree(built / "raw", tmp_path / "raw")
    for name in ("w.duckdb", "w.build.duckdb"):
        shutil.copy2(built / name, tmp_path / name)
    return tmp_path / "raw", tmp_path / "w.duckdb"


# ---------------------------------------------------------------- 1. an empty or shrunken raw folder

def test_an_empty_raw_folder_leaves_the_published_warehouse_as_it_was(workspace, tmp_path, capsys):
    raw, published = workspace
    before = sha256(published)
    (tmp_path / "empty").mkdir()
    assert main(["run", "--raw-dir", str(tmp_path / "empty"), "--warehouse", str(published)]) == 4
    err = capsys.readouterr().err
    assert "--allow-shrink" in last_line(err) and "0 files" in last_line(err) and "Traceback" not in err
    assert sha256(published) == before
    assert count(published, "select count(*) from raw.raw_files") == 4


def test_a_folder_that_lost_most_files_is_not_published(workspace, capsys):
    raw, published = workspace
    before = sha256(published)
    for path in sorted(raw.iterdir())[:3]:
        path.unlink()
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 4
    assert "1 files where the warehouse was built from 4 (75% fewer)" in last_line(capsys.readouterr().err)
    assert sha256(published) == before


def test_a_folder_that_lost_half_its_files_is_published(workspace):
    raw, published = workspace
    for path in sorted(raw.iterdir())[:2]:
        path.unlink()
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 0
    assert count(published, "select count(*) from raw.raw_files") == 2


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_a_shrink_is_published_when_the_user_accepts_it(workspace, tmp_path, monkeypatch, how):
    raw, published = workspace
    (tmp_path / "empty").mkdir()
    argv = ["run", "--raw-dir", str(tmp_path / "empty"), "--warehouse", str(published)]
    if how == "flag":
        argv.append("--allow-shrink")
    else:
        monkeypatch.setenv("PIPELINE_ALLOW_SHRINK", "1")
    assert main(argv) == 0
    assert count(published, "select count(*) from raw.raw_files") == 0


def test_the_dagster_run_fails_the_same_way_without_retries(workspace, tmp_path):
    raw, published = workspace
    before = sha256(published)
    (tmp_path / "empty").mkdir()
    job = build_definitions(tmp_path / "empty", published, allow_shrink=False).resolve_job_def("build_warehouse")
    result = job.execute_in_process(raise_on_error=False)
    assert not result.success
    failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert [e.step_key for e in failures] == ["raw__raw_documents"]
    assert "--allow-shrink" in failures[0].event_specific_data.error.message
    assert not [e for e in result.all_events if e.event_type_value == "STEP_RESTARTED"]
    assert sha256(published) == before


def test_the_publish_step_refuses_a_fresh_build_that_holds_less(workspace):
    """The build file removed and most raw files gone: ingest sees nothing to lose, publishing still refuses."""
    raw, published = workspace
    before = sha256(published)
    build_path(published).unlink()
    for path in sorted(raw.iterdir())[:3]:
        path.unlink()
    result = build_definitions(raw, published, allow_shrink=False).resolve_job_def("build_warehouse").execute_in_process(
        raise_on_error=False)
    failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert [e.step_key for e in failures] == ["published_warehouse"]
    assert "--allow-shrink" in failures[0].event_specific_data.error.message
    assert sha256(published) == before


def test_the_shrink_guard_counts_a_listing_against_what_was_published():
    from pipelines.failures import ShrinkRefused
    from pipelines.publish import guard_shrink

    guard_shrink(0, 0, False, "the raw folder /r", "/w.duckdb")  # nothing published yet: nothing to lose
    guard_shrink(4, 2, False, "the raw folder /r", "/w.duckdb")
    guard_shrink(4, 0, True, "the raw folder /r", "/w.duckdb")
    with pytest.raises(ShrinkRefused, match="lists 0 files where the warehouse was built from 4"):
        guard_shrink(4, 0, False, "the raw folder /r", "/w.duckdb")
