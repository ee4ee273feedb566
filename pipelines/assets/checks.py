"""Asset checks from declared audits (model headers, pipelines/checks/*.sql): their specs and results (thin layer over modelgraph)."""

import dagster as dg

from pipelines.modelling.modelgraph import Check, load_table_checks, run_check

TABLE_CHECKS = load_table_checks()  # the staging tables' checks, read once at import


def asset_key(schema: str, table: str) -> dg.AssetKey:
    """Asset key of a table: ['staging', 'stg_targets'], ['intermediate', 'int_target_rows'] or ['main', 'dim_story']."""
    return dg.AssetKey([schema, table])


def check_spec(check: Check) -> dg.AssetCheckSpec:
    """The asset check declared for one audit (shown in the UI beside the asset it checks).

    >>> check_spec(TABLE_CHECKS["staging", "stg_stories"][0]).asset_key.path
    ['staging', 'stg_stories']
    """
    return dg.AssetCheckSpec(name=check.name, asset=asset_key(*check.table),
                             description=f"{check.description} (audit: {check.sql})", blocking=check.blocking,
                             additional_deps=[asset_key(s, t) for s, t in check.reads])


def check_result(con, check: Check) -> dg.AssetCheckResult:
    """Run one audit on the connection: passed when it returns no row; a @warn audit only warns."""
    passed, detail = run_check(con, check)
    severity = dg.AssetCheckSeverity.WARN if check.warns else dg.AssetCheckSeverity.ERROR
    return dg.AssetCheckResult(asset_key=asset_key(*check.table), check_name=check.name, passed=passed,
                               severity=severity,
                               metadata={"detail": detail, "audit_sql": dg.MetadataValue.md(f"```sql\n{check.sql}\n```")})


def table_check_specs(*tables: tuple[str, str]) -> list[dg.AssetCheckSpec]:
    """The specs of every check declared for these (schema, table) pairs."""
    return [check_spec(c) for t in tables for c in TABLE_CHECKS.get(t, [])]


def table_check_results(context: dg.AssetExecutionContext, con, *tables: tuple[str, str]):
    """Run the selected checks of these tables, yielding their results."""
    selected = context.selected_asset_check_keys
    for table in tables:
        for check in TABLE_CHECKS.get(table, []):
            if dg.AssetCheckKey(asset_key(*check.table), check.name) in selected:
                yield check_result(con, check)
