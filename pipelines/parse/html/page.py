"""Split a saved news page (HTML) into its main story and the related stories it carries.

Site knowledge lives in `pipelines/data/html_rules.yaml`. The page is parsed once (lxml, with
trafilatura's repairs and parser settings); related blocks are cut out of the tree first,
boilerplate elements next, then trafilatura extracts the main body from what is left.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML

from pipelines.parse.dates import parse_date
from pipelines.parse.html.body import read_body
from pipelines.parse.html.meta import (clean_author, headline_date, library_date, page_author,
                                       markup_author, markup_category, markup_date, read_jsonld, read_meta,
                                       read_microdata)
from pipelines.parse.html.pagetext import main_area, page_lines, prefer_page_text
from pipelines.parse.html.related import detach, find_regions, related_stories
from pipelines.parse.html.rules import norm_text, rules, text_of, word_count
from pipelines.parse.html.tables import unwrap_layout_tables
from pipelines.parse.urls import site_of
from pipelines.records import Story

TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")
# Bytes XML does not allow (C0 controls but tab and newlines); in UTF-8 they only stand for themselves.
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
# trafilatura's parser settings, with every element an HtmlElement: lxml.html's default class lookup
# (special classes for form fields) is a Python call for each element the code touches.
# huge_tree: libxml2 otherwise drops what is nested deeper than 256 elements (a story inside a page
# builder's wrappers).
PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                    remove_pis=True, huge_tree=True)
PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))


def parse_html(html: str, url: str | None = None) -> list[Story]:
    """Main story (position 0, role 'main') then related stories (role 'related') in page order.

    >>> page = ('<html><head><meta property="og:title" content="Port opens"></head><body>'
    ...         '<article><h1>Port opens</h1><p>The new port opened on Monday after three years of '
    ...         'building work.</p></article><aside><h2>Related</h2><a href="/b">Rail link to '
    ...         'reach the port by 2026</a></aside></body></html>')
    >>> [(s.role, s.title, s.body) for s in parse_html(page)]  # doctest: +NORMALIZE_WHITESPACE
    [('main', 'Port opens', 'The new port opened on Monday after three years of building work.'),
     ('related', 'Rail link to reach the port by 2026', '')]
    """
    tree = load_tree(html) if html and html.strip() else None
    if tree is None:
        return []
    meta, ld, micro = read_meta(tree), read_jsonld(tree), read_microdata(tree)
    etree.strip_elements(tree, *rules()["boilerplate"]["invisible_tags"], with_tail=False)
    page_url = meta.get("url") or ld.get("url") or url
    site = site_name(page_url or url, meta.get("site_name"))
    body_el = tree.find("body") if tree.find("body") is not None else tree
    unwrap_layout_tables(body_el)  # a page laid out in <table>s reads as blocks, not as rows of cells
    title = pick_title(tree, body_el, meta, ld)
    h1 = headline_element(body_el, title)
    article = main_article(body_el, h1)
    anchors = [a for a in (h1, article) if a is not None]
    outside_comments: list[str] = []  # the page's lines but its reader comments; both read before related blocks go
    lines = None if declares_story(meta, ld) else page_lines(main_area(body_el), outside_comments=outside_comments)
    page_words = word_count(body_el)
    regions = find_regions(body_el, anchors, page_words)
    related = [s for r in regions for s in related_stories(r, page_url or url, site)]
    for region in regions:
        detach(region)
    scope = article if article is not None else (header_scope(h1) if h1 is not None else body_el)
    label = markup_category(scope)
    author = pick_author(meta, ld, micro) or markup_author(scope) or page_author(body_el) or handle_author(meta)
    main = Story(position=0, role="main", title=title or None,
                 category=meta.get("category") or ld.get("category") or (label[1] if label else None),
                 published_at=pick_date(meta, ld, micro) or markup_date(scope) or headline_date(h1)
                 or library_date(tree, page_url, whole_page=bool(author)),
                 author=author, source_site=site, url=page_url)
    main.body, above_comments = read_body(tree, body_el, article, ld, [title, main.category], main.author)
    if lines is not None and above_comments:  # a story above its reader comments: they are not the page's text
        lines = outside_comments
    if lines is not None and prefer_page_text(main.body, lines):
        main.body = "\n\n".join(lines)
    if not main.body and not related:
        return []
    stories = [main, *related]
    for i, story in enumerate(stories):
        story.position = i
    return stories


def load_tree(html: str) -> HtmlElement | None:
    """The page as an lxml tree, repaired as trafilatura's loader does; None when it is not HTML.

    >>> load_tree("<html><body><p>One\\x00 two</p></body></html>").findtext(".//p")
    'One two'
    """
    beginning = html[:50].lower()
    if "doctype" in beginning:  # libxml2 trips on some doctype lines (the page is copied only when one does)
        end = html.find("\n")
        first = html[:end] if end >= 0 else html
        fixed, found = DOCTYPE_TAG.subn("", first, count=1)
        if found:
            html = fixed + html[len(first):]
    for line in html[:4096].splitlines()[:4]:  # a self-closing <html/>
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    if "\ufffe" in html or "\uffff" in html:  # not characters either (a search of the text, not of its bytes)
        html = html.replace("\ufffe", "").replace("\uffff", "")
    data = html.encode("utf-8", "replace").translate(None, CONTROL_BYTES)
    try:
        tree = fromstring(data, parser=PARSER)
    except (etree.ParserError, ValueError):
        return None
    if tree is None or ("html" not in beginning and len(tree) < 2):
        return None
    return tree


def declares_story(meta: dict, ld: dict) -> bool:
    """True when the page says it is a story or a discussion: og:type article, a publication date in its
    <meta> tags (article:published_time …), a JSON-LD story type."""
    page_text = rules()["page_text"]
    if (meta.get("type") or "").lower() in page_text["story_og_types"] or meta.get("published_at"):
        return True
    kinds = ld.get("kinds") or set()
    story_types = set(rules()["jsonld_story_types"]) - {"WebPage"} | set(rules()["discussion"]["jsonld_types"])
    return not kinds.isdisjoint(story_types)


def site_name(url: str | None, declared: str | None) -> str | None:
    """'https://www.example.com/a' -> 'example.com'; else the declared site name."""
    return site_of(url) or declared


def pick_title(tree: HtmlElement, body: HtmlElement, meta: dict, ld: dict) -> str:
    """The headline: the page's <h1> when the meta title agrees, else og:title, JSON-LD, <title>."""
    declared = meta.get("title") or ld.get("title")
    h1s = [text_of(h) for h in body.iter("h1")]
    h1s = [h for h in h1s if h]
    if declared:
        for h in h1s:
            if h == declared or (len(h.split()) >= 3 and declared.startswith(h)):
                return h
        return declared
    if h1s:
        return h1s[0]
    head_title = tree.find(".//title")
    text = norm_text(head_title.text_content()) if head_title is not None else ""
    parts = TITLE_SEPARATORS.split(text)
    return max(parts, key=len) if parts else ""


