"""Companies, organizations and (some) persons named in story text.

Known names come from ``pipelines/data/companies.yaml``; names never seen before are found from
their shape ('Hana Bank', 'Zipmex Limited') and from the words around them ('stablecoin issuer
Circle', 'Klasha, an Africa-based payments company', 'Bitpowr co-founder', lists such as
'Huawei, Ant Group and Tencent'). Regulators, ministries and associations come out as
'organization'; news outlets, stock-photo sites, the publishing site, laws, plans and products
named after companies come out as nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.extract.company_names import (CUES, KNOWN_ORGANIZATIONS, MEDIA_KEYS, PRODUCT_OWNERS,
                                             canonical_company, fold_key, is_place, known_company,
                                             strip_legal_suffix)
from pipelines.records import Mention


def _alt(words, flags: str = "") -> str:
    """Regex alternation of words, longest first, spaces matching any run of spaces."""
    parts = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts) + ")"


def _first_chars(words, more: str = "") -> str:
    """Lookahead for the characters the words can start with, so a pattern skips other positions at once."""
    return "(?=[" + re.escape("".join(sorted({w[0] for w in words} | set(more)))) + "])"


_set = lambda key: frozenset(CUES[key])  # noqa: E731

COMPANY_HEADS = _set("company_heads")
ORG_HEADS = _set("organization_heads")
OTHER_HEADS = _set("other_heads")
MEDIA_HEADS = _set("media_heads")
STOP_WORDS = _set("stop_words")
SPLIT_WORDS = _set("split_words")
PERSON_TITLES = _set("person_titles")
TITLE_SPLIT = _set("title_split_words")
COMPANY_HEADS_CF = frozenset(h.casefold() for h in COMPANY_HEADS)
STRONG_DESCRIPTORS = _set("strong_company_descriptors")
_AFFIX = re.compile(rf"-(?:{'|'.join(map(re.escape, CUES['affix_words']))})$")
GENERIC = _set("generic_words")
APPOS_COMPANY = _set("company_apposition_heads")
APPOS_OTHER = _set("non_company_apposition_heads")
MEDIA_DESCRIPTORS = _set("media_descriptors")
PRODUCTS = frozenset(fold_key(p) for p in CUES["products"]) | frozenset(PRODUCT_OWNERS)
HEADLINE_VERBS = _set("headline_verbs")
LAB_HEADS = _set("lab_heads")
PUBLIC_LAB_WORDS = _set("public_lab_words")
_NOT_A_NAME = _set("not_name_words")
MEDIA_APPOSITION = _set("media_apposition_words")
PERSON_APPOSITION = _set("person_apposition_words")
ORG_CONNECTORS = _set("organization_connectors")

# One word of a name: 'HashKey', 'JD.com', 'XT.COM', 'BTC-e', 'iFlytek', '1000X', 'Mt.', 'SBI’s'.
_TOKEN = (r"(?:[A-Z][A-Za-z0-9]*(?:[\-&'’@][A-Za-z0-9]+|\.(?:[a-z0-9]+|[A-Z0-9]+(?![a-z])))*\.?"
          r"|[a-z]{1,2}[A-Z][A-Za-z0-9]*|\d+[A-Z][A-Za-z0-9]*)")
NAME_RE = re.compile(rf"(?<![\w.@/-]){_TOKEN}(?:[ \u00a0](?:&[ \u00a0])?{_TOKEN})*")
_ABBREV = re.compile(r"^(?:[A-Z]\.)+$|^(?:Mt|St|Co|Inc|Ltd|Corp|Jr|Bros|No)\.$")
_POSSESSIVE = re.compile(r"['’]s$")

# Organization names: capitalised words ending in a head ('Securities and Futures Commission',
# 'Ministry of Industry and Information Technology', 'Monetary Authority of Singapore').
_CAP = r"[A-Z][\w’'&-]*(?:\.[A-Za-z]+)*"
_HEADS = ORG_HEADS | OTHER_HEADS | MEDIA_HEADS
ORG_RE = re.compile(
    rf"(?<![\w.]){_first_chars(_HEADS, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}(?:{_CAP}[ ](?:(?:and|&|of|for|on)[ ])?)*?{_alt(_HEADS)}(?:['’]s)?(?![\w])"
    rf"(?:[ ](?:of|for|on)[ ](?:the[ ])?{_CAP}(?:[ ](?:(?:and|&|of|for|the)[ ])?{_CAP})*)?")
KNOWN_ORG_RE = re.compile(rf"(?<![\w.]){_first_chars(KNOWN_ORGANIZATIONS)}{_alt(KNOWN_ORGANIZATIONS)}(?![\w])")
ACRONYM_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,11})\)")

# Text that never holds a company mention: photo credits, URLs, e-mails, disclaimers, copyright lines.
_MASK = (rf"(?:{'|'.join(map(re.escape, CUES['credit_words']))})s?(?:graph)?(?:\s+(?:by|credit|courtesy(?:\s+of)?)|:)\s+[^\n]{0,80}?"
         rf"(?:\s+(?:on|via|from|/)\s+{_alt(CUES['media_outlets'])}|(?=\n|$))"
         r"|https?://\S+|www\.\S+")
MASK_RE = re.compile(_MASK + r"|[\w.+-]+@[\w-]+\.[\w.]+")
MASK_NO_EMAIL_RE = re.compile(_MASK)  # the same for text without '@' (its e-mail branch, tried at every letter, cannot match)
BOILERPLATE_RE = re.compile(CUES["boilerplate_re"])

_DESC = re.compile(rf"(?:^|[^\w-])({_alt(CUES['company_descriptors'])})\s+$")
_MEDIA_DESC = re.compile(rf"(?:^|\W)({_alt(MEDIA_DESCRIPTORS)})\s+(?:the\s+)?$")
_MEDIA_BEFORE = re.compile(CUES["media_before_re"], re.I)
_MEDIA_AFTER = re.compile(CUES["media_after_re"])
_PERSON_BEFORE = re.compile(rf"(?:^|[^\w])(?:{_alt(CUES['person_titles'])})\.?\s+$")
_FOLLOWER = re.compile(rf"^(?:['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}?|\s+)(?:{_alt(CUES['company_followers'])})\b")
_PRECEDER = re.compile(rf"(?:^|\W)(?:{_alt(CUES['company_preceders'])})\s+(?:the\s+)?$", re.I)
_APPOS = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,\s+(?:(?:one|part|some)\s+of\s+)?(?:a|an|the)\s+([^,.;:()\n]{1,90})")
_APPOS_STOP = _set("apposition_stop_words")
_LIST_GAP = re.compile(r"^(?:['’]s)?\s*(?:\([^()]{0,40}\)\s*)?(?:,{1,2}\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|"
                       r"\s+(?:and|or|&|as\s+well\s+as)\s+)((?:[a-z][\w-]*\s+){0,3})$")
_LIST_FUNCTION = _set("list_function_words")
_LIST_CUE = re.compile(rf"\b(?:{_alt(CUES['company_list_nouns'])})\b[^.;:]{{0,60}}?"
                       r"(?:such\s+as|like|including|include|includes|included|are|were|:)\s+$")
_LIST_TAIL = re.compile(rf"^,?\s+(?:and|or)\s+{_alt(CUES['list_tail_words'])}\b")
_BRANDLIKE = re.compile(r"[a-z][A-Z]|^[A-Z0-9]{3,}$|\d[A-Z]")
_SITE_LABELS = _set("site_labels")
_PLAIN_WORD = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n\"“]\s*|\n\s*[-•*]\s*)$")


@dataclass(slots=True)
class _Span:
    """A capitalised name found in the text and what is known about it."""

    start: int
    end: int
    text: str
    kind: str = ""  # 'company' | 'organization' | 'person' | 'media' | 'place' | 'other' | '' (unknown)
    name: str = ""  # canonical name once kind is decided
    weak: bool = False  # a known name that is also a common word, at the start of a sentence


def _mask_ranges(text: str, source_site: str | None) -> list[tuple[int, int]]:
    """Character ranges that hold no entity: credits, URLs, disclaimers, the publishing site's name."""
    ranges = [m.span() for m in (MASK_RE if "@" in text else MASK_NO_EMAIL_RE).finditer(text)]
    for m in BOILERPLATE_RE.finditer(text):  # the whole sentence or line holding a disclaimer
        start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start()) + 1)
        end = text.find("\n", m.end())
        ranges.append((start + 1, len(text) if end < 0 else end))
    for site_name in _site_names(source_site):
        ranges += [m.span() for m in re.finditer(rf"(?<![\w]){re.escape(site_name)}(?:\.\w{{2,4}})?(?![\w])",
                                                 text, re.I)]
    return ranges


