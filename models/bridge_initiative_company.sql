-- name: bridge_initiative_company
-- grain: one row per initiative and company involved (initiative_id, company_key)
-- description: Companies involved in an initiative: named in the evidence sentence of one of its targets, or in a story that reports only this initiative. Role: member of an alliance or working group, lead when named in the headline, partner of a partnership or when named in a target sentence, else other.
-- @unique: initiative_id, company_key
-- @not_null: initiative_id, company_key, role
-- @foreign_key: initiative_id -> fact_initiative.initiative_id
-- @foreign_key: company_key -> dim_company.company_key
-- @accepted: role in ('member', 'lead', 'partner', 'other')
-- columns:
--   initiative_id: The initiative (fact_initiative.initiative_id).
--   company_key: The company (dim_company.company_key).
--   role: member, lead, partner or other.
--   story_count: Number of stories naming the company together with the initiative.

with

members as (select * from int_initiative_members),
target_rows as (select * from int_target_rows),
targets as (select * from staging.stg_targets),
mentions as (select * from staging.stg_entity_mentions),
companies as (select * from int_company_names),

initiative_types as (
    select distinct initiative_id, first_value(initiative_type) over (
        partition by initiative_id order by published_at nulls last, story_key, char_start, member_id) as initiative_type
    from members
),

initiatives_per_story as (
    select story_key, count(distinct initiative_id) as initiatives
    from members
    group by story_key
),

-- companies named inside the evidence sentence of a target
in_evidence as (
    select distinct m.initiative_id, m.story_key, c.company_key, 'evidence' as place
    from members as m
    join target_rows as r on r.target_row_id = m.target_row_id
    join targets as t
        on t.story_key = r.story_key and t.document_id = r.document_id and t.char_start = r.char_start
    join mentions as x
        on x.story_key = t.story_key and x.document_id = t.document_id and x.field = 'body'
        and x.entity_type = 'company' and x.char_start >= t.char_start and x.char_end <= t.char_end
    join companies as c on c.company_name = x.entity_name
),

-- companies in a story that reports a single initiative
in_story as (
    select distinct m.initiative_id, m.story_key, c.company_key,
        case when x.field = 'title' then 'title' else 'body' end as place
    from members as m
    join initiatives_per_story as s on s.story_key = m.story_key and s.initiatives = 1
    join mentions as x on x.story_key = m.story_key and x.entity_type = 'company'
    join companies as c on c.company_name = x.entity_name
),

places as (
    select * from in_evidence
    union
    select * from in_story
),

final as (
    select
        p.initiative_id,
        p.company_key,
        case
            when max(t.initiative_type) in ('alliance', 'working_group') then 'member'
            when max(case when p.place = 'title' then 1 else 0 end) = 1 then 'lead'
            when max(t.initiative_type) = 'partnership' or max(case when p.place = 'evidence' then 1 else 0 end) = 1 then 'partner'
            else 'other'
        end as role,
        cast(count(distinct p.story_key) as integer) as story_count
    from places as p
    join initiative_types as t on t.initiative_id = p.initiative_id
    group by p.initiative_id, p.company_key
)

select * from final
