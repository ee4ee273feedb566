"""Which line of a text dump is its headline: small invented pages in the shapes the title rules read."""
from __future__ import annotations

from pipelines.parse.rules import text_rules
from pipelines.parse.text.lines import read_lines
from pipelines.parse.text.page import page_layout, parse_text
from pipelines.parse.text.title import headline_over, twice_printed_title

PROSE = ("The city government said on Monday that the fund of 500 million yuan will back start-ups that build "
         "virtual showrooms for local factories, with the first grants due in the spring.")
MORE = ("Officials expect about forty companies to apply in the first round, and the district will add office "
        "space near the railway station for the teams that win grants from the fund.")


def _title(*lines: str) -> str | None:
    return parse_text("\n\n".join(lines))[0].title


def test_heading_that_a_breadcrumb_ends_with_is_the_title_far_from_the_first_paragraph():
    # a promotional blurb at the top reads as the first paragraph; the story's heading sits under its breadcrumb
    title = _title("Solutions", "Growth for Retail Brands",
                   "Drive promotional planning and better shelf placement with planning workflows for every store.",
                   "Retail Planning Suite", *["Menu item"] * 3, "Book a Demo",
                   "Main > Blog > Ten trends in retail planning to watch", "Business",
                   "Ten trends in retail planning to watch", "Kelia Moreno", "August 25, 2025", PROSE, MORE)
    assert title == "Ten trends in retail planning to watch"


def test_section_named_last_in_a_breadcrumb_is_not_the_title():
    title = _title("Daily Courier", "Home > News > Politics", "Politics",
                   "City sets up a fund for start-ups building virtual showrooms", "May 2, 2024", PROSE, MORE)
    assert title == "City sets up a fund for start-ups building virtual showrooms"
    assert title != "Politics"


def test_breadcrumb_whose_last_item_is_not_printed_under_it_leaves_the_title_to_the_model():
    title = _title("Daily Courier", "Home > News > Economy", "Subscribe now",
                   "City sets up a fund for start-ups building virtual showrooms", "May 2, 2024", PROSE, MORE)
    assert title == "City sets up a fund for start-ups building virtual showrooms"


def test_a_one_word_page_heading_under_a_breadcrumb_is_the_title():
    title = _title("Docs", "You are here: start > searching", "Searching", "Quick Search",
                   "Quick searches provide a fast way to find items in a library or collection by their words.", MORE)
    assert title == "Searching"


STORY = ("The typeface began as a set of sketches for a phone screen, and over five years it grew into a family "
         "that every product of the company now uses, from search to maps.")


def test_headline_over_its_standfirst_is_the_title():
    title = _title("Skip to content", "0 results", "Making Harbor Sans Flex",
                   "How seven design problems shaped the company’s typeface — from first sketch to going open-source",
                   STORY, MORE)
    assert title == "Making Harbor Sans Flex"


def test_writer_name_and_role_under_the_headline_is_not_the_title():
    title = _title("Latest", "Most Read", "A Beginner’s Guide to Pruning Fruit Trees", "Lena Marsh, Print Managing Editor",
                   "May 31, 2024", STORY, MORE)
    assert title == "A Beginner’s Guide to Pruning Fruit Trees"
    assert title != "Lena Marsh, Print Managing Editor"


def test_section_name_over_a_sentence_case_headline_is_not_the_title():
    title = _title("Home", "Diet & Fitness",
                   "The most popular workout of 2024 and five fitness trends to expect next year", STORY,
                   "Updated Dec. 23, 2024", MORE)
    assert title == "The most popular workout of 2024 and five fitness trends to expect next year"


POST = ("I have kept a reef tank for two years and now want a bigger one for fish only, so I would like to hear what "
        "sizes and filters you would pick for a first large tank in a small flat.")


def test_heading_over_a_thread_starter_label_is_the_thread_title():
    title = _title("Forums", "Reef Keepers Forums", "Large & Predator Tanks", "Plans for a second tank",
                   "Thread starter ann_lee", "Start date Mar 6, 2024", "ann_lee", POST, MORE)
    assert title == "Plans for a second tank"
    assert title != "Large & Predator Tanks"


def test_a_forum_index_listing_several_thread_starters_takes_no_thread_title_from_the_list():
    title = _title("Forums", "Large & Predator Tanks", POST,
                   "Plans for a second tank", "Started by ann_lee", "Best filter for a large tank", "Started by bo_chen", MORE)
    assert title not in ("Plans for a second tank", "Best filter for a large tank")


DOC = ("Sprockets are the parts of a gearbox that carry the chain, and each one is set up from a profile that names "
       "its teeth, its pitch and the shaft it turns on.")


def test_a_one_word_heading_printed_twice_over_a_reference_page_is_the_title():
    # a sidebar's current item, then the page's own heading, over a page that opens by naming it
    title = _title("Guides", "Parts reference", "Gearbox basics", "Sprockets", "Sprockets", "Previous", "Next", DOC, MORE)
    assert title == "Sprockets"
    assert title not in ("Parts reference", "Gearbox basics")


