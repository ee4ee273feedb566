"""Target shapes of news the dev pages do not hold, on sentences written for the project: what must and must not come out."""
from datetime import datetime

import pytest

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def targets(text):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year) for t in extract_story(None, text, PUB)[1]]


@pytest.mark.parametrize("text,expected", [
    ("Ulsan will spend 120 million won on a metaverse tourism pilot.", [("Ulsan", "investment", 120e6, "KRW", None)]),
    ("蔚山市将投入1.2亿韩元建设元宇宙旅游平台。", [("Ulsan", "investment", 120e6, "KRW", None)]),
])
def test_a_budget_in_millions_of_a_small_unit_currency_is_kept(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "A kitchen remodel in Texas may cost $75,000 or more.",
    "Graduates in Paris can expect starting salaries around $70k.",
    "Busan will pay 10 million won to each winning team.",
])
def test_a_price_or_wage_below_the_floor_is_no_target(text):
    assert targets(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Vietnam plans to train 1 million people in blockchain skills by 2027.", [("Vietnam", "talent", 1e6, "count", 2027)]),
    ("Kenya will upskill at least 50,000 civil servants in AI by 2026.", [("Kenya", "talent", 50000, "count", 2026)]),
])
def test_people_after_a_training_verb_are_talent(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "Sichuan will build new parks for its 80 million people by 2025.",
    "Nigeria aims to connect 20 million people to broadband by 2027.",
])
def test_people_with_no_training_verb_are_no_talent(text):
    assert [t for t in targets(text) if t[1] == "talent"] == []


def test_a_known_bank_named_with_of_is_one_company_and_its_fund_no_place_s_target():
    mentions, found = extract_story(None, "Bank of China will set up a 5 billion yuan fund for green projects.", PUB)
    assert [(m.entity_type, m.entity_name) for m in mentions] == [("company", "Bank of China")]
    assert found == []


def test_a_known_name_joined_by_and_is_read_whole():
    mentions, _ = extract_story(None, "Agricultural Bank of China and Hong Kong Exchanges and Clearing signed a deal.", PUB)
    assert [(m.entity_type, m.entity_name) for m in mentions] == [("company", "Agricultural Bank of China"),
                                                                  ("company", "HKEX")]


@pytest.mark.parametrize("text,expected", [
    ("Vietnam wants to grow its e-commerce market to $40 billion by 2027.", ("Vietnam", "industry_size", 40e9)),
    ("Seoul will spend 5 billion won on marketing its metaverse platform.", ("Seoul", "investment", 5e9)),
])
def test_a_market_to_grow_is_industry_size_and_marketing_spend_is_investment(text, expected):
    assert [t[:3] for t in targets(text)] == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Osaka plans to open 8 Web3 incubation centres by 2026.", [("Osaka", "research_centers", 8, "count", 2026)]),
    ("Riyadh will set up 4 innovation hubs by 2027.", [("Riyadh", "research_centers", 4, "count", 2027)]),
])
def test_centres_and_hubs_to_open_are_counted(text, expected):
    assert targets(text) == expected


def test_a_count_after_a_possessive_is_what_the_holder_has_not_a_goal():
    assert targets("Busan will spend 2 billion won to upgrade its 40 research centres.") == [
        ("Busan", "investment", 2e9, "KRW", None)]


def test_a_forecast_attributed_before_the_figure_is_no_target_even_with_will():
    assert targets("据某咨询机构预测，2027年中国虚拟现实市场规模将达到8000亿元。") == []
    assert targets("据研究机构测算，到2026年广东省数字经济规模将达到8万亿元。") == []


def test_a_plan_s_commitment_after_a_statistic_is_still_a_target():
    assert targets("数据显示，2023年湖南省元宇宙产业规模达到200亿元，力争到2026年突破600亿元。") == [
        ("Hunan", "industry_size", 600e8, "CNY", 2026)]


def test_people_counted_with_ren_after_the_noun_are_talent():
    assert targets("福建省将培养数字技术人才3万人。") == [("Fujian", "talent", 30000, "count", None)]


def test_visits_counted_in_ren_ci_are_no_count():
    assert targets("成都市计划吸引游客100万人次。") == []


def test_the_size_qualifying_each_firm_after_over_and_de_is_no_target():
    assert targets("浙江省计划到2026年培育营收超百亿元的数字经济龙头企业20家。") == [
        ("Zhejiang", "companies", 20, "count", 2026)]
    assert targets("浙江省计划到2026年打造产值超千亿元的数字产业集群。") == [
        ("Zhejiang", "industry_size", 1000e8, "CNY", 2026)]


