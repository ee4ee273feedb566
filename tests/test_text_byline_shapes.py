"""Bylines and datelines in the shapes the modern web's templates print them, as a browser's innerText renders them:
small invented pages, each asserting who and what day the main story is credited to, and what must not be."""
from __future__ import annotations

from pipelines.parse.text.page import parse_text

PROSE = ("The city government said on Monday that the fund of 500 million yuan will back start-ups that build "
         "virtual showrooms for local factories, with the first grants due in the spring.")
MORE = ("Officials expect about forty companies to apply in the first round, and the district will add office "
        "space near the railway station for the teams that win grants from the fund.")
THIRD = ("Some founders said the grants were too small to matter, while others welcomed any help with the cost "
         "of renting studios and cameras in a year when sales have been slow.")
TITLE = "City sets up a fund for start-ups building virtual showrooms"
MENU = ["Daily Courier", "Home", "World", "Business", "Technology"]


def _main(header: list[str], after: list[str] = ()):
    """The main story of a page: a menu, the headline, `header` under it, three paragraphs, `after`, a footer."""
    return parse_text("\n".join([*MENU, TITLE, *header, PROSE, MORE, THIRD, *after, "About us", "Contact"]))[0]


def _day(story) -> str | None:
    return str(story.published_at.date()) if story.published_at else None


def test_a_link_to_the_writers_posts_under_the_story_names_the_author():
    story = _main(["March 3, 2024"], ["View all posts by Jane Doe"])
    assert story.author == "Jane Doe"
    assert "View all posts" not in story.body


def test_a_name_over_a_link_to_its_posts_names_the_author():
    story = _main(["March 3, 2024"], ["Jane Doe", "View all posts"])
    assert story.author == "Jane Doe"
    assert "Jane Doe" not in story.body


def test_links_to_several_writers_posts_name_no_author():
    story = _main(["March 3, 2024"], ["Our writers", "More articles by Jane Doe", "More articles by John Roe"])
    assert story.author is None


def test_a_name_over_a_follow_button_and_a_reading_time_over_the_date_is_the_author():
    story = _main(["A short dek about the fund and what it means", "Jane Doe", "Follow", "5 min read", "·", "Mar 3, 2024"])
    assert (story.author, _day(story)) == ("Jane Doe", "2024-03-03")


def test_a_name_over_its_social_links_over_the_date_is_the_author():
    story = _main(["Jane Doe", "Twitter", "LinkedIn", "March 3, 2024"])
    assert (story.author, _day(story)) == ("Jane Doe", "2024-03-03")


def test_the_publication_under_a_published_in_label_by_the_date_is_no_author():
    story = _main(["Jane Doe", "·", "Follow", "Published in", "Harbour Weekly", "·", "5 min read", "·", "Mar 3, 2024"])
    assert story.author != "Harbour Weekly"
    assert _day(story) == "2024-03-03"


FIRST_POST = "I have been trying to get the board to boot from the serial console for a week now and nothing works."
REPLY = "You need to set the console path in the boot loader first, then reset the board, and it should then print."
THREAD = "Board does not boot from the serial console"


def _thread(*lines: str):
    return parse_text("\n".join(["Board index", "Hardware", THREAD, *lines, "About us", "Contact"]))[0]


def test_the_poster_before_the_first_posts_date_is_the_threads_author():
    story = _thread("Post by kim_o » Tue Feb 20, 2026 10:32 am", FIRST_POST, "Post by bo_chen » Wed Feb 21, 2026 9:10 am", REPLY)
    assert (story.author, _day(story)) == ("kim_o", "2026-02-20")


def test_a_code_hosts_opened_this_issue_line_names_the_issues_author():
    story = _thread("Open", "kim_o opened this issue on Feb 20, 2026 · 3 comments", FIRST_POST,
                    "bo_chen commented on Feb 21, 2026", REPLY)
    assert (story.author, _day(story)) == ("kim_o", "2026-02-20")


def test_a_handle_over_a_labelled_post_date_is_the_threads_author():
    story = _thread("kim_o", "opened on Feb 20, 2026", FIRST_POST, "bo_chen", "commented on Feb 21, 2026", REPLY)
    assert (story.author, _day(story)) == ("kim_o", "2026-02-20")


def test_a_byline_with_a_handle_and_the_date_names_the_poster():
    story = _thread("By kim_o, February 20, 2026 in Hardware", FIRST_POST, REPLY)
    assert (story.author, _day(story)) == ("kim_o", "2026-02-20")


def test_a_members_joining_date_with_its_weekday_is_not_the_posts_date():
    story = _thread("kim_o", "Posts: 12", "Joined: Mon Jan 06, 2020 8:00 am", "Post by kim_o » Tue Feb 20, 2026 10:32 am",
                    FIRST_POST, REPLY)
    assert _day(story) == "2026-02-20"


def test_a_section_or_a_version_over_the_date_is_no_poster():
    assert _main(["Web3", "March 3, 2024"]).author is None
    assert _thread("Release 2.25.1", "2.25.1 · Feb 20, 2026", FIRST_POST, "Reply", "Reply", "Reply").author is None


def test_a_labelled_writer_whose_first_name_is_a_months_is_the_author():
    story = _main(["By April Stone", "March 3, 2024"])
    assert (story.author, _day(story)) == ("April Stone", "2024-03-03")


