"""Dates as news pages write them: 'January 20, 2024, 10:30 AM', 'JUN 25, 2024', '2022-07-06', '30 June 2023',
'the 5th of May 2024', '19-Dec-2025', '15/12/2025', '2024年5月26日 10:00', '2024년 5월 26일', '2024. 5. 26.',
'Mon Jun 30, 2025 7:02 am', 'March 13,2024', '3 марта 2024'.

Only absolute dates: 'Published 3 hours ago' or 'Yesterday' name no day without the time the page was
fetched, so they are not read (the date stays null).
"""
from __future__ import annotations

import json
import re
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from dateutil import parser as dateutil_parser

MONTHS = (r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")  # any case: 'JUN 25, 2024'
DAY = r"\d{1,2}(?i:st|nd|rd|th)?"  # any case: 'DECEMBER 17TH 2025'
GLUED_START = r"(?:\b|(?<=[a-z])(?=[A-Z]))"  # a capitalised month run into the word before it: 'EditorialNovember 22, 2018'
# A date somewhere in a line, with an optional time: 'May 26, 2023', 'MAY 26 2023', '26 May 2023', 'the 26th of May, 2023',
# '26-May-2023', '2023-05-26' (also with / . or • between), '26/05/2023' or '05/26/2023', '2023年5月26日' (Korean
# '2023년 5월 26일'), Korean '2023. 5. 26.'; a comma may stand without its space ('May 26,2023').
DATE_PATTERN = re.compile(
    rf"(?:{GLUED_START}{MONTHS}\s+{DAY}(?:\s*,\s*|\s+)\d{{4}}"
    rf"|\b{DAY}(?:\s+of)?[\s-]{MONTHS}[\s,-]+\d{{4}}"
    r"|\b\d{4}[-/.•]\d{1,2}[-/.•]\d{1,2}(?:T\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b"
    r"|\b\d{4}\.\s\d{1,2}\.\s\d{1,2}\."
    r"|\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일])"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?",
)
YEAR = re.compile(r"\d{4}")  # every date above holds a year: a line without four digits in a row holds none
# A date written with another language's month name, day first ('04-ago-2021', '4 de agosto de 2021', '12. März
# 2024', '3 janvier 2024') or month first ('agosto 4, 2021'); the word is read as a month only when it names one in
# MONTH_NAMES_FILE (13 languages' CLDR names from babel, wide and abbreviated). Tried only where no English date is written.
FOREIGN_DATE = re.compile(r"\b(?P<day>\d{1,2})\.?(?:\s+de)?[\s-](?P<month>[^\W\d_]{3,})\.?(?:\s+de)?[\s,-]+(?P<year>\d{4})\b"
                          r"|\b(?P<month2>[^\W\d_]{3,})\.?\s+(?P<day2>\d{1,2}),?\s+(?P<year2>\d{4})\b")
MONTH_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "month_names.json"
FOUR_DIGITS = re.compile(r"\b\d{4}\b")
FOREIGN_REACH = 32  # characters a foreign date runs before its year ('4 de septiembre de ', '12. października ')
NOT_MONTHS = frozenset({"out", "set"})  # abbreviations ('out' for outubro, 'set' for settembre) that are English words
COMMA_BEFORE_YEAR = re.compile(r"\s*,(?=\d{4})")
NUMERIC_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
NUMERIC_ANYWHERE = re.compile(r"\b(\d{1,2})([/-])(\d{1,2})\2(\d{4})\b")
# A numeric date written with a two-digit year ('3/5/24', '05.03.24'), read only where a publication label stands
# before it (text_lines.read_meta): alone, '3/5/24' is as likely a score or a version.
SHORT_YEAR_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?![\d/.-])")
TIME_ONLY = re.compile(r",?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?")
WEEKDAY = re.compile(r"\b(?P<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?", re.I)  # 'Monday,', 'Thu.'
WEEKDAY_BEFORE = re.compile(WEEKDAY.pattern + r"\s*$", re.I)  # 'Monday, ' right before a date
NUMERIC_TAIL = re.compile(r"[/-]\d\d?[/-]\d{4}")  # what every NUMERIC_ANYWHERE holds, found ~4x faster (speed only)
# How the page being read writes numeric dates: None (the default: month first unless the first number cannot be a
# month, as HTML metadata and US pages write them), "dmy", "mdy", or "unknown" (an ambiguous numeric date is not read).
NUMERIC_ORDER: ContextVar[str | None] = ContextVar("NUMERIC_ORDER", default=None)


