"""A Q&A page's title in a text dump: the question printed over the engine's 'Asked …' line (invented pages)."""
from __future__ import annotations

from pipelines.parse.rules import text_rules
from pipelines.parse.text_page import parse_text, read_lines
from pipelines.parse.text_title import question_title

QUESTION = ("I bake twice a week and my sourdough starter goes flat by the third day, even though I feed it with the "
            "same flour and keep the jar in a warm cupboard. What should I change first?")
ANSWER = ("Feed it at the same hour each day with equal weights of flour and water, and throw half away before each "
          "feeding so the yeast has fresh food; a starter kept warm needs two feedings a day.")


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_heading_over_the_asked_line_is_the_question_title_under_a_promotional_block():
    page = _page("Questions", "Tags", "Bake Teams",
                 "Bring your whole kitchen team together in one place to share recipes and answers. Learn more",
                 "Explore Bake Teams", "How do I keep a sourdough starter alive?", "Ask Question",
                 "Asked 3 years, 2 months ago", "Modified 1 year ago", "Viewed 4k times", QUESTION,
                 "asked Mar 9, 2021 at 7:02", "bo_chen", "2 Answers", ANSWER, "answered Mar 10, 2021 at 9:15", "ann_lee")
    title = parse_text(page)[0].title
    assert title == "How do I keep a sourdough starter alive?"
    assert title not in ("Explore Bake Teams", "Ask Question", "Bake Teams")


def test_the_asked_line_with_a_calendar_date_also_marks_the_question():
    lines = read_lines(_page("Menu", "Why does my bread collapse in the oven?", "asked Jan 4, 2022", "cook_22", QUESTION),
                       text_rules())
    assert question_title(lines) == 1


def test_a_list_of_questions_gives_no_question_title():
    lines = read_lines(_page("Newest Questions", "How do I keep a sourdough starter alive?", "asked 2 hours ago",
                             "Why does my bread collapse in the oven?", "asked 3 hours ago",
                             "Which flour suits a rye starter?", "asked 5 hours ago", QUESTION), text_rules())
    assert question_title(lines) is None


def test_a_story_sentence_opening_with_asked_is_no_question_date():
    lines = read_lines(_page("City sets up a fund for start-ups", "Asked about the fund in 2024, the mayor said no",
                             QUESTION), text_rules())
    assert question_title(lines) is None
