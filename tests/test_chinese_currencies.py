"""A currency written before a Chinese figure (新台幣100億元, 港幣50億元, 人民币100亿元: Taiwan's and Hong Kong's sources
write it so) is the figure's currency, and 元 after it only its unit; sentences written for the project."""
from datetime import datetime

from pipelines.extract.story import extract_story


def targets(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.extra["amount_text"])
            for t in extract_story("", body, datetime(2024, 3, 1))[1]]


def test_new_taiwan_dollars_written_before_the_figure_are_taiwan_dollars():
    found = targets("臺北市將投入新臺幣100億元發展元宇宙。")
    assert found == [("Taipei", "investment", 100e8, "TWD", "新臺幣100億元")]
    assert all(unit != "CNY" and owner != "China" for owner, _, _, unit, _ in found)


def test_hong_kong_dollars_written_before_the_figure_are_hong_kong_dollars():
    assert targets("香港特區政府將投入港幣50億元發展元宇宙。") == [("Hong Kong", "investment", 50e8, "HKD", "港幣50億元")]


def test_renminbi_written_before_the_figure_stays_yuan():
    assert targets("上海市将投入人民币100亿元发展元宇宙。") == [("Shanghai", "investment", 100e8, "CNY", "人民币100亿元")]


def test_a_figure_in_yuan_alone_stays_yuan():
    assert targets("上海市将投入100亿元发展元宇宙。") == [("Shanghai", "investment", 100e8, "CNY", "100亿元")]


def test_a_figure_in_yuan_alone_set_by_a_taiwan_city_is_taiwan_dollars_and_stays_its_own():
    assert targets("臺北市將投入100億元發展元宇宙。") == [("Taipei", "investment", 100e8, "TWD", "100億元")]


def test_a_figure_in_yuan_alone_set_by_hong_kong_is_hong_kong_dollars():
    assert targets("香港特區政府將投入50億元發展元宇宙。") == [("Hong Kong", "investment", 50e8, "HKD", "50億元")]


def test_a_bare_scale_figure_set_by_taiwan_is_taiwan_dollars():
    assert [(o, u) for o, _, _, u, _ in targets("臺灣元宇宙產業規模力爭到2027年突破3000億。")] == [("Taiwan", "TWD")]


def test_a_figure_in_yuan_alone_beside_a_foreign_place_in_a_mainland_story_stays_china_and_yuan():
    found = targets("深圳市将与新加坡合作，投入100亿元建设元宇宙产业园。")
    assert [(o, u) for o, _, _, u, _ in found] == [("Shenzhen", "CNY")]