@pytest.mark.parametrize("text,name", [
    ("某集团将投资20亿元建设智能科技园。", None),  # the unit of a figure opens no name; a tech park is no company
    ("南京将建设数字科技城。", None),
    ("星河科技在南京发布新平台。", "星河科技"),
])
def test_a_company_ending_inside_a_longer_word_or_after_a_figure_names_no_company(text, name):
    companies = [m.entity_name for m in extract_story(None, text, PUB)[0] if m.entity_type == "company"]
    assert companies == ([name] if name else [])


@pytest.mark.parametrize("text", [
    "The firm runs over 1,000 offline centers across the United States.",
    "Texas will fund K-12 apps and centres for creative learning.",
])
def test_bare_centres_and_a_number_after_a_letter_and_hyphen_are_no_count(text):
    assert targets(text) == []


@pytest.mark.parametrize("text,name", [
    ("Taiwan's National Development Council will review the plan.", "National Development Council"),
    ("The Federal Communications Commission voted on Tuesday.", "Federal Communications Commission"),
])
def test_a_national_or_federal_body_keeps_its_opening_word(text, name):
    orgs = [m.entity_name for m in extract_story(None, text, PUB)[0] if m.entity_type == "organization"]
    assert orgs == [name]


@pytest.mark.parametrize("text,expected", [
    ("Macau will spend MOP 80 million on smart city services.", [("Macau", "investment", 80e6, "MOP", None)]),
    ("Macau will spend 80 million patacas on smart city services.", [("Macau", "investment", 80e6, "MOP", None)]),
    ("Kaohsiung will invest TWD 3 billion in drone parks.", [("Kaohsiung", "investment", 3e9, "TWD", None)]),
])
def test_patacas_and_taiwan_dollars_written_by_code_or_name(text, expected):
    assert targets(text) == expected


def test_an_amount_written_as_a_hyphenated_adjective():
    assert targets("Hefei will build a 50-billion-yuan quantum industry by 2027.") == [
        ("Hefei", "industry_size", 50e9, "CNY", 2027)]


def test_a_sum_given_to_each_firm_is_a_ceiling_not_a_target():
    assert targets("Xi'an aims to attract 80 Web3 firms by 2026 and will give each up to 2 million yuan.") == [
        ("Xi'an", "companies", 80, "count", 2026)]


def test_the_total_of_a_digital_economy_in_chinese_is_industry_size():
    assert targets("到2030年，河北省数字经济总量将达到3万亿元。") == [("Hebei", "industry_size", 3e12, "CNY", 2030)]


def test_adjectives_in_quotes_between_a_count_and_its_noun():
    assert targets('Tianjin will nurture 60 "little giant" firms by 2026.') == [("Tianjin", "companies", 60, "count", 2026)]


@pytest.mark.parametrize("text,expected", [
    ("Malaysia aims to grow its pool of blockchain developers to 8,000.", [("Malaysia", "talent", 8000, "count", None)]),
    ("Busan will raise the number of Web3 firms to 300 by 2027.", [("Busan", "companies", 300, "count", 2027)]),
])
def test_a_pool_or_number_of_things_raised_to_a_level(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "High-end kitchen remodels can exceed $250,000 with luxury finishes.",
    "Backed by $50M in yearly ad spend, the brand keeps growing.",
])
def test_a_figure_no_place_and_no_government_holds_is_no_target(text):
    assert targets(text) == []


@pytest.mark.parametrize("text,expected", [
    ("The province will set up a 2 billion yuan fund for blockchain firms.", [(None, "fund_size", 2e9, "CNY", None)]),
    ("The European Commission will invest €1 billion in virtual worlds.", [(None, "investment", 1e9, "EUR", None)]),
])
def test_a_government_or_known_body_still_holds_a_figure_with_no_place(text, expected):
    assert targets(text) == expected


@pytest.mark.parametrize("text", [
    "The company has also pledged $100 million to train AI professionals in India.",
    "The chipmaker will spend $2 billion on a new plant in Arizona by 2026.",
    "I'm expecting to net about $700k from the sale of my house in Wyoming.",
    "With the $900k windfall, I would probably move to Oregon.",
])
def test_a_company_named_by_its_kind_or_the_writer_sets_no_target(text):
    assert targets(text) == []


