"""Hostile but plausible lines a scraper may save (a run of 20,000 form feeds or line separators inside a line)
must not make a text dump's parse or extraction hang: each pattern searched on every line
reads a long run of spaces once, not once per space. Tests never time things: a runaway shows as a hung suite."""
from __future__ import annotations

from pipelines.extract.story import extract_story
from pipelines.parse.rules import text_rules
from pipelines.parse.text.page import parse_text

TITLE = "City sets up a fund for start-ups building virtual showrooms"
PROSE = ("The city government said on Monday that the fund of 500 million yuan will back start-ups that build "
         "virtual showrooms for local factories, with the first grants due in the spring.")
MORE = ("Officials expect about forty companies to apply in the first round, and the district will add office "
        "space near the railway station for the teams that win grants from the fund.")
RUN = 20_000


def _main(*lines: str):
    return parse_text("\n\n".join(lines))[0]


def test_a_run_of_form_feeds_inside_a_story_line_keeps_the_story():
    # field_separators is split on every line: '\s*[·|•]\s*' tried from each form feed of the run (29 s before
    # normalize_whitespace folded form feeds)
    story = _main("Daily Courier", TITLE, "By Ann Lee", PROSE, "Grants" + "\f" * RUN + "open in May", MORE, PROSE)
    assert story.title == TITLE
    assert story.author == "Ann Lee"
    assert "first grants due in the spring" in story.body and "railway station" in story.body
    assert "\f" * 3 not in story.title


def test_a_run_of_line_separators_in_a_header_line_keeps_the_headline():
    # heading_anchor ('\s*¶' at a line's end) is searched on every header line: from each separator of the run (30.8 s
    # before normalize_whitespace folded line separators)
    story = _main("Daily Courier", "Menu" + "\u2028" * RUN + "Search", TITLE, "By Ann Lee", PROSE, MORE, PROSE)
    assert story.title == TITLE
    assert story.author == "Ann Lee"
    assert "first grants due in the spring" in story.body
    assert "\u2028" * 3 not in story.body


def test_field_separators_split_two_marks_in_a_row_and_runs_of_spaces_as_before():
    separators = text_rules().separators
    assert separators.split("Ann Lee | | May 4, 2024") == ["Ann Lee", "", "May 4, 2024"]
    assert separators.split("News \f\f · \f Tech — Games") == ["News", "Tech", "Games"]
    assert separators.split("Hyphen-ated · a–b") == ["Hyphen-ated", "a–b"]


def test_a_run_of_form_feeds_in_a_story_is_one_space_and_its_places_are_found():
    # kept in the body, the run was read again from each form feed by the extractors' \s patterns (APPOS, LIST_GAP)
    story = _main("Daily Courier", TITLE, "By Ann Lee", PROSE, "Shanghai" + "\f" * RUN + "opens a second fund.", MORE)
    assert "Shanghai opens a second fund." in story.body
    mentions, _ = extract_story(story.title, story.body)
    assert "Shanghai" in {m.entity_name for m in mentions}


def test_a_run_of_digits_in_a_chinese_story_keeps_its_target():
    # money_re, bare_re, count_re and shared_other_subject_re tried a figure from each digit of the run (quadratic)
    body = "上海市提出，到2025年元宇宙产业规模达到3500亿元。\n\n编号" + "7" * RUN + "。"
    _, targets = extract_story("上海元宇宙", body)
    assert [(t.target_value, t.unit, t.target_year) for t in targets] == [(350_000_000_000, "CNY", 2025)]


