"""Companies as news outside China names them: '-based' after a place, 'which is headquartered in', an apposition
opened by a place's possessive, and what is said right after a list of names."""
import pytest

from pipelines.extract.companies import find_organizations


def _companies(text):
    return [m.entity_name for m in find_organizations(text) if m.entity_type == "company"]


@pytest.mark.parametrize("text,expected", [
    ("Zoho, which is headquartered in Chennai, and Bengaluru-based Infosys welcomed the policy.", ["Zoho", "Infosys"]),
    ("Nubank, Latin America's largest digital bank, reported net income.", ["Nubank"]),
    ("Flutterwave and Paystack, Nigeria's best-known fintechs, are headquartered in Lagos.", ["Flutterwave", "Paystack"]),
    ("SAP, Siemens and Bosch are partners in the clusters.", ["SAP", "Siemens", "Bosch"]),
    ("FPT and Viettel are among the companies building data centers.", ["FPT", "Viettel"]),
    ("Adani Group, Reliance Jio and Yotta Infrastructure have announced projects.",
     ["Adani Group", "Reliance Jio", "Yotta Infrastructure"]),
    ("GoTo and Bukalapak have both opened offices in Bali.", ["GoTo", "Bukalapak"]),
])
def test_companies_named_by_their_context(text, expected):
    assert _companies(text) == expected


@pytest.mark.parametrize("text", [
    "The team uses a cloud-based CRM and AI-based UX tools.",
    "Kajabi is a California-based SaaS technology company.",  # 'SaaS' qualifies the noun
    "With Trailhead, Salesforce's free online learning platform, users learn.",  # a firm's product
    "Kate Forbes and Peter Kyle have announced plans.",  # persons: no firm-like name in the list
])
def test_no_company(text):
    assert [c for c in _companies(text) if c not in ("Kajabi", "Salesforce")] == []


def test_a_possessive_apposition_names_a_person_by_the_title_first():
    people = [m.entity_name for m in find_organizations("It hired Lin Nan, ASML's former head of optics.")
              if m.entity_type == "person"]
    assert people == ["Lin Nan"]
    assert [m.entity_type for m in find_organizations("It ships Portage, Gentoo's package manager, today.")
            if m.entity_name == "Portage"] == []


def test_names_with_accents_and_a_company_noun_before_the_list():
    assert _companies("The pilot involves 16 consortia of banks including Itaú Unibanco and Bradesco.") == \
        ["Itaú Unibanco", "Bradesco"]
    assert _companies("Société Générale and BNP Paribas are partners.") == ["Société Générale", "BNP Paribas"]


def test_a_misdecoded_apostrophe_is_no_letter():
    assert _companies("It is the biggest shift since Googleâ€™s inception.") in ([], ["Google"])
    assert all("â" not in c for c in _companies("Googleâ€™s search and Googleâ€™s ads"))


@pytest.mark.parametrize("text,expected", [
    ("Shopify, based in Ottawa, and Atlassian, headquartered in Sydney, backed the plans.", ["Shopify", "Atlassian"]),
    ("Takealot, which is owned by Naspers, and Egypt's Fawry are among the region's largest digital businesses.",
     ["Takealot", "Naspers", "Fawry"]),
])
def test_where_a_firm_is_and_what_it_is_among(text, expected):
    assert _companies(text) == expected


@pytest.mark.parametrize("text", [
    "By then a PM was something big companies had.",
    "Turnover is costly to all companies and consulting firms.",
    "The Parliamentarians were members of the committee.",
])
def test_a_word_said_of_companies_without_among_is_no_company(text):
    assert _companies(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Belfast-based Kainos and Edinburgh's Skyscanner welcomed the announcements.", ["Kainos", "Skyscanner"]),
    ("Barcelona-based Glovo and Lisbon's Feedzai backed the plans.", ["Glovo", "Feedzai"]),
    ("Tencent and Shenzhen's Nanshan district signed.", ["Tencent"]),
    ("Jane Smith and London's Mayor spoke.", []),
])
def test_a_place_firm_beside_a_firm(text, expected):
    assert _companies(text) == expected


def test_firms_both_headquartered_somewhere():
    assert _companies("Infosys and Wipro, both headquartered in Bengaluru, welcomed the policy.") == ["Infosys", "Wipro"]
