"""A central government's ministry as a figure's subject ('商务部日前印发…，提出…培育100家', '數位發展部今（21）日宣布，…投入新台幣50億元'):
the figure is its country's, not a city's the story names.

China's ministries, and Taiwan's, end in 部 (provinces and cities have 厅 and 局); other central bodies open with a
national word (国家数据局, 中央网信办). Such a name opening the sentence or the figure's clause, then a plan word
(subject_after, a time word allowed before it), states the figure for the country of the story's place. A 部 holding a
company's word or a place's character (华为公司战略部, 市委宣传部) or ending an ordinary word (总部, 俱乐部) is no
ministry. Korean ministries are read the same way in Hangul (과학기술정보통신부는, 기획재정부가; 정부는 'the government'),
and are always South Korea's (the "korean" section's national_owner). The shapes are the "national_bodies" entries
of targets.json.
"""
from __future__ import annotations

import re

from pipelines.extract.chinese.subjects import SentenceClauses
from pipelines.extract.gazetteer import load_gazetteer
from pipelines.extract.owners import StoryState
from pipelines.extract.subjects import Subject
from pipelines.extract.target_rules import word_alternation as _alt
from pipelines.records import Mention

HAN_NAME = r"[\u4e00-\u9fff]"
SPACES = re.compile(r"\s*")
MAX_CLAUSES_BACK = 4  # the subject opens the figure's clause or one of the few before it: '近日，商务部印发通知，提出…'


def national_body_re(cfg: dict) -> re.Pattern | None:
    """A ministry's name (a stem and 部) or a national body's (a national word, a stem, a body's ending), matched at a
    clause's start and followed by an optional time word and a plan word; None when the language names none."""
    shapes = [_alt(cfg["national_body_words"])] if cfg.get("national_body_words") else []  # Korean 정부 (the government)
    if cfg.get("ministry_endings"):  # a name's characters: Han, or Hangul for Korean (ministry_name_chars)
        shapes.append(rf"{cfg.get('ministry_name_chars') or HAN_NAME}{{2,10}}?(?:{_alt(cfg['ministry_endings'])})")
    if cfg.get("national_body_openers"):
        shapes.append(rf"(?:{_alt(cfg['national_body_openers'])}){HAN_NAME}{{1,12}}?(?:{_alt(cfg['national_body_endings'])})")
    if not shapes:
        return None
    then = rf"(?=\s*(?:{cfg['subject_time_re']}\s*)?(?:{_alt(cfg['subject_after'])}))"
    return re.compile(rf"\s*(?P<name>{'|'.join(f'(?:{s})' for s in shapes)}){then}")


def _is_ministry(name: str, cfg: dict) -> bool:
    """False for a firm's or a local government's department (公司, 市委 in it) and for an ordinary word (总部).

    >>> from pipelines.extract.chinese.vocabulary import rules
    >>> [_is_ministry(n, rules()) for n in ("商务部", "住房和城乡建设部", "華為公司戰略部", "市委宣传部", "区商务部", "公司总部")]
    [True, True, False, False, False, False]
    """
    return not name.endswith(tuple(cfg["ministry_not_endings"])) and not name.startswith(tuple(cfg["ministry_not_openers"])) \
        and not any(w in name for w in cfg["ministry_not_words"])


def national_subject(story: StoryState, body: str, clauses: SentenceClauses, pos: int, names: list[Mention],
                     cfg: dict) -> Subject | None:
    """The country whose ministry opens the figure's clause ('科技部将在北京建设…': the places after it are where) or
    one of the few clauses before it in its sentence ('近日，商务部印发通知，提出…') when no place is named in the
    figure's clause before the figure and no clause between opens with a place; None otherwise. `clauses` is the
    sentence's SentenceClauses. A 部 after a company's name is the firm's department ('华为技术有限公司战略部表示，公司将…'):
    the firm's own plan, Subject('company'), which owns no place's target.

    >>> from pipelines.extract.chinese.vocabulary import rules
    >>> body = "近日，商务部印发通知，提出培育100家企业。"
    >>> national_subject(StoryState(body, [], "Beijing", None), body, SentenceClauses(body, 0, 23, [], []), 15, [], rules())
    Subject(kind='organization', owner='China', start=None)
    """
    rx = cfg["national_body_re"]
    lo = clauses.clause_start(pos)
    if rx is None:
        return None
    for step in range(MAX_CLAUSES_BACK):
        m = rx.match(body, lo, pos)
        if m is not None:
            return _holder(m.group("name"), m.span("name"), story, names, pos, cfg)
        if step == 0 and any(not body.endswith(tuple(cfg["location_words"]), lo, p.char_start) for p in story.places_in(lo, pos)):
            return None  # '數位部表示，台北市將設立…': the place in the figure's clause owns it ('将在东莞…' is where)
        opening = SPACES.match(body, lo).end()
        if lo <= clauses.start or story.places_in(opening, opening + 1):
            return None  # the sentence's start, or a clause a place opens: its subject
        lo = clauses.clause_start(lo - 1)
    return None


def _holder(name: str, span: tuple[int, int], story: StoryState, names: list[Mention], pos: int,
            cfg: dict) -> Subject | None:
    """A national body's (国家数据局) or a ministry's (商务部) country; a firm's department (a company named in it):
    Subject('company'); None for a local body (a place in its name) or an ordinary word (总部)."""
    if any(n.char_start < span[1] and n.char_end > span[0] for n in names if n.entity_type == "company"):
        return Subject("company")
    if story.places_in(*span) or not (name.startswith(tuple(cfg["national_body_openers"])) or _is_ministry(name, cfg)):
        return None
    # a language of one country (Korean: national_owner) names that country's ministries; Chinese ones may be Taiwan's
    country = cfg.get("national_owner") or _country(story, pos)
    return Subject("organization", country) if country else None


def _country(story: StoryState, pos: int) -> str | None:
    """The country of the story's place, else of the last place named before pos."""
    gaz = load_gazetteer()
    nearest = next(story.places_before(pos), None)
    for name in (story.main, nearest.entity_name if nearest else None):
        country = next((p.name for p in gaz.ancestors(name) if p.level == "country"), None) if name else None
        if country:
            return country
    return None
