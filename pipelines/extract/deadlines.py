"""Deadline years of targets: 'by 2025', 'a 2023-2025 plan', 'within three years', 'the same year'."""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import datetime

YEAR_BY = re.compile(r"\b(?:[Bb]y|[Bb]efore|[Tt]hrough|[Uu]ntil|till|in|for|to)\s(?:the\s)?(?:(?:end|close|middle)\sof\s)?(?:(?:fiscal|financial)\s(?:year\s)?|FY\s?)?(20\d\d)\b(?!\s?[-–/]\s?\d\d\b)")  # not 'in the 2025/26 year'
YEAR_RANGE = re.compile(r"\b(20\d\d)\s?(?:-|–|—|to)\s?(20\d\d)\b")
YEAR_GOAL = re.compile(r"\b(20\d\d)\s(?:targets?|goals?|deadlines?|budgets?)\b"  # 'its 2027 goal', 'the 2024 budget'
                       r"|\b(?:(?:fiscal|financial)\s(?:year\s)?|FY\s?)(20\d\d)\b")  # 'its fiscal 2024 budget', 'FY2025'

# a fiscal year written short: 'the 2025-26 budget', 'the 2025/26 financial year' (its end year, the second), 'by FY27'
FISCAL_SHORT = re.compile(r"\b(20\d\d)\s?[-–/]\s?(\d\d)\b(?![-–/]?\d)|\bFY\s?['’]?(\d\d)\b")

DEADLINE = re.compile(r"\b(?:[Bb]y|[Bb]efore|[Tt]hrough|[Uu]ntil|till)\s(?:the\s)?(?:(?:end|close)\sof\s)?(?:(?:fiscal|financial)\s(?:year\s)?|FY\s?)?(20\d\d)\b")


def sentence_year(sentence: str, pos: int, published_at: datetime | None,
                  years: list[tuple[int, int]] | None = None) -> int | None:
    """Deadline year for the amount at pos: 'by 2025', 'by the end of 2026', '2022-2025 plan', 'its 2027 goal': the
    first stated from pos on, else the last before it. `years` are the sentence's sentence_years, read once for
    all its figures (read here when not given).

    >>> sentence_year("a 5 billion fund by the end of 2026", 2, None)
    2026
    """
    cands = sentence_years(sentence, published_at) if years is None else years
    if not cands:
        return None
    after = bisect_left(cands, (pos,))  # the first year stated from pos on
    return (cands[after] if after < len(cands) else cands[-1])[1]


def sentence_years(sentence: str, published_at: datetime | None) -> list[tuple[int, int]]:
    """(where stated, year) of each deadline year of a sentence not already past, in order.

    >>> sentence_years("a 2023-2025 plan sets goals by 2027", None)
    [(2, 2025), (28, 2027)]
    >>> sentence_years("will set aside 5 billion yen in its fiscal 2024 budget", None)
    [(36, 2024)]
    >>> sentence_years("a Rs 250 crore fund in its 2025-26 budget", None)
    [(27, 2026)]
    """
    cands = [(m.start(), int(m.group(1))) for m in YEAR_BY.finditer(sentence)]
    cands += [(m.start(), int(m.group(2))) for m in YEAR_RANGE.finditer(sentence)]
    cands += [(m.start(), int(m.group(1) or m.group(2))) for m in YEAR_GOAL.finditer(sentence)]
    cands += [(m.start(), year) for m in FISCAL_SHORT.finditer(sentence) if (year := _fiscal_end(m))]
    return sorted(_recent(cands, published_at))


def _fiscal_end(m: re.Match) -> int | None:
    """End year of a short fiscal year: '2025-26' -> 2026 (only when the second year follows the first), 'FY27' -> 2027.

    >>> [_fiscal_end(FISCAL_SHORT.search(t)) for t in ("its 2025-26 budget", "by FY27", "in 2024-19")]
    [2026, 2027, None]
    """
    if m.group(3):
        return 2000 + int(m.group(3))
    start = int(m.group(1))
    end = start - start % 100 + int(m.group(2))
    return end if end == start + 1 else None


def _recent(cands: list[tuple[int, int]], published_at: datetime | None) -> list[tuple[int, int]]:
    """Drop years that are already past when the story was published."""
    return [c for c in cands if published_at is None or c[1] >= published_at.year - 1]


def period_year(text: str, published_at: datetime | None, cfg: dict) -> int | None:
    """End year of a plan period stated in text: 'a plan covering 2022 to 2024', 'the program runs until 2025'.

    >>> from pipelines.extract.target_rules import target_rules
    >>> period_year("Its 2023-2025 action plan sets goals.", None, target_rules())
    2025
    """
    if not cfg["plan_noun_re"].search(text):
        return None
    cands = [(m.start(), int(m.group(2))) for m in YEAR_RANGE.finditer(text)]
    cands += [(m.start(), int(m.group(1))) for m in cfg["plan_period_re"].finditer(text)]
    cands = _recent(cands, published_at)
    return max(cands)[1] if cands else None


def deadline_year(text: str, published_at: datetime | None) -> int | None:
    """Last deadline ('by 2024', 'until 2025') stated in text.

    >>> deadline_year("by 2024 ... until 2025", datetime(2023, 1, 1))
    2025
    """
    cands = deadline_ends(text, published_at)
    return cands[-1][1] if cands else None


def deadline_ends(text: str, published_at: datetime | None) -> list[tuple[int, int]]:
    """(end, year) of each deadline stated in text that is not past, in text order: read once for a paragraph, then
    the last one before each figure is found by bisection (targets.py), not by reading the paragraph again per figure.

    >>> deadline_ends("by 2020, by 2024 and until 2025", datetime(2023, 1, 1))
    [(16, 2024), (31, 2025)]
    """
    return _recent([(m.end(), int(m.group(1))) for m in DEADLINE.finditer(text)], published_at)


def relative_year(match: re.Match, published_at: datetime | None, cfg: dict) -> int | None:
    """'within three years' -> publication year + 3; None without a publication date or a readable number.

    >>> from pipelines.extract.target_rules import target_rules
    >>> relative_year(re.search(r"within (?P<n>\\w+) years", "within three years"), datetime(2023, 6, 1), target_rules())
    2026
    """
    if published_at is None:
        return None
    groups = match.groupdict()
    if groups.get("decade"):
        return published_at.year + 10
    if groups.get("next") or groups.get("this"):
        return published_at.year + (1 if groups.get("next") else 0)
    word = (groups.get("n") or "").lower()
    n = int(word) if word.isdigit() else cfg["number_words"].get(word)
    return published_at.year + int(n) if n and 0 < int(n) <= 30 else None
