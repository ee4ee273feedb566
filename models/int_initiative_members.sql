-- name: int_initiative_members
-- grain: one row per story statement of an initiative (member_id): a staged target row, or a story's announcement of one of its initiatives
-- description: Which initiative each target statement and each story announcement belongs to. Every initiative a story reports (staging.stg_initiatives: its headline initiative, typed and placed from headline and lead, and the initiatives its target sentences name) is a candidate. Candidates sharing a real-world target, directly or through other candidates, are one initiative; so are the headline initiatives of two stories of the same type and place published within 120 days of each other (or undated), however many stories report them. An alliance or working group a story names in passing joins the earliest announced one of its type and place, and is dropped when no story announces one.
-- @unique: member_id
-- @not_null: member_id, initiative_id, story_key, initiative_no, initiative_type, member_kind
-- @accepted: member_kind in ('target', 'statement')
-- columns:
--   member_id: Key of the statement: the target_row_id, or md5 of story_key and initiative_no for an announcement.
--   member_kind: target (a staged target row) or statement (the story's announcement of the initiative).
--   initiative_id: Key of the initiative: md5 of its first candidate (earliest story, then story_key and initiative number).
--   story_key: The story making the statement.
--   initiative_no: The story's number for the initiative (staging.stg_initiatives.initiative_no).
--   target_row_id: The staged target row (int_target_rows), null for an announcement.
--   target_key: The real-world target (int_target_rows.target_key), null for an announcement.
--   jurisdiction_key: Jurisdiction of the statement (dim_jurisdiction), null when unknown.
--   initiative_type: Type of the story's initiative (plan, fund, alliance, working_group, ...).
--   description: The evidence sentence, or the headline or sentence announcing the initiative.
--   published_at: Publication time of the story, null when undated.
--   char_start: Offset of the evidence or announcement in the story (0 for a headline).
--   is_headline: True for the initiative the story's headline and lead announce.
--   statement: headline, target or mention (an alliance or working group named in passing, joined to the one another story announces).

with recursive

target_rows as (select * from int_target_rows),
initiatives as (select * from staging.stg_initiatives),
stories as (select * from dim_story),
names as (select * from int_jurisdiction_names),

candidates as (
    select
        md5(concat_ws('|', i.story_key, cast(i.initiative_no as varchar))) as candidate_id,
        i.story_key,
        i.initiative_no,
        i.initiative_type,
        i.is_headline,
        i.statement,
        i.description,
        case when i.field = 'title' then 0 else i.char_start end as char_start,
        n.jurisdiction_key,
        s.published_at
    from initiatives as i
    left join names as n on n.jurisdiction_name = i.jurisdiction_name
    left join stories as s on s.story_key = i.story_key
),

candidate_targets as (
    select distinct c.candidate_id, t.target_key
    from candidates as c
    join target_rows as t on t.story_key = c.story_key and t.initiative_no = c.initiative_no
),

-- Components are found on a graph of candidates and the groups they belong to (a candidate is linked to its
-- groups, never to every other member of them): a target's statements, a run of headlines, the bodies named
-- in passing with the first announcement of their type and place. Restating a target k times adds k links,
-- not k². The closure below is taken over the groups, not the candidates: two groups are linked when one
-- candidate belongs to both, so however many candidates share a group, the closure grows with the square of
-- the number of groups in a component, not of the candidates in it.

-- headline initiatives of one type and place, in order of publication (undated first): a run continues while
-- two consecutive ones are at most 120 days apart or one is undated, and any such run is one initiative
headline_order as (
    select
        candidate_id,
        initiative_type,
        jurisdiction_key,
        published_at,
        story_key,
        case when lag(published_at) over by_body is not null and published_at is not null
                  and published_at - lag(published_at) over by_body > interval 120 days then 1 else 0 end as starts_run
    from candidates
    where statement = 'headline' and jurisdiction_key is not null
    window by_body as (partition by initiative_type, jurisdiction_key order by published_at nulls first, story_key)
),

headline_runs as (
    select
        candidate_id,
        concat_ws('|', 'run', initiative_type, jurisdiction_key,
                  cast(sum(starts_run) over (partition by initiative_type, jurisdiction_key
                                             order by published_at nulls first, story_key
                                             rows between unbounded preceding and current row) as varchar)) as group_id
    from headline_order
),

-- an alliance or working group a story names in passing joins the earliest announced one of its type and place
first_headlines as (
    select
        initiative_type,
        jurisdiction_key,
        arg_min(candidate_id, (coalesce(published_at, timestamp '9999-12-31'), story_key)) as candidate_id
    from candidates
    where statement = 'headline' and jurisdiction_key is not null
    group by initiative_type, jurisdiction_key
),

memberships as (
    select candidate_id, 'target|' || target_key as group_id from candidate_targets
    union all
    select candidate_id, group_id from headline_runs
    union all
    select candidate_id, 'first|' || candidate_id as group_id from first_headlines
    union all
    select m.candidate_id, 'first|' || h.candidate_id as group_id
    from candidates as m
    join first_headlines as h on h.initiative_type = m.initiative_type and h.jurisdiction_key = m.jurisdiction_key
    where m.statement = 'mention'
),

-- two groups sharing a candidate are linked (each group is linked to itself)
group_links as (
    select distinct a.group_id as from_id, b.group_id as to_id
    from memberships as a
    join memberships as b on b.candidate_id = a.candidate_id
),

reach (group_id, reached_id) as (
    select from_id, to_id from group_links
    union
    select r.group_id, l.to_id
    from reach as r
    join group_links as l on l.from_id = r.reached_id
),

-- a component is named by its smallest group id, or by the candidate's own id when it belongs to no group
-- (group ids hold a '|', candidate ids are md5 hex: the two never meet)
group_components as (
    select group_id, min(reached_id) as component_id
    from reach
    group by group_id
),

components as (
    select c.candidate_id, coalesce(min(g.component_id), c.candidate_id) as component_id
    from candidates as c
    left join memberships as m on m.candidate_id = c.candidate_id
    left join group_components as g on g.group_id = m.group_id
    group by c.candidate_id
),

initiative_keys as (
    select
        k.component_id,
        md5('initiative|' || arg_min(c.candidate_id, (c.statement = 'mention', coalesce(c.published_at, timestamp '9999-12-31'),
                                                       c.story_key, c.initiative_no))) as initiative_id
    from components as k
    join candidates as c on c.candidate_id = k.candidate_id
    group by k.component_id
    having bool_or(c.statement <> 'mention')  -- a body named in passing makes no initiative by itself
),

keyed_candidates as (
    select c.*, i.initiative_id
    from candidates as c
    join components as k on k.candidate_id = c.candidate_id
    join initiative_keys as i on i.component_id = k.component_id
),

target_members as (
    select
        t.target_row_id as member_id,
        'target' as member_kind,
        c.initiative_id,
        t.story_key,
        c.initiative_no,
        t.target_row_id,
        t.target_key,
        t.jurisdiction_key,
        c.initiative_type,
        t.evidence as description,
        t.published_at,
        t.char_start,
        c.is_headline,
        c.statement
    from target_rows as t
    join keyed_candidates as c on c.story_key = t.story_key and c.initiative_no = t.initiative_no
),

statement_members as (
    select
        md5(concat_ws('|', 'statement', story_key, cast(initiative_no as varchar))) as member_id,
        'statement' as member_kind,
        initiative_id,
        story_key,
        initiative_no,
        cast(null as varchar) as target_row_id,
        cast(null as varchar) as target_key,
        jurisdiction_key,
        initiative_type,
        description,
        published_at,
        char_start,
        is_headline,
        statement
    from keyed_candidates
),

final as (
    select * from target_members
    union all
    select * from statement_members
)

select * from final
