"""The page-wide date fallbacks of a text dump, for a story whose headline and first paragraph are dated by nothing:
the short line labelled as the publication date ('Posted on …', 'Published' over 'Feb 2, 2023', 'this post was
submitted on …'), and the one date a page prints alone on its lines; and the publication's date printed beside a
revision's by the headline."""
from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.parse.dates import find_date, parse_date
from pipelines.parse.rules import header_rules, text_rules
from pipelines.parse.text.view import may_hold, page_view

# The limits and publication verbs read here are the `header` section of pipelines/data/text_rules.yaml.


def labelled_date(texts: list[str], line: int, cards: range = range(0)) -> tuple[tuple[int, ...], object] | None:
    """(indexes of its lines, date) of the short line labelled as the publication date ('Posted on …', 'Last updated:
    …', 'Published: …', or the label alone over the date) nearest `line` (the story's first paragraph) anywhere on the
    page, when none sits by the title; not in `cards` (the other posts listed under a related-stories marker).

    >>> labelled_date(["Menu", "A story starts here and goes on.", "Share", "Posted on 2 March 2024 by Ann"], 1)
    ((3,), datetime.datetime(2024, 3, 2, 0, 0))
    >>> labelled_date(["Menu", "A story starts here and goes on.", "Published", "Mar 2, 2024"], 1)
    ((2, 3), datetime.datetime(2024, 3, 2, 0, 0))
    >>> labelled_date(["Menu", "A story starts here and goes on.", "this post was submitted on 04 Mar 2026"], 1)
    ((2,), datetime.datetime(2026, 3, 4, 0, 0))
    """
    prefix, lim = text_rules().date_prefix, header_rules().limits
    found = []
    for i, text in enumerate(texts):
        if i in cards:
            continue
        if label := prefix.match(text):
            if len(text.split()) > lim.dateline_max_words:
                continue
            dated = _label_date(texts, i)
        elif len(text) <= lim.label_in_line_max_chars and (label := _label_in_line(text)) \
                and len(text.split()) <= lim.fallback_max_words:
            dated = (i,), parse_date(text)
        else:
            continue
        if dated and dated[1]:
            found.append(("updated" in label.group(0).lower(), abs(i - line), *dated))
    return min(found)[2:] if found else None  # a publication's label before a revision's ('Updated …'), then the nearest


def wire_dateline_day(texts: Sequence[str], first: int):
    """The date of the newswire dateline opening the story's first paragraph at `first` ('PARIS, March 5, 2024
    /PRNewswire/ -- Acme …', 'LONDON--(BUSINESS WIRE)--March 5, 2024--Acme …'), else None: a press release is dated
    by its dateline. Only the first paragraph is read: a release quoted lower in the story is an older one's.

    >>> wire_dateline_day(["Acme opens a store", "SINGAPORE, March 5, 2024 (GLOBE NEWSWIRE) -- Acme said it grew."], 1)
    datetime.datetime(2024, 3, 5, 0, 0)
    >>> wire_dateline_day(["Acme opens a store", "Beijing, March 5 (Xinhua) -- Acme said it grew."], 1) is None
    True
    >>> wire_dateline_day(["南山区发布措施", "深圳新闻网2024年3月20日讯（记者 黄伟）南山区发布措施。"], 1)
    datetime.datetime(2024, 3, 20, 0, 0)
    """
    if not 0 <= first < len(texts):
        return None
    if (han := text_rules().han_wire_dateline.match(texts[first])) and han.group("date"):
        return parse_date(han.group("date"))  # '深圳新闻网2024年3月20日讯（记者 黄伟）…'
    found = wire_dateline(texts[first])
    return parse_date(found.group("date")) if found else None


def wire_dateline(paragraph: str) -> re.Match | None:
    """The newswire dateline opening a paragraph ('PARIS, March 5, 2024 /PRNewswire/ -- '), else None (a dateline
    opens with a capital: other paragraphs are not matched against the patterns).

    >>> wire_dateline("SINGAPORE, March 5, 2024 (GLOBE NEWSWIRE) -- Acme said it grew.").group("date")
    'March 5, 2024'
    """
    if not paragraph[:1].isupper():
        return None
    return next((found for pattern in text_rules().wire_datelines if (found := pattern.match(paragraph))), None)


