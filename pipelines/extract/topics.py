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
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
FULL_WIDTH_LATIN = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")  # ０-９ Ａ-Ｚ ａ-ｚ of CJK typesetting
TO_HALF_WIDTH = {code: code - 0xFEE0 for part in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
                 for code in range(part[0], part[1] + 1)}  # one character for one: offsets hold


@dataclass(frozen=True)
class TopicCues:
    """The compiled cues, three patterns that each keep Python's regex engine on its fast path (one pattern of all
    cues with case folding ran ~3x slower): words (lower case, a group per topic) run on the text in lower case,
    acronyms (a group per topic) and unspaced cues (looked up by their text, so the longest cue starting at a place
    wins across topics) on the text as written."""

    topics: tuple[str, ...]
    words: re.Pattern
    acronyms: re.Pattern
    unspaced: re.Pattern
    unspaced_topic: dict  # unspaced cue -> its topic, or None for a word set aside (not_topics)
    ambiguous: frozenset  # cues (as _cue_form writes them) that count only beside a cue not in this set
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


def _per_topic(alternatives: list[str], edge: str = "", set_aside: list[str] = ()) -> str:
    """Named groups t0, t1 … of each topic's alternatives (longest first), inside word edges when `edge` is given;
    words set aside first, in group x, so they win where a cue starts them."""
    groups = "|".join(f"(?P<t{n}>{'|'.join(alts)})" for n, alts in enumerate(alternatives) if alts)
    groups = f"(?P<x>{'|'.join(set_aside)})|{groups}" if set_aside else groups
    return f"(?<![{edge}])(?:{groups})(?![{edge}])" if edge else groups


def _group_topic(group: str, topics: tuple[str, ...]) -> str | None:
    """The topic of a named group of _per_topic, None for the words set aside."""
    return None if group == "x" else topics[int(group[1:])]


@lru_cache(maxsize=1)
def topic_cues(path: Path = TOPICS_FILE) -> TopicCues:
    """The topics and their compiled cues (cached).

    >>> topic_cues().topics
    ('metaverse', 'web3', 'crypto', 'cbdc')
    """
    raw = load_yaml(path)
    specs = raw["topics"]
    longest_first = lambda cues: sorted(cues or [], key=len, reverse=True)  # noqa: E731
    word_pattern = lambda w: r"[\s\-]+".join(map(re.escape, w.lower().split())) + "(?:e?s)?"  # noqa: E731
    words = [[word_pattern(w) for w in longest_first(spec.get("words"))] for spec in specs.values()]
    acronyms = [[re.escape(a) + "s?" for a in longest_first(spec.get("acronyms"))] for spec in specs.values()]
    spaced_aside = [w for w in raw.get("not_topics") or [] if re.search("[A-Za-z]", w)]
    unspaced = {cue: None for cue in raw.get("not_topics") or [] if cue not in spaced_aside}
    for name, spec in specs.items():
        for cue in spec.get("unspaced") or []:
            unspaced.setdefault(cue, name)
    return TopicCues(topics=tuple(specs),
                     words=re.compile(_per_topic(words, LATIN_EDGE, [word_pattern(w) for w in longest_first(spaced_aside)])),
                     acronyms=re.compile(_per_topic(acronyms, LATIN_EDGE)),
                     unspaced=re.compile("|".join(map(re.escape, longest_first(unspaced)))), unspaced_topic=unspaced,
                     ambiguous=frozenset(map(_cue_form, raw.get("ambiguous") or [])),
                     primary_min_body_mentions=int(raw["primary_min_body_mentions"]))


def _cue_form(written: str) -> str:
    """A cue or a mention of it in one spelling: lower case, single spaces for spaces and hyphens."""
    return " ".join(re.split(r"[\s\-]+", written.lower()))


