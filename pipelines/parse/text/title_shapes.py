"""Headline shapes the title model misreads: a headline over its subtitle over the writer's name and date (a newsletter
or blog post's header), and a dated headline printed under a promotion or menu the model picked.

Both are read from how a story's header is built: headline, then standfirst, then byline and date, then the story.
"""
from __future__ import annotations

import re

from pipelines.parse.rules import header_rules, text_rules
from pipelines.parse.text.lines import is_body_start
from pipelines.parse.text.names import name_alone
from pipelines.parse.text.title_features import TITLE_WINDOW, _own as _own_figures, content_words, is_meta_like

CRUMB_MARK = re.compile(r"[/>›»|]")  # a breadcrumb's or a site name's separator ('Home / Blog', 'Blog | Site')


def _heading(line, named: bool = True) -> bool:
    """A headline's line: a heading of dek_min_words words or more, no sentence, no date or byline, no name alone
    (`named`: checked; a line over a subtitle is no byline, and 'Process Knowledge Management, Part IV' reads as
    one)."""
    return line.kind in ("headline", "text") and line.words >= header_rules().limits.dek_min_words \
        and line.words <= text_rules().headline_max_words and not line.text.endswith(".") \
        and not is_meta_like(line) and not (named and name_alone(line.text))


def _byline_under(lines, i: int) -> int | None:
    """Index of the dateline or byline printed right under the line at `i` (the next line, or the one after a name
    printed alone: 'Ann Lee' / 'May 2, 2024'), None when there is none; page furniture between them is passed ('Listen
    to this article', a picture's caption). A dateline or byline is short (name_line_max_words) and no sentence: one
    opening with 'By default' or telling when the page was edited is none."""
    k = i + 1
    while k < len(lines) and lines[k].kind == "boiler":
        k += 1
    if k < len(lines) and name_alone(lines[k].text) and not any(c.isdigit() for c in lines[k].text):
        k += 1
    return k if k < len(lines) and is_meta_like(lines[k]) and not lines[k].text.endswith(".") \
        and lines[k].words <= header_rules().limits.name_line_max_words else None


def headline_over_subtitle(lines, pick: int, body_start: int) -> int | None:
    """Index of the headline printed over the line at `pick` when that line is its subtitle: the pick has the writer's
    name or date right under it, and over it is a heading alone (not one of a list of headings: a column of other
    stories' titles; no breadcrumb, with or without its separators, no banner in capitals) on the story's topic
    (half its content words or more in the story's opening lines, story_opening_lines: a site's or a menu's name is
    not), as a newsletter or blog post prints title, subtitle, writer, date ('Why rents keep rising' /
    'The answer is in the zoning maps' / 'Ann Lee' / 'May 2, 2024'). None otherwise.

    >>> from pipelines.parse.text.page import read_lines
    >>> page = read_lines("Ann's letters\\nSubscribe\\nWhy rents keep rising in small towns\\n"
    ...                   "The answer lies in zoning maps\\nAnn Lee\\nMay 2, 2024\\n"
    ...                   "Rents keep rising in small towns, a study finds.", text_rules())
    >>> headline_over_subtitle(page, 3, 6), headline_over_subtitle(page, 2, 6)
    (2, None)
    """
    k = pick - 1
    while k >= 0 and lines[k].kind == "boiler":
        k -= 1
    if k < 0 or _byline_under(lines, pick) is None or not _heading(lines[pick]) or not _heading(lines[k], False) \
            or lines[pick].text in lines[k].text:
        return None
    j = k - 1
    while j >= 0 and lines[j].kind == "boiler":
        j -= 1
    trail = header_rules().trail_start  # 'Home Topics Health': a breadcrumb printed without its separators
    if j >= 0 and _heading(lines[j]) or CRUMB_MARK.search(lines[k].text) \
            or trail.fullmatch(lines[k].text.split()[0]) or _own_figures(lines[k].text)[4] >= 0.3:
        return None
    return k if _topic_share(lines, k, body_start) >= 0.5 else None


