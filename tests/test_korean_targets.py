"""Korean targets (the "korean" vocabulary of targets.json read by chinese/targets.py), on sentences written for the
project: what must come out of each shape and what must not (statistics, forecasts, results, fines, per-firm caps)."""
from datetime import datetime

import pytest

from pipelines.extract.chinese.targets import find_amounts
from pipelines.extract.chinese.vocabulary import rules
from pipelines.extract.story import extract_story

PUBLISHED = datetime(2024, 6, 1)


def rows(body, title="메타버스 정책"):
    _, targets = extract_story(title, body, PUBLISHED)
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year) for t in targets]


def test_city_investment_with_its_deadline():
    assert rows("서울시가 2026년까지 메타버스 플랫폼 고도화에 500억원을 투입한다고 5일 밝혔다.") == [
        ("Seoul", "investment", 5e10, "KRW", 2026)]


def test_fund_of_a_trillion_won():
    assert rows("부산시는 1조 원 규모의 블록체인 펀드를 조성한다.") == [("Busan", "fund_size", 1e12, "KRW", None)]


def test_talent_counted_in_ten_thousands_goes_to_the_city_named_before():
    assert rows("부산시는 블록체인 특구를 운영한다. 시는 전문인력 4만 명을 양성할 계획이다.") == [
        ("Busan", "talent", 40000.0, "count", None)]


@pytest.mark.parametrize("body", ["서울시는 기업 100개를 육성한다.", "서울시는 100개사를 유치한다.",
                                  "서울시는 100개의 블록체인 기업을 육성한다."])
def test_companies_counted_before_or_after_the_noun_or_by_their_count_word(body):
    assert rows(body) == [("Seoul", "companies", 100.0, "count", None)]


def test_a_count_ending_in_a_particle_takes_no_noun_after_it():
    assert rows("서울시는 메타버스 센터 3개를 세우고 인재 500명을 양성할 계획이다.") == [
        ("Seoul", "talent", 500.0, "count", None)]


@pytest.mark.parametrize("text, value", [("1조 2000억 원을 투자", 1.2e12), ("39억4000만원을 투자", 3.94e9),
                                         ("1,000억 원을 투자", 1e11), ("1억 5천만 원을 투자", 1.5e8), ("5천만원을 투자", 5e7)])
def test_figures_with_several_group_words_are_one_figure(text, value):
    assert [(a["value"], a["unit"]) for a in find_amounts(text, rules("korean"))] == [(value, "KRW")]


@pytest.mark.parametrize("place, currency, owner, unit", [
    ("인천시", "달러", "Incheon", "USD"), ("상하이시", "위안", "Shanghai", "CNY"), ("도쿄도", "엔", "Tokyo", "JPY")])
def test_other_currencies(place, currency, owner, unit):
    assert rows(f"{place}는 2030년까지 10억 {currency}를 투자할 계획이다.") == [(owner, "investment", 1e9, unit, 2030)]


def test_year_written_as_a_goal():
    assert rows("대구시는 2025년 목표로 메타버스 기업 50곳을 육성한다.") == [("Daegu", "companies", 50.0, "count", 2025)]


def test_central_ministry_owns_the_figure_for_the_country():
    assert rows("과학기술정보통신부는 2027년까지 메타버스 산업에 1조 2000억 원을 투자한다고 밝혔다.") == [
        ("South Korea", "investment", 1.2e12, "KRW", 2027)]


def test_government_owns_the_figure_over_places_named_after_it():
    assert rows("정부는 메타버스 전문기업 100개사를 육성하고 경기도와 대구에 센터를 세울 예정이다.") == [
        ("South Korea", "companies", 100.0, "count", None)]


@pytest.mark.parametrize("body", [
    "서울시의 메타버스 이용자는 지난해 120만 명을 기록했다.",  # a statistic of last year
    "국내 가상자산 거래액은 전년 대비 30% 늘어난 1500조 원으로 집계됐다.",  # a year-on-year statistic
    "업계에 따르면, 국내 메타버스 시장 규모는 2030년 30조 원에 이를 전망이다.",  # a forecast
    "한 거래소는 지난해 매출 3000억 원, 영업이익 1200억 원을 기록했다.",  # a company's results
    "금융당국은 가상자산 사업자에 과징금 39억4000만원을 부과했다.",  # a fine
    "서울시는 선정 기업에 기업당 최대 5억 원을 지원할 계획이다.",  # a ceiling for each firm
])
def test_not_targets(body):
    assert rows(body) == []


def test_english_chinese_and_japanese_stories_are_read_as_before():
    assert rows("Seoul aims to invest 50 billion won in its metaverse platform by 2026.", "Seoul plan") == [
        ("Seoul", "investment", 5e10, "KRW", 2026)]
    assert rows("四川省力争到2025年元宇宙产业规模突破2500亿元。", "四川") == [("Sichuan", "industry_size", 2.5e11, "CNY", 2025)]
    assert rows("大阪府は2025年までにメタバース関連産業に100億円を投資する計画を発表した。", "大阪府") == [
        ("Osaka", "investment", 1e10, "JPY", 2025)]


