-- name: int_initiative_members
-- grain: one row per story statement of an initiative (member_id): a staged target row, or a story title announcing an initiative without targets
-- description: Which initiative each target statement and each target-less announcing story belongs to. A story's targets for one jurisdiction and one initiative type form a candidate; candidates sharing a real-world target, directly or through other candidates, are the same initiative. A story with a body but no target whose title carries an initiative cue word announces an initiative of its own, the same as another story's when jurisdiction, type and publication day agree.
-- @unique: member_id
-- @not_null: member_id, initiative_id, story_key, initiative_type, member_kind
-- @accepted: member_kind in ('target', 'title')
-- columns:
--   member_id: Key of the statement: the target_row_id, or md5 of the story_key for a title announcement.
--   member_kind: target (a staged target row) or title (a story announcing a target-less initiative).
--   initiative_id: Key of the initiative: md5 of its first-stated target_key, or of jurisdiction, type and day for a target-less one.
--   story_key: The story making the statement.
--   target_row_id: The staged target row (int_target_rows), null for a title announcement.
--   target_key: The real-world target (int_target_rows.target_key), null for a title announcement.
--   jurisdiction_key: Jurisdiction of the statement (dim_jurisdiction), null when unknown.
--   initiative_type: Initiative type suggested by the statement's cue words.
--   description: The evidence sentence, or the story title for a title announcement.
--   published_at: Publication time of the story, null when undated.
--   char_start: Offset of the evidence in the story body (0 for a title announcement).

with recursive

target_rows as (select * from int_target_rows),
stories as (select * from dim_story),
mentions as (select * from staging.stg_entity_mentions),
names as (select * from int_jurisdiction_names),
cues as (select pattern, initiative_type, cast(priority as integer) as priority from seed_initiative_type_cues),

-- initiatives with targets: candidates linked by shared targets
candidates as (
    select
        *,
        md5(concat_ws('|', story_key, coalesce(jurisdiction_key, ''), target_type)) as candidate_id
    from target_rows
),

-- two targets are linked when one candidate states both; the closure runs over real-world targets (few and
-- distinct), not over the stories restating them, and each candidate joins the component of its targets
candidate_targets as (select distinct candidate_id, target_key from candidates),

target_links as (
    select distinct a.target_key as from_key, b.target_key as to_key
    from candidate_targets as a
    join candidate_targets as b on a.candidate_id = b.candidate_id and a.target_key <> b.target_key
),

reach (target_key, reached_key) as (
    select distinct target_key, target_key from candidate_targets
    union
    select r.target_key, l.to_key
    from reach as r
    join target_links as l on l.from_key = r.reached_key
),

target_components as (
    select target_key, min(reached_key) as component_key
    from reach
    group by target_key
),

components as (
    select c.candidate_id, min(t.component_key) as component_id
    from candidate_targets as c
    join target_components as t on t.target_key = c.target_key
    group by c.candidate_id
),

ordered as (
    select
        c.*,
        k.component_id,
        row_number() over (
            partition by k.component_id
            order by c.published_at nulls last, c.story_key, c.char_start, c.target_row_id
        ) as statement_rank
    from candidates as c
    join components as k on k.candidate_id = c.candidate_id
),

target_members as (
    select
        o.target_row_id as member_id,
        'target' as member_kind,
        md5('initiative|' || f.target_key) as initiative_id,
        o.story_key,
        o.target_row_id,
        o.target_key,
        o.jurisdiction_key,
        o.target_type as initiative_type,
        o.evidence as description,
        o.published_at,
        o.char_start
    from ordered as o
    join ordered as f on f.component_id = o.component_id and f.statement_rank = 1
),

-- initiatives without targets: announced in the title of a story that states no target
untargeted_stories as (
    select s.*
    from stories as s
    where s.story_key not in (select story_key from target_rows)
        and s.title is not null
        and s.word_count > 0  -- a headline-only link is too little evidence of an initiative
),

title_cues as (
    select
        s.story_key,
        c.initiative_type,
        row_number() over (partition by s.story_key order by c.priority) as cue_rank
    from untargeted_stories as s
    join cues as c on regexp_matches(lower(s.title), c.pattern)
),

story_places as (
    select
        m.story_key,
        n.jurisdiction_key,
        row_number() over (
            partition by m.story_key
            order by max(case when m.field = 'title' then 1 else 0 end) desc, count(*) desc,
                     min(m.char_start), n.jurisdiction_key
        ) as place_rank
    from mentions as m
    join names as n on n.jurisdiction_name = m.entity_name
    where m.entity_type = 'jurisdiction'
    group by m.story_key, n.jurisdiction_key
),

title_members as (
    select
        md5('title|' || s.story_key) as member_id,
        'title' as member_kind,
        md5(concat_ws('|', 'title', coalesce(p.jurisdiction_key, ''), t.initiative_type,
                      coalesce(cast(cast(s.published_at as date) as varchar), s.story_key))) as initiative_id,
        s.story_key,
        cast(null as varchar) as target_row_id,
        cast(null as varchar) as target_key,
        p.jurisdiction_key,
        t.initiative_type,
        s.title as description,
        s.published_at,
        0 as char_start
    from untargeted_stories as s
    join title_cues as t on t.story_key = s.story_key and t.cue_rank = 1
    left join story_places as p on p.story_key = s.story_key and p.place_rank = 1
),

final as (
    select * from target_members
    union all
    select * from title_members
)

select * from final
