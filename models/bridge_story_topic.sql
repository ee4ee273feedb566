-- name: bridge_story_topic
-- grain: one row per story and topic it writes about (story_key, topic)
-- description: What each story is about: the topics (metaverse, web3, crypto, cbdc) whose cue words its title or body writes (pipelines/data/topics.yaml), how often, and which one is its primary topic. Join to fact_initiative through bridge_initiative_story to filter initiatives by any topic their stories write about.
-- @unique: story_key, topic
-- @not_null: story_key, topic, mention_count, in_title, is_primary
-- @accepted: topic in ('metaverse', 'web3', 'crypto', 'cbdc')
-- @foreign_key: story_key -> dim_story.story_key
-- @audit bridge_story_topic__at_most_one_primary_topic: select story_key, count(*) as n from main.bridge_story_topic where is_primary group by story_key having count(*) > 1
-- columns:
--   story_key: The story (dim_story.story_key).
--   topic: metaverse, web3, crypto or cbdc.
--   mention_count: Number of the topic's cue words the story writes (title and body together).
--   in_title: True when the headline writes the topic.
--   is_primary: True for the story's primary topic (dim_story.topic): the one its headline writes most, then its body; a story that writes a topic only once in its body, in passing, has none.

with

topics as (select * from staging.stg_story_topics),

final as (
    select
        story_key,
        topic,
        title_mentions + body_mentions as mention_count,
        title_mentions > 0 as in_title,
        is_primary
    from topics
)

select * from final
