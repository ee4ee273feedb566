"""Bylines of a text dump: the name of a line's 'By …' part ('Posted by Ann Lee | May 2, 2024'), also after a sentence
on the same line, or of a Chinese writer's field; and the shapes blog and forum engines give them beside the post's
date: 'Posted on June 3, 2021 by ann_lee' (a handle in lower case is a name there), 'February 11th, 2022 by Ann Lee'
(the date opening the line stands for the label)."""
from __future__ import annotations

import re

from pipelines.parse.dates import MONTHS, find_date
from pipelines.parse.text.line_features import stop_words
from pipelines.parse.rules import header_rules, text_rules
from pipelines.parse.text.names import calendar_word, without_glued_label
from pipelines.parse.text.view import may_hold

# A date's month run into a byline's name ('By Ann LeeMarch 3, 2024'), followed by its day: 'DeMarco' holds none.
GLUED_DATE = re.compile(rf"(?<=[a-z])(?-i:(?=[A-Z])){MONTHS}\s*\d")
INLINE_BY = re.compile(r"(?<=[.!?…”\"]\s)(?=By\s)")  # a byline after a sentence on the same line (it holds 'By')
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


def byline_name(text: str) -> str | None:
    """The name of a 'By …' part of a line ('Posted by Ann Lee | May 2, 2024' -> 'Ann Lee'), also after a
    sentence ('… for growth. By Ann Lee on May 2, 2024'), or of a Chinese writer's field ('来源：四川日报 作者：李华').

    >>> byline_name("2023年5月3日 10:00 来源：四川日报 作者：李华 责任编辑：张伟")
    '李华'
    """
    rules, lead = text_rules(), header_rules().byline_lead
    if not text.isascii() and (han := rules.han_byline.search(text)):
        return han.group("name")
    if not may_hold(text.lower(), text, rules.byline_cues):
        return None  # no 'by' or 'author' in any case: no byline and no handle after a dated line's 'by'
    parts = [lead.sub("", part.strip()) for part in rules.separators.split(text)]
    parts += [text[m.end():] for m in _inline_bylines(text)]
    if (rest := dateline_rest(text)) is not None:  # 'Posted on May 2, 2024 by Ann Lee - 5 Comments on …'
        parts.append(rest)
    elif (after := _after_date(text)) is not None:  # 'This entry was posted in News on May 2, 2024 by Ann Lee.'
        parts.append(after)
    for part in parts:
        match = rules.byline.match(part)
        if match:
            return _before_date(_whole_name(part, match).strip())
    return handle_after_date(rest) if rest else None  # 'Posted on June 3, 2021 by ann_lee'


def _after_date(text: str) -> str | None:
    """What follows a line's first date when it opens with 'by', without the sentence's full stop, on a blog engine's
    post line, which says the post was posted ('This entry was posted in News on May 2, 2024 by Ann Lee.' -> 'by Ann
    Lee'); else None: a revision's line names an editor ('This page was last modified on May 2, 2024 by Bo Chen'), a
    republished story's its first publisher ('… originally published on May 2, 2024 by The Daily Courier').

    >>> _after_date("This entry was posted in News on May 2, 2024 by Ann Lee."), _after_date("Rates rose on May 2, 2024.")
    ('by Ann Lee', None)
    >>> _after_date("This page was last modified on May 2, 2024 by Bo Chen."), _after_date("First published on May 2, 2024 by The Courier.")
    (None, None)
    """
    found = find_date(text)
    rest = text[found.end():].lstrip(" ,") if found else ""
    if rest[:3].lower() != "by " or "posted" not in text[:found.start()].lower():
        return None
    return rest.rstrip(".")


def byline_tail(text: str) -> str | None:
    """The short 'By …' part that ends a long line after a sentence ('… beyond the U.S. and Canada. By Ann Lee on
    May 2, 2024' -> 'By Ann Lee on May 2, 2024'), else None.

    >>> byline_tail("The chain wants to grow well beyond its home market in the next five years. By Ann Lee on May 2, 2024")
    'By Ann Lee on May 2, 2024'
    """
    found = _inline_bylines(text)
    tail = text[found[-1].end():] if found else ""
    return tail if tail and len(tail.split()) <= header_rules().limits.fallback_max_words else None


def _inline_bylines(text: str) -> list[re.Match]:
    """INLINE_BY's matches in `text`, none looked for in a line without 'By' (the pattern's scan of a long line is slow)."""
    return list(INLINE_BY.finditer(text)) if "By" in text else []


def _whole_name(part: str, match: re.Match) -> str:
    """A byline's name with the rest of a surname that a particle in lower case splits ('By Ana de la Cruz': the
    pattern stops at 'de'; header.labels.name_particles), or without the date's month glued to its end ('By Ann
    LeeMarch 3, 2024'), else the matched name.

    >>> [_whole_name(t, text_rules().byline.match(t)) for t in ["By Ann LeeMarch 3, 2024", "By Ann DeMarco"]]
    ['Ann Lee', 'Ann DeMarco']

    >>> _whole_name("By Ana de la Cruz, Reuters", text_rules().byline.match("By Ana de la Cruz, Reuters"))
    'Ana de la Cruz'
    >>> _whole_name("By Ana de Leon and the team", text_rules().byline.match("By Ana de Leon and the team"))
    'Ana de Leon'
    """
    name, tail = match.group("name"), part[match.end("name"):]
    if (glued := GLUED_DATE.search(name + tail[:4])) and glued.start() < len(name):
        return name[:glued.start()]  # 'By Ann LeeMarch 3, 2024': the date's month glued to the name
    words = tail.split(maxsplit=4)
    particles = [w for w in words[:3]] if words and words[0] in header_rules().name_particles else []
    while particles and particles[0] in header_rules().name_particles:
        particles.pop(0)
        name_end = particles[0].rstrip(",.;:") if particles else ""
        if name_end[:1].isupper() and name_end.replace("-", "").replace("'", "").isalpha():
            return f"{name} {' '.join(words[:words.index(particles[0])])} {name_end}"
    return name


def _before_date(name: str) -> str:
    """A byline's name without the date run into it ('ANN LEE ON JANUARY 21' -> 'ANN LEE')."""
    words = without_glued_label(name).split()
    cut = next((n for n, w in enumerate(words) if n and (calendar_word().fullmatch(w) or w.lower() in ("on", "at"))), len(words))
    return " ".join(words[:cut])
