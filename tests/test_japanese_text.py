"""Japanese text (kana beside the Han characters) is no Chinese: 中国地方 is Japan's Chūgoku region, 東京都 and 大阪府 are
Japan's prefectures, on sentences written for the project."""
from datetime import datetime

from pipelines.extract.chinese.places import is_japanese
from pipelines.extract.jurisdictions import find_jurisdictions
from pipelines.extract.story import extract_story


def names(text):
    return [m.entity_name for m in find_jurisdictions(text)]


def test_chugoku_region_is_not_china():
    assert names("中国地方の経済が回復した。") == []


def test_chugoku_and_shikoku_with_a_middle_dot_is_not_china():
    assert names("中国・四国地方の企業が参加した。") == []


def test_tokyo_and_osaka_prefectures_are_japan_places():
    assert names("東京都と大阪府が発表した。") == ["Tokyo", "Osaka"]


def test_prefecture_written_in_japanese_characters_is_kanagawa():
    assert names("神奈川県と横浜市は計画を発表した。") == ["Kanagawa", "Yokohama"]


def test_china_in_japanese_is_still_china():
    assert names("中国政府は北京で発表した。") == ["China", "Beijing"]


def test_surname_in_japanese_is_no_chinese_city():
    assert names("中山社長が説明した。") == []


def test_chinese_local_government_is_china():
    assert names("中国地方政府债务问题受到关注。") == ["China"]  # Chinese: 'China's local governments'


def test_stray_kana_in_chinese_text_keeps_it_chinese():
    assert not is_japanese("四川省发布元宇宙产业行动计划，成都市的の企业参与其中。")


def targets(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year)
            for t in extract_story("", body, datetime(2024, 3, 1))[1]]


def test_japanese_fund_in_yen_and_companies_counted_in_sha():
    assert targets("東京都は2030年までに100億円の基金を設立し、企業100社を育成する目標だ。") == [
        ("Tokyo", "fund_size", 100e8, "JPY", 2030), ("Tokyo", "companies", 100, "count", 2030)]


def test_japanese_yen_figure_is_converted_at_the_rate_table():
    (t,) = extract_story("", "大阪府は2025年度までに1570億円を投じる計画だ。", datetime(2024, 3, 1))[1]
    assert (t.jurisdiction_name, t.metric, t.unit, t.usd_is_stated) == ("Osaka", "investment", "JPY", False)
    assert t.target_value_usd == 1570e8 / 157.0


def test_japanese_government_with_no_place_named_is_japan():
    assert targets("政府は2027年までに人材を1万人育成する方針を掲げた。") == [("Japan", "talent", 1e4, "count", 2027)]


def test_japanese_market_statistic_is_no_target():
    assert targets("東京都の市場規模は前年比10%増の5000億円だった。") == []


def test_japanese_ceiling_per_firm_is_no_target():
    assert targets("福岡市は1社あたり最大500万円を補助する計画だ。") == []


def test_japanese_places_each_setting_up_a_fund_get_one_target_each():
    assert [t[0] for t in targets("東京都と大阪府はそれぞれ100億円のファンドを設立する計画だ。")] == ["Tokyo", "Osaka"]


def test_japanese_figure_in_yen_is_not_read_as_yuan_by_the_chinese_words():
    assert [t[3] for t in targets("東京都は2030年までに100億円の基金を設立する。")] == ["JPY"]


def test_a_kanji_only_headline_over_a_japanese_story_is_read_as_japanese():
    # a headline without kana is Japanese when its story is: 中山 there is a surname, not the Chinese city
    mentions, _ = extract_story("東京 中山氏 会談", "東京で中山氏と会談した。両氏は協力を確認した。")
    title = [m.entity_name for m in mentions if m.field == "title"]
    assert title == ["Tokyo"]
    assert "Zhongshan" not in title


def test_a_chinese_headline_over_a_chinese_story_still_names_zhongshan():
    mentions, _ = extract_story("中山 发布元宇宙计划", "中山市发布元宇宙产业发展计划。")
    assert [m.entity_name for m in mentions if m.field == "title"] == ["Zhongshan"]
