"""A text dump's headline, date and author, found from where they sit around the story.

The title is the candidate line the title model (pipelines/parse/title_features.py) scores highest;
the date and author are read from the lines nearest that title (a dateline, 'By …', or a name
printed next to the date), the way a reader finds them on the page.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipelines.parse.dates import MONTHS, find_date, parse_date
from pipelines.parse.line_features import stop_words
from pipelines.parse.line_model import line_model, weighted_score
from pipelines.parse.rules import text_rules
from pipelines.parse.title_features import capital_share, is_meta_like, title_candidates, title_features

META_MAX_WORDS = 20  # a line longer than this is prose that mentions a date, not a dateline
SHORT_META_WORDS = 20  # a dateline or byline this short holds nothing but metadata: it leaves the body
ABOVE, BELOW = 4, 10
PAST_BODY_START = 5  # a date a few lines into the story still belongs to its header (below that: other stories')
FALLBACK_WINDOW, FALLBACK_MAX_WORDS = 15, 12  # a dateline near the first paragraph when none is near the title  # how far from the title metadata is looked for
NAME = re.compile(r"[A-Z][\w.’'\-]*")
LEAD_WORDS = re.compile(r"^(?:posted|published|updated|article)\s+", re.I)
INLINE_BY = re.compile(r"(?<=[.!?…”\"]\s)(?=By\s)")  # a byline after a sentence on the same line
# A label alone on its line with the name on the next: the author's, or another credit's (both leave the body).
AUTHOR_LABEL = re.compile(r"(?:(?:written|posted|reported|words)\s+)?by:?|authors?:?", re.I)
CREDIT_LABEL = re.compile(r"(?:edited|reviewed|fact[- ]checked|medically reviewed|photos?|illustrations?)\s+by:?|editor:?", re.I)
DATE_LABEL_END = re.compile(r"\b(?:posted|published|updated|last updated|on|date)\s*(?:on|at)?:?\s*$", re.I)
LABELLED_DATE_REACH = 60  # characters into a line its labelled date ends by
# A credit that names a story's writer wherever it is printed ('Written by', 'Article by', 'Text by', 'Author:'); a bare
# 'By' or 'Posted by' is not one (comments, related cards and forum posts carry those).
WRITER_CREDIT = re.compile(r"(?:(?:article|text|words|story)\s+(?:written\s+)?by|(?:article\s+)?written\s+by|(?:article\s+)?authors?)\b:?", re.I)
NAME_LINE_MAX_WORDS = 8  # 'Ann Lee, MD, Senior Editor' at most
NAME_NEAR_DATE = 2  # lines between a date and a name printed beside it (with only a short label between)
GLUED = re.compile(r"[a-z]{3}[A-Z]")  # words run together ('LearningDeveloper'), not 'McDonald' or 'DeAndre'
CRUMB_SEP = re.compile(r"\s+[>›»/]\s+|\s*[›»]\s*")  # 'Home > Blog > …', 'Home›Travel›…'
CRUMB_MARK = re.compile(r"[>›»/]")
CRUMB_MAX_WORDS = 30  # a longer line with a '/' or '>' in it is prose, not a breadcrumb
CRUMB_LEAD = re.compile(r"^\s*you are here\s*:\s*", re.I)
CRUMB_ITEM_WORDS, CRUMB_REACH = 4, 3  # a breadcrumb starts with a short item; its page's heading is printed within 3 lines
DEK_MIN_WORDS, DEK_RATIO = 4, 1.5  # a headline (not a section's name) over its standfirst, half as long again or more
THREAD_TITLE_MAX_WORDS = 30  # a longer line over a thread starter's label is a post's text, not the thread's title
SECTION_OVER_WORDS = 4  # a headline has four words or more; a section's name under a breadcrumb fewer
TWO_LETTERS = re.compile(r"[^\W\d_]{2}")  # a crumb that names a page ('Page 1 / 2' ends with none)
CALENDAR_WORD = re.compile(rf"{MONTHS}|(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)")


def choose_title(lines, layout) -> int | None:
    """Index of the headline: the heading a breadcrumb ends with, else the title model's best candidate, else the
    rules' pick."""
    if (crumbed := breadcrumb_title(lines, layout.body_start)) is not None:
        return crumbed
    if (thread := thread_title(lines)) is not None:
        return thread
    model = line_model()
    candidates = title_candidates(lines, layout.body_start)
    if not model.title or not candidates:
        return layout.rule_title
    body = " ".join(lines[i].text for i in sorted(layout.keep)[:40])
    rows = title_features(lines, candidates, layout.body_start, layout.scores, body, layout.rule_title)
    scored = [(weighted_score(model.title, row), i) for row, i in zip(rows, candidates)]
    best, index = max(scored)
    index = index if best >= model.title_threshold else layout.rule_title
    if index is not None and index - 1 in candidates and headline_over(lines, index - 1, layout.body_start):
        return index - 1  # the model's pick is what is printed under the headline
    return index


