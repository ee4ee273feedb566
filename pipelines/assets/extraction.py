"""Entities and targets with provenance: thin Dagster assets over pipelines.extract.stage.extract_stories."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.checks import table_check_results, table_check_specs
from pipelines.assets.metadata import built_metadata, declared_metadata
from pipelines.assets.staging import RETRY
from pipelines.extract.stage import extract_stories

STORIES = dg.AssetKey(["staging", "stg_stories"])
CHECKED = (("staging", "stg_entity_mentions"), ("staging", "stg_targets"),
           ("staging", "stg_story_topics"))  # checks in pipelines/checks/staging.sql


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["staging", "stg_entity_mentions"], deps=[STORIES], group_name="staging", kinds={"duckdb", "python"},
                     metadata=declared_metadata("staging", "stg_entity_mentions"),
                     description="One row per entity mention (company, jurisdiction, organization, person) with offsets."),
        dg.AssetSpec(["staging", "stg_targets"], deps=[STORIES], group_name="staging", kinds={"duckdb", "python"},
                     metadata=declared_metadata("staging", "stg_targets"),
                     description="One row per quantified target or commitment stated in a story, with its evidence sentence."),
        dg.AssetSpec(["staging", "stg_story_topics"], deps=[STORIES], group_name="staging", kinds={"duckdb", "python"},
                     metadata=declared_metadata("staging", "stg_story_topics"),
                     description="One row per topic (metaverse, web3, crypto, cbdc) a story writes about, with counts."),
        dg.AssetSpec(["staging", "stg_extractions"], deps=[STORIES], group_name="staging", kinds={"duckdb", "python"},
                     metadata=declared_metadata("staging", "stg_extractions"),
                     description="One row per story: which copy the extractors read and what they found."),
        dg.AssetSpec(["staging", "ref_jurisdictions"], deps=[STORIES], group_name="staging", kinds={"duckdb", "python"},
                     metadata=declared_metadata("staging", "ref_jurisdictions"),
                     description="Gazetteer rows for every jurisdiction mentioned and all its ancestors up to the country."),
        dg.AssetSpec(["staging", "ref_companies"], deps=[STORIES], group_name="staging", kinds={"duckdb", "python"},
                     metadata=declared_metadata("staging", "ref_companies"),
                     description="One row per canonical company mentioned, with the variants merged into it."),
    ],
    check_specs=table_check_specs(*CHECKED),
    retry_policy=RETRY,
)
def extracted_entities(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Extract mentions and targets from stories whose canonical copy changed."""
    with duckdb.get_connection() as con:
        result = extract_stories(con)
        built = {t: built_metadata(con, "staging", t)
                 for t in ("stg_entity_mentions", "stg_targets", "stg_story_topics", "stg_extractions", "ref_jurisdictions",
                           "ref_companies")}
        checks = list(table_check_results(context, con, *CHECKED))
    context.log.info(f"extracted {result.stories} stories: {result.mentions} mentions, {result.targets} targets")
    extra = {"stg_entity_mentions": {"new_mentions": result.mentions, **{f"new_{k}": v for k, v in result.by_type.items()}},
             "stg_targets": {"new_targets": result.targets},
             "stg_extractions": {"stories_extracted": result.stories, "stories_removed": result.removed}}
    for table, metadata in built.items():
        yield dg.MaterializeResult(asset_key=["staging", table], metadata={**metadata, **extra.get(table, {})})
    yield from checks
