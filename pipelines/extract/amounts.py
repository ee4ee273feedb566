"""Money amounts and counted things in a sentence: value, unit, metric, USD figure."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from pipelines.extract.match_index import first_in
from pipelines.extract.ranges import without_ranges, without_starting_levels
from pipelines.extract.spans import DisjointSpans, Spans
from pipelines.extract.target_rules import CLAUSE_BREAK

# What may end the text before a figure, each at most two characters (and a newline) long, so only the last three
# characters before the figure are searched, not the sentence up to it once per figure
CAPITALS_BEFORE = re.compile(r"[A-Z]{1,2}$")  # 'HK$', 'US$', 'S$': a dollar of its own
SIGN_OR_DIGIT_BEFORE = re.compile(r"[$¥€£]\s?$|\d[.,]?$")  # '$100 companies' or '1,100 companies' is no count
NOT_IN_WORDS = re.compile(r"[^\w\s]|[\d_]")  # a character that is neither a letter nor a space


def number(num: str, scale: str | None, cfg: dict) -> float:
    """'1.5', 'billion' -> 1.5e9; number words ('ten') too.

    >>> from pipelines.extract.target_rules import target_rules
    >>> number("1.5", "billion", target_rules()), number("ten", None, target_rules())
    (1500000000.0, 10.0)
    """
    key = num.lower()
    value = float(cfg["number_words"][key]) if key in cfg["number_words"] else float(num.replace(",", ""))
    if scale:
        value *= cfg["scales"].get(scale, cfg["scales"].get(scale.lower(), 1.0))
    return value


def _currency(code: str, body: str, cfg: dict) -> str | None:
    """Resolve a sign several countries use (¥, Rs, pesos) from the story's words: the code whose words it names
    most, ties to the first listed; the sign's default when it names none (None: no amount, as for 'pesos' alone).

    >>> from pipelines.extract.target_rules import target_rules
    >>> [_currency(c, b, target_rules()) for c, b in [("RUPEE", "Pakistan's Rs 1 billion fund"), ("RUPEE", ""), ("PESO", "")]]
    ['PKR', 'INR', None]
    """
    choices = cfg["symbol_context_re"].get(code)
    if not choices:
        return code
    counts = [len(rx.findall(body)) for _, rx in choices]
    if max(counts) == 0:  # no word of the lists: the country of the places the story names ('Osaka ... ¥2 billion')
        countries = _place_countries(body)
        homes = [cur for cur, _ in choices if _home_country(cur, cfg) in countries]
        return homes[0] if len(homes) == 1 else cfg["symbol_context"][code]["_default"]
    return choices[counts.index(max(counts))][0]  # ties to the first listed


@lru_cache(maxsize=4)
def _place_countries(body: str) -> frozenset:
    """Country codes of the places a body names (read once per body: only a sign no word resolves asks)."""
    from pipelines.extract.jurisdictions import find_jurisdictions, story_countries  # it reads no amounts
    return story_countries(find_jurisdictions(body))


def _home_country(currency: str, cfg: dict) -> str | None:
    """The country code of a currency's home (targets.json currency_home: JPY -> Japan -> JP)."""
    from pipelines.extract.gazetteer import load_gazetteer
    home = load_gazetteer().places.get(cfg["currency_home"].get(currency, ""))
    return home.country_code if home else None


def find_money(sentence: str, body: str, cfg: dict) -> list[dict]:
    """Money amounts in a sentence: value, unit, span (relative to the sentence).

    >>> from pipelines.extract.target_rules import target_rules
    >>> [(a["value"], a["unit"], a["usd"]) for a in find_money("a RMB 5 billion ($700 million) fund", "", target_rules())]
    [(5000000000.0, 'CNY', 700000000.0)]
    """
    found = []
    taken = DisjointSpans()  # the spans of `found`, looked up by bisection
    for kind in ("money_pre", "money_post"):
        for m in cfg[kind].finditer(sentence):
            table = cfg["currency_prefixes"] if kind == "money_pre" else cfg["currency_words"]
            unit = _currency(table[m.group("cur")], body, cfg)
            if unit is None:  # a sign no country of the story uses
                continue
            if kind == "money_pre" and m.group("cur") == "$" and CAPITALS_BEFORE.search(sentence, max(0, m.start() - 3), m.start()):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and not m.group("scale"):
                continue
            if not taken.is_free(m.start(), m.end()):
                continue
            taken.add(m.start(), m.end())
            sign = table[m.group("cur")]  # a sign several countries share ('pesos', 'Rs') is read again by its owner
            found.append({"start": m.start(), "end": m.end(), "unit": unit,
                          "value": number(m.group("num"), m.group("scale"), cfg),
                          **({"shared": sign} if sign in cfg["symbol_context_re"] else {})})
    found.sort(key=lambda f: f["start"])
    return without_ranges(sentence, _pair_usd(sentence, found, cfg), cfg["range_words"])


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


