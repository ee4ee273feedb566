"""Bylines of a text dump printed in the shapes blog and forum engines give them, beside the post's date: 'Posted on
June 3, 2021 by ann_lee' (a handle in lower case is a name there), 'February 11th, 2022 by Ann Lee' (the date opening
the line stands for the label)."""
from __future__ import annotations

import re

from pipelines.parse.dates import find_date
from pipelines.parse.line_features import stop_words
from pipelines.parse.rules import header_rules, text_rules

# A user name in lower case after 'by' ('admin', 'ann_lee', 'j.doe'), ended by the line, a space or a separator; it
# holds a letter ('by 2025' names no one).
HANDLE_AFTER_BY = re.compile(r"(?i:by)\s+(?P<name>(?=[\w.\-]*[a-z])[a-z\d][\w.\-]{1,39}?)\.?(?=$|[\s,;|·•])")


def dateline_rest(text: str, labelled: bool = False) -> str | None:
    """What follows the date that opens a line, after a date label or (unless `labelled`) none ('Posted on May 2, 2024
    by Ann Lee - 5 Comments on <headline>' -> 'by Ann Lee - 5 Comments on <headline>': metadata however long the line
    runs on; 'February 11th, 2022 by Ann Lee' -> 'by Ann Lee'), else None (no date there, or after other words).

    >>> dateline_rest("Posted on May 2, 2024 by Ann Lee - 5 Comments"), dateline_rest("February 11th, 2022 by Ann Lee")
    ('by Ann Lee - 5 Comments', 'by Ann Lee')
    >>> dateline_rest("Edited August 9, 2021 by ann_lee"), dateline_rest("Our March 3, 2024 report"), dateline_rest("May 2, 2024", True)
    (None, None, None)
    """
    label = text_rules().date_prefix.match(text)
    if labelled and not label:
        return None
    start = label.end() if label else 0
    found = find_date(text[:header_rules().limits.labelled_date_reach])
    return text[found.end():].strip() if found and found.start() == start else None


def handle_after_date(rest: str) -> str | None:
    """The user name in lower case that follows a dateline's date ('by ann_lee' -> 'ann_lee'), else None (a function
    word is no name: 'March 3, 2024 by the council').

    >>> handle_after_date("by kim_o"), handle_after_date("by admin | 3 Comments"), handle_after_date("by Ann Lee")
    ('kim_o', 'admin', None)
    >>> handle_after_date("by the city council"), handle_after_date("by 2025"), handle_after_date("by 2025.")
    (None, None, None)
    """
    found = HANDLE_AFTER_BY.match(rest)
    return found.group("name") if found and found.group("name") not in stop_words() else None
