"""Who a Chinese or Japanese figure's clause says states it, when its subject is a company or a known body.

Chinese puts the subject first: a figure's clause opening with a name and a plan word ('腾讯计划在成都投资50亿元',
'某某科技公司将在杭州设立10亿元基金', '工信部提出…', 'ソニーは…100億円を投資する') is that name's statement, whatever
place it names after. A company's own plan is no target at all (chinese/targets.py drops it, as the English path
does: CONTRACT.md counts targets a jurisdiction or organization sets); a known government body's is held by its
jurisdiction (organization_cues.yaml), not by the place named in the sentence before. A place or a government named first ('成都市政府与华为将共同设立…')
keeps the target, as does a company joined to a place ('腾讯与成都市将共同设立…': no plan word follows the company).
The plan words are the "subject_after" lists of targets.json. Japanese also writes company names in katakana and
government bodies in kanji: a clause opening with a katakana name no list knows and は ('ソフトバンクは大阪に…') is that
name's plan too (`katakana_name_subjects`).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from pipelines.extract.chinese.orgs import owns_no_place
from pipelines.extract.company_names import ORGANIZATION_HOMES
from pipelines.extract.subjects import Subject
from pipelines.extract.target_rules import word_alternation
from pipelines.records import Mention

CLAUSE_START = re.compile(r"[，,：:；;]")
KATAKANA_NAME = r"[\u30a1-\u30f4\u30fc\u30fb]{2,}"  # ソフトバンク, メタ・プラットフォームズ


def subject_re(cfg: dict) -> re.Pattern:
    """The words right after a subject name: an optional company suffix (公司, 集团), an optional time word (日前,
    今（21）日), then a plan word (将, 计划); compiled with the other patterns by chinese/targets.rules
    (cfg["subject_re"], and cfg["name_subject"] for a katakana name)."""
    alt = word_alternation
    return re.compile(rf"\s*(?:{alt(cfg['subject_suffixes'])})?\s*(?:{cfg['subject_time_re']}\s*)?(?:{alt(cfg['subject_after'])})")


class SentenceClauses:
    """One sentence's clause marks (，：；) and the names and places that may open its clauses, read once, so that each
    figure of the sentence finds its clause's start and the first name or place of a clause by bisection instead of
    reading the sentence again (a sentence of 20,000 figures was read 20,000 times). `places` are the sentence's places
    in order; `names` (companies and bodies) may be the story's, in any order.

    >>> clauses = SentenceClauses("继上海之后，杭州发布计划，提出突破1000亿元。", 0, 26, [], [
    ...     Mention("jurisdiction", "Shanghai", "上海", 1, 3), Mention("jurisdiction", "Hangzhou", "杭州", 6, 8)])
    >>> clauses.clause_start(17), clauses.opened
    (13, [6])
    """

    def __init__(self, body: str, start: int, end: int, names: list[Mention], places: list[Mention]):
        self.start = start
        self._marks = [m.start() for m in CLAUSE_START.finditer(body, start, end)]
        self._places, self._place_starts = places, [p.char_start for p in places]
        # names before places where they start together, as a stable sort of (*names, *places) puts them
        self._holders = sorted((*(m for m in names if start <= m.char_start < end), *places), key=lambda m: m.char_start)
        self._holder_starts = [m.char_start for m in self._holders]
        self.opened = []  # the clause starts whose first place opens the clause (after spaces alone), in order
        for k, place in enumerate(places):
            lo = self.clause_start(place.char_start)
            if (k == 0 or places[k - 1].char_start < lo) and not body[lo:place.char_start].strip():
                self.opened.append(lo)

    def clause_start(self, pos: int) -> int:
        """Where the clause holding pos starts: after the last mark before pos, else at the sentence's start."""
        before = bisect_left(self._marks, pos)
        return self._marks[before - 1] + 1 if before else self.start

    def has_place(self, lo: int, hi: int) -> bool:
        """True when a place of the sentence starts in [lo, hi)."""
        return bisect_left(self._place_starts, lo) < bisect_left(self._place_starts, hi)

    def first_holder(self, lo: int, pos: int) -> Mention | None:
        """The first name or place starting from lo that ends by pos."""
        for k in range(bisect_left(self._holder_starts, lo), bisect_left(self._holder_starts, pos)):
            if self._holders[k].char_end <= pos:
                return self._holders[k]
        return None


