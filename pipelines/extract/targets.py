"""Quantified targets (money and counts) that a jurisdiction sets, with deadline, metric and owner.

The sentence walk lives here; amounts.py reads the figures, owners.py finds who sets them,
deadlines.py finds by when, target_rules.py holds the cue lists.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import datetime

from pipelines.extract.amounts import below_target_size, find_counts, find_money, money_metric, owner_currency, to_usd
from pipelines.extract.appositives import appositive_spans, outside_appositives
from pipelines.extract.company_plans import company_figure, company_kind_plan, company_plan, goes_on_about_company
from pipelines.extract.datelines import without_dateline_places
from pipelines.extract.english_shared import english_shared_owners
from pipelines.extract.deadlines import deadline_ends, deadline_year, period_year, relative_year, sentence_year, sentence_years
from pipelines.extract.gazetteer import load_gazetteer
from pipelines.extract.jurisdictions import find_jurisdictions
from pipelines.extract.list_items import is_lead_in, is_list_item
from pipelines.extract.owners import (StoryState, country_of, find_owner, first_subject, listed_names, main_jurisdiction,
                                      story_main, territory_of_currency)
from pipelines.extract.regional_capitals import capitals_named_by_region
from pipelines.extract.sentence_scans import SentenceScans
from pipelines.extract.short_names import short_name_mentions
from pipelines.extract.spans import MentionSpans
from pipelines.extract.subjects import Subject, organization_places, verb_subject
from pipelines.extract.target_rules import CLAUSE_BREAK, target_rules
from pipelines.records import Mention, Target


LOCAL_LEVELS = ("city", "province", "district")  # government words of targets.json below a country's


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text; paragraphs and . ! ? end a sentence.

    >>> split_sentences("Mr. Li spoke. It rained.\\n\\nNew part")
    [(0, 13), (14, 24), (26, 34)]
    """
    spans, start = [], 0
    abbrev_end = target_rules()["abbrev_end_re"]
    for m in re.finditer(r"\n\s*\n|\n|(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9$¥€£])", text):
        if m.group().strip() == "" and "\n" not in m.group() and abbrev_end.search(text[start:m.start()]):
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


