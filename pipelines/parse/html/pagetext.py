"""The visible text of a page's main area, line by line: what a non-article page (a product, a listing,
a service or documentation page) holds as its main content, where a story extractor finds little."""
from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from pipelines.parse.html.rules import norm_text, rules
from pipelines.parse.scripts import word_count

SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "。", "！", "？", "」")  # and the full-width ends of Chinese and Japanese

# Elements that start a new line of text.
BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "ul", "ol",
                    "table", "dd", "dt", "dl", "blockquote", "pre", "br", "main", "header", "figure", "td", "th"})


def main_area(tree: HtmlElement) -> HtmlElement:
    """The page's <main> (or role=main) element, else its <body>."""
    found = tree.find(".//main")
    if found is None:
        found = next(tree.iterfind(".//*[@role='main']"), None)  # lxml searches: no Python test per element
    if found is None:
        found = tree.find("body")
    return found if found is not None else tree


def page_lines(root: HtmlElement, skip_comments: bool = False, outside_comments: list[str] | None = None) -> list[str]:
    """Visible text of `root`, one line per block, without the page's furniture (navigation, header,
    footer, asides, forms, cookie banners, ads), nor, with `skip_comments`, its reader comments and reply
    forms. The lines outside reader comments are also added to `outside_comments` when one is given (the
    same walk). Walks the tree without recursion, so any depth is fine.

    >>> from lxml.html import fromstring
    >>> page_lines(fromstring("<main><nav>Home</nav><h2>Lamps</h2><ul><li>Trail Lamp <b>49 EUR</b></li>"
    ...                       "<li>Desk Lamp 39 EUR</li></ul><footer>Shop since 2015</footer></main>"))
    ['Lamps', 'Trail Lamp 49 EUR', 'Desk Lamp 39 EUR']
    """
    skip, skip_cues = set(rules()["page_text"]["skip_tags"]), rules()["cues"]["page_text_skip"]
    comments = rules()["cues"]["comments"] if skip_comments or outside_comments is not None else None
    lines: list[str] = []
    current: list[str] = []
    in_comment: HtmlElement | None = None  # the reader-comment element the walk is in (outside_comments)

    def flush() -> None:
        line = norm_text(" ".join(current))
        if line:
            lines.append(line)
            if outside_comments is not None and in_comment is None:
                outside_comments.append(line)
        current.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            comment = el is not root and comments is not None and in_comment is None and comments.match(el)
            if el is not root and (el.tag in skip or skip_cues.match(el) or el.get("hidden") is not None
                                   or (comment and skip_comments)):
                walker.skip_subtree()
                if el.tail:
                    current.append(el.tail)
                continue
            if el.tag in BLOCKS:
                flush()
            if comment:
                flush()
                in_comment = el
            if el.text:
                current.append(el.text)
        else:
            if el.tag in BLOCKS or el is in_comment:
                flush()
            if el is in_comment:
                in_comment = None
            if el.tail and el is not root:
                current.append(el.tail)
    flush()
    return lines


def is_prose(line: str) -> bool:
    """True for a line of running text: long enough, and ending a sentence."""
    return word_count(line) >= rules()["page_text"]["prose_line_min_words"] and line.rstrip().endswith(SENTENCE_ENDS)


def prose_share(lines: list[str]) -> float:
    """Share of the words that stand in sentences of running text (long lines ending a sentence).

    >>> prose_share(["Lamps", "The lamp lights a tent for a whole night on one charge, with three levels."])
    0.9375
    """
    words = sum(word_count(line) for line in lines)
    prose = sum(word_count(line) for line in lines if is_prose(line))
    return prose / words if words else 0.0


def missed_prose(lines: list[str], text: str) -> int:
    """Words of running text in `lines` that `text` leaves out (lines most of whose words it lacks).

    >>> missed_prose(["Lamps", "The lamp lights a tent for a whole night on one charge, with three levels.",
    ...               "Each lamp ships with a cable and a pouch, and its battery lasts for years."], "The lamp lights a tent for a whole night")
    15
    """
    found = set(text.split())
    missed = 0
    for line in lines:
        if is_prose(line):
            words = set(line.split())
            if len(words & found) < 0.5 * len(words):
                missed += word_count(line)
    return missed


def prefer_page_text(story: str, lines: list[str]) -> bool:
    """True when the page's main text, not the story found in it, is the page's content: the story holds
    a small share of that text and the text is not running prose (a listing, a product or service page)."""
    rule = rules()["page_text"]
    words = sum(word_count(line) for line in lines)
    if not words or word_count(story) >= rule["max_story_share"] * words:
        return False
    return prose_share(lines) < rule["max_prose_share"]
