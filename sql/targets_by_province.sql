-- name: targets_by_province
-- description: Quantified targets per province-level jurisdiction (province, municipality, state, SAR) and target year, cities and districts rolled up into it, with the country above (targets without a year under year null).
-- columns: country, province, target_year, targets, total_target_usd, metrics
with
province_of as (
    select c.jurisdiction_key, p.jurisdiction_name as province, k.jurisdiction_name as country
    from main.bridge_jurisdiction_ancestor as c
    join main.dim_jurisdiction as p
        on p.jurisdiction_key = c.ancestor_key
        and p.level in ('province', 'municipality', 'state', 'special_administrative_region')
    left join main.dim_jurisdiction as k on k.jurisdiction_key = p.parent_key
)
select
    coalesce(p.country, '(unknown)') as country,
    p.province,
    f.target_year,
    count(*) as targets,
    round(sum(f.target_value_usd), 0) as total_target_usd,
    string_agg(distinct f.metric, ', ' order by f.metric) as metrics
from main.fact_initiative as f
join province_of as p on p.jurisdiction_key = f.jurisdiction_key
where f.metric is not null
group by 1, 2, 3
order by country, p.province, f.target_year nulls last
