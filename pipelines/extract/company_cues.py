"""The word lists and patterns that find and classify names in story text, compiled once.

The words themselves are data (``pipelines/data/companies.yaml`` and ``organization_cues.yaml``,
read by company_names.CUES); this module turns them into sets and regular expressions for
companies.py (finding names) and company_kinds.py (deciding what each name is).
"""
from __future__ import annotations

import re

from pipelines.extract.company_names import CUES, JOINED_COMPANY_NAMES, KNOWN_ORGANIZATIONS, PRODUCT_OWNERS, fold_key


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
ORG_NAME_OPENERS = _set("organization_name_openers")
OTHER_HEADS = _set("other_heads")
MEDIA_HEADS = _set("media_heads")
STOP_WORDS = _set("stop_words")
STOP_WORD_LENGTH = max(len(w.split(" ")) for w in STOP_WORDS)  # the most words a stop word has
SPLIT_WORDS = _set("split_words")
PERSON_TITLES = _set("person_titles")
TITLE_SPLIT = _set("title_split_words")
COMPANY_HEADS_CF = frozenset(h.casefold() for h in COMPANY_HEADS)
STRONG_DESCRIPTORS = _set("strong_company_descriptors")
AFFIX = re.compile(rf"-(?:{'|'.join(map(re.escape, CUES['affix_words']))})$")
GENERIC = _set("generic_words")
APPOS_COMPANY = _set("company_apposition_heads")
APPOS_OTHER = _set("non_company_apposition_heads")
MEDIA_DESCRIPTORS = _set("media_descriptors")
PRODUCTS = frozenset(fold_key(p) for p in CUES["products"]) | frozenset(PRODUCT_OWNERS)
HEADLINE_VERBS = _set("headline_verbs")
VERB_PARTICLES = _set("verb_particles")
LAB_HEADS = _set("lab_heads")
PUBLIC_LAB_WORDS = _set("public_lab_words")
NOT_A_NAME = _set("not_name_words")
MEDIA_APPOSITION = _set("media_apposition_words")
PERSON_APPOSITION = _set("person_apposition_words")
ORG_CONNECTORS = _set("organization_connectors")

# One word of a name: 'HashKey', 'JD.com', 'XT.COM', 'BTC-e', 'iFlytek', '1000X', 'Mt.', 'SBI’s'.
# (Latin letters with accents are letters of a name: 'Itaú Unibanco', 'Société Générale', 'Nestlé'; not the 'â' of a
# mis-decoded apostrophe, 'Googleâ€™s')
_LETTER = r"(?:[A-Za-z0-9]|[À-ÖØ-öø-ÿ](?![€\u0080-\u009f]))"
_TOKEN = (rf"(?:[A-ZÀ-ÖØ-Þ]{_LETTER}*(?:[\-&'’@]{_LETTER}+|\.(?:[a-z0-9]+|[A-Z0-9]+(?![a-z])))*\.?"
          r"|[a-z]{1,2}[A-Z][A-Za-z0-9]*|\d+[A-Z][A-Za-z0-9]*)")
NAME_RE = re.compile(rf"(?<![\w.@/-]){_TOKEN}(?:[ \u00a0](?:&[ \u00a0])?{_TOKEN})*")
ABBREV = re.compile(r"^(?:[A-Z]\.)+$|^(?:Mt|St|Co|Inc|Ltd|Corp|Jr|Bros|No)\.$")
POSSESSIVE = re.compile(r"['’]s$")

# Organization names: capitalised words ending in a head ('Securities and Futures Commission',
# 'Ministry of Industry and Information Technology', 'Monetary Authority of Singapore').
# At most 24 words before the head: unbounded, a line of capitalised words with no head in it ('Word Word ...') was
# read again from each of its words (4,000 words: 3 s); no name is that long.
_CAP = r"[A-Z][\w’'&-]*(?:\.[A-Za-z]+)*"
_HEADS = ORG_HEADS | OTHER_HEADS | MEDIA_HEADS
ORG_RE = re.compile(
    rf"(?<![\w.]){_first_chars(_HEADS, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}(?:{_CAP}[ ](?:(?:and|&|of|for|on)[ ])?){{0,24}}?{_alt(_HEADS)}(?:['’]s)?(?![\w])"
    rf"(?:[ ](?:of|for|on)[ ](?:the[ ])?{_CAP}(?:[ ](?:(?:and|&|of|for|the)[ ])?{_CAP})*)?")
KNOWN_ORG_RE = re.compile(rf"(?<![\w.]){_first_chars(KNOWN_ORGANIZATIONS)}{_alt(KNOWN_ORGANIZATIONS)}(?![\w])")
KNOWN_JOINED_COMPANY_RE = re.compile(rf"(?<![\w.]){_first_chars(JOINED_COMPANY_NAMES)}{_alt(JOINED_COMPANY_NAMES)}(?![\w])")
ACRONYM_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,11})\)")

# Text that never holds a company mention: photo credits, URLs, e-mails, disclaimers, copyright lines.
_MASK = (rf"(?:{'|'.join(map(re.escape, CUES['credit_words']))})s?(?:graph)?(?:\s+(?:by|credit|courtesy(?:\s+of)?)|:)\s+[^\n]{0,80}?"
         rf"(?:\s+(?:on|via|from|/)\s+{_alt(CUES['media_outlets'])}|(?=\n|$))"
         r"|https?://\S+|www\.\S+")
