"""Find jurisdiction mentions (countries, provinces, cities, districts) in a story body."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from pipelines.extract.chinese.places import find_chinese_jurisdictions, has_han
from pipelines.extract.gazetteer import DATA_FILE, Gazetteer, fold_latin, load_gazetteer
from pipelines.extract.korean.places import find_korean_jurisdictions, has_hangul
from pipelines.records import Mention

TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’.][A-Za-z0-9]+|-(?=[A-Z])[A-Za-z0-9]+)*\.?")
GAP = re.compile(r"[ ]+|[ ]?-[ ]?")
# A place's name in capitals before its kind ('FUTIAN District has pledged …', a paper's lead-in in capitals): read as
# the name in title case. A name in capitals alone ('SHENZHEN --', a dateline) stays unread: no kind word vouches for it.
CAPITALS_BEFORE_KIND = re.compile(r"\b([A-Z]{3,}(?: [A-Z]{3,})?)(?= (?:District|Province|City|County|Prefecture|"
                                  r"Municipality|New Area|Autonomous Region)\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(]\s*|\n\s*)$")


@lru_cache(maxsize=1)
def _rules() -> dict:
    """Mention rules (suffix words, district cues, organisation words) from the data file."""
    rules = json.loads(DATA_FILE.read_text(encoding="utf-8"))["mention_rules"]
    words = "|".join(re.escape(w) for w in rules["place_suffixes"])
    rules["suffix_re"] = re.compile(rf"\s(?:{words})\b")
    dw = "|".join(re.escape(w) for w in rules["district_words"])
    name = r"([A-Z][a-z]+(?:[-'’](?![s]\b)[A-Za-z]+)?)"  # not a possessive: "Bogota's district government"
    rules["district_re"] = re.compile(rf"\b{name} (?:{dw})\b")
    rules["district_of_re"] = re.compile(rf"\b{name}, an? (?:[a-z]+ )?(?:{dw}) (?:of|in) ([A-Z][a-z]+)")
    rules["context_after_re"] = re.compile(rules["place_context_after_re"])
    rules["currency_after_re"] = re.compile(r"\s(?:%s)\b" % "|".join(re.escape(w) for w in rules["currency_words_after"]))
    rules["org_after_re"] = re.compile(r"\s(?:%s)\b" % "|".join(re.escape(w) for w in rules["org_words_after"]))
    rules["org_before_re"] = re.compile(r"(?:%s)\s$" % "|".join(re.escape(w) for w in rules["org_words_before"]))
    cues = "|".join(re.escape(w) for w in sorted(rules["place_cues_before"], key=len, reverse=True))
    rules["cue_before_re"] = re.compile(rf"(?:^|\W)(?:{cues})\s+(?:the\s+)?$")
    dem = "|".join(re.escape(w) for w in sorted(rules["country_demonyms"], key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in sorted(rules["place_nouns"], key=len, reverse=True))
    rules["demonym_re"] = re.compile(rf"(?<![\w.])(?P<dem>{dem})\s(?:[a-z-]+\s)?(?:{nouns})\s(?:of\s)?(?=[A-Z][a-z])")
    return rules


def country_demonyms() -> dict[str, str]:
    """Country adjectives and the countries they name ('South Korean' -> 'South Korea'), from the data file."""
    return _rules()["country_demonyms"]


def is_demonym(surface: str) -> bool:
    """True when a jurisdiction mention is a country adjective ('South Korean'), not the place's name."""
    return surface in _rules()["country_demonyms"]


def _demonym_mentions(text: str, gaz: Gazetteer, rules: dict) -> list[Mention]:
    """Countries named by an adjective before a place noun and a name: 'the South Korean port city of Busan'."""
    out = []
    for m in rules["demonym_re"].finditer(text):
        country = gaz.lookup(rules["country_demonyms"][m.group("dem")])
        if country is not None:
            out.append(Mention("jurisdiction", country.name, m.group("dem"), m.start("dem"), m.end("dem")))
    return out


def _spellings(span: str) -> list[str]:
    """The span as written, without a final '.', without a possessive "'s" (each spelling once, in that order)."""
    out = [span]
    bare = span.rstrip(".")
    if bare != span:
        out.append(bare)
    elif span.endswith(("'s", "’s")):
        out.append(span[:-2])
    return out


