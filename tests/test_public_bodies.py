"""Public bodies abroad named as a figure's subject set a target for their own jurisdiction (organization_cues.yaml
organizations, read by subjects.py): regulators, central banks, digital ministries and the bodies that run Chinese
zones. An acronym other bodies share counts only with its country word; an acronym inside a word, or a lowercase
abbreviation of the same letters, names no body. Invented sentences."""
from datetime import datetime

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def found(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.target_year) for t in extract_story("", body, PUB)[1]]


def organizations(body):
    return [m.entity_name for m in extract_story("", body, PUB)[0] if m.entity_type == "organization"]


def test_a_planning_body_named_without_its_country_sets_its_country_s_target():
    assert found("NITI Aayog plans to train 1 million AI professionals by 2030.") == [
        ("India", "talent", 1_000_000, 2030)]


def test_a_regulator_sets_its_country_s_target_not_the_place_named_before():
    assert found("Peru is watching. BaFin plans to license 45 crypto companies by 2026.") == [
        ("Germany", "companies", 45, 2026)]
    assert found("Peru is watching. The OCC plans to hire 60 blockchain experts by 2025.") == [
        ("United States", "talent", 60, 2025)]


def test_a_central_bank_sets_its_country_s_target():
    assert found("Peru is watching. The SARB plans to invest $300 million in tokenisation by 2027.") == [
        ("South Africa", "investment", 300e6, 2027)]
    assert found("Peru is watching. The BSP will license 15 stablecoin companies by 2026.") == [
        ("Philippines", "companies", 15, 2026)]


def test_a_digital_ministry_sets_its_country_s_target():
    assert found("Peru is watching. IMDA will train 12,000 AI engineers by 2028.") == [
        ("Singapore", "talent", 12_000, 2028)]
    assert found("Peru is watching. The Japanese Digital Agency aims to train 25,000 engineers by 2027.") == [
        ("Japan", "talent", 25_000, 2027)]


def test_a_shared_acronym_with_its_country_word_is_that_country_s_body():
    assert found("Peru is watching. SEC Nigeria plans to license 35 digital asset companies by 2025.") == [
        ("Nigeria", "companies", 35, 2025)]
    assert found("Peru is watching. The Thai SEC plans to license 35 digital asset companies by 2025.") == [
        ("Thailand", "companies", 35, 2025)]
    assert found("Peru is watching. FSC Korea plans to license 35 digital asset companies by 2025.") == [
        ("South Korea", "companies", 35, 2025)]


def test_a_shared_acronym_alone_stays_without_a_country():
    assert "Financial Services Agency of Japan" not in organizations("The FSA plans to license 35 companies by 2025.")
    assert "Autorité des marchés financiers" in organizations("The AMF plans to license 35 companies by 2025.")
    assert found("France's AMF plans to license 35 crypto companies by 2025.") == [("France", "companies", 35, 2025)]


def test_a_chinese_zone_s_administrative_body_speaks_for_the_city_that_runs_it():
    assert found("Peru is watching. The Zhongguancun Administrative Committee will invest 2 billion yuan in AI "
                 "by 2026.") == [("Beijing", "investment", 2e9, 2026)]
    assert found("Peru is watching. The Qianhai Authority will attract 300 fintech companies by 2025.") == [
        ("Shenzhen", "companies", 300, 2025)]
    assert found("Peru is watching. The Hengqin Administrative Committee will attract 80 Web3 companies by 2026.") == [
        ("Zhuhai", "companies", 80, 2026)]
    assert found("Peru is watching. MOFCOM will support 100 digital trade companies by 2025.") == [
        ("China", "companies", 100, 2025)]


def test_an_acronym_inside_a_word_or_in_lowercase_names_no_body():
    assert organizations("The OCCUPY movement and the BSPX team met; blocks settle every 12 sec and the occ "
                         "was quiet.") == []
    assert found("Peru is watching. The OCCUPY movement plans to hire 60 blockchain experts by 2025.") == [
        ("Peru", "talent", 60, 2025)]


def test_a_mining_chip_is_no_regulator():
    assert organizations("The new ASIC miners hash faster.") == []
