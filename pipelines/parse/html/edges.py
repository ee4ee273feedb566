"""What an extractor keeps at the edges of a saved page's story that is the site's, not the story's: the header's
fields over the first paragraph ('来源：… 作者：…', 'Source: … | Editor: …', a date alone) and the lines that close a story
(a staff credit, a wire's end mark), under which comes the site's furniture."""
from __future__ import annotations

import re
from functools import lru_cache

from pipelines.parse.dates import WEEKDAY, find_date
from pipelines.parse.html.pagetext import SENTENCE_ENDS
from pipelines.parse.html.rules import rules
from pipelines.parse.rules import text_rules
from pipelines.parse.scripts import word_count as text_words

HEADER_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s*\|\s*")  # between a header line's fields
LEFTOVER = re.compile(r"[\W\d_]*(?:(?:(?i:at|on|am|pm|a\.m\.|p\.m\.)|[A-Z]{2,4})\b[\W\d_]*)*")  # time, zone ('EST')


@lru_cache(maxsize=1)
def field_label() -> re.Pattern:
    """A 'label：value' field of a header line (body.field_labels in html_rules.yaml), the label in group 1."""
    labels = "|".join(sorted(map(re.escape, rules()["body"]["field_labels"]), key=len, reverse=True))
    return re.compile(rf"(?:^|\s|[|·•/])({labels})\s*[：:]")


def is_field_line(line: str) -> bool:
    """A short line of header fields, no sentence: a date and one 'label：value' field or more, or two fields
    ('2023年5月3日 来源：四川日报 作者：李华', '发布时间：2023-05-03 来源：省政府').

    >>> [is_field_line(t) for t in ["2023年5月3日 10:00 来源：四川日报 作者：李华", "来源：四川日报", "记者：今年以来，全省完成投资。"]]
    [True, False, False]
    """
    if line.isascii() or text_words(line) > rules()["body"]["byline_max_words"] or line.rstrip().endswith(SENTENCE_ENDS):
        return False
    fields = len(field_label().findall(line))
    return fields >= 2 or (fields == 1 and find_date(line) is not None)


def is_header_line(line: str) -> bool:
    """A line of the story's header an extractor kept over its first paragraph: a date alone, with its time or
    weekday ('2024-09-02 10:05', 'Monday, March 3, 2025'), or a run of 'Label: value' fields and dates
    ('Source: Xinhua | 2024-06-03 14:12:45 | Editor: huaxia'; body.field_labels_latin).

    >>> [is_header_line(t) for t in ["2024-09-02 10:05", "Source: Xinhua | 2024-06-03 14:12:45 | Editor: huaxia",
    ...                               "Source: Xinhua", "May 3, 2024: the day the port opened to ships.",
    ...                               "Release date: Jan 24, 2024", "Started by Ann, June 4, 2024, 11:23 AM",
    ...                               "Last updated on: 09/10/2025"]]
    [True, True, False, False, False, False, True]
    """
    if text_words(line) > rules()["body"]["byline_max_words"] or line.rstrip().endswith(SENTENCE_ENDS):
        return False
    parts = [part.strip() for part in HEADER_SEPARATORS.split(line) if part.strip()]
    fields = [part for part in parts if latin_field().match(part)]
    dated = [part for part in parts if part not in fields and _date_alone(part)]
    if len(fields) + len(dated) != len(parts):
        return False
    return bool(dated) and len(parts) == 1 or len(parts) >= 2 and bool(fields)  # a date alone, or fields


def _date_alone(part: str) -> bool:
    """True when `part` is a date with at most its time, weekday or zone beside it."""
    found = find_date(part)
    if found is None:
        return False
    before = date_label().sub("", part[:found.start()], count=1)  # 'Published on:', 'Last updated'
    return bool(LEFTOVER.fullmatch(WEEKDAY.sub(" ", before + " " + part[found.end():])))


@lru_cache(maxsize=1)
def date_label() -> re.Pattern:
    """A header field's label before its date ('Published on:', 'Last updated', 'Date:'; body.field_labels_latin)."""
    return re.compile(rf"^\s*(?:last\s+)?(?:{_latin_labels()})(?:\s+on)?\s*:?", re.I)


@lru_cache(maxsize=1)
def latin_field() -> re.Pattern:
    """A 'Label: value' header field in a Latin-script page (body.field_labels_latin), with a value."""
    return re.compile(rf"(?:{_latin_labels()})\s*:\s*\S", re.I)


def _latin_labels() -> str:
    """body.field_labels_latin as one alternation."""
    return "|".join(map(re.escape, rules()["body"]["field_labels_latin"]))


@lru_cache(maxsize=1)
def story_end() -> re.Pattern:
    """One pattern matching the start of any of the text dumps' closing_lines and body.story_end_lines."""
    own = (f"(?:{p})" for p in rules()["body"]["story_end_lines"])
    return re.compile("|".join([text_rules().closing.pattern, *own]), re.I)


def before_story_end(lines: list[str]) -> list[str]:
    """`lines` up to the first, after the story's first paragraph, that closes a story (text_rules.yaml closing_lines
    and html_rules.yaml body.story_end_lines: a Chinese site's editor or reviewer credit, a wire's end mark): what an
    extractor keeps under it is the site's furniture (a share prompt, an account's follow button), never the story's.

    >>> before_story_end(["The city opened a park.", "It cost 5 million yuan.", "(责编：李娜、张伟)", "分享到微信"])
    ['The city opened a park.', 'It cost 5 million yuan.']
    """
    end = story_end()
    cut = next((i for i, line in enumerate(lines) if i and end.match(line)), len(lines))
    return lines[:cut]
