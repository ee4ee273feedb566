"""Text repairs shared by the text and HTML parsers: glued paragraphs, inline credits, whitespace."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import islice

from pipelines.parse.rules import text_rules
from pipelines.parse.text.view import FOLDS_TO_ASCII, may_hold

# Both glue patterns below open with the one character they need (a sentence's end mark, a capital) and look behind
# from it: a pattern opening with a lookbehind is tried at every character of a paragraph, one opening with a character
# class skips to the next character in it at C speed (the positions found are the same).
CAPITAL_WORD_REST = r"(?:[a-z’']|\s|[A-Z]+\b)"  # after a capital: 'The', 'A ', 'OSL' are words starting with one
# A sentence end glued to the next sentence: 'the exchange.Additionally' (paragraphs that lost their break): the end
# mark after a letter, digit or closing bracket, or the quote closing a sentence, the break goes after. One pattern per
# mark, each replaced by the mark and the break written out: a replacement naming the match ('\g<0>') is expanded in
# Python at each match (a line of 33,000 glued sentences took 37 ms, 4 ms this way; a page's text half the time).
GLUED_SENTENCE_ENDS = tuple(
    (mark, re.compile(rf"{re.escape(mark)}(?<={before}{re.escape(mark)})(?=[A-Z]{CAPITAL_WORD_REST})"))
    for marks, before in ((".!?", r"[a-z0-9%)\]]"), ("\"”’", "[.!?]")) for mark in marks)
# A lower-case letter glued to a capital that starts a word: 'roadmapSouth', 'collapseThe', 'exchangeA similar'; a match
# is the capital.
GLUE_POINT = re.compile(rf"[A-Z](?<=[a-z][A-Z])(?={CAPITAL_WORD_REST})")
HEAD_BREAK = re.compile(r"[.;:!?()\"“”]")  # punctuation a glued heading cannot hold
# Where a sentence starts in a paragraph: at its start, or after the spaces that follow a sentence's end mark (and the
# quote or bracket closing the sentence). A break is matched from its end mark, so the engine skips to those at C speed.
SENTENCE_OPENING = r"(?=[\"“‘$(]?[A-Z0-9])"
SENTENCE_BREAK = re.compile(rf"[.!?][\"”’)]?\s+{SENTENCE_OPENING}")
OPENS_SENTENCE = re.compile(SENTENCE_OPENING)
WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
WORD_LETTERS = re.compile(r"[A-Za-z’']+")  # the characters WORD's words are written in, a run of them
SPACE_RUN = re.compile(r"\s*")  # what str.strip() strips
NON_SPACE = re.compile(r"\S+")  # a word as str.split() cuts one (re's \s and str.isspace() are the same characters)
# Every space Python's \s matches but the line end: form feeds, vertical tabs, the information separators, NEL and the
# Unicode line/paragraph separators among them (a scraper keeps them inside a line; a run of 20,000 left in a line would
# be read again from each of its characters by the many \s* patterns run on lines and bodies), and U+200B.
SPACE_CHARS = r"\t\x0b\x0c\x1c-\x1f\x85\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000"
# A run of them (or of plain spaces) to be one space: runs of two or more and single odd spaces, not a single plain
# space, which would be replaced by itself (a page's every word gap: a match each, for nothing). The pattern opens with
# the class, so the regex engine skips to the next space at C speed.
SPACES = re.compile(rf"[ {SPACE_CHARS}](?:[ {SPACE_CHARS}]+|(?<=[{SPACE_CHARS}]))")
HEADING_MAX_WORDS = 6  # subheadings are short noun phrases: 'A five-year roadmap', 'Slow process'
STARTER_HEADING_MAX_WORDS = 16


def normalize_whitespace(text: str) -> str:
    """NFC, unify line ends and odd spaces, strip each line.

    >>> normalize_whitespace("a\\u00a0 b \\r\\nc")
    'a b\\nc'
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\u200b", "")
    return "\n".join(line.strip() for line in SPACES.sub(" ", text).split("\n"))  # SPACES holds no line end


def readable_name(name: str | None) -> str | None:
    """A writer's name printed in capitals ('BY KENJI SATO', a site's style) as a name is written: 'Kenji Sato'. A
    name of one word ('AFP', 'XINHUA': an agency's initials or name) or already in mixed case is left as printed.

    >>> [readable_name(n) for n in ("KENJI SATO", "MARY O'NEIL and JOHN LEE", "AFP", "Ann Lee", None)]
    ['Kenji Sato', "Mary O'Neil and John Lee", 'AFP', 'Ann Lee', None]
    """
    if not name or not name.replace(" and ", " ").isupper():
        return name  # a lowercase letter outside 'and', or no letter with a case: as printed (most bylines: no regex run)
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() != "and"]
    if len(words) < 2 or not all(w.isupper() for w in words):
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize() if m.group().lower() != "and" else "and", name)


