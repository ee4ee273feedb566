"""Korean place names (서울시는, 경기도, 부산) under the gazetteer's canonical names, on sentences written for the project:
a name starts a word and may carry a particle or a government noun, never sits inside another word."""
import json

from pipelines.extract.gazetteer import load_gazetteer
from pipelines.extract.jurisdictions import find_jurisdictions
from pipelines.extract.korean.places import NAMES_FILE, find_korean_jurisdictions, is_korean


def names(text):
    return [m.entity_name for m in find_jurisdictions(text)]


def test_every_korean_name_maps_onto_an_existing_gazetteer_place():
    places = load_gazetteer().places
    data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))["places"]
    assert [c for c in data if c not in places] == []


def test_city_with_and_without_its_suffix_and_a_particle():
    assert names("서울특별시와 서울시는 물론 서울에서도 행사가 열렸다.") == ["Seoul", "Seoul", "Seoul"]


def test_particle_is_left_out_of_the_mention():
    found = find_korean_jurisdictions("부산시가 발표했다.")
    assert [(m.entity_name, m.surface_text, m.char_start, m.char_end) for m in found] == [("Busan", "부산시", 0, 3)]


def test_provinces_and_cities_map_onto_existing_entries():
    assert names("경기도 수원시와 성남시, 경상남도 창원시") == ["Gyeonggi", "Suwon", "Seongnam-si", "South Gyeongsang", "Changwon"]


def test_government_noun_after_a_name_keeps_the_place():
    assert names("서울시장은 경기도청과 부산시의회를 찾았다.") == ["Seoul", "Gyeonggi", "Busan"]


def test_name_inside_another_word_is_no_place():
    # Seoul National University, the Bank of Korea, made in the US, World War (대전 inside it)
    assert names("서울대와 한국은행, 미국산 제품, 세계대전") == []


def test_short_name_that_is_a_common_word_is_not_read():
    assert names("경기가 회복되고 고양이가 늘었다.") == []  # 'the economy recovers', 'cats'


def test_foreign_countries_and_cities_in_korean():
    assert names("한국과 중국, 미국은 베이징과 도쿄에서 만났다.") == ["South Korea", "China", "United States", "Beijing", "Tokyo"]


def test_korean_detection_keeps_other_languages_apart():
    assert is_korean("서울시는 5일 계획을 밝혔다.")
    assert not is_korean("Seoul (서울) unveiled a plan on Tuesday.")
    assert not is_korean("四川省发布元宇宙计划。")
    assert not is_korean("大阪府は計画を発表した。")


def test_english_chinese_and_japanese_places_are_unchanged():
    assert names("Seoul and Busan signed a pact.") == ["Seoul", "Busan"]
    assert names("首尔市和成都市签署协议。") == ["Seoul", "Chengdu"]
    assert names("東京都と大阪府が発表した。") == ["Tokyo", "Osaka"]


def test_korean_cities_lie_in_their_provinces():
    gaz = load_gazetteer()
    assert [gaz.places[c].parent for c in ("Suwon", "Seongnam-si", "Changwon", "Jeonju")] == [
        "Gyeonggi", "Gyeonggi", "South Gyeongsang", "North Jeolla"]
