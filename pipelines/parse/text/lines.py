"""A text dump's lines, each read once: its paragraph, its kind (furniture, metadata, headline, body text, end-of-story
marker, related-block marker) and the metadata it carries, by the rules in pipelines/data/text_rules.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.parse.cleaning import normalize_whitespace
from pipelines.parse.dates import NUMERIC_ORDER, find_date, parse_date, short_year_date
from pipelines.parse.rules import TextRules, header_rules, text_rules
from pipelines.parse.scripts import UNSPACED_END, has_unspaced, word_count
from pipelines.parse.text.view import may_hold

EDGE_SYMBOLS = " ↑↓→←»«›‹>|·•–—-"
# 。！？ end a Chinese or Japanese sentence; a magazine's or wire's end mark may follow a story's last one ('... years. ■')
SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]?(?:\s[■□◆])?$|" + UNSPACED_END)
STATEMENT_END = re.compile(r"[。｡][”’」』）)\]】]?$")  # a Chinese or Japanese statement's end (not ？ ！: a headline may end so)
BULLET = re.compile(r"^(?:[•●▪◦‣∙*]|-(?=\s))\s*")
BREADCRUMB = re.compile(r"(you are here|home)\s*[:>›»]", re.I)
HAN_MENU = re.compile(r"[\u4e00-\u9fff]{2,4}(?: [\u4e00-\u9fff]{2,4}){3,}")  # '网站首页 政务公开 政务服务 互动交流'
CATEGORY_BREAKERS = re.compile(r"[.!?,:;]|\b\d+\b")
LINE_END_PUNCTUATION = (".", ":", ";", ",", "…")  # lines hold no line end
HEADLINE_START = re.compile(r"[\"“‘'(\[$€£¥#]?[A-Z0-9]")
ANY_SCRIPT_WORD = re.compile(r"[^\W\d_]{2}")  # two letters of any script: a line in Cyrillic, Greek or Hangul is words
MARKER_TAIL = " .…→»›>"  # 'You might also like…', 'Up next →': the marker without its tail (a colon stays: 'Recommended:' labels a list)


@dataclass
class Line:
    """One non-blank line with its kind and any metadata read from it."""

    text: str
    para: int
    kind: str  # boiler | promo | end | related | meta | headline | text
    meta: dict = field(default_factory=dict)
    words: int = field(init=False, repr=False, compare=False)  # counted once: every step reads it

    def __post_init__(self) -> None:
        self.words = word_count(self.text)


@dataclass
class Draft:
    """A story being assembled."""

    title: str | None
    meta: dict = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    closed: bool = False


def merge_meta(into: dict, meta: dict) -> None:
    """Keep the first date, author and category seen."""
    for key in ("date", "author", "category"):
        if meta.get(key) and key not in into:
            into[key] = meta[key]


def is_category(part: str) -> bool:
    """A section label: a few capitalised words, no numbers, no sentence punctuation."""
    words = part.split()
    return (0 < len(words) <= text_rules().thresholds.category_max_words and part[:1].isupper()
            and not CATEGORY_BREAKERS.search(part) and not part.lower().startswith(("by ", "home")))


def read_meta(text: str, rules: TextRules) -> dict | None:
    """Metadata carried by a line next to a headline (date, category, author), or None.

    >>> sorted(read_meta("Policy & Regulation·January 20, 2024, 10:30 AM", text_rules()).items())
    [('category', 'Policy & Regulation'), ('date', datetime.datetime(2024, 1, 20, 10, 30))]
    """
    if word_count(text) > rules.thresholds.meta_max_words or STATEMENT_END.search(text):
        return None  # a Chinese statement ('本方案自2023年10月1日起施行。') is the story's, whatever date it names
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
        if date_match and len(rules.han_font_switch.sub(" ", part.replace(date_match.group(0), " ")).split()) <= 3:
            meta.setdefault("date", parse_date(part))
        elif body is not text and "date" not in meta and (short := short_year_date(part)):
            meta["date"] = short  # 'Published 3/15/24': a two-digit year read only after a publication label
        elif byline := rules.byline.fullmatch(part):
            meta["author"] = byline.group("name").strip()
        elif has_unspaced(part[:1]) and (field := rules.han_meta_field.fullmatch(part)):
            meta["credit"] = True  # '来源：人民网', '每经记者 刘洋': a Chinese header's field
            if field.group("name"):
                meta.setdefault("author", field.group("name"))
        elif rules.reading_time.fullmatch(part):
            meta["reading_time"] = True
        elif rules.relative_date.fullmatch(part):
            meta["relative_date"] = True  # no day to read without the time the page was fetched
        elif meta.get("forum"):
            continue
        elif is_category(part):
            categories.append(part)
        else:
            return None
    if categories and (meta.get("date") or trailing_separator):
        meta["category"] = categories[0]
    if "date" in meta and meta["date"] is None:
        del meta["date"]
    if meta.get("date") or meta.get("author") or meta.get("category") or meta.get("forum") or meta.get("reading_time") \
            or meta.get("relative_date") or meta.get("credit"):
        return meta
    return None


def _is_menu(text: str, rules: TextRules) -> bool:
    """Navigation: three or more short items separated by | or ·, a breadcrumb, or four or more short Chinese words
    separated by single spaces (Chinese prose and headlines put no space between words: '网站首页 政务公开 政务服务 互动交流')."""
    if BREADCRUMB.match(text) or text.count(" > ") >= 2 or text.count(" ‹ ") >= 1 or HAN_MENU.fullmatch(text):
        return True
    parts = [p for p in rules.separators.split(text) if p.strip()]
    limits = rules.thresholds
    return len(parts) >= limits.menu_min_items and all(word_count(p) <= limits.menu_item_max_words for p in parts)


def _headline_start(text: str) -> bool:
    """True when a line opens as a headline does: a capital (of any script with capitals: 'Город', 'Éire') or a digit,
    or a letter of a script without capitals (Hangul, Arabic, Thai), maybe after an opening quote or bracket.

    >>> [_headline_start(t) for t in ("Port opens", "Город открыл", "호수시 발표", "the port", "города")]
    [True, True, True, False, False]
    """
    if text.isascii() or has_unspaced(text):  # Han and Kana headlines are read by _unspaced_headline
        return bool(HEADLINE_START.match(text))
    first = text.lstrip("\"“‘'([$€£¥#")[:1]
    return first.isdigit() or first.isupper() or (first.isalpha() and not first.islower())


def classify(text: str, rules: TextRules) -> tuple[str, dict]:
    """The kind of one stripped, non-blank line."""
    words = word_count(text)
    if rules.boilerplate.matches(text):
        return "boiler", {}
    trimmed = text.strip(EDGE_SYMBOLS)
    if trimmed and trimmed != text and rules.boilerplate.matches(trimmed):
        return "boiler", {}
    if rules.related_marker.fullmatch(text.rstrip(MARKER_TAIL)):
        return "related", {}
    if rules.story_end.match(text):
        return "end", {}
    if meta := read_meta(text, rules):
        return "meta", meta
    if _is_menu(text, rules):
        return "boiler", {}
    if words <= rules.thresholds.footer_line_max_words and has_unspaced(text) and rules.footer.search(text) \
            and not SENTENCE_END.search(text):
        return "boiler", {}  # a Chinese/Japanese site's notice ('版权所有 © …'): no story's headline or paragraph
    if words <= rules.promo_max_words and rules.promo.search(text):
        return "promo", {}
    bare = BULLET.sub("", text)
    if (words <= rules.headline_max_words and not bare.endswith(LINE_END_PUNCTUATION) and not _ends_statement(bare)
            and (_headline_start(bare) and ANY_SCRIPT_WORD.search(bare) or _unspaced_headline(bare, rules))):
        if header_rules().caption_credit.search(bare):
            return "boiler", {}  # a picture's caption with its credit ('A view of the port. (Photo by Bo Chen)')
        return "headline", {}
    return "text", {}


def _ends_statement(text: str) -> bool:
    """True when a Chinese or Japanese line ends a statement with 。 (maybe under a closing quote or bracket): a sentence
    of a story, never a headline. A headline may end with ？ or ！ ('各地抢滩元宇宙：目标有多大？').

    >>> [_ends_statement(t) for t in ("市政府出台措施。", "目标有多大？", "「来了！」", "Port opens.")]
    [True, False, False, False]
    """
    return not text.isascii() and STATEMENT_END.search(text) is not None


def _unspaced_headline(bare: str, rules: TextRules) -> bool:
    """A headline in a script without capitals (Han, Kana): it opens with such a character (maybe after an opening
    bracket or quote: '【杭州发布新政】五年内培育100家企业', '《方案》解读'), ends no clause and is no copyright notice (a
    capital or digit opens a Latin headline: a notice opens with neither). classify has ruled out a line ending a
    statement (_ends_statement) before it asks."""
    return has_unspaced(bare.lstrip("【「『《“（")[:1]) and not bare.endswith(("，", "、", "；", "：")) \
        and not rules.footer.search(bare)


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
    text is cut); the link text alone is furniture. The suffix is searched only in a line whose tail may hold a
    teaser cue as the case-insensitive suffix reads it (view.may_hold: 'Full ſtory' is 'full story' to it).

    >>> [_line_kind(f"The quay opened on Monday after two years of work. Full {w} »", text_rules())[:2] for w in ("story", "ſtory")]
    [(50, 'text'), (50, 'text')]
    """
    reach = rules.thresholds.teaser_reach
    tail = raw[-reach:]
    teaser = may_hold(tail.lower(), tail, rules.teaser_cues) and rules.teaser_suffix.search(raw, max(0, len(raw) - reach))
    if teaser:
        return (len(raw[: teaser.start()].rstrip()), "text", {}) if teaser.start() else (len(raw), "boiler", {})
    kind, meta = classify(raw, rules)
    return len(raw), kind, meta


