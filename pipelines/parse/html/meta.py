"""Story fields a page states in its markup: <meta> tags, JSON-LD, microdata and the story header;
htmldate when the markup states no date."""
from __future__ import annotations

import itertools
import json
import re
from functools import lru_cache
from urllib.parse import urlsplit

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement, fromstring

from pipelines.parse.dates import DATE_PATTERN, parse_date
from pipelines.parse.html.rules import norm_text, rules
from pipelines.parse.scripts import has_unspaced

BYLINE_PREFIX = re.compile(r"^(?:(?:written|posted|reported|published)\s+)?by[:\s]+", re.I)
# A labelled author field among a header line's parts ('Source: Sichuan Today | Author: Li Na | 2023-08-29', '作者：李娜').
AUTHOR_FIELD = re.compile(r"(?:^|\s[|·•]\s)(?:(?i:authors?|writer|reporter|written by)\s*[:：]|作者\s*[：:]|记者\s*[：:])\s*"
                          r"(?P<name>[^|·•]+?)\s*(?=\s[|·•]\s|$)")
# The word joining a name to the date after it: 'Ann Lee on', 'Ann Lee | Updated'.
WORD_BEFORE_DATE = re.compile(r"\s(?:on|at|updated|published)$", re.I)
SEPARATORS = " ,·|•–—-"
# What a name or a handle is written with; lowercase words a name may hold; two words run together.
NAME_CHARACTERS = re.compile(r"[\w .'’-]+")
NAME_PARTICLES = frozenset({"de", "da", "del", "della", "der", "di", "du", "la", "le", "van", "von", "bin", "al", "y"})
CAMEL_JOINS = re.compile(r"[a-z][A-Z]")
# A weekday after a name: 'AnnLee on Friday'.
WEEKDAY = re.compile(r"\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$", re.I)
# Elements that state a schema.org property (microdata).
ITEMPROP = etree.XPath("descendant-or-self::*[@itemprop]")
# What joins the names of several authors.
NAME_JOINS = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
UPDATED = re.compile(r"\b(?:updated|modified|edited|last)\b", re.I)

def read_meta(tree: HtmlElement) -> dict[str, str]:
    """Field -> first value found in <meta> tags, by the name lists of the rules."""
    found: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = norm_text(m.get("content"))
        if key and value and key not in found:
            found[key] = value
    out = {}
    for field, names in rules()["meta"].items():
        out[field] = next((found[n.lower()] for n in names if found.get(n.lower())), None)
    canonical = next((l.get("href") for l in tree.iter("link") if (l.get("rel") or "").lower() == "canonical"), None)
    out["url"] = out["url"] or canonical
    return out


def jsonld_items(node, depth: int = 0) -> list[dict]:
    """Every object in a JSON-LD value, @graph, lists and `mainEntity` flattened (nesting is bounded)."""
    if depth > 8:
        return []
    if isinstance(node, list):
        return [x for item in node for x in jsonld_items(item, depth + 1)]
    if isinstance(node, dict):
        nested = [node.get("@graph"), node.get("mainEntity")]
        return [node, *(x for n in nested if isinstance(n, (list, dict)) for x in jsonld_items(n, depth + 1))]
    return []


def ld_text(value) -> str:
    """The text of a JSON-LD value that may be a string, a list, a number or an object with a name.

    >>> [ld_text("A  b"), ld_text(["A", "B"]), ld_text({"name": "C"}), ld_text({"@id": "x"}), ld_text(7)]
    ['A b', 'A', 'C', '', '7']
    """
    if isinstance(value, list):
        return next((t for t in map(ld_text, value) if t), "")
    if isinstance(value, dict):
        return ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return norm_text(str(value))
    return ""


