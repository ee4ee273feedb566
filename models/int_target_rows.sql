-- name: int_target_rows
-- grain: one row per target stated in a story copy (target_row_id)
-- description: Every staged target with the real target it belongs to: rows of the same jurisdiction and metric (fund_size and investment count as one, stories mix them) whose values agree within 1% in the same unit, or in USD within 3% (two USD figures written by journalists converting at different dates) or 5% (one of them converted at our rate table) and whose years written in their sentences do not differ are one target, however many stories state it (a year taken from the paragraph, the plan or the headline does not split a target).
-- @unique: target_row_id
-- @not_null: target_row_id, target_key, story_key, metric, target_type
-- columns:
--   target_row_id: Key of the staged row: md5 of story, document, offsets, metric, unit and value (and holder_no when above 0).
--   target_key: Key of the real-world target: md5 of jurisdiction, metric, unit, value and year of its first statement.
--   story_key: The story stating the target.
--   document_id: The page whose copy of the story was read.
--   jurisdiction_key: The jurisdiction that set or holds the target (dim_jurisdiction), null when unknown.
--   metric: What is targeted (industry_size, fund_size, investment, companies, talent, ...).
--   target_value: The figure in unit, as stated in this story.
--   unit: ISO 4217 currency code, or count.
--   target_value_usd: USD figure stated or converted, null for counts.
--   usd_is_stated: True when the USD figure is written in the text, null for counts.
--   target_year: Deadline year, null when none.
--   year_is_stated: True when the year is written in the evidence sentence, false when taken from its context, null when no year.
--   evidence: The sentence stating the target.
--   char_start: Start offset of the evidence in the story body.
--   published_at: Publication time of the story, null when undated.
--   is_first_statement: True for the earliest statement of the target (by published date, then story_key and offset).
--   initiative_no: The initiative of the story the target belongs to (staging.stg_initiatives).
--   target_type: Type of that initiative (from the ranked cue words of the story's headline and lead, or of the evidence sentence), other when none.

-- Figures go into keys as decimal(38, 6) text: DuckDB and Spark print a DOUBLE differently (150000000.0, 1.5E8),
-- and the keys must be the same on both engines (pipelines/spark).

with recursive

targets as (select * from staging.stg_targets),
stories as (select * from dim_story),
names as (select * from int_jurisdiction_names),
initiatives as (select * from staging.stg_initiatives),

target_rows as (
    select
        md5(concat_ws('|', t.story_key, t.document_id, cast(t.amount_start as varchar), cast(t.amount_end as varchar),
                      t.metric, t.unit, cast(cast(t.target_value as decimal(38, 6)) as varchar),
                      case when t.holder_no > 0 then cast(t.holder_no as varchar) end)) as target_row_id,
        t.story_key,
        t.document_id,
        n.jurisdiction_key,
        t.metric,
        t.target_value,
        t.unit,
        t.target_value_usd,
        case when t.unit = 'count' then null else t.usd_is_stated end as usd_is_stated,
        t.target_year,
        t.year_is_stated,
        t.evidence,
        t.char_start,
        t.initiative_no,
        s.published_at,
        s.title
    from targets as t
    left join stories as s on s.story_key = t.story_key
    left join names as n on n.jurisdiction_name = t.jurisdiction_name
),

-- identical statements (same place, metric group, unit, value, USD figure and year) are one node, so the
-- pairwise comparison below grows with the number of distinct figures, not with the number of restatements
keyed_rows as (
    select
        *,
        md5(concat_ws('|', coalesce(jurisdiction_key, ''), metric_group, upper(unit), cast(cast(target_value as decimal(38, 6)) as varchar),
                      coalesce(cast(cast(target_value_usd as decimal(38, 6)) as varchar), ''), coalesce(cast(target_year as varchar), ''),
                      coalesce(cast(year_is_stated as varchar), ''), coalesce(cast(usd_is_stated as varchar), ''))) as node_id
    from (
        select *, case when metric in ('fund_size', 'investment') then 'fund_or_investment' else metric end as metric_group
        from target_rows
    )
),

nodes as (
    select distinct node_id, jurisdiction_key, metric_group, upper(unit) as unit, target_value, target_value_usd, target_year,
        coalesce(year_is_stated, false) as year_is_stated, coalesce(usd_is_stated, false) as usd_is_stated
    from keyed_rows
),

same_target as (
    select a.node_id as from_id, b.node_id as to_id
    from nodes as a
    join nodes as b
        on coalesce(a.jurisdiction_key, '') = coalesce(b.jurisdiction_key, '')
        and a.metric_group = b.metric_group
        and a.node_id <> b.node_id
        and (a.target_year is null or b.target_year is null or a.target_year = b.target_year
             or not a.year_is_stated or not b.year_is_stated)
        and (
            (a.unit = b.unit
             and abs(a.target_value - b.target_value) <= 0.01 * greatest(abs(a.target_value), abs(b.target_value)))
            or (a.target_value_usd is not null and b.target_value_usd is not null
                and abs(a.target_value_usd - b.target_value_usd)
                    <= case when a.usd_is_stated and b.usd_is_stated then 0.03 else 0.05 end
                       * greatest(abs(a.target_value_usd), abs(b.target_value_usd)))
        )
),

reach (node_id, reached_id) as (
    select node_id, node_id from nodes
    union
    select r.node_id, e.to_id
    from reach as r
    join same_target as e on e.from_id = r.reached_id
),

node_components as (
    select node_id, min(reached_id) as component_id
    from reach
    group by node_id
),

components as (
    select k.target_row_id, c.component_id
    from keyed_rows as k
    join node_components as c on c.node_id = k.node_id
),

ordered as (
    select
        t.*,
        c.component_id,
        row_number() over (
            partition by c.component_id
            order by t.published_at nulls last, t.story_key, t.char_start, t.target_row_id
        ) as statement_rank
    from target_rows as t
    join components as c on c.target_row_id = t.target_row_id
),

first_statements as (
    select
        component_id,
        md5(concat_ws('|', coalesce(jurisdiction_key, ''), metric, upper(unit), cast(cast(target_value as decimal(38, 6)) as varchar),
                      coalesce(cast(target_year as varchar), ''))) as target_key
    from ordered
    where statement_rank = 1
),

final as (
    select
        o.target_row_id,
        f.target_key,
        o.story_key,
        o.document_id,
        o.jurisdiction_key,
        o.metric,
        o.target_value,
        o.unit,
        o.target_value_usd,
        o.usd_is_stated,
        o.target_year,
        o.year_is_stated,
        o.evidence,
        o.char_start,
        o.published_at,
        o.statement_rank = 1 as is_first_statement,
        o.initiative_no,
        coalesce(i.initiative_type, 'other') as target_type
    from ordered as o
    join first_statements as f on f.component_id = o.component_id
    left join initiatives as i on i.story_key = o.story_key and i.initiative_no = o.initiative_no
)

select * from final
