"""The marts on Spark: every model in models/ in modelgraph's order, as the Spark SQL that transpile.spark_plan makes.

Tables live in Spark's session catalog as Parquet folders of the build (`staging.*`, `intermediate.*`, `main.*`),
so the models read each other by the names they use in DuckDB. A recursive CTE with UNION (set semantics,
which Spark's recursive CTEs lack) is run round by round here: the rows new in the last round are the only
input of the next, until a round adds nothing (semi-naive evaluation, as DuckDB runs it).
"""
from __future__ import annotations

from pipelines.modelling.modelgraph import MODEL_SCHEMAS, Model, ModelError, load_models, seed_rows
from pipelines.modelling.transpile import RecursiveStep, spark_plan

MAX_ROUNDS = 1000  # a recursive CTE that still adds rows after this many rounds does not terminate
CHECKPOINT_EVERY = 8  # rounds whose new rows the running total of a recursive CTE unions before it is checkpointed


def register_table(spark, schema: str, name: str, location: str) -> None:
    """Make `schema.name` in the session catalog read the Parquet folder at location."""
    spark.sql(f"create database if not exists {schema}")
    spark.sql(f"drop table if exists {schema}.{name}")
    spark.sql(f"create table {schema}.{name} using parquet location '{location}'")


def build_marts(spark, build_uri: str, models: list[Model] | None = None) -> dict[str, str]:
    """Build every seed and model into <build_uri>/<schema>/<name> (Parquet) in dependency order; {name: location}."""
    for schema in MODEL_SCHEMAS:
        spark.sql(f"create database if not exists {schema}")
    built = {}
    for model in models or load_models():
        location = f"{build_uri}/{model.schema}/{model.name}"
        frame = _seed_frame(spark, model) if model.is_seed else _model_frame(spark, model)
        if list(frame.columns) != list(model.columns):
            raise ModelError(f"{model.path}: the header documents columns {list(model.columns)} "
                             f"but Spark's query returns {list(frame.columns)}")
        frame.write.mode("overwrite").parquet(location)
        register_table(spark, model.schema, model.name, location)
        built[model.name] = location
    return built


def _seed_frame(spark, model: Model):
    """A CSV seed as a DataFrame of strings (as DuckDB loads it)."""
    rows = [tuple(row.get(c) for c in model.columns) for row in seed_rows(model)]
    return spark.createDataFrame(rows, ", ".join(f"{c} string" for c in model.columns))


def _model_frame(spark, model: Model):
    """The DataFrame of one model: its views (recursive ones round by round), then its final SELECT."""
    plan = spark_plan(model.sql, model.name)
    steps = " ".join(view.step for view in plan.views if isinstance(view, RecursiveStep))
    for view in plan.views:
        if isinstance(view, RecursiveStep):
            _run_recursive(spark, view).createOrReplaceTempView(view.name)
        else:
            name, sql = view
            frame = spark.sql(sql)
            (frame.cache() if name in steps else frame).createOrReplaceTempView(name)  # a step reads it every round
    return spark.sql(plan.final)


def _run_recursive(spark, step: RecursiveStep):
    """The rows of a recursive CTE with UNION: anchor, then step over the last round's new rows until none is new.

    One Spark job a round: the round's new rows are checkpointed by the job that counts them (a lazy local
    checkpoint, so the next round reads them without their lineage), and the running total is a union of
    checkpointed rounds, checkpointed itself every CHECKPOINT_EVERY rounds so its plan stays small.
    """
    total = spark.sql(step.anchor).toDF(*step.columns).distinct().localCheckpoint()
    new = total
    for round_no in range(1, MAX_ROUNDS + 1):
        new.createOrReplaceTempView(step.name)
        new = spark.sql(step.step).toDF(*step.columns).distinct().subtract(total).localCheckpoint(eager=False)
        if new.count() == 0:
            return total
        total = total.union(new)
        if round_no % CHECKPOINT_EVERY == 0:
            total = total.localCheckpoint()
    raise ModelError(f"the recursive CTE {step.name} still adds rows after {MAX_ROUNDS} rounds; "
                     "does its step always move closer to an end?")
