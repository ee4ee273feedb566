"""Dagster assets for the dimensional models: one asset per file in models/, all built in one step (thin layer over modelgraph).

Like dagster-dbt's `@dbt_assets`, one multi-asset holds every model: each model is its own asset
in the graph (its dependencies read from the SQL by sqlglot, its checks beside it), but a run
builds them one after another in a single step on the run's DuckDB connection. One step instead
of one per model saves Dagster's per-step cost (~50 ms of events and bookkeeping each).
"""

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.checks import asset_key as _asset_key
from pipelines.assets.checks import check_result, check_spec
from pipelines.assets.metadata import built_metadata, declared_metadata, source_link
from pipelines.assets.staging import RETRY
from pipelines.lifecycle.buildstate import materialize_if_stale, model_code_hashes, set_state
from pipelines.modelling.modelgraph import MART_SCHEMA, MODEL_SCHEMAS, MODELS_DIR, Model, load_models

GROUP = "marts"
INTERMEDIATE_GROUP = "intermediate"  # int_* models and seeds (schema intermediate)
FAILED_CHECKS_STATE = "run:failed_checks"


def model_spec(model: Model) -> dg.AssetSpec:
    """The asset of one model: key <schema>.<name>, upstream tables found by sqlglot, its documentation,
    its columns with DuckDB's types and a link to its file.

    >>> spec = model_spec(load_models()[-1]); spec.key.path[0], spec.skippable, spec.metadata["source"].path[:7]
    ('main', True, 'models/')
    """
    root = (model.path.parents[2] if model.is_seed else model.path.parents[1])
    return dg.AssetSpec(
        _asset_key(model.schema, model.name), group_name=GROUP if model.schema == MART_SCHEMA else INTERMEDIATE_GROUP,
        kinds={"duckdb"},
        deps=[_asset_key(s, t) for s, t in model.deps], description=model.table_comment,
        metadata={**declared_metadata(model.schema, model.name), "grain": model.grain, **source_link(model.path, root)},
        skippable=True)  # not built when a blocking check upstream failed, or when left out of a subset


def _upstream_tables(models: list[Model]) -> dict[str, set[tuple[str, str]]]:
    """{model: every (schema, table) it is built from, directly or through other models} (models in build order)."""
    upstream: dict[str, set[tuple[str, str]]] = {}
    for model in models:
        upstream[model.name] = set(model.deps).union(
            *(upstream[t] for s, t in model.deps if s in MODEL_SCHEMAS and t in upstream))
    return upstream


def build_marts_asset(models_dir: Path | str = MODELS_DIR) -> dg.AssetsDefinition:
    """One multi-asset with an asset per model and seed under models_dir, carrying every model's checks.

    In a run the models are built in dependency order. A model's checks run right after it is built
    (or kept) when everything they read is built by then; the others (a foreign key to a model built
    later) run once every model is built. A model downstream of a failed blocking check is not built,
    and the failed check fails the step, so nothing is published. Fails at load on a bad model.

    >>> marts = build_marts_asset()
    >>> len(marts.keys) > 5 and len(marts.check_keys) > len(marts.keys)
    True
    """
    models = load_models(models_dir)
    hashes = model_code_hashes(models)
    upstream = _upstream_tables(models)
    in_step = {m.name: [c for c in m.checks if set(c.reads) <= upstream[m.name]] for m in models}
    deferred = [c for m in models for c in m.checks if c not in in_step[m.name]]

    @dg.multi_asset(name="marts", specs=[model_spec(m) for m in models],
                    check_specs=[check_spec(c) for m in models for c in m.checks],
                    can_subset=True, retry_policy=RETRY,
                    description="Builds every model in models/ (a model is kept when its code and inputs are unchanged).")
    def marts(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
        selected, checks = context.selected_asset_keys, context.selected_asset_check_keys
        built: set[str] = set()
        blocked: set[str] = set()  # models that failed a blocking check, or sit downstream of one
        failed: list[str] = []
        with duckdb.get_connection() as con:
            for model in models:
                key = _asset_key(model.schema, model.name)
                if key not in selected:
                    continue
                if any(s in MODEL_SCHEMAS and t in blocked for s, t in model.deps):
                    blocked.add(model.name)
                    context.log.warning(f"{model.name} not built: a blocking check upstream failed")
                    continue
                rows, rebuilt = materialize_if_stale(con, model, hashes[model.name])
                built.add(model.name)
                metadata = built_metadata(con, model.schema, model.name, rows, comments=model.columns)  # as commented
                yield dg.MaterializeResult(asset_key=key, metadata={**metadata, "rebuilt": rebuilt})
                for check in in_step[model.name]:
                    result = check_result(con, check)
                    if not result.passed:
                        failed.append(check.name)
                        if check.blocking:
                            blocked.add(model.name)
                    yield result
            for check in deferred:  # the models they read that were left out of a subset are read as last built
                reads = {t for s, t in check.reads if s in MODEL_SCHEMAS}
                if (check.model in built and not reads & blocked
                        and dg.AssetCheckKey(_asset_key(*check.table), check.name) in checks):
                    result = check_result(con, check)
                    if not result.passed:
                        failed.append(check.name)
                    yield result
            set_state(con, FAILED_CHECKS_STATE, ",".join(failed))  # a build with a failed check gets no run stamp

    return marts
