"""The dimensional models in models/*.sql: their documentation, dependencies (found by sqlglot) and build order.

Pure module (no dagster): `load_models` reads and validates every model at load time,
`build_models` materializes them into DuckDB with `COMMENT ON`, `run_model_checks` runs the
audits declared in the model headers. A model header looks like::

    -- name: dim_story
    -- grain: one row per story (story_key)
    -- description: Every story found in the raw pages, one version per story_key.
    -- @unique: story_key
    -- @not_null: story_key
    -- @foreign_key: parent_key -> dim_jurisdiction.jurisdiction_key
    -- @accepted: level in ('country', 'province')
    -- @audit no_double_counted_targets: select ... (rows returned are violations)
    -- columns:
    --   story_key: Stable key of the story.
"""
from __future__ import annotations

import csv
import graphlib
import re
from dataclasses import dataclass, field
from pathlib import Path


PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the pipelines package
REPO_DIR = PACKAGE_DIR.parent
MODELS_DIR = REPO_DIR / "models"
SCHEMA_SQL = PACKAGE_DIR / "load" / "schema.sql"
STAGING_CHECKS_SQL = PACKAGE_DIR / "checks" / "staging.sql"
MART_SCHEMA = "main"  # what analysts and BI tools query: dims, facts, bridges
INTERMEDIATE_SCHEMA = "intermediate"  # int_* models and seed_* seeds: building blocks of the marts, not for analysts
MODEL_SCHEMAS = (MART_SCHEMA, INTERMEDIATE_SCHEMA)
SEARCH_PATH = ",".join(MODEL_SCHEMAS)  # models name int_* and seed_* tables unqualified
BLOCKING_KINDS = {"unique", "not_null", "audit"}


def model_schema(name: str) -> str:
    """The schema a model or seed is built in: intermediate for int_* and seed_*, else main.

    >>> model_schema("int_target_rows"), model_schema("seed_company_roles"), model_schema("dim_story")
    ('intermediate', 'intermediate', 'main')
    """
    return INTERMEDIATE_SCHEMA if name.startswith(("int_", "seed_")) else MART_SCHEMA


class ModelError(ValueError):
    """A model file that cannot be used: bad SQL, bad header or an unknown table."""


@dataclass(frozen=True)
class Check:
    """One audit declared in a model header (or a checks file): SQL returning the violating rows."""

    name: str
    model: str  # the table checked
    kind: str
    sql: str
    blocking: bool
    description: str
    reads: tuple[tuple[str, str], ...] = ()  # other tables the audit reads (schema, table): a foreign key's parent, ...
    schema: str = ""  # the checked table's schema; empty for a model (model_schema gives it)

    @property
    def table(self) -> tuple[str, str]:
        """(schema, table) of the checked table."""
        return (self.schema or model_schema(self.model), self.model)

    @property
    def warns(self) -> bool:
        """A @warn audit: a warning about the input, never an error."""
        return self.kind == "warn"


@dataclass
class Model:
    """One model (or seed) file: its SQL, documentation and upstream tables."""

    name: str
    path: Path
    sql: str
    description: str
    grain: str
    columns: dict[str, str]
    deps: list[tuple[str, str]] = field(default_factory=list)  # (schema, table)
    checks: list[Check] = field(default_factory=list)
    is_seed: bool = False
    text: str = ""  # the whole file as read, header included (the file is read once)

    @property
    def schema(self) -> str:
        """The schema the model is built in (model_schema)."""
        return model_schema(self.name)

    @property
    def table(self) -> str:
        """schema.name of the built table."""
        return f"{self.schema}.{self.name}"

    @property
    def table_comment(self) -> str:
        """The one description used for COMMENT ON TABLE and the Dagster asset: two sentences."""
        return f"{self.description}. Grain: {self.grain}."


