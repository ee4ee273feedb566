"""The main body of a saved page: boilerplate removed from the lxml tree, then trafilatura's text.

trafilatura reads the <article> holding the headline (or the whole cleaned page). On a discussion page
(forum thread, Q&A) the posts and replies are the content: comment-classed elements stay and trafilatura's
comments are read with the text.
"""
from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Extractor

from pipelines.parse.html.edges import before_story_end, is_field_line, is_header_line
from pipelines.parse.html.meta import BYLINE_PREFIX
from pipelines.parse.html.pagetext import is_prose, missed_prose, page_lines
from pipelines.parse.html.related import contains, is_link_paragraph
from pipelines.parse.html.rules import WORD, is_boilerplate, is_boilerplate_line, norm_text, rules, word_count
from pipelines.parse.scripts import word_count as text_words


def read_body(tree: HtmlElement, body: HtmlElement, article: HtmlElement | None, ld: dict,
              fields: list[str | None], author: str | None) -> tuple[str, bool]:
    """The story text of a page whose related blocks are already removed, and whether it was read as a
    story above reader comments that hold most of the page's words (they are no part of its content).

    A page that declares a discussion is read as one; a page that declares nothing but whose
    comment-classed elements hold most of its words is read as a story first, and as a discussion
    when the story found is too short to be what the page is about (a shared link and its replies).
    """
    kind = discussion_kind(ld, body)
    spare = deepcopy(tree) if kind is None else None
    text = story_text(tree, body, article, fields, author, bool(kind))
    if kind is not True:  # a declared discussion's JSON-LD text is its opening post only: its replies are content too
        text = declared_paragraphs(text, ld.get("body"))
    if spare is not None and text_words(text) < rules()["discussion"]["max_story_words"]:
        spare_body = spare.find("body") if spare.find("body") is not None else spare
        story = story_text(spare, spare_body, same_element(spare, tree, article), fields, author, True)
        return story or text, not story
    return text, kind is None


def declared_paragraphs(text: str, declared: str | None) -> str:
    """The paragraphs of `text` that the story's own text, as its JSON-LD states it (`articleBody`), holds:
    when that states the whole story (as many words as `text` nearly), a paragraph most of whose words it
    lacks is the page's furniture (a sign-up box, a site's legal lines, a product card).

    >>> declared_paragraphs("The port opened on Monday.\\n\\nTrains follow in May.\\n\\nSign up",
    ...                     "The port opened on Monday. Trains follow in May.")
    'The port opened on Monday.\\n\\nTrains follow in May.'
    """
    rule = rules()["body"]
    vocab = WORD.findall((declared or "").lower())
    if len(vocab) < rule["declared_body_share"] * len(WORD.findall(text)):  # words counted alike on both sides
        return text
    vocab_set = set(vocab)
    kept = []
    for part in text.split("\n\n"):
        words = WORD.findall(part.lower())
        if sum(w in vocab_set for w in words) >= rule["declared_word_share"] * len(words):
            kept.append(part)
    return "\n\n".join(kept)


def same_element(copy: HtmlElement, tree: HtmlElement, el: HtmlElement | None) -> HtmlElement | None:
    """The element of `copy` at the place `el` holds in `tree`."""
    if el is None:
        return None
    path = tree.getroottree().getpath(el)
    found = copy.getroottree().xpath(path)
    return found[0] if found else None


def discussion_kind(ld: dict, body: HtmlElement) -> bool | None:
    """True for a page whose JSON-LD declares a forum thread or Q&A, False for a declared story or a page
    with few comments, None (undecided) when comment-classed elements hold most of an undeclared page."""
    rule = rules()["discussion"]
    kinds = ld.get("kinds") or set()
    if not kinds.isdisjoint(rule["jsonld_types"]):
        return True
    if not kinds.isdisjoint(rules()["jsonld_story_types"]):
        return False
    cues, words, outer = rules()["cues"]["discussion"], 0, set()
    for el in cues.find(body):
        if el not in outer:
            words += word_count(el)
            outer.update(el.iter())
    return None if words >= rule["min_comment_share"] * max(1, word_count(body)) else False


