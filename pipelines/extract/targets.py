"""Quantified targets (money and counts) that a jurisdiction sets, with deadline, metric and owner."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from pipelines.extract.gazetteer import load_gazetteer
from pipelines.records import Mention, Target

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
ABBREV_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|No|Inc|Co|Ltd|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|approx)\.)$")
YEAR_BY = re.compile(r"\b(?:by|before|through|until|till|in|for|to)\s(?:the\s)?(?:(?:end|close|middle)\sof\s)?(?:(?:fiscal|financial)\s(?:year\s)?|FY\s?)?(20\d\d)\b")
YEAR_RANGE = re.compile(r"\b(20\d\d)\s?(?:-|–|—|to)\s?(20\d\d)\b")
DEADLINE = re.compile(r"\b(?:by|before|through|until|till)\s(?:the\s)?(?:(?:end|close)\sof\s)?(?:(?:fiscal|financial)\s(?:year\s)?|FY\s?)?(20\d\d)\b")
CLAUSE_BREAK = re.compile(r";|,\s(?:and|while|whereas|but)\s|\swhile\s|\.\s")
LEVELS_FOR = {"city": {"city", "municipality"}, "province": {"province", "municipality"},
              "district": {"district"}, "country": {"country"}, "government": None}


@lru_cache(maxsize=1)
def _cfg() -> dict:
    """Cue lists and compiled patterns from pipelines/data/targets.json and fx_rates.csv."""
    cfg = json.loads((DATA_DIR / "targets.json").read_text(encoding="utf-8"))
    lines = [ln for ln in (DATA_DIR / "fx_rates.csv").read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    cfg["fx"] = {r["currency"]: float(r["per_usd"]) for r in csv.DictReader(lines)}
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    scale = rf"(?P<scale>{alt(cfg['scales'])})\b"
    cfg["money_pre"] = re.compile(rf"(?<![A-Za-z])(?P<cur>{alt(cfg['currency_prefixes'])})\s?(?P<num>{NUM})(?:\s?{scale})?")
    cfg["money_post"] = re.compile(rf"\b(?P<num>{NUM})(?:\s?{scale})?\s(?P<cur>{alt(cfg['currency_words'])})\b")
    nouns = {n: m for m, ns in cfg["count_metrics"] for n in ns}
    cfg["count_noun"] = nouns
    words = alt(cfg["number_words"])
    skip = alt(cfg["count_skip_words"])
    adj = rf"(?!(?:{skip}|{alt(nouns)})\b)[a-zA-Z][\w&-]*"
    cfg["count_re"] = re.compile(
        rf"\b(?P<num>{NUM}|{words})(?:\s(?P<scale>thousand|million))?\s(?:{adj}\s){{0,4}}(?P<noun>{alt(nouns)})\b", re.I)
    cfg["count_from_to"] = re.compile(
        rf"\bnumber of (?:{adj}\s){{0,3}}(?P<noun>{alt(nouns)}) from (?:{NUM}) to (?P<num>{NUM})(?P<scale>)", re.I)
    cfg["same_year_re"] = re.compile("|".join(re.escape(w) for w in cfg["same_year_cues"]), re.I)
    cfg["owner_after"] = re.compile(cfg["owner_after_re"], re.I)
    cfg["paren"] = re.compile(r"\s*\(\s*(?:about|around|roughly|approximately|approx\.|some|nearly|almost|or|over|more than|~)?\s*")
    cfg["not_re"] = re.compile(rf"(?<![\w-])(?:{alt(cfg['not_target_cues'])})(?![\w-])", re.I)
    cfg["cue_re"] = re.compile(rf"(?<![\w-])(?:{alt(cfg['target_cues'])})", re.I)
    cfg["relative_re"] = [re.compile(p, re.I) for p in cfg["relative_deadlines"]]
    cfg["gov_re"] = {lvl: re.compile(rf"(?<![\w-])(?:{alt(ws)})(?![\w-])", re.I) for lvl, ws in cfg["government_subjects"].items()}
    cfg["per_unit_re"] = re.compile(rf"(?<![\w-])(?:{alt(cfg['per_unit_cues'])})(?![\w-])", re.I)
    cfg["component_re"] = re.compile(rf"(?<![\w-])(?:{alt(cfg['component_cues'])})(?![\w-])", re.I)
    cfg["anaphor_re"] = re.compile(rf"(?:{alt(cfg['anaphor_subjects'])})\b")
    cfg["plan_noun_re"] = re.compile(rf"\b(?:{alt(cfg['plan_nouns'])})\b", re.I)
    cfg["plan_intro_re"] = re.compile(rf"\b(?:{alt(cfg['plan_nouns'] + cfg['plan_verbs'])})\b", re.I)
    cfg["component_more_re"] = re.compile(rf"(?<![\w-])(?:{alt(cfg['component_more_cues'])})(?![\w-])", re.I)
    cfg["city_cue_re"] = re.compile(rf"\b(?:{alt(cfg['city_cues'])})", re.I)
    for key in ("per_unit_after_re", "context_before_re", "plan_period_re", "count_past_before_re", "count_past_after_re"):
        cfg[key] = re.compile(cfg[key], re.I)
    cfg["range_before"] = re.compile(rf"(?:{NUM}|\b(?:{words}))\s?(?:to|-|–|or)\s?$", re.I)
    return cfg


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text; paragraphs and . ! ? end a sentence."""
    spans, start = [], 0
    for m in re.finditer(r"\n\s*\n|\n|(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9$¥€£])", text):
        if m.group().strip() == "" and "\n" not in m.group() and ABBREV_END.search(text[start:m.start()]):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _number(num: str, scale: str | None, cfg: dict) -> float:
    """'1.5', 'billion' -> 1.5e9; number words ('ten') too."""
    key = num.lower()
    value = float(cfg["number_words"][key]) if key in cfg["number_words"] else float(num.replace(",", ""))
    if scale:
        value *= cfg["scales"].get(scale, cfg["scales"].get(scale.lower(), 1.0))
    return value


