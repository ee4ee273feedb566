"""Text dumps of news pages -> main story and related stories.

A page is read line by line (pipelines/parse/text/lines.py: each line classified once by the rules in
pipelines/data/text_rules.yaml); the line model finds where the story sits and the page is assembled from
those kinds: header (title and its metadata, here) -> main body (text/body.py) -> related blocks (text/related.py).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime

from pipelines.parse.cleaning import camel_tokens
from pipelines.parse.dates import numeric_order, reading_order
from pipelines.parse.text.line_model import line_model, main_span, score_lines
from pipelines.parse.rules import TextRules, header_rules, text_rules
from pipelines.parse.text.author_links import author_link
from pipelines.parse.text.bios import bio_author
from pipelines.parse.text.body import (body_paragraphs, furniture_only, is_thread, main_draft, without_author_lines,
                                       without_site_notices, without_thread_furniture)
from pipelines.parse.text.edges import without_furniture_edges
from pipelines.parse.text.dates import (asked_date, card_date, is_activity_date, labelled_date, lone_date,
                                        published_over_revised, wire_dateline, wire_dateline_day)
from pipelines.parse.text.engines import (link_submitter, mail_sender, poster_beside_date, poster_beside_time,
                                         poster_over_rank, question_asker, thread_author)
from pipelines.parse.text.header import (byline_near, dated_byline, dateline_name, dateline_near, han_wire_reporter,
                                         labelled_author, name_over_role, nearby_meta, post_credit_on_day)
from pipelines.parse.text.title import choose_title
from pipelines.parse.text.lines import Draft, Line, footer_start, is_body_start, is_category, is_error_page, merge_meta, read_lines, read_meta  # noqa: F401 - read_meta: the page reader's API
from pipelines.parse.text.names import labelled_name, without_glued_label
from pipelines.parse.text.short_lines import short_line_content
from pipelines.parse.text.related import collect_related, digest_drafts, digest_items
from pipelines.parse.text.view import PageView
from pipelines.records import Story

DOMAIN = re.compile(r"\b([a-z0-9][a-z0-9-]{1,60}\.(?:com|net|org|io|news|co|info|media|asia|ai|xyz)(?:\.[a-z]{2})?)\b", re.I)
COPYRIGHT_NAME = re.compile(r"©\s*(?:\d{4}\s*)?([A-Z][\w.&\- ]{1,40}?)(?:\.|\s*\||\s*$|\s+All rights)")


def parse_text(text: str, url: str | None = None, source_site: str | None = None) -> list[Story]:
    """Split a text dump into its main story (position 0) and related stories.

    >>> page = "Top\\n\\nCity sets up a fund\\n\\nPolicy·May 2, 2023\\n\\nThe city has set up a fund of 1 billion yuan for start-ups.\\n\\nRelated News\\n\\nOther city opens a park"
    >>> [(s.role, s.title, s.category, s.body[:12]) for s in parse_text(page)]
    [('main', 'City sets up a fund', 'Policy', 'The city has'), ('related', 'Other city opens a park', None, '')]
    """
    with reading_order(numeric_order(text)):  # '09/10/2025' read as the page's other numeric dates are written
        return _parse_text(text, url, source_site)


def _parse_text(text: str, url: str | None, source_site: str | None) -> list[Story]:
    """parse_text with the page's numeric date order set."""
    rules = text_rules()
    lines = read_lines(text, rules)
    if not lines or is_error_page(lines, rules):  # a browser's error page: the site's page was never saved
        return []
    protected = camel_tokens(text)
    site = source_site or _site_hint(lines)
    items = digest_items(lines, rules)
    if items:
        drafts = digest_drafts(lines, items, rules)
        return [_to_story(d, i, "main" if i == 0 else "related",
                          body_paragraphs(d.paragraphs, d.title, protected, rules), url, site)
                for i, d in enumerate(drafts)]
    layout = page_layout(lines, rules)
    if layout is None:
        return []
    t = layout.title
    meta, meta_lines = _header_meta(lines, layout)
    main, related_at = main_draft(lines, t, meta, layout.keep - meta_lines if layout.keep else set(), layout.scores)
    main.paragraphs = without_author_lines(main.paragraphs, main.meta.get("author"))
    main.paragraphs = without_thread_furniture(main.paragraphs, lines, rules)
    drafts = [main]
    if related_at is not None:
        drafts += [d for d in collect_related(lines[:max(layout.footer, related_at)], related_at, rules)
                   if d.title and d.title != main.title]  # the page footer's links ('About Us') are no stories
    stories = []
    for n, draft in enumerate(drafts):
        body = body_paragraphs(draft.paragraphs, draft.title, protected, rules)
        if n == 0 and body:
            body[0] = _without_datelines(body[0], rules)
        if n == 0 and furniture_only(body, lines, rules):
            return []  # a few words left by a page whose content the dump lost: quarantined as holding no story
        if n == 0:
            body = without_furniture_edges(without_site_notices(body, rules), rules, lines)
        stories.append(_to_story(draft, n, "main" if n == 0 else "related", body, url, site))
    return stories


