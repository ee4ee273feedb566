"""A text dump's date and author, found from where they sit around the story's headline.

The headline is chosen by pipelines/parse/text/title.py; the date and author are read from the lines nearest it
(a dateline, 'By …', or a name printed next to the date), the way a reader finds them on the page.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.parse.dates import find_date, parse_date, read_found, short_year_date
from pipelines.parse.text.line_features import stop_words
from pipelines.parse.rules import header_rules, text_rules
from pipelines.parse.scripts import word_count
from pipelines.parse.text.byline_furniture import byline_furniture, header_reach, lines_beside
from pipelines.parse.text.bylines import byline_name, byline_tail, dateline_rest
from pipelines.parse.text.dates import card_date, is_activity_date
from pipelines.parse.text.names import credited_name, furniture_name, labelled_name, name_alone, plausible_name
from pipelines.parse.text.view import page_view

HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,6})?")  # one person's Chinese name ('张三', '阿卜杜·热合曼')

# The limits and English labels of the header (how far from the headline its date and author are looked for, 'Written
# by', 'Posted on', …) are the `header` section of pipelines/data/text_rules.yaml, read by header_rules(). Bylines are
# read by text/bylines.py, names judged by text/names.py, the credits forum, Q&A and link-aggregator engines print by
# text/engines.py.


def _name_beside_date(text: str, found) -> str | None:
    """The name printed on the same line as a date ('Ann Lee • May 2, 2024', 'May 2, 2024Ann Lee', 'Ann Lee - Updated on …').

    >>> import re; _name_beside_date("Ann Lee • Updated on May 2, 2024 • 5 min read", re.search("May 2, 2024", "Ann Lee • Updated on May 2, 2024"))
    'Ann Lee'
    """
    rest = text_rules().separators.split(text[:found.start()])[0]
    rest = header_rules().date_label_end.sub("", rest).strip(" -–—|·•,")
    if not rest:
        rest = text[found.end():].strip(" -–—|·•,")
    return name_alone(rest)


def dateline_name(texts: Sequence[str], lines: tuple[int, ...]) -> str | None:
    """The name printed beside the date, with no label, on the first of `lines` (a dateline read far from the
    headline) that prints one ('Ann Lee • October 7th, 2022'), or alone on the line over them ('Ann Lee' / 'Updated:' /
    'Jan 2, 2025'), also over the writer's role printed between ('Ann Lee' / 'Senior Reporter' / 'Jan 2, 2025'), else
    None ('Posted by …' lines are dated_byline's).

    >>> dateline_name(["Menu", "Ann Lee • October 7th, 2022", "A story starts here."], (1,))
    'Ann Lee'
    >>> dateline_name(["Menu", "Ann Lee", "Updated:", "Jan 2, 2025", "A story starts here."], (2, 3))
    'Ann Lee'
    >>> dateline_name(["Menu", "Ann Lee", "Senior Reporter", "Jan 2, 2025", "A story starts here."], (3,))
    'Ann Lee'
    """
    view = page_view(texts)
    for i in lines:
        if (found := view.date(i)) and (name := _name_beside_date(view[i], found)) and plausible_name(name, view.page):
            return name
    above = min(lines) - 1  # the name alone on the line over the dateline's ('Ann Lee' / 'Updated:' / 'May 2, 2024')
    if above > 0 and _role_line(view[above]):
        above -= 1  # the writer's role between the name and the date
    if above >= 0 and (name := name_alone(view[above])) and not _field_value(view, above) and plausible_name(name, view.page):
        return name
    return None


def labelled_author(texts: Sequence[str], line: int) -> tuple[tuple[int, ...], str] | None:
    """(indexes of its lines, name) of the writer's credit nearest `line` (the story's first paragraph) anywhere on the page:
    'Written by Ann Lee', or 'Article written by:' alone with the name on the next line ('Ann Lee, MD' or
    'Ann - Product marketer' give the name before the comma or separator), or a note under the post ('This post was
    written by Ann Lee, Head of …', measured up to its first comma), when none sits by the headline.

    >>> labelled_author(["Menu", "A story starts here and goes on.", "Article written by:", "Ann Lee, MD, Editor"], 1)
    ((2, 3), 'Ann Lee')
    """
    view, found = page_view(texts), []
    for i, text in enumerate(view):
        label = header_rules().writer_credit.match(text)
        measured = text.split(",")[0] if label and label.group("note") else text  # a note's role runs on after a comma
        if not label or len(measured.split()) > header_rules().limits.fallback_max_words:
            continue
        if label.end() == len(text.rstrip()) and i + 1 < len(texts):
            at, name = (i, i + 1), credited_name(texts[i + 1])
        else:
            at, name = (i,), byline_name(text) or credited_name(text[label.end():].strip())
        if name and labelled_name(name, view.page):
            found.append((abs(at[-1] - line), at, name))
    return min(found)[1:] if found else None


def dated_byline(texts: Sequence[str], stop: int) -> tuple[int, str] | None:
    """(index, name) of the line above `stop` (the story's end: related or comment headings, the footer) that credits a
    writer beside a date ('Posted by Ann Lee on August 21, 2019', 'Last updated March 3, 2025 by Ann Lee.'), when every
    such line there names the same person (a thread's posts, each 'Posted by' someone, name none), and nothing by the
    headline credits anyone.

    >>> dated_byline(["A story starts here and goes on.", "Posted by Ann Lee on August 21, 2019", "Comments"], 2)
    (1, 'Ann Lee')
    >>> dated_byline(["Posted by Ann Lee on May 2, 2024", "Posted by Bo Chen on May 3, 2024"], 2) is None
    True
    >>> dated_byline(["A story starts here and goes on.", "Last updated May 2, 2024 by Bo Chen", "View history"], 3) is None
    True
    """
    credits = _dated_credits(texts, min(stop, len(texts)))
    return credits[0] if len({name.casefold() for _, name in credits}) == 1 else None


def post_credit_on_day(texts: Sequence[str], day) -> tuple[int, str] | None:
    """(index, name) of the page's only dated writer's credit, anywhere on it, when it is dated `day` (the day printed
    by the headline) and no comment action is printed under it: a blog engine prints its post's credit under the
    comment box ('Load comments' / 'Posted by Ann Lee on 2024-05-02'). A reader's comment ('Posted by Bo Chen on …' over
    its text and 'Reply') or other posts' cards in a sidebar are dated the story's day too: several credits, or one over
    a comment's actions, name none. With no day by the headline (`day` None) only the page's own revision credit names its author
    (a personal page's foot: 'Last updated March 3, 2025 by Ann Lee.'); a lone comment or card is 'Posted by' someone.

    >>> post_credit_on_day(["Comments", "Load comments", "Posted by Ann Lee on May 2, 2024", "Tags"], parse_date("May 2, 2024"))
    (2, 'Ann Lee')
    >>> post_credit_on_day(["Comments", "Posted by Bo Chen on May 2, 2024", "Nice.", "Reply"], parse_date("May 2, 2024")) is None
    True
    >>> post_credit_on_day(["Folding", "A page about folds.", "Last updated March 3, 2025 by Ann Lee."], None)
    (2, 'Ann Lee')
    >>> post_credit_on_day(["Folding", "A page about folds.", "Related", "Posted by Bo Chen on May 3, 2024"], None) is None
    True
    >>> post_credit_on_day(["Folding", "A page about folds.", "Last updated March 3, 2025 by Bo Chen", "Edit this page"], None) is None
    True
    """
    view, credits = page_view(texts), _dated_credits(texts, len(texts))
    if len(credits) != 1 or _comment_under(view, credits[0][0]):
        return None
    found = view.date(credits[0][0])
    if day is None:
        return credits[0] if text_rules().revision_label.search(view[credits[0][0]], 0, found.start()) else None
    return credits[0] if (parse_date(found.group(0)) or day).date() == day.date() else None


def _dated_credits(texts: Sequence[str], stop: int) -> list[tuple[int, str]]:
    """(index, name) of each short line above `stop` crediting a writer (a name that reads as a person's) beside a date;
    not a wiki's or documentation engine's revision credit, by its page tools ('Last updated March 3, 2025 by Bo Chen'
    over 'Edit this page'), which names the page's last editor."""
    view, credits, longest = page_view(texts), [], header_rules().limits.dateline_max_words
    for i in view.lines_holding("by"):
        if i >= stop:
            break
        text = view[i]
        if len(text.split()) > longest or not (found := view.date(i)):
            continue
        if (name := byline_name(text)) and (name := name.rstrip(".,;:")) and plausible_name(name, view.page) \
                and not (text_rules().revision_label.search(text, 0, found.start()) and _page_tools_near(view, i)):
            credits.append((i, name))
    return credits


def _comment_under(texts: Sequence[str], i: int) -> bool:
    """True when a reader comment's action ('Reply', 'Like', '3 Likes') is printed within thresholds.comment_reach
    lines under line `i`: a credit there heads a reader's comment."""
    rules = text_rules()
    below = range(i + 1, min(len(texts), i + 1 + rules.thresholds.comment_reach))
    return any(rules.comment_action.fullmatch(texts[k].strip()) for k in below)


def _page_tools_near(texts: Sequence[str], i: int) -> bool:
    """True when a wiki's or documentation engine's page tool ('Edit this page', 'View history') is printed within
    thresholds.comment_reach lines of line `i`, above or under it: a revision credit there names the last editor."""
    rules = text_rules()
    near = range(max(0, i - rules.thresholds.comment_reach), min(len(texts), i + 1 + rules.thresholds.comment_reach))
    return any(rules.page_edit.fullmatch(texts[k].strip()) for k in near)


def byline_near(texts: Sequence[str], line: int, stop: int | None = None) -> tuple[int, str] | None:
    """(index, name) of the nearest short 'By …' line around `line` (the story's first paragraph), when the title has
    none; none from `stop` on (the story's end: under a short story, a comment heading opens readers' posts).

    >>> byline_near(["Menu", "By Ann Lee", "A story starts here and goes on."], 2)
    (1, 'Ann Lee')
    """
    lim = header_rules().limits
    view = page_view(texts)
    end = min(len(view), line + lim.past_body_start + 1, len(view) if stop is None else max(stop, line + 1))
    for i in sorted(range(max(0, line - lim.fallback_window), end), key=lambda i: (abs(i - line), i > line)):
        if len(view[i].split()) <= lim.fallback_max_words and (name := byline_name(view[i])) and labelled_name(name, view.page):
            return i, name
    return None


def nearby_meta(texts: Sequence[str], title: int | None, body_start: int, stop: int | None = None) -> tuple[dict, set[int]]:
    """Date and author read from the lines nearest the title (below it first at equal distance), and the
    indexes of the lines they were read from that hold nothing else worth keeping (a name, a short dateline). A name
    printed beside the date with no label is 'author_guess': the caller's when no label credits anyone. Nothing is read
    from `stop` on (the story's end: a comment or related-stories heading under a short story opens others' posts).

    >>> meta, used = nearby_meta(["Menu", "A title", "Jane Roe", "March 3, 2024", "Text starts."], 1, 4)
    >>> sorted(meta.items()), sorted(used)
    ([('author_guess', 'Jane Roe'), ('date', datetime.datetime(2024, 3, 3, 0, 0))], [2, 3])
    """
    if title is None:
        return {}, set()
    rules = header_rules()
    lim = rules.limits
    lo = max(0, title - lim.meta_above_title)
    hi = min(len(texts), header_reach(texts, title + 1, lim.meta_below_title),  # a share bar there is not counted
             header_reach(texts, max(body_start, title + 1), lim.past_body_start),
             len(texts) if stop is None else max(stop, title + 1))
    order = sorted(range(lo, hi), key=lambda i: (abs(i - title), i < title))
    meta: dict = {}
    used: set[int] = set()
    view, told = page_view(texts), None
    for i in order:
        if i == title:
            continue
        text, whole = texts[i], True
        words = word_count(text)  # a Chinese paragraph is one 'word' to split(): its characters count here
        if words > lim.dateline_max_words and dateline_rest(text, labelled=True) is None:
            tail = byline_tail(text)  # a standfirst with its byline run in: only the byline is read, the line stays
            if not tail:
                continue
            text, words, whole = tail, len(tail.split()), False
        found = (view.date(i) if whole else find_date(text)) if "date" not in meta else None
        if found and whole and i < title and card_date(view, i, title):
            found = None  # a list of other posts' cards over the headline (a sidebar printed first): not the story's
        if found and whole and is_activity_date(view, i, found.start()):
            found = None  # a forum member's joining date or the thread's latest post: not the story's, yet furniture
            if words <= lim.short_meta_words:
                used.add(i)
        if found and told is None and _dated_sentence(text) and (value := read_found(found)):
            told = i, value  # a sentence of the story telling a date: only when no dateline by the title gives one
        elif found and (value := read_found(found)):
            meta["date"] = value
            if words <= lim.short_meta_words and whole:
                used.add(i)
            if "author" not in meta and (name := byline_name(text)) and labelled_name(name, view.page):
                meta["author"] = name  # a byline on the date's own line
            elif (name := _name_beside_date(text, found)) and plausible_name(name, view.page):
                meta.setdefault("author_guess", name)  # a name printed beside the date, with no label
            for j in lines_beside(texts, i, lim.name_near_date):
                if "author" not in meta and "author_guess" not in meta and j != title \
                        and (name := name_alone(texts[j]) or name_alone(_without_place(texts[j]))) \
                        and not _field_value(texts, j) \
                        and all(len(texts[k].split()) <= 4 for k in range(min(i, j) + 1, max(i, j))) \
                        and plausible_name(name, view.page) and not _printed_in_menu(view, name, title):
                    meta["author_guess"] = name  # a name printed beside the date, unlabelled: a guess
                    used.add(j)
        label = rules.author_label.fullmatch(text) or rules.credit_label.fullmatch(text)
        if label and i + 1 < len(texts) and (name := name_alone(_first_field(texts[i + 1]), co_writers=True)):
            used.update((i, i + 1))
            if "author" not in meta and rules.author_label.fullmatch(text) and labelled_name(name, view.page):
                meta["author"] = name
        elif "author" not in meta and (name := byline_name(text)) and labelled_name(name, view.page):
            meta["author"] = name
            if (words <= lim.short_meta_words or i in used) and whole and not text_rules().han_wire_dateline.match(text):
                used.add(i)  # not a wire's credit opening the story's paragraph ('(대구=뉴스1) 김민수 기자 = 대구시는 …')
    if "author" not in meta and "author_guess" not in meta and (under := name_in_header_block(view, title, body_start)):
        meta["author_guess"] = under[1]
        used.update(under[0])
    if "date" not in meta and (short := _short_year_by_title(texts, title)):
        meta["date"] = short[1]
        used.add(short[0])
    if "date" not in meta and told is not None:
        meta["told_date"] = told  # (line, date): the caller's last resort, after the page's labelled dates
    return meta, used


def _short_year_by_title(texts: Sequence[str], title: int) -> tuple[int, object] | None:
    """(index, date) of a line right over or under the headline that is a numeric date with a two-digit year and
    nothing else ('14.11.24', '3/15/24'): printed there it dates the story, as a label would say (alone elsewhere
    such a line is as likely a score or a version). Under the headline first.

    >>> _short_year_by_title(["Menu", "A city sets up a fund", "14.11.24", "The city has set up a fund."], 1)
    (2, datetime.datetime(2024, 11, 14, 0, 0))
    >>> _short_year_by_title(["Final score", "3/5/24", "Scores", "A city sets up a fund", "Text."], 3) is None
    True
    """
    for i in (title + 1, title - 1):
        if 0 <= i < len(texts) and (value := short_year_date(texts[i])):
            return i, value
    return None


def name_in_header_block(texts: Sequence[str], title: int, body_start: int) -> tuple[tuple[int, ...], str] | None:
    """(indexes of its lines, name) of a person's name alone on a line (printed once or twice) just under the headline
    at `title` with more of the header's metadata right under it (a date, a credit, a reading time, or a writer's role,
    whose line goes with the name's), above the story at `body_start`: an unlabelled byline. A name-shaped line with
    no metadata under it is a section, a link or the story's first heading, not a byline; one over a picture's credit
    ('Photo by Bo Chen') is the picture's caption.

    >>> name_in_header_block(["Menu", "How to fix a sink", "Ann Lee", "Reviewed by Bo Chen", "The first step is to shut the water off."], 1, 4)
    ((2,), 'Ann Lee')
    >>> name_in_header_block(["Menu", "How to fix a sink", "Harbour Views", "The first step is to shut the water off."], 1, 3) is None
    True
    """
    view, lim, rules, head = page_view(texts), header_rules().limits, text_rules(), header_rules()
    for i in range(title + 1, min(body_start, title + 1 + lim.headline_meta_reach, len(view))):
        if not ((name := name_alone(view[i])) and plausible_name(name, view.page)) or _printed_in_menu(view, name, title):
            continue
        for k in range(i + 1, min(len(view), i + 1 + lim.name_near_date + 1)):
            text = view[k]
            if len(text.split()) > lim.fallback_max_words:
                break
            if rules.writer_role.search(text):
                return tuple(range(i, k + 1)), name
            if head.picture_credit.match(text):
                break  # a photo's credit: the name over it captions the picture
            if view.date(k) or head.credit_label.match(text) or head.author_label.fullmatch(text) \
                    or rules.reading_time.fullmatch(text):
                return tuple(range(i, k)), name
            if name_alone(text) != name and not byline_furniture(text):
                break
    return None


PLACE_AFTER_NAME = re.compile(r"\s+in\s+(?:[A-Z][\w.'’\-]*)(?:\s+[A-Z][\w.'’\-]*){0,2}$")  # ' in Harbour City'


def _without_place(text: str) -> str:
    """A name line without the place a newspaper prints its reporter in ('Jane Doe in Harbour City' over the date ->
    'Jane Doe'), else ''.

    >>> _without_place("Jane Doe in Harbour City"), _without_place("Jane Doe")
    ('Jane Doe', '')
    """
    found = PLACE_AFTER_NAME.search(text) if " in " in text else None
    return text[:found.start()] if found else ""


def _printed_in_menu(texts: Sequence[str], name: str, title: int) -> bool:
    """True when `name` is also printed alone on a line well above the headline at `title` (more than
    limits.meta_above_title lines over it): a section's name in the site's menu ('HR Strategy' in the menu and over the
    post's date), not a person's."""
    return any(texts[k].strip() == name for k in range(0, max(0, title - header_rules().limits.meta_above_title)))


def _role_line(text: str) -> bool:
    """True when a short line is a writer's role alone ('Senior Reporter', 'Contributing Editor, Science'), not a name.

    >>> _role_line("Senior Reporter"), _role_line("Ann Lee"), _role_line("Courier Staff")
    (True, False, False)
    """
    return len(text.split()) <= header_rules().limits.name_line_max_words and furniture_name(text.split(",")[0].strip()) \
        and text_rules().writer_role.search(text) is not None


ROLE_JOINERS = frozenset({"of", "at", "and", "for", "&"})  # the only small words a writer's role holds ('Head of News at …')


def _field_value(texts: Sequence[str], j: int) -> bool:
    """True when line `j` is printed under a field's label other than a writer's ('Developer:' over 'Harbour Games',
    'Publisher:', 'Location:' in a product's or profile's table) or under a venue's ('Published in' over 'Harbour
    Weekly': the publication or section a post appeared in): the value of that field, not a byline.

    >>> _field_value(["Release Date:", "8 Feb, 2018", "Developer:", "Harbour Games"], 3), _field_value(["Author:", "Ann Lee"], 1)
    (True, False)
    >>> _field_value(["Ann Lee", "Published in", "Harbour Weekly"], 2)
    True
    """
    above = texts[j - 1].strip() if j > 0 else ""
    return (above.endswith(":") and len(above.split()) <= 3 and not header_rules().author_label.fullmatch(above)) \
        or header_rules().venue_label.fullmatch(above) is not None


def _first_field(text: str) -> str:
    """A line's text before its first field separator ('Ann Lee | The Daily Courier' -> 'Ann Lee')."""
    return text_rules().separators.split(text, maxsplit=1)[0]


def name_over_role(texts: Sequence[str], line: int) -> tuple[tuple[int, int], str] | None:
    """((name line, role line), name) of the name printed over a writer's role ('Ann Lee' over 'Senior Tech Writer')
    nearest above `line` (the story's first paragraph) within the fallback window, when nothing else credits an
    author; a name over a role inside the story is a quoted speaker or a speakers' box, not the writer.

    >>> name_over_role(["Menu", "City sets up a fund", "Ann Lee", "Senior Tech Writer", "The city has set up a fund."], 4)
    ((2, 3), 'Ann Lee')
    >>> name_over_role(["Menu", "Ann Lee", "Principal at Bo Studio", "The city has set up a fund."], 3) is None
    True
    """
    lim, role = header_rules().limits, text_rules().writer_role
    view = page_view(texts)
    window = range(max(0, line - lim.fallback_window), line)  # inside the story a name over a role is a quote's speaker
    for i in sorted(window, key=lambda i: (abs(i - line), i > line)):
        under = texts[i + 1]
        if len(under.split()) > lim.name_line_max_words or under.rstrip().endswith(".") or not role.search(under) \
                or any(w in stop_words() and w not in ROLE_JOINERS for w in under.lower().split()) or not (name := name_alone(texts[i])):
            continue
        if plausible_name(name, view.page):
            return (i, i + 1), name
    return None


def _dated_sentence(text: str) -> bool:
    """True when a line is a sentence of the story that tells a date ('The district opened its first park on March 3,
    2019.': it closes with a full stop and runs to a sentence's length), not a dateline, unless it opens with a date
    label or a byline ('Posted on May 2, 2024 by Ann Lee.') or the date is a field after a separator ('… started by
    Ann, May 11, 2024.').

    >>> [_dated_sentence(t) for t in ["The district opened its first park on March 3, 2019.", "March 3, 2019.",
    ...                               "Published on March 3, 2019 by Ann Lee.", "Discussion started by Ann, May 11, 2024."]]
    [True, False, False, False]
    """
    rules = text_rules()
    if not text.rstrip().endswith(".") or len(text.split()) < rules.thresholds.sentence_min_words \
            or rules.date_prefix.match(text) or rules.byline.match(text):
        return False
    found = find_date(text)
    return found is not None and not text[:found.start()].rstrip().endswith((",", "|", "·", "•", "-", "–", "—"))


def dateline_near(texts: list[str], line: int) -> tuple[int, object] | None:
    """(index, date) of the short dated line nearest above `line` (the story's first paragraph), when the title has none.

    >>> dateline_near(["Menu", "Posted 2 March 2024", "A story starts here and goes on."], 2)
    (1, datetime.datetime(2024, 3, 2, 0, 0))
    """
    lim = header_rules().limits
    for i in range(line - 1, max(0, line - lim.fallback_window) - 1, -1):
        if len(texts[i].split()) <= lim.fallback_max_words and (found := find_date(texts[i])) \
                and not is_activity_date(texts, i, found.start()) and not card_date(texts, i, line):
            if value := parse_date(texts[i]):
                return i, value
    return None


def han_wire_reporter(texts: Sequence[str], first: int) -> str | None:
    """The one reporter credited in the Chinese wire dateline opening the story's first paragraph at `first`
    ('新华社北京3月5日电（记者 张三）…' gives '张三'); None when it credits several ('记者 张三 李四') or none.

    >>> han_wire_reporter(["南山区发布措施", "本报讯（记者 黄伟）南山区发布措施。"], 1), han_wire_reporter(["新华社北京3月5日电（记者 张三 李四）国务院"], 0)
    ('黄伟', None)
    """
    found = text_rules().han_wire_dateline.match(texts[first]) if 0 <= first < len(texts) else None
    name = (found.group("name") or "").strip() if found else ""
    return name if HAN_NAME.fullmatch(name) else None
