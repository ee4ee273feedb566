"""A figure whose subject is a word for the whole of a level ('全省将培育…', '到2025年，全市…', '该省计划…'): its place.

Chinese plans and news name the place a figure is set for by its level once the place is known: 全省 (the whole
province), 本市 and 我市 (this city, as its government writes), 该省 (the said province). Such a word opening a clause
owns the figures after it in its sentence up to the next place named: the last place of that level named before
it, else the story's own place of that level, else the one the last named place lies in. Without it the figure
went to the subject of the sentence before ('…南昌、赣州两市…分别达到…。全省将培育…': Nanchang, not Jiangxi).
The words, the levels they name and what may stand before them are the "level_subjects" entries of targets.json.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from pipelines.extract.gazetteer import load_gazetteer
from pipelines.extract.owners import StoryState
from pipelines.extract.target_rules import word_alternation

CLAUSE_MARKS = "，,：:；;。！？!?\n"


def level_subject_re(cfg: dict) -> re.Pattern | None:
    """A level word opening its clause, after opener words or a year alone ('力争到2025年全市', '该省计划'); its kind
    in the group named by the level (province, city, …). None when the language has no level words (Japanese)."""
    kinds = {kind: words for kind, words in cfg.get("level_subjects", {}).items() if words}
    if not kinds:
        return None
    lead = rf"(?:{word_alternation(cfg['level_subject_openers'])}|{cfg['level_subject_year_re']})"
    words = "|".join(f"(?P<{kind}>{word_alternation(ws)})" for kind, ws in kinds.items())
    not_before = word_alternation(cfg["level_subject_not_before"])
    return re.compile(rf"(?:^|(?<=[{CLAUSE_MARKS}]))\s*(?:{lead}\s*)*(?:{words})(?!{not_before})")


class SentenceLevels:
    """One sentence's level words that open a clause, read once: each figure finds the last one before it by bisection.

    >>> from pipelines.extract.chinese.vocabulary import rules
    >>> levels = SentenceLevels("全省将培育企业20家，打造全市领先的园区。", 0, 21, rules())
    >>> [(kind, body_end) for body_end, kind in levels.found]
    [('province', 2)]
    """

    def __init__(self, body: str, start: int, end: int, cfg: dict):
        rx = cfg["level_subject_re"]
        self.start = start
        self.found = [] if rx is None else [(m.end(), m.lastgroup) for m in rx.finditer(body, start, end)]
        self._ends = [e for e, _ in self.found]

    def before(self, pos: int) -> tuple[int, str] | None:
        """(end, kind) of the last level word ending by pos, None when none does."""
        k = bisect_right(self._ends, pos)
        return self.found[k - 1] if k else None


def level_subject(story: StoryState, levels: SentenceLevels, pos: int, cfg: dict) -> str | None:
    """The place the last level word before pos in its sentence names, when no place is named between them; else None."""
    word = levels.before(pos)
    if word is None or story.places_in(word[0], pos):
        return None
    return level_place(story, word[1], word[0], cfg, levels.start)


def level_place(story: StoryState, kind: str, pos: int, cfg: dict, sentence_start: int | None = None) -> str | None:
    """The place of a level ('province', 'city', …) a level word at pos refers to: the last one named before pos, else
    the autonomous region the story lies in for 区 (level_subject_regions), else the story's own (its main place or
    the one that lies in), else the one the last named place lies in; None when the gazetteer knows none. A place
    named in an earlier sentence (before `sentence_start`) that holds the story's own place of the same level is
    context, not the one meant: a county-level city's document writes 市财政 and 全市 of itself after naming its
    prefecture ('…打造嘉兴市数字经济发展示范区。市财政每年安排…' in Tongxiang's plan), while '湖州市提出，…全市…' is Huzhou's."""
    gaz = load_gazetteer()
    levels = set(cfg["level_subject_levels"].get(kind, ()))

    def of_level(name: str | None) -> str | None:
        return next((p.name for p in gaz.ancestors(name) if p.level in levels), None) if name else None

    found = next((m for m in story.places_before(pos)
                  if (p := gaz.places.get(m.entity_name)) is not None and p.level in levels), None)
    if found is not None:
        own = of_level(story.main)
        if (sentence_start is not None and found.char_start < sentence_start and own is not None
                and own != found.entity_name and found.entity_name in {p.name for p in gaz.ancestors(own)}):
            return own
        return found.entity_name
    nearest = next(story.places_before(pos), None)
    regions = set(cfg["level_subject_regions"].get(kind, ()))  # '广西壮族自治区…全区': the region, no district named
    region = next((p.name for name in (story.main, nearest.entity_name if nearest else None) if name
                   for p in gaz.ancestors(name) if p.name in regions), None)
    return region or of_level(story.main) or of_level(nearest.entity_name if nearest else None)
