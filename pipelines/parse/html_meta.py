"""Story fields a page states in its markup: <meta> tags, JSON-LD, and the story header."""
from __future__ import annotations

import json
import re

from lxml.html import HtmlElement

from pipelines.parse.dates import parse_date
from pipelines.parse.html_rules import norm_text, rules

BYLINE_PREFIX = re.compile(r"^(?:(?:written|posted|reported|published)\s+)?by[:\s]+", re.I)

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


def jsonld_items(node) -> list[dict]:
    """Every object in a JSON-LD value, @graph and lists flattened."""
    if isinstance(node, list):
        return [x for item in node for x in jsonld_items(item)]
    if isinstance(node, dict):
        return [node, *jsonld_items(node.get("@graph", []))]
    return []


def read_jsonld(tree: HtmlElement) -> dict[str, str | None]:
    """Title, date, author, category and url of the first story object in JSON-LD."""
    types = set(rules()["jsonld_story_types"])
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for obj in jsonld_items(data):
            kind = obj.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if not kinds & types or (kinds == {"WebPage"} and "headline" not in obj):
                continue
            section = obj.get("articleSection")
            return {"title": norm_text(obj.get("headline") or obj.get("name")) or None,
                    "published_at": obj.get("datePublished") or obj.get("dateCreated"),
                    "author": person_names(obj.get("author")),
                    "category": norm_text(section[0] if isinstance(section, list) and section else
                                          section if isinstance(section, str) else "") or None,
                    "url": obj.get("url") if isinstance(obj.get("url"), str) else None}
    return {}


def person_names(node) -> str | None:
    """'Ann Lee' or 'Ann Lee, Bo Chen' from a JSON-LD author value."""
    items = node if isinstance(node, list) else [node]
    names = [norm_text(i.get("name") if isinstance(i, dict) else i) for i in items if i]
    names = [n for n in names if n and not n.startswith("http")]
    return ", ".join(dict.fromkeys(names)) or None


def first_cue_text(scope: HtmlElement, field: str, max_words: int) -> tuple[HtmlElement, str] | None:
    """The first element in `scope` whose class/id names `field` and whose text is short."""
    cues = rules()["cues"][field]
    for el in scope.iter():
        if isinstance(el.tag, str) and cues.match(el):
            text = norm_text(el.text_content())
            if text and len(text.split()) <= max_words:
                return el, text
    return None


def markup_date(scope: HtmlElement):
    """Date from the first <time> (datetime attribute first) or date-classed element in `scope`."""
    for el in scope.iter("time"):
        value = parse_date(el.get("datetime")) or parse_date(el.text_content())
        if value:
            return value
    hit = first_cue_text(scope, "date", 12)
    return parse_date(hit[1]) if hit else None


def markup_author(scope: HtmlElement) -> str | None:
    """Author from rel=author links or author/byline-classed elements in `scope`."""
    for el in scope.iter("a"):
        if "author" in (el.get("rel") or "").lower().split() and norm_text(el.text_content()):
            return clean_author(el.text_content())
    hit = first_cue_text(scope, "author", 8)
    if hit:
        return clean_author(hit[1])
    for el in scope.iter("p", "div", "span"):  # a plain 'By Ann Lee · May 2' line
        text = norm_text(el.text_content())
        if BYLINE_PREFIX.match(text) and len(text.split()) <= 14:
            return clean_author(text)
    return None


def clean_author(text: str) -> str | None:
    """'By Ann Lee · May 2, 2024' -> 'Ann Lee'."""
    text = norm_text(text)
    text = BYLINE_PREFIX.sub("", text)
    text = re.split(r"\s+[·|•–—]\s+|\s{2,}", text)[0].strip(" ,")
    if not text or parse_date(text) or len(text.split()) > 6:
        return None
    return text


def markup_category(scope: HtmlElement) -> tuple[HtmlElement, str] | None:
    """(element, section label) from a category-classed element near the headline."""
    hit = first_cue_text(scope, "category", 4)
    return hit if hit and not parse_date(hit[1]) else None
