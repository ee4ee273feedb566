"""A body that names no place ('The province will ...', '全市将…') takes the headline's place as the owner of its
targets; a body naming its own place keeps it. Invented headlines and sentences."""
from datetime import datetime

import pytest

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def owners(title, body):
    return [(t.jurisdiction_name, t.metric, t.target_value) for t in extract_story(title, body, PUB)[1]]


@pytest.mark.parametrize("title,body,expected", [
    ("Shanxi releases metaverse action plan", "The province will set up an 8 billion yuan metaverse fund by 2026.",
     [("Shanxi", "fund_size", 8e9)]),
    ("Officials in Kunming target VR industry", "Officials said 4 billion yuan would be spent on VR infrastructure by 2025.",
     [("Kunming", "investment", 4e9)]),
    ("烟台市印发元宇宙产业发展行动方案", "全市将设立20亿元元宇宙产业基金，到2025年引育元宇宙企业60家。",
     [("Yantai", "fund_size", 2e9), ("Yantai", "companies", 60)]),
])
def test_a_body_naming_no_place_takes_the_headline_s_place(title, body, expected):
    assert owners(title, body) == expected


def test_a_body_naming_its_own_place_keeps_it_over_the_headline_s():
    assert owners("Shanxi and Henan race for metaverse firms", "Henan will set up a 6 billion yuan metaverse fund.") == [
        ("Henan", "fund_size", 6e9)]


def test_a_headline_place_gives_no_owner_to_a_company_s_figure():
    assert owners("Shanxi startup raises funds", "The startup raised $20 million in a Series A round.") == []


def test_a_headline_naming_a_city_only_as_where_does_not_take_the_states_story():
    body = ("Governor Ann Lee today announced $90 million in new state funding for the AI computing center at the "
            "University at Buffalo.\n\nNew York State aims to train 10,000 workers in AI skills by 2027, and New York "
            "will offer grants to start-ups that use the center.")
    targets = extract_story("Governor announces $90 million for AI computing in Buffalo", body, datetime(2025, 1, 15))[1]
    assert ("New York", 9e7) in [(t.jurisdiction_name, t.target_value) for t in targets]
    assert ("Buffalo", 9e7) not in [(t.jurisdiction_name, t.target_value) for t in targets]
