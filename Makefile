# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench dev lint clean

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

# One Dagster instance for `make run`, `make dev` and the schedule: run history, materializations, check results.
export DAGSTER_HOME ?= $(CURDIR)/.dagster

# `make dev` also installs the dg command line (requirements-dev.lock); run, test and CI do without it.
DEV_STAMP := $(VENV)/.installed-dev
$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $(DEV_STAMP)

# The Spark engine (requirements-spark.lock, 455 MB): `make test` (its parity test) and `make bench ENGINE=spark`
# install it; `make run` does without it.
SPARK_STAMP := $(VENV)/.installed-spark
$(SPARK_STAMP): $(STAMP) requirements-spark.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-spark.lock
	touch $(SPARK_STAMP)

## run: build warehouse/warehouse.duckdb from the sample pages in samples/raw (the run is recorded in $(DAGSTER_HOME))
run: $(STAMP)
	$(PY) -m pipelines run

## test: the whole test suite (offline, a few minutes), one pytest-xdist worker per core; each test file stays on one worker (its module fixtures are built once)
TEST_WORKERS ?= auto
test: $(SPARK_STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

## bench: throughput benchmark (docs/performance.md); `make bench ENGINE=spark` runs the Spark engine beside the DuckDB path
ENGINE ?= duckdb
bench: $(STAMP) $(if $(filter spark,$(ENGINE)),$(SPARK_STAMP))
	$(PY) -m pipelines.bench --engine $(ENGINE)

## dev: the Dagster UI on http://localhost:3000
dev: $(DEV_STAMP)
	$(PY) -m pipelines.orchestration.instance
	$(VENV)/bin/dg dev

clean:
	rm -rf $(VENV) .venv-readers warehouse/*.spark warehouse/*.duckdb warehouse/*.stamp.json warehouse/*.html .pytest_cache
