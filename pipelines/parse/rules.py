"""The text-page rules of pipelines/data/text_rules.yaml, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.parse.text.view import may_hold
from pipelines.yamlfile import load_yaml


RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "text_rules.yaml"


def _any_line(patterns: list[str]) -> re.Pattern:
    """One pattern matching a whole line against any of `patterns`."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class BoilerplateLines:
    """The lines dropped wherever they appear: `lines` (one pattern of the boilerplate_lines), and `cued` (the
    boilerplate_cued_lines: (cues, pattern) pairs, a pattern tried only on a line that may hold one of its cues)."""

    lines: re.Pattern
    cued: tuple[tuple[tuple[str, ...], re.Pattern], ...]

    def matches(self, line: str) -> bool:
        """True when the whole of `line` is boilerplate.

        >>> rules = text_rules()
        >>> [rules.boilerplate.matches(t) for t in ["Back to top", "Read our Cookie Policy here", "Cookies are baked."]]
        [True, True, False]
        """
        if self.lines.fullmatch(line):
            return True
        lower = line.lower()
        return any(may_hold(lower, line, cues) and pattern.fullmatch(line) for cues, pattern in self.cued)


def _cued_lines(entries: list[dict]) -> tuple[tuple[tuple[str, ...], re.Pattern], ...]:
    """(cues, whole-line pattern) of each entry ({cues: [...], pattern: '...'}), matched case-insensitively."""
    return tuple((tuple(entry["cues"]), re.compile(entry["pattern"], re.IGNORECASE)) for entry in entries)


def _words(words: list[str]) -> str:
    """A pattern matching any of `words` as a whole word."""
    return rf"\b(?:{'|'.join(map(re.escape, words))})\b"


@dataclass(frozen=True)
class TextThresholds:
    """The tunable thresholds of the text parser's layout (the `thresholds` of the rules file, which explains each)."""

    sentence_min_words: int
    meta_max_words: int
    category_max_words: int
    menu_min_items: int
    menu_item_max_words: int
    teaser_reach: int
    related_min_words: int
    next_story_headline_words: int
    next_story_min_words: int
    next_story_min_paragraphs: int
    next_story_max: int
    consent_dialog_reach: int
    disclosure_max_words: int
    related_share: float
    inline_reach: int
    inline_prose_score: float
    inline_resume: int
    comment_reach: int
    bio_reach: int
    repeated_gap_max_words: int
    repeated_gap_weight: float
    short_line_page_prose: int
    short_line_span_threshold: float
    span_word_power: float
    short_line_word_power: float
    above_title_min_words: int
    above_title_share: float
    list_prose_words: int
    list_min_paragraphs: int
    list_headline_share: float
    footer_from: float
    footer_line_max_words: int
    story_min_words: int
    story_page_share: float
    menu_run_min_lines: int
    menu_run_max_words: int
    error_page_max_words: int
    thread_min_actions: int
    thread_furniture_max_words: int
    edge_sentence_words: int
    edge_max_lines: int
    edge_menu_share: float
    edge_link_max_words: int


