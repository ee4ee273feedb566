-- name: bridge_initiative_company
-- grain: one row per initiative and company taking part (initiative_id, company_key)
-- description: Companies taking part in an initiative, with the role the reporting sentences give them (staging.stg_initiative_companies): lead when the subject of 'establishes' or 'launched' or the agent of 'led by'; member when listed as taking part in an alliance or working group; partner when listed beside any other initiative or named in one of its target sentences; other when named only in a sentence about it. Companies quoted as analysts, sources or investors are not participants. When stories differ, the strongest role wins (seed_company_roles).
-- @unique: initiative_id, company_key
-- @not_null: initiative_id, company_key, role
-- @foreign_key: initiative_id -> fact_initiative.initiative_id
-- @foreign_key: company_key -> dim_company.company_key
-- @accepted: role in ('member', 'lead', 'partner', 'other')
-- columns:
--   initiative_id: The initiative (fact_initiative.initiative_id).
--   company_key: The company (dim_company.company_key).
--   role: member, lead, partner or other.
--   story_count: Number of stories naming the company as taking part in the initiative.

with

members as (select * from int_initiative_members),
participants as (select * from staging.stg_initiative_companies),
companies as (select * from int_company_names),
roles as (select role, cast(precedence as integer) as precedence from seed_company_roles),

story_initiatives as (
    select distinct story_key, initiative_no, initiative_id
    from members
),

named as (
    select s.initiative_id, c.company_key, p.story_key, r.role, r.precedence
    from participants as p
    join story_initiatives as s on s.story_key = p.story_key and s.initiative_no = p.initiative_no
    join companies as c on c.company_name = p.company_name
    join roles as r on r.role = p.role
),

final as (
    select
        initiative_id,
        company_key,
        arg_min(role, precedence) as role,
        cast(count(distinct story_key) as integer) as story_count
    from named
    group by initiative_id, company_key
)

select * from final
