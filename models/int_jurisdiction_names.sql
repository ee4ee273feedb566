-- name: int_jurisdiction_names
-- grain: one row per jurisdiction name as written anywhere (jurisdiction_name)
-- description: Every jurisdiction name seen in the gazetteer, its parent links, mentions and targets, mapped to the key of the real jurisdiction it names ('Nanjing City' and 'Nanjing' share a key).
-- @unique: jurisdiction_name
-- @not_null: jurisdiction_name, jurisdiction_key
-- columns:
--   jurisdiction_name: A jurisdiction name as written in staging (gazetteer, mention or target).
--   name_norm: The name lower-cased, without words such as province, city, district, municipality or SAR.
--   jurisdiction_key: Surrogate key of the real jurisdiction: md5 of name_norm.

with

ref as (select * from staging.ref_jurisdictions),
mentions as (select * from staging.stg_entity_mentions),
targets as (select * from staging.stg_targets),

seen as (
    select jurisdiction_name as name from ref
    union select parent_name from ref where parent_name is not null
    union select entity_name from mentions where entity_type = 'jurisdiction'
    union select jurisdiction_name from targets where jurisdiction_name is not null
),

normalized as (
    select
        name,
        trim(regexp_replace(
            regexp_replace(lower(name), '\b(province|city|district|municipality|prefecture|county|sar|special|administrative|autonomous|region|of|the)\b', ' ', 'g'),
            '[\s\.,]+', ' ', 'g')) as stripped
    from seen
    where trim(name) <> ''
),

final as (
    select
        name as jurisdiction_name,
        case when stripped = '' then lower(trim(name)) else stripped end as name_norm,
        md5(case when stripped = '' then lower(trim(name)) else stripped end) as jurisdiction_key
    from normalized
)

select * from final