def _currency(code: str, body: str) -> str:
    """Resolve ¥ to JPY or CNY from the story's context."""
    if code != "YEN_OR_YUAN":
        return code
    japan = len(re.findall(r"\b(?:yen|Japan|Japanese|Tokyo)\b", body))
    china = len(re.findall(r"\b(?:yuan|RMB|China|Chinese|renminbi)\b", body))
    return "JPY" if japan > china else "CNY"


def _money(sentence: str, body: str, cfg: dict) -> list[dict]:
    """Money amounts in a sentence: value, unit, span (relative to the sentence)."""
    found = []
    for kind in ("money_pre", "money_post"):
        for m in cfg[kind].finditer(sentence):
            table = cfg["currency_prefixes"] if kind == "money_pre" else cfg["currency_words"]
            unit = _currency(table[m.group("cur")], body)
            if kind == "money_pre" and m.group("cur") == "$" and re.search(r"[A-Z]{1,2}$", sentence[:m.start()]):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and not m.group("scale"):
                continue
            if any(f["start"] < m.end() and m.start() < f["end"] for f in found):
                continue
            found.append({"start": m.start(), "end": m.end(), "unit": unit,
                          "value": _number(m.group("num"), m.group("scale"), cfg)})
    found.sort(key=lambda f: f["start"])
    return _pair_usd(sentence, found, cfg)


