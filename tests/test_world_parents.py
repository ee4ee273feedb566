"""Parents of world cities carry their usual English names and the right first-level region (dim_jurisdiction)."""
import pytest

from pipelines.extract.gazetteer import jurisdiction_rows, load_gazetteer


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
