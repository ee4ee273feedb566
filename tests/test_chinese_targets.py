"""Targets stated in Chinese, on sentences written for the project: what must and must not come out."""
from datetime import datetime

import pytest

from pipelines.extract.chinese.targets import mostly_han
from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def targets(body, title="", published_at=PUB):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year)
            for t in extract_story(title, body, published_at)[1]]


def test_industry_size_in_yi_yuan_with_deadline():
    assert targets("四川省力争到2025年元宇宙产业规模突破2500亿元。") == [("Sichuan", "industry_size", 2500e8, "CNY", 2025)]


def test_trillion_yuan_industry_before_year():
    assert targets("广东省提出，2027年前数字经济规模达到1.5万亿元。") == [("Guangdong", "industry_size", 1.5e12, "CNY", 2027)]


def test_fund_in_us_dollars_is_usd_with_its_value():
    (t,) = extract_story("", "上海市将设立50亿美元区块链基金。", PUB)[1]
    assert (t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_value_usd) == ("Shanghai", "fund_size", 5e9, "USD", 5e9)


def test_yuan_is_converted_to_usd_with_the_rate_table():
    (t,) = extract_story("", "成都市将设立73亿元产业基金。", PUB)[1]
    assert (t.target_value_usd, t.usd_is_stated) == (1e9, False)


def test_usd_in_brackets_is_the_stated_figure():
    (t,) = extract_story("", "杭州市计划设立100亿元（约合14亿美元）元宇宙基金。", PUB)[1]
    assert (t.target_value, t.unit, t.target_value_usd, t.usd_is_stated) == (100e8, "CNY", 14e8, True)


def test_ten_thousand_yuan_scale():
    assert targets("河南省将安排3000万元专项资金。") == [("Henan", "investment", 3000e4, "CNY", None)]


def test_companies_count():
    assert targets("到2026年，浙江省将培育100家元宇宙企业。") == [("Zhejiang", "companies", 100, "count", 2026)]


def test_industrial_parks_count():
    assert targets("江苏省计划至2027年建设10个产业园。") == [("Jiangsu", "industrial_parks", 10, "count", 2027)]


def test_talent_in_ten_thousands():
    assert targets("北京市将培养1万名元宇宙人才。") == [("Beijing", "talent", 1e4, "count", None)]


def test_fourteenth_five_year_plan_ends_in_2025():
    assert targets("“十四五”期间，重庆市将打造20个应用场景。") == [("Chongqing", "projects", 20, "count", 2025)]


def test_year_on_year_growth_is_not_a_target():
    assert targets("四川省元宇宙产业规模同比增长20%，达到1500亿元。") == []


def test_figure_already_reached_is_not_a_target():
    assert targets("目前湖北省已建成10个产业园。") == []


def test_last_years_figure_is_not_a_target_but_the_goal_after_it_is():
    assert targets("去年安徽省产业规模达到800亿元，力争到2026年突破1500亿元。") == [
        ("Anhui", "industry_size", 1500e8, "CNY", 2026)]


def test_analysts_market_estimate_is_not_a_target():
    assert targets("某研究机构预测，到2030年中国元宇宙市场规模预计将达到8万亿元。") == []


def test_sentence_without_a_target_cue_is_not_a_target():
    assert targets("会议在成都召开，现场有100家企业。") == []


def test_past_year_statistic_is_not_a_target():
    assert targets("2022年福建省数字经济规模达到2.6万亿元。") == []


def test_evidence_is_the_sentence_with_offsets():
    body = "四川省发布计划。成都市将设立50亿元基金。腾讯参与。"
    (t,) = extract_story("", body, PUB)[1]
    assert (t.evidence, body[t.char_start:t.char_end]) == ("成都市将设立50亿元基金。", "成都市将设立50亿元基金。")


def test_owner_is_the_district_inside_its_city():
    assert targets("深圳市南山区将设立20亿元元宇宙基金。") == [("Nanshan", "fund_size", 20e8, "CNY", None)]


@pytest.mark.parametrize("text,expected", [
    ("四川省力争到2025年规模突破2500亿元。", True),
    ("Sichuan (四川) aims for 250 billion yuan by 2025.", False),
])
def test_mostly_han_chooses_the_chinese_reader(text, expected):
    assert mostly_han(text) is expected


