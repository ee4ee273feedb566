"""Which day a text dump's main story is dated: small invented pages in the shapes datelines are printed in."""
from __future__ import annotations

from datetime import date

from pipelines.parse.text.page import parse_text

PROSE = ("The city government said on Monday that the fund of 500 million yuan will back start-ups that build "
         "virtual showrooms for local factories, with the first grants due in the spring.")
MORE = ("Officials expect about forty companies to apply in the first round, and the district will add office "
        "space near the railway station for the teams that win grants from the fund.")


def _main(*lines: str):
    return parse_text("\n\n".join(lines))[0]


def _day(*lines: str) -> date | None:
    story = _main(*lines)
    return story.published_at.date() if story.published_at else None


def test_a_date_label_alone_over_the_date_far_below_the_story_dates_it():
    story = _main("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", *[PROSE, MORE] * 4,
                  "Share this story", "Published", "Feb 2, 2023", "Tags", "Start-ups")
    assert story.published_at.date() == date(2023, 2, 2)
    assert "Feb 2, 2023" not in story.body and "Published" not in story.body.split("\n\n")


def test_a_date_label_over_prose_that_mentions_a_date_dates_nothing():
    day = _day("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", PROSE, MORE, "Published",
               "The first fund was set up on Feb 2, 2023, and it has since backed more than forty companies in the city.")
    assert day is None


def test_a_dateline_written_with_another_languages_month_dates_the_story():
    day = _day("Diario del Puerto", "La ciudad crea un fondo para empresas de realidad virtual",
               "Por: Ana Ruiz el 04-ago-2021 5:11:10", PROSE, MORE)
    assert day == date(2021, 8, 4)


def test_a_product_name_with_a_number_and_a_year_is_no_date():
    day = _day("Gadget Desk", "Our verdict on the new phone", "iPhone 15 Pro 2024", PROSE, MORE)
    assert day is None


def test_the_one_date_printed_alone_on_a_page_dates_its_story():
    story = _main("Studio Notes", "How we build mobile apps for small shops", *[PROSE, MORE] * 4, "April 8, 2024",
                  "Share this post")
    assert story.published_at.date() == date(2024, 4, 8)
    assert "April 8, 2024" not in story.body


def test_a_page_printing_several_different_dates_alone_is_not_dated_by_them():
    day = _day("Studio Notes", "How we build mobile apps for small shops", *[PROSE, MORE] * 4, "Comments",
               "Ann Lee", "April 8, 2024", "Bo Chen", "May 2, 2024")
    assert day is None


def test_a_publication_label_beats_a_nearer_update_label():
    day = _day("Knowledge center", "What is an online course and how does it work", *[PROSE, MORE] * 4,
               "Updated at", "Dec 10, 2025", "Posted on", "Nov 21, 2018")
    assert day == date(2018, 11, 21)
    assert day != date(2025, 12, 10)


def test_a_page_with_no_headline_is_still_dated_by_the_one_date_printed_alone():
    story = _main(PROSE, MORE, PROSE, MORE, "Dec 18, 2025", "Share")
    assert story.title is None
    assert story.published_at.date() == date(2025, 12, 18)
    assert "Dec 18, 2025" not in story.body


def test_a_short_line_saying_when_the_post_was_submitted_dates_it():
    day = _day("Science", "Hair follicles grown in the lab for the first time", *[PROSE, MORE] * 4,
               "this post was submitted on 04 Mar 2026", "Ann Lee 12 points")
    assert day == date(2026, 3, 4)


def test_a_release_date_told_in_a_sentence_dates_nothing():
    day = _day("Docs", "Where the package manager keeps its files", *[PROSE, MORE] * 4,
               "As of version 2.3, which was released on 2019-04-29, the default locations of the cache changed for all users.")
    assert day is None


def test_the_shipped_month_names_are_babels_for_the_listed_languages():
    import json

    from pipelines.parse.dates import MONTH_NAMES_FILE
    from scripts.write_month_names import MONTH_LANGUAGES, month_names
    shipped = json.loads(MONTH_NAMES_FILE.read_text())
    assert shipped["languages"] == list(MONTH_LANGUAGES)
    assert shipped["months"] == month_names()


def test_a_dateline_under_a_dated_sentence_by_the_headline_dates_the_story():
    sentence = "The district opened its first park for families on March 3, 2019."
    story = _main("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", sentence,
                  "May 2, 2024", PROSE, MORE)
    assert story.published_at.date() == date(2024, 5, 2)
    assert story.published_at.date() != date(2019, 3, 3)
    assert sentence in story.body


def test_a_related_storys_date_under_an_undated_story_dates_nothing():
    story = _main("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", *[PROSE, MORE] * 3,
                  "Related", "Port opens a new terminal for cars", "March 1, 2024", "About us")
    assert story.published_at is None
    assert "Port opens a new terminal" not in story.body


def test_a_readers_comment_date_under_an_undated_story_dates_nothing():
    day = _day("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", *[PROSE, MORE] * 3,
               "1 Comment", "Bo Chen", "March 7, 2024 at 3:14 pm", "Great news for the city, thanks for the report.",
               "Reply")
    assert day is None


