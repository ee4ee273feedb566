"""parse_html on small invented pages: what must and must not come out of each."""
from __future__ import annotations

import doctest
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from pipelines.parse import html_page
from pipelines.parse.html_page import parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8")) \
    if (FIXTURES / "expected.yaml").exists() else {}


def test_docstring_example():
    assert doctest.testmod(html_page).failed == 0


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
