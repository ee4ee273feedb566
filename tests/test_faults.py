"""What a new user can do wrong, one test per case (issue 13): the published warehouse is never lost,
a run never blocks on a file, and every failure a user can cause ends in one line naming cause and fix.

Every case runs on temporary folders: a workspace built once (three pages) is copied for each test.
"""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.__main__ import main
from pipelines.config import build_path
from pipelines.definitions import build_definitions
from pipelines.ingest.listing import raw_listing
from pipelines.ingest.reader import read_file
from pipelines.load.loader import ensure_schema
from pipelines.stages import ingest_raw, parse_documents

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
    from pipelines.lifecycle.failures import ShrinkRefused
    from pipelines.lifecycle.publish import guard_shrink

    guard_shrink(0, 0, False, "the raw folder /r", "/w.duckdb")  # nothing published yet: nothing to lose
    guard_shrink(4, 2, False, "the raw folder /r", "/w.duckdb")
    guard_shrink(4, 0, True, "the raw folder /r", "/w.duckdb")
    with pytest.raises(ShrinkRefused, match="lists 0 files where the warehouse was built from 4"):
        guard_shrink(4, 0, False, "the raw folder /r", "/w.duckdb")


# ---------------------------------------------------------------- 2 and 3. entries that are no regular file

def _fifo(path: Path):
    os.mkfifo(path)


def _socket(path: Path):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    return sock  # kept open by the test: the socket file exists while it lives


def _device(path: Path):
    path.symlink_to("/dev/null")  # a link to a character device: read, it would give nothing; a tty would block


def _dangling(path: Path):
    path.symlink_to(path.with_name("never_saved.txt"))


def _loop(path: Path):
    path.symlink_to(path.with_name("loop_b.txt"))
    path.with_name("loop_b.txt").symlink_to(path)


NOT_REGULAR = {  # entry name -> (how to make it, words its error must hold)
    "pipe.txt": (_fifo, "named pipe"),
    "sock.txt": (_socket, "socket"),
    "device.txt": (_device, "character device"),
    "dangling.txt": (_dangling, "does not exist"),
    "loop_a.txt": (_loop, "loops"),
}


@pytest.fixture
def con():
    with duckdb.connect(":memory:") as connection:
        ensure_schema(connection)
        yield connection


@pytest.mark.parametrize("name", sorted(NOT_REGULAR))
def test_an_entry_that_is_no_regular_file_gets_a_failed_row(tmp_path, con, name):
    raw = tmp_path / "raw"
    write_pages(raw, 1)
    make, words = NOT_REGULAR[name]
    keep = make(raw / name)
    try:
        ingest_raw(con, raw)
        parse_documents(con, raw)
    finally:
        if keep is not None:
            keep.close()
    rows = dict(con.execute("select source_file, status from staging.stg_documents").fetchall())
    errors = dict(con.execute("select source_file, error from staging.stg_documents").fetchall())
    assert rows["p000.txt"] == "parsed"  # the good page is untouched
    assert rows[name] == "failed" and words in errors[name]
    assert errors[name].endswith(".") and ("remove" in errors[name] or "move" in errors[name])  # what to do


def test_a_fixed_dangling_link_is_read_by_the_next_run(tmp_path, con):
    raw = tmp_path / "raw"
    write_pages(raw, 1)
    (raw / "late.txt").symlink_to(tmp_path / "saved_later.txt")
    ingest_raw(con, raw)
    (tmp_path / "saved_later.txt").write_text(SAMPLES[1].read_text())
    assert raw_listing(raw).unreadable == {}
    assert ingest_raw(con, raw).files_read == 1
    parse_documents(con, raw)
    assert con.execute("select status from staging.stg_documents where source_file = 'late.txt'").fetchone() == ("parsed",)


def test_the_stamp_and_sensor_see_what_ingest_sees_and_a_fixed_link_starts_a_run(workspace, tmp_path):
    """One listing (ingest/listing.py): a dangling link does not keep every later run from being skipped, and
    restoring its target changes the listing the stamp and the sensor fingerprint."""
    from pipelines.lifecycle import runstamp
    from pipelines.ingest.listing import listing_fingerprint

    raw, published = workspace
    (raw / "late.txt").symlink_to(tmp_path / "saved_later.txt")
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 0
    assert runstamp.up_to_date(raw, published) is not None  # the next run with nothing new is skipped
    seen = listing_fingerprint(raw_listing(raw).files)
    (tmp_path / "saved_later.txt").write_text(SAMPLES[1].read_text())
    assert listing_fingerprint(raw_listing(raw).files) != seen and runstamp.up_to_date(raw, published) is None


