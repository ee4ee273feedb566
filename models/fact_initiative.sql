-- name: fact_initiative
-- grain: one row per initiative and real-world target (fact_key = initiative_id + target_key); one row with null target columns for an initiative without target
-- description: Initiatives announced by jurisdictions (plans, funds, alliances, licences, facilities...) with their quantified targets. A target reported by several stories is one row: it keeps the first stated figure (by publication date), counts its sources and records the spread of the figures, so summing target_value_usd does not double count.
-- @unique: fact_key
-- @not_null: fact_key, initiative_id, initiative_type, source_count, first_story_key
-- @unique: initiative_id, target_key
-- @foreign_key: jurisdiction_key -> dim_jurisdiction.jurisdiction_key
-- @foreign_key: announced_date_key -> dim_date.date_key
-- @foreign_key: first_story_key -> dim_story.story_key
-- @accepted: initiative_type in ('plan', 'fund', 'alliance', 'working_group', 'policy', 'partnership', 'license', 'facility', 'project', 'other')
-- @accepted: topic in ('metaverse', 'web3', 'crypto', 'cbdc')
-- @accepted: metric in ('industry_size', 'fund_size', 'investment', 'companies', 'talent', 'research_centers', 'projects', 'patents', 'industrial_parks', 'other')
-- @audit fact_initiative__no_double_counted_targets: select jurisdiction_key, metric, target_value, unit, target_year, count(*) as n from main.fact_initiative where metric is not null group by jurisdiction_key, metric, target_value, unit, target_year having count(*) > 1
-- columns:
--   fact_key: Key of the row: md5 of initiative_id and target_key.
--   initiative_id: Key of the initiative; several rows share it when the initiative has several targets.
--   jurisdiction_key: The jurisdiction that announced the initiative or holds the target (dim_jurisdiction), null when unknown.
--   announced_date_key: date_key of the earliest dated story reporting the initiative, null when all its stories are undated.
--   initiative_type: plan, fund, alliance, working_group, policy, partnership, license, facility, project or other: the most specific cue of the first reporting story's headline and lead, or of the target sentence (pipelines/data/initiatives.json).
--   description: The headline (or sentence) of the first story that announced the initiative.
--   metric: What is targeted (industry_size, fund_size, investment, companies, talent, research_centers, projects, patents, industrial_parks, other); null when no target.
--   target_value: The figure in unit as first stated (by publication date); null when no target.
--   unit: ISO 4217 currency code or count; null when no target.
--   target_value_usd: The first USD figure a source states (by publication date); else the first statement's conversion at the rate table; null for counts and when no target.
--   target_year: Deadline year: the first one written in a target sentence, else the first statement's (taken from its context), else any statement's; null when none.
--   first_story_key: The story that first stated the target (or first reported the initiative).
--   source_count: Number of distinct stories reporting the target (or the initiative, for a row without target).
--   target_key: Key of the real-world target (int_target_rows), null when no target.
--   usd_is_stated: True when target_value_usd is written in a source, false when it is a conversion, null for counts and rows without target.
--   target_value_min: Smallest figure in unit stated by any source for the target.
--   target_value_max: Largest figure in unit stated by any source for the target.
--   target_value_usd_min: Smallest USD figure given by any source (spread of conversions, e.g. 34.4 of 34.4-35.1 billion).
--   target_value_usd_max: Largest USD figure given by any source.
--   topic: The primary topic (metaverse, web3, crypto or cbdc, dim_story.topic) of the story that first reported the initiative (its description's story), the same on all its rows, so an initiative is counted under one topic; null when that story has no primary topic. bridge_initiative_story and bridge_story_topic give every topic its stories write about.

with

members as (select * from int_initiative_members),
target_rows as (select * from int_target_rows),
primary_topics as (select story_key, topic from staging.stg_story_topics where is_primary),

initiatives as (
    select
        initiative_id,
        min(published_at) as announced_at,
        count(distinct story_key) as story_count
    from members
    group by initiative_id
),

initiative_heads as (
    select
        *,
        row_number() over (
            partition by initiative_id
            order by case when statement = 'mention' then 1 else 0 end, published_at nulls last,
                     case when is_headline then 0 else 1 end, story_key,
                     case when member_kind = 'statement' then 0 else 1 end, char_start, member_id
        ) as member_rank
    from members
),

targets as (
    select
        m.initiative_id,
        t.target_key,
        count(distinct t.story_key) as source_count,
        min(case when t.unit = f.unit then t.target_value end) as target_value_min,
        max(case when t.unit = f.unit then t.target_value end) as target_value_max,
        min(t.target_value_usd) as target_value_usd_min,
        max(t.target_value_usd) as target_value_usd_max,
        max(t.target_year) as any_target_year,
        arg_min(t.target_year, coalesce(t.published_at, timestamp '9999-12-31'))
            filter (where t.year_is_stated) as first_stated_year,
        arg_min(t.target_value_usd, coalesce(t.published_at, timestamp '9999-12-31'))
            filter (where t.usd_is_stated) as first_stated_usd
    from members as m
    join target_rows as t on t.target_row_id = m.target_row_id
    join target_rows as f on f.target_key = t.target_key and f.is_first_statement
    group by m.initiative_id, t.target_key
),

target_facts as (
    select
        t.initiative_id,
        t.target_key,
        f.metric,
        f.target_value,
        f.unit,
        coalesce(t.first_stated_usd, f.target_value_usd, t.target_value_usd_min) as target_value_usd,
        coalesce(t.first_stated_year, f.target_year, t.any_target_year) as target_year,
        f.story_key as first_story_key,
        cast(t.source_count as integer) as source_count,
        case when f.unit = 'count' then null else t.first_stated_usd is not null end as usd_is_stated,
        t.target_value_min,
        t.target_value_max,
        t.target_value_usd_min,
        t.target_value_usd_max
    from targets as t
    join target_rows as f on f.target_key = t.target_key and f.is_first_statement
),

untargeted_facts as (
    select
        h.initiative_id,
        cast(null as varchar) as target_key,
        cast(null as varchar) as metric,
        cast(null as double) as target_value,
        cast(null as varchar) as unit,
        cast(null as double) as target_value_usd,
        cast(null as integer) as target_year,
        h.story_key as first_story_key,
        cast(i.story_count as integer) as source_count,
        cast(null as boolean) as usd_is_stated,
        cast(null as double) as target_value_min,
        cast(null as double) as target_value_max,
        cast(null as double) as target_value_usd_min,
        cast(null as double) as target_value_usd_max
    from initiative_heads as h
    join initiatives as i on i.initiative_id = h.initiative_id
    where h.member_rank = 1
        and h.initiative_id not in (select initiative_id from targets)
),

facts as (
    select * from target_facts
    union all
    select * from untargeted_facts
),

final as (
    select
        md5(concat_ws('|', f.initiative_id, coalesce(f.target_key, ''))) as fact_key,
        f.initiative_id,
        h.jurisdiction_key,
        cast(strftime(i.announced_at, '%Y%m%d') as integer) as announced_date_key,
        h.initiative_type,
        h.description,
        f.metric,
        f.target_value,
        f.unit,
        f.target_value_usd,
        f.target_year,
        f.first_story_key,
        f.source_count,
        f.target_key,
        f.usd_is_stated,
        f.target_value_min,
        f.target_value_max,
        f.target_value_usd_min,
        f.target_value_usd_max,
        t.topic
    from facts as f
    join initiative_heads as h on h.initiative_id = f.initiative_id and h.member_rank = 1
    join initiatives as i on i.initiative_id = f.initiative_id
    left join primary_topics as t on t.story_key = h.story_key
)

select * from final
