"""A Chinese company's known name that crosses a place's name (the 京 of 北京 and the 东 of 东城区 make 京东) is no
mention: Chinese text has no spaces, so it is read left to right and the name that starts first wins. Sentences
written for the project."""
from pipelines.extract.story import find_mentions


def mentions(text):
    return [(m.entity_type, m.entity_name, m.surface_text) for m in find_mentions(text, "body", None)]


def test_beijing_before_a_district_is_no_jd_com():
    found = mentions("北京东城区将建设元宇宙体验馆。")
    assert ("jurisdiction", "Beijing", "北京") in found
    assert all(name != "JD.com" for _, name, _ in found)


def test_a_nanjing_street_is_no_jd_com():
    found = mentions("南京东路步行街开设了元宇宙体验店。")
    assert found == [("jurisdiction", "Nanjing", "南京")]


def test_jd_com_standing_alone_is_still_jd_com():
    assert mentions("京东发布元宇宙购物平台。") == [("company", "JD.com", "京东")]


def test_jd_com_after_a_city_it_does_not_cross_is_still_jd_com():
    found = mentions("北京京东发布元宇宙购物平台。")
    assert ("company", "JD.com", "京东") in found and ("jurisdiction", "Beijing", "北京") in found