def _without_datelines(paragraph: str, rules: TextRules) -> str:
    """The main story's first paragraph without the dateline opening it: a newswire's ('WUHAN, China, March 18, 2024
    /PRNewswire/ -- Acme …' -> 'Acme …', which dates the release: wire_dateline_day; in the body its place would read
    as the actor of the first sentence), a wire story's ('BEIJING (Reuters) -- ') and a Chinese paper's ('本报讯（记者
    黄伟）'), in that order."""
    if found := wire_dateline(paragraph):
        paragraph = paragraph[found.end():].lstrip(" -–—")
    return rules.han_wire_dateline.sub("", rules.dateline.sub("", paragraph, count=1), count=1)


# ---------------------------------------------------------------- where the story sits

@dataclass
class Layout:
    """Where a page's story sits, found once per page for the title, header and body readers. Line indexes are into
    the page's `lines` (read_lines).

    scores: the line model's score of each line (0 from the footer on); keep: the lines of the densest run of content
    scoring over the keep threshold; body_start: the story's first paragraph; footer: the page footer's first line
    (len(lines) when none); rule_title: the headline by the rules (None when none); title: the chosen headline (None
    when none); view: the lines' texts with the page string, line offsets and line dates computed once (text/view.py).
    """

    scores: list[float]
    keep: set[int]
    body_start: int
    footer: int
    rule_title: int | None
    title: int | None = None
    view: PageView = field(default_factory=PageView)


def page_layout(lines: list[Line], rules: TextRules, choose: bool = True) -> Layout | None:
    """The layout of a page's lines (`choose=False`: no title model), None when no line is running text and the page's
    short lines hold no block of content (text/short_lines.py).

    A consent manager's dialog (rules.consent_dialog) is never content: its paragraphs read as prose, so the main run is
    found again with them scored 0 (a dialog printed by the footer must not pull the run away from a listing's items).
    The title is chosen on the page as first laid out, as the title model was trained to read it."""
    body_start = next((i for i, line in enumerate(lines) if is_body_start(line, rules)), None)
    scores = score_lines([x.text for x in lines], [x.kind for x in lines], [x.para for x in lines])
    footer = footer_start(lines, rules)  # the page footer is never main content, however much prose it holds
    scores[footer:] = [0.0] * (len(lines) - footer)
    content = _content(lines, rules, scores, body_start)
    if content is None:
        return None
    layout = Layout(scores, content[0], content[1], footer, _rule_title(lines, content[1]),
                    view=PageView([x.text for x in lines]))
    layout.title = choose_title(lines, layout) if choose else layout.rule_title
    if not layout.view.may_hold(rules.consent_dialog_words):  # a page without the dialog's words is not searched (speed)
        return layout
    reach = rules.thresholds.consent_dialog_reach
    dialog = {j for i, line in enumerate(lines) if rules.consent_dialog.search(line.text)
              for j in range(i - reach, i + reach + 1)}
    if dialog:
        scores = [0.0 if i in dialog else score for i, score in enumerate(scores)]
        if content := _content(lines, rules, scores, body_start):
            layout.scores, (layout.keep, layout.body_start) = scores, content
    return layout


