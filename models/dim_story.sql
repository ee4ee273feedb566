-- name: dim_story
-- grain: one row per story (story_key), whatever the number of pages carrying it
-- description: Every news story found on the raw pages; when several pages carry the same story, the version with the longest body (then the earliest document_id) is kept.
-- @unique: story_key
-- @not_null: story_key, role, document_count
-- @accepted: role in ('main', 'related')
-- @accepted: topic in ('metaverse', 'web3', 'crypto', 'cbdc')
-- @foreign_key: published_date_key -> dim_date.date_key
-- columns:
--   story_key: Stable key of the story: the same story found on two pages has one key.
--   title: Headline as printed.
--   category: The site section label (e.g. Policy & Regulation), null when none.
--   published_at: Publication time given by the page (from another copy of the story when the kept one has none), null when none.
--   author: Byline, null when none.
--   source_site: Site that published the page, null when unknown.
--   url: URL of the story, null when unknown.
--   word_count: Number of words in the kept body.
--   role: main when the story is the main story of at least one page, else related.
--   document_count: Number of pages (documents) that carry the story.
--   published_date_key: date_key (yyyymmdd) of published_at, null when undated.
--   topic: The story's primary topic (metaverse, web3, crypto or cbdc: bridge_story_topic holds all it writes about), null when it writes none.

with

per_story as (
    -- one pass over the copies: the kept copy's columns (the longest body, then the first document, then the first
    -- place on the page) and what is told across the copies, without sorting the copies
    select
        story_key,
        arg_min(
            {'title': title, 'category': category, 'published_at': published_at, 'author': author,
             'source_site': source_site, 'url': url, 'word_count': word_count},
            {'body_length': -length(body), 'document_id': document_id, 'position': position}
        ) as kept,
        min(published_at) as any_published_at,
        max(case when role = 'main' then 1 else 0 end) as is_main,
        count(distinct document_id) as document_count
    from staging.stg_stories
    group by story_key
),

primary_topics as (select story_key, topic from staging.stg_story_topics where is_primary),

final as (
    select
        story_key,
        kept.title as title,
        kept.category as category,
        coalesce(kept.published_at, any_published_at) as published_at,
        kept.author as author,
        kept.source_site as source_site,
        kept.url as url,
        kept.word_count as word_count,
        case when is_main = 1 then 'main' else 'related' end as role,
        cast(document_count as integer) as document_count,
        cast(strftime(coalesce(kept.published_at, any_published_at), '%Y%m%d') as integer) as published_date_key,
        t.topic
    from per_story
    left join primary_topics as t using (story_key)
)

select * from final
