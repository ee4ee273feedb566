"""Dagster assets and asset checks for the dimensional models: one asset per file in models/ (thin layer over modelgraph)."""
from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.staging import RETRY
from pipelines.buildstate import materialize_if_stale, model_code_hashes
from pipelines.modelgraph import MART_SCHEMA, MODELS_DIR, Check, Model, load_models, run_check

GROUP = "marts"


def _asset_key(schema: str, table: str) -> dg.AssetKey:
    """Asset key of a table: ['staging', 'stg_targets'] or ['main', 'dim_story']."""
    return dg.AssetKey([schema, table])


def _column_schema(model: Model) -> dg.TableSchema:
    """The documented columns of a model as a Dagster table schema (types are DuckDB's, see the table)."""
    return dg.TableSchema(columns=[dg.TableColumn(name=c, type="see DuckDB", description=d)
                                   for c, d in model.columns.items()])


def model_asset(model: Model, code_hash: str = "") -> dg.AssetsDefinition:
    """One asset that rebuilds main.<model> and comments it, unless staging and the model code are unchanged.

    >>> model_asset(load_models()[0]).key.path[0]
    'main'
    """
    @dg.asset(
        key=_asset_key(MART_SCHEMA, model.name),
        group_name=GROUP,
        kinds={"duckdb"},
        deps=[_asset_key(s, t) for s, t in model.deps],
        retry_policy=RETRY,
        description=model.table_comment,
        metadata={
            "dagster/column_schema": _column_schema(model),
            "grain": model.grain,
            "source": str(model.path.relative_to(model.path.parents[1] if model.is_seed else model.path.parent.parent)),
        },
    )
    def _build(context, duckdb: DuckDBResource) -> dg.MaterializeResult:
        with duckdb.get_connection() as con:
            rows, rebuilt = materialize_if_stale(con, model, code_hash)
        if not rebuilt:
            context.log.info(f"{model.name}: staging and model unchanged since the last build; kept as is")
        return dg.MaterializeResult(metadata={"dagster/row_count": dg.MetadataValue.int(rows), "rebuilt": rebuilt})

    return _build


def model_check(check: Check) -> dg.AssetChecksDefinition:
    """One asset check running the audit SQL declared in a model header.

    >>> model_check(load_models()[-1].checks[0]).check_keys.pop().asset_key.path[0]
    'main'
    """
    @dg.asset_check(
        asset=_asset_key(MART_SCHEMA, check.model),
        name=check.name,
        description=f"{check.description} (audit: {check.sql})",
        blocking=check.blocking,
    )
    def _audit(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            passed, detail = run_check(con, check)
        return dg.AssetCheckResult(passed=passed, severity=dg.AssetCheckSeverity.ERROR,
                                   metadata={"detail": detail, "audit_sql": dg.MetadataValue.md(f"```sql\n{check.sql}\n```")})

    return _audit


def build_mart_definitions(models_dir: Path | str = MODELS_DIR) -> tuple[list[dg.AssetsDefinition], list[dg.AssetChecksDefinition]]:
    """Assets and checks for every model and seed under models_dir (fails at load on a bad model).

    >>> assets, checks = build_mart_definitions()
    >>> len(assets) > 5 and len(checks) > len(assets)
    True
    """
    models = load_models(models_dir)
    hashes = model_code_hashes(models)
    return [model_asset(m, hashes[m.name]) for m in models], [model_check(c) for m in models for c in m.checks]