def test_a_line_of_capitalised_words_keeps_the_organization_after_it():
    # ORG_RE read a run of capitalised words with no organization head again from each word (17.8 s before
    # its words before the head were bounded)
    body = "\n\n".join([PROSE, "Word " * (RUN // 5), "The Monetary Authority of Singapore backs the fund."])
    mentions, _ = extract_story(TITLE, body)
    assert "Monetary Authority of Singapore" in {m.entity_name for m in mentions}
    assert not any(m.entity_name.startswith("Word") for m in mentions)


def test_a_long_run_of_letters_in_a_story_with_an_email_keeps_its_places():
    # MASK_RE's e-mail branch read the run again from each of its letters (40,000 letters: 4.5 s a pass before it started only
    # where a run of name characters starts)
    body = "\n\n".join([PROSE, "Write to desk@harbour-news.example", "q" * (2 * RUN), "Shanghai opens a second fund."])
    mentions, _ = extract_story(TITLE, body)
    names = {m.entity_name for m in mentions}
    assert "Shanghai" in names
    assert not any("harbour" in name.lower() for name in names)


def test_a_run_of_digits_under_a_threads_title_keeps_its_poster():
    # poster_time read the run once per handle length (136 ms a 100,000-digit line) before a space or separator had to
    # follow the handle
    thread = "Which tent should I buy for a week of camping by the harbour"
    story = parse_text("\n".join(["Boards", thread, "7" * RUN, "kim_o 2 years ago#1", PROSE, MORE]))[0]
    assert story.title == thread
    assert story.author == "kim_o"


def test_a_run_of_field_separators_after_a_name_under_the_headline_keeps_the_story():
    # name_alone split the line into 100,000 empty fields and split each again (about 120 ms a line of '·' or '|')
    for mark in ("·", "|"):
        story = _main("Daily Courier", TITLE, "Ann Lee " + mark * RUN, "By Ann Lee", PROSE, MORE, PROSE)
        assert story.title == TITLE
        assert story.author == "Ann Lee"
        assert "first grants due in the spring" in story.body


def test_a_long_run_of_mixed_case_letters_at_a_pages_foot_keeps_the_story():
    # footer_line's capitalised name before 'all rights reserved' was tried from each capital of the run, reading the
    # rest of it each time (1.5 s a line of 8,000 characters, a hang at 100,000)
    story = _main("Daily Courier", TITLE, "By Ann Lee", PROSE, MORE, PROSE, "About us", "Ab" * (RUN // 2))
    assert story.title == TITLE
    assert "railway station" in story.body


def test_a_long_one_word_line_under_the_headline_is_no_name_and_keeps_the_byline():
    # name_alone cut note fields and handles from the whole line before seeing it is far longer than any name line
    for run in ("a" * RUN, "@" * RUN, "(@" * (RUN // 2)):
        story = _main("Daily Courier", TITLE, "Ann " + run, "By Ann Lee", PROSE, MORE, PROSE)
        assert story.title == TITLE
        assert story.author == "Ann Lee"


def test_a_long_list_of_goals_under_a_lead_in_reads_its_paragraph_once():
    # each item with no year of its own read the whole paragraph again for a plan period and a deadline (36 s)
    body = "Wuhan unveiled a plan.\n\nKey targets of the plan by 2025:\n" + "- 100 metaverse companies\n" * 4000
    _, targets = extract_story("", body)
    assert [(t.jurisdiction_name, t.metric, t.target_value, t.target_year) for t in targets] == [
        ("Wuhan", "companies", 100, 2025)]


def test_a_long_line_of_one_word_places_reads_each_place_s_line_once():
    # whether the line is a title-case headline was read over the whole line for each place on it (88 s)
    body = "Xi’an and " * 10_000 + "Xi’an will invest $50 million in a blockchain park by 2026."
    mentions, targets = extract_story("", body)
    assert len([m for m in mentions if m.entity_name == "Xi'an"]) == 10_001
    assert [(t.jurisdiction_name, t.target_value) for t in targets] == [("Xi'an", 50e6)]


def test_a_long_japanese_chain_of_ranges_finds_each_lower_bound_once():
    # ranges._upper_bound was given a copy of every figure before each one (19 s)
    mentions, targets = extract_story("", "大阪府は" + "100億円から" * 14_000 + "200億円の基金を設立する。")
    assert targets == [] and [m.entity_name for m in mentions] == ["Osaka"]


def _targets(body: str) -> list[tuple]:
    _, targets = extract_story("", body)
    return sorted((t.jurisdiction_name, t.metric, t.target_value, t.target_year) for t in targets)


def test_a_chinese_sentence_with_thousands_of_figures_reads_its_clause_once():
    # find_amounts compared each figure with every figure found before it (111 s); then the owner, metric and cue
    # searches scanned the clause once per figure (396 s): they look up one scan of the sentence now (match_index.py)
    assert _targets("深圳市到2025年培育" + "营收超亿元" * 20_000 + "企业30家。") == [
        ("Shenzhen", "companies", 30, 2025), ("Shenzhen", "industry_size", 1e8, 2025)]


def test_a_chinese_sentence_of_thousands_of_clauses_finds_each_clause_by_bisection():
    # each figure's clause, its subject's clause and the cues before it were found by reading the sentence from its start
    assert _targets("深圳市力争到2025年" + "设立50亿元基金，" * 5_000 + "培育企业30家。") == [
        ("Shenzhen", "companies", 30, 2025), ("Shenzhen", "fund_size", 5e9, 2025)]


def test_a_chinese_list_of_thousands_of_sums_is_read_once():
    # each sum of a list walked the rest of the list to find the metric word after it
    assert _targets("深圳市力争到2025年设立" + "50亿元、" * 5_000 + "100亿元元宇宙基金。") == [
        ("Shenzhen", "fund_size", 5e9, 2025), ("Shenzhen", "fund_size", 1e10, 2025)]


def test_thousands_of_figures_after_a_distributive_word_keep_each_place_s_share():
    # the distributive word (均) before each figure was looked for from the list of places on, once per figure
    assert _targets("北京市和上海市力争到2025年均" + "设立50亿元基金，" * 5_000 + "培育企业30家。") == [
        ("Beijing", "companies", 30, 2025), ("Beijing", "fund_size", 5e9, 2025), ("Shanghai", "fund_size", 5e9, 2025)]


def test_a_chinese_sentence_of_thousands_of_places_and_firms_reads_each_once():
    # each figure read every place of its sentence, and every company of the story, to find its clause's subject
    assert _targets("力争到2025年，" + "深圳市设立50亿元基金，" * 5_000 + "培育企业30家。") == [
        ("Shenzhen", "companies", 30, 2025), ("Shenzhen", "fund_size", 5e9, 2025)]
    assert _targets("力争到2025年，" + "腾讯计划在深圳投资50亿元，" * 5_000 + "深圳市培育企业30家。") == [
        ("Shenzhen", "companies", 30, 2025)]


def test_an_english_sentence_with_thousands_of_sums_reads_its_clause_once():
    # each sum's clause, owner, verb, deadline years and cues were read over the sentence up to it (1,000 sums: 17 s)
    assert _targets("Shenzhen will invest " + "$1 million and " * 5_000 + "$30 million in a metaverse fund by 2025.") == [
        ("Shenzhen", "fund_size", 30e6, 2025), ("Shenzhen", "investment", 1e6, 2025)]


def test_an_english_sentence_with_thousands_of_counts_reads_the_text_before_each_at_its_end():
    # whether a count closes a range or follows a past verb was searched over the whole sentence before it
    assert _targets("Shenzhen aims to attract " + "10 metaverse companies, " * 5_000
                    + "and 30 blockchain companies by 2025.") == [
        ("Shenzhen", "companies", 10, 2025), ("Shenzhen", "companies", 30, 2025)]


def test_thousands_of_sums_after_the_city_government_find_its_owner_by_bisection():
    # the government phrase and the place named at the sentence's end are looked up in one scan of the body
    assert _targets("The city government plans to invest " + "$1 million and " * 5_000
                    + "$30 million in a metaverse fund by 2025 in Shenzhen.") == [
        ("Shenzhen", "fund_size", 30e6, 2025), ("Shenzhen", "investment", 1e6, 2025)]


def test_thousands_of_sums_a_company_kind_pledges_are_read_once():
    # 'The company …' opens the clause: each figure asks whether a place or government word stands before it, by
    # bisection over the sentence's places and its one scan of government words, not by searching the text up to it
    assert _targets("The company has pledged " + "$1 million, " * 5_000 + "$30 million by 2026.") == []


def test_thousands_of_unplaced_government_sums_ask_once_whether_the_sentence_names_a_government():
    # no place is named: each row is kept because its sentence names a government, read once for the sentence
    assert _targets("The state will invest " + "$1 million, " * 5_000 + "$30 million by 2026.") == [
        (None, "investment", 1e6, 2026), (None, "investment", 30e6, 2026)]


def test_thousands_of_places_each_before_a_figure_are_looked_up_by_bisection():
    # each figure asked which of the sentence's places stand before it by a list comprehension over all of them, and
    # listed_places copied the list to walk it back (4,000 took 2.0 s, 20,000 18 s); the places are found by bisection now
    funds = ", ".join(f"a ${n} million fund launched by the Chongqing government" for n in range(1, 5_001))
    rows = _targets("The bank will manage " + funds + ".")
    assert len(rows) == 5_000 and {r[0] for r in rows} == {"Chongqing"} and rows[-1][2] == 5_000e6
