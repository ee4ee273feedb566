"""A text dump's headline: which line above (or just under) the story's first paragraph is its title.

The title model (pipelines/parse/text/text/title_features.py, weights trained by scripts/train_line_model.py) ranks the candidate
lines; rules read from the page's shape decide before it (a breadcrumb's last item, a forum thread's title) or when its
pick has nothing by it that a headline has (a dateline or byline under it, the story right under it).
"""
from __future__ import annotations

import re

from pipelines.parse.dates import find_date
from pipelines.parse.text.line_model import line_model, weighted_score
from pipelines.parse.rules import header_rules, text_rules
from pipelines.parse.text.engines import _thread_labels
from pipelines.parse.text.lines import ANY_SCRIPT_WORD
from pipelines.parse.text.names import name_alone, plausible_name
from pipelines.parse.text.view import PageView, page_view
from pipelines.parse.text.title_shapes import (dated_headline, headline_after_cards, headline_over_subtitle,
                                              headline_printed_twice, headline_under_dated_section, headline_under_slogan)
from pipelines.parse.text.title_features import (capital_share, content_words, is_meta_like, opening_lines, title_candidates,
                                             title_features)

CRUMB_SEP = re.compile(r"\s+[>›»/]\s+|\s*[›»]\s*")  # 'Home > Blog > …', 'Home›Travel›…'
CRUMB_MARK = re.compile(r"[>›»/]")
LETTER_RUN = re.compile(r"[^\W_]+")

def choose_title(lines, layout) -> int | None:
    """Index of the headline: the heading a breadcrumb ends with, a thread's or a question's title, a documentation
    page's first heading with a permalink mark, the title model's best candidate (or the headline over it when it is
    a subtitle, or the headline under it when it is a slogan, a card or a section's name: text/title_shapes.py) when
    its date or byline is printed under it, else a heading printed twice in a row on the story's topic, else the
    model's pick when it is a headline printed right over the story (not over a lone promotion's sentence with a
    dated headline under it), else the first heading printed with its byline right over running prose (the pick was
    a promotion or a menu item), else the heading printed twice over the story, else the heading naming what the
    story's first sentence defines, else the model's pick."""
    if (crumbed := breadcrumb_title(lines, layout.body_start)) is not None:
        return crumbed
    if (thread := thread_title(lines, layout.view)) is not None:
        return thread
    if (question := question_title(lines)) is not None:
        return question
    if (anchored := anchored_title(lines, layout.body_start)) is not None:
        return anchored
    index = _model_title(lines, layout)
    lim = header_rules().limits
    if index is not None and (under := headline_under_section(lines, index)) is not None:
        return under
    if index is not None and (dated := headline_under_dated_section(lines, index)) is not None:
        return dated  # the pick is a section's name over the dateline printed over the headline
    if index is not None and (story := headline_after_cards(lines, index, layout.body_start, layout.scores)) is not None:
        return story  # the pick is a card of other stories printed over the story's own dated headline
    if index is not None and (under := headline_under_slogan(lines, index, layout.body_start)) is not None:
        return under  # the pick is a slogan or promotion printed over the headline and its byline
    if index is not None and any(is_meta_like(x) for x in lines[index + 1:index + 1 + lim.headline_meta_reach]):
        return index  # a story's headline with its dateline or byline
    if (doubled := headline_printed_twice(lines, layout.body_start)) is not None and doubled != index:
        return doubled  # the pick has nothing by it that a headline has; a heading printed twice in a row on its topic
    right_over = index is not None and index == layout.body_start - 1 and lines[index].kind == "headline" \
        and lines[index].words >= lim.section_over_words
    if right_over and not _lone_paragraph(lines, layout.body_start):
        return index  # a headline printed right over its story, not a short heading or menu item above it
    dated = dated_headline(lines, layout.body_start, layout.scores)
    if right_over and (dated is None or dated < layout.body_start):
        return index  # (over a lone paragraph, with no dated headline under it)
    if dated is not None:  # the pick has nothing by it that a headline has; a heading printed with its byline over its
        over = headline_over_subtitle(lines, dated, layout.body_start)  # story (or the subtitle under it)
        return dated if over is None else over
    if (twice := twice_printed_title(lines, layout.body_start)) is not None:
        return twice
    subject = defined_subject_title(lines, layout.body_start)
    return index if subject is None else subject


