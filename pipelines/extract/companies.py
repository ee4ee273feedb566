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

from pipelines.extract.company_cues import (
    ABBREV, ACRONYM_RE, AFFIX, APPOS, APPOS_COMPANY, BASE_AFTER, BOILERPLATE_RE, BRANDLIKE, COMPANY_HEADS, GENERIC,
    HEADLINE_VERBS, KNOWN_JOINED_COMPANY_RE, KNOWN_ORG_RE, LIST_CUE, LIST_CUE_STRONG, LIST_FUNCTION, LIST_GAP, LIST_TAIL,
    LIST_TAIL_BUSINESS, LIST_TAIL_STRONG, LOWER_WORD, MASK_NO_EMAIL_RE, MASK_RE, MEDIA_HEADS, NAME_RE, ORG_CONNECTORS,
    ORG_HEADS, ORG_NAME_OPENERS, ORG_RE, PLACE_POSSESSIVE_BEFORE, PLACE_WORD_AFTER, POSSESSIVE, POSSESSIVE_GAP,
    PRONOUN_BEFORE, SITE_LABELS, SPLIT_WORDS, STOP_WORD_LENGTH, STOP_WORDS, TITLE_SPLIT, TITLE_WORD, VERB_PARTICLES)
from pipelines.extract.company_kinds import Span, appos_kind, classify, is_public_lab, shouted_common_word
from pipelines.extract.company_names import (CUES, JOINED_COMPANY_NAMES, KNOWN_ORGANIZATIONS, canonical_company, fold_key, is_place,
                                             known_company, longest_place_words, strip_legal_suffix)
from pipelines.records import Mention



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
    labels = [lb for lb in site.split(".") if len(lb) > 3 and lb not in SITE_LABELS] if "." in site else [site]
    names = [site] + labels + [lb.replace("-", " ") for lb in labels]
    return [s for s in dict.fromkeys(names) if len(s) > 2]



def _inside(ranges, start: int, end: int) -> bool:
    """True when [start, end) overlaps one of the ranges."""
    return any(s < end and start < e for s, e in ranges)


def _organization_spans(text: str, masked) -> list[Span]:
    """Known and head-shaped organization names, laws, plans, products and outlets."""
    spans: list[Span] = []
    for m in KNOWN_ORG_RE.finditer(text):
        spans.append(Span(m.start(), m.end(), m.group(), "organization", KNOWN_ORGANIZATIONS[m.group()]))
    taken = [(s.start, s.end) for s in spans]
    for m in KNOWN_JOINED_COMPANY_RE.finditer(text):  # 'Bank of China' whole, not 'Bank' and 'China'
        if not _inside(taken, m.start(), m.end()) and not _inside(masked, m.start(), m.end()):
            spans.append(Span(m.start(), m.end(), m.group(), "company", JOINED_COMPANY_NAMES[m.group()]))
            taken.append(m.span())
    for m in ORG_RE.finditer(text):
        s, e, value = _trim_org(text, m.start(), m.end())
        if e <= s or _inside(taken, s, e) or _inside(masked, s, e):
            continue
        if " " not in value and value not in KNOWN_ORGANIZATIONS:
            continue  # a bare 'Authority' or 'Board' names nothing
        last = re.sub(r"['’]s$", "", value).split()[-1]
        head = value.split(" of ")[0].split(" for ")[0].split(" on ")[0].split()[-1]  # 'Ministry' of 'Ministry of Finance'
        kind = ("organization" if last in ORG_HEADS or head in ORG_HEADS else "media" if last in MEDIA_HEADS else "other")
        known = known_company(value)
        if known and kind != "organization":
            continue  # a company whose name ends like a plan or a product ('Epic Games')
        spans.append(Span(s, e, value, kind, value))
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
        if " " not in first[1] and word in GENERIC and word not in SPLIT_WORDS and first[1] not in GENERIC:
            break  # 'European Commission', 'National Assembly': the adjective is the name, a bare head names nothing
        if word in ORG_NAME_OPENERS and first[1].split()[-1] in ORG_HEADS:
            break  # 'National Development Council', 'Federal Communications Commission': the opener is the name's
        if (word in STOP_WORDS or (POSSESSIVE.search(word) and not word.startswith("People"))
                or word in ORG_CONNECTORS or re.search(r"s['’]$", word)):  # "the Philippines' Department of ..."
            start += len(word) + 1
            value = first[1]
            continue
        break
    head, sep, rest = value.partition(" and ")
    if sep and not known_company(value) and (known_company(head) or is_place(head) or is_public_lab(head.split())):
        # 'Naver and Seoul Metropolitan Government', 'Hangzhou and Peng Cheng Laboratory': two names, not one
        start, value = start + len(head) + len(sep), rest
    if value.split(" ", 1)[0] in TITLE_SPLIT and " of " in value:  # 'Professor Alan Smith of Stanford University'
        cut = value.index(" of ") + 4
        start, value = start + cut, value[cut:]
    if POSSESSIVE.search(value):
        value, end = value[:-2], end - 2
    return start, end, value


