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
from bisect import bisect_left, bisect_right

from pipelines.extract.match_index import first_in
from pipelines.extract.owners import first_ranks, listed_names
from pipelines.extract.sentence_scans import SentenceScans
from pipelines.records import Mention


def english_shared_owners(body: str, places: list[Mention], figure: tuple[int, int], figures: list[tuple[int, int]],
                          clause_end: int, owner: str | None, scans: SentenceScans,
                          earlier: tuple[str, ...] = (), sentence_start: int = 0) -> list[str | None]:
    """The places a figure belongs to: every listed place ('each', 'both'), the one in its rank ('respectively'
    after as many figures as places), none ('respectively' after another number of figures), else [owner].

    `places` are the sentence's places in order, `figures` the (start, end) of its figures and `clause_end` the end
    of the figure's clause, all in body offsets; `earlier` the names of the last list of places an earlier sentence
    named, which a plural noun ('the three cities') before the figure stands for when the sentence (starting at
    sentence_start) names no place before it; `scans` is the sentence's (its cfg target_rules()): the list before
    a figure and the figures a 'respectively' pairs are worked out once and kept for the sentence's other figures, so
    a list of N places and N figures is read once, not once per figure.

    >>> from pipelines.records import Mention as M
    >>> from pipelines.extract.target_rules import CLAUSE_BREAK, target_rules
    >>> body = "Hefei and Wuhu will each set up a 1 billion yuan fund."
    >>> english_shared_owners(body, [M("jurisdiction", "Hefei", "Hefei", 0, 5), M("jurisdiction", "Wuhu", "Wuhu", 10, 14)],
    ...                       (34, 48), [(34, 48)], 54, "Hefei", SentenceScans(body, target_rules(), CLAUSE_BREAK))
    ['Hefei', 'Wuhu']
    """
    cfg = scans.cfg
    count = bisect_left(places, figure[0], key=lambda m: m.char_start)  # places are in order
    if count and places[count - 1].char_end > figure[0]:  # a place running into the figure (none is read so): the exact test
        before = [m for m in places if m.char_end <= figure[0]]
        listed = listed_names(before, len(before), body, cfg["shared_joiner_re"]) if len(before) >= 2 else None
    else:
        listed = None if count < 2 else scans.kept(
            ("shared list", count), lambda: listed_names(places, count, body, cfg["shared_joiner_re"]))
    anaphor = _anaphor(scans, sentence_start, figure, earlier) if count == 0 and earlier else None
    listed = anaphor or listed
    if listed is None:
        return [owner]
    names, ranks, list_end = listed
    respective_re = cfg["shared_respective_re"]
    respective = first_in(respective_re, body, figure[1], clause_end, cfg["reach"][respective_re])
    if anaphor is not None and not names:  # 'the two cities' after three: which place holds which is unknown
        return [] if respective else [owner]
    if len(names) < 2 or (owner not in ranks and not anaphor):  # the anaphor's places, whoever the owner found was
        return [owner]
    if respective:
        paired, rank = scans.kept(("respectively", list_end, respective.start()),
                                  lambda: _paired(figures, list_end, respective.start()))
        if len(paired) == 1:  # '1 billion yuan funds respectively'; '100, 80 and 60 companies respectively' lists bare numbers
            return [] if cfg["shared_number_re"].search(body, list_end, figure[0]) else names
        return [names[rank[figure]]] if len(paired) == len(names) and figure in rank else []
    if cfg["shared_each_re"].match(body, list_end):
        comma = scans.kept(("comma after", list_end), lambda: re.compile(r"[,;]").search(body, list_end))
        if comma is None or comma.start() >= figure[0]:
            return names
    return [owner]


def _paired(figures: list[tuple[int, int]], list_end: int, respective: int) -> tuple[list, dict]:
    """(the figures between a list's end and its 'respectively', in the sentence's order of figures; each one's rank)."""
    paired = [f for f in figures if list_end <= f[0] and f[1] <= respective]
    return paired, first_ranks(paired)


def _anaphor(scans: SentenceScans, sentence_start: int, figure: tuple[int, int],
             earlier: tuple[str, ...]) -> tuple[list[str], dict, int] | None:
    """(the earlier list's names, their ranks, where the plural noun standing for them ends in the body) when such a
    noun ('the three cities') stands last before the figure in its sentence (which `scans` reads, starting at
    sentence_start in the body); no names when the noun's number is not the list's; None when there is no noun."""
    cfg = scans.cfg
    found = scans.kept(("anaphors",), lambda: list(cfg["shared_anaphor_re"].finditer(scans.text)))
    ends = scans.kept(("anaphor ends",), lambda: [m.end() for m in found])
    last = bisect_right(ends, figure[0] - sentence_start)
    if not last:
        return None
    written = (found[last - 1].group("n") or "").lower()
    number = int(written) if written.isdigit() else cfg["number_words"].get(written) if written else len(earlier)
    names = list(earlier) if number == len(earlier) else []  # none when the noun counts other places
    return names, first_ranks(names), sentence_start + ends[last - 1]
