"""Where a text dump's story and its related list end: the page footer, a site's social prompt and a portal's
disclaimer are never a story or part of one (invented pages in news sites' shapes)."""
from __future__ import annotations

from pipelines.parse.text.page import parse_text

PROSE = ["The district released an action plan on Monday to grow its metaverse industry to 100 billion yuan by 2025, "
         "the district government said in a statement.",
         "It will set up a special fund of 2 billion yuan to support research into extended reality and digital twins, "
         "according to the plan."]
ZH = ["省工业和信息化厅发布区块链产业发展规划，提出到2025年全省区块链产业规模达到200亿元，引进培育区块链企业300家以上。",
      "规划明确，省会城市要打造区块链产业核心区，重点发展区块链在跨境贸易、旅游等领域的应用。"]


def test_the_related_list_ends_at_the_page_footer_and_a_follow_prompt_is_no_story():
    page = "\n".join(["Home", "World", "Business", "District targets a metaverse sector by 2025", "By Ann Lee",
                      "Published: Feb 26, 2024", *PROSE, "RELATED ARTICLES:", "City sets up a metaverse fund for start-ups",
                      "Port opens a blockchain trade platform", "Follow the Daily Courier on Twitter",
                      "Copyright © 2024 Daily Courier. All rights reserved.", "About Us", "Contact Us"])
    stories = parse_text(page)
    assert [s.title for s in stories[1:]] == ["City sets up a metaverse fund for start-ups",
                                              "Port opens a blockchain trade platform"]


def test_a_portals_statement_under_a_chinese_story_ends_it():
    page = "\n".join(["首页", "新闻", "财经", "全省区块链产业规模目标200亿元", "2024年08月20日 14:32 财经频道", *ZH,
                      "本网声明：本网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。",
                      "责任编辑：张恒", "热门推荐", "某市发布元宇宙文旅场景清单"])
    main = parse_text(page)[0]
    assert main.body.endswith("等领域的应用。") and "声明" not in main.body


def test_a_company_statement_quoted_in_a_chinese_story_does_not_end_it():
    quoted = "某某科技有限公司声明：公司将继续加大研发投入，积极参与全省区块链产业园区建设，与合作伙伴共同推动产业发展。"
    page = "\n".join(["首页", "新闻", "全省区块链产业规模目标200亿元", "2024年08月20日 14:32", ZH[0], quoted, ZH[1]])
    assert parse_text(page)[0].body.endswith("等领域的应用。")


def test_a_pictures_caption_with_its_credit_is_never_the_headline():
    page = "\n".join(["Home", "Tech", "District plans metaverse fund to grow its industry by 2025",
                      "Subsidies of up to 10 million yuan per company are on offer", "Listen to this article",
                      "A view of the harbour district, where the city plans to cluster start-ups. (Photo by Bo Chen)",
                      "ANN LEE, Daily Courier staff writer", "March 4, 2025 05:00 JST", *PROSE])
    main = parse_text(page)[0]
    assert main.title == "District plans metaverse fund to grow its industry by 2025"
    assert "Photo by" not in main.body


def test_a_note_asking_leave_to_repost_ends_a_chinese_story():
    page = "\n".join(["首页", "资讯", "全省区块链产业规模目标200亿元", "2024-03-15 10:20", *ZH,
                      "本文由某某科技原创，转载请联系授权。", "相关推荐", "某市设立元宇宙产业园"])
    main = parse_text(page)[0]
    assert main.body.endswith("等领域的应用。") and "转载" not in main.body