def _name_spans(text: str, blocked) -> list[Span]:
    """Capitalised names outside blocked ranges, split at possessives and trimmed of stop words."""
    out: list[Span] = []
    for m in NAME_RE.finditer(text):
        pos = m.start()
        words: list[tuple[int, str]] = []
        for tok in m.group().replace("\u00a0", " ").split(" "):
            words.append((pos, tok))
            pos += len(tok) + 1
        out += _split_words(words)
    return [s for s in _with_legal_tails(text, out) if not _inside(blocked, s.start, s.end)]


COMMA_LEGAL_FORMS = frozenset(CUES["comma_legal_suffixes"])  # 'Acme, Inc.' (organization_cues.yaml)


def _with_legal_tails(text: str, spans: list[Span]) -> list[Span]:
    """A legal form written after a comma ('Lakeview Technology Co., Ltd.', 'Acme, Inc.') joins the name before it;
    alone it is no company.

    >>> [s.text for s in _with_legal_tails("Lakeview Technology Co., Ltd. said", [Span(0, 23, "Lakeview Technology Co"),
    ...                                                                         Span(25, 29, "Ltd")])]
    ['Lakeview Technology Co., Ltd.']
    """
    out: list[Span] = []
    for span in spans:
        if out and span.text.rstrip(".") in COMMA_LEGAL_FORMS and text[out[-1].end:span.start] in (", ", "., ") \
                and len(span.text.split()) == 1:
            prev = out.pop()
            out.append(Span(prev.start, span.end, text[prev.start:span.end]))
        else:
            out.append(span)
    return out


def _split_words(words: list[tuple[int, str]]) -> list[Span]:
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
            spans.append(Span(start, end, " ".join(w for _, w in cur)))
        cur.clear()

    for pos, tok in words:
        if tok.endswith(("'s", "’s")):  # POSSESSIVE: a word holds no newline
            cur.append((pos, tok[:-2]))
            flush()
        elif tok.endswith(".") and not ABBREV.match(tok):
            cur.append((pos, tok[:-1]))
            flush()
        elif AFFIX.search(tok):  # 'Kong-headquartered': the name ends with the word's stem ('Hong Kong')
            stem = tok[:AFFIX.search(tok).start()]
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



