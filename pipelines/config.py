"""Settings from the environment, with defaults that work on a fresh clone.

PIPELINE_RAW_DIR    raw pages to read (default: samples/raw, the sample pages shipped in the repo)
PIPELINE_WAREHOUSE  the published DuckDB file analysts open (default: warehouse/warehouse.duckdb)
PIPELINE_WORKERS    processes for parsing and extraction (default: CPU count)
PIPELINE_CACHE_DIR  reference-data cache (default: $XDG_CACHE_HOME or ~/.cache, /initiatives-etl; 'off' disables)
PIPELINE_STORAGE_VERSION  the oldest DuckDB that must read the warehouse (default: v1.5.0; 'latest' for this DuckDB's own format)
PIPELINE_ALLOW_SHRINK  1 to publish a build that lost more than half of the published raw files (default: refuse)
PIPELINE_ENGINE     duckdb (default: this machine) or spark (pipelines/spark; SPARK_MASTER names the cluster)
"""
from __future__ import annotations

import os
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW_DIR = REPO_ROOT / "samples" / "raw"
DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse" / "warehouse.duckdb"
MODELS_DIR = REPO_ROOT / "models"
REPORTS_DIR = REPO_ROOT / "sql"
# The oldest DuckDB line supported upstream: 1.4 LTS ended on 2026-11-17, 1.5 is supported until March 2027.
# Files in its format are read by DuckDB 1.5, 2.0 and later, and hold every type and comment the warehouse uses.
DEFAULT_STORAGE_VERSION = "v1.5.0"


def raw_dir() -> Path:
    """The raw folder: PIPELINE_RAW_DIR or the shipped samples."""
    return Path(os.environ.get("PIPELINE_RAW_DIR") or DEFAULT_RAW_DIR)


def warehouse_path() -> Path:
    """The published warehouse file: PIPELINE_WAREHOUSE or warehouse/warehouse.duckdb."""
    return Path(os.environ.get("PIPELINE_WAREHOUSE") or DEFAULT_WAREHOUSE)


ENGINES = ("duckdb", "spark")


def engine() -> str:
    """PIPELINE_ENGINE: where a run's stages run, duckdb (default) or spark (the CLI refuses any other value).

    >>> engine() in ENGINES
    True
    """
    return os.environ.get("PIPELINE_ENGINE", "").strip().lower() or "duckdb"


def allow_shrink() -> bool:
    """PIPELINE_ALLOW_SHRINK: publish even a build that lost most of the published raw files (1/true/yes/on)."""
    return os.environ.get("PIPELINE_ALLOW_SHRINK", "").strip().lower() in ("1", "true", "yes", "on")


# DuckDB names a database after its file name up to the first dot; a build file named like a schema
# ('raw.build.duckdb' -> catalog 'raw') makes `raw.raw_files` ambiguous, so such a build file gets a prefix.
RESERVED_CATALOGS = {"raw", "staging", "main", "memory", "system", "temp"}


def build_path(published: Path) -> Path:
    """The private file a run builds in before publishing: 'warehouse.duckdb' -> 'warehouse.build.duckdb'.

    >>> build_path(Path("/w/warehouse.duckdb")).name, build_path(Path("/w/raw.duckdb")).name
    ('warehouse.build.duckdb', 'warehouse_raw.build.duckdb')
    """
    published = Path(published)
    stem = published.stem
    if stem.split(".")[0].lower() in RESERVED_CATALOGS:
        stem = f"warehouse_{stem}"
    return published.with_name(f"{stem}.build{published.suffix or '.duckdb'}")


def report_path(published: Path) -> Path:
    """Where the analyst report of a warehouse goes: beside it, 'report.html' for the default warehouse.duckdb,
    '<name>.report.html' for any other name (two warehouses in one folder keep a report each).

    >>> report_path(Path("/w/warehouse.duckdb")), report_path(Path("/tmp/dev.duckdb"))
    (PosixPath('/w/report.html'), PosixPath('/tmp/dev.report.html'))
    """
    published = Path(published)
    return published.with_name("report.html" if published.stem == "warehouse" else f"{published.stem}.report.html")


def storage_version(value: str | None = None) -> str:
    """The DuckDB storage format build files are written in, as DuckDB names it ('vX.Y.Z' or 'latest'): `value`,
    else PIPELINE_STORAGE_VERSION, else DEFAULT_STORAGE_VERSION. Text that names no version is returned as given,
    for DuckDB to refuse when the build file is opened (pipelines.orchestration.resources).

    >>> storage_version("1.4"), storage_version("v1.5.2"), storage_version("Latest"), storage_version("old")
    ('v1.4.0', 'v1.5.2', 'latest', 'old')
    """
    value = (value or os.environ.get("PIPELINE_STORAGE_VERSION") or DEFAULT_STORAGE_VERSION).strip().lower()
    match = re.fullmatch(r"v?(\d+)\.(\d+)(?:\.(\d+))?", value)
    return f"v{match[1]}.{match[2]}.{match[3] or 0}" if match else value
