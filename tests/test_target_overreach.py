"""Rules that keep junk out (moves and harms, a company named by its kind, the writer's 'I', forecasters, superlatives)
must not drop a government's goal written in the same shape: invented sentences, what must and must not come out."""
import pytest

from tests.test_target_shapes import targets  # (owner, metric, value, unit, year) of a body published 2024-03-01


@pytest.mark.parametrize("text,expected", [
    ("After output fell 8% in 2023, Foshan plans to grow the sector to 40 billion yuan by 2026.",
     [("Foshan", "industry_size", 40e9, "CNY", 2026)]),
    ("Lagos will spend $30 million to shield public systems from cyberattacks.", [("Lagos", "investment", 30e6, "USD", None)]),
    ("Penang aims to train 8,000 security experts, ethical hackers among them, by 2027.",
     [("Penang", "talent", 8000, "count", 2027)]),
    ("Tianjin's blockchain sector reached 30 billion yuan in 2023 and the city aims for 60 billion yuan by 2026.",
     [("Tianjin", "industry_size", 60e9, "CNY", 2026)]),
])
def test_a_move_or_harm_word_before_a_commitment_keeps_the_goal(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "Kerala's net premiums reached $2 billion.",
    "Revenue in Ohio declined to $3 billion last year.",
    "Ohio's regulator reported cyberattacks on three local firms in 2022, targeting their payment systems.",
    "Shenzhen's output, which the government aims to double, fell 5% to 50 billion yuan in 2023.",
])
def test_a_move_or_harm_with_no_commitment_before_the_figure_is_no_target(text):
    assert targets(text) == []


@pytest.mark.parametrize("text,expected", [
    ("The Bank of Korea will spend 7 billion won on a digital currency test.", [("South Korea", "investment", 7e9, "KRW", None)]),
    ("The central bank plans to put 8 billion rupees into a digital rupee trial, India's finance ministry said.",
     [("India", "investment", 8e9, "INR", None)]),
    ("The exchange will be backed by a 3 billion yuan fund set up by the Fujian provincial government.",
     [("Fujian", "fund_size", 3e9, "CNY", None)]),
])
def test_a_public_bank_or_a_fund_a_government_set_up_is_no_company_plan(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "The group will invest 4 billion yuan in the project, the Wuxi government said.",
    "The group of local banks will invest another 4 billion yuan in Wuxi by 2026.",
    "The company will invest 1 billion yuan in the fund, backed by the Wuxi government.",
])
def test_a_company_named_by_its_kind_keeps_its_own_plan(text):
    assert targets(text) == []


@pytest.mark.parametrize("text,expected", [
    ("\"I can announce that Qatar will invest $500 million in blockchain start-ups,\" the minister said.",
     [("Qatar", "investment", 500e6, "USD", None)]),
    ("Mayor Kim said: \"I will make Busan a Web3 hub by investing 30 billion won by 2026.\"",
     [("Busan", "investment", 30e9, "KRW", 2026)]),
])
def test_an_official_quoted_in_the_first_person_states_a_target(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "\"I think Taiwan will host 300 Web3 companies by 2027,\" the analyst said.",
    "I would put $200k into index funds if I lived in Texas.",
    "\"I will invest $5 million in Dubai startups,\" the founder said.",
])
def test_an_opinion_in_quotes_or_a_person_s_money_is_no_target(text):
    assert targets(text) == []


@pytest.mark.parametrize("text", [
    "Winners of Gwangju's hackathon will share a prize pool of 200 million won.",
    "Osaka will give 20 million yen to the winning team.",
])
def test_a_prize_above_the_small_currency_floor_is_no_target(text):
    assert targets(text) == []


@pytest.mark.parametrize("text,expected", [
    ("武汉市将建设需求预测、智能调度等场景，到2026年数字经济规模达到3000亿元。", [("Wuhan", "industry_size", 300e9, "CNY", 2026)]),
    ("南昌市邀请咨询公司编制方案，到2025年建成5个元宇宙产业园。", [("Nanchang", "industrial_parks", 5, "count", 2025)]),
    ("合肥市将依托大数据测算中心，到2025年培育元宇宙企业80家。", [("Hefei", "companies", 80, "count", 2025)]),
])
def test_a_forecast_word_inside_the_plan_names_no_forecaster(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "据某智库测算，到2026年郑州元宇宙产业规模将达到900亿元。",
    "某咨询公司预计，到2027年全国元宇宙市场规模将达到2万亿元。",
    "经测算，2026年长沙元宇宙产业规模将达到500亿元。",
])
def test_a_forecaster_named_as_a_source_still_holds_the_figure(text):
    assert targets(text) == []


def test_a_superlative_inside_a_hyphenated_adjective_keeps_the_count():
    assert targets("Suzhou aims to cultivate 60 best-in-class metaverse startups by 2026.") == [
        ("Suzhou", "companies", 60, "count", 2026)]
