"""`python -m pipelines.bench`: the throughput benchmark (pipelines/bench/run.py)."""
import sys

from pipelines.bench.run import main

sys.exit(main())
