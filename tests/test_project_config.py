"""pyproject.toml points `dg` and `dagster dev` at the same code location, and the dg pins match Dagster's."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_dg_and_dagster_load_the_same_definitions():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    dg_project = config["tool"]["dg"]["project"]
    assert config["tool"]["dg"]["directory_type"] == "project"
    assert dg_project["code_location_target_module"] == config["tool"]["dagster"]["module_name"]
    assert dg_project["code_location_name"] == config["tool"]["dagster"]["code_location_name"]


def test_the_dg_cli_is_pinned_to_the_installed_dagster_release():
    pins = dict(line.split("==") for line in (ROOT / "requirements.lock").read_text().splitlines() if "==" in line)
    dev = dict(line.split("==") for line in (ROOT / "requirements-dev.lock").read_text().splitlines()
               if "==" in line and not line.startswith("#"))
    assert dev["dagster-dg-cli"] == pins["dagster"]
    assert not set(dev) & set(pins)  # only what dg adds
