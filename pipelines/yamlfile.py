"""Reading the YAML data files (rules, company lists) with libyaml's C parser when PyYAML has it.

>>> from pathlib import Path; import tempfile
>>> path = Path(tempfile.mkdtemp()) / "a.yaml"; _ = path.write_text("a: [1, two]\\nb: 'yes'\\n")
>>> load_yaml(path)
{'a': [1, 'two'], 'b': 'yes'}
"""
from __future__ import annotations

from pathlib import Path

import yaml

# Same YAML 1.1 resolution as yaml.safe_load (the C class only swaps the parser), ~10x faster on our files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path):
    """The contents of a YAML file, loaded safely."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