def story_text(tree: HtmlElement, body: HtmlElement, article: HtmlElement | None, fields: list[str | None],
               author: str | None, discussion: bool) -> str:
    """Boilerplate stripped from the article (or the page), then its main text."""
    drop_footers(body, article)
    strip_boilerplate(article if article is not None else body, discussion=discussion)
    return main_body(tree, body, article, fields, author, discussion)


def drop_footers(body: HtmlElement, article: HtmlElement | None) -> None:
    """Remove the page's <footer> elements (but one holding the story's <article>): trafilatura drops them
    too, and the page's text skips them, but only after copying and cleaning them (a site footer's link
    lists were the largest part of its work on a page without an <article>)."""
    for el in [el for el in body.iter("footer") if article is None or not contains(el, article)]:
        el.drop_tree()


def strip_boilerplate(root: HtmlElement, done: HtmlElement | None = None, discussion: bool = False) -> None:
    """Remove ads, share bars, captions, tag lists and the like before the body is extracted.

    `done` is a part of `root` already cleaned, left as it is; on a `discussion` page the posts stay.
    """
    doomed, inside = [], set(done.iter()) if done is not None else set()
    min_words = rules()["body"]["link_paragraph_min_words"]
    for el in root.iter():
        if el in inside or not isinstance(el.tag, str):
            continue
        if not is_boilerplate(el, discussion) and not (el.tag == "p" and is_link_paragraph(el, min_words)):
            continue
        doomed.append(el)
        inside.update(el.iter())
    for el in doomed:
        el.drop_tree()


def main_body(tree: HtmlElement, body: HtmlElement, article: HtmlElement | None, fields: list[str | None],
              author: str | None = None, discussion: bool = False) -> str:
    """The main story text, paragraphs separated by a blank line; title, section and byline lines dropped.

    trafilatura reads the <article> that holds the headline (cleaned of boilerplate already), or
    the whole page when there is none or when it finds too little there (an <article> may hold
    only the story's header): then the rest of the page is cleaned first. When the <article> holds a
    small share of the page, the whole page is read too: when it holds twice the article's text, it
    is the story (after the article's text, unless it holds that already).
    """
    rule = rules()["body"]
    inside = article is not None and contains(body, article)
    text = article_text(article, discussion) if inside else ""
    small = inside and word_count(article) < rule["min_article_share"] * word_count(body)
    if text_words(text) < rule["min_article_words"] or small:
        if article is not None:
            strip_boilerplate(body, done=article, discussion=discussion)
        whole = body_text(tree, discussion)
        if text_words(text) < rule["min_article_words"]:
            text = max(text, whole, key=len)
        elif len(whole) >= 2 * len(text):  # the story runs on outside its <article> (a transcript below a card)
            text = whole if covers(whole, text) else f"{text}\n{whole}"
    lines = [norm_text(line) for line in text.split("\n")]
    lines = [line for line in lines if line and not is_boilerplate_line(line)]
    head = rules()["body"]["field_lines_at_start"]
    kept = [line for i, line in enumerate(lines)
            if (i >= head or (line not in fields and not is_byline(line, author) and not is_header_line(line)))
            and not is_field_line(line)]
    kept = before_story_end(kept)
    if not kept:
        return "\n\n".join(lines)  # a post that is all headline (a link shared on a forum) keeps it
    if sum(text_words(line) for line in kept) < rules()["body"]["min_article_words"] and only_links(tree, kept):
        # the rest is links: a headline that is a sentence is the post (a link shared on a forum, its site's
        # address after it); else the page has no story (an index, a 404: the site's links, 'Sign in')
        return "\n\n".join(line for line in lines if line not in kept and is_prose(line))
    return "\n\n".join(kept)


def covers(whole: str, part: str) -> bool:
    """True when nearly every word of `part` is in `whole`.

    >>> covers("The port opened on Monday. Trains follow in May.", "The port opened on Monday.")
    True
    """
    words = set(part.lower().split())
    return bool(words) and len(words & set(whole.lower().split())) >= rules()["body"]["min_cover_share"] * len(words)