def breadcrumb_title(lines, body_start: int) -> int | None:
    """Index of the line printed under a breadcrumb ('Home > Blog > A city sets up a fund', 'You are here: start >
    searching') that repeats the breadcrumb's last item: the page's own heading (a breadcrumb ends with the page it
    is on). The pair nearest the story's first paragraph; None when the page has none.

    >>> from pipelines.parse.text_page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = "Menu\\nHome > Blog > A city sets up a fund\\nBlog\\nA city sets up a fund\\nThe city has set up a fund."
    >>> breadcrumb_title(read_lines(page, text_rules()), 4)
    3
    """
    found = []
    for i, line in enumerate(lines):
        if line.words > CRUMB_MAX_WORDS or not CRUMB_MARK.search(line.text):
            continue
        parts = CRUMB_SEP.split(CRUMB_LEAD.sub("", line.text))
        if len(parts) < 2 or not TWO_LETTERS.search(parts[-1]) or len(parts[0].split()) > CRUMB_ITEM_WORDS:
            continue
        last = parts[-1].casefold()
        for j in range(i + 1, min(len(lines), i + 1 + CRUMB_REACH)):
            if lines[j].text.casefold() == last:
                if not _section_over_headline(lines, j):
                    found.append((abs(j - body_start), j))
                break
    return min(found)[1] if found else None


def thread_title(lines) -> int | None:
    """Index of a forum thread's title: the heading printed right over the label a forum engine prints by the
    thread's starter ('Thread starter Ann', 'Ann Discussion starter'; furniture between them skipped). None on a
    page with no such label or with several (a forum's index lists many threads, each with its starter).

    >>> from pipelines.parse.text_page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = "Forums\\nGeneral Discussion\\nNew tank thoughts\\nThread starter ann_lee\\nStart date Mar 6, 2024\\nHello all."
    >>> thread_title(read_lines(page, text_rules()))
    2
    """
    page = "\n".join(x.text for x in lines)
    found = _thread_labels(page)
    if len(found) != 1:
        return None
    i = page.count("\n", 0, found[0].start()) - 1
    while i >= 0 and lines[i].kind == "boiler":
        i -= 1
    if i < 0 or lines[i].kind not in ("headline", "text") or not 1 <= lines[i].words <= THREAD_TITLE_MAX_WORDS \
            or lines[i].text.endswith(".") or is_meta_like(lines[i]):
        return None
    return i


def _section_over_headline(lines, j: int) -> bool:
    """True when the short line at `j` is a section's name printed over a longer headline ('Home > News > Politics',
    'Politics', 'City sets up a fund for start-ups'): the breadcrumb ends with the section, not with the story."""
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    return lines[j].words < SECTION_OVER_WORDS and nxt is not None and nxt.kind == "headline" \
        and nxt.words >= SECTION_OVER_WORDS