def parse_header(text: str, path: Path, prefix: str = "--") -> tuple[dict[str, str], dict[str, str], list[tuple[str, str]]]:
    """Split the leading comment block into (fields, column docs, @declarations).

    >>> parse_header("-- name: x\\n-- columns:\\n--   a: The a.\\nselect 1 as a", Path("x.sql"))
    ({'name': 'x'}, {'a': 'The a.'}, [])
    """
    fields: dict[str, str] = {}
    columns: dict[str, str] = {}
    decls: list[tuple[str, str]] = []
    in_columns, last = False, None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith(prefix):
            break
        body = stripped[len(prefix):]
        content = body.strip()
        if in_columns and body.startswith("   ") and last and not re.match(r"^\w+:", content):
            columns[last] += " " + content  # continuation of a column description
            continue
        if in_columns and body.startswith("  ") and (m := re.match(r"^(\w+):\s*(.+)$", content)):
            last = m.group(1)
            columns[last] = m.group(2)
            continue
        in_columns = False
        if content.startswith("@"):
            m = re.match(r"^@(\w+)(?:\s+(\w+))?:\s*(.+)$", content)
            if not m:
                raise ModelError(f"{path}: cannot read the declaration {content!r}")
            decls.append((m.group(1) + (f" {m.group(2)}" if m.group(2) else ""), m.group(3)))
        elif content == "columns:":
            in_columns = True
        elif m := re.match(r"^(\w+):\s*(.*)$", content):
            fields[m.group(1)] = m.group(2)
        elif fields:
            key = list(fields)[-1]
            fields[key] = (fields[key] + " " + content).strip()
    return fields, columns, decls


def schema_tables(schema_sql: Path = SCHEMA_SQL) -> set[tuple[str, str]]:
    """The (schema, table) pairs created by the staging DDL.

    >>> ("staging", "stg_targets") in schema_tables()
    True
    """
    import sqlglot
    from sqlglot import exp

    tables = set()
    for stmt in sqlglot.parse(schema_sql.read_text(), read="duckdb"):
        if isinstance(stmt, exp.Create) and (stmt.args.get("kind") or "").upper() == "TABLE":
            table = stmt.find(exp.Table)
            tables.add((table.db or MART_SCHEMA, table.name))
    return tables


def read_tables(sql: str, path: Path) -> list[tuple[str, str]]:
    """The (schema, table) pairs a SELECT reads, CTE names and table functions left out.

    An unqualified name is a model or seed, in the schema model_schema gives it.

    >>> read_tables("with a as (select * from staging.x) select * from a join y using (k) join int_z using (k)", Path("m.sql"))
    [('intermediate', 'int_z'), ('main', 'y'), ('staging', 'x')]
    """
    import sqlglot
    from sqlglot import exp

    try:
        tree = sqlglot.parse_one(sql, read="duckdb")
    except sqlglot.errors.ParseError as err:
        raise ModelError(f"{path}: the SQL does not parse: {str(err).splitlines()[0]}") from err
    if not isinstance(tree, (exp.Select, exp.SetOperation)):
        raise ModelError(f"{path}: a model must be a single SELECT statement")
    return _tables_in(tree)


def _tables_in(tree) -> list[tuple[str, str]]:
    """The (schema, table) pairs a parsed statement (a sqlglot expression) reads, CTE names and table functions left
    out."""
    from sqlglot import exp

    ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
    found = set()
    for table in tree.find_all(exp.Table):
        if not isinstance(table.this, exp.Identifier):
            continue  # table function such as unnest(...) or range(...)
        if not table.db and table.name in ctes:
            continue
        found.add((table.db or model_schema(table.name), table.name))
    return sorted(found)


