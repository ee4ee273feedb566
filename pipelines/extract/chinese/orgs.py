"""Companies and organizations named in Chinese: known names (腾讯 -> Tencent, 工信部 -> Ministry of Industry and
Information Technology) and names read by their ending (四川省经济和信息化厅, 成都某某科技有限公司, 元宇宙产业联盟).

Known names are the Chinese aliases in companies.yaml and organization_cues.yaml, so they join the English
rows of dim_company; the endings, the words that end the text before a name and the generic words are the
`chinese_*` entries of organization_cues.yaml.
"""
from __future__ import annotations

from functools import lru_cache

from pipelines.extract.chinese.places import HAN, HAN_RUN, find_chinese_jurisdictions, names_in, place_at
from pipelines.extract.chinese.traditional import with_traditional
from pipelines.extract.company_names import CUES, KNOWN_COMPANIES, KNOWN_ORGANIZATIONS
from pipelines.extract.spans import Spans
from pipelines.records import Mention


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> dict:
    """Known Chinese names (name -> (entity type, canonical)) and the cue lists with their traditional forms
    (騰訊, 有限責任公司), built once."""
    known: dict[str, tuple[str, str]] = {}
    for name, company in KNOWN_COMPANIES.items():  # keys are folded; Han text folds to itself
        if HAN.search(name):
            known.setdefault(name, ("company", company.name))
    for name, canonical in KNOWN_ORGANIZATIONS.items():
        if HAN.search(name):
            known.setdefault(name, ("organization", canonical))
    known = with_traditional(known)
    cues = with_traditional({k: v for k, v in CUES.items() if k.startswith("chinese_")})
    endings = [(w, "organization") for w in cues["chinese_organization_suffixes"]]
    endings += [(w, "company") for w in cues["chinese_company_suffixes"]]
    return {
        "known": known, "known_lengths": sorted({len(n) for n in known}, reverse=True),
        "endings": sorted(endings, key=lambda e: -len(e[0])),
        "stops": _longest_first(cues["chinese_name_stops"]), "inner": set(cues["chinese_org_inner_words"]),
        "generic": set(cues["chinese_generic_stems"]), "determiners": _longest_first(cues["chinese_determiners"]),
        "openers": _longest_first(cues["chinese_national_openers"]),
        "legal": _longest_first(cues["chinese_legal_suffixes"]), "lookup": _longest_first(cues["chinese_lookup_suffixes"]),
        "max": cues["chinese_max_name"], "name_words": _longest_first(cues["chinese_name_words"]), "not_endings": set(cues["chinese_not_endings"]), "not_ending_openers": set(cues["chinese_not_ending_openers"]), "government": _longest_first(cues["chinese_government_suffixes"]),
        "continuations": _longest_first(cues["chinese_ending_continuations"]),
    }


def _known_spans(text: str, lo: int, hi: int, rules: dict) -> list[tuple[int, int, str, str]]:
    """Known names in text[lo:hi], longest first at each position: (start, end, type, canonical)."""
    return [(s, e, *hit) for s, e, hit in names_in(text, lo, hi, rules["known"], rules["known_lengths"])]


def _starts(text: str, run_start: int, end: int, one_char: bool, places: list[tuple[int, int]], rules: dict) -> list[int]:
    """Where a name ending at `end` may start, widest first: after the run's start or the last stop word before
    the ending (a place's name and a word of chinese_name_words are read whole: the 都 of 成都 and the 据 of 数据 are
    no stops), and for a body whose ending is one
    character, after each inner word (和) too: '…和四川省经济和信息化厅'."""
    lo = max(run_start, end - rules["max"])
    starts = []
    j = end
    while j > lo:
        place = next((s for s, e in places if s < j <= e), None)
        if place is not None:
            j = max(place, lo)
            continue
        word = next((w for w in rules["name_words"] if text.startswith(w, j - len(w)) and j - len(w) >= lo), None)
        if word is not None:  # read whole: the 据 of 数据 and the 和 of 和平 are no stops
            j -= len(word)
            continue
        stop = next((w for w in rules["stops"] if text.startswith(w, j - len(w)) and j - len(w) >= lo), None)
        if stop and not (one_char and stop in rules["inner"]):
            break
        if stop:
            starts.append(j)
        j -= 1
    return [j, *reversed(starts)]


def _generic(stem: str, rules: dict) -> bool:
    """True when the stem is a generic word, alone or after a determiner ('多家商业' before 银行: 多家 + 商业).

    >>> r = {"generic": {"商业", "多家", "元宇宙"}, "determiners": ("多家",)}
    >>> _generic("多家商业", r), _generic("元宇宙", r), _generic("江苏", r), _generic("多家江苏", r)
    (True, True, False, False)
    """
    return stem in rules["generic"] or any(stem.startswith(d) and stem[len(d):] in rules["generic"]
                                          for d in rules["determiners"])


