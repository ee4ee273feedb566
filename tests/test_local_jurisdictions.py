"""China's districts, counties, county-level cities and development zones as news about them names them: the right
place with its parents, the district (not its city) holding the figures it is the subject of, and the descriptions,
past results and years around them read as such. Invented headlines and sentences."""
from datetime import datetime

import pytest

from pipelines.extract.chinese.districts import county_rows
from pipelines.extract.gazetteer import jurisdiction_rows, load_gazetteer
from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def owners(title, body, published=PUB):
    return [(t.jurisdiction_name, t.metric, t.target_value) for t in extract_story(title, body, published)[1]]


def places(title, body):
    return {m.entity_name for m in extract_story(title, body, PUB)[0] if m.entity_type == "jurisdiction"}


def companies(body):
    return {m.entity_name for m in extract_story(None, body, PUB)[0] if m.entity_type == "company"}


def test_county_rows_give_each_county_and_county_level_city_its_prefecture():
    divisions = {330000: "浙江省", 330700: "金华市", 330782: "义乌市", 330500: "湖州市", 330522: "长兴县",
                 650000: "新疆维吾尔自治区", 652200: "哈密地区", 652223: "伊吾县", 330526: "某某自治县"}
    names = {"金华市": "Jinhua", "湖州市": "Huzhou", "浙江省": "Zhejiang", "新疆维吾尔自治区": "Xinjiang"}
    pinyin = {"义乌": ["yi", "wu"], "长兴": ["chang", "xing"], "伊吾": ["yi", "wu"], "某某自治": ["mou"]}
    rows = county_rows(divisions, names.get, pinyin.get, lambda zh, en, parent: zh == "伊吾县")  # a county the known city's name
    assert [(r["zh"], r["name"], r["parent"], r["kind"]) for r in rows] == [
        ("长兴县", "Changxing", "Huzhou", "county"), ("义乌市", "Yiwu", "Jinhua", "county_city")]


@pytest.mark.parametrize("name,chain", [
    ("Kunshan", ["Kunshan", "Suzhou", "Jiangsu", "China"]),  # GeoNames' county-level city, under its city now
    ("Jiangyin", ["Jiangyin", "Wuxi", "Jiangsu", "China"]),
    ("Changxing", ["Changxing", "Huzhou", "Zhejiang", "China"]),  # a county
    ("Chengdu Hi-tech Zone", ["Chengdu Hi-tech Zone", "Chengdu", "Sichuan", "China"]),
    ("Zhengdong", ["Zhengdong", "Zhengzhou", "Henan", "China"]),
    ("Qujiang", ["Qujiang", "Xi'an", "Shaanxi", "China"]),
])
def test_counties_and_zones_sit_under_their_city(name, chain):
    assert [r["jurisdiction_name"] for r in jurisdiction_rows([name])] == chain


def test_a_county_s_pinyin_is_no_english_name():
    assert load_gazetteer().lookup("Guide") is None  # 贵德县: 'to Guide AI crawlers' names no place
    assert places(None, "Cloudflare debuts signals to Guide AI crawlers.") == set()


@pytest.mark.parametrize("title,body,expected", [
    ("长兴县发布数字经济计划", "到2025年，全县数字经济核心产业营业收入突破300亿元，集聚企业50家。",
     [("Changxing", "industry_size", 3e10), ("Changxing", "companies", 50)]),
    ("成都高新区发布元宇宙行动计划", "到2025年，成都高新区元宇宙核心产业规模达到300亿元。成都高新区管委会将设立规模30亿元的产业基金。",
     [("Chengdu Hi-tech Zone", "industry_size", 3e10), ("Chengdu Hi-tech Zone", "fund_size", 3e9)]),
    ("广州开发区印发元宇宙办法", "广州开发区管委会设立规模100亿元的元宇宙产业发展基金。",
     [("Huangpu", "fund_size", 1e10)]),  # the zone and the district are one administration
])
def test_a_county_or_zone_holds_its_own_figures(title, body, expected):
    assert owners(title, body) == expected


def test_a_headline_s_county_level_city_owns_a_report_that_names_its_city_as_context():
    body = ("到2025年，全市数字经济核心产业规模突破1000亿元。\n\n"
            "我们将紧扣无锡市\"数字无锡\"建设部署，为江苏省数字经济强省建设贡献江阴力量。")
    assert owners("2024年江阴市政府工作报告", body) == [("Jiangyin", "industry_size", 1e11)]
    # a headline naming the city itself keeps it
    assert owners("无锡市政府工作报告", body) == [("Wuxi", "industry_size", 1e11)]


