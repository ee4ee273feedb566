"""Dagster around the pure stages: resources, the schedule and sensor, the shared instance.

The assets themselves are in `pipelines/assets/`; `pipelines/definitions.py` is the code location.
"""