def _pair_usd(sentence: str, amounts: list[dict], cfg: dict) -> list[dict]:
    """Merge 'X (US$Y)' and '$Y (X)' pairs into one amount with its stated USD figure."""
    out, skip = [], set()
    for i, a in enumerate(amounts):
        if i in skip:
            continue
        a = {**a, "usd": a["value"] if a["unit"] == "USD" else None, "stated": a["unit"] == "USD"}
        nxt = amounts[i + 1] if i + 1 < len(amounts) else None
        gap = cfg["paren"].match(sentence, a["end"])
        if nxt and gap and gap.end() == nxt["start"] and (nxt["unit"] == "USD") != (a["unit"] == "USD"):
            skip.add(i + 1)
            usd, local = (nxt, a) if nxt["unit"] == "USD" else (a, nxt)
            a = {**local, "start": a["start"], "end": nxt["end"], "usd": usd["value"], "stated": True}
        out.append(a)
    return out


def _counts(sentence: str, taken: list[dict], cfg: dict) -> list[dict]:
    """Counted things in a sentence: '200 metaverse companies', 'ten industrial parks'."""
    out = []
    for m in [*cfg["count_re"].finditer(sentence), *cfg["count_from_to"].finditer(sentence)]:
        if any(t["start"] < m.end() and m.start() < t["end"] for t in taken):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num")):
            continue
        if re.search(r"[$¥€£]\s?$|\d[.,]?$", sentence[:m.start()]) or any(
                o["start"] < m.end() and m.start() < o["end"] for o in out):
            continue
        if _range_or_past_count(sentence, m, cfg):
            continue
        metric = cfg["count_noun"][m.group("noun").lower()] if m.group("noun").lower() in cfg["count_noun"] else "other"
        out.append({"start": m.start(), "end": m.end(), "unit": "count", "usd": None, "stated": False,
                    "value": _number(m.group("num"), m.group("scale"), cfg), "metric": metric})
    return out


def _range_or_past_count(sentence: str, m: re.Match, cfg: dict) -> bool:
    """True for a bound of a range ('three to five parks') or a count already reached ('displayed its first 20 use cases')."""
    before = sentence[:m.start()]
    if cfg["range_before"].search(before):
        return True
    end = CLAUSE_BREAK.search(sentence, m.end())
    after = sentence[m.end():end.start() if end else len(sentence)]
    return bool(cfg["count_past_before_re"].search(before) or cfg["count_past_after_re"].search(after))


def _money_metric(sentence: str, amount: dict, cfg: dict) -> str | None:
    """fund_size, industry_size or investment from the words around the amount; None when no cue."""
    after = sentence[amount["end"]:amount["end"] + 60].lower()
    before = sentence[max(0, amount["start"] - 60):amount["start"]].lower()
    near = re.split(r"[,;]", after)[0]
    phrase = re.split(r"\b(?:for|to|in|into|on|of|by|that|which|with|from|at|relative|aimed|designed|was|were|is|are|will|would|and|this|next)\b|[,;.]",
                      re.sub(r"^\s*\([^)]*\)", "", after))[0]
    heads = [(m.start(), metric) for metric, words in cfg["money_metrics"] for w in words
             for m in re.finditer(rf"\b{re.escape(w)}", phrase)]
    if heads:
        return max(heads)[1]
    for metric, words in cfg["money_metrics"]:
        if any(re.search(rf"\b{re.escape(w)}", near[:30]) for w in words):
            return metric
    heads = [(m.end(), metric) for metric, words in cfg["money_metrics"] for w in words
             for m in re.finditer(rf"\b{re.escape(w)}", before[-45:])]
    if heads:
        return max(heads)[1]
    for metric, words in cfg["money_metrics"]:
        if any(re.search(rf"\b{re.escape(w)}", sentence.lower()) for w in words):
            return metric
    return None


def _year(sentence: str, pos: int, published_at: datetime | None) -> int | None:
    """Deadline year for the amount at pos: 'by 2025', 'by the end of 2026', '2022-2025 plan'."""
    cands = [(m.start(), int(m.group(1))) for m in YEAR_BY.finditer(sentence)]
    cands += [(m.start(), int(m.group(2))) for m in YEAR_RANGE.finditer(sentence)]
    cands = _recent(cands, published_at)
    if not cands:
        return None
    after = [c for c in cands if c[0] >= pos]
    return (min(after) if after else max(cands))[1]


