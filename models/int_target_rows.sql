-- name: int_target_rows
-- grain: one row per target stated in a story copy (target_row_id)
-- description: Every staged target with the real target it belongs to: rows of the same jurisdiction and metric (fund_size and investment count as one, stories mix them) whose values agree within 1% (in the same unit, or in USD) and whose years do not differ are one target, however many stories state it.
-- @unique: target_row_id
-- @not_null: target_row_id, target_key, story_key, metric, target_type
-- columns:
--   target_row_id: Key of the staged row: md5 of story, document, offsets, metric, unit and value.
--   target_key: Key of the real-world target: md5 of jurisdiction, metric, unit, value and year of its first statement.
--   story_key: The story stating the target.
--   document_id: The page whose copy of the story was read.
--   jurisdiction_key: The jurisdiction that set or holds the target (dim_jurisdiction), null when unknown.
--   metric: What is targeted (industry_size, fund_size, investment, companies, talent, ...).
--   target_value: The figure in unit, as stated in this story.
--   unit: ISO 4217 currency code, or count.
--   target_value_usd: USD figure stated or converted, null for counts.
--   usd_is_stated: True when the USD figure is written in the text.
--   target_year: Deadline year, null when none.
--   evidence: The sentence stating the target.
--   char_start: Start offset of the evidence in the story body.
--   published_at: Publication time of the story, null when undated.
--   is_first_statement: True for the earliest statement of the target (by published date, then story_key and offset).
--   target_type: Initiative type suggested by the cue words of the evidence sentence (else of the story title), other when none.

with recursive

targets as (select * from staging.stg_targets),
stories as (select * from dim_story),
names as (select * from int_jurisdiction_names),
cues as (select pattern, initiative_type, cast(priority as integer) as priority from seed_initiative_type_cues),

target_rows as (
    select
        md5(concat_ws('|', t.story_key, t.document_id, cast(t.amount_start as varchar), cast(t.amount_end as varchar),
                      t.metric, t.unit, cast(t.target_value as varchar))) as target_row_id,
        t.story_key,
        t.document_id,
        n.jurisdiction_key,
        t.metric,
        t.target_value,
        t.unit,
        t.target_value_usd,
        t.usd_is_stated,
        t.target_year,
        t.evidence,
        t.char_start,
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
        md5(concat_ws('|', coalesce(jurisdiction_key, ''), metric_group, upper(unit), cast(target_value as varchar),
                      coalesce(cast(target_value_usd as varchar), ''), coalesce(cast(target_year as varchar), ''))) as node_id
    from (
        select *, case when metric in ('fund_size', 'investment') then 'fund_or_investment' else metric end as metric_group
        from target_rows
    )
),

nodes as (
    select distinct node_id, jurisdiction_key, metric_group, upper(unit) as unit, target_value, target_value_usd, target_year
    from keyed_rows
),

same_target as (
    select a.node_id as from_id, b.node_id as to_id
    from nodes as a
    join nodes as b
        on coalesce(a.jurisdiction_key, '') = coalesce(b.jurisdiction_key, '')
        and a.metric_group = b.metric_group
        and a.node_id <> b.node_id
        and (a.target_year is null or b.target_year is null or a.target_year = b.target_year)
        and (
            (a.unit = b.unit
             and abs(a.target_value - b.target_value) <= 0.01 * greatest(abs(a.target_value), abs(b.target_value)))
            or (a.target_value_usd is not null and b.target_value_usd is not null
                and abs(a.target_value_usd - b.target_value_usd)
                    <= 0.01 * greatest(abs(a.target_value_usd), abs(b.target_value_usd)))
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
        md5(concat_ws('|', coalesce(jurisdiction_key, ''), metric, upper(unit), cast(target_value as varchar),
                      coalesce(cast(target_year as varchar), ''))) as target_key
    from ordered
    where statement_rank = 1
),

-- cue patterns are matched once per distinct text (a pattern read from a table is compiled for every
-- row it meets, and a restated target repeats its sentence): evidence matches first, then the title's
texts as (
    select distinct lower(evidence) as text from target_rows
    union
    select distinct lower(coalesce(title, '')) from target_rows
),

text_cues as (
    select x.text, c.initiative_type, c.priority
    from texts as x
    join cues as c on regexp_matches(x.text, c.pattern)
),

cue_hits as (
    select
        target_row_id,
        initiative_type,
        row_number() over (partition by target_row_id order by from_title, priority) as hit_rank
    from (
        select t.target_row_id, c.initiative_type, c.priority, 0 as from_title
        from target_rows as t join text_cues as c on c.text = lower(t.evidence)
        union all
        select t.target_row_id, c.initiative_type, c.priority, 1 as from_title
        from target_rows as t join text_cues as c on c.text = lower(coalesce(t.title, ''))
    )
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
        o.evidence,
        o.char_start,
        o.published_at,
        o.statement_rank = 1 as is_first_statement,
        coalesce(h.initiative_type, 'other') as target_type
    from ordered as o
    join first_statements as f on f.component_id = o.component_id
    left join cue_hits as h on h.target_row_id = o.target_row_id and h.hit_rank = 1
)

select * from final
