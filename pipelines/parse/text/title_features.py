"""Which line above the story is its headline: candidate lines described by their shape and place.

The title model (weights in pipelines/data/line_model.json, trained by scripts/train_line_model.py)
scores each candidate and the best one of the page wins; the features say how far the line sits above the
story's first paragraph, whether a date or byline sits next to it, how many of its words the story repeats
and how often, whether it is the first, the nearest or the longest heading on the story's topic, whether it is
printed twice in a row, whether a breadcrumb elsewhere on the page ends with it, and whether the older headline
rule picked it.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import accumulate
from functools import lru_cache

from pipelines.parse.dates import find_date
from pipelines.parse.text.line_features import NO_DIGITS, WORD, stop_words
from pipelines.parse.rules import header_rules

TITLE_WINDOW = 40  # lines above the story's first paragraph a headline may sit
TITLE_WINDOW_BELOW = 60
TITLE_MAX_WORDS = 30
STORY_FIT_NAMES = ("body_freq", "first_on_topic", "digit_share", "twice_in_a_row", "nearest_on_topic",
                   "longest_on_topic")
ON_TOPIC_FREQ = 1.0  # body_freq of a heading on the story's topic: its words recur in the story (e^1 - 1, ~1.7 times each)
OPENING_LINES = 40  # kept lines from the top of the page's content whose words a candidate's are looked up in
TITLE_NAMES = ("bias", "log_words", "capital_ratio", "stop_ratio", "ends_period", "ends_question", "log_distance",
               "adjacent", "rule_pick", "meta_below", "meta_above", "body_overlap", "in_breadcrumb", "kind_headline",
               "kind_text", "body_score", "separators", "para_alone", "first_line", "longest", "repeated", "below_start",
               "log_distance_below", "prose_above", "meta_next", "log_lines_to_meta", "name_like", "score_before",
               "score_after", "short_before", "longer_next", "best_overlap", "dek_next", "title_case", "upper_ratio",
               "headline_above", "stack_below") + STORY_FIT_NAMES
META_REACH = 5  # lines below a headline its dateline or byline may sit (a dek and an author name between)
NAME_WORD = re.compile(r"[A-Z][\w.’'\-]*")


def lowered_words(text: str) -> list[str]:
    """The text's words (WORD), each lowered alone. An ASCII text is lowered whole before its words are found (one
    call instead of one a word, speed): lowering an ASCII letter makes a letter, so the words are the same."""
    return WORD.findall(text.lower()) if text.isascii() else list(map(str.lower, WORD.findall(text)))


def content_words(text: str) -> set[str]:
    """The line's words of three letters or more that are not function words, in lower case."""
    stops = stop_words()
    if text.isascii():  # lowered whole (lowered_words): an ASCII word keeps its length
        return {w for w in WORD.findall(text.lower()) if len(w) > 2 and w not in stops}
    return {w.lower() for w in WORD.findall(text) if len(w) > 2 and w.lower() not in stops}


@lru_cache(maxsize=65536)
def _own(text: str) -> tuple[frozenset, int, float, float, float, bool, int]:
    """A candidate's own figures (cached): content words, word count, shares of capitalised, function and
    all-capital words, whether it reads as a person's name, and how many of its characters are digits."""
    words = WORD.findall(text)
    n = len(words) or 1
    stops = stop_words()
    return (frozenset(content_words(text)), n, sum(w[:1].isupper() for w in words) / n,
            sum(w.lower() in stops for w in words) / n, sum(w.isupper() and len(w) > 1 for w in words) / n,
            _name_like(text), digit_count(text))


def digit_count(text: str) -> int:
    """How many of the text's characters are digits (str.isdigit). In an ASCII text the digits are 0-9 and are counted
    by deleting them (speed: no call per character).

    >>> digit_count("Top 10 phones of 2024"), digit_count("Area 51 km²")
    (6, 3)
    """
    return len(text) - len(text.translate(NO_DIGITS)) if text.isascii() else sum(map(str.isdigit, text))


def _name_like(text: str) -> bool:
    """Two to four capitalised words and nothing else: a person's name (an author line), not a headline."""
    name = WORD.findall(text.split(",")[0])  # 'Ann Lee, Senior Editor': the name before the comma
    return 2 <= len(name) <= 4 and all(NAME_WORD.fullmatch(w) for w in name) and not any(w.lower() in stop_words() for w in name)


def capital_share(text: str) -> float:
    """Share of the line's words that start with a capital."""
    return _own(text)[2]


