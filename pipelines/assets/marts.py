"""Dagster assets for the dimensional models: one asset per file in models/, each running its checks (thin layer over modelgraph)."""
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


def model_asset(model: Model, code_hash: str = "", checks: list[Check] | None = None) -> dg.AssetsDefinition:
    """One asset that rebuilds main.<model> (unless staging and the model code are unchanged), then runs its checks.

    The checks (default: all declared in the model header) run in the same step, on the same connection,
    every run, also when the table was kept; a failing blocking check stops everything downstream.

    >>> asset = model_asset(load_models()[-1]); asset.key.path[0], len(asset.check_keys) > 0
    ('main', True)
    """
    checks = model.checks if checks is None else checks

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
        check_specs=[check_spec(c) for c in checks],
    )
    def _build(context, duckdb: DuckDBResource):
        with duckdb.get_connection() as con:
            rows, rebuilt = materialize_if_stale(con, model, code_hash)
            if not rebuilt:
                context.log.info(f"{model.name}: staging and model unchanged since the last build; kept as is")
            yield dg.MaterializeResult(metadata={"dagster/row_count": dg.MetadataValue.int(rows), "rebuilt": rebuilt})
            for check in checks:
                yield check_result(con, check)

    return _build


def cross_model_checks(checks: list[Check]) -> dg.AssetChecksDefinition:
    """One step for the checks that read a model their own model is not built from (a foreign key's parent).

    Such a check must wait until both models are built, so it cannot run in its model's step;
    it still shows in the UI beside its model.
    """
    @dg.multi_asset_check(
        specs=[check_spec(c, additional_deps=[_asset_key(s, t) for s, t in c.reads]) for c in checks],
        name="cross_model_checks",
        description="Checks of a model that read another model it is not built from, run once both are built.",
        can_subset=True,
    )
    def _audits(context, duckdb: DuckDBResource):
        selected = context.selected_asset_check_keys
        with duckdb.get_connection() as con:
            for check in checks:
                if dg.AssetCheckKey(_asset_key(MART_SCHEMA, check.model), check.name) in selected:
                    yield check_result(con, check)

    return _audits


def check_spec(check: Check, additional_deps: list[dg.AssetKey] | None = None) -> dg.AssetCheckSpec:
    """The asset check declared for one audit of a model header (shown in the UI beside the asset).

    >>> check_spec(load_models()[-1].checks[0]).asset_key.path[0]
    'main'
    """
    return dg.AssetCheckSpec(name=check.name, asset=_asset_key(MART_SCHEMA, check.model),
                             description=f"{check.description} (audit: {check.sql})", blocking=check.blocking,
                             additional_deps=additional_deps)


def check_result(con, check: Check) -> dg.AssetCheckResult:
    """Run one audit on the connection: passed when it returns no row."""
    passed, detail = run_check(con, check)
    return dg.AssetCheckResult(asset_key=_asset_key(MART_SCHEMA, check.model), check_name=check.name, passed=passed,
                               severity=dg.AssetCheckSeverity.ERROR,
                               metadata={"detail": detail, "audit_sql": dg.MetadataValue.md(f"```sql\n{check.sql}\n```")})


def _upstream_tables(models: list[Model]) -> dict[str, set[tuple[str, str]]]:
    """{model: every (schema, table) it is built from, directly or through other models} (models in build order)."""
    upstream: dict[str, set[tuple[str, str]]] = {}
    for model in models:
        upstream[model.name] = set(model.deps).union(
            *(upstream[t] for s, t in model.deps if s == MART_SCHEMA and t in upstream))
    return upstream


def build_mart_definitions(models_dir: Path | str = MODELS_DIR) -> tuple[list[dg.AssetsDefinition], list[dg.AssetChecksDefinition]]:
    """One asset per model and seed under models_dir, carrying its checks, and one step for the cross-model checks.

    A check runs in its model's step when everything it reads is built before that model; the others
    (foreign keys to a model built elsewhere in the graph) run in `cross_model_checks`. Fails at load on a bad model.

    >>> assets, cross = build_mart_definitions()
    >>> len(assets) > 5 and sum(len(a.check_keys) for a in assets) > len(assets) and len(cross) == 1
    True
    """
    models = load_models(models_dir)
    hashes = model_code_hashes(models)
    upstream = _upstream_tables(models)
    in_step = {m.name: [c for c in m.checks if set(c.reads) <= upstream[m.name]] for m in models}
    cross = [c for m in models for c in m.checks if c not in in_step[m.name]]
    return ([model_asset(m, hashes[m.name], in_step[m.name]) for m in models],
            [cross_model_checks(cross)] if cross else [])