def _lone_paragraph(lines, i: int) -> bool:
    """True when the paragraph at `i` stands alone, no running text under it (a promotion's sentence over its button:
    'Take a break and try our weekly crossword.' / 'Play now'), so the heading over it heads no story."""
    return i + 1 >= len(lines) or lines[i + 1].kind != "text"


def headline_under_section(lines, i: int) -> int | None:
    """Index of the headline printed right under the line at `i` when that line is a section's name (fewer words than
    a headline: '新闻中心', 'Markets') and the line under it is headline-shaped with its dateline or byline right under
    it: a news page prints section, headline, dateline in that order. None otherwise.

    >>> from pipelines.parse.text.page import read_lines
    >>> page = read_lines("Home\\nMarkets\\nA city sets up a fund for start-ups\\nMay 2, 2024\\nThe city has set up a fund.",
    ...                   text_rules())
    >>> headline_under_section(page, 1), headline_under_section(page, 2)
    (2, None)
    """
    lim = header_rules().limits
    k = i + 1
    while k < len(lines) and lines[k].kind == "boiler":
        k += 1
    if lines[i].words >= lim.section_over_words or is_meta_like(lines[i]) or k + 1 >= len(lines) \
            or not _headline_shaped(lines[k]) or not is_meta_like(lines[k + 1]):
        return None
    return k


def _model_title(lines, layout) -> int | None:
    """Index of the title model's best candidate (the rules' pick when no candidate scores enough)."""
    model = line_model()
    candidates = title_candidates(lines, layout.body_start)
    if not model.title or not candidates:
        return layout.rule_title
    rows = title_features(lines, candidates, layout.body_start, layout.scores, opening_lines(layout.keep), layout.rule_title)
    scored = [(weighted_score(model.title, row), i) for row, i in zip(rows, candidates) if not is_breadcrumb(lines[i].text)]
    if not scored:
        return layout.rule_title
    best, index = max(scored)
    index = index if best >= model.title_threshold else layout.rule_title
    above = next((score for score, i in scored if index is not None and i == index - 1), None)
    if above is not None and (above >= model.title_threshold or layout.rule_title == index - 1) \
            and lines[index].kind == "meta" and lines[index - 1].kind == "headline" and find_date(lines[index].text):
        index -= 1  # the pick is the dateline printed under a headline the model or the rules take ('发布时间：…')
    if index is not None and (entry := outline_start(lines, candidates, layout.keep, index, layout.view.lower)) is not None \
            and (above := [x for x in scored if x[1] < entry and _headline_shaped(lines[x[1]])]):
        index = max(above)[1]  # the pick is an entry of the story's outline: the headline is printed over it
    if index is not None and index - 1 in candidates and headline_over(lines, index - 1, layout.body_start, layout.view):
        return index - 1  # the model's pick is what is printed under the headline
    if index is not None and (over := headline_over_name(lines, index)) is not None:
        index = over  # the model's pick is the writer's name printed under the headline
    if index is not None and (over := headline_over_subtitle(lines, index, layout.body_start)) is not None:
        return over  # the pick is the subtitle printed between the headline and its writer
    return index


