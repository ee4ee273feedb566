"""Find jurisdictions named in Korean text (서울시는, 경기도, 부산, 과학기술정보통신부 names none) under the gazetteer's
canonical names, and tell Korean text from other text.

Korean writes spaces between words and glues particles to nouns: a name counts where it starts a word (no Hangul
syllable before it) and is followed by nothing, by a particle (서울시는, 부산시가, 한국의), or by a noun of its
government and a particle (서울시장은, 경기도청). Anything else glued after it makes another word (서울대, 한국은행,
미국산) that names no place. The names, particles and nouns are pipelines/data/jurisdiction_names_ko.json; every
name maps onto a place the gazetteer already has (Seoul, Gyeonggi, Seongnam-si), never a new one.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pipelines.extract.gazetteer import load_gazetteer
from pipelines.extract.target_rules import word_alternation
from pipelines.records import Mention

NAMES_FILE = Path(__file__).resolve().parents[2] / "data" / "jurisdiction_names_ko.json"
HANGUL = re.compile(r"[\uac00-\ud7a3]")  # the precomposed syllables Korean text is written in
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def has_hangul(text: str) -> bool:
    """True when the text holds a Hangul syllable: the cheap test that keeps other stories off the Korean reader.

    >>> has_hangul("Seoul aims high"), has_hangul("四川省"), has_hangul("서울시는")
    (False, False, True)
    """
    return not text.isascii() and HANGUL.search(text) is not None


def is_korean(text: str) -> bool:
    """True for a text written mostly in Hangul: more syllables than Han characters (a Korean story may quote a few
    Hanja: 韓美) and at least as many as Latin letters (an English story quoting 서울 is English).

    >>> is_korean("서울시가 500억원을 투입한다 (Seoul)"), is_korean("Seoul (서울) invests."), is_korean("四川省发布计划")
    (True, False, False)
    """
    if not has_hangul(text):
        return False
    hangul = len(HANGUL.findall(text))
    return hangul > len(_HAN.findall(text)) and hangul >= len(_LATIN.findall(text))


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern, dict[str, str]]:
    """(the pattern of a name starting a word with what may follow it, Korean name -> canonical name). A name whose
    canonical place the gazetteer lacks is an error in the data file, not a name to skip silently."""
    data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    places = load_gazetteer().places
    names: dict[str, str] = {}
    for canonical, korean in data["places"].items():
        if canonical not in places:
            raise ValueError(f"{NAMES_FILE.name}: {canonical!r} is no place of the gazetteer")
        for name in korean:
            names.setdefault(name, canonical)
    follow = rf"(?:{word_alternation(data['government_nouns'])})?(?:{word_alternation(data['particles'])})?(?![\uac00-\ud7a3])"
    return re.compile(rf"(?<![\uac00-\ud7a3])(?P<name>{word_alternation(names)}){follow}"), names


def find_korean_jurisdictions(text: str) -> list[Mention]:
    """Jurisdiction mentions in the Hangul of text, with canonical names and the name's offsets (its particle left out).

    >>> [(m.entity_name, m.surface_text) for m in find_korean_jurisdictions("서울시는 부산, 경기도청과 협력한다. 서울대와 한국은행")]
    [('Seoul', '서울시'), ('Busan', '부산'), ('Gyeonggi', '경기도')]
    """
    if not has_hangul(text):
        return []
    pattern, names = _table()
    return [Mention("jurisdiction", names[m.group("name")], m.group("name"), m.start("name"), m.end("name"))
            for m in pattern.finditer(text)]
