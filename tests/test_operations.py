"""Running it like production: schedule and sensor, no-op and incremental runs, a reader holding the
published file, killed runs, retried steps, bad input through the whole run, and what the logs say."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.orchestration import automation
from pipelines.definitions import build_definitions
from pipelines.orchestration.resources import WarehouseSettings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "samples" / "raw").glob("*.txt"))
TABLES = ["raw.raw_documents", "raw.raw_files", "staging.stg_documents", "staging.stg_stories",
          "staging.stg_entity_mentions", "staging.stg_targets", "main.dim_story", "main.dim_jurisdiction",
          "main.fact_initiative"]


# ---------------------------------------------------------------- helpers

def write_pages(folder: Path, count: int, start: int = 0) -> list[Path]:
    """`count` sample pages made unique by a last line: p<start>.txt, p<start+1>.txt, ..."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"p{i:03d}.txt"
        path.write_text(SAMPLES[i % len(SAMPLES)].read_text() + f"\n\nEditor's note {i}: copy number {i}.\n")
        paths.append(path)
    return paths


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_rows(published: Path) -> dict[str, list[tuple]]:
    """Every row of the main tables, sorted, through a private read-only ATTACH (reads the file on disk now)."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("attach ? as w (read_only)", [str(published)])
        return {t: sorted(con.execute(f"select * from w.{t}").fetchall(), key=repr) for t in TABLES}
    finally:
        con.close()


def run_in_process(raw: Path, published: Path) -> dg.ExecuteInProcessResult:
    result = build_definitions(raw, published).resolve_job_def("build_warehouse").execute_in_process(raise_on_error=False)
    assert result.success, [e.message for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    return result


def metadata(result) -> dict[str, dict]:
    """{asset key 'a/b': {metadata name: value}} of the run's materializations."""
    found = {}
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        found[mat.asset_key.to_user_string()] = {k: v.value for k, v in mat.metadata.items()}
    return found


def start_cli(raw: Path, published: Path) -> subprocess.Popen:
    """`python -m pipelines run` in its own process group (so a kill can reach its worker processes too)."""
    return subprocess.Popen([sys.executable, "-m", "pipelines", "run", "--raw-dir", str(raw), "--warehouse", str(published)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def kill_run(proc: subprocess.Popen) -> None:
    """SIGKILL the run and every process it started (its parse/extract pool), as an OOM kill or `kill -9 -PGID` does."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)


def copy_warehouse(src: Path, dest_dir: Path) -> tuple[Path, Path]:
    """Copy a raw folder, its build file and published file (a fresh workspace from the shared one)."""
    raw = dest_dir / "raw"
    shutil.copytree(src / "raw", raw)  # copytree keeps mtimes, so the files count as already read
    for name in ("w.duckdb", "w.build.duckdb"):
        shutil.copy2(src / name, dest_dir / name)
    return raw, dest_dir / "w.duckdb"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A workspace with three pages, built and published once: <dir>/raw, <dir>/w.duckdb."""
    root = tmp_path_factory.mktemp("built")
    write_pages(root / "raw", 3)
    run_in_process(root / "raw", root / "w.duckdb")
    return root


# ---------------------------------------------------------------- schedule and sensor

def test_schedule_and_sensor_are_registered(tmp_path):
    defs = build_definitions(tmp_path / "raw", tmp_path / "w.duckdb")
    assert defs.resolve_schedule_def("daily_warehouse_schedule").cron_schedule == automation.DAILY_CRON
    assert defs.resolve_sensor_def("raw_files_sensor").job_name == "build_warehouse"
    assert not (tmp_path / "w.build.duckdb").exists(), "loading the definitions must not touch the build file"


def _schedule(instance, raw: Path, published: Path):
    return dg.build_schedule_context(instance=instance, scheduled_execution_time=datetime(2026, 1, 2, 5, tzinfo=timezone.utc),
                                     resources={"warehouse": WarehouseSettings(raw_dir=str(raw), published=str(published))})


def test_schedule_requests_a_daily_run(tmp_path):
    write_pages(tmp_path / "raw", 1)
    with dg.instance_for_test() as instance, _schedule(instance, tmp_path / "raw", tmp_path / "w.duckdb") as context:
        request = automation.daily_warehouse_schedule(context)
    assert isinstance(request, dg.RunRequest) and request.tags["trigger"] == "daily_warehouse_schedule"


def test_schedule_skips_when_nothing_changed_since_the_published_run(built, tmp_path):
    raw, published = copy_warehouse(built, tmp_path)

    def tick():
        with dg.instance_for_test() as instance, _schedule(instance, raw, published) as context:
            return automation.daily_warehouse_schedule(context)

    assert isinstance(tick(), dg.RunRequest)
    run_in_process(raw, published)  # a no-op run: it finds the published file up to date and stamps it
    skip = tick()
    assert isinstance(skip, dg.SkipReason) and "nothing changed" in skip.skip_message
    write_pages(raw, 1, start=3)
    assert isinstance(tick(), dg.RunRequest)


def _sensor(instance, raw: Path, published: Path, cursor=None):
    return dg.build_sensor_context(instance=instance, cursor=cursor,
                                   resources={"warehouse": WarehouseSettings(raw_dir=str(raw), published=str(published))})


def test_sensor_runs_for_new_files_and_skips_when_nothing_is_new(tmp_path):
    raw = tmp_path / "raw"
    [page] = write_pages(raw, 1)
    with dg.instance_for_test() as instance:
        context = _sensor(instance, raw, tmp_path / "w.duckdb")
        first = automation.raw_files_sensor(context)
        assert isinstance(first, dg.RunRequest) and first.tags["new_files"] == "1"
        assert isinstance(automation.raw_files_sensor(context), dg.SkipReason)  # same listing: cursor unchanged
        write_pages(raw, 1, start=1)
        assert isinstance(automation.raw_files_sensor(context), dg.RunRequest)
        os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))  # changed file
        assert isinstance(automation.raw_files_sensor(context), dg.RunRequest)
        context = _sensor(instance, raw, tmp_path / "w.duckdb", cursor=context.cursor)  # a later tick, same cursor
        skip = automation.raw_files_sensor(context)
        assert isinstance(skip, dg.SkipReason) and "no change" in skip.skip_message


