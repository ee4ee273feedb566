"""Figures bounding a range give no target, figures that only look like one do (ranges.py, both paths)."""
from datetime import datetime

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def found(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit) for t in extract_story("", body, PUB)[1]]


def test_money_joined_to_a_count_of_other_things_is_no_range():
    assert found("湖南省计划2026年前投入8亿元至30个元宇宙项目。") == [
        ("Hunan", "investment", 8e8, "CNY"), ("Hunan", "projects", 30, "count")]


def test_a_figure_a_fund_grew_from_is_no_target():
    assert found("Hunan plans a metaverse fund of 3 billion yuan, up from 800 million yuan.") == [
        ("Hunan", "fund_size", 3e9, "CNY")]


def test_a_starting_figure_with_its_year_before_the_goal_is_no_target():
    assert found("Hunan aims to grow its metaverse industry from 40 billion yuan in 2023 to 90 billion yuan by 2026.") == [
        ("Hunan", "industry_size", 90e9, "CNY")]


def test_a_figure_alone_after_from_stays_a_target():
    got = found("Hunan will pay for its metaverse parks from 2 billion yuan of provincial bonds.")
    assert [(t[0], t[2]) for t in got] == [("Hunan", 2e9)]


def test_a_chinese_figure_after_you_or_cong_with_a_later_goal_is_where_it_starts():
    assert found("湖南省力争元宇宙产业规模由400亿元增至900亿元。") == [("Hunan", "industry_size", 900e8, "CNY")]
    assert found("湖南省力争元宇宙产业规模从2023年的400亿元增长到2026年的900亿元。") == [("Hunan", "industry_size", 900e8, "CNY")]


def test_a_chinese_figure_alone_after_you_is_a_target():
    assert found("湖南省计划设立元宇宙基金，由20亿元财政资金出资。") == [("Hunan", "investment", 20e8, "CNY")]


def test_a_japanese_figure_before_kara_is_no_target():
    assert found("大阪府は市場規模を2023年の300億円から2030年までに900億円に拡大する目標だ。") == [
        ("Osaka", "industry_size", 900e8, "JPY")]
    assert found("大阪府は企業数を40社から90社に増やす目標だ。") == [("Osaka", "companies", 90, "count")]


def test_a_year_before_to_and_a_count_is_no_range():
    assert found("Hunan plans to raise its count of metaverse firms by 2026 to 300 metaverse companies.") == [
        ("Hunan", "companies", 300, "count")]
    assert found("Hunan wants 200 to 300 metaverse companies by 2026.") == []


def test_money_given_to_a_smaller_number_of_people_is_no_range():
    got = found("Hunan will give $1 billion to 2 million households to buy metaverse headsets by 2026.")
    assert [(t[0], t[2], t[3]) for t in got] == [("Hunan", 1e9, "USD")]
    assert found("Hunan will invest $1 billion to 2 billion in metaverse projects by 2026.") == []


def test_two_japanese_figures_joined_by_kara_with_no_level_to_reach_bound_a_range():
    assert found("大阪府は50億円から80億円の仮想空間基金を設立する計画だ。") == []
    assert found("大阪府は2030年までに50億円から80億円までの予算を投じる方針だ。") == []
    assert found("大阪府はメタバース企業を30社から60社程度誘致する目標だ。") == []


def test_a_japanese_figure_after_kara_with_a_word_of_reaching_stays_the_target():
    assert found("大阪府は仮想空間基金を50億円から80億円に増やす計画だ。") == [("Osaka", "fund_size", 80e8, "JPY")]
    assert found("大阪府は仮想空間市場を50億円から80億円まで拡大する目標だ。") == [("Osaka", "industry_size", 80e8, "JPY")]
