"""Pages made of short lines only (a product page, a collection's grid, a schedule): no line of running text opens a
story, so their main content is read from the line model's densest run of content with the navigation left out (its
largest block between menu runs), and the page is quarantined as empty when that block holds too few words (a cookie
wall, a login form, a shop whose items the dump never rendered)."""
from __future__ import annotations

import re

from pipelines.parse.rules import TextRules
from pipelines.parse.text.lines import SENTENCE_END, Line

DIGIT = re.compile(r"\d")


def menu_run_lines(lines: list[Line], rules: TextRules) -> set[int]:
    """Indexes of the lines in runs of thresholds.menu_run_min_lines or more link-like lines one under another: a
    menu, a footer's link list or a filter's options ('Men' / 'Women' / 'Kids' / 'Sale'). A link-like line has at most
    thresholds.menu_run_max_words words, no digit and no sentence end; a price, a size or a count breaks the run, so a
    grid's cards ('Blue Mug' / 'Hand-thrown' / '$24') are no menu.

    >>> from pipelines.parse.rules import text_rules
    >>> texts = ["Men", "Women", "Kids", "Sale", "Gifts", "$24", "Blue Mug"]
    >>> page = [Line(t, n, "headline") for n, t in enumerate(texts)]
    >>> sorted(menu_run_lines(page, text_rules()))
    [0, 1, 2, 3, 4]
    """
    limits = rules.thresholds
    link_like = [is_link_like(line.text, line.words, limits.menu_run_max_words) for line in lines]
    out: set[int] = set()
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and link_like[i]:
            continue
        if i - start >= limits.menu_run_min_lines:
            out.update(range(start, i))
        start = i + 1
    return out


def is_link_like(text: str, words: int, max_words: int) -> bool:
    """True when a line of `words` words reads as a link of a menu: at most `max_words` words, no digit (a price, a
    size, a count) and no sentence end."""
    return words <= max_words and not DIGIT.search(text) and not SENTENCE_END.search(text)


def short_line_content(lines: list[Line], kept: set[int], rules: TextRules) -> set[int]:
    """The content of a page without running text: of the kept lines, the block holding the most words between menu
    runs (and lines the line model leaves out), or none when it holds fewer than thresholds.story_min_words words (what
    is left is a page's furniture: a cookie wall, a sign-in form, a header whose story the dump never rendered).
    """
    menus = menu_run_lines(lines, rules)
    blocks: list[list[int]] = []
    for i in sorted(kept - menus):
        if blocks and i == blocks[-1][-1] + 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    words = [sum(lines[i].words for i in block) for block in blocks]
    if not blocks or max(words) < rules.thresholds.story_min_words:
        return set()
    return set(blocks[words.index(max(words))])