def test_english_story_with_a_chinese_name_keeps_english_targets():
    assert targets("Sichuan (四川) aims to build a 250 billion yuan metaverse industry by 2025.") == [
        ("Sichuan", "industry_size", 250e9, "CNY", 2025)]


def test_hong_kong_dollars_fund():
    assert targets("香港特区政府将设立100亿港元创新基金。") == [("Hong Kong", "fund_size", 100e8, "HKD", None)]


def test_figure_in_yi_without_a_currency_word_after_a_size_word():
    assert targets("力争到2025年，江西省元宇宙产业规模突破500亿。") == [("Jiangxi", "industry_size", 500e8, "CNY", 2025)]


def test_figure_in_yi_of_people_is_no_money():
    assert targets("广东省计划到2025年服务1亿人次。") == []


def test_first_quarters_of_a_year_are_no_deadline():
    assert targets("湖南省计划2025年前三季度新增20家企业。") == [("Hunan", "companies", 20, "count", None)]


def test_second_figure_of_a_sentence_belongs_to_the_place_named_before_it():
    assert targets("北京市将设立100亿元基金，上海市将设立50亿元基金。") == [
        ("Beijing", "fund_size", 100e8, "CNY", None), ("Shanghai", "fund_size", 50e8, "CNY", None)]


def test_second_figure_with_no_new_place_keeps_the_first_owner():
    assert targets("北京市将设立100亿元基金，投资50亿元建设园区。") == [
        ("Beijing", "fund_size", 100e8, "CNY", None), ("Beijing", "investment", 50e8, "CNY", None)]


def test_a_span_of_months_is_no_count_of_parks():
    assert targets("广西计划3个月内建成产业园。") == []


def test_a_quarter_is_no_count_of_companies():
    assert targets("江西省将在1个季度内引进企业，力争培育20家企业。") == [("Jiangxi", "companies", 20, "count", None)]


def test_a_grant_ceiling_per_firm_is_no_target_but_the_fund_beside_it_is():
    assert targets("福建省将设立20亿元基金，对每家企业给予最高500万元奖励。") == [("Fujian", "fund_size", 20e8, "CNY", None)]


def test_a_ceiling_per_project_is_no_target():
    assert targets("单个项目给予不超过1000万元补贴，甘肃省力争培育10家企业。") == [("Gansu", "companies", 10, "count", None)]


def test_a_place_inside_a_company_name_owns_no_target():
    assert targets("中国银行将设立100亿元基金。") == []  # the bank's own plan: no place's, no target (CONTRACT.md)
    assert targets("中国银行与成都市将共同设立100亿元基金。") == [("Chengdu", "fund_size", 100e8, "CNY", None)]


def test_a_place_inside_a_government_body_still_owns_its_target():
    assert targets("成都市人民政府将设立10亿元基金。") == [("Chengdu", "fund_size", 10e8, "CNY", None)]


def test_companies_counted_after_their_noun():
    assert targets("成都市力争培育企业100家。") == [("Chengdu", "companies", 100.0, "count", None)]


def test_talent_counted_after_its_noun_in_ten_thousands():
    assert targets("杭州市计划引进人才1万名。") == [("Hangzhou", "talent", 1e4, "count", None)]


def test_parks_counted_after_their_noun():
    assert targets("武汉市将建设产业园10个。") == [("Wuhan", "industrial_parks", 10.0, "count", None)]


def test_noun_then_link_word_then_figure():
    assert targets("到2025年，南京市元宇宙企业数量达到200家。") == [("Nanjing", "companies", 200.0, "count", 2025)]


def test_noun_before_a_span_of_months_is_no_count():
    assert targets("苏州市将建设项目3个月内完工。") == []


def test_noun_before_figure_already_reached_is_no_target():
    assert targets("天津市已培育企业100家。") == []


def test_noun_on_both_sides_of_the_figure_counts_once():
    assert targets("重庆市将培育企业100家企业。") == [("Chongqing", "companies", 100.0, "count", None)]


def test_the_plan_written_out_ends_in_2025():
    # 第十四个五年规划 is 十四五 written out: its targets are due in 2025, as 十四五's are
    found = [(t.jurisdiction_name, t.target_value, t.target_year) for t in extract_story(
        "", "第十四个五年规划期间，上海市将培育100家元宇宙企业。", datetime(2024, 3, 1))[1]]
    assert found == [("Shanghai", 100.0, 2025)]


