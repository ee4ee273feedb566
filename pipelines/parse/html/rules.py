"""Rules for reading news HTML (pipelines/data/html_rules.yaml) and the small text tests built on them."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from lxml.html import HtmlElement

from pipelines.parse.scripts import word_count as text_words
from pipelines.yamlfile import load_yaml

RULES_FILE = Path(__file__).resolve().parents[2] / "data" / "html_rules.yaml"
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
PART_SPLIT = re.compile(r"[\s\-_:/.]+|(?<=[a-z])(?=[A-Z])")
CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
PART_SEPARATORS = re.compile(r"[\-_:/.]+")
WORD = re.compile(r"\w+")


class Cues:
    """A set of class/id cues: single parts, joined tokens and multi-part runs.

    >>> cues = Cues(["share", "ad-slot", "adslot"])
    >>> [cues.attrs_match(c, None) for c in ["post-share", "sidebarAdSlot", "ad_slot", "shared", "head"]]
    [True, True, True, False, False]
    >>> Cues([]).attrs_match("article-body", "main")  # no cue matches nothing
    False
    """

    def __init__(self, cues: list[str]):
        split = [tuple(p.lower() for p in PART_SPLIT.split(c) if p) for c in cues]
        self.single = {s[0] for s in split if len(s) == 1}
        # One cue (its parts joined by '-') standing as whole parts of a token: the token
        # 'sidebarAdSlot' reads 'sidebar-ad-slot', where the cue 'ad-slot' stands (a cue 'bar' would not).
        alternatives = sorted({"-".join(s) for s in split if s}, key=len, reverse=True)
        self.pattern = re.compile(f"(?<![^\\s-])(?:{'|'.join(map(re.escape, alternatives))})(?![^\\s-])"
                                  if alternatives else r"(?!)")  # no cue: a pattern that never matches

    def match(self, el: HtmlElement) -> bool:
        """True when a class or the id of `el` carries one of the cues."""
        classes, id_ = el.get("class"), el.get("id")
        return (classes is not None or id_ is not None) and self.attrs_match(classes, id_)

    def find(self, root: HtmlElement) -> Iterator[HtmlElement]:
        """`root` and the elements inside it that carry one of the cues, in page order."""
        return (el for el in root.iter() if self.match(el))

    @lru_cache(maxsize=8192)
    def attrs_match(self, classes: str | None, id_: str | None) -> bool:
        """True when a class attribute or an id carries a cue (pages repeat the same few, hence the cache)."""
        attrs = f"{classes or ''} {id_ or ''}"
        if self.pattern.search(PART_SEPARATORS.sub("-", CAMEL_CASE.sub("-", attrs)).lower()):
            return True
        return not self.single.isdisjoint(PART_SEPARATORS.sub("", attrs).lower().split())  # 'ad_slot' -> adslot


@lru_cache(maxsize=1)
def rules() -> dict:
    """The rules file, with cue lists compiled."""
    data = load_yaml(RULES_FILE)
    data["cues"] = {
        "related": Cues(data["related"]["cues"]),
        "boilerplate": Cues(data["boilerplate"]["cues"]),
        # on a discussion page (forum thread, Q&A) the posts and replies are the content
        "discussion_boilerplate": Cues([c for c in data["boilerplate"]["cues"]
                                        if c not in data["discussion"]["content_cues"]]),
        "discussion": Cues(data["discussion"]["content_cues"]),
        "page_text_skip": Cues(data["page_text"]["skip_cues"]),
        "comments": Cues(data["page_text"]["comment_cues"]),
        **{field: Cues(cues) for field, cues in data["field_cues"].items()},
    }
    data["author_link_folders"] = frozenset(data["author_link_folders"])
    data["related"]["headings"] = set(data["related"]["headings"])
    data["related"]["heading_prefixes"] = tuple(f"{p} " for p in data["related"]["heading_prefixes"])
    data["boilerplate"]["lines"] = set(data["boilerplate"]["lines"])
    for key in ("tags", "inline_tags", "text_tags"):  # tested once per element of a page: sets, not lists
        data["boilerplate"][key] = frozenset(data["boilerplate"][key])
    data["boilerplate"]["line_prefixes"] = tuple(data["boilerplate"]["line_prefixes"])
    return data


def norm_text(text: str | None) -> str:
    """Collapse whitespace."""
    return " ".join((text or "").split())


def text_of(el: HtmlElement) -> str:
    """Visible text of an element, whitespace collapsed."""
    return norm_text(el.text_content())


def word_count(el: HtmlElement) -> int:
    """Number of words in the visible text of an element (`text_of` without joining them again; Han/Kana by script)."""
    return text_words(el.text_content())


def label_key(text: str) -> str:
    """A heading reduced to lower-case words, for matching block labels."""
    return " ".join(WORD.findall(text.lower().replace("'", "").replace("\u2019", "")))


def is_block_label(text: str) -> bool:
    """True for headings such as 'Related stories' or 'More on the metaverse'."""
    rel = rules()["related"]
    if len(text) > 12 * rel["max_label_words"]:
        return False
    return short_label(text)


@lru_cache(maxsize=4096)
def short_label(text: str) -> bool:
    """`is_block_label` for a short text (the same few recur: 'Share', 'Menu', 'Related')."""
    rel = rules()["related"]
    key = label_key(text)
    if not key or len(key.split()) > rel["max_label_words"]:
        return False
    return key in rel["headings"] or key.startswith(rel["heading_prefixes"])


def is_boilerplate(el: HtmlElement, discussion: bool = False) -> bool:
    """True for elements that never belong to a story (ads, share bars, captions ...); on a
    `discussion` page, comments and replies are not boilerplate."""
    bp = rules()["boilerplate"]
    if el.tag in bp["tags"]:
        return True
    if el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", ""):
        return True
    if not rules()["cues"]["discussion_boilerplate" if discussion else "boilerplate"].match(el):
        return False
    if el.tag in bp["inline_tags"]:  # inside running text whatever its class says
        for _, parent in zip(range(3), el.iterancestors()):
            if parent.tag in bp["text_tags"]:
                return False
    return word_count(el) < rules()["body"]["max_boilerplate_words"]


def is_boilerplate_line(line: str) -> bool:
    """True for a paragraph that is a caption, an ad label, a share prompt ..."""
    bp = rules()["boilerplate"]
    low = line.lower().strip().strip("|").strip()  # a layout table's one-cell row reads '| … |'
    if low in bp["lines"]:
        return True
    if len(low) <= bp["notice_max_chars"] and any(mark in low for mark in bp["notice_marks"]):
        return True  # '粤ICP备19123456号': a Chinese site's licence notice
    return low.startswith(bp["line_prefixes"]) and len(low.split()) <= 25


def strip_teaser_ending(text: str) -> str:
    """'Baidu has released an app. Read more' -> 'Baidu has released an app.'."""
    low = text.lower()
    for ending in rules()["boilerplate"]["teaser_endings"]:
        if low.endswith(ending):
            return text[: len(text) - len(ending)].rstrip(" …:-»|")
    return text
