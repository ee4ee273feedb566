"""Quantified targets stated in Chinese: '力争到2025年元宇宙产业规模突破2500亿元', '设立50亿元产业基金', '培育100家企业'.

The vocabulary is the "chinese" section of pipelines/data/targets.json, compiled by chinese/vocabulary.py; Japanese
text is read the same way with the words of its "japanese" section in their place ('東京都は2030年までに100億円の基金を
設立する', '企業100社を育成'), and
Korean with its "korean" section ('서울시가 2026년까지 500억원을 투입한다', '기업 100개를 육성': korean/numbers.py reads 1조 2000억).
Metrics, units, the USD conversion (fx_rates.csv), owners (owners.find_owner), ranges (ranges.py) and the
one-target-per-figure rule are the English path's, so a Chinese story's targets land in the same columns as an
English one's; a figure stated for several places at once is one target per place (chinese/shared.py).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import datetime

from pipelines.extract.amounts import below_target_size, to_usd
from pipelines.extract.chinese.deadlines import chinese_year, past_year
from pipelines.extract.chinese.forecasts import forecaster_before
from pipelines.extract.chinese.levels import SentenceLevels, level_subject
from pipelines.extract.chinese.lists import listed_counts
from pipelines.extract.chinese.national import national_subject
from pipelines.extract.chinese.numbers import chinese_number, half_width, with_year_digits
from pipelines.extract.chinese.orgs import owns_no_place
from pipelines.extract.chinese.plan_context import LocatedPlaces, PlanPeriod, is_section_heading, plan_section_year
from pipelines.extract.chinese.places import HAN
from pipelines.extract.chinese.shared import shared_owners
from pipelines.extract.chinese.subjects import SentenceClauses, subject_clause_start, subject_holder
from pipelines.extract.chinese.vocabulary import CLAUSE_BREAK, SENTENCE_END, rules
from pipelines.extract.gazetteer import load_gazetteer
from pipelines.extract.korean.numbers import korean_number
from pipelines.extract.list_items import is_list_item
from pipelines.extract.owners import (StoryState, currency_owner, find_owner, first_subject, story_main,
                                      territory_of_currency)
from pipelines.extract.ranges import without_ranges
from pipelines.extract.sentence_scans import SentenceScans
from pipelines.extract.spans import DisjointSpans, Spans
from pipelines.records import Mention, Target

LATIN = re.compile(r"[A-Za-z]")


def mostly_han(text: str) -> bool:
    """True for a text written mostly in Han characters (more of them than Latin letters): read it as Chinese.

    >>> mostly_han("四川省发布计划 (Sichuan)"), mostly_han("Xiongan New Area (雄安新区) grows.")
    (True, False)
    """
    if text.isascii():
        return False
    han = len(HAN.findall(text))
    return han > 0 and han >= len(LATIN.findall(text))


def split_sentences(text: str, ends: re.Pattern = SENTENCE_END) -> list[tuple[int, int]]:
    """(start, end) of each sentence, ended by 。！？； or a line break (the mark stays with its sentence).

    >>> split_sentences("甲计划。乙将建设；丙")
    [(0, 4), (4, 9), (9, 10)]
    """
    out, start = [], 0
    for m in ends.finditer(text):
        end = m.end() if m.group()[0] not in "\n" else m.start()
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _value(num: str, scale: str | None, cfg: dict) -> float | None:
    """'1.5', '万亿' -> 1.5e12; '五千万', None -> 5e7; None for a run of numeral characters that is no numeral (十四五).

    >>> _value("1.5", "万亿", rules()), _value("两千", "亿", rules()), _value("十四五", None, rules())
    (1500000000000.0, 200000000000.0, None)
    """
    if cfg.get("number_pattern"):  # Korean: '1조 2000' with its scale 억 is one figure (korean/numbers.py)
        return korean_number(num + (scale or ""))
    number = float(num.replace(",", "")) if num[0].isdigit() else chinese_number(num)
    return None if number is None else float(number) * (cfg["scales"].get(scale, 1.0) if scale else 1.0)


def _figure(sentence: str, m: re.Match, cfg: dict) -> float | None:
    """The value of a matched figure; a unit written alone after a bound word is one of it (逾百亿元, 近千家, 上百家).

    >>> [_figure(s, rules()["count_re"].search(s), rules()) for s in ("培育近千家企业", "培育千家企业")]
    [1000.0, None]
    """
    num = m.group("num")
    if not num[0].isdigit() and chinese_number(num) is None and sentence.endswith(cfg["approximate_before"], 0, m.start("num")):
        num = "一" + num  # 百亿 after 逾 is 一百亿; a unit alone elsewhere (千万 'by all means', 百亿级) stays unread
    return _value(num, m.group("scale"), cfg)


def find_amounts(sentence: str, cfg: dict, scans: SentenceScans | None = None) -> list[dict]:
    """Money and counted amounts in a sentence (digits half-width: see half_width), with spans relative to it;
    `scans`, the sentence's (sentence_scans.py), is made when not given.

    >>> [(a["value"], a["unit"]) for a in find_amounts("设立50亿元基金，培育一百家企业，引进人才1万名", rules())]
    [(5000000000.0, 'CNY'), (100.0, 'count'), (10000.0, 'count')]
    """
    scans = scans or SentenceScans(sentence, cfg, CLAUSE_BREAK)
    found: list[dict] = []
    taken = DisjointSpans()  # the spans of `found`: a figure overlapping one is part of it
    free = taken.is_free

    def keep(amount: dict) -> None:
        found.append(amount)
        taken.add(amount["start"], amount["end"])

    for m in cfg["money_re"].finditer(sentence):
        clash = cfg["currency_clashes"].get(m.group("cur"))
        if clash and sentence.startswith(clash, m.end()):
            continue  # '新元宇宙': 新 + 元宇宙, no Singapore dollars
        pre = m.group("pre") if m.group("cur") in cfg["currency_units"] else None  # 元 is then the unit of that currency
        amount = {"start": m.start() if pre else m.start("num"), "end": m.end(),
                  "unit": cfg["currencies"][pre or m.group("cur")], "local": m.group("cur") in cfg["currency_units"] and not pre,
                  "value": _figure(sentence, m, cfg), "usd": None, "stated": False}
        usd = cfg["usd_after_re"].match(sentence, m.end())
        usd_value = _value(usd.group("num"), usd.group("scale"), cfg) if usd else None
        if usd_value is not None and amount["unit"] != "USD":
            amount.update(end=usd.end(), usd=usd_value, stated=True)
        elif cfg["converted_after_re"] and (converted := cfg["converted_after_re"].match(sentence, m.end())):
            amount["end"] = converted.end()  # the bracket is the same sum: no figure of its own
        if amount["value"] is not None and free(amount["start"], amount["end"]):
            keep(amount)
    for m in cfg["bare_re"].finditer(sentence):
        value = _figure(sentence, m, cfg)
        if value is not None and free(m.start(), m.end()) and _metric(scans, m.start(), m.end(), before_only=True, clause_only=True):
            keep({"start": m.start(), "end": m.end(), "unit": "CNY", "local": True, "value": value, "usd": None,
                  "stated": False})
    for m in [*cfg["count_re"].finditer(sentence), *cfg["count_after_noun_re"].finditer(sentence)]:
        value = _figure(sentence, m, cfg)
        if value is not None and "bound" in m.re.groupindex and m.group("bound"):
            _drop_inside(found, taken, m.start("bound"), m.end("bound"))  # '超百亿元' qualifies each firm counted
        if value is None or not free(m.start(), m.end()):
            continue
        metric = cfg["count_noun"][m.group("noun")] if m.group("noun") else cfg["self_naming_classifiers"][m.group("cls")]
        keep({"start": m.start(), "end": m.end(), "unit": "count", "value": value, "usd": None, "stated": False,
              "metric": metric})
        nxt = cfg["count_change_re"].match(sentence, m.end())
        to_value = _figure(sentence, nxt, cfg) if nxt else None
        if to_value is not None and free(nxt.start("num"), nxt.end("cls")):  # '企业由50家增至150家': 150 companies
            joiner = sentence[m.end():nxt.start("num")].strip()
            bound = joiner in cfg["range_joiners"] or joiner in cfg["range_change_after"]  # ranges.py reads those
            if not bound or set(m.group()) & set("".join(cfg["range_change_openers"])):
                dropped = found.pop()  # '从50家', '由50家': where the count starts, not a goal ('50家到100家': ranges.py)
                taken.remove(dropped["start"], dropped["end"])
            keep({"start": nxt.start("num"), "end": nxt.end("cls"), "unit": "count", "value": to_value,
                  "usd": None, "stated": False, "metric": metric})
        for listed in listed_counts(sentence, m, cfg):  # '100家、50家和30家企业': the same things counted
            value = _figure(sentence, listed, cfg)
            if value is not None and free(listed.start("num"), listed.end("cls")):
                keep({"start": listed.start("num"), "end": listed.end("cls"), "unit": "count", "value": value,
                      "usd": None, "stated": False, "metric": metric})
    return without_ranges(sentence, sorted(found, key=lambda a: a["start"]), cfg["range_words"])


def _drop_inside(found: list[dict], taken: DisjointSpans, start: int, end: int) -> None:
    """Drop the figures lying within [start, end) (a count's modifier: '10家以上营收超百亿元的企业'), from `found` and
    from the spans `taken` holds."""
    for a in [a for a in found if start <= a["start"] and a["end"] <= end]:
        found.remove(a)
        taken.remove(a["start"], a["end"])


def _metric(scans: SentenceScans, start: int, end: int, before_only: bool = False, clause_only: bool = False) -> str | None:
    """fund_size, industry_size or investment: the last metric word after the amount in its clause
    ('50亿元元宇宙产业基金' is a fund), else the nearest before it in its clause ('产业规模突破2500亿元'),
    then in its sentence; None when there is none (`before_only`, `clause_only`: only words before it, in its clause).
    A figure listed before others takes the words after the list ('100亿元、50亿元和30亿元元宇宙基金' are three funds);
    words after a purpose verb ('投入100亿元发展元宇宙产业') name what the sum is for, not the sum; a verb inside a
    fund's name ('10亿元企业发展基金') is none.

    Each metric's words are looked up in the sentence's one scan of them (`scans`, sentence_scans.py): the last
    word of a range is found by bisection, however many figures the clause holds.

    >>> _metric(SentenceScans("分别设立100亿元、50亿元元宇宙基金", rules(), CLAUSE_BREAK), 4, 10)
    'fund_size'
    """
    cfg = scans.cfg
    c_start, c_end = scans.clause(start, scans.list_end(cfg["money_list_next_re"], end))
    purpose = scans.first(cfg["purpose_re"], end, c_end) if cfg["purpose_re"] else None
    if not before_only:  # words after a purpose verb name what the sum is for ('投入100亿元发展产业'), not the sum
        after_end = purpose.start() if purpose else c_end
        after = [(m.start(), metric) for metric, rx in cfg["metric_res"] if (m := scans.last(rx, end, after_end))]
        if after:
            return max(after)[1]
    for s in (c_start,) if clause_only else (c_start, 0):
        before = [(m.end(), metric) for metric, rx in cfg["metric_res"] if (m := scans.last(rx, s, start))]
        if before:
            return max(before)[1]
    return None


def _rejected(scans: SentenceScans, a: dict, published_at: datetime | None) -> bool:
    """A statistic, a past figure, an analyst's estimate, a company result or a per-firm ceiling, not a target.
    All but the threshold test read the figure's clause alone, so they are worked out once per clause."""
    c_start, c_end = scans.clause(a["start"], a["end"])
    stated, per_unit, forecast, past_before, fund_set_up = scans.kept(
        ("rejected", c_start, c_end), lambda: _clause_verdicts(scans, c_start, c_end, published_at))
    if stated and not (fund_set_up and a["unit"] != "count"):
        return True
    if a["unit"] != "count" and per_unit:
        return True  # a grant's ceiling for each firm or project ('每家企业最高奖励500万元'), not a total
    if a["unit"] != "count" and _threshold(scans.text, a, scans.cfg):
        return True  # the size that qualifies each firm or project ('营收超亿元企业30家'), not a total
    return forecast or past_before


def _part_of_earlier(scans: SentenceScans, a: dict, before: int) -> bool:
    """True for a sum whose clause opens with a word of a part (component_openers: 其中, 首期) after a figure of an
    earlier clause (ending at `before`): a share or first tranche of that figure, not a target of its own."""
    c_start, _ = scans.clause(a["start"], a["end"])
    return before <= c_start and bool(scans.cfg["component_openers_re"].match(scans.text, c_start))


def _clause_verdicts(scans: SentenceScans, c_start: int, c_end: int,
                     published_at: datetime | None) -> tuple[bool, bool, bool, bool, bool]:
    """For the clause text[c_start:c_end]: (it states a statistic or a past figure, it names a per-firm ceiling, a
    forecaster named before it gives its figure and the clause plans nothing, what stands before it dates the sentence
    in the past and the clause commits to nothing, it says a fund was already set up: '已设立50亿元的基金' is a fund
    set up, a target, as 'has set up a 10 billion yuan fund' is on the English path; done_words are its only cues)."""
    cfg, sentence = scans.cfg, scans.text
    clause = sentence[c_start:c_end]
    cues = {m.group() for m in cfg["not_target_cues_re"].finditer(clause)}
    committed = bool(scans.first(cfg["commitment_cues_re"], 0, c_end))  # 力争到2025年累计培育: a total to reach
    stated = bool(cues - cfg["soft_not_target"] or (cues and not committed) or past_year(clause, published_at, cfg))
    per_unit = bool(cfg["per_unit_cues_re"].search(clause))
    # '据IDC预测，…市场规模将达到1.5万亿元': the forecaster's figure, whatever 将 follows
    forecast = forecaster_before(scans, c_start) and not cfg["planned_commitment_cues_re"].search(clause)
    # a past word before the clause dates it, unless a commitment follows that word: '郑州市去年出台的规划提出，到2025年，
    # 全市…突破200亿元' is the plan's goal (到2025年 after 去年), '去年，全市…达到100亿元' a result
    marker = scans.last(cfg["not_target_cues_re"], 0, c_start)
    past_before = past_year(sentence[:c_start], published_at, cfg) or (
        marker is not None and not scans.first(cfg["commitment_cues_re"], marker.end(), c_start))
    fund_set_up = bool(cues) and cues <= cfg["done_words"] and bool(cfg["fund_set_up_re"].search(clause)) \
        and bool(cfg["fund_re"].search(clause))
    return stated, per_unit, forecast, past_before and not cfg["commitment_cues_re"].search(clause), fund_set_up


def _threshold(sentence: str, a: dict, cfg: dict) -> bool:
    """True for a sum qualifying each firm or project ('10亿元以上项目', '超亿元企业'), not a total to reach.

    >>> _threshold("营收超亿元企业30家", {"start": 3, "end": 5}, rules()), _threshold("设立10亿元企业发展基金", {"start": 2, "end": 6}, rules())
    (True, False)
    """
    if cfg["threshold_after_re"].match(sentence, a["end"]):
        return True
    return bool(cfg["threshold_over_re"].search(sentence, max(0, a["start"] - 3), a["start"])
                and cfg["threshold_bare_after_re"].match(sentence, a["end"]))


def _tranche_metric(sentence: str, a: dict, metric: str, cfg: dict) -> str | None:
    """The metric of a sum stated as a tranche's size in its clause ('设立总规模100亿元的基金，首期规模20亿元'):
    fund_size when the sentence names a fund, None (no target) when it names none; `metric` for any other figure, as
    its size word (规模) would make it an industry's size.

    >>> [_tranche_metric(s, {"start": s.index("20"), "unit": "CNY"}, "industry_size", rules()) for s in (
    ...     "设立100亿元基金，首期规模20亿元", "项目首期规模20亿元", "产业规模20亿元", "首期规模20亿元的基金由市里设立",
    ...     "首期规模10亿元，产业规模20亿元")]
    ['fund_size', None, 'industry_size', 'fund_size', 'industry_size']
    """
    clause = max(sentence.rfind(mark, 0, a["start"]) for mark in "，,；;") + 1  # the tranche word of this figure's clause
    tranche = cfg["tranche_size_re"].search(sentence, clause, a["start"]) if a["unit"] != "count" else None
    if tranche is None:
        return metric
    return "fund_size" if cfg["fund_re"].search(sentence) else None  # a fund named before it, or after ('首期规模10亿元的基金')


def _owner_and_unit(story: StoryState, span: tuple[int, int], pos: int, end: int, amount: dict, before: int | None,
                    cfg: dict, subject: str | None = None) -> tuple[str | None, str]:
    """Who sets a figure, and its unit. A figure in 元 with no currency written before it is the owner's own yuan:
    Taiwan's dollar in a story about Taipei, Hong Kong's or Macau's in theirs (local_yuan), else the renminbi, whose
    home then owns a figure a foreign place was named beside, as on the English path. `subject`, the place a level
    word names ('全省将…': chinese/levels.py), stands in for the place the clause would give."""
    if not amount.get("local"):
        if subject:
            return currency_owner(subject, amount["unit"], pos, story), amount["unit"]
        return find_owner(story, span, pos, end, amount["unit"], story.prev_subject, before), amount["unit"]
    owner = subject or find_owner(story, span, pos, end, "", story.prev_subject, before)  # no currency moves the owner yet
    local = _local_yuan(owner, amount, cfg)
    return (owner, local) if local else (currency_owner(owner, amount["unit"], pos, story), amount["unit"])


def _local_yuan(owner: str | None, amount: dict, cfg: dict) -> str | None:
    """The place's own dollar for a figure in 元 with no currency before it (Taiwan's, Hong Kong's, Macau's), else None."""
    if not amount.get("local"):
        return None
    return next((cfg["local_yuan"][p.name] for p in load_gazetteer().ancestors(owner) if p.name in cfg["local_yuan"]), None)


def extract_chinese_targets(body: str, published_at: datetime | None, mentions: list[Mention],
                            places: list[Mention] | None = None, title: str | None = None,
                            language: str = "chinese") -> list[Target]:
    """Targets stated in a Chinese body (a Japanese or Korean one by `language`'s own words: 100億円, 100社; 500억원, 100개):
    an amount in a sentence with a target cue and no statistic cue.

    >>> [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year) for t in extract_chinese_targets(
    ...     "四川省力争到2025年元宇宙产业规模突破2500亿元。", None,
    ...     [Mention("jurisdiction", "Sichuan", "四川省", 0, 3)])]
    [('Sichuan', 'industry_size', 250000000000.0, 'CNY', 2025)]
    """
    from pipelines.extract.targets import dedupe_targets, previous_amount_end

    cfg = rules(language)
    # every place of the body, those inside a government body's name too (成都市人民政府 sets Chengdu's targets), but
    # not a company's or a university's: 中国银行's fund is the bank's, as 'Bank of China' owns no place's target on
    # the English path, and 上海交通大学's is the university's
    firms = Spans((m.char_start, m.char_end) for m in mentions if owns_no_place(m))
    jur = sorted((m for m in (places if places is not None else (m for m in mentions if m.entity_type == "jurisdiction"))
                  if not firms.holds(m.char_start, m.char_end)), key=lambda m: m.char_start)
    names = [m for m in mentions if m.entity_type in ("company", "organization")]
    by_start = sorted(names, key=lambda m: m.char_start)  # each sentence takes its names by bisection
    name_starts = [m.char_start for m in by_start]
    main = story_main(jur, title)
    story = StoryState(body, jur, main, published_at, prev_subject=main, title=title or "")
    title_year = chinese_year(with_year_digits(half_width(title or "")), published_at, cfg)
    # the patterns read full-width digits (２０２５年) and years in Chinese digits (二〇二五年) as ASCII; offsets are the body's
    text = with_year_digits(half_width(body))
    earlier_year, last_end = title_year, 0  # the headline's year, then the last one stated earlier in the paragraph
    lead_in, lead_year = False, None  # reading the items of a list of goals (list_items.py), and its year
    past_list = False  # reading the items of a list under a past year's heading ('2023年工作亮点：'): results, no goals
    past_joined = False  # the sentence before ended in ；and was dated in a past year: this one goes on with its results
    section_year = None  # the year of the plan section being read ('二、2024年主要目标任务'): its sentences state goals
    out: list[Target] = []
    plan = PlanPeriod(cfg)  # the period of the plan the story names: its later sentences' year (plan_context.py)
    for s, e in split_sentences(text, cfg["sentence_end_re"]):
        sentence = text[s:e]
        if "\n" in body[last_end:s]:
            earlier_year = title_year
        last_end = e
        scans = SentenceScans(sentence, cfg, CLAUSE_BREAK)
        amounts = find_amounts(sentence, cfg, scans)
        in_sentence = story.places_in(s, e)
        year = chinese_year(sentence, published_at, cfg)
        item = lead_in and is_list_item(body, s, e)  # '（一）元宇宙产业规模400亿元' under '主要目标如下：'
        reported = past_list and is_list_item(body, s, e)  # '1、引进企业120家' under '2023年工作亮点：'
        # '2023年，全区地区生产总值达到1620亿元；数字经济核心产业营业收入突破800亿元。': the second half is 2023's too
        reported = reported or (past_joined and year is None and not cfg["commitment_cues_re"].search(sentence))
        heading = is_section_heading(body, s, e)
        if heading:  # a work report's section: '二、2024年主要目标任务' opens goals, '一、2023年工作回顾' closes them
            section_year = plan_section_year(sentence, published_at, cfg)
        planned = section_year is not None and not heading  # '全年实施重点项目120个，完成投资450亿元' under it
        located = LocatedPlaces(body, in_sentence, cfg)  # '将在江宁区…建设': where, not who
        if amounts and not reported and (item or planned or cfg["target_cues_re"].search(sentence)):
            figures = [(s + f["start"], s + f["end"]) for f in amounts]
            ends = sorted(f["end"] for f in amounts)
            in_names = by_start[bisect_left(name_starts, s):bisect_left(name_starts, e)]
            clauses = SentenceClauses(body, s, e, in_names, in_sentence)
            levels = SentenceLevels(body, s, e, cfg)  # '全省将培育…': the province's figures
            for a in amounts:
                if _rejected(scans, a, published_at) or below_target_size(a, cfg):
                    continue
                metric = a.get("metric") or _metric(scans, a["start"], a["end"]) or "investment"
                metric = _tranche_metric(sentence, a, metric, cfg)
                if metric is None:
                    continue  # the first tranche of something the sentence names no fund for
                before = previous_amount_end(a, ends)  # a place named after the previous figure owns this one
                if before is not None and a["unit"] != "count" and _part_of_earlier(scans, a, before):
                    continue  # '…基金，首期规模10亿元': the first tranche of the fund just stated
                subject_from = subject_clause_start(body, s, s + a["start"], in_sentence, clauses)  # past 继…之后, 与…相比
                national = national_subject(story, body, clauses, s + a["start"], names, cfg)  # '商务部…': the country
                if national is not None and national.kind == "company":
                    continue  # a firm's department ('某某集团投资部表示，将…'): the firm's own plan, no target
                national = national.owner if national else None
                owner, unit = _owner_and_unit(story, (subject_from, e), s + a["start"], s + a["end"], a,
                                              None if before is None else s + before, cfg,
                                              national or level_subject(story, levels, s + a["start"], cfg)
                                              or (located.first_holder(s, subject_from) or story.prev_subject
                                                  if located.only(subject_from, s + a["start"]) else None))
                if owner is None and cfg["national_re"] and cfg["national_re"].search(sentence):
                    owner = cfg["national_owner"]  # 政府は with no place named: the country whose language the story is in
                owner = owner or territory_of_currency(unit)  # 政府將撥款5000萬港元 with no place named: Hong Kong's
                due = year if year is not None else lead_year if item else section_year if planned else earlier_year
                if year is None and not item and earlier_year == title_year:
                    due = plan.year_for(sentence) or due  # '计划明确，将建设5个…' after '《…计划（2023—2025年）》
                holders = [owner] if national else shared_owners(body, in_sentence, (s + a["start"], s + a["end"]), figures,
                                                                 owner, scans)
                holder = subject_holder(body, s, s + a["start"], names, in_sentence, cfg, clauses)
                if holder is not None and holder.kind == "company":
                    continue  # a company's own plan ('腾讯计划在成都投资…'): no target (CONTRACT.md), as on the English path
                if holder is not None:  # a known body's: its home's
                    owner, holders = holder.owner, [holder.owner]
                for holder_no, holder in enumerate(holders):
                    held_in = unit if holder == owner else _local_yuan(holder, a, cfg) or a["unit"]
                    usd = a["usd"] if a["stated"] else to_usd(a["value"], held_in, cfg) if held_in != "count" else None
                    out.append(Target(holder, metric, a["value"], held_in, usd, None if held_in == "count" else a["stated"],
                                      due, body[s:e], s, e,
                                      {"amount_text": body[s + a["start"]:s + a["end"]], "amount_start": s + a["start"],
                                       "amount_end": s + a["end"], "year_is_stated": (year is not None) if due is not None else None,
                                       "holder_no": holder_no}))
        earlier_year = year if year is not None else earlier_year
        plan.note(sentence)
        if in_sentence:  # a sentence naming places only as where or whom a plan helps ('支持苏州工业园区建设…') leaves
            if not located.only(s, e):  # the subject as it was: the city's
                story.prev_subject = first_subject(in_sentence, body)
        elif level := level_subject(story, SentenceLevels(body, s, e, cfg), e, cfg):
            story.prev_subject = level  # '全省将…。还将…': the next sentence's subject is still the province
        if re.search(r"[：:]$", sentence) and cfg["list_lead_in_cues_re"].search(sentence):
            lead_in, lead_year = True, year if year is not None else earlier_year
        else:
            lead_in = lead_in and item
        past_list = bool(re.search(r"[：:]$", sentence) and past_year(sentence, published_at, cfg)) or reported
        past_joined = bool(re.search(r"[；;]$", sentence)) and (reported or past_year(sentence, published_at, cfg))
    return dedupe_targets(out)
