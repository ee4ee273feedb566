-- name: dim_jurisdiction
-- grain: one row per real jurisdiction (jurisdiction_key), every mentioned one plus all its ancestors up to the country
-- description: Countries, provinces, states, municipalities, special administrative regions, cities and districts, each linked to the one containing it (Jiangning -> Nanjing -> Jiangsu -> China).
-- @unique: jurisdiction_key
-- @not_null: jurisdiction_key, jurisdiction_name, level
-- @unique: jurisdiction_name
-- @foreign_key: parent_key -> dim_jurisdiction.jurisdiction_key
-- @accepted: level in ('country', 'province', 'municipality', 'special_administrative_region', 'city', 'district', 'state', 'other')
-- @audit dim_jurisdiction__no_parent_cycle: select j.jurisdiction_key from main.dim_jurisdiction j join main.dim_jurisdiction p on p.jurisdiction_key = j.parent_key where p.parent_key = j.jurisdiction_key
-- columns:
--   jurisdiction_key: Surrogate key: md5 of the normalized canonical name, stable across runs.
--   jurisdiction_name: Canonical name (Sichuan, Hong Kong, Jiangning).
--   level: country, province, municipality, special_administrative_region, city, district, state or other.
--   parent_key: jurisdiction_key of the containing jurisdiction; null for a country or when unknown.
--   country_code: ISO 3166-1 alpha-2 code of the country it lies in, null when unknown.
--   iso_code: ISO 3166-2 code where one exists (CN-SC for Sichuan), else null.

with

ref as (select * from staging.ref_jurisdictions),
names as (select * from int_jurisdiction_names),

ref_ranked as (
    select
        n.jurisdiction_key,
        r.jurisdiction_name,
        r.level,
        r.parent_name,
        r.country_code,
        r.iso_code,
        row_number() over (
            partition by n.jurisdiction_key
            order by (r.parent_name is null), length(r.jurisdiction_name), r.jurisdiction_name
        ) as rank_in_key
    from ref as r
    join names as n on n.jurisdiction_name = r.jurisdiction_name
),

from_gazetteer as (
    select jurisdiction_key, jurisdiction_name, level, parent_name, country_code, iso_code
    from ref_ranked
    where rank_in_key = 1
),

-- names with no gazetteer row: a parent only named by its children, or a place only seen in the text
parent_of_region as (
    select p.jurisdiction_key, max(r.country_code) as country_code
    from ref as r
    join names as p on p.jurisdiction_name = r.parent_name
    where r.level in ('province', 'state', 'municipality', 'special_administrative_region')
    group by p.jurisdiction_key
),

unknown_ranked as (
    select
        n.jurisdiction_key,
        n.jurisdiction_name,
        row_number() over (partition by n.jurisdiction_key order by length(n.jurisdiction_name), n.jurisdiction_name) as rank_in_key
    from names as n
    where n.jurisdiction_key not in (select jurisdiction_key from from_gazetteer)
),

from_text as (
    select
        u.jurisdiction_key,
        u.jurisdiction_name,
        case when p.jurisdiction_key is not null then 'country' else 'other' end as level,
        cast(null as varchar) as parent_name,
        p.country_code,
        cast(null as varchar) as iso_code
    from unknown_ranked as u
    left join parent_of_region as p on p.jurisdiction_key = u.jurisdiction_key
    where u.rank_in_key = 1
),

all_rows as (
    select * from from_gazetteer
    union all
    select * from from_text
),

final as (
    select
        a.jurisdiction_key,
        a.jurisdiction_name,
        a.level,
        case when pn.jurisdiction_key = a.jurisdiction_key then null else pn.jurisdiction_key end as parent_key,
        a.country_code,
        a.iso_code
    from all_rows as a
    left join names as pn on pn.jurisdiction_name = a.parent_name
)

select * from final
