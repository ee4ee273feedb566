"""A central government's ministry opening a Chinese figure's sentence or clause states the figure for its country,
not for a city the story names (chinese/national.py); a time word may stand between a subject and its verb
(chinese/subjects.py). Invented sentences."""
from datetime import datetime

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def found(body, title=""):
    return sorted((t.jurisdiction_name, t.metric, t.target_value, t.unit) for t in extract_story(title, body, PUB)[1])


def test_a_ministry_named_by_its_ending_sets_the_countrys_figure():
    body = "文化和旅游部日前印发通知，提出到2025年培育50家数字文旅龙头企业。成都、西安将率先开展试点。"
    assert found(body) == [("China", "companies", 50, "count")]


def test_a_taiwan_ministry_with_the_day_before_its_verb_sets_taiwans_figure_in_its_dollars():
    body = "經濟部今（3）日宣布，未來兩年將投入80億元推動AI產業。台中市政府表示將配合。"
    assert found(body) == [("Taiwan", "investment", 80e8, "TWD")]


def test_a_national_body_opening_an_earlier_clause_sets_the_figure():
    body = "近日，国家知识产权局印发方案，提出到2026年建设20个区块链应用场景。杭州市将积极参与。"
    assert found(body) == [("China", "projects", 20, "count")]


def test_a_city_named_in_the_figures_own_clause_still_owns_it():
    body = "工业和信息化部表示，南宁市将建设5个元宇宙产业园。"
    assert found(body) == [("Nanning", "industrial_parks", 5, "count")]


def test_a_department_of_a_firm_or_of_a_city_is_no_ministry():
    assert found("长沙市委宣传部表示，到2025年全市将建设元宇宙应用场景80个。") == [("Changsha", "projects", 80, "count")]
    assert ("China", "investment", 10e8, "CNY") not in found("星澜科技公司战略部表示，公司将在东莞投资10亿元建设研发中心。")


def test_a_known_ministry_with_the_day_before_its_verb_is_still_its_countrys():
    body = "工信部日前印发通知，提出到2025年培育100家元宇宙骨干企业。南京市将跟进。"
    assert found(body) == [("China", "companies", 100, "count")]


def test_places_after_a_ministry_in_its_own_clause_are_where_not_who():
    body = "住房和城乡建设部将在苏州、无锡建设10个数字孪生城市示范项目。"
    assert found(body) == [("China", "projects", 10, "count")]


def test_a_firms_department_states_the_firms_own_plan():
    assert found("南京市表示欢迎。星澜集团战略部宣布，将投资20亿元建设元宇宙研发中心。") == []


def test_a_firms_department_saying_where_it_will_invest_states_the_firms_plan():
    assert found("星澜集团战略部表示，公司将在东莞投资10亿元建设研发中心。") == []
