"""Test session settings: the reference cache (pipelines/lifecycle/refcache.py) and the Dagster instance
(pipelines/orchestration/instance.py) go to fresh temporary folders, so tests never read or write the user's
~/.cache or the repository's .dagster/, and start from a cold cache every session."""
import os
import tempfile

os.environ["PIPELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="initiatives-etl-test-cache-")
os.environ["DAGSTER_HOME"] = tempfile.mkdtemp(prefix="initiatives-etl-test-dagster-")