def test_sensor_skips_files_the_published_warehouse_has_read(built):
    with dg.instance_for_test() as instance:
        skip = automation.raw_files_sensor(_sensor(instance, built / "raw", built / "w.duckdb"))
    assert isinstance(skip, dg.SkipReason) and "no file the warehouse has not read" in skip.skip_message


def test_sensor_waits_while_a_run_is_in_progress(tmp_path, monkeypatch):
    write_pages(tmp_path / "raw", 1)
    monkeypatch.setattr(automation, "run_in_progress", lambda instance: True)
    with dg.instance_for_test() as instance:
        context = _sensor(instance, tmp_path / "raw", tmp_path / "w.duckdb")
        skip = automation.raw_files_sensor(context)
    assert isinstance(skip, dg.SkipReason) and "in progress" in skip.skip_message and context.cursor is None


# ---------------------------------------------------------------- incremental runs

def test_unchanged_input_is_a_no_op(built, tmp_path):
    raw, published = copy_warehouse(built, tmp_path)
    before, rows = sha256(published), read_rows(published)
    result = run_in_process(raw, published)
    meta = metadata(result)
    assert meta["raw/raw_documents"]["files_read"] == 0 and meta["staging/stg_documents"]["parsed_now"] == 0
    assert meta["staging/stg_extractions"]["stories_extracted"] == 0
    assert not any(m["rebuilt"] for k, m in meta.items() if k.startswith("main/"))
    assert meta["published_warehouse"]["published"] is False
    assert sha256(published) == before and read_rows(published) == rows


def test_a_cli_run_with_nothing_new_stops_before_it_starts(built, tmp_path, capsys, monkeypatch):
    from pipelines.lifecycle import runstamp
    from pipelines.__main__ import main

    raw, published = copy_warehouse(built, tmp_path)
    args = ["run", "--raw-dir", str(raw), "--warehouse", str(published)]
    assert main(args) == 0 and "this run: 0 files read" in capsys.readouterr().out  # no stamp yet: a full no-op run
    before, rows = sha256(published), read_rows(published)
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "nothing changed since the run of" in out and "documents: 3 parsed 3" in out  # the stored summary
    assert sha256(published) == before
    page = raw / "p000.txt"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))  # touched: read again
    assert main(args) == 0 and "this run: 1 files read" in capsys.readouterr().out
    monkeypatch.setattr(runstamp, "code_version", lambda root=None: "another version")  # an upgrade runs in full
    assert main(args) == 0 and "this run:" in (out := capsys.readouterr().out) and "nothing changed" not in out
    assert main(args) == 0 and "nothing changed" in capsys.readouterr().out
    assert main([*args, "--force"]) == 0 and "nothing changed" not in capsys.readouterr().out
    after = read_rows(published)
    assert [after[t] == rows[t] for t in ("staging.stg_stories", "main.dim_story", "main.fact_initiative")] == [True] * 3