def test_a_heading_printed_twice_whose_words_the_page_does_not_open_with_is_not_the_title():
    # neither the twice-printed rule nor the title model (which weighs it with the page's other lines: a short line
    # printed twice in a row is often a product's name) takes it
    lines = read_lines("\n\n".join(("Guides", "Parts reference", "Gearbox basics", "Saved items", "Saved items",
                                     "Previous", "Next", DOC, MORE)), text_rules())
    layout = page_layout(lines, text_rules(), choose=False)
    assert lines[layout.body_start].text == DOC
    assert twice_printed_title(lines, layout.body_start) is None
    assert parse_text("\n\n".join(x.text for x in lines))[0].title != "Saved items"  # nor does the model


def test_a_headline_with_its_byline_under_it_beats_a_widget_printed_twice_over_the_story():
    title = _title("News", "City sets up a fund for start-ups building virtual showrooms", "By Ann Lee", "May 2, 2024",
                   "Fund", "Fund", PROSE.replace("the fund", "the Fund"), MORE)
    assert title == "City sets up a fund for start-ups building virtual showrooms"
    assert title != "Fund"


def test_the_heading_naming_what_a_reference_page_first_defines_is_the_title():
    title = _title("Wiki", "History", "Gearwork", "From the parts wiki", "Gearwork - the heart of the gearbox", "Resources",
                   "See also", "Gearwork is the set of toothed wheels that carry the turning of a shaft to the next one.", MORE)
    assert title == "Gearwork"
    assert title != "Gearwork - the heart of the gearbox"


def test_a_news_story_opening_by_defining_a_section_name_keeps_its_dated_headline():
    title = _title("Daily Courier", "Markets", "Fund", "City sets up a fund for start-ups building virtual showrooms",
                   "May 2, 2024", "The fund is the first of its kind in the province, and it will back start-ups for three years.",
                   PROSE)
    assert title == "City sets up a fund for start-ups building virtual showrooms"
    assert title != "Fund"


def test_an_undated_headline_right_over_its_story_beats_a_menu_item_its_first_sentence_defines():
    # a news page with no dateline: the city's name is a menu item above, and the story opens 'Harbour City is …'
    title = _title("Home", "Harbour City", "River Town", "Markets", "Harbour City opens a fund for start-ups building showrooms",
                   "Harbour City is to open a fund for start-ups that build virtual showrooms, its economy bureau said on "
                   "Monday, and firms can apply from June.", MORE)
    assert title == "Harbour City opens a fund for start-ups building showrooms"
    assert title != "Harbour City"


def test_an_undated_headline_right_over_its_story_beats_a_section_tag_printed_twice_above_it():
    # the section's kicker and the story's tag, both 'Showrooms', over a headline with no dateline under it
    title = _title("Home", "News", "Showrooms", "Showrooms", "City sets up a fund for start-ups building virtual showrooms",
                   PROSE, MORE)
    assert title == "City sets up a fund for start-ups building virtual showrooms"
    assert title != "Showrooms"


WORKOUT = ("Most people who start a training plan in January stop by March, and the plans that last are the ones built "
           "around a few sessions a week that fit the rest of the day.")


def test_the_writers_name_between_headline_and_dateline_is_not_the_title():
    # the writer's name printed twice (picture caption, then byline) over a reviewer's credit and the date
    title = _title("Menu", "Guides", "How to build a workout routine that lasts a year", "Ann Lee", "Ann Lee",
                   "Reviewed by: Bo Chen, PhD", "Last updated: May 2, 2024", WORKOUT, MORE)
    assert title == "How to build a workout routine that lasts a year"
    assert title not in ("Ann Lee", "Reviewed by: Bo Chen, PhD")


def test_a_reviewers_credit_under_the_headline_is_not_the_title():
    title = _title("Menu", "Guides", "How to build a workout routine that lasts a year",
                   "Medically reviewed by Bo Chen, PhD", "May 2, 2024", WORKOUT, MORE)
    assert title == "How to build a workout routine that lasts a year"
    assert not title.startswith("Medically reviewed")



# ---------------------------------------------------------------- page shapes beyond news stories

def test_a_product_page_names_the_product_its_breadcrumb_ends_with_not_a_menu_item_or_its_cart_label():
    title = _title("Harbour Lamps", "Shop", "Lamps", "Home > Lamps > Brass Desk Lamp", "Brass Desk Lamp", "$49.00",
                   "Add to cart", "A brass desk lamp with a weighted base and a linen shade, made by hand in our workshop "
                   "by the sea.", "Free shipping on orders over $50", MORE)
    assert title == "Brass Desk Lamp"
    assert title not in ("Lamps", "Add to cart", "Harbour Lamps")


def test_a_docs_page_with_a_sidebar_of_contents_takes_its_own_heading():
    title = _title("Parts docs", "On this page", "Install", "Usage", "Sprockets", "Sprockets", DOC, MORE)
    assert title == "Sprockets"
    assert title not in ("Install", "Usage", "Parts docs")


def test_a_forum_thread_under_its_category_line_takes_the_thread_title():
    title = _title("Forums", "Aquarium Forum", "Freshwater Tanks", "Plans for a second tank",
                   "Discussion in 'Freshwater Tanks' started by ann_lee, Mar 6, 2024.", "ann_lee", POST, MORE)
    assert title == "Plans for a second tank"
    assert title not in ("Freshwater Tanks", "Aquarium Forum")


