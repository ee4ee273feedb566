"""Lines that hold a date-like run but date nothing: English words that are also a month's name in another language,
and a sentence of the story that tells when something was released."""
from __future__ import annotations

from datetime import date

from pipelines.parse.dates import find_date, parse_date
from pipelines.parse.text.page import parse_text

PROSE = ("The city government said on Monday that the fund of 500 million yuan will back start-ups that build "
         "virtual showrooms for local factories, with the first grants due in the spring.")
MORE = ("Officials expect about forty companies to apply in the first round, and the district will add office "
        "space near the railway station for the teams that win grants from the fund.")


def test_an_english_word_that_is_a_french_month_is_no_month():
    assert find_date("Top 10 Mars 2024 missions to watch") is None


def test_an_english_word_that_is_an_italian_month_is_no_month():
    assert find_date("Pixel Watch Gen 2, 2024 edition") is None


def test_a_french_month_written_as_french_writes_it_is_read():
    assert parse_date("Publié le 12 mars 2024").date() == date(2024, 3, 12)


def test_a_month_in_capitals_is_read():
    assert parse_date("04-AGO-2021").date() == date(2021, 8, 4)


def test_a_german_month_written_with_its_capital_is_read():
    assert parse_date("12. März 2024").date() == date(2024, 3, 12)


def test_a_headline_naming_a_planet_and_a_year_stays_the_title():
    story = parse_text("\n\n".join(["Space Desk", "Top 10 Mars 2024 missions to watch", PROSE, MORE]))[0]
    assert story.title == "Top 10 Mars 2024 missions to watch"
    assert story.published_at is None


def test_a_short_sentence_telling_a_release_date_stays_in_the_body_and_dates_nothing():
    sentence = "The final rules were released on March 3, 2024."
    story = parse_text("\n\n".join(["Daily Courier", "City sets up a fund for start-ups building virtual showrooms",
                                    *[PROSE, MORE] * 3, sentence, PROSE, MORE]))[0]
    assert story.published_at is None
    assert sentence in story.body
