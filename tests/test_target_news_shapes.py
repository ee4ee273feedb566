"""How news stories name a target's holder, year and metric in shapes the rules once misread (invented sentences in the
shapes of wire and newspaper reports): a dateline ('HAIKOU --', 'Hyderabad:'), 'the state', a city where a province builds,
goals listed under a plan with a period, an industrial cluster."""
from __future__ import annotations

from datetime import datetime

from pipelines.extract.datelines import dateline_end
from pipelines.extract.story import extract_story

PUBLISHED = datetime(2024, 2, 20)


def _rows(title, body):
    return sorted((t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year)
                  for t in extract_story(title, body, PUBLISHED)[1])


def test_dateline_shapes_are_read_and_sentences_are_not():
    for text, dateline in [("HAIKOU -- Hainan will", "HAIKOU -- "), ("Hyderabad: The state", "Hyderabad: "),
                           ("BEIJING, March 2 -- China will", "BEIJING, March 2 -- "),
                           ("SAN FRANCISCO, Calif. — The city", "SAN FRANCISCO, Calif. — "),
                           ("WUHAN, China, March 18, 2024 /PRNewswire/ -- Acme", "WUHAN, China, March 18, 2024 /PRNewswire/ -- ")]:
        assert text[:dateline_end(text)] == dateline
    for text in ["Under the plan, Xuhui will: Build", "Guangdong: aims to build 10 parks", "Shenzhen aims for 10 billion yuan"]:
        assert dateline_end(text) == 0


def test_the_dateline_city_does_not_hold_the_state_s_goal():
    body = ("Hyderabad: The Telangana government on Tuesday unveiled its Web3 policy, saying it wants to attract "
            "500 startups by 2027.")
    assert _rows("", body) == [("Telangana", "companies", 500, "count", 2027)]
    # with no dateline the sentence reads as before
    assert _rows("", body.replace("Hyderabad: ", "")) == [("Telangana", "companies", 500, "count", 2027)]


def test_a_dateline_city_alone_in_its_sentence_still_holds_the_figure():
    assert _rows("", "Shenzhen: The city will set up a 10 billion yuan fund for Web3 start-ups.") == [
        ("Shenzhen", "fund_size", 1e10, "CNY", None)]


def test_the_state_is_the_state_named_not_the_city():
    body = ("Telangana unveiled a Web3 policy in Hyderabad on Tuesday. Hyderabad will host a hub. "
            "The state will set up a Rs 200 crore fund for blockchain start-ups.")
    assert _rows("", body) == [("Telangana", "fund_size", 2e9, "INR", None)]


def test_a_city_where_a_province_builds_does_not_hold_the_province_s_goal():
    body = ("HAIKOU -- South China's Hainan province will build a blockchain zone in Haikou's innovation park, with "
            "the aim of gathering 100 blockchain companies by 2025, the provincial government said.")
    assert _rows("", body) == [("Hainan", "companies", 100, "count", 2025)]
    # a district named before the verb is the subject, as before
    assert _rows("", "In Jiangsu, the Jiangning district aims for a 10 billion yuan industry by 2025.") == [
        ("Jiangning", "industry_size", 1e10, "CNY", 2025)]


def test_goals_listed_under_the_plan_take_the_plan_period_s_end():
    body = ("Xuhui District released an action plan (2024-2026) for its metaverse industry.\n\n"
            "Under the plan, Xuhui will:\n\n1. Grow the output of its metaverse industry to 50 billion yuan.\n\n"
            "2. Train 5,000 professionals in virtual reality.\n\n"
            "The district will also set up a 2 billion yuan fund for start-ups.")
    assert _rows("", body) == [("Xuhui", "fund_size", 2e9, "CNY", None), ("Xuhui", "industry_size", 5e10, "CNY", 2026),
                               ("Xuhui", "talent", 5000, "count", 2026)]
    # a plan with no period dates nothing
    assert _rows("", body.replace(" (2024-2026)", "")) == [
        ("Xuhui", "fund_size", 2e9, "CNY", None), ("Xuhui", "industry_size", 5e10, "CNY", None),
        ("Xuhui", "talent", 5000, "count", None)]


def test_an_industrial_cluster_of_a_sum_is_an_industry_size():
    assert _rows("", "Bao'an District aims to build a 20 billion yuan drone industrial cluster by 2025.") == [
        ("Bao'an", "industry_size", 2e10, "CNY", 2025)]
    assert _rows("", "Bao'an District will invest 20 billion yuan in drones by 2025.") == [
        ("Bao'an", "investment", 2e10, "CNY", 2025)]