def _heading_like(line) -> bool:
    """A line of four or more words that is not a sentence or a name: a headline or a standfirst."""
    return line.kind in ("headline", "text") and 4 <= line.words <= TITLE_MAX_WORDS and not line.text.endswith(".") \
        and not _own(line.text)[5]


def _dek(line, nxt, capitals: float) -> bool:
    """A headline in title case followed by a longer line in sentence case: the standfirst under a headline."""
    if nxt is None or nxt.kind not in ("headline", "text") or nxt.words <= line.words or capitals < 0.6:
        return False
    return bool(WORD.search(nxt.text)) and _own(nxt.text)[2] < 0.5


@lru_cache(maxsize=1)
def _credit() -> re.Pattern:
    """A line opening with a writer's or another credit's label ('By', 'Written by:', 'Reviewed by', 'Edited by'; the
    header labels author_label and credit_label in text_rules.yaml)."""
    labels = header_rules()
    return re.compile(rf"^(?:{labels.author_label.pattern}|{labels.credit_label.pattern})\s", re.I)


def is_meta_like(line) -> bool:
    """A date, a byline or another credit, or a metadata line the rules read."""
    return line.kind == "meta" or bool(_credit().match(line.text)) or (
        line.words <= 12 and bool(find_date(line.text)))


def title_candidates(lines, body_start: int) -> list[int]:
    """Indexes of the lines that may be the headline: short lines in the window above the body, but a credit's line (a
    picture's caption is no headline-kind line: text/lines.py classify)."""
    lo = max(0, body_start - TITLE_WINDOW)
    hi = min(len(lines), body_start + TITLE_WINDOW_BELOW)
    return [i for i in range(lo, hi)
            if 2 <= lines[i].words <= TITLE_MAX_WORDS and lines[i].kind in ("headline", "text", "meta")
            and not _credit().match(lines[i].text) and WORD.search(lines[i].text)]


def opening_lines(keep: set[int]) -> list[int]:
    """The opening of the page's content: its first OPENING_LINES kept lines (the line model's `keep`), in order."""
    return sorted(keep)[:OPENING_LINES]


def title_features(lines, candidates: list[int], body_start: int, scores: list[float], body_lines: list[int],
                   rule_pick: int | None) -> list[list[float]]:
    """One row (TITLE_NAMES order) per candidate line; `body_lines`: the opening of the page's content (opening_lines)."""
    story = [k for k in body_lines if k >= body_start]  # the story itself, not the kept lines over its first paragraph
    # each word lowered alone, as content_words lowers a candidate's: 'İstanbul' lowered within a text splits in two
    story_counts = Counter(lowered_words("\n".join(lines[k].text for k in story)))
    # the words a candidate's content words are looked up in: a content word is long and no function word, so the
    # story's words need no sifting for them
    body_words = story_counts.keys() | content_words("\n".join(lines[k].text for k in body_lines if k < body_start))
    texts = [x.text for x in lines]
    counts = Counter(texts)
    above_text = "\n" + "\n".join(texts[:body_start]) + "\n"
    lines_above = Counter(texts[:body_start])  # (a line printed twice in a row is no line ending with it)
    longest = max((lines[i].words for i in candidates), default=0)
    prose = [x.words if score > 0.5 else 0 for x, score in zip(lines, scores)]
    prose_above = list(accumulate(prose[:max(candidates, default=0)], initial=0))  # kept words above each candidate
    total_prose = sum(prose) or 1
    meta_like = [False] * len(lines)  # read only around the candidates
    for i in range(max(0, min(candidates, default=0) - 2), min(len(lines), max(candidates, default=-1) + META_REACH + 1)):
        meta_like[i] = is_meta_like(lines[i])
    own = {i: _own(lines[i].text) for i in candidates}
    around = max(0, min(candidates, default=0) - 3)
    paras = [x.para for x in lines[around:max(candidates, default=0) + 4]]  # around the candidates
    overlaps = {i: len(own[i][0] & body_words) / len(own[i][0]) if own[i][0] else 0.0 for i in candidates}
    best_overlap = max(overlaps.values(), default=0.0)
    fit = story_fit(lines, candidates, body_start, story, story_counts, overlaps, meta_like)
    rows = []
    for i in candidates:
        line = lines[i]
        content, n, capitals, stop_ratio, upper_ratio, name_like, _ = own[i]
        below = any(meta_like[i + 1:i + 4])
        above = any(meta_like[max(0, i - 2):i])
        to_meta = next((k for k in range(1, META_REACH + 1) if i + k < len(lines) and meta_like[i + k]), META_REACH + 1)
        before, after = scores[max(0, i - 3):i], scores[i + 1:i + 4]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        in_crumb = above_text.count(line.text + "\n") > lines_above[line.text]  # a longer line ends with it
        same_para = paras[max(0, i - 3 - around):i + 4 - around].count(line.para)
        rows.append([
            1.0, math.log1p(n), capitals,
            stop_ratio, float(line.text.endswith(".")),
            float(line.text.endswith("?")), math.log1p(max(0, body_start - i)), float(body_start - i == 1),
            float(i == rule_pick), float(below), float(above),
            overlaps[i], float(in_crumb),
            float(line.kind == "headline"), float(line.kind == "text"), scores[i],
            float(" | " in line.text or " - " in line.text), float(same_para == 1), float(i == 0),
            float(line.words == longest), float(counts[line.text] > 1), float(i > body_start),
            math.log1p(max(0, i - body_start)), prose_above[i] / total_prose,
            float(to_meta == 1), math.log1p(to_meta), float(name_like),
            sum(before) / len(before) if before else 0.0, sum(after) / len(after) if after else 0.0,
            float(i > 0 and lines[i - 1].words <= 3), float(nxt is not None and nxt.words > line.words and not meta_like[i + 1]),
            float(overlaps[i] == best_overlap > 0), float(_dek(line, nxt, capitals)),
            float(capitals >= 0.7 and n >= 3), upper_ratio,
            float(i > 0 and _heading_like(lines[i - 1]) and not meta_like[i - 1]),
            float(nxt is not None and _heading_like(nxt) and not meta_like[i + 1] and to_meta <= 3),
            *fit[i],
        ])
    return rows


