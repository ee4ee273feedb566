"""Related-story blocks of a news page ('Related', 'Read next', <aside>, ul.more-news ...), each item a Story."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml.html import HtmlElement

from pipelines.parse.dates import parse_date
from pipelines.parse.html.rules import (HEADINGS, is_block_label, is_boilerplate, is_boilerplate_line,
                                        rules, strip_teaser_ending, text_of, word_count)
from pipelines.parse.scripts import word_count as text_words
from pipelines.records import Story

BLOCK_TAGS = {"div", "section", "aside", "ul", "ol", "article", "footer", "nav", "dl", "table"}
TEXT_TAGS = ("p", "li", "blockquote", "dd")


@dataclass
class Region:
    """A block of other stories: `roots` are searched, climbing stops at `stop`."""

    roots: list[HtmlElement]
    stop: HtmlElement
    label: HtmlElement | None = None


@dataclass
class Teaser:
    """What one related item states, filled by the tag handlers."""

    headline: HtmlElement
    title: str = ""
    url: str | None = None
    date: object = None
    paragraphs: list[str] = field(default_factory=list)


def words(text: str) -> int:
    """Number of words (Han/Kana runs by script: scripts.word_count)."""
    return text_words(text)


def contains(outer: HtmlElement, inner: HtmlElement | None) -> bool:
    """True when `inner` is `outer` or sits inside it."""
    while inner is not None:
        if inner is outer:
            return True
        inner = inner.getparent()
    return False


def find_regions(body: HtmlElement, anchors: list[HtmlElement], page_words: int) -> list[Region]:
    """Outermost blocks of other stories, in page order; never one holding the main story."""
    rel = rules()["related"]
    cues = rules()["cues"]["related"]
    regions: list[Region] = []
    claimed: set[HtmlElement] = set()

    def acceptable(el: HtmlElement) -> bool:
        if any(contains(el, a) for a in anchors):
            return False
        return word_count(el) <= max(60, rel["max_share_of_page_text"] * page_words) or el.tag == "aside"

    label_tags = set(HEADINGS) | set(rel["label_tags"])
    for el in body.iter(*BLOCK_TAGS, *label_tags):
        if el in claimed:
            continue
        if el.tag in BLOCK_TAGS and (el.tag in rel["tags"] or cues.match(el)) and acceptable(el):
            if el.tag in rel["tags"] and not cues.match(el) and not headlines(Region([el], el)):
                continue  # an aside without headlines (pull quote, fact box) stays with the story
            regions.append(Region([el], el))
            claimed.update(el.iter())
        elif el.tag in label_tags and (el.tag in HEADINGS or len(el) <= 2) and is_block_label(text_of(el)):
            parent = el.getparent()
            if parent is None:
                continue
            if parent is not body and text_of(parent).startswith(text_of(el)) and acceptable(parent):
                regions.append(Region([parent], parent, el))
                claimed.update(parent.iter())
                continue
            after = following_items(el)
            if after and not any(contains(s, a) for s in after for a in anchors):
                regions.append(Region(after, parent, el))
                claimed.update(x for s in [el, *after] for x in s.iter())
    return regions


def following_items(label: HtmlElement) -> list[HtmlElement]:
    """Siblings after a block label, up to the next heading of its rank or, after a plain label, running text."""
    rank = int(label.tag[1]) if label.tag in HEADINGS else 9
    out = []
    for sib in label.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if sib.tag in ("h1", *HEADINGS) and int(sib.tag[1]) <= rank:
            break
        if rank == 9 and sib.tag in TEXT_TAGS and not is_link_paragraph(sib, 1):
            break
        out.append(sib)
    return out


def is_link_paragraph(el: HtmlElement, min_words: int) -> bool:
    """True when all the text of `el` is one link of at least `min_words` words."""
    links = [a for a in el.iter("a")]
    if len(links) != 1:
        return False
    text = text_of(el)
    return bool(text) and text_of(links[0]) == text and words(text) >= min_words


def headlines(region: Region) -> list[HtmlElement]:
    """Headings and long links that name a story, in page order."""
    min_words = rules()["related"]["min_headline_words"]
    found = []
    for root in region.roots:
        for el in root.iter(*HEADINGS, "a"):
            if el is region.label or is_boilerplate(el):
                continue
            text = text_of(el)
            if words(text) < min_words or is_block_label(text) or is_boilerplate_line(text):
                continue
            if el.tag == "a" and next(el.iterancestors(*HEADINGS), None) is not None:
                continue
            if el.tag in HEADINGS and found and contains(found[-1], el):
                continue
            found.append(el)
    return found


def item_containers(region: Region, heads: list[HtmlElement]) -> list[tuple[HtmlElement, HtmlElement]]:
    """(container, headline) pairs: each headline climbs while its ancestor holds no other headline."""
    count = Counter(a for h in heads for a in h.iterancestors())  # elements hash by identity
    pairs = []
    for head in heads:
        el = head
        parent = el.getparent()
        while parent is not None and parent is not region.stop and count[parent] == 1:
            el, parent = parent, parent.getparent()
        pairs.append((el, head))
    return pairs


def on_heading(el: HtmlElement, t: Teaser, base: str | None) -> bool:
    """A heading: the title when it is the headline, else skipped."""
    if el is t.headline:
        t.title = text_of(el)
        link = next(el.iter("a"), None)
        t.url = link_url(link, base) if link is not None else None
    return True


def on_link(el: HtmlElement, t: Teaser, base: str | None) -> bool:
    """A link: the title when it is the headline; 'Read more' and other links are skipped."""
    if el is t.headline:
        t.title, t.url = text_of(el), link_url(el, base)
    return True


def on_time(el: HtmlElement, t: Teaser, base: str | None) -> bool:
    """A <time>: the item's date."""
    t.date = t.date or parse_date(el.get("datetime")) or parse_date(el.text_content())
    return True