def remove_inline_credits(text: str) -> str:
    """Replace photo/agency credits glued inside a paragraph by a paragraph break.

    Every credit opens with one of the cue words (inline_credit_cues), so the pattern is tried only where the text's
    lower case writes one, not at each character of a long paragraph (the same credits are found: the text's and its
    lower case's offsets are the same but after an 'İ', lowered to two characters, and re.IGNORECASE reads no other
    letter as a cue's but those lowered to it and FOLDS_TO_ASCII; a text holding one of these is searched whole).

    >>> remove_inline_credits("The quay opened.Photo by Jon Hale on UnsplashA longer quay")
    'The quay opened.\\n\\nA longer quay'
    >>> remove_inline_credits("The quay opened.ımage by Jon Hale on UnsplashA longer quay")  # ı read as i, as before
    'The quay opened.\\n\\nA longer quay'
    """
    rules = text_rules()
    lower = text.lower()
    if not may_hold(lower, text, rules.inline_credit_cues):
        return text
    if not text.isascii() and any(c in text for c in FOLDS_TO_ASCII):
        return rules.inline_credit.sub("\n\n", text)
    pieces, end = [], 0
    for start in sorted(at for cue in rules.inline_credit_cues for at in _offsets(lower, cue)):
        # match() still reads the text before `start` (a credit's \b)
        if start >= end and (found := rules.inline_credit.match(text, start)):
            pieces += (text[end:start], "\n\n")
            end = found.end()
    return "".join(pieces) + text[end:] if pieces else text


