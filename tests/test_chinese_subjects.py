"""A company opening a Chinese or Japanese figure's clause states its own plan: no target, as on the English path
(CONTRACT.md: a target is one a jurisdiction or organization sets; chinese/subjects.py). Invented sentences."""
from datetime import datetime

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def found(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit) for t in extract_story("", body, PUB)[1]]


def test_a_known_company_as_subject_gives_the_place_after_it_nothing():
    assert found("华为计划在贵阳投资30亿元建设元宇宙实验室。") == []
    assert found("华为表示，将在未来三年投资1000亿元用于云计算。") == []


def test_a_company_named_by_its_suffix_as_subject_gives_the_place_after_it_nothing():
    assert found("星澜数字科技有限公司将在合肥设立5亿元元宇宙基金。") == []


def test_a_place_first_or_a_company_joined_to_a_place_keeps_the_target():
    assert found("合肥市政府与华为将共同设立5亿元元宇宙产业基金。") == [("Hefei", "fund_size", 5e8, "CNY")]
    assert found("华为与合肥市将共同设立5亿元元宇宙产业基金。") == [("Hefei", "fund_size", 5e8, "CNY")]
    assert found("合肥市计划引进华为等企业，设立5亿元元宇宙产业基金。") == [("Hefei", "fund_size", 5e8, "CNY")]


def test_a_known_body_opening_the_clause_sets_the_target_for_its_own_jurisdiction():
    assert found("安徽省元宇宙产业起步较早。工信部提出到2027年培育60家元宇宙企业。") == [("China", "companies", 60, "count")]
    assert found("経済産業省は2028年までにWeb3人材を5000人育成する計画だ。") == [("Japan", "talent", 5000, "count")]


def test_a_japanese_katakana_name_opening_the_clause_is_a_company_not_the_place_after_it():
    assert found("ゾルバックスは福岡に300億円を投じてデータセンターを建設する計画だ。") == []
    assert found("福岡市は2030年までに300億円を投じる計画だ。") == [("Fukuoka", "investment", 300e8, "JPY")]


def test_a_place_in_an_opening_phrase_owns_nothing():
    assert found("继杭州、温州之后，宁波发布元宇宙行动计划，提出到2026年产业规模突破300亿元。") == [
        ("Ningbo", "industry_size", 300e8, "CNY")]
    assert found("与杭州相比，宁波计划到2026年培育60家元宇宙企业。") == [("Ningbo", "companies", 60, "count")]


def test_a_place_after_zai_is_where_a_companys_plan_happens_not_its_subject():
    assert found("华为表示，将在贵阳投资30亿元建设元宇宙实验室。") == []
    # the province states the goal of parks built in its capital: the province sets it (CONTRACT.md: 'the jurisdiction
    # that set or holds it'), as on the English path ('Hainan will build a zone in Haikou ...')
    assert found("贵州省表示，将在贵阳建设10个元宇宙产业园。") == [("Guizhou", "industrial_parks", 10, "count")]
    assert found("贵阳市将建设10个元宇宙产业园。") == [("Guiyang", "industrial_parks", 10, "count")]
