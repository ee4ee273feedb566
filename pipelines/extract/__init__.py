"""Stories -> entity mentions and quantified targets (pure Python, no dagster)."""
