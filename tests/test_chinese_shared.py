"""Figures a Chinese sentence states for several places at once (chinese_shared.py): when a distributive word
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
