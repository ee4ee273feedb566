"""The main story's body in a text dump: the lines read from its title on, where an end or related-block marker
stops it, and the paragraphs cleaned (author bios, company boilerplate, glued headings and credits)."""
from __future__ import annotations

import re
from collections import Counter

from pipelines.parse.cleaning import strip_title_prefix, unglue_paragraph
from pipelines.parse.rules import TextRules, text_rules
from pipelines.parse.scripts import word_count
from pipelines.parse.text.lines import ANY_SCRIPT_WORD, BULLET, SENTENCE_END, Draft, Line, is_body_start

SHORT_CHARS = 60  # longer paragraphs are never a few words of furniture: not split into words
ACTION_MAX_WORDS = 4  # a comment action ('Reply', 'Log in to reply', 'Reply to this comment') is a few words at most
NAME_NOTE = re.compile(r"\s*\([^)]{1,40}\)$")  # 'Ann Lee (AnnWrites)': a handle or affiliation after a name


def main_draft(lines: list[Line], t: int | None, meta: dict, keep: set[int],
               scores: list[float]) -> tuple[Draft, int | None]:
    """The main story from its title line on, and where a related block starts (None when there is none).

    Lines outside `keep` (the line model's content) are left out when the model kept any. An end or
    related marker ends the story only once the story holds more kept words than the page keeps
    after the marker: a 'Related' link or 'Thanks for reading' prompt above most of the text ends nothing.
    """
    main = Draft(lines[t].text if t is not None else None, meta)
    kept_after = _kept_words_after(lines, keep)
    limits = text_rules().thresholds
    related_min_words = limits.related_min_words
    words, related_at = 0, None
    next_headers = _next_story_headers(lines, t, limits.next_story_max)
    i = body_from(lines, t, keep)
    while i < len(lines):
        line = lines[i]
        ends = words >= kept_after[i]
        if line.kind == "meta" and line.meta.get("provider"):  # 'News provided by' + the provider's name
            i += 2
            continue
        if line.kind == "related" and words >= min(kept_after[i], related_min_words) \
                and not _inline_related(lines, i, scores, words, kept_after[i]) and not _list_section(main, i, keep):
            related_at = i + 1
            break
        if i in next_headers and words >= limits.next_story_min_words and len(main.paragraphs) >= limits.next_story_min_paragraphs:
            related_at = i  # another story's headline and dated line, as the page printed the main story's
            break
        if line.kind == "end" and main.paragraphs and not main.closed and _story_heading(lines, i, keep):
            main.paragraphs.append(line.text)  # 'Comments' heading a section of the story: its prose goes on under it
        elif line.kind == "end" and main.paragraphs and not main.closed and _chart_credit(lines, i, keep):
            pass  # 'Source: NAIC' under a table of the story: its prose goes on under the credit
        elif (line.kind == "end" or (line.kind == "promo" and i not in keep)) and not main.closed:
            # furniture above the body ('Source: …') ends nothing; a sign-up prompt the line model leaves out ends the
            # story like an end marker (one it keeps is a sentence or list item of the story)
            main.closed = bool(main.paragraphs) and ends
        elif main.closed:
            if author := _author_bio(lines, i):
                main.meta.setdefault("author", author)
                i += 2
                continue
        elif ends and main.paragraphs and (name := _author_bio(lines, i)) and not _other_name_box(lines, name) \
                and not _profiled(name, main):
            main.closed = True  # an author box under the story: read again as closed, for the author's name
            continue
        elif line.kind == "headline" and _about_block(lines, i):
            main.closed = True
        elif not main.paragraphs and not ANY_SCRIPT_WORD.search(line.text):
            pass  # counters and numbers above the story ('41', '#1'): page furniture (a Korean or Russian line is words)
        elif line.kind in ("text", "headline") and line.text != main.title and (not keep or i in keep):
            main.paragraphs.append(line.text)
            words += line.words
        i += 1
    return main, related_at


def body_from(lines: list[Line], t: int | None, keep: set[int]) -> int:
    """The line the main body is read from: the one under the title, or the first kept line when much of the kept
    content sits above the title (a headline picked low on the page must not cut the story above it)."""
    if t is None:
        return 0
    limits = text_rules().thresholds
    above = sum(lines[i].words for i in keep if i < t)
    total = sum(lines[i].words for i in keep)
    if keep and above >= limits.above_title_min_words and above >= limits.above_title_share * total:
        return min(keep)
    return t + 1


