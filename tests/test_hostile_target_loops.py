"""Sentences built to hit the look-ups an English or Chinese target once made per figure over all the figures, places
or mentions of its sentence or story (README: 'A sentence built to hit the loops left per figure'). Each must give
the rows it gave before, read in time linear in its figures. Tests never time things: the sizes are such that the old
per-figure loops took several to tens of seconds (figures in the commit message), so a runaway shows as a slow suite."""
from __future__ import annotations

from datetime import datetime

from pipelines.extract.story import extract_story
from pipelines.extract.targets import extract_targets
from pipelines.records import Mention

PUBLISHED = datetime(2024, 3, 1)
CITIES = ["Beijing", "Shanghai", "Tianjin", "Chongqing"]


def _rows(targets):
    return sorted((t.jurisdiction_name, t.metric, t.target_value, t.target_year) for t in targets)


def _mention(kind: str, name: str, start: int) -> Mention:
    return Mention(kind, name, name, start, start + len(name), field="body")


def test_a_country_adjective_before_thousands_of_sums_names_its_government_once():
    # the clause before each sum was searched again for 'Japanese government' (5,000 sums: 12 s)
    body = "The Japanese government will invest " + ", ".join(f"${n}.5 billion" for n in range(1, 5_001)) + " by 2025."
    rows = _rows(extract_story("Japan's plan", body, PUBLISHED)[1])
    assert len(rows) == 5_000 and {r[0] for r in rows} == {"Japan"} and rows[-1][2] == 5_000.5e9
    # a Korean adjective alone names no government: the sums keep no owner and no row
    assert extract_story("", "Korean firms will invest " + "$1.5 billion, " * 3 + "$2 billion by 2025.", PUBLISHED)[1] == []


def test_thousands_of_sums_look_up_their_subject_among_a_hundred_thousand_mentions():
    # each sum's subject phrase read every mention of the story (1,000 sums and 100,000 names after them)
    body = "Dubai will invest " + ", ".join(f"${n} million" for n in range(1, 1_001)) + " by 2025. Partners are "
    mentions = [_mention("jurisdiction", "Dubai", 0)]
    for n in range(100_000):
        mentions.append(_mention("company", f"Acme{n}", len(body)))
        body += f"Acme{n}, "
    rows = _rows(extract_targets(body + "and others.", PUBLISHED, mentions))
    assert len(rows) == 1_000 and {r[0] for r in rows} == {"Dubai"} and rows[0][2] == 1e6
    # a company as the subject still holds its own plan
    acme = "Acme Holdings will invest $5 million by 2025."
    assert extract_targets(acme, PUBLISHED, [_mention("company", "Acme Holdings", 0)]) == []


def test_a_list_of_thousands_of_places_and_sums_respectively_pairs_none_and_keeps_the_next_sentence():
    # each sum walked the list of places back, gathered the sums before 'respectively' and read the places of its
    # clause for one inside its subject (2,000 places and sums)
    places = ", ".join(CITIES[n % 4] for n in range(1_999)) + " and Chongqing"
    sums = ", ".join(f"{n} billion yuan" for n in range(1, 2_001))
    body = (f"{places} aim for {sums} respectively by 2025. "
            "Beijing and Shanghai will invest 10 billion yuan and 20 billion yuan respectively by 2025.")
    assert _rows(extract_story("", body, PUBLISHED)[1]) == [
        ("Beijing", "investment", 10e9, 2025), ("Shanghai", "investment", 20e9, 2025)]


def test_a_chinese_list_of_thousands_of_places_and_sums_respectively_pairs_none_and_keeps_the_next_sentence():
    # each sum compared every sum of the sentence with every place after 分别 (500: 8 s, 1,000: 74 s)
    places = "、".join(["北京市", "上海市", "天津市", "重庆市"][n % 4] for n in range(1_000))
    sums = "、".join(f"{n}亿元" for n in range(1, 1_001))
    body = f"{places}力争到2025年元宇宙产业规模分别达到{sums}。北京市和上海市分别设立100亿元和50亿元元宇宙基金。"
    assert _rows(extract_story("", body, PUBLISHED)[1]) == [
        ("Beijing", "fund_size", 10e9, 2025), ("Shanghai", "fund_size", 5e9, 2025)]


def test_a_company_s_thousands_of_sums_after_a_hundred_thousand_places_stay_its_own():
    # each sum read every place of its sentence to find one before it that is no company's base
    head = " and ".join(CITIES[n % 4] for n in range(100_000)) + " welcomed the news; "
    body = head + "Binance will invest " + ", ".join(f"${n} million" for n in range(1, 1_001)) + " by 2025."
    mentions, at = [], 0
    for n in range(100_000):
        mentions.append(_mention("jurisdiction", CITIES[n % 4], at))
        at += len(CITIES[n % 4]) + len(" and ")
    mentions.append(_mention("company", "Binance", body.index("Binance")))
    assert extract_targets(body, PUBLISHED, mentions) == []
    # a place's own firm before the sum keeps the place's target; a company based there does not
    cyber = "Shenzhen's Acme will invest $5 million by 2025."
    assert _rows(extract_targets(cyber, PUBLISHED, [_mention("jurisdiction", "Shenzhen", 0), _mention("company", "Acme", 11)])) \
        == [("Shenzhen", "investment", 5e6, 2025)]
    based = "Shenzhen-based Acme will invest $5 million by 2025."
    assert extract_targets(based, PUBLISHED, [_mention("jurisdiction", "Shenzhen", 0), _mention("company", "Acme", 15)]) == []


def test_twenty_thousand_sentences_naming_a_company_each_take_their_own_companies():
    # each sentence read every mention of the story for the companies in it (20,000 sentences: 16 s)
    body, mentions = "", []
    for n in range(20_000):
        mentions.append(_mention("company", f"Acme{n} Corp", len(body)))
        body += f"Acme{n} Corp will open an office. "
    mentions.append(_mention("jurisdiction", "Dubai", len(body)))
    body += "Dubai will invest $30 million in a metaverse fund by 2025. Acme Corp will invest $5 million by 2025."
    mentions.append(_mention("company", "Acme Corp", body.rindex("Acme Corp")))
    assert _rows(extract_targets(body, PUBLISHED, mentions)) == [("Dubai", "investment", 30e6, 2025)]