def test_a_sentence_going_on_about_a_company_s_plan_is_the_company_s():
    lead = "Lakeview Technology Co., Ltd. will invest RMB 2 billion to build a research center in Wuhan. "
    assert _rows("", lead + "The center is expected to employ 1,500 engineers by 2026.") == []
    assert _rows("", lead + "It will create 300 jobs by 2026.") == []
    # after a government's plan the same sentence is the government's
    assert _rows("", "Wuhan will invest 2 billion yuan to build a research center. "
                     "The center is expected to employ 1,500 engineers by 2026.") == [
        ("Wuhan", "investment", 2e9, "CNY", None), ("Wuhan", "talent", 1500, "count", 2026)]
    # a sentence naming a place of its own is read as before
    assert _rows("", lead + "The center supports Wuhan's goal of a metaverse industry worth 50 billion yuan by 2025.") == [
        ("Wuhan", "industry_size", 5e10, "CNY", 2025)]


def test_a_plan_s_goals_are_its_owner_s_not_the_cities_where_they_happen():
    body = ("The Union Cabinet today approved a scheme with an outlay of Rs 1,000 crore to support Web3 start-ups. "
            "The scheme will set up 10 centres of excellence in cities including Bengaluru and Hyderabad.")
    assert _rows("", body) == [("India", "investment", 1e10, "INR", None), ("India", "research_centers", 10, "count", None)]
    # a sentence not about the plan still takes a place after its figure
    assert _rows("", "A fund of 10 billion yuan for start-ups in Shenzhen will be set up by 2025.") == [
        ("Shenzhen", "fund_size", 1e10, "CNY", 2025)]


def test_a_program_s_sum_is_spending_and_trading_worth_is_a_size():
    assert _rows("", "Osaka Prefecture plans a Web3 program worth ¥1 billion.") == [("Osaka", "investment", 1e9, "JPY", None)]
    assert _rows("", "Busan expects its exchange to handle trading worth 1.3 trillion won a year by 2026.") == [
        ("Busan", "industry_size", 1.3e12, "KRW", 2026)]


def test_a_budget_s_fiscal_year_is_its_year():
    assert _rows("", "The Tokyo Metropolitan Government will set aside ¥5 billion in its fiscal 2024 budget for Web3 startups.") == [
        ("Tokyo", "investment", 5e9, "JPY", 2024)]
    assert _rows("", "The Tokyo Metropolitan Government will set aside ¥5 billion for Web3 startups.") == [
        ("Tokyo", "investment", 5e9, "JPY", None)]


def test_a_count_added_or_attracted_is_done_not_a_goal():
    assert _rows("", "Hainan added 300 digital economy companies in the first nine months of the year.") == []
    assert _rows("", "Hainan aims to add 300 digital economy companies by 2025.") == [("Hainan", "companies", 300, "count", 2025)]


def test_a_body_named_again_by_its_head_noun_holds_its_own_figure():
    body = ("The European Commission presented its Web 4.0 strategy on Tuesday. The Commission has earmarked €7.5 billion "
            "for digital projects. France plans to invest €100 million in immersive technologies.")
    rows = {(t.jurisdiction_name, t.target_value): t.extra.get("held_by_organization")
            for t in extract_story("", body, PUBLISHED)[1]}
    assert rows == {(None, 7.5e9): True, ("France", 1e8): None}  # not France's €7.5 billion
    # two bodies sharing the head noun: 'the Commission' is neither's (the figure is read as one no body holds)
    two = body.replace("The European Commission presented", "The European Commission and the Securities and Futures "
                                                              "Commission presented")
    assert not any(t.extra.get("held_by_organization") for t in extract_story("", two, PUBLISHED)[1] if t.target_value == 7.5e9)


def test_a_sentence_going_on_with_the_holder_s_goal_takes_its_year():
    body = ("Jiangsu province aims to build a metaverse industry worth 300 billion yuan by 2026.\n\n"
            "The province will cultivate 50 leading metaverse companies and build 10 metaverse industrial parks.")
    assert _rows("", body) == [("Jiangsu", "companies", 50, "count", 2026), ("Jiangsu", "industrial_parks", 10, "count", 2026),
                               ("Jiangsu", "industry_size", 3e11, "CNY", 2026)]
    # a paragraph naming the holder otherwise states no year it does not give
    assert ("Jiangsu", "companies", 50, "count", None) in _rows("", body.replace("The province will", "Jiangsu will"))


