"""Reading saved HTML: page.py puts a page together; meta.py reads its structured metadata (JSON-LD, OpenGraph,
<time>), body.py its main body (trafilatura and our pruning), related.py its related stories, pagetext.py its visible
text, rules.py the site knowledge in html_rules.yaml."""
