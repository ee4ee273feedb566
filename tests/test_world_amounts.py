"""Amounts as papers outside China write them: 'BD50 million', 'N10 billion', '2 billion peso (US $110 million)',
'Rs 1 lakh crore', a grant per unit, and people to train named by their country's adjective."""
import pytest

from pipelines.extract.story import extract_story


def _targets(body, title="x"):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_value_usd) for t in extract_story(title, body)[1]]


@pytest.mark.parametrize("body,expected", [
    ("The Central Bank of Bahrain has set aside BD50 million ($133 million) for a fintech fund.",
     ("Bahrain", 50e6, "BHD", 133e6)),
    ("The Lagos State Government will set up a N10 billion ($6.2 million) fund for startups.",
     ("Lagos", 10e9, "NGN", 6.2e6)),
    ("Nuevo León will set up a 2 billion peso (US $110 million) fund, Mexico's president said.",
     ("Nuevo Leon", 2e9, "MXN", 110e6)),
    ("Maharashtra released a policy with a target of Rs 1 lakh crore in IT investment.",
     ("Maharashtra", 1e12, "INR", None)),
])
def test_local_amounts(body, expected):
    (got,) = _targets(body)
    assert (got[0], got[2], got[3]) == expected[:3]
    assert expected[3] is None or got[4] == expected[3]


def test_a_lone_n_outside_a_nigerian_story_is_no_naira():
    assert _targets("The Ohio fund will invest N10 billion in startups.") == []


def test_a_grant_per_unit_is_no_target():
    assert _targets("Odisha will offer a Rs 2 crore grant per data centre.") == []
    assert _targets("Odisha will set up a Rs 200 crore fund for data centres.")[0][2] == 2e9


@pytest.mark.parametrize("body,value", [
    ("Saudi Arabia will train 100,000 young Saudis in digital skills by 2028.", 100000),
    ("Sharjah aims to train 5,000 Emiratis in AI skills by 2027.", 5000),
    ("Nuevo León plans to train 50,000 technicians over the next six years.", 50000),
])
def test_people_to_train(body, value):
    assert [(t[1], t[2]) for t in _targets(body)] == [("talent", value)]


def test_a_country_plural_counts_only_after_a_training_verb():
    assert _targets("Saudi Arabia is home to 30 million Saudis.") == []


@pytest.mark.parametrize("body,expected", [
    ("The Cebu City government will set up a P500-million blockchain hub.", ("Cebu City", 500e6, "PHP")),
    ("Morocco's strategy sets aside 11 billion dirhams for digital infrastructure, the ministry in Rabat said.",
     ("Morocco", 11e9, "MAD")),
    ("Abu Dhabi will invest 1 billion dirhams in AI start-ups.", ("Abu Dhabi", 1e9, "AED")),
    ("Kazakhstan plans to invest 50 billion tenge in Astana Hub.", ("Kazakhstan", 50e9, "KZT")),
    ("Bangladesh plans to spend Tk 500 crore on a hi-tech park in Dhaka.", ("Bangladesh", 5e9, "BDT")),
    ("Ghana will spend GH¢500 million to train coders in Accra.", ("Ghana", 500e6, "GHS")),
    ("Rwanda's government has committed Frw 20 billion to Kigali Innovation City.", ("Rwanda", 20e9, "RWF")),
])
def test_pesos_dirhams_tenge_taka_cedis_and_rwandan_francs(body, expected):
    (got,) = _targets(body)
    assert (got[0], got[2], got[3]) == expected


def test_grants_of_up_to_a_sum_are_per_unit():
    body = "Miami-Dade County approved $15 million for a fund that will offer grants of up to $250,000 to start-ups."
    assert [(t[0], t[2]) for t in _targets(body)] == [("Miami-Dade", 15e6)]


@pytest.mark.parametrize("body,year", [
    ("Kerala plans a Rs 250 crore fund for startups in its 2025-26 budget.", 2026),
    ("Gauteng has budgeted R1.2 billion for broadband in the 2025/26 financial year, South Africa said.", 2026),
    ("Gujarat plans to train 20,000 professionals in blockchain by FY27.", 2027),
])
def test_a_short_fiscal_year_is_its_end_year(body, year):
    assert [t.target_year for t in extract_story("x", body)[1]] == [year]


def test_a_shared_sign_takes_the_owner_country_currency():
    body = ("Bogota will invest 200 billion pesos in a district, Colombia's capital said. Medellin, Colombia's second "
            "city, agreed. The city of Buenos Aires will spend 10 billion pesos on a land registry.")
    assert [(t[0], t[3]) for t in _targets(body)] == [("Bogota", "COP"), ("Buenos Aires", "ARS")]


def test_what_a_fund_had_backed_is_no_goal():
    body = "Nigeria's Lagos State said its innovation fund had backed 250 start-ups since 2021."
    assert [t for t in _targets(body) if t[3] == "count"] == []