def test_a_subset_run_leaves_no_stamp_and_a_damaged_stamp_is_ignored(built, tmp_path):
    from pipelines.lifecycle import runstamp

    raw, published = copy_warehouse(built, tmp_path)
    run_in_process(raw, published)
    assert runstamp.up_to_date(raw, published) is not None
    write_pages(raw, 1, start=3)
    job = build_definitions(raw, published).resolve_job_def("build_warehouse")
    for key in (["raw", "raw_documents"], ["published_warehouse"]):  # ingest alone, then publish alone (UI)
        assert job.execute_in_process(asset_selection=[dg.AssetKey(key)]).success
    assert runstamp.up_to_date(raw, published) is None  # staging was never rebuilt: the next run must run
    runstamp.stamp_path(published).write_text("{}")
    assert runstamp.up_to_date(raw, published) is None


def test_a_file_to_read_again_leaves_no_stamp(built, tmp_path, monkeypatch):
    from pipelines.lifecycle import runstamp

    raw, published = copy_warehouse(built, tmp_path)
    write_pages(raw, 1, start=3)
    from pipelines.ingest import reader

    real = reader.read_regular_file
    monkeypatch.setattr(reader, "read_regular_file", lambda path, seconds=None: (_ for _ in ()).throw(
        PermissionError(13, "Permission denied")) if path.name == "p003.txt" else real(path, seconds))
    run_in_process(raw, published)
    assert runstamp.up_to_date(raw, published) is None  # the next run must try p003.txt again
    monkeypatch.setattr(reader, "read_regular_file", real)
    run_in_process(raw, published)
    assert runstamp.up_to_date(raw, published) is not None


def test_new_files_are_parsed_alone_and_duplicates_add_no_document(built, tmp_path):
    raw, published = copy_warehouse(built, tmp_path)
    old = read_rows(published)
    write_pages(raw, 1, start=3)
    shutil.copyfile(raw / "p000.txt", raw / "again.txt")  # the same content under a second name
    (raw / "noise.bin").write_bytes(bytes(range(256)) * 8)
    meta = metadata(run_in_process(raw, published))
    assert meta["raw/raw_documents"]["files_read"] == 3 and meta["raw/raw_documents"]["new_documents"] == 2
    assert meta["staging/stg_documents"]["documents_now"] == 2  # counted apart: the new page and the noise
    assert (meta["staging/stg_documents"]["parsed_now"], meta["staging/stg_documents"]["failed_now"]) == (1, 1)
    assert meta["published_warehouse"]["published"] is True
    new = read_rows(published)
    assert len(new["raw.raw_documents"]) == len(old["raw.raw_documents"]) + 2
    assert set(old["staging.stg_documents"]) <= set(new["staging.stg_documents"])  # old rows untouched
    assert len(new["raw.raw_files"]) == len(old["raw.raw_files"]) + 3
    # observability: every table reports its row count, and the quarantined file is named with its reason
    assert all("dagster/row_count" in m for k, m in meta.items() if k not in ("published_warehouse", "analyst_report")), \
        meta.keys()  # every table: the published file and the report page are files, not tables
    assert "`noise.bin`: The file holds binary data" in meta["raw/raw_documents"]["quarantined_now"]
    assert "noise.bin" not in meta["staging/stg_documents"]["quarantined_now"]  # reported once, by the step that found it
    assert meta["staging/stg_extractions"]["stories_extracted"] >= 1 and "new_mentions" in meta["staging/stg_entity_mentions"]


# ---------------------------------------------------------------- publishing

def _consistent(con: duckdb.DuckDBPyConnection, catalog: str = "") -> tuple[int, int]:
    """(documents, stories) after checking that staging and marts agree with each other."""
    prefix = f"{catalog}." if catalog else ""
    docs, raw_docs = con.execute(f"select (select count(*) from {prefix}staging.stg_documents), "
                                 f"(select count(*) from {prefix}raw.raw_documents)").fetchone()
    stories, dim = con.execute(f"select (select count(distinct story_key) from {prefix}staging.stg_stories), "
                               f"(select count(*) from {prefix}main.dim_story)").fetchone()
    assert docs == raw_docs and stories == dim, (docs, raw_docs, stories, dim)
    return docs, stories


