"""Raw page text or HTML -> stories (pure Python, no dagster)."""