def extract_targets(body: str, published_at: datetime | None, mentions: list[Mention],
                    places: list[Mention] | None = None, title: str | None = None) -> list[Target]:
    """Quantified targets stated in a story body.

    `places` are all jurisdictions found in the body, those inside organisation names too; when the
    mentions hold no jurisdiction they stand in, and they are read from the body when not given.
    A target's year comes from its sentence, then its paragraph, then the plan it refers back to,
    then the headline (`title`).

    >>> [(t.jurisdiction_name, t.metric, t.target_value, t.unit, t.target_year)
    ...  for t in extract_targets("Sichuan aims to build a 250 billion yuan metaverse industry by 2025.", None, [])]
    [('Sichuan', 'industry_size', 250000000000.0, 'CNY', 2025)]
    """
    if not body:
        return []
    cfg = target_rules()
    jur = sorted((m for m in mentions if m.entity_type == "jurisdiction" and m.field == "body"), key=lambda m: m.char_start)
    if not any(m.entity_type == "jurisdiction" for m in mentions):
        jur = list(places) if places is not None else find_jurisdictions(body)
    jur = capitals_named_by_region(jur, body)  # 'the Hunan capital' is Changsha
    jur = without_dateline_places(jur, body)  # 'HAIKOU -- Hainan province will ...': the reporter's place acts in nothing
    main = story_main(jur, title)  # the story's place is the one it names, not one a body stands for
    described = appositive_spans(body)  # 'The city, administered by Suzhou, will …': Suzhou neither owns nor acts
    mentions = outside_appositives(mentions, described)
    jur = outside_appositives(jur, described)
    jur = sorted(jur + organization_places([m for m in mentions if m.field == "body"]), key=lambda m: m.char_start)
    story = StoryState(body, jur, main, published_at, prev_subject=main, title=title or "")
    # read by each figure's subject phrase; 'the Commission' after 'the European Commission' is that body's
    subject_names, subject_places = MentionSpans(mentions + short_name_mentions(body, mentions)), MentionSpans(jur)
    # the body's companies in order: each sentence takes its own by bisection, not by reading the story's mentions
    company_starts = sorted(m.char_start for m in mentions if m.entity_type == "company" and m.field == "body")
    out: list[Target] = []
    lead_in = None  # the line announcing the list being read ('The plan sets these goals for 2025:'): list_items.py
    company_held = False  # the last sentence with a figure or a place stated a company's own figures, and no target
    for s, e in split_sentences(body):
        sentence = body[s:e]
        money = find_money(sentence, body, cfg)
        amounts = money + find_counts(sentence, money, cfg)
        in_sentence = story.places_in(s, e)
        if amounts:  # what the sentence's figures look up, read once for all of them
            scans = SentenceScans(sentence, cfg, CLAUSE_BREAK)
            starts, ends = sorted(a["start"] for a in amounts), sorted(a["end"] for a in amounts)
            figures = [(s + f["start"], s + f["end"]) for f in amounts]
            place_starts = [m.char_start - s for m in in_sentence]
        anaphor = cfg["anaphor_re"].match(cfg["opener_re"].sub("", sentence))
        fallback = (story.plan_owner or story.main) if anaphor else story.prev_subject
        item = lead_in is not None and is_list_item(body, s, e)
        stated = bool(amounts and cfg["cue_re"].search(sentence) and re.search(r"[.!:\"”’)]$", sentence)) \
            or bool(amounts and item)  # a question ('Do you think they would pay him $20 million?') states none
        breakdown = False
        companies = [c - s for c in company_starts[bisect_left(company_starts, s):bisect_left(company_starts, e)]]
        follows_company = company_held and not in_sentence and goes_on_about_company(sentence, cfg)
        held_by_company, found_before = False, len(out)
        for a in amounts:
            if below_target_size(a, cfg):
                continue
            if _rejected(scans, a, starts, ends, published_at):
                if a["unit"] != "count":  # 'The digital economy reached 2 trillion yuan last year': what 'that' is next
                    story.last_metric = money_metric(sentence, a, cfg, scans) or story.last_metric
                continue
            if follows_company or company_figure(scans, a, companies) or company_plan(scans, a, companies, place_starts) \
                    or company_kind_plan(scans, a, place_starts):
                held_by_company = True
                continue
            if a["unit"] != "count" and _is_component(scans, a, story, breakdown):
                breakdown = True
                continue
            subject = verb_subject(body, s, s + a["start"], subject_names, subject_places) if stated else None
            if subject is not None and subject.kind in ("company", "name"):
                held_by_company = True
                continue  # a company's plan, or that of a name no list knows and no place: no place's target
            if stated and not (a["unit"] == "count" and breakdown):
                target = _target(story, scans, s, a, fallback, previous_amount_end(a, ends), subject, bool(anaphor))
                if item and target.target_year is None:  # '- 10 leading companies' under '... goals for 2025:'
                    target = replace(target, target_year=sentence_year(lead_in, len(lead_in), published_at)
                                     or _plan_year_of_lead_in(lead_in, target, story, cfg))
                held = subject is not None and subject.kind == "organization"
                if held:
                    target.extra["held_by_organization"] = True
                out.extend([target] if held else _per_holder(target, story, scans, s, a, figures, in_sentence))
                if target.unit != "count":
                    story.last_money, story.last_metric = target, target.metric
                    if target.metric in ("investment", "fund_size"):
                        story.totals.append([target.target_value, target.unit, 0.0])
        if amounts or in_sentence:
            company_held = held_by_company and len(out) == found_before
        if in_sentence:
            story.prev_subject = first_subject(in_sentence, body)
            listed = listed_names(in_sentence, len(in_sentence), body, cfg["shared_joiner_re"])[0]
            story.listed = tuple(listed) if len(listed) >= 2 else story.listed  # what 'the three cities' stands for
        elif anaphor:
            story.prev_subject = fallback
        _note_plan_owner(story, (s, e), in_sentence, cfg, out[found_before:])
        lead_in = sentence if is_lead_in(sentence, cfg["lead_in_re"]) else lead_in if item else None
    named: dict[str, bool] = {}  # evidence sentence -> it names a government: read once, however many figures it holds

    def held(t: Target) -> bool:
        if t.jurisdiction_name is not None or t.extra.get("held_by_organization"):
            return True
        if t.evidence not in named:
            named[t.evidence] = _names_a_government(t.evidence, cfg)
        return named[t.evidence]
    return dedupe_targets([t if t.jurisdiction_name or t.extra.get("held_by_organization") else _currency_government(t, cfg)
                           for t in out if held(t)])


