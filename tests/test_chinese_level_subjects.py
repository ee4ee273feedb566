"""A word for the whole of a level opening a clause (全省, 本市, 该省) owns its figures for that level's place
(chinese/levels.py), on sentences written for the project."""
from datetime import datetime

from pipelines.extract.chinese.levels import SentenceLevels
from pipelines.extract.chinese.vocabulary import rules as chinese_rules
from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def targets(body, title=""):
    return sorted((t.jurisdiction_name, t.metric, t.target_value, t.unit) for t in extract_story(title, body, PUB)[1])


def test_the_whole_province_after_its_cities_is_the_province():
    body = "湖南省印发数字经济方案。方案提出，长沙、株洲两市数字经济规模分别达到900亿元和300亿元。全省将培育数字经济领军企业40家。"
    assert ("Hunan", "companies", 40, "count") in targets(body)
    assert ("Changsha", "companies", 40, "count") not in targets(body)


def test_this_city_after_one_of_its_districts_is_the_city():
    body = "天津市发布元宇宙行动计划。滨海新区将建设3个元宇宙产业园。本市力争到2025年元宇宙产业规模突破800亿元。"
    assert ("Tianjin", "industry_size", 800e8, "CNY") in targets(body)


def test_the_said_province_after_a_city_is_the_province():
    body = "福建省出台区块链方案。厦门市将培育区块链企业30家。该省计划到2025年建设50个区块链应用场景。"
    assert targets(body) == [("Fujian", "projects", 50, "count"), ("Xiamen", "companies", 30, "count")]


def test_the_next_sentence_without_a_subject_keeps_the_province():
    body = "湖南省印发方案。长沙市将建设元宇宙产业园2个。全省将培育元宇宙企业60家。还将引进元宇宙人才5000名。"
    assert ("Hunan", "talent", 5000, "count") in targets(body)


def test_a_level_word_qualifying_a_noun_mid_clause_owns_nothing():
    body = "湖南省印发方案。长沙市将打造全省领先的元宇宙产业集群，培育元宇宙企业60家。"
    assert targets(body) == [("Changsha", "companies", 60, "count")]


def test_a_level_word_inside_another_word_is_none():
    # 该市场 is 'that market', 全区块链 'all-blockchain': no city, no district
    rules = chinese_rules()
    assert [SentenceLevels(s, 0, len(s), rules).found for s in ("该市场规模将达到100亿元。", "全区块链产业将…",
                                                                 "该市产业规模将达到100亿元。")] == [[], [], [(2, "city")]]


def test_the_whole_region_in_an_autonomous_regions_story_is_the_region():
    body = "宁夏回族自治区印发数字经济方案。银川市将建设3个数字经济产业园。全区力争到2025年数字经济规模突破2000亿元。"
    assert targets(body) == [("Ningxia", "industry_size", 2000e8, "CNY"), ("Yinchuan", "industrial_parks", 3, "count")]


def test_the_whole_district_after_a_district_of_a_region_is_the_district():
    body = "南宁市青秀区印发数字经济方案。全区力争到2025年数字经济规模突破500亿元。"
    assert targets(body) == [("Qingxiu", "industry_size", 500e8, "CNY")]
