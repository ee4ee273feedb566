"""Headline shapes the title model misreads (text/title_shapes.py): a newsletter's headline over its subtitle over
the writer's name and date, and a dated headline printed under a promotion read as the story's first paragraph.
Small invented pages."""
from __future__ import annotations

from pipelines.parse.rules import text_rules
from pipelines.parse.text.lines import read_lines
from pipelines.parse.text.page import parse_text
from pipelines.parse.text.title_shapes import (dated_headline, headline_after_cards, headline_over_subtitle,
                                              headline_printed_twice, headline_under_dated_section)

RENTS = ("Rents in small towns rose again this spring, and the zoning maps that limit new building explain most of "
         "the rise, according to a study of two hundred towns published this week.")
BUILDERS = ("Builders say the rules leave them few plots to work with, while councils say the rules protect farmland "
            "and the character of old town centres that visitors come to see.")


def _title(*lines: str) -> str | None:
    return parse_text("\n\n".join(lines))[0].title


def test_newsletter_headline_over_its_subtitle_is_the_title_not_the_subtitle():
    title = _title("Ann's Letters", "SubscribeSign in", "why rents keep rising in small towns",
                   "zoning maps explain most of the rise", "Ann Lee", "May 2, 2024", "Share", RENTS, BUILDERS)
    assert title == "why rents keep rising in small towns"
    assert title != "zoning maps explain most of the rise"


def test_menu_or_breadcrumb_over_a_headline_is_not_taken_for_it():
    page = read_lines("\n".join(["Home Topics Housing", "Why rents keep rising in small towns", "Ann Lee",
                                 "May 2, 2024", RENTS]), text_rules())
    assert headline_over_subtitle(page, 1, 4) is None  # a breadcrumb printed without its separators
    page = read_lines("\n".join(["Home / Housing / Rents", "Why rents keep rising in small towns", "Ann Lee",
                                 "May 2, 2024", RENTS]), text_rules())
    assert headline_over_subtitle(page, 1, 4) is None
    page = read_lines("\n".join(["TURN THE VOLUME UP", "Why rents keep rising in small towns", "Ann Lee",
                                 "May 2, 2024", RENTS]), text_rules())
    assert headline_over_subtitle(page, 1, 4) is None  # a banner in capitals


def test_heading_off_the_story_topic_over_a_headline_is_not_taken_for_it():
    page = read_lines("\n".join(["Notes from a small garden", "Why rents keep rising in small towns", "Ann Lee",
                                 "May 2, 2024", RENTS, BUILDERS]), text_rules())
    assert headline_over_subtitle(page, 1, 4) is None  # the blog's name: none of its words in the story


def test_column_of_other_stories_titles_over_a_headline_is_not_taken_for_it():
    page = read_lines("\n".join(["Council approves a new bridge over the river", "Schools open later in small towns",
                                 "Why rents keep rising in small towns", "Ann Lee", "May 2, 2024", RENTS]),
                      text_rules())
    assert headline_over_subtitle(page, 2, 5) is None


def test_dated_headline_under_a_promotion_read_as_the_first_paragraph_is_the_title():
    features = [f"Feature {n}" for n in range(30)]
    title = _title("Acme Cloud", "Products", "Pricing", "Start Free Trial",
                   "Try it free for thirty days and see how your team can plan work in one place.", "Book a demo",
                   *features, "Blog", "Why rents keep rising in small towns", "Ann Lee • May 2, 2024", "Read More",
                   RENTS, BUILDERS)
    assert title == "Why rents keep rising in small towns"
    assert title not in ("Start Free Trial", "Feature 0", "Book a demo")


def test_section_heading_with_a_sentence_opening_by_under_it_is_not_a_dated_headline():
    # 'By default, …' opens a sentence, not a byline; a dated heading with the story's prose under it is one
    page = read_lines("\n".join(["Docs", "Specifying a workload reference",
                                  "By default, the scheduler places every pod.", BUILDERS]), text_rules())
    assert dated_headline(page, 2, [0.3, 0.5, 0.8, 0.9]) is None
    page = read_lines("\n".join(["Docs", "Specifying a workload reference", "By Ann Lee", BUILDERS]), text_rules())
    assert dated_headline(page, 2, [0.3, 0.5, 0.8, 0.9]) == 1


def test_dated_heading_over_a_teaser_scored_as_furniture_is_not_a_dated_headline():
    # a card in a list of other stories: title, date, teaser that the line model does not keep as content
    page = read_lines("\n".join(["Latest", "Council approves a new bridge over the river", "May 1, 2024", BUILDERS]),
                      text_rules())
    assert dated_headline(page, 3, [0.3, 0.4, 0.2, 0.4]) is None
    assert dated_headline(page, 3, [0.3, 0.4, 0.2, 0.9]) == 1


def test_heading_under_its_lone_dateline_over_the_story_is_the_title_not_the_section_heading_over_the_prose():
    title = _title("Acme", "Products", "Blog", "7 MIN READ", "MAY 06, 2025", "Why rents keep rising in small towns",
                   "Customer Care", "Rents", RENTS, BUILDERS)
    assert title == "Why rents keep rising in small towns"
    assert title != "Rents"


def test_list_of_cards_each_dated_over_its_title_gives_no_dated_headline():
    page = read_lines("\n".join(["Episodes", "May 3, 2024", "Rents keep rising in small towns this spring", RENTS,
                                 "May 2, 2024", "Builders find few plots to work with in old towns", BUILDERS]),
                      text_rules())
    assert dated_headline(page, 3, [0.3, 0.3, 0.5, 0.9, 0.3, 0.5, 0.9]) is None
    page = read_lines("\n".join(["Episodes", "May 3, 2024", "Rents keep rising in small towns this spring", RENTS,
                                 BUILDERS]), text_rules())
    assert dated_headline(page, 3, [0.3, 0.3, 0.5, 0.9, 0.9]) == 2


