"""The parser's and the extractors' versions cover all their code, subpackages included: a module the version globs
missed could change without the warehouse re-parsing or re-extracting what it made."""
from __future__ import annotations

from pipelines.lifecycle.versions import EXTRACTOR_FILES, PACKAGE, PARSER_FILES


def _covered(patterns: tuple[str, ...]) -> set:
    return {p for pattern in patterns for p in PACKAGE.glob(pattern)}


def test_every_extractor_module_is_in_the_extractor_version():
    modules = set((PACKAGE / "extract").rglob("*.py"))
    assert any(p.parent.name == "chinese" for p in modules)  # a subpackage exists, so the check means something
    assert modules - _covered(EXTRACTOR_FILES) == set()


def test_every_parser_module_is_in_the_parser_version():
    modules = set((PACKAGE / "parse").rglob("*.py")) | set((PACKAGE / "ingest").rglob("*.py"))
    assert modules - _covered(PARSER_FILES) == set()