def on_text(el: HtmlElement, t: Teaser, base: str | None) -> bool:
    """A paragraph or list item: part of the teaser body, unless it is a date line or boilerplate."""
    if contains(el, t.headline):
        return False
    text = strip_teaser_ending(text_of(el))
    if not text or is_boilerplate_line(text):
        return True
    if not t.date and words(text) <= 8 and (date := parse_date(text)):
        t.date = date
        return True
    t.paragraphs.append(text)
    return True


HANDLERS = {**{h: on_heading for h in HEADINGS}, "a": on_link, "time": on_time,
            **{tag: on_text for tag in TEXT_TAGS}}


def walk(el: HtmlElement, t: Teaser, base: str | None) -> None:
    """Visit `el` and its children with the tag handlers; a handler returning True consumes the subtree."""
    if not isinstance(el.tag, str) or is_boilerplate(el):
        return
    handler = HANDLERS.get(el.tag)
    if handler is None and el is not t.headline and rules()["cues"]["date"].match(el):
        text = text_of(el)
        if words(text) <= 8 and (date := parse_date(text)):
            t.date = t.date or date
            return
    if handler is not None and handler(el, t, base):
        return
    for child in el:
        walk(child, t, base)


def link_url(link: HtmlElement, base: str | None) -> str | None:
    """Absolute address of a link when it can be known."""
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")):
        return None
    return urljoin(base, href) if base else (href if href.startswith("http") else None)


def related_stories(region: Region, base: str | None, site: str | None) -> list[Story]:
    """One Story per item of a block, body '' for a headline-only link."""
    stories = []
    for container, head in item_containers(region, headlines(region)):
        t = Teaser(head)
        walk(container, t, base)
        if not t.title:
            continue
        body = "\n\n".join(p for p in t.paragraphs if p != t.title)
        stories.append(Story(position=0, role="related", title=t.title, body=body, published_at=t.date,
                             source_site=site, url=t.url))
    return stories


def detach(region: Region) -> None:
    """Remove a block from the tree (its tail text stays)."""
    for el in ([region.label] if region.label is not None else []) + region.roots:
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()