def is_activity_date(texts: Sequence[str], i: int, start: int) -> bool:
    """True when the date starting at character `start` of line `i` is a forum member's or a thread's, not the post's:
    a member's joining date ('Joined' over 'Nov 4, 2013', 'Member since: Nov 4, 2013') or the thread's latest activity
    ('5 replies · last post by bo_chen Jun 5, 2024'), by the label before it on its line or alone on the line over it.

    >>> is_activity_date(["Ann", "Joined", "Nov 4, 2013"], 2, 0)
    True
    >>> is_activity_date(["12 replies last post by bo Jun 5, 2024"], 0, 26)
    True
    >>> is_activity_date(["A title", "Posted", "Jun 5, 2024"], 2, 0), is_activity_date(["Updated on Jun 5, 2024"], 0, 11)
    (False, False)
    """
    label, before = header_rules().activity_date_label, texts[i][:start]
    if before.strip():
        return label.search(before) is not None
    return i > 0 and label.fullmatch(texts[i - 1].strip()) is not None


def card_date(texts: Sequence[str], i: int, end: int) -> bool:
    """True when the date alone on line `i` is one of a list's above line `end` (the headline): another date alone on
    its line two lines over or under it (above `end`), giving another day, with one line between (a card's headline: 'A
    park opens' / 'Feb 1, 2024' / 'A fund starts' / 'Jan 15, 2024', the other posts a sidebar printed first lists). A
    header prints its story's date once; its revision's date is labelled ('Updated …') and so not alone.

    >>> card_date(["Recent Posts", "A park opens", "Feb 1, 2024", "A fund starts", "Jan 15, 2024", "City sets up a fund"], 4, 5)
    True
    >>> card_date(["Menu", "Technology", "Mar 3, 2024", "City sets up a fund", "Jan 15, 2024"], 2, 3)
    False
    """
    day = _alone_date(texts, i)
    return day is not None and any((other := _alone_date(texts, k)) is not None and other != day
                                   for k in (i - 2, i + 2) if 0 <= k < end and _alone_date(texts, (i + k) // 2) is None)


def _alone_date(texts: Sequence[str], i: int):
    """The day of the date printed alone on line `i` (at most limits.lone_date_rest other characters), else None."""
    found = find_date(texts[i])
    if not found or len(texts[i].strip()) - len(found.group(0)) > header_rules().limits.lone_date_rest:
        return None
    value = parse_date(found.group(0))
    return value.date() if value else None


def _label_in_line(text: str) -> re.Match | None:
    """The publication label written just before a short line's date ('this post was submitted on 04 Mar 2026',
    'This page was last updated on 2026-01-26'), else None. A line that closes with a full stop is a sentence of the
    story ('The final rules were released on March 3, 2024.'), not a label."""
    rules = header_rules()
    if "ed " not in text or text.rstrip().endswith(".") or not rules.publication_verb.search(text) \
            or not (date := find_date(text)):  # each verb ends in "ed"
        return None
    return rules.label_before_date.search(text, 0, date.start())


def lone_date(texts: Sequence[str], stop: int | None = None, datelines: frozenset[int] = frozenset()) \
        -> tuple[tuple[int, ...], object] | None:
    """(indexes, date) of the date printed alone on its line ('April 8, 2024', 'Published April 8, 2024') when every
    such line on the page above `stop` gives the same day: a page that prints one date by itself is dated by it (a page
    with several, a listing or a thread, is not), when nothing by the title or the story's first paragraph dates it.
    `stop` is where the story's own part of the page ends (the first related-stories or reader-comment heading under
    it): a date under it is a related story's or a comment's. The lines in `datelines` (read as a dateline: the date with
    only a name or a section beside it, 'Ann Lee • November 4th, 2025') count as printed alone.

    >>> lone_date(["Menu", "A story starts here and goes on, with more words.", "April 8, 2024", "Share"])
    ((2,), datetime.datetime(2024, 4, 8, 0, 0))
    >>> lone_date(["Menu", "April 8, 2024", "One more story", "May 2, 2024"]) is None
    True
    >>> lone_date(["A story starts here and goes on, with more words.", "Related", "A park opens", "May 2, 2024"], 1) is None
    True
    """
    found, days, rules, view = [], set(), header_rules(), page_view(texts)
    end = len(view.page) if stop is None or stop >= len(view) else max(0, view.starts[stop] - 1)  # the page above `stop`
    for short in rules.short_year_line.finditer(view.page, 0, end):  # the short lines holding a year, found by one search (speed)
        line, text = view.line_at(short.start()), short.group(0)
        if (date := find_date(text)) and (len(text) - len(date.group(0)) <= rules.limits.lone_date_rest or line in datelines) \
                and not is_activity_date(view, line, date.start()) and (value := parse_date(text)):
            found.append(line)
            days.add(value.date())
            if len(days) > 1:
                return None
    return (tuple(found), parse_date(view[found[0]])) if found else None


def _label_date(texts: list[str], i: int) -> tuple[tuple[int, ...], object] | None:
    """(lines, date) of the labelled line at `i`: the date on the line itself ('Posted on 2 March 2024'), or, for a label
    alone on its line ('Published', 'Updated:'), on the short line under it (pages print label and value apart)."""
    if value := parse_date(texts[i]):
        return (i,), value
    if text_rules().date_prefix.fullmatch(texts[i]) and i + 1 < len(texts) \
            and len(texts[i + 1].split()) <= header_rules().limits.fallback_max_words and (value := parse_date(texts[i + 1])):
        return (i, i + 1), value
    return None


def published_over_revised(texts: Sequence[str], value, lo: int, hi: int):
    """The publication's date when `value` is a revision's and the publication's is printed beside it in lines `lo` to
    `hi` (the header): 'Updated: Mar 5, 2024 | Published: Mar 3, 2024', or 'Updated March 5, 2024' over 'Published
    March 3, 2024'; else None. A header printing only the revision's date keeps it (the best day the page gives).

    >>> published_over_revised(["A title", "Updated: Mar 5, 2024 | Published: Mar 3, 2024"], parse_date("Mar 5, 2024"), 0, 2)
    datetime.datetime(2024, 3, 3, 0, 0)
    >>> published_over_revised(["A title", "Published: Mar 3, 2024 | Updated: Mar 5, 2024"], parse_date("Mar 3, 2024"), 0, 2) is None
    True
    """
    rules, revised, published, view = text_rules(), False, [], page_view(texts)
    longest = header_rules().limits.dateline_max_words
    lo, hi = max(0, lo), min(len(view), hi)
    if lo >= hi:
        return None
    header = view.page[view.starts[max(0, lo - 1)]:view.starts[hi - 1] + len(view[hi - 1])]  # with the label line over it
    if not may_hold(header.lower(), header, rules.revision_label_cues):
        return None  # no revision's label: the header's date is the publication's
    for i in range(lo, hi):
        text, at, found = view[i], 0, view.date(i)
        if not found or len(text.split()) > longest:
            continue
        while found:
            label = text[at:at + found.start()]
            if not label.strip() and i > 0 and rules.date_prefix.fullmatch(texts[i - 1]):
                label = texts[i - 1]  # the label alone on the line over the date
            day = parse_date(found.group(0))
            if day and rules.revision_label.search(label):
                revised |= day.date() == value.date()
            elif day and rules.publication_label.search(label):
                published.append(day)
            at += found.end()
            found = find_date(text[at:])
    return next((day for day in published if day.date() != value.date()), None) if revised else None


def asked_date(texts: list[str], asker_line: int):
    """The date of the 'asked <date>' line over (or holding) a Q&A page's asker, found at `asker_line`: the question's
    publication, which a revision's ('edited <date>') by the headline does not replace.

    >>> asked_date(["How do I stop sleep?", "edited Oct 2, 2015", "asked Jun 14, 2015 at 8:05", "bo_chen"], 3)
    datetime.datetime(2015, 6, 14, 8, 5)
    """
    for i in (asker_line, asker_line - 1):
        if 0 <= i < len(texts) and texts[i].lower().startswith("asked ") and (value := parse_date(texts[i])):
            return value
    return None