def parse_checks(model: str, decls: list[tuple[str, str]], path: Path, schema: str = "") -> list[Check]:
    """Turn the header @declarations into audit SQL (rows returned = violations).

    A model's blocking kinds (unique, not_null, audit) stop what is built downstream; the checks of a
    table of another schema (staging) never block, and @warn audits are warnings.

    >>> parse_checks("d", [("unique", "k")], Path("d.sql"))[0].name
    'd__unique__k'
    """
    import sqlglot

    checks = []
    own = schema or model_schema(model)
    for kind, spec in decls:
        name_hint = None
        if " " in kind:
            kind, name_hint = kind.split(" ", 1)
        table = f"{own}.{model}"
        if kind in ("unique", "not_null"):
            cols_part, _, where = spec.partition(" where ")
            cols = [c.strip() for c in cols_part.split(",") if c.strip()]
            filt = f" where {where}" if where else ""
            if kind == "unique":
                sql = (f"select {', '.join(cols)}, count(*) as n from {table}{filt} "
                       f"group by {', '.join(cols)} having count(*) > 1")
                desc = f"{', '.join(cols)} is unique in {model}" + (f" (where {where})" if where else "")
            else:
                nulls = " or ".join(f"{c} is null" for c in cols)
                sql = f"select * from {table} where ({nulls})" + (f" and ({where})" if where else "")
                desc = f"{', '.join(cols)} is never null in {model}"
            suffix = "_".join(cols)
        elif kind == "foreign_key":
            m = re.match(r"^(\w+)\s*->\s*(\w+)\.(\w+)$", spec.strip())
            if not m:
                raise ModelError(f"{path}: @foreign_key must read 'col -> model.col', got {spec!r}")
            col, parent, pcol = m.groups()
            sql = (f"select c.* from {table} c where c.{col} is not null and not exists "
                   f"(select 1 from {model_schema(parent)}.{parent} p where p.{pcol} = c.{col})")
            desc, suffix = f"every {model}.{col} resolves to {parent}.{pcol}", f"{col}"
        elif kind == "accepted":
            m = re.match(r"^(\w+)\s+in\s+(\(.+\))$", spec.strip(), re.S)
            if not m:
                raise ModelError(f"{path}: @accepted must read 'col in (...)', got {spec!r}")
            col, values = m.groups()
            sql = f"select {col}, count(*) as n from {table} where {col} is not null and {col} not in {values} group by {col}"
            desc, suffix = f"{model}.{col} is one of {values}", col
        elif kind in ("audit", "warn"):
            if not name_hint:
                raise ModelError(f"{path}: @{kind} needs a name: '@{kind} my_name: select ...'")
            sql, desc, suffix = spec, f"{name_hint.replace('_', ' ')} in {model}", ""
        else:
            raise ModelError(f"{path}: unknown declaration @{kind}")
        name = name_hint if kind in ("audit", "warn") else f"{model}__{kind}__{suffix}"
        try:
            tree = sqlglot.parse_one(sql, read="duckdb")
        except sqlglot.errors.ParseError as err:
            raise ModelError(f"{path}: check {name} does not parse: {str(err).splitlines()[0]}") from err
        reads = tuple(t for t in _tables_in(tree) if t != (own, model))
        checks.append(Check(name, model, kind, sql, kind in BLOCKING_KINDS and not schema, desc, reads, schema))
    return checks


def load_table_checks(path: Path = STAGING_CHECKS_SQL) -> dict[tuple[str, str], list[Check]]:
    """{(schema, table): checks} declared in a checks file: '-- table: schema.table' lines, each followed by
    declarations written as in a model header; a line indented under a declaration continues it.

    Kept in the reference cache (pipelines/lifecycle/refcache.py) until the file, this module or sqlglot changes.

    >>> checks = load_table_checks(); ("staging", "stg_stories") in checks
    True
    """
    from pipelines.lifecycle.refcache import cached
    from pipelines.lifecycle.versions import files_digest

    path = Path(path).resolve()
    version = files_digest([path, Path(__file__).resolve()], Path("/"), sqlglot_version())
    return cached("table_checks", lambda: _load_table_checks(path), version)


