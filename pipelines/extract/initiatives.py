"""Initiatives a story reports: type and place from the headline and lead, targets grouped into them, company roles.

A story's headline initiative (number 0) is typed by the most specific cue word of its headline and lead
(pipelines/data/initiatives.json ranks them: working group, alliance, fund, plan, licence ...) and placed
in the subject place of the text holding that cue. A target joins it when it is of the same place and its
own sentence names no more specific kind of initiative; other targets form initiatives per place and type.
A company's role comes from the grammar of its sentence: the subject of 'establishes', 'launched' or the
agent of 'led by' leads; a company listed after 'including', 'such as', 'members' or 'with' is a member of
a group (partner of anything else); a company in a clause quoting analysts, sources or investors takes no part.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.extract.chinese.places import HAN, has_han
from pipelines.extract.chinese.roles import chinese_role
from pipelines.extract.chinese.traditional import with_traditional
from pipelines.extract.jurisdictions import is_demonym
from pipelines.extract.owners import first_subject, main_jurisdiction
from pipelines.extract.target_rules import CLAUSE_BREAK, DATA_DIR
from pipelines.extract.chinese.targets import mostly_han, split_sentences as chinese_sentences
from pipelines.extract.targets import split_sentences as english_sentences
from pipelines.records import Initiative, Mention, Participant, Target

MEMBER_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:is|are|was|were|will be|became|become)\b[^.;]{0,40}?\bmembers?\b")
SUBJECT_WORDS = re.compile(r"(?:(?:the|a|an|and|&)\s+|[A-Z0-9][\w&.'’-]*\s*|\([^)]*\)\s*|,\s*)*")


class _WithChinese:
    """Cue words in English and Chinese: the Chinese ones (行动计划) match anywhere, Chinese being written without
    spaces, and are looked for only in a text holding Han characters (an English text costs one more check)."""

    def __init__(self, english: re.Pattern, chinese: re.Pattern):
        self.english, self.chinese = english, chinese

    def search(self, text: str):
        return self.english.search(text) or (self.chinese.search(text) if has_han(text) else None)


def _phrases(words: list[str]) -> re.Pattern | _WithChinese:
    """Case-insensitive pattern of whole words or phrases, longest first; Chinese words as above.

    >>> bool(_phrases(["plan", "计划"]).search("四川省发布行动计划")), bool(_phrases(["plan"]).search("planet"))
    (True, False)
    """
    han = set(with_traditional([w for w in words if HAN.search(w)]))  # 行動計劃 too
    alt = "|".join(re.escape(w) for w in sorted(set(words) - han, key=len, reverse=True))
    english = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)
    if not han:
        return english
    return _WithChinese(english, re.compile("|".join(re.escape(w) for w in sorted(han, key=len, reverse=True))))


@lru_cache(maxsize=1)
def initiative_rules() -> dict:
    """The cue lists of pipelines/data/initiatives.json with their compiled patterns, built once.

    >>> initiative_rules()["rank"]["working_group"] < initiative_rules()["rank"]["plan"]
    True
    """
    cfg = json.loads((DATA_DIR / "initiatives.json").read_text(encoding="utf-8"))
    cfg["types"] = [(kind, _phrases(words)) for kind, words in cfg["initiative_types"]]
    cfg["rank"] = {kind: i for i, (kind, _) in enumerate(cfg["initiative_types"])}
    for key in ("member_markers", "join_verbs", "partner_verbs", "lead_verbs", "lead_by_phrases", "partner_markers",
                "commentator_cues", "reference_nouns"):
        cfg[key + "_re"] = _phrases(cfg[key])
    cfg["list_opener_re"] = re.compile(rf"^(?:{'|'.join(re.escape(w) for w in cfg['list_openers'])})\b")
    return cfg


@dataclass
class _Cue:
    kind: str
    rank: int
    field: str
    start: int
    end: int


def initiative_type(text: str) -> str | None:
    """The most specific initiative type a text's cue words name, None when it names none.

    >>> initiative_type("China collaborates with tech giants on a metaverse working group")
    'working_group'
    >>> initiative_type("Sichuan, a crypto mining hub, aims to reach a 250 billion yuan market by 2025.")
    'plan'
    """
    cue = _best_cue(text)
    return cue[0] if cue else None


def _best_cue(text: str) -> tuple[str, int] | None:
    """(type, rank) of the most specific cue in text."""
    for rank, (kind, rx) in enumerate(initiative_rules()["types"]):
        if rx.search(text or ""):
            return kind, rank
    return None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences of a text: ended by 。！？； in a text written mostly in Han, by . ! ? otherwise."""
    return chinese_sentences(text) if mostly_han(text) else english_sentences(text)


