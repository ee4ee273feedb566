"""A company's role in a Chinese sentence, read as initiatives.company_role reads an English one: '腾讯牵头成立联盟'
and '由腾讯牵头' (lead), '腾讯、华为参与' (joining: member), '腾讯与成都市签约' (partner of a plan, member of a group),
'成员包括腾讯' (member). The verbs are the "chinese_roles" of pipelines/data/initiatives.json."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from pipelines.extract.chinese.traditional import with_traditional
from pipelines.extract.target_rules import DATA_DIR

CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The role words, compiled once; `verbs` finds the first lead, join or partner verb."""
    data = json.loads((DATA_DIR / "initiatives.json").read_text(encoding="utf-8"))
    cfg, groups = with_traditional(data["chinese_roles"]), data["group_types"]
    verbs = "|".join(f"(?P<{kind}>{_alt(cfg[kind])})" for kind in ("lead", "join", "partner"))
    return {"verbs": re.compile(verbs), "lead_by": re.compile(f"(?:{_alt(cfg['lead_by'])})$"),
            "members": re.compile(_alt(cfg["member_markers"])), "commentators": re.compile(_alt(cfg["commentator_cues"])),
            "groups": set(groups)}


def chinese_role(text: str, sentence: tuple[int, int], name: tuple[int, int], kind: str, default: str) -> str | None:
    """Role of the company at `name` in a Chinese sentence of text: lead, member, partner, `default`, or None
    for a company quoted by analysts.

    >>> chinese_role("腾讯牵头成立元宇宙产业联盟。", (0, 14), (0, 2), "alliance", "other")
    'lead'
    >>> chinese_role("腾讯与成都市签约。", (0, 9), (0, 2), "plan", "other")
    'partner'
    """
    cfg = _rules()
    s, e = sentence
    start, end = name
    breaks = [m.end() for m in CLAUSE_END.finditer(text, s, start)]
    clause_start = breaks[-1] if breaks else s
    nxt = CLAUSE_END.search(text, end, e)
    clause_end = nxt.start() if nxt else e
    group = kind in cfg["groups"]
    if cfg["commentators"].search(text, clause_start, clause_end):
        return None
    verb = cfg["verbs"].search(text, end, clause_end)
    if cfg["lead_by"].search(text, clause_start, start) and verb and verb.lastgroup == "lead":
        return "lead"
    if cfg["members"].search(text, clause_start, start):
        return "member" if group else "partner"
    if verb and verb.lastgroup == "lead":
        return "lead"
    if verb and verb.lastgroup == "join":
        return "member"
    if verb:
        return "member" if group else "partner"
    return default