def _site_names(source_site: str | None) -> list[str]:
    """Spellings of the publishing site: 'www.cryptopolitan.com' -> ['cryptopolitan.com', 'cryptopolitan']."""
    if not source_site:
        return []
    site = re.sub(r"^(?:https?://)?(?:www\.)?", "", source_site.strip().lower()).split("/")[0]
    labels = [lb for lb in site.split(".") if len(lb) > 3 and lb not in _SITE_LABELS] if "." in site else [site]
    names = [site] + labels + [lb.replace("-", " ") for lb in labels]
    return [s for s in dict.fromkeys(names) if len(s) > 2]



def _inside(ranges, start: int, end: int) -> bool:
    """True when [start, end) overlaps one of the ranges."""
    return any(s < end and start < e for s, e in ranges)


def _organization_spans(text: str, masked) -> list[_Span]:
    """Known and head-shaped organization names, laws, plans, products and outlets."""
    spans: list[_Span] = []
    for m in KNOWN_ORG_RE.finditer(text):
        spans.append(_Span(m.start(), m.end(), m.group(), "organization", KNOWN_ORGANIZATIONS[m.group()]))
    taken = [(s.start, s.end) for s in spans]
    for m in ORG_RE.finditer(text):
        s, e, value = _trim_org(text, m.start(), m.end())
        if e <= s or _inside(taken, s, e) or _inside(masked, s, e):
            continue
        if " " not in value and value not in KNOWN_ORGANIZATIONS:
            continue  # a bare 'Authority' or 'Board' names nothing
        last = re.sub(r"['’]s$", "", value).split()[-1]
        kind = ("organization" if last in ORG_HEADS else "media" if last in MEDIA_HEADS else "other")
        known = known_company(value)
        if known and kind != "organization":
            continue  # a company whose name ends like a plan or a product ('Epic Games')
        spans.append(_Span(s, e, value, kind, value))
        taken.append((s, e))
    return spans


