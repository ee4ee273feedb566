"""Figures bounding a range give no target, figures that only look like one do (ranges.py, both paths)."""
from datetime import datetime

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def found(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit) for t in extract_story("", body, PUB)[1]]


def test_money_joined_to_a_count_of_other_things_is_no_range():
    assert found("湖南省计划2026年前投入8亿元至30个元宇宙项目。") == [
        ("Hunan", "investment", 8e8, "CNY"), ("Hunan", "projects", 30, "count")]
