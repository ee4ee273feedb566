"""Targets a Chinese sentence states for several places at once: '北京市和上海市元宇宙产业规模均突破1000亿元' is
Beijing's and Shanghai's, '北京市、上海市分别培育100家和50家企业' pairs the places and figures in order.

A figure is shared only when all of these hold, so that a place merely named beside another keeps its single owner:
the places stand in a list joined by a joining word alone (和, 与, 、; the "chinese" section of targets.json), no other
place is named between the list and the figure, a distributive word (均, 都, 分别) stands between them (均 and 都 in
the figure's own clause), no other plural subject stands between the places and that word (三个项目, 多家企业: it
distributes over them), and the owner found for the figure is one of the listed places. 分别 pairs the places with
the figures of its own clause (up to ，；：), in order; when their numbers differ no row is stored. Without a
distributive word a list names partners of one joint target ('四川省与重庆市共同打造…'), which stays one row.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from pipelines.extract.match_index import all_in, last_in
from pipelines.extract.owners import first_ranks, listed_names
from pipelines.extract.sentence_scans import SentenceScans
from pipelines.records import Mention

CLAUSE_BREAK = re.compile(r"[，,、：:]")
LIST_END = re.compile(r"[，,；;：:]")  # ends the clause of 分别 and its figures ('分别达到1000亿元、800亿元': 、 lists them)


def _cue(body: str, start: int, end: int, cfg: dict) -> re.Match | None:
    """The last distributive word in body[start:end] that is not part of another word (首都, 都市). Both word lists are
    looked up in one scan of the body (match_index.py), not in a scan of the range per figure; the words that void
    a cue are read only when a cue stands in the range."""
    cue_re, not_re, reach = cfg["shared_cue_re"], cfg["shared_not_re"], cfg["reach"]
    void = None
    cue = last_in(cue_re, body, start, end, reach[cue_re])
    while cue is not None:
        if void is None:
            void = [(m.start(), m.end()) for m in all_in(not_re, body, max(0, start - 1), end + 1, reach[not_re])]
        if not any(s <= cue.start() < e for s, e in void):
            return cue
        cue = last_in(cue_re, body, start, cue.start(), reach[cue_re])  # the range's matches before it: those up to it
    return None


def shared_owners(body: str, places: list[Mention], figure: tuple[int, int], figures: list[tuple[int, int]],
                  owner: str | None, scans: SentenceScans) -> list[str | None]:
    """The places a figure belongs to: every listed place (均, 都, 分别 with one figure), the one in its rank
    (分别 with as many figures as places in its clause), none (分别 with some other number of figures), else [owner].

    `places` are the sentence's places in order, `figures` the (start, end) of its figures, all in body offsets;
    `scans` the sentence's (its cfg the compiled vocabulary, chinese_targets.rules): the list before a figure, what
    stands between it and its distributive word and the figures a 分别 pairs are worked out once and kept for the
    sentence's other figures, so a list of N places and N figures is read once, not once per figure.

    >>> from pipelines.records import Mention as M
    >>> from pipelines.extract.chinese.vocabulary import CLAUSE_BREAK as BREAK, rules
    >>> body = "北京市和上海市产业规模均突破1000亿元。"
    >>> shared_owners(body, [M("jurisdiction", "Beijing", "北京市", 0, 3), M("jurisdiction", "Shanghai", "上海市", 4, 7)],
    ...               (14, 21), [(14, 21)], "Beijing", SentenceScans(body, rules(), BREAK))
    ['Beijing', 'Shanghai']
    """
    cfg = scans.cfg
    count = bisect_left(places, figure[0], key=lambda m: m.char_start)  # places are in order
    if not count:
        return [owner]
    names, ranks, list_end = scans.kept(
        ("shared list", count), lambda: listed_names(places, count, body, cfg["shared_joiner_re"]))
    cue = _cue(body, list_end, figure[0], cfg)
    if len(names) < 2 or owner not in ranks or cue is None:
        return [owner]
    if scans.kept(("other subject", list_end, cue.start()),
                  lambda: bool(cfg["shared_other_subject_re"].search(body, list_end, cue.start()))):
        return [owner]  # '北京市和上海市…三个项目总投资均达到10亿元': 均 is over the projects
    if cue.group() not in cfg["shared_respective_cues"]:
        stop = scans.kept(("break after", cue.end()), lambda: CLAUSE_BREAK.search(body, cue.end()))
        return names if stop is None or stop.start() >= figure[0] else [owner]
    respective, rank = scans.kept(("respectively", cue.end()), lambda: _respective(body, places, figures, cue.end()))
    if figure not in rank:
        return [owner]  # '…分别达到1000亿元和800亿元，合计1800亿元': the total after the clause is stated once
    if len(respective) == 1:
        return names
    if len(respective) == len(names):
        return [names[rank[figure]]]
    return []  # three places and two figures: which place holds which is unknown, and no guess is stored


def _respective(body: str, places: list[Mention], figures: list[tuple[int, int]], cue_end: int) -> tuple[list, dict]:
    """(the figures 分别 ending at cue_end pairs: those of its clause, up to LIST_END, with no place named between
    分别 and them, in the sentence's order of figures; each one's rank)."""
    stop = LIST_END.search(body, cue_end)
    stop = stop.start() if stop else len(body)
    at = bisect_left(places, cue_end, key=lambda m: m.char_start)  # the first place after 分别 bounds its figures
    first_place = places[at].char_start if at < len(places) else stop
    respective = [f for f in figures if cue_end <= f[0] < stop and f[0] <= first_place]
    return respective, first_ranks(respective)
