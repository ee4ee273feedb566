-- name: main_vs_related_coverage
-- description: What main stories and related stories contribute: stories, words, dated share, mentions and targets per role.
-- columns: role, stories, words, dated_share, mentions, initiatives
select
    s.role,
    count(*) as stories,
    cast(sum(s.word_count) as bigint) as words,
    round(avg(case when s.published_at is not null then 1.0 else 0.0 end), 3) as dated_share,
    cast(coalesce(sum((select sum(m.mention_count) from main.fact_mention as m where m.story_key = s.story_key)), 0) as bigint) as mentions,
    (select count(distinct b.initiative_id) from main.bridge_initiative_story as b
     join main.dim_story as x on x.story_key = b.story_key where x.role = s.role) as initiatives
from main.dim_story as s
group by s.role
order by s.role