def test_a_blog_engines_post_line_under_the_story_names_the_writer_after_the_date():
    story = _main([], ["This entry was posted in Technology on March 3, 2024 by Jane Doe."])
    assert (story.author, _day(story)) == ("Jane Doe", "2024-03-03")


def test_a_blog_engines_post_line_names_the_writer_after_the_category():
    story = _main([], ["Posted in Technology by Jane Doe on March 3, 2024"])
    assert (story.author, _day(story)) == ("Jane Doe", "2024-03-03")


def test_a_pages_revision_line_names_no_author():
    story = _main([], ["This page was last modified on March 3, 2024 by Harbour Contributors."])
    assert story.author is None


def test_a_byline_under_a_standfirst_and_a_long_share_bar_is_read():
    dek = "The district's new fund will give grants of up to one million yuan to firms that film their goods in 3D."
    share = ["Share", "Facebook", "Twitter", "LinkedIn", "Email", "Copy link", "Print", "Save"]
    story = _main([dek, *share, "By Jane Doe", "March 3, 2024"])
    assert (story.author, _day(story)) == ("Jane Doe", "2024-03-03")
    assert "By Jane Doe" not in story.body


def test_a_republished_storys_first_publisher_is_no_author():
    story = _main([], ["This article was originally published on March 3, 2024 by The Daily Courier."])
    assert story.author is None
    assert _day(story) == "2024-03-03"


def test_a_name_with_its_follow_button_on_one_line_over_the_date_is_the_author():
    story = _main(["Jane Doe · Follow", "5 min read · Mar 3, 2024"])
    assert (story.author, _day(story)) == ("Jane Doe", "2024-03-03")


def test_a_section_printed_in_the_menu_and_over_the_date_is_no_author():
    page = ["Acme Blog", "Home", "HR Strategy", "Payroll Basics", "Workplace Culture", "Hiring", "Benefits", "Contact",
            TITLE, "HR Strategy",
            "June 9, 2025", PROSE, MORE, THIRD, "About us"]
    story = parse_text("\n".join(page))[0]
    assert story.author is None
    assert _day(story) == "2025-06-09"


def test_a_share_bar_on_one_line_is_no_author():
    story = _main(["LinkedIn Twitter Facebook Email", "June 9, 2025"])
    assert story.author is None


def test_a_labelled_name_with_a_lower_case_particle_is_read_whole():
    assert _main(["By Ana de la Cruz", "March 3, 2024"]).author == "Ana de la Cruz"


def test_a_date_glued_to_the_bylines_name_is_cut_off_the_name():
    story = _main(["By Jane DoeMarch 3, 2024"])
    assert (story.author, _day(story)) == ("Jane Doe", "2024-03-03")
    assert _main(["By Ann DeMarco", "March 3, 2024"]).author == "Ann DeMarco"


def test_a_first_name_that_is_a_common_word_over_the_date_is_the_author():
    said = "The council will mark the day in May with a short grace period for late applications from founders."
    assert _main(["Will Hart", "March 3, 2024"], [said]).author == "Will Hart"
    assert _main(["May Chen", "March 3, 2024"], [said]).author == "May Chen"


def test_a_heading_of_common_words_over_the_date_is_no_author():
    said = "The council will mark the day in May with a short grace period for late applications from founders."
    assert _main(["Grace Period", "March 3, 2024"], [said]).author is None


def test_a_mail_archives_sender_under_the_subject_is_the_author():
    story = _thread("From: Kim Ortiz <kim@example.org>", "Date: Tue, 20 Feb 2026 10:32:00 +0000", "Subject: " + THREAD,
                    FIRST_POST, REPLY)
    assert (story.author, _day(story)) == ("Kim Ortiz", "2026-02-20")


def test_a_from_label_with_no_mail_header_by_it_is_no_sender():
    story = _thread("From: Harbour Newsroom", FIRST_POST, REPLY)
    assert story.author is None


def test_a_reporter_printed_with_the_place_reported_from_over_the_date_is_the_author():
    story = _main(["Jane Doe in Harbour City", "Sun 3 Mar 2024 10.32 GMT"])
    assert (story.author, _day(story)) == ("Jane Doe", "2024-03-03")


def test_a_section_heading_with_a_place_over_the_date_is_no_author():
    said = "Our data science team looked at the grants and found that most went to small studios."
    assert _main(["Data Science in Harbour City", "March 3, 2024"], [said]).author is None


def test_the_dates_of_a_sidebars_cards_over_the_headline_do_not_date_the_story():
    sidebar = ["Recent Posts", "Another city opens a park by the river", "February 1, 2024", "A third city starts a fund",
               "January 15, 2024"]
    story = parse_text("\n".join([*MENU, *sidebar, TITLE, "By Jane Doe", PROSE, MORE, THIRD, "Published March 3, 2024",
                                  "About us"]))[0]
    assert (story.author, _day(story)) == ("Jane Doe", "2024-03-03")


def test_a_date_over_the_headline_is_its_dateline():
    story = parse_text("\n".join([*MENU, "Technology", "March 3, 2024", TITLE, "By Jane Doe", PROSE, MORE, THIRD]))[0]
    assert _day(story) == "2024-03-03"


def test_a_section_with_digits_beside_the_date_is_no_poster():
    assert _main(["Web3 · March 3, 2024"]).author is None
    assert _main(["COVID-19 | March 3, 2024"]).author is None
