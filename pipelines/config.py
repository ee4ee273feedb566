"""Settings from the environment, with defaults that work on a fresh clone.

PIPELINE_RAW_DIR    raw pages to read (default: samples/raw, the sample pages shipped in the repo)
PIPELINE_WAREHOUSE  the published DuckDB file analysts open (default: warehouse/warehouse.duckdb)
PIPELINE_WORKERS    processes for parsing and extraction (default: CPU count)
PIPELINE_CACHE_DIR  reference-data cache (default: $XDG_CACHE_HOME or ~/.cache, /initiatives-etl; 'off' disables)
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW_DIR = REPO_ROOT / "samples" / "raw"
DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse" / "warehouse.duckdb"
MODELS_DIR = REPO_ROOT / "models"
REPORTS_DIR = REPO_ROOT / "sql"


def raw_dir() -> Path:
    """The raw folder: PIPELINE_RAW_DIR or the shipped samples."""
    return Path(os.environ.get("PIPELINE_RAW_DIR") or DEFAULT_RAW_DIR)


def warehouse_path() -> Path:
    """The published warehouse file: PIPELINE_WAREHOUSE or warehouse/warehouse.duckdb."""
    return Path(os.environ.get("PIPELINE_WAREHOUSE") or DEFAULT_WAREHOUSE)


def build_path(published: Path) -> Path:
    """The private file a run builds in before publishing: 'warehouse.duckdb' -> 'warehouse.build.duckdb'.

    >>> build_path(Path("/w/warehouse.duckdb")).name
    'warehouse.build.duckdb'
    """
    published = Path(published)
    return published.with_name(f"{published.stem}.build{published.suffix or '.duckdb'}")
