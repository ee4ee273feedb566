"""Target extraction tests on sentences written for the project: what must and must not come out."""
from datetime import datetime

import pytest

from pipelines.extract.targets import extract_targets

PUB = datetime(2024, 3, 1)

TARGET_CASES = [
    # text, (jurisdiction, metric, value, unit, usd, usd_is_stated, year)
    ("Hubei aims to grow its drone industry to 80 billion yuan ($11.2 billion) by 2027.",
     ("Hubei", "industry_size", 80e9, "CNY", 11.2e9, True, 2027)),
    ("Anhui has set a CNY60bn goal for its robotics sector by the end of 2026.",
     ("Anhui", "industry_size", 60e9, "CNY", None, False, 2026)),
    ("The city of Chengdu will set up a RMB 5 billion ($700 million) fund for chip start-ups.",
     ("Chengdu", "fund_size", 5e9, "CNY", 700e6, True, None)),
    ("Macau plans to set aside HK$30 million (US$3.8 million) for training.",
     ("Macau", "investment", 30e6, "HKD", 3.8e6, True, None)),
    ("Incheon will spend 1.2 trillion won on smart port projects through 2028.",
     ("Incheon", "investment", 1.2e12, "KRW", None, False, 2028)),
    ("Japan will commit ¥2 trillion to quantum research by fiscal 2029.",
     ("Japan", "investment", 2e12, "JPY", None, False, 2029)),
    ("Abu Dhabi expects the sector to add AED 7.3 billion ($2 billion) to its economy output.",
     ("Abu Dhabi", "industry_size", 7.3e9, "AED", 2e9, True, None)),
    ("Shaanxi wants to attract at least 300 companies to its new zone by 2026.",
     ("Shaanxi", "companies", 300, "count", None, False, 2026)),
    ("Guizhou also plans to train 20,000 data professionals within five years.",
     ("Guizhou", "talent", 20000, "count", None, False, None)),
    ("Hainan intends to build 12 research centers and six pilot industrial parks under its 2023-2025 plan.",
     ("Hainan", "research_centers", 12, "count", None, False, 2025)),
]


def _tuple(t):
    return (t.jurisdiction_name, t.metric, t.target_value, t.unit,
            t.target_value_usd if t.usd_is_stated else None, t.usd_is_stated, t.target_year)


@pytest.mark.parametrize("text,expected", TARGET_CASES, ids=[c[0][:40] for c in TARGET_CASES])
def test_target_found(text, expected):
    got = [_tuple(t) for t in extract_targets(text, PUB, [])]
    assert any(g[:4] == expected[:4] and g[4:] == expected[4:] for g in got), got


NOT_TARGET_CASES = [
    "The regulator fined the exchange 3 million yuan for lapses in Hubei.",
    "The lender agreed to a $45 million settlement with investors in the United States.",
    "Analysts forecast the Korean market could reach $9 billion by 2030.",
    "Issuers in Hong Kong need at least HK$25 million in paid-up share capital.",
    "The startup raised $40 million in a Series B round led by investors in Singapore.",
    "Trading volume in Seoul slumped to 2 trillion won last week.",
    "The site now has 300,000 readers across Vietnam.",
    "The tax is projected to bring in 500 billion won in tax revenue for South Korea.",
]


@pytest.mark.parametrize("text", NOT_TARGET_CASES, ids=[c[:40] for c in NOT_TARGET_CASES])
def test_not_a_target(text):
    assert extract_targets(text, PUB, []) == []


def test_owner_resolves_the_city():
    body = ("Wuxi has published a plan for its chip sector.\n\n"
            "The city also intends to set up a 3 billion yuan fund for design firms.")
    (t,) = extract_targets(body, PUB, [])
    assert (t.jurisdiction_name, t.metric) == ("Wuxi", "fund_size")
    assert body[t.char_start:t.char_end] == t.evidence


def test_yen_symbol_in_japan_context():
    (t,) = extract_targets("Japan plans to spend ¥3 trillion on chips by 2030, the yen budget shows.", PUB, [])
    assert t.unit == "JPY"


def test_converted_usd_is_flagged():
    (t,) = extract_targets("Fujian aims for a 70 billion yuan digital industry by 2027.", PUB, [])
    assert t.usd_is_stated is False and 9e9 < t.target_value_usd < 10.5e9
