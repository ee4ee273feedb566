"""Traditional characters (Hong Kong, Taiwan, Macau sources): places, targets and names written 廣東省, 億元, 騰訊 are read
as their simplified forms are, on sentences written for the project."""
import json

from pipelines.extract.chinese.traditional import OUT_FILE, VOCABULARY_FILES, _vocabulary
from pipelines.extract.chinese.orgs import find_chinese_organizations
from pipelines.extract.jurisdictions import find_jurisdictions
from pipelines.extract.story import extract_story


def names(text):
    return [m.entity_name for m in find_jurisdictions(text)]


def targets(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year) for t in extract_story(None, body)[1]]


def test_traditional_province_name_is_guangdong_with_offsets():
    text = "近日，廣東省發佈行動計劃。"
    (m,) = find_jurisdictions(text)
    assert (m.entity_name, text[m.char_start:m.char_end]) == ("Guangdong", "廣東省")


def test_traditional_country_names():
    assert names("中國和美國的企業") == ["China", "United States"]


def test_both_traditional_forms_of_taiwan():
    assert names("臺灣和台灣") == ["Taiwan", "Taiwan"]


def test_traditional_city_name_owns_its_target():
    assert targets("深圳市力爭到2025年培育100家企業。") == [("Shenzhen", "companies", 100.0, "count", 2025)]


def test_traditional_hundred_million_yuan_fund():
    assert targets("廣東省將設立100億元元宇宙產業基金。") == [("Guangdong", "fund_size", 1e10, "CNY", None)]


def test_traditional_trillion_and_us_dollars():
    assert targets("香港力爭產業規模突破1萬億元，並設立5億美元基金。") == [
        ("Hong Kong", "industry_size", 1e12, "HKD", None), ("Hong Kong", "fund_size", 5e8, "USD", None)]


def test_traditional_classifiers_count_parks_and_talent():
    assert targets("臺灣將建設10個產業園，引進1萬名人才。") == [
        ("Taiwan", "industrial_parks", 10.0, "count", None), ("Taiwan", "talent", 10000.0, "count", None)]


def test_traditional_statistic_is_no_target():
    assert targets("廣東省元宇宙產業規模同比增長，去年已達到1500億元。") == []


def test_traditional_company_aliases_are_the_english_companies():
    found = [(m.entity_type, m.entity_name) for m in find_chinese_organizations("騰訊與華為簽約。")]
    assert found == [("company", "Tencent"), ("company", "Huawei")]


def test_traditional_government_ending_is_a_body_holding_its_place():
    found = find_chinese_organizations("廣東省人民政府發佈計劃。")
    assert [(m.entity_type, m.surface_text) for m in found] == [("organization", "廣東省人民政府")]


def test_traditional_form_of_a_word_that_is_no_place_is_no_place():
    assert names("東北區經濟") == []  # 东北区 'the north-east district' is in not_names; so is its traditional form


def test_simplified_names_are_unchanged():
    assert names("广东省、中国和美国") == ["Guangdong", "China", "United States"]


def test_traditional_file_covers_every_chinese_word_of_the_data_files():
    data = json.loads(OUT_FILE.read_text(encoding="utf-8"))
    assert data["files"] == list(VOCABULARY_FILES)
    missing = sorted(_vocabulary() - set(data["forms"]))
    assert not missing, f"{missing[:5]}: run python -m pipelines.extract.chinese.names"