def _currency_government(target: Target, cfg: dict) -> Target:
    """A government's figure no place holds ('The government will set aside HK$100 million ...' in a story naming no
    place) is that of the home of its local currency: a territory's (owners.territory_of_currency: Hong Kong), or a
    country's (targets.json currency_home: KRW -> South Korea) unless the sentence names a government below one ('the
    city government will spend 1 billion won': some city's). Unchanged for a currency with no home (US dollars, euros)."""
    home = territory_of_currency(target.unit)
    if home is None and not any(cfg["gov_re"][level].search(target.evidence) for level in LOCAL_LEVELS if level in cfg["gov_re"]):
        home = cfg["currency_home"].get(target.unit) if load_gazetteer().places.get(cfg["currency_home"].get(target.unit, "")) else None
    return replace(target, jurisdiction_name=home) if home else target


def _names_a_government(sentence: str, cfg: dict) -> bool:
    """True when a sentence names a government or a place by its kind ('the province will set up ...', 'Meridale
    City will invest ...'): a figure there with no owner found is a government's whose place the story does not
    name. A figure no place, no government and no known body holds is no target ('High-end remodels can exceed
    $250,000', 'the ERP giant pledged $20 billion'); the European Commission's budget is its own (held_by_organization)."""
    if any(rx.search(sentence) for rx in cfg["gov_re"].values()):
        return True
    return bool(cfg["named_place_head_re"].search(sentence))


def _per_holder(target: Target, story: StoryState, scans: SentenceScans, s: int, a: dict, figures: list[tuple[int, int]],
                in_sentence: list[Mention]) -> list[Target]:
    """The target once per place it is stated for ('Hefei and Wuhu will each set up ...': english_shared.py), each
    row numbered by holder_no as on the Chinese path; none when 'respectively' pairs places and figures unevenly.
    `scans` is the sentence's, starting at s in the body; `figures` the (start, end) of its amounts in the body."""
    clause_end = s + scans.clause(a["start"], a["end"])[1]
    holders = english_shared_owners(story.body, in_sentence, (s + a["start"], s + a["end"]), figures,
                                    clause_end, target.jurisdiction_name, scans, story.listed, s)
    if holders == [target.jurisdiction_name]:
        return [target]
    return [replace(target, jurisdiction_name=h, extra={**target.extra, "holder_no": n}) for n, h in enumerate(holders)]


def _note_plan_owner(story: StoryState, span: tuple[int, int], in_sentence: list[Mention], cfg: dict,
                     found: list[Target]) -> None:
    """Remember who owns the plan a sentence names ('... fit its metaverse action plan' after 'Henan'; with no place
    named, the holder of the sentence's figure: 'The Union Cabinet approved a scheme with an outlay of Rs 1,000 crore'
    is India's by its currency), and the end of the plan's period when the sentence states one ('released an action
    plan (2024-2026)'): the year of the goals later sentences list 'under the plan' without a year of their own."""
    holders = [t.jurisdiction_name for t in found if t.jurisdiction_name]
    if not in_sentence and not holders:
        return
    s, e = span
    noun = cfg["plan_intro_re"].search(story.body, s, e)
    if not noun:
        return
    if not in_sentence:
        story.plan_owner = holders[0]
        return
    year = period_year(story.body[s:e], story.published_at, cfg)
    if year is not None or not cfg["plan_reference_re"].search(story.body, s, e):  # 'Under the plan' keeps its period
        story.plan_year = year
    clause_start = s
    for m in CLAUSE_BREAK.finditer(story.body, s, noun.start()):
        clause_start = m.end()
    nxt = CLAUSE_BREAK.search(story.body, noun.end(), e)
    in_clause = [m for m in in_sentence if clause_start <= m.char_start < (nxt.start() if nxt else e)]
    story.plan_owner = first_subject(in_clause or in_sentence, story.body)


