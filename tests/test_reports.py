"""Every report in sql/ runs on the small marts, and formats as table, csv and json."""
import csv
import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_models import small_warehouse  # noqa: E402

from pipelines.report.sql_reports import format_report, list_reports, run_report  # noqa: E402


@pytest.fixture(scope="module")
def con():
    return small_warehouse()


def test_at_least_six_reports_with_descriptions():
    reports = list_reports()
    assert len(reports) >= 6 and all(reports.values())


@pytest.mark.parametrize("name", sorted(list_reports()))
def test_report_runs(con, name):
    columns, rows = run_report(con, name)
    assert columns and rows, name
    for fmt in ("table", "csv", "json"):
        assert format_report(columns, rows, fmt)


def test_targets_roll_up_to_the_country(con):
    columns, rows = run_report(con, "targets_by_country")
    assert dict(zip(columns, rows[0])) == {"country": "China", "jurisdictions": 2, "targets": 2,
                                           "total_target_usd": 34.4e9, "sources": 3}


def test_hierarchy_report_shows_the_path(con):
    _, rows = run_report(con, "jurisdiction_hierarchy")
    assert ("Jiangning", "district", "Jiangning > Nanjing > Jiangsu > China", 1) in rows


def test_formats(con):
    columns, rows = run_report(con, "initiatives_by_level")
    assert json.loads(format_report(columns, rows, "json"))[0].keys() == set(columns)
    assert next(csv.reader(io.StringIO(format_report(columns, rows, "csv")))) == columns
    table = format_report(columns, rows, "table")
    assert table.splitlines()[0].split() == columns and table.rstrip().endswith("rows)")


def test_unknown_report_names_the_known_ones(con):
    with pytest.raises(KeyError, match="targets_by_country"):
        run_report(con, "nope")