def find_counts(sentence: str, taken: list[dict], cfg: dict) -> list[dict]:
    """Counted things in a sentence: '200 metaverse companies', 'ten industrial parks'.

    >>> from pipelines.extract.target_rules import target_rules
    >>> [(a["value"], a["metric"]) for a in find_counts("to host ten industrial parks", [], target_rules())]
    [(10.0, 'industrial_parks')]
    """
    out = []
    money = counted = others = None  # made for the sentence's first count (most sentences hold none)
    for m in [*cfg["count_re"].finditer(sentence), *cfg["count_from_to"].finditer(sentence)]:
        if money is None:  # the spans of the money amounts and of the counts kept, looked up by bisection
            money, counted = Spans((t["start"], t["end"]) for t in taken), DisjointSpans()
        if money.overlaps(m.start(), m.end()):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num")):
            continue
        if SIGN_OR_DIGIT_BEFORE.search(sentence, max(0, m.start() - 3), m.start()) or not counted.is_free(m.start(), m.end()):
            continue
        # where the sentence holds a character no word or space is, read for its first count that gets this far
        others = others if others is not None else [o.start() for o in NOT_IN_WORDS.finditer(sentence)]
        if _in_a_name(sentence, m, cfg) or (m.re is not cfg["count_from_to"] and _range_or_past_count(sentence, m, cfg, others)):
            continue  # 'raise its pool of experts to 15,000': the possessive is the pool's, the figure a level to reach
        counted.add(m.start(), m.end())
        metric = cfg["count_noun"][m.group("noun").lower()] if m.group("noun").lower() in cfg["count_noun"] else "other"
        out.append({"start": m.start(), "end": m.end(), "unit": "count", "usd": None, "stated": False,
                    "value": number(m.group("num"), m.group("scale"), cfg), "metric": metric})
    for m in cfg["trained_count_re"].finditer(sentence):  # 'train 1 million people': talent only after the verb
        start = m.start("num")
        if not any(o["start"] < m.end() and start < o["end"] for o in [*taken, *out]):
            out.append({"start": start, "end": m.end(), "unit": "count", "usd": None, "stated": False,
                        "value": number(m.group("num"), m.group("scale"), cfg), "metric": "talent"})
    return without_starting_levels(sentence, out, cfg["range_words"])  # ranges of counts: _range_or_past_count


def _in_a_name(sentence: str, m: re.Match, cfg: dict) -> bool:
    """True for a number that names something ('Web 3 companies', 'Fortune 500 companies': a capitalised word not
    opening the sentence right before it) or ranks things ('the top 10 insurers'), or a decimal with no scale ('4.0
    specialists'): no count of things.

    >>> from pipelines.extract.target_rules import target_rules
    >>> [[a["value"] for a in find_counts(s, [], target_rules())] for s in
    ...  ("It courts Fortune 500 companies", "It courts 500 companies", "Over 500 companies came")]
    [[], [500.0], [500.0]]
    """
    if "." in m.group("num") and not m.group("scale"):
        return True
    before = max(0, m.start() - 40)
    return bool(cfg["count_name_before_re"].search(sentence, before, m.start())
                or cfg["count_rank_before_re"].search(sentence, before, m.start()))  # 'the top 10 insurers


def _range_or_past_count(sentence: str, m: re.Match, cfg: dict, others: list[int]) -> bool:
    """True for a bound of a range ('three to five parks') or a count already reached ('displayed its first 20 use cases').

    Both tests of the text before the count look at its end, not the sentence up to it once per count: a range's
    joining word must end it (range_before_end), and a past verb's phrase is words and spaces alone, so it starts
    after the last other character (`others`: where the sentence holds one, in order; target_rules checks the pattern).
    """
    start = m.start()
    if cfg["range_before_end"].search(sentence, max(0, start - 4), start) and cfg["range_before"].search(sentence, 0, start):
        return True
    end = first_in(CLAUSE_BREAK, sentence, m.end(), len(sentence), cfg["reach"][CLAUSE_BREAK])
    after = sentence[m.end():end.start() if end else len(sentence)]
    last_other = bisect_left(others, start)
    words_from = others[last_other - 1] + 1 if last_other else 0
    if cfg["count_past_before_re"].search(sentence, words_from, start):
        return True
    # 'aims to have 1,000 start-ups registered in its programme by 2026' is a goal, not a count already registered
    return bool(cfg["count_past_after_re"].search(after)) and not AIM_TO_HAVE.search(sentence, words_from, start)