def test_headline_under_a_site_slogan_with_its_byline_is_the_title_not_the_slogan():
    title = _title("Daily Courier", "News that matters to your town", "Why rents keep rising in small towns",
                   "By Ann Lee", "May 2, 2024", RENTS, BUILDERS)
    assert title == "Why rents keep rising in small towns"
    assert title != "News that matters to your town"


def test_headline_over_its_standfirst_and_byline_stays_the_title():
    title = _title("Daily Courier", "Why rents keep rising in small towns",
                   "Zoning maps that limit building explain most of the rise, a study finds", "By Ann Lee",
                   "May 2, 2024", RENTS, BUILDERS)
    assert title == "Why rents keep rising in small towns"


def test_press_release_distribution_label_is_not_the_title():
    title = _title("Acme Corp", "Newsroom", "FOR IMMEDIATE RELEASE",
                   "Acme opens a research lab in Shenzhen for virtual showrooms", "New lab to employ 200 engineers",
                   "SHENZHEN, China, May 2, 2024 -- Acme Corp, a maker of display software, today opened a research "
                   "lab in Shenzhen that will employ 200 engineers by 2026.", BUILDERS)
    assert title == "Acme opens a research lab in Shenzhen for virtual showrooms"
    assert title != "FOR IMMEDIATE RELEASE"


def test_headline_under_a_column_of_dated_cards_is_the_title_and_gives_its_date():
    story = parse_text("\n\n".join([
        "Daily Courier", "Latest stories", "Council approves a new bridge over the river after years of debate",
        "May 1, 2024", "Schools in the valley to open later in winter", "April 30, 2024",
        "Why rents keep rising in small towns", "By Bo Chen", "May 2, 2024", RENTS, BUILDERS]))[0]
    assert story.title == "Why rents keep rising in small towns"
    assert story.title != "Council approves a new bridge over the river after years of debate"
    assert story.published_at.date().isoformat() == "2024-05-02"


def test_list_of_cards_each_with_its_teaser_keeps_the_model_pick():
    page = read_lines("\n".join(["Industry news", "Firm opens a new office in the valley", "May 1, 2024",
                                 "The firm said the office will hire forty people over the next two years in the town.",
                                 "Why rents keep rising in small towns", "By Bo Chen", RENTS]), text_rules())
    assert headline_after_cards(page, 1, 3, [0.3, 0.5, 0.3, 0.6, 0.5, 0.3, 0.9]) is None


def test_notice_printed_as_section_date_headline_text_takes_the_headline_not_the_section():
    title = _title("首页", "通知公告", "发布时间：2024-05-02", "关于印发元宇宙产业发展行动计划的通知",
                   "各区人民政府，市政府各部门：现将《元宇宙产业发展行动计划》印发给你们，请结合实际认真贯彻落实。"
                   "到2025年，全市元宇宙产业规模达到300亿元。")
    assert title == "关于印发元宇宙产业发展行动计划的通知"
    assert title != "通知公告"


def test_section_list_of_dated_cards_gives_no_headline_under_the_section():
    page = read_lines("\n".join(["CAR RENTAL", "22 days ago", "Holiday travel hits a record with millions on the road",
                                 "This is the busiest travel holiday of the year, and this year is no different.",
                                 "a year ago", "Rental firm fined over hidden fees at airports", RENTS]), text_rules())
    assert headline_under_dated_section(page, 0) is None


def test_headline_printed_twice_in_a_row_over_its_outline_is_the_title_not_the_first_section_heading():
    title = _title("Acme Video", "Blog", "Get Started", "Rents in small towns: a guide for new renters",
                   "Rents in small towns: a guide for new renters", "A guide for anyone looking for a home to rent.",
                   "Copy Link", "TABLE OF CONTENTS", "Introduction", "Why rents keep rising", RENTS, BUILDERS)
    assert title == "Rents in small towns: a guide for new renters"
    assert title != "Why rents keep rising"


def test_heading_printed_twice_off_the_story_topic_is_not_taken_for_the_headline():
    page = read_lines("\n".join(["Our award winning service", "Our award winning service", "Why rents keep rising",
                                 RENTS, BUILDERS]), text_rules())
    assert headline_printed_twice(page, 3) is None
    page = read_lines("\n".join(["Rents in small towns keep rising", "Rents in small towns keep rising",
                                 "Why rents keep rising", RENTS, BUILDERS]), text_rules())
    assert headline_printed_twice(page, 3) == 1


def test_promotion_heading_over_its_lone_sentence_is_not_the_title_when_a_dated_headline_follows():
    title = _title("Acme News", "NEW: The weekly puzzle", "Take a break from the news and try our new weekly crossword.",
                   "Play now", "Economy", "Why rents keep rising in small towns", "By Ann Lee", "May 2, 2024",
                   RENTS, BUILDERS)
    assert title == "Why rents keep rising in small towns"
    assert title != "NEW: The weekly puzzle"


def test_headline_right_over_a_story_of_several_paragraphs_stays_the_title():
    title = _title("Acme News", "Why rents keep rising in small towns", RENTS, BUILDERS,
                   "Schools in the valley to open later in winter", "By Ann Lee", "May 2, 2024", RENTS)
    assert title == "Why rents keep rising in small towns"