def _lead_spans(body: str) -> list[tuple[int, int]]:
    """The first sentences of the story's first paragraph: its lead."""
    end = body.find("\n\n")
    first = body[: end if end >= 0 else len(body)]
    return split_sentences(first)[: initiative_rules()["lead_paragraph_sentences"]]


def _masked(text: str, mentions: list[Mention], field: str) -> str:
    """The text with the names of companies and of partner bodies blanked out: their cue words name no initiative.

    'Acme Labs' is a company, not a facility; in 'signs an MOU with the Delta Consortium' the consortium is
    the partner, not the initiative announced.
    """
    partner = initiative_rules()["partner_markers_re"]
    for m in mentions:
        if m.field != field or m.entity_type not in ("company", "organization"):
            continue
        marker = re.search(rf"(?:{partner.pattern})\s+(?:the\s+)?$", text[max(0, m.char_start - 30):m.char_start], re.I)
        if m.entity_type == "company" or marker:
            text = text[:m.char_start] + " " * (m.char_end - m.char_start) + text[m.char_end:]
    return text


def _headline_cue(title: str, body: str, has_targets: bool) -> _Cue | None:
    """The most specific cue of the headline and lead; the headline wins a tie.

    A story without targets announces an initiative only when its headline names one: a lead
    that merely mentions an exchange or a plan in passing is no announcement.
    """
    if not has_targets and not _best_cue(title):
        return None
    texts = [("title", 0, len(title))] + [("body", s, e) for s, e in _lead_spans(body)]
    best = None
    for field, s, e in texts:
        found = _best_cue((title if field == "title" else body)[s:e])
        if found and (best is None or found[1] < best.rank):
            best = _Cue(found[0], found[1], field, s, e)
    return best


def _places(mentions: list[Mention], field: str, start: int, end: int) -> list[Mention]:
    """Jurisdiction mentions of a field between two offsets, in text order."""
    return sorted((m for m in mentions if m.entity_type == "jurisdiction" and m.field == field
                   and start <= m.char_start < end), key=lambda m: m.char_start)


def _headline_place(cue: _Cue, title: str, body: str, mentions: list[Mention]) -> str | None:
    """Subject place of the text holding the cue, else of the headline, else of the lead, else the story's."""
    texts = {"title": title, "body": body}
    lead = _lead_spans(body)
    tries = [(cue.field, cue.start, cue.end), ("title", 0, len(title))]
    tries += [("body", lead[0][0], lead[-1][1])] if lead else []
    for field, s, e in tries:
        found = _places(mentions, field, s, e)
        if found:
            return first_subject(found, texts[field])
    return main_jurisdiction(_places(mentions, "body", 0, len(body)))


