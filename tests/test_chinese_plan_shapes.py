"""Shapes of Chinese plan sentences: a running total to reach (累计 with 力争), a deadline counted from the story's date
(未来三年), what a sum is spent on (投入…发展), Latin words in a counted noun (3个Web3产业园). Invented sentences."""
from datetime import datetime

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def targets(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year)
            for t in extract_story("", body, PUB)[1]]


def test_a_running_total_in_a_plan_is_a_target_and_one_in_a_statistic_is_not():
    assert targets("合肥市力争到2026年累计培育元宇宙企业80家。") == [("Hefei", "companies", 80, "count", 2026)]
    assert targets("截至2023年底，合肥市累计培育元宇宙企业80家。") == []
    assert targets("合肥市累计培育元宇宙企业80家。") == []


def test_a_deadline_counted_in_years_from_the_story_s_date():
    assert targets("合肥市提出，未来三年引进元宇宙人才2000名。") == [("Hefei", "talent", 2000, "count", 2027)]
    assert targets("合肥市计划5年内设立20亿元元宇宙基金。") == [("Hefei", "fund_size", 20e8, "CNY", 2029)]
    assert targets("合肥市计划在2026年设立20亿元元宇宙基金。") == [("Hefei", "fund_size", 20e8, "CNY", 2026)]


def test_a_sum_spent_on_an_industry_is_an_investment_and_a_fund_stays_a_fund():
    assert targets("合肥市计划投入30亿元发展元宇宙产业。") == [("Hefei", "investment", 30e8, "CNY", None)]
    assert targets("合肥市将设立30亿元基金支持元宇宙产业。") == [("Hefei", "fund_size", 30e8, "CNY", None)]
    assert targets("合肥市力争元宇宙产业规模达到300亿元。") == [("Hefei", "industry_size", 300e8, "CNY", None)]


def test_a_latin_word_between_a_count_and_its_noun():
    assert targets("合肥市将打造4个Web3产业园，培育30家AI企业。") == [
        ("Hefei", "industrial_parks", 4, "count", None), ("Hefei", "companies", 30, "count", None)]


def test_patents_counted_in_jian():
    assert targets("合肥市力争到2026年累计申请元宇宙专利800件。") == [("Hefei", "patents", 800, "count", 2026)]
    assert targets("合肥市计划到2026年新增发明专利1200件。") == [("Hefei", "patents", 1200, "count", 2026)]


def test_a_sum_qualifying_each_firm_or_project_is_no_target():
    assert targets("合肥市到2026年培育元宇宙企业200家，其中营收超亿元企业20家。") == [
        ("Hefei", "companies", 200, "count", 2026), ("Hefei", "companies", 20, "count", 2026)]
    assert targets("合肥市计划到2026年引进5亿元以上元宇宙项目10个。") == [("Hefei", "projects", 10, "count", 2026)]
    assert targets("合肥市将设立10亿元企业发展基金。") == [("Hefei", "fund_size", 10e8, "CNY", None)]


def test_a_chinese_sum_too_small_for_a_target_is_none():
    assert targets("合肥市将给予元宇宙企业20万元奖励。") == []


def test_a_count_moving_from_one_level_to_another_keeps_the_level_to_reach():
    assert targets("合肥市力争元宇宙企业数量从40家增加到120家。") == [("Hefei", "companies", 120, "count", None)]
    assert targets("合肥市计划到2026年元宇宙企业由40家增至120家。") == [("Hefei", "companies", 120, "count", 2026)]
    assert targets("合肥市计划培育元宇宙企业40家到120家。") == []
