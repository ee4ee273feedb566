"""The shape of each line of a text dump as numbers: what the line model reads.

Nothing here names a site or a phrase: a line is described by its length, punctuation,
stop-word density, capitals, digits, the kind the rules gave it, whether it repeats on the
page, and the same figures averaged over its neighbours (a paragraph of prose sits among prose,
a menu item among menu items).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from operator import itemgetter

import numpy as np

from pipelines.parse.dates import find_date
from pipelines.parse.rules import RULES_FILE
from pipelines.parse.scripts import UNSPACED, ends_sentence_unspaced, has_unspaced, word_count
from pipelines.yamlfile import load_yaml

KINDS = ("boiler", "promo", "end", "related", "meta", "headline", "text")
SENTENCE_END = re.compile(r"[.!?…:;][\"”’)\]]?$")
SENTENCE_INSIDE = re.compile(r"[a-z0-9)%][.!?][\"”’)]?\s+[\"“(]?[A-Z]")
WORD = re.compile(r"[^\W\d_][\w’'\-]*")
BULLET_START = re.compile(r"^(?:[•●▪◦‣∙*✓✔➔→-]\s|\d{1,2}[.)]\s)")
BYLINE_START = re.compile(r"^(?:by|written by|author)\b", re.I)
SEPARATORS = re.compile(r"\s[|·•/]\s|\s[–—]\s")
WINDOWS = (1, 3, 8)
NO_DIGITS = str.maketrans("", "", "0123456789")
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


@lru_cache(maxsize=1)
def stop_characters() -> tuple[str, ...]:
    """Function characters of Han/Kana text (from the text rules): the stop-word share of a script without spaces."""
    return tuple(load_yaml(RULES_FILE)["stop_characters"])


@lru_cache(maxsize=65536)
def _own(text: str, kind: str) -> tuple[float, ...]:
    """The figures a line has on its own, whatever page it sits on (cached: a site repeats its menus and footers on
    every page). In BASE_NAMES order with the page-dependent slots (repeated, para_*, position) left at 0.

    A line holding Han/Kana text is measured by script: its runs count as words of CHARS_PER_WORD characters
    (scripts.word_count), its function characters as stop words, full-width 。！？，、：end sentences or mark clauses,
    and its runs carry no capitals; a line without them is measured by its spaced words alone."""
    unspaced = has_unspaced(text)
    words = WORD.findall(UNSPACED.sub(" ", text) if unspaced else text)
    count = word_count(text) if unspaced else len(words)
    n = count or 1
    stops = stop_words()
    stop_count = sum(map(stops.__contains__, map(str.lower, words)))  # map keeps the loops in C
    if unspaced:
        runs = "".join(UNSPACED.findall(text))
        stop_count += sum(runs.count(c) for c in stop_characters())
    stop_ratio = min(1.0, stop_count / n)
    capital_ratio = sum(map(str.isupper, map(itemgetter(0), words))) / n  # a WORD starts with a letter
    upper_ratio = sum(map(str.isupper, words)) / n
    digits = len(text) - len(text.translate(NO_DIGITS))
    sentence_end = bool(SENTENCE_END.search(text)) or (unspaced and ends_sentence_unspaced(text))
    sentences = len(SENTENCE_INSIDE.findall(text)) + sentence_end
    commas = text.count(",")
    colon, question = ":", "?"
    if unspaced:
        sentences += sum(map(text[:-1].count, "。！？"))
        commas += text.count("，") + text.count("、")
        colon, question = (":", "："), ("?", "？")
    prose = float(count >= 8 and sentence_end and stop_ratio >= 0.2)
    return (
        1.0, math.log1p(count), math.log1p(len(text)), float(sentence_end), math.log1p(sentences),
        stop_ratio, capital_ratio, upper_ratio, digits / max(1, len(text)), commas / n,
        float(digits >= 4 and bool(find_date(text))), float(bool(BYLINE_START.match(text))), 0.0,
        0.0, 0.0, 0.0, 0.0,
        float(len(SEPARATORS.findall(text)) >= 2), float(bool(BULLET_START.match(text))),
        float(text.endswith(colon)), prose, float(count >= 12 and kind == "text"),
        float(text.endswith(question)),
    ) + KIND_COLUMNS[kind]


KIND_COLUMNS = {kind: tuple(float(kind == k) for k in KINDS) for kind in KINDS}
REPEATED, PARA_SIZE, PARA_START, PARA_ALONE, POSITION = (BASE_NAMES.index(name) for name in (
    "repeated", "para_size", "para_start", "para_alone", "position"))
CONTEXT_COLUMNS = [BASE_NAMES.index(name) for name in CONTEXT]
PROSE, LOG_WORDS = BASE_NAMES.index("prose"), BASE_NAMES.index("log_words")


def line_features(texts: list[str], kinds: list[str], paras: list[int]) -> np.ndarray:
    """One feature row (NAMES order) per line; `paras` numbers the blank-line-separated paragraphs.

    >>> rows = line_features(["Menu", "The council said on Monday that it will fund the new port.", "Menu"],
    ...                      ["boiler", "text", "boiler"], [1, 2, 3])
    >>> len(rows[0]) == len(NAMES), float(rows[1][NAMES.index("prose")]), float(rows[0][NAMES.index("repeated")])
    (True, 1.0, 1.0)
    """
    n = len(texts)
    if not n:
        return np.zeros((0, len(NAMES)))
    base = np.array([_own(t, k) for t, k in zip(texts, kinds)], dtype=float).reshape(n, len(BASE_NAMES))
    counts = Counter(texts)
    para_sizes = Counter(paras)
    base[:, REPEATED] = [counts[t] > 1 for t in texts]
    sizes = np.array([para_sizes[p] for p in paras], dtype=float)
    base[:, PARA_SIZE] = np.log1p(sizes)
    base[:, PARA_ALONE] = sizes == 1
    base[:, PARA_START] = [i == 0 or paras[i - 1] != p for i, p in enumerate(paras)]
    base[:, POSITION] = np.arange(n) / max(1, n - 1)
    context = base[:, CONTEXT_COLUMNS]
    prefix = np.vstack([np.zeros((1, len(CONTEXT))), np.cumsum(context, axis=0)])  # every window mean costs O(1)
    index = np.arange(n)
    extra = []
    for w in WINDOWS:
        lo, hi = np.maximum(0, index - w), np.minimum(n, index + w + 1)
        size = (hi - lo - 1)[:, None]
        sums = prefix[hi] - prefix[lo] - context
        extra.append(np.divide(sums, size, out=np.zeros_like(sums), where=size > 0))
    prose_words = base[:, PROSE] * base[:, LOG_WORDS]
    total = prose_words.sum() or 1.0
    before = np.concatenate([[0.0], np.cumsum(prose_words)[:-1]])
    after = total - before - prose_words
    runs = np.array(_prose_runs(prose_words.tolist()))
    return np.hstack([base] + extra + [(before / total)[:, None], (after / total)[:, None], runs.reshape(n, 1)])


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