AIM_TO_HAVE = re.compile(r"\b(?:aims?|aiming|wants?|plans?|targets?|seeks?|hopes?|expects?)\s+to\s+(?:have|see|get)\s+$")


def money_metric(sentence: str, amount: dict, cfg: dict, scans=None) -> str | None:
    """fund_size, industry_size or investment from the words around the amount, else from the sentence's (read once
    per sentence when `scans`, the sentence's SentenceScans, is given); None when no cue.

    >>> from pipelines.extract.target_rules import target_rules
    >>> money_metric("a RMB 5 billion fund", {"start": 2, "end": 15}, target_rules())
    'fund_size'
    """
    after = sentence[amount["end"]:amount["end"] + 60].lower()
    before = sentence[max(0, amount["start"] - 60):amount["start"]].lower()
    near = re.split(r"[,;]", after)[0]
    phrase = cfg["metric_phrase_stop_re"].split(re.sub(r"^\s*\([^)]*\)", "", after))[0]
    metrics = cfg["money_metric_res"]
    heads = [(m.start(), metric) for metric, words in metrics for w in words for m in w.finditer(phrase)]
    if heads:
        return max(heads)[1]
    if cfg["purpose_after_re"].match(after) and cfg["spending_before_re"].search(before):
        return "investment"  # 'invest 5 billion yuan in the metaverse industry': what the money is spent on
    for metric, words in metrics:
        if any(w.search(near[:30]) for w in words):
            return metric
    heads = [(m.end(), metric) for metric, words in metrics for w in words for m in w.finditer(before[-45:])]
    if heads:
        return max(heads)[1]
    return scans.kept(("metric",), lambda: _sentence_metric(sentence, cfg)) if scans else _sentence_metric(sentence, cfg)


def _sentence_metric(sentence: str, cfg: dict) -> str | None:
    """The first metric whose words the sentence holds anywhere, None when it holds none."""
    lower = sentence.lower()
    for metric, words in cfg["money_metric_res"]:
        if any(w.search(lower) for w in words):
            return metric
    return None


def currency_homes(text: str, cfg: dict) -> set[str]:
    """The home places (targets.json currency_home) of the local currencies the text writes amounts in: a story
    with 'C$50 million' is about somewhere in Canada, one with '₹100 crore' about India; '$' and '€' name none.

    >>> from pipelines.extract.target_rules import target_rules
    >>> sorted(currency_homes("Ontario will invest C$50 million and $2 million.", target_rules()))
    ['Canada']
    """
    homes = set()
    for kind, table in (("money_pre", cfg["currency_prefixes"]), ("money_post", cfg["currency_words"])):
        for m in cfg[kind].finditer(text):
            home = cfg["currency_home"].get(_currency(table[m.group("cur")], text, cfg) or "")
            if home:
                homes.add(home)
    return homes


def below_target_size(amount: dict, cfg: dict) -> bool:
    """True for a sum too small to be a public target (targets.json min_target_usd): a price, a fee, a wage.
    A million or more in a currency of small unit ('100 million won') has the lower floor min_target_usd_in_millions.

    >>> from pipelines.extract.target_rules import target_rules
    >>> [below_target_size({"value": v, "unit": u, "usd": None, "stated": False}, target_rules())
    ...  for v, u in ((425, "USD"), (5e6, "USD"), (75e3, "USD"), (100e6, "KRW"), (10e6, "KRW"))]
    [True, False, True, False, True]
    """
    if amount["unit"] == "count":
        return False
    usd = amount["usd"] if amount.get("stated") else to_usd(amount["value"], amount["unit"], cfg)
    floor = cfg["min_target_usd_in_millions"] if amount["value"] >= 1e6 else cfg["min_target_usd"]
    return usd is not None and usd < floor


def owner_currency(shared: str, owner_country: str | None, cfg: dict) -> str | None:
    """The currency of a shared sign ('pesos', 'Rs', '¥') that the owner's country uses, None when it uses none of
    them: '10 billion pesos' the city of Buenos Aires spends are Argentine, in a story naming Colombia more.

    >>> from pipelines.extract.target_rules import target_rules
    >>> owner_currency("PESO", "Argentina", target_rules()), owner_currency("PESO", "Japan", target_rules())
    ('ARS', None)
    """
    return next((code for code, _ in cfg["symbol_context_re"].get(shared, [])
                 if owner_country is not None and cfg["currency_home"].get(code) == owner_country), None)


def to_usd(value: float, unit: str, cfg: dict) -> float | None:
    """Convert at the documented rate table; None for counts and unknown currencies.

    >>> from pipelines.extract.target_rules import target_rules
    >>> to_usd(7.3e9, "CNY", target_rules()), to_usd(5, "count", target_rules())
    (1000000000.0, None)
    """
    rate = cfg["fx"].get(unit)
    return value / rate if rate else None
