"""Targets in English news about initiatives outside China: currencies, owners and forecasts (invented sentences)."""
from datetime import datetime

import pytest

from pipelines.extract.targets import extract_targets

PUB = datetime(2024, 6, 1)

CURRENCY_CASES = [
    # text, (owner, value, unit)
    ("Saudi Arabia will set up a SAR 5 billion fund for gaming start-ups by 2030.", ("Saudi Arabia", 5e9, "SAR")),
    ("Brazil plans to invest R$ 200 million in its digital currency pilot by 2025.", ("Brazil", 200e6, "BRL")),
    ("Turkey will set up a 5 billion lira fund for metaverse start-ups by 2026.", ("Turkey", 5e9, "TRY")),
    ("Indonesia plans to invest Rp 1 trillion in a national metaverse platform by 2026.", ("Indonesia", 1e12, "IDR")),
    ("Malaysia will invest RM100mil in a blockchain sandbox by 2025.", ("Malaysia", 100e6, "MYR")),
    ("The Philippines will invest ₱5 billion in blockchain for land records by 2027.", ("Philippines", 5e9, "PHP")),
    ("Qatar plans to invest QAR 9 billion in digital projects by 2030.", ("Qatar", 9e9, "QAR")),
    ("Nigeria will invest ₦10 billion in blockchain adoption by 2026.", ("Nigeria", 10e9, "NGN")),
    ("Israel will invest NIS 500 million in quantum computing by 2027.", ("Israel", 500e6, "ILS")),
    ("New Zealand will commit NZ$20 million to a digital technology plan by 2026.", ("New Zealand", 20e6, "NZD")),
    ("Egypt plans to invest EGP 1 billion in data centres by 2026.", ("Egypt", 1e9, "EGP")),
]


@pytest.mark.parametrize("text,expected", CURRENCY_CASES, ids=[c[1][2] for c in CURRENCY_CASES])
def test_local_currency_amount(text, expected):
    (t,) = extract_targets(text, PUB, [])
    assert (t.jurisdiction_name, t.target_value, t.unit) == expected
    assert t.usd_is_stated is False and t.target_value_usd is not None and 0 < t.target_value_usd < t.target_value


def test_currency_letters_without_a_figure_are_no_amount():
    text = "Qatar plans to roll out QR codes and TL price tags at 2025 government offices by 2026."
    assert [t.unit for t in extract_targets(text, PUB, [])] == []


RUPEE_CASES = [
    ("Pakistan will set up a Rs 1 billion crypto fund, the finance ministry said.", ("Pakistan", 1e9, "PKR")),
    ("Sri Lanka plans to spend Rs 2 billion on a blockchain land registry by 2026.", ("Sri Lanka", 2e9, "LKR")),
    ("The Government of India has approved Rs 500 crore for a national blockchain framework.", ("India", 5e9, "INR")),
    ("Kerala will invest 300 crore rupees in a Web3 park by 2027.", ("Kerala", 3e9, "INR")),
]


@pytest.mark.parametrize("text,expected", RUPEE_CASES, ids=[c[1][2] for c in RUPEE_CASES])
def test_rupee_sign_takes_the_story_country(text, expected):
    got = [(t.jurisdiction_name, t.target_value, t.unit) for t in extract_targets(text, PUB, [])]
    assert got == [expected]  # never India's INR for a Pakistani or Sri Lankan amount


FORECAST_CASES = [
    "The global metaverse market will reach $800 billion by 2030, according to Bloomberg Intelligence.",
    "Dubai's Web3 sector will be worth AED 15 billion by 2030, according to Oxford Economics.",
    "The worldwide metaverse market is set to top $1 trillion by 2031, Seoul officials noted.",
]


@pytest.mark.parametrize("text", FORECAST_CASES, ids=[c[:30] for c in FORECAST_CASES])
def test_market_forecast_is_no_target(text):
    assert extract_targets(text, PUB, []) == []


def test_a_plan_named_after_intelligence_still_sets_targets():
    text = "According to the Artificial Intelligence Action Plan, Seoul will invest 50 billion won by 2026."
    got = [(t.jurisdiction_name, t.target_value, t.unit) for t in extract_targets(text, PUB, [])]
    assert got == [("Seoul", 50e9, "KRW")]


def test_a_country_adjective_before_government_names_the_owner():
    body = ("Tokyo hosted a blockchain week.\n\n"
            "The Japanese government plans to spend 100 billion yen on metaverse research by 2027.")
    got = [(t.jurisdiction_name, t.target_value) for t in extract_targets(body, PUB, [])]
    assert got == [("Japan", 100e9)]  # not Tokyo, the place named before


def test_a_country_adjective_before_firms_names_no_owner():
    body = ("Seoul hosted a blockchain week.\n\n"
            "Seoul will help Japanese firms build a 20 billion won metaverse campus by 2026.")
    got = [(t.jurisdiction_name, t.target_value) for t in extract_targets(body, PUB, [])]
    assert got == [("Seoul", 20e9)]


