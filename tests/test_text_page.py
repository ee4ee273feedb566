"""parse_text on small invented text pages (one test per page), plus unglue_paragraph, read_meta and parse_date."""
from __future__ import annotations

import doctest
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from pipelines.parse import cleaning, dates
from pipelines.parse.text import body as text_body, engines as text_engines, header as text_header, line_model
from pipelines.parse.text import lines as text_lines, page as text_page, related as text_related
from pipelines.parse.cleaning import camel_tokens, unglue_paragraph
from pipelines.parse.dates import parse_date
from pipelines.parse.rules import RULES_FILE, text_rules
from pipelines.parse.text.lines import read_meta
from pipelines.parse.text.page import parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "text"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8"))


def _page_params():
    for name in sorted(EXPECTED):
        reason = EXPECTED[name].get("xfail")
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        yield pytest.param(name, id=name, marks=marks)


def test_every_fixture_page_has_expectations():
    assert sorted(p.stem for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", list(_page_params()))
def test_fixture_page(name):
    want_stories = EXPECTED[name]["stories"]
    stories = parse_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    assert [(s.role, s.title) for s in stories] == [(w["role"], w["title"]) for w in want_stories]
    assert [s.position for s in stories] == list(range(len(stories)))
    for story, want in zip(stories, want_stories):
        label = f"{name}: {story.title!r}"
        assert story.category == want["category"], label
        got_date = story.published_at.strftime("%Y-%m-%d") if story.published_at else None
        assert got_date == want["published_date"], label
        assert story.author == want["author"], label
        if "source_site" in want:
            assert story.source_site == want["source_site"], label
        if "body_paragraphs" in want:
            assert (story.body.split("\n\n") if story.body else []) == want["body_paragraphs"], label
        for phrase in want.get("body_must_contain", []):
            assert phrase in story.body, f"{label}: missing {phrase!r}"
        for phrase in want.get("body_must_not_contain", []):
            assert phrase not in story.body, f"{label}: should not contain {phrase!r}"
        assert "\n\n\n" not in story.body and story.body == story.body.strip(), label
        assert story.url is None and story.story_key == ""


def test_url_and_site_go_to_the_main_story_only():
    page = (FIXTURES / "coinness_more_to_read.txt").read_text(encoding="utf-8")
    stories = parse_text(page, url="https://example.test/a/1", source_site="example.test")
    assert [s.url for s in stories] == ["https://example.test/a/1", None, None]
    assert {s.source_site for s in stories} == {"example.test"}


def test_parse_text_is_deterministic_and_pure():
    page = (FIXTURES / "coinness_more_to_read.txt").read_text(encoding="utf-8")
    assert parse_text(page) == parse_text(page)


@pytest.mark.parametrize("page", ["", "   \n\n \t\n", "Top\n\nLoading\n\nnews", "Short line\n\nAnother"])
def test_pages_without_running_text_give_no_story(page):
    assert parse_text(page) == []


def test_crlf_and_bom_pages_parse_like_plain_ones():
    page = (FIXTURES / "glued_subheading_credit.txt").read_text(encoding="utf-8")
    crlf = "\ufeff" + page.replace("\n", "\r\n")
    assert [(s.title, s.body) for s in parse_text(crlf)] == [(s.title, s.body) for s in parse_text(page)]


def test_docstring_examples():
    for module in (text_page, text_lines, text_body, text_related, cleaning, dates):
        assert doctest.testmod(module).failed == 0, module.__name__


# ---------------------------------------------------------------- unglue_paragraph

@pytest.mark.parametrize("paragraph, pieces", [
    ("The ferry left at noon.Passengers cheered.", ["The ferry left at noon.", "Passengers cheered."]),
    ("Sales rose 5%.Analysts expected more.", ["Sales rose 5%.", "Analysts expected more."]),
    ('He said "we are ready."The board agreed.', ['He said "we are ready."', "The board agreed."]),
    ("The plant opened in May.Output doubledIn its first year the plant made 2,000 tonnes.",
     ["The plant opened in May.", "Output doubled", "In its first year the plant made 2,000 tonnes."]),
    ("The council published a five-year roadmapSouth Korea's capital will follow.",
     ["The council published a five-year roadmap", "South Korea's capital will follow."]),
    ("The council met on Monday.Photo by Sam Lee via PexelsThe vote passed.",
     ["The council met on Monday.", "The vote passed."]),
    ("The plant is in Shenzhen.Image: Reuters", ["The plant is in Shenzhen."]),
])
def test_unglue_paragraph_splits_glue(paragraph, pieces):
    assert unglue_paragraph(paragraph) == pieces


@pytest.mark.parametrize("paragraph", [
    "Officials met in Washington D.C. on Monday.",
    "The U.S. Treasury said so on Friday.",
    "It costs $1.5 billion in total, and version 2.0 ships today.",
    "The iPhone maker and eBay both gained on the news.",
    "Huawei and ZTE both bid for the contract.",
    "Visit example.com for details.",
])
def test_unglue_paragraph_leaves_clean_text_alone(paragraph):
    assert unglue_paragraph(paragraph) == [paragraph]


def test_unglue_paragraph_keeps_protected_camel_case_names():
    text = "Shares of NetEase rose. NetEase said demand was strong."
    protected = camel_tokens(text)
    assert protected == {"netease"}
    assert unglue_paragraph("Shares of NetEase rose sharply.", protected) == ["Shares of NetEase rose sharply."]


@pytest.mark.parametrize("paragraph", [
    "Analysts at BlackRock said the fund would grow.",
    "The deal with SoftBank closed on Friday.",
    "Executives from OpenAI attended the meeting.",
])
def test_unglue_paragraph_keeps_camel_case_names_seen_once(paragraph):
    assert unglue_paragraph(paragraph) == [paragraph]


def test_camel_tokens_needs_two_sightings():
    assert camel_tokens("PayPal rose; PayPal fell. BlackRock held. A roadmapSouth") == {"paypal"}


# ---------------------------------------------------------------- read_meta

@pytest.mark.parametrize("line, meta", [
    ("Markets·May 3, 2022", {"category": "Markets", "date": datetime(2022, 5, 3)}),
    ("Economy | Apr 1, 2020", {"category": "Economy", "date": datetime(2020, 4, 1)}),
    ("Policy & Regulation·", {"category": "Policy & Regulation"}),
    ("Published: 2023-05-06", {"date": datetime(2023, 5, 6)}),
    ("Posted: 12 Jan 2021", {"date": datetime(2021, 1, 12)}),
    ("Updated on: March 3rd, 2021 at 5:30 pm", {"date": datetime(2021, 3, 3, 17, 30)}),
    ("Published 8 months ago on December 4, 2023, 3:05AM EST", {"date": datetime(2023, 12, 4, 3, 5)}),
    ("By Jane Doe", {"author": "Jane Doe"}),
    ("Written by Ana María López", {"author": "Ana María López"}),
    ("By Jane Doe | 3 min read", {"author": "Jane Doe", "reading_time": True}),
    ("Reporting by Kim Lee · May 9, 2024", {"author": "Kim Lee", "date": datetime(2024, 5, 9)}),
    ("Business·Mar 5, 2024 · By Li Wei", {"category": "Business", "date": datetime(2024, 3, 5), "author": "Li Wei"}),
    ("News provided by", {"provider": True}),
])
def test_read_meta(line, meta):
    assert read_meta(line, text_rules()) == meta


@pytest.mark.parametrize("line", [
    "The minister said on May 3, 2022 that the plan would go ahead quickly.",
    "Home · World · Asia",
    "By jane doe",
    "Harbour City opens a data exchange",
    "",
])
def test_read_meta_none_for_lines_that_are_not_metadata(line):
    assert read_meta(line, text_rules()) is None


def test_read_meta_two_authors():
    assert read_meta("By Jane Doe and John Roe", text_rules()) == {"author": "Jane Doe and John Roe"}


# ---------------------------------------------------------------- parse_date

@pytest.mark.parametrize("text, value", [
    ("March 3rd, 2021 at 5:30 pm", datetime(2021, 3, 3, 17, 30)),
    ("Sept. 9, 2019", datetime(2019, 9, 9)),
    ("30 June 2023, 11:15 PM", datetime(2023, 6, 30, 23, 15)),
    ("Mon Jun 30, 2025 7:02 am", datetime(2025, 6, 30, 7, 2)),
    ("2019/12/31", datetime(2019, 12, 31)),
    ("2023.07.04", datetime(2023, 7, 4)),
    ("2024-02-29T10:00:00Z", datetime(2024, 2, 29, 10, 0)),
    ("2024-02-29T10:00:00+08:00", datetime(2024, 2, 29, 10, 0)),
    ("Release date: 2022-07-06 | Source: County office", datetime(2022, 7, 6)),
    ("Markets·Feb 02, 2024", datetime(2024, 2, 2)),
    ("JUN 25, 2024", datetime(2024, 6, 25)),
    ("25 JUN 2024", datetime(2024, 6, 25)),
    ("BY ANN LEE PUBLISHED: DEC 20, 2023", datetime(2023, 12, 20)),
    ("UPDATED 16:47 EST / DECEMBER 19 2025", datetime(2025, 12, 19)),
    ("Posted on the 15th of June, 2024", datetime(2024, 6, 15)),
    ("Updated on 19-Dec-2025", datetime(2025, 12, 19)),
    ("2025•01•08", datetime(2025, 1, 8)),
    ("12/31/2019", datetime(2019, 12, 31)),
    ("Posted on 15/12/2025 at 19:00", datetime(2025, 12, 15, 19, 0)),
    ("04/05/2024", datetime(2024, 4, 5)),
    ("04.05.2024", datetime(2024, 5, 4)),
    ("2024年5月26日", datetime(2024, 5, 26)),
])
def test_parse_date(text, value):
    got = parse_date(text)
    assert got == value and got.tzinfo is None


@pytest.mark.parametrize("text", [None, "", "no date here", "May 2023", "31 Feb 2023", "2022-13-01", "Jan 5, 1850",
                                  "31/31/2019", "Published 3 hours ago", "Yesterday at 10:30", "2 days ago",
                                  "Dec 2025", "Call 555-1234 by 2024"])
def test_parse_date_none(text):
    assert parse_date(text) is None


def test_read_meta_byline_with_a_role_after_a_comma():
    assert read_meta("By Laura Chen, Asia correspondent", text_rules()) == {"author": "Laura Chen"}


def test_parse_date_outside_a_text_page_keeps_month_first():
    """HTML callers read numeric dates as before: month first unless the first number cannot be a month."""
    assert parse_date("05/06/2024") == datetime(2024, 5, 6)
    assert parse_date("15/06/2024") == datetime(2024, 6, 15)


@pytest.mark.parametrize("order, value", [("dmy", datetime(2024, 6, 5)), ("mdy", datetime(2024, 5, 6)), ("unknown", None)])
def test_parse_date_in_a_page_reading_order(order, value):
    with dates.reading_order(order):
        assert parse_date("05/06/2024") == value
        assert parse_date("15/06/2024") == datetime(2024, 6, 15)  # unambiguous: read whatever the order


def test_byline_run_into_a_standfirst_is_read_and_the_standfirst_stays():
    texts = ["Menu", "Bakery chain plans 200 new cafes abroad",
             "The chain wants to grow well beyond its home market over the next five years and is hiring regional "
             "managers now. By Ann Lee on Dec 19, 2025",
             "The bakery chain opened its first cafe abroad eight years ago and now runs one hundred and twenty cafes."]
    meta, used = text_header.nearby_meta(texts, 1, 3)
    assert meta == {"date": datetime(2025, 12, 19), "author": "Ann Lee"}
    assert 2 not in used  # the standfirst is not a metadata line: it is not cut from the page


def _lines(*texts: str) -> list[text_lines.Line]:
    return [text_lines.Line(t, n, "text") for n, t in enumerate(texts)]


def test_body_read_from_the_kept_story_above_a_title_picked_low_on_the_page():
    prose = "Quick searches find items in a library by the words of their title, year or creator fields."
    lines = _lines("Searching", prose, prose, prose, "Table of Contents", "Advanced Search")
    assert text_body.body_from(lines, 5, {1, 2, 3}) == 1


def test_body_read_under_the_title_when_little_of_the_kept_story_sits_above_it():
    prose = "Quick searches find items in a library by the words of their title, year or creator fields."
    lines = _lines("Docs > Search", "Searching", prose, prose, prose)
    assert text_body.body_from(lines, 1, {0, 2, 3, 4}) == 2
    assert text_body.body_from(lines, None, {2, 3, 4}) == 0


def test_body_read_under_the_title_when_a_teaser_box_over_it_holds_a_quarter_of_the_kept_words():
    teaser = ("Also in this issue: how three port cities plan to fund their new trade zones, what the banks said about "
              "the loans, and why the province wants every zone open before the end of next year, in our weekly report.")
    prose = "Quick searches find items in a library by the words of their title, year or creator fields."
    lines = _lines(teaser, "Searching the catalogue", *([prose] * 6))
    assert text_body.body_from(lines, 1, {0, *range(2, 8)}) == 2


def _layout_with_scores(monkeypatch, texts: list[str], scores: list[float]) -> text_page.Layout:
    monkeypatch.setattr(text_page, "score_lines", lambda *_: scores)
    return text_page.page_layout(text_lines.read_lines("\n".join(texts), text_rules()), text_rules(), choose=False)


BLURB = "Find a tent for a night in the woods or a month on the trail."
CARDS = ["Trailhead Dome 2 Tent", "A roomy dome with two doors", "$249.00", "Ridgeline Ultralight 1 Tent",
         "A single-wall shelter for one", "$389.00"]


def test_a_page_of_short_lines_keeps_its_middling_lines(monkeypatch):
    layout = _layout_with_scores(monkeypatch, ["Shop", BLURB, *CARDS, "Contact Us"], [0.1, 0.9] + [0.35] * 6 + [0.1])
    assert layout.keep == set(range(1, 8))


def test_a_page_of_short_lines_keeps_its_weaker_card_lines_too(monkeypatch):
    layout = _layout_with_scores(monkeypatch, ["Shop", BLURB, *CARDS, "Contact Us"], [0.1, 0.9] + [0.28] * 6 + [0.1])
    assert layout.keep == set(range(1, 8))
    assert 0 not in layout.keep and 8 not in layout.keep


def test_a_page_of_running_prose_leaves_middling_lines_out(monkeypatch):
    prose = [BLURB + " It packs small and pitches in minutes, even in rain and wind on an open ridge."] * 6
    layout = _layout_with_scores(monkeypatch, ["Shop", *prose, *CARDS, "Contact Us"], [0.1] + [0.9] * 6 + [0.35] * 6 + [0.1])
    assert layout.keep == set(range(1, 7))


@pytest.mark.parametrize("line, kind", [
    ("Credit: City Archive / Ann Lee", "boiler"),  # an image credit under a picture
    ("TABLE OF CONTENTS", "boiler"),
    ("In this article", "boiler"),
    ("You may like to read:", "related"),
    ("You might also enjoy", "related"),
    ("You Might also like...", "related"),  # a marker with a trailing ellipsis
    ("Recent Posts", "related"),  # a blog engine's widget heading
    ("More Like This", "related"),
    ("Up next →", "related"),
])
def test_line_kinds_of_page_furniture(line, kind):
    assert text_lines.classify(line, text_rules())[0] == kind


@pytest.mark.parametrize("line", ["Credit card rates rose again in May, the central bank said on Monday.",
                                  "Contents of the new law", "You may like the new rules better than the old ones.",
                                  "Recommended:"])  # a label over a list ('Recommended:' system requirements)
def test_line_kinds_of_story_lines_that_open_like_furniture(line):
    assert text_lines.classify(line, text_rules())[0] not in ("boiler", "related")


STORY = ["The harbour board approved a second container terminal on Tuesday after two years of hearings.",
         "Work starts in spring and the terminal should open to ships before the end of next year."]
TEASERS = ["Ferry fares rise again as the operator blames fuel prices this winter.",
           "A new river bridge closes for three nights next week for tests."]


def _kinded(*pairs: tuple[str, str]) -> list[text_lines.Line]:
    return [text_lines.Line(text, n, kind) for n, (text, kind) in enumerate(pairs)]


def test_a_sign_up_prompt_the_line_model_leaves_out_ends_the_story():
    lines = _kinded(("Harbour gets a second terminal", "headline"), *((s, "text") for s in STORY),
                    ("Get the latest port news in your inbox", "promo"), *((s, "text") for s in TEASERS))
    story, related_at = text_body.main_draft(lines, 0, {}, {1, 2, 4, 5}, [0.9] * len(lines))
    assert story.paragraphs == STORY and related_at is None
    assert not any(teaser in story.paragraphs for teaser in TEASERS)


def test_a_sign_up_sentence_the_line_model_keeps_stays_in_the_story():
    prompt = "Readers can sign up for the board's newsletter to follow the hearings."
    lines = _kinded(("Harbour gets a second terminal", "headline"), (STORY[0], "text"), (prompt, "promo"),
                    (STORY[1], "text"))
    story, _ = text_body.main_draft(lines, 0, {}, {1, 2, 3}, [0.9] * len(lines))
    assert story.paragraphs == [STORY[0], STORY[1]]
    assert prompt not in story.paragraphs  # a promo line is never body text, but it ends nothing here


def test_an_author_box_under_the_story_ends_it_and_names_the_author():
    lines = _kinded(("Harbour gets a second terminal", "headline"), *((s, "text") for s in STORY),
                    ("ANN LEE", "headline"), ("Contributing writer", "headline"),
                    ("Ann Lee is a reporter who has covered ports for ten years; she lives in Leith.", "text"),
                    (TEASERS[0], "text"))
    story, _ = text_body.main_draft(lines, 0, {}, set(range(len(lines))), [0.9] * len(lines))
    assert story.paragraphs == STORY
    assert story.meta["author"] == "ANN LEE"


def test_a_heading_over_a_sentence_defining_it_is_no_author_box():
    item = "Harbour Board"
    defined = "Harbour Board is the body that runs the port, and it met on Tuesday to vote on the plan."
    lines = _kinded(("Harbour gets a second terminal", "headline"), *((s, "text") for s in STORY),
                    (item, "headline"), (defined, "text"))
    story, _ = text_body.main_draft(lines, 0, {}, set(range(len(lines))), [0.9] * len(lines))
    assert story.paragraphs == [*STORY, item, defined]
    assert "author" not in story.meta


@pytest.mark.parametrize("line", ["12 responses to the consultation were received from port users and residents.",
                                  "5 comments were filed by residents before the deadline closed last week.",
                                  "Join the conversation about the new terminal at a public meeting on Friday.",
                                  "Discussion about this post went on at the board's meeting for two hours."])
def test_sentences_that_open_like_a_comment_heading_end_nothing(line):
    assert text_lines.classify(line, text_rules())[0] != "end"


@pytest.mark.parametrize("line", ["4 thoughts on “Harbour gets a second terminal”", "36 Comments", "Join the conversation",
                                  "Discussion about this post", "12 Responses to \"Harbour gets a second terminal\""])
def test_comment_section_headings_end_the_story(line):
    assert text_lines.classify(line, text_rules())[0] == "end"


def test_a_sentence_of_the_story_that_opens_like_a_comment_heading_keeps_the_rest():
    sentence = "12 responses to the consultation were received from port users and residents."
    texts = ["Harbour gets a second terminal", STORY[0], STORY[1], sentence, *TEASERS[:1]]
    lines = text_lines.read_lines("\n\n".join(texts), text_rules())
    story, _ = text_body.main_draft(lines, 0, {}, set(range(1, len(lines))), [0.9] * len(lines))
    assert story.paragraphs == [*STORY, sentence, TEASERS[0]]


def test_a_sentence_opening_with_started_by_is_no_thread_starter_label():
    page = ("Home\nNews\nStart-up opens a metaverse studio in Hefei\n\n"
            "The studio will employ 40 designers who build virtual showrooms for carmakers and retailers.\n\n"
            "Started by two engineers in 2019, the company now sells its tools to more than 300 firms.\n\n"
            "It plans to raise another round of funding next year, its chief executive said on Monday.\n")
    story = parse_text(page)[0]
    assert "Started by two engineers in 2019" in story.body
    assert story.author != "two"
    assert text_engines.thread_author(page.splitlines()) is None


@pytest.mark.parametrize("line", ["Thread starter ann_lee", "Started by Ann, June 4, 2024", "ann_lee Discussion starter",
                                  "Thread starter ann_lee · Start date Mar 6, 2024"])
def test_a_forum_engines_starter_label_names_the_thread_starter(line):
    assert text_engines.thread_author(["Menu", line])[0] == 1


def test_a_story_profiling_several_people_under_their_names_is_no_author_box():
    profiles = [("Ann Lee", "Ann Lee is a civil engineer who has built two ports in Asia; she led the northern quay's design."),
                ("Tom Hart", "Tom Hart is an economist at the city university, where he has studied shipping costs for years."),
                ("Maria Costa", "Maria Costa is a lawyer who has advised the board on contracts, and she will chair its audit.")]
    lines = _kinded(("Harbour board names three new members", "headline"), *((s, "text") for s in STORY),
                    *((kind_text for name, bio in profiles for kind_text in ((name, "headline"), (bio, "text")))))
    story, _ = text_body.main_draft(lines, 0, {}, set(range(len(lines))), [0.9] * len(lines))
    assert story.paragraphs == [*STORY, *(text for pair in profiles for text in pair)]
    assert "author" not in story.meta


def test_a_story_ending_with_the_profile_of_the_person_it_names_keeps_the_profile():
    named = "The board named Ann Lee its new chair on Tuesday; she takes office in the spring after a vote of members."
    profile = ("Ann Lee", "Ann Lee is a civil engineer who has built two ports in Asia; she led the northern quay's design.")
    lines = _kinded(("Meet the harbour board's new chair", "headline"), (named, "text"), (STORY[1], "text"),
                    (profile[0], "headline"), (profile[1], "text"))
    story, _ = text_body.main_draft(lines, 0, {}, set(range(len(lines))), [0.9] * len(lines))
    assert story.paragraphs == [named, STORY[1], *profile]
    assert "author" not in story.meta


def test_an_author_box_for_the_bylined_author_ends_the_story_though_the_story_quotes_her():
    quoted = "Ann Lee, who reported from the hearings, said the board approved a second container terminal on Tuesday."
    lines = _kinded(("Harbour gets a second terminal", "headline"), (quoted, "text"), (STORY[1], "text"),
                    ("Ann Lee", "headline"), ("Ann Lee is a reporter who has covered ports for ten years; she lives in Leith.", "text"),
                    (TEASERS[0], "text"))
    story, _ = text_body.main_draft(lines, 0, {"author": "Ann Lee"}, set(range(len(lines))), [0.9] * len(lines))
    assert story.paragraphs == [quoted, STORY[1]]
    assert TEASERS[0] not in story.paragraphs


COMMENTS_SECTION = ["The board received 40 written comments from residents, most of them about night-time noise from the cranes.",
                    "It will answer them at its next meeting in March and publish the answers on its website."]
STORY_ABOVE = ["Harbour gets a second terminal", *STORY, "The terminal will handle ships of up to 20,000 containers and "
               "adds 300 jobs at the port, the board said in a statement after the vote."]


def _paragraphs_over(heading: str, *under: str) -> list[str]:
    """The main story's paragraphs of a page: STORY_ABOVE, then `heading` and the lines `under` it (all kept)."""
    lines = text_lines.read_lines("\n\n".join([*STORY_ABOVE, heading, *under]), text_rules())
    story, _ = text_body.main_draft(lines, 0, {}, set(range(1, len(lines))), [0.9] * len(lines))
    return story.paragraphs


def test_a_comments_subheading_over_more_of_the_story_ends_nothing():
    assert _paragraphs_over("Comments", *COMMENTS_SECTION) == [*STORY_ABOVE[1:], "Comments", *COMMENTS_SECTION]


def test_a_comments_heading_over_readers_comments_ends_the_story():
    reply = "Great news for the town, though the noise from the cranes will keep us all awake at night."
    assert _paragraphs_over("Comments", "Tom Hart", "March 3, 2024", reply) == STORY_ABOVE[1:]


def test_a_comments_heading_over_undated_readers_comments_ends_the_story():
    comment = "This is a great step for the town and other ports should follow the same path soon."
    other = "The terminal is too small for a port of this size, and most of the work will go to the same few firms."
    assert _paragraphs_over("Comments", comment, "Reply", other, "Reply") == STORY_ABOVE[1:]


def test_a_comments_heading_over_undated_comments_with_like_counts_ends_the_story():
    comment = "This is a great step for the town and other ports should follow the same path soon."
    assert _paragraphs_over("Comments", comment, "12 likes", "Share") == STORY_ABOVE[1:]


def test_a_whole_page_keeps_undated_reader_comments_out_of_the_story():
    comment = "This is a great step for the city and other provinces should follow the same path soon."
    page = "\n\n".join(["Home", SHOWROOM_HEAD, "May 2, 2024", *SHOWROOM_STORY, "Comments", comment, "Reply",
                         "The fund is too small for a city of this size, and most of it will go to the same few firms.", "Reply"])
    body = parse_text(page)[0].body
    assert SHOWROOM_STORY[-1] in body
    assert comment not in body and "Comments" not in body


def test_a_comments_heading_over_a_comment_form_ends_the_story():
    form = "Your email address will not be published. Required fields are marked *"
    assert _paragraphs_over("Comments", form, "Comment *") == STORY_ABOVE[1:]


def test_a_comments_heading_over_a_note_on_how_to_comment_ends_the_story():
    note = "With an account on a federated network, you can respond to this post from your own server."
    assert _paragraphs_over("Comments", note, "Learn how this is done here.") == STORY_ABOVE[1:]


def test_an_author_box_whose_bio_says_what_the_author_reports_on_ends_the_story():
    lines = _kinded(("Harbour gets a second terminal", "headline"), *((s, "text") for s in STORY),
                    ("Ann Lee", "headline"), ("Ann Lee reports on ports and shipping for the paper; she lives in Leith.", "text"),
                    (TEASERS[0], "text"))
    story, _ = text_body.main_draft(lines, 0, {}, set(range(len(lines))), [0.9] * len(lines))
    assert story.paragraphs == STORY
    assert story.meta["author"] == "Ann Lee"


def test_bio_verbs_and_person_words_come_from_the_rules_file():
    raw = yaml.safe_load((RULES_FILE).read_text(encoding="utf-8"))
    rules = text_rules()
    assert all(rules.bio_after_first_name.match(f" {verb} ") for verb in raw["bio_verbs"])
    assert all(rules.person.search(word.upper()) for word in raw["person_words"])
    assert not rules.bio_after_first_name.match(" isle of") and not rules.person.search("the hershey company")


LISTING = [("Port opens a night shift for container ships", "headline"), ("Cranes will run until midnight from May.", "text"),
           ("Ferry fares rise again this winter", "headline"), ("The operator blames fuel prices for the rise.", "text"),
           ("River bridge closes for three nights", "headline"), ("Engineers will test the new deck next week.", "text")]
MORE_LISTING = [("Harbour museum reopens after repairs", "headline"), ("Its new hall shows the port's first cranes.", "text")]


def test_a_related_marker_inside_a_list_of_teasers_heads_its_next_section():
    lines = _kinded(("Latest port news", "headline"), *LISTING, ("More on the harbour", "related"), *MORE_LISTING)
    story, related_at = text_body.main_draft(lines, 0, {}, set(range(1, len(lines))), [0.9] * len(lines))
    assert story.paragraphs == [text for text, _ in (*LISTING, *MORE_LISTING)] and related_at is None


def test_a_related_marker_the_line_model_leaves_out_under_a_list_still_ends_it():
    lines = _kinded(("Latest port news", "headline"), *LISTING, ("More on the harbour", "related"), *MORE_LISTING)
    kept = set(range(1, len(LISTING) + 1))
    story, related_at = text_body.main_draft(lines, 0, {}, kept, [0.9] * len(lines))
    assert story.paragraphs == [text for text, _ in LISTING] and related_at == len(LISTING) + 2


def test_a_related_marker_under_running_prose_ends_the_story_though_the_line_model_keeps_what_follows():
    prose = [f"{sentence} {more}" for sentence in STORY
             for more in ("The vote ended two years of hearings and a long fight over the cost of dredging.",
                          "The board expects the first ships in the autumn and a second berth after that.",
                          "Residents asked for a noise limit at night, which the board said it would consider.")]
    lines = _kinded(("Harbour gets a second terminal", "headline"), *((p, "text") for p in prose),
                    ("More on the harbour", "related"), *MORE_LISTING)
    story, related_at = text_body.main_draft(lines, 0, {}, set(range(1, len(lines))), [0.9] * len(lines))
    assert story.paragraphs == prose and related_at == len(prose) + 2


LISTING_PAGE_WITH_LEGAL_FOOTER = """\
Skip to content
Buy
Rent
Sell
Sign in

Homes for sale in Riverton

214 homes

Sort: Recommended

$425,000
3 beds
2 baths
12 River Road, Riverton
A bright single-storey house with a new kitchen and a large garden facing the river.

$389,000
2 beds
1 bath
4 Mill Lane, Riverton
A tidy cottage near the old mill, close to the school and the weekly market.

$510,000
4 beds
3 baths
88 Hill Street, Riverton
A family home on a quiet street with a double garage and views over the valley.

About us
Careers
Help

© 2025 Homes Inc. All rights reserved.

By searching, you agree to the terms of use and the privacy notice, which explain how we collect, use and share the information you give us when you look for a home.

All listings are provided by the regional listing service and are deemed reliable but are not guaranteed, and buyers should verify every detail of a property before they make an offer on it.

Homes Inc. is a licensed real estate broker in the states where it does business, and the licence numbers of its brokers are listed on the page that describes its licences and its offices.

If you use a screen reader or have trouble reading this website, please call our support team, who will help you find the homes you are looking for and answer any of your questions.
"""


def test_the_legal_prose_of_a_page_footer_is_never_its_body():
    body = parse_text(LISTING_PAGE_WITH_LEGAL_FOOTER)[0].body
    assert "A tidy cottage near the old mill" in body and "88 Hill Street, Riverton" in body
    assert "By searching, you agree" not in body and "screen reader" not in body and "All rights reserved" not in body


def test_a_copyright_line_high_on_the_page_opens_no_footer():
    texts = ["Old console output", "(c) Copyright 1990-1994, Example Computer Company.", *(["The boot menu lists every device."] * 8)]
    lines = text_lines.read_lines("\n".join(texts), text_rules())
    assert text_lines.footer_start(lines, text_rules()) == len(lines)


def test_the_page_footer_opens_at_its_first_copyright_line_not_at_a_later_copyright_link():
    texts = [*(["The boot menu lists every device."] * 8), "© 2025 Example Company. All rights reserved.",
             "Legal notices for the company's products and services are listed on the notices page.", "Copyright Infringement | Terms"]
    lines = text_lines.read_lines("\n".join(texts), text_rules())
    assert text_lines.footer_start(lines, text_rules()) == 8


SHOWROOM_HEAD = "Harbour City opens a fund for start-ups building virtual showrooms"
SHOWROOM_STORY = ["Harbour City is to open a fund of 10 billion yuan for start-ups building virtual showrooms, the city's "
                  "economy bureau said on Monday, and firms can apply from June.",
                  "The bureau said the fund would back some 200 firms over three years and pay up to half of what each "
                  "spends on the servers and software its showroom needs to run.",
                  "Officials expect the first showrooms to open before the end of the year in the districts along the "
                  "river, where the city has already set aside office space for the firms."]


def test_a_story_sentence_about_copyright_in_the_last_fifth_does_not_open_the_footer():
    last = "Firms that win a grant must keep their showroom open for two years and report its visitors every quarter."
    page = "\n\n".join([*(f"Menu item {n}" for n in range(30)), SHOWROOM_HEAD, "May 2, 2024", *SHOWROOM_STORY,
                         "The city will also open a copyright registry for digital collectibles, so artists can record their works.",
                         last, "© 2024 Daily Courier. All rights reserved."])
    body = parse_text(page)[0].body
    assert "copyright registry" in body and last in body
    assert "All rights reserved" not in body


def test_a_related_marker_under_a_wire_story_of_short_paragraphs_still_ends_it():
    short = ["Harbour City will open a fund for start-ups building virtual showrooms, the city said on Monday.",
             "The fund holds 10 billion yuan and will back some 200 firms over three years.",
             "Firms can apply from June, and the first grants are due in the autumn.",
             "The bureau said it would pay up to half of what each firm spends on servers.",
             "Officials expect the first showrooms to open before the end of the year.",
             "The city has set aside office space along the river for the firms.",
             "Similar funds opened in River Town and Hill County last year."]
    teasers = ["River Town doubles its fund for virtual reality firms as demand grows in the capital, officials said.",
               "Hill County sets up a metaverse office to court start-ups from abroad, the county said."]
    body = parse_text("\n\n".join(["Home", SHOWROOM_HEAD, "May 2, 2024", *short, "Related stories", *teasers]))[0].body
    assert short[0] in body and short[-1] in body
    assert not any(teaser in body for teaser in teasers)


@pytest.mark.parametrize("line", ["© 2024 Daily Courier", "Copyright 2024 Daily Courier", "Copyright (c) Daily Courier",
                                  "Daily Courier Ltd. All rights reserved.", "2024 copyright Daily Courier"])
def test_copyright_notices_open_the_footer(line):
    assert text_rules().footer.search(line)


@pytest.mark.parametrize("line", ["The city will open a copyright registry for digital collectibles.",
                                  "Copyright law is changing fast, the bureau said.",
                                  "Artists keep the copyright on every token they sell in the new market."])
def test_sentences_about_copyright_open_no_footer(line):
    assert not text_rules().footer.search(line)


@pytest.mark.parametrize("line", ["Copyright © 2024 Daily Courier Media Group. All rights reserved.",
                                  "© Daily Courier Media Group, every story on this site."])
def test_a_sentence_shaped_notice_with_a_sign_or_a_year_opens_the_footer(line):
    texts = [*(["The boot menu lists every device."] * 8), line, "Terms"]
    assert text_lines.footer_start(text_lines.read_lines("\n".join(texts), text_rules()), text_rules()) == 8


def test_a_story_sentence_opening_with_a_copyright_office_opens_no_footer():
    sentence = "Copyright Office officials said the registry for digital collectibles would open to artists in May."
    texts = [*(["The boot menu lists every device."] * 8), sentence, "More officials spoke.", "© 2024 Daily Courier"]
    assert text_lines.footer_start(text_lines.read_lines("\n".join(texts), text_rules()), text_rules()) == 10


def test_a_short_copyright_link_opens_the_footer_and_a_sentence_about_copyright_does_not():
    texts = [*(["The boot menu lists every device."] * 8), "Artists keep the copyright on every token they sell.",
             "Report Copyright Violation", "Terms"]
    lines = text_lines.read_lines("\n".join(texts), text_rules())
    assert text_lines.footer_start(lines, text_rules()) == 9


def test_a_threads_repeated_post_furniture_does_not_split_its_posts():
    scores, words = [0.9, 0.9, *([0.1] * 8), 0.9], [20, 20, *([1] * 8), 20]
    furniture = [False, False, *([True] * 8), False]
    assert line_model.main_span(scores, words, None, furniture, 0.5) == (0, 10)


def test_a_menu_printed_once_between_two_blocks_still_splits_them():
    scores, words = [0.9, 0.9, *([0.1] * 8), 0.9], [20, 20, *([1] * 8), 20]
    assert line_model.main_span(scores, words, None, [False] * len(scores), 0.5) == (0, 1)


def test_counted_by_words_a_storys_paragraphs_bridge_a_short_share_bar_between_them():
    scores, words = [0.9, 0.9, *([0.1] * 8), 0.9], [20, 20, *([1] * 8), 20]
    assert line_model.main_span(scores, words, None, [False] * len(scores), 0.5, word_power=1.0) == (0, 10)


def test_counted_by_words_a_long_menu_still_splits_two_blocks_of_prose():
    scores, words = [0.9, 0.9, *([0.1] * 40), 0.9], [20, 20, *([1] * 40), 20]
    assert line_model.main_span(scores, words, None, [False] * len(scores), 0.5, word_power=1.0) == (0, 1)


def test_a_storys_last_paragraph_under_its_share_bar_and_tags_stays_in_the_story():
    opening = ["Harbour city opens a digital trade fund",
               "The harbour city said on Monday that it will open a fund of two billion yuan for digital trade firms "
               "that move to its new port zone before the end of next year, the first such fund in the province.",
               "Officials said the fund would back firms that build shipping ledgers, customs tools and payment "
               "systems, and that each firm could draw up to fifty million yuan over three years.",
               "The fund opens to applications in March, and a panel of bankers and port officials will pick the "
               "first twenty firms by the summer, the city said in its statement."]
    furniture = ["Photo: the port at dusk", "Share", "Post", "Email", "Copy link", "Print", "Topics", "Ports", "Trade",
                 "Fintech", "Shipping", "Customs", "Province"]
    closing = ("The port zone already hosts forty logistics companies, and the city expects the fund to draw at least "
               "as many software firms to the zone within two years, according to the statement.")
    body = text_page.parse_text("\n\n".join(["Home", "News", *opening, *furniture, closing, "About us", "Contact"]))[0].body
    assert opening[1] in body and body.endswith(closing)
    assert "Home" not in body and "Contact" not in body


def test_repeated_short_lines_are_the_furniture_printed_around_each_post_not_a_menu_printed_twice():
    texts = ["Menu", "ann_lee", "Member", STORY[0], "tom_h", "Member", STORY[1], "ann_lee", "Member", STORY[1], "Menu"]
    lines = [text_lines.Line(text, n, "text") for n, text in enumerate(texts)]
    assert text_page._repeated_short_lines(lines, 2) == [text == "Member" for text in texts]


BROWSER_ERROR_PAGE = """This site can’t be reached

news.example.test took too long to respond.

Try:

Checking the connection
Checking the proxy and the firewall
ERR_CONNECTION_TIMED_OUT
Reload
Details
"""


def test_a_browsers_error_page_gives_no_story():
    assert parse_text(BROWSER_ERROR_PAGE) == []


def test_a_browsers_error_page_is_quarantined_as_empty():
    from pipelines.ingest.reader import RawDocument
    from pipelines.parse.page import parse_document
    doc = RawDocument("id", "a.txt", "txt", len(BROWSER_ERROR_PAGE), text=BROWSER_ERROR_PAGE)
    stories, status, error = parse_document(doc)
    assert (stories, status) == ([], "empty") and "error page" in error


def test_a_story_about_a_browser_error_code_is_read():
    page = ("Portal outage leaves residents without forms\n\nMay 2, 2024\n\n"
            "The city's permit portal was down for six hours on Tuesday, officials said, and residents who needed "
            "building permits, parking passes or business licences could not file them before the monthly deadline.\n\n"
            "Residents who opened it saw the browser's error code:\n\nERR_CONNECTION_REFUSED\n\n"
            "The city said a faulty certificate update caused the outage and that the portal works again. Forms filed "
            "by Friday will count as filed on time, and the clerk's office will stay open until 7 p.m. all week for "
            "anyone who would rather file in person.")
    stories = parse_text(page)
    assert stories[0].title == "Portal outage leaves residents without forms"
    assert "faulty certificate update" in stories[0].body and "six hours" in stories[0].body


FORUM_MENU = "\n".join(["Toggle navigation", "Product", "Developers", "Pricing", "Blog", "About", "Sign in", "Sign up",
                        "Categories", "Latest", "Top", "Search this forum", "Log in to reply", "Community guidelines",
                        "Terms of service", "Privacy policy", "Help center", "Status page", "Release notes",
                        "Download the desktop app", "Follow us on social media", "Contact the support team"])


def test_a_forum_page_whose_posts_the_dump_lost_gives_no_story():
    page = FORUM_MENU + "\n\nShare what you build with the community.\n"
    assert parse_text(page) == []


def test_a_short_story_under_a_small_menu_is_read():
    page = ("Home\nNews\nSport\n\nCouncil approves the new bus line\n\nMay 2, 2024\n\n"
            "The council approved the new bus line on Tuesday. The first buses will run in September.\n")
    stories = parse_text(page)
    assert stories[0].title == "Council approves the new bus line"
    assert "first buses will run in September" in stories[0].body and "Sport" not in stories[0].body


@pytest.mark.parametrize("paragraph", ["国家电网将投资100亿元建设数据中心。", "该平台讯息显示，共有12家企业入驻。",
                                       "快讯：湖滨区发布数字经济规划。"])
def test_han_wire_dateline_leaves_ordinary_first_sentences_alone(paragraph):
    # a word ending in 电 or 讯 is no dateline: no day before it, no paper's name with a space or bracket after it
    assert text_rules().han_wire_dateline.match(paragraph) is None


@pytest.mark.parametrize("paragraph, rest, day", [
    ("新华社湖滨7月8日电（记者 周岚）湖滨区发布规划。", "湖滨区发布规划。", None),
    ("湖滨日报讯 近日，湖滨区发布规划。", "近日，湖滨区发布规划。", None),
    ("湖滨新闻网2024年7月8日讯（记者 周岚 王川）湖滨区发布规划。", "湖滨区发布规划。", "2024年7月8日"),
])
def test_han_wire_dateline_is_read_off_the_first_paragraph(paragraph, rest, day):
    found = text_rules().han_wire_dateline.match(paragraph)
    assert (paragraph[found.end():], found.group("date")) == (rest, day)
