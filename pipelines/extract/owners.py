"""Who sets a target: the jurisdiction owning an amount, from the clause, the sentence and the story so far."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import chain, islice
from datetime import datetime
from functools import lru_cache

from pipelines.extract.gazetteer import load_gazetteer
from pipelines.extract.jurisdictions import country_demonyms, find_jurisdictions, is_demonym
from pipelines.extract.match_index import DIRECT_SPAN, first_in, last_in, text_index
from pipelines.extract.target_rules import CLAUSE_BREAK, target_rules
from pipelines.records import Mention, Target

BLANK_LINE = re.compile(r"(?=\n\n)")  # each place a blank line starts, those overlapping ('\n\n\n') too


@dataclass
class StoryState:
    """What the sentence walk knows about one story: its places and the state carried from sentence to sentence."""

    body: str
    jur: list[Mention]
    main: str | None
    published_at: datetime | None
    prev_subject: str | None = None
    title: str = ""  # the story's headline: a last source of a target's year
    plan_owner: str | None = None
    plan_year: int | None = None  # the end of the period of the plan plan_owner owns ('an action plan (2024-2026)')
    last_money: Target | None = None
    listed: tuple[str, ...] = ()  # the last list of two or more places a sentence named ('Guangzhou, Shenzhen and Chengdu')
    last_metric: str | None = None  # of the last sum read, a target's or a statistic's: a sum naming none takes it
    totals: list[list] = field(default_factory=list)  # [value, unit, part sum] of funds and budgets stated so far
    owner_years: dict = field(default_factory=dict)  # jurisdiction -> first deadline year of its targets in the story
    paragraph_years: dict = field(default_factory=dict)  # (start, end) -> (plan period's year, deadlines): targets.py
    kept: dict = field(default_factory=dict)  # what a clause's figures share, worked out for the first (_most_specific)
    _starts: list[int] = field(default_factory=list, repr=False)
    _breaks: list[int] | None = field(default=None, repr=False)  # where each blank line ('\n\n') starts, in order

    def __post_init__(self):
        self.jur = sorted(self.jur, key=lambda m: m.char_start)
        self._starts = [m.char_start for m in self.jur]

    def places_in(self, lo: int, hi: int) -> list[Mention]:
        """The places starting in [lo, hi), found by bisection over their sorted starts, so looking up a figure's
        owner reads the places near it, not all of the story's: a long body stays linear in its length."""
        return self.jur[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

    def places_before(self, pos: int):
        """The places starting before pos, the nearest first, read one at a time (a search stops at the first it wants)."""
        return (self.jur[i] for i in range(bisect_left(self._starts, pos) - 1, -1, -1))

    def paragraph(self, pos: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding pos: after the last blank line ending by pos, up to the first one
        from pos on. The blank lines are found once per story, so a paragraph of many figures is not read once per figure.

        >>> StoryState("One.\\n\\nTwo and two.\\n\\n\\nThree.", [], None, None).paragraph(9)
        (6, 18)
        """
        if self._breaks is None:
            self._breaks = [m.start() for m in BLANK_LINE.finditer(self.body)]
        before = bisect_right(self._breaks, pos - 2)  # the blank lines wholly before pos
        after = bisect_left(self._breaks, pos)
        return (self._breaks[before - 1] + 2 if before else 0), (
            self._breaks[after] if after < len(self._breaks) else len(self.body))


def _is_subject_place(m: Mention) -> bool:
    """False for country adjectives ('South Korean port city of Busan'): they qualify a place, they own nothing."""
    return not is_demonym(m.surface_text)


def first_subject(cands: list[Mention], body: str) -> str:
    """First mention of a clause, or its child when written 'Guangzhou's Tianhe district', 'Guangdong, Guangzhou' or
    with nothing between, as Chinese writes a city before its district (广州南沙区 is Nansha); after a possessive, any
    place inside the first ('south China's Shenzhen' is Shenzhen).

    >>> body = "Guangzhou's Tianhe district"
    >>> first_subject([Mention("jurisdiction", "Guangzhou", "Guangzhou", 0, 9),
    ...                Mention("jurisdiction", "Tianhe", "Tianhe", 12, 18)], body)
    'Tianhe'
    """
    gaz = load_gazetteer()
    # the first two subject places, else the first two: a clause of thousands of places is not filtered whole
    cands = list(islice((m for m in cands if _is_subject_place(m)), 2)) or cands[:2]
    first = cands[0]
    for nxt in cands[1:2]:
        gap = body[first.char_end:nxt.char_start]
        place = gaz.places.get(nxt.entity_name)
        if re.fullmatch(r"['’]s\s|,\s|\s?", gap) and place is not None and (
                place.parent == first.entity_name or gap[:1] in "'’" and first.entity_name in _chain(nxt.entity_name)):
            return nxt.entity_name  # 'south China's Shenzhen': a place inside the one owning it
    return first.entity_name


def _most_specific(subject: str, story: StoryState, clause: tuple[int, int], pos: int) -> str:
    """A place inside the subject named later in the clause, before the figure at pos, owns the figure ('In Jiangsu,
    the Jiangning district aims ...'). The clause's places inside the subject are found once per clause and subject
    (kept on the story), and each figure takes the last before it by bisection.

    >>> body = "In Jiangsu, the Jiangning district aims for 10 billion yuan."
    >>> story = StoryState(body, [Mention("jurisdiction", "Jiangsu", "Jiangsu", 3, 10),
    ...                           Mention("jurisdiction", "Jiangning", "Jiangning", 16, 25)], None, None)
    >>> _most_specific("Jiangsu", story, (0, len(body)), 44), _most_specific("Jiangsu", story, (0, len(body)), 12)
    ('Jiangning', 'Jiangsu')
    """
    key = ("inside", clause, subject)
    if key not in story.kept:
        # only before the clause's verb: 'Hainan will build a zone in Haikou, ... 100 companies' is Hainan's
        verb = target_rules()["subject_verb_re"].search(story.body, *clause)
        inner = [m for m in story.places_in(clause[0], verb.start() if verb else clause[1])
                 if m.entity_name != subject and _is_subject_place(m) and subject in _chain(m.entity_name)[1:]
                 and not DESCRIBED_BEFORE.search(story.body, max(clause[0], m.char_start - 20), m.char_start)
                 and not RELATIVE_OPEN.search(story.body, clause[0], m.char_start)]
        story.kept[key] = ([m.char_start for m in inner], [m.entity_name for m in inner])
    starts, names = story.kept[key]
    before = bisect_left(starts, pos)
    return names[before - 1] if before else subject


def country_of(name: str | None) -> str | None:
    """The country a jurisdiction belongs to ('Seoul' -> 'South Korea'), itself for a country."""
    return next((p.name for p in load_gazetteer().ancestors(name) if p.level == "country"), None)


def _chain(name: str | None) -> list[str]:
    """The jurisdiction and its ancestors: 'Tianhe' -> ['Tianhe', 'Guangzhou', 'Guangdong', 'China']."""
    return [p.name for p in load_gazetteer().ancestors(name)]


def _by_level(level: str, pos: int, story: StoryState) -> str | None:
    """'the city' -> the last city named; 'the ministry' -> the story's country; 'the government' -> the paragraph's or story's place."""
    gaz = load_gazetteer()
    if level == "country":  # the country of the last place named before, in a story of several countries
        near = _last_before(story, pos, lambda p: p is not None)
        if near and country_of(near) != country_of(story.main) and _several_countries(story):
            return country_of(near)
        return country_of(story.main) or _last_before(story, pos, lambda p: p is not None and p.level == "country")
    if level == "capital":  # 'the capital' in a story about a country's capital is it ('Seoul ... Busan ... The capital
        return story.main if story.main in gaz.capitals else None  # aims'); else it is read as 'the city'
    levels = target_rules()["levels_for"][level]
    if levels is None:
        prior = [m for m in story.places_in(story.paragraph(pos)[0], pos) if _is_subject_place(m)]
        return prior[-1].entity_name if prior else story.main
    return _last_before(story, pos, lambda p: p is not None and p.level in levels)


def _several_countries(story: StoryState) -> bool:
    """True when the story's places lie in two countries or more, each named at least twice ('Qatar ... Doha ...
    Bahrain ... Manama'): a country's ministry is then the one of the place named last, not the story's main place's.
    A country named once beside another's many places ('... like Singapore') leaves the story one country's."""
    key = ("several_countries",)
    if key not in story.kept:
        counts: dict = {}
        for m in story.jur:
            country = country_of(m.entity_name)
            counts[country] = counts.get(country, 0) + 1
        story.kept[key] = sum(1 for n in counts.values() if n >= 2) >= 2
    return story.kept[key]


def _last_before(story: StoryState, pos: int, wanted) -> str | None:
    """The last subject place named before pos whose gazetteer entry is `wanted`, read backwards from pos."""
    places = load_gazetteer().places
    return next((m.entity_name for m in story.places_before(pos)
                 if _is_subject_place(m) and wanted(places.get(m.entity_name))), None)


def find_owner(story: StoryState, span: tuple[int, int], pos: int, end: int, unit: str, fallback: str | None,
               previous_end: int | None = None, anaphor: bool = False) -> str | None:
    """The jurisdiction that sets the target: the subject of the clause, else 'the city' resolved, else the story's.

    A place named between the previous figure of the sentence (ending at `previous_end`) and this one
    owns this figure: 'Jiangsu aims for 100 billion yuan, with its Jiangning district at 20 billion yuan'.

    >>> body = "Sichuan aims to build a 250 billion yuan industry."
    >>> find_owner(StoryState(body, [Mention("jurisdiction", "Sichuan", "Sichuan", 0, 7)], "Sichuan", None),
    ...            (0, len(body)), 24, 40, "CNY", None)
    'Sichuan'
    """
    between = [] if previous_end is None else [m for m in story.places_in(previous_end, pos)
                                               if _is_subject_place(m) and not _is_location(story.body, previous_end, m)]
    owner = first_subject(between, story.body) if between else _clause_owner(story, span, pos, end, fallback, anaphor)
    owner = _capital_as_country(owner, story, span)
    return currency_owner(owner, unit, pos, story)


# a place, or a list of places, after a preposition of place: where something is done, not who does it
LOCATION_BEFORE = re.compile(r"\b(?:in|at|across|into|near|around|throughout)\s(?:the\s)?"
                             r"(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*(?:,\s|\sand\s))*$")
# a phrase describing the subject by a place inside it: 'Maharashtra, home to Mumbai, released ...'
DESCRIBED_BEFORE = re.compile(r"\b(?:home to|including|such as|like)\s(?:the\s)?$")
# a relative clause opened after the subject and still open: 'Quebec, which has funded the Mila institute in Montreal
# since 2017, plans ...' (Montreal is where Quebec funded something, not the planner)
RELATIVE_OPEN = re.compile(r",\s(?:which|who|where)\s[^,;]*$")


def _is_location(body: str, lo: int, m: Mention) -> bool:
    """True when the place stands after a preposition of place since lo, itself or in a list that one opens:
    'invest R$250 million in a district in Belo Horizonte and plans to train ...', 'a fund for start-ups in Düsseldorf,
    Cologne and the Ruhr, and wants ...': the place is where, not a new owner of the figures after it.

    >>> b = "a fund for start-ups in Dusseldorf, Cologne and Bonn, and 50 projects"
    >>> _is_location(b, 0, Mention("jurisdiction", "Cologne", "Cologne", 36, 43))
    True
    >>> _is_location("10 billion yuan, with its Jiangning district at", 0, Mention("jurisdiction", "Jiangning", "Jiangning", 25, 34))
    False
    """
    return bool(LOCATION_BEFORE.search(body, max(lo, m.char_start - 120), m.char_start))


def _clause_owner(story: StoryState, span: tuple[int, int], pos: int, end: int, fallback: str | None,
                  anaphor: bool = False) -> str | None:
    """Owner from the clause around the amount: 'by X', the clause subject, a government phrase, the sentence.
    In a sentence whose subject is the plan named before ('The scheme will set up 10 centres in cities including
    Bengaluru', `anaphor`), a place after the figure is where, and the plan's owner (`fallback`) holds it.
    The clause breaks, 'by' phrases and government words are looked up in one scan of the body per pattern
    (match_index.py), not read again over the clause for each figure."""
    body = story.body
    s_start, s_end = span
    cfg = target_rules()
    reach = _reach()
    last_break = last_in(CLAUSE_BREAK, body, s_start, pos, reach[CLAUSE_BREAK])
    nxt = first_in(CLAUSE_BREAK, body, end, s_end, reach[CLAUSE_BREAK])
    clause_start = last_break.end() if last_break else s_start
    clause_end = nxt.start() if nxt else s_end
    by = first_in(cfg["owner_after"], body, end, clause_end, reach[cfg["owner_after"]])
    if by:
        after = story.places_in(by.end(), by.end() + 1)
        if after:
            return after[0].entity_name
    in_clause = story.places_in(clause_start, pos)
    if in_clause and body[clause_start:clause_start + 4].lower() == "the " and _demonym_words_re().match(body, clause_start + 4):
        # 'The Catalan government will invest €300 million in a centre in Barcelona and aims to attract 40 firms':
        # a government named by its adjective opens the clause; the places after its verb are where
        in_clause = [m for m in in_clause if not _is_location(body, clause_start, m)]
    if in_clause:
        return _most_specific(first_subject(in_clause, body), story, (clause_start, clause_end), pos)
    named = first_in(_demonym_words_re(), body, clause_start, pos, reach[_demonym_words_re()])  # no adjective, no match
    government = _last_demonym_government(body, clause_start, pos) if named else None
    if government:
        return government
    for lo, hi in ((clause_start, pos), (end, clause_end)):
        for level, rx in cfg["gov_re"].items():
            if _holds(body, rx, lo, hi):
                found = _by_level(level, pos, story)
                if found:
                    return found
    in_sentence = story.places_in(s_start, pos) or ([] if anaphor and fallback else story.places_in(end, clause_end))
    if in_sentence and clause_start > s_start and all(_is_location(body, s_start, m) for m in in_sentence):
        # 'The state will set up clusters in Mysuru and Mangaluru, and train 50,000 engineers': the places are where;
        # the government word opening the sentence holds the figure
        for level, rx in cfg["gov_re"].items():
            if _holds(body, rx, s_start, min(clause_start, s_start + 30)) and (found := _by_level(level, pos, story)):
                return found
    if in_sentence:
        return first_subject(in_sentence, body)
    return fallback


@lru_cache(maxsize=1)
def _reach() -> dict[re.Pattern, int]:
    """How many characters one attempt of each pattern looked up in a body's scan reads (match_index.py)."""
    return {**target_rules()["reach"], _demonym_words_re(): max(map(len, country_demonyms()))}


def _holds(body: str, rx: re.Pattern, lo: int, hi: int) -> bool:
    """Whether rx.search(body[lo:hi]) finds a match; in a long range from the body's scan: the slice's first
    position is tried on its own, where rx's lookbehind reads no character before it (the body's scan reads body[lo - 1])."""
    if hi - lo <= DIRECT_SPAN:
        return bool(rx.search(body[lo:hi]))
    reach = _reach()[rx]
    return bool(rx.match(body[lo:lo + reach]) or text_index(rx, body, reach).first(lo + 1, hi))


@lru_cache(maxsize=1)
def _demonym_words_re() -> re.Pattern:
    """The country adjectives alone: every match of the demonym government pattern holds one (case as written)."""
    return re.compile("|".join(map(re.escape, sorted(country_demonyms(), key=len, reverse=True))))


@lru_cache(maxsize=1)
def _demonym_government_re() -> re.Pattern:
    """'Japanese government', 'South African central bank', 'Nigerian federal government': a country adjective and a
    government noun (targets.json demonym_government_nouns), an adjective allowed between."""
    demonyms = sorted(country_demonyms(), key=len, reverse=True)
    nouns = sorted(target_rules()["demonym_government_nouns"], key=len, reverse=True)
    return re.compile(rf"(?<![\w.])(?P<dem>{'|'.join(map(re.escape, demonyms))})\s(?:[a-z]+\s)?"
                      rf"(?:{'|'.join(map(re.escape, nouns))})\b")


def _last_demonym_government(body: str, lo: int, hi: int) -> str | None:
    """What demonym_government(body[lo:hi]) gives, looked up in the body's one scan (match_index.py), so a clause of
    thousands of figures after 'The Japanese government' is not read again for each. Only an attempt at lo can differ
    from the slice's (the pattern's lookbehind reads body[lo - 1] in the body, nothing in the slice): it is tried on
    the slice's first characters, and the body's scan answers from where it ends."""
    rx = _demonym_government_re()
    reach = _demonym_government_reach(body)
    first = rx.match(body[lo:min(hi, lo + reach)])
    found = last_in(rx, body, lo + first.end() if first else lo, hi, reach) or first
    return country_demonyms()[found.group("dem")] if found else None


@lru_cache(maxsize=8)
def _demonym_government_reach(body: str) -> int:
    """How many characters one attempt of the demonym government pattern reads in this body: the longest adjective,
    a space, the body's longest run of lowercase letters and a space, the longest noun and the character after it."""
    longest_word = max((m.end() - m.start() for m in re.finditer("[a-z]+", body)), default=0)
    nouns = target_rules()["demonym_government_nouns"]
    return max(map(len, country_demonyms())) + 1 + longest_word + 1 + max(map(len, nouns)) + 1


def demonym_government(text: str) -> str | None:
    """The country whose government the text names by its adjective, the last one named; None when none.

    >>> demonym_government("The Japanese government plans to spend"), demonym_government("Japanese firms plan")
    ('Japan', None)
    """
    found = list(_demonym_government_re().finditer(text))
    return country_demonyms()[found[-1].group("dem")] if found else None


def _capital_as_country(owner: str | None, story: StoryState, span: tuple[int, int]) -> str | None:
    """A capital carried over from context ('... as Tokyo tries to'; 'the government wants') stands for its country in a story about that country."""
    country = load_gazetteer().capitals.get(owner or "")
    written = any(m.entity_name == owner for m in story.places_in(*span))
    if country and story.main == country and not written and not target_rules()["city_cue_re"].search(story.body[span[0]:span[1]]):
        return country
    return owner


def currency_owner(owner: str | None, unit: str, pos: int, story: StoryState) -> str | None:
    """An amount in a local currency belongs to a place that uses it: HK$ -> Hong Kong, not a foreign country named nearby."""
    home = target_rules()["currency_home"].get(unit)
    if not home or not load_gazetteer().places.get(home) or owner is None or country_of(home) == country_of(owner):
        return owner
    for name in chain((m.entity_name for m in story.places_before(pos)), [story.main]):
        if home in _chain(name):
            return name
    return home


def territory_of_currency(unit: str) -> str | None:
    """The home of a currency only one place below a country uses (targets.json currency_home: HKD -> Hong Kong,
    MOP -> Macau), None for a country's currency: a figure in Hong Kong dollars that no place holds is Hong Kong's,
    one in won is not Seoul's or Busan's."""
    home = target_rules()["currency_home"].get(unit)
    place = load_gazetteer().places.get(home or "")
    return home if place is not None and place.level != "country" else None


def main_jurisdiction(jur: list[Mention]) -> str | None:
    """The story's most mentioned jurisdiction, ties to the earliest; below-country preferred in a tie.

    >>> main_jurisdiction([Mention("jurisdiction", n, n, i, i + 1) for i, n in enumerate(["China", "Henan", "Henan"])])
    'Henan'
    """
    jur = [m for m in jur if _is_subject_place(m)] or jur
    if not jur:
        return None
    counts: dict[str, int] = {}
    for m in jur:
        counts[m.entity_name] = counts.get(m.entity_name, 0) + 1
    return max(counts, key=lambda n: (counts[n], -min(m.char_start for m in jur if m.entity_name == n)))


def story_main(jur: list[Mention], title: str | None) -> str | None:
    """The story's place: the body's main jurisdiction, else the headline's when the body names none ('Henan unveils
    metaverse plan' over 'The province will set up a 10 billion yuan fund ...', '青岛市…规划发布' over '全市将设立…'), or
    when the body names it by its kind only and other places once each ('Wuhan bets on metaverse' over 'The city
    government unveiled a plan ... Meanwhile, neighbouring Changsha has set up a fund': Wuhan), or when it lies within
    the body's most named place and the headline does not name it as where ('2024年江阴市政府工作报告' over a report naming
    无锡市 twice as context: Jiangyin; '2024年长兴县政府工作报告' over '全县…' and '融入湖州市"数字湖州"建设': Changxing; not
    'Governor announces $90 million for AI computing in Buffalo' over a story of New York State's). A country in the headline is the story's setting, not its place ('China's cities race ...')."""
    body_main = main_jurisdiction(jur)
    if not title:
        return body_main
    title_places = find_jurisdictions(title)
    headline = main_jurisdiction(title_places)
    if headline is not None and headline != body_main and headline in _chain(body_main)[1:-1]:
        return headline  # 'Tamil Nadu targets ...' over a body naming Chennai most: the state is the story's place
    if body_main is not None and _named_again(jur):
        inside = _lies_within(headline, body_main) and not _located_in(title, title_places, headline)
        return headline if inside else body_main
    if body_main is None or (headline is not None and headline not in {m.entity_name for m in jur}
                             and (place := load_gazetteer().places.get(headline)) is not None and place.level != "country"):
        return headline or body_main
    return body_main


def _lies_within(name: str | None, container: str) -> bool:
    """True when the place `name` lies inside `container` ('Jiangyin' in 'Wuxi', 'Haidian' in 'Beijing'): a headline
    naming a district or a county-level city whose body names its city more often as context (我们将紧扣无锡市…部署,
    'Beijing aims for …') is about that district."""
    return name is not None and name != container and container in _chain(name)


def _located_in(title: str, places: list[Mention], name: str | None) -> bool:
    """True when the headline names the place `name` only as where something happens ('Governor announces $90 million
    for AI computing in Buffalo'): after a preposition of place, not as the one acting."""
    named = [m for m in places if m.entity_name == name]
    return bool(named) and all(PLACE_PREPOSITION_BEFORE.search(title, 0, m.char_start) for m in named)


PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|across)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I)


def _named_again(jur: list[Mention]) -> bool:
    """True when the body names one of its places more than once."""
    seen: set[str] = set()
    for m in jur:
        if m.entity_name in seen:
            return True
        seen.add(m.entity_name)
    return False


def listed_places(places: list[Mention], count: int, body: str, joiner: re.Pattern) -> list[Mention]:
    """The places of a list ending with places[count - 1] ('北京市和上海市', 'Beijing, Tianjin and Hebei'): each
    joined to the next by a joining word alone (`joiner`, matched in full between them); used to find the places a
    figure is stated for together (chinese/shared.py, english_shared.py)."""
    first = count - 1  # from the last place back (indexes, not a copy: a sentence may name thousands)
    while first > 0 and joiner.fullmatch(body, places[first - 1].char_end, places[first].char_start):
        first -= 1
    return places[first:count]


def listed_names(places: list[Mention], count: int, body: str, joiner: re.Pattern) -> tuple[list[str], dict, int]:
    """(the names of the list of places ending with places[count - 1] (listed_places), in order; each name's rank
    (first_ranks); where the list ends): what each figure after one list asks, worked out once for them all."""
    listed = listed_places(places, count, body, joiner)
    names = list(dict.fromkeys(m.entity_name for m in listed))
    return names, first_ranks(names), listed[-1].char_end


def first_ranks(items: list) -> dict:
    """Each item's index in the list, the first where it repeats (what list.index gives), to look up in constant time."""
    ranks: dict = {}
    for k, item in enumerate(items):
        ranks.setdefault(item, k)
    return ranks
