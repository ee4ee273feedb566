"""Targets an English sentence states for several places at once: 'Beijing and Shanghai will each set up a 1 billion
yuan fund' is Beijing's and Shanghai's, 'Beijing and Shanghai aim for 100 billion yuan and 80 billion yuan
respectively' pairs the places and figures in order. The English counterpart of chinese/shared.py, and as
conservative: a figure is shared only when all of these hold, else it keeps its one owner.

The places stand in a list joined by 'and' or commas alone (the "shared" words of targets.json), no other place is
named between the list and the figure, and the owner found for the figure is one of the listed places; then either
'each' or 'both' follows the list at once (an auxiliary such as 'will' may stand between: 'Beijing and Shanghai
will each', not 'Beijing and Shanghai's three parks each'), with no comma or semicolon before the figure, or
'respectively' closes the clause of as many figures as places (with another number of figures, or one figure after
bare numbers it was listed with, no row is stored, as nobody can tell which place holds which). 'each year' is a
time, not a distributive word.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from pipelines.extract.owners import listed_places
from pipelines.records import Mention


def english_shared_owners(body: str, places: list[Mention], figure: tuple[int, int], figures: list[tuple[int, int]],
                          clause_end: int, owner: str | None, cfg: dict) -> list[str | None]:
    """The places a figure belongs to: every listed place ('each', 'both'), the one in its rank ('respectively'
    after as many figures as places), none ('respectively' after another number of figures), else [owner].

    `places` are the sentence's places in order, `figures` the (start, end) of its figures and `clause_end` the end
    of the figure's clause, all in body offsets; `cfg` is target_rules().

    >>> from pipelines.records import Mention as M
    >>> from pipelines.extract.target_rules import target_rules
    >>> body = "Hefei and Wuhu will each set up a 1 billion yuan fund."
    >>> english_shared_owners(body, [M("jurisdiction", "Hefei", "Hefei", 0, 5), M("jurisdiction", "Wuhu", "Wuhu", 10, 14)],
    ...                       (34, 48), [(34, 48)], 54, "Hefei", target_rules())
    ['Hefei', 'Wuhu']
    """
    before = places[:bisect_left(places, figure[0], key=lambda m: m.char_start)]  # places are in order
    if before and before[-1].char_end > figure[0]:  # a place running into the figure (none is read so): the exact test
        before = [m for m in places if m.char_end <= figure[0]]
    if len(before) < 2:
        return [owner]
    listed = listed_places(before, body, cfg["shared_joiner_re"])
    names = list(dict.fromkeys(m.entity_name for m in listed))
    if len(names) < 2 or owner not in names:
        return [owner]
    list_end = listed[-1].char_end
    respective = cfg["shared_respective_re"].search(body, figure[1], clause_end)
    if respective:
        paired = [f for f in figures if list_end <= f[0] and f[1] <= respective.start()]
        if len(paired) == 1:  # '1 billion yuan funds respectively'; '100, 80 and 60 companies respectively' lists bare numbers
            return [] if cfg["shared_number_re"].search(body, list_end, figure[0]) else names
        return [names[paired.index(figure)]] if len(paired) == len(names) and figure in paired else []
    if cfg["shared_each_re"].match(body, list_end) and not re.search(r"[,;]", body[list_end:figure[0]]):
        return names
    return [owner]