def _candidates(text: str, gaz: Gazetteer):
    """Yield (start, end, canonical) for the longest gazetteer alias at each capitalised token."""
    tokens = list(TOKEN.finditer(text))
    count, max_words, lookup = len(tokens), gaz.max_words, gaz.lookup
    i = 0
    while i < count:
        tok = tokens[i]
        word = tok.group()
        if not word[0].isupper():
            i += 1
            continue
        hit = None
        top = gaz.max_tokens(_spellings(word))  # 0: no alias starts here
        start = tok.start()
        for n in range(min(max_words, count - i, top), 0, -1):
            last = tokens[i + n - 1]
            if n > 1 and not GAP.fullmatch(text[tokens[i + n - 2].end():last.start()] or "x"):
                continue
            for cut in _spellings(text[start:last.end()]):
                place = lookup(cut)
                if place is not None:
                    hit = (start, start + len(cut), place.name, n)
                    break
            if hit:
                break
        if hit:
            yield hit[:3]
            i += hit[3]
        else:
            i += 1


def _place_suffix(text: str, end: int, place, rules: dict) -> re.Match | None:
    """The place word extending a mention ending at `end` ('Sichuan province', 'Lagos State'), None when none. A capital
    'State' extends no place of the countries of `state_suffix_not_in`: 'Ohio State' is a university there.

    >>> g = load_gazetteer()
    >>> bool(_place_suffix("Lagos State", 5, g.lookup("Lagos"), _rules())), bool(_place_suffix("Ohio State", 4, g.lookup("Ohio"), _rules()))
    (True, False)
    """
    suffix = rules["suffix_re"].match(text, end)
    if suffix and suffix.group() == " State" and place.country_code in rules["state_suffix_not_in"]:
        return None
    return suffix


def _inside_org_name(text: str, start: int, end: int, rules: dict) -> bool:
    """True when the place is part of an organisation or brand name ('China Mobile', 'Bank of China')."""
    return bool(rules["org_after_re"].match(text, end) or rules["org_before_re"].search(text[max(0, start - 40):start]))


TITLE_CASE_LINE_MAX_CHARS = 2000  # a headline or a menu saved as one line is shorter: a longer line is prose
_CAP_WORD_AFTER = re.compile(r"[ ][A-Z][A-Za-z]+")
_CAP_WORD_BEFORE = re.compile(r"[A-Z][A-Za-z]*[ ]$")


def _is_title_case_line(text: str, start: int, end: int) -> bool:
    """True when the line holding text[start:end] is in title case, a headline or a menu ('Hefei Unveils Metaverse
    Plan'): four words or more, most capitalised. Only a line up to TITLE_CASE_LINE_MAX_CHARS is read, so a hostile
    line holding thousands of places is not read again for each of them."""
    lo = max(0, start - TITLE_CASE_LINE_MAX_CHARS)
    line_start = text.rfind("\n", lo, start) + 1 or (0 if lo == 0 else -1)
    line_end = text.find("\n", end, end + TITLE_CASE_LINE_MAX_CHARS)
    if line_end < 0 and len(text) <= end + TITLE_CASE_LINE_MAX_CHARS:
        line_end = len(text)
    if line_start < 0 or line_end < 0 or line_end - line_start > TITLE_CASE_LINE_MAX_CHARS:
        return False
    words = re.findall(r"[A-Za-z]+", text[line_start:line_end])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _inside_longer_name(text: str, start: int, end: int, place, gaz: Gazetteer, rules: dict) -> bool:
    """True when a one-word place other than a country is glued to capitalised words that are no place:
    a first name ('Vladimir Putin'), a product or a brand ('App Store'). Title-case lines are left alone.

    >>> from pipelines.extract.gazetteer import load_gazetteer
    >>> t = "President Vladimir Putin signed it."
    >>> _inside_longer_name(t, 10, 18, load_gazetteer().lookup("Vladimir"), load_gazetteer(), _rules())
    True
    """
    if place.level == "country" or " " in text[start:end] or (place.name in gaz.capitals and place.major):
        return False
    if _is_title_case_line(text, start, end):
        return False
    after = _CAP_WORD_AFTER.match(text, end)
    if after and not _place_suffix(text, end, place, rules) and gaz.lookup(after.group().strip()) is None \
            and after.group().strip() not in rules["place_followers"]:  # 'Texas Governor Greg Abbott' names Texas
        return True
    before = _CAP_WORD_BEFORE.search(text[max(0, start - 30):start])
    if before and not _SENTENCE_START.search(text[max(0, start - 30):start - len(before.group())]):
        return gaz.lookup(before.group().strip()) is None and before.group().strip() not in rules["place_preceders"]
    return False


