"""The pipeline on Apache Spark (`python -m pipelines run --engine spark`): the same stages, run by Spark's executors.

session.py   the SparkSession: SPARK_MASTER (default local[*]) or spark-submit's, plus --conf settings
lake.py      where a run writes: staging batches, builds, the _CURRENT pointer (any filesystem Spark writes)
staging.py   raw files -> staging rows in the executors, through the functions the DuckDB path calls (pipelines.stages)
marts.py     models/*.sql on Spark SQL (transpiled by sqlglot, modelling/transpile.py)
export.py    a build's Parquet -> the DuckDB file BI tools open (the same file the DuckDB engine publishes)
run.py       one run: list, read and parse, extract, build the marts, switch _CURRENT, export
"""
