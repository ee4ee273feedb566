"""Figures a Chinese sentence states for several places at once (chinese/shared.py): when a distributive word
shares a figure, and when a character that looks like one belongs to another word."""
from datetime import datetime

import pytest

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def holders(body):
    return [(t.jurisdiction_name, t.target_value, t.extra.get("holder_no", 0)) for t in extract_story("", body, PUB)[1]]


@pytest.mark.parametrize("text", ["南京市和苏州市元宇宙产业规模以年均增长15%的速度达到800亿元。",
                                  "南京市和苏州市力争到2026年元宇宙产业规模平均达到800亿元。"])
def test_an_average_or_yearly_rate_shares_no_figure(text):
    assert holders(text) == [("Nanjing", 800e8, 0)]


def test_a_deadline_year_before_each_still_shares_the_figure():
    assert holders("南京市和苏州市产业规模到2026年均突破800亿元。") == [("Nanjing", 800e8, 0), ("Suzhou", 800e8, 1)]


def test_respective_figures_stop_at_their_clause():
    got = holders("到2026年，南京市和苏州市元宇宙产业规模分别达到900亿元和700亿元，合计达到1600亿元。")
    assert ("Suzhou", 700e8, 0) in got and ("Nanjing", 700e8, 0) not in got


def test_respectively_with_one_figure_in_its_clause_shares_it_and_not_a_later_one():
    assert holders("南京市和苏州市分别设立20亿元元宇宙基金，并培育80家元宇宙企业。") == [
        ("Nanjing", 20e8, 0), ("Suzhou", 20e8, 1), ("Nanjing", 80, 0)]


def test_respective_figures_that_cannot_be_paired_with_the_places_give_no_row():
    assert holders("南京市、苏州市和无锡市分别设立60亿元和40亿元元宇宙基金。") == []


def test_respective_counts_listed_before_their_noun_pair_with_the_places():
    assert holders("南京市、苏州市和无锡市分别培育120家、60家和30家元宇宙企业。") == [
        ("Nanjing", 120, 0), ("Suzhou", 60, 0), ("Wuxi", 30, 0)]


def test_respective_counts_listed_after_their_noun_pair_with_the_places():
    assert holders("南京市和苏州市分别培育企业120家、60家。") == [("Nanjing", 120, 0), ("Suzhou", 60, 0)]


def test_counts_of_other_classifiers_are_no_list():
    assert holders("南京市计划建设3个、培育60家元宇宙企业。") == [("Nanjing", 60, 0)]


def test_sums_listed_before_their_noun_all_take_it():
    got = [(t.jurisdiction_name, t.metric) for t in extract_story("", "南京市、苏州市和无锡市分别设立90亿元、60亿元和30亿元元宇宙基金。", PUB)[1]]
    assert got == [("Nanjing", "fund_size"), ("Suzhou", "fund_size"), ("Wuxi", "fund_size")]


@pytest.mark.parametrize("text", ["南京市和苏州市签署协议，双方合作的三个项目总投资均达到12亿元。",
                                  "南京市和苏州市的多家企业均计划投资12亿元建设元宇宙项目。"])
def test_each_of_other_things_named_after_the_places_shares_nothing(text):
    assert [(h[0], h[1]) for h in holders(text)] == [("Nanjing", 12e8)]


def test_the_two_cities_named_again_still_share():
    assert [h[0] for h in holders("南京市和苏州市两市均计划设立12亿元元宇宙基金。")] == ["Nanjing", "Suzhou"]
