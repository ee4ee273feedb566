"""What a capitalised name in a story is: company, organization, person, media, place, other or unknown.

`classify` runs an ordered table of rules (RULES); the first that decides wins. Each rule reads the
same evidence: the name's shape, the curated lists (companies.yaml, organization_cues.yaml) and the
words just before and after it. Order matters: what the lists know outranks what the context
suggests, and a weak shape ('Alexander Vinnik', 'Retail') is left unknown unless stronger evidence
comes; companies.py then propagates kinds across lists and repeated names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.extract.company_cues import (
    APPOS, APPOS_COMPANY, APPOS_OTHER, APPOS_STOP, BASE_AFTER, COMPANY_HEADS, COMPANY_HEADS_CF, DESC, FOLLOWER, GENERIC,
    GLUED_BANK, HEAD_NOUN_AFTER, LAB_HEADS, LIST_TAIL_STRONG, MEDIA_AFTER, MEDIA_APPOSITION, MEDIA_BEFORE, MEDIA_DESC,
    MEDIA_HEADS, NOT_A_NAME, PERSON_APPOSITION, PERSON_BEFORE, PERSON_TITLES, PLACE_BASED_BEFORE, PLAIN_WORD,
    POSSESSIVE_NOT_OWNERS, PRECEDER, PRODUCTS, PUBLIC_LAB_WORDS, SENTENCE_START, STOP_WORDS, STRONG_DESCRIPTORS)
from pipelines.extract.company_names import (KNOWN_ORGANIZATIONS, MEDIA_KEYS, KnownCompany, canonical_company,
                                             fold_key, is_place, known_company)


@dataclass(slots=True)
class Span:
    """A capitalised name found in the text and what is known about it."""

    start: int
    end: int
    text: str
    kind: str = ""  # 'company' | 'organization' | 'person' | 'media' | 'place' | 'other' | '' (unknown)
    name: str = ""  # canonical name once kind is decided
    weak: bool = False  # a known name that is also a common word, at the start of a sentence


# words before a title in an apposition: 'ASML's former head', 'the bank's new chairman'
TITLE_ADJECTIVES = frozenset({"former", "new", "incoming", "outgoing", "then", "acting", "interim", "deputy", "vice",
                              "senior", "chief", "top", "longtime", "current", "founding"})


def appos_kind(text: str, end: int) -> str:
    """'company', 'other' or '' from an apposition after the name: 'X, a cross-border payments company', 'X, Nigeria's
    best-known fintech'. Opened by a possessive that is no place ('Trailhead, Salesforce's learning platform'), it names
    a firm's product or unit: no company.

    >>> appos_kind("Nubank, Brazil's largest digital bank", 6), appos_kind("Trailhead, Salesforce's learning platform", 9)
    ('company', '')
    """
    m = APPOS.match(text, end)
    if not m:
        return ""
    owner = m.group("owner")
    if owner and not is_place(owner) and owner not in POSSESSIVE_NOT_OWNERS:
        words = m.group("text").split()[:2]  # 'Mayer, Disney's chairman of ...', 'Lin Nan, ASML's former head'
        title = words[1] if words[0] in TITLE_ADJECTIVES and len(words) > 1 else words[0]  # not 'package manager'
        return "person" if title in PERSON_APPOSITION else ""
    kind = ""
    for word in m.group("text").split():
        w = word.lower().strip("\"“”'’")
        if w in APPOS_STOP:
            break
        if kind and w not in APPOS_COMPANY and w not in APPOS_OTHER:
            kind = ""  # 'the company pursued ...': a clause, not an apposition
        if w in APPOS_COMPANY:
            kind = "company"
        elif w in APPOS_OTHER:
            kind = "media" if w in MEDIA_APPOSITION else "person" if w in PERSON_APPOSITION else "other"
    return kind



@dataclass(slots=True)
class Evidence:
    """What the rules know about one name: the name, the curated lists' answer and the words around it."""

    text: str  # the whole text the name is in
    span: Span
    words: list[str]
    key: str  # fold_key of the name
    before: str  # up to 80 characters before the name
    after: str  # up to 160 characters after it
    lower_words: frozenset  # words the story writes in lower case
    known: KnownCompany | None  # the name in companies.yaml
    desc: re.Match | None  # a company descriptor just before an unknown name ('stablecoin issuer Circle')
    appos: str  # what an apposition after the name says it is: 'company', 'media', 'person', 'other' or ''
    follower: re.Match | None  # a company word after the name ("'s CEO", 'said in a statement')