def outline_start(lines, candidates: list[int], keep: set[int], pick: int, lower: str | None = None) -> int | None:
    """Index of the first entry of the outline the line at `pick` is an entry of, None when it is none. An outline (a
    table of contents printed over a story) is a run of three or more candidate lines at most two lines apart, each
    printed again, in the same order, as a heading of the story's kept lines, the story's sections further apart than
    its entries (a section holds text; a menu or a list of cards printed twice, for the desktop and the phone, repeats
    as closely as it was printed).

    >>> from pipelines.parse.text.page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = read_lines("A guide to sprockets\\nContents\\nWhat they are\\nHow to fit one\\nWhen to replace one\\n"
    ...                   "What they are\\nSprockets are wheels with teeth.\\nHow to fit one\\nSlide it on the axle.\\n"
    ...                   "When to replace one\\nWhen the teeth wear down.", text_rules())
    >>> outline_start(page, [0, 2, 3, 4], set(range(5, 11)), 3), outline_start(page, [0, 2, 3, 4], set(range(5, 11)), 0)
    (2, None)
    """
    key = lines[pick].text.casefold()
    if lower is not None and lower.count(lines[pick].text.lower()) < 2 \
            or not any(j > pick + 1 and lines[j].text.casefold() == key for j in keep):
        return None  # most picks: printed once (`lower`: the page in lower case, searched first at C speed)
    kept: dict[str, list[int]] = {}
    for j in sorted(keep):
        kept.setdefault(lines[j].text.casefold(), []).append(j)
    again = [(i, j) for i in candidates
             if (j := next((j for j in kept.get(lines[i].text.casefold(), ()) if j > i + 1), None)) is not None]
    run: list[tuple[int, int]] = []
    for i, j in again:
        if run and (i - run[-1][0] > 2 or j - run[-1][1] <= i - run[-1][0]):
            if len(run) >= 3 and run[0][0] <= pick <= run[-1][0]:
                break
            run = []
        run.append((i, j))
    return run[0][0] if len(run) >= 3 and run[0][0] <= pick <= run[-1][0] else None


def _headline_shaped(line) -> bool:
    """A headline's line: four words or more, no sentence, no date or byline (what a table of contents is printed
    under)."""
    return line.kind == "headline" and line.words >= header_rules().limits.section_over_words \
        and not line.text.endswith(".") and not is_meta_like(line)


def headline_over_name(lines, i: int) -> int | None:
    """Index of the headline printed over the line at `i` when that line is a person's name alone ('Ann Lee': two to
    four capitalised words, no digits) with a date or byline within a few lines under it: the writer's name between
    headline and dateline (printed twice counted once). None when `i` is no such name or what is over it is no
    headline (four words or more, no sentence, no name).

    >>> from pipelines.parse.text.page import read_lines
    >>> page = read_lines("Menu\\nA city sets up a fund for start-ups\\nAnn Lee\\nMay 2, 2024\\nThe city has set up a fund.",
    ...                   text_rules())
    >>> headline_over_name(page, 2), headline_over_name(page, 1)
    (1, None)
    """
    line, lim = lines[i], header_rules().limits
    if not name_alone(line.text) or any(c.isdigit() for c in line.text) \
            or not any(is_meta_like(x) for x in lines[i + 1:i + 1 + lim.headline_meta_reach]):
        return None
    k = i - 1
    while k >= 0 and (lines[k].kind == "boiler" or lines[k].text == line.text):
        k -= 1
    head = lines[k] if k >= 0 else None
    if head is None or head.kind not in ("headline", "text") or head.words < lim.dek_min_words \
            or head.text.endswith(".") or is_meta_like(head) or name_alone(head.text):
        return None
    return k


