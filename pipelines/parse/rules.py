"""The text-page rules of pipelines/data/text_rules.yaml, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.yamlfile import load_yaml


RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "text_rules.yaml"


def _any_line(patterns: list[str]) -> re.Pattern:
    """One pattern matching a whole line against any of `patterns`."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class TextThresholds:
    """The tunable thresholds of the text parser's layout (the `thresholds` of the rules file, which explains each)."""

    sentence_min_words: int
    meta_max_words: int
    category_max_words: int
    menu_min_items: int
    menu_item_max_words: int
    teaser_reach: int
    related_min_words: int
    related_share: float
    inline_reach: int
    inline_prose_score: float
    inline_resume: int
    bio_reach: int
    short_line_page_prose: int
    short_line_span_threshold: float
    above_title_min_words: int
    above_title_share: float


@dataclass(frozen=True)
class TextRules:
    """Compiled page-furniture rules for text dumps."""

    boilerplate: re.Pattern
    promo: re.Pattern
    promo_max_words: int
    story_end: re.Pattern
    related_marker: re.Pattern
    date_prefix: re.Pattern
    byline: re.Pattern
    provider: re.Pattern
    thread_author: tuple[re.Pattern, ...]
    forum_post: re.Pattern
    reading_time: re.Pattern
    relative_date: re.Pattern
    separators: re.Pattern
    dateline: re.Pattern
    digest_item: re.Pattern
    inline_credit: re.Pattern
    teaser_suffix: re.Pattern
    teaser_cues: tuple[str, ...]
    inline_credit_cues: tuple[str, ...]
    headline_max_words: int
    sentence_starters: frozenset
    body_min_words: int
    thresholds: TextThresholds


@lru_cache(maxsize=1)
def text_rules(path: Path = RULES_FILE) -> TextRules:
    """Load and compile the rules file (cached).

    >>> text_rules().related_marker.fullmatch("More to Read") is not None
    True
    """
    raw = load_yaml(path)
    flags = re.IGNORECASE
    return TextRules(
        boilerplate=_any_line(raw["boilerplate_lines"]),
        promo=_any_line(raw["promo_cues"]),
        promo_max_words=int(raw["promo_max_words"]),
        story_end=_any_line(raw["story_end_lines"]),
        related_marker=_any_line(raw["related_markers"]),
        date_prefix=re.compile(raw["date_prefixes"], flags),
        byline=re.compile(raw["byline"]),  # capitals matter in names: no IGNORECASE
        provider=re.compile(raw["provider_lines"], flags),
        thread_author=tuple(re.compile(f"^(?:{pattern})$", flags | re.MULTILINE) for pattern in raw["thread_author_lines"]),
        forum_post=re.compile(raw["forum_post_line"], flags),
        reading_time=re.compile(raw["reading_time"], flags),
        relative_date=re.compile(raw["relative_date"], flags),
        separators=re.compile(raw["field_separators"]),
        dateline=re.compile(raw["dateline"]),
        digest_item=re.compile(raw["digest_item"]),
        inline_credit=_any_line(raw["inline_credits"]),
        teaser_suffix=re.compile(raw["teaser_suffix"], flags),
        teaser_cues=tuple(raw["teaser_cues"]),
        inline_credit_cues=tuple(raw["inline_credit_cues"]),
        headline_max_words=int(raw["headline_max_words"]),
        sentence_starters=frozenset(raw["sentence_starters"]),
        body_min_words=int(raw["body_min_words"]),
        thresholds=TextThresholds(**raw["thresholds"]),
    )
