"""A forum thread's title in a text dump when the starter's label is printed on each of their posts (invented pages)."""
from __future__ import annotations

from pipelines.parse.rules import text_rules
from pipelines.parse.text_page import parse_text, read_lines
from pipelines.parse.text_title import thread_title

POST = ("I have kept a reef tank for two years and now want a bigger one for fish only, so I would like to hear what "
        "sizes and filters you would pick for a first large tank in a small flat.")
REPLY = ("Thanks for all the answers so far; I will look at the sump you suggested and come back with photos once "
         "the new stand is built and the tank has been filled for a week.")


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_heading_over_a_jump_link_and_statistics_is_the_title_of_a_thread_whose_starter_posts_twice():
    page = _page("Forums", "Reef Keepers Forums", "Large & Predator Tanks", "Podcast: Which pump should you buy?",
                 "Plans for a second tank", "Jump to Latest",
                 "2.1K views 7 replies 4 participants last post by bo_chen Mar 9, 2024", "A",
                 "ann_lee Discussion starter", "12 posts · Joined 2023", "#1 · Mar 6, 2024", POST,
                 "bo_chen", "#2 · Mar 7, 2024", REPLY, "A", "ann_lee Discussion starter", "#3 · Mar 8, 2024", REPLY)
    title = parse_text(page)[0].title
    assert title == "Plans for a second tank"
    assert title not in ("Podcast: Which pump should you buy?", "12 posts · Joined 2023", "Jump to Latest")


def test_labels_naming_several_starters_give_no_thread_title():
    lines = read_lines(_page("Forums", "Plans for a second tank", "Jump to Latest", "ann_lee Discussion starter", POST,
                             "Best filter for a large tank", "bo_chen Discussion starter", REPLY), text_rules())
    assert thread_title(lines) is None


def test_furniture_is_skipped_only_near_the_label():
    # a thread title far above the label, past more dated lines than the furniture takes, is not reached
    lines = read_lines(_page("Forums", "Plans for a second tank", "Mar 1, 2024", "Mar 2, 2024", "Mar 3, 2024",
                             "Mar 4, 2024", "Mar 5, 2024", "Thread starter ann_lee", POST), text_rules())
    assert thread_title(lines) is None