def headline_over(lines, above: int, body_start: int) -> bool:
    """True when the line at `above` is the headline and the next line what is printed under it: the writer's name and
    role ('Ann Lee, Senior Editor'), or a standfirst (a longer line in sentence case under a headline in title case)
    that runs straight into the story's first paragraph or its dateline or byline.

    >>> from pipelines.parse.text_page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = read_lines("Making Google Sans Flex\\nHow seven design problems shaped the typeface over five years\\n"
    ...                   "The typeface began as a set of sketches for a phone screen and grew from there.", text_rules())
    >>> headline_over(page, 0, 2)
    True
    """
    head, line = lines[above], lines[above + 1]
    if head.kind != "headline" or head.words < DEK_MIN_WORDS or head.text.endswith(".") or is_meta_like(head):
        return False
    if "," in line.text and _name(line.text):
        return True
    nxt = above + 2
    return line.words >= DEK_RATIO * head.words and capital_share(head.text) >= 0.6 > 0.5 > capital_share(line.text) \
        and (nxt == body_start or (nxt < len(lines) and is_meta_like(lines[nxt])))


def _byline_name(text: str) -> str | None:
    """The name of a 'By …' part of a line ('Posted by Ann Lee | May 2, 2024' -> 'Ann Lee'), also after a
    sentence ('… for growth. By Ann Lee on May 2, 2024')."""
    rules = text_rules()
    parts = [LEAD_WORDS.sub("", part.strip()) for part in rules.separators.split(text)]
    parts += [text[m.end():] for m in INLINE_BY.finditer(text)]
    if found := _labelled_dateline(text):  # 'Posted on May 2, 2024 by Ann Lee - 5 Comments on …'
        parts.append(text[found.end():].strip())
    for part in parts:
        match = rules.byline.match(part)
        if match:
            return _before_date(match.group("name").strip())
    return None


def _labelled_dateline(text: str) -> re.Match | None:
    """The date of a line that opens with a date label and the date ('Posted on May 2, 2024 by Ann Lee - 5 Comments
    on <headline>'): metadata however long the line runs on, else None.

    >>> _labelled_dateline("Posted on May 2, 2024 by Ann Lee - 5 Comments on A long headline about a city fund").group(0)
    'May 2, 2024'
    """
    label = text_rules().date_prefix.match(text)
    found = find_date(text[:LABELLED_DATE_REACH]) if label else None
    return found if found and found.start() == label.end() else None


def _byline_tail(text: str) -> str | None:
    """The short 'By …' part that ends a long line after a sentence ('… beyond the U.S. and Canada. By Ann Lee on
    May 2, 2024' -> 'By Ann Lee on May 2, 2024'), else None.

    >>> _byline_tail("The chain wants to grow well beyond its home market in the next five years. By Ann Lee on May 2, 2024")
    'By Ann Lee on May 2, 2024'
    """
    found = list(INLINE_BY.finditer(text))
    tail = text[found[-1].end():] if found else ""
    return tail if tail and len(tail.split()) <= FALLBACK_MAX_WORDS else None


def _before_date(name: str) -> str:
    """A byline's name without the date run into it ('ANN LEE ON JANUARY 21' -> 'ANN LEE')."""
    words = name.split()
    cut = next((n for n, w in enumerate(words) if n and (CALENDAR_WORD.fullmatch(w) or w.lower() in ("on", "at"))), len(words))
    return " ".join(words[:cut])


def _name(text: str) -> str | None:
    """A person's name alone on a line (two to four capitalised words, no function words, no digits;
    a title after a comma is left out: 'Ann Lee, Ph.D.' -> 'Ann Lee'), else None."""
    if len(text.split()) > NAME_LINE_MAX_WORDS:
        return None
    name = text.split(",")[0].strip()
    words = name.split()
    if (2 <= len(words) <= 4 and all(NAME.fullmatch(w) for w in words)
            and not any(w.lower() in stop_words() for w in words) and not any(c.isdigit() for c in name)):
        return name
    return None


