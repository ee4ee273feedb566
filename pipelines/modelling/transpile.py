"""Translate the models and reports from DuckDB SQL to other engines with sqlglot (postgres, snowflake, bigquery, spark)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel, UnsupportedError

from pipelines.modelling.modelgraph import MODELS_DIR, REPO_DIR

DIALECTS = ("postgres", "snowflake", "bigquery", "spark")
REPORTS_DIR = REPO_DIR / "sql"


@dataclass(frozen=True)
class Translation:
    """One SQL file rendered for one engine, with what sqlglot could not translate exactly."""

    name: str
    dialect: str
    sql: str
    caveat: str | None


def transpile_sql(sql: str, dialect: str) -> tuple[str, str | None]:
    """DuckDB SQL -> (SQL for dialect, caveat or None when the translation is exact).

    >>> transpile_sql("select strftime(d, '%Y') as y from t", "postgres")
    ("SELECT TO_CHAR(d, 'YYYY') AS y FROM t", None)
    """
    if dialect not in DIALECTS and dialect != "duckdb":
        raise ValueError(f"unknown dialect {dialect!r}; use one of {', '.join(DIALECTS)}")
    try:
        return _pretty(sql, dialect, ErrorLevel.RAISE), None
    except UnsupportedError as err:
        return _pretty(sql, dialect, ErrorLevel.IGNORE), str(err).splitlines()[0]


def _pretty(sql: str, dialect: str, level: ErrorLevel) -> str:
    """One statement rendered for dialect (single line for short ones, pretty for models)."""
    out = sqlglot.transpile(sql, read="duckdb", write=dialect, comments=False, unsupported_level=level,
                            pretty="\n" in sql.strip())
    return out[0]


def sql_files(models_dir: Path | str = MODELS_DIR, reports_dir: Path | str = REPORTS_DIR) -> list[Path]:
    """Every model and report file, models first."""
    return sorted(Path(models_dir).glob("*.sql")) + sorted(Path(reports_dir).glob("*.sql"))


def transpile_all(dialects=DIALECTS, out_dir: Path | str | None = None,
                  models_dir: Path | str = MODELS_DIR, reports_dir: Path | str = REPORTS_DIR) -> list[Translation]:
    """Translate every model and report to each dialect; with out_dir, also write <out_dir>/<dialect>/<file>.sql.

    >>> ts = transpile_all(["postgres"]); ts[0].dialect, ts[0].sql.startswith("WITH")
    ('postgres', True)
    """
    out = []
    for path in sql_files(models_dir, reports_dir):
        text = path.read_text()
        for dialect in dialects:
            sql, caveat = transpile_sql(text, dialect)
            out.append(Translation(path.stem, dialect, sql, caveat))
            if out_dir is not None:
                target = Path(out_dir) / dialect / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                note = f"-- translated from DuckDB by sqlglot; caveat: {caveat}\n" if caveat else "-- translated from DuckDB by sqlglot\n"
                target.write_text(note + sql + ";\n")
    return out


# --- Spark: the models as Spark SQL steps (pipelines/spark/marts.py runs them) -------------------------------------
# sqlglot translates the functions; three things it cannot are rewritten here, each for a reason Spark gives:
# EXTRACT(ISODOW ...) is DOW_ISO in Spark; list(DISTINCT x ORDER BY x) loses its order as COLLECT_LIST, so it becomes
# SORT_ARRAY(COLLECT_SET(x)); and Spark's recursive CTEs accept only UNION ALL, so a recursive CTE with UNION (set
# semantics: it stops when no new row comes, as DuckDB's does) is run by the engine step by step (RecursiveStep).


@dataclass(frozen=True)
class RecursiveStep:
    """A recursive CTE with UNION, run as Spark cannot: rows = anchor; then step (reading `name` as the rows new in
    the last round) until it adds no new row."""

    name: str  # the view the step reads and the rest of the model reads
    columns: tuple[str, ...]
    anchor: str
    step: str


@dataclass(frozen=True)
class SparkPlan:
    """A model as Spark SQL: views to materialize in order ((name, sql) or RecursiveStep), then the final SELECT."""

    views: tuple
    final: str


def spark_plan(sql: str, prefix: str = "m") -> SparkPlan:
    """The Spark SQL steps of one DuckDB model: unqualified tables get their schema (modelgraph.model_schema),
    DuckDB-only forms are rewritten, and a recursive CTE with UNION splits the model into views (named
    `<prefix>__<cte>`) built before the final SELECT.

    >>> plan = spark_plan("select cast(extract(isodow from full_date) as integer) as d from dim_date")
    >>> plan.views, plan.final
    ((), 'SELECT CAST(EXTRACT(DOW_ISO FROM full_date) AS INT) AS d FROM main.dim_date')
    >>> plan = spark_plan("with recursive r (n) as (select 1 union select n + 1 from r where n < 3) select * from r")
    >>> step = plan.views[0]; step.name, step.anchor, step.step, plan.final
    ('m__r', 'SELECT 1', 'SELECT n + 1 FROM m__r AS r WHERE n < 3', 'SELECT * FROM m__r AS r')
    """
    from pipelines.modelling.modelgraph import model_schema

    tree = sqlglot.parse_one(sql, read="duckdb")
    with_ = tree.args.get("with_") or tree.args.get("with")
    ctes = list(with_.expressions) if with_ else []
    cte_names = {cte.alias_or_name for cte in ctes}
    for table in tree.find_all(exp.Table):
        if isinstance(table.this, exp.Identifier) and not table.db and table.name not in cte_names:
            table.set("db", exp.to_identifier(model_schema(table.name)))
    _spark_rewrites(tree)
    last_recursive = max((i for i, cte in enumerate(ctes) if _recursive_union(cte)), default=-1)
    if last_recursive < 0:
        return SparkPlan((), tree.sql(dialect="spark"))
    views, renamed = [], {}
    for cte in ctes[:last_recursive + 1]:
        name = cte.alias_or_name
        renamed[name] = f"{prefix}__{name}"
        body = _renamed(cte.this, renamed)
        if _recursive_union(cte):
            parts = _union_parts(body)
            anchor = [p for p in parts if not _reads(p, renamed[name])]
            step = [p for p in parts if _reads(p, renamed[name])]
            columns = tuple(c.name for c in cte.args["alias"].columns) or tuple(anchor[0].named_selects)
            views.append(RecursiveStep(renamed[name], columns, _union_sql(anchor), _union_sql(step)))
        else:
            views.append((renamed[name], body.sql(dialect="spark")))
    rest = tree.copy()
    rest_with = rest.args.get("with_") or rest.args.get("with")
    rest_with.set("expressions", [_renamed(cte, renamed) for cte in rest_with.expressions[last_recursive + 1:]])
    rest_with.set("recursive", False)
    if not rest_with.expressions:
        rest.set("with_" if "with_" in rest.args else "with", None)
    return SparkPlan(tuple(views), _renamed(rest, renamed).sql(dialect="spark"))


def _spark_rewrites(tree: exp.Expression) -> None:
    """Rewrite in place the DuckDB forms sqlglot renders for Spark with another meaning (see above)."""
    for extract in list(tree.find_all(exp.Extract)):
        if isinstance(extract.this, exp.Var) and extract.this.name.upper() == "ISODOW":
            extract.set("this", exp.var("DOW_ISO"))
    for agg in list(tree.find_all(exp.ArrayAgg)):
        if isinstance(agg.this, exp.Order):
            value, keys = agg.this.this, agg.this.expressions
            inner = value.expressions[0] if isinstance(value, exp.Distinct) else value
            if not (isinstance(value, exp.Distinct) and len(keys) == 1 and keys[0].this == inner
                    and not keys[0].args.get("desc")):
                raise UnsupportedError(f"{agg.sql('duckdb')}: Spark keeps no order in COLLECT_LIST; write "
                                       "list(DISTINCT x ORDER BY x) or order the rows another way")
            agg.replace(exp.func("sort_array", exp.func("collect_set", inner.copy()), dialect="spark"))


def _recursive_union(cte: exp.CTE) -> bool:
    """True for a CTE that reads itself through a UNION (distinct)."""
    body = cte.this
    return isinstance(body, exp.Union) and bool(body.args.get("distinct")) and _reads(body, cte.alias_or_name)


def _reads(tree: exp.Expression, name: str) -> bool:
    return any(t.name == name and not t.db for t in tree.find_all(exp.Table))


def _union_parts(tree: exp.Expression) -> list[exp.Expression]:
    """The SELECTs of a chain of UNIONs, in order."""
    if isinstance(tree, exp.Union):
        return _union_parts(tree.this) + _union_parts(tree.expression)
    return [tree]


def _union_sql(parts: list[exp.Expression]) -> str:
    """Spark SQL of the UNION of parts (set semantics)."""
    return " UNION ".join(p.sql(dialect="spark") for p in parts)


def _renamed(tree: exp.Expression, names: dict[str, str]) -> exp.Expression:
    """A copy of tree reading each CTE of `names` from its view instead."""
    tree = tree.copy()
    for table in tree.find_all(exp.Table):
        if not table.db and table.name in names:
            alias = table.alias or (table.name if table.name != names[table.name] else "")
            table.set("this", exp.to_identifier(names[table.name]))
            if alias and not table.alias:
                table.set("alias", exp.TableAlias(this=exp.to_identifier(alias)))
    return tree
