"""Target extraction tests on sentences written for the project: what must and must not come out."""
from datetime import datetime

import pytest

from pipelines.extract.targets import extract_targets

PUB = datetime(2024, 3, 1)

TARGET_CASES = [
    # text, (jurisdiction, metric, value, unit, usd, usd_is_stated, year)
    ("Hubei aims to grow its drone industry to 80 billion yuan ($11.2 billion) by 2027.",
     ("Hubei", "industry_size", 80e9, "CNY", 11.2e9, True, 2027)),
    ("Anhui has set a CNY60bn goal for its robotics sector by the end of 2026.",
     ("Anhui", "industry_size", 60e9, "CNY", None, False, 2026)),
    ("The city of Chengdu will set up a RMB 5 billion ($700 million) fund for chip start-ups.",
     ("Chengdu", "fund_size", 5e9, "CNY", 700e6, True, None)),
    ("Macau plans to set aside HK$30 million (US$3.8 million) for training.",
     ("Macau", "investment", 30e6, "HKD", 3.8e6, True, None)),
    ("Incheon will spend 1.2 trillion won on smart port projects through 2028.",
     ("Incheon", "investment", 1.2e12, "KRW", None, False, 2028)),
    ("Japan will commit ¥2 trillion to quantum research by fiscal 2029.",
     ("Japan", "investment", 2e12, "JPY", None, False, 2029)),
    ("Abu Dhabi expects the sector to add AED 7.3 billion ($2 billion) to its economy output.",
     ("Abu Dhabi", "industry_size", 7.3e9, "AED", 2e9, True, None)),
    ("Shaanxi wants to attract at least 300 companies to its new zone by 2026.",
     ("Shaanxi", "companies", 300, "count", None, None, 2026)),
    ("Guizhou also plans to train 20,000 data professionals within five years.",
     ("Guizhou", "talent", 20000, "count", None, None, PUB.year + 5)),
    ("Hainan intends to build 12 research centers and six pilot industrial parks under its 2023-2025 plan.",
     ("Hainan", "research_centers", 12, "count", None, None, 2025)),
]


def _tuple(t):
    return (t.jurisdiction_name, t.metric, t.target_value, t.unit,
            t.target_value_usd if t.usd_is_stated else None, t.usd_is_stated, t.target_year)


@pytest.mark.parametrize("text,expected", TARGET_CASES, ids=[c[0][:40] for c in TARGET_CASES])
def test_target_found(text, expected):
    got = [_tuple(t) for t in extract_targets(text, PUB, [])]
    assert any(g[:4] == expected[:4] and g[4:] == expected[4:] for g in got), got


NOT_TARGET_CASES = [
    "The regulator fined the exchange 3 million yuan for lapses in Hubei.",
    "The lender agreed to a $45 million settlement with investors in the United States.",
    "Analysts forecast the Korean market could reach $9 billion by 2030.",
    "Issuers in Hong Kong need at least HK$25 million in paid-up share capital.",
    "The startup raised $40 million in a Series B round led by investors in Singapore.",
    "Trading volume in Seoul slumped to 2 trillion won last week.",
    "The site now has 300,000 readers across Vietnam.",
    "The tax is projected to bring in 500 billion won in tax revenue for South Korea.",
]


@pytest.mark.parametrize("text", NOT_TARGET_CASES, ids=[c[:40] for c in NOT_TARGET_CASES])
def test_not_a_target(text):
    assert extract_targets(text, PUB, []) == []


def test_owner_resolves_the_city():
    body = ("Wuxi has published a plan for its chip sector.\n\n"
            "The city also intends to set up a 3 billion yuan fund for design firms.")
    (t,) = extract_targets(body, PUB, [])
    assert (t.jurisdiction_name, t.metric) == ("Wuxi", "fund_size")
    assert body[t.char_start:t.char_end] == t.evidence


