"""The parser's and the extractors' versions cover all their code, subpackages included: a module the version globs
missed could change without the warehouse re-parsing or re-extracting what it made."""
from __future__ import annotations

import re

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


def test_every_data_file_an_extractor_reads_is_in_the_extractor_version():
    """A data file named in extractor code (cue lists such as topics.yaml) changes what is extracted, so a change to it
    must re-extract old stories."""
    modules = (PACKAGE / "extract").rglob("*.py")
    named = {name for path in modules for name in re.findall(r"\w+\.(?:yaml|json|csv)\b", path.read_text(encoding="utf-8"))}
    data_files = {PACKAGE / "data" / name for name in named if (PACKAGE / "data" / name).is_file()}
    assert PACKAGE / "data" / "topics.yaml" in data_files  # the extractors' own lists are found, so the check means something
    assert data_files - _covered(EXTRACTOR_FILES) == set()
