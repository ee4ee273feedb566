"""Figures that bound a range are no target, on the English and the Chinese path alike.

'between $1 billion and $2 billion', '1 to 2 billion yuan', '$1-2 billion', '100-200亿元', '100亿元至200亿元' and
'10至20家企业' state two optional bounds, not one figure: target_value holds a figure as stated, and neither bound
is the target (the lower one understates it, the upper one overstates it, a midpoint is a figure nobody wrote),
while storing both would count the goal twice when facts are summed. So neither bound becomes a row, as
'three to five parks' gives none on the English path. A figure moving from one level to another ('from 100 billion
yuan to 200 billion yuan', '从100亿元到200亿元') is no range: its lower figure is where things stand, not a goal,
and its upper figure is the target, as 'the number of companies from 110 to 200' on the English path; so is a
starting figure written elsewhere in the sentence ('1 billion yuan, up from 500 million yuan', '由100亿元增至200亿元',
'100億円から1000億円に': without_starting_levels). A figure right after one ending in から is the upper bound of
a range unless a word of reaching follows it ('100億円から200億円の基金' bounds a fund; '100億円から200億円に増やす'
reaches 200 billion yen): without_starting_levels drops it then.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class RangeWords:
    """How one vocabulary writes ranges and changes, compiled once (target_rules for English, chinese_targets.rules
    for Chinese and Japanese).

    `before` matches the lower bound and joining word written right before a figure ('100-', '1 billion yuan to '),
    ending where the figure starts, with groups `open` (a word before the lower bound: from, between, 从) and `join`;
    a join in `paired_joins` ('and') makes a range only after a word of `span_openers` ('between'), and after a word
    of `change_openers` (from, 从) the upper figure is a level to reach, not a bound. `upper_alone` matches, right
    after a figure, an upper bound that is no amount of its own ('-2 billion' after '$1'), with groups num and scale
    read by `scales`. `level_before` ends right before a figure a change starts from ('up from ', '从2023年的'),
    `level_after` starts right after one ('から'); `reached_after` starts right after the next figure when that one is
    a level to reach ('に', 'まで拡大'), and without it the two figures bound a range.
    """
    before: re.Pattern
    change_openers: frozenset = frozenset()
    paired_joins: frozenset = frozenset()
    span_openers: frozenset = frozenset()
    upper_alone: re.Pattern | None = None
    scales: dict | None = None
    level_before: re.Pattern | None = None
    level_after: re.Pattern | None = None
    reached_after: re.Pattern | None = None


def without_ranges(sentence: str, amounts: list[dict], words: RangeWords) -> list[dict]:
    """The amounts of a sentence (spans relative to it) that are neither a bound of a range nor a level a change
    starts from."""
    return without_starting_levels(sentence, without_range_bounds(sentence, amounts, words), words)


def without_range_bounds(sentence: str, amounts: list[dict], words: RangeWords) -> list[dict]:
    """The amounts of a sentence (spans relative to it) without those bounding a range.

    >>> words = RangeWords(re.compile(r"(?:(?P<open>from|between)\\s)?\\d+ (?P<join>to|and) $"), frozenset({"from"}))
    >>> amounts = [{"start": 10, "end": 13, "unit": "CNY"}, {"start": 17, "end": 20, "unit": "CNY"}]
    >>> [a["start"] for a in without_range_bounds("a rise of 100 to 200 and", amounts, words)]
    []
    >>> [a["start"] for a in without_range_bounds("rise from 100 to 200 and", amounts, words)]
    [17]
    """
    dropped: set[int] = set()
    for i, a in enumerate(amounts):
        if _has_upper_alone(sentence, a, words):
            dropped.add(i)
            continue
        m = words.before.search(sentence, max(0, a["start"] - 60), a["start"])  # a bound and its unit end at the figure
        opener = (m.group("open") or "").lower() if m else ""
        if m is None or (m.group("join").lower() in words.paired_joins and opener not in words.span_openers):
            continue
        lower = [j for j, b in enumerate(amounts) if b["start"] < a["start"] and b["end"] > m.start()]
        if any(_kind(amounts[j]) != _kind(a) for j in lower):
            continue  # '10亿元至20个项目': money sent to some projects, no range
        dropped.update(lower)
        if opener not in words.change_openers:
            dropped.add(i)
    return [a for i, a in enumerate(amounts) if i not in dropped]


def _has_upper_alone(sentence: str, amount: dict, words: RangeWords) -> bool:
    """True when an upper bound with no unit of its own follows the figure ('$1-2 billion', '$1 billion to 2 billion');
    a smaller figure after 'to' counts something else ('$1 billion to 2 million households')."""
    m = words.upper_alone.match(sentence, amount["end"]) if words.upper_alone is not None else None
    if m is None:
        return False
    scale = words.scales.get(m.group("scale").lower(), 1.0) if m.group("scale") else 1.0
    return float(m.group("num").replace(",", "")) * scale > amount["value"]


def without_starting_levels(sentence: str, amounts: list[dict], words: RangeWords) -> list[dict]:
    """The amounts of a sentence without those a change starts from: a figure `level_before` ends right before ('up
    from ', '从2023年的', '由') when the sentence states another figure of the same kind, the level to reach ('a fund
    of 1 billion yuan, up from 500 million yuan': the 500 million is where the fund stands, not a goal; a figure
    alone after 'from' or 由 stays: '由50亿元财政资金出资' is funded by it), and any figure `level_after` matches right
    after ('100社から': a start or a lower bound, whether or not the figure it goes to is read).

    >>> words = RangeWords(re.compile("$^"), level_before=re.compile(r"from $"))
    >>> amounts = [{"start": 0, "end": 3, "unit": "CNY"}, {"start": 18, "end": 21, "unit": "CNY"}]
    >>> [a["start"] for a in without_starting_levels("200 yuan, up from 100 yuan", amounts, words)]
    [0]
    >>> [a["start"] for a in without_starting_levels("200 yuan, up from 100 yuan", amounts[1:], words)]
    [18]
    """
    kinds = Counter(_kind(a) for a in amounts)

    def starts_a_change(a: dict) -> bool:
        if words.level_after is not None and words.level_after.match(sentence, a["end"]):
            return True
        return (kinds[_kind(a)] > 1 and words.level_before is not None
                and bool(words.level_before.search(sentence, max(0, a["start"] - 20), a["start"])))

    kept, last_of_kind = [], {}  # the figure of each kind stated last so far: a range's lower bound for the next
    for a in amounts:
        if not starts_a_change(a) and not _upper_bound(sentence, last_of_kind.get(_kind(a)), a, words):
            kept.append(a)
        last_of_kind[_kind(a)] = a
    return kept


def _upper_bound(sentence: str, lower: dict | None, amount: dict, words: RangeWords) -> bool:
    """True for the second figure of 'AからB' with no word of reaching after it ('100億円から200億円の基金': a range):
    `lower`, the figure of the same kind stated last before it, ends in `level_after`, in the same clause (no mark
    between).

    >>> words = RangeWords(re.compile("$^"), level_after=re.compile("から"), reached_after=re.compile("に"))
    >>> a, b = {"start": 0, "end": 4, "unit": "JPY"}, {"start": 6, "end": 10, "unit": "JPY"}
    >>> _upper_bound("100円から200円の基金", a, b, words), _upper_bound("100円から200円に増やす", a, b, words)
    (True, False)
    """
    if words.level_after is None or words.reached_after is None:
        return False
    level = lower and words.level_after.match(sentence, lower["end"])
    if not level or re.search(r"[、，,。；;：:]", sentence[level.end():amount["start"]]):
        return False
    return not words.reached_after.match(sentence, amount["end"])


def _kind(amount: dict) -> tuple:
    """What a figure measures: its unit, and for a count its metric; two bounds of one range measure the same."""
    return amount["unit"], amount.get("metric")
