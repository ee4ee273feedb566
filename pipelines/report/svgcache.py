"""The report's drawn charts kept beside it, keyed by what each was drawn from, so an unchanged chart is not drawn again.

Pure module (standard library only). A chart's key is a hash of the report code's signature, the chart's name and
its query's columns and rows: the SVG of a key is the same bytes whoever draws it (pipelines/report/charts.py draws
with a fixed hash salt), so a chart whose rows did not change since the last page is taken from the file instead
of drawn. The file (`<report stem>.charts.json` beside the page) holds the last page's charts only; one that is
missing, unreadable or from other code is simply not used.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def chart_key(code: str, name: str, columns: list[str], rows: list[tuple]) -> str:
    """The key of one chart's SVG: what it is drawn from and with.

    >>> chart_key("c", "n", ["a"], [(1,)]) == chart_key("c", "n", ["a"], [(1,)]) != chart_key("c", "n", ["a"], [(2,)])
    True
    """
    return hashlib.sha256("\x1f".join((code, name, repr(columns), repr(rows))).encode()).hexdigest()[:32]


def cache_path(report: Path) -> Path:
    """Where the charts of a report page are kept: 'w.report.html' -> 'w.report.charts.json'.

    >>> cache_path(Path("/w/report.html")).name
    'report.charts.json'
    """
    report = Path(report)
    return report.with_name(f"{report.stem}.charts.json")


def read_charts(path: Path) -> dict[str, str]:
    """{key: svg} kept in the file; {} when it is missing or unreadable."""
    try:
        charts = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(charts, dict) or not all(isinstance(v, str) for v in charts.values()):
        return {}
    return charts


def write_charts(path: Path, charts: dict[str, str]) -> None:
    """Replace the kept charts with these, atomically (a reader sees the old file or the new one)."""
    replace_text(path, json.dumps(charts, sort_keys=True))


def replace_text(path: Path, text: str) -> None:
    """Write `text` to `path` atomically, through a temporary file of this process beside it (the report page and
    its kept charts)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.writing-{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
