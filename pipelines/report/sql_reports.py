"""Analyst reports: the plain SQL files in sql/, run on a DuckDB connection and formatted as table, csv or json."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from pipelines.modelling.modelgraph import REPO_DIR, parse_header

REPORTS_DIR = REPO_DIR / "sql"
FORMATS = ("table", "csv", "json")


def list_reports(reports_dir: Path | str = REPORTS_DIR) -> dict[str, str]:
    """{report name: one-line description} for every sql/*.sql file.

    >>> "targets_by_country" in list_reports()
    True
    """
    out = {}
    for path in sorted(Path(reports_dir).glob("*.sql")):
        fields, _, _ = parse_header(path.read_text(), path)
        out[path.stem] = fields.get("description", "")
    return out


def report_sql(name: str, reports_dir: Path | str = REPORTS_DIR) -> str:
    """The SQL of a report; a KeyError listing the known names when there is none.

    >>> report_sql("initiatives_by_level").startswith("-- name: initiatives_by_level")
    True
    """
    path = Path(reports_dir) / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no report named {name!r}; known reports: {', '.join(list_reports(reports_dir))}")
    return path.read_text()


def run_report(con, name: str, reports_dir: Path | str = REPORTS_DIR) -> tuple[list[str], list[tuple]]:
    """Run a report on a DuckDB connection: (column names, rows).

    >>> import duckdb; from pipelines.modelling.modelgraph import SCHEMA_SQL, build_models
    >>> con = duckdb.connect(); _ = con.execute(SCHEMA_SQL.read_text()); _ = build_models(con)
    >>> run_report(con, "initiatives_by_level")
    (['level', 'initiatives', 'targets', 'total_target_usd'], [])
    """
    cur = con.execute(report_sql(name, reports_dir))
    return [d[0] for d in cur.description], cur.fetchall()


def _plain(value):
    """A JSON/CSV friendly value: dates as ISO text, decimals as floats, lists kept."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _cell(value) -> str:
    """Text of one table cell."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"
    return str(_plain(value))


def format_report(columns: list[str], rows: list[tuple], fmt: str = "table") -> str:
    """Format report rows as an aligned text table, CSV or JSON (a list of objects).

    >>> print(format_report(["a", "b"], [(1, "x")], "csv").strip())
    a,b
    1,x
    >>> format_report(["a"], [(1.5,)], "json")
    '[\\n  {\\n    "a": 1.5\\n  }\\n]'
    """
    if fmt == "json":
        return json.dumps([{c: _plain(v) for c, v in zip(columns, r)} for r in rows], indent=2, ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in r] for r in rows])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    cells = [[_cell(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(r[i], (int, float, Decimal)) or r[i] is None for r in rows) and rows
               for i in range(len(columns))]

    def line(values):
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