def _plan_year_of_lead_in(lead_in: str, target: Target, story: StoryState, cfg: dict) -> int | None:
    """The plan period's end for an item listed under a lead-in that refers back to the plan ('Under the plan, Xuhui
    will:' after 'Xuhui released an action plan (2024-2026)'), when the item's holder owns that plan."""
    if story.plan_year is None:
        return None
    return _plan_period(story, target.jurisdiction_name, bool(cfg["plan_reference_re"].search(lead_in)))


def _plan_period(story: StoryState, owner: str | None, refers_back: bool) -> int | None:
    """The end of the period of the plan the story last named with one, for a figure of that plan's owner in a
    sentence (or under a lead-in) referring back to the plan; None otherwise."""
    return story.plan_year if refers_back and owner == story.plan_owner else None


def _is_component(scans: SentenceScans, a: dict, story: StoryState, breakdown: bool) -> bool:
    """True for a line of a budget already stated in total ('The largest single item is KRW 34 billion ...')."""
    cfg, clause = scans.cfg, scans.clause(a["start"], a["end"])
    strong_cue, more_cue = scans.kept(("component", *clause), lambda: _clause_cues(scans, clause, "component_re", "component_more_re"))
    strong = breakdown or strong_cue
    if not (strong or more_cue):
        return False
    for total in story.totals:
        if (strong or total[2] > 0) and total[1] == a["unit"] and a["value"] < total[0] and total[2] + a["value"] <= total[0] * 1.001:
            total[2] += a["value"]
            return True
    return False


def _clause_cues(scans: SentenceScans, clause: tuple[int, int], *keys: str) -> tuple[bool, ...]:
    """Whether each pattern cfg[key] matches in the clause text[clause[0]:clause[1]]: read once per clause (kept by
    the callers), however many figures the clause holds."""
    text = scans.text[clause[0]:clause[1]]
    return tuple(bool(scans.cfg[key].search(text)) for key in keys)


def previous_amount_end(amount: dict, ends: list[int]) -> int | None:
    """End (in the sentence) of the amount stated just before this one, None for the first; `ends` are the ends of
    the sentence's amounts, sorted, so each figure finds it by bisection, not by reading every other figure.

    >>> previous_amount_end({"start": 30}, [12, 25, 40]), previous_amount_end({"start": 5}, [12, 25, 40])
    (25, None)
    """
    before = bisect_right(ends, amount["start"])
    return ends[before - 1] if before else None


def _target(story: StoryState, scans: SentenceScans, s: int, a: dict, fallback: str | None,
            previous_end: int | None = None, subject: Subject | None = None, anaphor: bool = False) -> Target:
    """Build one Target from an amount found in the sentence `scans` reads, starting at s in the body; a known
    organization as the subject (`subject`, subjects.py) holds it for its own jurisdiction, or for none, and a place
    as the subject outranks a place named before it in the sentence. What depends on the sentence alone (its
    deadline years, its same-year and relative-deadline cues) is read once per sentence."""
    cfg, sentence = scans.cfg, scans.text
    e = s + len(sentence)
    last_money = story.last_money
    unit = a["unit"]
    metric = a.get("metric") or money_metric(sentence, a, cfg, scans) or story.last_metric or "investment"
    usd = a["usd"] if a["stated"] else (None if unit == "count" else to_usd(a["value"], unit, cfg))
    years = scans.kept(("years",), lambda: sentence_years(sentence, story.published_at))
    year = sentence_year(sentence, a["start"], story.published_at, years)
    year_is_stated = year is not None  # written as a year; 'within three years' or the context only imply one
    if year is None and scans.kept(("same_year",), lambda: bool(cfg["same_year_re"].search(sentence))):
        year = scans.kept(("year_before",), lambda: deadline_year(story.body[:s], story.published_at)) or (
            last_money.target_year if last_money else None)
    relative = scans.kept(("relative",), lambda: next((m for rx in cfg["relative_re"] if (m := rx.search(sentence))), None))
    if year is None and relative:
        year = relative_year(relative, story.published_at, cfg)
    elif year is None:
        year = _paragraph_year(story, s, cfg)
    if subject is not None and subject.kind == "organization":
        owner = subject.owner
    else:
        owner = find_owner(story, (s, e), s + a["start"], s + a["end"], unit, fallback,
                           None if previous_end is None else s + previous_end, anaphor)
    if subject is not None and subject.kind == "place" and owner != subject.owner and (
            any(m.entity_name == owner for m in story.places_in(s, subject.start))
            or not any(m.entity_name == owner for m in story.places_in(s, e))):
        owner = subject.owner  # 'Following Shanghai, Hangzhou unveiled ...': the subject's, not a place before it;
        # 'The Hainan Free Trade Port aims ...': the place its name opens with, not one from an earlier sentence
    if a.get("shared") and (own := owner_currency(a["shared"], country_of(owner), cfg)) and own != unit:
        unit = own  # the owner's own peso or rupee: 'the city of Buenos Aires will spend 10 billion pesos'
        usd = a["usd"] if a["stated"] else to_usd(a["value"], unit, cfg)
    year = _context_year(year, owner, scans, sentence[a["start"]:a["end"]], story)
    stated = None if unit == "count" else bool(a["stated"])  # a count has no USD figure to state
    return Target(owner, metric, a["value"], unit, usd, stated, year, sentence, s, e,
                  {"amount_text": sentence[a["start"]:a["end"]], "amount_start": s + a["start"], "amount_end": s + a["end"],
                   "year_is_stated": year_is_stated if year is not None else None})