def _inline_related(lines: list[Line], i: int, scores: list[float], before: int, after: int) -> bool:
    """True when the related marker at `i` heads a card set inside the story ('Related' over one teaser, 'Read Next'
    over a few links) rather than a block of other stories: it sits in running prose (the lines above it score as
    content), the prose resumes within a few lines under it, at least as much of the kept story follows it as
    precedes it, and no dated story follows it."""
    rules = text_rules()
    limits = rules.thresholds
    above = scores[max(0, i - limits.inline_reach):i]
    if not above or sum(above) / len(above) < limits.inline_prose_score or after * limits.related_share < before:
        return False
    below = lines[i + 1:i + 1 + limits.inline_resume]
    return not any(x.kind == "meta" and x.meta.get("date") for x in below) \
        and any(is_body_start(x, rules) for x in below)


def _story_heading(lines: list[Line], i: int, keep: set[int]) -> bool:
    """True when the end marker at `i` is a heading that may head a section of the story ('Comments') and the story's
    running prose resumes right under it (the next line is running text the line model keeps and does not address the
    reader: 'With an account …, you can respond' explains how to comment), with no dated line (a comment's date) and
    no interaction line printed under a comment ('Reply', 'Like') in the lines that follow."""
    rules = text_rules()
    if not rules.inline_end_heading.fullmatch(lines[i].text) or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    below = lines[i + 1:i + 1 + rules.thresholds.comment_reach]
    return is_body_start(nxt, rules) and (not keep or i + 1 in keep) and not rules.inline_heading_reader.search(nxt.text) \
        and not any((x.kind == "meta" and x.meta.get("date")) or rules.comment_action.fullmatch(x.text) for x in below)


def _chart_credit(lines: list[Line], i: int, keep: set[int]) -> bool:
    """True when the end line at `i` credits a chart or table inside the story ('Source: NAIC'): the next line is
    running text the line model keeps and does not open with the credited name (a press release's 'Source: Acme Corp'
    over 'Acme Corp is a maker of …' is its closing credit over its boilerplate)."""
    rules = text_rules()
    credit = rules.inline_end_credit.fullmatch(lines[i].text)
    if not credit or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    resumes = is_body_start(nxt, rules) or (nxt.kind == "headline" and i + 2 < len(lines)
                                            and is_body_start(lines[i + 2], rules) and (not keep or i + 2 in keep))
    return resumes and (not keep or i + 1 in keep) and not nxt.text.startswith(credit.group("name").split()[0])


def _list_section(main: Draft, i: int, keep: set[int]) -> bool:
    """True when the related marker at `i` heads the next section of a list: the story above it, not yet closed, is a
    list of short items (several paragraphs, no two of running prose in a row: a listing's teasers, a collection's cards)
    that look like items (a share of them headline-shaped, without a sentence's end: a teaser's headline, a card's name
    or price) and the line model keeps the line under the marker. Under an article's running prose, or a wire story of
    short paragraphs that each end a sentence, the same marker opens other stories."""
    limits = text_rules().thresholds
    # from the first sentence on: a header's few lines over an article's prose (standfirst, reporter's place, a
    # label) are no items; a run of as many lines as a list holds before any sentence is the list's own
    first = next((k for k, p in enumerate(main.paragraphs) if SENTENCE_END.search(p)
                  and word_count(p) >= limits.sentence_min_words), len(main.paragraphs))
    paragraphs = main.paragraphs[first:] if first < limits.list_min_paragraphs else main.paragraphs
    if main.closed or i + 1 not in keep or len(main.paragraphs) < limits.list_min_paragraphs or not paragraphs:
        return False
    least = limits.list_prose_words
    long = [word_count(paragraph) >= least for paragraph in paragraphs]
    headlines = sum(not SENTENCE_END.search(paragraph) for paragraph in paragraphs)
    return not any(a and b for a, b in zip(long, long[1:])) \
        and headlines >= limits.list_headline_share * len(paragraphs)


def _kept_words_after(lines: list[Line], keep: set[int]) -> list[int]:
    """Per line, the words of the kept lines after it."""
    out, total = [0] * len(lines), 0
    for i in range(len(lines) - 1, -1, -1):
        out[i] = total
        if i in keep:
            total += lines[i].words
    return out