def twice_printed_title(lines, body_start: int) -> int | None:
    """Index of the page's heading printed twice just over its story (a breadcrumb's or a sidebar's current item, then
    the heading itself: 'Sprockets' / 'Sprockets', 'Gears' / 'Gears¶'), when the story's opening lines hold its words
    ('Sprockets are toothed wheels …'): documentation and reference pages, whose heading is often one
    word. Its first copy sits above the story's first paragraph; the pair nearest it wins. None when there is none.

    >>> from pipelines.parse.text.page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = "Docs\\nParts\\nSprockets\\nSprockets\\nSprockets are toothed wheels that turn a chain in a bicycle or a machine."
    >>> twice_printed_title(read_lines(page, text_rules()), 4)
    3
    """
    lim, longest = header_rules().limits, text_rules().headline_max_words
    opening = content_words(" ".join(x.text for x in lines[body_start:body_start + lim.twice_opening_lines]))
    found = []
    for j in range(max(1, body_start - lim.twice_above), min(len(lines), body_start + lim.twice_below + 1)):
        line = lines[j]
        if line.kind not in ("headline", "text") or line.words > longest or not ANY_SCRIPT_WORD.search(line.text) \
                or is_meta_like(line):
            continue
        words = content_words(line.text)
        if not words or not words <= opening:
            continue
        key = _folded(line.text)
        if any(_folded(lines[i].text) == key for i in range(max(0, j - lim.twice_gap), min(j, body_start))):
            found.append((abs(j - body_start), j))
    return min(found)[1] if found else None


def defined_subject_title(lines, body_start: int) -> int | None:
    """Index of the heading that names what the story's first sentence defines ('Portage' over 'Portage is the package
    manager of …', 'useState' over 'useState is a hook that …'): a reference page's heading, printed alone on its line
    within reach above the story. None when the story does not open by defining something printed above it.

    >>> from pipelines.parse.text.page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = "Docs\\nPortage\\nFrom the wiki\\nSee also\\nPortage is the package manager that builds software from source."
    >>> defined_subject_title(read_lines(page, text_rules()), 4)
    1
    """
    rules = header_rules()
    found = rules.definition.match(lines[body_start].text) if body_start < len(lines) else None
    if not found or len(found.group("subject").split()) > rules.limits.subject_max_words:
        return None
    key = _folded(found.group("subject"))
    for k in range(body_start - 1, max(-1, body_start - rules.limits.subject_reach - 1), -1):
        if lines[k].kind in ("headline", "text") and key and _folded(lines[k].text) == key:
            return k
    return None


def _folded(text: str) -> str:
    """`text` in lower case without its punctuation ('Gears¶' -> 'gears')."""
    return " ".join(LETTER_RUN.findall(text.casefold()))


HOME_ITEMS = ("home", "首页", "首頁", "主页", "网站首页")


def is_breadcrumb(text: str) -> bool:
    """True for a breadcrumb opening with the home page ('Home / China / Cities', '首页 > 政务公开 > 政策文件'): three
    items or more between crumb marks, the first the home page's; the page's place in the site, never its headline.

    >>> is_breadcrumb("Home / China / Cities"), is_breadcrumb("Beijing / Shanghai race for AI firms")
    (True, False)
    """
    if not CRUMB_MARK.search(text):  # most lines: no crumb mark (speed)
        return False
    parts = CRUMB_SEP.split(header_rules().crumb_lead.sub("", text))
    return len(parts) >= 3 and parts[0].strip().casefold() in HOME_ITEMS


def breadcrumb_title(lines, body_start: int) -> int | None:
    """Index of the line printed under a breadcrumb ('Home > Blog > A city sets up a fund', 'You are here: start >
    searching') that repeats the breadcrumb's last item: the page's own heading (a breadcrumb ends with the page it
    is on). The pair nearest the story's first paragraph; None when the page has none.

    >>> from pipelines.parse.text.page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = "Menu\\nHome > Blog > A city sets up a fund\\nBlog\\nA city sets up a fund\\nThe city has set up a fund."
    >>> breadcrumb_title(read_lines(page, text_rules()), 4)
    3
    """
    found, lim = [], header_rules().limits
    for i, line in enumerate(lines):
        if line.words > lim.crumb_max_words or not CRUMB_MARK.search(line.text):
            continue
        parts = CRUMB_SEP.split(header_rules().crumb_lead.sub("", line.text))
        if len(parts) < 2 or not ANY_SCRIPT_WORD.search(parts[-1]) or len(parts[0].split()) > lim.crumb_item_words:
            continue
        last = parts[-1].casefold()
        for j in range(i + 1, min(len(lines), i + 1 + lim.crumb_reach)):
            if lines[j].text.casefold() == last:
                if not _section_over_headline(lines, j):
                    found.append((abs(j - body_start), j))
                break
    return min(found)[1] if found else None