def _paragraph_year(story: StoryState, pos: int, cfg: dict) -> int | None:
    """The year a figure at pos with none of its own takes from its paragraph: the end of a plan period the paragraph
    states, else the last deadline before pos. The paragraph is read once, however many figures it holds (a long list
    of goals is one paragraph)."""
    p_start, p_end = story.paragraph(pos)
    if (p_start, p_end) not in story.paragraph_years:
        text = story.body[p_start:p_end]
        story.paragraph_years[(p_start, p_end)] = (period_year(text, story.published_at, cfg),
                                                   deadline_ends(text, story.published_at))
    period, deadlines = story.paragraph_years[(p_start, p_end)]
    before = bisect_right(deadlines, (pos - p_start, float("inf")))
    return period or (deadlines[before - 1][1] if before else None)


def _context_year(year: int | None, owner: str | None, scans: SentenceScans, amount_text: str,
                  story: StoryState) -> int | None:
    """The year when the sentence and paragraph give none: the deadline of the plan it refers back to, else the headline's.

    'Additionally, the plan outlines 50 research centers' takes the year of the plan's earlier targets;
    a headline 'Hubei wants 300 drone firms by 2027' dates the body's '300 drone companies' of Hubei.
    """
    if year is not None:
        story.owner_years.setdefault(owner, year)
        return year
    refers_back = scans.kept(("refers_back",), lambda: bool(scans.cfg["plan_reference_re"].search(scans.text)))
    goes_on = scans.kept(("goes_on",), lambda: bool(scans.cfg["continuation_subject_re"].match(scans.text)))
    if (refers_back or goes_on) and story.owner_years.get(owner) is not None:
        return story.owner_years[owner]  # 'The province will also build 10 parks' after its goal 'by 2026'
    if (period := _plan_period(story, owner, refers_back)) is not None:
        return period
    headline_year = deadline_year(story.title, story.published_at)
    number = re.search(r"\d[\d,.]*", amount_text)
    in_headline = bool(number and re.search(rf"(?<![\d.,]){re.escape(number.group().rstrip('.,'))}(?![\d])", story.title))
    if headline_year is not None and owner is not None and (owner == story.main or owner in story.title) and (
            in_headline or refers_back):
        return headline_year
    return None


def dedupe_targets(targets: list[Target]) -> list[Target]:
    """One target per (owner, value, unit) in a story, counts also per metric: keep the most complete statement."""
    best: dict[tuple, Target] = {}
    for t in targets:
        key = (t.jurisdiction_name, t.metric if t.unit == "count" else None, t.target_value, t.unit)
        old = best.get(key)
        rank = lambda x: (x.target_year is not None, bool(x.usd_is_stated))
        if old is None or rank(t) > rank(old):
            best[key] = t
    keep = {id(t) for t in best.values()}
    return [t for t in targets if id(t) in keep]