def _content(lines: list[Line], rules: TextRules, scores: list[float],
             body_start: int | None) -> tuple[set[int], int] | None:
    """(the kept lines of the page's densest run of content, the story's first paragraph) from the lines' scores, None
    when no line is running text (`body_start` None) and the page's short lines hold no block of content."""
    limits = rules.thresholds
    model = line_model()
    words = [x.words for x in lines]
    light = _repeated_short_lines(lines, limits.repeated_gap_max_words)
    span = main_span(scores, words, model, light, limits.repeated_gap_weight, limits.span_word_power)
    # A page whose densest run holds little running prose is made of short lines (a listing, a product or collection
    # page: names, prices, filters); its run is found again with a lower threshold, so short content lines join, and
    # with short lines weighing nearly as much as long ones (a stray paragraph, a cookie notice, must not outweigh them).
    if body_start is None or (span and _prose_words(lines[span[0]:span[1] + 1], rules) < limits.short_line_page_prose):
        span = main_span(scores, words, replace(model, span_threshold=limits.short_line_span_threshold),
                         light, limits.repeated_gap_weight, limits.short_line_word_power) or span
    keep = {i for i in range(span[0], span[1] + 1) if scores[i] > model.keep_threshold} if span else set()
    if body_start is None:  # no running text: a page of short lines, read without its menus (text/short_lines.py)
        keep = short_line_content(lines, keep, rules)
        if not keep:
            return None
    first = min(keep) if body_start is None else body_start
    return keep, next((i for i in sorted(keep) if is_body_start(lines[i], rules)), first)


def _repeated_short_lines(lines: list[Line], max_words: int) -> list[bool]:
    """Per line, True when it is short and printed three times or more on the page: the furniture around each post of
    a thread or each card of a list ('Member', 'Reply', the poster's name), which splits one content block into many
    (a menu printed twice, for the desktop and the phone, is no such line)."""
    counts = Counter(line.text for line in lines if line.words <= max_words)
    return [line.words <= max_words and counts[line.text] > 2 for line in lines]


def _prose_words(lines: list[Line], rules: TextRules) -> int:
    """Words of the running-prose lines (body starts: long, or a full sentence) among `lines`."""
    return sum(line.words for line in lines if is_body_start(line, rules))


# ---------------------------------------------------------------- title and header metadata

def _pick_title(candidates: list[Line]) -> Line | None:
    """The headline: the last headline-shaped line of four or more words before the body, else the longest."""
    if not candidates:
        return None
    long_enough = [c for c in candidates if c.words >= 4]
    return long_enough[-1] if long_enough else max(candidates, key=lambda c: c.words)


def _rule_title(lines: list[Line], body_start: int) -> int | None:
    """Index of the headline by the rules: the last headline-shaped line of four or more words above the body."""
    candidates, skip_next = [], False
    for i, line in enumerate(lines[:body_start]):
        if skip_next:
            skip_next = False
            continue
        if line.kind == "meta" and line.meta.get("provider"):
            skip_next = True
        elif line.kind == "headline":
            candidates.append(i)
    title_line = _pick_title([lines[i] for i in candidates])
    return None if title_line is None else lines.index(title_line)