# An e-mail starts where its run of name characters starts: tried from every letter of a long run, the run was read
# again each time (20,000 letters, Han or digits in a text with an '@': 1-1.7 s).
MASK_RE = re.compile(_MASK + r"|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
MASK_NO_EMAIL_RE = re.compile(_MASK)  # the same for text without '@' (its e-mail branch, tried at every letter, cannot match)
BOILERPLATE_RE = re.compile(CUES["boilerplate_re"])

DESC = re.compile(rf"(?:^|[^\w-])({_alt(CUES['company_descriptors'])})\s+$")
MEDIA_DESC = re.compile(rf"(?:^|\W)({_alt(MEDIA_DESCRIPTORS)})\s+(?:the\s+)?$")
MEDIA_BEFORE = re.compile(CUES["media_before_re"], re.I)
MEDIA_AFTER = re.compile(CUES["media_after_re"])
PERSON_BEFORE = re.compile(rf"(?:^|[^\w])(?:{_alt(CUES['person_titles'])})\.?\s+$")
FOLLOWER = re.compile(rf"^(?:['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}?|\s+)(?:{_alt(CUES['company_followers'])})\b"
                      rf"(?!\s+(?:{_alt(CUES['followers_not_before'])})\b)")  # 'the Lingang management committee': a body
PRECEDER = re.compile(rf"(?:^|\W)(?:{_alt(CUES['company_preceders'])})\s+(?:the\s+)?$", re.I)
# 'X, a payments company', 'X, Latin America's largest digital bank', 'X and Y, Nigeria's best-known fintechs'
APPOS = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,\s+(?:(?:one|part|some)\s+of\s+)?"
                   r"(?:a|an|the|(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s|the\s(?P<whole>world|country|region)['’]s)"
                   r"\s+(?P<text>[^,.;:()\n]{1,90})")
POSSESSIVE_NOT_OWNERS = frozenset({"Latin America", "Africa", "Asia", "Europe", "Southeast Asia", "The World"})
APPOS_STOP = _set("apposition_stop_words")
LIST_GAP = re.compile(r"^(?:['’]s)?\s*(?:\([^()]{0,40}\)\s*)?(?:,{1,2}\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|"
                       r"\s+(?:and|or|&|as\s+well\s+as)\s+)((?:[a-z][\w-]*\s+){0,3})"
                       r"(?:[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s\s+)?$")  # '... and Edinburgh's Skyscanner'
POSSESSIVE_GAP = re.compile(r"['’]s\s+(?=[A-Z])")  # a name's possessive right before another name
PLACE_WORD_AFTER = re.compile(r"\s+(?:district|city|province|county|state|region|area|zone|port|airport|island)\b")
PLACE_POSSESSIVE_BEFORE = re.compile(r"(?:^|\s)(?:and|or|,)\s+[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s\s+$")
LIST_FUNCTION = _set("list_function_words")
LIST_CUE = re.compile(rf"\b(?:{_alt(CUES['company_list_nouns'])})\b[^.;:]{{0,60}}?"
                       r"(?:such\s+as|like|including|include|includes|included|are|were|:)\s+$")
LIST_TAIL = re.compile(rf"^,?\s+(?:and|or)\s+{_alt(CUES['list_tail_words'])}\b")
BASE_AFTER = re.compile(CUES["company_base_after_re"])  # ', which is headquartered in Chennai'
# a place and '-based' right before a name: 'Bengaluru-based Infosys', 'Belfast-based Kainos' (the place is checked:
# 'cloud-based CRM', 'AI-based UX' name no firm)
PLACE_BASED_BEFORE = re.compile(r"(?:^|[^\w-])([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-(?:based|headquartered)\s+$")
# lowercase words and a company noun after a name: the name qualifies that noun ('US-based IT and professional services
# giant', 'a California-based SaaS technology company'), it is no firm's name
HEAD_NOUN_AFTER = re.compile(rf"^(?:\s+[a-z][\w-]*){{0,5}}?\s+(?:{_alt(CUES['company_apposition_heads'])})\b")
# a plural company noun right before a list: 'banks including Itaú Unibanco and Bradesco', 'firms such as ...'
LIST_CUE_STRONG = re.compile(r"\b(?:companies|firms|banks|lenders|exchanges|startups|start-ups|fintechs|brands|giants)"
                             r"\s+(?:such\s+as|including|like)\s+$")
LIST_TAIL_STRONG = re.compile(CUES["list_tail_strong_re"])  # '..., are partners': the list's names are companies
LIST_TAIL_BUSINESS = re.compile(CUES["list_tail_business_re"])  # '... have opened offices': beside a firm-like name
BRANDLIKE = re.compile(r"[a-z][A-Z]|^[A-Z0-9]{3,}$|\d[A-Z]")
SITE_LABELS = _set("site_labels")
PLAIN_WORD = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?$")
SENTENCE_START = re.compile(r"(?:^|[.!?:\n\"“]\s*|\n\s*[-•*]\s*)$")


GLUED_BANK = re.compile(r"^[A-Z][a-z]{2,}bank$")  # 'Kasikornbank', 'Rabobank': one word ending in 'bank'
PRONOUN_BEFORE = re.compile(r"(?:^|\W)(?:I|We|You|They|He|She)[ ]$")
TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
LOWER_WORD = re.compile(r"(?<![\w.-])[a-z][a-z-]*(?![\w])")