@pytest.mark.parametrize("text,value", [
    ("Wyoming will set up a $5M fund for blockchain start-ups by 2025.", 5e6),
    ("Texas plans a $2B bitcoin reserve by 2026.", 2e9),
    ("Dubai aims to add USD 4 Billion to its economy through the metaverse by 2030.", 4e9),
])
def test_scale_written_in_capitals(text, value):
    assert [t.target_value for t in extract_targets(text, PUB, [])] == [value]  # never 5, 2 or 4 dollars


def test_capital_letters_after_a_figure_that_are_no_scale():
    text = "Texas will spend $500,000 MWh-based credits on a pilot by 2026."
    assert [t.target_value for t in extract_targets(text, PUB, [])] == [500000.0]  # not 500 billion


@pytest.mark.parametrize("text,metric", [
    ("South Korea will spend 3 trillion won on the chip sector by 2030.", "investment"),
    ("Malaysia will allocate RM 100 million for its digital economy blueprint by 2025.", "investment"),
    ("Riyadh will invest SAR 2 billion ($533 million) in its gaming industry by 2030.", "investment"),
    # the size an industry is to reach stays industry size, a fund stays a fund
    ("Dubai wants its Web3 industry to reach AED 15 billion by 2030.", "industry_size"),
    ("Abu Dhabi will invest in a $2 billion fund for the digital economy.", "fund_size"),
])
def test_money_spent_on_a_sector_is_investment(text, metric):
    assert [t.metric for t in extract_targets(text, PUB, [])] == [metric]


@pytest.mark.parametrize("text,expected", [
    ("Telangana plans to train 5 lakh youths in emerging technologies by 2025.", ("Telangana", "talent", 5e5)),
    ("Kenya will train 1 million youths in digital skills by 2027.", ("Kenya", "talent", 1e6)),
    ("Kerala aims to create 2 lakh jobs in its Web3 parks by 2026.", ("Kerala", "other", 2e5)),
])
def test_people_to_train_in_lakh_and_youths(text, expected):
    assert [(t.jurisdiction_name, t.metric, t.target_value) for t in extract_targets(text, PUB, [])] == [expected]


def test_youths_who_came_are_no_target():
    assert extract_targets("Over 3 lakh youths attended the job fair in Kerala last year.", PUB, []) == []


@pytest.mark.parametrize("text,expected", [
    ("Turkey's central bank will invest 2 billion Turkish lira in the digital lira project by 2026.", ("Turkey", 2e9, "TRY")),
    ("Egypt plans to invest 5 billion Egyptian pounds in data centres by 2026.", ("Egypt", 5e9, "EGP")),
    ("Japan will spend 3 trillion Japanese yen on chip plants by 2030.", ("Japan", 3e12, "JPY")),
])
def test_currency_named_with_its_country_adjective(text, expected):
    got = [(t.jurisdiction_name, t.target_value, t.unit) for t in extract_targets(text, PUB, [])]
    assert got == [expected]  # never pounds sterling for Egyptian pounds


@pytest.mark.parametrize("text,expected", [
    ("Mexico City will invest 500 million pesos in a smart city project by 2026.", [("Mexico City", 500e6, "MXN")]),
    ("Manila will spend 2 billion pesos on a blockchain land registry by 2026.", [("Manila", 2e9, "PHP")]),
    ("South Africa will invest R500 million in blockchain projects by 2026.", [("South Africa", 500e6, "ZAR")]),
    # no peso or rand country named: nobody can tell the currency, no amount
    ("The city will invest 500 million pesos in a metaverse project by 2026.", []),
    ("The lab will invest R500 million in new models by 2026.", []),
])
def test_pesos_and_rand_need_their_country(text, expected):
    assert [(t.jurisdiction_name, t.target_value, t.unit) for t in extract_targets(text, PUB, [])] == expected


def _story_targets(text):
    from pipelines.extract.story import extract_story
    return [(t.jurisdiction_name, t.target_value) for t in extract_story(None, text, PUB)[1]]


def test_a_company_s_own_plan_is_no_target():
    assert _story_targets("Crypto exchange Binance will invest $100 million in a Dubai hub by 2026.") == []
    assert _story_targets("Dubai-based Binance will invest $100 million in a new hub by 2026.") == []


@pytest.mark.parametrize("text,expected", [
    ("Hong Kong's Cyberport will invest HK$50 million in Web3 start-ups.", [("Hong Kong", 50e6)]),
    ("Tencent and Shenzhen will set up a 1 billion yuan fund.", [("Shenzhen", 1e9)]),
    ("Binance said Busan will set up a 100 billion won fund by 2026.", [("Busan", 100e9)]),
])
def test_a_place_in_the_clause_keeps_the_target(text, expected):
    assert _story_targets(text) == expected