def is_ambiguous(written: str, cues: TopicCues) -> bool:
    """Whether a mention (as written, perhaps plural) is of a cue listed as ambiguous in topics.yaml.

    >>> [is_ambiguous(w, topic_cues()) for w in ("Digital-Assets", "RWAs", "数字资产", "digital yuan")]
    [True, True, True, False]
    """
    form = _cue_form(written)
    return form in cues.ambiguous or (form.endswith("s") and (form[:-1] in cues.ambiguous or form[:-2] in cues.ambiguous))


def _lower(text: str) -> str:
    """The text in lower case, each character where it was (offsets hold): str.lower, unless a character lowers to two
    ('İ'), then ASCII letters alone."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(ASCII_LOWER)


def mentions(text: str, cues: TopicCues) -> list[tuple[int, int, str]]:
    """(start, end, topic) of every cue in `text`, in order; of two overlapping cues the one starting first (then the
    longer) is kept, and a word set aside (not_topics) hides the cue it starts with. Full-width Latin letters and
    digits (ＮＦＴ) are read as their ASCII forms.

    >>> mentions("Web3 firms mint NFTs; 上海发行数字人民币，引进数字人才。", topic_cues())
    [(0, 4, 'web3'), (16, 20, 'web3'), (26, 31, 'cbdc')]
    """
    found = [(m.start(), m.end(), cues.unspaced_topic[m.group()]) for m in cues.unspaced.finditer(text)]
    if FULL_WIDTH_LATIN.search(text):
        text = text.translate(TO_HALF_WIDTH)  # ＮＦＴ read as NFT
    found += [(m.start(), m.end(), _group_topic(m.lastgroup, cues.topics)) for m in cues.words.finditer(_lower(text))]
    found += [(m.start(), m.end(), _group_topic(m.lastgroup, cues.topics)) for m in cues.acronyms.finditer(text)]
    kept, end = [], 0
    for start, stop, topic in sorted(found, key=lambda f: (f[0], -f[1])):
        if start >= end:
            kept.append((start, stop, topic))
            end = stop
    return [k for k in kept if k[2] is not None]


def story_topics(title: str | None, body: str | None) -> list[StoryTopic]:
    """The topics a story writes, in the order of topics.yaml; the one its title writes most (then its body) is
    primary, an earlier topic winning a tie, when the title writes it or the body often enough
    (primary_min_body_mentions): a topic named once in passing leaves the story without a primary topic. A story
    whose headline writes no cue and whose body writes only ambiguous ones (topics.yaml: 'digital assets',
    'tokenization', …) has no topic: a headline writes its subject, a body may use such a word in its other sense.

    >>> [(t.topic, t.is_primary) for t in story_topics("数字人民币试点扩围", "深圳将培育数字人才。")]
    [('cbdc', True)]
    >>> [(t.topic, t.is_primary) for t in story_topics("Rates rise", "Unlike crypto, bonds held up.")]
    [('crypto', False)]
    >>> story_topics("Cryptography basics", "A VRAM upgrade and the DAOism of old texts.")
    []
    >>> story_topics("Media library", "Back up your digital assets to the cloud.")
    []
    """
    cues = topic_cues()
    read = [(field, text or "", mentions(text or "", cues)) for field, text in (("title", title), ("body", body))]
    (_, _, in_title), (_, body_text, in_body) = read
    if not in_title and all(is_ambiguous(body_text[start:end], cues) for start, end, _ in in_body):
        return []  # no cue, or only cues with a sense outside the topics, in the body
    found: dict[str, StoryTopic] = {}
    for field, text, cue_mentions in read:
        for start, end, topic in cue_mentions:
            hit = found.get(topic)
            if hit is None:
                hit = found[topic] = StoryTopic(topic, field=field, char_start=start, surface_text=text[start:end])
            if field == "title":
                hit.title_mentions += 1
            else:
                hit.body_mentions += 1
    ordered = [found[t] for t in cues.topics if t in found]
    if ordered:
        best = max(ordered, key=lambda t: (t.title_mentions, t.body_mentions, -cues.topics.index(t.topic)))
        best.is_primary = best.title_mentions > 0 or best.body_mentions >= cues.primary_min_body_mentions
    return ordered
