"""A news dateline opening a story ('HAIKOU --', 'Hyderabad:', 'BEIJING, March 2 --', 'SAN FRANCISCO, Calif. —',
'WUHAN, China, March 18, 2024 /PRNewswire/ --') says where the reporter filed from, not who acts: its place owns none
of the first sentence's figures when that sentence names another place ('Hyderabad: The Telangana government ...
wants to attract 500 startups' is Telangana's goal, 'HAIKOU -- South China's Hainan province will ...' Hainan's).

Only the body's first line is read, as wires and newspapers write a dateline there, or the first line of its second
paragraph when a standfirst (a synopsis over the story: 'The Tamil Nadu government plans ...' then 'Chennai: Tamil
Nadu on Wednesday unveiled ...') holds the first; a place heading a line further down ('Guangdong: aims to build 10
parks') is a list item's subject, not a dateline.
"""
from __future__ import annotations

import re

from pipelines.records import Mention

# a capitalised place of up to four words; then, after a comma, capitalised words, a day or a year ('March 2',
# 'Calif.', 'China, March 18, 2024'); a wire's name between slashes; then the dash or colon, and a capital: the
# sentence the dateline opens ('Under the plan, it will: build' has lowercase words and is no dateline)
DATELINE = re.compile(
    r"[ \t]*[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}"
    r"(?:,[ ](?:[A-Z][\w.]*|\d{1,4})(?:,?[ ](?:[A-Z][\w.]*|\d{1,4}))*)?"
    r"(?:[ ]/[^/\n]{1,40}/)?[ ]?(?:--|—|–|:)[ ]+(?=[A-Z\"“‘'])")
SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n")  # where the sentence the dateline opens ends


def dateline_end(body: str) -> int:
    """Where the dateline opening the body ends, 0 when the body opens with none.

    >>> dateline_end("HAIKOU -- Hainan will build"), dateline_end("Hyderabad: The state"), dateline_end("Under it, we: Do")
    (10, 11, 0)
    """
    found = DATELINE.match(body)
    return found.end() if found else 0


def dateline_span(body: str) -> tuple[int, int]:
    """(start, end) of the dateline opening the body or its second paragraph, (0, 0) when neither opens with one.

    >>> dateline_span("HAIKOU -- Hainan will build"), dateline_span("Hyderabad: The state"), dateline_span("Under it, we: Do")
    ((0, 10), (0, 11), (0, 0))
    >>> dateline_span("The state plans hubs.\\n\\nChennai: Tamil Nadu unveiled a policy.")
    (23, 32)
    """
    end = dateline_end(body)
    if end:
        return 0, end
    second = body.find("\n\n") + 2
    found = DATELINE.match(body, second) if second > 1 else None
    return (second, found.end()) if found else (0, 0)


def without_dateline_places(jur: list[Mention], body: str) -> list[Mention]:
    """The body's places less those of its opening dateline, when the first sentence names another place after it
    (else the dateline's place is all the sentence has, and it is kept: 'SHENZHEN -- The city will ...').

    >>> body = "Hyderabad: The Telangana government will attract 500 startups."
    >>> [m.entity_name for m in without_dateline_places([Mention("jurisdiction", "Hyderabad", "Hyderabad", 0, 9),
    ...                                                  Mention("jurisdiction", "Telangana", "Telangana", 15, 24)], body)]
    ['Telangana']
    """
    start, end = dateline_span(body)
    if not end:
        return jur
    stop = SENTENCE_STOP.search(body, end)
    sentence_end = stop.start() if stop else len(body)
    inside = [m for m in jur if start <= m.char_start < end]
    named_after = {m.entity_name for m in jur if end <= m.char_start < sentence_end}
    if not inside or not named_after - {m.entity_name for m in inside}:
        return jur
    return [m for m in jur if not start <= m.char_start < end]