def test_yen_symbol_in_japan_context():
    (t,) = extract_targets("Japan plans to spend ¥3 trillion on chips by 2030, the yen budget shows.", PUB, [])
    assert t.unit == "JPY"


def test_converted_usd_is_flagged():
    (t,) = extract_targets("Fujian aims for a 70 billion yuan digital industry by 2027.", PUB, [])
    assert t.usd_is_stated is False and 9e9 < t.target_value_usd < 10.5e9


NOT_TARGET_RULE_CASES = [
    # per-unit caps and subsidies
    "Any firm that relocates to Qingdao can apply for as much as 8 million yuan for each project it brings.",
    "Two districts of Xiamen will offer subsidies of up to 50 million yuan for a single project.",
    # amounts cited as context for another, older programme
    "The new fund comes on top of about ¥2.1 trillion in subsidies handed out under the previous government of Japan.",
    "The new scheme is separate from the 900 billion yuan Digital Bay programme of Shenzhen.",
    # company results and past achievements
    "The company has exceeded $300 million in total transactions processed since its launch in Kenya.",
    # ranges are two optional bounds, not one target
    "Hunan wants three to five metaverse industrial parks by 2025.",
    # counts already reached
    "Chongqing displayed its first 25 metaverse use cases earlier this year.",
    "At the fair in Hefei, 12 blockchain projects were introduced to investors.",
    "Eight fintech projects signed agreements with Tianjin at the opening.",
]


@pytest.mark.parametrize("text", NOT_TARGET_RULE_CASES, ids=[c[:40] for c in NOT_TARGET_RULE_CASES])
def test_not_a_target_rule(text):
    assert extract_targets(text, PUB, []) == [], text


def test_amount_each_is_a_per_unit_figure():
    got = extract_targets("Ningbo plans to give three labs 20 million yuan each in state support.", PUB, [])
    assert [t.unit for t in got] == ["count"]


def test_amount_cited_as_part_of_an_older_programme():
    got = extract_targets("Shenzhen plans a 3 billion yuan fund as part of the 90 billion yuan Digital Bay programme.", PUB, [])
    assert [t.target_value for t in got] == [3e9]


def test_budget_lines_are_not_counted_against_the_total():
    body = ("Thailand's digital ministry will spend THB 900 million on metaverse programmes this year.\n\n"
            "The largest single item is THB 300 million for a national platform. Another THB 120 million will fund "
            "training, while research labs will receive THB 80 million.")
    got = [(t.jurisdiction_name, t.target_value) for t in extract_targets(body, PUB, [])]
    assert got == [("Thailand", 900e6)]


def test_another_amount_after_a_total_is_a_new_target():
    body = ("Wuxi will set up a 2 billion yuan fund for chip design firms.\n\n"
            "Another 500 million yuan is set aside to build an office tower for the sector.")
    assert {t.target_value for t in extract_targets(body, PUB, [])} == {2e9, 500e6}


def test_a_cap_in_one_part_of_a_sentence_leaves_the_fund_in_another():
    text = ("Cities back them with funds, from the 6 billion yuan fund planned by Xi'an "
            "to the 30 million yuan ceilings on project subsidies offered by Jinan.")
    assert [(t.jurisdiction_name, t.target_value) for t in extract_targets(text, PUB, [])] == [("Xi'an", 6e9)]


def test_anaphor_subject_inherits_the_plan_owner():
    body = ("Shanxi has set up a small fund for metaverse start-ups.\n\n"
            "Its size is modest next to the sums discussed in Taiyuan, the provincial capital, "
            "but it gives Shanxi a way to back projects that fit its metaverse action plan.\n\n"
            "That plan wants core metaverse output above 20 billion yuan by 2025. "
            "It also calls for 150 specialized metaverse firms.")
    got = {(t.jurisdiction_name, t.target_value) for t in extract_targets(body, PUB, [])}
    assert got == {("Shanxi", 20e9), ("Shanxi", 150)}


