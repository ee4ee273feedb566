"""Names inside an appositive after a sentence's place-kind subject ('The city, administered by Suzhou, will …').

English news goes on about the place a story is about by its kind, and describes it between commas: 'The city,
administered by Suzhou, will also cultivate 500 high-tech enterprises', 'The district, home to tech giants such as
Baidu and Xiaomi, will cultivate 50 companies'. The subject is the place the kind word stands for (Kunshan, Haidian);
a place or a company named inside the description is neither the owner of the figures nor their subject (Suzhou's
target, or Baidu's own plan, was read before). The kind words are targets.json "continuation_subjects".
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from pipelines.extract.target_rules import target_rules, word_alternation
from pipelines.records import Mention


@lru_cache(maxsize=1)
def _appositive_re() -> re.Pattern:
    """A kind word opening a sentence, then a description between commas with no clause mark in it, then the clause's
    verb phrase in lowercase ('will', 'has set up', 'plans')."""
    heads = word_alternation(target_rules()["continuation_subjects"])
    return re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))(?:{heads}),\s(?P<app>[^,.;:!?\n]{{3,120}}?),\s(?=[a-z])",
                      re.M)


def appositive_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each description set off after a sentence's place-kind subject, in order.

    >>> body = "Kunshan aims high. The city, administered by Suzhou, will build 10 parks."
    >>> [body[s:e] for s, e in appositive_spans(body)]
    ['administered by Suzhou']
    """
    return [m.span("app") for m in _appositive_re().finditer(body)]


def outside_appositives(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions that lie in no appositive span (body mentions; title ones are kept)."""
    if not spans:
        return mentions
    starts = [s for s, _ in spans]

    def inside(m: Mention) -> bool:
        k = bisect_right(starts, m.char_start) - 1
        return m.field != "title" and k >= 0 and m.char_end <= spans[k][1]
    return [m for m in mentions if not inside(m)]
