"""The DuckDB path's checks as the Spark engine runs them: every one has a Spark query, and what a failure does
(no Spark needed: the checks' outcomes on a real build are compared with DuckDB's in test_spark_parity.py)."""
from pathlib import Path

import pytest
import sqlglot

from pipelines.modelling.modelgraph import load_table_checks, parse_checks
from pipelines.spark.checks import (CheckOutcome, ChecksFailed, all_checks, problem_lines, refuse_if_blocked,
                                    spark_check_sql)

CHECKS = all_checks()


@pytest.mark.parametrize("check", CHECKS, ids=[c.name for c in CHECKS])
def test_every_check_has_a_spark_query_on_qualified_tables(check):
    tree = sqlglot.parse_one(spark_check_sql(check), read="spark")
    assert all(table.db for table in tree.find_all(sqlglot.exp.Table) if table.name not in
               {cte.alias_or_name for cte in tree.find_all(sqlglot.exp.CTE)})


def test_the_spark_engine_runs_the_staging_checks_and_every_models_checks():
    names = {c.name for c in CHECKS}
    assert {c.name for checks in load_table_checks().values() for c in checks} <= names
    assert "dim_story__unique__story_key" in names and len(names) == len(CHECKS)


def _outcome(kind: str, passed: bool, schema: str = "") -> CheckOutcome:
    decl = {"unique": ("unique", "story_key"), "accepted": ("accepted", "role in ('main')"),
            "warn": ("warn few_rows", "select 1")}[kind]
    check = parse_checks("dim_story", [decl], Path("dim_story.sql"), schema)[0]
    return CheckOutcome(check, passed, "ok" if passed else "2 violating row(s) of: it; e.g. ('k',)")


def test_a_failed_blocking_check_raises_one_line_naming_it_and_the_build_kept():
    with pytest.raises(ChecksFailed) as failed:
        refuse_if_blocked([_outcome("accepted", True), _outcome("unique", False)], "20261206T120000Z-abcdef")
    line = str(failed.value)
    assert line.startswith("failed checks: dim_story__unique__story_key (blocking: the current build "
                           "20261206T120000Z-abcdef was kept; 2 violating row(s)")
    assert "\n" not in line and failed.value.exit_code == 1


def test_checks_that_do_not_block_are_reported_and_let_the_build_through():
    outcomes = [_outcome("unique", True), _outcome("accepted", False), _outcome("warn", False),
                _outcome("unique", False, schema="staging")]  # a staging table's checks never block
    refuse_if_blocked(outcomes, None)
    assert problem_lines(outcomes) == (["dim_story__accepted__role", "dim_story__unique__story_key"], ["few_rows"])