def numeric_order(text: str) -> str:
    """The order of the numeric dates a page writes, from the page's own unambiguous ones: 'dmy' when one has a first
    number over 12 ('19/02/2025'), 'mdy' when one has a second number over 12 ('10/13/2025'), else 'unknown'
    (both, or neither: '09/10/2025' alone could be either, and a guess would put a wrong day in the warehouse).

    >>> numeric_order("Posted 09/10/2025. Reply 19/02/2025"), numeric_order("09/10/2025 and 10/13/2025"), numeric_order("09/10/2025")
    ('dmy', 'mdy', 'unknown')
    """
    day_first = month_first = False
    for tail in NUMERIC_TAIL.finditer(text):  # whole dates looked for only where their tail is
        if found := NUMERIC_ANYWHERE.search(text, max(0, tail.start() - 2), tail.end() + 1):
            first, second = int(found.group(1)), int(found.group(3))
            day_first |= first > 12 >= second
            month_first |= second > 12 >= first
    return "dmy" if day_first and not month_first else "mdy" if month_first and not day_first else "unknown"


@contextmanager
def reading_order(order: str | None):
    """Read numeric dates in `order` (see NUMERIC_ORDER) inside the block: the text parser sets its page's order."""
    token = NUMERIC_ORDER.set(order)
    try:
        yield
    finally:
        NUMERIC_ORDER.reset(token)


def find_date(text: str | None) -> re.Match | None:
    """The first date written in `text` (DATE_PATTERN's match), None when there is none; cheap on lines without one.

    >>> find_date("BY ANN LEE PUBLISHED: JUN 25, 2024").group(0)
    'JUN 25, 2024'
    >>> find_date("Published 3 hours ago") is None
    True
    >>> find_date("EditorialNovember 22, 2018").group(0), find_date("DECEMBER 17TH 2025").group(0)
    ('November 22, 2018', 'DECEMBER 17TH 2025')
    >>> find_date("By: Ana Ruiz on 04-ago-2021 5:11:10").group(0), find_date("iPhone 15 Pro 2024") is None
    ('04-ago-2021', True)
    """
    if not text:
        return None
    return _short_date(text) if len(text) <= SHORT_LINE else _date_in(text)


SHORT_LINE = 200  # a line this short (a header's, a menu's) is looked up once per process: several readers ask for it


def _date_in(text: str) -> re.Match | None:
    """find_date on a text of any length."""
    if not YEAR.search(text):
        return None
    return DATE_PATTERN.search(text) or _foreign_date(text)


_short_date = lru_cache(maxsize=16384)(_date_in)


def _foreign_date(text: str) -> re.Match | None:
    """The first date in `text` written with another language's month name ('04-ago-2021'), else None; looked for only
    in the few characters before each year (a scan of the whole line cost as much as the English pattern's)."""
    for year in FOUR_DIGITS.finditer(text):
        for found in FOREIGN_DATE.finditer(text, max(0, year.start() - FOREIGN_REACH), year.end()):
            if found.end() == year.end() and _foreign_month(found) is not None:
                return found
    return None


def _foreign_month(found: re.Match) -> int | None:
    """The month number FOREIGN_DATE's match names, None when its word is no month."""
    return foreign_months().get(found.group("month") or found.group("month2"))


@lru_cache(maxsize=1)
def foreign_months() -> dict[str, int]:
    """Month names of the languages in MONTH_NAMES_FILE (babel's CLDR names, written by scripts/write_month_names.py),
    as their language writes them or in capitals ('mars', 'MARS'; German 'März', 'MÄRZ'), to their numbers; read the
    first time a page writes a date that needs them. An English word that is also a month's name is written in another
    case ('Top 10 Mars 2024 missions', 'Watch Gen 2, 2024': French and Italian write 'mars', 'gen'): no month."""
    names = json.loads(MONTH_NAMES_FILE.read_text())["months"]
    names |= {name.upper(): number for name, number in names.items()}
    return {name: number for name, number in names.items() if name.casefold() not in NOT_MONTHS}


def parse_date(text: str | None) -> datetime | None:
    """Parse the first date written in `text`; naive datetime (offsets dropped), None when there is none.

    >>> parse_date("Policy & Regulation·January 20, 2024, 10:30 AM")
    datetime.datetime(2024, 1, 20, 10, 30)
    >>> parse_date("Release date: 2022-07-06")
    datetime.datetime(2022, 7, 6, 0, 0)
    >>> parse_date("Posted on the 15th of June, 2024")
    datetime.datetime(2024, 6, 15, 0, 0)
    >>> parse_date("no date here") is None
    True
    >>> parse_date("Posted 05.06.2024"), parse_date("Posted 06.18.2025")
    (datetime.datetime(2024, 6, 5, 0, 0), datetime.datetime(2025, 6, 18, 0, 0))
    >>> parse_date("Publicado el 4 de agosto de 2021"), parse_date("12. März 2024")
    (datetime.datetime(2021, 8, 4, 0, 0), datetime.datetime(2024, 3, 12, 0, 0))
    """
    match = find_date(text)
    return read_found(match) if match else None


