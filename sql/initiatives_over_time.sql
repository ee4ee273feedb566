-- name: initiatives_over_time
-- description: Initiatives announced per quarter and type (undated ones under year null).
-- columns: year, quarter, initiative_type, initiatives
select
    d.year,
    d.quarter,
    f.initiative_type,
    count(distinct f.initiative_id) as initiatives
from main.fact_initiative as f
left join main.dim_date as d on d.date_key = f.announced_date_key
group by 1, 2, 3
order by d.year nulls last, d.quarter nulls last, f.initiative_type
