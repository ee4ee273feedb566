-- name: most_active_companies
-- description: Companies by the number of stories naming them and of initiatives they take part in.
-- columns: company_name, country_code, stories, mentions, initiatives
select
    c.company_name,
    c.country_code,
    count(distinct m.story_key) as stories,
    cast(coalesce(sum(m.mention_count), 0) as bigint) as mentions,
    (select count(distinct b.initiative_id) from main.bridge_initiative_company as b
     where b.company_key = c.company_key) as initiatives
from main.dim_company as c
left join main.fact_mention as m on m.company_key = c.company_key
group by c.company_key, c.company_name, c.country_code
order by stories desc, initiatives desc, c.company_name
limit 25