def thread_title(lines, view: PageView | None = None) -> int | None:
    """Index of a forum thread's title: the heading printed over the first label a forum engine prints by the
    thread's starter ('Thread starter Ann', 'Ann Discussion starter', printed again on each of the starter's posts),
    with the furniture between them skipped (an avatar's initial, a 'Jump to Latest' link, the thread's dated
    statistics line; thread_furniture_reach lines at most). None on a page with no such label or with labels naming
    several starters (a forum's index lists many threads, each with its starter). `view`: the page's shared view (the
    Layout's), made from `lines` when not given.

    >>> from pipelines.parse.text.page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = "Forums\\nGeneral Discussion\\nPlans for a second tank\\nThread starter ann_lee\\nStart date Mar 6, 2024\\nHello all."
    >>> thread_title(read_lines(page, text_rules()))
    2
    """
    view = view if view is not None else page_view([x.text for x in lines])
    found = _thread_labels(view.page)
    if not found or len({m.group("name").casefold() for m in found}) != 1:
        return None
    label = view.line_at(min(m.start() for m in found))
    i, lim = label - 1, header_rules().limits
    while i >= 0 and (lines[i].kind == "boiler" or (label - i <= lim.thread_furniture_reach and _thread_furniture(lines[i]))):
        i -= 1
    longest = lim.thread_title_max_words
    if i < 0 or lines[i].kind not in ("headline", "text") or not 1 <= lines[i].words <= longest \
            or lines[i].text.endswith(".") or is_meta_like(lines[i]):
        return None
    return _over_trail(lines, i)


def _over_trail(lines, i: int) -> int:
    """Index of the thread's title when the line at `i` ends a breadcrumb trail printed one item per line under it
    ('Best tents' / 'Home' / 'Forums' / 'Camping gear': the trail's first item, trail_start in text_rules.yaml, within
    thread_furniture_reach lines over `i`, each item and `i` of crumb_item_words words at most): the line over the
    trail's first item. `i` itself when no such trail ends there (a title printed under its trail is longer than an
    item), or what is over it is no heading."""
    rules = header_rules()
    lim = rules.limits
    if lines[i].words > lim.crumb_item_words:
        return i  # a headline's length: the title, printed under the trail
    for k in range(i - 1, max(-1, i - lim.thread_furniture_reach - 1), -1):
        if rules.trail_start.fullmatch(lines[k].text):
            head = lines[k - 1] if k > 0 else None
            fits = head is not None and head.kind in ("headline", "text") \
                and 1 <= head.words <= lim.thread_title_max_words and not is_meta_like(head)
            return k - 1 if fits else i
        if lines[k].words > lim.crumb_item_words:
            return i
    return i


def _thread_furniture(line) -> bool:
    """True when a line printed between a thread's title and its starter's label is the forum's furniture: an avatar's
    initial ('E'), a jump link ('Jump to Latest'; jump_link in text_rules.yaml) or a line holding a date (the thread's
    statistics, '6.5K views 5 replies last post by ann Jun 5, 2024')."""
    return len(line.text) <= 2 or bool(header_rules().jump_link.fullmatch(line.text)) or is_meta_like(line) \
        or find_date(line.text) is not None


