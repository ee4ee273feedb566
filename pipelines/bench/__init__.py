"""Throughput benchmark (`make bench`, `python -m pipelines.bench`): see run.py and docs/performance.md."""
