"""Places outside China that news on digital-economy plans names: states, Länder and regions under their usual English
names, cities under their state, regional capitals below the population floor, 'Lagos State', and the words around a
place that make it another country's town."""
import pytest

from pipelines.extract.gazetteer import jurisdiction_rows, load_gazetteer
from pipelines.extract.jurisdictions import find_jurisdictions


@pytest.mark.parametrize("name,chain", [
    ("Munich", ["Munich", "Bavaria", "Germany"]),
    ("Cologne", ["Cologne", "North Rhine-Westphalia", "Germany"]),
    ("Noida", ["Noida", "Uttar Pradesh", "India"]),
    ("Chennai", ["Chennai", "Tamil Nadu", "India"]),
    ("Dammam", ["Dammam", "Eastern Province", "Saudi Arabia"]),
    ("Edinburgh", ["Edinburgh", "Scotland", "United Kingdom"]),
    ("Grenoble", ["Grenoble", "Auvergne-Rhone-Alpes", "France"]),
    ("Kuching", ["Kuching", "Sarawak", "Malaysia"]),
    ("Abeokuta", ["Abeokuta", "Ogun", "Nigeria"]),
])
def test_a_city_lies_in_its_state_or_region(name, chain):
    assert [r["jurisdiction_name"] for r in jurisdiction_rows([name])] == chain


@pytest.mark.parametrize("alias,name", [
    ("Nordrhein-Westfalen", "North Rhine-Westphalia"), ("NRW", "North Rhine-Westphalia"), ("Köln", "Cologne"),
    ("Frankfurt am Main", "Frankfurt"), ("Trivandrum", "Thiruvananthapuram"), ("Kalimantan Barat", "West Kalimantan"),
    ("Eastern Province", "Eastern Province"),
])
def test_usual_english_names(alias, name):
    assert load_gazetteer().lookup(alias).name == name


def test_a_region_word_name_is_kept_only_where_curated():
    assert load_gazetteer().lookup("Eastern") is None
    assert load_gazetteer().lookup("Eastern Province").country_code == "SA"


@pytest.mark.parametrize("text,expected", [
    ("Lagos State will set up a fund.", [("Lagos", "Lagos State")]),
    ("Ogun State is building a park in Abeokuta.", [("Ogun", "Ogun State"), ("Abeokuta", "Abeokuta")]),
    ("Students at Ohio State use the portal.", []),  # a university
    ("It was backed by the director of the Texas State Building Trades, a coalition of unions.", []),  # a union
    ("Lagos State University opened a lab.", []),
])
def test_capital_state_after_a_name(text, expected):
    assert [(m.entity_name, m.surface_text) for m in find_jurisdictions(text)] == expected


def test_a_place_of_another_country_after_the_comma_is_no_evidence():
    assert [m.entity_name for m in find_jurisdictions("Tamr is headquartered in Cambridge, Massachusetts.")] == ["Massachusetts"]
    assert "Atlanta" in [m.entity_name for m in find_jurisdictions("Chargers were installed in Atlanta, Georgia.")]


def test_us_dollar_written_with_a_space_names_no_country():
    assert find_jurisdictions("a 2 billion peso (US $110 million) fund") == []
    assert [m.entity_name for m in find_jurisdictions("The US $ index fell.")] == ["United States"]


def test_a_city_under_its_usual_english_name_is_read_alone():
    names = [m.entity_name for m in find_jurisdictions("Paris competes with London and Frankfurt for crypto firms.")]
    assert names == ["Paris", "London", "Frankfurt"]


@pytest.mark.parametrize("text,expected", [
    ("Victoria's government has committed funds to a hub in Melbourne.", ["Victoria", "Melbourne"]),
    ("Victoria's secret is out.", []),
    ("Miami-Dade County commissioners approved a fund.", ["Miami-Dade"]),
    ("a digital park in Chonburi province", ["Chon Buri"]),
])
def test_more_world_places(text, expected):
    assert [m.entity_name for m in find_jurisdictions(text)] == expected


def test_a_korean_city_without_its_suffix_and_a_possessive_before_district():
    assert [m.entity_name for m in find_jurisdictions("a blockchain complex in Seongnam, South Korea")] == \
        ["Seongnam-si", "South Korea"]
    assert [m.entity_name for m in find_jurisdictions("Bogota's district government will invest.")] == ["Bogota"]


def test_us_cities_below_the_floor_that_news_names():
    assert [m.entity_name for m in find_jurisdictions("a computing center in Buffalo and a lab in Pittsburgh")] == \
        ["Buffalo", "Pittsburgh"]