def _drop_headline_verb(text: str, span: Span) -> Span | None:
    """Cut a verb opening a name-shaped run ('Banks to Offer Crypto Retail Trading' -> 'Crypto Retail
    Trading'): after 'to', or anywhere in a title-case line, a headline verb is no part of a name. In a title-case
    line a verb inside the run ends the subject before it ("Xiong'an Sets Up Blockchain Lab" -> 'Blockchain Lab',
    its particle left out too): the subject before it is then a span of its own, returned ("Xiong'an")."""
    words = span.text.split(" ")
    before = text[max(0, span.start - 4):span.start]
    if PRONOUN_BEFORE.search(text[max(0, span.start - 6):span.start]) and len(words) > 1:
        verb = 0  # 'Why I Chose Squaremouth Insurance': after a pronoun, the first word is its verb
    else:
        verb = next((k for k, word in enumerate(words) if word in HEADLINE_VERBS), None)
        if verb is None:
            return None
    if not (verb == 0 and before.lower().endswith("to ") or _title_case_line(text, span)):
        return None
    subject = Span(span.start, span.start + len(" ".join(words[:verb])), " ".join(words[:verb])) if verb else None
    cut = verb + 1 + (verb + 1 < len(words) and words[verb + 1] in VERB_PARTICLES)
    offset = sum(len(word) + 1 for word in words[:cut])
    span.start, span.text = span.start + offset, " ".join(words[cut:])
    if not span.text:
        span.end = span.start
    return subject