def test_a_news_site_name_printed_over_and_under_the_story_is_not_the_title():
    title = _title("Daily Courier", "Home", "Markets", "City sets up a fund for start-ups building virtual showrooms",
                   "By Ann Lee", "May 2, 2024", PROSE, MORE, "Daily Courier", "© 2024 Daily Courier. All rights reserved.")
    assert title == "City sets up a fund for start-ups building virtual showrooms"
    assert title != "Daily Courier"


# A table of contents printed over the story: its entries are the story's section headings, never its title.
FIT = ("Slide the sprocket onto the axle with its teeth facing out, then tighten the lock ring by hand until it sits "
       "flush against the hub and the chain runs straight over it.")
WEAR = ("A sprocket whose teeth have worn into hooks or sharp points throws the chain under load, so replace it with "
        "the chain rather than on its own when the drive starts to slip.")
KINDS = ("Sprockets come in steel for heavy loads and in aluminium for light racing bikes, and both are sold by the "
         "number of teeth they carry around the rim of the wheel.")


def _guide(headline: str) -> list[str]:
    entries = ["Kinds of sprockets on the market today", "How to fit a new sprocket", "When to replace a worn sprocket"]
    return ["Workshop", "Guides", headline, "Share", "Table of contents", *entries, "Overview", KINDS,
            entries[0], KINDS, entries[1], FIT, entries[2], WEAR]


def test_the_headline_over_a_table_of_contents_is_the_title():
    title = _title(*_guide("A complete guide to bicycle sprockets and chains"))
    assert title == "A complete guide to bicycle sprockets and chains"


def test_an_entry_of_the_table_of_contents_is_not_the_title():
    title = _title(*_guide("A complete guide to bicycle sprockets and chains"))
    assert title not in ("Kinds of sprockets on the market today", "How to fit a new sprocket",
                         "When to replace a worn sprocket")


def test_a_menu_printed_twice_is_no_table_of_contents():
    # a menu printed for the desktop and again for the phone repeats as closely as it was printed: no outline
    menu = ["Bicycle sprockets and chains", "Bicycle brakes and cables", "Bicycle wheels and tyres"]
    title = _title("Workshop", *menu, *menu, "How to fit a new sprocket to a bicycle", FIT, WEAR)
    assert title == "How to fit a new sprocket to a bicycle"


def test_a_line_with_digits_after_its_comma_is_no_writer_s_name_under_a_headline():
    lines = read_lines("\n\n".join(("Home", "New Builds and Planning", "Editing Rig Build, May 2024",
                                    "Ann Lee, Senior Editor", PROSE)), text_rules())
    assert not headline_over(lines, 1, 4)  # a forum's section over a headline that ends with its date
    assert headline_over(lines, 2, 4)  # a headline over its writer's name and role


def test_a_thread_title_printed_over_its_forum_s_breadcrumb_trail_is_the_title_not_the_trail_s_last_item():
    title = _title("Forums", "Log in", "Best budget tents for a first trip", "Home", "Forums", "Camping gear",
                   "Tents and shelters", "Thread starter ann_lee", "Start date Mar 6, 2024",
                   "Hello all, I am planning a first trip to the lakes and would like a light tent for two people.")
    assert title == "Best budget tents for a first trip"
    assert title != "Tents and shelters"


def test_a_thread_title_printed_under_its_forum_s_breadcrumb_trail_stays_the_title():
    title = _title("Forums", "Search forums", "Home", "Forums", "Camping gear",
                   "Which light tent do you take on a first trip to the lakes?", "Thread starter ann_lee",
                   "Start date Mar 6, 2024",
                   "Hello all, I am planning a first trip to the lakes and would like a light tent for two people.")
    assert title == "Which light tent do you take on a first trip to the lakes?"
    assert title != "Search forums"


def test_a_title_case_phrase_before_a_comma_that_the_story_writes_in_lower_case_is_no_writer_s_name():
    page = ("Business News From Around The Region", "Virtual Showrooms Pay Off, Officials Say", PROSE, MORE)
    lines = read_lines("\n\n".join(page), text_rules())
    assert not headline_over(lines, 0, 2)  # the story writes 'virtual showrooms': the line is the headline, no byline
    lines = read_lines("\n\n".join(("City Funds Virtual Showrooms", "Ann Lee, Senior Editor", PROSE, MORE)), text_rules())
    assert headline_over(lines, 0, 2)  # a name the page writes nowhere in lower case


def test_a_breadcrumb_over_the_headline_is_no_headline_and_the_headline_no_standfirst():
    page = "\n".join(["chinadaily.com.cn", "HOME | CHINA | WORLD | BUSINESS", "Home / China / Cities",
                      "Beijing districts bet on digital humans and metaverse",
                      "By Du Juan | chinadaily.com.cn | Updated: 2023-08-22 16:35", PROSE, MORE])
    assert parse_text(page)[0].title == "Beijing districts bet on digital humans and metaverse"
