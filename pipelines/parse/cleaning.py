"""Text repairs shared by the text and HTML parsers: glued paragraphs, inline credits, whitespace."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pipelines.parse.rules import text_rules
from pipelines.parse.text_view import FOLDS_TO_ASCII

# Both glue patterns below open with the one character they need (a sentence's end mark, a capital) and look behind
# from it: a pattern opening with a lookbehind is tried at every character of a paragraph, one opening with a character
# class skips to the next character in it at C speed (the positions found are the same).
CAPITAL_WORD_REST = r"(?:[a-z’']|\s|[A-Z]+\b)"  # after a capital: 'The', 'A ', 'OSL' are words starting with one
# A sentence end glued to the next sentence: 'the exchange.Additionally' (paragraphs that lost their break); a match is
# the end mark (or the quote closing the sentence) the break goes after.
GLUED_SENTENCE = re.compile(rf"[.!?\"”’](?:(?<=[a-z0-9%)\]][.!?])|(?<=[.!?][\"”’]))(?=[A-Z]{CAPITAL_WORD_REST})")
# A lower-case letter glued to a capital that starts a word: 'roadmapSouth', 'collapseThe', 'exchangeA similar'; a match
# is the capital.
GLUE_POINT = re.compile(rf"[A-Z](?<=[a-z][A-Z])(?={CAPITAL_WORD_REST})")
HEAD_BREAK = re.compile(r"[.;:!?()\"“”]")  # punctuation a glued heading cannot hold
# Where a sentence starts in a paragraph: at its start, or after the spaces that follow a sentence's end mark (and the
# quote or bracket closing the sentence). A break is matched from its end mark, so the engine skips to those at C speed.
SENTENCE_OPENING = r"(?=[\"“‘$(]?[A-Z0-9])"
SENTENCE_BREAK = re.compile(rf"[.!?][\"”’)]?\s+{SENTENCE_OPENING}")
WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
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


def remove_inline_credits(text: str) -> str:
    """Replace photo/agency credits glued inside a paragraph by a paragraph break.

    Every credit opens with one of the cue words (inline_credit_cues), so the pattern is tried only where the text's
    lower case writes one, not at each character of a long paragraph (the same credits are found: the text's and its
    lower case's offsets are the same but after an 'İ', lowered to two characters, and re.IGNORECASE reads no other
    letter as a cue's but those lowered to it and FOLDS_TO_ASCII; a text holding one of these is searched whole).

    >>> remove_inline_credits("The quay opened.Photo by Jon Hale on UnsplashA longer quay")
    'The quay opened.\\n\\nA longer quay'
    """
    rules = text_rules()
    lower = text.lower()
    if not any(cue in lower for cue in rules.inline_credit_cues):
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


def _split_heading(chunk: str, protected: set[str] | frozenset, glue_points: list[int]) -> list[str]:
    """Split one glued subheading off the start of `chunk`, if there is one.

    A heading glued to a common sentence opener ('…activitiesThe approval') may be longer and
    hold commas; any other glued capital needs a plain heading of two to six words ending in a
    lower-case word ('roadmapSouth'), since a capitalised left part is a camel-case name ('BitOasis').
    `glue_points` are the offsets of GLUE_POINT in `chunk`.
    """
    for point in glue_points:
        head = chunk[:point]
        if HEAD_BREAK.search(head):
            return [chunk]
        words = head.split()
        if len(words) > STARTER_HEADING_MAX_WORDS:
            return [chunk]
        left = WORD.findall(words[-1])[-1] if words and WORD.findall(words[-1]) else ""
        right = WORD.match(chunk, point)
        token = left + (right.group(0) if right else "")
        if token.lower() in protected:
            continue
        if right is not None and right.group(0) in text_rules().sentence_starters and len(words[-1]) >= 4:
            return [head.strip(), chunk[point:].strip()]
        if 2 <= len(words) <= HEADING_MAX_WORDS and len(left) >= 3 and left[:1].islower() and "," not in head:
            return [head.strip(), chunk[point:].strip()]
    return [chunk]


def _unglue_part(part: str, protected: set[str] | frozenset) -> list[str]:
    """Cut glued subheadings out of one paragraph, at any sentence start."""
    # Glue points found once for the whole part: a sentence starts after a space, where none can be,
    # so those of part[start:] are the part's beyond `start`.
    glue = [match.start() for match in GLUE_POINT.finditer(part)]
    if not glue:
        return [part]
    for start in sentence_starts(part):
        split = _split_heading(part[start:], protected, [g - start for g in glue if g > start])
        if len(split) == 2:
            before = part[:start].strip()
            return ([before] if before else []) + [split[0]] + _unglue_part(split[1], protected)
    return [part]


def sentence_starts(text: str):
    """The offsets in `text` where a sentence starts, in order.

    >>> list(sentence_starts('It ended.  "Then rates rose." (A note.) 3 more; a b. c'))
    [0, 11, 30, 40]
    """
    if re.match(SENTENCE_OPENING, text):
        yield 0
    for match in SENTENCE_BREAK.finditer(text):
        yield match.end()


def unglue_paragraph(paragraph: str, protected: set[str] | frozenset = frozenset()) -> list[str]:
    """Split a paragraph whose sentences, credits and subheadings were glued together.

    `protected` holds lower-cased camel-case tokens seen elsewhere on the page ('netease'),
    which are names, not glue.

    >>> unglue_paragraph("It ended badly.Slow processMeanwhile, creditors wait.")
    ['It ended badly.', 'Slow process', 'Meanwhile, creditors wait.']
    """
    text = GLUED_SENTENCE.sub("\\g<0>\n\n", remove_inline_credits(paragraph))
    out: list[str] = []
    for part in (p.strip() for p in text.split("\n\n")):
        if part:
            out.extend(_unglue_part(part, protected))
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
