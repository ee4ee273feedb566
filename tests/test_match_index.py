"""MatchIndex answers a range from one scan of the text exactly as the range's own search does: checked over every
range of invented texts built from overlapping words, for plain word lists and for a word with a lookahead after it."""
from __future__ import annotations

import random
import re

from pipelines.extract.match_index import MatchIndex

# words that overlap one another and a figure's characters, so that matches run across range edges
WORDS = ["基金", "产业基金", "业基", "金额", "元宇宙", "元"]
PLAIN = re.compile("|".join(sorted(WORDS, key=len, reverse=True)))
VERB_NOT_BEFORE_FUND = re.compile("发展(?!基金|资金)")  # reads 2 + 2 characters from where it starts
PIECES = ["基金", "产业", "元宇宙", "金额", "发展", "资金", "100亿元", "，", "业"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def _check(pattern: re.Pattern, reach: int, texts: list[str]) -> None:
    for text in texts:
        index = MatchIndex(pattern, text, reach)
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1):
                own = [(m.start(), m.end()) for m in pattern.finditer(text, lo, hi)]
                assert [(m.start(), m.end()) for m in index.matches_in(lo, hi)] == own, (text, lo, hi)
                first, last = index.first(lo, hi), index.last(lo, hi)
                assert (first.span() if first else None) == (own[0] if own else None), (text, lo, hi)
                assert (last.span() if last else None) == (own[-1] if own else None), (text, lo, hi)


def test_every_range_of_a_text_of_overlapping_words_gives_the_range_s_own_matches():
    _check(PLAIN, max(map(len, WORDS)), _texts(150, seed=7))


def test_a_word_with_a_lookahead_gives_the_range_s_own_matches_near_the_range_s_end():
    # '发展' before '基金' is no match, but is one in a range ending between them: the index searches that end again
    _check(VERB_NOT_BEFORE_FUND, 4, _texts(150, seed=11) + ["投入发展基金", "发展资金和发展"])


def test_a_range_cutting_a_word_of_the_scan_finds_the_shorter_word_inside_it():
    index = MatchIndex(PLAIN, "设立产业基金", 4)
    assert [m.group() for m in index.matches_in(0, 6)] == ["产业基金"]
    assert [m.group() for m in index.matches_in(3, 6)] == ["业基"]  # the range starts inside 产业基金
    assert index.last(0, 5).group() == "业基" and index.first(4, 6).group() == "基金"  # the range ends inside it
