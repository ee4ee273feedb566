"""Organization names of government bodies abroad (invented sentences): the whole name, as an organization."""
import pytest

from pipelines.extract.companies import find_organizations


def _kinds(text: str) -> set[tuple[str, str]]:
    return {(m.entity_type, m.entity_name) for m in find_organizations(text)}


@pytest.mark.parametrize("text,name", [
    ("Nigeria's Ministry of Communications said the plan would start in May.", "Ministry of Communications"),
    ("The Department of Finance of Oman will fund the pilot.", "Department of Finance of Oman"),
    ("Researchers at the University of Lagos built the prototype.", "University of Lagos"),
    ("The Institute for Digital Economy published the roadmap.", "Institute for Digital Economy"),
])
def test_body_named_by_its_head_before_of(text, name):
    found = _kinds(text)
    assert ("organization", name) in found
    assert not any(kind == "company" for kind, _ in found)


def test_a_plan_for_something_is_no_organization():
    assert _kinds("Oman's Plan for Digital Finance was approved.") == set()


@pytest.mark.parametrize("text,name", [
    ("The European Commission unveiled its Web 4.0 strategy on Tuesday.", "European Commission"),
    ("Korea's National Assembly passed the virtual asset bill.", "National Assembly"),
])
def test_an_adjective_that_is_the_name_stays(text, name):
    assert ("organization", name) in _kinds(text)


def test_a_bare_head_after_the_is_no_name():
    assert _kinds("The Commission said the rules would follow. Global Service resumed.") == set()


@pytest.mark.parametrize("text,name", [
    ("Japan's Ministry of Economy, Trade and Industry said the rules would change.", "Ministry of Economy, Trade and Industry"),
    ("HM Treasury will commit £100m to a digital gilt pilot.", "HM Treasury"),
    ("MeitY will spend Rs 1,500 crore on a blockchain stack.", "Ministry of Electronics and Information Technology"),
])
def test_known_bodies_abroad(text, name):
    found = _kinds(text)
    assert ("organization", name) in found
    assert ("organization", "Ministry of Economy") not in found  # never cut at the comma


def test_a_scheme_named_after_technology_is_no_company():
    text = "Singapore will provide S$112 million under the Financial Sector Technology and Innovation Scheme."
    assert not any(kind == "company" for kind, _ in _kinds(text))
    assert ("company", "Animoca Brands") in _kinds("The Web3 Technology Sandbox welcomed Animoca Brands.")
