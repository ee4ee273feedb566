"""Jurisdiction gazetteer and mention tests on sentences written for the project."""
import pytest

from pipelines.extract.gazetteer import jurisdiction_rows
from pipelines.extract.jurisdictions import find_jurisdictions

MENTION_CASES = [
    ("Officials in the province of Hubei met on Monday.", {"Hubei"}),
    ("Hubei province unveiled a plan.", {"Hubei"}),
    ("The plan covers Guangxi and Inner Mongolia.", {"Guangxi", "Inner Mongolia"}),
    ("Tianjin and Chongqing are municipalities.", {"Tianjin", "Chongqing"}),
    ("Regulators in Macao and Hong Kong SAR agreed.", {"Macau", "Hong Kong"}),
    ("Firms from the U.S. and the UAE attended.", {"United States", "United Arab Emirates"}),
    ("Exporters in South Korea, Russia and Vietnam gained.", {"South Korea", "Russia", "Vietnam"}),
    ("Suzhou's Xiangcheng district opened a lab.", {"Suzhou", "Xiangcheng"}),
    ("Baoshan, a district of Shanghai, hosts the event.", {"Baoshan", "Shanghai"}),
    ("Chinese and Korean investors were cautious.", set()),
    ("China Mobile and the Bank of China signed a deal.", set()),
    ("Prices were quoted in US$ and HK$ only.", set()),
    ("A Singapore-based exchange expanded to Chengdu.", {"Singapore", "Chengdu"}),
    ("Sessions ran in Nanjing's Jiangning district.", {"Nanjing", "Jiangning"}),
]


@pytest.mark.parametrize("text,expected", MENTION_CASES, ids=[c[0][:40] for c in MENTION_CASES])
def test_find_jurisdictions(text, expected):
    assert {m.entity_name for m in find_jurisdictions(text)} == expected


def test_offsets_and_surface():
    text = "Funding from Sichuan province grew."
    (m,) = find_jurisdictions(text)
    assert (m.entity_name, m.surface_text, text[m.char_start:m.char_end]) == ("Sichuan", "Sichuan province", "Sichuan province")


CHAIN_CASES = [
    ("Jiangning", ["Jiangning", "Nanjing", "Jiangsu", "China"]),
    ("Tianhe", ["Tianhe", "Guangzhou", "Guangdong", "China"]),
    ("Chengdu", ["Chengdu", "Sichuan", "China"]),
    ("Hong Kong", ["Hong Kong", "China"]),
    ("Busan", ["Busan", "South Korea"]),
    ("Dubai", ["Dubai", "United Arab Emirates"]),
]


@pytest.mark.parametrize("name,chain", CHAIN_CASES, ids=[c[0] for c in CHAIN_CASES])
def test_jurisdiction_rows_chain(name, chain):
    assert [r["jurisdiction_name"] for r in jurisdiction_rows([name])] == chain


LEVEL_CASES = [("Beijing", "municipality", "CN-BJ"), ("Sichuan", "province", "CN-SC"),
               ("Macau", "special_administrative_region", "CN-MO"), ("China", "country", None)]


@pytest.mark.parametrize("name,level,iso", LEVEL_CASES, ids=[c[0] for c in LEVEL_CASES])
def test_levels(name, level, iso):
    row = jurisdiction_rows([name])[0]
    assert (row["level"], row["iso_code"]) == (level, iso)


DEMONYM_CASES = [
    ("The South Korean port city of Incheon opened a hub.", {"South Korea", "Incheon"}),
    ("The Chinese province of Hunan issued a plan.", {"China", "Hunan"}),
    ("Competition between Chinese cities heats up.", set()),
    ("It is the latest Chinese city to write a plan.", set()),
]


@pytest.mark.parametrize("text,expected", DEMONYM_CASES, ids=[c[0][:40] for c in DEMONYM_CASES])
def test_country_adjectives(text, expected):
    assert {m.entity_name for m in find_jurisdictions(text)} == expected


def test_capitals_known():
    from pipelines.extract.gazetteer import load_gazetteer
    caps = load_gazetteer().capitals
    assert caps["Tokyo"] == "Japan" and caps["Seoul"] == "South Korea" and "Shanghai" not in caps
