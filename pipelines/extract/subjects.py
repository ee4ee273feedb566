"""Who a sentence says sets a figure, read from the subject of the verb before it, on the English path.

A place's target is what a place or its government plans; a company's plan is no place's target (targets.py). The
name right before the last verb of a figure's clause ('Zorblax Holdings will invest $50 million in a Chengdu park',
'Singapore's MAS aims to create a S$150 million fund') tells them apart:

- a known organization (organization_cues.yaml) sets the target for its own jurisdiction (the Monetary Authority of
  Singapore for Singapore), or for none when it is an international body (the European Commission): never for
  another place named in the sentence or the story;
- a company, or a capitalised name that no list knows and that is no place ('Quillon', 'Zorblax Holdings') and no
  government word, title or plan noun, sets a plan of its own: no place's target;
- a place, a person, an unknown government body, a pronoun or a lowercase subject ('the city') leave the owner to
  owners.find_owner, as before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.extract.company_cues import (AFFIX, GENERIC, ORG_HEADS, OTHER_HEADS, PERSON_TITLES, SPLIT_WORDS,
                                            STOP_WORDS, TITLE_SPLIT)
from pipelines.extract.chinese.places import has_han
from pipelines.extract.company_names import CUES, ORGANIZATION_HOMES
from pipelines.extract.gazetteer import load_gazetteer
from pipelines.extract.jurisdictions import country_demonyms, is_demonym
from pipelines.extract.match_index import last_in
from pipelines.extract.owners import first_subject
from pipelines.extract.spans import MentionSpans
from pipelines.extract.target_rules import CLAUSE_BREAK, target_rules, word_alternation
from pipelines.records import Mention

TOKEN = r"[A-Z][\w&.'’-]*"
LETTERS_AND_SPACES = re.compile(r"(?:[^\W\d_]|\s)+")
NOT_NAME_WORDS = STOP_WORDS | SPLIT_WORDS | GENERIC | PERSON_TITLES | TITLE_SPLIT | ORG_HEADS | OTHER_HEADS


@dataclass(frozen=True)
class Subject:
    """The holder a figure's subject names: `kind` 'organization' (a known body: `owner` its jurisdiction, None for
    an international one or, on the Chinese path, a body that is no government's: 上海交通大学), 'place' (`owner` the place, its phrase starting at `start`: a place named before it in the
    clause, 'Following Shanghai, Hangzhou unveiled ...', owns nothing), 'company' or 'name' (a name no list knows:
    neither owns a place's target)."""

    kind: str
    owner: str | None = None
    start: int | None = None  # where a place subject's phrase starts in the body


def organization_places(mentions: list[Mention]) -> list[Mention]:
    """The place each government body among the mentions speaks for, as a place mention over the body's name: a
    known body's jurisdiction (organization_cues.yaml), or the place its name opens with when a word of
    targets.json government_body_words names a government ('Shanghai Municipal Commission of Economy and
    Informatization' -> Shanghai); a name written in full, not an acronym. The owner of a figure is then found as for a place written there ('... released by
    the Shanghai Municipal Commission ...'); an international body or a company speaks for none.

    >>> [(m.entity_name, m.char_start) for m in organization_places([
    ...     Mention("organization", "Shanghai Municipal Commission of Commerce", "Shanghai Municipal Commission of Commerce", 4, 45),
    ...     Mention("organization", "European Commission", "European Commission", 50, 69)])]
    [('Shanghai', 4)]
    """
    gaz, words = load_gazetteer(), frozenset(target_rules()["government_body_words"])
    out = []
    for m in mentions:
        if m.entity_type != "organization" or has_han(m.surface_text) or " " not in m.surface_text:
            continue  # a Chinese name's place is read by the Chinese path (chinese_orgs.owns_no_place); an acronym
            # alone ('CPC', 'SEC') may stand for another body of the same letters: only as a subject (verb_subject)
        home = ORGANIZATION_HOMES.get(m.entity_name) if m.entity_name in ORGANIZATION_HOMES else (
            _opening_place(m.surface_text, gaz) or _closing_place(m.surface_text, gaz)) \
            if words.intersection(w.strip(",") for w in m.surface_text.split()) else None
        if home and gaz.places.get(home):
            out.append(Mention("jurisdiction", home, m.surface_text, m.char_start, m.char_end, field=m.field))
    return out


def _opening_place(name: str, gaz) -> str | None:
    """The place a longer name opens with, by its name or its adjective ('Beijing Municipal Bureau of ...', 'The Hainan
    Free Trade Port', 'the Scottish Government' -> 'Beijing', 'Hainan', 'Scotland'), else None.

    >>> _opening_place("Scottish Government", load_gazetteer()), _opening_place("Welsh Rarebit Co", load_gazetteer())
    ('Scotland', 'Wales')
    """
    words = re.sub(r"^the\s+", "", name, flags=re.I).split()
    for k in (3, 2, 1):
        place = gaz.lookup(" ".join(words[:k])) if len(words) > k else None
        if place is not None:
            return place.name
    demonyms = country_demonyms()
    for k in (2, 1):
        adjective = " ".join(words[:k]) if len(words) > k else None
        if adjective in demonyms:
            return demonyms[adjective]
    return None


def _closing_place(name: str, gaz) -> str | None:
    """The place a government body's name ends with after 'for' or 'of' ('Royal Commission for AlUla', 'Development
    Authority of Ogun State' -> 'AlUla', 'Ogun'), else None.

    >>> _closing_place("Royal Commission for AlUla", load_gazetteer()), _closing_place("Commission for Trade", load_gazetteer())
    ('AlUla', None)
    """
    found = re.search(r"\s(?:for|of)\s(?:the\s)?((?:[A-Z][\w'’-]*\s?){1,3})$", name)
    place = gaz.lookup(re.sub(r"\s(?:State|Province|Region|Governorate)$", "", found.group(1).strip())) if found else None
    return place.name if place is not None else None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(the verb group: auxiliaries then a subject verb, the noun phrase of capitalised words ending a text, a
    reporting verb and a pronoun ending a text)."""
    cfg = target_rules()
    alt = word_alternation
    if not all(re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+)*", w) for w in cfg["subject_verbs"] + cfg["subject_verb_auxiliaries"]):
        raise ValueError("subject verbs must be words of letters: verb_subject bounds what its pattern reads by them")
    verb = cfg["subject_verb_re"]
    connectors = alt(CUES["organization_connectors"] + ["the", "de"])
    phrase = re.compile(rf"{TOKEN}(?:\s+(?:(?:{connectors})\s+)*{TOKEN})*$")
    reported = re.compile(  # 'Abu Dhabi said it would ...', 'Google has said it will ...': the name before the verb
        rf"\s(?:(?:has|have|had)\s+)?(?:{alt(cfg['reporting_verbs'])})\s+(?:that\s+)?(?:{alt(cfg['subject_pronouns'])})\s*$")
    return verb, phrase, reported


def verb_subject(body: str, sentence_start: int, pos: int, mentions: MentionSpans, places: MentionSpans) -> Subject | None:
    """The holder named by the subject of the last verb before the figure at pos, in the figure's clause; None when
    the subject is a person, an unknown body or no name, and the owner is to be found as before. `mentions` are the
    story's mentions and `places` its places, each looked up by the subject phrase they overlap (spans.py).

    >>> body = "Quillon will invest $500 million in a Web3 hub in Dubai."
    >>> verb_subject(body, 0, 20, MentionSpans([]), MentionSpans([Mention("jurisdiction", "Dubai", "Dubai", 50, 55)]))
    Subject(kind='name', owner=None, start=None)
    >>> dubai = MentionSpans([Mention("jurisdiction", "Dubai", "Dubai", 0, 5)])
    >>> verb_subject("Dubai will invest $500 million.", 0, 18, MentionSpans([]), dubai)
    Subject(kind='place', owner='Dubai', start=0)
    """
    last_break = last_in(CLAUSE_BREAK, body, sentence_start, pos, target_rules()["reach"][CLAUSE_BREAK])
    clause_start = last_break.end() if last_break else sentence_start
    verb_re, _, reported_re = _patterns()
    verb = last_in(verb_re, body, clause_start, pos, lambda: _verb_reach(body))  # a long clause: the body's one scan
    if verb is None:
        return None
    reported = reported_re.search(body, max(clause_start, verb.start() - 40), verb.start())
    span = _phrase_before(body, clause_start, reported.start() if reported else verb.start())
    if span is None:
        return None
    s, e = span
    named = [m for m in mentions.overlapping(s, e) if m.entity_type != "jurisdiction"]
    in_phrase = places.overlapping(s, e)
    for m in named:
        if m.entity_type == "organization" and m.entity_name in ORGANIZATION_HOMES and not any(
                p.char_start < m.char_start for p in in_phrase):  # 'Nigeria's SEC' is Nigeria's, not the US one
            return Subject("organization", ORGANIZATION_HOMES[m.entity_name])
    if in_phrase:  # 'Sichuan', 'Hong Kong's Cyberport', 'Tencent and Shenzhen': a place's plan
        subject = first_subject(in_phrase, body)
        inner = _place_inside_before(body, clause_start, s, subject, places)  # 'Jiangning district in Nanjing'
        return Subject("place", inner.entity_name, inner.char_start) if inner else Subject("place", subject, s)
    if named:
        if _joined_to_government(body, clause_start, s, places):
            return None  # 'The Shenzhen government and Huawei will jointly invest ...': the government's plan too
        return Subject("company") if all(m.entity_type == "company" for m in named) else None
    zone = _place_named_zone(body[s:e])
    if zone is not None:  # 'The Hainan Free Trade Port aims ...': a zone of the place it is named after
        return Subject("place", zone, s)
    if PUBLIC_BODY_BEFORE.search(body, max(clause_start, s - 60), s):
        return None  # 'state development agency Corfo has committed ...': a public body, the place's plan
    return Subject("name") if _is_unknown_name(body[s:e]) else None


POSSESSIVE_GAP = re.compile(r"['’]s\s+")
# words naming a public body right before a name: 'state development agency Corfo', 'the government-owned fund Khazanah'
# (a state-owned company or bank is still a company)
PUBLIC_BODY_BEFORE = re.compile(r"\b(?:state|government|public|national|federal|municipal|provincial)(?:[- ]owned)?\s"
                                r"(?:[a-z]+\s){0,2}(?:agency|corporation|authority|fund|body)\s$", re.I)


def _place_inside_before(body: str, clause_start: int, start: int, subject: str, places: MentionSpans) -> Mention | None:
    """The place written right before a subject place and a preposition, inside it ('Jiangning district in Nanjing':
    Jiangning, in Nanjing; "Xiong'an New Area in north China's Hebei Province": Xiong'an, a direction word before the
    phrase's country possessive), else None: the subject phrase names where that place is."""
    before = places.overlapping(max(clause_start, start - 60), start)
    gaz = load_gazetteer()
    opening = places.overlapping(start, start + 1)  # the phrase may open with a country's possessive ("China's Hebei")
    possessive = bool(opening) and (country := gaz.places.get(opening[0].entity_name)) is not None \
        and country.level == "country" and bool(POSSESSIVE_GAP.match(body, opening[0].char_end))
    link = _country_link() if possessive else _links()[0]
    if not before or not link.fullmatch(body, before[-1].char_end, start):
        return None
    inner = before[-1]
    return inner if subject in [p.name for p in gaz.ancestors(inner.entity_name)][1:] else None


def _joined_to_government(body: str, clause_start: int, start: int, places: MentionSpans) -> bool:
    """True when the subject phrase at start follows a joining word ('and') after a place or a government word of its
    clause ('The Shenzhen government and Huawei')."""
    joined = _links()[1].search(body, clause_start, start)
    if joined is None:
        return False
    text = body[clause_start:joined.start()]
    return bool(places.overlapping(clause_start, joined.start())) or any(
        rx.search(text) for rx in target_rules()["gov_re"].values())


@lru_cache(maxsize=1)
def _links() -> tuple[re.Pattern, re.Pattern]:
    """(the text between a place and a subject place it is in: a lowercase place word, a preposition and maybe a
    compass word ('district in south'); a joining
    word ending the text before a subject phrase)."""
    cfg = target_rules()
    return (re.compile(rf"(?:\s+[a-z]+)?,?\s+(?:{word_alternation(cfg['subject_place_prepositions'])})\s+(?:the\s+)?"
                       rf"(?:(?:{word_alternation(cfg['subject_place_compass'])})\s+)?"),
            re.compile(rf"\s(?:{word_alternation(cfg['subject_company_joiners'])})\s+$"))


@lru_cache(maxsize=1)
def _country_link() -> re.Pattern:
    """The text between a place and the country written before the place it is in: the link of _links and a direction
    word ("in north China's", "in southwest China's")."""
    return re.compile(_links()[0].pattern + r"(?:[a-z]+\s+)?")


@lru_cache(maxsize=8)
def _verb_reach(body: str) -> int:
    """How many characters one attempt of the verb pattern reads in this body: the pattern is spaces and words of
    letters (checked by _patterns), so an attempt reads no further than the longest run of letters and spaces and
    the character after it."""
    return max((m.end() - m.start() for m in LETTERS_AND_SPACES.finditer(body)), default=0) + 1


def _phrase_before(body: str, lo: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the run of capitalised words ending right before `end` ('Zorblax Holdings', 'Singapore's
    MAS'), past an apposition set off by commas ('Quillon, a startup in Shenzhen, will'); leading function words
    ('In March', 'The') and words before an adjective ('Shenzhen-based') left out; None when there is none."""
    text = body[lo:end].rstrip()
    if text.endswith(","):
        comma = text.rfind(",", 0, len(text) - 1)
        if comma < 0 or not text[comma + 1:].strip()[:1].islower():
            return None
        text = text[:comma].rstrip()
    _, phrase_re, _ = _patterns()
    window = max(0, len(text) - 160)  # a subject is a few words: the search never reads a long text
    m = phrase_re.search(text, window)
    if m is None:
        return None
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", m.group())]
    start = m.start()
    for ws, we in words:
        token = m.group()[ws:we]
        if AFFIX.search(token):
            start = m.start() + we  # 'Shenzhen-based Quillon': the name is after the adjective
    while start < m.end():
        word = re.match(r"\s*(\S+)", text[start:m.end()])
        if word.group(1) not in SPLIT_WORDS:
            break
        start += word.end()
    start += len(text[start:m.end()]) - len(text[start:m.end()].lstrip())
    return (lo + start, lo + m.end()) if start < m.end() else None


def _place_named_zone(phrase: str) -> str | None:
    """The place a name ending in a place word (targets.json subject_place_heads: 'New Area', 'Free Trade Port') opens
    with: such a zone or district is that place's own ('The Hainan Free Trade Port' -> 'Hainan'); the place finder
    reads the whole capitalised name as one name and finds no place in it. None for any other phrase."""
    if not phrase.endswith(tuple(" " + head for head in target_rules()["subject_place_heads"])):
        return None
    return _opening_place(phrase, load_gazetteer())


def _is_unknown_name(phrase: str) -> bool:
    """True for a name: a word no list of function, generic, title or head words holds, no country adjective, in
    a phrase naming no government and ending in no place word ('Quillon'; not 'Officials', 'Chinese Authorities',
    'The Plan', 'Meridale City')."""
    cfg = target_rules()
    if any(rx.search(phrase) for rx in cfg["gov_re"].values()) or cfg["plan_noun_re"].search(phrase):
        return False
    if set(phrase.split()) & set(cfg["plan_part_words"]):
        return False  # 'Phase I': a part of a plan
    if phrase.endswith(tuple(" " + head for head in cfg["subject_place_heads"])):
        return False  # 'Meridale City': a place the gazetteer lacks
    words = [w.rstrip(".,") for w in phrase.split()]
    return any(w[:1].isupper() and re.sub(r"['’]s$", "", w) not in NOT_NAME_WORDS and not is_demonym(w)
               for w in words)