@dataclass(frozen=True)
class TextRules:
    """Compiled page-furniture rules for text dumps."""

    boilerplate: BoilerplateLines
    promo: re.Pattern
    promo_max_words: int
    story_end: re.Pattern  # story_end_lines and closing_lines
    closing: re.Pattern  # closing_lines alone: they close a saved page's extracted body too (html/edges.py)
    footer: re.Pattern
    footer_mention: re.Pattern
    footer_dated: re.Pattern
    footer_cues: tuple[str, ...]
    inline_end_heading: re.Pattern
    inline_heading_reader: re.Pattern
    inline_end_credit: re.Pattern
    comment_action: re.Pattern
    page_edit: re.Pattern  # a wiki's or docs engine's page tools ('Edit this page', 'View history'; whole line)
    related_marker: re.Pattern
    date_prefix: re.Pattern
    revision_label: re.Pattern  # ends the text before a revision's date ('Updated:', 'Last modified on')
    revision_label_cues: tuple[str, ...]  # one of these is in every revision label (a header without any has none)
    publication_label: re.Pattern  # ends the text before the publication's date ('Published:', 'First posted')
    byline: re.Pattern
    byline_cues: tuple[str, ...]  # one of these is in every byline (a line without any is not read for one)
    han_byline: re.Pattern  # a Chinese writer's field ('作者：李华') anywhere on a line
    han_font_switch: re.Pattern  # '字号：大 中 小' in a Chinese header line, not counted among its words
    han_meta_field: re.Pattern  # a labelled field of a Chinese header line ('来源：人民网', '每经记者 刘洋'; one part, whole)
    writer_role: re.Pattern  # a writer's role on the line under the name ('Senior Tech Writer')
    provider: re.Pattern
    thread_author: tuple[re.Pattern, ...]
    thread_author_cues: tuple[str, ...]  # one of these is in every thread-starter label (a page without any is not searched)
    question_asker: re.Pattern  # a Q&A engine's 'asked <date>' line over the asker's name
    question_asker_cue: str  # in every such line (a page without it is not searched)
    submitter: re.Pattern  # a link aggregator's 'submitted 3 hours ago by kim_o' line (whole line)
    submitter_cues: tuple[str, ...]  # one in every such line (a page without any is not searched)
    poster_time: re.Pattern  # a forum poster's handle before how long ago they posted ('kim_o 2 years ago#1')
    poster_time_labels: re.Pattern  # labels printed the same way, no handle ('Published 6 hours ago'; whole word)
    poster_date: re.Pattern  # a forum poster's handle before the post's date ('Post by kim_o » Tue Feb 20, 2026')
    post_date_label: re.Pattern  # a post's date label ('Posted', 'opened on'; whole text before the date)
    mail_from: re.Pattern  # a mail archive's sender line ('From: Kim Ortiz <kim@example.org>'; whole line)
    mail_header: re.Pattern  # another header line of the message ('Date: …', 'Subject: …'; whole line)
    bio_after_name: re.Pattern  # what follows a full name opening a bio ('Jane Roe, a reporter, writes …')
    bio_after_first_name: re.Pattern  # what follows a first name opening a bio ('Jane covers …')
    person: re.Pattern  # a word writing of a person ('she', 'his')
    forum_post: re.Pattern
    reading_time: re.Pattern
    relative_date: re.Pattern
    separators: re.Pattern
    dateline: re.Pattern
    wire_datelines: tuple[re.Pattern, ...]
    han_wire_dateline: re.Pattern  # '新华社北京3月5日电（记者 张三）' opening a Chinese story's first paragraph
    digest_item: re.Pattern
    inline_credit: re.Pattern
    teaser_suffix: re.Pattern
    teaser_cues: tuple[str, ...]
    inline_credit_cues: tuple[str, ...]
    browser_error: re.Pattern  # the error code a browser prints on its network error page ('ERR_NAME_NOT_RESOLVED')
    consent_dialog: re.Pattern  # a consent manager's purposes ('Store and/or access information on a device'; searched)
    consent_dialog_words: tuple[str, ...]  # one of these is in every line consent_dialog matches (a page without any is not searched)
    site_notice: re.Pattern  # form_notice, action_link or poster_details: a paragraph the site prints (matched at its start)
    affiliate_disclosure: re.Pattern  # a publisher's affiliate disclosure ('As an Amazon Associate …'; searched)
    headline_max_words: int
    sentence_starters: frozenset
    body_min_words: int
    thresholds: TextThresholds


@lru_cache(maxsize=1)
def _raw_rules(path: Path = RULES_FILE) -> dict:
    """The rules file as read (once per process)."""
    return load_yaml(path)


