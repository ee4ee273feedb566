"""What a story is about: the topics of pipelines/data/topics.yaml (metaverse, web3, crypto, cbdc) whose cue words its
title or body writes, counted per field, with the first mention kept as provenance and the topic written most
(title first, then body) marked primary. Analysts filter stories, initiatives and targets by it.

>>> [(t.topic, t.title_mentions, t.body_mentions, t.is_primary) for t in story_topics(
...     "Seoul opens a metaverse hub", "The city will fund metaverse firms and NFT projects.")]
[('metaverse', 1, 1, True), ('web3', 0, 1, False)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.yamlfile import load_yaml

TOPICS_FILE = Path(__file__).resolve().parents[1] / "data" / "topics.yaml"
LATIN_EDGE = "0-9A-Za-z\u00c0-\u024f"  # a cue of a spaced script is a whole word: no letter or digit of one beside it
UNSPACED_GROUP = "unspaced"


@dataclass(frozen=True)
class TopicCues:
    """The compiled cues: one pattern with a named group per topic for the spaced cues and one group for the
    unspaced ones (looked up by their text, so the longest cue starting at a place wins across topics)."""

    topics: tuple[str, ...]
    pattern: re.Pattern
    unspaced: dict  # unspaced cue -> its topic, or None for a word set aside (not_topics)
    primary_min_body_mentions: int  # a topic the title does not write is primary only when the body writes it this often


@dataclass
class StoryTopic:
    """One topic of a story: how often its title and body write it, and where it is first written."""

    topic: str
    title_mentions: int = 0
    body_mentions: int = 0
    field: str = "body"  # the field of the first mention: title or body
    char_start: int = 0  # offset of the first mention in that field
    surface_text: str = ""  # the first mention as written
    is_primary: bool = False


def _spaced(words: list[str], acronyms: list[str]) -> str:
    """One alternation of a topic's spaced cues, longest first: words in any case, acronyms in theirs."""
    phrases = [r"[\s\-]+".join(map(re.escape, w.split())) + "(?:e?s)?" for w in sorted(words, key=len, reverse=True)]
    exact = [f"(?-i:{re.escape(a)}s?)" for a in sorted(acronyms, key=len, reverse=True)]
    return f"(?<![{LATIN_EDGE}])(?:{'|'.join(phrases + exact)})(?![{LATIN_EDGE}])"


@lru_cache(maxsize=1)
def topic_cues(path: Path = TOPICS_FILE) -> TopicCues:
    """The topics and their compiled cues (cached).

    >>> topic_cues().topics
    ('metaverse', 'web3', 'crypto', 'cbdc')
    """
    raw = load_yaml(path)
    topics = tuple(raw["topics"])
    unspaced = {cue: None for cue in raw.get("not_topics") or []}
    groups = []
    for n, (name, spec) in enumerate(raw["topics"].items()):
        groups.append(f"(?P<t{n}>{_spaced(spec.get('words') or [], spec.get('acronyms') or [])})")
        for cue in spec.get("unspaced") or []:
            unspaced.setdefault(cue, name)
    literal = "|".join(map(re.escape, sorted(unspaced, key=len, reverse=True)))
    pattern = re.compile("|".join(groups + [f"(?P<{UNSPACED_GROUP}>{literal})"]), re.IGNORECASE)
    return TopicCues(topics=topics, pattern=pattern, unspaced=unspaced,
                     primary_min_body_mentions=int(raw["primary_min_body_mentions"]))


def _topic_of(match: re.Match, cues: TopicCues) -> str | None:
    group = match.lastgroup
    if group == UNSPACED_GROUP:
        return cues.unspaced.get(match.group())
    return cues.topics[int(group[1:])]


def story_topics(title: str | None, body: str | None) -> list[StoryTopic]:
    """The topics a story writes, in the order of topics.yaml; the one its title writes most (then its body) is
    primary, an earlier topic winning a tie, when the title writes it or the body often enough
    (primary_min_body_mentions): a topic named once in passing leaves the story without a primary topic.

    >>> [(t.topic, t.is_primary) for t in story_topics("数字人民币试点扩围", "深圳将培育数字人才。")]
    [('cbdc', True)]
    >>> [(t.topic, t.is_primary) for t in story_topics("Rates rise", "Unlike crypto, bonds held up.")]
    [('crypto', False)]
    >>> story_topics("Cryptography basics", "A VRAM upgrade and the DAOism of old texts.")
    []
    """
    cues = topic_cues()
    found: dict[str, StoryTopic] = {}
    for field, text in (("title", title), ("body", body)):
        for match in cues.pattern.finditer(text or ""):
            topic = _topic_of(match, cues)
            if topic is None:
                continue
            hit = found.get(topic)
            if hit is None:
                hit = found[topic] = StoryTopic(topic, field=field, char_start=match.start(), surface_text=match.group())
            if field == "title":
                hit.title_mentions += 1
            else:
                hit.body_mentions += 1
    ordered = [found[t] for t in cues.topics if t in found]
    if ordered:
        best = max(ordered, key=lambda t: (t.title_mentions, t.body_mentions, -cues.topics.index(t.topic)))
        best.is_primary = best.title_mentions > 0 or best.body_mentions >= cues.primary_min_body_mentions
    return ordered
