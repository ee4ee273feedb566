"""CLI runs land in one persistent Dagster instance ($DAGSTER_HOME, else .dagster/): runs, materializations, checks."""
import dagster as dg
import pytest

from pipelines.orchestration import instance as pipeline_instance
from pipelines.__main__ import main

PAGE = "Chengdu plans a metaverse park\n\nPublished: 2024-06-02\n\nChengdu will invest 5 billion yuan in a metaverse park by 2026.\n"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A temporary DAGSTER_HOME after two CLI runs on one raw folder: a build, then one with nothing new."""
    root = tmp_path_factory.mktemp("instance")
    (root / "raw").mkdir()
    (root / "raw" / "a.txt").write_text(PAGE, encoding="utf-8")
    home = root / "dagster_home"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DAGSTER_HOME", str(home))
        args = ["run", "--raw-dir", str(root / "raw"), "--warehouse", str(root / "w.duckdb")]
        assert main(args) == 0
        assert main(args) == 0  # nothing new: the fast path
    return home


def test_home_is_created_with_telemetry_and_stdout_capture_off(home):
    assert "enabled: false" in (home / "dagster.yaml").read_text()
    with pipeline_instance.open_instance(home) as instance:
        assert type(instance.compute_log_manager).__name__ == "NoOpComputeLogManager"


def test_default_home_is_dot_dagster_at_the_repo_root(monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert pipeline_instance.instance_home() == pipeline_instance.DEFAULT_HOME
    assert pipeline_instance.DEFAULT_HOME.name == ".dagster"


def test_the_cli_run_is_recorded_with_materializations_and_checks(home):
    with pipeline_instance.open_instance(home) as instance:
        records = instance.get_run_records()
        assert len(records) == 1 and records[0].dagster_run.status == dg.DagsterRunStatus.SUCCESS
        run_id = records[0].dagster_run.run_id
        story = instance.get_latest_materialization_event(dg.AssetKey(["main", "dim_story"]))
        assert story is not None and story.run_id == run_id
        assert story.asset_materialization.metadata["dagster/row_count"].value == 1
        checks = [e.get_dagster_event().event_specific_data
                  for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION)]
    checked = {c.asset_check_key.asset_key.to_user_string() for c in checks}
    assert {"staging/stg_documents", "staging/stg_stories", "main/dim_story", "main/fact_initiative"} <= checked
    assert [c.check_name for c in checks if not c.passed and c.severity == dg.AssetCheckSeverity.ERROR] == []


def test_a_run_with_nothing_new_records_an_observation(home):
    with pipeline_instance.open_instance(home) as instance:
        observations = instance.fetch_observations(dg.AssetKey(pipeline_instance.PUBLISHED_ASSET), limit=5).records
        assert len(observations) == 1
        observed = observations[0].asset_observation
        assert observed.metadata["nothing_new"].value is True
        assert "Nothing new" in observed.description
        assert len(instance.get_run_records()) == 1  # the skipped run started no job


def test_a_run_stores_its_events_through_one_connection_per_file_and_every_reader_sees_them(tmp_path, monkeypatch):
    import sqlalchemy

    from pipelines.orchestration.eventlog import shared_connections

    engines = []
    real = sqlalchemy.create_engine
    monkeypatch.setattr(sqlalchemy, "create_engine", lambda url, **k: engines.append(str(url)) or real(url, **k))
    home = tmp_path / "home"
    with pipeline_instance.open_instance(home) as instance:
        storage = instance.event_log_storage
        with shared_connections(instance):
            before = len(engines)
            for i in range(5):
                instance.report_runless_asset_event(dg.AssetObservation(asset_key="a", metadata={"i": i}))
            opened = engines[before:]
        assert "_connect" not in vars(storage)  # the storage connects its own way again
    event_log = [url for url in opened if "/history/runs/" in url]  # the event log's files (runs.db holds the runs)
    assert 1 <= len(event_log) <= 2  # the runless events' shard and the index, not one per event
    with pipeline_instance.open_instance(home) as instance:  # a reader in another instance sees all five
        assert len(instance.fetch_observations(dg.AssetKey("a"), limit=10).records) == 5


def test_an_instance_without_sqlite_event_storage_is_left_as_it_is():
    from pipelines.orchestration.eventlog import shared_connections

    with dg.DagsterInstance.ephemeral() as instance, shared_connections(instance):
        assert "_connect" not in vars(instance.event_log_storage)


def test_within_a_run_a_table_found_once_is_not_looked_up_again(tmp_path, monkeypatch):
    from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

    from pipelines.orchestration.eventlog import shared_connections

    asked = []
    real = SqliteEventLogStorage.has_table
    monkeypatch.setattr(SqliteEventLogStorage, "has_table", lambda self, name: asked.append(name) or real(self, name))
    with pipeline_instance.open_instance(tmp_path / "home") as instance:
        storage = instance.event_log_storage
        with shared_connections(instance):
            assert all(storage.has_table("asset_check_executions") for _ in range(5))
            assert not any(storage.has_table("no_such_table") for _ in range(2))
        assert "has_table" not in vars(storage)  # asked the storage's own way again after the run
    assert asked == ["asset_check_executions", "no_such_table", "no_such_table"]  # a missing table is asked again


def test_a_new_run_shard_is_in_wal_mode_before_its_tables_are_created(tmp_path, monkeypatch):
    from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

    from pipelines.orchestration.eventlog import shared_connections

    modes = []
    real = SqliteEventLogStorage._initdb

    def initdb(self, engine, **kwargs):
        with engine.connect() as conn:
            modes.append(conn.exec_driver_sql("PRAGMA journal_mode").scalar())
        return real(self, engine, **kwargs)

    monkeypatch.setattr(SqliteEventLogStorage, "_initdb", initdb)
    with pipeline_instance.open_instance(tmp_path / "home") as instance:
        modes.clear()  # opening a new instance creates its index the storage's own way
        with shared_connections(instance):
            with instance.event_log_storage.run_connection("new-run") as conn:
                conn.exec_driver_sql("select 1")
    assert modes and set(modes) == {"wal"}