def test_national_ministry_is_the_story_country():
    body = ("Busan opened a public metaverse last year. Busan budgeted 2 billion won for it.\n\n"
            "Compare that with the KRW 150 billion the national science ministry put into metaverse programs in 2023.")
    owners = {t.target_value: t.jurisdiction_name for t in extract_targets(body, PUB, [])}
    assert owners[150e9] == "South Korea" and owners[2e9] == "Busan"


def test_the_government_after_a_capital_metonym_is_the_country():
    body = ("Japan will provide 5 trillion yen for quantum computing by fiscal 2030, as Tokyo tries to catch up.\n\n"
            "The money will come through subsidies. The prime minister said the government wants the package "
            "to trigger 20 trillion yen in private investment.")
    assert {t.jurisdiction_name for t in extract_targets(body, PUB, [])} == {"Japan"}


def test_local_currency_points_to_its_place_not_a_foreign_country():
    body = ("Macau regulators differ from those in the United States.\n\n"
            "Financial Secretary Lei Wai Nong set aside HK$20 million for fintech events.")
    (t,) = extract_targets(body.replace("Macau", "Hong Kong"), PUB, [])
    assert t.jurisdiction_name == "Hong Kong"


def test_dedupe_keeps_equal_counts_of_different_metrics():
    text = "Hebei plans to set up 12 research institutes and to nurture 12 competitive metaverse companies."
    assert {t.metric for t in extract_targets(text, PUB, [])} == {"research_centers", "companies"}


def test_fund_metric_from_the_head_noun():
    (t,) = extract_targets("Jilin established a 300 million yuan private equity investment fund for data firms.", PUB, [])
    assert t.metric == "fund_size"


def test_projects_worth_a_combined_amount_are_investment():
    (t,) = extract_targets("At the event in Wuxi, the city announced it will back projects worth a combined 4 billion yuan.", PUB, [])
    assert (t.metric, t.target_value) == ("investment", 4e9)


def test_year_from_the_plan_period_in_the_paragraph():
    body = ("Hefei has released a draft plan covering 2023 to 2026. "
            "The city wants more than 80 core metaverse companies and over 20 demonstration projects.")
    assert {t.target_year for t in extract_targets(body, PUB, [])} == {2026}


def test_year_from_a_program_that_runs_until():
    body = ("The municipality of Tianjin has committed 200 million yuan a year to its Web3 ecosystem. "
            "Binhai will lead the three-year program, which started this year and runs until 2026.")
    (t,) = extract_targets(body, PUB, [])
    assert t.target_year == 2026


def test_same_year_refers_to_the_last_deadline():
    body = ("Under the draft, Changsha wants the metaverse to upgrade its economy by 2026. "
            "It also aims to cultivate more than 60 core metaverse enterprises by the same year.")
    (t,) = extract_targets(body, PUB, [])
    assert (t.target_value, t.target_year) == (60, 2026)


def test_relative_deadline_counts_from_the_publication_year():
    body = "Fuzhou has a plan covering 2023 to 2026. Fuzhou wants a 30 billion yuan software industry within three years."
    (t,) = extract_targets(body, PUB, [])
    assert t.target_year == PUB.year + 3


def test_relative_deadline_without_a_publication_date_has_no_year():
    body = "Fuzhou wants a 30 billion yuan software industry over the next decade."
    (t,) = extract_targets(body, None, [])
    assert t.target_year is None


def test_next_decade_is_ten_years():
    (t,) = extract_targets("Fuzhou wants a 30 billion yuan software industry over the next decade.", PUB, [])
    assert t.target_year == PUB.year + 10


def test_country_adjective_does_not_own_the_target():
    (t,) = extract_targets("The South Korean port city of Incheon has created a 50 billion won fund for logistics.", PUB, [])
    assert t.jurisdiction_name == "Incheon"


