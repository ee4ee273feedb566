"""Chinese jurisdiction names (四川省, 成都, 浦东新区) read under the English gazetteer's names, on sentences written for the project."""
import pytest

from pipelines.extract.chinese.places import find_chinese_jurisdictions
from pipelines.extract.gazetteer import jurisdiction_rows
from pipelines.extract.jurisdictions import find_jurisdictions


def names(text):
    return [m.entity_name for m in find_jurisdictions(text)]


def test_full_province_name_is_sichuan_with_offsets():
    text = "近日，四川省发布了行动计划。"
    (m,) = find_jurisdictions(text)
    assert (m.entity_name, m.surface_text, text[m.char_start:m.char_end]) == ("Sichuan", "四川省", "四川省")


def test_short_province_name_is_sichuan():
    assert names("四川将建设元宇宙产业园。") == ["Sichuan"]


def test_city_full_and_short_forms_are_chengdu():
    assert names("成都市和成都都在推进。") == ["Chengdu", "Chengdu"]


def test_chengdu_rows_have_parent_sichuan_and_country_china():
    rows = {r["jurisdiction_name"]: r for r in jurisdiction_rows([find_jurisdictions("成都市出台政策。")[0].entity_name])}
    assert (rows["Chengdu"]["level"], rows["Chengdu"]["parent_name"]) == ("city", "Sichuan")
    assert (rows["Sichuan"]["parent_name"], rows["Sichuan"]["iso_code"]) == ("China", "CN-SC")
    assert rows["China"]["level"] == "country"


def test_curated_new_area_is_the_english_district():
    assert names("上海浦东新区发布措施。") == ["Shanghai", "Pudong"]
    assert names("雄安新区建设加速。") == ["Xiongan"]


def test_autonomous_region_and_sar_short_forms():
    assert names("广西壮族自治区、宁夏和香港特别行政区") == ["Guangxi", "Ningxia", "Hong Kong"]


def test_countries_from_pycountry_chinese_names():
    assert names("中国、美国和韩国的企业") == ["China", "United States", "South Korea"]


def test_longest_name_wins_over_its_short_form():
    (m,) = find_chinese_jurisdictions("内蒙古自治区")
    assert (m.entity_name, m.surface_text) == ("Inner Mongolia", "内蒙古自治区")


def test_university_named_after_province_is_not_sichuan():
    assert names("四川大学的研究团队") == []


def test_street_named_after_city_is_not_nanjing():
    assert names("上海南京路步行街") == ["Shanghai"]


def test_idiom_holding_a_city_name_is_not_datong():
    assert names("两个方案大同小异。") == []


def test_one_character_abbreviation_is_not_read_alone():
    assert names("沪深两市") == []


def test_common_word_a_source_gives_a_city_is_no_place():
    assert names("自由贸易试验区") == []


def test_minor_city_needs_its_full_name():
    assert names("北海市设立基金。") == ["Beihai"]
    assert names("北海油田") == []  # 'the North Sea'; Beihai is under a million people, its short name is not read


def test_english_text_is_unchanged_by_chinese_names():
    assert names("Sichuan and Chengdu signed.") == ["Sichuan", "Chengdu"]


def test_english_story_with_a_chinese_name_in_brackets():
    assert names("Xiongan New Area (雄安新区) grows.") == ["Xiongan", "Xiongan"]


def test_henan_short_form_is_the_province_not_an_old_city_name():
    assert names("河南将建设元宇宙产业园。") == ["Henan"]


def test_common_word_a_foreign_region_is_translated_as_is_no_place():
    assert names("中央财政支持西北地区，山谷里的赤道风情。") == []  # not Iran's Markazi, NZ's Northland, Valle, Equateur


def test_heihe_is_not_mauritius_black_river():
    assert "Black River" not in names("黑河市发布规划。")


def test_japanese_ward_named_chuo_is_not_iran():
    assert names("東京都中央区で発表") == ["Tokyo"]


def test_person_and_plant_holding_a_city_name_are_no_place():
    assert names("孙中山先生与中山陵") == []
    assert names("长春藤爬满墙。") == []


def test_a_lakes_or_rivers_bank_is_no_province():
    """洞庭湖南岸 is the lake's south bank and 黄河北岸 the river's north bank, not Hunan or Hebei."""
    assert names("洞庭湖南岸将建设湿地公园，黄河北岸也在推进。") == []


def test_a_mountains_slope_is_no_province():
    assert names("泰山东麓和太行山西坡将建设生态走廊。") == []


def test_the_province_before_a_slope_word_in_its_full_name_stays():
    assert names("河南省坡地改造项目启动，湖南发布行动计划。") == ["Henan", "Hunan"]


@pytest.mark.parametrize("text, names", [
    ("深圳市发布行动计划，南山区将每年安排2亿元资金。", ["Shenzhen", "Nanshan"]),  # its city named in the text
    ("南山区、福田区联合发布元宇宙产业措施。", ["Nanshan", "Futian"]),  # another of its city's districts
    ("北京市朝阳区发布数字经济政策。", ["Chaoyang"]),  # the full name with its city
    ("南山区发布元宇宙产业措施。", []),  # alone: Shenzhen's or Hegang's Nanshan district
    ("长春市朝阳区发布数字经济政策。", ["Changchun"]),  # another city's district of that name is not Beijing's
])
def test_district_name_two_cities_share_counts_beside_its_city(text, names):
    assert [m.entity_name for m in find_chinese_jurisdictions(text)] == names


def test_a_district_of_the_national_list_is_read_with_its_city_as_parent():
    (m,) = find_chinese_jurisdictions("崂山区将建设虚拟现实产业园。")
    assert m.entity_name == "Laoshan"
    rows = {r["jurisdiction_name"]: r for r in jurisdiction_rows(["Laoshan"])}
    assert sorted(rows) == ["China", "Laoshan", "Qingdao", "Shandong"]
    assert rows["Laoshan"]["level"] == "district"


def test_a_district_name_that_is_a_common_phrase_is_not_read():
    assert [m.entity_name for m in find_chinese_jurisdictions("洛阳市将改造老城区，城东区建设新的园区。")] == ["Luoyang"]


def test_an_english_text_names_a_listed_district_only_with_a_place_word():
    assert "Laoshan" not in names("Laoshan said the company would grow.")
    assert "Laoshan" in names("Qingdao's Laoshan district will build a park.")


def test_every_listed_district_is_one_place_of_the_gazetteer_under_a_known_city():
    from pipelines.extract.chinese.districts import load_district_rows
    from pipelines.extract.gazetteer import load_gazetteer

    rows, places = load_district_rows(), load_gazetteer().places
    assert len({r["zh"] for r in rows}) == len({r["name"] for r in rows}) == len(rows) > 500
    for r in rows:
        assert (places[r["name"]].level, places[r["name"]].parent) == ("district", r["parent"]), r
        assert places[r["parent"]].country_code == "CN", r


def test_a_shared_district_name_in_the_body_is_placed_by_the_headline_city():
    from pipelines.extract.story import extract_story
    mentions, _ = extract_story("北京朝阳区发布数字经济规划", "朝阳区提出，到2025年数字经济规模达到500亿元。")
    assert {(m.field, m.entity_name) for m in mentions if m.entity_type == "jurisdiction"} >= {("body", "Chaoyang")}
    alone, _ = extract_story("区里发布数字经济规划", "朝阳区提出，到2025年数字经济规模达到500亿元。")
    assert "Chaoyang" not in {m.entity_name for m in alone}