def test_a_past_year_s_results_go_on_after_a_semicolon():
    body = ("2023年，全区地区生产总值达到1620亿元，增长5.8%；数字经济核心产业营业收入突破800亿元。\n\n"
            "力争到2025年，全区数字经济核心产业营业收入突破1500亿元。")
    assert owners("蜀山区政府工作报告", body) == [("Shushan", "industry_size", 1.5e11)]


def test_the_past_year_opens_a_review_and_a_deadline_after_a_past_word_is_a_goal():
    assert owners("江阴市政府工作报告", "过去一年，全市实现地区生产总值4950亿元，增长6.2%。") == []
    body = "郑州市去年出台的元宇宙产业发展规划提出，到2025年，全市元宇宙核心产业规模突破200亿元。"
    assert owners("郑州元宇宙规划", body, datetime(2023, 10, 16)) == [("Zhengzhou", "industry_size", 2e10)]
    assert owners("郑州元宇宙产业", "去年，全市元宇宙核心产业规模突破200亿元。", datetime(2023, 10, 16)) == []


@pytest.mark.parametrize("body,expected", [
    ("Kunshan aims to lift its digital economy to 300 billion yuan by 2025. The city, administered by Suzhou, will "
     "also build 10 digital industrial parks by 2025.",
     [("Kunshan", "industry_size", 3e11), ("Kunshan", "industrial_parks", 10)]),
    ("Beijing's Haidian district aims for a 10 billion yuan industry by 2025. The district, home to tech giants such "
     "as Baidu and Xiaomi, will cultivate 50 leading companies by 2025.",
     [("Haidian", "industry_size", 1e10), ("Haidian", "companies", 50)]),
])
def test_names_in_a_description_after_the_city_neither_own_nor_act(body, expected):
    assert owners(None, body) == expected


def test_a_gdp_a_place_is_described_with_is_no_target():
    body = "Kunshan topped the list of county-level economies in 2023, with a GDP of 530 billion yuan."
    assert owners(None, body) == []


def test_a_year_does_not_hide_the_count_after_it():
    body = "Nansha aims to gather 200 Web3 companies by 2025 and build two blockchain industrial parks."
    assert owners(None, body) == [("Nansha", "companies", 200), ("Nansha", "industrial_parks", 2)]


def test_a_zone_s_management_committee_is_no_company():
    body = "The Lingang management committee will set up a 10 billion yuan fund for computing power."
    assert "Lingang" not in companies(body)
    assert owners(None, body) == [("Lingang", "fund_size", 1e10)]
    assert "Zorvex" in companies("Analysts said Zorvex management expects revenue to rise.")  # a firm's management


@pytest.mark.parametrize("body,name", [
    ("长江存储、烽火通信等企业已在光谷布局算力项目。", "YMTC"),
    ("长江存储、烽火通信等企业已在光谷布局算力项目。", "FiberHome"),
    ("Nanshan District, home to Tencent and DJI, will set up a fund.", "DJI"),
])
def test_makers_district_news_names(body, name):
    assert name in companies(body)


def test_a_county_level_city_s_level_words_are_its_own_after_it_names_its_prefecture():
    body = ("到2026年，全市数字经济核心产业营业收入突破800亿元。\n\n"
            "依托乌镇优势，打造嘉兴市数字经济发展示范区。市财政每年安排数字经济发展专项资金不少于2亿元。")
    assert owners("桐乡市数字经济行动计划印发", body) == [("Tongxiang", "industry_size", 8e10), ("Tongxiang", "investment", 2e8)]
    # the prefecture named in the level word's own sentence is the one meant
    assert owners("安吉县数字经济政策", "湖州市提出，到2025年全市数字经济核心产业增加值突破500亿元。") == [
        ("Huzhou", "industry_size", 5e10)]


def test_a_work_report_s_goals_section_states_targets_with_no_cue_of_their_own():
    body = ("一、2023年工作回顾\n\n全年实施重点项目100个，完成投资400亿元。\n\n"
            "二、2024年主要目标任务\n\n全年实施亿元以上重点项目120个，完成投资450亿元。\n\n"
            "三、保障措施\n\n全区新增企业500家。")
    assert sorted(owners("蜀山区政府工作报告（2024年）", body, datetime(2024, 1, 30))) == [
        ("Shushan", "investment", 4.5e10), ("Shushan", "projects", 120)]
    years = {t.target_year for t in extract_story("蜀山区政府工作报告（2024年）", body, datetime(2024, 1, 30))[1]}
    assert years == {2024}