def _topic_share(lines, i: int, body_start: int) -> float:
    """Share of the content words of the line at `i` printed in the story's opening lines (story_opening_lines from
    `body_start`), 0 for a line with none: a headline names its story's topic, a site's or a menu's name does not."""
    words = content_words(lines[i].text)
    opening = lines[body_start:body_start + header_rules().limits.story_opening_lines]
    story = content_words(" ".join(x.text for x in opening))
    return len(words & story) / len(words) if words else 0.0


def headline_under_slogan(lines, pick: int, body_start: int) -> int | None:
    """Index of the headline printed right under the line at `pick` when the pick is off the story's topic (under
    half its content words in the story's opening: a site's slogan, a promotion) and the line under it is a heading
    on it with its byline or dateline right under it ('Daily Courier' / 'News that matters to your town' / 'Why
    rents keep rising in small towns' / 'By Ann Lee'). None otherwise."""
    k = pick + 1
    while k < len(lines) and lines[k].kind == "boiler":
        k += 1
    if k >= len(lines) or not _heading(lines[k]) or _byline_under(lines, k) is None \
            or _topic_share(lines, k, body_start) < 0.5 or _topic_share(lines, pick, body_start) >= 0.5:
        return None
    return k


def dated_headline(lines, body_start: int, scores: list[float]) -> int | None:
    """Index of the first line from TITLE_WINDOW lines over the story's first paragraph (`body_start`) to
    dated_below lines under it printed as a story's headline: a heading with its dateline or byline right under it
    and the story's running prose, scored as content (story_score_min), within a few lines under that
    (dated_story_reach: a share bar, a section tag between); else the one heading printed under its dateline
    (_dated_over) with the story's prose as near under it (a list of cards, each dated over its title, has many);
    none from a related-stories marker or a story-end line under the first paragraph on.
    For a pick with nothing by it that a headline has (a promotion, a menu item over the story's header). None when
    no line is printed so."""
    lim, longest = header_rules().limits, text_rules().headline_max_words
    dated_over = []
    for i in range(max(0, body_start - TITLE_WINDOW), min(len(lines), body_start + lim.dated_below)):
        if i > body_start and lines[i].kind in ("related", "end"):
            break  # other stories' cards, comments, the story's tags: no headline of its from here
        line = lines[i]
        if line.kind != "headline" or not lim.dek_min_words <= line.words <= longest or line.text.endswith(".") \
                or CRUMB_MARK.search(line.text):
            continue  # (the cheap tests first, speed; _heading's date and name tests last)
        if (meta := _byline_under(lines, i)) is not None and _prose_under(lines, meta, scores):
            if _heading(line):
                return i
        elif _dated_over(lines, i) and _prose_under(lines, i, scores) and _heading(line):
            dated_over.append(i)
    return dated_over[0] if len(dated_over) == 1 else None


def headline_after_cards(lines, pick: int, body_start: int, scores: list[float]) -> int | None:
    """Index of the story's headline printed under the line at `pick` when the pick is a card of a list of other
    stories printed over the story (a 'Latest' column: title, date, the next card): the pick's dateline or byline is
    right under it with no running prose under that (not even a teaser), and the first heading under it (within
    dated_below lines of the story's first paragraph) has its byline or dateline right under it and the story's
    prose, scored as content (story_score_min), right under that (datelines and furniture between). None otherwise."""
    meta, rules = _byline_under(lines, pick), text_rules()
    reach = header_rules().limits.dated_story_reach
    if meta is None or any(is_body_start(x, rules) for x in lines[meta + 1:meta + 1 + reach]):
        return None  # a teaser or a story under the pick's byline, however it scores
    for i in range(meta + 1, min(len(lines), body_start + header_rules().limits.dated_below)):
        if lines[i].kind in ("related", "end"):
            return None
        if lines[i].kind == "headline" and _heading(lines[i]) and (own := _byline_under(lines, i)) is not None:
            k = own + 1
            while k < len(lines) and (lines[k].kind == "boiler" or is_meta_like(lines[k])):
                k += 1
            if k < len(lines) and is_body_start(lines[k], rules) and scores[k] >= header_rules().limits.story_score_min:
                return i
    return None