def test_reader_holding_the_published_file_neither_blocks_the_run_nor_sees_it_half_built(built, tmp_path):
    raw, published = copy_warehouse(built, tmp_path)
    reader = duckdb.connect(str(published), read_only=True)
    before = _consistent(reader)
    problems, done = [], threading.Event()

    def poll() -> None:  # fresh read-only looks at the file all through the run
        while not done.is_set():
            con = duckdb.connect(":memory:")
            try:
                con.execute("attach ? as w (read_only)", [str(published)])
                _consistent(con, "w")
            except Exception as err:  # noqa: BLE001 - any error is a finding
                problems.append(repr(err))
            finally:
                con.close()
            time.sleep(0.05)

    watcher = threading.Thread(target=poll)
    watcher.start()
    write_pages(raw, 2, start=3)
    try:
        proc = start_cli(raw, published)
        out, err = proc.communicate(timeout=120)
    finally:
        done.set()
        if proc.poll() is None:
            kill_run(proc)
        watcher.join()
    assert proc.returncode == 0, err
    assert _consistent(reader) == before  # the old connection still reads the old, whole warehouse
    reader.close()
    fresh = duckdb.connect(":memory:")
    fresh.execute("attach ? as w (read_only)", [str(published)])
    assert _consistent(fresh, "w")[0] == before[0] + 2  # a new connection sees the new warehouse
    assert problems == []


def test_killed_runs_leave_the_published_file_as_it_was_and_the_next_run_completes(built, tmp_path):
    raw, published = copy_warehouse(built, tmp_path)
    before, docs_before = sha256(published), len(read_rows(published)["staging.stg_documents"])
    write_pages(raw, 70, start=3)
    killed = 0
    for delay in (0.5, 1.0, 1.5, 2.0, 3.0):  # each run resumes from the build file, so later ones are shorter
        proc = start_cli(raw, published)
        time.sleep(delay)
        if proc.poll() is not None:  # finished before the kill: nothing left to test with this delay
            break
        kill_run(proc)
        if sha256(published) != before:
            # the only change allowed is a complete publish the run reached just before the kill
            assert len(read_rows(published)["staging.stg_documents"]) == docs_before + 70, \
                f"killed after {delay} s, the published file changed to an incomplete warehouse"
            break
        killed += 1
    assert killed >= 2
    proc = start_cli(raw, published)
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            kill_run(proc)
    assert proc.returncode == 0, err
    assert len(read_rows(published)["staging.stg_documents"]) == docs_before + 70
    assert not list(tmp_path.glob(".w.duckdb.publishing-*")), "a killed publish's temporary copy was left behind"


# ---------------------------------------------------------------- faults and logs

def test_a_step_that_fails_once_is_retried(tmp_path, monkeypatch):
    from pipelines.assets import marts, staging

    write_pages(tmp_path / "raw", 1)
    failures = {"parse": 1, "mart": 1}

    def flaky(real, name):
        def wrapper(*args, **kwargs):
            if failures[name]:
                failures[name] -= 1
                raise RuntimeError(f"{name} failed once on purpose")
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(staging, "parse_documents", flaky(staging.parse_documents, "parse"))
    monkeypatch.setattr(marts, "materialize_if_stale", flaky(marts.materialize_if_stale, "mart"))
    result = run_in_process(tmp_path / "raw", tmp_path / "w.duckdb")
    retried = {e.step_key for e in result.all_events if e.event_type_value == "STEP_UP_FOR_RETRY"}
    assert {"staging_stories", "marts"} <= retried, retried
    messages = " ".join(e.event_specific_data.error.to_string() for e in result.all_events
                        if e.event_type_value == "STEP_UP_FOR_RETRY")
    assert "parse failed once on purpose" in messages and "mart failed once on purpose" in messages
    assert failures == {"parse": 0, "mart": 0} and (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize("check, blocking", [("dim_story__unique__story_key", True),
                                             ("bridge_initiative_story__foreign_key__initiative_id", False)])
def test_a_failing_check_fails_the_run_and_a_blocking_one_stops_publishing(built, tmp_path, monkeypatch, capsys,
                                                                            check, blocking):
    from pipelines.__main__ import main
    from pipelines.assets import checks

    raw, published = copy_warehouse(built, tmp_path)
    write_pages(raw, 1, start=3)  # something new, so the run would publish
    before = sha256(published)
    real = checks.run_check
    monkeypatch.setattr(checks, "run_check", lambda con, c: (False, "seeded failure") if c.name == check else real(con, c))
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(published)]) == 1
    err = capsys.readouterr().err
    assert f"failed checks: {check} ({'blocking: not published' if blocking else 'not blocking'}" in err
    assert (sha256(published) == before) is blocking  # a blocking check leaves the published file as it was
    from pipelines.lifecycle import runstamp
    assert runstamp.up_to_date(raw, published) is None  # the next run checks again instead of being skipped


