"""Each common way a page writes its date, read to the right day (and nothing read where no day is written)."""
from __future__ import annotations

from datetime import date, datetime

from pipelines.parse.dates import parse_date, reading_order


def _day(text: str, order: str | None = None) -> date | None:
    with reading_order(order):
        value = parse_date(text)
    return value.date() if value else None


def test_a_day_month_year_with_time_and_zone():
    assert _day("Published 3 Dec 2023 10:00 GMT") == date(2023, 12, 3)


def test_a_weekday_before_a_month_first_date():
    assert _day("Monday, December 4, 2023") == date(2023, 12, 4)


def test_a_weekday_before_a_day_first_date():
    assert _day("Thursday 14 March 2024 08.00 GMT") == date(2024, 3, 14)


def test_an_iso_date_with_time_and_offset():
    assert _day("2023-12-04T22:10:00+08:00") == date(2023, 12, 4)


def test_an_iso_date_with_a_space_and_utc():
    assert _day("2024-03-13 22:41:00 UTC") == date(2024, 3, 13)


def test_a_dotted_date_is_day_first():
    assert _day("04.12.2023 | 10:00") == date(2023, 12, 4)


def test_an_ordinal_day_before_the_month():
    assert _day("4th December 2023") == date(2023, 12, 4)


def test_an_abbreviated_month_with_a_full_stop_and_a_time():
    assert _day("Dec. 4, 2023, 10:00 a.m. ET") == date(2023, 12, 4)


def test_a_chinese_date():
    assert _day("2023年5月3日") == date(2023, 5, 3)


def test_a_chinese_date_followed_by_its_time():
    assert _day("2024年3月13日 22:41  来源：新华网") == date(2024, 3, 13)


def test_a_chinese_date_keeps_its_time_of_day():
    assert parse_date("2024年3月13日 22:41") == datetime(2024, 3, 13, 22, 41)
    assert parse_date("2024年3月13日 星期三") == datetime(2024, 3, 13)


def test_a_korean_date():
    assert _day("2024년 3월 3일") == date(2024, 3, 3)


def test_a_korean_dotted_date_with_spaces():
    assert _day("입력 2024. 3. 3. 오전 10:00") == date(2024, 3, 3)


def test_a_russian_month_name():
    assert _day("3 марта 2024, 10:00") == date(2024, 3, 3)


def test_a_ukrainian_month_name():
    assert _day("4 грудня 2023") == date(2023, 12, 4)


def test_a_comma_without_its_space_before_the_year():
    assert _day("March 13,2024") == date(2024, 3, 13)


def test_a_space_before_the_comma():
    assert _day("Mar 13 , 2024") == date(2024, 3, 13)


def test_an_ambiguous_slashed_date_is_read_in_the_pages_order():
    assert _day("04/03/2024", "dmy") == date(2024, 3, 4)
    assert _day("04/03/2024", "mdy") == date(2024, 4, 3)


def test_an_ambiguous_slashed_date_on_a_page_of_unknown_order_is_not_read():
    assert _day("04/03/2024", "unknown") is None


def test_a_slashed_date_whose_first_number_cannot_be_a_month_is_day_first():
    assert _day("13/03/2024", "unknown") == date(2024, 3, 13)


def test_a_relative_date_names_no_day():
    assert _day("Published 3 days ago") is None


def test_a_month_and_year_name_no_day():
    assert _day("Last updated: June 2022") is None


def test_a_copyright_year_names_no_day():
    assert _day("© 2024 Daily Courier. All rights reserved.") is None


def test_a_dotted_date_whose_second_number_is_no_month_is_month_first():
    assert _day("06.18.2025") == date(2025, 6, 18)


def test_the_weekday_written_before_a_numeric_date_that_reads_either_way_decides_it():
    assert _day("Monday, 11/4/2024, 15:20 (GMT+7)", "unknown") == date(2024, 11, 4)
    assert _day("Thursday 4/11/2024", "unknown") == date(2024, 4, 11)
    # a weekday both readings fall on decides nothing ('Thursday, 11/7/2024': 7 Nov and 11 Jul 2024 are Thursdays)
    assert _day("Thursday, 11/7/2024", "unknown") is None