def test_a_dateline_under_the_story_beats_a_readers_comment_date_under_it():
    day = _day("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", *[PROSE, MORE] * 3,
               "Posted in News | March 3, 2024", "1 Comment", "Bo Chen says:", "March 7, 2024 at 3:14 pm", "Great news.")
    assert day == date(2024, 3, 3)


def test_a_copyright_year_dates_nothing():
    day = _day("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", *[PROSE, MORE] * 3,
               "© 2024 Daily Courier. All rights reserved.")
    assert day is None


def test_an_event_date_in_the_first_paragraph_loses_to_the_dateline():
    opening = "On February 12, 2024, the city said it would set up a fund for start-ups that build virtual showrooms."
    story = _main("Daily Courier", "City sets up a fund for start-ups building virtual showrooms",
                  "A standfirst line that tells the story in one sentence for readers in a hurry.", "By Ann Lee",
                  "Sunday, 3 March 2024, 10:00 GMT", opening, MORE, PROSE)
    assert story.published_at.date() == date(2024, 3, 3)
    assert opening in story.body


def test_a_labelled_date_below_the_story_beats_a_date_told_in_its_first_paragraph():
    opening = "The scheme was first announced on January 5, 2024, at a meeting of the city council on start-ups."
    day = _day("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", opening,
               *[PROSE, MORE] * 3, "Published", "March 3, 2024", "About us")
    assert day == date(2024, 3, 3)
    assert day != date(2024, 1, 5)


def test_a_chinese_dateline_with_its_time_and_source_dates_the_story():
    day = _day("首页", "City sets up a fund for start-ups building virtual showrooms", "2024年3月3日 10:00  来源：新华网",
               PROSE, MORE, PROSE)
    assert day == date(2024, 3, 3)


def test_the_publication_date_beats_the_revision_date_printed_first_on_its_line():
    story = _main("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", "By Ann Lee",
                  "Updated: Mar 5, 2024 | Published: Mar 3, 2024", PROSE, MORE, PROSE)
    assert story.published_at.date() == date(2024, 3, 3)
    assert "Mar 5, 2024" not in story.body


def test_the_publication_date_beats_the_revision_date_on_the_line_above_it():
    day = _day("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", "By Ann Lee",
               "Updated March 5, 2024", "Published March 3, 2024", PROSE, MORE, PROSE)
    assert day == date(2024, 3, 3)


def test_a_revision_date_alone_by_the_headline_still_dates_the_story():
    day = _day("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", "By Ann Lee",
               "Last updated: March 5, 2024", PROSE, MORE, PROSE)
    assert day == date(2024, 3, 5)


MENU = ["Pricing", "Case Studies", "Resources", "Blog", "Videos", "Changelog", "Help", "Partners", "Careers", "Integrations",
        "Order Desk", "Stock Planner", "Supplier Network", "Payments", "Reviews", "Reports", "Guides", "Webinars"]


def test_a_name_and_date_line_far_from_where_the_story_seems_to_start_dates_it_when_it_is_the_only_one():
    day = _day("Start a free month with no card needed and find out whether our planner suits your bakery.",
               *MENU, "City sets up a fund for start-ups building virtual showrooms",
               "Mira Holt • November 9th, 2025", *[PROSE, MORE] * 3, "About us")
    assert day == date(2025, 11, 9)


def test_two_name_and_date_lines_of_different_days_date_nothing_far_from_the_story():
    day = _day("Start a free month with no card needed and find out whether our planner suits your bakery.",
               *MENU, "Mira Holt • November 9th, 2025", *[PROSE, MORE] * 3, "Bo Chen • October 2nd, 2025", "About us")
    assert day is None


def test_a_name_and_date_line_under_the_headline_dates_the_story_when_another_is_printed_under_it():
    # the title model finds the headline under the menu, so the line under it is the story's dateline
    day = _day("Start a free month with no card needed and find out whether our planner suits your bakery.",
               *MENU, "City sets up a fund for start-ups building virtual showrooms",
               "Mira Holt • November 9th, 2025", *[PROSE, MORE] * 3, "Bo Chen • October 2nd, 2025", "About us")
    assert day == date(2025, 11, 9)


def test_a_sites_last_updated_date_is_no_dateline():
    assert _day("Start Free Trial", *[PROSE, MORE] * 3, "Site Last Updated: December 12, 2025") is None


def test_the_asked_date_of_a_qa_page_beats_the_edited_date_by_its_headline():
    day = _day("Stack Site", "How do I keep a laptop from sleeping during a build?", "edited Oct 2, 2015 at 21:40", PROSE,
               MORE, "asked Jun 14, 2015 at 8:05", "quill_fox", "1 Answer", PROSE, "answered Jun 15, 2015 at 9:10", "bo_chen")
    assert day == date(2015, 6, 14)


