"""The vocabulary of Chinese, Japanese and Korean targets compiled once: the words of targets.json's "chinese" section
with their traditional forms, or a "japanese" or "korean" section's words in their place, and the patterns built from
them (figures, counts, ranges, clause and sentence marks) that chinese/targets.py and its helpers read.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipelines.extract.chinese.levels import level_subject_re
from pipelines.extract.chinese.national import national_body_re
from pipelines.extract.chinese.numbers import numeral_pattern
from pipelines.extract.chinese.subjects import KATAKANA_NAME, subject_re
from pipelines.extract.chinese.traditional import with_traditional
from pipelines.extract.ranges import RangeWords
from pipelines.extract.target_rules import target_rules, word_alternation as _alt

NUM = rf"\d+(?:,\d{{3}})*(?:\.\d+)?|{numeral_pattern()}"  # 2,500 or 1.5; a Chinese numeral (一百, 两千), read by _value
SENTENCE_END = re.compile(r"[。！？；!?;]+|\n+")
CLAUSE_BREAK = re.compile(r"[，,、：:]")


def _figure_start(not_after: str) -> str:
    """Where a figure searched for may start: not inside a run of digits, but at its first digit, or at its second when
    one of `not_after` stands before the first (where NUM searched from every position started: no other start inside
    a run can match first). A search trying NUM from each digit of a long run read the rest of the run each time:
    quadratic: a story holding a run of 20,000 digits took 100 s to extract."""
    return rf"(?:(?!\d)|(?<!\d)|(?<={not_after}\d))"


@lru_cache(maxsize=3)
def rules(language: str = "chinese") -> dict:
    """The Chinese vocabulary of targets.json with its traditional forms (億元, 萬億) and its patterns compiled, and
    the shared fx table; for "japanese" or "korean", the words of that section in place of the Chinese ones (円, 社, 目標;
    원, 개, 목표), its own figure shape (number_pattern), sentence ends and count gap where it writes them."""
    base = target_rules()
    cfg = with_traditional(base["chinese"] if language == "chinese" else {**base["chinese"], **base[language]})
    num, cfg["sentence_end_re"] = cfg.get("number_pattern") or NUM, re.compile(cfg.get("sentence_end") or SENTENCE_END.pattern)
    cfg["fx"] = base["fx"]
    cfg["min_target_usd"], cfg["min_target_usd_in_millions"] = base["min_target_usd"], base["min_target_usd_in_millions"]
    scale = rf"(?P<scale>{_alt(cfg['scales'])})?"
    # Han and kana between a count and its noun (100社の企業), and whole Latin words (10个Web3产业园, 100家AI企业): a
    # word is read whole ((?![A-Za-z0-9]) after it), so a long run of letters is tried one way, not split many ways
    gap = cfg.get("count_gap_pattern") or rf"(?:[\u3041-\u30ff\u4e00-\u9fff]|[A-Za-z][A-Za-z0-9]{{0,9}}(?![A-Za-z0-9])){{0,{cfg['count_gap']}}}?"
    not_after = f"[{''.join(cfg['numeral_not_after'])}]"  # 数十亿 is 'several billion', no figure
    start = _figure_start(not_after)
    before = _alt(w for w in cfg["currencies"] if w not in cfg["currency_units"])  # 新台幣 in 新台幣100億元
    odd = f"(?:{_alt(cfg['approximate_after'])})?"  # 十余家, 100多亿元: the figure as written
    cfg["money_re"] = re.compile(
        rf"(?:(?P<pre>{before})\s*)?(?<!{not_after}){start}(?P<num>{num})\s*{odd}{scale}{odd}\s*(?P<cur>{_alt(cfg['currencies'])})")
    cfg["bare_re"] = re.compile(
        rf"(?<!{not_after}){start}(?P<num>{num})\s*{odd}(?P<scale>{_alt(cfg['bare_scales'])}){odd}(?![\u4e00-\u9fff\d])")
    nouns = {n: m for m, ns in cfg["count_metrics"] for n in ns}
    cfg["count_noun"] = nouns
    count = rf"(?P<num>{num})\s*{odd}(?P<scale>{_alt(cfg['count_scales'])})?{odd}\s*(?P<cls>{_alt(cfg['classifiers'])})"
    counted = rf"(?!{odd}(?:{_alt(cfg['not_counted'])}))"  # 3个多月 is a span of months
    # a size bound then a modifier ending in 的 may stand before the gap ('10家以上营收超百亿元的元宇宙龙头企业')
    bound = rf"(?P<bound>(?:{_alt(cfg['count_bound_modifiers'])})[\u4e00-\u9fff\d.]{{1,12}}?的)?"
    named = "|".join(f"(?<={re.escape(c)})" for c in cfg.get("self_naming_classifiers", ())) or "(?!)"  # Korean 100개사
    cfg["count_re"] = re.compile(rf"(?<!{not_after}){start}{count}{counted}{bound}(?:{gap}(?P<noun>{_alt(nouns)})|{named})")
    cfg["count_after_noun_re"] = re.compile(  # the noun first: '培育企业100家', '引进人才1万名', '企业数量达到100家'
        rf"(?P<noun>{_alt(nouns)})(?:{_alt(cfg['count_links'])}){{0,2}}\s*(?<!{not_after}){count}{counted}")
    cfg["count_change_re"] = re.compile(  # '从50家增加到150家': the figure the count goes to, its noun written once
        rf"\s*(?:{_alt(cfg['count_changes'])})\s*(?<!{not_after}){count}{counted}")
    list_join = rf"\s*(?:{_alt(cfg['figure_list_joiners'])})\s*"  # '100家、50家和30家企业' (chinese/lists.py)
    cfg["count_list_before_re"] = re.compile(rf"(?<![\d.,]|{not_after}){count}{list_join}$")
    cfg["count_list_after_re"] = re.compile(rf"{list_join}(?<!{not_after}){count}{counted}")
    cfg["money_list_next_re"] = re.compile(  # '、50亿元' after '100亿元': the next figure of a list of sums
        rf"{list_join}(?<!{not_after})(?:{num})\s*{odd}(?:{_alt(cfg['scales'])})?{odd}\s*(?:{_alt(cfg['currencies'])})")
    cfg["approximate_before"] = tuple(cfg["approximate_before"])
    cfg["range_words"] = RangeWords(  # pipelines/extract/ranges.py
        before=re.compile(  # '100-', '100亿元至', '10家至', '从100亿元到' before a figure
            rf"(?:(?P<open>{_alt(cfg['range_change_openers'])})\s*)?(?<![\d.,])(?:{num})\s*{odd}(?:{_alt(cfg['scales'])})?{odd}\s*"
            rf"(?:{_alt(cfg['currencies'])}|{_alt(cfg['classifiers'])})?\s*(?P<join>{_alt(cfg['range_joiners'])})\s*$"),
        change_openers=frozenset(cfg["range_change_openers"]),
        level_before=re.compile(  # '从', '由', '从2023年的' before a figure a change starts from
            rf"(?:{_alt(cfg['range_change_openers'])})(?:\s*(?:19|20)\d\d\s*年[底末]?的?)?\s*$"),
        level_after=re.compile(rf"\s*(?:{_alt(cfg['range_change_after'])})") if cfg["range_change_after"] else None,
        reached_after=re.compile(rf"\s*(?:{_alt(cfg['range_reached_after'])})") if cfg["range_reached_after"] else None)
    # the most characters one attempt of each pattern a sentence's figures look up reads (sentence_scans.py)
    cfg["reach"] = reach = {CLAUSE_BREAK: 1}
    for key in ("target_cues", "not_target_cues", "commitment_cues", "per_unit_cues", "list_lead_in_cues",
                "planned_commitment_cues"):
        cfg[key + "_re"] = re.compile(_alt(cfg[key]))
        reach[cfg[key + "_re"]] = max(map(len, cfg[key]))
    if cfg.get("per_unit_pattern"):  # Korean: '최대 5억 원' is a cap, '최대 규모' ('the largest') none
        cfg["per_unit_cues_re"] = re.compile(cfg["per_unit_pattern"])
    cfg["component_openers_re"] = re.compile(rf"\s*(?:{_alt(cfg['component_openers'])})")  # _part_of_earlier
    told, breaks = _alt(cfg["forecast_source_verbs"] + cfg["forecast_source_nouns"]), cfg["forecast_source_breaks"]
    cfg["forecast_source_re"] = re.compile(  # a forecaster named as a source: '据IDC预测', '研究机构预测', '报告显示，'
        rf"(?:^|[{breaks}。；;])\s*(?:{_alt(cfg['forecast_source_openers'])})[^{breaks}。；;]{{0,20}}?(?:{told})"  # not 大数据
        rf"|(?:{told})[^{breaks}。；;]{{0,8}}?(?:{_alt(cfg['forecast_source_links'])})|(?:{_alt(cfg['forecast_source_verbs'])})\s*[{breaks}]"
        + (rf"|(?:{_alt(cfg['unnamed_forecaster_nouns'])})[^{breaks}。；;]{{0,4}}?(?:{_alt(cfg['unnamed_forecaster_verbs'])})"
           if cfg["unnamed_forecaster_nouns"] else ""))  # '分析人士预计，', '業界人士預估，': an unnamed forecaster's estimate
    cfg["metric_res"] = [(metric, re.compile(_alt(words))) for metric, words in cfg["money_metrics"]]
    cfg["fund_re"] = dict(cfg["metric_res"])["fund_size"]  # a fund's words: tranches and funds already set up (targets.py)
    reach.update((rx, max(map(len, words))) for (_, rx), (_, words) in zip(cfg["metric_res"], cfg["money_metrics"]))
    cfg["deadline_res"] = [re.compile(p) for p in cfg["deadline_patterns"]]
    cfg["range_re"] = re.compile(cfg["range_pattern"])
    cfg["relative_year_res"] = [re.compile(p) for p in cfg["relative_year_patterns"]]
    cfg["soft_not_target"] = frozenset(cfg["soft_not_target_cues"])
    cfg["done_words"] = frozenset(cfg["done_words"])  # _clause_verdicts: a fund already set up
    cfg["fund_set_up_re"] = re.compile(_alt(cfg["fund_set_up_cues"])) if cfg["fund_set_up_cues"] else re.compile(r"(?!)")
    money_words = _alt(w for _, words in cfg["money_metrics"] for w in words)
    cfg["purpose_re"] = re.compile(  # a verb not naming a kind of money ('企业发展基金' is a fund's name)
        rf"(?:{_alt(cfg['purpose_verbs'])})(?!{money_words})") if cfg["purpose_verbs"] else None
    if cfg["purpose_re"]:  # the verb, then the money word its lookahead reads
        reach[cfg["purpose_re"]] = max(map(len, cfg["purpose_verbs"])) + max(len(w) for _, ws in cfg["money_metrics"] for w in ws)
    nouns = rf"[的の]?\s*(?:{_alt(cfg['threshold_nouns'])})"  # '10亿元以上的项目', '100億円以上の企業'
    cfg["threshold_after_re"] = re.compile(  # '以上元宇宙项目': a few words may stand before the noun
        rf"\s*(?:{_alt(cfg['threshold_links'])})\s*[的の]?[\u3041-\u30ff\u4e00-\u9fff]{{0,6}}?{nouns}")
    cfg["threshold_bare_after_re"] = re.compile(  # after 超: '超亿元企业', '营收超百亿元的元宇宙龙头企业'
        rf"\s*(?:[的の][\u3041-\u30ff\u4e00-\u9fff]{{0,6}}?)?{nouns}")
    cfg["threshold_over_re"] = re.compile(rf"(?:{_alt(cfg['threshold_over'])})\s*$")
    cfg["period_re"] = re.compile(_alt(cfg["plan_periods"]))
    cfg["tranche_size_re"] = re.compile(  # '首期规模', '首期募集规模为' right before a figure: a tranche's size
        rf"(?:{_alt(cfg['tranche_words'])})[\u4e00-\u9fff]{{0,2}}?(?:{_alt(cfg['tranche_size_words'])})[^，,。；;]{{0,3}}$")
    usd_in_brackets = rf"\s*[（(]\s*(?:{_alt(cfg['usd_in_brackets'])})?\s*"
    cfg["converted_after_re"] = re.compile(  # '5억 달러(약 6500억 원)': the same sum in the local currency (Korean)
        usd_in_brackets + rf"(?:{num})\s*(?:{_alt(cfg['scales'])})?\s*(?:{_alt(cfg['currencies'])})\s*[）)]") if cfg.get(
        "conversions_in_brackets") else None
    cfg["usd_after_re"] = re.compile(
        usd_in_brackets + rf"(?<!{not_after})(?P<num>{num})\s*{scale}\s*(?:{_alt(cfg['usd_words'])})\s*[）)]")
    cfg["national_re"] = re.compile(_alt(cfg["national_subjects"])) if cfg.get("national_subjects") else None
    cfg["shared_joiner_re"] = re.compile(rf"\s*(?:{_alt(cfg['shared_joiners'])})\s*")
    cfg["shared_cue_re"] = re.compile(_alt(cfg["shared_cues"]))
    cfg["shared_not_re"] = re.compile(_alt(cfg["shared_not_words"]))
    reach[cfg["shared_cue_re"]], reach[cfg["shared_not_re"]] = max(map(len, cfg["shared_cues"])), max(map(len, cfg["shared_not_words"]))
    cfg["shared_other_subject_re"] = re.compile(  # '三个项目', '多家企业' between the places and 均
        rf"(?:(?!\d)|(?<!\d))(?:{num}|[多几数各诸])\s*(?:{_alt(cfg['shared_other_subject_classifiers'])})")
    cfg["plan_noun_re"] = re.compile(_alt(cfg["plan_nouns"])) if cfg["plan_nouns"] else None  # plan_context.py
    cfg["plan_reference_re"] = re.compile(_alt(cfg["plan_reference_cues"])) if cfg["plan_reference_cues"] else None
    cfg["level_subject_re"] = level_subject_re(cfg)  # '全省将培育…': chinese/levels.py
    cfg["national_body_re"] = national_body_re(cfg)  # '商务部日前印发…': chinese/national.py
    cfg["subject_re"] = subject_re(cfg)  # a company suffix and a plan word after a clause's first name
    # a katakana name no list knows (Japanese) or a firm's name by its ending (Korean 삼성전자) opening the clause
    name = cfg.get("company_name_pattern") or (KATAKANA_NAME if cfg.get("katakana_name_subjects") else None)
    cfg["name_subject"] = re.compile(rf"\s*(?:{name})" + cfg["subject_re"].pattern) if name else None
    return cfg
