"""Test session settings: the reference cache (pipelines/refcache.py) goes to a fresh temporary folder,
so tests never read or write the user's ~/.cache and start from a cold cache every session."""
import os
import tempfile

os.environ["PIPELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="initiatives-etl-test-cache-")
