-- name: initiatives_by_level
-- description: Initiatives and targets per jurisdiction level (country, province, city, district...).
-- columns: level, initiatives, targets, total_target_usd
select
    coalesce(j.level, '(unknown)') as level,
    count(distinct f.initiative_id) as initiatives,
    count(f.metric) as targets,
    round(sum(f.target_value_usd), 0) as total_target_usd
from main.fact_initiative as f
left join main.dim_jurisdiction as j on j.jurisdiction_key = f.jurisdiction_key
group by 1
order by initiatives desc, level
