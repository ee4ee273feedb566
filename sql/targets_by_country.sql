-- name: targets_by_country
-- description: Quantified targets rolled up from provinces, cities and districts to their country: how many, from how many jurisdictions, and their USD total (each real-world target counted once).
-- columns: country, jurisdictions, targets, total_target_usd, sources
with
country_of as (
    select c.jurisdiction_key, a.jurisdiction_name as country
    from main.bridge_jurisdiction_ancestor as c
    join main.dim_jurisdiction as a on a.jurisdiction_key = c.ancestor_key and a.level = 'country'
)
select
    coalesce(c.country, '(unknown)') as country,
    count(distinct f.jurisdiction_key) as jurisdictions,
    count(*) as targets,
    round(sum(f.target_value_usd), 0) as total_target_usd,
    cast(sum(f.source_count) as bigint) as sources
from main.fact_initiative as f
left join country_of as c on c.jurisdiction_key = f.jurisdiction_key
where f.metric is not null
group by 1
order by total_target_usd desc nulls last, country
