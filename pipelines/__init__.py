"""Initiatives ETL: scraped news pages -> clean stories -> entities and targets -> DuckDB marts.

The pure packages (`ingest`, `parse`, `extract`) never import dagster; `assets/`,
`resources.py` and `definitions.py` are the thin Dagster layer over them.
"""