def _learn_districts(text: str, gaz: Gazetteer, rules: dict) -> None:
    """Register districts named in context: 'Nanjing's Jiangning district', 'X, a district of Y'."""
    for m in rules["district_of_re"].finditer(text):
        if gaz.lookup(m.group(1)) is None and m.group(1) not in rules["not_district_names"]:
            parent = gaz.lookup(m.group(2))
            gaz.learn_district(m.group(1), parent.name if parent else None)
    for m in rules["district_re"].finditer(text):
        name = m.group(1)
        if gaz.lookup(name) is not None or name in rules["not_district_names"]:
            continue
        before = re.search(r"([A-Z][a-z]+)['’]s\s$", text[max(0, m.start() - 30):m.start()])
        after = re.match(r"\s(?:of|in) ([A-Z][a-z]+)", text[m.end():m.end() + 30])
        parent = gaz.lookup((before or after).group(1)) if (before or after) else None
        gaz.learn_district(name, parent.name if parent else None)


def find_jurisdictions(text: str, context_countries: frozenset = frozenset(), japanese: bool | None = None,
                       context_places: frozenset = frozenset()) -> list[Mention]:
    """Jurisdiction mentions in text, with canonical names and offsets (`japanese`, `context_places`: the places the
    story's other field names; see find_chinese_jurisdictions).

    >>> [(m.entity_name, m.surface_text) for m in find_jurisdictions("The province of Henan and Sichuan province.")]
    [('Henan', 'Henan'), ('Sichuan', 'Sichuan province')]
    >>> [(m.entity_name, m.surface_text) for m in find_jurisdictions("四川省和成都市")]
    [('Sichuan', '四川省'), ('Chengdu', '成都市')]
    >>> [(m.entity_name, m.surface_text) for m in find_jurisdictions("FUTIAN District has pledged; SHENZHEN -- The city")]
    [('Futian', 'FUTIAN District')]
    """
    if not text:
        return []
    gaz, rules = load_gazetteer(), _rules()
    original, text = text, fold_latin(text)  # names are matched without accents ('São Paulo'); offsets are kept
    if CAPITALS_BEFORE_KIND.search(text):  # 'FUTIAN District' read as 'Futian District', offsets kept
        text = CAPITALS_BEFORE_KIND.sub(lambda m: m.group(1).title(), text)
    _learn_districts(text, gaz, rules)
    out, minor = [], []
    for start, end, name in _candidates(text, gaz):
        if text.startswith("$", end) or (text[start:end].isupper() and text.startswith(" $", end) and text[end + 2:end + 3].isdigit()) \
                or rules["currency_after_re"].match(text, end) or _inside_org_name(text, start, end, rules) \
                or _inside_longer_name(text, start, end, gaz.lookup(text[start:end].rstrip(".")) or gaz.places[name],
                                       gaz, rules):
            continue
        suffix = _place_suffix(text, end, gaz.places[name], rules)
        if suffix and _inside_org_name(text, start, suffix.end(), rules):
            continue  # 'Lagos State University' names no state
        if (name in gaz.context_only or not gaz.places[name].major) and " " not in text[start:end].strip() \
                and (suffix or _has_place_context(text, start, end, gaz, rules, gaz.places[name].country_code)):
            pass  # a place word around it says it is a place
        elif name in gaz.context_only:
            continue
        elif not gaz.places[name].major and " " not in text[start:end].strip():
            minor.append(len(out))  # kept if the story names its country otherwise (below)
        if suffix:
            end = suffix.end()
        parent = gaz.places[name].parent if gaz.is_learned(name) else None
        out.append(Mention("jurisdiction", name, original[start:end], start, end, parent=parent))
    if has_han(text):  # Chinese names (四川省, 成都): read only where the text holds Han characters
        out += find_chinese_jurisdictions(original, japanese, context_places)
    if has_hangul(text):  # Korean names (서울시, 경기도): read only where the text holds Hangul
        out += find_korean_jurisdictions(original)
    taken = [(m.char_start, m.char_end) for m in out]
    out += [d for d in _demonym_mentions(text, gaz, rules) if not any(s < d.char_end and d.char_start < e for s, e in taken)]
    out = _corroborated(out, set(minor), gaz, rules, context_countries)
    resolve_homonyms(out, gaz)
    return sorted(out, key=lambda m: m.char_start)