def read_found(found: re.Match) -> datetime | None:
    """The date of find_date's match `found` (parse_date for a line whose date was already found). A numeric date that
    reads either way ('11/4/2024') is read the way that falls on the weekday written before it ('Monday, 11/4/2024' is
    4 November), when one way does.

    >>> read_found(find_date("Monday, 11/4/2024, 15:20")), read_found(find_date("Thursday 4/11/2024"))
    (datetime.datetime(2024, 11, 4, 15, 20), datetime.datetime(2024, 4, 11, 0, 0))
    """
    order = NUMERIC_ORDER.get()
    numeric = NUMERIC_DAY_FIRST.match(found.group(0))
    if numeric and (weekday := WEEKDAY_BEFORE.search(found.string, max(0, found.start() - 12), found.start())):
        first, second = int(numeric.group(1)), int(numeric.group(3))
        if first <= 12 and second <= 12 and first != second:
            fits = [way for way in ("mdy", "dmy") if (value := _read_date(found.group(0), way))
                    and value.strftime("%a").lower() == weekday.group("day").lower()[:3]]
            order = fits[0] if len(fits) == 1 else order
    return _read_date(found.group(0), order)


@lru_cache(maxsize=4096)
def _read_date(written: str, order: str | None = None) -> datetime | None:
    """One date as matched by DATE_PATTERN (pages repeat theirs: the cache spares dateutil).

    Numeric dates with the year last are read month first ('05/06/2024' is May 6, as US pages write it)
    unless the first number cannot be a month ('15/06/2024') or dots separate them ('05.06.2024', the
    European form, day first; '06.18.2025', whose second number cannot be a month, is month first). With a page's `order` ('dmy', 'mdy', 'unknown'), an ambiguous one (both
    numbers 12 or under and different) is read in that order, or not at all when the order is unknown.
    """
    if cjk := CJK_DATE.match(written.strip()):  # its time, if any, after it ('2024年5月26日 10:00')
        year, month, day = map(int, cjk.groups())
        return _with_time(_checked(year, month, day), written.strip()[cjk.end():])
    if (foreign := FOREIGN_DATE.fullmatch(written)) and (month := _foreign_month(foreign)):
        return _checked(int(foreign.group("year") or foreign.group("year2")), month,
                        int(foreign.group("day") or foreign.group("day2")))
    if numeric := NUMERIC_DAY_FIRST.match(written):
        first, sep, second, year = numeric.groups()
        day_first = int(first) > 12 or sep == "." and int(second) <= 12  # '06.18.2025': dots, yet month first
        if order and not day_first and int(second) <= 12 and int(first) != int(second):
            if order == "unknown":
                return None
            day_first = order == "dmy"
        month, day = (int(second), int(first)) if day_first else (int(first), int(second))
        return _with_time(_checked(int(year), month, day), written[numeric.end():])
    cleaned = re.sub(r"\b(?:the|of)\b", " ", written.replace("·", " ").replace("•", "-"), flags=re.I)
    cleaned = COMMA_BEFORE_YEAR.sub(", ", cleaned)  # 'May 26,2023': dateutil would read 26 and take this year
    try:
        value = dateutil_parser.parse(cleaned, fuzzy=True, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if not 1990 <= value.year <= 2100:
        return None
    return value.replace(tzinfo=None)


def short_year_date(text: str) -> datetime | None:
    """The date `text` is, written with a two-digit year and maybe a time ('3/15/24', '05.03.24 10:30'), read as
    20xx (no page of the web is dated in another century's '24') in the page's numeric order as a four-digit year's
    would be; None for anything else.

    >>> short_year_date("3/15/24"), short_year_date("05.03.24 10:30")
    (datetime.datetime(2024, 3, 15, 0, 0), datetime.datetime(2024, 3, 5, 10, 30))
    >>> short_year_date("3/15/245") is None, short_year_date("3/15/24 was the score") is None
    (True, True)
    """
    found = SHORT_YEAR_DATE.match(text.strip())
    if not found:
        return None
    first, sep, second, year = found.groups()
    rest = text.strip()[found.end():]
    if rest.strip() and not TIME_ONLY.fullmatch(rest.strip()):
        return None
    return _read_date(f"{first}{sep}{second}{sep}20{year}{rest}", NUMERIC_ORDER.get())


def _with_time(value: datetime | None, rest: str) -> datetime | None:
    """`value` at the time of day written after its date ('10:00'), or as it is when none can be read there."""
    rest = rest.strip(" ,")
    if value and rest:
        try:
            return dateutil_parser.parse(rest, default=value)
        except (ValueError, OverflowError):
            pass
    return value


def _checked(year: int, month: int, day: int) -> datetime | None:
    """The date when it exists and falls in the years pages are dated in, else None."""
    try:
        value = datetime(year, month, day)
    except ValueError:
        return None
    return value if 1990 <= value.year <= 2100 else None
