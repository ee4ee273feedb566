"""What a Chinese plan's later sentences take from the plan a story opens with, when they name neither year nor holder.

- **Its period.** A plan document is written with its period ('《南京市元宇宙产业发展行动计划（2023—2025年）》'); a later
  sentence that refers back to it ('计划明确，…', '《措施》提出，…': targets.json chinese.plan_reference_cues) states a goal
  of that plan, due at the period's end, when it states no year of its own (`PlanPeriod`).
- **Where, not who.** A place after a location word (在, 于: chinese.location_words), or listed after one
  ('将在江宁区、雨花台区等地建设5个产业集聚区'), is where the plan builds, not who sets the figure: a clause whose places are
  all such is held by the sentence walk's subject (`LocatedPlaces`).
- **Its section.** A work report or plan is read in sections under short headings: one naming this year or a later
  one with a word of goals ('二、2024年主要目标任务', '今后五年的主要任务') opens goals, whose sentences state targets
  with no cue of their own ('全年实施亿元以上重点项目120个，完成投资450亿元'), due in the heading's year; the next heading
  ('一、2023年工作回顾', '三、保障措施') closes it (`is_section_heading`, `plan_section_year`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import datetime

from pipelines.records import Mention

HEADING_MAX_CHARS = 30  # a section heading is a short line ('二、2024年主要目标任务'), not a sentence
SENTENCE_CLOSE = re.compile(r"[。！？；;.!?：:]\s*$")
YEAR = re.compile(r"(20\d\d)\s*年")

# a period in brackets: '（2023—2025年）', '(2024-2026)'; the end year is the group
PERIOD = re.compile(r"[（(]\s*20\d\d\s*年?\s*[—–\-~～至到]{1,2}\s*(20\d\d)\s*年?\s*[）)]")


class PlanPeriod:
    """The end of the period of the plan a story last named with one, for the sentences that refer back to it."""

    def __init__(self, cfg: dict):
        self.cfg = cfg
        self.year: int | None = None

    def note(self, sentence: str) -> None:
        """Remember the period of a plan the sentence names with one ('发布《…行动计划（2023—2025年）》')."""
        found = PERIOD.search(sentence)
        if found and self.cfg["plan_noun_re"] is not None and self.cfg["plan_noun_re"].search(sentence, 0, found.start()):
            self.year = int(found.group(1))

    def year_for(self, sentence: str) -> int | None:
        """The period's end for a sentence referring back to the plan ('计划明确，…'), else None.

        >>> from pipelines.extract.chinese.vocabulary import rules
        >>> plan = PlanPeriod(rules())
        >>> plan.note("南京市发布《南京市元宇宙产业发展行动计划（2023—2025年）》。")
        >>> plan.year_for("计划明确，将建设5个产业集聚区。"), plan.year_for("同时，将设立基金。")
        (2025, None)
        """
        if self.year is None or self.cfg["plan_reference_re"] is None or not self.cfg["plan_reference_re"].search(sentence):
            return None
        return self.year


class LocatedPlaces:
    """Which of a sentence's places (in order) stand right after a location word (在, 于) or after another such place
    and a list joiner ('在江宁区、雨花台区等地'): places that name where, not who. Worked out once per sentence, so each
    figure asks about the places of its clause by bisection and a prefix count, not by reading them again.

    >>> from pipelines.extract.chinese.vocabulary import rules
    >>> body = "将在江宁区、雨花台区等地建设5个产业集聚区，江宁区将建设2个园区"
    >>> places = [Mention("jurisdiction", "Jiangning", "江宁区", 2, 5), Mention("jurisdiction", "Yuhuatai", "雨花台区", 6, 10),
    ...           Mention("jurisdiction", "Jiangning", "江宁区", 22, 25)]
    >>> located = LocatedPlaces(body, places, rules())
    >>> located.only(0, 15), located.only(22, 30), located.only(11, 15)
    (True, False, False)
    """

    def __init__(self, body: str, places: list[Mention], cfg: dict):
        words, joiner = tuple(cfg["location_words"]), cfg["shared_joiner_re"]
        self._places, self._starts = places, [p.char_start for p in places]
        self._not_located = [0]  # how many of the first k places are not located
        located = False
        for k, place in enumerate(places):
            located = body.endswith(words, 0, place.char_start) or (
                located and bool(joiner.fullmatch(body, places[k - 1].char_end, place.char_start)))
            self._not_located.append(self._not_located[-1] + (not located))

    def only(self, lo: int, hi: int) -> bool:
        """True when the places starting in [lo, hi) are one or more, and all located."""
        i, j = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return j > i and self._not_located[j] == self._not_located[i]

    def first_holder(self, lo: int, hi: int) -> str | None:
        """The first place starting in [lo, hi) that is not located, the sentence's subject before a clause naming
        where ('贵州省表示，将在贵阳建设…' is Guizhou's); None when there is none."""
        i = bisect_left(self._starts, lo)
        if i >= len(self._starts) or self._starts[i] >= hi or self._not_located[-1] == self._not_located[i]:
            return None  # no place in range, or none from i on is unlocated
        k = bisect_left(self._not_located, self._not_located[i] + 1) - 1  # the first unlocated place from i on
        return self._places[k].entity_name if self._starts[k] < hi else None


def is_section_heading(body: str, start: int, end: int) -> bool:
    """True for a sentence that is a whole short line not ended as a sentence: a section's heading.

    >>> body = "二、2024年主要目标任务\\n全年实施项目120个。"
    >>> is_section_heading(body, 0, 13), is_section_heading(body, 14, 25)
    (True, False)
    """
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    return (not body[line_start:start].strip() and not body[end:line_end].strip() and end - start <= HEADING_MAX_CHARS
            and not SENTENCE_CLOSE.search(body, start, end))


def plan_section_year(heading: str, published_at: datetime | None, cfg: dict) -> int | None:
    """The year a heading opens goals for: a year it names, not before the story's, beside a word of goals
    (list_lead_in_cues: 目标, 任务, 计划); None for any other heading (a review, the measures).

    >>> from pipelines.extract.chinese.vocabulary import rules
    >>> [plan_section_year(h, datetime(2024, 1, 30), rules()) for h in ("二、2024年主要目标任务", "一、2023年工作回顾", "三、保障措施")]
    [2024, None, None]
    """
    years = [int(y) for y in YEAR.findall(heading) if published_at is None or int(y) >= published_at.year]
    return years[0] if years and cfg["list_lead_in_cues_re"].search(heading) else None