def story_fit(lines, candidates: list[int], body_start: int, story: list[int], story_counts: Counter,
              overlaps: dict[int, float], meta_like: list[bool]) -> dict[int, list[float]]:
    """Per candidate, how it fits the story printed under it (STORY_FIT_NAMES order):

    - body_freq: the mean log count of its content words in the story's text (a headline's words recur all through
      its story; a menu item's or a call to action's once, if at all);
    - first_on_topic: it is the first headline-kind line (no name, no dateline) half or more of whose content words
      the page's content holds (`overlaps`): a page opens its story with its headline, and the story's section
      headings, on the same topic, come after it;
    - digit_share: the share of its characters that are digits (a listicle's count, a model number, a year);
    - twice_in_a_row: the line over or under it is the same line (a heading and its copy printed one after the other:
      a product's name over its gallery and its buy box, a page's heading under a sidebar's current item);
    - nearest_on_topic, longest_on_topic: among the headline-kind lines over the story's first paragraph whose words
      recur in the story (body_freq ON_TOPIC_FREQ or more), it is the one nearest the story, or the one of most words
      (the first of them on a tie): the headline is the fullest statement of the topic, printed close over its story,
      while a menu's or a sidebar's items on the same topic are short and further up.

    `story`: the lines of the story's opening (the opening of the page's content from its first paragraph on), their
    words counted in `story_counts`; a candidate among them does not count its own words. `overlaps`: each
    candidate's share of content words held by the opening of the page's content (body_overlap); `meta_like`: per
    line, a dateline or byline."""
    in_story = set(story)
    first = next((i for i in candidates if overlaps[i] >= 0.5 and lines[i].kind == "headline"
                  and not _own(lines[i].text)[5] and not meta_like[i]), None)
    # (map over it: a generator's sum costs more than the logs); math.fsum, exactly rounded, gives the same figure
    # whatever order the frozenset of content words is read in, which depends on the process's hash seed
    counted = story_counts.__getitem__
    fit = {}
    for i in candidates:
        text = lines[i].text
        own = _own(text)
        content = own[0]
        if not content:
            body_freq = 0.0
        elif i in in_story:
            body_freq = math.fsum([math.log1p(counted(w) - 1) for w in content]) / len(content)
        else:
            body_freq = math.fsum(map(math.log1p, map(counted, content))) / len(content)
        key = text.casefold()
        fit[i] = [
            body_freq,
            float(i == first),
            own[6] / len(text),
            float((i > 0 and lines[i - 1].text.casefold() == key)
                  or (i + 1 < len(lines) and lines[i + 1].text.casefold() == key)),
        ]
    on_topic = [i for i in candidates if i < body_start and fit[i][0] >= ON_TOPIC_FREQ and lines[i].kind == "headline"]
    nearest = on_topic[-1] if on_topic else None
    longest = max(on_topic, key=lambda i: (lines[i].words, -i)) if on_topic else None
    for i in candidates:
        fit[i] += [float(i == nearest), float(i == longest)]
    return fit
