"""A company's own plan stated in Chinese or Japanese: held by no place (owner None, as a bank's or a university's
fund on this path: chinese_targets.py), never by the place it names after it.

Chinese puts the subject first: a figure's clause opening with a company ('腾讯计划在成都投资50亿元',
'某某科技公司将在杭州设立10亿元基金', 'ソニーは…100億円を投資する') states what the company plans, whatever place it
names after; a place or a government body named first ('成都市政府与华为将共同设立…') keeps the target, as does a
company joined to a place ('腾讯与成都市将共同设立…': no plan word follows the company). The words that make a name
the subject (将, 计划, 拟, は ...) are the "company_subject_after" lists of targets.json.
"""
from __future__ import annotations

import re

from pipelines.extract.chinese_orgs import owns_no_place
from pipelines.records import Mention

CLAUSE_START = re.compile(r"[，,：:；;]")


def _subject_re(cfg: dict) -> re.Pattern:
    """The words right after a subject name: an optional company suffix (公司, 集团), then a plan word (将, 计划)."""
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    return re.compile(rf"\s*(?:{alt(cfg['company_subject_suffixes'])})?\s*(?:{alt(cfg['company_subject_after'])})")


def company_subject(body: str, sentence_start: int, pos: int, names: list[Mention], places: list[Mention],
                    cfg: dict) -> bool:
    """True when the first name of the figure's clause (of its sentence, when the clause names none) before the
    figure at pos is a company followed by a plan word: the company's own plan.

    >>> from pipelines.extract.chinese_targets import rules
    >>> tencent, chengdu = Mention("company", "Tencent", "腾讯", 0, 2), Mention("jurisdiction", "Chengdu", "成都", 5, 7)
    >>> company_subject("腾讯计划在成都投资50亿元。", 0, 9, [tencent], [chengdu], rules())
    True
    >>> company_subject("腾讯与成都市将设立50亿元基金。", 0, 10, [tencent], [Mention("jurisdiction", "Chengdu", "成都市", 3, 6)], rules())
    False
    """
    if "subject_re" not in cfg:
        cfg["subject_re"] = _subject_re(cfg)
    clause_start = max((m.end() for m in CLAUSE_START.finditer(body, sentence_start, pos)), default=sentence_start)
    for lo in (clause_start, sentence_start):
        before = sorted((m for m in (*names, *places) if lo <= m.char_start and m.char_end <= pos),
                        key=lambda m: m.char_start)
        if before:
            first = before[0]
            return owns_no_place(first) and bool(cfg["subject_re"].match(body, first.char_end))
    return False
