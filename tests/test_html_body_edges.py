"""What an extractor keeps at a saved page's story edges that is the site's: the header's info line or date over the
first paragraph, and staff credits, a wire's end mark and a follow prompt under the last (invented pages)."""
from __future__ import annotations

from pipelines.parse.html.page import parse_html

ZH = ["<p>近日，某市印发《元宇宙产业发展行动计划（2024—2026年）》，提出到2026年产业规模达到300亿元。</p>",
      "<p>根据计划，该市将设立规模10亿元的产业基金，支持关键技术攻关和应用示范，并建设5个特色产业园区。</p>",
      "<p>市经信局有关负责人表示，将以高新区为重点，推动虚拟现实技术在文旅、教育等领域落地应用。</p>"]
EN = ["<p>CITYPORT, June 3 -- The district unveiled measures on Monday to attract blockchain companies, offering "
      "rewards of up to 5 million yuan to firms that set up headquarters there.</p>",
      "<p>Under the measures, the district aims to gather more than 200 companies by 2026, its government said in a "
      "statement published on its website.</p>",
      "<p>The district will also set up a fund of 1 billion yuan to invest in start-ups working on digital identity.</p>"]


def _body(article: str) -> str:
    page = f"<html><body><nav><a href='/'>Home</a></nav><article><h1>The district courts blockchain firms</h1>{article}</article></body></html>"
    return parse_html(page)[0].body


def test_chinese_staff_credits_close_the_story_with_the_follow_prompt_under_them():
    body = _body("".join(ZH) + "<p>编辑：刘畅</p><p>审核：赵磊</p><p>微信扫一扫</p><p>关注该公众号</p>")
    assert body.endswith("等领域落地应用。")
    for furniture in ("编辑", "审核", "微信扫一扫", "关注该公众号"):
        assert furniture not in body


def test_an_editor_credit_in_brackets_closes_the_story():
    body = _body("".join(ZH) + "<p>（责编：李娜、张伟）</p>")
    assert "责编" not in body and body.count("\n\n") == 2


def test_a_wires_end_mark_closes_the_story():
    body = _body("".join(EN) + "<p>Enditem</p>")
    assert body.endswith("digital identity.") and "Enditem" not in body


def test_an_info_line_of_labelled_fields_over_the_story_is_no_body():
    body = _body("<p>Source: Cityport Daily | 2024-06-03 14:12:45 | Editor: Li Wen</p>" + "".join(EN))
    assert body.startswith("CITYPORT, June 3") and "Editor" not in body


def test_a_date_alone_over_the_story_is_no_body():
    body = _body("<p>2024-09-02 10:05</p>" + "".join(ZH))
    assert body.startswith("近日") and "2024-09-02" not in body


def test_a_dated_line_that_says_more_than_its_date_stays():
    body = _body("<p>Release date: Jan 24, 2024</p>" + "".join(EN))
    assert body.startswith("Release date: Jan 24, 2024")
