"""Code versions: a hash of the parser's and the extractors' code and data.

A run re-parses documents parsed by another parser version, and re-extracts stories
extracted by another extractor version, so an upgrade never leaves stale rows behind.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # the pipelines package
PARSER_FILES = ("ingest/**/*.py", "parse/**/*.py", "data/text_rules.yaml", "data/html_rules.yaml")
EXTRACTOR_FILES = ("extract/**/*.py", "data/*.json", "data/*.csv", "data/companies.yaml", "data/organization_cues.yaml",
                   "data/topics.yaml", "data/regional_capitals.yaml")


def files_digest(paths, root: Path, *extra: str) -> str:
    """SHA-256 over `extra`, then the names (relative to root) and bytes of the files, in a stable order.

    >>> files_digest([PACKAGE / "config.py"], PACKAGE) != files_digest([PACKAGE / "config.py"], PACKAGE, "x")
    True
    """
    digest = hashlib.sha256("\x1f".join(extra).encode())
    for path in sorted({Path(p) for p in paths if Path(p).is_file() and "__pycache__" not in Path(p).parts}):
        digest.update(path.relative_to(root).as_posix().encode() + b"\x1f")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _digest(patterns: tuple[str, ...]) -> str:
    """Digest of the package files matching `patterns`."""
    return files_digest([p for pattern in patterns for p in PACKAGE.glob(pattern)], PACKAGE)[:16]


@lru_cache(maxsize=1)
def parser_version() -> str:
    """Version of the ingest and parse code and rules.

    >>> len(parser_version())
    16
    """
    return _digest(PARSER_FILES)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Version of the entity and target extractors and their data."""
    return _digest(EXTRACTOR_FILES)
