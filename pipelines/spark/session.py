"""The SparkSession of a run: the cluster from SPARK_MASTER (or spark-submit), local[*] when neither says one.

Settings every run needs are in RUN_CONF; `--conf key=value` on the command line (or spark-submit's own
`--conf`) adds or overrides any Spark setting: executor memory, shuffle partitions, s3a credentials ...
"""
from __future__ import annotations

import os
import shutil
import sys

from pipelines.config import REPO_ROOT
from pipelines.lifecycle.failures import UserError

RUN_CONF = {
    "spark.app.name": "initiatives-etl",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.timestampType": "TIMESTAMP_NTZ",  # DuckDB's TIMESTAMP: a page's time as written, no zone
    "spark.sql.constraintPropagation.enabled": "false",  # Spark 4.3 fails on unions of checkpointed frames with it
    "spark.ui.showConsoleProgress": "false",
}


def parse_conf(pairs: list[str] | None) -> dict[str, str]:
    """{key: value} from `key=value` strings (the --conf options); one line naming a malformed one.

    >>> parse_conf(["spark.executor.memory=4g", "spark.sql.shuffle.partitions=400"])
    {'spark.executor.memory': '4g', 'spark.sql.shuffle.partitions': '400'}
    """
    conf = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError(f"--conf {pair!r} is not key=value; write e.g. --conf spark.executor.memory=4g")
        conf[key.strip()] = value.strip()
    return conf


def spark_session(conf: dict[str, str] | None = None):
    """The SparkSession for a run: getOrCreate, so spark-submit's session (and its master) is used when there is one.

    Without a cluster (no SPARK_MASTER, not under spark-submit) it runs local[*], with the executors' Python
    the same as this one and the repository on their path, so they import the same pipelines package.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UserError("pyspark is not installed in this Python; install the Spark engine's pinned requirements "
                        "(pip install -r requirements-spark.lock) or run with --engine duckdb") from None
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this process and set the master
    if not under_submit and not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise UserError("Spark needs Java (17 or later) and none was found; install a JRE (Debian: apt-get install "
                        "openjdk-17-jre-headless) or set JAVA_HOME, or run with --engine duckdb")
    builder = SparkSession.builder
    master = os.environ.get("SPARK_MASTER") or (None if under_submit else "local[*]")
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        # Spark's default of 200 shuffle partitions is made for clusters: on one machine each shuffle of a small
        # table would run 200 tasks. A cluster sets its own (--conf spark.sql.shuffle.partitions=...).
        conf = {"spark.sql.shuffle.partitions": str(2 * (os.cpu_count() or 1)), **(conf or {})}
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        path = os.environ.get("PYTHONPATH", "")
        if str(REPO_ROOT) not in path.split(os.pathsep):
            os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), path) if p)
    for key, value in {**RUN_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("SPARK_LOG_LEVEL", "ERROR"))
    for key, value in {**RUN_CONF, **(conf or {})}.items():  # a session made before (tests) gets the SQL settings
        if key.startswith("spark.sql."):
            spark.conf.set(key, value)
    return spark
