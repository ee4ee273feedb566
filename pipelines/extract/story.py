"""One story -> its entity mentions and quantified targets (the extractors combined)."""
from __future__ import annotations

from datetime import datetime

from pipelines.extract.chinese.orgs import find_chinese_organizations
from pipelines.extract.chinese.places import find_chinese_jurisdictions, has_han, is_japanese
from pipelines.extract.chinese.targets import extract_chinese_targets, mostly_han
from pipelines.extract.companies import find_organizations
from pipelines.extract.amounts import currency_homes
from pipelines.extract.gazetteer import load_gazetteer, story_scope
from pipelines.extract.target_rules import target_rules
from pipelines.extract.jurisdictions import find_jurisdictions, story_countries
from pipelines.extract.korean.places import is_korean
from pipelines.extract.spans import Spans
from pipelines.extract.targets import extract_targets
from pipelines.records import Mention, Target


def _inside(mention: Mention, spans: list[Mention]) -> bool:
    """True when `mention` lies within a company or organization name ('Hong Kong' in 'Hong Kong Monetary Authority')."""
    return any(s.char_start <= mention.char_start and mention.char_end <= s.char_end and s is not mention for s in spans)


def find_mentions(text: str, field: str, source_site: str | None, places: list[Mention] | None = None,
                  context: str = "") -> list[Mention]:
    """Every entity mention in one field (title or body), places inside organisation names dropped.

    `places` are the field's jurisdictions when already found; they are read from the text otherwise.
    `context` is the rest of the story (the body, for the title), see companies.find_organizations.

    >>> [(m.entity_type, m.entity_name) for m in find_mentions("Payments firm Zipmex opened an office in Henan.", "body", None)]
    [('company', 'Zipmex'), ('jurisdiction', 'Henan')]
    """
    named = find_organizations(text, source_site, context)
    han = has_han(text)
    if han:  # Chinese names (腾讯, 四川省经济和信息化厅): read only where the text holds Han characters
        seen = {(m.char_start, m.char_end) for m in named}  # a known body's Chinese alias the English reader found too
        named += [m for m in find_chinese_organizations(text) if (m.char_start, m.char_end) not in seen]
    names = [m for m in named if m.entity_type in ("company", "organization")]
    places = find_jurisdictions(text) if places is None else places
    if han:  # a Chinese text's many names are looked up by bisection
        spans = Spans((m.char_start, m.char_end) for m in names)
        places = [m for m in places if not spans.holds(m.char_start, m.char_end)]
        # a Chinese name crossing a place's name is none: the one that starts first wins ('北京东城区': no 京东)
        crossing = Spans((p.char_start, p.char_end) for p in places if has_han(p.surface_text))
        named = [m for m in named if not (has_han(m.surface_text) and crossing.cut_at(m.char_start, m.char_end))]
    else:
        places = [m for m in places if not _inside(m, names)]
    mentions = sorted(named + places, key=lambda m: (m.char_start, m.char_end, m.entity_type))
    for m in mentions:
        m.field = field
    return mentions


def currency_countries(body: str) -> frozenset:
    """Country codes of the local currencies a body writes amounts in ('C$50 million' -> CA)."""
    if not body or mostly_han(body):
        return frozenset()  # a Chinese body's places are read by their characters
    gaz = load_gazetteer()
    return frozenset(p.country_code for home in currency_homes(body, target_rules()) if (p := gaz.places.get(home)))


def extract_story(title: str | None, body: str, published_at: datetime | None = None,
                  source_site: str | None = None) -> tuple[list[Mention], list[Target]]:
    """Mentions in the title and body, and targets stated in the body.

    >>> mentions, targets = extract_story("Sichuan sets metaverse goal",
    ...     "Sichuan aims to build a 250 billion yuan metaverse industry by 2025.")
    >>> sorted({(m.field, m.entity_name) for m in mentions})
    [('body', 'Sichuan'), ('title', 'Sichuan')]
    >>> [(t.jurisdiction_name, t.target_value, t.target_year) for t in targets]
    [('Sichuan', 250000000000.0, 2025)]
    """
    with story_scope():  # districts the story names in context are known while reading it, and only then
        # a place that needs evidence ('Ontario') finds it in the story's local currency ('C$50 million') too
        # a headline's Chinese places tell which city's district a body's shared district name is (北京 over 朝阳区)
        headline = frozenset(m.entity_name for m in find_chinese_jurisdictions(title)) if title and has_han(title) \
            else frozenset()
        body_places = find_jurisdictions(body or "", currency_countries(body or ""), context_places=headline)
        body_mentions = find_mentions(body or "", "body", source_site, body_places)
        # the body vouches for the headline's places, and a headline over a Japanese story is Japanese, kana or none
        japanese = bool(body) and not body.isascii() and is_japanese(body)
        title_places = find_jurisdictions(title or "", story_countries(body_places), japanese or None,
                                          frozenset(m.entity_name for m in body_places))
        title_mentions = find_mentions(title or "", "title", source_site, title_places, body or "")
        # a Chinese body's targets by the Chinese vocabulary, a Japanese one's by the Japanese words (億円, 社, 目標), a
        # Korean one's by the Korean words (억원, 개, 목표); a Korean body quoting Hanja (韓美) is Korean
        if body and is_korean(body):
            targets = extract_chinese_targets(body, published_at, body_mentions, body_places, title, language="korean")
        elif body and mostly_han(body):
            targets = extract_chinese_targets(body, published_at, body_mentions, body_places, title,
                                              language="japanese" if japanese else "chinese")
        else:
            targets = extract_targets(body or "", published_at, body_mentions, body_places, title)
    return title_mentions + body_mentions, targets
