"""Pages that print the next stories under the one read (infinite scroll, 'Next article'), each with the header the
page gave the first (a headline over its dated line), and look-alikes that must stay whole: a listing of many dated
headlines with blurbs, and a government notice closing with its office and date (invented pages)."""
from __future__ import annotations

from pipelines.parse.text.page import parse_text

FIRST = ["Lakeside Launches 10 Billion Yuan Fund for Web3 Start-ups", "Policy·March 14, 2024, 9:12 AM",
         "Lakeside, the capital of the province, has launched a 10 billion yuan fund to back Web3 start-ups, local "
         "media reported on Wednesday.",
         "The fund will be managed by the city's investment group and aims to invest in 200 projects by 2026, the "
         "bureau of economy said in a statement issued on Thursday."]
SECOND = ["Harbour City Opens Consultation on Stablecoin Rules", "Regulation·March 13, 2024, 4:40 PM",
          "The monetary authority has opened a public consultation on rules for stablecoin issuers."]


def test_the_next_story_printed_with_the_same_header_is_another_story():
    stories = parse_text("\n".join(["Top"] + FIRST + ["Share this article"] + SECOND + ["Share this article"]))
    assert [(s.role, s.title) for s in stories] == [("main", FIRST[0]), ("related", SECOND[0])]
    assert "stablecoin" not in stories[0].body and "stablecoin issuers" in stories[1].body


def test_a_listing_of_many_dated_headlines_is_read_whole():
    items = []
    for n, town in enumerate(["Alder", "Birch", "Cedar", "Dogwood", "Elm"]):
        items += [f"{town} Town Expands Its Tutoring Program to Every Middle School", f"12/0{n + 1}/2025 | The Daily Courier",
                  f"The {town} district said its tutoring program, which pairs trained tutors with small groups of "
                  "students three times a week, will reach every middle school by the spring term next year."]
    stories = parse_text("\n".join(["News"] + items))
    assert len(stories) == 1 and "Cedar district" in stories[0].body and "Elm district" in stories[0].body


def test_a_notice_s_closing_office_and_date_stay_in_the_notice():
    notice = ["关于印发数字经济行动方案的通知", "发布时间：2024-04-16",
              "各区人民政府，市政府各部门：现将《数字经济行动方案》印发给你们，请认真贯彻执行。到2026年，全市数字经济核心产业规模突破500亿元。",
              "建设数字经济产业园区3个，引进和培养专业人才1万名，培育重点企业100家以上。",
              "湖滨市人民政府办公室", "2024年4月12日", "【打印】【关闭】"]
    stories = parse_text("\n".join(notice))
    assert len(stories) == 1 and stories[0].title == notice[0]
