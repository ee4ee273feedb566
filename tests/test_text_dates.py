"""Which day a text dump's main story is dated: small invented pages in the shapes datelines are printed in."""
from __future__ import annotations

from datetime import date

from pipelines.parse.text_page import parse_text

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
