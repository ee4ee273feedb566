-- name: dim_date
-- grain: one row per calendar day (date_key), every day from the earliest to the latest date used by a story
-- description: Calendar of the days the stories and initiatives refer to, for grouping by year, quarter and month.
-- @unique: date_key
-- @not_null: date_key, full_date
-- columns:
--   date_key: The day as an integer yyyymmdd (20240120).
--   full_date: The day as a DATE.
--   year: Calendar year.
--   quarter: Calendar quarter, 1 to 4.
--   month: Month number, 1 to 12.
--   month_name: Month name in English (January).
--   day_of_week: ISO day of week, 1 = Monday to 7 = Sunday.
--   day_name: Day name in English (Monday).

with

stories as (select * from staging.stg_stories),

bounds as (
    select
        cast(min(published_at) as date) as first_day,
        cast(max(published_at) as date) as last_day
    from stories
    where published_at is not null
),

days as (
    select cast(d.day as date) as full_date
    from bounds as b,
        unnest(generate_series(b.first_day, b.last_day, interval 1 day)) as d(day)
    where b.first_day is not null
),

final as (
    select
        cast(strftime(full_date, '%Y%m%d') as integer) as date_key,
        full_date,
        cast(extract(year from full_date) as integer) as year,
        cast(extract(quarter from full_date) as integer) as quarter,
        cast(extract(month from full_date) as integer) as month,
        strftime(full_date, '%B') as month_name,
        cast(extract(isodow from full_date) as integer) as day_of_week,
        strftime(full_date, '%A') as day_name
    from days
)

select * from final
