"""Dates as news pages write them: 'January 20, 2024, 10:30 AM', '2022-07-06', '30 June 2023', 'Mon Jun 30, 2025 7:02 am'."""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from dateutil import parser as dateutil_parser

MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# A date somewhere in a line: 'May 26, 2023', '26 May 2023', '2023-05-26', '2023/05/26', with an optional time.
DATE_PATTERN = re.compile(
    rf"(?:\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{4}}"
    r"|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?",
)


def parse_date(text: str | None) -> datetime | None:
    """Parse the first date written in `text`; naive datetime (offsets dropped), None when there is none.

    >>> parse_date("Policy & Regulation·January 20, 2024, 10:30 AM")
    datetime.datetime(2024, 1, 20, 10, 30)
    >>> parse_date("Release date: 2022-07-06")
    datetime.datetime(2022, 7, 6, 0, 0)
    >>> parse_date("no date here") is None
    True
    """
    if not text:
        return None
    match = DATE_PATTERN.search(text)
    return _read_date(match.group(0)) if match else None


@lru_cache(maxsize=4096)
def _read_date(written: str) -> datetime | None:
    """One date as matched by DATE_PATTERN (pages repeat theirs: the cache spares dateutil)."""
    try:
        value = dateutil_parser.parse(written.replace("·", " "), fuzzy=True, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if not 1990 <= value.year <= 2100:
        return None
    return value.replace(tzinfo=None)
