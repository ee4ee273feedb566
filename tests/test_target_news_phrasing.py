"""How news stories name a target's holder, currency and year in ways the rules once misread (invented sentences in
the shapes of real reports): a region naming its capital ('the Hunan capital'), a district placed 'in' its city, a
government joined to a company, a ¥ in a story naming Chinese and Japanese cities, a Hong Kong dollar figure naming
no place, 'next year' and 'this fiscal year', and 'Phase I' as a subject."""
from __future__ import annotations

from datetime import datetime

from pipelines.extract.story import extract_story

PUBLISHED = datetime(2024, 6, 15)


def _rows(title, body):
    return sorted((t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year)
                  for t in extract_story(title, body, PUBLISHED)[1])


def test_a_region_named_as_the_capital_s_region_is_the_capital():
    assert _rows("Changsha eyes Web3", "The Hunan capital plans to build a Web3 industry worth 50 billion yuan by 2027.") == [
        ("Changsha", "industry_size", 5e10, "CNY", 2027)]
    assert _rows("Plan unveiled", "The capital of eastern Zhejiang province released a plan. The city aims to build an "
                 "industry worth 100 billion yuan by 2025.") == [("Hangzhou", "industry_size", 1e11, "CNY", 2025)]
    # the region itself stays the region
    assert _rows("", "Hunan plans to build a Web3 industry worth 50 billion yuan by 2027.") == [
        ("Hunan", "industry_size", 5e10, "CNY", 2027)]


def test_a_district_placed_in_its_city_is_the_subject():
    assert _rows("", "Jiangning district in Nanjing plans to attract 100 metaverse companies by 2025.") == [
        ("Jiangning", "companies", 100, "count", 2025)]
    assert _rows("", "Following Shanghai, Hangzhou unveiled a plan to build a 100 billion yuan industry by 2025.") == [
        ("Hangzhou", "industry_size", 1e11, "CNY", 2025)]


def test_a_government_joined_to_a_company_keeps_its_plan_and_a_company_alone_does_not():
    assert _rows("", "The Shenzhen government and Huawei will jointly invest 1 billion yuan in a lab by 2025.") == [
        ("Shenzhen", "investment", 1e9, "CNY", 2025)]
    assert _rows("", "Huawei will invest 1 billion yuan in a lab in Shenzhen by 2025.") == []


def test_a_yen_or_yuan_sign_goes_to_the_country_whose_places_the_story_names_most():
    body = ("A Shanghai-based startup opened a lab in Tokyo. The Shanghai government said it will invest ¥5 billion "
            "in metaverse infrastructure by 2025.")
    assert _rows("", body) == [("Shanghai", "investment", 5e9, "CNY", 2025)]
    assert _rows("", "Osaka opened a lab. The Tokyo government will invest ¥5 billion in metaverse pilots by 2025.") == [
        ("Tokyo", "investment", 5e9, "JPY", 2025)]


def test_a_territory_s_currency_names_the_government_no_place_is_given_for():
    assert _rows("Government pledges funds", "The government will set aside HK$100 million for digital asset firms.") == [
        ("Hong Kong", "investment", 1e8, "HKD", None)]
    assert _rows("港府撥款", "財政司司長表示，政府將撥款5000萬港元予數碼港，加快推動Web3生態圈發展。") == [
        ("Hong Kong", "investment", 5e7, "HKD", None)]
    # a city government's won is some city's, not South Korea's
    assert _rows("", "The city government will spend 10 billion won on a metaverse platform.") == [
        (None, "investment", 1e10, "KRW", None)]


def test_next_year_and_this_fiscal_year_date_a_figure():
    assert _rows("", "Malaysia will establish a RM100 million fund for Web3 start-ups next year.") == [
        ("Malaysia", "fund_size", 1e8, "MYR", 2025)]
    assert _rows("", "The Tokyo Metropolitan Government will spend ¥1.5 billion this fiscal year on metaverse projects.") == [
        ("Tokyo", "investment", 1.5e9, "JPY", 2024)]


def test_phase_i_is_a_part_of_a_project_not_the_writer_or_a_company():
    assert _rows("", "Phase I will cost 2 billion yuan, the Xiamen government said.") == [
        ("Xiamen", "investment", 2e9, "CNY", None)]
    assert _rows("", "\"I will invest $5 million in Dubai startups,\" the founder said.") == []


def test_a_goal_naming_no_metric_takes_the_statistic_it_raises():
    # the sentence before states what 'that' is (a past figure, no target); the goal after it is of the same kind
    assert _rows("", "Shenzhen's digital economy generated 1.2 trillion yuan last year. The city now aims to raise that "
                 "to 1.5 trillion yuan by 2025.") == [("Shenzhen", "industry_size", 1.5e12, "CNY", 2025)]
    # with nothing before it, a sum naming no metric is still an investment
    assert _rows("", "The city now aims to spend 1.5 billion yuan by 2025, Shenzhen officials said.") == [
        ("Shenzhen", "investment", 1.5e9, "CNY", 2025)]


def test_the_three_cities_stand_for_the_places_an_earlier_sentence_listed():
    body = ("Guangzhou, Shenzhen and Chengdu have each unveiled plans this year. The three cities target industries "
            "of 100 billion yuan, 300 billion yuan and 50 billion yuan respectively by 2025.")
    assert _rows("", body) == [("Chengdu", "industry_size", 5e10, "CNY", 2025),
                               ("Guangzhou", "industry_size", 1e11, "CNY", 2025),
                               ("Shenzhen", "industry_size", 3e11, "CNY", 2025)]
    # a number that is not the list's pairs nothing: which place holds which is unknown
    assert _rows("", body.replace("The three cities", "The two cities")) == []


def test_a_chinese_first_tranche_or_share_of_a_stated_sum_is_part_of_it():
    assert _rows("合肥设立基金", "合肥市将设立总规模50亿元的元宇宙产业投资基金，首期规模10亿元。") == [
        ("Hefei", "fund_size", 5e9, "CNY", None)]
    # a sum opening a sentence's first clause is its own
    assert _rows("合肥设立基金", "首期规模10亿元的元宇宙基金由合肥市设立。")[0][2] == 1e9