def test_a_government_work_report_states_goals_and_a_research_report_estimates():
    body = "Shandong Province plans to expand its digital economy core industries to 500 billion yuan by 2025, according to {}."
    assert _rows("", body.format("a government work report released on Tuesday")) == [
        ("Shandong", "industry_size", 5e11, "CNY", 2025)]
    assert _rows("", body.format("a research report by a consultancy")) == []


def test_places_listed_with_one_named_by_its_kind_share_an_each_figure():
    body = "The provincial capital Jinan and the coastal city of Qingdao will each build a 10 billion yuan fund."
    assert _rows("", body) == [("Jinan", "fund_size", 1e10, "CNY", None), ("Qingdao", "fund_size", 1e10, "CNY", None)]
    # a place after another kind of phrase is no list member
    assert _rows("", "Jinan and the port operator in Qingdao will each build a 10 billion yuan fund.") != [
        ("Jinan", "fund_size", 1e10, "CNY", None), ("Qingdao", "fund_size", 1e10, "CNY", None)]


def test_the_headline_s_place_is_the_story_s_when_the_body_names_it_by_its_kind():
    body = ("The city government on Monday unveiled a plan to build a metaverse industry worth 20 billion yuan by 2026.\n\n"
            "Meanwhile, neighbouring Changsha has set up a 3 billion yuan digital culture fund.")
    assert _rows("Wuhan bets on metaverse with 20 billion yuan plan", body) == [
        ("Changsha", "fund_size", 3e9, "CNY", None), ("Wuhan", "industry_size", 2e10, "CNY", 2026)]
    # a country in the headline is the setting: the body's place stays the story's
    assert ("Changsha", "industry_size", 2e10, "CNY", 2026) in _rows("China's cities bet on the metaverse", body)


def test_the_capital_and_the_sar_name_the_story_s_place():
    assert ("Seoul", "companies", 100, "count", 2026) in _rows("Seoul plan", (
        "Seoul Metropolitan Government said it will invest 3.9 billion won in Metaverse Seoul. Busan is also active. "
        "The capital aims to attract 100 firms by 2026."))
    assert _rows("", "Macau's government unveiled a fintech plan. Zhuhai is nearby. "
                     "The SAR will set up a 1 billion pataca fund.") == [("Macau", "fund_size", 1e9, "MOP", None)]


def test_a_district_placed_in_south_chinas_city_holds_its_figures():
    body = ("SHENZHEN, June 3 -- Lotus district in south China's Shenzhen on Monday unveiled measures to attract Web3 "
            "firms, offering rewards of up to 5 million yuan to firms that set up headquarters there.")
    # Lotus is no place: the figure falls to the city the clause names, never to the country of its descriptor
    assert [r[0] for r in _rows("", body)] == ["Shenzhen"]
    assert [r[0] for r in _rows("", body.replace("Lotus district", "Futian district"))] == ["Futian"]


def test_a_sum_in_us_dollars_written_with_full_stops_is_the_stated_usd_figure():
    [target] = extract_story("", "Hefei will set up a fund of 10 billion yuan (about 1.38 billion U.S. dollars) for "
                             "start-ups.", PUBLISHED)[1]
    assert (target.target_value, target.unit, target.target_value_usd, target.usd_is_stated) == (1e10, "CNY", 1.38e9, True)


def test_a_funds_first_tranche_is_part_of_the_fund_not_a_second_fund():
    body = ("Hefei has set up a metaverse industry fund worth 10 billion yuan, the commission said on Monday. "
            "The first tranche of the fund, 2 billion yuan, will go to companies working on displays.")
    assert _rows("", body) == [("Hefei", "fund_size", 1e10, "CNY", None)]
    # a tranche with no fund stated before it is the figure the story gives
    assert _rows("", "Hefei will launch a 2 billion yuan tranche of funding for start-ups.") == [
        ("Hefei", "fund_size", 2e9, "CNY", None)]


def test_the_level_a_goal_grows_from_is_no_target():
    body = "Jiangsu aims to boost its metaverse industry to 100 billion yuan in 2025 from about 40 billion yuan in 2022."
    assert _rows("", body) == [("Jiangsu", "industry_size", 1e11, "CNY", 2025)]
    assert _rows("", "Jiangsu will raise 2 billion yuan from investors for a fund by 2025.") == [
        ("Jiangsu", "fund_size", 2e9, "CNY", 2025)]


def test_a_government_body_named_after_data_is_no_estimate():
    body = ("The province will invest 30 billion yuan in digital infrastructure, according to the provincial big data "
            "development administration.")
    assert _rows("Guizhou plans data centres", body) == [("Guizhou", "investment", 3e10, "CNY", None)]
    assert _rows("", "The market will reach 30 billion yuan by 2025, according to data from the bureau.") == []