@pytest.mark.parametrize("text,year", [
    ("Tianjin set its 2027 goal at 60 billion yuan of metaverse output.", 2027),
    ("Qingdao will open 12 metaverse pilot parks by next year.", PUB.year + 1),
    ("Xi'an will spend 2 billion yuan on metaverse projects by the end of this year.", PUB.year),
])
def test_year_forms(text, year):
    (t,) = extract_targets(text, PUB, [])
    assert t.target_year == year


@pytest.mark.parametrize("text", [
    "China's metaverse market is expected to reach $8 trillion by 2030.",
    "According to a report by a consultancy, Singapore's Web3 market was worth $2 billion in 2022.",
    "Venture capital firms poured $3 billion into Korean metaverse start-ups in 2021.",
    "Investors in South Korea put 3 trillion won into crypto last year.",
    "China's digital economy reached 50 trillion yuan in 2022, official data show.",
    "Guangdong's metaverse market could hit 500 billion yuan by 2030, a think tank said.",
])
def test_statistics_and_estimates_are_no_targets(text):
    assert extract_targets(text, PUB, []) == []


def test_figure_of_another_place_in_the_sentence_goes_to_it():
    body = "Zhejiang aims for a 500 billion yuan digital industry by 2027, with Hangzhou's Binjiang district aiming for 80 billion yuan."
    owners = {t.target_value: t.jurisdiction_name for t in extract_targets(body, PUB, [])}
    assert owners == {500e9: "Zhejiang", 80e9: "Binjiang"}


def test_year_of_an_earlier_sentence_and_of_the_plan_referred_to():
    body = ("By 2026, Foshan aims to attract 120 metaverse companies. It also plans a 40 billion yuan industry.\n\n"
            "The plan also lists 15 research centres.")
    years = {t.metric: t.target_year for t in extract_targets(body, PUB, [])}
    assert years == {"companies": 2026, "industry_size": 2026, "research_centers": 2026}


def test_headline_year_dates_the_figure_it_names():
    (t,) = extract_targets("Officials said Changzhou wants 90 metaverse firms.", PUB, [], title="Changzhou wants 90 metaverse firms by 2028")
    assert t.target_year == 2028
    (t,) = extract_targets("Officials said Changzhou wants 90 metaverse firms.", PUB, [], title="Changzhou sets out metaverse goals to be met by 2028")
    assert t.target_year is None


def test_past_government_commitment_is_still_a_target():
    (t,) = extract_targets("Last year, the province of Henan established a $21.7 million fund for metaverse projects.", PUB, [])
    assert (t.jurisdiction_name, t.metric) == ("Henan", "fund_size")


def test_company_revenue_is_no_target():
    from pipelines.extract.story import extract_story

    assert extract_story(None, "Hong Kong-based HashKey expects revenue of $200 million next year.", PUB)[1] == []


def test_story_places_are_looked_up_by_position_whatever_order_they_come_in():
    from pipelines.extract.owners import StoryState
    from pipelines.records import Mention
    places = [Mention("jurisdiction", n, n, s, s + 5) for n, s in (("Hubei", 40), ("Hunan", 0), ("Henan", 20))]
    story = StoryState("x" * 60, places, None, None)
    assert [m.entity_name for m in story.places_in(10, 41)] == ["Henan", "Hubei"]
    assert [m.entity_name for m in story.places_before(40)] == ["Henan", "Hunan"]
    assert list(story.places_before(0)) == []


@pytest.mark.parametrize("text", ["Sichuan wants a metaverse industry worth between $1 billion and $2 billion by 2025.",
                                  "Sichuan wants a metaverse industry worth $1-2 billion by 2025.",
                                  "Sichuan wants a metaverse industry worth 100 to 200 billion yuan by 2025.",
                                  "Sichuan plans a metaverse fund of 1 billion to 2 billion yuan."])
def test_a_money_range_is_no_target_neither_bound(text):
    assert extract_targets(text, PUB, []) == []


