"""A body named by its full name once, then by its head noun alone: 'The European Commission presented its strategy ...
the Commission has earmarked €7.5 billion', 'the Monetary Authority of Singapore ... the Authority also aims'. The
short form is that body's mention for the sentence walk that reads a figure's subject (targets.py), so the body's own
figure is not handed to the story's place.
"""
from __future__ import annotations

import re

from pipelines.records import Mention

OF = re.compile(r"\s+of\s+", re.I)


def head_noun(name: str) -> str | None:
    """The noun a body's name is shortened to: the last capitalised word before 'of', else the last word.

    >>> [head_noun(n) for n in ("European Commission", "Monetary Authority of Singapore", "Hub71", "Ministry of Science and ICT")]
    ['Commission', 'Authority', None, 'Ministry']
    """
    words = OF.split(name, maxsplit=1)[0].split()
    if len(words) < 2 and not OF.search(name):
        return None
    last = words[-1] if words else ""
    return last if re.fullmatch(r"[A-Z][a-z]{3,}", last) else None


def short_name_mentions(body: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of 'the <head noun>' after an organization named in full earlier in the body, when only one
    organization of the story has that head noun (two ministries make 'the Ministry' nobody's). One scan of the body
    per head noun.

    >>> body = "The European Commission presented a plan. The Commission has earmarked €7.5 billion."
    >>> [(m.entity_name, m.surface_text) for m in short_name_mentions(body, [Mention("organization", "European Commission", "European Commission", 4, 23)])]
    [('European Commission', 'The Commission')]
    """
    orgs: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.entity_type == "organization" and m.field == "body" and (head := head_noun(m.entity_name)):
            orgs.setdefault(head, []).append(m)
    out = []
    for head, named in orgs.items():
        if len({m.entity_name for m in named}) != 1:
            continue
        first_end = min(m.char_end for m in named)
        for found in re.finditer(rf"\b[Tt]he {re.escape(head)}\b(?!\s+of\b)", body[first_end:]):
            start = first_end + found.start()
            out.append(Mention("organization", named[0].entity_name, found.group(), start, start + len(found.group())))
    return out
