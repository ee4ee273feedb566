-- name: dim_story
-- grain: one row per story (story_key), whatever the number of pages carrying it
-- description: Every news story found on the raw pages; when several pages carry the same story, the version with the longest body (then the earliest document_id) is kept.
-- @unique: story_key
-- @not_null: story_key, role, document_count
-- @accepted: role in ('main', 'related')
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

with

stories as (
    -- the length of the body, not the body: the ranking needs no more (carrying 105,000 bodies through the sort took
    -- a quarter to a third of the model's time at 20,000 pages)
    select
        story_key, document_id, position, role, title, category, published_at, author, source_site, url,
        word_count, length(body) as body_length
    from staging.stg_stories
),

ranked as (
    select
        *,
        row_number() over (
            partition by story_key
            order by body_length desc, document_id, position
        ) as rank_in_story
    from stories
),

per_story as (
    select
        story_key,
        min(published_at) as any_published_at,
        max(case when role = 'main' then 1 else 0 end) as is_main,
        count(distinct document_id) as document_count
    from stories
    group by story_key
),

final as (
    select
        r.story_key,
        r.title,
        r.category,
        coalesce(r.published_at, p.any_published_at) as published_at,
        r.author,
        r.source_site,
        r.url,
        r.word_count,
        case when p.is_main = 1 then 'main' else 'related' end as role,
        cast(p.document_count as integer) as document_count,
        cast(strftime(coalesce(r.published_at, p.any_published_at), '%Y%m%d') as integer) as published_date_key
    from ranked as r
    join per_story as p on p.story_key = r.story_key
    where r.rank_in_story = 1
)

select * from final