def test_money_rising_from_one_level_to_another_targets_the_upper_figure():
    got = extract_targets("Sichuan aims to lift its metaverse industry from 100 billion yuan to 200 billion yuan by 2025.", PUB, [])
    assert [(t.target_value, t.unit) for t in got] == [(200e9, "CNY")]


def test_two_figures_joined_by_and_are_no_range():
    got = extract_targets("Sichuan will invest 1 billion yuan and 2 billion yuan in two metaverse funds.", PUB, [])
    assert [t.target_value for t in got] == [1e9, 2e9]


def test_a_year_before_to_and_a_figure_is_no_range():
    got = extract_targets("Sichuan plans to grow its metaverse industry by 2025 to 200 billion yuan.", PUB, [])
    assert [(t.target_value, t.target_year) for t in got] == [(200e9, 2025)]


def test_a_threshold_each_counted_firm_must_meet_is_no_target():
    got = [(t.jurisdiction_name, t.metric, t.target_value) for t in extract_targets(
        "Hefei plans to have 80 metaverse companies, each with revenue above 200 million yuan, by 2026.",
        datetime(2024, 3, 1), [])]
    assert got == [("Hefei", "companies", 80)]


def test_a_number_inside_a_name_counts_nothing():
    def counts(body):
        return [(t.jurisdiction_name, t.target_value) for t in extract_targets(body, datetime(2024, 3, 1), [])]
    assert counts("Hefei wants to draw Fortune 500 companies to its metaverse park by 2026.") == []
    assert counts("Hefei aims to train Web 4.0 specialists by 2030.") == []
    assert counts("Hefei aims to attract 500 metaverse companies by 2026.") == [("Hefei", 500)]


def test_a_grant_to_each_project_is_a_ceiling_not_a_total():
    got = extract_targets("Hefei will offer up to 8 million yuan to each qualifying metaverse project.",
                          datetime(2024, 3, 1), [])
    assert got == []


def test_a_version_number_in_front_of_the_counted_noun_keeps_the_count():
    got = extract_targets("Hefei aims to have 3 million Web 4.0 specialists and 100 Web 3 startups by 2030.",
                          datetime(2024, 3, 1), [])
    assert [(t.metric, t.target_value) for t in got] == [("talent", 3e6), ("companies", 100)]


def test_this_year_dates_a_commitment_in_the_publication_year():
    got = extract_targets("Hefei will hand out 300 million yuan in metaverse subsidies this year.", datetime(2024, 3, 1), [])
    assert [(t.target_value, t.target_year) for t in got] == [(300e6, 2024)]


def test_hope_and_lure_state_a_goal():
    got = extract_targets("Officials in Hefei hope to lure 150 Web3 firms.", datetime(2024, 3, 1), [])
    assert [(t.jurisdiction_name, t.target_value) for t in got] == [("Hefei", 150)]


def test_a_price_or_a_fee_is_too_small_to_be_a_target():
    assert extract_targets("Hefei will charge $425 for the metaverse exam from 2025.", datetime(2024, 3, 1), []) == []
    assert extract_targets("Hefei plans a $97/month pass for its metaverse park.", datetime(2024, 3, 1), []) == []
    got = extract_targets("Hefei plans a $2 million metaverse grant by 2025.", datetime(2024, 3, 1), [])
    assert [t.target_value for t in got] == [2e6]


def test_more_nouns_of_counted_things():
    got = extract_targets("Hefei aims to nurture 300 SMEs, build 5 Web3 accelerators and set up 4 blockchain centres of "
                          "excellence by 2026.", datetime(2024, 3, 1), [])
    assert [(t.metric, t.target_value) for t in got] == [
        ("companies", 300), ("industrial_parks", 5), ("research_centers", 4)]


