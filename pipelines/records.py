"""Plain records passed between the pure stages (ingest -> parse -> extract -> load)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class RawDocument:
    """One raw file version (or one line of a .jsonl file), decoded to text.

    >>> RawDocument("ab12", "site/a.html", "html", 120, text="<html>...</html>").status
    'parsed'
    """

    document_id: str  # sha256 of the raw bytes of this page
    source_file: str  # path relative to the raw dir (jsonl lines get '#L<n>')
    source_format: str  # 'txt' | 'html' | 'txt.gz' | 'html.gz' | 'jsonl' ...
    byte_size: int
    text: str | None = None  # decoded content; None when the file could not be read
    url: str | None = None  # given by the scraper (jsonl), else None
    fetched_at: datetime | None = None
    is_html: bool = False
    encoding: str | None = None
    status: str = "parsed"  # 'parsed' | 'failed' | 'empty'
    error: str | None = None
    retry: bool = False  # the failure may clear without the file changing (permissions): read it again next run


@dataclass(slots=True)
class Story:
    """One story on a page: the main story (position 0) or a related one."""

    position: int
    role: str  # 'main' | 'related'
    title: str | None
    body: str = ""
    category: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    source_site: str | None = None
    url: str | None = None
    story_key: str = ""


@dataclass(slots=True)
class Mention:
    """An entity named in a story body, with offsets into that body."""

    entity_type: str  # 'company' | 'jurisdiction' | 'organization' | 'person'
    entity_name: str  # canonical name
    surface_text: str  # as written
    char_start: int
    char_end: int
    field: str = "body"  # 'body' or 'title': the text the offsets index into
    parent: str | None = None  # for a district recognised from context: the containing place the story names


@dataclass(slots=True)
class Target:
    """A quantified target or commitment stated in a story body."""

    jurisdiction_name: str | None
    metric: str
    target_value: float
    unit: str  # ISO 4217 code or 'count'
    target_value_usd: float | None
    usd_is_stated: bool
    target_year: int | None
    evidence: str
    char_start: int
    char_end: int
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Initiative:
    """An initiative a story reports: its headline initiative (number 0) or one its target sentences name."""

    initiative_no: int  # 0 = the story's headline initiative; 1.. = others, in order of first statement
    initiative_type: str  # plan, fund, alliance, working_group, policy, partnership, license, facility, project, other
    jurisdiction_name: str | None
    description: str  # the headline or the sentence announcing it
    field: str  # 'title' or 'body': where the description is
    char_start: int
    is_headline: bool
    statement: str = "target"  # 'headline', 'target' (named by target sentences) or 'mention' (a body named in passing)


@dataclass(slots=True)
class Participant:
    """A company taking part in an initiative, with the role the sentence gives it."""

    initiative_no: int
    company_name: str
    role: str  # 'lead' | 'member' | 'partner' | 'other'
    field: str  # 'title' or 'body'
    char_start: int