def test_a_posted_on_date_in_a_latest_threads_widget_under_the_story_dates_nothing():
    story = _main("Daily Courier", "City sets up a fund for start-ups building virtual showrooms", *[PROSE, MORE] * 3,
                  "Latest Threads", "Which roof box fits a small hatchback?", "Posted on May 4, 2024 by bo_chen", "About us")
    assert story.published_at is None
    assert "May 4, 2024" not in story.body


def test_a_forum_members_joining_date_by_the_thread_title_dates_nothing():
    story = _main("Harbour Forum", "Which board should a new team buy for its first showroom?", "Thread starter kim_o",
                  "Start date 2 hours ago", "kim_o", "Senior Member", "Joined", "Mar 14, 2012", "Messages", "1,204",
                  PROSE, MORE)
    assert story.published_at is None
    assert story.author == "kim_o"


def test_a_threads_latest_post_date_is_not_the_threads_but_its_first_posts_is():
    story = _main("Harbour Forum", "Which board should a new team buy for its first showroom?",
                  "1.2K views  4 replies  3 participants  last post by  bo_chen   Jul 9, 2023", "kim_o", "Joined 2019",
                  "#1 · Jul 2, 2023", PROSE, MORE)
    assert story.published_at.date() == date(2023, 7, 2)
    assert "last post by" not in story.body  # the thread's statistics stay furniture


def test_a_members_joining_date_inline_beside_the_name_dates_nothing():
    day = _day("Harbour Forum", "Which board should a new team buy for its first showroom?", "kim_o",
               "Member since: Mar 14, 2012", PROSE, MORE)
    assert day is None


RELEASE_TITLE = "Orbit Labs opens a virtual showroom platform for factories"


def test_a_newswire_dateline_opening_the_first_paragraph_dates_the_release():
    for dateline, day in (("PARIS, March 5, 2024 /PRNewswire/ -- ", date(2024, 3, 5)),
                          ("SINGAPORE, March 5, 2024 (GLOBE NEWSWIRE) -- ", date(2024, 3, 5)),
                          ("HONG KONG, Nov. 3, 2025 /PRNewswire/ -- ", date(2025, 11, 3)),
                          ("AUSTIN, Texas, Jan. 9, 2025 /PRNewswire/ -- ", date(2025, 1, 9)),
                          ("LONDON--(BUSINESS WIRE)--March 5, 2024--", date(2024, 3, 5))):
        story = _main("Press releases", RELEASE_TITLE, dateline + "Orbit Labs said that " + PROSE, MORE)
        assert story.published_at.date() == day, dateline
        assert "Orbit Labs said that" in story.body


def test_a_wire_dateline_without_a_year_dates_nothing():
    assert _day("Press releases", RELEASE_TITLE, "Beijing, March 5 (Xinhua) -- Orbit Labs said that " + PROSE, MORE) is None


def test_a_dated_line_by_the_headline_wins_over_the_wire_dateline():
    day = _day("Press releases", RELEASE_TITLE, "Posted 7 March 2024",
               "PARIS, March 5, 2024 /PRNewswire/ -- Orbit Labs said that " + PROSE, MORE)
    assert day == date(2024, 3, 7)


def test_a_release_quoted_lower_in_the_story_does_not_date_it():
    day = _day("Daily Courier", RELEASE_TITLE, *[PROSE, MORE] * 3,
               "PARIS, March 5, 2019 /PRNewswire/ -- Orbit Labs said in an earlier release that it would grow.", MORE,
               "Share this story", "Published", "Feb 2, 2023")
    assert day == date(2023, 2, 2)


def test_a_labelled_numeric_date_with_a_two_digit_year_dates_the_story_in_this_century():
    assert _day("Daily Courier", RELEASE_TITLE, "Posted: 05.03.24", PROSE, MORE) == date(2024, 3, 5)
    assert _day("Daily Courier", RELEASE_TITLE, "Published 3/15/24", PROSE, MORE) == date(2024, 3, 15)


def test_an_ambiguous_two_digit_year_date_is_read_in_the_pages_order_as_a_four_digit_one_is():
    assert _day("Daily Courier", RELEASE_TITLE, "Published 3/5/24", PROSE, MORE) is None
    assert _day("Daily Courier", RELEASE_TITLE, "Published 3/5/24", PROSE, MORE,
                "Comment posted 23/04/2024") == date(2024, 5, 3)


def test_a_two_digit_year_date_without_a_label_dates_nothing():
    for line in ("Final score 3/5/24", "3/5/24", "Version 3.5.24", "Published 3/5/24 was the count"):
        assert _day("Daily Courier", RELEASE_TITLE, line, PROSE, MORE) is None, line


def test_a_two_digit_year_date_alone_over_the_headline_dates_the_story():
    story = _main("Studio Notes", "Contents", "14.11.24", "How the city fund picks its start-ups", PROSE, MORE)
    assert story.published_at.date() == date(2024, 11, 14)
    assert "14.11.24" not in story.body


def test_a_two_digit_year_date_away_from_the_headline_dates_nothing():
    day = _day("Match report", "3/5/24", "Results", "How the city fund picks its start-ups", PROSE, MORE)
    assert day is None
