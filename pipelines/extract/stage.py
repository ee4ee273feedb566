"""The extraction stage: stories whose canonical copy changed -> staging.stg_entity_mentions, stg_targets,
stg_initiatives, stg_initiative_companies, stg_story_topics, ref_jurisdictions, ref_companies, and stg_extractions last (the row that
marks a story extracted, so a run killed before it extracts the story again). Both engines call extract_one and
reference_rows; the DuckDB path runs extract_stories (pipelines.stages holds the ingest and parse stages).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from pipelines.lifecycle.buildstate import mark_changed
from pipelines.lifecycle.versions import extractor_version
from pipelines.load.loader import replace_rows
from pipelines.stages import pool_map, utcnow


def warm_extractors() -> None:
    """Load the extractors' imports, gazetteer and place names once (about a second of work)."""
    from pipelines.extract.company_names import place_names
    from pipelines.extract.gazetteer import load_gazetteer
    from pipelines.extract.story import extract_story

    load_gazetteer(), place_names(), extractor_version()
    extract_story("Sichuan fund", "Acme Corp and the Sichuan government plan a 1 billion yuan fund by 2025.")
    extract_story("四川基金", "四川省计划到2025年设立10亿元基金。")  # the Chinese names and rules too


@dataclass
class ExtractResult:
    """What extract_stories did."""

    stories: int = 0
    mentions: int = 0
    targets: int = 0
    removed: int = 0
    by_type: dict = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """True when the run extracted or dropped any story."""
        return bool(self.stories or self.removed)


EXTRACTION_TABLES = ["staging.stg_entity_mentions", "staging.stg_targets", "staging.stg_initiatives",
                     "staging.stg_initiative_companies", "staging.stg_story_topics", "staging.stg_extractions"]
# The copy of each story that is extracted: the longest body (then the first document, then the first place on the
# page, as dim_story keeps). One pass over the copies (arg_min over the body's length, not a window sorting them, and
# not the bodies themselves: carrying 105,000 bodies through a sort took ~0.25 s of a 1%-new run at 20,000 pages, in
# which the bodies of ~200 copies are needed).
CANONICAL_KEYS = """
    select story_key, kept.document_id as document_id, kept.position as position from (
        select story_key,
               arg_min({'document_id': document_id, 'position': position},
                       {'body_length': -length(body), 'document_id': document_id, 'position': position}) as kept
        from staging.stg_stories group by story_key) as ranked
"""
COPY_COLUMNS = "s.story_key, s.document_id, s.title, s.body, s.published_at, s.source_site"
CANONICAL_COPIES = f"""
    select {COPY_COLUMNS} from ({CANONICAL_KEYS}) as k join staging.stg_stories as s using (story_key, document_id, position)
"""


def extract_one(row: tuple) -> tuple[str, str, list[dict], list[dict], list[dict], list[dict], list[dict]]:
    """Mention, target, initiative, participant and topic rows for one story copy (a CANONICAL_COPIES row): the
    per-story work of both engines."""
    from pipelines.extract.initiatives import find_initiatives
    from pipelines.extract.story import extract_story
    from pipelines.extract.topics import story_topics

    story_key, document_id, title, body, published_at, source_site = row
    mentions, targets = extract_story(title, body, published_at, source_site)
    initiatives, numbers, participants = find_initiatives(title, body, mentions, targets)
    for t, no in zip(targets, numbers):
        t.extra["initiative_no"] = no
    initiative_rows = [{"story_key": story_key, "document_id": document_id, "initiative_no": i.initiative_no,
                        "initiative_type": i.initiative_type, "jurisdiction_name": i.jurisdiction_name,
                        "description": i.description, "field": i.field, "char_start": i.char_start,
                        "is_headline": i.is_headline, "statement": i.statement} for i in initiatives]
    participant_rows = list({(p.initiative_no, p.company_name, p.field, p.char_start): {
        "story_key": story_key, "document_id": document_id, "initiative_no": p.initiative_no,
        "company_name": p.company_name, "role": p.role, "field": p.field, "char_start": p.char_start}
        for p in participants}.values())
    mention_rows = list({(m.field, m.entity_type, m.char_start, m.char_end): {
        "story_key": story_key, "document_id": document_id, "field": m.field, "entity_type": m.entity_type,
        "entity_name": m.entity_name, "surface_text": m.surface_text, "char_start": m.char_start,
        "char_end": m.char_end, "parent_name": m.parent} for m in mentions}.values())
    target_rows = list({(t.extra["amount_start"], t.extra["amount_end"], t.extra.get("holder_no", 0)): {
        "story_key": story_key, "document_id": document_id, "jurisdiction_name": t.jurisdiction_name,
        "metric": t.metric, "target_value": t.target_value, "unit": t.unit, "target_value_usd": t.target_value_usd,
        "usd_is_stated": t.usd_is_stated, "target_year": t.target_year, "evidence": t.evidence,
        "char_start": t.char_start, "char_end": t.char_end, "amount_text": t.extra["amount_text"],
        "amount_start": t.extra["amount_start"], "amount_end": t.extra["amount_end"],
        "year_is_stated": t.extra.get("year_is_stated"), "initiative_no": t.extra["initiative_no"],
        "holder_no": t.extra.get("holder_no", 0)}
        for t in targets}.values())
    topic_rows = [{"story_key": story_key, "document_id": document_id, "topic": t.topic,
                   "title_mentions": t.title_mentions, "body_mentions": t.body_mentions, "is_primary": t.is_primary,
                   "field": t.field, "char_start": t.char_start, "surface_text": t.surface_text}
                  for t in story_topics(title, body)]
    return story_key, document_id, mention_rows, target_rows, initiative_rows, participant_rows, topic_rows