def _cut_in_half(data: bytes) -> bytes:
    return data[: len(data) // 2]


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "noise.html": (random.Random(1).randbytes(4000), "failed"),
    "truncated.html.gz": (_cut_in_half(gzip.compress(SAMPLES[2].read_bytes())), "failed"),
    "western.txt": ("Zürich café owners weigh the naïve plan\n\n".encode("cp1252")
                    + b"".join(f"Café owner {n} in Zürich says the naïve plan will cost €{n} million.\n\n".encode("cp1252")
                               for n in range(2, 22)), "parsed"),
    "wide.txt": (SAMPLES[1].read_text().encode("utf-16"), "parsed"),
    "huge.txt": (b"Harbour board meets\n\n" + b"The harbour board met again on Tuesday.\n\n" * 800_000, "failed"),
    "nested.html": (("<html><body>" + "<div>" * 3000 + "<h1>Deep page</h1><p>Shenzhen plans a fund.</p>"
                     + "</div>" * 3000 + "</body></html>").encode(), None),
    "feed.jsonl": (json.dumps({"url": "https://x.example/a", "text": SAMPLES[3].read_text()}).encode() + b'\n{"url": broken\n',
                   None),
    "again.txt": (SAMPLES[0].read_bytes(), "parsed"),
    "good.txt": (SAMPLES[0].read_bytes(), "parsed"),
}


def test_bad_inputs_through_the_whole_run(tmp_path, capsys, caplog):
    from pipelines.__main__ import main

    raw = tmp_path / "raw"
    raw.mkdir()
    for name, (data, _) in BAD_INPUTS.items():
        (raw / name).write_bytes(data)
    assert main(["run", "--raw-dir", str(raw), "--warehouse", str(tmp_path / "w.duckdb")]) == 0
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    status = dict(con.execute("select source_file, status from staging.stg_documents").fetchall())
    con.close()
    for name, (_, expected) in BAD_INPUTS.items():
        if expected and name not in ("again.txt", "good.txt"):
            assert status[name] == expected, name
    assert [status.get("again.txt"), status.get("good.txt")].count("parsed") == 1  # duplicate content: one document
    assert status["feed.jsonl#L1"] == "parsed" and status["feed.jsonl#L2"] == "failed"
    captured = capsys.readouterr()
    for name in ("noise.html", "truncated.html.gz", "huge.txt", "feed.jsonl#L2"):
        assert f"failed: {name}: " in captured.out, name  # the summary names each quarantined file and why
        assert (captured.out + captured.err + caplog.text).count(f"{name}: ") == 1, name  # and nothing else repeats it
    assert "gzip" in captured.out and "million characters" in captured.out


def test_pool_workers_die_with_a_killed_run(tmp_path):
    """kill -9 of the run leaves no forked parse/extract workers behind."""
    killed_leaves_nothing(tmp_path, "from pipelines.stages import pool_map\n"
                                    "def slow(x):\n    time.sleep(20)\n    return x\n"
                                    "pool_map(slow, list(range(200)))\n", processes=2)


def killed_leaves_nothing(tmp_path: Path, body: str, processes: int) -> None:
    """Run `body` as a script (with sys and time imported), wait until it has `processes` descendants, kill -9 it:
    none of them may live on."""
    script = tmp_path / "killed_run.py"
    script.write_text(f"import sys, time\nsys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n{body}")
    proc = subprocess.Popen([sys.executable, str(script)])
    try:
        deadline = time.time() + 20
        tree: list[int] = []
        while time.time() < deadline and len(tree) < processes:
            tree = _descendants(proc.pid)
            time.sleep(0.1)
        assert len(tree) >= processes, f"the run started {tree}"
        proc.kill()
        proc.wait()
        deadline = time.time() + 10
        while time.time() < deadline and [pid for pid in tree if _running(pid)]:
            time.sleep(0.1)
        assert [pid for pid in tree if _running(pid)] == []
    finally:
        if proc.poll() is None:
            proc.kill()


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        out = subprocess.run(["pgrep", "-P", str(todo.pop())], capture_output=True, text=True).stdout
        found += [int(p) for p in out.split()]
        todo += [int(p) for p in out.split()]
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
