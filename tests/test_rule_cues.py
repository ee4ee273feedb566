"""The speed word lists of text_rules.yaml hold a word of every label their pattern reads.

A reader skips its pattern on a page or line that holds none of the list's words (`may_hold`), so a label added to a
pattern without its word in the list would silently never be read. Each test spells out one string for every path
through the pattern (each alternative, each optional part with and without) and asserts that the pattern reads it and
that it holds one of the words.
"""
from __future__ import annotations

import itertools
import re
from re import _constants as C  # the standard library's own regex parser (Python 3.11): branches read, not guessed
from re import _parser

import pytest

from pipelines.parse.rules import text_rules

RULES = text_rules()
# One character each class escape holds.
CLASS_CHAR = {C.CATEGORY_SPACE: " ", C.CATEGORY_WORD: "a", C.CATEGORY_DIGIT: "1", C.CATEGORY_NOT_SPACE: "a",
              C.CATEGORY_NOT_WORD: " ", C.CATEGORY_NOT_DIGIT: "a"}
LIMIT = 5000  # paths per pattern: the guarded patterns have a few hundred at most


def _one_of(items) -> str:
    """One character a character set ([...]) holds."""
    if items and items[0][0] is C.NEGATE:
        banned = {chr(value) for op, value in items[1:] if op is C.LITERAL}
        return next(c for c in "axq" if c not in banned)
    op, value = items[0]
    if op is C.LITERAL:
        return chr(value)
    if op is C.RANGE:
        return chr(value[0])
    return CLASS_CHAR[value]


def spell(parsed, any_char: str = "a") -> list[str]:
    """Strings that follow every path through a parsed pattern ('.' and [^x] spelt `any_char`, or another letter)."""
    strings = [""]
    for op, arg in parsed:
        if op is C.LITERAL:
            parts = [chr(arg)]
        elif op is C.NOT_LITERAL or op is C.ANY:
            parts = [any_char if op is C.ANY or arg != ord(any_char) else "b"]
        elif op is C.IN:
            parts = [_one_of(arg)]
        elif op is C.BRANCH:
            parts = [s for branch in arg[1] for s in spell(branch, any_char)]
        elif op is C.SUBPATTERN:
            parts = spell(arg[-1], any_char)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, _high, inner = arg
            parts = ([""] if low == 0 else []) + [s * max(low, 1) for s in spell(inner, any_char)]
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            parts = [""]
        else:
            raise AssertionError(f"spell() cannot write {op}: teach it, or write the pattern without it")
        assert len(strings) * len(parts) <= LIMIT, "too many paths to spell: raise LIMIT or split the pattern"
        strings = [a + b for a, b in itertools.product(strings, parts)]
    return strings


def uncued(pattern: re.Pattern, cues) -> list[str]:
    """The spelt strings `pattern` reads that hold none of `cues` (in lower case)."""
    spelt = spell(_parser.parse(pattern.pattern, pattern.flags))
    assert spelt and all(pattern.search(s) for s in spelt), "spell() wrote a string its pattern does not read"
    return [s for s in spelt if not any(cue in s.lower() for cue in cues)]


def test_every_revision_label_holds_a_revision_cue():
    assert uncued(RULES.revision_label, RULES.revision_label_cues) == []


def test_every_byline_holds_a_byline_cue():
    assert uncued(RULES.byline, RULES.byline_cues) == []


@pytest.mark.parametrize("index", range(len(RULES.thread_author)))
def test_every_thread_starter_label_holds_a_thread_cue(index):
    assert uncued(RULES.thread_author[index], RULES.thread_author_cues) == []


def test_every_asked_line_holds_the_asker_cue():
    assert uncued(RULES.question_asker, (RULES.question_asker_cue,)) == []


def test_a_label_left_out_of_its_list_is_named():
    """The check itself: a label without its word in the list is named, with and without its optional part."""
    pattern = re.compile(r"(?:last )?(?:updated|reviewed)$", re.IGNORECASE)
    assert uncued(pattern, ("updated",)) == ["reviewed", "last reviewed"]


def test_every_inline_credit_opens_with_a_credit_cue():
    """remove_inline_credits tries its pattern only where a cue is written: each credit must open with one."""
    spelt = spell(_parser.parse(RULES.inline_credit.pattern, RULES.inline_credit.flags))
    assert spelt and all(RULES.inline_credit.fullmatch(s) for s in spelt)
    assert [s for s in spelt if not s.lower().startswith(RULES.inline_credit_cues)] == []


@pytest.mark.parametrize("index", range(len(RULES.boilerplate.cued)))
def test_every_cued_boilerplate_line_holds_its_cue(index):
    """BoilerplateLines tries a cued pattern only on a line holding a cue. ('.' is spelt ' ', so a word boundary the
    pattern wants after it holds and every path is spelt as a line the pattern reads.)"""
    cues, pattern = RULES.boilerplate.cued[index]
    assert uncued_lines(pattern, cues) == []


def uncued_lines(pattern: re.Pattern, cues) -> list[str]:
    """The spelt whole lines `pattern` reads that hold none of `cues` (in lower case)."""
    spelt = spell(_parser.parse(pattern.pattern, pattern.flags), any_char=" ")
    assert len(spelt) >= 2 and all(pattern.fullmatch(s) for s in spelt), "spell() wrote a line it does not read"
    return [s for s in spelt if not any(cue in s.lower() for cue in cues)]


def test_a_cued_line_path_without_its_cue_is_named():
    """The check itself: a path opening with '.{1,60}' before a word boundary is spelt and named, not left out."""
    pattern = re.compile(r"(?:.{1,60}\bvia imgur|.*\bvia flickr.*)", re.IGNORECASE)
    assert uncued_lines(pattern, ("flickr",)) == [" via imgur"]


@pytest.mark.parametrize("name", ["footer", "footer_mention"])
def test_every_copyright_notice_holds_a_footer_cue(name):
    assert uncued(getattr(RULES, name), RULES.footer_cues) == []