def _title_case_line(text: str, span: Span) -> bool:
    """True when the line holding `span` is written in title case (most of four or more words capitalised)."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_words = TITLE_WORD.findall(text[line_start:line_end if line_end >= 0 else len(text)])
    return len(line_words) >= 4 and sum(w[0].isupper() for w in line_words) >= 0.7 * len(line_words)


def _split_known_prefix(span: Span) -> Span | None:
    """'Taiwan FamilyMart' -> the known 'FamilyMart' inside a longer name whose other words are places."""
    words = span.text.split(" ")
    longest = max(longest_place_words(), STOP_WORD_LENGTH)
    for i in range(1, len(words)):
        if longest < i < len(words) - longest:
            continue  # neither side is short enough to be a place or a stop word (joining them each time was
            # quadratic: a 4,000-word line of capitalised words took 0.7 s)
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if known_company(tail) and (is_place(head) or head in STOP_WORDS):
            return Span(span.end - len(tail), span.end, tail)
        if known_company(head) and is_place(tail):
            return None  # 'Unity China', 'BitMEX Hong Kong': a unit, keep the whole name
    return None


def _propagate_lists(text: str, spans: list[Span]) -> None:
    """Names listed with companies are companies: 'Huawei, Ant Group, ZET, Tencent and Baidu'."""
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans):
            gap = LIST_GAP.match(text[spans[j].end:spans[j + 1].start])
            if not gap or any(w in LIST_FUNCTION for w in gap.group(1).split()):
                break
            j += 1
        if j > i:
            items = spans[i:j + 1]
            companies = sum(1 for s in items if s.kind == "company" and not s.weak)
            # a place's firm beside a firm: 'Belfast-based Kainos and Edinburgh's Skyscanner welcomed ...'
            companies += sum(1 for s in items if s.kind == "" and not PLACE_WORD_AFTER.match(text, s.end)
                             and PLACE_POSSESSIVE_BEFORE.search(text, max(0, s.start - 40), s.start))
            companies += sum(0.5 for s in items if s.kind == "" and BRANDLIKE.search(s.text))
            cue = LIST_CUE.search(text[max(0, items[0].start - 100):items[0].start]) is not None
            after = text[items[-1].end:items[-1].end + 100]
            tail = LIST_TAIL.match(after) is not None
            # what the list's names are, said after it: 'are partners'; or a business move beside a name that looks
            # like a firm ('GoTo and Bukalapak have both opened offices'); or a plural apposition after one of its names
            # ('Flutterwave and Paystack, Nigeria's best-known fintechs, ...'), which ends the list there
            described = next((k for k, s in enumerate(items) if _plural_company_apposition(text, s.end)), None)
            if described is not None:
                items = items[:described + 1]
            said = described is not None or LIST_TAIL_STRONG.match(after) is not None \
                or re.match(r",\s+(?:both|all)\s", after) is not None and BASE_AFTER.match(after) is not None \
                or LIST_CUE_STRONG.search(text, max(0, items[0].start - 40), items[0].start) is not None \
                or (companies >= 0.5 and LIST_TAIL_BUSINESS.match(after) is not None)
            bad = sum(1 for s in items if s.kind in {"place", "organization", "media", "person"})
            if bad <= len(items) // 3 and (companies >= 2 or (companies >= 1 and (cue or tail)) or (cue and tail)
                                           or said):
                for s in items:
                    if s.kind == "" or s.weak:
                        s.kind, s.name, s.weak = "company", s.name or canonical_company(s.text), False
        i = j + 1


def _plural_company_apposition(text: str, end: int) -> bool:
    """True when a plural company noun heads the apposition after a name ('..., Nigeria's best-known fintechs'): it
    says what every name of the list it ends is ('a universal app' or 'the ALDO Group' says it of the last only).

    >>> _plural_company_apposition("A and B, Nigeria's best-known fintechs, said", 7), _plural_company_apposition("A, a bank", 1)
    (True, False)
    """
    m = APPOS.match(text, end)
    return bool(m) and appos_kind(text, end) == "company" and any(
        w in APPOS_COMPANY and w.endswith("s") and w != "business" for w in m.group("text").lower().split())


def _propagate_names(spans: list[Span]) -> None:
    """Every mention of a name found to be a company is a company ('Bitpowr' after 'Bitpowr, a provider')."""
    strong = {fold_key(s.text): s.name for s in spans if s.kind == "company" and not s.weak}
    bare: dict[str, str] = {}
    for s in spans:
        words = s.text.split()
        if s.kind == "company" and not s.weak and len(words) > 1 and words[-1].rstrip(".") in COMPANY_HEADS:
            stem = " ".join(words[:-2] if len(words) > 2 and words[-2] in ("&", "and") else words[:-1])  # 'McKinsey &'
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


def _acronyms(text: str, spans: list[Span]) -> list[Span]:
    """Acronyms defined after a name, '(ODX)' after 'Osaka Digital Exchange', and their later uses."""
    defined: dict[str, Span] = {}
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
                extra.append(Span(m.start(), m.end(), acr, owner.kind, owner.name))
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
    lower_words = frozenset(LOWER_WORD.findall(text)) | frozenset(LOWER_WORD.findall(context))
    subjects = []  # the names before a headline verb inside a run: spans of their own
    for s in spans:
        inner = _split_known_prefix(s)
        if inner:
            s.start, s.end, s.text = inner.start, inner.end, inner.text
        if subject := _drop_headline_verb(text, s):
            subjects.append(subject)
            classify(text, subject, lower_words)
        if s.text:
            classify(text, s, lower_words)
    spans = sorted(spans + subjects, key=lambda s: s.start)
    # a place's possessive before a name qualifies it, it is no item of a list ('Belfast-based Kainos and Edinburgh's
    # Skyscanner'): the list reads on over it to the name
    listed = [s for s in sorted(spans + orgs, key=lambda s: s.start)
              if not (s.kind == "place" and POSSESSIVE_GAP.match(text, s.end))]
    _propagate_lists(text, listed)
    _propagate_names(spans)
    extra = _acronyms(text, spans + [o for o in orgs if o.kind == "organization"])
    for s in spans:
        if s.kind == "company" and shouted_common_word(s.text, lower_words) and not known_company(s.text):
            s.kind = ""  # 'INSERT', 'UPDATE', 'NEXT': a common word in capitals, written in lower case elsewhere
    found = [s for s in spans + orgs + extra if s.kind in {"company", "organization", "person"} and not s.weak]
    site_keys = {fold_key(n) for n in _site_names(source_site)}
    mentions = [Mention(s.kind, s.name or s.text, text[s.start:s.end], s.start, s.end)
                for s in sorted(found, key=lambda s: s.start) if fold_key(s.name or s.text) not in site_keys]
    return mentions
