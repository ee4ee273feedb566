"""A writer's bio printed under a text dump's story, for a page whose header credits no one: 'Ann Lee is a freelance
travel writer …' (or 'Ann Lee, a former teacher, writes …') naming the same person the page prints alone on a line (the
unlabelled byline under the headline or the author box's name line), or printed under an 'About the author' heading.
The bio opens with the name, goes on with a bio verb and writes of a person ('she', 'his'); away from an author box
it must also name a writer's role, as a profile of someone the story quotes does not."""
from __future__ import annotations

from collections.abc import Sequence

from pipelines.parse.rules import header_rules, text_rules
from pipelines.parse.text_names import NAME, plausible_name
from pipelines.parse.text_view import page_view


def bio_author(texts: Sequence[str], start: int, stop: int) -> tuple[int, str] | None:
    """(line index, name) of the one person a writer's bio between lines `start` (the story's first paragraph) and
    `stop` (the page footer) names, else None (no bio, or bios of several people: a team page, a story profiling many).

    >>> page = ["Menu", "A harbour opens", "Ann Lee", "The harbour opened a park this week, the city said.",
    ...         "Ann Lee is a freelance travel writer, and she lives by the sea.", "Back to top"]
    >>> bio_author(page, 3, 6)
    (4, 'Ann Lee')
    >>> bio_author(["A harbour opens", "The harbour opened a park.", "About the author", "Ann Lee is from Oslo; she sails."], 1, 4)
    (3, 'Ann Lee')
    >>> bio_author(["A harbour opens", "Ann Lee", "Ann Lee is the mayor; she opened it on Monday."], 2, 3) is None
    True
    """
    rules, heading = text_rules(), header_rules().author_box_heading
    view = page_view(texts)
    alone = None
    found = {}
    for i in range(start, min(stop, len(view))):
        text = view[i]
        if not (name := _opening_name(text)) or not rules.bio_after_name.match(text, len(name)) \
                or not rules.person.search(text):
            continue
        over = next((view[j].strip() for j in range(i - 1, max(start, i - 3) - 1, -1) if view[j].strip()), "")
        if heading.fullmatch(over) or rules.writer_role.search(text):
            alone = alone if alone is not None else {line.strip() for line in view}
            if (heading.fullmatch(over) or name in alone) and plausible_name(name, view.page):
                found.setdefault(name, i)
    return (found[next(iter(found))], next(iter(found))) if len(found) == 1 else None


def _opening_name(text: str) -> str | None:
    """The two to four capitalised words opening a line ('Ann Lee is …' -> 'Ann Lee'), else None."""
    words = []
    for word in text.split(maxsplit=4)[:4]:
        word = word.rstrip(",")
        if not NAME.fullmatch(word):
            break
        words.append(word)
    return " ".join(words) if len(words) >= 2 else None
