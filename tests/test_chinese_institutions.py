"""A place opening an institution's name (深圳证券交易所, 上海交通大学, 北京大学) is no mention of the place: the name is a
company's (exchanges, banks) or a body's instead, on sentences written for the project."""
from datetime import datetime

from pipelines.extract.story import extract_story, find_mentions


def mentions(text):
    return [(m.entity_type, m.entity_name) for m in find_mentions(text, "body", None)]


def owners(body):
    return [(t.jurisdiction_name, t.target_value) for t in extract_story("", body, datetime(2024, 3, 1))[1]]


def test_stock_exchange_is_a_company_not_shenzhen():
    assert mentions("深圳证券交易所发布公告。") == [("company", "深圳证券交易所")]


def test_university_opening_with_a_city_is_a_body_not_shanghai():
    assert mentions("上海交通大学与腾讯合作。") == [("organization", "上海交通大学"), ("company", "Tencent")]


def test_peking_university_is_a_body_not_beijing():
    assert mentions("北京大学成立研究中心。") == [("organization", "北京大学")]


def test_sichuan_university_is_a_body_not_sichuan():
    assert mentions("四川大学发布报告。") == [("organization", "四川大学")]


def test_city_bank_is_a_company_not_the_province():
    assert mentions("江苏银行与华为签约。") == [("company", "江苏银行"), ("company", "Huawei")]


def test_known_central_bank_stays_the_known_body():
    assert mentions("中国人民银行发布通知。") == [("organization", "People's Bank of China")]


def test_banks_in_general_are_no_name():
    assert mentions("多家商业银行参与。") == []


def test_place_named_beside_the_university_is_still_a_place():
    assert mentions("成都市与四川大学合作。") == [("jurisdiction", "Chengdu"), ("organization", "四川大学")]


def test_university_fund_is_not_the_city_target():
    assert owners("上海交通大学将设立10亿元基金。") == [(None, 1e9)]


def test_city_government_fund_is_the_city_target():
    assert owners("成都市人民政府将设立10亿元基金。") == [("Chengdu", 1e9)]


def test_data_exchange_holds_its_data_word_and_hides_shanghai():
    assert mentions("上海数据交易所成立。") == [("company", "上海数据交易所")]


def test_a_data_exchange_in_general_is_no_name():
    assert mentions("企业在数据交易所挂牌。") == []


def test_university_whose_name_opens_with_a_stop_character():
    assert mentions("同济大学发布报告。") == [("organization", "同济大学")]