def _load_table_checks(path: Path) -> dict[tuple[str, str], list[Check]]:
    """load_table_checks without the cache."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    table = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip().startswith("--"):
            continue
        body = line.strip()[2:]
        if m := re.match(r"^\s*table:\s*(\w+)\.(\w+)\s*$", body):
            table = (m.group(1), m.group(2))
            found.setdefault(table, [])
        elif table and body.lstrip().startswith("@"):
            content = body.strip()
            m = re.match(r"^@(\w+)(?:\s+(\w+))?:\s*(.+)$", content)
            if not m:
                raise ModelError(f"{path}: cannot read the declaration {content!r}")
            found[table].append((m.group(1) + (f" {m.group(2)}" if m.group(2) else ""), m.group(3)))
        elif table and body.startswith("    ") and found[table]:
            kind, spec = found[table][-1]
            found[table][-1] = (kind, f"{spec} {body.strip()}")
    return {(schema, name): parse_checks(name, decls, path, schema) for (schema, name), decls in found.items()}


def _model_from_header(text: str, path: Path, sql: str, prefix: str, is_seed: bool) -> Model:
    """Build a Model from a file's header and body, checking the required fields."""
    fields, columns, decls = parse_header(text, path, prefix)
    name = fields.get("name") or path.stem
    if name != path.stem:
        raise ModelError(f"{path}: header name {name!r} differs from the file name")
    for required in ("grain", "description"):
        if not fields.get(required):
            raise ModelError(f"{path}: the header lacks '{prefix} {required}: ...'")
    if not columns:
        raise ModelError(f"{path}: the header documents no column ('{prefix} columns:' block)")
    return Model(name, path, sql, fields["description"].rstrip("."), fields["grain"].rstrip("."),
                 columns, checks=parse_checks(name, decls, path), is_seed=is_seed, text=text)


def load_seed(path: Path) -> Model:
    """Read a CSV seed whose '#' header documents it like a model.

    >>> load_seed(MODELS_DIR / "seeds" / "seed_company_roles.csv").is_seed
    True
    """
    text = path.read_text(encoding="utf-8")
    return _model_from_header(text, path, "", "#", True)