def plausible_name(name: str, page: str) -> bool:
    """True when a credited name reads as a person's or a handle: no words run together, no month or weekday,
    and neither its first word nor most of its words written in lower case elsewhere on the page (a label in
    title case, 'Key Points', 'Copy Link', 'Backup Strategy', is made of the page's common words; a name is not).

    >>> [plausible_name(n, "the key points of a backup strategy, a copy") for n in ["Ann Lee", "Key Points", "Copy Link", "ann_lee", "Feb"]]
    [True, False, False, True, False]
    """
    words = name.split()
    if len(GLUED.findall(name)) > 1 or any(CALENDAR_WORD.fullmatch(w) for w in words):
        return False
    common = [w != w.lower() and _written(w.lower(), page) for w in words]
    return not common[0] and sum(common) * 2 <= len(words)


def _written(word: str, page: str) -> bool:
    """True when `word` stands as a whole word in `page` (found by str.find: a regex would scan the page per word)."""
    start = page.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not _word_char(page[start - 1])) and (end == len(page) or not _word_char(page[end])):
            return True
        start = page.find(word, start + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _name_beside_date(text: str, found) -> str | None:
    """The name printed on the same line as a date ('Ann Lee • May 2, 2024', 'May 2, 2024Ann Lee', 'Ann Lee - Updated on …').

    >>> import re; _name_beside_date("Ann Lee • Updated on May 2, 2024 • 5 min read", re.search("May 2, 2024", "Ann Lee • Updated on May 2, 2024"))
    'Ann Lee'
    """
    rest = text_rules().separators.split(text[:found.start()])[0]
    rest = DATE_LABEL_END.sub("", rest).strip(" -–—|·•,")
    if not rest:
        rest = text[found.end():].strip(" -–—|·•,")
    return _name(rest)


def thread_author(texts: list[str]) -> tuple[int, str] | None:
    """(line index, name) of the label a forum engine prints by the thread's starter ('Thread starter Ann',
    'Ann Discussion starter'), else None.

    >>> thread_author(["Menu", "Thread starter ann_lee", "Jan 5, 2024"])
    (1, 'ann_lee')
    """
    page = "\n".join(texts)
    found = _thread_labels(page)
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return page.count("\n", 0, first.start()), first.group("name")


@lru_cache(maxsize=2)
def _thread_labels(page: str) -> tuple[re.Match, ...]:
    """Every thread-starter label on the page (the title and the author are read from one search of it)."""
    return tuple(m for pattern in text_rules().thread_author for m in pattern.finditer(page))


def labelled_author(texts: list[str], line: int) -> tuple[tuple[int, ...], str] | None:
    """(indexes of its lines, name) of the writer's credit nearest `line` (the story's first paragraph) anywhere on the page:
    'Written by Ann Lee', or 'Article written by:' alone with the name on the next line ('Ann Lee, MD' or
    'Ann - Product marketer' give the name before the comma or separator), when none sits by the headline.

    >>> labelled_author(["Menu", "A story starts here and goes on.", "Article written by:", "Ann Lee, MD, Editor"], 1)
    ((2, 3), 'Ann Lee')
    """
    page, found = None, []
    for i, text in enumerate(texts):
        label = WRITER_CREDIT.match(text)
        if not label or len(text.split()) > FALLBACK_MAX_WORDS:
            continue
        page = page if page is not None else "\n".join(texts)
        if label.end() == len(text.rstrip()) and i + 1 < len(texts):
            at, name = (i, i + 1), _credited_name(texts[i + 1])
        else:
            at, name = (i,), _byline_name(text)
        if name and plausible_name(name, page):
            found.append((abs(at[-1] - line), at, name))
    return min(found)[1:] if found else None


def _credited_name(text: str) -> str | None:
    """The name on the line under a writer's credit: the part before a comma or separator, one to four
    capitalised words ('Ann - Product marketer' -> 'Ann')."""
    name = text_rules().separators.split(text.split(",")[0])[0].strip()
    words = name.split()
    return name if 1 <= len(words) <= 4 and all(NAME.fullmatch(w) for w in words) else None


def byline_near(texts: list[str], line: int) -> tuple[int, str] | None:
    """(index, name) of the nearest short 'By …' line around `line` (the story's first paragraph), when the title has none.

    >>> byline_near(["Menu", "By Ann Lee", "A story starts here and goes on."], 2)
    (1, 'Ann Lee')
    """
    window = range(max(0, line - FALLBACK_WINDOW), min(len(texts), line + PAST_BODY_START + 1))
    page = "\n".join(texts)
    for i in sorted(window, key=lambda i: (abs(i - line), i > line)):
        if len(texts[i].split()) <= FALLBACK_MAX_WORDS and (name := _byline_name(texts[i])) and plausible_name(name, page):
            return i, name
    return None


def nearby_meta(texts: list[str], title: int | None, body_start: int) -> tuple[dict, set[int]]:
    """Date and author read from the lines nearest the title (below it first at equal distance), and the
    indexes of the lines they were read from that hold nothing else worth keeping (a name, a short dateline).

    >>> meta, used = nearby_meta(["Menu", "A title", "Jane Roe", "March 3, 2024", "Text starts."], 1, 4)
    >>> sorted(meta.items()), sorted(used)
    ([('author', 'Jane Roe'), ('date', datetime.datetime(2024, 3, 3, 0, 0))], [2, 3])
    """
    if title is None:
        return {}, set()
    lo, hi = max(0, title - ABOVE), min(len(texts), title + BELOW + 1, max(body_start, title + 1) + PAST_BODY_START)
    order = sorted(range(lo, hi), key=lambda i: (abs(i - title), i < title))
    meta: dict = {}
    used: set[int] = set()
    page = "\n".join(texts)
    for i in order:
        words = len(texts[i].split())
        text, whole = texts[i], True
        if i == title:
            continue
        if words > META_MAX_WORDS and not _labelled_dateline(text):
            tail = _byline_tail(text)  # a standfirst with its byline run in: only the byline is read, the line stays
            if not tail:
                continue
            text, words, whole = tail, len(tail.split()), False
        if "date" not in meta and (found := find_date(text)) and (value := parse_date(text)):
            meta["date"] = value
            if words <= SHORT_META_WORDS and whole:
                used.add(i)
            if "author" not in meta and (name := _byline_name(text) or _name_beside_date(text, found)) \
                    and plausible_name(name, page):
                meta["author"] = name  # a byline on the date's own line, else a name printed beside the date
            for j in sorted(range(i - NAME_NEAR_DATE, i + NAME_NEAR_DATE + 1), key=lambda j: abs(j - i)):
                if "author" not in meta and j not in (i, title) and 0 <= j < len(texts) and (name := _name(texts[j])) \
                        and all(len(texts[k].split()) <= 4 for k in range(min(i, j) + 1, max(i, j))) \
                        and plausible_name(name, page):
                    meta["author"] = name  # a name printed beside the date is its author
                    used.add(j)
        label = AUTHOR_LABEL.fullmatch(text) or CREDIT_LABEL.fullmatch(text)
        if label and i + 1 < len(texts) and (name := _name(texts[i + 1])):
            used.update((i, i + 1))
            if "author" not in meta and AUTHOR_LABEL.fullmatch(text) and plausible_name(name, page):
                meta["author"] = name
        elif "author" not in meta and (name := _byline_name(text)) and plausible_name(name, page):
            meta["author"] = name
            if (words <= SHORT_META_WORDS or i in used) and whole:
                used.add(i)
    return meta, used


def dateline_near(texts: list[str], line: int) -> tuple[int, object] | None:
    """(index, date) of the short dated line nearest above `line` (the story's first paragraph), when the title has none.

    >>> dateline_near(["Menu", "Posted 2 March 2024", "A story starts here and goes on."], 2)
    (1, datetime.datetime(2024, 3, 2, 0, 0))
    """
    for i in range(line - 1, max(0, line - FALLBACK_WINDOW) - 1, -1):
        if len(texts[i].split()) <= FALLBACK_MAX_WORDS and find_date(texts[i]):
            if value := parse_date(texts[i]):
                return i, value
    return None