def test_a_changed_storage_version_is_not_skipped_as_nothing_new(workspace, monkeypatch):
    from pipelines.lifecycle import runstamp

    raw, published = workspace
    write_pages(raw, 2)
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 0
    assert runstamp.up_to_date(raw, published) is not None
    monkeypatch.setenv("PIPELINE_STORAGE_VERSION", "1.4")
    assert runstamp.up_to_date(raw, published) is None  # the next run rebuilds in the format asked for


def test_an_entry_replaced_by_a_pipe_after_listing_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "page.txt")  # the listing saw a file; by the time it is read it is a pipe
    docs = read_file(tmp_path / "page.txt", tmp_path)
    assert [d.status for d in docs] == ["failed"] and "named pipe" in docs[0].error


def test_reading_has_a_time_bound(tmp_path, monkeypatch):
    from pipelines.ingest import reader

    (tmp_path / "slow.txt").write_text(SAMPLES[0].read_text())
    monkeypatch.setattr(reader, "READ_SECONDS", 0.0)  # every read is over the bound
    docs = read_file(tmp_path / "slow.txt", tmp_path)
    assert [d.status for d in docs] == ["failed"] and "took longer than" in docs[0].error and not docs[0].retry


def test_a_run_over_every_kind_of_entry_ends_and_records_each(tmp_path):
    """The whole command, in its own process: a FIFO, a socket, a device, a dangling link and a link loop
    beside a good page; the run ends (the timeout only guards the suite against a hang) with a row for each."""
    raw = tmp_path / "raw"
    write_pages(raw, 1)
    kept = [k for name, (make, _) in NOT_REGULAR.items() if (k := make(raw / name)) is not None]
    try:
        proc = subprocess.run([sys.executable, "-m", "pipelines", "run", "--raw-dir", str(raw),
                               "--warehouse", str(tmp_path / "w.duckdb")], cwd=REPO, capture_output=True, text=True,
                              timeout=300)
    finally:
        for k in kept:
            k.close()
    assert proc.returncode == 0, proc.stderr
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    status = dict(con.execute("select source_file, status from staging.stg_documents").fetchall())
    con.close()
    assert status == {"p000.txt": "parsed", **{name: "failed" for name in NOT_REGULAR}, "loop_b.txt": "failed"}


# ---------------------------------------------------------------- 4. the cause in one line

def hold_lock(build: Path) -> subprocess.Popen:
    """Another process holding the build file open for writing, as a running run does; returns once it holds it."""
    proc = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
                             "print('holding', flush=True); sys.stdin.read()", str(build)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_second_run_says_another_run_is_writing(workspace, capsys):
    raw, published = workspace
    write_pages(raw, 5)  # something new, so the run does not stop at the stamp
    holder = hold_lock(build_path(published))
    try:
        assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 3
    finally:
        holder.communicate("")
    err = capsys.readouterr().err
    assert "is being written by another run" in last_line(err) and "wait for it to finish" in last_line(err)
    assert len(err.strip().splitlines()) == 1


def test_a_run_that_finds_the_build_file_taken_at_start_says_so_in_one_line(workspace):
    """The race the start-up check cannot close: the run's own start meets the lock."""
    from pipelines.__main__ import _failure

    raw, published = workspace
    holder = hold_lock(build_path(published))
    try:
        result = build_definitions(raw, published).resolve_job_def("build_warehouse").execute_in_process(
            raise_on_error=False)
    finally:
        holder.communicate("")
    line, code = _failure(result)
    assert code == 3 and "is being written by another run" in line


