"""One Chinese sentence's clause marks and the matches of the target vocabulary's word patterns in it, each found once.

Every figure of a sentence looks up its clause (between ，、： marks), the metric words before and after it, the cues of
its clause and a list of sums it opens. Each looked up by scanning the clause or the sentence again cost the
sentence's length per figure: one clause holding 20,000 figures took minutes. Here the marks and each pattern's
matches are found once per sentence and each figure's look-up is a bisection (match_index.py), giving what the scans
gave; what depends only on a clause (chinese/targets._rejected's cues) is worked out once per clause.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable

from pipelines.extract.match_index import MatchIndex

CLAUSE_BREAK = re.compile(r"[，,、：:]")


class SentenceScans:
    """A sentence (`text`, digits half-width) and the compiled vocabulary `cfg` (chinese/targets.rules), with its clause
    marks, the matches of the patterns asked about (`cfg["reach"]` bounds what one attempt of each reads) and what
    was worked out per clause or per figure, each kept for the sentence's other figures.

    >>> from pipelines.extract.chinese.targets import rules
    >>> scans = SentenceScans("力争到2025年，设立50亿元基金、100亿元产业基金", rules())
    >>> scans.clause(11, 15), scans.last(rules()["metric_res"][0][1], 0, 27).start()
    ((9, 17), 25)
    """

    def __init__(self, text: str, cfg: dict):
        self.text, self.cfg = text, cfg
        self._breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
        self._indexes: dict[re.Pattern, MatchIndex] = {}
        self._kept: dict[tuple, object] = {}

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the clause holding text[start:end]: after the last mark before start, up to the first
        mark from end on."""
        before = bisect_left(self._breaks, start)
        after = bisect_left(self._breaks, end)
        return (self._breaks[before - 1] + 1 if before else 0,
                self._breaks[after] if after < len(self._breaks) else len(self.text))

    def _index(self, pattern: re.Pattern) -> MatchIndex:
        if pattern not in self._indexes:
            self._indexes[pattern] = MatchIndex(pattern, self.text, self.cfg["reach"][pattern])
        return self._indexes[pattern]

    def first(self, pattern: re.Pattern, lo: int, hi: int) -> re.Match | None:
        """pattern.search(text, lo, hi), from the sentence's one scan."""
        return self._index(pattern).first(lo, hi)

    def last(self, pattern: re.Pattern, lo: int, hi: int) -> re.Match | None:
        """The last match of pattern.finditer(text, lo, hi), from the sentence's one scan."""
        return self._index(pattern).last(lo, hi)

    def kept(self, key: tuple, work: Callable[[], object]):
        """work()'s result, worked out the first time `key` (a clause's bounds, a figure's end) is asked for."""
        if key not in self._kept:
            self._kept[key] = work()
        return self._kept[key]

    def list_end(self, end: int) -> int:
        """The end of the list of sums a sum ending at `end` opens ('100亿元、50亿元和30亿元'), end itself when it opens
        none. The ends along a list are kept, so a list of N sums is read once, not once per sum."""
        path = []
        while ("list_end", end) not in self._kept and (nxt := self.cfg["money_list_next_re"].match(self.text, end)):
            path.append(end)
            end = nxt.end()
        last = self._kept.get(("list_end", end), end)
        for pos in path:
            self._kept[("list_end", pos)] = last
        return last
