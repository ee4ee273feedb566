"""Who started a thread or submitted a post, as forum, Q&A and link-aggregator engines print it in a text dump: the
thread starter's label ('Thread starter ann_lee'), the asker under a Q&A engine's one 'asked <date>' line, the one
'submitted 3 hours ago by kim_o' line of a link aggregator, and the poster over a forum member's rank ('kim_o' over
'Senior Member'). Generic engines' furniture (the labels are in pipelines/data/text_rules.yaml), not one site's.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipelines.parse.text.line_features import stop_words
from pipelines.parse.rules import header_rules, text_rules
from pipelines.parse.text.bylines import dateline_rest
from pipelines.parse.text.names import name_alone, plausible_name
from pipelines.parse.text.view import lowered, may_hold, page_view


def thread_author(texts: Sequence[str]) -> tuple[int, str] | None:
    """(line index, name) of the label a forum engine prints by the thread's starter ('Thread starter Ann',
    'Ann Discussion starter'), else None.

    >>> thread_author(["Menu", "Thread starter ann_lee", "Jan 5, 2024"])
    (1, 'ann_lee')
    """
    view = page_view(texts)
    found = _thread_labels(view.page)
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return view.line_at(first.start()), first.group("name")


HANDLE = re.compile(r"[\w.\-]{2,40}")


def _poster_name(text: str) -> bool:
    """True when `text` is what a forum or Q&A engine prints as a poster: a handle ('kim_o') or a person's name
    ('Ann Lee'), not a number (a post count)."""
    return bool(HANDLE.fullmatch(text) or name_alone(text)) and not text.isdigit()


def question_asker(texts: Sequence[str]) -> tuple[int, str] | None:
    """(line index, name) of the asker printed under a Q&A engine's one 'asked <date>' line ('asked Mar 9, 2021 at 7:02'
    over 'bo_chen'), else None (no such line, or several: a list of questions).

    >>> question_asker(["How do I stop sleep?", "I tried this.", "asked Mar 9, 2021 at 7:02", "bo_chen", "1 answer"])
    (3, 'bo_chen')
    """
    view, rules = page_view(texts), text_rules()
    if not view.may_hold((rules.question_asker_cue,)):
        return None
    found = list(rules.question_asker.finditer(view.page))
    if len(found) != 1 or dateline_rest(view[view.line_at(found[0].start())], labelled=True) is None:
        return None  # no such line, a list of questions, or a sentence ('Asked whether grants go out in 2024, he …')
    name = found[0].group("name").strip()
    if not _poster_name(name):
        return None
    return view.line_at(found[0].start("name")), name


def link_submitter(texts: Sequence[str], stop: int) -> tuple[int, str] | None:
    """(line index, name) of the one line on the page saying who submitted the post to a link aggregator ('submitted
    3 hours ago by kim_o to r/harbour'), printed above `stop` (the story's end: under a comment heading, such a line
    heads a reader's comment), else None (no such line, several: a listing of posts, or one under the story's end).

    >>> link_submitter(["A harbour opens", "submitted 3 hours ago by kim_o to r/harbour", "12 comments"], 3)
    (1, 'kim_o')
    >>> link_submitter(["submitted 3 hours ago by kim_o", "submitted 5 hours ago by bo_chen"], 2) is None
    True
    >>> link_submitter(["A harbour opens", "Comments", "submitted 3 hours ago by kim_o"], 1) is None
    True
    """
    view, rules = page_view(texts), text_rules()
    if not view.may_hold(rules.submitter_cues):
        return None
    found = list(rules.submitter.finditer(view.page))
    if len(found) != 1 or (line := view.line_at(found[0].start())) >= stop:
        return None
    return line, found[0].group("name").rstrip(".")


def poster_over_rank(texts: Sequence[str], stop: int) -> tuple[int, str] | None:
    """(line index, name) of the poster printed over the page's first forum member's rank above `stop` (the story's end:
    under a news story, a comment heading opens readers' posts, each poster over a rank): 'kim_o' over 'Senior Member'
    opens a thread's first post, so its poster started the thread, when the member's details (a date, a post count)
    follow the rank; else None (no rank printed, no name or handle over it, or no details under it: a roster).

    >>> poster_over_rank(["Which board to buy?", "Mar 2, 2024", "kim_o", "Registered User", "Join Date: Mar 2016"], 5)
    (2, 'kim_o')
    >>> poster_over_rank(["Menu", "Search", "User", "A page about users"], 4) is None
    True
    """
    view, rules = page_view(texts), header_rules()
    if not view.may_hold(rules.member_rank_cues):
        return None
    for i in range(1, min(stop, len(view))):
        if rules.member_rank.fullmatch(view[i].strip()):
            name = view[i - 1].strip()
            if _poster_name(name) and plausible_name(name, view.page) and _member_details_under(view, i):
                return i - 1, name
            return None
    return None


def poster_beside_time(texts: Sequence[str], title: int, stop: int) -> tuple[int, str] | None:
    """(line index, handle) of the first short line under the thread's title at `title` (above `stop`, before the first
    post's text) that prints a poster's handle right before how long ago they posted ('kim_o 2 years ago#1',
    'via kim_o 1 year ago | caches', '123 points by kim_o 3 hours ago | hide'), else None. Under the first post's text
    such a line is a reply's, and over the title a sidebar's ('Latest' / 'by bo_chen 3 hours ago'). A label printed the
    same way names no one ('Published 6 hours ago', 'Last reply 2 days ago'), nor does a bare word with a separator
    before the time: a card's section ('Politics · 5 hours ago').

    >>> poster_beside_time(["Boards", "Which tent to buy?", "kim_o 2 years ago#1", "I cannot decide."], 1, 4)
    (2, 'kim_o')
    >>> poster_beside_time(["A harbour opens", "Published 6 hours ago", "The city opened a park."], 0, 3) is None
    True
    """
    rules, lim = text_rules(), header_rules().limits
    for i in range(title + 1, min(len(texts), stop, title + 1 + lim.headline_meta_reach)):
        text = texts[i].strip()
        words = len(text.split())
        if not (found := words <= lim.dateline_max_words and rules.poster_time.match(text)):
            if words > lim.fallback_max_words or text.endswith((".", "?", "!")):
                return None  # the first post's text: a handle under it is a reply's
            continue
        name = found.group("name")
        bare_fields = not found.group("prefix") and not found.group("community") and found.group("separator").strip()
        if not bare_fields and not rules.poster_time_labels.fullmatch(name) and name.lower() not in stop_words() \
                and not name.isdigit():
            return i, name
    return None


DIGIT = re.compile(r"\d")


def _member_details_under(texts: Sequence[str], i: int) -> bool:
    """True when a forum member's details follow the rank at line `i` within limits.name_near_date lines: a date (the
    post's or the member's joining), a count ('#1', 'Posts: 12', 'Join Date: Mar 2016') or a joining label alone
    ('Joined'). A committee's roster ('Bo Chen' / 'Member' / 'Kim Ortiz' / 'Member') prints none.

    >>> _member_details_under(["kim_o", "Senior Member", "Joined", "Nov 4, 2013"], 1)
    True
    >>> _member_details_under(["Bo Chen", "Member", "Kim Ortiz", "Member"], 1)
    False
    """
    head = header_rules()
    below = range(i + 1, min(len(texts), i + 1 + head.limits.name_near_date))
    return any(DIGIT.search(texts[k]) or head.activity_date_label.fullmatch(texts[k].strip()) for k in below)


@lru_cache(maxsize=2)
def _thread_labels(page: str) -> tuple[re.Match, ...]:
    """Every thread-starter label on the page (the title and the author are read from one search of it: the page's
    search is kept for the second reader); a page holding none of the labels' words is not searched."""
    rules = text_rules()
    if not may_hold(lowered(page), page, rules.thread_author_cues):
        return ()
    return tuple(m for pattern in rules.thread_author for m in pattern.finditer(page))