def _valid(text: str, start: int, stem_end: int, ending: str, kind: str, rules: dict) -> bool:
    """A named body or company: its name before the ending is two characters or more and no generic word; a body
    with a one-character ending opens with a place or a national word."""
    stem = text[start:stem_end]
    if len(stem) < 2 or _generic(stem, rules):
        return False
    if start > 0 and text[start - 1].isdigit():
        return False  # '100亿元建设数字科技…': the Han run opens with the unit of a figure, no name
    if kind == "company" and text.startswith(rules["continuations"], stem_end + len(ending)):
        return False  # '数字科技园': the ending is part of a longer ordinary word
    if kind == "organization" and len(ending) == 1:
        return place_at(text, start) is not None or text.startswith(rules["openers"], start)
    return True


def _canonical(name: str, kind: str, rules: dict) -> str:
    """A company's known English name when its name without legal and group words is known, else the name
    without its legal form; a body's known English name, else the name."""
    if kind == "organization":
        known = rules["known"].get(name)
        return known[1] if known and known[0] == "organization" else name
    bare = name
    for suffix in rules["legal"]:
        if bare.endswith(suffix) and len(bare) > len(suffix) + 1:
            bare = bare[: -len(suffix)]
            break
    probe = bare
    while True:
        if probe in rules["known"]:
            return rules["known"][probe][1]
        cut = next((s for s in rules["lookup"] if probe.endswith(s) and len(probe) > len(s) + 1), None)
        if cut is None:
            return bare
        probe = probe[: -len(cut)]


def _in_ordinary_word(text: str, i: int, run_start: int, run_end: int, rules: dict) -> bool:
    """True when the one-character ending at `i` ends an ordinary word (签署, 布局: chinese_not_endings) or opens one
    (部署, 委托: chinese_not_ending_openers) in the Han run.

    >>> r = {"not_endings": {"签署"}, "not_ending_openers": {"部署"}}
    >>> [_in_ordinary_word(t, i, 0, len(t), r) for t, i in (("上海市部署", 3), ("美国签署", 3), ("规划局部署", 2))]
    [True, True, False]
    """
    return (i > run_start and text[i - 1:i + 1] in rules["not_endings"]) \
        or (i + 2 <= run_end and text[i:i + 2] in rules["not_ending_openers"])


def _by_ending(text: str, run_start: int, run_end: int, places: list[tuple[int, int]],
               rules: dict) -> list[tuple[int, int, str, str]]:
    """Names read by their ending in one Han run (`places`: the run's place names), left to right, each the widest
    valid one."""
    out = []
    i = run_start
    while i < run_end:
        found = None
        for ending, kind in rules["endings"]:
            if text.startswith(ending, i) and i + len(ending) <= run_end and not (
                    len(ending) == 1 and _in_ordinary_word(text, i, run_start, run_end, rules)):
                for start in _starts(text, run_start, i, len(ending) == 1, places, rules):
                    if _valid(text, start, i, ending, kind, rules):
                        found = (start, i + len(ending), kind)
                        break
                if found:
                    break
        if found:
            start, end, kind = found
            while out and out[-1][0] >= start:  # a wider name holds an earlier one ('…研究院有限公司')
                out.pop()
            out.append((start, end, kind, _canonical(text[start:end], kind, rules)))
            i = end
        else:
            i += 1
    return out


def owns_no_place(mention: Mention) -> bool:
    """True for a company or a Chinese-named body that is no government's (上海交通大学, 元宇宙产业联盟): the place opening
    its name owns none of its targets. A known body (工信部, 中国人民银行) or one with a government's ending
    (成都市人民政府, 四川省经济和信息化厅) passes its place on.

    >>> owns_no_place(Mention("organization", "上海交通大学", "上海交通大学", 0, 6)), owns_no_place(
    ...     Mention("organization", "成都市人民政府", "成都市人民政府", 0, 7))
    (True, False)
    """
    if mention.entity_type == "company":
        return True
    if mention.entity_type != "organization" or not HAN.search(mention.surface_text):
        return False
    rules = _rules()
    known = rules["known"].get(mention.surface_text)
    return known is None and not mention.surface_text.endswith(rules["government"])


def find_chinese_organizations(text: str) -> list[Mention]:
    """Company and organization mentions in the Han runs of text, with offsets into it.

    >>> [(m.entity_type, m.entity_name) for m in find_chinese_organizations("腾讯与四川省经济和信息化厅签约。")]
    [('company', 'Tencent'), ('organization', '四川省经济和信息化厅')]
    """
    rules = _rules()
    found: list[tuple[int, int, str, str]] = []
    places = Spans((m.char_start, m.char_end) for m in find_chinese_jurisdictions(text))  # read per run, found once
    for run in HAN_RUN.finditer(text):
        known = _known_spans(text, run.start(), run.end(), rules)
        in_run = places.starting_in(run.start(), run.end())
        # a name read by its ending holds a known one whole ('腾讯科技有限公司') or yields to it ('国家发展和改革委员会',
        # and '中国人民银行', the People's Bank of China, is a known body, not a bank read by its ending)
        named = [n for n in _by_ending(text, run.start(), run.end(), in_run, rules)
                 if all(n[0] <= k[0] and k[1] <= n[1] and n[:2] != k[:2] or k[1] <= n[0] or n[1] <= k[0] for k in known)]
        known = [k for k in known if not any(n[0] <= k[0] and k[1] <= n[1] for n in named)]
        found += named + known
    return [Mention(kind, name, text[s:e], s, e) for s, e, kind, name in sorted(found)]
