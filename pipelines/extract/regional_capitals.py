"""A city named by its region: 'the Hunan capital' and 'the capital of eastern Zhejiang province' are Changsha and
Hangzhou, not Hunan and Zhejiang. The place finder reads the region's name there; the target path reads that
mention as the capital city (regional_capitals.yaml), so 'The Hunan capital plans to build ...' is Changsha's plan
and 'the city' after it is Changsha."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipelines.extract.gazetteer import load_gazetteer
from pipelines.records import Mention
from pipelines.yamlfile import load_yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "regional_capitals.yaml"


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """(region -> its capital, for capitals the gazetteer knows; the words after a region naming its capital; the
    words before a region naming its capital)."""
    data, places = load_yaml(DATA), load_gazetteer().places
    capitals = {region: city for table in data["capitals"].values() for region, city in table.items() if city in places}
    words = "|".join(re.escape(w) for w in sorted(data["capital_words"], key=len, reverse=True))
    after = re.compile(rf"(?:['’]s)?\s+(?:{words})\b")
    before = re.compile(rf"\b(?:{words})\s+of\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}$")
    return capitals, after, before


def capitals_named_by_region(places: list[Mention], body: str) -> list[Mention]:
    """The places, each region written as the name of its capital ('the Hunan capital') read as that capital.

    >>> body = "The Hunan capital plans to build a Web3 industry. Hunan's economy grew."
    >>> [m.entity_name for m in capitals_named_by_region([Mention("jurisdiction", "Hunan", "Hunan", 4, 9),
    ...                                                    Mention("jurisdiction", "Hunan", "Hunan", 50, 55)], body)]
    ['Changsha', 'Hunan']
    """
    capitals, after, before = _rules()
    out = []
    for m in places:
        city = capitals.get(m.entity_name)
        if city and (after.match(body, m.char_end) or before.search(body, max(0, m.char_start - 60), m.char_start)):
            m = replace(m, entity_name=city)
        out.append(m)
    return out
