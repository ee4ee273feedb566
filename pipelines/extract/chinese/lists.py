"""Counts written as a list sharing one noun: '分别培育100家、50家和30家企业' (the noun after the last figure) and
'分别培育企业100家、50家' (the noun before the first). Each listed figure counts the same things as the one written
with the noun, so a 分别 sentence pairs its places with all of them rather than giving the last figure to every place.

A figure is listed only when it is joined to the next by a list word alone (、, 和; figure_list_joiners in
targets.json) and has the same classifier: '3个、50家企业' lists nothing, '10至20家' is a range (ranges.py).
"""
from __future__ import annotations

import re


def listed_counts(sentence: str, m: re.Match, cfg: dict) -> list[re.Match]:
    """The figures listed with the count `m` (a match of count_re or count_after_noun_re, with groups num, scale
    and cls), in the order written; each match has groups num, scale and cls.

    >>> from pipelines.extract.chinese.vocabulary import rules
    >>> s = "培育100家、50家和30家企业"
    >>> [x.group("num") for x in listed_counts(s, rules()["count_re"].search(s), rules())]
    ['100', '50']
    >>> s = "培育企业100家、50家"
    >>> [x.group("num") for x in listed_counts(s, rules()["count_after_noun_re"].search(s), rules())]
    ['50']
    """
    found: list[re.Match] = []
    if m.start("noun") > m.start("num"):  # the noun last: the list stands before the figure
        pos = m.start("num")
        while (prev := cfg["count_list_before_re"].search(sentence, max(0, pos - 40), pos)) and prev.group("cls") == m.group("cls"):
            found.insert(0, prev)
            pos = prev.start("num")
    else:
        pos = m.end("cls")
        while (nxt := cfg["count_list_after_re"].match(sentence, pos)) and nxt.group("cls") == m.group("cls"):
            found.append(nxt)
            pos = nxt.end("cls")
    return found
