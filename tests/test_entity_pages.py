"""Entities of short news pages written for the project, one test per page: what must and must not come out.

Each page in fixtures/entity_pages/ is a headline, a blank line and the body; expected.yaml lists the
canonical names that must be found as companies, jurisdictions or organizations, and the names that
must not come out as companies or jurisdictions (non-Chinese places, ambiguous names, bracketed short
forms, products, capitalised fragments, government labs).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipelines.extract.story import extract_story

PAGES = Path(__file__).parent / "fixtures" / "entity_pages"
EXPECTED = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))


def _found(page: str) -> dict[str, set[str]]:
    """Canonical names per entity type in the page's headline and body."""
    title, _, body = (PAGES / page).read_text(encoding="utf-8").partition("\n\n")
    mentions, _ = extract_story(title.strip(), body.strip())
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(m.entity_type, set()).add(m.entity_name)
    return out


def test_every_page_has_expectations_and_every_expectation_a_page():
    pages = {p.name for p in PAGES.glob("*.txt")}
    assert pages == set(EXPECTED) and len(pages) >= 6


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_page_entities(page):
    want, found = EXPECTED[page], _found(page)
    companies, places = found.get("company", set()), found.get("jurisdiction", set())
    assert set(want.get("companies", [])) - companies == set(), "companies missed"
    assert set(want.get("jurisdictions", [])) - places == set(), "jurisdictions missed"
    assert set(want.get("organizations", [])) - found.get("organization", set()) == set(), "organizations missed"
    assert set(want.get("not_companies", [])) & companies == set(), "false companies"
    assert set(want.get("not_jurisdictions", [])) & places == set(), "false jurisdictions"
