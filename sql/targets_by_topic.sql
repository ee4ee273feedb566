-- name: targets_by_topic
-- description: Initiatives and quantified targets per topic (metaverse, web3, crypto, cbdc: the primary topic of the story that first reported them) and target year: how many, from how many jurisdictions, and their USD total (each real-world target counted once, so targets and total_target_usd add up over rows; an initiative with targets in several years is counted in each year's initiatives).
-- columns: topic, target_year, initiatives, targets, jurisdictions, total_target_usd
select
    coalesce(f.topic, '(none)') as topic,
    f.target_year,
    count(distinct f.initiative_id) as initiatives,
    count(f.metric) as targets,
    count(distinct f.jurisdiction_key) as jurisdictions,
    round(sum(f.target_value_usd), 0) as total_target_usd
from main.fact_initiative as f
group by f.topic, f.target_year
order by f.topic nulls last, f.target_year nulls last