def is_error_page(lines: list[Line], rules: TextRules) -> bool:
    """True when the dump is a browser's network error page: a page of a few words with the error's code alone on a line.

    >>> rules = text_rules()
    >>> is_error_page([Line("This site can't be reached", 1, "headline"), Line("ERR_CONNECTION_REFUSED", 2, "headline")], rules)
    True
    >>> is_error_page([Line("The browser showed ERR_CONNECTION_REFUSED to every visitor.", 1, "text")], rules)
    False
    """
    return sum(line.words for line in lines) <= rules.thresholds.error_page_max_words \
        and any(rules.browser_error.fullmatch(line.text) for line in lines)


def is_body_start(line: Line, rules: TextRules) -> bool:
    """The first line of running text: long, or a full sentence."""
    return line.kind == "text" and _running_text(line, rules)


def footer_start(lines: list[Line], rules: TextRules) -> int:
    """Index of the line opening the page footer (the first copyright notice in the page's last part, or a short line
    naming copyright that is no sentence of running text: a 'Copyright' link), or len(lines).

    >>> rules = text_rules()
    >>> footer_start([Line(t, n, "text") for n, t in enumerate(["Story."] * 8 + ["© 2025 Acme. All rights reserved.", "Terms"])], rules)
    8
    """
    limits = rules.thresholds
    for i in range(int(len(lines) * limits.footer_from), len(lines)):
        line = lines[i]
        if line.words > limits.footer_line_max_words or not may_hold(line.text.lower(), line.text, rules.footer_cues):
            continue
        notice = rules.footer.search(line.text)
        if not (notice or rules.footer_mention.search(line.text)):
            continue
        if not _running_text(line, rules):
            return i
        if notice and rules.footer_dated.search(line.text):  # a sentence-shaped notice: 'Copyright © 2024 Acme. …'
            return i  # ('Copyright Office officials said …' is a story's sentence)
    return len(lines)


def _running_text(line: Line, rules: TextRules) -> bool:
    """True when the line reads as a sentence of running text (long, or a full sentence), whatever kind it was read as."""
    return line.words >= rules.body_min_words or (line.words >= rules.thresholds.sentence_min_words
                                                  and bool(SENTENCE_END.search(line.text)))