def test_a_result_of_the_year_so_far_is_no_target():
    assert owners("张家港数字经济", "今年上半年，张家港规上工业总产值达到2860亿元。", datetime(2024, 7, 18)) == []
    body = "到2025年，张家港力争上半年完成投资50亿元。"  # a commitment in the clause outweighs it
    assert owners("张家港数字经济", body, datetime(2024, 7, 18)) == [("Zhangjiagang", "investment", 5e9)]


def test_the_zone_and_its_description_and_a_free_trade_zone_s_area():
    body = ("The Zhengzhou Airport Economy Zone aims to grow its electronic information industry to 50 billion yuan by "
            "2025.\n\nThe zone, home to Foxconn's largest iPhone assembly base, will attract 100 supply chain companies "
            "and build 5 research and development centers over the next two years.")
    assert owners(None, body, datetime(2024, 2, 20)) == [
        ("Zhengzhou Airport Economy Zone", "industry_size", 5e10), ("Zhengzhou Airport Economy Zone", "companies", 100),
        ("Zhengzhou Airport Economy Zone", "research_centers", 5)]
    body = ("12月11日，中国（四川）自由贸易试验区天府新区片区发布《支持区块链产业发展若干政策》。"
            "政策提出，到2025年，片区区块链核心产业规模达到80亿元。")
    assert owners("自贸试验区天府新区片区出台区块链政策", body, datetime(2023, 12, 12)) == [("Tianfu", "industry_size", 8e9)]


def test_a_zone_the_city_supports_is_no_owner_of_the_city_s_figures():
    body = "成都市人民政府将设立50亿元元宇宙产业基金，支持成都高新区建设10个元宇宙产业园。"
    assert owners("成都元宇宙计划", body) == [("Chengdu", "fund_size", 5e9), ("Chengdu", "industrial_parks", 10)]


@pytest.mark.parametrize("name,province", [("Pingxiang", "Jiangxi"), ("Ji'an", "Jiangxi"), ("Jinzhou", "Liaoning")])
def test_a_prefecture_city_keeps_its_province_when_a_county_level_city_elsewhere_shares_its_pinyin(name, province):
    # 凭祥市 (Guangxi), 集安市 (Jilin), 晋州市 (Hebei) are not GeoNames' 萍乡, 吉安 and 锦州
    assert [r["jurisdiction_name"] for r in jurisdiction_rows([name])][1] == province


def test_a_county_level_city_geonames_gives_no_chinese_name_still_gets_its_prefecture():
    assert [r["jurisdiction_name"] for r in jurisdiction_rows(["Changshu"])] == ["Changshu", "Suzhou", "Jiangsu", "China"]


@pytest.mark.parametrize("body,expected", [
    ("Xiong'an New Area in north China's Hebei Province aims to attract 100 digital economy firms by 2027.",
     [("Xiongan", "companies", 100)]),
    ("Liangjiang New Area in southwest China's Chongqing plans to grow its computing industry to 50 billion yuan by 2026.",
     [("Liangjiang", "industry_size", 5e10)]),
    ("Officials in north China's Hebei Province aim to attract 100 firms by 2027.", [("Hebei", "companies", 100)]),
])
def test_a_new_area_placed_in_its_province_by_the_country_s_possessive_is_the_subject(body, expected):
    assert owners(None, body, datetime(2024, 8, 29)) == expected


def test_a_gdp_result_is_no_target_and_a_report_s_headline_under_its_section_and_dateline():
    from pipelines.parse.text.page import parse_text
    assert owners("长兴县政府工作报告", "全年实现地区生产总值905亿元，增长7.1%。", datetime(2024, 2, 2)) == []
    page = "\n".join(["某某县人民政府", "首页 政务公开 政务服务 互动交流 走进某某", "政府工作报告",
                      "发布日期：2024-02-02　来源：县政府办　浏览次数：2231", "2024年某某县政府工作报告",
                      "——2024年1月29日在某某县第十八届人民代表大会第三次会议上", "一、2023年工作回顾",
                      "全年实现地区生产总值905亿元，增长7.1%；数字经济核心产业增加值增长12%，规模以上工业增加值增长9%。",
                      "二、2024年工作目标和重点任务",
                      "到2025年，全县数字经济核心产业营业收入突破300亿元，培育数字经济规上企业120家，建成一批数字化车间。"])
    assert parse_text(page)[0].title == "2024年某某县政府工作报告"


def test_a_headline_s_county_owns_a_report_its_body_names_only_by_level_words():
    body = "到2025年，全县数字经济核心产业营业收入突破300亿元。\n\n加快融入湖州市\"数字湖州\"建设。"
    assert owners("2024年长兴县政府工作报告", body, datetime(2024, 2, 2)) == [("Changxing", "industry_size", 3e10)]