def _offsets(text: str, word: str):
    """Each offset in `text` where `word` is written."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def strip_title_prefix(body: str, title: str | None) -> str:
    """Drop a headline glued to the start of its own body ('…HackTwo Russian nationals…' -> 'Two Russian…')."""
    if title and body.startswith(title) and len(body) > len(title):
        return body[len(title):].lstrip(" :-–—\n")
    return body


def _heading_end(part: str, start: int, glue: list[int], protected: set[str] | frozenset, longest_protected: int):
    """Where one glued subheading opening at `start` in `part` ends (a glue point of `glue`, the offsets of GLUE_POINT
    in `part` in order), or None when none opens there.

    A heading glued to a common sentence opener ('…activitiesThe approval') may be longer and
    hold commas; any other glued capital needs a plain heading of two to six words ending in a
    lower-case word ('roadmapSouth'), since a capitalised left part is a camel-case name ('BitOasis').

    The work is bounded by the text before the first punctuation a heading cannot hold (HEAD_BREAK) and the first
    STARTER_HEADING_MAX_WORDS words: the heading's words are counted from their starts, found once, and the camel-case
    word around each glue point (its letters, WORD's) is found once for all the glue points in it, not again from the
    heading's start at each (a 20,000-character run of 'AbAb…' took a second, read that way).
    """
    stop = HEAD_BREAK.search(part, start)
    break_at = stop.start() if stop else len(part)
    first = bisect_right(glue, start)
    if first == len(glue) or glue[first] > break_at:  # (most sentences: no glue point before their end)
        return None
    comma = part.find(",", start, break_at)
    comma_at = comma if comma >= 0 else len(part)
    word_starts = [m.start() for m in islice(NON_SPACE.finditer(part, start), STARTER_HEADING_MAX_WORDS + 1)]
    starters = text_rules().sentence_starters
    longest_starter = _longest(starters)
    runs, run, first_letter = WORD_LETTERS.finditer(part, start, break_at), None, 0
    for k in range(first, len(glue)):  # (an index: a slice of the list would copy it)
        point = glue[k]
        if point > break_at:
            return None
        words = bisect_left(word_starts, point)  # a glue point follows a letter: the last of these words ends at it
        if words > STARTER_HEADING_MAX_WORDS:
            return None
        while run is None or run.end() <= point:  # the letters around the glue point: a lower-case one, a capital
            run = next(runs)
            first_letter = run.start() + len(run.group()) - len(run.group().lstrip("’'"))
        # the camel-case token the glue point is in: the left word's letters before it and the right word after it
        if run.end() - first_letter <= longest_protected and part[first_letter:run.end()].lower() in protected:
            continue
        if run.end() - point <= longest_starter and part[point:run.end()] in starters \
                and point - word_starts[words - 1] >= 4:
            return point
        if 2 <= words <= HEADING_MAX_WORDS and point - first_letter >= 3 and part[first_letter].islower() \
                and comma_at >= point:
            return point
    return None


@lru_cache(maxsize=4)
def _longest(words: frozenset) -> int:
    """The length of the longest of `words` (a longer word is none of them, and need not be cut out to be looked up)."""
    return max(map(len, words), default=0)


def _unglue_part(part: str, protected: set[str] | frozenset, longest_protected: int) -> list[str]:
    """Cut glued subheadings out of one paragraph, at any sentence start: the first found, then the first in the text
    after it, and so on (a loop over offsets of `part`, not a call on each rest: a paragraph of thousands of glued
    headings neither copies its rest again for each nor overflows the stack)."""
    # Glue points found once for the whole part: a sentence starts after a space, where none can be, and a rest
    # opens at a capital, where GLUE_POINT finds one only with the letter before it: the glue points of a rest
    # part[rest:] are the part's beyond `rest`, and those of part[start:] the part's beyond `start`.
    glue = [match.start() for match in GLUE_POINT.finditer(part)]
    out, rest = [], 0
    while glue and glue[-1] > rest:
        for start in sentence_starts(part, rest):
            if (end := _heading_end(part, start, glue, protected, longest_protected)) is not None:
                break
        else:
            break
        if before := part[rest:start].strip():
            out.append(before)
        out.append(part[start:end].strip())
        rest = SPACE_RUN.match(part, end).end()  # the rest opens after the spaces at the heading's end
    out.append(part[rest:])
    return out


def sentence_starts(text: str, pos: int = 0):
    """The offsets in `text` where a sentence starts, in order, in text[pos:] read as a text of its own (its opening
    is one, if a sentence opens there).

    >>> list(sentence_starts('It ended.  "Then rates rose." (A note.) 3 more; a b. c'))
    [0, 11, 30, 40]
    >>> list(sentence_starts('It ended.  "Then rates rose." (A note.) 3 more; a b. c', 11))
    [11, 30, 40]
    """
    if OPENS_SENTENCE.match(text, pos):
        yield pos
    for match in SENTENCE_BREAK.finditer(text, pos):
        yield match.end()


def break_glued_sentences(text: str) -> str:
    """`text` with a paragraph break after each sentence end glued to the next sentence (GLUED_SENTENCE_ENDS).

    >>> break_glued_sentences('It fell 5%.Then it rose. "Wait."Yes.OSL did!')
    'It fell 5%.\\n\\nThen it rose. "Wait."\\n\\nYes.\\n\\nOSL did!'
    """
    for mark, glued in GLUED_SENTENCE_ENDS:
        if mark in text:  # (a break goes between a mark and a capital: it makes or unmakes no other mark's match)
            text = glued.sub(mark + "\n\n", text)
    return text


def unglue_paragraph(paragraph: str, protected: set[str] | frozenset = frozenset()) -> list[str]:
    """Split a paragraph whose sentences, credits and subheadings were glued together.

    `protected` holds lower-cased camel-case tokens seen elsewhere on the page ('netease'),
    which are names, not glue.

    >>> unglue_paragraph("It ended badly.Slow processMeanwhile, creditors wait.")
    ['It ended badly.', 'Slow process', 'Meanwhile, creditors wait.']
    """
    text = break_glued_sentences(remove_inline_credits(paragraph))
    longest_protected = max(map(len, protected), default=0)
    out: list[str] = []
    for part in (p.strip() for p in text.split("\n\n")):
        if part:
            out.extend(_unglue_part(part, protected, longest_protected))
    return out


CAMEL_WORD = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
CAMEL_LEFT = ",(“\""  # a camel-case word of its own opens the text or follows a space or one of these ...
CAMEL_RIGHT = re.compile(r"[\s,.;:)’'”\"]|$")  # ... and ends before a space, punctuation or the text's end


def camel_tokens(text: str) -> set[str]:
    """Lower-cased camel-case words written twice or more as words of their own ('NetEase'): names, not glue.

    >>> sorted(camel_tokens("Tencent and NetEase rose; NetEase fell. A DealThe"))
    ['netease']
    """
    counts: Counter = Counter()
    for match in CAMEL_WORD.finditer(text):  # a capital opens few words: the page is scanned at C speed
        start, end = match.span()
        if (not start or text[start - 1] in CAMEL_LEFT or text[start - 1].isspace()) and CAMEL_RIGHT.match(text, end):
            counts[match.group().lower()] += 1
    return {token for token, n in counts.items() if n >= 2}
