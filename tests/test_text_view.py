"""The page view the header readers share: what it computes once must equal what each reader computed for itself."""
import re
import sys
from string import ascii_lowercase

from pipelines.parse.dates import find_date
from pipelines.parse.rules import text_rules
from pipelines.parse.text.engines import question_asker, thread_author
from pipelines.parse.text.lines import read_lines
from pipelines.parse.text.page import page_layout
from pipelines.parse.text.view import FOLDS_TO_ASCII, PageView, page_view

TEXTS = ["Menu", "", "Port opens a new terminal", "Posted on 2 March 2024 by Ann Lee", "The port opened on Monday."]


def test_the_view_is_the_lines_joined_with_their_offsets():
    view = PageView(TEXTS)
    assert view.page == "\n".join(TEXTS)
    assert [view.page[start:start + len(text)] for start, text in zip(view.starts, TEXTS)] == TEXTS
    assert list(view) == TEXTS and view[2:4] == tuple(TEXTS[2:4])


def test_each_offset_belongs_to_the_line_holding_it_and_a_newline_to_the_line_it_ends():
    view = PageView(TEXTS)
    assert [view.line_at(offset) for offset in range(len(view.page))] == \
        [view.page.count("\n", 0, offset) for offset in range(len(view.page))]


def test_a_line_date_is_its_first_date_and_a_line_without_one_has_none():
    view = PageView(TEXTS)
    assert view.date(3).group(0) == find_date(TEXTS[3]).group(0) == "2 March 2024"
    assert view.date(2) is None and view.date(1) is None


def test_page_view_keeps_a_view_and_makes_one_of_a_list():
    view = PageView(TEXTS)
    assert page_view(view) is view
    assert page_view(TEXTS) == view and page_view(TEXTS) is not view


def test_a_page_without_a_cue_in_any_case_is_ruled_out():
    assert not PageView(TEXTS).may_hold(["starter", "started by"])
    assert PageView(["Menu", "THREAD STARTER ann"]).may_hold(["starter"])


def test_a_page_with_a_letter_the_pattern_folds_otherwise_is_not_ruled_out():
    assert PageView(["Menu", "Thread ſtarter ann"]).may_hold(["starter"])  # re.IGNORECASE reads 'ſ' as 's'
    assert re.search("starter", "Thread ſtarter ann", re.I)


def test_every_letter_read_as_ascii_by_ignorecase_but_lowered_otherwise_is_listed():
    every = "".join(map(chr, range(128, sys.maxunicode + 1)))
    folded = {c for c in re.findall("[a-z]", every, re.I)
              if any(re.fullmatch(letter, c, re.I) and c.lower() != letter for letter in ascii_lowercase)}
    assert folded == set(FOLDS_TO_ASCII)


def test_readers_read_the_same_from_a_view_as_from_a_list():
    thread = ["Menu", "How to fix a tent", "THREAD STARTER ann_lee", "Jan 5, 2024"]
    question = ["How do I stop sleep?", "I tried this.", "Asked Mar 9, 2021 at 7:02", "bo_chen", "1 answer"]
    assert thread_author(PageView(thread)) == thread_author(thread) == (2, "ann_lee")
    assert question_asker(PageView(question)) == question_asker(question) == (3, "bo_chen")
    assert thread_author(question) is None and question_asker(thread) is None


def test_the_layout_holds_the_view_of_its_lines():
    lines = read_lines("Port opens a new terminal\n\nThe port opened on Monday with three new berths for ships.",
                       text_rules())
    layout = page_layout(lines, text_rules(), choose=False)
    assert layout.view == tuple(line.text for line in lines)
    assert layout.view.page.startswith("Port opens a new terminal\n")


def test_the_lines_holding_a_cue_are_those_whose_lower_case_holds_it_each_once():
    texts = ["Menu", "Posted BY Ann Lee", "", "Maybe by Bo, or by Kim", "The harbour opened."]
    assert PageView(texts).lines_holding("by") == (1, 3)
    assert PageView(texts).lines_holding("starter") == ()
    wide = ["İİİİİİİİİİ Port", "by", "Menu"]  # lowering 'İ' makes two characters: the lower-case page's offsets move
    assert PageView(wide).lines_holding("by") == (1,)


def test_the_lines_in_lower_case_are_each_line_lowered_alone():
    # a final sigma by a line's end, 'İ' lowered to two characters
    texts = ["ΟΔΟΣ", "ΣΑ ΠΟΡΤ", "İSTANBUL Port", "", "By Ann"]
    assert PageView(texts).lower_lines == tuple(text.lower() for text in texts)


def test_a_text_holding_a_newline_is_still_one_line_when_lowered():
    texts = ["Menu\nSearch", "Posted by Ann Lee on May 2, 2024", "Tags"]
    assert PageView(texts).lower_lines == tuple(text.lower() for text in texts)
    assert PageView(texts).lines_holding("by") == (1,)