def extract_stories(con: duckdb.DuckDBPyConnection, everything: bool = False) -> ExtractResult:
    """Run the extractors on every story whose canonical copy changed since it was last extracted."""
    stale = ("e.document_id is distinct from c.document_id or e.extractor_version is distinct from ? "
             "or e.parser_version is distinct from d.parser_version")  # a page parsed again has new bodies and offsets
    pending = con.execute(f"""
        with canonical as ({CANONICAL_KEYS}),
        stale as (select c.*, d.parser_version from canonical c join staging.stg_documents d using (document_id)
                  left join staging.stg_extractions e using (story_key)
                  where {"true" if everything else stale})
        select {COPY_COLUMNS}, c.parser_version
        from stale c join staging.stg_stories s using (story_key, document_id, position)
        order by s.story_key""", [] if everything else [extractor_version()]).fetchall()  # bodies of these copies only
    parsed_by = {row[0]: row[-1] for row in pending}
    gone = [r[0] for r in con.execute(
        "select story_key from staging.stg_extractions where story_key not in (select story_key from staging.stg_stories)"
    ).fetchall()]
    outputs = pool_map(extract_one, [row[:-1] for row in pending], warm=warm_extractors)
    now = utcnow()
    keys = [o[0] for o in outputs] + gone
    mention_rows = [m for o in outputs for m in o[2]]
    target_rows = [t for o in outputs for t in o[3]]
    initiative_rows = [i for o in outputs for i in o[4]]
    participant_rows = [p for o in outputs for p in o[5]]
    topic_rows = [p for o in outputs for p in o[6]]
    runs = [{"story_key": k, "document_id": d, "mention_count": len(m), "target_count": len(t), "extracted_at": now,
             "extractor_version": extractor_version(), "parser_version": parsed_by[k]}
            for k, d, m, t, *_ in outputs]
    if outputs or gone:
        mark_changed(con, [*EXTRACTION_TABLES, "staging.ref_jurisdictions", "staging.ref_companies"])
    replace_rows(con, "staging.stg_entity_mentions", mention_rows, "story_key", keys=keys)
    replace_rows(con, "staging.stg_targets", target_rows, "story_key", keys=keys)
    replace_rows(con, "staging.stg_initiatives", initiative_rows, "story_key", keys=keys)
    replace_rows(con, "staging.stg_initiative_companies", participant_rows, "story_key", keys=keys)
    replace_rows(con, "staging.stg_story_topics", topic_rows, "story_key", keys=keys)
    if outputs or gone:
        refresh_references(con)
    replace_rows(con, "staging.stg_extractions", runs, "story_key", keys=keys)  # last: marks the stories extracted
    result = ExtractResult(stories=len(outputs), mentions=len(mention_rows), targets=len(target_rows), removed=len(gone))
    for m in mention_rows:
        result.by_type[m["entity_type"]] = result.by_type.get(m["entity_type"], 0) + 1
    return result


# What the reference tables are made from, in SQL both engines run as written (standard SQL over the staging tables).
REFERENCE_QUERIES = {
    "places": "select distinct entity_name from staging.stg_entity_mentions where entity_type = 'jurisdiction' "
              "union select distinct jurisdiction_name from staging.stg_targets where jurisdiction_name is not null "
              "order by 1",
    "companies": "select distinct entity_name from staging.stg_entity_mentions where entity_type = 'company' order by 1",
    "learned": "select entity_name, min(parent_name) from staging.stg_entity_mentions "
               "where entity_type = 'jurisdiction' and parent_name is not null group by entity_name",
}


def reference_rows(places: list[str], companies: list[str], learned: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """(ref_jurisdictions rows, ref_companies rows) for the names REFERENCE_QUERIES found (both engines call this)."""
    from pipelines.extract.company_names import company_rows
    from pipelines.extract.gazetteer import jurisdiction_rows

    return jurisdiction_rows(places, learned), company_rows(companies)


def refresh_references(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild staging.ref_jurisdictions and staging.ref_companies from the names now mentioned."""
    found = {name: con.execute(sql).fetchall() for name, sql in REFERENCE_QUERIES.items()}
    jur, comp = reference_rows([r[0] for r in found["places"]], [r[0] for r in found["companies"]],
                               dict(found["learned"]))
    for table, rows, key in (("staging.ref_jurisdictions", jur, "jurisdiction_name"),
                             ("staging.ref_companies", comp, "company_name")):
        old = [r[0] for r in con.execute(f"select {key} from {table}").fetchall()]
        replace_rows(con, table, rows, key, keys=old + [r[key] for r in rows])  # one transaction: never half-empty