def find_initiatives(title: str | None, body: str, mentions: list[Mention],
                     targets: list[Target]) -> tuple[list[Initiative], list[int], list[Participant]]:
    """The story's initiatives, the initiative number of each target (in order) and the companies taking part.

    >>> from pipelines.extract.story import extract_story
    >>> title, body = "Acme Corp launches metaverse alliance", "Acme Corp launched an alliance in Sichuan, with Beta Ltd as a member."
    >>> mentions, targets = extract_story(title, body)
    >>> inits, _, people = find_initiatives(title, body, mentions, targets)
    >>> [(i.initiative_type, i.jurisdiction_name) for i in inits]
    [('alliance', 'Sichuan')]
    >>> sorted({(p.company_name, p.role) for p in people})
    [('Acme', 'lead'), ('Beta', 'member')]
    """
    title, body = title or "", body or ""
    cue = _headline_cue(_masked(title, mentions, "title"), _masked(body, mentions, "body"), bool(targets))
    initiatives: list[Initiative] = []
    if cue:
        text = title if cue.field == "title" else body
        initiatives.append(Initiative(0, cue.kind, _headline_place(cue, title, body, mentions),
                                      text[cue.start:cue.end], cue.field, cue.start, True, "headline"))
    target_nos = _assign_targets(initiatives, targets, cue)
    participants = _headline_participants(initiatives[0], title, body, mentions) if cue else []
    participants += _target_participants(initiatives, targets, target_nos, body, mentions)
    participants += _passing_mentions(initiatives, body, mentions)
    return initiatives, target_nos, participants


def _passing_mentions(initiatives: list[Initiative], body: str, mentions: list[Mention]) -> list[Participant]:
    """Alliances and working groups the body names in passing, with their place: they link the story to them.

    'In fact, Acme led the development of a metaverse industry alliance in China in 2023' names the
    Chinese alliance Acme leads; the models join it to the initiative another story announces.
    """
    cfg = initiative_rules()
    lead = _lead_spans(body)
    masked = _masked(body, mentions, "body")
    out = []
    for s, e in split_sentences(body):
        cue = _best_cue(masked[s:e])
        places = [m for m in _places(mentions, "body", s, e) if not is_demonym(m.surface_text)]
        if (lead and s < lead[-1][1]) or not cue or cue[0] not in cfg["mention_types"] or not places:
            continue
        place = first_subject(places, body)
        if any(i.initiative_type == cue[0] and i.jurisdiction_name == place for i in initiatives):
            continue
        found = Initiative(len(initiatives), cue[0], place, body[s:e], "body", s, False, "mention")
        initiatives.append(found)
        out += _roles(found, body, "body", s, e, mentions, default="other")
    return out


def _assign_targets(initiatives: list[Initiative], targets: list[Target], cue: _Cue | None) -> list[int]:
    """Initiative number of each target: the headline's when of its place and no more specific cue, else per place and type."""
    headline = initiatives[0] if initiatives else None
    groups: dict[tuple, int] = {}
    numbers = []
    for t in targets:
        own = _best_cue(t.evidence)
        if headline and t.jurisdiction_name in (headline.jurisdiction_name, None) and (own is None or own[1] >= cue.rank):
            numbers.append(0)
            continue
        kind = own[0] if own else (headline.initiative_type if headline else "other")
        key = (t.jurisdiction_name, kind)
        if key not in groups:
            groups[key] = len(initiatives)
            initiatives.append(Initiative(groups[key], kind, t.jurisdiction_name, t.evidence, "body", t.char_start, False,
                                          "target"))
        numbers.append(groups[key])
    return numbers


def _refers(sentence: str, kind: str, previous_refers: bool) -> bool:
    """True when a sentence speaks of the initiative: its own cue word, 'members', 'the group', or a list after such a sentence."""
    cfg = initiative_rules()
    own = dict(cfg["types"])[kind]
    return bool(own.search(sentence) or cfg["reference_nouns_re"].search(sentence)
                or (previous_refers and cfg["list_opener_re"].match(sentence)))


def _headline_participants(head: Initiative, title: str, body: str, mentions: list[Mention]) -> list[Participant]:
    """Companies of the headline, the lead and every sentence speaking of the headline initiative, with their roles."""
    spans = [("title", 0, len(title))] if title else []
    lead_end = _lead_spans(body)[-1][1] if body.strip() else 0
    previous = False
    for s, e in split_sentences(body):
        refers = s < lead_end or _refers(body[s:e], head.initiative_type, previous)
        if refers:
            spans.append(("body", s, e))
        previous = refers
    out = []
    for field, s, e in spans:
        text = title if field == "title" else body
        out += _roles(head, text, field, s, e, mentions, default="other")
    return out


