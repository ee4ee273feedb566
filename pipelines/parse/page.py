"""One decoded document -> its stories, with stable story keys; bad pages become a status and an error."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from pipelines.parse.cleaning import readable_name
from pipelines.parse.text.page import parse_text
from pipelines.parse.urls import site_of
from pipelines.records import RawDocument, Story

KEY_TITLE_MIN_WORDS = 4  # shorter titles ('Update', 'Weekly digest') are not unique enough alone
APOSTROPHES = str.maketrans("", "", "’'`")
WORD_RUN = re.compile(r"\w+")  # no character is both a word character and a space


class _MarkDropper(dict):
    """str.translate table that deletes combining marks, filled once per character seen (lookups stay in C)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_DROP_MARKS = _MarkDropper()


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used for keys.

    >>> fold("Henan’s  Fund: 150 Million!")
    'henans fund 150 million'
    """
    text = text or ""
    if not text.isascii():  # ASCII has no decompositions and no combining marks
        text = unicodedata.normalize("NFKD", text).translate(_DROP_MARKS)
    return " ".join(WORD_RUN.findall(text.casefold().translate(APOSTROPHES)))


def story_key(title: str | None, body: str) -> str:
    """The same story on two pages gets the same key: its folded headline (plus the body's start when short).

    >>> story_key("Zhengzhou readies fund to court firms", "x") == story_key("Zhengzhou Readies Fund to Court Firms", "y")
    True
    """
    basis = fold(title or "")
    if len(basis.split()) < KEY_TITLE_MIN_WORDS:
        basis += "\n" + fold(body)[:400]
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]


def parse_document(doc: RawDocument) -> tuple[list[Story], str, str | None]:
    """(stories, status, error) for one decoded document; never raises for bad content.

    >>> doc = RawDocument("id", "a.txt", "txt", 10, text="Title of a page here\\n\\nA sentence that is long enough to count as the body of a story.")
    >>> stories, status, error = parse_document(doc)
    >>> (len(stories), status, error)
    (1, 'parsed', None)
    """
    if doc.status != "parsed":
        return [], doc.status, doc.error
    site = site_of(doc.url)
    try:
        if doc.is_html:
            from pipelines.parse.html.page import parse_html
            stories = parse_html(doc.text or "", url=doc.url)
        else:
            stories = parse_text(doc.text or "", url=doc.url, source_site=site)
    except RecursionError:
        return [], "failed", "The HTML is nested too deeply to parse; check that the file is a real page."
    except Exception:  # a parser bug must not take the run down: quarantine the page (no Python error text)
        return [], "failed", "The parser failed on this page (a fault in the parser, not in the file); report it with the file."
    stories = [s for s in stories if s.title or s.body]
    if not stories or not any(s.body for s in stories):
        return [], "empty", ("No story found: the page has no running text (it may be an index, a login wall or "
                             "an error page); check the scrape.")
    seen: set[str] = set()
    kept = []
    for story in stories:
        story.story_key = story_key(story.title, story.body)
        story.source_site = story.source_site or site
        story.author = readable_name(story.author)  # 'KENJI SATO' as printed -> 'Kenji Sato'
        if story.story_key in seen:
            continue
        seen.add(story.story_key)
        kept.append(story)
    for position, story in enumerate(kept):
        story.position = position
        story.role = "main" if position == 0 else "related"
    return kept, "parsed", None
