"""The writer's credit a text dump prints as a link to their other posts: 'View all posts by Ann Lee' under a blog post
or in its author box, 'More articles by Ann Lee' by a news story, or 'Ann Lee' over 'View all posts' / 'Author profile'.
Blog and news engines print it for the post's writer only, so when every such link on a page names one person, that
person wrote the story; several names (a site's list of contributors) name none."""
from __future__ import annotations

from collections.abc import Sequence

from pipelines.parse.rules import header_rules
from pipelines.parse.text.names import labelled_name, name_alone, plausible_name
from pipelines.parse.text.view import page_view



def author_link(texts: Sequence[str], stop: int | None = None) -> tuple[tuple[int, ...], str] | None:
    """(indexes of its lines, name) of the person every link to a writer's posts above `stop` (the page footer) names,
    else None (no such link, or links naming several people).

    >>> author_link(["A harbour opens", "The harbour opened a park, the city said.", "View all posts by Ann Lee"])
    ((2,), 'Ann Lee')
    >>> author_link(["A harbour opens", "The harbour opened a park, the city said.", "Ann Lee", "View all posts"])
    ((2, 3), 'Ann Lee')
    >>> author_link(["Our writers", "Posts by Ann Lee", "Posts by Bo Chen"]) is None
    True
    """
    view, rules, lim = page_view(texts), header_rules(), header_rules().limits
    end = len(view) if stop is None else min(stop, len(view))
    found: dict[str, tuple[int, ...]] = {}
    for i in view.lines_holding("by"):
        if i >= end:
            break
        text = view[i].strip()
        if len(text.split()) <= lim.fallback_max_words and (link := rules.author_link.fullmatch(text)) \
                and (name := name_alone(link.group("name"), co_writers=True)) and labelled_name(name, view.page):
            found.setdefault(name, (i,))
    for start in rules.author_link_under_name_start.finditer(view.lower):
        if (i := view.line_at(start.start() + 1)) >= end:
            break
        text = view[i].strip()
        if len(text.split()) <= lim.name_line_max_words and rules.author_link_under_name.fullmatch(text) \
                and (name := name_alone(view[i - 1].strip())) and plausible_name(name, view.page):
            found.setdefault(name, (i - 1, i))
    if len({name.casefold() for name in found}) != 1:
        return None
    name, lines = next(iter(found.items()))
    return lines, name
