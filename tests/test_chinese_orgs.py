"""Companies and organizations named in Chinese, on sentences written for the project: what must and must not come out."""
from pipelines.extract.company_names import company_rows
from pipelines.extract.story import find_mentions


def named(text):
    return [(m.entity_type, m.entity_name) for m in find_mentions(text, "body", None) if m.entity_type != "jurisdiction"]


def test_known_chinese_names_are_the_english_companies():
    assert named("腾讯、华为和百度参与合作。") == [("company", "Tencent"), ("company", "Huawei"), ("company", "Baidu")]


def test_company_with_legal_form_is_its_known_name():
    assert named("阿里巴巴集团与商汤科技签约。") == [("company", "Alibaba"), ("company", "SenseTime")]
    assert named("腾讯科技有限公司参与。") == [("company", "Tencent")]


def test_company_rows_merge_chinese_and_english_spellings():
    (row,) = company_rows(["Tencent"])
    assert row["company_name"] == "Tencent" and "腾讯" in row["aliases"]


def test_unknown_company_by_legal_form_keeps_its_name_without_the_form():
    assert named("由成都星河数字科技有限公司承办。") == [("company", "成都星河数字科技")]


def test_provincial_department_is_an_organization_and_hides_its_place():
    mentions = find_mentions("四川省经济和信息化厅发布通知。", "body", None)
    assert [(m.entity_type, m.entity_name) for m in mentions] == [("organization", "四川省经济和信息化厅")]


def test_known_national_bodies_are_the_english_organizations():
    assert named("工信部和国家发展和改革委员会联合印发。") == [
        ("organization", "Ministry of Industry and Information Technology"),
        ("organization", "National Development and Reform Commission")]


def test_city_government_is_an_organization():
    assert named("成都市人民政府与华为签约。") == [("organization", "成都市人民政府"), ("company", "Huawei")]


def test_alliance_named_by_its_ending():
    assert named("当天成立了元宇宙产业联盟。") == [("organization", "元宇宙产业联盟")]


def test_ordinary_words_ending_like_a_body_are_no_organization():
    assert named("优化产业布局，全部企业参与。") == []


def test_generic_body_is_not_named():
    assert named("省政府将支持该公司发展。") == []


def test_ordinary_word_a_company_is_named_after_is_no_company():
    assert named("小米和苹果都是水果和粮食。") == []


def test_english_text_has_no_chinese_names():
    assert named("Tencent and Huawei joined.") == [("company", "Tencent"), ("company", "Huawei")]


def test_known_body_named_in_chinese_is_one_mention():
    assert named("国家发展和改革委员会发布通知。") == [("organization", "National Development and Reform Commission")]


def test_signed_after_a_country_is_no_body():
    assert find_mentions("中国与美国签署协议。", "body", None)[1].entity_name == "United States"
    assert named("中国与美国签署协议。") == []


def test_the_east_of_a_province_is_no_body():
    assert named("四川省东部地区加快发展。") == []


def test_deployed_by_the_state_is_no_body():
    assert named("国家部署元宇宙产业发展。") == []


def test_deployed_by_a_city_is_no_body():
    # the 部 opening 部署 'deployed' ends no body's name after a place: no '上海市部'
    assert named("上海市部署元宇宙发展任务。") == []
    assert [m.entity_name for m in find_mentions("上海市部署元宇宙发展任务。", "body", None)] == ["Shanghai"]


def test_entrusted_by_a_city_government_is_no_body():
    assert named("深圳市政府委托第三方机构开展评估。") == []


def test_a_bureau_before_deployed_is_still_a_body():
    assert named("上海市规划局部署元宇宙发展任务。") == [("organization", "上海市规划局")]


def test_a_commission_before_deployed_is_the_commission():
    assert named("国家发展和改革委员会部署元宇宙工作。") == [("organization", "National Development and Reform Commission")]


def test_a_buyer_and_the_firm_it_buys_are_two_companies():
    assert named("腾讯收购深圳星河科技有限公司。") == [("company", "Tencent"), ("company", "深圳星河科技")]


def test_firms_entering_an_exchange_name_only_the_exchange():
    assert named("上海市将支持企业进入上海数据交易所交易。") == [("company", "上海数据交易所")]


def test_a_firm_a_city_brings_in_starts_after_the_verb():
    assert named("苏州引进北京星光科技有限公司。") == [("company", "北京星光科技")]


def test_a_body_a_firm_joins_starts_after_the_verb():
    assert named("华为加入中国信息通信研究院牵头的联盟。") == [("company", "Huawei"), ("organization", "中国信息通信研究院")]
