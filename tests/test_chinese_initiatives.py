"""Initiatives typed from Chinese headlines and leads, on sentences written for the project."""
from datetime import datetime

from pipelines.extract.initiatives import find_initiatives, initiative_type
from pipelines.extract.story import extract_story


def headline(title, body):
    mentions, targets = extract_story(title, body, datetime(2024, 3, 1))
    initiatives, _, _ = find_initiatives(title, body, mentions, targets)
    return [(i.initiative_type, i.jurisdiction_name) for i in initiatives if i.is_headline]


def test_action_plan_headline_is_a_plan_of_its_province():
    assert headline("河南省印发元宇宙产业发展行动计划", "河南省近日印发行动计划，提出发展目标。") == [("plan", "Henan")]


def test_alliance_headline_is_an_alliance():
    assert headline("上海成立区块链产业联盟", "上海市成立区块链产业联盟，多家企业加入。") == [("alliance", "Shanghai")]


def test_fund_headline_is_a_fund():
    assert headline("深圳设立100亿元元宇宙产业基金", "深圳市将设立100亿元元宇宙产业基金。") == [("fund", "Shenzhen")]


def test_working_group_is_more_specific_than_a_plan():
    assert initiative_type("国家成立元宇宙工作组推进行动计划") == "working_group"


def test_policy_measures_are_a_policy():
    assert initiative_type("北京市发布支持数字货币发展的若干措施") == "policy"


def test_chinese_headline_without_a_cue_names_no_initiative():
    assert headline("四川元宇宙产业观察", "记者走访了多家企业。") == []


def test_english_cue_inside_a_longer_word_still_does_not_count():
    assert initiative_type("The planet is warming") is None


def roles(title, body):
    mentions, targets = extract_story(title, body, datetime(2024, 3, 1))
    return {(p.company_name, p.role) for p in find_initiatives(title, body, mentions, targets)[2]}


def test_company_leading_an_alliance_and_members_joining_it():
    assert roles("上海成立区块链产业联盟", "上海市成立区块链产业联盟，由腾讯牵头，百度和华为加入联盟。") == {
        ("Tencent", "lead"), ("Baidu", "member"), ("Huawei", "member")}


def test_company_signing_with_a_city_is_a_partner():
    assert roles("成都市人民政府与华为签署元宇宙合作协议", "成都市人民政府与华为签署元宇宙合作协议。") == {("Huawei", "partner")}


def test_company_named_by_analysts_takes_no_part():
    assert roles("深圳设立元宇宙基金", "深圳市将设立100亿元元宇宙产业基金。分析师认为腾讯将受益。") == set()