def _header_meta(lines: list[Line], layout: Layout) -> tuple[dict, set[int]]:
    """The metadata around the title line (under it first, then above it; near it when the rules read none)
    and the lines read for it that leave the body."""
    t, body_start, footer, texts = layout.title, layout.body_start, layout.footer, layout.view
    meta: dict = {}
    if t is None:  # no headline: the metadata above the story, then the page-wide fallbacks below
        for i in range(body_start):
            if lines[i].kind == "meta":
                merge_meta(meta, _story_meta(lines, i, texts))
    else:
        _title_meta(lines, t, body_start, meta, texts)
    story_end = _story_part_end(lines, body_start, footer)
    near, used = nearby_meta(texts, t, body_start, story_end)
    told = near.pop("told_date", None)  # a story sentence by the headline telling a date: only if nothing else dates it
    guess = near.pop("author_guess", None)  # a name beside the date with no label: only if no label credits anyone
    for key, value in near.items():
        meta.setdefault(key, value)
    if meta.get("category") and meta.get("category") in (meta.get("author"), guess):
        del meta["category"]  # 'Ann Lee • May 2, 2024': the name beside the date is its author, not a section
    dated_at = None  # the lines of a dateline read far from the headline: a name beside its date is the author
    header_day = meta.get("date")  # the day printed by the headline (not one read far from it, a comment's maybe)
    if "date" not in meta and (found := dateline_near(texts, body_start)):
        meta["date"] = found[1]
        used.add(found[0])
        dated_at = (found[0],)
    elif "date" not in meta and (wired := wire_dateline_day(texts, body_start)):
        meta["date"] = wired  # a press release's dateline opening its first paragraph, which stays in the body
    elif "date" not in meta and (found := labelled_date(texts, body_start, _related_cards(lines, body_start, footer))
                                 or lone_date(texts, story_end, _datelines(lines, texts))):
        meta["date"] = found[1]
        used.update(found[0])
        dated_at = found[0]
    elif "date" in meta and (published := published_over_revised(texts, meta["date"], (body_start if t is None else t)
                                                              - header_rules().limits.meta_above_title, body_start + 2)):
        meta["date"] = published  # 'Updated: Mar 5 | Published: Mar 3' by the headline: the publication's day
    elif "date" not in meta and told is not None:
        meta["date"] = told[1]
        used.add(told[0])  # read as the header's date, it leaves the body as a dateline does
    if starter := thread_author(texts):  # the label line leaves the body, whoever else is credited
        meta.setdefault("author", starter[1])
        used.add(starter[0])
    elif asker := question_asker(texts):
        meta.setdefault("author", asker[1])
        used.add(asker[0])
        if asked := asked_date(texts, asker[0]):
            meta["date"] = asked  # the question's day, not its last edit's
    if "author" not in meta and (byline := byline_near(texts, body_start, story_end)):
        meta["author"] = byline[1]
        used.add(byline[0])
    if "author" not in meta and (credit := labelled_author(texts, body_start)):
        meta["author"] = credit[1]
        used.update(credit[0])
    if "author" not in meta and (link := author_link(texts, footer)):
        meta["author"] = link[1]  # 'View all posts by Ann Lee': the link to the writer's other posts
        used.update(link[0])
    if "author" not in meta and (reporter := han_wire_reporter(texts, body_start)):
        meta["author"] = reporter  # '本报讯（记者 黄伟）' opening the first paragraph, which stays in the body
    if "author" not in meta and (submitter := link_submitter(texts, story_end)):
        meta["author"] = submitter[1]  # the one 'submitted … by <name>' line of a link aggregator's post
        used.add(submitter[0])
    if "author" not in meta and t is not None and (poster := poster_beside_time(texts, t, story_end)):
        meta["author"] = poster[1]  # 'kim_o 2 years ago#1' by a thread's title: its first poster
    if "author" not in meta and t is not None \
            and (poster := poster_beside_date(texts, t, story_end, lambda: is_thread(lines, text_rules()))):
        meta["author"] = poster[1]  # 'Post by kim_o » Tue Feb 20, 2026' under a thread's title: its first poster
    if "author" not in meta and t is not None and (sender := mail_sender(texts, t, story_end)):
        meta["author"] = sender[1]  # 'From: Kim Ortiz <kim@example.org>' in a mail archive's message header
    if "author" not in meta and (poster := poster_over_rank(texts, story_end)):
        meta["author"] = poster[1]  # a thread's first poster, over the forum rank printed under each poster
    if "author" not in meta and guess:
        meta["author"] = guess
    if "author" not in meta and dated_at is not None and dated_at[0] < story_end \
            and (name := dateline_name(texts, dated_at)):
        meta["author"] = name
    if "author" not in meta and (credit := name_over_role(texts, body_start)):
        meta["author"] = credit[1]
        used.update(credit[0])
    if "author" not in meta and ((credit := dated_byline(texts, story_end))
                                 or (credit := post_credit_on_day(texts, header_day))):
        meta["author"] = credit[1]
        used.add(credit[0])
    if "author" not in meta and (bio := bio_author(texts, body_start, footer)):
        meta["author"] = bio[1]  # a writer's bio under the story naming the person printed alone by the headline
    return meta, used


