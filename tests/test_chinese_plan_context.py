"""What a Chinese plan's later sentences take from the plan a story opens with (pipelines/extract/chinese/plan_context.py):
the end of its period when they refer back to it, and its holder when they name only where it builds. Invented text."""
from __future__ import annotations

from datetime import datetime

from pipelines.extract.story import extract_story

PLAN = "近日，南京市发布《南京市元宇宙产业发展行动计划（2023—2025年）》，提出全市元宇宙产业规模达到1000亿元。\n"


def _rows(title, body):
    return sorted((t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year)
                  for t in extract_story(title, body, datetime(2023, 11, 20))[1])


def test_a_sentence_referring_back_to_the_plan_takes_its_period_s_end():
    rows = _rows("南京出台元宇宙计划", PLAN + "计划明确，将建设5个元宇宙产业集聚区。")
    assert ("Nanjing", "industrial_parks", 5, "count", 2025) in rows
    # a sentence that does not refer back states no year
    rows = _rows("南京出台元宇宙计划", PLAN + "同时，市级财政将设立总规模50亿元的元宇宙产业基金。")
    assert ("Nanjing", "fund_size", 5e9, "CNY", None) in rows
    # a plan named without a period dates nothing
    rows = _rows("南京出台元宇宙计划", PLAN.replace("（2023—2025年）", "") + "计划明确，将建设5个元宇宙产业集聚区。")
    assert ("Nanjing", "industrial_parks", 5, "count", None) in rows


def test_places_after_zai_are_where_the_plan_builds_not_who_sets_it():
    rows = _rows("南京出台元宇宙计划", PLAN + "计划明确，将在江宁区、雨花台区等地建设5个元宇宙产业集聚区。")
    assert ("Nanjing", "industrial_parks", 5, "count", 2025) in rows
    assert not any(r[0] in ("Jiangning", "Yuhuatai") for r in rows)
    # a district that is the subject still holds its own goal
    rows = _rows("南京出台元宇宙计划", PLAN + "江宁区表示，到2025年力争元宇宙产业规模突破300亿元。")
    assert ("Jiangning", "industry_size", 3e10, "CNY", 2025) in rows


def test_city_level_finance_is_the_city():
    rows = _rows("南京出台元宇宙计划", PLAN + "江宁区将建设2个园区。同时，市级财政将设立总规模50亿元的元宇宙产业基金。")
    assert ("Nanjing", "fund_size", 5e9, "CNY", None) in rows


def test_industrial_clusters_counted_by_chu_are_parks():
    rows = _rows("臺北推動元宇宙", "臺北市產業局表示，將在內湖科技園區設立2處元宇宙產業聚落。")
    assert rows == [("Taipei", "industrial_parks", 2, "count", None)]


def test_a_fund_already_set_up_is_a_target_and_a_count_already_reached_is_not():
    rows = _rows("深圳AI", "南山区、福田区已分别设立50亿元和30亿元的区级人工智能基金。")
    assert rows == [("Futian", "fund_size", 3e9, "CNY", None), ("Nanshan", "fund_size", 5e9, "CNY", None)]
    assert _rows("深圳AI", "深圳已引进人工智能企业100家。") == []
    assert _rows("深圳AI", "深圳人工智能产业规模已达到1000亿元。") == []


def test_a_place_named_only_as_the_one_a_plan_helps_does_not_hold_the_next_sentences_figures():
    body = ("到2026年，全市数字经济核心产业增加值突破5000亿元。支持苏州工业园区建设集成电路创新中心。"
            "设立规模100亿元的数字经济产业基金，重点投向元宇宙等领域。")
    rows = _rows("苏州市推进数字经济发展三年行动方案", body)
    assert ("Suzhou", "fund_size", 1e10, "CNY") in [r[:4] for r in rows]
    assert not any(r[0] == "Suzhou Industrial Park" for r in rows)