def evidence(text: str, span: Span, lower_words: frozenset = frozenset()) -> Evidence:
    """Gather the evidence about one name once, for every rule."""
    value = span.text
    before, after = text[max(0, span.start - 80):span.start], text[span.end:span.end + 160]
    known = known_company(value)
    return Evidence(text, span, value.split(), fold_key(value), before, after, lower_words, known,
                    None if known else DESC.search(before), appos_kind(text, span.end), FOLLOWER.match(after))


def _decide(e: Evidence, kind: str, name: str = "") -> bool:
    e.span.kind, e.span.name = kind, name or e.span.name
    return True


def media_by_name(e: Evidence) -> bool:
    """A known outlet, or a name ending in a media word ('Global Times', 'Cointelegraph News')."""
    if e.key in MEDIA_KEYS or (e.words[-1] in MEDIA_HEADS and len(e.words) > 1):
        return _decide(e, "media")
    return False


def product(e: Evidence) -> bool:
    """A product named after its owner ('Alipay+', 'WeChat Pay'): the owner is the company, not the product."""
    return e.key in PRODUCTS and _decide(e, "other")


def media_by_context(e: Evidence) -> bool:
    """'told Reuters', 'according to X', 'X reported': an outlet, unless companies.yaml knows the name for sure."""
    if (not e.known or e.known.ambiguous) and (
            MEDIA_DESC.search(e.before) or MEDIA_BEFORE.search(e.before) or MEDIA_AFTER.match(e.after)):
        return _decide(e, "media")
    return False


def person_by_title(e: Evidence) -> bool:
    """'CEO Jane Doe', 'Mr. Li': a person after a title, when nothing names a company."""
    return not e.known and not e.desc and bool(PERSON_BEFORE.search(e.before)) and _decide(e, "person")


def media_or_person_by_apposition(e: Evidence) -> bool:
    """'X, a local newspaper' or 'X, a former banker': what the apposition says, for a name not in the lists."""
    return e.appos in {"media", "person"} and not e.known and _decide(e, e.appos)


def known(e: Evidence) -> bool:
    """A name in companies.yaml; weak when it is also a common word opening a sentence with nothing after it."""
    if not e.known:
        return False
    e.span.weak = (e.known.ambiguous and bool(SENTENCE_START.search(e.before)) and e.appos != "company"
                   and not FOLLOWER.match(e.after))
    return _decide(e, "company", e.known.name)


def place_or_generic(e: Evidence) -> bool:
    """A place, a known organization, a title, or only generic and stop words: not a company."""
    value = e.span.text
    if is_place(value):
        return _decide(e, "place")
    if value in KNOWN_ORGANIZATIONS or value in PERSON_TITLES or all(w in GENERIC or w in STOP_WORDS for w in e.words):
        return _decide(e, "other")
    return False


def public_lab(e: Evidence) -> bool:
    """'Zhejiang Lab', 'Shanghai AI Lab': a public research body (see is_public_lab)."""
    return is_public_lab(e.words) and _decide(e, "organization", e.span.text)


def person_after_title(e: Evidence) -> bool:
    """'Chairman Zhang Wei': the title is cut off; the rest is a person unless it holds titles or company words."""
    if not (e.words[0] in PERSON_TITLES and len(e.words) > 1):
        return False
    span, value = e.span, e.span.text
    span.start += len(e.words[0]) + 1
    span.text = span.name = value[len(e.words[0]) + 1:]
    rest = e.words[1:]
    span.kind = "" if any(w in PERSON_TITLES or w in NOT_A_NAME or w in COMPANY_HEADS for w in rest) else "person"
    return True


def _has_company_head(e: Evidence) -> bool:
    return len(e.words) > 1 and e.words[-1].rstrip(".").casefold() in COMPANY_HEADS_CF


def common_words_in_title_case(e: Evidence) -> bool:
    """'Non-Owner Car Insurance', 'Latest Technologies': words the story also writes in lower case, before a
    company head, are a phrase in title case, not a brand: left unknown."""
    return (_has_company_head(e) and e.appos != "company" and not e.desc
            and common_words_in_capitals(e.words[:-1], e.lower_words))