def _story_part_end(lines: list[Line], body_start: int, footer: int) -> int:
    """Index of the first related-stories marker or story-end line (a reader-comment heading, 'Leave a reply', tags)
    under the story's first paragraph, else the page footer's first line: dates printed from there on are other
    stories', comments' or the site's ('Site last updated …')."""
    return next((i for i in range(body_start + 1, footer) if lines[i].kind in ("related", "end")), footer)


def _related_cards(lines: list[Line], body_start: int, footer: int) -> range:
    """The lines from the first related-stories marker under the story's first paragraph ('Related', 'Recent Topics')
    to the page footer: the cards of other posts, whose 'Posted by Bo Chen on May 3, 2024' lines are theirs."""
    start = next((i for i in range(body_start + 1, footer) if lines[i].kind == "related"), footer)
    return range(start, footer)


def _datelines(lines: list[Line], view: PageView) -> frozenset[int]:
    """Indexes of the lines read as datelines: a date with only a name, a section or a label beside it (not a
    revision's date: 'Site last updated: …')."""
    rules = text_rules()
    return frozenset(i for i, line in enumerate(lines) if line.kind == "meta" and line.meta.get("date")
                     and not ((found := view.date(i)) and rules.revision_label.search(line.text, 0, found.start())))


def _title_meta(lines: list[Line], t: int, body_start: int, meta: dict, view: PageView) -> None:
    """Into `meta`: the metadata lines printed under the headline at `t` (first), then above it, and a section label
    alone over it."""
    for i in range(t + 1, body_start):  # metadata printed under the headline comes first
        if lines[i].kind == "meta":
            merge_meta(meta, _story_meta(lines, i, view))
    for i in range(t - 1, -1, -1):  # then a dateline or section label printed above it
        line = lines[i]
        if line.kind == "boiler":
            continue
        if line.kind == "meta" and card_date(view, i, t):
            break  # a list of other posts' cards over the headline (a sidebar printed first), not its dateline
        if line.kind == "meta":
            merge_meta(meta, _story_meta(lines, i, view))
            continue
        if line.kind == "headline" and "category" not in meta and is_category(line.text) \
                and _alone_in_paragraph(lines, line):
            meta["category"] = line.text
        break


def _story_meta(lines: list[Line], i: int, view: PageView) -> dict:
    """The metadata of the meta line at `i`, without its date when that is a forum member's joining date or the
    thread's latest activity (text_dates.is_activity_date), and without its byline's name when that reads as none (a
    column's or section's title opening with 'By': 'By The Numbers', 'By Invitation Only'; text_names.labelled_name);
    a publication label run into the name is cut ('ANN LEEPUBLISHED')."""
    meta = dict(lines[i].meta)
    if meta.get("date") and (found := view.date(i)) and is_activity_date(view, i, found.start()):
        del meta["date"]
    if meta.get("author") and not labelled_name(meta["author"], view.page):
        del meta["author"]
    elif meta.get("author"):
        meta["author"] = without_glued_label(meta["author"])
    return meta


def _alone_in_paragraph(lines: list[Line], line: Line) -> bool:
    """True when `line` is its paragraph's only line and is not the page's first line."""
    same = [x for x in lines if x.para == line.para]
    return len(same) == 1 and lines[0] is not line


# ---------------------------------------------------------------- stories

def _site_hint(lines: list[Line]) -> str | None:
    """The publishing site named in the page furniture (a domain in a disclaimer, or the © holder)."""
    for line in lines:
        if line.kind in ("end", "boiler", "promo") and (m := DOMAIN.search(line.text)):
            return m.group(1).lower()
    for line in lines:
        if m := COPYRIGHT_NAME.search(line.text):
            return m.group(1).strip()
    return None


def _to_story(draft: Draft, position: int, role: str, body: list[str], url: str | None, site: str | None) -> Story:
    """A Story from a finished draft."""
    published = draft.meta.get("date")
    # a documentation heading's permalink mark ('Tasks¶') is the generator's, not the title's
    title = (header_rules().heading_anchor.sub("", draft.title) or None) if draft.title else draft.title
    return Story(position=position, role=role, title=title, body="\n\n".join(body),
                 category=draft.meta.get("category"),
                 published_at=published if isinstance(published, datetime) else None,
                 author=draft.meta.get("author"), source_site=site, url=url if role == "main" else None)
