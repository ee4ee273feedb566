"""The DuckDB path's checks on a Spark build, before `_CURRENT` is switched to it.

The same declarations (model headers, pipelines/checks/staging.sql), transpiled by sqlglot like the models
(transpile.spark_plan), with the same meaning: an audit passes when it returns no row; a failed blocking check
(a model's unique, not_null or audit) keeps the current build and ends the run in one line naming it
(ChecksFailed, exit code 1); a failed check that does not block (staging tables, foreign keys, accepted values)
lets the build be switched to but the run ends with exit code 1; a failed @warn check is a warning.

All checks are counted in one Spark job (a UNION ALL of one count per check): ~90 small jobs would cost
more than the build of a small increment. Only a failed check's rows are sampled for its message.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipelines.lifecycle.failures import UserError
from pipelines.modelling.modelgraph import Check, load_models, load_table_checks


class ChecksFailed(UserError):
    """A blocking check failed on the new build: `_CURRENT` still names the build before it."""

    exit_code = 1


@dataclass(frozen=True)
class CheckOutcome:
    """One check on one build: passed, and what a person reads when it did not."""

    check: Check
    passed: bool
    detail: str


def all_checks() -> list[Check]:
    """The staging tables' checks, then every model's, as the DuckDB path runs them."""
    return [c for checks in load_table_checks().values() for c in checks] + [c for m in load_models() for c in m.checks]


def spark_check_sql(check: Check) -> str:
    """A check's audit in Spark SQL (its tables qualified by schema, DuckDB-only forms rewritten).

    >>> from pipelines.modelling.modelgraph import parse_checks
    >>> from pathlib import Path
    >>> spark_check_sql(parse_checks("dim_story", [("not_null", "story_key")], Path("d.sql"))[0])
    'SELECT * FROM main.dim_story WHERE (story_key IS NULL)'
    """
    from pipelines.modelling.transpile import spark_plan

    plan = spark_plan(check.sql, "check")
    if plan.views:
        raise ValueError(f"check {check.name} holds a recursive CTE, which Spark runs only as a model's step")
    return plan.final


def run_checks(spark, checks: list[Check]) -> list[CheckOutcome]:
    """Every check on the tables the session's catalog holds now (the build being made)."""
    counts = _counts(spark, checks)
    outcomes = []
    for check in checks:
        found = counts.get(check.name)
        if isinstance(found, str):
            outcomes.append(CheckOutcome(check, False, f"could not run: {found}"))
        elif found == 0:
            outcomes.append(CheckOutcome(check, True, f"ok: {check.description}"))
        else:
            sample = spark.sql(f"SELECT * FROM ({spark_check_sql(check)}) AS violations LIMIT 1").collect()
            example = str(tuple(sample[0]) if sample else ())[:200]
            outcomes.append(CheckOutcome(check, False, f"{found} violating row(s) of: {check.description}; e.g. {example}"))
    return outcomes


def _counts(spark, checks: list[Check]) -> dict[str, int | str]:
    """{check name: violating rows, or why it could not run}: one job for all, one per check when one fails to run."""
    parts = [f"SELECT {i} AS i, COUNT(*) AS n FROM ({spark_check_sql(c)}) AS violations" for i, c in enumerate(checks)]
    if not parts:
        return {}
    try:
        return {checks[i].name: n for i, n in spark.sql(" UNION ALL ".join(parts)).collect()}
    except Exception:  # noqa: BLE001 - find the check that cannot run; the others still count
        found: dict[str, int | str] = {}
        for check, part in zip(checks, parts):
            try:
                found[check.name] = spark.sql(part).collect()[0][1]
            except Exception as err:  # noqa: BLE001 - a missing table or column is a failed check, not a crash
                found[check.name] = (str(err).strip().splitlines() or [err.__class__.__name__])[0]
        return found


def blocking_failures(outcomes: list[CheckOutcome]) -> list[str]:
    """Names of the failed blocking checks."""
    return sorted(o.check.name for o in outcomes if not o.passed and o.check.blocking)


def refuse_if_blocked(outcomes: list[CheckOutcome], current: str | None) -> None:
    """Raise ChecksFailed (one line naming the checks and what was kept) when a blocking check failed."""
    blocked = blocking_failures(outcomes)
    if blocked:
        first = next(o for o in outcomes if o.check.name == blocked[0])
        kept = f"the current build {current} was kept" if current else "no build was switched to"
        raise ChecksFailed(f"failed checks: {', '.join(blocked)} (blocking: {kept}; {first.detail})")


def problem_lines(outcomes: list[CheckOutcome]) -> tuple[list[str], list[str]]:
    """(failed checks that do not block, failed @warn checks): the CLI's error and warning lines name them."""
    failed = sorted(o.check.name for o in outcomes if not o.passed and not o.check.blocking and not o.check.warns)
    warned = sorted(o.check.name for o in outcomes if not o.passed and o.check.warns)
    return failed, warned