def company_by_shape(e: Evidence) -> bool:
    """A company head ('Hana Bank', 'Zipmex Limited'), 'X, a payments company', 'Kasikornbank', or a strong
    descriptor before it ('stablecoin issuer Circle')."""
    if _has_company_head(e) or e.appos == "company" or GLUED_BANK.match(e.span.text) \
            or (e.desc and e.desc.group(1) in STRONG_DESCRIPTORS):
        return _decide(e, "company", canonical_company(e.span.text))
    return False


def company_by_possessive(e: Evidence) -> bool:
    """"Brightwave's CEO": a possessive before a company word."""
    if e.follower and e.follower.group().startswith(("'s", "’s")):
        return _decide(e, "company", canonical_company(e.span.text))
    return False


def company_by_base(e: Evidence) -> bool:
    """'Zoho, which is headquartered in Chennai', 'Bengaluru-based Infosys', 'Fawry is among the region's largest
    digital businesses': where a name is based, or what it is said to be among, makes it a firm, a plain word opening a
    sentence too."""
    based = PLACE_BASED_BEFORE.search(e.before)
    among = LIST_TAIL_STRONG.match(e.after)
    if BASE_AFTER.match(e.after) or (among and " among " in among.group()) \
            or (based and is_place(based.group(1)) and not HEAD_NOUN_AFTER.match(e.after)):
        return _decide(e, "company", canonical_company(e.span.text))
    return False


def plain_words(e: Evidence) -> bool:
    """'Alexander Vinnik', 'Retail' at a sentence start: a person or a common word unless stronger evidence
    comes later (lists, repeated names): left unknown."""
    return all(PLAIN_WORD.match(w) for w in e.words) and (len(e.words) > 1 or bool(SENTENCE_START.search(e.before)))


def company_by_context(e: Evidence) -> bool:
    """A descriptor before it, a company word after it, or a preceding cue ('shares of X')."""
    if e.desc or e.follower or PRECEDER.search(e.before):
        return _decide(e, "company", canonical_company(e.span.text))
    return False


def other_by_apposition(e: Evidence) -> bool:
    """'X, a new law': the apposition names something that is not a company."""
    return e.appos == "other" and _decide(e, "other")


# The rules in order; the first that returns True has decided (possibly leaving the kind unknown).
RULES = (media_by_name, product, media_by_context, person_by_title, media_or_person_by_apposition, known,
         place_or_generic, public_lab, person_after_title, common_words_in_title_case, company_by_shape,
         company_by_possessive, company_by_base, plain_words, company_by_context, other_by_apposition)


def classify(text: str, span: Span, lower_words: frozenset = frozenset()) -> None:
    """Decide what one name is: set span.kind (and span.name, span.weak) by the first rule that decides."""
    e = evidence(text, span, lower_words)
    for rule in RULES:
        if rule(e):
            return


def is_public_lab(words: list[str]) -> bool:
    """'Zhejiang Lab', 'Shanghai AI Lab', 'National Blockchain Lab': a lab named only by a place and
    generic or public words is a public research body; 'Animoca Labs' (a brand before it) is not.

    >>> is_public_lab(["Zhejiang", "Lab"]), is_public_lab(["Animoca", "Labs"]), is_public_lab(["Lab"])
    (True, False, False)
    """
    if len(words) < 2 or words[-1] not in LAB_HEADS:
        return False
    return all(w in PUBLIC_LAB_WORDS or w in GENERIC or is_place(w) for w in words[:-1]) \
        or is_place(" ".join(words[:-1]))



def common_words_in_capitals(words: list[str], lower_words: frozenset) -> bool:
    """True when every word before a company head is one the story also writes in lower case: a title-case
    phrase ('Car Insurance', 'Latest Technologies'), not a brand ('Kestrel Bank').

    >>> common_words_in_capitals(["Car"], frozenset({"car"})), common_words_in_capitals(["Kestrel"], frozenset({"car"}))
    (True, False)
    """
    return all(w.lower().strip("&") in lower_words or w == "&" for w in words)


def shouted_common_word(name: str, lower_words: frozenset) -> bool:
    """True for a name in capitals made of words the story also writes in lower case ('UPDATE', 'UNIDENTIFIED GROUP').

    >>> shouted_common_word("UPDATE", frozenset({"update"})), shouted_common_word("OKX", frozenset({"okx"}))
    (True, False)
    """
    words = name.split()
    return name.isupper() and all(len(w) > 3 or w.lower() in COMPANY_HEADS_CF for w in words) \
        and all(w.lower() in lower_words or w.lower() in COMPANY_HEADS_CF for w in words) \
        and any(w.lower() in lower_words for w in words)

