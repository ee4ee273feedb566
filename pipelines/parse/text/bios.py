"""A writer's bio printed under a text dump's story, for a page whose header credits no one: 'Ann Lee is a freelance
travel writer …' (or 'Ann Lee, a former teacher, writes …') naming the same person the page prints alone on a line (the
unlabelled byline under the headline or the author box's name line), or printed under an 'About the author' heading.
The bio opens with the name, goes on with a bio verb and writes of a person ('she', 'his'); away from an author box
it must also name a writer's role in its opening sentence, as a profile of someone the story quotes does not. The bio
ends the story: a profile followed by more of the story ('Bo Chen is a professor at …' / the story goes on) is a
quoted person's, even with their name alone on a line by it (a picture's caption, a speaker's box)."""
from __future__ import annotations

from collections.abc import Sequence

from pipelines.parse.rules import header_rules, text_rules
from pipelines.parse.text.names import NAME, plausible_name
from pipelines.parse.text.view import PageView, page_view


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
    >>> story = "The harbour opened a park this week and the council will add a second one by the river."
    >>> bio_author(["A harbour opens", "Ann Lee", "Ann Lee is a travel writer; she sails.", story, "Back to top"], 2, 5) is None
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
        if _story_goes_on(view, i, stop):
            continue
        over = next((view[j].strip() for j in range(i - 1, max(start, i - 3) - 1, -1) if view[j].strip()), "")
        if heading.fullmatch(over) or _role_in_opening(text, len(name)):
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


def _story_goes_on(view: PageView, i: int, stop: int) -> bool:
    """True when the first line under the bio at `i` (above `stop`) is more of the story: a line longer than a header's
    short line (fallback_max_words), as the paragraph after a quoted person's profile is; under a writer's bio come the
    author box's next name, links or the page's furniture ('Back to top')."""
    under = next((view[k] for k in range(i + 1, min(stop, len(view))) if view[k].strip()), "")
    return len(under.split()) > header_rules().limits.fallback_max_words


def _role_in_opening(text: str, start: int) -> bool:
    """True when a bio's opening sentence (from `start`, after the name; at most bio_role_words words) names a writer's
    role ('Ann Lee is a freelance travel writer, …'), not a role named later of someone else."""
    stop = text.find(". ", start)
    opening = " ".join(text[:stop if stop >= 0 else len(text)].split()[:header_rules().limits.bio_role_words])
    return text_rules().writer_role.search(opening) is not None
