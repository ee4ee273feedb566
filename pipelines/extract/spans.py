"""Sorted spans (start, end) of a text, looked up by bisection so a long text's scans stay linear in its length."""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from itertools import accumulate


class Spans:
    """Spans sorted by start: those starting in a range, and whether one holds a given span.

    >>> spans = Spans([(10, 20), (0, 30), (40, 45)])
    >>> spans.starting_in(5, 41), spans.holds(12, 25), spans.holds(41, 46), spans.holds(31, 35)
    ([(10, 20), (40, 45)], True, False, False)
    >>> spans.cut_at(42, 47), spans.cut_at(40, 47), spans.cut_at(44, 45)
    (True, False, False)
    >>> spans.overlaps(30, 40), spans.overlaps(29, 31), spans.overlaps(45, 50)
    (False, True, False)
    """

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = list(accumulate((e for _, e in self.spans), max))  # the furthest end of the spans up to each
        self.longest = max((e - s for s, e in self.spans), default=0)

    def starting_in(self, lo: int, hi: int) -> list:
        """The spans whose start is in [lo, hi)."""
        return self.spans[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def holds(self, start: int, end: int) -> bool:
        """True when a span starting at or before `start` reaches `end` or past it."""
        i = bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span overlaps [start, end): one starting before `end` ends after `start`."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start

    def cut_at(self, start: int, end: int) -> bool:
        """True when a span starting before `start` ends between `start` and `end`: it and the span (start, end) cross."""
        return any(start < e < end for _, e in self.starting_in(start - self.longest, start))


class MentionSpans:
    """Mentions looked up by the text they overlap, by bisection over their sorted starts: a figure's subject phrase
    reads the few mentions near it, not every mention of the story (subjects.verb_subject, once per figure).

    >>> from pipelines.records import Mention
    >>> found = MentionSpans([Mention("company", "B", "B", 30, 34), Mention("company", "A", "A", 2, 12)])
    >>> [m.entity_name for m in found.overlapping(10, 31)], found.overlapping(12, 30)
    (['B', 'A'], [])
    """

    def __init__(self, mentions):
        self.mentions = list(mentions)
        self.order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].char_start)
        self.starts = [self.mentions[i].char_start for i in self.order]
        self.longest = max((m.char_end - m.char_start for m in self.mentions), default=0)

    def overlapping(self, start: int, end: int) -> list:
        """The mentions overlapping [start, end) (starting before `end`, ending after `start`), in their given order;
        one starting `longest` or more characters before `start` ends by it."""
        lo = bisect_left(self.starts, start - self.longest + 1)
        hi = bisect_left(self.starts, end)
        found = (self.mentions[i] for i in sorted(self.order[lo:hi]))
        return [m for m in found if m.char_end > start]


class DisjointSpans:
    """Spans that never overlap, kept sorted as they are added, so whether a new span is free of them is read by
    bisection (one neighbour), not by reading them all: a sentence holding thousands of figures stays linear.

    >>> taken = DisjointSpans()
    >>> taken.add(10, 20); taken.add(30, 40)
    >>> taken.is_free(0, 10), taken.is_free(15, 25), taken.is_free(20, 30), taken.is_free(35, 36)
    (True, False, True, False)
    >>> taken.remove(10, 20); taken.is_free(15, 25)
    True
    """

    def __init__(self):
        self.spans: list[tuple[int, int]] = []

    def is_free(self, start: int, end: int) -> bool:
        """True when no span overlaps [start, end): only the last span starting before `end` can."""
        i = bisect_left(self.spans, (end,))
        return i == 0 or self.spans[i - 1][1] <= start

    def add(self, start: int, end: int) -> None:
        """Keep [start, end), a span free of the others (is_free)."""
        insort(self.spans, (start, end))

    def remove(self, start: int, end: int) -> None:
        """Forget [start, end), a span added before."""
        self.spans.pop(bisect_left(self.spans, (start, end)))


class RangeMax:
    """The largest of values[i:j] for any i < j, in constant time after one pass of n log n (a sparse table): a
    figure asks about the places before it without reading them all.

    >>> table = RangeMax([3, 9, 4, 1, 7])
    >>> table.max(0, 5), table.max(2, 4), table.max(3, 4), table.max(2, 5)
    (9, 4, 1, 7)
    """

    def __init__(self, values):
        self.levels = [list(values)]  # levels[k][i]: the largest of values[i:i + 2**k]
        width = 1
        while 2 * width <= len(values):
            row = self.levels[-1]
            self.levels.append([max(row[i], row[i + width]) for i in range(len(row) - width)])
            width *= 2

    def max(self, i: int, j: int):
        """The largest of values[i:j] (i < j)."""
        level = (j - i).bit_length() - 1
        row = self.levels[level]
        return max(row[i], row[j - (1 << level)])
