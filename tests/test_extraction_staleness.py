"""Which stories extract_stories reads again: a story whose page was parsed again by another parser version has a
new body, so its mentions and targets are read again and their offsets point into the body that is stored."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.load.loader import ensure_schema
from pipelines.extract.stage import extract_stories
from pipelines.stages import ingest_raw, parse_documents

PAGE = ("Sichuan sets out its metaverse plan\n\nPolicy·May 3, 2022\n\n"
        "Sichuan aims for a metaverse industry of 250 billion yuan by 2025, the provincial government said on "
        "Tuesday, and Chengdu will host the first projects of the plan.\n")


@pytest.fixture
def con(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "sichuan.txt").write_text(PAGE, encoding="utf-8")
    connection = duckdb.connect(":memory:")
    ensure_schema(connection)
    ingest_raw(connection, raw)
    parse_documents(connection, raw)
    assert extract_stories(connection).stories >= 1
    yield connection
    connection.close()


def _surfaces(con) -> set[tuple[str, str]]:
    """(surface text, the body's text at the mention's offsets) of every body mention."""
    return set(con.execute("""select m.surface_text, substr(s.body, m.char_start + 1, m.char_end - m.char_start)
        from staging.stg_entity_mentions m join staging.stg_stories s using (story_key, document_id)
        where m.field = 'body'""").fetchall())


def _reparse_with_a_new_parser(con) -> None:
    """What a parse by another parser version leaves: the same story keys with another body."""
    con.execute("update staging.stg_stories set body = 'A new paragraph the new parser reads first. ' || body")
    con.execute("update staging.stg_documents set parser_version = 'another parser'")


def test_unchanged_stories_are_not_extracted_again(con):
    assert extract_stories(con).stories == 0


def test_a_page_parsed_again_by_another_parser_is_extracted_again(con):
    stories = con.execute("select count(distinct story_key) from staging.stg_stories").fetchone()[0]
    _reparse_with_a_new_parser(con)
    assert extract_stories(con).stories == stories
    surfaces = _surfaces(con)
    assert ("Sichuan", "Sichuan") in surfaces and all(text == found for text, found in surfaces)
    assert con.execute("select distinct parser_version from staging.stg_extractions").fetchall() == [("another parser",)]
    assert extract_stories(con).stories == 0  # and once only


def test_target_offsets_follow_the_body_read_again(con):
    _reparse_with_a_new_parser(con)
    extract_stories(con)
    evidence = con.execute("""select substr(s.body, t.amount_start + 1, t.amount_end - t.amount_start)
        from staging.stg_targets t join staging.stg_stories s using (story_key, document_id)""").fetchall()
    assert evidence and all("250 billion" in text for (text,) in evidence)


def _copy(con, key: str, document_id: str, position: int, body: str) -> None:
    """Another copy of story `key` on page `document_id` at `position`, with this body (and that page's row)."""
    con.execute("""insert into staging.stg_documents select * replace (? as document_id) from staging.stg_documents
                   where document_id = (select min(document_id) from staging.stg_stories where story_key = ?)
                   and not exists (select 1 from staging.stg_documents where document_id = ?)""", [document_id, key, document_id])
    con.execute("""insert into staging.stg_stories select * replace (? as document_id, ? as position, ? as body)
                   from staging.stg_stories where story_key = ? and position = 0""", [document_id, position, body, key])


def _extracted_from(con, key: str) -> tuple[str, set[str]]:
    """(the page the story was extracted from, the jurisdictions found in its body)."""
    page = con.execute("select document_id from staging.stg_extractions where story_key = ?", [key]).fetchone()[0]
    places = {r[0] for r in con.execute("select entity_name from staging.stg_entity_mentions where story_key = ? and "
                                        "field = 'body' and entity_type = 'jurisdiction'", [key]).fetchall()}
    return page, places


def test_the_longest_copy_is_extracted_then_the_first_page_then_the_first_place_on_it(con):
    key = con.execute("select story_key from staging.stg_stories where position = 0").fetchone()[0]
    longer = ("Wuhan will build a metaverse park worth 3 billion yuan by 2026, the city government said on Monday, "
              "and the first companies will move into its offices before the end of the year.")  # longer than PAGE's
    _copy(con, key, "zz-page", 3, longer)
    assert extract_stories(con).stories == 1
    assert _extracted_from(con, key)[0] == "zz-page"
    same_length = "Hefei".join(longer.split("Wuhan"))  # as long as the Wuhan copy
    _copy(con, key, "aa-page", 5, same_length)
    _copy(con, key, "aa-page", 2, "Xi'an".join(longer.split("Wuhan")))
    assert extract_stories(con).stories == 1
    page, places = _extracted_from(con, key)
    assert page == "aa-page" and "Xi'an" in places and not {"Hefei", "Wuhan"} & places
    assert extract_stories(con).stories == 0