def _corroborated(mentions: list[Mention], minor: set[int], gaz: Gazetteer, rules: dict, context: frozenset) -> list[Mention]:
    """Drop one-word minor places ('Store', 'Mary', 'Kennedy') whose country the story names nowhere else:
    by a major place, a country adjective or the countries of the story's other field (`context`).

    >>> [m.entity_name for m in find_jurisdictions("Phuket visitors rose.")]
    []
    >>> [m.entity_name for m in find_jurisdictions("Phuket and Bangkok visitors rose.")]
    ['Phuket', 'Bangkok']
    """
    countries = set(context)
    for i, m in enumerate(mentions):
        place = gaz.places.get(m.entity_name)
        if i not in minor and place is not None:
            countries.add(place.country_code)
    return [m for i, m in enumerate(mentions) if i not in minor or gaz.places[m.entity_name].country_code in countries]


def story_countries(mentions: list[Mention]) -> frozenset:
    """Country codes of the places among mentions (the body's, to read the headline with)."""
    gaz = load_gazetteer()
    return frozenset(gaz.places[m.entity_name].country_code for m in mentions
                     if m.entity_type == "jurisdiction" and m.entity_name in gaz.places)


def resolve_homonyms(mentions: list[Mention], gaz: Gazetteer) -> None:
    """Read a name two countries' places share as the one whose country the story names otherwise:
    'Georgia' beside 'the US' or 'Texas' is the US state, else the country.

    >>> [m.entity_name for m in find_jurisdictions("Georgia and Texas in the US passed bills.")]
    ['Georgia (United States)', 'Texas', 'United States']
    """
    countries = {gaz.places[m.entity_name].country_code for m in mentions
                 if m.entity_name in gaz.places and m.entity_name not in gaz.homonyms}
    for m in mentions:
        primary = gaz.places.get(m.entity_name)
        if primary is None or m.entity_name not in gaz.homonyms or primary.country_code in countries:
            continue
        for other in gaz.homonyms[m.entity_name]:
            if gaz.places[other].country_code in countries:
                m.entity_name = other
                break


def _has_place_context(text: str, start: int, end: int, gaz: Gazetteer, rules: dict, country: str | None = None) -> bool:
    """True when the words around a name that is also a common word or a first name make it a place:
    'in Reading', 'the city of Phoenix', 'Austin, Texas', 'Phoenix-based', 'Washington state'. A place of another
    country after the comma says the name is that country's town, not the gazetteer's ('Newport, Rhode Island' is
    no evidence for Newport in Wales, 'Cambridge, Massachusetts' none for Cambridge in England).

    >>> g = load_gazetteer()
    >>> _has_place_context("Newport, Rhode Island", 0, 7, g, _rules(), "GB"), _has_place_context("Austin, Texas", 0, 6, g, _rules(), "US")
    (False, True)
    """
    if rules["cue_before_re"].search(text[max(0, start - 25):start]) or text.startswith(("-based", " state"), end) \
            or rules["context_after_re"].match(text, end):  # "Victoria's government"
        return True
    after = re.match(r", ([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)", text[end:end + 40])
    where = after and (gaz.lookup(after.group(1)) or gaz.lookup(after.group(1).split()[0]))
    if not where or country is None:
        return bool(where)
    # 'Atlanta, Georgia': the US state, a homonym of the country
    return any(p.country_code == country for p in (where, *map(gaz.places.get, gaz.homonyms.get(where.name, []))))
