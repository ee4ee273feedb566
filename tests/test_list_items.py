"""Goals listed one a line under a lead-in ('... goals for 2026:') are targets (list_items.py). Invented pages."""
from datetime import datetime

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def found(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.target_year) for t in extract_story("", body, PUB)[1]]


def test_bulleted_goals_under_a_lead_in_take_its_year_and_the_story_s_place():
    body = ("Wuhu published its metaverse plan on Tuesday. The plan sets these goals for 2026:\n\n"
            "- An industry size of 40 billion yuan\n- 30 leading companies\n- 60 demonstration projects\n\n"
            "Officials said the plan would be reviewed.")
    assert found(body) == [("Wuhu", "industry_size", 40e9, 2026), ("Wuhu", "companies", 30, 2026),
                           ("Wuhu", "projects", 60, 2026)]


def test_lines_without_markers_under_a_lead_in_are_items_until_a_sentence_ends_the_list():
    body = ("Key targets of Wuhu's plan by 2027:\nAttract 150 metaverse companies\nBuild 4 industrial parks\n"
            "The city had 20 such firms last year.")
    assert found(body) == [("Wuhu", "companies", 150, 2027), ("Wuhu", "industrial_parks", 4, 2027)]


def test_a_line_announcing_other_things_makes_no_list_of_goals():
    body = ("Wuhu hosts several cloud firms that provide hosting services:\n"
            "Nimbrel Cloud $4.2 billion Software\nQuorvane Data $2.8 billion Services")
    assert found(body) == []


def test_chinese_goals_listed_under_a_lead_in_take_its_year():
    body = "芜湖市发布元宇宙行动计划。到2026年，主要目标如下：\n（一）元宇宙产业规模400亿元。\n（二）元宇宙企业50家\n芜湖市去年有企业20家。"
    assert found(body) == [("Wuhu", "industry_size", 400e8, 2026), ("Wuhu", "companies", 50, 2026)]


def test_chinese_items_under_a_past_year_s_heading_are_results_not_goals():
    body = "2023年工作亮点：\n1、引进元宇宙企业120家\n2、建成元宇宙产业园3个\n\n杭州市力争到2026年培育元宇宙企业200家。"
    assert found(body) == [("Hangzhou", "companies", 200, 2026)]
    assert found("杭州市发布计划。2023-2026年主要目标：\n1、引进元宇宙企业120家\n") == [("Hangzhou", "companies", 120, 2026)]
