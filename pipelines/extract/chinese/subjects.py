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

from pipelines.extract.chinese.orgs import owns_no_place
from pipelines.extract.company_names import ORGANIZATION_HOMES
from pipelines.extract.subjects import Subject
from pipelines.extract.target_rules import word_alternation
from pipelines.records import Mention

CLAUSE_START = re.compile(r"[，,：:；;]")
KATAKANA_NAME = r"[\u30a1-\u30f4\u30fc\u30fb]{2,}"  # ソフトバンク, メタ・プラットフォームズ


def subject_re(cfg: dict) -> re.Pattern:
    """The words right after a subject name: an optional company suffix (公司, 集团), then a plan word (将, 计划);
    compiled with the other patterns by chinese/targets.rules (cfg["subject_re"], and cfg["name_subject"] for a
    katakana name)."""
    alt = word_alternation
    return re.compile(rf"\s*(?:{alt(cfg['subject_suffixes'])})?\s*(?:{alt(cfg['subject_after'])})")


def subject_holder(body: str, sentence_start: int, pos: int, names: list[Mention], places: list[Mention],
                   cfg: dict) -> Subject | None:
    """The holder the first name of the figure's clause (of its sentence, when the clause names none) before the
    figure at pos sets, when a plan word follows it: a company (no target), a known body (its jurisdiction) or
    another body that is no government's (a university, an alliance: held by no place);
    None when that name is a place or another body, and the owner is found as before.

    >>> from pipelines.extract.chinese.targets import rules
    >>> tencent, chengdu = Mention("company", "Tencent", "腾讯", 0, 2), Mention("jurisdiction", "Chengdu", "成都", 5, 7)
    >>> subject_holder("腾讯计划在成都投资50亿元。", 0, 9, [tencent], [chengdu], rules())
    Subject(kind='company', owner=None, start=None)
    >>> subject_holder("腾讯与成都市将设立50亿元基金。", 0, 10, [tencent], [Mention("jurisdiction", "Chengdu", "成都市", 3, 6)], rules())
    """
    clause_start = max((m.end() for m in CLAUSE_START.finditer(body, sentence_start, pos)), default=sentence_start)
    name = cfg["name_subject"].match(body, clause_start) if cfg["name_subject"] else None
    if name and name.end() <= pos and not any(m.char_start < name.end() and m.char_end > clause_start
                                              for m in (*names, *places)):
        return Subject("company")  # 'ソフトバンクは…': a katakana name no list knows, no place
    for lo in (clause_start, sentence_start):
        before = sorted((m for m in (*names, *places) if lo <= m.char_start and m.char_end <= pos),
                        key=lambda m: m.char_start)
        if not before:
            continue
        first = before[0]
        if not cfg["subject_re"].match(body, first.char_end):
            return None
        if first.entity_type == "organization" and first.entity_name in ORGANIZATION_HOMES:
            return Subject("organization", ORGANIZATION_HOMES[first.entity_name])
        if first.entity_type == "company":
            return Subject("company")
        # a body that is no government's (上海交通大学, 元宇宙产业联盟) sets its own target, held by no place
        return Subject("organization") if owns_no_place(first) else None
    return None


def subject_clause_start(body: str, sentence_start: int, pos: int, places: list[Mention]) -> int:
    """Where the owner search for the figure at pos starts: its own clause when a place stands in it before the
    figure ('与北京相比，深圳计划…培育100家企业': Shenzhen), else the nearest clause before it that opens with a place, its
    subject ('继上海、北京之后，杭州发布行动计划，提出…突破1000亿元': Hangzhou), so a place in an opening phrase (继…之后,
    与…相比, 据…报道) owns nothing; the sentence's start when no clause has one. `places` are the sentence's places.

    >>> body = "继上海之后，杭州发布计划，提出突破1000亿元。"
    >>> places = [Mention("jurisdiction", "Shanghai", "上海", 1, 3), Mention("jurisdiction", "Hangzhou", "杭州", 6, 8)]
    >>> subject_clause_start(body, 0, 17, places)
    6
    """
    starts = [sentence_start] + [m.end() for m in CLAUSE_START.finditer(body, sentence_start, pos)]
    for i, lo in enumerate(reversed(starts)):
        first = next((p for p in places if lo <= p.char_start < pos), None)
        if first is not None and (i == 0 or not body[lo:first.char_start].strip()):
            return lo
    return sentence_start