def ld_kinds(obj: dict) -> set[str]:
    """The @type names of a JSON-LD object ('schema:NewsArticle' and full addresses read as 'NewsArticle')."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if isinstance(k, str)}


def read_jsonld(tree: HtmlElement) -> dict[str, str | None]:
    """Title, date, author, category, url and body hints of the story object in JSON-LD, and every type seen.

    The first object of a story type wins; a bare WebPage only when it has a headline.
    """
    types = rules()["jsonld_story_types"]
    best, best_rank, seen = None, len(types), set()
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for obj in jsonld_items(data):
            kinds = ld_kinds(obj)
            seen |= kinds
            rank = min((types.index(k) for k in kinds if k in types), default=len(types))
            if rank >= best_rank or (kinds <= {"WebPage"} and "headline" not in obj):
                continue
            best, best_rank = obj, rank
    if best is None:
        return {"kinds": seen}
    url = best.get("url")
    return {"title": ld_text(best.get("headline") or best.get("name")) or None,
            "published_at": ld_text(best.get("datePublished") or best.get("dateCreated")) or None,
            "author": person_names(best.get("author") or best.get("creator")),
            "category": ld_text(best.get("articleSection")) or None,
            "url": url if isinstance(url, str) else None,
            "body": ld_text(best.get("articleBody") or best.get("text")) or None,
            "description": ld_text(best.get("description")) or None,
            "kinds": seen}


def person_names(node) -> str | None:
    """'Ann Lee', 'Ann Lee and Bo Chen' or 'Ann Lee, Bo Chen and Cy Ng' from a JSON-LD author value.

    >>> person_names([{"@type": "Person", "name": ["Ann Lee"]}, "Bo Chen", {"name": "https://x.org/bo"}])
    'Ann Lee and Bo Chen'
    """
    items = node if isinstance(node, list) else [node]
    names = [ld_text(i) for i in items[:20] if isinstance(i, (str, dict, list))]
    return join_names([n for n in names if n and not n.startswith(("http", "@"))])


def join_names(names: list[str]) -> str | None:
    """Names as a person writes them: 'A', 'A and B', 'A, B and C' (repeats dropped)."""
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return names[0] if names else None
    return f"{', '.join(names[:-1])} and {names[-1]}"


def read_microdata(tree: HtmlElement) -> dict[str, str | None]:
    """Date and author stated with schema.org microdata on visible elements (itemprop attributes).

    >>> from lxml.html import fromstring
    >>> page = fromstring('<div><time itemprop="datePublished" datetime="2024-05-02">May 2</time>'
    ...                   '<span itemprop="author"><span itemprop="name">Ann Lee</span></span></div>')
    >>> read_microdata(page)
    {'published_at': '2024-05-02', 'author': 'Ann Lee'}
    """
    out: dict[str, str | None] = {"published_at": None, "author": None}
    for el in ITEMPROP(tree):  # lxml finds them: a Python test per element of the page cost more than the rest
        if el.tag == "meta":
            continue
        props = el.get("itemprop").split()
        if out["published_at"] is None and ("datePublished" in props or "dateCreated" in props):
            out["published_at"] = norm_text(el.get("datetime") or el.get("content") or el.text_content()) or None
        elif out["author"] is None and ("author" in props or "creator" in props):
            name = next((n for n in el.iter() if n.get("itemprop") == "name"), el)
            out["author"] = clean_author(name.get("content") or name.text_content())
        if out["published_at"] and out["author"]:
            break
    return out


def first_cue_text(scope: HtmlElement, field: str, max_words: int) -> tuple[HtmlElement, str] | None:
    """The first element in `scope` whose class/id names `field` and whose text is short."""
    cues = rules()["cues"][field]
    for el in scope.iter():
        if isinstance(el.tag, str) and cues.match(el):
            text = spaced_text(el)
            if text and len(text.split()) <= max_words:
                return el, text
    return None


def spaced_text(el: HtmlElement) -> str:
    """The text of an element with a space between its parts: 'Ann Lee May 2', not 'Ann LeeMay 2' (a name and a
    date in neighbouring elements), whitespace collapsed."""
    return norm_text(" ".join(el.itertext()))


def markup_date(scope: HtmlElement):
    """Date from the first <time> (datetime attribute first) or date-classed element in `scope`."""
    for el in scope.iter("time"):
        value = parse_date(el.get("datetime")) or parse_date(el.text_content())
        if value:
            return value
    hit = first_cue_text(scope, "date", 12)
    return parse_date(hit[1]) if hit else None


def headline_date(h1: HtmlElement | None):
    """A date written in the few lines around the headline ('Published on: February 14, 2025' under it, or a
    dateline just above it); an 'Updated' date only when no other is there.

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div><h1>Port opens</h1><p>Updated: May 5, 2024 · Posted on May 2, 2024</p><p>Text</p></div>")
    >>> headline_date(page.find("h1")).date()
    datetime.date(2024, 5, 2)
    """
    if h1 is None:
        return None
    near = rules()["body"]["headline_date_words"]
    after = " ".join(" ".join(h1.xpath(f"following::text()[position() <= {near}]")).split()[:near])
    before = " ".join(" ".join(h1.xpath(f"preceding::text()[position() <= {near // 4}]")).split()[-near // 4:])
    for text in (after, before):
        found = [(m, parse_date(m.group(0))) for m in DATE_PATTERN.finditer(text)]
        found = [(m, d) for m, d in found if d]
        if found:
            first = next(((m, d) for m, d in found if not UPDATED.search(text[max(0, m.start() - 24):m.start()])), found[0])
            return first[1]
    return None


def markup_author(scope: HtmlElement) -> str | None:
    """Author from rel=author links, links to an author's page or author/byline-classed elements in `scope`."""
    for el in scope.iter("a"):
        if "author" in (el.get("rel") or "").lower().split() and norm_text(el.text_content()):
            return clean_author(el.text_content())
    for el in scope.iter("a"):
        if links_author_page(el) and (name := clean_author(spaced_text(el))) and names_people(name):
            return name
    hit = first_cue_text(scope, "author", 8)
    if hit:
        return clean_author(hit[1])
    for el in scope.iter("p", "div", "span"):  # a plain 'By Ann Lee · May 2' line, or a labelled field in one
        text = norm_text(el.text_content())
        if len(text.split()) > 14:
            continue
        if BYLINE_PREFIX.match(text):
            return clean_author(text)
        if (field := AUTHOR_FIELD.search(text)) and (name := clean_author(field.group("name"))) \
                and (names_people(name) or has_unspaced(name)):
            return name
    return None


