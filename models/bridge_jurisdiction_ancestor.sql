-- name: bridge_jurisdiction_ancestor
-- grain: one row per jurisdiction and each of its ancestors, itself included at depth 0 (jurisdiction_key, ancestor_key)
-- description: The containment closure of dim_jurisdiction, so reports roll districts and cities up to provinces and countries with a plain join.
-- @unique: jurisdiction_key, ancestor_key
-- @not_null: jurisdiction_key, ancestor_key, depth
-- @foreign_key: jurisdiction_key -> dim_jurisdiction.jurisdiction_key
-- @foreign_key: ancestor_key -> dim_jurisdiction.jurisdiction_key
-- columns:
--   jurisdiction_key: The jurisdiction (dim_jurisdiction.jurisdiction_key).
--   ancestor_key: The jurisdiction itself or one containing it (dim_jurisdiction.jurisdiction_key).
--   depth: Steps up from the jurisdiction: 0 for itself, 1 for its parent, 2 for the grandparent.
--   ancestor_level: Level of the ancestor (country, province, city ...).

with recursive

jurisdictions as (select jurisdiction_key, parent_key from dim_jurisdiction),

chain (jurisdiction_key, ancestor_key, depth) as (
    select jurisdiction_key, jurisdiction_key, 0 from jurisdictions
    union all
    select c.jurisdiction_key, j.parent_key, c.depth + 1
    from chain as c
    join jurisdictions as j on j.jurisdiction_key = c.ancestor_key
    where j.parent_key is not null and c.depth < 10
),

final as (
    select c.jurisdiction_key, c.ancestor_key, c.depth, a.level as ancestor_level
    from chain as c
    join dim_jurisdiction as a on a.jurisdiction_key = c.ancestor_key
)

select * from final
