"""Who started a thread or submitted a post, as forum, Q&A and link-aggregator engines print it in a text dump: the
thread starter's label ('Thread starter ann_lee'), the asker under a Q&A engine's one 'asked <date>' line, the one
'submitted 3 hours ago by kim_o' line of a link aggregator, and the poster over a forum member's rank ('kim_o' over
'Senior Member'). Generic engines' furniture (the labels are in pipelines/data/text_rules.yaml), not one site's.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from pipelines.parse.text.line_features import stop_words
from pipelines.parse.rules import header_rules, text_rules
from pipelines.parse.text.bylines import dateline_rest
from pipelines.parse.text.dates import is_activity_date
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


# What only a handle holds: an underscore, a capital inside ('JonB'), a digit inside its letters ('Need2Know') or after
# four letters ('Alphabyte1'); a section's name holds digits otherwise ('Web3', 'COVID-19').
HANDLE_MARK = re.compile(r"_|[a-z][A-Z]|\d[^\W\d_]|[^\W\d_]{4}\d+$")
TWO_LETTERS = re.compile(r"[^\W\d_].*[^\W\d_]")  # a handle holds two letters: '2.25.1' or 'v2.1' is a version


def poster_beside_date(texts: Sequence[str], title: int, stop: int, thread: Callable[[], bool]) -> tuple[int, str] | None:
    """(line index, handle) of the poster a forum or code-hosting engine prints by the first post's date under the
    thread's title at `title` (above `stop`, before the first post's text), else None: on the date's line before it
    ('Post by kim_o » Tue Feb 20, 2026', 'By kim_o, February 20, 2026 in Hardware', 'kim_o opened this issue on Feb 20,
    2026'; text_rules' poster_date), or alone on the line over it, when the handle reads as one (an underscore, a
    digit or a capital inside: 'kim_o', 'JonB') and the date is labelled as a post's ('Posted February 20, 2026',
    'opened on Feb 20, 2026') or the page is a thread (`thread()`, asked only then: it prints comment actions under
    its posts). A member's joining date is passed over ('Joined: Mon Jan 06, 2020').

    >>> poster_beside_date(["Boards", "Which tent to buy?", "Post by kim_o » Tue Feb 20, 2026 10:32 am", "I cannot decide."], 1, 4, lambda: False)
    (2, 'kim_o')
    >>> poster_beside_date(["Repo", "Board does not boot", "kim_o", "opened on Feb 20, 2026", "It hangs."], 1, 5, lambda: False)
    (2, 'kim_o')
    >>> poster_beside_date(["News", "City opens a park", "Web3", "March 3, 2024", "The city opened a park."], 1, 5, lambda: False) is None
    True
    """
    view, lim = page_view(texts), header_rules().limits
    for i in range(title + 1, min(len(view), stop, title + 1 + lim.meta_below_title)):
        text = view[i].strip()
        found = view.date(i) if len(text.split()) <= lim.dateline_max_words else None
        if found and not is_activity_date(view, i, found.start()):
            before = text[:found.start()]
            if poster := _poster_before_date(before):
                return i, poster
            label_alone = not before.strip() and _post_label(view[i - 1])  # 'kim_o' / 'Posted' / 'Feb 20, 2026'
            above = i - 2 if label_alone else i - 1
            if above > title and _handle(view[above].strip()) and (label_alone or _post_label(before) or thread()):
                return above, view[above].strip()
            return None  # the first post's date: no poster printed by it
        if len(text.split()) > lim.fallback_max_words or text.endswith((".", "?", "!")):
            return None  # the first post's text
    return None


def _poster_before_date(before: str) -> str | None:
    """The poster's handle in the text before a post's date ('Post by kim_o » ', 'kim_o opened this issue on '), else
    None: none with no prefix nor verb unless it reads as a handle, and no label or function word ('Posted ')."""
    found = text_rules().poster_date.fullmatch(before)
    if not found:
        return None
    name = found.group("name")
    if name.lower() in stop_words() or text_rules().poster_time_labels.fullmatch(name) or not TWO_LETTERS.search(name):
        return None
    return name if found.group("prefix") or found.group("verb") or _handle(name) else None


def mail_sender(texts: Sequence[str], title: int, stop: int) -> tuple[int, str] | None:
    """(line index, name) of the sender a mail archive prints in the header of the message under its title at `title`
    ('From: Kim Ortiz <kim@example.org>' by 'Date: …' or 'Subject: …'), within limits.meta_below_title lines and above
    `stop`, else None: a 'From:' line with no other header line by it is a story's label ('From: the editors').

    >>> mail_sender(["Board does not boot", "From: Kim Ortiz <kim@example.org>", "Date: Tue, 20 Feb 2026", "It hangs."], 0, 4)
    (1, 'Kim Ortiz')
    >>> mail_sender(["Board does not boot", "From: the editors", "It hangs on boot, every time, they wrote."], 0, 3) is None
    True
    """
    rules, lim = text_rules(), header_rules().limits
    end = min(len(texts), stop, title + 1 + lim.meta_below_title)
    for i in range(title + 1, end):
        if not (sender := rules.mail_from.fullmatch(texts[i].strip())):
            continue
        near = range(max(0, i - lim.name_near_date), min(len(texts), i + lim.name_near_date + 1))
        name = sender.group("name").strip()
        if any(rules.mail_header.fullmatch(texts[k].strip()) for k in near if k != i) \
                and (name_alone(name) or _handle(name)):
            return i, name
    return None


def _post_label(text: str) -> bool:
    """True when `text` labels a post's date ('Posted', 'opened on', 'commented on:'; text_rules' post_date_label)."""
    return bool(text.strip()) and text_rules().post_date_label.fullmatch(text.strip()) is not None


def _handle(text: str) -> bool:
    """True when `text` is one token that reads as a user's handle ('kim_o', 'JonB', 'Alphabyte1'), not a word or a
    version number ('2.25.1').

    >>> [_handle(t) for t in ["kim_o", "JonB", "Alphabyte1", "Need2Know", "Hardware", "2.25.1", "v2.1", "Web3", "COVID-19"]]
    [True, True, True, True, False, False, False, False, False]
    """
    return bool(HANDLE.fullmatch(text) and HANDLE_MARK.search(text) and TWO_LETTERS.search(text))


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
