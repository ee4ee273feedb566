-- name: targets_by_province_year
-- description: Quantified targets and their USD total per province-level jurisdiction and target year (cities and districts rolled up into their province; targets without a year under year null).
-- columns: country, province, target_year, targets, total_target_usd
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
    round(sum(f.target_value_usd), 0) as total_target_usd
from main.fact_initiative as f
join province_of as p on p.jurisdiction_key = f.jurisdiction_key
where f.metric is not null
group by 1, 2, 3
order by country, p.province, f.target_year nulls last
