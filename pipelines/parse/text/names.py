"""Whether a text dump's credited name reads as a person's: a name alone on its line, the name under a writer's
credit, and the test that a name is not a label made of the page's common words, a date or words run together."""
from __future__ import annotations

import re
from functools import lru_cache

from pipelines.parse.dates import MONTHS
from pipelines.parse.text.line_features import stop_words
from pipelines.parse.rules import header_rules, text_rules

NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-ЯЁ][\w.’'\-]*")  # a capital of the Latin, Greek or Cyrillic script ('Łukasz')
GLUED = re.compile(r"[a-z]{3}[A-Z]")  # words run together ('LearningDeveloper'), not 'McDonald' or 'DeAndre'
SPACED_HYPHEN = re.compile(r"\s+-\s+")


@lru_cache(maxsize=1)
def calendar_word() -> re.Pattern:
    """A month's or weekday's name (a credited name holding one is a date, not a person)."""
    return re.compile(rf"{MONTHS}|(?i:{header_rules().weekdays})")


def without_glued_label(name: str) -> str:
    """A credited name without the publication label a text dump ran into its end, both in capitals (inline spans lose
    the space between them: 'BY ANN LEEPUBLISHED: JUN 2, 2025' gives 'ANN LEEPUBLISHED').

    >>> without_glued_label("ANN LEEPUBLISHED"), without_glued_label("BO CHENLAST UPDATED"), without_glued_label("Ann Lee")
    ('ANN LEE', 'BO CHEN', 'Ann Lee')
    """
    return header_rules().glued_label.sub("", name).rstrip() if name.isupper() else name


@lru_cache(maxsize=16384)  # a line by the headline is asked by several header readers, and sites repeat their lines
def name_alone(text: str, co_writers: bool = False) -> str | None:
    """A person's name alone on a line (two to four capitalised words, no function words, no digits;
    a title after a comma is left out: 'Ann Lee, Ph.D.' -> 'Ann Lee'), else None.
    With `co_writers` (the line under a writer's label: 'By' / 'Ann Lee and Bo Chen') two or three such names joined
    by 'and' or '&' are one credit, and a surname's particle in lower case may stand between the capitalised words
    ('Marna van der Merwe'; name_particles in text_rules.yaml). With no label such lines are as often a section's
    heading in title case ('Data Science and Machine Learning') or a place ('Rio de Janeiro') and are no name.

    >>> name_alone("Ann Lee, Ph.D."), name_alone("Marna van der Merwe", co_writers=True), name_alone("Rio de Janeiro")
    ('Ann Lee', 'Marna van der Merwe', None)
    >>> name_alone("Ann Lee and Bo Chen", co_writers=True), name_alone("Ann Lee and Bo Chen")
    ('Ann Lee and Bo Chen', None)
    >>> name_alone("Data Science and Machine Learning"), name_alone("Romeo and Juliet", co_writers=True)
    (None, None)
    >>> name_alone("Harbour City and the Sea", co_writers=True), name_alone("van der Merwe")
    (None, None)
    """
    lim = header_rules().limits
    if len(text) > lim.label_in_line_max_chars or len(text.split()) > lim.name_line_max_words:
        return None  # (the length first: a line of 100,000 letters is no name, and is not split field by field)
    name = _without_note_fields(text.split(",")[0].strip())
    if any(c.isdigit() for c in name):
        return None
    people = _joined_people(name.split()) if co_writers else [name.split()]
    return name if len(people) <= 3 and all(_one_name(person, co_writers) for person in people) else None


def _joined_people(words: list[str]) -> list[list[str]]:
    """The words of each person a credit joins with 'and' or '&' ('Ann Lee and Bo Chen' -> [['Ann', 'Lee'], ['Bo',
    'Chen']]), split on whole words (no pattern to read a long run of spaces again from each space)."""
    people = [[]]
    for word in words:
        if word in ("and", "&"):
            people.append([])
        else:
            people[-1].append(word)
    return people


HANDLE_NOTE = re.compile(r"\(?@[\w.]{2,30}\)?")  # a social handle printed after the name ('(@annlee)')


def _without_note_fields(text: str) -> str:
    """A name line without the fields a header prints after the name when each is a writer's role, a social handle or
    a follow button ('Ann Lee | Senior Reporter', 'Ann Lee (@annlee)', 'Ann Lee · Follow': header.labels.byline_furniture
    without its reading time), else the line as it is: a newsroom or a section after the name
    is not cut ('Ann Lee | The Daily Courier'), nor a reading time or a relative date, which follow a section's name
    as often as a writer's ('Personal Finance · 5 min read'). At most name_line_max_words fields are read (a line of
    100,000 separators is one field too many, not 100,000 to test).

    >>> _without_note_fields("Ann Lee | Senior Reporter"), _without_note_fields("Ann Lee (@annlee)"), _without_note_fields("Ann Lee · Follow")
    ('Ann Lee', 'Ann Lee', 'Ann Lee')
    >>> _without_note_fields("Ann Lee | The Daily Courier"), _without_note_fields("Personal Finance · 5 min read")
    ('Ann Lee | The Daily Courier', 'Personal Finance · 5 min read')
    """
    rules = text_rules()
    fields = rules.separators.split(text, maxsplit=header_rules().limits.name_line_max_words)
    parts = [q.strip() for p in fields for q in SPACED_HYPHEN.split(p)]
    name, notes = HANDLE_NOTE.sub("", parts[0]).strip(), parts[1:]
    furniture = header_rules().byline_furniture.fullmatch
    if all(rules.writer_role.search(n) or HANDLE_NOTE.fullmatch(n) or furniture(n) for n in notes):
        return name
    return text


def _one_name(words: list[str], labelled: bool) -> bool:
    """True when `words` are one person's name: two to four capitalised words, no function word but a first name
    that is one ('Will Hart', 'May Chen': header.labels.word_given_names); when `labelled` (under a writer's label),
    with a surname's particles in lower case between them ('van der')."""
    particles = header_rules().name_particles if labelled else frozenset()
    named = [w for w in words if w not in particles]
    given = named[1:] if named and named[0].lower() in header_rules().word_given_names else named  # 'Will Hart'
    return (2 <= len(named) <= 4 and len(words) - len(named) <= 2 and NAME.fullmatch(words[0]) is not None
            and NAME.fullmatch(words[-1]) is not None and all(NAME.fullmatch(w) for w in named)
            and not any(w.lower() in stop_words() for w in given))


def credited_name(text: str) -> str | None:
    """The name on the line under a writer's credit: the part before a comma or separator, one to four
    capitalised words ('Ann - Product marketer' -> 'Ann': a spaced hyphen separates there too).

    >>> credited_name("Ann - Product marketer"), credited_name("Ann Lee, MD")
    ('Ann', 'Ann Lee')
    """
    name = SPACED_HYPHEN.split(text_rules().separators.split(text.split(",")[0])[0])[0].strip()
    words = name.split()
    return name if 1 <= len(words) <= 4 and all(NAME.fullmatch(w) for w in words) else None


def plausible_name(name: str, page: str) -> bool:
    """True when a credited name reads as a person's or a handle: no words run together, no month or weekday,
    and neither its first word nor most of its words written in lower case elsewhere on the page (a label in
    title case, 'Key Points', 'Copy Link', 'Backup Strategy', is made of the page's common words; a name is not).

    >>> [plausible_name(n, "the key points of a backup strategy, a copy") for n in ["Ann Lee", "Key Points", "Copy Link", "ann_lee", "Feb"]]
    [True, False, False, True, False]

    A collective credit ('Team Harbourview', 'Courier Staff') is judged by its words other than the team's, the first
    of which must read as a name ('Sales Team' on a page that writes 'sales' is none):

    >>> [plausible_name(n, "our team and its sales staff") for n in ["Team Harbourview", "Courier Staff", "Sales Team", "Team"]]
    [True, True, False, False]

    A first name that is also a common word or a month ('Will Hart', 'Mark Stone', 'May Chen': header.labels
    word_given_names, month_given_names) may be one the page writes in lower case when the surname is not:

    >>> [plausible_name(n, "the council will mark the day in may with a grace period") for n in ["Will Hart", "May Chen", "Grace Period"]]
    [True, True, False]
    """
    if furniture_name(name):
        return False
    words = name.split()
    given = len(words) > 1 and words[0].lower() in header_rules().word_given_names
    common = _common_words(name, page, given_month=given)
    if given and common and not common[-1]:
        common[0] = False  # 'Will Hart': the first name is a word the page writes, the surname is not
    return bool(common) and not common[0] and sum(common) * 2 <= len(common)


def furniture_name(name: str) -> bool:
    """True when a name-shaped line is the page's furniture, not a person: a writer's role ('Senior Reporter',
    'Digital Content Producer': the line a header prints under the name, not the name; a collective credit ending in
    its team's word, 'Courier Staff', is a name), a share bar ('LinkedIn Twitter Email': byline_furniture words only) or
    a heading the page rules know ('Related Stories', 'Recent Posts').

    >>> [furniture_name(n) for n in ["Senior Reporter", "Related Stories", "Courier Staff", "Ann Lee", "Bo Editorson", "LinkedIn Twitter Email"]]
    [True, True, False, False, False, True]
    """
    rules, furniture = text_rules(), header_rules().byline_furniture.fullmatch
    role = rules.writer_role.search(name)
    if role and role.group(0).strip(" ,").lower() not in header_rules().team_credit_words:
        return True
    if all(furniture(word) for word in name.split()):
        return True  # a share bar on one line ('LinkedIn Twitter Facebook Email')
    return bool(rules.related_marker.fullmatch(name) or rules.boilerplate.matches(name) or rules.story_end.match(name))


def labelled_name(name: str, page: str) -> bool:
    """True when a name printed after a writer's label by the headline ('By Will Hart') reads as one. The label vouches
    for it, so a first name the page writes as a common word ('Will', 'Rose', 'Mark') is kept; it is no name when its
    words run together, it holds a month or weekday, or every word is one the page writes in lower case (a column's
    title opening with 'By': 'By The Numbers' on a page writing 'the numbers').

    >>> [labelled_name(n, "the district will publish the numbers") for n in ["Will Hart", "The Numbers", "Feb"]]
    [True, False, False]

    A first name that is also a month's ('By April Stone', 'By June Park': header.labels.month_given_names) is a name
    after the label; a month elsewhere in it is a date run into the credit ('By Ann Lee March').

    >>> [labelled_name(n, "a story") for n in ["April Stone", "JUNE PARK", "Ann March", "April"]]
    [True, True, False, False]
    """
    common = _common_words(name, page, given_month=True)
    return bool(common) and not all(common)


def _common_words(name: str, page: str, given_month: bool = False) -> list[bool]:
    """For each word of a credited name, whether the page writes it in lower case (a common word of the page); a
    collective credit ('Team Harbourview', 'Courier Staff') without the team's words; empty when it is no name at all
    (words run together, a month or weekday; with `given_month`, a first name that is also a month's, 'April Stone',
    is a name)."""
    words = name.split()
    dated = words[1:] if given_month and len(words) > 1 and words[0].title() in header_rules().month_given_names else words
    if len(GLUED.findall(name)) > 1 or any(calendar_word().fullmatch(w) for w in dated):
        return []
    team = header_rules().team_credit_words
    if len(words) > 1 and any(w.lower() in team for w in words):  # a collective credit: judged by its other words
        words = [w for w in words if w.lower() not in team]
    return [w != w.lower() and _written(w.lower(), page) for w in words]


ADDRESS_BEFORE, ADDRESS_AFTER = "_@/.", "_@/"  # characters that join a word to an address, a handle or a longer word


def _written(word: str, page: str) -> bool:
    """True when `word` stands as a whole word in `page` (found by str.find: a regex would scan the page per word), not
    as part of a web address, handle or e-mail ('annlee.substack.com', '@annlee', 'ann@acme.com' write no word).

    >>> _written("annlee", "Read annlee.substack.com or @annlee/posts"), _written("key", "the key. points")
    (False, True)
    """
    start = page.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not _joined(page[start - 1], ADDRESS_BEFORE)) \
                and (end == len(page) or not (_joined(page[end], ADDRESS_AFTER) or _dot_joined(page, end))):
            return True
        start = page.find(word, start + 1)
    return False


def _joined(c: str, joiners: str) -> bool:
    return c.isalnum() or c in joiners


def _dot_joined(page: str, end: int) -> bool:
    """True when a dot right after a word joins it to more of an address ('annlee.substack'), not a full stop."""
    return page[end] == "." and end + 1 < len(page) and page[end + 1].isalnum()
