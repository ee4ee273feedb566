"""The SQL models in models/*.sql: dependency graph and build order, catalog, other dialects (sqlglot)."""