def _trim_org(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Drop leading stop words and possessive places from an organization match."""
    value = text[start:end]
    while True:
        first = value.split(" ", 1)
        if len(first) < 2:
            break
        word = first[0]
        if (word in STOP_WORDS or (_POSSESSIVE.search(word) and not word.startswith("People"))
                or word in ORG_CONNECTORS):
            start += len(word) + 1
            value = first[1]
            continue
        break
    head, sep, rest = value.partition(" and ")
    if sep and not known_company(value) and (known_company(head) or is_place(head) or _is_public_lab(head.split())):
        # 'Naver and Seoul Metropolitan Government', 'Hangzhou and Peng Cheng Laboratory': two names, not one
        start, value = start + len(head) + len(sep), rest
    if value.split(" ", 1)[0] in TITLE_SPLIT and " of " in value:  # 'Professor Alan Smith of Stanford University'
        cut = value.index(" of ") + 4
        start, value = start + cut, value[cut:]
    if _POSSESSIVE.search(value):
        value, end = value[:-2], end - 2
    return start, end, value


def _name_spans(text: str, blocked) -> list[_Span]:
    """Capitalised names outside blocked ranges, split at possessives and trimmed of stop words."""
    out: list[_Span] = []
    for m in NAME_RE.finditer(text):
        pos = m.start()
        words: list[tuple[int, str]] = []
        for tok in m.group().replace("\u00a0", " ").split(" "):
            words.append((pos, tok))
            pos += len(tok) + 1
        out += _split_words(words)
    return [s for s in out if not _inside(blocked, s.start, s.end)]


def _split_words(words: list[tuple[int, str]]) -> list[_Span]:
    """Cut a run of capitalised words into names at possessives, sentence ends and stop words."""
    spans, cur = [], []

    def flush():
        while cur and (cur[0][1] in STOP_WORDS or cur[0][1] == "&"):
            cur.pop(0)
        while cur and (cur[-1][1] in STOP_WORDS or cur[-1][1] == "&"):
            cur.pop()
        if cur:
            start = cur[0][0]
            end = cur[-1][0] + len(cur[-1][1])
            spans.append(_Span(start, end, " ".join(w for _, w in cur)))
        cur.clear()

    for pos, tok in words:
        if tok.endswith(("'s", "’s")):  # _POSSESSIVE: a word holds no newline
            cur.append((pos, tok[:-2]))
            flush()
        elif tok.endswith(".") and not _ABBREV.match(tok):
            cur.append((pos, tok[:-1]))
            flush()
        elif _AFFIX.search(tok):  # 'Kong-headquartered': the name ends with the word's stem ('Hong Kong')
            stem = tok[:_AFFIX.search(tok).start()]
            if cur and stem[:1].isupper():
                cur.append((pos, stem))
            flush()
        elif (tok in SPLIT_WORDS or tok in TITLE_SPLIT) and cur:
            flush()
            cur.append((pos, tok))
        else:
            cur.append((pos, tok))
    flush()
    return spans


def _appos_kind(text: str, end: int) -> str:
    """'company', 'other' or '' from an apposition after the name: 'X, a cross-border payments company'."""
    m = _APPOS.match(text, end)
    if not m:
        return ""
    kind = ""
    for word in m.group(1).split():
        w = word.lower().strip("\"“”'’")
        if w in _APPOS_STOP:
            break
        if kind and w not in APPOS_COMPANY and w not in APPOS_OTHER:
            kind = ""  # 'the company pursued ...': a clause, not an apposition
        if w in APPOS_COMPANY:
            kind = "company"
        elif w in APPOS_OTHER:
            kind = "media" if w in MEDIA_APPOSITION else "person" if w in PERSON_APPOSITION else "other"
    return kind


def _classify(text: str, span: _Span, lower_words: frozenset = frozenset()) -> None:
    """Decide what one name is from its shape, the curated lists and the words around it."""
    value, before, after = span.text, text[max(0, span.start - 80):span.start], text[span.end:span.end + 160]
    words = value.split()
    key = fold_key(value)
    if key in MEDIA_KEYS or (words[-1] in MEDIA_HEADS and len(words) > 1):
        span.kind = "media"
        return
    if key in PRODUCTS:
        span.kind = "other"
        return
    known = known_company(value)
    if (not known or known.ambiguous) and (
            _MEDIA_DESC.search(before) or _MEDIA_BEFORE.search(before) or _MEDIA_AFTER.match(after)):
        span.kind = "media"
        return
    desc = None if known else _DESC.search(before)
    if not known and not desc and _PERSON_BEFORE.search(before):
        span.kind = "person"
        return
    appos = _appos_kind(text, span.end)
    if appos in {"media", "person"} and not known:
        span.kind = appos
        return
    if known:
        span.kind, span.name = "company", known.name
        span.weak = (known.ambiguous and bool(_SENTENCE_START.search(before)) and appos != "company"
                     and not _FOLLOWER.match(after))
        return
    if (is_place(value) or value in KNOWN_ORGANIZATIONS or value in PERSON_TITLES
            or all(w in GENERIC or w in STOP_WORDS for w in words)):
        span.kind = "place" if is_place(value) else "other"
        return
    if _is_public_lab(words):
        span.kind, span.name = "organization", value
        return
    if words[0] in PERSON_TITLES and len(words) > 1:
        span.start += len(words[0]) + 1
        span.text = span.name = value[len(words[0]) + 1:]
        rest = words[1:]
        span.kind = "" if any(w in PERSON_TITLES or w in _NOT_A_NAME or w in COMPANY_HEADS for w in rest) \
            else "person"
        return
    if len(words) > 1 and words[-1].rstrip(".").casefold() in COMPANY_HEADS_CF and appos != "company" \
            and not desc and _common_words_in_capitals(words[:-1], lower_words):
        return  # 'Non-Owner Car Insurance', 'Latest Technologies': the story writes these words in lower case too
    if (len(words) > 1 and words[-1].rstrip(".").casefold() in COMPANY_HEADS_CF) or appos == "company" \
            or _GLUED_BANK.match(value) \
            or (desc and desc.group(1) in STRONG_DESCRIPTORS):
        span.kind, span.name = "company", canonical_company(value)
        return
    plain = all(_PLAIN_WORD.match(w) for w in words)
    follower = _FOLLOWER.match(after)
    if follower and follower.group().startswith(("'s", "’s")):
        span.kind, span.name = "company", canonical_company(value)  # 'Brightwave's CEO'
        return
    if plain and (len(words) > 1 or _SENTENCE_START.search(before)):
        return  # 'Alexander Vinnik', 'Retail': a person or a common word unless stronger evidence comes
    if desc or follower or _PRECEDER.search(before):
        span.kind, span.name = "company", canonical_company(value)
    elif appos == "other":
        span.kind = "other"


def _is_public_lab(words: list[str]) -> bool:
    """'Zhejiang Lab', 'Shanghai AI Lab', 'National Blockchain Lab': a lab named only by a place and
    generic or public words is a public research body; 'Animoca Labs' (a brand before it) is not.

    >>> _is_public_lab(["Zhejiang", "Lab"]), _is_public_lab(["Animoca", "Labs"]), _is_public_lab(["Lab"])
    (True, False, False)
    """
    if len(words) < 2 or words[-1] not in LAB_HEADS:
        return False
    return all(w in PUBLIC_LAB_WORDS or w in GENERIC or is_place(w) for w in words[:-1]) \
        or is_place(" ".join(words[:-1]))


_GLUED_BANK = re.compile(r"^[A-Z][a-z]{2,}bank$")  # 'Kasikornbank', 'Rabobank': one word ending in 'bank'
_PRONOUN_BEFORE = re.compile(r"(?:^|\W)(?:I|We|You|They|He|She)[ ]$")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _drop_headline_verb(text: str, span: _Span) -> None:
    """Cut a verb opening a name-shaped run ('Banks to Offer Crypto Retail Trading' -> 'Crypto Retail
    Trading'): after 'to', or anywhere in a title-case line, a headline verb is no part of a name."""
    words = span.text.split(" ")
    before = text[max(0, span.start - 4):span.start]
    if _PRONOUN_BEFORE.search(text[max(0, span.start - 6):span.start]) and len(words) > 1:
        words = ["_"]  # 'Why I Chose Squaremouth Insurance': after a pronoun, the first word is its verb
    elif words[0] not in HEADLINE_VERBS:
        return
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_words = _TITLE_WORD.findall(text[line_start:line_end if line_end >= 0 else len(text)])
    title_case = len(line_words) >= 4 and sum(w[0].isupper() for w in line_words) >= 0.7 * len(line_words)
    if not (before.lower().endswith("to ") or title_case):
        return
    cut = len(span.text.split(" ")[0]) + 1
    span.start, span.text = span.start + cut, span.text[cut:]
    if not span.text:
        span.end = span.start


_LOWER_WORD = re.compile(r"(?<![\w.-])[a-z][a-z-]*(?![\w])")


def _common_words_in_capitals(words: list[str], lower_words: frozenset) -> bool:
    """True when every word before a company head is one the story also writes in lower case: a title-case
    phrase ('Car Insurance', 'Latest Technologies'), not a brand ('Kestrel Bank').

    >>> _common_words_in_capitals(["Car"], frozenset({"car"})), _common_words_in_capitals(["Kestrel"], frozenset({"car"}))
    (True, False)
    """
    return all(w.lower().strip("&") in lower_words or w == "&" for w in words)


def _shouted_common_word(name: str, lower_words: frozenset) -> bool:
    """True for a name in capitals made of words the story also writes in lower case ('UPDATE', 'UNIDENTIFIED GROUP').

    >>> _shouted_common_word("UPDATE", frozenset({"update"})), _shouted_common_word("OKX", frozenset({"okx"}))
    (True, False)
    """
    words = name.split()
    return name.isupper() and all(len(w) > 3 or w.lower() in COMPANY_HEADS_CF for w in words) \
        and all(w.lower() in lower_words or w.lower() in COMPANY_HEADS_CF for w in words) \
        and any(w.lower() in lower_words for w in words)


def _split_known_prefix(span: _Span) -> _Span | None:
    """'Taiwan FamilyMart' -> the known 'FamilyMart' inside a longer name whose other words are places."""
    words = span.text.split(" ")
    for i in range(1, len(words)):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if known_company(tail) and (is_place(head) or head in STOP_WORDS):
            return _Span(span.end - len(tail), span.end, tail)
        if known_company(head) and is_place(tail):
            return None  # 'Unity China', 'BitMEX Hong Kong': a unit, keep the whole name
    return None


def _propagate_lists(text: str, spans: list[_Span]) -> None:
    """Names listed with companies are companies: 'Huawei, Ant Group, ZET, Tencent and Baidu'."""
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans):
            gap = _LIST_GAP.match(text[spans[j].end:spans[j + 1].start])
            if not gap or any(w in _LIST_FUNCTION for w in gap.group(1).split()):
                break
            j += 1
        if j > i:
            items = spans[i:j + 1]
            companies = sum(1 for s in items if s.kind == "company" and not s.weak)
            companies += sum(0.5 for s in items if s.kind == "" and _BRANDLIKE.search(s.text))
            cue = _LIST_CUE.search(text[max(0, items[0].start - 100):items[0].start]) is not None
            tail = _LIST_TAIL.match(text[items[-1].end:items[-1].end + 40]) is not None
            bad = sum(1 for s in items if s.kind in {"place", "organization", "media", "person"})
            if bad <= len(items) // 3 and (companies >= 2 or (companies >= 1 and (cue or tail)) or (cue and tail)):
                for s in items:
                    if s.kind == "" or s.weak:
                        s.kind, s.name, s.weak = "company", s.name or canonical_company(s.text), False
        i = j + 1


def _propagate_names(spans: list[_Span]) -> None:
    """Every mention of a name found to be a company is a company ('Bitpowr' after 'Bitpowr, a provider')."""
    strong = {fold_key(s.text): s.name for s in spans if s.kind == "company" and not s.weak}
    bare: dict[str, str] = {}
    for s in spans:
        words = s.text.split()
        if s.kind == "company" and not s.weak and len(words) > 1 and words[-1].rstrip(".") in COMPANY_HEADS:
            stem = " ".join(words[:-1])
            if not is_place(stem) and not all(w in GENERIC for w in words[:-1]):
                bare[fold_key(stem)] = canonical_company(stem)
    for s in spans:
        key = fold_key(s.text)
        if s.kind in {"", "company"} and (key in strong or key in bare):
            s.kind, s.name, s.weak = "company", strong.get(key) or bare[key], False
    # a bare name and its 'X Group' / 'X Holdings' form are one company: use the bare name
    names = {fold_key(s.name): s.name for s in spans if s.kind == "company"}
    for s in spans:
        if s.kind == "company" and len(s.name.split()) > 1 and not known_company(s.name):
            stem = " ".join(s.name.split()[:-1])
            if s.name.split()[-1] in COMPANY_HEADS and fold_key(stem) in names:
                s.name = names[fold_key(stem)]


def _acronyms(text: str, spans: list[_Span]) -> list[_Span]:
    """Acronyms defined after a name, '(ODX)' after 'Osaka Digital Exchange', and their later uses."""
    defined: dict[str, _Span] = {}
    for s in spans:
        if s.kind in {"company", "organization"}:
            m = ACRONYM_RE.match(text, s.end)
            if m and m.group(1) not in defined:
                defined[m.group(1)] = s
    extra = []
    taken = [(s.start, s.end) for s in spans]
    for acr, owner in defined.items():
        for m in re.finditer(rf"(?<![\w.]){re.escape(acr)}(?![\w])", text):
            if not _inside(taken, m.start(), m.end()):
                extra.append(_Span(m.start(), m.end(), acr, owner.kind, owner.name))
        for s in spans:  # 'BDX' and 'BDX Corporation' after 'Busan Digital Asset Exchange (BDX)'
            if s is not owner and (s.text == acr or strip_legal_suffix(s.text) == acr) \
                    and s.kind in {"", "company", "other"}:
                s.kind, s.name, s.weak = owner.kind, owner.name, False
    return extra


def find_organizations(text: str, source_site: str | None = None, context: str = "") -> list[Mention]:
    """Company, organization and person mentions in a story body, with offsets into it.

    `context` is more of the story (the body, for a headline): words it writes in lower case are
    ordinary words when the text writes them with capitals ('Life Insurance' in a headline).

    >>> [(m.entity_type, m.entity_name, m.surface_text) for m in find_organizations(
    ...     "Payments firm Paylinq, a Lagos-based startup, partnered with Sense Time and the "
    ...     "Securities and Futures Commission (SFC), according to Reuters.")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('company', 'Paylinq', 'Paylinq'), ('company', 'SenseTime', 'Sense Time'),
     ('organization', 'Securities and Futures Commission', 'Securities and Futures Commission'),
     ('organization', 'Securities and Futures Commission', 'SFC')]
    """
    if not text:
        return []
    masked = _mask_ranges(text, source_site)
    orgs = _organization_spans(text, masked)
    blocked = masked + [(s.start, s.end) for s in orgs]
    spans = _name_spans(text, blocked)
    lower_words = frozenset(_LOWER_WORD.findall(text)) | frozenset(_LOWER_WORD.findall(context))
    for s in spans:
        inner = _split_known_prefix(s)
        if inner:
            s.start, s.end, s.text = inner.start, inner.end, inner.text
        _drop_headline_verb(text, s)
        if s.text:
            _classify(text, s, lower_words)
    _propagate_lists(text, sorted(spans + orgs, key=lambda s: s.start))
    _propagate_names(spans)
    extra = _acronyms(text, spans + [o for o in orgs if o.kind == "organization"])
    for s in spans:
        if s.kind == "company" and _shouted_common_word(s.text, lower_words) and not known_company(s.text):
            s.kind = ""  # 'INSERT', 'UPDATE', 'NEXT': a common word in capitals, written in lower case elsewhere
    found = [s for s in spans + orgs + extra if s.kind in {"company", "organization", "person"} and not s.weak]
    site_keys = {fold_key(n) for n in _site_names(source_site)}
    mentions = [Mention(s.kind, s.name or s.text, text[s.start:s.end], s.start, s.end)
                for s in sorted(found, key=lambda s: s.start) if fold_key(s.name or s.text) not in site_keys]
    return mentions
