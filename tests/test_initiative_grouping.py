"""How int_initiative_members groups stories into initiatives: runs of headlines by date, undated ones, bodies
named in passing, and one target restated by many stories (the model's components over candidates and groups)."""
import pytest

from pipelines.modelling.modelgraph import build_models
from tests.test_models import rows, small_warehouse

# Headline funds of one place: 91 and 110 days apart (one run), then 165 days later (a new one), and an undated one.
# Stories linked only through a chain of targets: h1 states 100 and 300 companies, h2 300 and 500, h3 500.
CHAIN = {"h1": (100, 300), "h2": (300, 500), "h3": (500,)}
FUND_STORIES = {"f1": "2024-01-01", "f2": "2024-04-01", "f3": "2024-07-20", "f4": "2025-01-01", "f5": None}


def _add_story(con, key: str, published: str | None, headline: str, place: str, kind: str, statement: str) -> None:
    con.execute("insert into staging.stg_stories values (?, ?, ?, 0, 'main', ?, null, ?, null, null, null, ?, 10)",
                [key, f"doc-{key}", f"{key}.txt", headline, published, headline + "."])
    con.execute("insert into staging.stg_initiatives values (?, ?, 0, ?, ?, ?, 'title', 0, ?, ?)",
                [key, f"doc-{key}", kind, place, headline, statement == "headline", statement])


@pytest.fixture(scope="module")
def con():
    con = small_warehouse()
    for key, published in FUND_STORIES.items():
        _add_story(con, key, published, f"Jiangning sets up a metaverse fund ({key})", "Jiangning", "fund", "headline")
    _add_story(con, "m1", "2024-08-01", "Nanjing metaverse alliance adds members", "Nanjing", "alliance", "mention")
    for i in range(30):  # one target restated by thirty more stories
        key = f"r{i:02d}"
        _add_story(con, key, f"2024-{1 + i % 12:02d}-15", f"Sichuan repeats its metaverse goal ({key})", "Chengdu"
                   if i % 2 else "Sichuan", "plan", "target")
        con.execute("insert into staging.stg_targets select * replace (?::varchar as story_key, ?::varchar as document_id) "
                    "from staging.stg_targets where story_key = 's2' and document_id = 'd2'", [key, f"doc-{key}"])
    for key, counts in CHAIN.items():
        _add_story(con, key, "2024-03-01", f"Hefei counts its metaverse goals ({key})", "Hefei", "plan", "target")
        for n, count in enumerate(counts):
            sentence = f"Hefei wants {count} companies by 2026."
            con.execute("insert into staging.stg_targets values (?, ?, 'Hefei', 'companies', ?, 'count', null, null, "
                        "2026, ?, 0, 500, ?, ?, ?, true, 0, 0)", [key, f"doc-{key}", count, sentence, str(count),
                                                                   12 + 100 * n, 15 + 100 * n])
    _add_story(con, "h4", "2024-03-01", "Hefei counts other goals (h4)", "Hefei", "plan", "target")
    con.execute("insert into staging.stg_targets values ('h4', 'doc-h4', 'Hefei', 'companies', 900, 'count', null, "
                "null, 2026, 'Hefei wants 900 companies by 2026.', 0, 33, '900', 12, 15, true, 0, 0)")
    build_models(con)
    return con


def _initiative_of(con, story_key: str) -> str:
    """The initiative of a story's headline or first initiative (initiative_no 0)."""
    found = {r["initiative_id"] for r in rows(con, "select initiative_id from intermediate.int_initiative_members "
                                                     f"where story_key = '{story_key}' and initiative_no = 0")}
    assert len(found) == 1, found
    return found.pop()


def test_headlines_at_most_120_days_apart_are_one_initiative_and_an_undated_one_joins_them(con):
    assert _initiative_of(con, "f1") == _initiative_of(con, "f2") == _initiative_of(con, "f3") == _initiative_of(con, "f5")


def test_a_gap_of_more_than_120_days_starts_another_initiative(con):
    assert _initiative_of(con, "f4") != _initiative_of(con, "f3")


def test_a_body_named_in_passing_joins_the_earliest_announced_one(con):
    assert _initiative_of(con, "m1") == _initiative_of(con, "s3")


def test_a_target_restated_by_many_stories_is_one_initiative(con):
    sichuan = _initiative_of(con, "s2")
    assert {_initiative_of(con, f"r{i:02d}") for i in range(30)} == {sichuan}
    assert _initiative_of(con, "s1") == sichuan  # s1 states the same target
    assert len(rows(con, f"select * from main.fact_initiative where initiative_id = '{sichuan}'")) == 1


def test_stories_linked_through_a_chain_of_targets_are_one_initiative(con):
    assert _initiative_of(con, "h1") == _initiative_of(con, "h2") == _initiative_of(con, "h3")


def test_a_story_sharing_no_target_with_the_chain_stays_apart(con):
    assert _initiative_of(con, "h4") != _initiative_of(con, "h1")
