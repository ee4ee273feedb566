-- name: sources_per_initiative
-- description: Initiatives by the number of stories reporting them, with the spread of the USD figures the sources give.
-- columns: initiative_id, jurisdiction_name, initiative_type, stories, targets, usd_spread, description
select
    f.initiative_id,
    j.jurisdiction_name,
    f.initiative_type,
    (select count(*) from main.bridge_initiative_story as b where b.initiative_id = f.initiative_id) as stories,
    count(f.metric) as targets,
    max(f.target_value_usd_max - f.target_value_usd_min) as usd_spread,
    min(f.description) as description
from main.fact_initiative as f
left join main.dim_jurisdiction as j on j.jurisdiction_key = f.jurisdiction_key
group by f.initiative_id, j.jurisdiction_name, f.initiative_type
order by stories desc, targets desc, f.initiative_id
