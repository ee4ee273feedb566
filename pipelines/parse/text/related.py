"""Other stories a text dump carries: the block under a related-stories marker, and the items of a numbered digest."""
from __future__ import annotations

import re

from pipelines.parse.rules import TextRules
from pipelines.parse.text.lines import BULLET, Draft, Line, merge_meta

SEPARATOR_RULE = re.compile(r"[━─═_\-*=~]{3,}")


def collect_related(lines: list[Line], start: int, rules: TextRules) -> list[Draft]:
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
                merge_meta(cur.meta, line.meta)
            else:
                merge_meta(pending, line.meta)
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


def digest_items(lines: list[Line], rules: TextRules) -> list[int]:
    """Indexes of numbered digest items ('1. Title' followed by a dated line)."""
    found = []
    for i, line in enumerate(lines[:-1]):
        if rules.digest_item.fullmatch(line.text) and lines[i + 1].kind == "meta" and lines[i + 1].meta.get("date"):
            found.append(i)
    return found if len(found) >= 2 else []


def digest_drafts(lines: list[Line], items: list[int], rules: TextRules) -> list[Draft]:
    """One draft per numbered digest item; each ends at the next item, a separator or an end marker."""
    drafts = []
    for n, start in enumerate(items):
        stop = items[n + 1] if n + 1 < len(items) else len(lines)
        title = rules.digest_item.fullmatch(lines[start].text).group("title").strip()
        draft = Draft(title)
        for line in lines[start + 1:stop]:
            if line.kind == "meta" and not draft.paragraphs:
                merge_meta(draft.meta, line.meta)
            elif line.kind in ("end", "related") or (line.kind == "boiler" and SEPARATOR_RULE.fullmatch(line.text)):
                break
            elif line.kind in ("text", "headline"):
                draft.paragraphs.append(line.text)
        drafts.append(draft)
    return drafts