def _past_figure(clause: str, published_at: datetime | None, cfg: dict) -> bool:
    """True for a market figure or private investment dated in a year already past, with no commitment word.

    'The market was 40 billion yuan in 2022', 'investors put $2 billion into start-ups in 2021' are not
    targets; a fund set up or a budget spent by a government in a past year still is.
    """
    if published_at is None or not cfg["past_statistic_re"].search(clause):
        return False
    years = [int(y) for y in cfg["past_year_re"].findall(clause)]
    past = (years and max(years) < published_at.year) or (not years and cfg["past_phrase_re"].search(clause))
    return bool(past) and not cfg["commitment_re"].search(clause)


# a noun, then a relative pronoun and a lowercase word: 'a programme that invests', 'firms that open offices'; after a
# verb that takes a clause ('might indicate that CIOs are ...', 'said that analysts expect') 'that' opens no relative clause
RELATIVE_AFTER = re.compile(r"(?P<word>[A-Za-z-]+)(?P<rel>\s(?:that|which|who)\s)(?=[a-z])")
CLAUSE_VERBS = frozenset("""say says said indicate indicates indicated show shows showed shown suggest suggests suggested
    mean means meant believe believes believed expect expects expected note notes noted add adds added announce announces
    announced state states stated report reports reported find finds found think thinks thought estimate estimates
    estimated predict predicts predicted warn warns warned argue argues argued hope hopes hoped ensure ensures so such
    now than""".split())


def _committed_before(scans: SentenceScans, amount: dict, clause_start: int) -> bool:
    """True when a commitment word stands before the amount in its clause ('Seoul will spend ...'), not after it
    ('cyberattacks on three firms in 2022, targeting ...'); looked up in the sentence's one scan."""
    return bool(scans.first(scans.cfg["commitment_re"], clause_start, amount["start"]))


def _rejected(scans: SentenceScans, amount: dict, starts: list[int], ends: list[int],
              published_at: datetime | None = None) -> bool:
    """True for a statistic, fine, price, forecast, company figure, past amount, per-unit cap or amount cited as
    context. The clause's cues are read once per clause; `starts` and `ends` are those of the sentence's amounts,
    sorted, so the text between this amount's neighbours is found by bisection."""
    cfg, sentence = scans.cfg, scans.text
    clause = scans.clause(amount["start"], amount["end"])
    # a relative clause after the figure says what the thing does, not what the figure is: 'committed $1 billion to a
    # fund-of-funds programme that invests in venture capital firms' is no venture capital statistic
    relative = next((m for m in RELATIVE_AFTER.finditer(sentence, amount["end"], clause[1])
                     if m.group("word").lower() not in CLAUSE_VERBS), None)
    clause = (clause[0], relative.start("rel")) if relative else clause

    def read() -> tuple[bool, bool, bool]:
        text = sentence[clause[0]:clause[1]]
        stated = cfg["not_re"].search(text) or cfg["not_target_re"].search(text) or _past_figure(text, published_at, cfg)
        return bool(stated), bool(cfg["per_unit_re"].search(text)), bool(cfg["uncommitted_not_re"].search(text))
    stated, per_unit, uncommitted = scans.kept(("rejected", *clause), read)
    if stated:
        return True
    if uncommitted and not _committed_before(scans, amount, clause[0]):
        return True  # 'premiums reached $4 billion'; 'after revenue fell 10%, Guangzhou plans to ...' is a goal
    start = previous_amount_end(amount, ends) or 0
    after = bisect_left(starts, amount["end"])
    end = starts[after] if after < len(starts) else len(sentence)
    own = sentence[start:end]
    if amount["unit"] != "count" and (cfg["per_unit_re"].search(own) and per_unit
                                      or cfg["per_unit_after_re"].match(sentence[amount["end"]:])):
        return True
    return bool(cfg["context_before_re"].search(sentence[max(0, amount["start"] - 40):amount["start"]]))
