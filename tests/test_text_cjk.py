"""Chinese- and Japanese-language text dumps: small invented pages in the shapes of Chinese government and news sites
(nav lines, headline, a '发布时间：… 来源：…' or '2023年5月3日 来源：… 作者：…' dateline, body paragraphs ending in 。,
a '相关新闻'/'推荐阅读' list, '责任编辑：…', a '版权所有 ©' footer), and the script-aware word measures they rely on."""
from __future__ import annotations

from datetime import datetime

from pipelines.parse.html.page import parse_html
from pipelines.parse.text.line_features import NAMES, line_features
from pipelines.parse.scripts import word_count
from pipelines.parse.text.page import parse_text

BODY = ["为加快元宇宙产业发展，推动数字经济与实体经济深度融合，省政府近日印发产业发展行动计划，明确了今后三年的发展目标和重点任务。",
        "计划提出，到2025年，全省元宇宙相关产业规模力争达到2500亿元，培育一批具有核心竞争力的骨干企业，建设若干特色产业园区。",
        "在技术创新方面，计划要求加强关键核心技术攻关，支持高校、科研院所与企业联合建设创新平台，推动虚拟现实技术在制造业中的应用。",
        "各市州要结合实际制定配套措施，加大资金、土地、人才等要素保障力度，确保各项任务落到实处。"]
TITLE = "省政府印发元宇宙产业发展行动计划"
RELATED = ["市政府召开数字经济发展推进会议", "全省虚拟现实产业联盟正式成立"]


def _page(*blocks: str) -> list:
    return parse_text("\n\n".join(blocks))


def test_government_page_with_labelled_date_and_related_news():
    stories = _page("首页\n新闻\n政策\n互动", f"{TITLE}\n发布时间：2023-05-03 来源：省经济和信息化厅", "\n".join(BODY),
                    "责任编辑：王小明", "相关新闻\n" + "\n".join(RELATED), "版权所有 © 省人民政府办公厅")
    main = stories[0]
    assert (main.role, main.title, main.published_at) == ("main", TITLE, datetime(2023, 5, 3))
    assert main.body.startswith("为加快元宇宙产业发展") and main.body.endswith("确保各项任务落到实处。")
    for furniture in ("首页", "发布时间", "责任编辑", "相关新闻", "市政府召开", "版权所有"):
        assert furniture not in main.body
    assert [s.title for s in stories[1:]] == RELATED
    assert all("版权所有" not in s.body for s in stories)


def test_news_page_with_written_date_source_and_recommended_list():
    stories = _page("首页 | 新闻 | 财经 | 科技 | 评论\n当前位置：首页 > 新闻 > 要闻", TITLE,
                    "2023年5月3日 10:00 来源：四川日报 作者：李华", "\n\n".join(BODY),
                    "推荐阅读\n" + "\n".join(RELATED), "分享到：\n版权所有 © 2023 日报社 保留所有权利")
    main = stories[0]
    assert main.title == TITLE and main.published_at.date() == datetime(2023, 5, 3).date()
    assert main.body.startswith("为加快") and main.body.endswith("落到实处。")
    for furniture in ("来源", "2023年5月3日", "推荐阅读", "分享到", "版权所有"):
        assert furniture not in main.body
    assert [s.title for s in stories[1:]] == RELATED
    assert "版权所有 © 2023 日报社 保留所有权利" not in [s.title for s in stories]
    assert all("版权所有" not in s.body for s in stories)



def test_a_chinese_writers_field_in_the_dateline_names_the_author():
    main = _page(TITLE, "2023年5月3日 10:00 来源：四川日报 作者：李华 责任编辑：张伟", "\n\n".join(BODY))[0]
    assert main.author == "李华"
    assert "张伟" not in (main.author or "") and "四川日报" not in (main.author or "")


def test_a_chinese_dateline_with_source_only_names_no_author():
    main = _page(TITLE, "2023年5月3日 来源：四川日报", "\n\n".join(BODY))[0]
    assert main.author is None

def test_japanese_page_with_related_articles():
    body = ["市は三日、仮想空間を活用した観光振興の新たな計画を発表しました。来年度から市内の名所を紹介する事業を始めます。",
            "計画では、地元の企業や大学と協力して、観光客が自宅から街歩きを体験できるサービスを整備する予定です。",
            "担当者は、海外からの観光客にも市の魅力を伝えたいと話しています。"]
    stories = _page("ホーム\nニュース", "市が仮想空間で観光振興計画を発表", "2023年5月3日", "\n\n".join(body),
                    "関連記事\n県がデジタル人材の育成を強化\n新しいデータセンターが完成")
    main = stories[0]
    assert main.title == "市が仮想空間で観光振興計画を発表" and main.published_at == datetime(2023, 5, 3)
    assert main.body.startswith("市は三日") and main.body.endswith("話しています。")
    assert "関連記事" not in main.body
    assert [s.title for s in stories[1:]] == ["県がデジタル人材の育成を強化", "新しいデータセンターが完成"]