def test_firm_named_by_its_ending_states_its_own_plan_not_the_citys():
    assert rows("삼성전자는 2030년까지 부산에 1조 원을 투자할 계획이다.") == []
    assert rows("부산은행은 부산시와 함께 2026년까지 100억원을 투자한다.") == []


def test_news_agency_dateline_city_owns_nothing():
    assert rows("(서울=연합뉴스) 홍길동 기자 = 부산시는 2030년까지 1조 원 규모의 펀드를 조성한다고 밝혔다.") == [
        ("Busan", "fund_size", 1e12, "KRW", 2030)]


def test_last_year_beside_a_commitment_is_no_statistic():
    assert rows("서울시는 지난해 발표한 계획에 따라 2026년까지 500억원을 투입한다.") == [
        ("Seoul", "investment", 5e10, "KRW", 2026)]
    assert rows("서울시는 지난해 메타버스 사업에 500억원을 투입했다.") == []


def test_largest_is_no_ceiling_but_up_to_before_a_figure_is():
    assert rows("국내 최대 규모인 1조 원 펀드를 조성한다고 부산시가 밝혔다.") == [("Busan", "fund_size", 1e12, "KRW", None)]
    assert rows("서울시는 선정 기업에 최대 5억 원을 지원한다.") == []


def test_total_support_is_an_investment():
    assert rows("서울시는 스타트업에 총 300억 원을 지원한다.") == [("Seoul", "investment", 3e10, "KRW", None)]


def test_relative_deadline_counts_from_publication():
    assert rows("광주시는 향후 5년간 블록체인 기업 30곳을 육성할 계획이다.") == [("Gwangju", "companies", 30.0, "count", 2029)]


def test_a_change_keeps_the_level_to_reach_only():
    assert rows("성남시는 블록체인 기업 수를 100개에서 300개로 늘린다.") == [("Seongnam-si", "companies", 300.0, "count", None)]
    assert rows("인천시는 500억원에서 1000억원으로 펀드 규모를 확대한다.") == [("Incheon", "fund_size", 1e11, "KRW", None)]


def test_an_industrys_sales_goal_is_a_target_a_firms_sales_are_not():
    assert rows("부산시는 2030년까지 블록체인 산업 매출을 10조 원으로 늘릴 계획이다.") == [
        ("Busan", "industry_size", 1e13, "KRW", 2030)]
    assert rows("한 거래소는 올해 매출 3000억 원을 올렸다.") == []


def test_won_value_in_brackets_is_the_same_sum():
    assert rows("부산시는 2030년까지 5억 달러(약 6500억 원) 규모의 펀드를 조성한다.") == [
        ("Busan", "fund_size", 5e8, "USD", 2030)]
    _, targets = extract_story("x", "서울시는 2030년까지 6500억 원(약 5억 달러)을 투입한다.", PUBLISHED)
    assert [(t.target_value, t.unit, t.target_value_usd) for t in targets] == [(6.5e11, "KRW", 5e8)]


def test_city_written_after_its_province_owns_the_figure():
    assert rows("경기도 성남시는 2025년까지 메타버스 허브에 200억원을 투입한다.") == [
        ("Seongnam-si", "investment", 2e10, "KRW", 2025)]


@pytest.mark.parametrize("body", [
    "시는 올해 메타버스 사업에 100억원을 투입했다.",  # spent: a verb in the past
    "서울시는 이미 블록체인 펀드 500억원을 조성해 운용하고 있다.",  # already
    "6월 말 기준 부산시 블록체인 기업은 300개로 늘었다.",  # as of a date
])
def test_past_figures_are_no_targets(body):
    assert rows(body) == []


def test_image_is_not_already():
    assert rows("시는 도시 이미지 제고를 위해 2025년까지 100억원을 투입한다. 서울") == [
        ("Seoul", "investment", 1e10, "KRW", 2025)]


def test_korean_ministry_is_koreas_in_a_story_naming_only_another_country():
    assert rows("과기정통부는 2026년까지 블록체인 기업 20개를 육성한다. 한편 일본도 관련 정책을 내놨다.") == [
        ("South Korea", "companies", 20.0, "count", 2026)]


def test_a_plan_under_consideration_is_no_target():
    assert rows("일본 정부도 웹3 산업 육성을 위해 1000억 엔 규모의 펀드를 검토하고 있다.") == []


@pytest.mark.parametrize("body", ["서울시는 2030년까지 1조~2조 원을 투입할 계획이다.", "서울시는 2030년까지 기업 100~200개를 육성할 계획이다."])
def test_range_bounds_are_no_targets(body):
    assert rows(body) == []