def _author_bio(lines: list[Line], i: int) -> str | None:
    """A name line followed by a bio that starts with that name: the author, e.g. 'Jane Roe' / 'Jane Roe is a …', also
    with the name in capitals or a role line between ('JANE ROE' / 'Contributing writer' / 'Jane Roe writes …'), or by
    first name; the bio writes of a person ('she', 'his'). A heading over a sentence defining it ('Theft Protection' /
    'Theft is …', 'Art Gobblers' / 'Art Gobblers was an NFT game') is no name: its case differs, or no person is written of."""
    line = lines[i]
    if line.kind != "headline" or not 2 <= line.words <= 6:  # most lines end here: no regex run on them
        return None
    name = NAME_NOTE.sub("", line.text) if line.text.endswith(")") else line.text
    names = name.split()
    if not (2 <= len(names) <= 4 and all(n[:1].isupper() for n in names)):
        return None
    spelled = name.title() if name.isupper() else name
    first = spelled.split()[0]
    rules = text_rules()
    for nxt in lines[i + 1:i + 1 + rules.thresholds.bio_reach]:
        text = nxt.text
        if nxt.kind == "text" and ((text.startswith(spelled) and rules.bio_after_name.match(text, len(spelled)))
                                   or (text.startswith(first) and rules.bio_after_first_name.match(text, len(first)))) \
                and rules.person.search(text):
            return line.text
    return None


def _other_name_box(lines: list[Line], name: str) -> bool:
    """True when the page holds a name line over a bio for someone other than `name`: a story that profiles several
    people, each under their name ('Ann Lee' / 'Ann Lee is an engineer; she …'), whose last profiles are no author box."""
    return any(line.kind == "headline" and line.text != name and _author_bio(lines, j) for j, line in enumerate(lines))


def _profiled(name: str, main: Draft) -> bool:
    """True when the name line over a bio profiles someone the story above already names ('Meet the new chair' …
    'the board named Ann Lee …' / 'Ann Lee' / 'Ann Lee is an engineer …'): the story's end, not an author box; unless the
    byline names that person. The name must sit in a sentence: a name line or a credit line
    ('Written by Ann Lee, Tom Hart') over the story is a byline."""
    spelled = NAME_NOTE.sub("", name) if name.endswith(")") else name
    spelled = spelled.title() if spelled.isupper() else spelled
    author = main.meta.get("author")
    if author and spelled.casefold() == author.casefold():
        return False
    least = text_rules().thresholds.sentence_min_words + len(spelled.split())
    return any(spelled in paragraph and len(paragraph.split()) >= least and SENTENCE_END.search(paragraph)
               for paragraph in main.paragraphs)


def without_author_lines(paragraphs: list[str], author: str | None) -> list[str]:
    """Paragraphs without the author's bio ('Jane Roe is a writer …') or name links ('More from Jane Roe').

    >>> without_author_lines(["Rates rose.", "Jane Roe is a reporter.", "More from Jane Roe"], "Jane Roe")
    ['Rates rose.']
    """
    if not author or len(author.split()) < 2:
        return paragraphs
    first = author.split()[0]
    bio = re.compile(rf"(?:{re.escape(author)}|{re.escape(first)})(?:\s+\w+)?\s+(?:is|was|has|writes|covers|joined)\b")
    return [p for p in paragraphs if not (bio.match(p) or (author in p and len(p.split()) <= 8))]


def without_thread_furniture(paragraphs: list[str], lines: list[Line], rules: TextRules) -> list[str]:
    """Paragraphs without a thread engine's furniture, on a page that prints thresholds.thread_min_actions comment
    actions or more ('Reply', 'Quote', '3 Likes': forums, Q&A engines, comment sections print them under each post):
    its short lines (thresholds.thread_furniture_max_words) printed three times or more on the page ('Member', 'Link to
    comment', a poster's name or rank) or holding no word (vote counts, '#2', '42.4k'). A page that is no thread keeps them (a shop's cards repeat
    their 'In stock' labels and prices as content).

    >>> page = [Line(t, 1, "text") for t in ["Reply", "Quote", "Reply", "Member", "Member", "Member", "12"]]
    >>> without_thread_furniture(["How do I fit a new sink?", "Member", "12", "Use a wrench."], page, text_rules())
    ['How do I fit a new sink?', 'Use a wrench.']
    """
    limit = rules.thresholds.thread_furniture_max_words
    short = {p for p in paragraphs if len(p) <= SHORT_CHARS and len(p.split()) <= limit}
    printed = Counter(line.text for line in lines if line.text in short) if short else Counter()
    furniture = {p for p in short if printed[p] > 2 or not ANY_SCRIPT_WORD.search(p)}
    if not furniture:  # most stories hold none: the page's comment actions are not looked for
        return paragraphs
    if not is_thread(lines, rules):
        return paragraphs
    return [p for p in paragraphs if p not in furniture]


def is_thread(lines: list[Line], rules: TextRules) -> bool:
    """True when the page prints thresholds.thread_min_actions comment actions or more ('Reply', 'Quote', '3 Likes'):
    a forum, a Q&A engine or a comment section, which prints them under each post."""
    actions = rules.comment_action.fullmatch
    return sum(1 for x in lines if x.words <= ACTION_MAX_WORDS and actions(x.text)) >= rules.thresholds.thread_min_actions


