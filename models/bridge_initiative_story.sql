-- name: bridge_initiative_story
-- grain: one row per initiative and story reporting it (initiative_id, story_key)
-- description: Every story that reports an initiative or one of its targets.
-- @unique: initiative_id, story_key
-- @not_null: initiative_id, story_key
-- @foreign_key: initiative_id -> fact_initiative.initiative_id
-- @foreign_key: story_key -> dim_story.story_key
-- columns:
--   initiative_id: The initiative (fact_initiative.initiative_id).
--   story_key: A story reporting it (dim_story.story_key).
--   statement_count: Number of target statements (or 1 for a headline announcement) the story makes about the initiative.

with

members as (select * from int_initiative_members),

final as (
    select
        initiative_id,
        story_key,
        cast(count(*) as integer) as statement_count
    from members
    group by initiative_id, story_key
)

select * from final
