"""The main story's edges in a text dump: the few short lines the main run picks up before the story's first sentence
and after its last one (a section label, 'Share', a caption credit over the story; tags, a newsletter prompt, a
comment count, 'Previous post' under it), and a menu it reaches above the first sentence, are page furniture, not
story."""
from __future__ import annotations

from pipelines.parse.rules import TextRules
from pipelines.parse.scripts import word_count
from pipelines.parse.text.body import is_thread
from pipelines.parse.text.lines import SENTENCE_END, Line
from pipelines.parse.text.short_lines import is_link_like


def is_sentence(paragraph: str, rules: TextRules) -> bool:
    """True when a paragraph reads as a sentence of the story: thresholds.edge_sentence_words words or more and a
    sentence's end (or a colon that introduces what follows: 'The steps are:')."""
    text = paragraph.rstrip()
    return word_count(text) >= rules.thresholds.edge_sentence_words and (SENTENCE_END.search(text) or text.endswith(":"))


def without_furniture_edges(paragraphs: list[str], rules: TextRules, lines: list[Line] = ()) -> list[str]:
    """The paragraphs from the first sentence to the last, when no more than thresholds.edge_max_lines paragraphs lie
    before the first or after the last (each end is judged alone), or when what lies before the first is mostly
    link-like lines (thresholds.edge_menu_share of them: a site's menu, with or without a blurb under some links).
    Another longer run of short lines at either end is kept: it is content in its own right (a product's
    specifications, a list the story closes with), and a story with no sentence (a listing's cards, a shop's grid) is
    left whole. An end is kept too when one of its lines is printed between the story's sentences as well (the last of
    a grid's cards: 'Add to cart', a price), and on a thread (the page's `lines` print comment actions under its posts)
    a last short post is a post.

    >>> from pipelines.parse.rules import text_rules
    >>> story = ["News", "The council approved the new budget on Monday evening.", "It takes effect in May next year.", "Tags", "Budget"]
    >>> without_furniture_edges(story, text_rules())
    ['The council approved the new budget on Monday evening.', 'It takes effect in May next year.']
    """
    limits = rules.thresholds
    most = limits.edge_max_lines
    first = next((i for i, paragraph in enumerate(paragraphs) if is_sentence(paragraph, rules)), None)
    if first is None:
        return paragraphs
    last = next((len(paragraphs) - n for n, paragraph in enumerate(reversed(paragraphs[-most - 1:]))
                 if is_sentence(paragraph, rules)), None)
    if not first and last in (None, len(paragraphs)):  # a sentence at both ends
        return paragraphs
    inside = set(paragraphs[first:last or len(paragraphs)])
    if first > most and not _mostly_links(paragraphs[:first], limits) or not inside.isdisjoint(paragraphs[:first]):
        first = 0
    if last is None or not inside.isdisjoint(paragraphs[last:]) or (last < len(paragraphs) and is_thread(lines, rules)):
        last = len(paragraphs)
    return paragraphs[first:last]


def _mostly_links(paragraphs: list[str], limits) -> bool:
    """True when thresholds.edge_menu_share of the paragraphs or more read as a menu's links (short_lines.is_link_like,
    of at most thresholds.edge_link_max_words words)."""
    links = sum(is_link_like(text, word_count(text), limits.edge_link_max_words) for text in paragraphs)
    return links >= limits.edge_menu_share * len(paragraphs)
