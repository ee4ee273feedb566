"""The title model's features of a candidate line (text/title_features.py) and the trainer's page-wise ranking fit:
small invented pages in the shapes the features read."""
from __future__ import annotations

import pytest

from pipelines.parse.rules import text_rules
from pipelines.parse.text.lines import read_lines
from pipelines.parse.text.page import page_layout
from pipelines.parse.text.title_features import TITLE_NAMES, opening_lines, title_candidates, title_features

PROSE = ("Solar farms on the hills above the county now feed the grid, and the county says the solar farms paid for "
         "a new school and a clinic within two years of opening.")
MORE = ("Farmers who lease land to the solar farms earn more from each field than from hay, and the county plans "
        "two more solar farms on old quarry land next spring.")


def _features(*page: str) -> dict[str, dict[str, float]]:
    """Per candidate line's text, its features by name (the last copy's when a line is printed twice)."""
    lines = read_lines("\n\n".join(page), text_rules())
    layout = page_layout(lines, text_rules(), choose=False)
    candidates = title_candidates(lines, layout.body_start)
    rows = title_features(lines, candidates, layout.body_start, layout.scores, opening_lines(layout.keep), layout.rule_title)
    return {lines[i].text: dict(zip(TITLE_NAMES, row)) for i, row in zip(candidates, rows)}


def test_a_headline_whose_words_the_story_repeats_scores_more_story_words_than_a_call_to_action():
    found = _features("Start your free trial today", "Solar farms pay for a county school", PROSE, MORE)
    assert found["Solar farms pay for a county school"]["body_freq"] > 1.0
    assert found["Start your free trial today"]["body_freq"] == 0.0


def test_the_first_heading_on_the_story_topic_is_marked_and_a_section_heading_under_it_is_not():
    # (the page's content, on so small a page, holds every line: the writer's name over the headline counts for none)
    found = _features("Ann Lee", "Solar farms pay for a county school", PROSE, "Why the solar farms pay the county", MORE)
    assert found["Solar farms pay for a county school"]["first_on_topic"] == 1.0
    assert found["Why the solar farms pay the county"]["first_on_topic"] == 0.0
    assert found["Ann Lee"]["first_on_topic"] == 0.0


def test_a_heading_printed_again_but_not_in_a_row_is_not_marked_as_printed_twice_in_a_row():
    found = _features("Weather and traffic", "Solar farms pay for a county school", "Share this story",
                      "Solar farms pay for a county school", PROSE, MORE)
    assert found["Solar farms pay for a county school"]["twice_in_a_row"] == 0.0


def test_a_heading_printed_twice_in_a_row_is_marked_and_is_no_breadcrumb_end():
    found = _features("Home > County > Solar farms pay for a county school", "Weather and traffic",
                      "Solar farms pay for a county school", "County Hall report", "County Hall report", PROSE, MORE)
    assert found["County Hall report"]["twice_in_a_row"] == 1.0
    assert found["County Hall report"]["in_breadcrumb"] == 0.0  # printed twice, not ended by a longer line
    assert found["Solar farms pay for a county school"]["in_breadcrumb"] == 1.0
    assert found["Weather and traffic"]["twice_in_a_row"] == 0.0


def test_digit_share_counts_the_digits_of_a_headline():
    found = _features("Menu of sections", "10 solar farms and 2025 plans", PROSE, MORE)
    assert found["10 solar farms and 2025 plans"]["digit_share"] == pytest.approx(6 / 29)
    assert found["Menu of sections"]["digit_share"] == 0.0


def test_the_title_fit_ranks_each_page_s_headline_first_and_gives_the_same_weights_twice():
    pytest.importorskip("scipy")
    from scripts.train_line_model import fit_title
    width, cue = len(TITLE_NAMES), TITLE_NAMES.index("first_on_topic")

    def row(bias: float, on_topic: float, noise: float) -> list[float]:
        values = [0.0] * width
        values[0], values[cue], values[1] = bias, on_topic, noise
        return values
    pages = {f"p{n}": (None, None, None, None,
                       ([row(1, 0, 0.5 + n / 10), row(1, 1, 0.2 + n / 20), row(1, 0, 0.1)], [0, 1, 0])) for n in range(4)}
    pages["none"] = (None, None, None, None, ([row(1, 0, 0.3)], [0]))  # no candidate is the title: teaches nothing
    weights = fit_title(pages, 0.3)
    assert weights == fit_title(pages, 0.3)
    assert weights[cue] > 0 and abs(weights[0]) < 1e-6
    for _, _, _, _, (rows, labels) in pages.values():
        if any(labels):
            scores = [sum(w * v for w, v in zip(weights, r)) for r in rows]
            assert labels[scores.index(max(scores))] == 1


def test_the_nearest_and_the_longest_heading_on_the_story_topic_over_the_story_are_marked():
    found = _features("Solar farms", "Weather and traffic", "Solar farms pay for a new county school and clinic",
                      "County solar farms", PROSE, "Why the solar farms pay the county", MORE)
    assert found["County solar farms"]["nearest_on_topic"] == 1.0
    assert found["Solar farms pay for a new county school and clinic"]["longest_on_topic"] == 1.0
    assert found["Solar farms pay for a new county school and clinic"]["nearest_on_topic"] == 0.0
    assert found["Weather and traffic"]["nearest_on_topic"] == found["Weather and traffic"]["longest_on_topic"] == 0.0
    under = found["Why the solar farms pay the county"]  # a section heading under the first paragraph is neither
    assert under["nearest_on_topic"] == under["longest_on_topic"] == 0.0


def test_a_story_line_with_a_capital_dotted_i_counts_its_own_word_once_and_the_page_parses():
    # 'İ' lowered within a longer text gives 'i' and a combining dot, which split the word in two; lowered alone, the
    # word is the one the candidate's content words hold
    found = _features("Solar farms pay for a county school", PROSE, "İzmir Solar Farms", MORE, PROSE)
    assert found["İzmir Solar Farms"]["body_freq"] > 0.0
    assert found["Solar farms pay for a county school"]["body_freq"] > 1.0
