"""Numbers as Chinese text writes them: full-width digits (２０２５年, ２５００亿元) and Chinese numerals (一百亿元, 五千万元,
两千亿元, 三十家企业).

`half_width` maps full-width ASCII characters to ASCII one character for one, so a pattern reads the copy and every
offset still points into the original text (`char_start`/`char_end`, evidence and amount spans slice the story as
written). `chinese_number` reads a numeral; it is a small parser rather than cn2an (0.5.24 took 0.64 s to import and
installs top-level packages named 'build', 'example' and 'src').
"""
from __future__ import annotations

import re

_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # ！ .. ～ -> ! .. ~
_FULL_WIDTH[0x3000] = 0x20  # the ideographic space

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
GROUPS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# a run of these characters may be a numeral; `numeral_pattern` is its regex
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(GROUPS)


def half_width(text: str) -> str:
    """The text with full-width digits, letters and signs as ASCII, each character in its place.

    >>> half_width("到２０２５年突破２５００亿元（约合３５０亿美元）")
    '到2025年突破2500亿元(约合350亿美元)'
    """
    return text if text.isascii() else text.translate(_FULL_WIDTH)


_YEAR = re.compile(r"[一二][〇零一二三四五六七八九]{3}(?=\s*年)")
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def with_year_digits(text: str) -> str:
    """The text with years written in Chinese digits before 年 as ASCII digits, four characters for four
    ('二〇二五年' -> '2025年'), so offsets stay as they were.

    >>> with_year_digits("到二〇二五年底，二零三零年前")
    '到2025年底，2030年前'
    """
    return _YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), text) if "年" in text else text


def numeral_pattern() -> str:
    """Regex of a candidate Chinese numeral: a run of digits and units; `chinese_number` says whether it is one."""
    return f"[{NUMERAL_CHARS}]+"


def _section(text: str, lead: bool) -> int | None:
    """A numeral below 10,000 ('三千零五', '十五', '七'); `lead`: it opens the numeral, where 十 may stand for 一十."""
    value, digit, last, after_zero = 0, None, 10_000, False
    for i, ch in enumerate(text):
        if ch in UNITS:
            if UNITS[ch] >= last or (digit is None and not (lead and i == 0 and ch == "十")):
                return None  # units out of order, or one with no digit before it (千万 'by all means', 百万)
            value += (1 if digit is None else digit) * UNITS[ch]
            digit, last, after_zero = None, UNITS[ch], False
        elif DIGITS[ch] == 0:
            if i == 0 or digit is not None or after_zero or i == len(text) - 1:
                return None  # 零 stands between a unit and a digit only ('三千零五')
            after_zero = True
        elif digit is not None:
            return None  # digits in a row (十四五, the plan's name; 二〇二五)
        else:
            digit = DIGITS[ch]
    if digit is not None and last not in (10, 10_000) and not after_zero:
        return None  # '一千五' is colloquial 1,500: too loose to read
    return value + (digit or 0)


def chinese_number(word: str) -> int | None:
    """The value of a Chinese numeral with a unit (十, 百, 千, 万, 亿), else None: a bare digit (一个 'a', 一批 'a batch'),
    digits in a row (十四五, 二〇二五), a unit with no digit before it but a leading 十 (千万 'by all means', 百万,
    万一 'in case'), or units out of order.

    >>> [chinese_number(w) for w in ("一百", "五千万", "两千亿", "十", "十五", "二十", "一万二千", "一亿五千万", "三千零五", "一万亿")]
    [100, 50000000, 200000000000, 10, 15, 20, 12000, 150000000, 3005, 1000000000000]
    >>> [chinese_number(w) for w in ("一", "十四五", "千万", "百万", "万一", "二〇二五", "五百千", "亿万", "一万二", "一千五")]
    [None, None, None, None, None, None, None, None, None, None]
    """
    if not any(ch in UNITS or ch in GROUPS for ch in word):
        return None
    return _grouped(word, True)


def _grouped(text: str, lead: bool) -> int | None:
    """A numeral split at its largest group word (亿, then 万): the part before it times the group, plus the rest."""
    for chars, size in (("亿億", 10**8), ("万萬", 10**4)):
        at = next((i for i, ch in enumerate(text) if ch in chars), -1)
        if at < 0:
            continue
        head = _grouped(text[:at], lead) if text[:at] else None
        rest = text[at + 1:]
        if not head or any(ch in chars for ch in rest):
            return None
        tail = _grouped(rest, False) if rest else 0
        if tail is None or (rest and all(ch in DIGITS for ch in rest)):
            return None  # '一万二' (12,000 said loosely) is not read
        return head * size + tail
    return _section(text, lead)