def test_a_number_after_top_ranks_things_and_counts_none():
    got = extract_targets("Hefei hopes one of the top 10 metaverse companies will open an office there by 2026.",
                          datetime(2024, 3, 1), [])
    assert got == []
    got = extract_targets("Hefei aims to attract 10 metaverse companies by 2026.", datetime(2024, 3, 1), [])
    assert [(t.metric, t.target_value) for t in got] == [("companies", 10)]


def test_a_projection_or_a_figure_cited_from_a_research_firm_is_no_target():
    pub = datetime(2024, 3, 1)
    assert extract_targets("Hefei's metaverse analytics market, projected to reach $9 billion by 2030, keeps growing.",
                           pub, []) == []
    assert extract_targets("Metaverse spending in Hefei will reach $4 billion by 2027, as noted by Zentara Research.",
                           pub, []) == []


@pytest.mark.parametrize("text, row", [
    ("Sichuan announced a 10 billion yuan fund for metaverse start-ups.", ("Sichuan", "fund_size", 10e9, "CNY")),
    ("The Hubei government has announced a $50 million fund for chip design firms.", ("Hubei", "fund_size", 50e6, "USD")),
    ("Chengdu established a 2 billion yuan fund for blockchain firms.", ("Chengdu", "fund_size", 2e9, "CNY")),
])
def test_a_government_announcing_or_establishing_a_fund_sets_a_target(text, row):
    from pipelines.extract.story import extract_story
    rows = [(t.jurisdiction_name, t.metric, t.target_value, t.unit) for t in extract_story("", text, PUB)[1]]
    assert rows == [row]


@pytest.mark.parametrize("text", ["Acme Corp announced revenue of $2 billion for 2023.",
                                  "The company announced it had raised $50 million."])
def test_a_company_announcing_its_results_sets_none(text):
    from pipelines.extract.story import extract_story
    assert extract_story("", text, PUB)[1] == []


@pytest.mark.parametrize("text, rows", [
    ("Dubai's regulator has licensed more than 20 firms, and the government wants to add 1,000 Web3 companies by 2030.",
     [("Dubai", "companies", 1000.0, 2030)]),
    ("Shenzhen has already attracted 300 blockchain firms and aims to attract 500 firms by 2026.",
     [("Shenzhen", "companies", 500.0, 2026)]),
    ("Shanghai has planned 20 metaverse parks by 2025.", [("Shanghai", "industrial_parks", 20.0, 2025)]),
])
def test_a_count_in_a_perfect_tense_is_done_unless_it_is_planned(text, rows):
    from pipelines.extract.story import extract_story
    got = [(t.jurisdiction_name, t.metric, t.target_value, t.target_year) for t in extract_story("", text, PUB)[1]]
    assert got == rows


def test_the_region_is_the_autonomous_region_not_a_city_named_after_the_figure():
    from pipelines.extract.story import extract_story
    body = ("Guangxi plans to nurture 100 metaverse enterprises by 2025. The region will also set up five metaverse "
            "innovation centers in Nanning and Liuzhou, the plan showed.")
    got = [(t.jurisdiction_name, t.metric, t.target_value) for t in extract_story("", body, PUB)[1]]
    assert got == [("Guangxi", "companies", 100.0), ("Guangxi", "research_centers", 5.0)]


def test_a_revenue_threshold_of_the_companies_counted_is_no_industry_size():
    from pipelines.extract.story import extract_story
    body = "Shenzhen wants to nurture 10 metaverse companies with annual revenue exceeding 10 billion yuan by 2025."
    assert [(t.metric, t.target_value) for t in extract_story("", body, PUB)[1]] == [("companies", 10.0)]


@pytest.mark.parametrize("text", [
    "Lakeview Technology Co., Ltd. today announced it will invest RMB 2 billion to build a center in Wuhan.",
    "Acme, Inc. will invest $5 million in a new plant in Ohio.",
])
def test_a_company_named_with_its_legal_form_after_a_comma_makes_its_own_plan(text):
    from pipelines.extract.story import extract_story
    assert extract_story("", text, PUB)[1] == []