def _prose_under(lines, i: int, scores: list[float]) -> bool:
    """True when running prose scored as content (story_score_min) is printed within dated_story_reach lines under
    the line at `i`."""
    lim, rules = header_rules().limits, text_rules()
    return any(is_body_start(lines[k], rules) and scores[k] >= lim.story_score_min
               for k in range(i + 1, min(len(lines), i + 1 + lim.dated_story_reach)))


def _dated_over(lines, i: int) -> bool:
    """True when the line over the one at `i` is a dateline the rules read (a meta line: 'MAY 06, 2025'; no sentence,
    name_line_max_words words at most) printed alone: no other dateline or byline over it (a block of a story's
    byline, publication and revision dates heads the line over that block, not the line under it)."""
    line = lines[i - 1] if i > 0 else None
    return line is not None and line.kind == "meta" and not line.text.endswith(".") \
        and line.words <= header_rules().limits.name_line_max_words and not (i > 1 and is_meta_like(lines[i - 2]))


# lines a Chinese report prints between its headline and its text: the occasion ('——2024年1月29日在…会议上'), a
# section's numbered heading ('一、2023年工作回顾', '（一）…')
REPORT_LEAD = re.compile(r"——|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）")


def headline_under_dated_section(lines, pick: int) -> int | None:
    """Index of the headline printed under the dateline under the line at `pick` when the pick is a section's name
    (fewer words than a headline: '通知公告', 'Notices') and that headline runs straight into the story's running prose:
    a notice printed as section, date, headline, text ('通知公告' / '发布时间：2024-05-02' / '关于印发…的通知' / '各区…'),
    or a report's headline over its occasion and first section's heading ('——2024年1月29日在…会议上' / '一、…').
    None otherwise, and when a dateline follows that text (a section's list of cards: date, title, teaser).

    >>> from pipelines.parse.text.page import read_lines
    >>> page = read_lines("Home\\nNotices\\nMay 2, 2024\\nCounty opens a hearing on the zoning map\\n"
    ...                   "The county board will hold a public hearing on the zoning map on May 20.", text_rules())
    >>> headline_under_dated_section(page, 1), headline_under_dated_section(page, 3)
    (3, None)
    """
    lim, rules = header_rules().limits, text_rules()
    if is_meta_like(lines[pick]):
        return None
    k = _next_kept(lines, pick)
    if k is None or not is_meta_like(lines[k]) or (lines[k].words > lim.name_line_max_words and lines[k].kind != "meta"):
        return None  # (a header line the rules read as metadata may be longer: '发布日期：… 来源：… 浏览次数：…')
    head = _next_kept(lines, k)
    if head is None or lines[head].kind != "headline" or not _heading(lines[head]):
        return None
    if lines[pick].words >= lim.section_over_words and lines[pick].text not in lines[head].text:
        return None  # a headline's length; a section named in the headline under it is one ('政府工作报告')
    after = _next_kept(lines, head)
    for _ in range(2):  # a report's occasion ('——2024年1月29日在…会议上') and its first section's heading ('一、…')
        if after is not None and REPORT_LEAD.match(lines[after].text):
            after = _next_kept(lines, after)
    if after is None or not is_body_start(lines[after], rules) \
            or any(is_meta_like(x) for x in lines[after + 1:after + 3]):
        return None  # a list of cards: date, title, teaser, the next card's date
    return head


def _next_kept(lines, i: int) -> int | None:
    """Index of the first line under the one at `i` that is no boilerplate, None at the page's end."""
    k = i + 1
    while k < len(lines) and lines[k].kind == "boiler":
        k += 1
    return k if k < len(lines) else None


def headline_printed_twice(lines, body_start: int) -> int | None:
    """Index of the heading printed twice in a row (a page's copies for a wide and a narrow screen) within
    TITLE_WINDOW lines over the story's first paragraph (`body_start`), on the story's topic (_topic_share half or
    more), the second copy; the one nearest the story when there are several. None when there is none."""
    found = None
    for i in range(max(1, body_start - TITLE_WINDOW), body_start):
        if lines[i].text == lines[i - 1].text and lines[i].kind == "headline" and _heading(lines[i]) \
                and _topic_share(lines, i, body_start) >= 0.5:
            found = i
    return found
