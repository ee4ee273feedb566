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


def _pins(name: str) -> dict[str, str]:
    lines = (ROOT / name).read_text().splitlines()
    return dict(line.split("==") for line in lines if "==" in line and not line.startswith("#"))


def test_the_spark_engine_is_its_own_lock_so_make_run_does_without_it():
    main, spark = _pins("requirements.lock"), _pins("requirements-spark.lock")
    assert "pyspark" not in main and "py4j" not in main
    assert not set(spark) & set(main)  # only what Spark adds
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["spark"]
    assert extra == [f"pyspark=={spark['pyspark']}"]
    makefile = (ROOT / "Makefile").read_text()
    assert "test: $(SPARK_STAMP)" in makefile and "run: $(STAMP)\n" in makefile