def links_author_page(link: HtmlElement) -> bool:
    """True for a link to an author's page on the site ('/author/ann-lee/', '/authors/ann-lee'): how blog and
    news engines link a byline.

    >>> from lxml.html import fromstring
    >>> [links_author_page(fromstring(f'<a href="{h}">x</a>')) for h in ["/blog/author/ann-lee", "https://x.org/authors/ann", "/authority"]]
    [True, True, False]
    """
    href = link.get("href")
    if not href or "author" not in href:
        return False
    folders = urlsplit(href).path.lower().rstrip("/").split("/")[:-1]  # the folders above the author's own page
    return not rules()["author_link_folders"].isdisjoint(folders)


def clean_author(text: str) -> str | None:
    """'By Ann Lee · May 2, 2024' -> 'Ann Lee'; 'Posted by Ann Lee on 12 October 2021' -> 'Ann Lee'.

    >>> [clean_author(t) for t in ["By Ann Lee · May 2, 2024", "Posted by Ann Lee on 12 October 2021", "May 2, 2024"]]
    ['Ann Lee', 'Ann Lee', None]
    """
    text = norm_text(text)
    text = BYLINE_PREFIX.sub("", text)
    if date := DATE_PATTERN.search(text):  # a date written after the name
        text = text[:date.start()].rstrip(SEPARATORS)
        while joint := WORD_BEFORE_DATE.search(text):
            text = text[:joint.start()].rstrip(SEPARATORS)
    text = WEEKDAY.sub("", re.split(r"\s+[·|•–—]\s+|\s{2,}", text)[0]).strip(" ,")
    if not text or parse_date(text) or len(text.split()) > 6:
        return None
    return text


def markup_category(scope: HtmlElement) -> tuple[HtmlElement, str] | None:
    """(element, section label) from a category-classed element near the headline."""
    hit = first_cue_text(scope, "category", 4)
    return hit if hit and not parse_date(hit[1]) else None


def library_date(tree: HtmlElement, url: str | None, whole_page: bool = True):
    """htmldate's publication date of a page that states none in its markup (None when it finds none).

    htmldate reads the URL, then the page's date-classed elements and its text; it works on its own copy
    of the tree. A page that credits no author (a product, a service, a listing page) is read by its URL
    only: the dates in such a page's text are of other things (a copyright year, a release, an offer), and
    no date is better than a wrong one.
    """
    try:
        found = find_date(tree if whole_page else url_only_page(), extensive_search=False, original_date=True,
                          url=url)  # extensive: ~10x slower
    except (ValueError, TypeError, OverflowError, RecursionError):
        return None
    return parse_date(found)


@lru_cache(maxsize=1)
def url_only_page() -> HtmlElement:
    """An empty page: htmldate given it reads only the URL passed with it."""
    return fromstring("<html><head></head><body></body></html>")


def page_author(body: HtmlElement) -> str | None:
    """The author a page names outside its story header: a rel=author link, a link to an author's page or the
    first author/byline-classed element anywhere on the page whose text reads as one or more names (a filter
    labelled 'Author' on a listing does not).
    """
    found = (spaced_text(el) for el in body.iter("a")
             if "author" in (el.get("rel") or "").lower().split() or links_author_page(el))
    cues = rules()["cues"]["author"]
    found = itertools.chain(found, (spaced_text(el) for el in cues.find(body)))
    for text in found:
        name = clean_author(text) if text and len(text.split()) <= rules()["body"]["byline_max_words"] else None
        if name and names_people(name):
            return name
    return None


def names_people(text: str) -> bool:
    """True for one name or several joined by 'and' / commas: 'Ann Lee', 'Ann Lee and Bo Chen'.

    >>> [names_people(t) for t in ["Ann Lee and Bo Chen", "Ann Lee, Bo Chen", "Gender and age"]]
    [True, True, False]
    """
    parts = NAME_JOINS.split(text)
    return all(looks_like_name(part) and (len(parts) == 1 or len(part.split()) > 1) for part in parts)


def looks_like_name(text: str) -> bool:
    """True for a person's name or a handle: a few words, each capitalised or a particle, no figures in a
    name of several words, no words run together ('CollectionSportMerino').

    >>> [looks_like_name(t) for t in ["Ann Lee", "jdoe42", "Ludwig van Beethoven", "Gender & Age", "Verified buyer 0 0",
    ...                               "CollectionCompressionSportMerino Wool"]]
    [True, True, True, False, False, False]
    """
    words = text.split()
    if not 1 <= len(words) <= 5 or not NAME_CHARACTERS.fullmatch(text):
        return False
    if len(words) == 1:
        return len(CAMEL_JOINS.findall(text)) < 2
    return all((w[0].isupper() or w in NAME_PARTICLES) and not any(c.isdigit() for c in w)
               and len(CAMEL_JOINS.findall(w)) < 2 for w in words)
