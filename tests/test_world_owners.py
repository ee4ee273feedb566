"""Who holds a figure in news outside China: a dateline under a standfirst, a place describing the subject ('home to
Mumbai'), places after a preposition of place between two figures, a region's government named by its adjective, and
the federal government."""
import pytest

from pipelines.extract.story import extract_story


def _owners(body, title="x"):
    return [(t.jurisdiction_name, t.target_value) for t in extract_story(title, body)[1]]


def test_a_dateline_under_a_standfirst_owns_nothing():
    body = ("The Tamil Nadu government plans to develop Chennai and Coimbatore as hubs.\n\n"
            "Chennai: Tamil Nadu on Wednesday unveiled a policy to attract investments worth Rs 10,000 crore by 2030.")
    assert _owners(body) == [("Tamil Nadu", 1e11)]


def test_a_place_after_a_colon_further_down_is_still_read():
    body = "The plan sets goals.\n\nIt names cities.\n\nChennai: the city will set up a Rs 100 crore fund."
    assert _owners(body) == [("Chennai", 1e9)]


@pytest.mark.parametrize("body,owner", [
    ("Maharashtra, home to Mumbai, released a policy with a target of Rs 1 lakh crore in IT investment.", "Maharashtra"),
    ("Baden-Württemberg, home to Stuttgart's carmakers, committed €1 billion over five years to its AI cluster.",
     "Baden-Wurttemberg"),
    ("In Jiangsu, the Jiangning district aims for a 10 billion yuan industry.", "Jiangning"),
])
def test_a_place_describing_the_subject_owns_nothing(body, owner):
    assert [o for o, _ in _owners(body)] == [owner]


@pytest.mark.parametrize("body,expected", [
    ("Minas Gerais will invest R$250 million in a district in Belo Horizonte and plans to train 30,000 people by 2026.",
     [("Minas Gerais", 250e6), ("Minas Gerais", 30000)]),
    ("North Rhine-Westphalia has set up a €150 million fund for start-ups in Düsseldorf, Cologne and the Ruhr, "
     "and wants to have 50 blockchain pilot projects running by 2026.",
     [("North Rhine-Westphalia", 150e6), ("North Rhine-Westphalia", 50)]),
    ("Jiangsu aims for a 100 billion yuan industry by 2025, with its Jiangning district at 20 billion yuan.",
     [("Jiangsu", 100e9), ("Jiangning", 20e9)]),
])
def test_a_place_after_a_preposition_of_place_is_where(body, expected):
    assert _owners(body) == expected


def test_a_region_government_named_by_its_adjective():
    body = "The Scottish Government will invest £50 million over five years in a tech fund, a minister said in Edinburgh."
    assert _owners(body) == [("Scotland", 50e6)]


def test_the_federal_government_is_the_country():
    body = "Bavaria will invest €1.5 billion in AI research in Munich. The federal government has pledged €5 billion for AI research."
    assert _owners(body, "Germany's states pour billions into AI") == [("Bavaria", 1.5e9), ("Germany", 5e9)]


def test_the_ministry_of_a_story_on_two_countries_is_the_last_named_ones():
    body = ("Qatar Development Bank plans to attract startups to Doha, Qatar's capital.\n\n"
            "The ministry separately said it aims to add QR40 billion to GDP by 2030.\n\n"
            "In neighbouring Bahrain, the board wants 200 more tech firms in Manama by 2027.")
    assert ("Qatar", 40e9) in _owners(body, "Qatar, Bahrain step up race for fintech firms")


def test_a_state_in_the_headline_is_the_story_place_over_its_city():
    body = ("Tamil Nadu unveiled a policy for Chennai and Coimbatore.\n\nParks will open in Chennai.\n\n"
            "Under the policy, the government will train 50,000 students in Chennai annually.")
    assert _owners(body, "Tamil Nadu targets 1 lakh tech jobs") == [("Tamil Nadu", 50000)]


@pytest.mark.parametrize("body,expected", [
    ("Qatar Investment Authority has committed $1 billion to a fund-of-funds programme that invests in venture "
     "capital firms.", [("Qatar", 1e9)]),
    ("Venture capital investment in Qatar reached $1 billion last year.", []),
    ("Jakarta, which will remain the business centre, has 2,500 registered start-ups, an association said.", []),
    ("The free zone in Ras Al Khaimah, which licensed 150 firms in its first year, will invest Dh200 million in a campus.",
     [("Ras Al Khaimah", 200e6)]),
])
def test_what_a_place_has_or_did_is_no_goal(body, expected):
    assert _owners(body) == expected


def test_a_national_department_named_in_full_is_the_country():
    body = ("The Cebu City government will set up a hub.\n\n"
            "The Department of Information and Communications Technology plans to train 50,000 Filipinos in AI skills.")
    assert ("Philippines", 50000) in _owners(body, "Cebu builds hub")


def test_a_place_in_a_relative_clause_after_the_subject_owns_nothing():
    body = "Quebec, which has funded the Mila institute in Montreal since 2017, plans a further C$30 million for AI."
    assert _owners(body) == [("Quebec", 30e6)]


def test_a_body_named_for_a_place_holds_for_it():
    body = ("In the Eastern Province, the authority said it would invest SR2.5 billion in Dammam, while the Royal "
            "Commission for AlUla will spend up to SR500 million on a tourism platform.")
    assert _owners(body, "Saudi regions invest") == [("Eastern Province", 2.5e9), ("AlUla", 500e6)]


def test_a_government_named_by_its_adjective_over_the_places_after_its_verb():
    body = ("The Catalan government will invest €300 million in a design centre in Barcelona by 2028 and aims to "
            "attract 40 chip companies to the region.")
    assert _owners(body, "Spain's regions race for chips") == [("Catalonia", 300e6), ("Catalonia", 40)]


@pytest.mark.parametrize("body,expected", [
    ("In Chile, state development agency Corfo has committed US$50 million to a deep-tech fund.", [("Chile", 50e6)]),
    ("In Chile, mining firm Quillon has committed US$50 million to a deep-tech fund.", []),
])
def test_a_public_body_named_by_its_kind_is_no_company(body, expected):
    assert _owners(body) == expected


def test_applications_under_review_are_no_goal():
    body = "Spain's government is reviewing 12 applications under its chip programme. Spain aims to attract 12 chip projects by 2027."
    assert _owners(body) == [("Spain", 12)]


def test_a_government_word_opening_the_sentence_over_places_where_things_are_built():
    body = ("The Karnataka cabinet approved a fund.\n\nThe state will also set up innovation clusters in Mysuru, "
            "Mangaluru and Hubballi-Dharwad, and train 50,000 engineers in AI.")
    assert _owners(body, "Karnataka approves fund") == [("Karnataka", 50000)]


def test_global_capability_centres_are_companies_to_attract():
    body = "The Karnataka cabinet approved a policy that aims to attract 500 new GCCs by 2029, the minister said in Bengaluru."
    assert [(t.metric, t.target_value) for t in extract_story("x", body)[1]] == [("companies", 500)]


@pytest.mark.parametrize("body,expected", [
    ("Andhra Pradesh plans a data centre hub in Visakhapatnam, where Google has said it will invest $10 billion.", []),
    ("Abu Dhabi has said it will invest $1 billion in AI.", [("Abu Dhabi", 1e9)]),
    ("Jakarta aims to have 1,000 start-ups registered in its programme by 2026.", [("Jakarta", 1000)]),
    ("Jakarta has 300 start-ups registered in the programme.", []),
])
def test_who_said_it_will_and_what_a_place_aims_to_have(body, expected):
    assert _owners(body) == expected