def question_title(lines) -> int | None:
    """Index of a Q&A page's question: the heading printed over the engine's first 'Asked 3 years ago' / 'asked Mar 9,
    2021' line (its 'Ask Question' button and furniture between them skipped; question_asked and question_button in
    text_rules.yaml). A question's page prints one or two (in its header and again on the asker's card); None on a page
    with none or more (a list of questions).

    >>> from pipelines.parse.text.page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = "Questions\\nHow do I keep a sourdough starter alive?\\nAsk Question\\nAsked 3 years ago\\nI feed it daily."
    >>> question_title(read_lines(page, text_rules()))
    1
    """
    rules, longest = header_rules(), header_rules().limits.thread_title_max_words
    found = [i for i, line in enumerate(lines)
             if line.text[:6].casefold() == "asked " and rules.question_asked.fullmatch(line.text)]
    if not 1 <= len(found) <= 2:
        return None
    i = found[0] - 1
    while i >= 0 and (lines[i].kind == "boiler" or rules.question_button.fullmatch(lines[i].text)):
        i -= 1
    if i < 0 or lines[i].kind not in ("headline", "text") or not 1 <= lines[i].words <= longest or is_meta_like(lines[i]):
        return None
    return i


def anchored_title(lines, body_start: int) -> int | None:
    """Index of a documentation page's own heading: the first heading printed with the permalink mark documentation
    generators put after each heading ('Tasks¶' over 'Basics¶'; heading_anchor in text_rules.yaml), a line of a
    headline's length printed over the story's first paragraph (`body_start`; one under it heads a section). None on a
    page with no such heading.

    >>> from pipelines.parse.text.page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = "Docs » Library\\njson — JSON encoder and decoder¶\\nIt reads and writes JSON.\\nBasic Usage¶\\nCall dump."
    >>> anchored_title(read_lines(page, text_rules()), 2)
    1
    """
    anchor, longest = header_rules().heading_anchor, text_rules().headline_max_words
    for i, line in enumerate(lines[:body_start + 1]):
        if anchor.search(line.text):
            return i if line.kind in ("headline", "text") and 1 <= line.words <= longest else None
    return None


def _section_over_headline(lines, j: int) -> bool:
    """True when the short line at `j` is a section's name printed over a longer headline ('Home > News > Politics',
    'Politics', 'City sets up a fund for start-ups'): the breadcrumb ends with the section, not with the story."""
    nxt, words = lines[j + 1] if j + 1 < len(lines) else None, header_rules().limits.section_over_words
    return lines[j].words < words and nxt is not None and nxt.kind == "headline" \
        and nxt.words >= words


def headline_over(lines, above: int, body_start: int, view: PageView | None = None) -> bool:
    """True when the line at `above` is the headline and the next line what is printed under it: the writer's name and
    role ('Ann Lee, Senior Editor'; no digits: 'Editing Rig Build, May 2024' is a headline with its date, printed under
    its forum's section; a name the page does not write in lower case, text_names.plausible_name over `view`, the
    page's lines: 'Solar Farms Pay Off, Officials Say' over a story on solar farms is a headline), or a standfirst (a longer line in sentence case under a headline in title case)
    that runs straight into the story's first paragraph or its dateline or byline.

    >>> from pipelines.parse.text.page import read_lines
    >>> from pipelines.parse.rules import text_rules
    >>> page = read_lines("Making Google Sans Flex\\nHow seven design problems shaped the typeface over five years\\n"
    ...                   "The typeface began as a set of sketches for a phone screen and grew from there.", text_rules())
    >>> headline_over(page, 0, 2)
    True
    """
    head, line, lim = lines[above], lines[above + 1], header_rules().limits
    if head.kind != "headline" or head.words < lim.dek_min_words or head.text.endswith(".") or is_meta_like(head) \
            or is_breadcrumb(head.text):
        return False
    if "," in line.text and (name := name_alone(line.text)) and not any(c.isdigit() for c in line.text) \
            and plausible_name(name, page_view(view or [x.text for x in lines]).page):
        return True
    nxt = above + 2
    return line.words >= lim.dek_ratio * head.words and capital_share(head.text) >= 0.6 > 0.5 > capital_share(line.text) \
        and (nxt == body_start or (nxt < len(lines) and is_meta_like(lines[nxt])))

