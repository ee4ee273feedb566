"""Write China's urban districts as data: pipelines/data/china_districts.json.

News about local plans names the district that sets them (崂山区, 渝中区, 岳麓区), and the curated districts of
jurisdictions.json are a few dozen. This generator writes every district (区) of the national list of
administrative divisions, GB/T 2260 as the GB2260 package ships it, under the English name news and maps give it:
the pinyin of its name without the ending (崂山区 -> Laoshan; pypinyin reads place names' polyphones, 番禺 -> Panyu),
an apostrophe where a syllable would run into the one before (宝安 -> Bao'an). Its parent is its prefecture city
(青岛市 -> Qingdao), or its municipality (渝中区 -> Chongqing), by the Chinese names the gazetteer already knows.

Left out, so that every name written means one place: a district whose Chinese name another district shares
(南山区 in Shenzhen and in Hegang: jurisdictions_zh.json lists such a name, 'with_city', when news needs it), one
whose English name another district or a place of the gazetteer already has (朝阳区, 锦江区 -> Jinjiang, a city of
Fujian), one whose city the gazetteer does not know, and one jurisdictions_zh.json curates. gazetteer.py reads the
file as districts that an English text names only with a place word ('Laoshan district'); chinese/names.py writes
their Chinese names. Run it again when GB2260 or pypinyin is upgraded (the output is the same on every run of the
same versions; both are installed by `pip install .[districts]`, not at run time):

    python -m pipelines.extract.chinese.districts
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path

DISTRICTS_FILE = Path(__file__).resolve().parents[2] / "data" / "china_districts.json"
MUNICIPALITIES = (11, 12, 31, 50)  # Beijing, Tianjin, Shanghai, Chongqing: their districts' parent is the province code
VOWEL_START = ("a", "o", "e")


def english_name(syllables: list[str]) -> str:
    """The name in pinyin as maps write it: one word, capitalised, an apostrophe before a syllable opening with a, o
    or e after the first.

    >>> english_name(["lao", "shan"]), english_name(["bao", "an"]), english_name(["xi", "an"])
    ('Laoshan', "Bao'an", "Xi'an")
    """
    out = syllables[0]
    for s in syllables[1:]:
        out += ("'" if s.startswith(VOWEL_START) else "") + s
    return out[:1].upper() + out[1:]


def district_rows(divisions: dict[int, str], parent_name: Callable[[str], str | None],
                  romanize: Callable[[str], list[str]], taken: Callable[[str], bool]) -> list[dict]:
    """The districts to write: (code -> Chinese name) of the national list; `parent_name` gives the gazetteer's
    canonical name of a city's or a municipality's Chinese name (None when it has none); `romanize` the pinyin
    syllables of a stem; `taken(zh, english)` is True when the gazetteer already has either name.

    >>> divisions = {370000: "山东省", 370200: "青岛市", 370212: "崂山区", 370202: "市南区",
    ...              440300: "深圳市", 440305: "南山区", 230400: "鹤岗市", 230404: "南山区"}
    >>> rows = district_rows(divisions, {"青岛市": "Qingdao", "深圳市": "Shenzhen", "鹤岗市": "Hegang"}.get,
    ...                      {"崂山": ["lao", "shan"], "市南": ["shi", "nan"], "南山": ["nan", "shan"]}.get,
    ...                      lambda zh, en: en == "Shinan")
    >>> [(r["zh"], r["name"], r["parent"]) for r in rows]
    [('崂山区', 'Laoshan', 'Qingdao')]
    """
    candidates = []
    for code, zh in sorted(divisions.items()):
        if not zh.endswith("区") or zh == "市辖区" or len(zh) < 3:
            continue
        province = code // 10000
        city_code = province * 10000 if province in MUNICIPALITIES else code // 100 * 100
        parent = parent_name(divisions.get(city_code, ""))
        if parent is None:
            continue
        candidates.append({"code": code, "zh": zh, "name": english_name(romanize(zh[:-1])), "parent": parent})
    shared_zh = Counter(r["zh"] for r in candidates)
    shared_en = Counter(r["name"].casefold() for r in candidates)
    return [r for r in candidates if shared_zh[r["zh"]] == 1 and shared_en[r["name"].casefold()] == 1
            and not taken(r["zh"], r["name"])]


def county_rows(divisions: dict[int, str], parent_name: Callable[[str], str | None],
                romanize: Callable[[str], list[str]], taken: Callable[[str, str, str], bool]) -> list[dict]:
    """The counties (县) and county-level cities (县级市, the national list's codes ending 81-99) to write, each with
    the prefecture city it lies in (江阴市 -> Wuxi, 长兴县 -> Huzhou; a municipality's county -> the municipality), or
    its province where the province runs it directly (仙桃市); 'kind' says which. Left out as for districts: a name
    two of them share, in Chinese or in English, one `taken` (a curated name), one of a single character before its
    ending (岷县) and an autonomous county (…自治县), whose pinyin is no name news uses. `taken(zh, english, parent)`.

    >>> divisions = {320000: "江苏省", 320200: "无锡市", 320281: "江阴市", 330500: "湖州市", 330522: "长兴县",
    ...              620000: "甘肃省", 621100: "定西市", 621126: "岷县"}
    >>> rows = county_rows(divisions, {"无锡市": "Wuxi", "湖州市": "Huzhou", "江苏省": "Jiangsu", "甘肃省": "Gansu",
    ...     "定西市": "Dingxi"}.get, {"江阴": ["jiang", "yin"], "长兴": ["chang", "xing"]}.get, lambda zh, en, parent: False)
    >>> [(r["zh"], r["name"], r["parent"], r["kind"]) for r in rows]
    [('江阴市', 'Jiangyin', 'Wuxi', 'county_city'), ('长兴县', 'Changxing', 'Huzhou', 'county')]
    """
    candidates = []
    for code, zh in sorted(divisions.items()):
        county_city = zh.endswith("市") and code % 100 >= 81
        if not (county_city or zh.endswith("县")) or len(zh) < 3 or "自治" in zh:
            continue
        province = code // 10000
        city_code = province * 10000 if province in MUNICIPALITIES else code // 100 * 100
        parent = parent_name(divisions.get(city_code, "")) or parent_name(divisions.get(province * 10000, ""))
        if parent is None:
            continue
        name = english_name(romanize(zh[:-1]))
        if not taken(zh, name, parent):  # first: a county whose name a known city has (伊吾县, Yiwu) leaves that city its name
            candidates.append({"code": code, "zh": zh, "name": name, "parent": parent,
                               "kind": "county_city" if county_city else "county"})
    shared_zh = Counter(r["zh"] for r in candidates)
    shared_en = Counter(r["name"].casefold() for r in candidates)
    return [r for r in candidates if shared_zh[r["zh"]] == 1 and shared_en[r["name"].casefold()] == 1]


def load_district_rows(path: Path = DISTRICTS_FILE) -> list[dict]:
    """The districts the file lists (empty when it is missing)."""
    return json.loads(path.read_text(encoding="utf-8"))["districts"] if path.exists() else []


def load_county_rows(path: Path = DISTRICTS_FILE) -> list[dict]:
    """The counties and county-level cities the file lists (empty when it lists none)."""
    return json.loads(path.read_text(encoding="utf-8")).get("counties", []) if path.exists() else []


def write_districts_file(rows: Iterable[dict], counties: Iterable[dict] = (), path: Path = DISTRICTS_FILE) -> None:
    """Write the rows (districts, then counties and county-level cities) with their sources."""
    data = {
        "_about": "China's urban districts (区) under the English names maps give them, with their city. Generated by "
                  "pipelines/extract/chinese/districts.py from GB2260's national list of administrative divisions "
                  "(GB/T 2260) and pypinyin; do not edit by hand.",
        "sources": f"GB2260 {version('GB2260')}, pypinyin {version('pypinyin')}",
        "districts": [{"zh": r["zh"], "name": r["name"], "parent": r["parent"], "code": r["code"]} for r in rows],
        "_about_counties": "China's counties (县) and county-level cities (县级市) with the prefecture city (or province) "
                           "they lie in: a county-level city the gazetteer has from GeoNames under its province only "
                           "(Jiangyin, Kunshan) gets its city as parent; the others are read like districts.",
        "counties": [{"zh": r["zh"], "name": r["name"], "parent": r["parent"], "kind": r["kind"], "code": r["code"]}
                     for r in counties],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def main() -> None:
    import gb2260.data
    from pypinyin import lazy_pinyin

    from pipelines.extract.chinese.names import CURATED_FILE, OUT_FILE
    from pipelines.extract.gazetteer import build_gazetteer, fold, geonames

    names = {zh: value for zh, value in json.loads(OUT_FILE.read_text(encoding="utf-8"))["names"].items()
             if value[1] != "with_city"}
    curated = {zh for forms in json.loads(CURATED_FILE.read_text(encoding="utf-8"))["places"].values()
               for kind in forms.values() for zh in kind}
    gaz = build_gazetteer()
    generated = {r["name"] for r in load_district_rows()}  # a rerun: the districts written before are no clash
    generated_counties = {r["name"]: r["zh"] for r in load_county_rows()}
    han_names: dict[str, set[str]] = {}  # a Chinese city GeoNames knows -> its Han names (江阴市, 江阴)
    for city in geonames("cities").values():
        place = gaz.lookup(fold(city["name"])) or gaz.lookup(city["name"])
        if city["countrycode"] == "CN" and place is not None:
            han_names.setdefault(place.name, set()).update(city["alternatenames"])

    def parent_name(zh: str) -> str | None:
        found = names.get(zh)
        return found[0] if found and gaz.places.get(found[0]) is not None else None

    def taken(zh: str, english: str) -> bool:
        if english in generated:
            return zh in curated
        return zh in names or zh in curated or english in gaz.places or fold(english) in gaz.alias_to_name

    def province(name: str) -> str | None:
        return next((p.name for p in gaz.ancestors(name) if p.level in ("province", "municipality")), None)

    def county_taken(zh: str, english: str, parent: str) -> bool:
        """A curated name, or a name the gazetteer holds for another place: a county-level city GeoNames knows under
        the same name is written (to get its prefecture as parent) only when it lies in the same province and GeoNames
        gives it no other Chinese name (常熟市 is GeoNames' Changshu, 义乌市 its Yiwu; 凭祥市 in Guangxi is not its
        Pingxiang, 萍乡 in Jiangxi). A rerun's own rows are no clash."""
        if zh in curated:
            return True
        if generated_counties.get(english) == zh and english not in han_names:
            return False
        place = gaz.places.get(english)
        if place is None:
            return fold(english) in gaz.alias_to_name
        han = {a for a in han_names.get(english, set()) if re.fullmatch(r"[\u4e00-\u9fff]+", a)}
        same_city = place.level == "city" and place.country_code == "CN" and province(english) == province(parent) \
            and (not han or bool({zh, zh[:-1]} & han))
        return not (zh.endswith("市") and same_city)

    divisions = gb2260.data.data[None]
    write_districts_file(district_rows(divisions, parent_name, lazy_pinyin, taken),
                         county_rows(divisions, parent_name, lazy_pinyin, county_taken))


if __name__ == "__main__":
    main()
    print(f"wrote {DISTRICTS_FILE}")
