"""One sentence's clause breaks and the matches of the target vocabulary's patterns in it, each found once.

Every figure of a sentence looks up its clause (between ，、： marks in Chinese, '; ', ', and ' in English), the metric
words before and after it, the cues of its clause and a list of sums it opens. Each looked up by scanning the clause
or the sentence again cost the sentence's length per figure: one clause holding 20,000 figures took minutes. Here the
breaks and each pattern's matches are found once per sentence and each figure's look-up is a bisection
(match_index.py), giving what the scans gave; what depends only on a clause or on the sentence (a clause's cues, the
sentence's deadline years) is worked out once and kept.
"""
from __future__ import annotations

import re
from typing import Callable

from pipelines.extract.match_index import first_in, last_in


class SentenceScans:
    """A sentence (`text`) and the compiled vocabulary `cfg` (target_rules, or chinese/targets.rules for a Chinese
    one, whose digits are half-width), with the matches of its clause breaks (`clause_break`) and of the patterns
    asked about (`cfg["reach"]` bounds what one attempt of each reads) and what was worked out per clause or per
    figure, each kept for the sentence's other figures.

    >>> from pipelines.extract.chinese.vocabulary import CLAUSE_BREAK, rules
    >>> scans = SentenceScans("力争到2025年，设立50亿元基金、100亿元产业基金", rules(), CLAUSE_BREAK)
    >>> scans.clause(11, 15), scans.last(rules()["metric_res"][0][1], 0, 27).start()
    ((9, 17), 25)
    """

    def __init__(self, text: str, cfg: dict, clause_break: re.Pattern):
        self.text, self.cfg, self.clause_break = text, cfg, clause_break
        self._kept: dict[tuple, object] = {}

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the clause holding text[start:end]: from the end of the last break before start, up to
        the first break from end on (the breaks clause_break.finditer(text, 0, start) and .search(text, end) find)."""
        before = self.last(self.clause_break, 0, start)
        after = self.first(self.clause_break, end, len(self.text))
        return before.end() if before else 0, after.start() if after else len(self.text)

    def first(self, pattern: re.Pattern, lo: int, hi: int) -> re.Match | None:
        """pattern.search(text, lo, hi); in a long range from the sentence's one scan (match_index.first_in)."""
        return first_in(pattern, self.text, lo, hi, self.cfg["reach"][pattern])

    def last(self, pattern: re.Pattern, lo: int, hi: int) -> re.Match | None:
        """The last match of pattern.finditer(text, lo, hi); in a long range from the sentence's one scan."""
        return last_in(pattern, self.text, lo, hi, self.cfg["reach"][pattern])

    def kept(self, key: tuple, work: Callable[[], object]):
        """work()'s result, worked out the first time `key` (a clause's bounds, a figure's end) is asked for."""
        if key not in self._kept:
            self._kept[key] = work()
        return self._kept[key]

    def list_end(self, next_re: re.Pattern, end: int) -> int:
        """The end of the list a figure ending at `end` opens, each next item matched by next_re right after the one
        before ('100亿元、50亿元和30亿元'); end itself when it opens none. The ends along a list are kept, so a list of N
        figures is read once, not once per figure."""
        path = []
        while (next_re, end) not in self._kept and (nxt := next_re.match(self.text, end)):
            path.append(end)
            end = nxt.end()
        last = self._kept.get((next_re, end), end)
        for pos in path:
            self._kept[(next_re, pos)] = last
        return last
