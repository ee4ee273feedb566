-- name: jurisdiction_hierarchy
-- description: Every jurisdiction with its full path up to the country (Jiangning > Nanjing > Jiangsu > China) and the stories naming it.
-- columns: jurisdiction_name, level, path, stories
with recursive
chain (jurisdiction_key, ancestor_key, path, depth) as (
    select jurisdiction_key, parent_key, jurisdiction_name, 0 from main.dim_jurisdiction
    union all
    select c.jurisdiction_key, j.parent_key, c.path || ' > ' || j.jurisdiction_name, c.depth + 1
    from chain as c
    join main.dim_jurisdiction as j on j.jurisdiction_key = c.ancestor_key
    where c.depth < 10
),
full_path as (
    select jurisdiction_key, path
    from chain
    where ancestor_key is null
)
select
    j.jurisdiction_name,
    j.level,
    p.path,
    (select count(distinct m.story_key) from main.fact_mention as m
     where m.jurisdiction_key = j.jurisdiction_key) as stories
from main.dim_jurisdiction as j
left join full_path as p on p.jurisdiction_key = j.jurisdiction_key
order by p.path
