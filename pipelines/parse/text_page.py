"""Text dumps of news pages -> main story and related stories.

A page is read line by line. Each line is classified once (furniture, metadata, headline,
body text, end-of-story marker, related-block marker) by the rules in
pipelines/data/text_rules.yaml; the page is then assembled from those kinds:
header (title and its metadata) -> main body -> tail (bios, disclaimers) -> related blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache

from pipelines.parse.cleaning import camel_tokens, normalize_whitespace, strip_title_prefix, unglue_paragraph
from pipelines.parse.dates import NUMERIC_ORDER, find_date, numeric_order, parse_date, reading_order
from pipelines.parse.line_model import line_model, main_span, score_lines
from pipelines.parse.text_header import (byline_near, choose_title, dateline_near, labelled_author, labelled_date,
                                         nearby_meta, thread_author)
from pipelines.parse.rules import TextRules, text_rules
from pipelines.records import Story

EDGE_SYMBOLS = " ↑↓→←»«›‹>|·•–—-"
SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]?$")
BULLET = re.compile(r"^(?:[•●▪◦‣∙*]|-(?=\s))\s*")
DOMAIN = re.compile(r"\b([a-z0-9][a-z0-9-]{1,60}\.(?:com|net|org|io|news|co|info|media|asia|ai|xyz)(?:\.[a-z]{2})?)\b", re.I)
COPYRIGHT_NAME = re.compile(r"©\s*(?:\d{4}\s*)?([A-Z][\w.&\- ]{1,40}?)(?:\.|\s*\||\s*$|\s+All rights)")
BREADCRUMB = re.compile(r"(you are here|home)\s*[:>›»]", re.I)
CATEGORY_BREAKERS = re.compile(r"[.!?,:;]|\b\d+\b")
LINE_END_PUNCTUATION = (".", ":", ";", ",", "…")  # lines hold no line end
HEADLINE_START = re.compile(r"[\"“‘'(\[$€£¥#]?[A-Z0-9]")
TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
RELATED_MIN_WORDS = 40
RELATED_SHARE = 1.0  # an inline card: at least this share of the story's kept words so far still follows it
INLINE_REACH, INLINE_PROSE_SCORE = 3, 0.5  # lines above a related marker read to tell a card inside the story
# A page whose densest run holds this little running prose is made of short lines (a listing, a product or
# collection page: names, prices, filters); its run is found again with a lower threshold, so short content lines join.
SHORT_LINE_PAGE_PROSE, SHORT_LINE_SPAN_THRESHOLD = 100, 0.3
INLINE_RESUME = 8  # lines under an inline card within which the story's prose resumes
ABOVE_TITLE_MIN_WORDS, ABOVE_TITLE_SHARE = 40, 0.2  # kept content above a title that is read with the body
TEASER_REACH = 80  # characters from a line's end a 'Read more' link may start  # a related marker above this much story text is a link in the page's top bar


@dataclass
class Line:
    """One non-blank line with its kind and any metadata read from it."""

    text: str
    para: int
    kind: str  # boiler | promo | end | related | meta | headline | text
    meta: dict = field(default_factory=dict)
    words: int = field(init=False, repr=False, compare=False)  # counted once: every step reads it

    def __post_init__(self) -> None:
        self.words = len(self.text.split())


@dataclass
class Draft:
    """A story being assembled."""

    title: str | None
    meta: dict = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    closed: bool = False


# ---------------------------------------------------------------- line classification

def _is_category(part: str) -> bool:
    """A section label: a few capitalised words, no numbers, no sentence punctuation."""
    words = part.split()
    return (0 < len(words) <= 5 and part[:1].isupper() and not CATEGORY_BREAKERS.search(part)
            and not part.lower().startswith(("by ", "home")))


def read_meta(text: str, rules: TextRules) -> dict | None:
    """Metadata carried by a line next to a headline (date, category, author), or None.

    >>> sorted(read_meta("Policy & Regulation·January 20, 2024, 10:30 AM", text_rules()).items())
    [('category', 'Policy & Regulation'), ('date', datetime.datetime(2024, 1, 20, 10, 30))]
    """
    if len(text.split()) > 16:
        return None
    if rules.provider.fullmatch(text):
        return {"provider": True}
    meta: dict = {}
    if rules.forum_post.match(text):
        meta["forum"] = True
    body = rules.date_prefix.sub("", text, count=1) if rules.date_prefix.match(text) else text
    parts = [p.strip() for p in rules.separators.split(body)]
    trailing_separator = bool(parts) and parts[-1] == "" and len(parts) > 1
    categories = []
    for part in filter(None, parts):
        date_match = find_date(part)
        if date_match and len(part.replace(date_match.group(0), " ").split()) <= 3:
            meta.setdefault("date", parse_date(part))
        elif byline := rules.byline.fullmatch(part):
            meta["author"] = byline.group("name").strip()
        elif rules.reading_time.fullmatch(part):
            meta["reading_time"] = True
        elif rules.relative_date.fullmatch(part):
            meta["relative_date"] = True  # no day to read without the time the page was fetched
        elif meta.get("forum"):
            continue
        elif _is_category(part):
            categories.append(part)
        else:
            return None
    if categories and (meta.get("date") or trailing_separator):
        meta["category"] = categories[0]
    if "date" in meta and meta["date"] is None:
        del meta["date"]
    if meta.get("date") or meta.get("author") or meta.get("category") or meta.get("forum") or meta.get("reading_time") \
            or meta.get("relative_date"):
        return meta
    return None


def _is_menu(text: str, rules: TextRules) -> bool:
    """Navigation: three or more short items separated by | or ·, or a breadcrumb."""
    if BREADCRUMB.match(text) or text.count(" > ") >= 2 or text.count(" ‹ ") >= 1:
        return True
    parts = [p for p in rules.separators.split(text) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


def classify(text: str, rules: TextRules) -> tuple[str, dict]:
    """The kind of one stripped, non-blank line."""
    words = len(text.split())
    if rules.boilerplate.fullmatch(text):
        return "boiler", {}
    trimmed = text.strip(EDGE_SYMBOLS)
    if trimmed and trimmed != text and rules.boilerplate.fullmatch(trimmed):
        return "boiler", {}
    if rules.related_marker.fullmatch(text):
        return "related", {}
    if rules.story_end.match(text):
        return "end", {}
    if meta := read_meta(text, rules):
        return "meta", meta
    if _is_menu(text, rules):
        return "boiler", {}
    if words <= rules.promo_max_words and rules.promo.search(text):
        return "promo", {}
    bare = BULLET.sub("", text)
    if (words <= rules.headline_max_words and not bare.endswith(LINE_END_PUNCTUATION)
            and HEADLINE_START.match(bare) and TWO_LETTERS.search(bare)):
        return "headline", {}
    return "text", {}


def read_lines(text: str, rules: TextRules) -> list[Line]:
    """Non-blank lines with their paragraph number and kind."""
    lines, para, blank = [], 0, True
    shipped = rules is text_rules()
    for raw in normalize_whitespace(text).split("\n"):
        if not raw:
            blank = True
            continue
        if blank:
            para += 1
            blank = False
        cut, kind, meta = _shipped_line_kind(raw, NUMERIC_ORDER.get()) if shipped else _line_kind(raw, rules)
        lines.append(Line(raw[:cut], para, kind, dict(meta)))
    return lines


@lru_cache(maxsize=65536)
def _shipped_line_kind(raw: str, order: str | None) -> tuple[int, str, dict]:
    """_line_kind under the shipped rules, cached by the line (and the page's numeric date order, which a
    numeric date in it is read in): a site prints its menus and footers on every page (callers copy the metadata)."""
    return _line_kind(raw, text_rules())


def _line_kind(raw: str, rules: TextRules) -> tuple[int, str, dict]:
    """(length kept, kind, metadata) of one line. 'One-line summary. Read more' is a teaser body (the link
    text is cut); the link text alone is furniture."""
    tail = raw[-TEASER_REACH:].lower()
    teaser = any(cue in tail for cue in rules.teaser_cues) and rules.teaser_suffix.search(raw, max(0, len(raw) - TEASER_REACH))
    if teaser:
        return (len(raw[: teaser.start()].rstrip()), "text", {}) if teaser.start() else (len(raw), "boiler", {})
    kind, meta = classify(raw, rules)
    return len(raw), kind, meta


# ---------------------------------------------------------------- page assembly

def _is_body_start(line: Line, rules: TextRules) -> bool:
    """The first line of running text: long, or a full sentence."""
    return line.kind == "text" and (line.words >= rules.body_min_words or
                                     (line.words >= 6 and bool(SENTENCE_END.search(line.text))))


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


def _header_meta(lines: list[Line], t: int | None, body_start: int) -> tuple[dict, set[int]]:
    """The metadata around the title line (under it first, then above it; near it when the rules read none)
    and the lines read for it that leave the body."""
    meta: dict = {}
    if t is None:
        for line in lines[:body_start]:
            if line.kind == "meta":
                _merge_meta(meta, line.meta)
        return meta, set()
    for line in lines[t + 1:body_start]:  # metadata printed under the headline comes first
        if line.kind == "meta":
            _merge_meta(meta, line.meta)
    for line in reversed(lines[:t]):  # then a dateline or section label printed above it
        if line.kind == "boiler":
            continue
        if line.kind == "meta":
            _merge_meta(meta, line.meta)
            continue
        if line.kind == "headline" and "category" not in meta and _is_category(line.text) \
                and _alone_in_paragraph(lines, line):
            meta["category"] = line.text
        break
    texts = [x.text for x in lines]
    near, used = nearby_meta(texts, t, body_start)
    for key, value in near.items():
        meta.setdefault(key, value)
    if meta.get("category") and meta.get("category") == meta.get("author"):
        del meta["category"]  # 'Ann Lee • May 2, 2024': the name beside the date is its author, not a section
    if "date" not in meta and (found := dateline_near(texts, body_start) or labelled_date(texts, body_start)):
        meta["date"] = found[1]
        used.add(found[0])
    if starter := thread_author(texts):  # the label line leaves the body, whoever else is credited
        meta.setdefault("author", starter[1])
        used.add(starter[0])
    if "author" not in meta and (byline := byline_near(texts, body_start)):
        meta["author"] = byline[1]
        used.add(byline[0])
    if "author" not in meta and (credit := labelled_author(texts, body_start)):
        meta["author"] = credit[1]
        used.update(credit[0])
    return meta, used


def _alone_in_paragraph(lines: list[Line], line: Line) -> bool:
    """True when `line` is its paragraph's only line and is not the page's first line."""
    same = [x for x in lines if x.para == line.para]
    return len(same) == 1 and lines[0] is not line


def _merge_meta(into: dict, meta: dict) -> None:
    """Keep the first date, author and category seen."""
    for key in ("date", "author", "category"):
        if meta.get(key) and key not in into:
            into[key] = meta[key]


def _author_bio(lines: list[Line], i: int) -> str | None:
    """A name line followed by a bio that starts with that name: the author, e.g. 'Jane Roe' / 'Jane is a …'."""
    line = lines[i]
    names = line.text.split()
    if not (line.kind == "headline" and 2 <= len(names) <= 4 and all(n[:1].isupper() for n in names)):
        return None
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt and nxt.kind == "text" and re.match(rf"(?:{re.escape(names[0])}|{re.escape(line.text)})\b", nxt.text):
        return line.text
    return None


def _without_author_lines(paragraphs: list[str], author: str | None) -> list[str]:
    """Paragraphs without the author's bio ('Jane Roe is a writer …') or name links ('More from Jane Roe').

    >>> _without_author_lines(["Rates rose.", "Jane Roe is a reporter.", "More from Jane Roe"], "Jane Roe")
    ['Rates rose.']
    """
    if not author or len(author.split()) < 2:
        return paragraphs
    first = author.split()[0]
    bio = re.compile(rf"(?:{re.escape(author)}|{re.escape(first)})(?:\s+\w+)?\s+(?:is|was|has|writes|covers|joined)\b")
    return [p for p in paragraphs if not (bio.match(p) or (author in p and len(p.split()) <= 8))]


def _about_block(lines: list[Line], i: int) -> bool:
    """'About Acme Corp' followed by 'Acme Corp is …': company boilerplate of a release."""
    m = re.match(r"About (?:the )?(.+)$", lines[i].text)
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return bool(m and nxt and nxt.text.startswith(m.group(1).split()[0]))


def _digest_items(lines: list[Line], rules: TextRules) -> list[int]:
    """Indexes of numbered digest items ('1. Title' followed by a dated line)."""
    found = []
    for i, line in enumerate(lines[:-1]):
        if rules.digest_item.fullmatch(line.text) and lines[i + 1].kind == "meta" and lines[i + 1].meta.get("date"):
            found.append(i)
    return found if len(found) >= 2 else []


def _collect_related(lines: list[Line], start: int, rules: TextRules) -> list[Draft]:
    """Stories in a related block: optional metadata, a headline, then optional body paragraphs."""
    drafts: list[Draft] = []
    pending: dict = {}
    meta_first: bool | None = None
    for line in lines[start:]:
        cur = drafts[-1] if drafts else None
        if line.kind in ("boiler", "promo", "related"):
            continue
        if line.kind == "end":
            if cur:
                cur.closed = True
            continue
        if line.kind == "meta":
            if cur and not cur.paragraphs and not cur.closed and not pending:
                _merge_meta(cur.meta, line.meta)
            else:
                _merge_meta(pending, line.meta)
            continue
        if line.kind == "headline" and not (meta_first and not pending and cur and cur.paragraphs and not cur.closed):
            if meta_first is None:
                meta_first = bool(pending)
            drafts.append(Draft(BULLET.sub("", line.text), pending))
            pending = {}
            continue
        if cur and not cur.closed:
            cur.paragraphs.append(line.text)
    return drafts


def _body_paragraphs(texts: list[str], title: str | None, protected: set[str], rules: TextRules) -> list[str]:
    """Clean paragraphs: glued title, credits and subheadings split off, bullets and 'Read more' dropped."""
    out: list[str] = []
    for n, text in enumerate(texts):
        text = BULLET.sub("", text)
        if n == 0:
            text = strip_title_prefix(text, title)
        for piece in unglue_paragraph(text, protected):
            if rules.boilerplate.fullmatch(piece) or (title and piece == title and not out):
                continue
            out.append(piece)
    return out


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
    return Story(position=position, role=role, title=draft.title, body="\n\n".join(body),
                 category=draft.meta.get("category"),
                 published_at=published if isinstance(published, datetime) else None,
                 author=draft.meta.get("author"), source_site=site, url=url if role == "main" else None)


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
    if not lines:
        return []
    protected = camel_tokens(text)
    site = source_site or _site_hint(lines)
    items = _digest_items(lines, rules)
    if items:
        drafts = _digest_drafts(lines, items, rules)
        return [_to_story(d, i, "main" if i == 0 else "related",
                          _body_paragraphs(d.paragraphs, d.title, protected, rules), url, site)
                for i, d in enumerate(drafts)]
    layout = page_layout(lines, rules)
    if layout is None:
        return []
    t = layout.title
    meta, meta_lines = _header_meta(lines, t, layout.body_start)
    main, related_at = _main_draft(lines, t, meta, layout.keep - meta_lines if layout.keep else set(), layout.scores)
    main.paragraphs = _without_author_lines(main.paragraphs, main.meta.get("author"))
    drafts = [main]
    if related_at is not None:
        drafts += [d for d in _collect_related(lines, related_at, rules) if d.title and d.title != main.title]
    stories = []
    for n, draft in enumerate(drafts):
        body = _body_paragraphs(draft.paragraphs, draft.title, protected, rules)
        if n == 0 and body:
            body[0] = rules.dateline.sub("", body[0], count=1)
        stories.append(_to_story(draft, n, "main" if n == 0 else "related", body, url, site))
    return stories


def _main_draft(lines: list[Line], t: int | None, meta: dict, keep: set[int],
                scores: list[float]) -> tuple[Draft, int | None]:
    """The main story from its title line on, and where a related block starts (None when there is none).

    Lines outside `keep` (the line model's content) are left out when the model kept any. An end or
    related marker ends the story only once the story holds more kept words than the page keeps
    after the marker: a 'Related' link or 'Thanks for reading' prompt above most of the text ends nothing.
    """
    main = Draft(lines[t].text if t is not None else None, meta)
    kept_after = _kept_words_after(lines, keep)
    words, related_at = 0, None
    i = _body_from(lines, t, keep)
    while i < len(lines):
        line = lines[i]
        ends = words >= kept_after[i]
        if line.kind == "meta" and line.meta.get("provider"):  # 'News provided by' + the provider's name
            i += 2
            continue
        if line.kind == "related" and words >= min(kept_after[i], RELATED_MIN_WORDS) \
                and not _inline_related(lines, i, scores, words, kept_after[i]):
            related_at = i + 1
            break
        if line.kind == "end" and not main.closed:
            main.closed = bool(main.paragraphs) and ends  # furniture above the body ('Source: …') ends nothing
        elif main.closed:
            if author := _author_bio(lines, i):
                main.meta.setdefault("author", author)
                i += 2
                continue
        elif line.kind == "headline" and _about_block(lines, i):
            main.closed = True
        elif not main.paragraphs and not TWO_LETTERS.search(line.text):
            pass  # counters and numbers above the story ('41', '#1'): page furniture
        elif line.kind in ("text", "headline") and line.text != main.title and (not keep or i in keep):
            main.paragraphs.append(line.text)
            words += line.words
        i += 1
    return main, related_at


def _body_from(lines: list[Line], t: int | None, keep: set[int]) -> int:
    """The line the main body is read from: the one under the title, or the first kept line when much of the kept
    content sits above the title (a headline picked low on the page must not cut the story above it)."""
    if t is None:
        return 0
    above = sum(lines[i].words for i in keep if i < t)
    total = sum(lines[i].words for i in keep)
    if keep and above >= ABOVE_TITLE_MIN_WORDS and above >= ABOVE_TITLE_SHARE * total:
        return min(keep)
    return t + 1


def _inline_related(lines: list[Line], i: int, scores: list[float], before: int, after: int) -> bool:
    """True when the related marker at `i` heads a card set inside the story ('Related' over one teaser, 'Read Next'
    over a few links) rather than a block of other stories: it sits in running prose (the lines above it score as
    content), the prose resumes within a few lines under it, at least as much of the kept story follows it as
    precedes it, and no dated story follows it."""
    above = scores[max(0, i - INLINE_REACH):i]
    if not above or sum(above) / len(above) < INLINE_PROSE_SCORE or after * RELATED_SHARE < before:
        return False
    below = lines[i + 1:i + 1 + INLINE_RESUME]
    return not any(x.kind == "meta" and x.meta.get("date") for x in below) \
        and any(_is_body_start(x, text_rules()) for x in below)


def _kept_words_after(lines: list[Line], keep: set[int]) -> list[int]:
    """Per line, the words of the kept lines after it."""
    out, total = [0] * len(lines), 0
    for i in range(len(lines) - 1, -1, -1):
        out[i] = total
        if i in keep:
            total += lines[i].words
    return out


@dataclass
class Layout:
    """Where a page's story sits: line-model scores, the lines kept, the first paragraph and the title line."""

    scores: list[float]
    keep: set[int]
    body_start: int
    rule_title: int | None
    title: int | None = None


def page_layout(lines: list[Line], rules: TextRules, choose: bool = True) -> Layout | None:
    """The layout of a page's lines, None when no line is running text (`choose=False`: no title model)."""
    body_start = next((i for i, line in enumerate(lines) if _is_body_start(line, rules)), None)
    if body_start is None:
        return None
    model = line_model()
    scores = score_lines([x.text for x in lines], [x.kind for x in lines], [x.para for x in lines])
    words = [x.words for x in lines]
    span = main_span(scores, words, model)
    if span and _prose_words(lines[span[0]:span[1] + 1], rules) < SHORT_LINE_PAGE_PROSE:
        span = main_span(scores, words, replace(model, span_threshold=SHORT_LINE_SPAN_THRESHOLD)) or span
    keep = {i for i in range(span[0], span[1] + 1) if scores[i] > model.keep_threshold} if span else set()
    body_start = next((i for i in sorted(keep) if _is_body_start(lines[i], rules)), body_start)
    layout = Layout(scores, keep, body_start, _rule_title(lines, body_start))
    layout.title = choose_title(lines, layout) if choose else layout.rule_title
    return layout


def _prose_words(lines: list[Line], rules: TextRules) -> int:
    """Words of the running-prose lines (body starts: long, or a full sentence) among `lines`."""
    return sum(line.words for line in lines if _is_body_start(line, rules))


def _digest_drafts(lines: list[Line], items: list[int], rules: TextRules) -> list[Draft]:
    """One draft per numbered digest item; each ends at the next item, a separator or an end marker."""
    drafts = []
    for n, start in enumerate(items):
        stop = items[n + 1] if n + 1 < len(items) else len(lines)
        title = rules.digest_item.fullmatch(lines[start].text).group("title").strip()
        draft = Draft(title)
        for line in lines[start + 1:stop]:
            if line.kind == "meta" and not draft.paragraphs:
                _merge_meta(draft.meta, line.meta)
            elif line.kind in ("end", "related") or (line.kind == "boiler" and re.fullmatch(r"[━─═_\-*=~]{3,}", line.text)):
                break
            elif line.kind in ("text", "headline"):
                draft.paragraphs.append(line.text)
        drafts.append(draft)
    return drafts
