"""The one Dagster instance that the CLI, `make run`, `make dev` and the schedule share.

Its folder is $DAGSTER_HOME when set, else `.dagster/` at the repository root (git-ignored), created
on first use with a dagster.yaml that turns telemetry and raw stdout capture off. Runs started from the command line are
recorded there with their materializations, check results and metadata, so `dagster dev` (which
`make dev` starts on the same folder) shows what ran last; a run skipped because nothing changed
records an observation of the published warehouse saying so.

    python -m pipelines.orchestration.instance        # create the folder when missing and print it (used by `make dev`)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from pipelines.config import REPO_ROOT

HOME_SETTING = "DAGSTER_HOME"
DEFAULT_HOME = REPO_ROOT / ".dagster"
PUBLISHED_ASSET = ["published_warehouse"]
INSTANCE_YAML = """# The Dagster instance of initiatives-etl (pipelines/orchestration/instance.py): run history in SQLite beside this file.
telemetry:
  enabled: false
# Steps log through Dagster's structured events (shown in the UI); capturing raw stdout/stderr as well
# would start four helper processes per step of every run.
compute_logs:
  module: dagster._core.storage.noop_compute_log_manager
  class: NoOpComputeLogManager
"""


def instance_home() -> Path:
    """The instance folder: $DAGSTER_HOME, else .dagster/ at the repository root.

    >>> instance_home().name in (".dagster", Path(os.environ.get("DAGSTER_HOME", ".dagster")).name)
    True
    """
    return Path(os.environ.get(HOME_SETTING) or DEFAULT_HOME).expanduser().resolve()


def ensure_home(home: Path | None = None) -> Path:
    """Create the instance folder and its dagster.yaml when missing; returns the folder."""
    home = Path(home or instance_home())
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(INSTANCE_YAML, encoding="utf-8")
    return home


def open_instance(home: Path | None = None):
    """The persistent instance in the instance folder (a context manager: it closes its storage on exit)."""
    import dagster as dg

    return dg.DagsterInstance.from_config(str(ensure_home(home)))


def record_nothing_new(published: Path, since: str | None, seconds: float, home: Path | None = None) -> None:
    """Record on the published warehouse's asset that a run found nothing new and left it as it was."""
    import dagster as dg

    with open_instance(home) as instance:
        instance.report_runless_asset_event(dg.AssetObservation(
            asset_key=PUBLISHED_ASSET,
            description="Nothing new: same raw files and same code as the last run; the warehouse was left as it was.",
            metadata={"nothing_new": True, "last_run": str(since or "unknown"), "path": str(published),
                      "checked_in_seconds": round(seconds, 2)}))


if __name__ == "__main__":
    print(ensure_home())
    sys.exit(0)
