"""Titles that page engines mark in a text dump (invented pages): a Q&A page's question over its 'Asked …' line, a
documentation page's first heading with a permalink mark, a forum thread's title over its starter's label."""
from __future__ import annotations

from pipelines.parse.rules import text_rules
from pipelines.parse.text.page import parse_text, read_lines
from pipelines.parse.text.title import anchored_title, question_title, thread_title

QUESTION = ("I bake twice a week and my sourdough starter goes flat by the third day, even though I feed it with the "
            "same flour and keep the jar in a warm cupboard. What should I change first?")
ANSWER = ("Feed it at the same hour each day with equal weights of flour and water, and throw half away before each "
          "feeding so the yeast has fresh food; a starter kept warm needs two feedings a day.")
INTRO = ("This module reads and writes the sprocket file format, a plain text format that lists each sprocket of a "
         "gearbox with its teeth, its pitch and the shaft it turns on.")
USAGE = ("Call load with an open file to read a gearbox, and dump with a gearbox and an open file to write it back; "
         "both keep the order of the sprockets as the file lists them.")
POST = ("I have kept a reef tank for two years and now want a bigger one for fish only, so I would like to hear what "
        "sizes and filters you would pick for a first large tank in a small flat.")
REPLY = ("Thanks for all the answers so far; I will look at the sump you suggested and come back with photos once "
         "the new stand is built and the tank has been filled for a week.")


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_heading_over_the_asked_line_is_the_question_title_under_a_promotional_block():
    page = _page("Questions", "Tags", "Bake Teams",
                 "Bring your whole kitchen team together in one place to share recipes and answers. Learn more",
                 "Explore Bake Teams", "How do I keep a sourdough starter alive?", "Ask Question",
                 "Asked 3 years, 2 months ago", "Modified 1 year ago", "Viewed 4k times", QUESTION,
                 "asked Mar 9, 2021 at 7:02", "bo_chen", "2 Answers", ANSWER, "answered Mar 10, 2021 at 9:15", "ann_lee")
    story = parse_text(page)[0]
    assert story.title == "How do I keep a sourdough starter alive?"
    assert "Explore Bake Teams" not in story.body and "Bring your whole kitchen team" not in story.body


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


def test_first_heading_with_a_permalink_mark_is_the_title_under_the_docs_navigation():
    page = _page("Navigation", "index", "modules", "next", "previous", "Gearbox Library »", "Data Formats »",
                 "sprockets — Sprocket file reader and writer¶", INTRO, "Basic Usage¶", USAGE, "Options¶", USAGE)
    story = parse_text(page)[0]
    assert story.title == "sprockets — Sprocket file reader and writer"  # the permalink mark is not the title's
    assert "Data Formats »" not in story.body and "Gearbox Library »" not in story.body


def test_a_section_heading_with_a_mark_under_the_story_start_is_no_title():
    lines = read_lines(_page("Gearbox Library", "Sprocket files", INTRO, "Basic Usage¶", USAGE), text_rules())
    assert anchored_title(lines, 2) is None


def test_a_page_without_permalink_marks_has_no_anchored_title():
    lines = read_lines(_page("Gearbox Library", "Sprocket files", INTRO, "Basic Usage", USAGE), text_rules())
    assert anchored_title(lines, 2) is None


def test_heading_over_a_jump_link_and_statistics_is_the_title_of_a_thread_whose_starter_posts_twice():
    page = _page("Forums", "Reef Keepers Forums", "Large & Predator Tanks", "Podcast: Which pump should you buy?",
                 "Plans for a second tank", "Jump to Latest",
                 "2.1K views 7 replies 4 participants last post by bo_chen Mar 9, 2024", "A",
                 "ann_lee Discussion starter", "12 posts · Joined 2023", "#1 · Mar 6, 2024", POST,
                 "bo_chen", "#2 · Mar 7, 2024", REPLY, "A", "ann_lee Discussion starter", "#3 · Mar 8, 2024", REPLY)
    story = parse_text(page)[0]
    assert story.title == "Plans for a second tank"
    assert "Podcast: Which pump should you buy?" not in story.body


def test_labels_naming_several_starters_give_no_thread_title():
    lines = read_lines(_page("Forums", "Plans for a second tank", "Jump to Latest", "ann_lee Discussion starter", POST,
                             "Best filter for a large tank", "bo_chen Discussion starter", REPLY), text_rules())
    assert thread_title(lines) is None


def test_furniture_is_skipped_only_near_the_label():
    # a thread title far above the label, past more dated lines than the furniture takes, is not reached
    lines = read_lines(_page("Forums", "Plans for a second tank", "Mar 1, 2024", "Mar 2, 2024", "Mar 3, 2024",
                             "Mar 4, 2024", "Mar 5, 2024", "Thread starter ann_lee", POST), text_rules())
    assert thread_title(lines) is None
