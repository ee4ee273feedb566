"""The subject of a figure's verb decides whose target it is (subjects.py): a known body's own jurisdiction, no
place for a company or an unknown name, the place itself as before. Invented sentences."""
from datetime import datetime

from pipelines.extract.story import extract_story

PUB = datetime(2024, 3, 1)


def found(body):
    return [(t.jurisdiction_name, t.metric, t.target_value, t.unit) for t in extract_story("", body, PUB)[1]]


def test_a_known_body_sets_a_target_for_its_own_jurisdiction_not_the_place_named_before():
    assert found("Norway studies digital assets. The Monetary Authority of Singapore will set up a "
                 "S$80 million tokenisation fund by 2026.") == [("Singapore", "fund_size", 80e6, "SGD")]
    assert found("Qatar is watching closely. The SEC plans to hire 40 blockchain experts by 2025.") == [
        ("United States", "talent", 40, "count")]


def test_a_body_named_by_its_acronym_after_a_possessive_place_is_that_place_s():
    assert found("Bahrain moves slowly. Dubai's VARA will license 60 Web3 companies by 2026.") == [
        ("Dubai", "companies", 60, "count")]


def test_an_international_body_s_target_is_no_place_s():
    got = found("Portugal welcomed the news. The European Commission will invest €900 million in virtual worlds by 2027.")
    assert got == [(None, "investment", 900e6, "EUR")]


def test_an_unknown_name_as_subject_gives_the_place_after_the_figure_nothing():
    assert found("Vextrano will invest $400 million in a Web3 campus in Dubai over the next five years.") == []
    assert found("By 2026, Brindlemoor Capital plans to put 3 billion yuan into a metaverse park in Chengdu.") == []


def test_a_company_in_apposition_with_a_place_keeps_its_own_plan():
    assert found("Vextrano, a startup in Shenzhen, will invest $50 million in virtual reality labs by 2025.") == []
    assert found("Shenzhen-based Vextrano will invest $50 million in virtual reality labs by 2025.") == []


def test_a_place_or_its_government_as_subject_still_owns_the_target():
    assert found("Chengdu will invest 3 billion yuan in a metaverse park by 2026.") == [
        ("Chengdu", "investment", 3e9, "CNY")]
    assert found("Officials said the Chengdu government plans to attract 200 Web3 companies by 2026.") == [
        ("Chengdu", "companies", 200, "count")]
    assert found("The UK Treasury plans to invest £40 million in a blockchain sandbox by 2026.") == [
        ("United Kingdom", "investment", 40e6, "GBP")]


def test_a_name_ending_in_a_place_word_is_a_place_the_gazetteer_lacks_not_a_company():
    assert found("Meridale City will invest $200 million in a blockchain district by 2027.") == [
        (None, "investment", 200e6, "USD")]


def test_a_place_written_before_a_body_s_acronym_is_its_holder():
    assert found("Ghana's SEC plans to hire 30 blockchain experts by 2025.") == [("Ghana", "talent", 30, "count")]


def test_a_government_body_named_after_its_place_speaks_for_that_place():
    assert found("Ningbo hosted a forum. The plan, issued by the Zhejiang Provincial Department of Commerce, aims "
                 "to grow the metaverse industry to 40 billion yuan by 2026.") == [
        ("Zhejiang", "industry_size", 40e9, "CNY")]


def test_a_place_subject_outranks_places_named_before_it_in_the_sentence():
    assert found("Following Hefei and Wuhu, Bengbu unveiled a plan to build a 30 billion yuan metaverse industry "
                 "by 2026.") == [("Bengbu", "industry_size", 30e9, "CNY")]


def test_a_pronoun_after_a_reporting_verb_stands_for_the_name_before_it():
    assert found("After Dubai launched its strategy, Sharjah said it would invest $300 million in Web3 by 2030.") == [
        ("Sharjah", "investment", 300e6, "USD")]
    assert found("Vextrano said it would invest $300 million in a Web3 campus in Dubai by 2030.") == []


def test_a_zone_named_after_a_known_place_is_that_place_s():
    assert found("The Hainan Free Trade Port aims to attract 500 blockchain companies by 2025.") == [
        ("Hainan", "companies", 500, "count")]
    assert found("Jiangsu watches. The Wuxi High-tech Zone will build 3 metaverse industrial parks by 2026.") == [
        ("Wuxi", "industrial_parks", 3, "count")]
    # a zone the gazetteer knows holds its own (jurisdictions.json districts)
    assert found("Sichuan watches. The Chengdu High-tech Zone will build 3 metaverse industrial parks by 2026.") == [
        ("Chengdu Hi-tech Zone", "industrial_parks", 3, "count")]
    assert found("Meridale Free Trade Port will invest $200 million in a blockchain district by 2027.") == [
        (None, "investment", 200e6, "USD")]  # a zone of no known place: no place's name to give
    assert found("Hainan Quillon will invest $200 million in a blockchain district by 2027.") == []
