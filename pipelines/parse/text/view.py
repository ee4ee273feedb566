"""One text dump's lines as the header readers share them: the page string, where each line starts in it, the page in
lower case and each line's first date, each computed once per page instead of again in each reader (speed).

A PageView is a tuple of the lines' texts, so a reader indexes, slices and measures it as the list of texts it was
written for (tests pass plain lists; `page_view` makes the view then).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache

from pipelines.parse.dates import find_date

# Characters a case-insensitive pattern (re.IGNORECASE) reads as an ASCII letter that str.lower() does not lower to one
# ('İ' and 'ı' as 'i', 'ſ' as 's'): a page holding one is searched by its pattern, whatever its lower-case form holds.
FOLDS_TO_ASCII = "İıſ"


class PageView(tuple):
    """The texts of a page's lines, with what the readers look up across them computed once, when first asked for:
    `page` (the lines joined by newlines), `starts` (each line's offset in `page`), `lower` (`page` in lower case),
    `lower_lines` (each line in lower case), `line_at(offset)` (the line holding an offset of `page`), `may_hold(cues)`
    (a cheap test that rules a page-wide search out), `lines_holding(cue)` (the lines whose lower case holds a word) and
    `date(i)` (line i's first date, find_date's match). It holds no judgement of the lines: kinds, scores and the
    title are the Layout's.

    >>> view = PageView(["Menu", "Thread starter ann_lee", "Jan 5, 2024"])
    >>> view[1], view.starts, view.line_at(view.page.index("ann_lee")), view.date(2).group(0), view.date(0)
    ('Thread starter ann_lee', (0, 5, 28), 1, 'Jan 5, 2024', None)
    """

    @cached_property
    def page(self) -> str:
        return "\n".join(self)

    @cached_property
    def starts(self) -> tuple[int, ...]:
        starts, at = [], 0
        for text in self:
            starts.append(at)
            at += len(text) + 1
        return tuple(starts)

    @cached_property
    def lower(self) -> str:
        return lowered(self.page)

    @cached_property
    def _dates(self) -> dict[int, re.Match | None]:
        return {}

    def line_at(self, offset: int) -> int:
        """Index of the line holding character `offset` of `page` (a newline belongs to the line it ends)."""
        return bisect_right(self.starts, offset) - 1

    def may_hold(self, cues: Iterable[str]) -> bool:
        """False only when no line can hold any of `cues` (lower case) in any case as re.IGNORECASE reads it: a pattern
        that needs one of them need not search the page."""
        return may_hold(self.lower, self.page, cues)

    def lines_holding(self, cue: str) -> tuple[int, ...]:
        """Indexes, in order, of the lines whose lower-case text holds `cue` (lower case, no newline), looked for once
        per page and cue (a reader looking at those lines only skips the others at the cost of a substring test).
        Unlike may_hold it reads no FOLDS_TO_ASCII letter as an ASCII one: a cue for a case-insensitive pattern must
        hold no 'i' and no 's' ('by' does)."""
        if cue not in self._holding:
            self._holding[cue] = tuple(i for i, text in enumerate(self.lower_lines) if cue in text)
        return self._holding[cue]

    @cached_property
    def lower_lines(self) -> tuple[str, ...]:
        """Each line in lower case, cut out of `lower` by one split (lowering makes no newline and reads no
        character across one, so the lines split where `page`'s do, though 'İ', lowered to two characters, moves
        their offsets); each line lowered alone when a line's text holds a newline (a caller's list of texts, not a
        dump's lines), which the split would read as two lines."""
        lines = self.lower.split("\n")
        return tuple(lines) if len(lines) == len(self) else tuple(text.lower() for text in self)

    @cached_property
    def _holding(self) -> dict[str, tuple[int, ...]]:
        return {}

    def date(self, i: int) -> re.Match | None:
        """The first date written on line i (find_date's match), looked for once per page."""
        if i not in self._dates:
            self._dates[i] = find_date(self[i])
        return self._dates[i]


def page_view(texts: Sequence[str]) -> PageView:
    """`texts` as a PageView: itself when it is one (the page's readers share it), else a new view of them."""
    return texts if isinstance(texts, PageView) else PageView(texts)


@lru_cache(maxsize=2)
def lowered(page: str) -> str:
    """`page` in lower case, kept for the page's next reader (the title's and the header's searches of one page)."""
    return page.lower()


def may_hold(lower: str, text: str, cues: Iterable[str]) -> bool:
    """False only when `text` (whose lower-case form is `lower`) holds none of `cues` in any case as re.IGNORECASE
    reads it: its lower-case form holds none and it holds no character that pattern folds to an ASCII letter otherwise.

    >>> may_hold("thread starter ann", "Thread STARTER Ann", ["starter"]), may_hold("a story", "A story", ["starter"])
    (True, False)
    >>> may_hold("ſtarted by ann", "ſtarted by Ann", ["started by"])
    True
    """
    for cue in cues:
        if cue in lower:
            return True
    if text.isascii():
        return False
    for c in FOLDS_TO_ASCII:  # str.find per letter: a regex's character class scans a page several times slower
        if c in text:
            return True
    return False