def test_a_figure_both_places_reach_is_one_target_each():
    assert targets("北京市和上海市元宇宙产业规模均突破1000亿元。") == [
        ("Beijing", "industry_size", 1000e8, "CNY", None), ("Shanghai", "industry_size", 1000e8, "CNY", None)]


def test_three_places_listed_with_a_pause_mark_share_a_count():
    assert [t[0] for t in targets("到2026年，北京市、天津市和河北省都将培育100家元宇宙企业。")] == ["Beijing", "Tianjin", "Hebei"]


def test_respective_figures_pair_with_the_places_in_order():
    assert targets("到2025年，北京市与上海市元宇宙产业规模分别达到1000亿元和800亿元。") == [
        ("Beijing", "industry_size", 1000e8, "CNY", 2025), ("Shanghai", "industry_size", 800e8, "CNY", 2025)]


def test_respectively_with_one_figure_gives_it_to_each_place():
    assert [(t[0], t[2]) for t in targets("北京市和上海市将分别设立10亿元区块链基金。")] == [("Beijing", 1e9), ("Shanghai", 1e9)]


def test_places_building_one_thing_together_keep_one_target():
    assert targets("四川省与重庆市将共同打造1000亿元元宇宙产业集群。") == [("Sichuan", "industry_size", 1000e8, "CNY", None)]


def test_a_distributive_character_inside_another_word_shares_nothing():
    assert [t[0] for t in targets("北京市和上海市都市圈元宇宙产业规模将达到1000亿元。")] == ["Beijing"]


def test_both_in_an_earlier_clause_does_not_share_a_later_figure():
    assert [t[0] for t in targets("北京市和上海市都是一线城市，计划设立10亿元基金。")] == ["Beijing"]


def test_a_shared_figure_in_yuan_is_each_places_own_dollar():
    got = [(t.jurisdiction_name, t.unit) for t in extract_story("", "香港和澳门均将设立100亿元创新基金。", PUB)[1]]
    assert got == [("Hong Kong", "HKD"), ("Macau", "MOP")]


def test_over_a_round_hundred_yi_is_that_hundred_yi():
    assert targets("四川省力争到2025年元宇宙产业规模逾百亿元。") == [("Sichuan", "industry_size", 100e8, "CNY", 2025)]


def test_more_than_a_written_figure_is_the_figure():
    assert targets("湖北省力争元宇宙产业规模超过100亿元。") == [("Hubei", "industry_size", 100e8, "CNY", None)]


def test_nearly_a_thousand_and_some_hundred_firms_read_their_round_number():
    assert targets("到2026年，安徽省将培育近千家元宇宙企业。") == [("Anhui", "companies", 1000, "count", 2026)]
    assert targets("安徽省计划培育上百家元宇宙企业。") == [("Anhui", "companies", 100, "count", None)]


def test_ten_odd_firms_and_ten_thousand_odd_people_read_the_figure_written():
    assert targets("江西省计划培育十余家元宇宙企业，引进1万余名人才。") == [
        ("Jiangxi", "companies", 10, "count", None), ("Jiangxi", "talent", 1e4, "count", None)]


def test_a_hundred_odd_yi_yuan_reads_one_hundred_yi():
    assert targets("福建省力争元宇宙产业规模达到100多亿元。") == [("Fujian", "industry_size", 100e8, "CNY", None)]


def test_some_tens_of_firms_name_no_number():
    assert targets("安徽省计划培育数十家元宇宙企业。") == []
    assert targets("安徽省计划培育十几家元宇宙企业。") == []


def test_a_size_class_is_no_target():
    assert targets("安徽省计划打造百亿级元宇宙产业集群。") == []


def test_a_unit_alone_with_no_bound_word_is_no_figure():
    assert targets("安徽省将安排千万元专项资金。") == []


def test_a_span_of_some_months_is_no_count_of_parks():
    assert targets("安徽省计划3个多月内建成元宇宙产业园。") == []


@pytest.mark.parametrize("text", ["四川省力争到2025年元宇宙产业规模达到100-200亿元。", "四川省力争元宇宙产业规模达到100至200亿元。",
                                  "四川省力争元宇宙产业规模达到１００～２００亿元。", "四川省力争元宇宙产业规模达到100亿元至200亿元。",
                                  "四川省计划到2025年培育10至20家元宇宙企业。"])