def _target_participants(initiatives: list[Initiative], targets: list[Target], numbers: list[int], body: str,
                         mentions: list[Mention]) -> list[Participant]:
    """Companies named in a target's sentence take part in that target's initiative (partner unless the grammar says more)."""
    out = []
    for t, no in zip(targets, numbers):
        out += _roles(initiatives[no], body, "body", t.char_start, t.char_end, mentions, default="partner")
    return out


def _roles(initiative: Initiative, text: str, field: str, s: int, e: int, mentions: list[Mention],
           default: str) -> list[Participant]:
    """Role of each company named in text[s:e], commentators left out."""
    out = []
    for m in mentions:
        if m.entity_type == "company" and m.field == field and s <= m.char_start < e:
            role = company_role(text, (s, e), (m.char_start, m.char_end), initiative.initiative_type, default)
            if role:
                out.append(Participant(initiative.initiative_no, m.entity_name, role, field, m.char_start))
    return out


def company_role(text: str, sentence: tuple[int, int], name: tuple[int, int], kind: str, default: str) -> str | None:
    """Role of the company at `name` in the sentence of text: lead, member, partner, `default`, or None for a commentator.

    >>> company_role("Analysts from Acme Corp expect the group to grow.", (0, 50), (14, 23), "working_group", "other") is None
    True
    >>> company_role("The group includes Acme Corp and Beta Ltd.", (0, 42), (33, 41), "working_group", "other")
    'member'
    >>> company_role("Acme Corp established the alliance.", (0, 35), (0, 9), "alliance", "other")
    'lead'
    >>> company_role("Acme Corp and Beta Ltd are among its founding members.", (0, 54), (0, 9), "alliance", "other")
    'member'
    """
    s, e = sentence
    if mostly_han(text[s:e]):  # holds Han characters, more of them than Latin letters
        return chinese_role(text, sentence, name, kind, default)
    cfg = initiative_rules()
    start, end = name
    clause_start, clause_end = s, e
    for m in CLAUSE_BREAK.finditer(text, s, start):
        clause_start = m.end()
    nxt = CLAUSE_BREAK.search(text, end, e)
    clause_end = nxt.start() if nxt else e
    before, after = text[clause_start:start], text[end:clause_end]
    group = kind in cfg["group_types"]
    if cfg["commentator_cues_re"].search(text[clause_start:clause_end]):
        return None
    if re.search(rf"(?:{cfg['lead_by_phrases_re'].pattern})\s+(?:the\s+)?$", before, re.I):
        return "lead"
    subject = _is_subject(before)
    verb = _first_verb(after, cfg)
    if subject and verb == "partner":
        return "member" if group else "partner"
    if subject and verb == "join":
        return "member"
    if subject and verb == "lead":
        return "lead"
    if MEMBER_AFTER.match(after):
        return "member" if group else "partner"
    if cfg["member_markers_re"].search(text[s:start]):
        return "member" if group else "partner"
    if cfg["partner_markers_re"].search(before):
        return "member" if group else "partner"
    return default


def _first_verb(after: str, cfg: dict) -> str | None:
    """Which of the partner, join or lead verbs comes first after a name: 'partner', 'join', 'lead' or None."""
    found = [(m.start(), -len(m.group()), kind) for kind, key in (("partner", "partner_verbs_re"), ("join", "join_verbs_re"),
                                                                ("lead", "lead_verbs_re"))
             if (m := cfg[key].search(after))]
    return min(found)[2] if found else None


def _is_subject(before: str) -> bool:
    """True when only an opener ('In June,'), articles, names and list commas stand before the name in its clause."""
    rest = re.sub(r"^[^,]*,\s*", "", before) if re.match(r"^(?:[A-Z][a-z]+\b[^,]{0,40}),\s", before) else before
    return SUBJECT_WORDS.fullmatch(rest) is not None