@lru_cache(maxsize=1)
def text_rules(path: Path = RULES_FILE) -> TextRules:
    """Load and compile the rules file (cached).

    >>> text_rules().related_marker.fullmatch("More to Read") is not None
    True
    """
    raw = _raw_rules(path)
    flags = re.IGNORECASE
    return TextRules(
        boilerplate=BoilerplateLines(_any_line(raw["boilerplate_lines"]), _cued_lines(raw["boilerplate_cued_lines"])),
        promo=_any_line(raw["promo_cues"]),
        promo_max_words=int(raw["promo_max_words"]),
        story_end=_any_line(raw["story_end_lines"] + raw["closing_lines"]),
        closing=_any_line(raw["closing_lines"]),
        footer=re.compile(raw["footer_line"], flags),
        footer_mention=re.compile(raw["footer_mention"], flags),
        footer_dated=re.compile(raw["footer_dated"], flags),
        footer_cues=tuple(raw["footer_cues"]),
        inline_end_heading=_any_line(raw["inline_end_headings"]),
        inline_heading_reader=re.compile(raw["inline_heading_reader"], flags),
        inline_end_credit=re.compile(raw["inline_end_credit"], flags),
        comment_action=_any_line(raw["comment_action_lines"]),
        page_edit=_any_line(raw["page_edit_lines"]),
        related_marker=_any_line(raw["related_markers"]),
        date_prefix=re.compile(raw["date_prefixes"], flags),
        revision_label=re.compile(rf"(?:{raw['revision_labels']})\W*(?:(?:on|at)\W*)?$", flags),
        revision_label_cues=tuple(raw["revision_label_cues"]),
        publication_label=re.compile(rf"(?:{raw['publication_labels']})\W*(?:(?:on|at)\W*)?$", flags),
        byline=re.compile(raw["byline"]),  # capitals matter in names: no IGNORECASE
        byline_cues=tuple(raw["byline_cues"]),
        han_byline=re.compile(raw["han_byline"]),
        han_font_switch=re.compile(raw["han_font_switch"]),
        han_meta_field=re.compile(raw["han_meta_field"]),
        writer_role=re.compile(raw["writer_roles"], flags),
        question_asker=re.compile(raw["question_asker"], flags | re.MULTILINE),
        question_asker_cue=raw["question_asker_cue"],
        submitter=re.compile(rf"^(?:{raw['submitter']})$", flags | re.MULTILINE),
        submitter_cues=tuple(raw["submitter_cues"]),
        poster_time=re.compile(raw["poster_time"], flags),
        poster_time_labels=re.compile(raw["poster_time_labels"], flags),
        post_date_label=re.compile(raw["post_date_label"], flags),
        mail_from=re.compile(raw["mail_from"], flags),
        mail_header=re.compile(raw["mail_header"], flags),
        poster_date=re.compile(rf"{raw['poster_date']}(?:(?:{raw['header']['labels']['weekdays']})\.?,?\s*)?", flags),
        provider=re.compile(raw["provider_lines"], flags),
        thread_author=tuple(re.compile(f"^(?:{pattern})$", flags | re.MULTILINE) for pattern in raw["thread_author_lines"]),
        thread_author_cues=tuple(raw["thread_author_cues"]),
        bio_after_name=re.compile(rf"(?:,[^,]{{1,60}},)?\s+{_words(raw['bio_verbs'])}"),
        bio_after_first_name=re.compile(rf"\s+{_words(raw['bio_verbs'])}"),
        person=re.compile(_words(raw["person_words"]), flags),
        forum_post=re.compile(raw["forum_post_line"], flags),
        reading_time=re.compile(raw["reading_time"], flags),
        relative_date=re.compile(raw["relative_date"], flags),
        separators=re.compile(raw["field_separators"]),
        dateline=re.compile(raw["dateline"]),
        wire_datelines=tuple(re.compile(pattern) for pattern in raw["wire_datelines"]),  # capitals matter: no IGNORECASE
        han_wire_dateline=re.compile(raw["han_wire_dateline"]),
        digest_item=re.compile(raw["digest_item"]),
        inline_credit=_any_line(raw["inline_credits"]),
        teaser_suffix=re.compile(raw["teaser_suffix"], flags),
        teaser_cues=tuple(raw["teaser_cues"]),
        inline_credit_cues=tuple(raw["inline_credit_cues"]),
        browser_error=re.compile(raw["browser_error_line"]),  # codes are written in capitals: no IGNORECASE
        consent_dialog=_any_line(raw["consent_dialog_cues"]),
        consent_dialog_words=tuple(raw["consent_dialog_words"]),
        site_notice=_any_line([raw["form_notice"], raw["action_link"], raw["poster_details"]]),  # one match a paragraph
        affiliate_disclosure=re.compile(raw["affiliate_disclosure"], re.IGNORECASE),
        headline_max_words=int(raw["headline_max_words"]),
        sentence_starters=frozenset(raw["sentence_starters"]),
        body_min_words=int(raw["body_min_words"]),
        thresholds=TextThresholds(**raw["thresholds"]),
    )


@dataclass(frozen=True)
class HeaderLimits:
    """How far and on how long lines a text dump's header is read (the `header: limits` of the rules file, which
    explains each)."""

    dateline_max_words: int
    short_meta_words: int
    meta_above_title: int
    meta_below_title: int
    past_body_start: int
    fallback_window: int
    fallback_max_words: int
    labelled_date_reach: int
    name_line_max_words: int
    name_near_date: int
    byline_furniture_reach: int
    header_furniture_max: int
    crumb_max_words: int
    crumb_item_words: int
    crumb_reach: int
    dek_min_words: int
    dek_ratio: float
    thread_title_max_words: int
    thread_furniture_reach: int
    section_over_words: int
    label_in_line_max_chars: int
    lone_date_rest: int
    lone_date_max_chars: int
    headline_meta_reach: int
    bio_role_words: int
    twice_above: int
    twice_below: int
    twice_gap: int
    twice_opening_lines: int
    subject_max_words: int
    subject_reach: int
    dated_story_reach: int
    dated_below: int
    story_opening_lines: int
    story_score_min: float