def is_byline(line: str, author: str | None) -> bool:
    """A short line that credits the story: 'By Ann Lee · 3 May 2024', 'Ann Lee, May 3, 2024'.

    >>> [is_byline(t, "Ann Lee") for t in ["By Ann Lee · 3 May 2024", "Ann Lee, May 3", "Ann Lee said the port opened."]]
    [True, True, False]
    """
    if text_words(line) > rules()["body"]["byline_max_words"]:
        return False
    if BYLINE_PREFIX.match(line):
        return True
    return bool(author) and line.startswith(author) and (line == author or line[len(author)] in " ,·|•–—") \
        and not line.rstrip().endswith((".", "!", "?", '"'))


def only_links(tree: HtmlElement, lines: list[str]) -> bool:
    """True when every line is the whole text of a link on the page.

    >>> from lxml.html import fromstring
    >>> only_links(fromstring("<div><a href='/'>Sign in</a> <p>Port opens</p></div>"), ["Sign in"])
    True
    >>> only_links(fromstring("<div><a href='/'>Sign in</a> <p>Port opens</p></div>"), ["Sign in", "Port opens"])
    False
    """
    links = {norm_text(a.text_content()) for a in tree.iter("a")}
    return bool(lines) and all(line in links for line in lines)


def article_text(article: HtmlElement, discussion: bool = False) -> str:
    """trafilatura's text of `article` read as a page of its own; it is back in its place after."""
    parent = article.getparent()
    place = parent.index(article)
    page = article.makeelement("html")  # made by the page's parser: the same element classes
    page.append(article.makeelement("body"))
    page[0].append(article)  # trafilatura works on a copy
    try:
        return body_text(page, discussion)
    finally:
        parent.insert(place, article)


def body_text(tree: HtmlElement, discussion: bool = False) -> str:
    """trafilatura's main text of a page ('' when it finds none); on a discussion page, with the replies
    trafilatura reads as comments.

    trafilatura runs in fast mode, favouring recall. Where its heuristics missed the content (a thread, a product or
    service page, a story split over odd blocks), its text holds less than a share of the page's words and
    the page holds more running prose outside that text than in it: then the page's run of prose (first
    sentence line to last) is the text. Reader comments and reply forms are no part of that prose, but on a
    discussion page. (trafilatura's second-opinion extractors, readability and jusText,
    cost as much again and did no better there.)
    """
    text = extracted_text(tree, discussion)
    page = tree.find("body") if tree.find("body") is not None else tree
    rule, found = rules()["body"], text_words(text)
    if found < rule["missed_below_share"] * word_count(page):
        lines = page_lines(page, skip_comments=not discussion)  # a story's reader comments are not its prose
        if missed_prose(lines, text) >= rule["missed_prose_ratio"] * max(found, 1):
            text = "\n".join(prose_run(lines))
    return text


def prose_run(lines: list[str]) -> list[str]:
    """The lines from the first line of running text to the last: the story, where an extractor kept
    too little of it.

    >>> prose_run(["Home", "Lamps", "The lamp lights a tent for a whole night on one charge, with three levels.",
    ...            "Specifications", "Its case is water resistant and the hook folds flat for the rucksack.", "Cart"])[1:3]
    ['Specifications', 'Its case is water resistant and the hook folds flat for the rucksack.']
    """
    marks = [i for i, line in enumerate(lines) if is_prose(line)]
    return lines[marks[0]:marks[-1] + 1] if marks else []


def extracted_text(tree: HtmlElement, discussion: bool) -> str:
    """trafilatura's text of a page (it works on its own copy of the tree)."""
    doc = bare_extraction(tree, options=extractor(discussion))
    if doc is None:
        return ""
    return "\n".join(part for part in (doc.text, doc.comments if discussion else None) if part)


@lru_cache(maxsize=2)
def extractor(comments: bool) -> Extractor:
    """trafilatura's settings, made once: fast mode, favouring recall, no metadata (read before), comments only
    for discussion pages.

    Favouring recall keeps what its balanced mode prunes as doubtful inside the story: lists and fact boxes
    in <div>s, teaser-classed blocks, text held directly in <div>s. Our own pruning has already cut the
    related blocks and boilerplate that its balanced mode guards against (web-dev tune body F1 0.7976 ->
    0.8026, articles 0.9411 -> 0.9469; check 0.8082 -> 0.8132, 0.9404 -> 0.9526; html-dev 0.9739 -> 0.9721).
    """
    return Extractor(output_format="python", fast=True, recall=True, comments=comments, with_metadata=False)