def test_a_warehouse_path_that_is_a_folder_fails_before_any_work(tmp_path, capsys):
    write_pages(tmp_path / "raw", 1)
    (tmp_path / "wh").mkdir()
    assert main(["run", "--raw-dir", str(tmp_path / "raw"), "--warehouse", str(tmp_path / "wh")]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in last_line(err) and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw", "wh"]  # no build file left behind


def test_a_warehouse_folder_that_cannot_be_written_fails_before_any_work(tmp_path, capsys, monkeypatch):
    from pipelines.lifecycle import preflight

    write_pages(tmp_path / "raw", 1)
    (tmp_path / "ro").mkdir()
    real = os.access
    monkeypatch.setattr(preflight.os, "access", lambda p, mode: Path(p) != tmp_path / "ro" and real(p, mode))
    assert main(["run", "--raw-dir", str(tmp_path / "raw"), "--warehouse", str(tmp_path / "ro" / "w.duckdb")]) == 2
    assert "cannot write to the warehouse folder" in last_line(capsys.readouterr().err)
    assert list((tmp_path / "ro").iterdir()) == []


def test_a_file_size_limit_while_publishing_is_one_line_and_not_retried(workspace, capsys, monkeypatch):
    from pipelines.assets import publish

    raw, published = workspace
    write_pages(raw, 5)
    before = sha256(published)
    calls = []

    def too_large(*args):
        calls.append(1)
        raise OSError(errno.EFBIG, "File too large")

    monkeypatch.setattr(publish, "publish_if_changed", too_large)
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 2
    err = capsys.readouterr().err
    assert f"publishing {published} failed: File too large" in last_line(err) and "Traceback" not in err
    assert calls == [1] and sha256(published) == before


def test_a_full_disk_inside_a_step_names_the_step_the_cause_and_the_fix(workspace, capsys, monkeypatch):
    from pipelines.assets import staging

    raw, published = workspace
    write_pages(raw, 5)

    def disk_full(con, raw_dir):
        raise duckdb.IOException('IO Error: Could not write file "w.build.duckdb.wal": No space left on device')

    monkeypatch.setattr(staging, "parse_documents", disk_full)
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 2
    line = last_line(capsys.readouterr().err)
    assert line.startswith("error: step staging_stories failed: ") and "No space left on device" in line
    assert "free space" in line


def test_an_unexpected_step_error_names_the_step_and_its_cause_and_points_to_verbose(workspace, capsys, monkeypatch):
    from pipelines.assets import staging

    raw, published = workspace
    write_pages(raw, 5)
    monkeypatch.setattr(staging, "parse_documents", lambda con, raw_dir: 1 / 0)
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 1
    err = capsys.readouterr().err
    assert "step staging_stories failed: " in last_line(err) and "division by zero" in last_line(err)
    assert "--verbose" in last_line(err) and "Traceback" not in err and "max_retries" not in err


def test_a_step_failing_after_publishing_says_the_warehouse_was_published(workspace, capsys, monkeypatch):
    from pipelines.report import page

    raw, published = workspace
    write_pages(raw, 5)
    monkeypatch.setattr(page, "write_report", lambda path: 1 / 0)
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 1
    line = last_line(capsys.readouterr().err)
    assert "step analyst_report failed: " in line and "was published before it" in line
    assert "left as it was" not in line
    assert count(published, "select count(*) from raw.raw_files") == 5


def test_report_on_a_file_that_is_not_duckdb_is_one_line(tmp_path, capsys):
    (tmp_path / "notes.duckdb").write_text("these are notes, not a database\n")
    assert main(["report", "targets_by_country", "--warehouse", str(tmp_path / "notes.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "cannot be opened as a DuckDB warehouse" in err and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- 5. a warehouse named like a schema

@pytest.mark.parametrize("name", ["raw.duckdb", "staging.duckdb", "main.duckdb"])
def test_a_warehouse_named_like_a_schema_builds_and_reports(tmp_path, capsys, name):
    write_pages(tmp_path / "raw", 2)
    assert main(["run", "--raw-dir", str(tmp_path / "raw"), "--warehouse", str(tmp_path / name)]) == 0
    assert count(tmp_path / name, "select count(*) from raw.raw_files") == 2
    capsys.readouterr()
    assert main(["report", "targets_by_country", "--warehouse", str(tmp_path / name)]) == 0
    assert "China" in capsys.readouterr().out


# ---------------------------------------------------------------- 6. each warning once, counts apart

def test_each_quarantined_file_is_reported_once_and_counted_apart(tmp_path, capsys):
    raw = tmp_path / "raw"
    write_pages(raw, 2)
    (raw / "blank.txt").write_text("   \n")
    (raw / "noise.html").write_bytes(bytes(range(256)) * 8)
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(tmp_path / "w.duckdb")]) == 0
    captured = capsys.readouterr()
    both = captured.out + captured.err
    assert both.count("noise.html") == 1 and both.count("blank.txt") == 1
    assert "4 new documents; 2 parsed, 1 empty, 1 failed;" in captured.out


def test_a_raw_dir_that_is_a_file_says_it_is_a_file(tmp_path, capsys):
    (tmp_path / "README.md").write_text("not a folder\n")
    assert main(["run", "--raw-dir", str(tmp_path / "README.md"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "does not exist" not in err


def test_published_facts_count_the_files_and_sign_the_state_in_one_look(tmp_path):
    from pipelines.lifecycle.buildstate import file_state_signature, set_state
    from pipelines.lifecycle.publish import published_facts

    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    con.execute("create table raw.raw_files (file_path varchar, document_id varchar)")
    con.execute("insert into raw.raw_files values ('a.jsonl', 'd1'), ('a.jsonl', 'd2'), ('b.txt', 'd3')")
    set_state(con, "version:raw.raw_files", "t1")
    con.close()
    assert published_facts(path) == (2, file_state_signature(path)) and file_state_signature(path) is not None


def test_published_facts_of_a_file_that_is_no_warehouse_are_none(tmp_path):
    from pipelines.lifecycle.publish import published_facts

    (tmp_path / "notes.duckdb").write_text("not a database")
    assert published_facts(tmp_path / "notes.duckdb") == (0, None)
