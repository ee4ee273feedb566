"""The byline's furniture in a text dump's header: the lines a page prints between the writer's name, the date and the
headline that tell neither (a follow button, social links, the story's share bar, a separator, a reading time), which
the header readers (text/header.py) look past as if they were not printed."""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pipelines.parse.rules import header_rules, text_rules


@lru_cache(maxsize=8192)  # a page's share bar and follow buttons are read by each header reader, and sites repeat them
def byline_furniture(text: str) -> bool:
    """True when a short line by a byline tells neither the name nor the date: a follow button, a social link, the
    avatar's alt text, a separator or a reading time (header.labels.byline_furniture; text_rules' reading_time).

    >>> [byline_furniture(t) for t in ["Follow", "LinkedIn", "·", "5 min read", "Ann Lee", "March 3, 2024"]]
    [True, True, True, True, False, False]
    """
    text = text.strip()
    return bool(header_rules().byline_furniture.fullmatch(text) or text_rules().reading_time.fullmatch(text))


def header_reach(texts: Sequence[str], start: int, count: int) -> int:
    """The index `count` lines from `start` counting none of the byline furniture between (a share bar, a follow
    button: byline_furniture), of which at most limits.header_furniture_max are passed.

    >>> header_reach(["A title", "Share", "Facebook", "Twitter", "By Ann Lee"], 1, 1)
    5
    """
    end, passed = start, 0
    while end < len(texts) and end - start - passed < count:
        if passed < header_rules().limits.header_furniture_max and byline_furniture(texts[end]):
            passed += 1
        end += 1
    return end


def lines_beside(texts: Sequence[str], i: int, reach: int) -> list[int]:
    """Indexes of the lines within `reach` lines of line `i`, nearest first (above first at equal distance), counting
    and giving none of the byline furniture between (a follow button, social links: byline_furniture), of which at most
    limits.byline_furniture_reach are passed.

    >>> lines_beside(["Ann Lee", "Follow", "5 min read", "Mar 3, 2024", "Text"], 3, 2)
    [0, 4]
    """
    found, skips = [], header_rules().limits.byline_furniture_reach
    for step in (-1, 1):
        j, seen, skipped = i + step, 0, 0
        while 0 <= j < len(texts) and seen < reach:
            if skipped < skips and byline_furniture(texts[j]):
                skipped += 1
            else:
                seen += 1
                found.append((seen, step, j))
            j += step
    return [j for _, _, j in sorted(found)]