def pick_date(meta: dict, ld: dict, micro: dict):
    """Publication date from <meta>, JSON-LD, then microdata."""
    return (parse_date(meta.get("published_at")) or parse_date(ld.get("published_at"))
            or parse_date(micro.get("published_at")))


def pick_author(meta: dict, ld: dict, micro: dict) -> str | None:
    """Author from <meta> when it names a person (not a profile address or a one-word handle), else
    JSON-LD, else microdata."""
    value = meta.get("author")
    if value and " " in value and not value.startswith(("http", "@")):
        return clean_author(value) or value
    return ld.get("author") or micro.get("author")


def handle_author(meta: dict) -> str | None:
    """A one-word <meta> author ('jdoe'): a handle, taken only when nothing better names the author."""
    value = meta.get("author")
    return value if value and not value.startswith(("http", "@")) else None


def headline_element(body: HtmlElement, title: str) -> HtmlElement | None:
    """The <h1> (or heading) that carries the title."""
    first = None
    for el in body.iter("h1", "h2"):
        text = text_of(el)
        if title and text and (text == title or title.startswith(text) or text.startswith(title)):
            return el
        if first is None and el.tag == "h1" and text:
            first = el
    return first


def main_article(body: HtmlElement, h1: HtmlElement | None) -> HtmlElement | None:
    """The <article> holding the headline, else the largest <article> on the page."""
    if h1 is not None:
        return next((a for a in h1.iterancestors("article")), None)
    articles = list(body.iter("article"))
    return max(articles, key=lambda a: len(text_of(a)), default=None)


def header_scope(h1: HtmlElement) -> HtmlElement:
    """The ancestor of a lone headline that holds its byline and date (two levels up at most)."""
    scope = h1
    for _ in range(2):
        parent = scope.getparent()
        if parent is None or parent.tag == "body":
            break
        scope = parent
    return scope


