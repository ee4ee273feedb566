-- name: int_company_names
-- grain: one row per company name or alias as written anywhere (company_name)
-- description: Every company name and alias seen in the company reference and in mentions (canonical names and the spellings written), mapped to the key of the real company: names that match once case, punctuation, spaces and legal suffixes are dropped, or that are listed as each other's aliases, share one key.
-- @unique: company_name
-- @not_null: company_name, company_key
-- columns:
--   company_name: A company name or alias as written in staging.
--   name_norm: The name lower-cased, without a leading 'the', legal suffixes (Inc, Ltd, Group...), punctuation or spaces (Han characters kept).
--   company_key: Surrogate key of the real company: md5 of the smallest name_norm among the names linked to it.

with recursive

ref as (select * from staging.ref_companies),
mentions as (select * from staging.stg_entity_mentions),

links as (
    select company_name as name, company_name as linked from ref
    union
    select r.company_name, a.alias
    from ref as r, unnest(r.aliases) as a(alias)
    where a.alias is not null and trim(a.alias) <> ''
    union
    select entity_name, entity_name from mentions where entity_type = 'company'
    union
    -- every spelling a company was written with is one of its names: 'Sense Time' for SenseTime,
    -- 'BDX' for 'Busan Digital Asset Exchange (BDX)', so the same short form in another story joins it
    select entity_name, trim(surface_text) from mentions
    where entity_type = 'company' and trim(surface_text) <> entity_name and trim(surface_text) <> ''
),

seen as (
    select name from links
    union
    select linked from links
),

normalized as (
    select
        name,
        regexp_replace(
            regexp_replace(
                regexp_replace(lower(trim(name)), '^the\s+', ''),
                '([\s,\.]+(inc|incorporated|ltd|limited|corp|corporation|co|company|plc|llc|group|holdings|holding)\.?)+$', ''),
            '[^a-zA-Z0-9㐀-鿿]+', '', 'g') as name_norm
    from seen
),

edges as (
    select a.name_norm as from_norm, b.name_norm as to_norm
    from links as l
    join normalized as a on a.name = l.name
    join normalized as b on b.name = l.linked
    -- a name in Han characters (腾讯, an alias of Tencent) is distinctive at two characters
    where (length(b.name_norm) >= 3 or regexp_matches(b.name_norm, '[㐀-鿿]')) and length(a.name_norm) >= 1
),

both_ways as (
    select from_norm, to_norm from edges
    union
    select to_norm, from_norm from edges
),

reach (name_norm, reached) as (
    select distinct name_norm, name_norm from normalized
    union
    select r.name_norm, w.to_norm
    from reach as r
    join both_ways as w on w.from_norm = r.reached
),

groups as (
    select name_norm, min(reached) as group_norm
    from reach
    group by name_norm
),

final as (
    select distinct
        n.name as company_name,
        n.name_norm,
        md5(coalesce(nullif(g.group_norm, ''), lower(n.name))) as company_key
    from normalized as n
    join groups as g on g.name_norm = n.name_norm
)

select * from final