@dataclass(frozen=True)
class HeaderRules:
    """The limits and compiled label patterns of a text dump's header (`header` in the rules file)."""

    limits: HeaderLimits
    byline_lead: re.Pattern
    author_label: re.Pattern
    credit_label: re.Pattern
    picture_credit: re.Pattern
    caption_credit: re.Pattern
    date_label_end: re.Pattern
    writer_credit: re.Pattern
    crumb_lead: re.Pattern
    weekdays: str
    publication_verb: re.Pattern
    glued_label: re.Pattern
    label_before_date: re.Pattern
    short_year_line: re.Pattern
    definition: re.Pattern
    question_asked: re.Pattern
    question_button: re.Pattern
    heading_anchor: re.Pattern
    jump_link: re.Pattern
    activity_date_label: re.Pattern
    team_credit_words: frozenset[str]
    name_particles: frozenset[str]
    month_given_names: frozenset[str]
    word_given_names: frozenset[str]
    member_rank: re.Pattern
    member_rank_cues: tuple[str, ...]
    trail_start: re.Pattern
    author_box_heading: re.Pattern
    byline_furniture: re.Pattern
    venue_label: re.Pattern
    author_link: re.Pattern
    author_link_under_name: re.Pattern
    author_link_under_name_start: re.Pattern


@lru_cache(maxsize=1)
def header_rules(path: Path = RULES_FILE) -> HeaderRules:
    """The header section of the rules file, compiled (cached).

    >>> header_rules().author_label.fullmatch("Written by:") is not None
    True
    """
    raw = _raw_rules(path)["header"]
    limits, labels, flags = HeaderLimits(**raw["limits"]), raw["labels"], re.IGNORECASE
    verbs = labels["publication_verbs"]
    return HeaderRules(
        limits=limits,
        byline_lead=re.compile(f"^{labels['byline_lead']}", flags),
        author_label=re.compile(labels["author_label"], flags),
        credit_label=re.compile(labels["credit_label"], flags),
        picture_credit=re.compile(labels["picture_credit"], flags),
        caption_credit=re.compile(labels["caption_credit"], flags),
        date_label_end=re.compile(labels["date_label_end"], flags),
        writer_credit=re.compile(labels["writer_credit"], flags),
        crumb_lead=re.compile(labels["crumb_lead"], flags),
        weekdays=labels["weekdays"],
        publication_verb=re.compile(rf"\b(?:{verbs})\b", flags),
        # a publication label in capitals run into the end of a name in capitals ('ANN LEEPUBLISHED'): case-sensitive
        glued_label=re.compile(rf"(?<=[A-Z]{{2}})(?:LAST\s*)?(?:{verbs.upper()})$"),
        label_before_date=re.compile(rf"\b(?:{verbs})\s+(?:on\s+)?$", flags),  # ends just before a date
        # the short lines holding a year (the one-date-alone search reads only these; found by one search)
        short_year_line=re.compile(rf"^(?=[^\n]{{0,{limits.lone_date_max_chars}}}$)[^\n]*\d{{4}}[^\n]*$", re.M),
        # a sentence opening by defining its subject ('Portage is …'); the subject holds no punctuation
        definition=re.compile(rf"^(?:(?:{labels['definition_article']})\s+)?(?P<subject>[^,.;:!?()]{{1,60}}?)\s+"
                              rf"(?:{labels['definition_verbs']})\s", flags),
        question_asked=re.compile(labels["question_asked"], flags),
        question_button=re.compile(labels["question_button"], flags),
        heading_anchor=re.compile(rf"(?:{labels['heading_anchor']})$", flags),
        jump_link=re.compile(labels["jump_link"], flags),
        activity_date_label=re.compile(rf"{labels['activity_date_label']}(?:(?:{labels['weekdays']})\.?,?\s*)?$", flags),
        team_credit_words=frozenset(labels["team_credit_words"]),
        name_particles=frozenset(labels["name_particles"]),
        month_given_names=frozenset(labels["month_given_names"]),
        word_given_names=frozenset(labels["word_given_names"]),
        member_rank=re.compile(labels["member_rank"], flags),
        member_rank_cues=tuple(labels["member_rank_cues"]),
        trail_start=re.compile(labels["trail_start"], flags),
        author_box_heading=re.compile(labels["author_box_heading"], flags),
        byline_furniture=re.compile(labels["byline_furniture"], flags),
        venue_label=re.compile(labels["venue_label"], flags),
        author_link=re.compile(labels["author_link"], flags),
        author_link_under_name=re.compile(labels["author_link_under_name"], flags),
        # a line opening with one of the link's words, in the page in lower case (the literal newline is searched fast)
        author_link_under_name_start=re.compile(rf"\n(?:{'|'.join(labels['author_link_under_name_openers'])})\b"),
    )
