"""Rules for reading news HTML (pipelines/data/html_rules.yaml) and the small text tests built on them."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from lxml.html import HtmlElement

RULES_FILE = Path(__file__).resolve().parents[1] / "data" / "html_rules.yaml"
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
PART_SPLIT = re.compile(r"[\s\-_:/.]+|(?<=[a-z])(?=[A-Z])")
WORD = re.compile(r"\w+")


class Cues:
    """A set of class/id cues: single parts, joined tokens and multi-part runs."""

    def __init__(self, cues: list[str]):
        split = [tuple(p.lower() for p in PART_SPLIT.split(c) if p) for c in cues]
        self.single = {s[0] for s in split if len(s) == 1}
        self.runs = [f"-{'-'.join(s)}-" for s in split if len(s) > 1]

    def match(self, el: HtmlElement) -> bool:
        """True when a class or the id of `el` carries one of the cues."""
        attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
        return any(self.token_matches(token) for token in attrs.split())

    @lru_cache(maxsize=4096)
    def token_matches(self, token: str) -> bool:
        """True when one class token ('sidebar-related') carries a cue."""
        parts = [p.lower() for p in PART_SPLIT.split(token) if p]
        if self.single.intersection(parts) or "".join(parts) in self.single:
            return True
        joined = f"-{'-'.join(parts)}-"
        return any(run in joined for run in self.runs)


@lru_cache(maxsize=1)
def rules() -> dict:
    """The rules file, with cue lists compiled."""
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    data["cues"] = {
        "related": Cues(data["related"]["cues"]),
        "boilerplate": Cues(data["boilerplate"]["cues"]),
        **{field: Cues(cues) for field, cues in data["field_cues"].items()},
    }
    data["related"]["headings"] = set(data["related"]["headings"])
    data["boilerplate"]["lines"] = set(data["boilerplate"]["lines"])
    return data


def norm_text(text: str | None) -> str:
    """Collapse whitespace."""
    return " ".join((text or "").split())


def text_of(el: HtmlElement) -> str:
    """Visible text of an element, whitespace collapsed."""
    return norm_text(el.text_content())


def label_key(text: str) -> str:
    """A heading reduced to lower-case words, for matching block labels."""
    return " ".join(WORD.findall(text.lower().replace("'", "").replace("\u2019", "")))


def is_block_label(text: str) -> bool:
    """True for headings such as 'Related stories' or 'More on the metaverse'."""
    rel = rules()["related"]
    if len(text) > 12 * rel["max_label_words"]:
        return False
    key = label_key(text)
    if not key or len(key.split()) > rel["max_label_words"]:
        return False
    return key in rel["headings"] or any(key.startswith(p + " ") for p in rel["heading_prefixes"])


def is_boilerplate(el: HtmlElement) -> bool:
    """True for elements that never belong to a story (ads, share bars, captions ...)."""
    bp = rules()["boilerplate"]
    if el.tag in bp["tags"]:
        return True
    if el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", ""):
        return True
    if el.tag in bp["inline_tags"]:
        for _, parent in zip(range(3), el.iterancestors()):
            if parent.tag in bp["text_tags"]:
                return False
    return rules()["cues"]["boilerplate"].match(el) and \
        len(text_of(el).split()) < rules()["body"]["max_boilerplate_words"]


def is_boilerplate_line(line: str) -> bool:
    """True for a paragraph that is a caption, an ad label, a share prompt ..."""
    bp = rules()["boilerplate"]
    low = line.lower().strip()
    if low in bp["lines"]:
        return True
    return len(low.split()) <= 25 and any(low.startswith(p) for p in bp["line_prefixes"])


def strip_teaser_ending(text: str) -> str:
    """'Baidu has released an app. Read more' -> 'Baidu has released an app.'."""
    low = text.lower()
    for ending in rules()["boilerplate"]["teaser_endings"]:
        if low.endswith(ending):
            return text[: len(text) - len(ending)].rstrip(" …:-»|")
    return text
