"""Deadline years of Chinese and Japanese targets: '到2025年', '2025年前', '2023-2025年', 十四五 (2025), '未来三年'
(the publication year plus three), and whether a clause dates itself in a past year (a statistic, not a goal).
The patterns are the compiled vocabulary of chinese_targets.rules (targets.json "chinese" / "japanese").
"""
from __future__ import annotations

import re
from datetime import datetime

from pipelines.extract.chinese.numbers import DIGITS, chinese_number


def past_year(text: str, published_at: datetime | None, cfg: dict) -> bool:
    """True when the text dates itself in a year before the story's ('2022年', Korean '2022년': cfg's year_pattern)
    and names no deadline."""
    if published_at is None:
        return False
    years = [int(y) for y in re.findall(cfg.get("year_pattern") or r"(20\d\d)\s*年", text)]
    return bool(years) and max(years) < published_at.year and chinese_year(text, published_at, cfg) is None


def chinese_year(sentence: str, published_at: datetime | None, cfg: dict) -> int | None:
    """Deadline year of a sentence: '到2025年', '2025年前', '2023-2025年', '十四五期间' (2025), '未来三年' (`cfg`: the
    compiled vocabulary, chinese_targets.rules).

    >>> from pipelines.extract.chinese.vocabulary import rules
    >>> chinese_year("力争到2025年突破2500亿元", None, rules()), chinese_year("十四五期间", None, rules())
    (2025, 2025)
    """
    floor = published_at.year - 1 if published_at else 0
    for rx in cfg["deadline_res"]:
        years = [int(m.group(1)) for m in rx.finditer(sentence) if int(m.group(1)) >= floor]
        if years:
            return years[0]
    years = [int(m.group(2)) for m in cfg["range_re"].finditer(sentence) if int(m.group(2)) >= floor]
    if years:
        return years[0]
    period = cfg["period_re"].search(sentence)
    if period:
        return cfg["plan_periods"][period.group()]
    return relative_year(sentence, published_at, cfg)


def relative_year(sentence: str, published_at: datetime | None, cfg: dict) -> int | None:
    """'未来三年', '3年内', '用五年时间' -> the publication year plus the number; None without a publication date.

    >>> from pipelines.extract.chinese.vocabulary import rules
    >>> relative_year("未来三年引进人才1000名", datetime(2024, 3, 1), rules())
    2027
    """
    if published_at is None:
        return None
    for rx in cfg["relative_year_res"]:
        m = rx.search(sentence)
        word = m.group("n") if m else ""
        n = int(word) if word.isdigit() else DIGITS.get(word) or chinese_number(word) if word else None
        if n:
            return published_at.year + int(n)
    return None
