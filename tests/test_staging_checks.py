"""The checks on the staging tables (pipelines/checks/staging.sql): clean rows pass, each kind of bad row fails its check."""
import dagster as dg
import duckdb
import pytest

from pipelines.assets.checks import TABLE_CHECKS
from pipelines.definitions import build_definitions
from pipelines.modelling.modelgraph import SCHEMA_SQL, run_check

BATCH = "2024-06-01 10:00:00"
BODY = "Chengdu will invest 5 billion yuan in a metaverse park by 2026."


def _results(con) -> dict[str, bool]:
    return {c.name: run_check(con, c)[0] for checks in TABLE_CHECKS.values() for c in checks}


@pytest.fixture()
def con():
    """Two parsed documents of one batch, each with a dated, titled main story; one mention and one target."""
    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text())
    con.execute(f"""
        insert into staging.stg_documents values
            ('d1', 'a.txt', 'txt', 10, '{BATCH}', 'parsed', null, 'utf-8', 1, 'v'),
            ('d2', 'b.txt', 'txt', 10, '{BATCH}', 'parsed', null, 'utf-8', 1, 'v');
        insert into staging.stg_stories values
            ('s1', 'd1', 'a.txt', 0, 'main', 'Chengdu plans a park', null, '2024-05-01', null, null, null, '{BODY}', 12),
            ('s2', 'd2', 'b.txt', 0, 'main', 'Another story', null, '2024-05-02', null, null, null, 'Text.', 1);
        insert into staging.stg_entity_mentions values ('s1', 'd1', 'body', 'jurisdiction', 'Chengdu', 'Chengdu', 0, 7, null);
        insert into staging.stg_targets (story_key, document_id, metric, target_value, unit, evidence, char_start,
                                         char_end, amount_text, amount_start, amount_end)
            values ('s1', 'd1', 'investment', 5e9, 'CNY', '{BODY}', 0, {len(BODY)}, '5 billion yuan', 20, 34);
        insert into staging.stg_story_topics values ('s1', 'd1', 'metaverse', 0, 1, true, 'body', 40, 'metaverse');
    """)
    return con


def test_clean_rows_pass_every_check(con):
    assert [name for name, ok in _results(con).items() if not ok] == []


def test_every_staging_asset_has_at_least_two_checks():
    defs = build_definitions()
    per_asset: dict[str, int] = {}
    for key in defs.resolve_asset_graph().asset_check_keys:
        per_asset[key.asset_key.to_user_string()] = per_asset.get(key.asset_key.to_user_string(), 0) + 1
    for table in ("stg_documents", "stg_stories", "stg_entity_mentions", "stg_targets", "stg_story_topics"):
        assert per_asset.get(f"staging/{table}", 0) >= 2, table


def test_a_story_without_its_document_fails(con):
    con.execute("delete from staging.stg_documents where document_id = 'd2'")
    results = _results(con)
    assert not results["stg_stories__document_present"]
    assert results["stg_entity_mentions__offsets_inside_field"]


def test_a_mention_past_the_end_of_its_field_fails(con):
    con.execute("insert into staging.stg_entity_mentions values ('s2', 'd2', 'title', 'company', 'X', 'X', 5, 40, null)")
    results = _results(con)
    assert not results["stg_entity_mentions__offsets_inside_field"]
    assert results["stg_entity_mentions__story_copy_present"]


def test_a_mention_of_a_copy_not_in_stories_fails(con):
    con.execute("insert into staging.stg_entity_mentions values ('s1', 'd9', 'body', 'company', 'X', 'X', 0, 3, null)")
    assert not _results(con)["stg_entity_mentions__story_copy_present"]


def test_a_target_past_the_end_of_the_body_fails(con):
    con.execute("update staging.stg_targets set char_end = 500, amount_end = 400")
    results = _results(con)
    assert not results["stg_targets__offsets_inside_body"]
    assert results["stg_targets__story_copy_present"]


def test_a_topic_whose_first_mention_is_not_at_its_offset_fails(con):
    con.execute("update staging.stg_story_topics set char_start = 42")
    results = _results(con)
    assert not results["stg_story_topics__first_mention_at_offset"]
    assert results["stg_story_topics__at_most_one_primary_topic"] and results["stg_story_topics__story_copy_present"]


def test_a_story_with_two_primary_topics_fails(con):
    con.execute("insert into staging.stg_story_topics values ('s1', 'd1', 'crypto', 1, 0, true, 'title', 0, 'Chengdu')")
    results = _results(con)
    assert not results["stg_story_topics__at_most_one_primary_topic"]


def test_many_failed_documents_in_the_latest_batch_warn(con):
    con.execute(f"insert into staging.stg_documents values ('d3', 'c.txt', 'txt', 9, '{BATCH}', 'failed', "
                "'The file is binary.', null, 0, 'v')")
    check = next(c for c in TABLE_CHECKS["staging", "stg_documents"] if c.name == "stg_documents__failed_or_empty_share")
    passed, detail = run_check(con, check)
    assert check.warns and not check.blocking
    assert not passed and "0.333" in detail


def test_failed_documents_of_an_older_batch_do_not_warn(con):
    con.execute("insert into staging.stg_documents values ('d3', 'c.txt', 'txt', 9, '2024-01-01', 'failed', "
                "'The file is binary.', null, 0, 'v')")
    assert _results(con)["stg_documents__failed_or_empty_share"]


def test_main_stories_without_date_in_the_latest_batch_warn(con):
    con.execute("update staging.stg_stories set published_at = null")
    results = _results(con)
    assert not results["stg_stories__main_without_title_or_date_share"]
    assert results["stg_stories__document_present"]


def test_staging_checks_never_block_the_build():
    checks = [c for cs in TABLE_CHECKS.values() for c in cs]
    assert checks and not any(c.blocking for c in checks)
    assert any(c.warns for c in checks)


def test_a_run_reports_the_staging_checks(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Chengdu plans a metaverse park\n\nPublished: 2024-06-02\n\n" + BODY + "\n", encoding="utf-8")
    defs = build_definitions(raw, tmp_path / "w.duckdb")
    result = defs.resolve_job_def("build_warehouse").execute_in_process(instance=dg.DagsterInstance.ephemeral())
    assert result.success
    checked = {e.asset_check_key.asset_key.to_user_string() for e in result.get_asset_check_evaluations()}
    assert {"staging/stg_documents", "staging/stg_stories", "staging/stg_entity_mentions", "staging/stg_targets"} <= checked
