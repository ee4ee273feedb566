-- name: dim_company
-- grain: one row per real company (company_key)
-- description: Companies named in the stories, variants merged: 'Sense Time' and 'SenseTime' are one row, with the other spellings kept as aliases.
-- @unique: company_key
-- @not_null: company_key, company_name
-- @unique: company_name
-- columns:
--   company_key: Surrogate key: md5 of the company's normalized name, stable across runs.
--   company_name: Canonical name: the reference name mentioned most often (then the shortest, then alphabetical).
--   aliases: Every other spelling seen or known for the company, sorted.
--   country_code: ISO 3166-1 alpha-2 code of the home country where known, else null.
--   mention_count: Number of mentions of the company across all stories.

with

ref as (select * from staging.ref_companies),
mentions as (select * from staging.stg_entity_mentions),
names as (select * from int_company_names),

mention_counts as (
    select entity_name as company_name, count(*) as mentions
    from mentions
    where entity_type = 'company'
    group by entity_name
),

candidates as (
    select
        n.company_key,
        n.company_name,
        r.company_name is not null as in_reference,
        coalesce(m.mentions, 0) as mentions
    from names as n
    left join ref as r on r.company_name = n.company_name
    left join mention_counts as m on m.company_name = n.company_name
),

ranked as (
    select
        *,
        row_number() over (
            partition by company_key
            order by in_reference desc, mentions desc, length(company_name), company_name
        ) as rank_in_key
    from candidates
),

countries as (
    select n.company_key, min(r.country_code) as country_code
    from ref as r
    join names as n on n.company_name = r.company_name
    group by n.company_key
),

final as (
    select
        c.company_key,
        c.company_name,
        coalesce(
            (select list(distinct o.company_name order by o.company_name)
             from candidates as o
             where o.company_key = c.company_key and o.company_name <> c.company_name),
            cast([] as varchar[])) as aliases,
        k.country_code,
        cast((select sum(o.mentions) from candidates as o where o.company_key = c.company_key) as bigint) as mention_count
    from ranked as c
    left join countries as k on k.company_key = c.company_key
    where c.rank_in_key = 1
)

select * from final
