"""Translate the models and reports from DuckDB SQL to other engines with sqlglot (postgres, snowflake, bigquery, spark)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlglot
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