def test_a_range_is_no_target_neither_bound(text):
    assert targets(text) == []


def test_from_one_level_to_another_the_upper_figure_is_the_target():
    assert targets("湖南省力争到2025年元宇宙产业规模从100亿元到200亿元。") == [("Hunan", "industry_size", 200e8, "CNY", 2025)]


def test_a_span_of_years_before_a_figure_is_no_range():
    assert targets("湖南省2023-2025年将安排10亿元专项资金。") == [("Hunan", "investment", 10e8, "CNY", 2025)]


def test_a_round_unit_after_to_is_the_level_reached():
    assert targets("湖南省计划将元宇宙产业规模提升至千亿元。") == [("Hunan", "industry_size", 1000e8, "CNY", None)]
    assert targets("湖南省计划将元宇宙产品送到千家万户。") == []


def test_city_written_before_its_district_names_the_district_for_later_sentences():
    # 广州南沙区 is Guangzhou's Nansha district: the city qualifies, the district is the subject a later
    # sentence's 区财政 (the district's budget) refers back to.
    body = "广州南沙区印发元宇宙措施。区财政每年安排不少于5亿元专项资金，支持元宇宙企业。"
    assert targets(body) == [("Nansha", "investment", 5e8, "CNY", None)]


def test_jian_after_a_numeral_counts_firms_as_jia_does():
    # 間 is the measure word Hong Kong and Taiwan write for firms and shops ('100間企業')
    assert targets("澳門特區政府計劃於2026年前引進80間數字科技企業。") == [("Macau", "companies", 80, "count", 2026)]


def test_jian_meaning_between_or_during_counts_nothing():
    assert targets("2024年至2026年期間，澳門將投入20億澳門元發展數字科技產業。") == [
        ("Macau", "investment", 20e8, "MOP", 2026)]
    assert targets("珠海與澳門之間將建設8個科技創新平台。") == [("Zhuhai", "research_centers", 8, "count", None)]


@pytest.mark.parametrize("forecast", ["业内人士预计，到2030年全国数字藏品市场规模将达到500亿元。",
                                      "業界人士預估，澳門元宇宙產值到2028年可達100億澳門元。",
                                      "有机构预计，未来三年国内Web3市场规模将突破800亿元。"])
def test_an_unnamed_forecasters_estimate_is_no_target(forecast):
    assert targets("福州市将设立20亿元元宇宙基金。" + forecast) == [("Fuzhou", "fund_size", 20e8, "CNY", None)]


def test_a_government_writing_expected_by_a_year_keeps_its_goal():
    assert targets("福州市发布元宇宙方案，预计到2026年全市元宇宙产业规模突破800亿元。") == [
        ("Fuzhou", "industry_size", 800e8, "CNY", 2026)]
    assert targets("福州市计划到2026年引进元宇宙领域专家300名，预计带动产业规模突破800亿元。") == [
        ("Fuzhou", "talent", 300, "count", 2026), ("Fuzhou", "industry_size", 800e8, "CNY", 2026)]


def test_a_funds_first_tranche_is_part_of_the_fund_not_an_industry():
    # the first tranche is part of the 3 billion yuan fund just stated: one row, so sums do not count it twice
    assert targets("厦门市将设立总规模30亿元的区块链产业基金，首期规模6亿元。") == [("Xiamen", "fund_size", 30e8, "CNY", None)]


def test_a_first_phase_with_no_fund_named_is_no_industry_size_and_its_investment_stays():
    assert targets("厦门市将建设区块链产业园，首期规模6亿元。") == []
    assert targets("厦门市将建设区块链产业园，项目首期投资6亿元。") == [("Xiamen", "investment", 6e8, "CNY", None)]


def test_a_level_government_budget_opening_a_sentence_is_that_level_place():
    # 市财政 (the city's budget) after a sentence naming two of its districts: the city's figure, not a district's
    body = "济南市印发行动计划。历下区、槐荫区将建设元宇宙产业集聚区。市财政每年统筹安排资金1亿元支持元宇宙产业发展。"
    assert targets(body) == [("Jinan", "investment", 1e8, "CNY", None)]


def test_innovation_application_centres_counted_after_their_noun_are_research_centres():
    assert targets("厦门市提出到2027年建成区块链创新应用中心3个。") == [("Xiamen", "research_centers", 3, "count", 2027)]