def subject_holder(body: str, sentence_start: int, pos: int, names: list[Mention], places: list[Mention],
                   cfg: dict, clauses: SentenceClauses | None = None) -> Subject | None:
    """The holder the first name of the figure's clause (of its sentence, when the clause names none) before the
    figure at pos sets, when a plan word follows it: a company (no target), a known body (its jurisdiction) or
    another body that is no government's (a university, an alliance: held by no place);
    None when that name is a place or another body, and the owner is found as before. `clauses` is the sentence's
    SentenceClauses, made when not given.

    >>> from pipelines.extract.chinese.vocabulary import rules
    >>> tencent, chengdu = Mention("company", "Tencent", "腾讯", 0, 2), Mention("jurisdiction", "Chengdu", "成都", 5, 7)
    >>> subject_holder("腾讯计划在成都投资50亿元。", 0, 9, [tencent], [chengdu], rules())
    Subject(kind='company', owner=None, start=None)
    >>> subject_holder("腾讯与成都市将设立50亿元基金。", 0, 10, [tencent], [Mention("jurisdiction", "Chengdu", "成都市", 3, 6)], rules())
    """
    clauses = clauses or SentenceClauses(body, sentence_start, pos, names, places)
    clause_start = clauses.clause_start(pos)
    name = cfg["name_subject"].match(body, clause_start) if cfg["name_subject"] else None
    if name and name.end() <= pos and not any(m.char_start < name.end() and m.char_end > clause_start
                                              for m in (*names, *places)):
        return Subject("company")  # 'ソフトバンクは…': a katakana name no list knows, no place
    for lo in (clause_start, sentence_start):
        first = clauses.first_holder(lo, pos)
        if first is None or (lo != sentence_start and first.entity_type == "jurisdiction"
                             and body.endswith(tuple(cfg["location_words"]), lo, first.char_start)):
            continue  # '华为表示，将在南京投资…': a place after 在 is where; the sentence's subject says who
        if not cfg["subject_re"].match(body, first.char_end):
            return None
        if first.entity_type == "organization" and first.entity_name in ORGANIZATION_HOMES:
            return Subject("organization", ORGANIZATION_HOMES[first.entity_name])
        if first.entity_type == "company":
            return Subject("company")
        # a body that is no government's (上海交通大学, 元宇宙产业联盟) sets its own target, held by no place
        return Subject("organization") if owns_no_place(first) else None
    return None


def subject_clause_start(body: str, sentence_start: int, pos: int, places: list[Mention],
                         clauses: SentenceClauses | None = None) -> int:
    """Where the owner search for the figure at pos starts: its own clause when a place stands in it before the
    figure ('与北京相比，深圳计划…培育100家企业': Shenzhen), else the nearest clause before it that opens with a place, its
    subject ('继上海、北京之后，杭州发布行动计划，提出…突破1000亿元': Hangzhou), so a place in an opening phrase (继…之后,
    与…相比, 据…报道) owns nothing; the sentence's start when no clause has one. `places` are the sentence's places;
    `clauses` is the sentence's SentenceClauses, made when not given.

    >>> body = "继上海之后，杭州发布计划，提出突破1000亿元。"
    >>> places = [Mention("jurisdiction", "Shanghai", "上海", 1, 3), Mention("jurisdiction", "Hangzhou", "杭州", 6, 8)]
    >>> subject_clause_start(body, 0, 17, places)
    6
    """
    clauses = clauses or SentenceClauses(body, sentence_start, pos, [], places)
    own = clauses.clause_start(pos)
    if clauses.has_place(own, pos):
        return own
    earlier = bisect_left(clauses.opened, own)  # the nearest clause before the figure's that a place opens
    return clauses.opened[earlier - 1] if earlier else sentence_start
