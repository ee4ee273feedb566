"""A pattern's matches in one text, found by one scan, so that searching any range of the text is a bisection.

Each figure of a sentence searches its own clause or sentence for a metric word or a cue: a search per figure over
the whole clause costs the clause's length per figure, so one clause holding N figures cost N² (20,000 figures in one
Chinese clause took minutes). Scanning the text once and answering each range from that scan gives exactly the
matches the range's own search gives (`pattern.search(text, lo, hi)`, `pattern.finditer(text, lo, hi)`), as long as
one attempt of the pattern reads at most `reach` characters from where it starts (its longest word and any
lookahead after it; a lookbehind reads the same text either way): an attempt starting `reach` or more characters
before the range's end cannot see that end, so it finds what the scan found there, and the few positions nearer the
end are searched again. A match of the scan running across the range's start (rare: a word overlapping a figure)
sends the query to the range's own search.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Callable, Iterator


class MatchIndex:
    """The matches of `pattern` in `text` (finditer's, in order), each attempt of which reads at most `reach` characters.

    >>> index = MatchIndex(re.compile("基金|规模"), "产业规模达到100亿元，设立50亿元基金", 2)
    >>> index.first(0, 5).group(), index.last(0, 20).start(), index.first(6, 18)
    ('规模', 18, None)
    """

    def __init__(self, pattern: re.Pattern, text: str, reach: int):
        self.pattern, self.text, self.reach = pattern, text, reach
        self.matches = list(pattern.finditer(text))
        self._starts = [m.start() for m in self.matches]
        self._ends = [m.end() for m in self.matches]

    def _sure(self, lo: int, hi: int) -> tuple[int, int] | None:
        """(i, j): the scan's matches i..j-1 are the range's own search's first matches, found as they are (each
        starts in [lo, hi - reach]); None when a match of the scan runs across lo."""
        i = bisect_right(self._ends, lo)  # the first match ending after lo
        if i < len(self.matches) and self._starts[i] < lo < self._ends[i]:
            return None
        return i, max(i, bisect_right(self._starts, hi - self.reach))

    def _tail(self, i: int, j: int, lo: int, hi: int) -> Iterator[re.Match]:
        """The range's own matches after its sure ones (i..j-1): no attempt from where those leave off to hi - reach
        matched, so its scan goes on where an attempt can read the range's end."""
        resume = self._ends[j - 1] if i < j else lo
        return self.pattern.finditer(self.text, max(resume, hi - self.reach + 1), hi)

    def matches_in(self, lo: int, hi: int) -> list[re.Match]:
        """What pattern.finditer(text, lo, hi) gives."""
        sure = self._sure(lo, hi)
        if sure is None:
            return list(self.pattern.finditer(self.text, lo, hi))
        i, j = sure
        return self.matches[i:j] + list(self._tail(i, j, lo, hi))

    def first(self, lo: int, hi: int) -> re.Match | None:
        """What pattern.search(text, lo, hi) finds."""
        sure = self._sure(lo, hi)
        if sure is None:
            return self.pattern.search(self.text, lo, hi)
        i, j = sure
        return self.matches[i] if i < j else next(self._tail(i, j, lo, hi), None)

    def last(self, lo: int, hi: int) -> re.Match | None:
        """The last match pattern.finditer(text, lo, hi) gives."""
        sure = self._sure(lo, hi)
        if sure is None:
            return next(reversed(list(self.pattern.finditer(self.text, lo, hi))), None)
        i, j = sure
        tail = None
        for tail in self._tail(i, j, lo, hi):
            pass
        return tail or (self.matches[j - 1] if i < j else None)


# A range this short is searched as it is: a scan of the whole text would cost a story with a few figures more than
# the searches it saves; a longer range (a clause of hundreds of figures) is looked up in the text's one scan.
DIRECT_SPAN = 400


def first_in(pattern: re.Pattern, text: str, lo: int, hi: int, reach: int | Callable[[], int]) -> re.Match | None:
    """What pattern.search(text, lo, hi) finds: searched directly in a short range, looked up in the text's scan
    (text_index; `reach` as MatchIndex's, or a function giving it) in a long one."""
    if hi - lo <= DIRECT_SPAN:
        return pattern.search(text, lo, hi)
    return text_index(pattern, text, reach() if callable(reach) else reach).first(lo, hi)


def last_in(pattern: re.Pattern, text: str, lo: int, hi: int, reach: int | Callable[[], int]) -> re.Match | None:
    """The last match pattern.finditer(text, lo, hi) gives, found as first_in finds the first."""
    if hi - lo <= DIRECT_SPAN:
        last = None
        for last in pattern.finditer(text, lo, hi):
            pass
        return last
    return text_index(pattern, text, reach() if callable(reach) else reach).last(lo, hi)


def all_in(pattern: re.Pattern, text: str, lo: int, hi: int, reach: int) -> list[re.Match]:
    """What pattern.finditer(text, lo, hi) gives, found as first_in finds the first."""
    if hi - lo <= DIRECT_SPAN:
        return list(pattern.finditer(text, lo, hi))
    return text_index(pattern, text, reach).matches_in(lo, hi)


@lru_cache(maxsize=64)
def text_index(pattern: re.Pattern, text: str, reach: int) -> MatchIndex:
    """The MatchIndex of `pattern` in `text`, kept for the texts read last (the story being read: a few patterns of
    its body), so that the figures of a story share one scan of its body."""
    return MatchIndex(pattern, text, reach)


def pattern_reach(pattern: re.Pattern) -> int:
    """The most characters one attempt of a pattern without lookahead reads from where it starts: its widest match
    and one character after it (a word boundary's test); a huge number when its width is unbounded, which makes a
    MatchIndex search each range itself.

    >>> pattern_reach(re.compile(r"(?:planned|set up) by (?:the )?\\b"))  # 'planned by the ' and the test after it
    16
    """
    if re.search(r"\(\?[=!]", pattern.pattern):
        raise ValueError(f"a lookahead reads past the match: give its reach by hand ({pattern.pattern[:40]})")
    return re._parser.parse(pattern.pattern, pattern.flags).getwidth()[1] + 1  # the re module's own parser
