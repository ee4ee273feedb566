"""Figures as Korean writes them: digits with group words (조 10^12, 억 10^8, 만 10^4) and small units (천 1000,
백 100) inside them: 500억, 1조 2000억, 39억4000만, 1억 5천만, 5천, 4만.

Korean groups digits by 10^4 as Chinese does, but writes each group's number in digits and may put a space after a
group word ('1조 2000억 원'), so one figure spans several groups; the "korean" section of targets.json matches the whole
(number_pattern) and chinese/targets.py asks `korean_number` for its value.
"""
from __future__ import annotations

import re

GROUPS = {"조": 10**12, "억": 10**8, "만": 10**4}
UNITS = {"천": 1000, "백": 100}
_TOKEN = re.compile(r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)|(?P<unit>[천백])|(?P<group>[조억만])|(?P<space>\s)|(?P<other>.)")


def korean_number(text: str) -> float | None:
    """The value of a figure written with Korean group words ('1조 2000억'), None when it is none (groups out of
    order, a unit or group with no digits before it, any other character).

    >>> [korean_number(t) for t in ("500억", "1조 2000억", "39억4000만", "1억 5천만", "5천", "4만", "1,000억", "2.5조", "120")]
    [50000000000.0, 1200000000000.0, 3940000000.0, 150000000.0, 5000.0, 40000.0, 100000000000.0, 2500000000000.0, 120.0]
    >>> [korean_number(t) for t in ("억", "5만 3억", "천만", "5천천", "3개")]
    [None, None, None, None, None]
    """
    total, section, digits, last_group, last_unit = 0.0, 0.0, None, float("inf"), float("inf")
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "num":
            if digits is not None:
                return None  # two numbers in a row
            digits = float(m.group().replace(",", ""))
        elif kind == "unit":
            unit = UNITS[m.group()]
            if digits is None or unit >= last_unit:
                return None
            section, digits, last_unit = section + digits * unit, None, unit
        elif kind == "group":
            group = GROUPS[m.group()]
            if (digits is None and not section) or group >= last_group:
                return None
            total += (section + (digits or 0.0)) * group
            section, digits, last_group, last_unit = 0.0, None, group, float("inf")
        elif kind == "other":
            return None
    if digits is None and not section and not total:
        return None
    return total + section + (digits or 0.0)