def _about_block(lines: list[Line], i: int) -> bool:
    """'About Acme Corp' followed by 'Acme Corp is …': company boilerplate of a release."""
    m = re.match(r"About (?:the )?(.+)$", lines[i].text)
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return bool(m and nxt and nxt.text.startswith(m.group(1).split()[0]))


def furniture_only(body: list[str], lines: list[Line], rules: TextRules) -> bool:
    """True when a main story's paragraphs are a few words of a page whose content the dump does not hold (a forum's
    tagline over posts that were never rendered, a shop's keyboard shortcuts over its missing items): under
    story_min_words words and under story_page_share of the page's words. A short story is most of its page.

    >>> rules = text_rules()
    >>> menu = [Line(f"Menu item {n}", n, "headline") for n in range(40)]
    >>> furniture_only(["Share and learn with the community."], menu + [Line("Share and learn with the community.", 41, "text")], rules)
    True
    >>> furniture_only(["A short story of one sentence."], [Line("A short story of one sentence.", 1, "text")], rules)
    False
    """
    limits = rules.thresholds
    words = sum(map(word_count, body))
    return words < limits.story_min_words and words < limits.story_page_share * sum(line.words for line in lines)


def body_paragraphs(texts: list[str], title: str | None, protected: set[str], rules: TextRules) -> list[str]:
    """Clean paragraphs: glued title, credits and subheadings split off, bullets and 'Read more' dropped."""
    out: list[str] = []
    for n, text in enumerate(texts):
        text = BULLET.sub("", text)
        if n == 0:
            text = strip_title_prefix(text, title)
        for piece in unglue_paragraph(text, protected):
            if rules.boilerplate.matches(piece) or (title and piece == title and not out):
                continue
            out.append(piece)
    return out


def _next_story_headers(lines: list[Line], t: int | None, most: int) -> frozenset[int]:
    """The lines under the title at `t` that open another story printed with the title's own header (next_story_header),
    found once for the page; none when the title has no such header, or when more than `most` follow (a listing)."""
    if t is None or not next_story_header(lines, t):
        return frozenset()
    found = [k for k in range(t + 1, len(lines)) if next_story_header(lines, k)]
    return frozenset(found) if len(found) <= most else frozenset()


def next_story_header(lines: list[Line], i: int) -> bool:
    """True when line i opens another story the way a page prints each story's header: a headline over a line
    carrying only its date (and a category or a byline: 'Regulation·March 13, 2024', 'Updated: 2023-10-08 10:00'),
    then the story's text, as pages that load the next story under the one read print it with no 'Related' marker
    between. A government notice's closing office and date ('合肥市人民政府办公室' over '2024年4月12日') have no text under them."""
    if not (lines[i].kind == "headline" and lines[i].words >= text_rules().thresholds.next_story_headline_words
            and i + 1 < len(lines) and lines[i + 1].kind == "meta" and lines[i + 1].meta.get("date")):
        return False
    k = next((k for k in range(i + 2, len(lines)) if lines[k].kind != "meta"), len(lines))
    return k < len(lines) and lines[k].kind == "text"  # its story under it: not a notice's signature and date


def without_site_notices(paragraphs: list[str], rules: TextRules) -> list[str]:
    """The main story's paragraphs without those the site prints in or by a story: a form's legal notice ('By submitting
    this form, you agree to …'), a link, shop widget or pager printed as a paragraph ('Learn more about our plans', 'Add
    to cart', 'Page 2 of 9'), a forum poster's details ('1,204 posts · Joined 2019'; rules.site_notice, each matched at
    a paragraph's start) and a publisher's short affiliate disclosure ('As an Amazon Associate we earn from qualifying
    purchases.'). Read for the main story only (speed: a page's related teasers are many and hold none).

    >>> without_site_notices(["The trail reopens on Friday.", "Learn more about our parks", "Page 2 of 9"], text_rules())
    ['The trail reopens on Friday.']
    """
    return [p for p in paragraphs if not (rules.site_notice.match(p) or _affiliate_disclosure(p, rules))]


def _affiliate_disclosure(paragraph: str, rules: TextRules) -> bool:
    """True when a short paragraph (thresholds.disclosure_max_words words at most) discloses the publisher's affiliate
    earnings ('This post may contain affiliate links.'): the site's notice, not the story's."""
    return bool(rules.affiliate_disclosure.search(paragraph)) \
        and word_count(paragraph) <= rules.thresholds.disclosure_max_words
