"""Figures a company states, not a place: its results ('HashKey expects revenue of $200 million') and its own plans
('Binance will invest $100 million in a Dubai hub', 'The company has pledged $100 million'), read per figure of an
English sentence by targets.extract_targets. Each figure's look-ups are bisections over the sentence's sorted
companies and places and what was worked out once for the sentence (kept on its SentenceScans), so a sentence of N
figures and N places is read in time linear in N, not once per figure.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from pipelines.extract.sentence_scans import SentenceScans
from pipelines.extract.spans import RangeMax

BASED = re.compile(r"[\w .'-]*?-based\b")  # 'Abu Dhabi-based Binance': a place naming where a company is based
BASED_RUN = re.compile(r"[\w .'-]+")  # the characters BASED reads before '-based'
BASED_WORD = re.compile(r"-based\b")
NEVER = float("inf")


def _found_clause(scans: SentenceScans, amount: dict) -> tuple[int, bool]:
    """(where the text of the amount's clause is first found in the sentence, whether it names a company result),
    read once per clause. The first place the clause's text is found is where company_figure and company_plan
    have always looked from (the clause itself, unless its words stand earlier too)."""
    clause = scans.clause(amount["start"], amount["end"])

    def read() -> tuple[int, bool]:
        text = scans.text[clause[0]:clause[1]]
        return scans.text.find(text), bool(scans.cfg["company_result_re"].search(text))
    return scans.kept(("found", *clause), read)


def company_figure(scans: SentenceScans, amount: dict, companies: list[int]) -> bool:
    """True for a company's revenue, sales or earnings ('HashKey expects revenue of $200 million'): a result, not a target."""
    start, result = _found_clause(scans, amount)
    return result and _any_between(companies, start, amount["start"])


def company_plan(scans: SentenceScans, amount: dict, companies: list[int], places: list[int]) -> bool:
    """True for a company's own plan: a company and no place stand in the clause before the figure ('Binance will
    invest $100 million in a Dubai hub', 'Abu Dhabi-based Binance will invest ...'); a place's firm ('Hong Kong's
    Cyberport will invest') and a plan a place shares ('Tencent and Shenzhen will set up a fund') are the place's."""
    start, _ = _found_clause(scans, amount)
    figure = amount["start"]
    if not _any_between(companies, start, figure):
        return False
    if scans.text.endswith("-based", 0, figure):  # BASED's own end reads the figure's first character: read as it reads
        return not any(start <= p < figure and not BASED.match(scans.text, p, figure) for p in places)
    first, stop = bisect_left(places, start), bisect_left(places, figure)
    return first == stop or scans.kept(("based", ), lambda: _based_ends(scans.text, places)).max(first, stop) <= figure


def _any_between(starts: list[int], lo: int, hi: int) -> bool:
    """True when one of the sorted `starts` is in [lo, hi)."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _based_ends(text: str, places: list[int]) -> RangeMax:
    """Per place of the sentence (its sorted starts), where BASED.match(text, place) ends ('Abu Dhabi-based'), NEVER
    when it does not match: a place is a company's base before a figure at f when its match ends by f (company_plan
    asks the most of the places before the figure, by RangeMax). Found from one scan of the sentence for BASED's
    characters and one for '-based': BASED's lazy match is the first '-based' from the place on, inside the run of
    its characters holding the place."""
    runs = list(BASED_RUN.finditer(text))
    run_starts = [m.start() for m in runs]
    based = [m.start() for m in BASED_WORD.finditer(text)]
    ends = []
    for p in places:
        r = bisect_left(run_starts, p + 1) - 1  # the run starting at or before p
        run_end = runs[r].end() if r >= 0 and runs[r].end() > p else p
        q = bisect_left(based, p)
        ends.append(based[q] + len("-based") if q < len(based) and based[q] < run_end else NEVER)
    return RangeMax(ends)


def company_kind_plan(scans: SentenceScans, amount: dict, places: list[int]) -> bool:
    """True for a clause opening with a company named by its kind ('The company has pledged $100 million', 'The
    ERP giant ...') with no place and no government word between it and the figure: the company's own plan. 'The
    exchange builds on the city's KRW 100 billion fund' is the city's, and so is a fund 'launched by the Chongqing
    government' after the figure. Read from where the clause's text is first found, as company_plan reads."""
    c_start, c_end = scans.clause(amount["start"], amount["end"])
    cfg, sentence = scans.cfg, scans.text
    opening = cfg["company_kind_subject_re"].match(sentence, c_start, c_end)
    if opening is None:
        return False
    start, _ = _found_clause(scans, amount)
    after = start + opening.end() - c_start
    first_place = bisect_left(places, after)  # the sentence's places, in order
    if (first_place < len(places) and places[first_place] < amount["start"]) \
            or any(scans.first(rx, after, amount["start"]) for rx in cfg["gov_re"].values()):
        return False
    begins, held_after = scans.kept(("holders", c_start, c_end), lambda: _holders_after(scans, c_start, c_end, places))
    return not held_after[bisect_left(begins, amount["end"])]  # '... launched by Hainan' after the figure


def _holders_after(scans: SentenceScans, c_start: int, c_end: int, places: list[int]) -> tuple[list[int], list[bool]]:
    """The starts of the clause's 'set up by', 'launched by', 'from' phrases (company_kind_holder_after_re), and per
    phrase whether it or a later one names a place or a government right after it (one more entry, False, for none):
    a figure asks from the first phrase after it, by bisection, however many figures the clause holds."""
    cfg, sentence, at_places = scans.cfg, scans.text, set(places)
    found = list(cfg["company_kind_holder_after_re"].finditer(sentence, c_start, c_end))
    held_after = [False] * (len(found) + 1)
    for k in range(len(found) - 1, -1, -1):
        end = found[k].end()
        held_after[k] = held_after[k + 1] or end in at_places or any(rx.match(sentence, end) for rx in cfg["gov_re"].values())
    return [m.start() for m in found], held_after


def goes_on_about_company(sentence: str, cfg: dict) -> bool:
    """True for a sentence opening with what a company's plan just stated ('The center is expected to employ 1,500
    engineers by 2026', 'It will create 300 jobs': targets.json company_follow_on_subjects); extract_targets asks it
    only right after a sentence that stated a company's own figures, for a sentence naming no place.

    >>> from pipelines.extract.target_rules import target_rules
    >>> goes_on_about_company("The center will employ 1,500 engineers.", target_rules())
    True
    >>> goes_on_about_company("The city will employ 1,500 engineers.", target_rules())
    False
    """
    return bool(cfg["company_follow_on_re"].match(cfg["opener_re"].sub("", sentence)))
