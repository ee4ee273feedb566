"""World places: parents with their usual English names and the right first-level region (dim_jurisdiction), names written with accents."""
import pytest

from pipelines.extract.gazetteer import jurisdiction_rows, load_gazetteer
from pipelines.extract.jurisdictions import find_jurisdictions


@pytest.mark.parametrize("name,chain", [
    ("Riyadh", [("Riyadh", "city"), ("Riyadh Province", "province"), ("Saudi Arabia", "country")]),
    ("Iztapalapa", [("Iztapalapa", "city"), ("Mexico City", "city"), ("Mexico", "country")]),
    ("Kuala Lumpur", [("Kuala Lumpur", "city"), ("Malaysia", "country")]),
    ("Lisbon", [("Lisbon", "city"), ("Lisbon District", "province"), ("Portugal", "country")]),
    ("Cuernavaca", [("Cuernavaca", "city"), ("Morelos", "state"), ("Mexico", "country")]),
])
def test_english_parent_chain(name, chain):
    assert [(r["jurisdiction_name"], r["level"]) for r in jurisdiction_rows([name])] == chain


def test_a_city_of_the_state_of_mexico_is_not_in_morelos():
    names = [r["jurisdiction_name"] for r in jurisdiction_rows(["Ecatepec de Morelos"])]
    assert "Morelos" not in names and names[-1] == "Mexico"


def test_the_local_name_is_an_alias_of_the_english_one():
    assert load_gazetteer().lookup("Ciudad de Mexico").name == "Mexico City"
    assert load_gazetteer().lookup("Ar Riyad").name == "Riyadh Province"


@pytest.mark.parametrize("text,name,surface", [
    ("São Paulo will fund a tokenization pilot.", "Sao Paulo", "São Paulo"),
    ("Türkiye will issue a digital lira.", "Turkey", "Türkiye"),
    ("Bogotá opened a blockchain lab.", "Bogota", "Bogotá"),
])
def test_accented_names_are_found_with_their_offsets(text, name, surface):
    (m,) = find_jurisdictions(text)
    assert (m.entity_name, m.surface_text, text[m.char_start:m.char_end]) == (name, surface, surface)


def test_an_accent_does_not_make_a_common_word_a_place():
    assert find_jurisdictions("The café opened a résumé desk.") == []


@pytest.mark.parametrize("text,name", [
    ("Istanbul will host a Web3 summit next spring.", "Istanbul"),
    ("Berlin will fund two blockchain labs.", "Berlin"),
    ("Auckland plans a digital twin of its port.", "Auckland"),
])
def test_a_region_named_after_its_big_city_is_read_alone(text, name):
    assert [m.entity_name for m in find_jurisdictions(text)] == [name]


def test_a_small_region_still_needs_evidence():
    assert find_jurisdictions("Phuket visitors rose.") == []


@pytest.mark.parametrize("text,name,iso", [
    ("Bali plans a metaverse island for tourists.", "Bali", "ID-BA"),
    ("West Java will build a national data centre.", "West Java", "ID-JB"),
    ("The canton of Geneva will back a blockchain foundation.", "Geneva", "CH-GE"),
    ("Catalonia will fund a Web3 incubator in Barcelona.", "Catalonia", "ES-CT"),
])
def test_first_level_regions_by_their_english_names(text, name, iso):
    found = {m.entity_name for m in find_jurisdictions(text)}
    assert name in found and load_gazetteer().places[name].iso_code == iso


def test_indonesia_s_island_groupings_are_no_provinces():
    assert load_gazetteer().lookup("Sumatera") is None and load_gazetteer().lookup("Nusa Tenggara") is None


def test_a_capitalised_province_of_is_a_place_cue():
    assert [m.entity_name for m in find_jurisdictions("The Province of Ontario will fund the pilot.")] == ["Ontario"]
    assert [m.entity_name for m in find_jurisdictions("The canton of Zug will fund the pilot.")] == ["Zug"]


def test_a_local_currency_vouches_for_a_region_of_its_country():
    from pipelines.extract.story import extract_story
    mentions, targets = extract_story(None, "Ontario will invest C$50 million in a Web3 accelerator over four years.")
    assert [m.entity_name for m in mentions] == ["Ontario"]
    assert [(t.jurisdiction_name, t.unit) for t in targets] == [("Ontario", "CAD")]


def test_a_us_dollar_vouches_for_no_region():
    from pipelines.extract.story import extract_story
    mentions, _ = extract_story(None, "Ontario will invest $50 million in a Web3 accelerator.")
    assert mentions == []


def test_a_capital_that_is_also_a_first_name_needs_place_context():
    assert find_jurisdictions("Sofia Kondrat wrote the report.") == []
    assert [m.entity_name for m in find_jurisdictions("The summit will be held in Sofia next year.")] == ["Sofia"]


@pytest.mark.parametrize("text,expected", [
    ("Texas Governor Greg Abbott signed the reserve bill.", ["Texas"]),
    ("Busan Mayor Park Heong-joon opened the exchange.", ["Busan"]),
    ("Kerala Finance Minister Anil Varma presented the budget.", ["Kerala"]),
    ("Texas Instruments reported results.", []),  # a name, not the state
])
def test_a_title_after_a_place_names_its_office(text, expected):
    assert [m.entity_name for m in find_jurisdictions(text)] == expected