def test_a_company_named_after_a_government_s_clause_keeps_the_government_s_target():
    assert targets("Germany will invest €3 billion in AI, and the company said it would hire more.") == [
        ("Germany", "investment", 3e9, "EUR", None)]


def test_a_government_s_fund_named_after_a_company_by_its_kind_stays_the_government_s():
    assert targets("The exchange builds on the city's KRW 50 billion fund, set up to support firms in Ulsan.") == [
        ("Ulsan", "fund_size", 50e9, "KRW", None)]


@pytest.mark.parametrize("text", [
    "Net premiums written in Texas reached about $19.1 billion, up 21%.",
    "Hackers stole nearly $1 billion from a bank in Bangladesh.",
    "Graduates in Ohio can expect salaries of $120,000 with the new skills.",
])
def test_premiums_thefts_and_salaries_are_no_targets(text):
    assert targets(text) == []


def test_a_figure_reached_in_the_past_is_a_statistic_but_the_goal_after_it_stays():
    assert targets("Fujian's digital economy reached 2 trillion yuan last year, but the province aims for 3 trillion "
                   "yuan by 2027.") == [("Fujian", "industry_size", 3e12, "CNY", 2027)]


@pytest.mark.parametrize("text,unit", [
    ("Nagoya aims to attract 60 Web3 firms and has budgeted ¥3 billion for the effort.", "JPY"),
    ("Hefei aims to attract 60 Web3 firms and has budgeted ¥3 billion for the effort.", "CNY"),
])
def test_a_yen_or_yuan_sign_takes_the_country_of_the_places_named(text, unit):
    assert [t[3] for t in targets(text) if t[1] == "investment"] == [unit]


@pytest.mark.parametrize("text,expected", [
    ("澳门特区政府将投入2亿澳门元建设智慧城市。", [("Macau", "investment", 2e8, "MOP", None)]),
    ("新加坡政府将投入5亿新元发展数字经济。", [("Singapore", "investment", 5e8, "SGD", None)]),
])
def test_patacas_and_singapore_dollars_written_in_chinese(text, expected):
    assert targets(text) == expected


def test_xin_before_the_metaverse_is_no_singapore_dollar():
    assert targets("上海市将投入3亿元建设10个新元宇宙应用场景。") == [
        ("Shanghai", "investment", 3e8, "CNY", None), ("Shanghai", "projects", 10, "count", None)]


def test_an_estimate_by_a_research_body_is_no_target():
    assert targets("据某研究院测算，2026年全国元宇宙市场规模有望达到8000亿元。") == []


def test_an_organization_after_a_plural_possessive_keeps_its_place_apart():
    mentions, _ = extract_story(None, "The Maldives' Ministry of Economic Development will review it.", PUB)
    assert [(m.entity_type, m.entity_name) for m in mentions] == [
        ("jurisdiction", "Maldives"), ("organization", "Ministry of Economic Development")]


def test_projects_already_approved_are_no_goal():
    assert [t for t in targets("Vietnam's planning ministry said it had approved 300 projects by 2023.") if t[1] == "projects"] == []


@pytest.mark.parametrize("text", [
    "Do you think Texas would pay the actor $20 million to be in the movie?",
    "There are currently 6,500 companies in Ohio with the keyword in their name.",
    "The 10 largest insurance companies in Iowa hold half of the market.",
    "That said, the two companies in Sacramento might have made a good fit.",
    "Tariffs on $360 billion of goods from China will stay, the United States said.",
    "A hacking group in Ukraine targeted three defense companies to steal designs.",
])
def test_questions_counts_of_what_there_is_rankings_and_tariffs_are_no_targets(text):
    assert targets(text) == []


def test_a_question_does_not_hide_the_goal_stated_after_it():
    assert targets("Can it work? Wuhan will build 8 blockchain parks by 2026.") == [
        ("Wuhan", "industrial_parks", 8, "count", 2026)]


def test_a_bounded_count_with_a_modifier_in_de_counts_its_noun_and_the_modifier_s_sum_is_none():
    assert targets("广东省计划到2027年培育20家以上营收超千亿元的数字经济龙头企业。") == [
        ("Guangdong", "companies", 20, "count", 2027)]


def test_a_number_of_things_in_a_place_raised_to_a_level():
    assert targets("Jeju aims to raise the number of blockchain firms on the island to 400 by 2026.") == [
        ("Jeju", "companies", 400, "count", 2026)]


def test_digital_workers_are_talent():
    assert targets("Rwanda targets 500,000 digital workers by 2029.") == [("Rwanda", "talent", 500000, "count", 2029)]
