"""The shape of each line of a text dump as numbers: what the line model reads.

Nothing here names a site or a phrase: a line is described by its length, punctuation,
stop-word density, capitals, digits, the kind the rules gave it, whether it repeats on the
page, and the same figures averaged over its neighbours (a paragraph of prose sits among prose,
a menu item among menu items).
"""
from __future__ import annotations

import math
import re
from operator import itemgetter
from functools import lru_cache

from pipelines.parse.dates import find_date
from pipelines.parse.rules import RULES_FILE
from pipelines.yamlfile import load_yaml

KINDS = ("boiler", "promo", "end", "related", "meta", "headline", "text")
SENTENCE_END = re.compile(r"[.!?…:;][\"”’)\]]?$")
SENTENCE_INSIDE = re.compile(r"[a-z0-9)%][.!?][\"”’)]?\s+[\"“(]?[A-Z]")
WORD = re.compile(r"[^\W\d_][\w’'\-]*")
BULLET_START = re.compile(r"^(?:[•●▪◦‣∙*✓✔➔→-]\s|\d{1,2}[.)]\s)")
BYLINE_START = re.compile(r"^(?:by|written by|author)\b", re.I)
SEPARATORS = re.compile(r"\s[|·•/]\s|\s[–—]\s")
WINDOWS = (1, 3, 8)
# Per-line figures averaged over each window of neighbours (indexes into the line's base row).
CONTEXT = ("prose", "log_words", "stop_ratio", "sentence_end", "long_text")

BASE_NAMES = ("bias", "log_words", "log_chars", "sentence_end", "sentences", "stop_ratio", "capital_ratio",
              "upper_ratio", "digit_ratio", "comma_rate", "has_date", "byline_start", "repeated", "para_size",
              "para_start", "para_alone", "position", "separators", "bullet", "ends_colon", "prose",
              "long_text", "question") + tuple(f"kind_{k}" for k in KINDS)
NAMES = BASE_NAMES + tuple(f"{name}_w{w}" for w in WINDOWS for name in CONTEXT) + (
    "prose_before", "prose_after", "rank_prose_run")


@lru_cache(maxsize=1)
def stop_words() -> frozenset:
    """Common function words (from the text rules): their share tells prose from labels and menus."""
    return frozenset(load_yaml(RULES_FILE)["stop_words"])


def _base(text: str, kind: str, para_size: int, para_start: bool, repeated: bool, position: float) -> list[float]:
    """The line's own figures, in BASE_NAMES order."""
    words = WORD.findall(text)
    n = len(words) or 1
    stops = stop_words()
    stop_ratio = sum(map(stops.__contains__, map(str.lower, words))) / n  # map keeps the loops in C
    capital_ratio = sum(map(str.isupper, map(itemgetter(0), words))) / n  # a WORD starts with a letter
    upper_ratio = sum(1 for w in words if len(w) > 1 and w.isupper()) / n
    digits = sum(map(str.isdigit, text)) / max(1, len(text))
    sentence_end = bool(SENTENCE_END.search(text))
    sentences = len(SENTENCE_INSIDE.findall(text)) + sentence_end
    prose = float(len(words) >= 8 and sentence_end and stop_ratio >= 0.2)
    return [
        1.0, math.log1p(len(words)), math.log1p(len(text)), float(sentence_end), math.log1p(sentences),
        stop_ratio, capital_ratio, upper_ratio, digits, text.count(",") / n,
        float(bool(find_date(text))), float(bool(BYLINE_START.match(text))), float(repeated),
        math.log1p(para_size), float(para_start), float(para_size == 1), position,
        float(len(SEPARATORS.findall(text)) >= 2), float(bool(BULLET_START.match(text))),
        float(text.endswith(":")), prose, float(len(words) >= 12 and kind == "text"),
        float(text.endswith("?")),
    ] + [float(kind == k) for k in KINDS]


def line_features(texts: list[str], kinds: list[str], paras: list[int]) -> list[list[float]]:
    """One feature row (NAMES order) per line; `paras` numbers the blank-line-separated paragraphs.

    >>> rows = line_features(["Menu", "The council said on Monday that it will fund the new port.", "Menu"],
    ...                      ["boiler", "text", "boiler"], [1, 2, 3])
    >>> len(rows[0]) == len(NAMES), rows[1][NAMES.index("prose")], rows[0][NAMES.index("repeated")]
    (True, 1.0, 1.0)
    """
    n = len(texts)
    counts: dict[str, int] = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    para_sizes: dict[int, int] = {}
    for p in paras:
        para_sizes[p] = para_sizes.get(p, 0) + 1
    base = [_base(t, k, para_sizes[p], i == 0 or paras[i - 1] != p, counts[t] > 1, i / max(1, n - 1))
            for i, (t, k, p) in enumerate(zip(texts, kinds, paras))]
    columns = [BASE_NAMES.index(name) for name in CONTEXT]
    prefix = [[0.0] * len(columns)]  # running sums, so every window mean costs O(1)
    for row in base:
        prefix.append([s + row[c] for s, c in zip(prefix[-1], columns)])
    prose_col = BASE_NAMES.index("prose")
    words_col = BASE_NAMES.index("log_words")
    prose_words = [row[prose_col] * row[words_col] for row in base]
    total = sum(prose_words) or 1.0
    before = 0.0
    runs = _prose_runs(prose_words)
    out = []
    for i, row in enumerate(base):
        extra = []
        for w in WINDOWS:
            lo, hi = max(0, i - w), min(n, i + w + 1)
            size = hi - lo - 1
            extra += [((prefix[hi][j] - prefix[lo][j]) - row[c]) / size if size else 0.0
                      for j, c in enumerate(columns)]
        after = total - before - prose_words[i]
        out.append(row + extra + [before / total, after / total, runs[i]])
        before += prose_words[i]
    return out


def _prose_runs(prose_words: list[float], gap: int = 4) -> list[float]:
    """Per line, how the run of prose it belongs to ranks: 1.0 in the page's largest run, less in smaller ones.

    A run is a stretch of lines with no more than `gap` lines between prose lines.
    """
    n = len(prose_words)
    runs, start, last, weight = [], None, None, 0.0
    for i, w in enumerate(prose_words):
        if w <= 0:
            continue
        if start is None or i - last > gap:
            if start is not None:
                runs.append((start, last, weight))
            start, weight = i, 0.0
        last, weight = i, weight + w
    if start is not None:
        runs.append((start, last, weight))
    best = max((w for *_, w in runs), default=0.0) or 1.0
    out = [0.0] * n
    for lo, hi, w in runs:
        for i in range(lo, hi + 1):
            out[i] = w / best
    return out