def test_word_count_splits_han_runs_and_keeps_spaced_text_as_before():
    assert word_count("The council said on Monday") == 5
    assert word_count("Zürich council’s café plan") == 4  # non-ASCII Latin text: split on spaces as before
    assert word_count(TITLE) == 9  # 16 characters, about 1.7 a word
    assert word_count(BODY[0]) >= 30  # a Chinese paragraph is running text, not one 'word'


def test_han_line_features_read_prose_and_no_capitals():
    rows = line_features([TITLE, BODY[0]], ["headline", "text"], [1, 2])
    prose, sentence_end, capitals = (NAMES.index(n) for n in ("prose", "sentence_end", "capital_ratio"))
    assert rows[1][sentence_end] == 1.0 and rows[0][sentence_end] == 0.0
    assert rows[0][capitals] == 0.0 and rows[1][capitals] == 0.0
    assert rows[0][prose] == 0.0


def _html_page(info: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    related = "".join(f'<li><a href="/a{i}">{t}</a></li>' for i, t in enumerate(RELATED))
    return (f'<html><head><meta charset="utf-8"><title>{TITLE}_日报</title></head><body>'
            '<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/policy">政策</a></div>'
            f'<div class="article"><h1>{TITLE}</h1><div class="info">{info}</div>'
            f'<div class="content">{paragraphs}</div><div class="editor">责任编辑：王小明</div></div>'
            f'<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>'
            '<div class="footer">版权所有 © 2023 日报社 保留所有权利</div></body></html>')


def test_html_page_dateline_with_source_and_author_is_not_body():
    stories = parse_html(_html_page("2023年5月3日 10:00 来源：四川日报 作者：李华"))
    main = stories[0]
    assert main.title == TITLE and main.published_at.date() == datetime(2023, 5, 3).date()
    assert main.body.startswith("为加快元宇宙产业发展") and main.body.endswith("确保各项任务落到实处。")
    for furniture in ("来源", "作者", "2023年5月3日", "责任编辑", "相关新闻", "版权所有"):
        assert furniture not in main.body
    assert [s.title for s in stories[1:]] == RELATED


def test_html_page_labelled_publication_time_line_is_not_body():
    main = parse_html(_html_page("发布时间：2023-05-03 来源：省经济和信息化厅"))[0]
    assert main.published_at == datetime(2023, 5, 3)
    assert "发布时间" not in main.body and "来源" not in main.body
    assert main.body.startswith("为加快") and main.body.endswith("落到实处。")


def test_a_chinese_header_s_labelled_fields_are_no_headline():
    story = ("日前，江城市印发《江城市促进元宇宙产业创新发展实施方案》，提出到2026年元宇宙产业规模力争突破500亿元，"
             "培育10家以上具有较强竞争力的元宇宙领军企业。")
    more = "根据方案，江城市将打造5个元宇宙特色产业园区，建设20个元宇宙示范应用场景。"
    # the headline over a dateline with the source's field, the reporter's credit led by the outlet ('每经记者 刘洋')
    for header in (["江城：到2026年元宇宙产业规模力争突破500亿元", "2024年03月05日08:21 | 来源：江城日报"],
                   ["每经记者 刘洋 每经编辑 陈梦", "2024-06-18 21:10:33", "江城：到2026年元宇宙产业规模力争突破500亿元"],
                   ["江城：到2026年元宇宙产业规模力争突破500亿元", "发布日期：2024-05-14", "发布单位：江城市政府产业发展局"]):
        stories = parse_text("\n".join(["江城新闻网", "首页 > 财经"] + header + [story, more]))
        assert stories[0].title == "江城：到2026年元宇宙产业规模力争突破500亿元"
        assert "来源" not in stories[0].body and "每经" not in stories[0].body and "发布单位" not in stories[0].body
    stories = parse_text("\n".join(["每经记者 刘洋 每经编辑 陈梦", "2024-06-18 21:10:33",
                                    "江城：到2026年元宇宙产业规模力争突破500亿元", story, more]))
    assert stories[0].author == "刘洋"


def test_a_financial_disclaimer_and_a_short_editor_credit_end_the_story():
    stories = _page(TITLE, *BODY, "（责编：李明、王红）", "免责声明：本文内容与数据仅供参考，不构成投资建议。")
    assert "责编" not in stories[0].body and "免责声明" not in stories[0].body and BODY[-1] in stories[0].body


def test_a_bracketed_chinese_headline_is_the_title_and_a_sentence_opening_with_a_date_is_body():
    first = "12月7日，江城市政府出台《关于加快元宇宙产业发展的若干措施》。"
    stories = _page("江城日报", "首页 > 江城新闻", "【江城发布元宇宙新政】五年内培育100家元宇宙企业",
                    "2023-12-08 07:30:00 来源：江城日报 作者：周洁", first, *BODY)
    assert stories[0].title == "【江城发布元宇宙新政】五年内培育100家元宇宙企业"
    assert stories[0].body.startswith(first)


def test_a_korean_wire_credit_leaves_the_lead_paragraph_and_names_the_reporter():
    lead = "(호수=뉴스1) 김민수 기자 = 호수시는 2027년까지 확장현실(XR) 산업 육성에 총 2500억 원을 투입한다고 12일 밝혔다."
    stories = parse_text("\n".join(["전체기사", "호수시, 2027년까지 XR 산업에 2500억 투입", "입력 2025.03.12 09:30", lead,
                                    "시는 이 기간 XR 기업 150곳을 육성하고 전문 인력 3000명을 양성할 계획이다."]))
    assert stories[0].author == "김민수"
    assert stories[0].body.startswith("호수시는 2027년까지") and "뉴스1" not in stories[0].body


def test_a_writer_credited_with_wen_and_a_reposted_story_s_notes():
    stories = _page("36氪", "各地抢滩元宇宙：上海、北京、广州的目标有多大？", "文｜王晨", "编辑｜李涛", "2023-09-12 10:05", *BODY,
                    "本文来自微信公众号“元宇宙观察”，作者：王晨，经授权发布。", "该文观点仅代表作者本人，平台仅提供信息存储空间服务。")
    assert stories[0].author == "王晨"
    assert "编辑｜" not in stories[0].body and "本文来自" not in stories[0].body and "该文观点" not in stories[0].body


def test_a_public_accounts_reviewer_credit_closes_the_story_with_the_follow_prompt():
    other = "本公众号长期关注数字经济发展动态，欢迎各位读者朋友留言交流，分享您对产业政策的看法和建议，我们将择优刊发。"
    main = _page("首页\n新闻", TITLE, "2023年5月3日", "\n\n".join(BODY), "审核：赵磊", other, "微信扫一扫\n关注该公众号")[0]
    assert main.body.endswith("确保各项任务落到实处。")
    assert "审核" not in main.body and "本公众号" not in main.body and "扫一扫" not in main.body


def test_a_wires_enditem_mark_closes_an_english_story():
    prose = ("The district unveiled measures on Monday to attract blockchain companies, offering rewards of up to "
             "5 million yuan to firms that set up headquarters there, its government said.")
    main = _page("Home\nChina\nWorld", "District courts blockchain firms with rewards", "2024-06-03 14:12:45",
                 prose, prose.replace("Monday", "Tuesday"), "Enditem",
                 "Our agency has covered the region's economy for seventy years, with bureaus in every province.")[0]
    assert main.body.endswith("its government said.") and "Enditem" not in main.body and "seventy" not in main.body


def test_a_header_line_ending_in_a_bracketed_font_switch_is_the_date_line_not_the_headline():
    stories = parse_text("\n".join(["某某区人民政府", "网站首页 政务公开 政务服务 互动交流 走进本区", TITLE,
                                    "发布日期：2024-01-30  信息来源：区政府办  阅读次数：3012  字号：[大 中 小]",
                                    *BODY, "主办：某某区人民政府办公室"]))
    main = stories[0]
    assert (main.title, main.published_at) == (TITLE, datetime(2024, 1, 30))
    assert "字号" not in main.body and "网站首页" not in main.body


def test_short_chinese_words_spaced_apart_are_a_menu_and_a_spaced_headline_is_not():
    from pipelines.parse.rules import text_rules
    from pipelines.parse.text.lines import _is_menu
    assert _is_menu("网站首页 政务公开 政务服务 互动交流 走进本区", text_rules())
    assert not _is_menu("余杭发布元宇宙产业政策 设立50亿元产业基金", text_rules())
    assert not _is_menu("奋进新征程 建功新时代", text_rules())


def test_a_notice_s_headline_over_its_dateline_and_its_closing_statement_with_a_date():
    notice = "某某区管委会关于印发《某某区促进区块链产业高质量发展若干政策》的通知"
    stories = parse_text("\n".join([
        "某某区管委会", "首页", "新闻中心", "政务公开", "投资服务", notice,
        "发布时间：2024-02-27 15:30:00 来源：某某区管委会办公室 浏览量：1602", "字号：某高新发〔2024〕9号",
        "各部门、各直属单位：", "现将《某某区促进区块链产业高质量发展若干政策》印发给你们，请认真贯彻落实。", *BODY[:2],
        "本政策自2024年3月1日起施行，有效期至2026年12月31日。", "某某区管委会", "2024年2月26日",
        "【打印本页】【关闭窗口】", "相关信息", "某某市数字经济发展三年行动计划"]))
    main = stories[0]
    assert (main.title, main.published_at) == (notice, datetime(2024, 2, 27, 15, 30))  # not the 施行 date
    assert main.body.endswith("本政策自2024年3月1日起施行，有效期至2026年12月31日。")
