"""Script-aware measures of a line: how many words it holds and whether it ends a sentence, for scripts written with
spaces between words (Latin, Cyrillic, Greek, Hangul, ...) and for those written without (Han, Kana).

A run of Han or Kana characters has no spaces to split on: it counts as one word per CHARS_PER_WORD characters (a
Chinese word is 1-2 characters; a Japanese one about as long), so a Chinese paragraph of 60 characters weighs like a
35-word English one and a 12-character headline like a 7-word one. Text without such characters is measured exactly as
before (words split on spaces), so the measures of every other page stay the same.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Han (CJK unified ideographs and extensions A, compatibility), Hiragana, Katakana: scripts written without spaces.
UNSPACED_CHAR = r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"
UNSPACED = re.compile(UNSPACED_CHAR + "+")
CHARS_PER_WORD = 1.7
# Full-width sentence ends (。！？ and the ideographic full stop's half-width form), maybe under a closing quote/bracket.
UNSPACED_END = r"[。！？｡][”’」』）)\]】]?$"
UNSPACED_SENTENCE_END = re.compile(UNSPACED_END)
# Full-width punctuation that separates words as a space does.
WIDE_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")


def has_unspaced(text: str) -> bool:
    """True when the text holds Han or Kana characters (ASCII text never does: checked first, it costs nothing)."""
    return not text.isascii() and UNSPACED.search(text) is not None


@lru_cache(maxsize=65536)  # a line is counted by several readers (its Line, the body, the edges), and menus repeat
def word_count(text: str) -> int:
    """Words in the text: split on spaces, and a run of Han/Kana characters as its length over CHARS_PER_WORD.

    >>> word_count("The council said on Monday"), word_count("省政府印发元宇宙产业发展行动计划"), word_count("2023年5月3日 来源：四川日报")
    (5, 9, 9)
    """
    if not has_unspaced(text):
        return len(text.split())
    spaced = WIDE_PUNCTUATION.sub(" ", UNSPACED.sub(" ", text)).split()
    return len(spaced) + sum(max(1, round(len(run) / CHARS_PER_WORD)) for run in UNSPACED.findall(text))


def ends_sentence_unspaced(text: str) -> bool:
    """True when the text ends with a full-width sentence end (。！？), maybe under a closing quote or bracket."""
    return not text.isascii() and UNSPACED_SENTENCE_END.search(text) is not None