def seed_rows(model: Model) -> list[dict[str, str]]:
    """The data rows of a seed (comment lines skipped)."""
    lines = [ln for ln in (model.text or model.path.read_text(encoding="utf-8")).splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def load_models(models_dir: Path | str = MODELS_DIR, schema_sql: Path = SCHEMA_SQL) -> list[Model]:
    """Read every seed and model, resolve dependencies, return them in build order.

    Fails with a ModelError naming the file when a model does not parse or reads an unknown table.
    The result is kept in the reference cache (pipelines/lifecycle/refcache.py) until a model file, this
    module or sqlglot changes.

    >>> [m.name for m in load_models()][:1]
    ['seed_company_roles']
    """
    from pipelines.lifecycle.refcache import cached

    models_dir = Path(models_dir).resolve()
    return cached("models", lambda: _load_models(models_dir, schema_sql), models_version(models_dir, schema_sql))


def models_version(models_dir: Path | str = MODELS_DIR, schema_sql: Path = SCHEMA_SQL) -> str:
    """A digest of every model and seed file, the staging DDL, this module and sqlglot: what load_models reads."""
    from pipelines.lifecycle.versions import files_digest

    models_dir = Path(models_dir).resolve()
    inputs = [p.resolve() for p in (*models_dir.glob("*.sql"), *(models_dir / "seeds").glob("*.csv"),
                                    Path(schema_sql), Path(__file__))]
    return files_digest(inputs, Path("/"), str(models_dir), sqlglot_version())


def sqlglot_version() -> str:
    """sqlglot's installed version, read from its package metadata without importing it (a run that finds its models
    and checks in the reference cache never imports sqlglot: ~0.1 s of its start-up)."""
    from importlib.metadata import version

    return version("sqlglot")


def _load_models(models_dir: Path, schema_sql: Path) -> list[Model]:
    """load_models without the cache."""
    seeds = [load_seed(p) for p in sorted((models_dir / "seeds").glob("*.csv"))]
    models = []
    for path in sorted(models_dir.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        model = _model_from_header(text, path, text, "--", False)
        model.deps = read_tables(text, path)
        models.append(model)
    by_name = {m.name: m for m in seeds + models}
    if len(by_name) != len(seeds) + len(models):
        raise ModelError(f"{models_dir}: two models or seeds share a name")
    known = schema_tables(schema_sql)
    for model in models:
        for schema, table in model.deps:
            if (schema, table) in known or (table in by_name and schema == model_schema(table)):
                continue
            raise ModelError(f"{model.path}: reads {schema}.{table}, which is neither a model, a seed "
                             f"nor a table of {schema_sql.name}")
    graph = {m.name: {t for s, t in m.deps if t in by_name and s == model_schema(t)} for m in seeds + models}
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as err:
        raise ModelError(f"{models_dir}: the models read each other in a cycle: {err.args[1]}") from err
    return [by_name[n] for n in order]


def _quote(text: str) -> str:
    """A SQL string literal (DDL such as COMMENT ON takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def load_seed_table(con, model: Model) -> int:
    """Load a CSV seed into <schema>.<name> through Arrow; returns its row count."""
    import pyarrow as pa

    rows = seed_rows(model)
    cols = list(model.columns)
    arrow = pa.table({c: pa.array([r.get(c) for r in rows], pa.string()) for c in cols})
    con.register("_seed_rows", arrow)
    try:
        con.execute(f"create or replace table {model.table} as select * from _seed_rows").fetchall()
    finally:
        con.unregister("_seed_rows")
    return len(rows)


def comment_model(con, model: Model) -> None:
    """COMMENT ON the table and each column, with the header's descriptions."""
    table = model.table
    con.execute(f"comment on table {table} is {_quote(model.table_comment)}").fetchall()
    for col, desc in model.columns.items():
        con.execute(f"comment on column {table}.{col} is {_quote(desc)}").fetchall()


def use_model_schemas(con) -> None:
    """Create the model schemas when missing and let unqualified names find tables in both (main first)."""
    for schema in MODEL_SCHEMAS:
        con.execute(f"create schema if not exists {schema}").fetchall()
    con.execute(f"set search_path = '{SEARCH_PATH}'").fetchall()


def materialize_model(con, model: Model) -> int:
    """CREATE OR REPLACE <schema>.<name> from the model (or seed), comment it, return its row count.

    The models name int_* and seed_* tables unqualified: the connection's search_path finds them in
    the intermediate schema. A copy left in main by an older build is dropped.

    >>> import duckdb; con = duckdb.connect()
    >>> materialize_model(con, load_seed(MODELS_DIR / "seeds" / "seed_company_roles.csv")) > 0
    True
    """
    use_model_schemas(con)
    if model.schema != MART_SCHEMA:
        con.execute(f"drop table if exists {MART_SCHEMA}.{model.name}").fetchall()
    if model.is_seed:
        load_seed_table(con, model)
    else:
        con.execute(f"create or replace table {model.table} as {model.sql}").fetchall()
    actual = [r[0] for r in con.execute("select name from pragma_table_info(?)", [model.table]).fetchall()]
    if actual != list(model.columns):
        raise ModelError(f"{model.path}: the header documents columns {list(model.columns)} "
                         f"but the query returns {actual}")
    comment_model(con, model)
    return con.execute(f"select count(*) from {model.table}").fetchone()[0]


def build_models(con, models_dir: Path | str = MODELS_DIR) -> dict[str, int]:
    """Build every seed and model in dependency order; returns {name: row count}.

    >>> import duckdb; con = duckdb.connect(); _ = con.execute(SCHEMA_SQL.read_text())
    >>> build_models(con)["dim_story"]
    0
    """
    return {m.name: materialize_model(con, m) for m in load_models(models_dir)}


def run_check(con, check: Check) -> tuple[bool, str]:
    """Run one audit; passes when it returns no row. Detail gives the count and a sample."""
    try:
        use_model_schemas(con)
        cur = con.execute(f"select * from ({check.sql}) as violations limit 3")
        sample = cur.fetchall()
        if not sample:
            return True, f"ok: {check.description}"
        n = con.execute(f"select count(*) from ({check.sql}) as violations").fetchone()[0]
    except Exception as err:  # a missing table or column is a failed check, not a crash
        return False, f"could not run: {str(err).splitlines()[0]}"
    return False, f"{n} violating row(s) of: {check.description}; e.g. {sample[0]}"


def run_model_checks(con, models_dir: Path | str = MODELS_DIR) -> list[tuple[str, bool, str]]:
    """Run every check declared in the model headers: [(check_name, passed, detail)].

    >>> import duckdb; con = duckdb.connect(); _ = con.execute(SCHEMA_SQL.read_text()); _ = build_models(con)
    >>> all(ok for _, ok, _ in run_model_checks(con))
    True
    """
    return [(c.name, *run_check(con, c)) for m in load_models(models_dir) for c in m.checks]
