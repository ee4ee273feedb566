"""Targets listed under a lead-in line, on the English and the Chinese path.

Pages list a plan's goals under a line that announces them ('The plan sets these goals for 2025:', 'Key targets of
Hefei's plan by 2026:'), one goal a line, with a bullet or none (a list saved as visible text keeps one line per item
and often drops the marker) and no full stop: 'An industry size of 350 billion yuan', '• Attract 200 metaverse
companies'. Such an item states a target as its lead-in does; its year is the lead-in's when it names none, and its
owner is found as for any sentence after the lead-in (targets.py). Chinese and Japanese plans list theirs the same way
('到2026年，主要目标如下：' then '（一）元宇宙产业规模400亿元': chinese/targets.py).
"""
from __future__ import annotations

import re

# '- ', '• ', '1. ', '2) ', '(3) '; Chinese and Japanese enumerators: '（一）', '1、', '一、', '①'
ITEM_MARKER = re.compile(r"\s*(?:(?:[-–—•*·▪●◦‣]|\(?\d{1,2}[.)])\s+|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                         r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})、|[①-⑳])")
LINE_ITEM_MAX = 200  # a line without a marker is an item only when short and not ended like a sentence


def is_lead_in(sentence: str, lead_in_re: re.Pattern) -> bool:
    """True for a line announcing a list of goals: it ends with ':' and holds a goal word (targets.json
    list_lead_in_cues: goals, targets, plan, by 20…), not only a weak cue ('companies that provide ...:').

    >>> from pipelines.extract.target_rules import target_rules
    >>> rx = target_rules()["lead_in_re"]
    >>> is_lead_in("The plan sets these goals for 2025:", rx), is_lead_in("Firms that provide cloud services:", rx)
    (True, False)
    """
    return sentence.endswith(":") and bool(lead_in_re.search(sentence))


def is_list_item(body: str, start: int, end: int) -> bool:
    """True for a sentence that is one item of a list: it opens its line after a bullet or a number ('- ', '1. '),
    or it is a whole short line not ended like a sentence ('An industry size of 350 billion yuan').

    >>> body = "Goals:\\n- 10 parks\\nAn industry of 5 billion yuan\\nIt grew. Then it fell."
    >>> [is_list_item(body, s, e) for s, e in ((9, 17), (18, 47), (48, 56))]
    [True, True, False]
    """
    line_start = body.rfind("\n", 0, start) + 1
    marker = ITEM_MARKER.match(body, line_start)
    if marker and marker.end() >= start:
        return True
    line_end = body.find("\n", end)
    whole_line = body[line_start:start].strip() == "" and body[end:len(body) if line_end < 0 else line_end].strip() == ""
    return whole_line and end - start <= LINE_ITEM_MAX and not re.search(r"[.!?。！？]$", body[start:end])
