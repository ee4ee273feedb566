"""Cue lists and compiled patterns of the target extractor, read from pipelines/data/targets.json and fx_rates.csv."""
from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path

from pipelines.extract.match_index import pattern_reach
from pipelines.extract.ranges import RangeWords

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# (a company's legal form 'Co.', 'Inc.', 'Ltd.' ends no clause: 'Lakeview Technology Co., Ltd. will invest …')
CLAUSE_BREAK = re.compile(r";|,\s(?:and|while|whereas|but)\s|\swhile\s|(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCorp)(?<!\bPlc)\.\s")


def word_alternation(words) -> str:
    """Regex alternation of words, longest first, so a longer word wins over a word it starts with."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _starts(words, more: str = "") -> str:
    """Lookahead for the characters the words can start with: a pattern then skips other positions at once."""
    if not all(words):
        return ""  # an empty word can match anywhere
    return "(?=[" + more + re.escape("".join(sorted({w[0] for w in words}))) + "])"


def _words(words) -> str:
    """Alternation of words, longest first, behind a lookahead for their first characters."""
    return f"{_starts(words)}(?:{word_alternation(words)})"


def _in_order(words) -> str:
    """Regex alternation of words in the order the data file lists them."""
    return "|".join(re.escape(w) for w in words)


def _demonym_plurals() -> list[str]:
    """A country's people by its adjective in the plural ('Saudis', 'Emiratis', 'Nigerians'), from the country adjectives
    of jurisdictions.json; adjectives that are no noun in the plural ('Chinese', 'British', 'French') are left out.

    >>> {"Saudis", "Emiratis", "Nigerians"} <= set(_demonym_plurals()), "Chineses" in _demonym_plurals()
    (True, False)
    """
    demonyms = json.loads((DATA_DIR / "jurisdictions.json").read_text(encoding="utf-8"))["mention_rules"]["country_demonyms"]
    countries = set(demonyms.values())  # 'Philippine' + s is the country
    return sorted({f"{d}s" for d in demonyms if d.isalpha() and not d.isupper() and not d.endswith(("s", "sh", "ch", "ese"))
                   and f"{d}s" not in countries})


@lru_cache(maxsize=1)
def target_rules() -> dict:
    """The data file's cue lists plus compiled patterns and the fx table, built once.

    >>> target_rules()["fx"]["USD"]
    1.0
    """
    cfg = json.loads((DATA_DIR / "targets.json").read_text(encoding="utf-8"))
    lines = [ln for ln in (DATA_DIR / "fx_rates.csv").read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    cfg["fx"] = {r["currency"]: float(r["per_usd"]) for r in csv.DictReader(lines)}
    alt = word_alternation
    scale = rf"(?P<scale>(?i:{alt(cfg['scales'])}))\b"  # "$5M", "USD 56.25 Billion" as well as "$5m"
    cfg["money_pre"] = re.compile(rf"(?<![A-Za-z]){_starts(cfg['currency_prefixes'])}(?P<cur>{alt(cfg['currency_prefixes'])})\s?(?P<num>{NUM})(?:[\s-]?{scale})?")  # 'P500-million'
    cfg["money_post"] = re.compile(  # '100 billion yuan', and as an adjective '100-billion-yuan industry'
        rf"\b(?=\d)(?P<num>{NUM})(?:[\s-]?{scale})?[\s-](?P<cur>{alt(cfg['currency_words'])})\b")
    nouns = {n: m for m, ns in cfg["count_metrics"] for n in ns}
    cfg["count_noun"] = nouns
    words = alt(cfg["number_words"])
    skip = alt(cfg["count_skip_words"])
    # a word before the counted noun, with a version number after it ('100 Web 3 startups', '4 million Web 4.0 specialists')
    # (in quotes too: '100 "specialised and sophisticated" small firms')
    adj = rf"(?!(?:{skip})(?![\w-])|(?:{alt(nouns)})\b)[\"“‘]?[a-zA-Z][\w&-]*[\"”’]?(?:\s\d(?:\.\d)?(?=\s))?"
    number_start = _starts(cfg["number_words"], r"\d")
    # a year opens no count, and must not hide the count after it ('200 firms by 2025 and build two industrial parks')
    cfg["count_re"] = re.compile(
        rf"\b{number_start}(?!(?:19|20)\d\d(?![\d,.]))(?P<num>{NUM}|{words})(?:\s(?P<scale>{_in_order(cfg['count_scales'])}))?\s(?:{adj}\s){{0,4}}(?P<noun>{alt(nouns)})\b", re.I)
    people = [*cfg["trained_people_nouns"], *_demonym_plurals()]
    cfg["trained_count_re"] = re.compile(  # 'train 1 million people': the people are talent after a training verb
        rf"\b{_starts(cfg['training_verbs'])}(?:{alt(cfg['training_verbs'])})\s(?:(?:{alt(cfg['training_verb_fillers'])})\s)?(?P<num>{NUM}|{words})"
        rf"(?:\s(?P<scale>{_in_order(cfg['count_scales'])}))?\s(?:{adj}\s){{0,4}}(?P<noun>{alt(people)})\b", re.I)
    cfg["count_from_to"] = re.compile(  # 'the number of firms from 110 to 200', 'its pool of AI practitioners to 15,000'
        rf"\b(?=[nprtNPRT])(?:number|pool|ranks|total) of (?:{adj}\s){{0,3}}(?P<noun>{alt(nouns)})"
        rf"(?: (?:in|on|at|across) (?:the )?[\w-]+(?: [\w-]+)?)?(?: from (?:{NUM}))? to "  # 'firms on the island to 10,000'
        rf"(?:(?:more than|over|at least|about|around) )?(?P<num>{NUM})(?:\s(?P<scale>{_in_order(cfg['count_scales'])}))?(?![\w$])", re.I)
    cfg["same_year_re"] = re.compile("|".join(re.escape(w) for w in cfg["same_year_cues"]), re.I)
    cfg["owner_after"] = re.compile(cfg["owner_after_re"], re.I)
    cfg["paren"] = re.compile(rf"\s*\(\s*(?:{_in_order(cfg['approximation_words'])})?\s*")
    cfg["not_re"] = re.compile(rf"(?<![\w-]){_words(cfg['not_target_cues'])}(?![\w-])", re.I)
    cfg["uncommitted_not_re"] = re.compile(rf"(?<![\w-]){_words(cfg['uncommitted_not_target_cues'])}(?![\w-])", re.I)
    cfg["cue_re"] = re.compile(rf"(?<![\w-]){_words(cfg['target_cues'])}", re.I)
    cfg["lead_in_re"] = re.compile(rf"(?<![\w-]){_words(cfg['list_lead_in_cues'])}", re.I)  # list_items.py
    cfg["relative_re"] = [re.compile(p, re.I) for p in cfg["relative_deadlines"]]
    cfg["gov_re"] = {lvl: re.compile(rf"(?<![\w-]){_words(ws)}(?![\w-])", re.I) for lvl, ws in cfg["government_subjects"].items()}
    cfg["per_unit_re"] = re.compile(rf"(?<![\w-]){_words(cfg['per_unit_cues'])}(?![\w-])", re.I)
    cfg["component_re"] = re.compile(rf"(?<![\w-]){_words(cfg['component_cues'])}(?![\w-])", re.I)
    cfg["anaphor_re"] = re.compile(rf"(?:{alt(cfg['anaphor_subjects'])})\b")
    cfg["plan_noun_re"] = re.compile(rf"\b{_words(cfg['plan_nouns'])}\b", re.I)
    cfg["plan_intro_re"] = re.compile(rf"\b{_words(cfg['plan_nouns'] + cfg['plan_verbs'])}\b", re.I)
    cfg["component_more_re"] = re.compile(rf"(?<![\w-]){_words(cfg['component_more_cues'])}(?![\w-])", re.I)
    cfg["city_cue_re"] = re.compile(rf"\b{_words(cfg['city_cues'])}", re.I)
    cfg["not_target_re"] = re.compile("|".join(f"(?:{p})" for p in cfg["not_target_patterns"]), re.I)
    cfg["past_statistic_re"] = re.compile(rf"(?<![\w-]){_words(cfg['past_statistic_cues'])}(?![\w-])", re.I)
    cfg["commitment_re"] = re.compile(rf"(?<![\w-]){_words(cfg['commitment_cues'])}", re.I)
    cfg["named_place_head_re"] = re.compile(  # 'Meridale City', 'Lingang New Area': a place named by its kind
        rf"\b[A-Z]\w*\s(?:{'|'.join(map(re.escape, cfg['subject_place_heads']))})\b")
    cfg["company_kind_subject_re"] = re.compile(  # 'The company has pledged ...': targets._company_kind_plan
        rf"\W*(?:the|this|that|its)\s(?:(?!(?:{alt(cfg['company_kind_public_openers'])})\s)[\w-]+\s){{0,2}}?"
        rf"(?:{alt(cfg['company_kind_subjects'])})(?:['’]s)?\s(?!of\s(?-i:[A-Z]))", re.I)  # not 'The central bank', 'The Bank of Korea'
    cfg["company_kind_holder_after_re"] = re.compile(cfg["company_kind_holder_after_re"], re.I)
    cfg["company_result_re"] = re.compile(rf"(?<![\w-]){_words(cfg['company_result_cues'])}(?![\w-])", re.I)
    for key in ("plan_reference_re", "past_year_re", "past_phrase_re", "per_unit_after_re", "context_before_re", "plan_period_re", "count_past_before_re", "count_past_after_re"):
        cfg[key] = re.compile(cfg[key], re.I)
    if not re.fullmatch(r"(?:[A-Za-z |()?:*$]|\\[bs])*", cfg["count_past_before_re"].pattern):
        raise ValueError("count_past_before_re must be words and spaces: amounts._range_or_past_count reads it from "
                         "the last other character before a count")
    cfg["count_name_before_re"] = re.compile(cfg["count_name_before_re"])  # case-sensitive: a capitalised word
    cfg["count_rank_before_re"] = re.compile(cfg["count_rank_before_re"], re.I)
    cfg["symbol_context_re"] = {sign: [(cur, re.compile(rf"\b(?:{_in_order(ws)})\b")) for cur, ws in codes.items()
                                       if not cur.startswith("_")]
                                for sign, codes in cfg["symbol_context"].items() if not sign.startswith("_")}
    cfg["opener_re"] = re.compile(rf"^(?:{_in_order(cfg['sentence_openers'])}),?\s")
    cfg["spending_before_re"] = re.compile(rf"\b(?:{alt(cfg['spending_verbs'])})\b(?:\s[\w$.,-]+){{0,3}}\s?$", re.I)
    cfg["purpose_after_re"] = re.compile(rf"^\)?(?:\s*\([^)]*\))?\s(?:{alt(cfg['purpose_words'])})\s", re.I)  # after '(US$Y)' too
    cfg["metric_phrase_stop_re"] = re.compile(rf"\b(?:{_in_order(cfg['metric_phrase_stops'])})\b|[,;.]")
    cfg["abbrev_end_re"] = re.compile(rf"(?:\b(?:[A-Z]\.){{2,}}|\b(?:{_in_order(cfg['abbreviations'])})\.)$")
    cfg["subject_verb_re"] = re.compile(  # the verb group: auxiliaries then a subject verb (subjects.py, owners.py)
        rf"\s(?:(?:{alt(cfg['subject_verb_auxiliaries'])})\s+)*(?:{alt(cfg['subject_verbs'])})\b")
    cfg["continuation_subject_re"] = re.compile(  # 'The province will also ...': targets._context_year
        rf"(?:{_in_order(cfg['continuation_subjects'])})\s(?:(?:also|further|additionally)\s)?(?:{_in_order(cfg['continuation_verbs'])})\b")
    cfg["company_follow_on_re"] = re.compile(rf"(?:{_in_order(cfg['company_follow_on_subjects'])})\s")  # company_plans.py
    cfg["levels_for"] = {k: (set(v) if v is not None else None) for k, v in cfg["government_levels"].items()
                         if not k.startswith("_")}
    cfg["money_metric_res"] = [(metric, [re.compile(rf"\b{re.escape(w)}") for w in words]) for metric, words in cfg["money_metrics"]]
    cfg["shared_joiner_re"] = re.compile(  # english_shared.py: 'Jinan and the coastal city of Qingdao' lists two places
        rf"\s*(?:{alt(cfg['shared_joiners'])})\s*(?:{cfg['shared_place_descriptor']})?")
    cfg["shared_each_re"] = re.compile(
        rf"\s+(?:(?:{alt(cfg['shared_auxiliaries'])})\s+)?(?:{alt(cfg['shared_each_words'])})\b"
        rf"(?!\s+(?:{alt(cfg['shared_each_not_before'])})\b)", re.I)
    cfg["shared_number_re"] = re.compile(rf"\d|\b(?:{words})\b", re.I)  # a number listed before a shared figure
    cfg["shared_respective_re"] = re.compile(rf"\b(?:{alt(cfg['shared_respective_words'])})\b", re.I)
    cfg["shared_anaphor_re"] = re.compile(  # 'the three cities', 'both provinces': english_shared.py
        rf"\b(?:{alt(cfg['shared_anaphor_determiners'])})\s+(?:(?P<n>\d+|{words})\s+)?(?:{alt(cfg['shared_anaphor_nouns'])})\b", re.I)
    year_not = rf"(?!(?:19|20)\d\d(?![\d,.])(?!\s?(?:{alt(cfg['scales'])})\b))"  # 'by 2025 to 200 billion yuan' is no range
    range_end = r"(?:to|-|–|or)\s?$"
    cfg["range_before"] = re.compile(  # 'three to ', '100-' before a count; 'by 2025 to 200 companies' is no range
        rf"(?:(?<![\d.,]){year_not}(?:{NUM})|\b(?:{words}))\s?{range_end}", re.I)
    cfg["range_before_end"] = re.compile(range_end, re.I)  # how range_before's match ends: looked for first
    joins = alt(cfg["range_joiners"])
    unpaired = alt(j for j in cfg["range_joiners"] if j not in cfg["range_paired_joins"])
    cfg["range_words"] = RangeWords(  # money ranges and changes: pipelines/extract/ranges.py
        before=re.compile(  # '1 billion yuan to ', 'between $1 billion and ', '100-'
            rf"(?:\b(?P<open>{alt(cfg['range_span_openers'] + cfg['range_change_openers'])})\s+)?(?:{alt(cfg['currency_prefixes'])})?\s?"
            rf"(?:(?<![\d.,]){year_not}(?:{NUM})|\b(?:{words}))(?:\s?(?:{alt(cfg['scales'])})\b)?(?:\s(?:{alt(cfg['currency_words'])})\b)?\s?(?P<join>{joins})\s?$", re.I),
        change_openers=frozenset(cfg["range_change_openers"]), paired_joins=frozenset(cfg["range_paired_joins"]),
        span_openers=frozenset(cfg["range_span_openers"]),
        upper_alone=re.compile(rf"\s?(?:{unpaired})\s?(?P<num>{NUM})\s?(?P<scale>{alt(cfg['scales'])})\b", re.I),  # '$1-2 billion'
        scales={k.lower(): v for k, v in cfg["scales"].items()},
        level_before=re.compile(rf"\b(?:{alt(cfg['range_change_openers'])})\s?(?:(?:{alt(cfg['approximation_words'])})\s)*$",
                                re.I))  # 'up from ', 'from about ' before a starting figure
    # the most characters one attempt of a pattern the figures of a sentence look up in one scan reads (match_index.py)
    cfg["reach"] = {CLAUSE_BREAK: len(", whereas "), cfg["owner_after"]: pattern_reach(cfg["owner_after"]),
                    cfg["commitment_re"]: max(map(len, cfg["commitment_cues"])) + 1,  # the word and the letter before it
                    cfg["shared_respective_re"]: pattern_reach(cfg["shared_respective_re"]),
                    **{rx: max(map(len, cfg["government_subjects"][lvl])) + 1 for lvl, rx in cfg["gov_re"].items()}}
    return cfg
