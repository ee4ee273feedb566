"""The line model: a logistic regression over line shapes that says which lines of a text dump are the story.

Weights live in pipelines/data/line_model.json, written by scripts/train_line_model.py (scikit-learn,
trained on text dumps with labels derived from their ground truth); reading them needs nothing but
Python. The file holds learned weights and feature names only, no page text.
"""
from __future__ import annotations

import json
import math
from operator import mul
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipelines.parse.text.line_features import NAMES, line_features
from pipelines.parse.text.title_features import TITLE_NAMES

MODEL_FILE = Path(__file__).resolve().parents[2] / "data" / "line_model.json"


@dataclass(frozen=True)
class LineModel:
    """Weights for the body-line score, in line_features.NAMES order."""

    body: tuple[float, ...]
    span_threshold: float  # a line adds to the main span by how far its score passes this
    keep_threshold: float  # inside the span, lines scoring at or below this are dropped
    title: tuple[float, ...] = ()  # weights for title candidates, in title_features.TITLE_NAMES order
    title_threshold: float = 0.0  # a best candidate scoring below this leaves the rules' pick


@lru_cache(maxsize=1)
def line_model(path: Path = MODEL_FILE) -> LineModel:
    """The shipped model (cached); a model trained on other line features is refused with the fix
    (title weights for other title features are left out, so the trainer can read the body weights).

    >>> len(line_model().body) == len(NAMES), len(line_model().title) == len(TITLE_NAMES)
    (True, True)
    """
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(raw["features"]) != NAMES:
        raise ValueError(f"{path} was trained on other line features; run scripts/train_line_model.py again.")
    return LineModel(body=tuple(raw["body"]), span_threshold=float(raw["span_threshold"]),
                     keep_threshold=float(raw["keep_threshold"]), title=tuple(raw["title"]) if tuple(raw.get("title_features", ())) == TITLE_NAMES else (),
                     title_threshold=float(raw.get("title_threshold", 0.0)))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def weighted_score(weights: tuple[float, ...], row: list[float]) -> float:
    """The logistic model's probability for one feature row."""
    return _sigmoid(sum(map(mul, weights, row)))


def body_scores(rows, model: LineModel | None = None) -> list[float]:
    """Per feature row (a list of rows or a 2-D array), the probability that its line belongs to the page's main content."""
    weights = np.asarray((model or line_model()).body)
    logits = np.clip(np.asarray(rows, dtype=float).reshape(-1, len(weights)) @ weights, -30.0, 30.0)
    return (1.0 / (1.0 + np.exp(-logits))).tolist()


def score_lines(texts: list[str], kinds: list[str], paras: list[int]) -> list[float]:
    """Body probabilities for a page's lines (see line_features for the arguments)."""
    return body_scores(line_features(texts, kinds, paras)) if texts else []


def main_span(scores: list[float], words: list[int], model: LineModel | None = None,
              light: list[bool] | None = None, light_weight: float = 1.0,
              word_power: float = 0.5) -> tuple[int, int] | None:
    """(first, last) line of the page's densest run of content, or None when no line looks like content.

    Each line adds (score - span_threshold) weighted by its word count raised to `word_power`; the span
    is the run with the largest sum (Kadane's maximum subarray), so a menu or footer between two
    stretches of prose splits them and only the larger stretch is kept. Lines marked in `light` cost only
    `light_weight` of their shortfall (the furniture repeated around each post of a thread). At `word_power` 1
    every word weighs the same (the span holds the most words the model expects to be content, as the
    scorer counts words), so a long paragraph outweighs as many one-word menu lines as it has words; at 0.5 (the
    square root) a short line weighs nearly as much as a long one.

    >>> main_span([0.1, 0.9, 0.8, 0.1, 0.1, 0.1, 0.9], [1, 20, 15, 1, 2, 1, 3])
    (1, 2)
    >>> main_span([0.1, 0.9, 0.8, 0.1, 0.1, 0.1, 0.9], [1, 20, 15, 1, 2, 1, 3], word_power=1.0)
    (1, 6)
    """
    threshold = (model or line_model()).span_threshold
    best, best_span, current, start = 0.0, None, 0.0, 0
    for i, (score, n) in enumerate(zip(scores, words)):
        value = (score - threshold) * max(1, n) ** word_power
        if value < 0 and light and light[i]:
            value *= light_weight
        if current <= 0:
            current, start = value, i
        else:
            current += value
        if current > best:
            best, best_span = current, (start, i)
    return best_span