def _recent(cands: list[tuple[int, int]], published_at: datetime | None) -> list[tuple[int, int]]:
    """Drop years that are already past when the story was published."""
    return [c for c in cands if published_at is None or c[1] >= published_at.year - 1]


def _period_year(text: str, published_at: datetime | None, cfg: dict) -> int | None:
    """End year of a plan period stated in text: 'a plan covering 2022 to 2024', 'the program runs until 2025'."""
    if not cfg["plan_noun_re"].search(text):
        return None
    cands = [(m.start(), int(m.group(2))) for m in YEAR_RANGE.finditer(text)]
    cands += [(m.start(), int(m.group(1))) for m in cfg["plan_period_re"].finditer(text)]
    cands = _recent(cands, published_at)
    return max(cands)[1] if cands else None


def _deadline_year(text: str, published_at: datetime | None) -> int | None:
    """Last deadline ('by 2024', 'until 2025') stated in text."""
    cands = _recent([(m.start(), int(m.group(1))) for m in DEADLINE.finditer(text)], published_at)
    return cands[-1][1] if cands else None


@dataclass
class _Story:
    """What the sentence walk knows about one story: its places and the state carried from sentence to sentence."""

    body: str
    jur: list[Mention]
    main: str | None
    published_at: datetime | None
    prev_subject: str | None = None
    plan_owner: str | None = None
    last_money: Target | None = None
    totals: list[list] = field(default_factory=list)  # [value, unit, part sum] of funds and budgets stated so far

    def paragraph(self, pos: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding pos."""
        start = self.body.rfind("\n\n", 0, pos)
        end = self.body.find("\n\n", pos)
        return (0 if start < 0 else start + 2), (len(self.body) if end < 0 else end)


def _is_subject_place(m: Mention) -> bool:
    """False for country adjectives ('South Korean port city of Busan'): they qualify a place, they own nothing."""
    from pipelines.extract.jurisdictions import is_demonym
    return not is_demonym(m.surface_text)


def _first_subject(cands: list[Mention], body: str) -> str:
    """First mention of a clause, or its child when written 'Guangzhou's Tianhe district'."""
    gaz = load_gazetteer()
    cands = [m for m in cands if _is_subject_place(m)] or cands
    first = cands[0]
    for nxt in cands[1:2]:
        gap = body[first.char_end:nxt.char_start]
        place = gaz.places.get(nxt.entity_name)
        if re.fullmatch(r"['’]s\s|,\s", gap) and place is not None and place.parent == first.entity_name:
            return nxt.entity_name
    return first.entity_name


def _country_of(name: str | None) -> str | None:
    """The country a jurisdiction belongs to ('Seoul' -> 'South Korea'), itself for a country."""
    gaz = load_gazetteer()
    place, seen = gaz.places.get(name) if name else None, set()
    while place is not None and place.name not in seen:
        if place.level == "country":
            return place.name
        seen.add(place.name)
        place = gaz.places.get(place.parent) if place.parent else None
    return None


def _chain(name: str | None) -> list[str]:
    """The jurisdiction and its ancestors: 'Tianhe' -> ['Tianhe', 'Guangzhou', 'Guangdong', 'China']."""
    gaz = load_gazetteer()
    out, place = [], gaz.places.get(name) if name else None
    while place is not None and place.name not in out:
        out.append(place.name)
        place = gaz.places.get(place.parent) if place.parent else None
    return out


def _by_level(level: str, pos: int, story: _Story) -> str | None:
    """'the city' -> the last city named; 'the ministry' -> the story's country; 'the government' -> the paragraph's or story's place."""
    gaz = load_gazetteer()
    prior = [m for m in story.jur if m.char_start < pos and _is_subject_place(m)]
    if level == "country":
        countries = [m.entity_name for m in prior if gaz.places.get(m.entity_name) and gaz.places[m.entity_name].level == "country"]
        return _country_of(story.main) or (countries[-1] if countries else None)
    if LEVELS_FOR[level] is None:
        para = story.paragraph(pos)[0]
        prior = [m for m in prior if m.char_start >= para]
        return prior[-1].entity_name if prior else story.main
    prior = [m for m in prior if gaz.places.get(m.entity_name) and gaz.places[m.entity_name].level in LEVELS_FOR[level]]
    return prior[-1].entity_name if prior else None


def _owner(story: _Story, span: tuple[int, int], pos: int, end: int, unit: str, fallback: str | None) -> str | None:
    """The jurisdiction that sets the target: the subject of the clause, else 'the city' resolved, else the story's."""
    owner = _clause_owner(story, span, pos, end, fallback)
    owner = _capital_as_country(owner, story, span)
    return _currency_owner(owner, unit, pos, story)


def _clause_owner(story: _Story, span: tuple[int, int], pos: int, end: int, fallback: str | None) -> str | None:
    """Owner from the clause around the amount: 'by X', the clause subject, a government phrase, the sentence."""
    body, jur = story.body, story.jur
    s_start, s_end = span
    clause_start = s_start
    for m in CLAUSE_BREAK.finditer(body, s_start, pos):
        clause_start = m.end()
    nxt = CLAUSE_BREAK.search(body, end, s_end)
    clause_end = nxt.start() if nxt else s_end
    cfg = _cfg()
    by = cfg["owner_after"].search(body, end, clause_end)
    if by:
        after = [m for m in jur if m.char_start == by.end()]
        if after:
            return after[0].entity_name
    in_clause = [m for m in jur if clause_start <= m.char_start < pos]
    if in_clause:
        return _first_subject(in_clause, body)
    for text in (body[clause_start:pos], body[end:clause_end]):
        for level, rx in cfg["gov_re"].items():
            if rx.search(text):
                found = _by_level(level, pos, story)
                if found:
                    return found
    in_sentence = [m for m in jur if s_start <= m.char_start < pos] or [m for m in jur if end <= m.char_start < clause_end]
    if in_sentence:
        return _first_subject(in_sentence, body)
    return fallback


def _capital_as_country(owner: str | None, story: _Story, span: tuple[int, int]) -> str | None:
    """A capital carried over from context ('... as Tokyo tries to'; 'the government wants') stands for its country in a story about that country."""
    country = load_gazetteer().capitals.get(owner or "")
    written = any(m.entity_name == owner and span[0] <= m.char_start < span[1] for m in story.jur)
    if country and story.main == country and not written and not _cfg()["city_cue_re"].search(story.body[span[0]:span[1]]):
        return country
    return owner


def _currency_owner(owner: str | None, unit: str, pos: int, story: _Story) -> str | None:
    """An amount in a local currency belongs to a place that uses it: HK$ -> Hong Kong, not a foreign country named nearby."""
    home = _cfg()["currency_home"].get(unit)
    if not home or not load_gazetteer().places.get(home) or owner is None or _country_of(home) == _country_of(owner):
        return owner
    for name in [m.entity_name for m in reversed(story.jur) if m.char_start < pos] + [story.main]:
        if home in _chain(name):
            return name
    return home


def _main_jurisdiction(jur: list[Mention]) -> str | None:
    """The story's most mentioned jurisdiction, ties to the earliest; below-country preferred in a tie."""
    jur = [m for m in jur if _is_subject_place(m)] or jur
    if not jur:
        return None
    counts: dict[str, int] = {}
    for m in jur:
        counts[m.entity_name] = counts.get(m.entity_name, 0) + 1
    return max(counts, key=lambda n: (counts[n], -min(m.char_start for m in jur if m.entity_name == n)))


def _to_usd(value: float, unit: str, cfg: dict) -> float | None:
    """Convert at the documented rate table; None for counts and unknown currencies."""
    rate = cfg["fx"].get(unit)
    return value / rate if rate else None


def extract_targets(body: str, published_at: datetime | None, mentions: list[Mention]) -> list[Target]:
    """Quantified targets stated in a story body.

    >>> [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year)
    ...  for t in extract_targets("Sichuan aims to build a 250 billion yuan metaverse industry by 2025.", None, [])]
    [('Sichuan', 'industry_size', 250000000000.0, 'CNY', 2025)]
    """
    if not body:
        return []
    cfg = _cfg()
    jur = sorted((m for m in mentions if m.entity_type == "jurisdiction" and m.field == "body"), key=lambda m: m.char_start)
    if not any(m.entity_type == "jurisdiction" for m in mentions):
        from pipelines.extract.jurisdictions import find_jurisdictions
        jur = find_jurisdictions(body)
    main = _main_jurisdiction(jur)
    story = _Story(body, jur, main, published_at, prev_subject=main)
    out: list[Target] = []
    for s, e in split_sentences(body):
        sentence = body[s:e]
        money = _money(sentence, body, cfg)
        amounts = money + _counts(sentence, money, cfg)
        in_sentence = [m for m in jur if s <= m.char_start < e]
        anaphor = cfg["anaphor_re"].match(re.sub(r"^(?:But|And|However|Meanwhile|Also),?\s", "", sentence))
        fallback = (story.plan_owner or story.main) if anaphor else story.prev_subject
        stated = bool(cfg["cue_re"].search(sentence) and re.search(r"[.!?:\"”’)]$", sentence))
        breakdown = False
        for a in amounts:
            if _rejected(sentence, a, amounts, cfg):
                continue
            if a["unit"] != "count" and _is_component(sentence, a, story, cfg, breakdown):
                breakdown = True
                continue
            if stated and not (a["unit"] == "count" and breakdown):
                target = _target(story, (s, e), a, fallback, cfg)
                out.append(target)
                if target.unit != "count":
                    story.last_money = target
                    if target.metric in ("investment", "fund_size"):
                        story.totals.append([target.target_value, target.unit, 0.0])
        if in_sentence:
            story.prev_subject = _first_subject(in_sentence, body)
        elif anaphor:
            story.prev_subject = fallback
        _note_plan_owner(story, (s, e), in_sentence, cfg)
    return _dedupe(out)


def _note_plan_owner(story: _Story, span: tuple[int, int], in_sentence: list[Mention], cfg: dict) -> None:
    """Remember who owns the plan a sentence names ('... fit its metaverse action plan' after 'Henan')."""
    s, e = span
    noun = cfg["plan_intro_re"].search(story.body, s, e)
    if not noun or not in_sentence:
        return
    clause_start = s
    for m in CLAUSE_BREAK.finditer(story.body, s, noun.start()):
        clause_start = m.end()
    nxt = CLAUSE_BREAK.search(story.body, noun.end(), e)
    in_clause = [m for m in in_sentence if clause_start <= m.char_start < (nxt.start() if nxt else e)]
    story.plan_owner = _first_subject(in_clause or in_sentence, story.body)


def _is_component(sentence: str, a: dict, story: _Story, cfg: dict, breakdown: bool) -> bool:
    """True for a line of a budget already stated in total ('The largest single item is KRW 34 billion ...')."""
    clause = _clause(sentence, a)
    strong = breakdown or cfg["component_re"].search(clause)
    if not (strong or cfg["component_more_re"].search(clause)):
        return False
    for total in story.totals:
        if (strong or total[2] > 0) and total[1] == a["unit"] and a["value"] < total[0] and total[2] + a["value"] <= total[0] * 1.001:
            total[2] += a["value"]
            return True
    return False


def _relative_year(match: re.Match, published_at: datetime | None, cfg: dict) -> int | None:
    """'within three years' -> publication year + 3; None without a publication date or a readable number.

    >>> _relative_year(re.search(r"within (?P<n>\\w+) years", "within three years"), datetime(2023, 6, 1), _cfg())
    2026
    """
    if published_at is None:
        return None
    groups = match.groupdict()
    if groups.get("decade"):
        return published_at.year + 10
    word = (groups.get("n") or "").lower()
    n = int(word) if word.isdigit() else cfg["number_words"].get(word)
    return published_at.year + int(n) if n and 0 < int(n) <= 30 else None


def _target(story: _Story, span: tuple[int, int], a: dict, fallback: str | None, cfg: dict) -> Target:
    """Build one Target from an amount found in the sentence at span."""
    s, e = span
    sentence = story.body[s:e]
    last_money = story.last_money
    unit = a["unit"]
    metric = a.get("metric") or _money_metric(sentence, a, cfg) or (last_money.metric if last_money else "investment")
    usd = a["usd"] if a["stated"] else (None if unit == "count" else _to_usd(a["value"], unit, cfg))
    year = _year(sentence, a["start"], story.published_at)
    if year is None and cfg["same_year_re"].search(sentence):
        year = _deadline_year(story.body[:s], story.published_at) or (last_money.target_year if last_money else None)
    relative = next((m for rx in cfg["relative_re"] if (m := rx.search(sentence))), None)
    if year is None and relative:
        year = _relative_year(relative, story.published_at, cfg)
    elif year is None:
        p_start, p_end = story.paragraph(s)
        year = _period_year(story.body[p_start:p_end], story.published_at, cfg) or _deadline_year(
            story.body[p_start:s], story.published_at)
    owner = _owner(story, span, s + a["start"], s + a["end"], unit, fallback)
    return Target(owner, metric, a["value"], unit, usd, bool(a["stated"]), year, sentence, s, e,
                  {"amount_text": sentence[a["start"]:a["end"]], "amount_start": s + a["start"], "amount_end": s + a["end"]})


def _dedupe(targets: list[Target]) -> list[Target]:
    """One target per (owner, value, unit) in a story, counts also per metric: keep the most complete statement."""
    best: dict[tuple, Target] = {}
    for t in targets:
        key = (t.jurisdiction_name, t.metric if t.unit == "count" else None, t.target_value, t.unit)
        old = best.get(key)
        rank = lambda x: (x.target_year is not None, x.usd_is_stated)
        if old is None or rank(t) > rank(old):
            best[key] = t
    keep = {id(t) for t in best.values()}
    return [t for t in targets if id(t) in keep]


def _clause(sentence: str, amount: dict) -> str:
    """The clause of a sentence holding the amount (between ';', ', and', ', while', ...)."""
    start = 0
    for m in CLAUSE_BREAK.finditer(sentence, 0, amount["start"]):
        start = m.end()
    end_m = CLAUSE_BREAK.search(sentence, amount["end"])
    return sentence[start:end_m.start() if end_m else len(sentence)]


def _rejected(sentence: str, amount: dict, amounts: list[dict], cfg: dict) -> bool:
    """True for a statistic, fine, price, forecast, company figure, past amount, per-unit cap or amount cited as context."""
    clause = _clause(sentence, amount)
    if cfg["not_re"].search(clause):
        return True
    start = max([a["end"] for a in amounts if a["end"] <= amount["start"]], default=0)
    end = min([a["start"] for a in amounts if a["start"] >= amount["end"]], default=len(sentence))
    own = sentence[start:end]
    if amount["unit"] != "count" and (cfg["per_unit_re"].search(own) and cfg["per_unit_re"].search(clause)
                                      or cfg["per_unit_after_re"].match(sentence[amount["end"]:])):
        return True
    return bool(cfg["context_before_re"].search(sentence[max(0, amount["start"] - 40):amount["start"]]))
