"""Which line above the story is its headline: candidate lines described by their shape and place.

The title model (weights in pipelines/data/line_model.json, trained by scripts/train_line_model.py)
scores each candidate; the features say how far the line sits above the story's first paragraph,
whether a date or byline sits next to it, how many of its words the story repeats, whether a
breadcrumb elsewhere on the page ends with it, and whether the older headline rule picked it.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from pipelines.parse.dates import DATE_PATTERN
from pipelines.parse.line_features import WORD, stop_words

TITLE_WINDOW = 40  # lines above the story's first paragraph a headline may sit
TITLE_WINDOW_BELOW = 120  # lines below it (the first paragraph found may be a menu's blurb)
TITLE_MAX_WORDS = 30
BYLINE = re.compile(r"^(?:by|written by|author:?|posted by)\s", re.I)
TITLE_NAMES = ("bias", "log_words", "capital_ratio", "stop_ratio", "ends_period", "ends_question", "log_distance",
               "adjacent", "rule_pick", "meta_below", "meta_above", "body_overlap", "in_breadcrumb", "kind_headline",
               "kind_text", "body_score", "separators", "para_alone", "first_line", "longest", "repeated", "below_start",
               "log_distance_below", "prose_above")


def _content_words(text: str) -> set[str]:
    stops = stop_words()
    return {w.lower() for w in WORD.findall(text) if len(w) > 2 and w.lower() not in stops}


def _is_meta_like(line) -> bool:
    """A date, a byline or a metadata line the rules read."""
    return line.kind == "meta" or bool(BYLINE.match(line.text)) or (
        line.words <= 12 and bool(DATE_PATTERN.search(line.text)))


def title_candidates(lines, body_start: int) -> list[int]:
    """Indexes of the lines that may be the headline: short lines in the window above the body."""
    lo = max(0, body_start - TITLE_WINDOW)
    hi = min(len(lines), body_start + TITLE_WINDOW_BELOW)
    return [i for i in range(lo, hi)
            if 2 <= lines[i].words <= TITLE_MAX_WORDS and lines[i].kind in ("headline", "text", "meta")
            and not BYLINE.match(lines[i].text) and WORD.search(lines[i].text)]


def title_features(lines, candidates: list[int], body_start: int, scores: list[float], body_text: str,
                   rule_pick: int | None) -> list[list[float]]:
    """One row (TITLE_NAMES order) per candidate line."""
    body_words = _content_words(body_text)
    texts = [x.text for x in lines]
    counts = Counter(texts)
    above_text = "\n" + "\n".join(texts[:body_start]) + "\n"
    longest = max((lines[i].words for i in candidates), default=0)
    prose_above, seen = [], 0
    for i, x in enumerate(lines):  # kept words above each line, as a share of all kept words
        prose_above.append(seen)
        seen += x.words if scores[i] > 0.5 else 0
    total_prose = seen or 1
    rows = []
    for i in candidates:
        line = lines[i]
        words = WORD.findall(line.text)
        n = len(words) or 1
        own = _content_words(line.text)
        below = any(_is_meta_like(x) for x in lines[i + 1:i + 4])
        above = any(_is_meta_like(x) for x in lines[max(0, i - 2):i])
        in_crumb = above_text.count(line.text + "\n") > above_text.count("\n" + line.text + "\n")  # a longer line ends with it
        same_para = sum(1 for x in lines[max(0, i - 3):i + 4] if x.para == line.para)
        rows.append([
            1.0, math.log1p(n), sum(w[:1].isupper() for w in words) / n,
            sum(w.lower() in stop_words() for w in words) / n, float(line.text.endswith(".")),
            float(line.text.endswith("?")), math.log1p(max(0, body_start - i)), float(body_start - i == 1),
            float(i == rule_pick), float(below), float(above),
            len(own & body_words) / len(own) if own else 0.0, float(in_crumb),
            float(line.kind == "headline"), float(line.kind == "text"), scores[i],
            float(" | " in line.text or " - " in line.text), float(same_para == 1), float(i == 0),
            float(line.words == longest), float(counts[line.text] > 1), float(i > body_start),
            math.log1p(max(0, i - body_start)), prose_above[i] / total_prose,
        ])
    return rows
