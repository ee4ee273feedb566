"""Full-width digits and Chinese numerals in Chinese targets, on sentences written for the project: what must and must
not come out, with offsets that slice the body as written."""
from datetime import datetime

from pipelines.extract.chinese.numbers import chinese_number, half_width
from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def targets(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year) for t in extract_story("", body, PUB)[1]]


def test_full_width_year_and_amount_give_deadline_and_value():
    assert targets("深圳市力争到２０２５年元宇宙产业规模突破２５００亿元。") == [("Shenzhen", "industry_size", 2500e8, "CNY", 2025)]


def test_full_width_amount_keeps_offsets_into_the_body_as_written():
    body = "近日发布。深圳市力争到２０２５年产业规模突破２５００亿元。"
    (t,) = extract_story("", body, PUB)[1]
    assert (body[t.char_start:t.char_end], t.evidence) == ("深圳市力争到２０２５年产业规模突破２５００亿元。",) * 2
    assert body[t.extra["amount_start"]:t.extra["amount_end"]] == t.extra["amount_text"] == "２５００亿元"


def test_full_width_year_before_deadline():
    assert targets("杭州市计划２０２６年前培育１００家企业。") == [("Hangzhou", "companies", 100.0, "count", 2026)]


def test_chinese_numeral_hundred_yi_yuan_fund():
    assert targets("上海市将设立一百亿元基金。") == [("Shanghai", "fund_size", 100e8, "CNY", None)]


def test_chinese_numeral_five_thousand_wan_yuan():
    assert targets("北京市计划投入五千万元。") == [("Beijing", "investment", 5e7, "CNY", None)]


def test_chinese_numeral_liang_qian_yi_yuan():
    assert targets("广州市力争产业规模突破两千亿元。") == [("Guangzhou", "industry_size", 2000e8, "CNY", None)]


def test_chinese_numeral_counts_companies_in_the_plan_period():
    assert targets("十四五期间成都市将培育三十家企业。") == [("Chengdu", "companies", 30.0, "count", 2025)]


def test_chinese_numeral_amount_text_is_as_written():
    body = "上海市将设立一百亿元基金。"
    (t,) = extract_story("", body, PUB)[1]
    assert body[t.extra["amount_start"]:t.extra["amount_end"]] == t.extra["amount_text"] == "一百亿元"


def test_several_billion_is_no_figure():
    assert targets("杭州市将投入数十亿元。") == []


def test_a_batch_and_one_park_are_no_counts():
    assert targets("武汉市将培育一批企业，建设一个产业园。") == []


def test_plan_name_is_no_number():
    assert chinese_number("十四五") is None


def test_by_all_means_is_no_number():
    assert chinese_number("千万") is None


def test_ten_alone_is_ten():
    assert chinese_number("十") == 10


def test_hundred_million_and_fifty_million():
    assert chinese_number("一亿五千万") == 150_000_000


def test_half_width_keeps_every_character_in_its_place():
    text = "到２０２５年（约合３５亿美元）　完成"
    assert (half_width(text), len(half_width(text))) == ("到2025年(约合35亿美元) 完成", len(text))


def test_year_in_chinese_digits_is_the_deadline():
    assert targets("四川省力争到二〇二五年产业规模突破2500亿元。") == [("Sichuan", "industry_size", 2500e8, "CNY", 2025)]


def test_year_in_chinese_digits_keeps_the_evidence_as_written():
    body = "四川省力争到二〇二五年产业规模突破2500亿元。"
    (t,) = extract_story("", body, PUB)[1]
    assert t.evidence == body[t.char_start:t.char_end] == body
