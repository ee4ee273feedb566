-- name: fact_mention
-- grain: one row per story and company or jurisdiction named in it (story_key, entity_type, entity_key)
-- description: How often each story names each company and jurisdiction (title and body together).
-- @unique: story_key, entity_type, company_key, jurisdiction_key
-- @not_null: story_key, entity_type, mention_count
-- @accepted: entity_type in ('company', 'jurisdiction')
-- @foreign_key: story_key -> dim_story.story_key
-- @foreign_key: company_key -> dim_company.company_key
-- @foreign_key: jurisdiction_key -> dim_jurisdiction.jurisdiction_key
-- @audit fact_mention__one_entity_key: select * from main.fact_mention where (company_key is null) = (jurisdiction_key is null)
-- columns:
--   story_key: The story (dim_story.story_key).
--   entity_type: company or jurisdiction.
--   company_key: The company named (dim_company.company_key), null for a jurisdiction.
--   jurisdiction_key: The jurisdiction named (dim_jurisdiction.jurisdiction_key), null for a company.
--   mention_count: Number of times the story names it.
--   in_title: True when the headline names it.

with

mentions as (select * from staging.stg_entity_mentions),
companies as (select * from int_company_names),
places as (select * from int_jurisdiction_names),

keyed as (
    select
        m.story_key,
        m.entity_type,
        c.company_key,
        p.jurisdiction_key,
        m.field
    from mentions as m
    left join companies as c on m.entity_type = 'company' and c.company_name = m.entity_name
    left join places as p on m.entity_type = 'jurisdiction' and p.jurisdiction_name = m.entity_name
    where m.entity_type in ('company', 'jurisdiction')
),

final as (
    select
        story_key,
        entity_type,
        company_key,
        jurisdiction_key,
        cast(count(*) as integer) as mention_count,
        max(case when field = 'title' then 1 else 0 end) = 1 as in_title
    from keyed
    group by story_key, entity_type, company_key, jurisdiction_key
)

select * from final
