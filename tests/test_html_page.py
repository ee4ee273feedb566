"""parse_html on small invented pages: what must and must not come out of each."""
from __future__ import annotations

import doctest
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from pipelines import stages
from pipelines.parse import page_size
from pipelines.parse.html import body as html_body, meta as html_meta, page as html_page, pagetext as html_pagetext
from pipelines.parse.html.page import parse_html
from pipelines.parse.page import parse_document
from pipelines.records import RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "html"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8")) \
    if (FIXTURES / "expected.yaml").exists() else {}


@pytest.mark.parametrize("module", [html_page, html_body, html_meta, html_pagetext, page_size], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_page(name):
    stories = parse_html((FIXTURES / f"{name}.html").read_text(encoding="utf-8"), url=EXPECTED[name].get("url"))
    expected = EXPECTED[name]["stories"]
    assert [s.position for s in stories] == list(range(len(stories)))
    assert len(stories) == len(expected), [s.title for s in stories]
    for story, want in zip(stories, expected):
        assert story.title == want["title"]
        assert story.role == want["role"]
        for key in ("category", "author", "source_site", "url"):
            if key in want:
                assert getattr(story, key) == want[key], key
        if "date" in want:
            got = story.published_at.strftime("%Y-%m-%d") if story.published_at else None
            assert got == want["date"]
        if "body" in want:
            assert story.body == want["body"]
        for phrase in want.get("body_has", []):
            assert phrase in story.body
        for phrase in want.get("body_not", []):
            assert phrase not in story.body
        assert story.story_key == ""
        assert "\n\n\n" not in story.body


def test_empty_and_storyless_pages():
    assert parse_html("") == []
    assert parse_html("<html><body></body></html>") == []


def test_paragraphs_are_separated_by_a_blank_line():
    page = ("<html><head><title>Dam approved | River News</title></head><body><article><h1>Dam approved</h1>"
            "<p>The regional council approved the dam on Tuesday after a long debate.</p>"
            "<p>Work is expected to start next spring and to last four years.</p></article></body></html>")
    [story] = parse_html(page)
    assert story.body.split("\n\n") == ["The regional council approved the dam on Tuesday after a long debate.",
                                        "Work is expected to start next spring and to last four years."]


def test_story_outside_a_header_only_article_is_still_found():
    body = " ".join(f"Paragraph {i} of the report says the council met again to discuss the new bridge." for i in range(6))
    page = ("<html><body><article><h1>Bridge plan revised</h1><p>By Ann Lee</p></article>"
            f"<div class='content'><p>{body}</p><p>The vote is expected in June after a public hearing.</p></div>"
            "</body></html>")
    [story] = parse_html(page)
    assert story.title == "Bridge plan revised"
    assert "The vote is expected in June" in story.body and "Paragraph 5 of the report" in story.body


STORY = ("<h1>Canal bridge reopens to cyclists</h1><p>The canal bridge reopened to cyclists on Monday after a "
         "year of repairs to its deck and railings.</p><p>Pedestrians will share the east side of the bridge "
         "until the new footpath is finished in the autumn.</p>")


def test_story_nested_hundreds_of_elements_deep_is_kept():
    page = "<html><body>" + "<div>" * 400 + STORY + "</div>" * 400 + "</body></html>"
    [story] = parse_html(page)
    assert story.title == "Canal bridge reopens to cyclists"
    assert "until the new footpath is finished in the autumn." in story.body


def test_page_with_megabytes_of_inline_script_is_parsed():
    script = "<script>var state = " + '"' + "x" * 4_000_000 + '";</script>'
    page = f"<html><head>{script}</head><body><article>{STORY}</article>{script}</body></html>"
    assert stages._too_large(page, is_html=True) is None
    [story] = parse_html(page)
    assert "reopened to cyclists on Monday" in story.body and "var state" not in story.body


def test_page_with_megabytes_of_text_is_still_refused():
    page = "<html><body>" + "<p>" + "word " * 700_000 + "</p>" * 2 + "</body></html>"
    assert stages._too_large(page, is_html=True).startswith("The page holds 3.5 million characters of text")


def test_a_parser_fault_is_quarantined_without_python_error_text(monkeypatch):
    def broken(html, url=None):
        raise AttributeError("'list' object has no attribute 'split'")
    monkeypatch.setattr(html_page, "parse_html", broken)
    doc = RawDocument("id", "a.html", "html", 10, text="<html><body><p>x</p></body></html>", is_html=True)
    stories, status, error = parse_document(doc)
    assert (stories, status) == ([], "failed")
    assert "report it with the file" in error and "AttributeError" not in error and "split" not in error


def test_jsonld_with_unexpected_value_types_does_not_fail():
    page = ('<html><head><script type="application/ld+json">{"@type": ["NewsArticle"], "headline": ["Canal bridge '
            'reopens to cyclists"], "author": [[{"name": ["Ann Lee"]}], 7, null], "datePublished": ["2024-05-02"], '
            '"articleSection": {"name": "Transport"}}</script></head><body>' + STORY + "</body></html>")
    [story] = parse_html(page)
    assert (story.title, story.author, story.category) == ("Canal bridge reopens to cyclists", "Ann Lee", "Transport")
    assert story.published_at == datetime(2024, 5, 2)


def test_author_named_in_a_byline_element_outside_the_story_header():
    page = ("<html><body><div class='top'><span class='author-name'>Posted by Ann Lee on Friday</span></div>"
            f"<main>{STORY}</main></body></html>")
    [story] = parse_html(page)
    assert story.author == "Ann Lee"


def test_author_filter_of_a_listing_is_not_an_author():
    items = "".join(f"<li><a href='/p{i}'>Merino sock model {i}</a> 19 EUR</li>" for i in range(8))
    page = (f"<html><body><h1>Socks</h1><div class='filter author'>Gender &amp; Age</div><ul>{items}</ul>"
            "</body></html>")
    stories = parse_html(page)
    assert stories and stories[0].author is None


def test_product_page_crediting_no_author_gets_no_date_from_its_text():
    page = ("<html><body><main><h1>Trail Lamp 300</h1><p>The Trail Lamp 300 lights a tent for a whole night on one "
            "charge, with three brightness levels and a red night mode.</p><p>Its case is water resistant and the hook "
            "folds flat, so it fits in the lid pocket of a rucksack or hangs from a tent's roof.</p>"
            "<h2>Availability</h2><p>In stock since March 3, 2021.</p>"
            "</main><footer>© 2026 Lumen Outdoor</footer></body></html>")
    [story] = parse_html(page, url="https://shop.example/lamps/trail-lamp-300")
    assert story.published_at is None


def test_date_in_the_address_of_a_page_crediting_no_author_is_kept():
    [story] = parse_html(f"<html><body>{STORY}</body></html>", url="https://news.example/2024/05/02/canal-bridge")
    assert story.published_at == datetime(2024, 5, 2)


def test_credited_story_gets_the_date_written_on_the_page():
    page = (f"<html><body><main>{STORY}<div class='byline'>By Ann Lee</div>"
            "<div class='info'>Filed 2 May 2024</div></main></body></html>")
    [story] = parse_html(page, url="https://news.example/canal-bridge")
    assert story.author == "Ann Lee"
    assert story.published_at == datetime(2024, 5, 2)


def test_shared_link_post_is_its_headline():
    title = ("Canal bridge reopens to cyclists: the council says the deck and railings were repaired in a year, "
             "and the footpath follows in the autumn.")
    page = (f"<html><head><meta property='og:title' content='{title}'></head><body><div class='post'>"
            f"<h1><a href='https://cityrecord.example/bridge'>{title}</a></h1>"
            "<a href='/domain/cityrecord.example'>cityrecord.example</a></div></body></html>")
    [story] = parse_html(page)
    assert story.body == title
    assert "cityrecord.example" not in story.body


def test_reader_comments_under_a_short_post_stay_out_of_its_body():
    comment = ("I read the whole report on the canal works and I am not sure the new deck will last as long as the "
               "council says it will, given how much traffic the bridge carries every single day.")
    paragraphs = f"<p>{comment}</p>" * 4
    replies = "".join(f"<li class='comment depth-1' id='comment-{i}'><div class='comment-body'>{paragraphs}</div>"
                      "</li>" for i in range(4))  # long comments: each holds more words than a boilerplate block
    # the blog's archive links: the comments are a minority of the page (it is no discussion page)
    archive = "".join(f"<li><a href='/{i}'>Canal works weekly notes, part {i}</a></li>" for i in range(120))
    page = ("<html><head><title>Open thread: September | Canal Blog</title><meta property='og:type' content='article'>"
            "</head><body><article>"
            "<h1>Open thread: September</h1><p>Our open threads let readers raise questions about the canal works "
            "in the comments section below. You can also write to us if you would rather ask privately.</p>"
            "<p>You can read the previous open thread on the blog.</p></article>"
            f"<section id='comments'><h3 class='comments-title'>4 comments</h3><ol class='comment-list'>{replies}</ol>"
            "<div id='respond'><form><textarea></textarea></form></div></section>"
            f"<div class='sidebar'><h3>Archive</h3><ul>{archive}</ul></div></body></html>")
    [story] = parse_html(page)
    assert "Our open threads let readers raise questions" in story.body
    assert "I read the whole report" not in story.body



def test_author_linked_to_their_author_page():
    page = (f"<html><body><main>{STORY}<p><a href='/blog/author/ann-lee-and-bo-chen'>Ann Lee and Bo Chen</a></p>"
            "</main></body></html>")
    [story] = parse_html(page, url="https://news.example/canal-bridge")
    assert story.author == "Ann Lee and Bo Chen"


def test_link_to_the_authors_index_or_a_topic_is_no_author():
    page = (f"<html><body><main>{STORY}<p><a href='/authors/'>Our Writers</a> "
            "<a href='/topics/author-tips/gender-and-age'>Gender and age</a></p></main></body></html>")
    [story] = parse_html(page, url="https://news.example/canal-bridge")
    assert story.author is None


HARBOUR = ("<p>The council met on Tuesday to weigh the plan for the harbour, which would add two berths and a rail "
           "siding by 2027.</p>")


def test_list_inside_a_table_cell_of_the_story_is_kept():
    page = (f"<html><body><article><h1>Harbour plan</h1>{HARBOUR}<table><tr><th>Harbour</th><th>Works</th></tr>"
            "<tr><td>Port Ellen</td><td><ul><li>two deep-water berths</li><li>a rail siding</li></ul></td></tr>"
            "</table></article></body></html>")
    [story] = parse_html(page)
    assert "| Port Ellen | two deep-water berths a rail siding |" in story.body
    assert "Harbour plan" not in story.body


def test_teaser_classed_paragraph_inside_the_story_stays_in_its_place():
    page = (f"<html><body><article><h1>Harbour plan</h1>{HARBOUR}<div class='story-teaser'><p>The new berths will "
            "take ships of up to 200 metres, the port authority said in its plan.</p></div>"
            "<p>Dredging starts in the spring and lasts six months, the authority said.</p></article></body></html>")
    [story] = parse_html(page)
    paragraphs = story.body.split("\n\n")
    assert paragraphs[1].startswith("The new berths will take ships") and paragraphs[2].startswith("Dredging starts")


FERRY = ["The county opened its new ferry terminal on Friday, two years after work began on the old quay.",
         "The terminal has a waiting hall for 300 passengers, a ticket office and a covered walkway to the boats.",
         "Crossings to the island will run every half hour in summer and every hour in winter, the operator said.",
         "The old terminal will be pulled down next year to make room for a car park and a bus stop.",
         "Local shops expect more visitors once the summer timetable starts in May, the chamber of commerce said.",
         "The county paid for the terminal with a loan from the regional development bank and a national grant.",
         "Its roof carries solar panels that supply the waiting hall and the chargers for two electric ferries."]


def test_story_above_reader_comments_holding_most_of_an_undeclared_page_is_only_the_story():
    story = "".join(f"<p>{s}</p>" for s in FERRY)
    # short lines, as comment threads are: no running prose, which a product or listing page's text is not either
    comments = "".join(f"<div class='comment'><div>Re: Ferry ( Score: {i % 5} )</div><div>by harbour_fan ( {i} ) "
                       "writes:</div><p>Fine by me...</p><div>Reply to This</div><div>Share</div>"
                       "<div>Flag as Inappropriate</div></div>" for i in range(40))
    page = ("<html><head><title>Ferry terminal opens - Island Desk</title></head><body>"
            f"<div id='story'><h1>Ferry terminal opens</h1>{story}</div>"
            f"<div id='comments'>{comments}</div></body></html>")
    [story_found] = parse_html(page)
    assert story_found.body.startswith("The county opened its new ferry terminal on Friday")
    assert "electric ferries." in story_found.body
    assert "harbour_fan" not in story_found.body and "Reply to This" not in story_found.body


def test_paragraphs_the_jsonld_article_body_lacks_are_left_out():
    said = FERRY
    jsonld = ('{"@context": "https://schema.org", "@type": "Article", "headline": "Ferry terminal opens", '
              f'"articleBody": "{" ".join(said)}"}}')
    page = (f"<html><head><script type='application/ld+json'>{jsonld}</script></head><body><article>"
            "<h1>Ferry terminal opens</h1>" + "".join(f"<p>{s}</p>" for s in said) +
            "<p>Island Desk is a trading name of Coastal Media Holdings Limited, registered in Wales under number "
            "0123456, whose registered office is at Pier Road.</p></article></body></html>")
    [story] = parse_html(page)
    assert story.body.split("\n\n") == said
    assert "Coastal Media" not in story.body


def test_a_declared_thread_keeps_its_replies_beside_its_opening_post_in_jsonld():
    opening = " ".join(FERRY + FERRY[::-1])  # a long opening post: the JSON-LD `text` of a thread is that only
    replies = ["Brilliant news: my grandmother always complained about queuing outside during storms.",  # own words,
               "Would cyclists get cheaper fares, or must everybody buy those pricey return tickets?",  # not the post's
               "Finally! Honestly I expected councillors would keep delaying this forever."]
    jsonld = ('{"@context": "https://schema.org", "@type": "DiscussionForumPosting", '
              f'"headline": "Ferry terminal opens", "text": "{opening}", "datePublished": "2024-01-05"}}')
    posts = "".join(f"<div class='comment post'><p>{r}</p></div>" for r in replies)
    page = (f"<html><head><script type='application/ld+json'>{jsonld}</script></head><body>"
            f"<h1>Ferry terminal opens</h1><div class='thread'><div class='post first'><p>{opening}</p></div>"
            f"{posts}</div></body></html>")
    [thread] = parse_html(page)
    assert FERRY[0] in thread.body
    assert all(reply in thread.body for reply in replies)


def test_a_jsonld_article_body_that_is_only_a_summary_leaves_the_story_whole():
    said = FERRY
    jsonld = ('{"@context": "https://schema.org", "@type": "Article", "headline": "Ferry terminal opens", '
              f'"articleBody": "{said[0]}"}}')
    page = (f"<html><head><script type='application/ld+json'>{jsonld}</script></head><body><article>"
            "<h1>Ferry terminal opens</h1>" + "".join(f"<p>{s}</p>" for s in said) + "</article></body></html>")
    [story] = parse_html(page)
    assert story.body.split("\n\n") == said


def test_a_labelled_author_field_in_a_header_line_is_the_author():
    page = ("<html><head><title>Province unveils plan - Daily</title></head><body><div id='content'>"
            "<h2 class='headline'>Province unveils plan for metaverse industry</h2>"
            "<div class='info'>Source: Province Daily | Author: Li Na | 2023-08-29 10:12</div>"
            "<div class='txt'><p>The province aims to grow its metaverse industry to 250 billion yuan by 2025, "
            "according to an action plan released on Tuesday by the provincial government.</p>"
            "<p>The province will also build five metaverse industrial parks and train 50,000 professionals.</p>"
            "</div></div></body></html>")
    assert parse_html(page)[0].author == "Li Na"
    assert parse_html(page.replace("Author: Li Na", "Editor: Li Na"))[0].author is None


def test_a_writer_printed_in_capitals_is_written_as_a_name():
    text = ("Tokyo sets aside funds to lure Web3 startups\n\nBY KENJI SATO\n\nMar 12, 2024\n\n"
            "The Tokyo Metropolitan Government will set aside 5 billion yen in its budget to attract Web3 startups "
            "to the capital, the governor said on Tuesday.\n\nThe city aims to help 100 startups set up by 2026.")
    stories, _, _ = parse_document(RawDocument("id", "a.txt", "txt", len(text), text=text))
    assert stories[0].author == "Kenji Sato"


def test_a_chinese_notice_s_attachment_link_and_licence_notice_are_no_body():
    paragraphs = "".join(f"<p>{t}</p>" for t in [
        "为加快构建算力产业生态，推动人工智能与实体经济深度融合，结合本区实际，制定本措施。",
        "一、到2026年，全区算力产业规模突破500亿元，集聚算力产业链重点企业300家。",
        "二、区政府设立规模50亿元的人工智能与算力产业基金，支持算力基础设施和大模型应用。",
        "三、本措施自2024年9月1日起实施，有效期3年。"])
    page = ("<html><head><title>某区关于支持算力产业发展的若干措施</title></head><body>"
            "<div class='article'><h1>某区关于支持算力产业发展的若干措施</h1><div class='content'>" + paragraphs +
            "</div><div class='down'>附件：某区算力券申领指南.docx</div></div>"
            "<div class='foot'><p>主办：某区人民政府办公室</p><p>粤ICP备19123456号</p></div></body></html>")
    body = parse_html(page)[0].body
    assert body.endswith("有效期3年。")
    assert "附件" not in body and "ICP" not in body
