"""A documentation page's title in a text dump: the first heading with a generator's permalink mark (invented pages)."""
from __future__ import annotations

from pipelines.parse.rules import text_rules
from pipelines.parse.text_page import parse_text, read_lines
from pipelines.parse.text_title import anchored_title

INTRO = ("This module reads and writes the sprocket file format, a plain text format that lists each sprocket of a "
         "gearbox with its teeth, its pitch and the shaft it turns on.")
USAGE = ("Call load with an open file to read a gearbox, and dump with a gearbox and an open file to write it back; "
         "both keep the order of the sprockets as the file lists them.")


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_first_heading_with_a_permalink_mark_is_the_title_under_the_docs_navigation():
    page = _page("Navigation", "index", "modules", "next", "previous", "Gearbox Library »", "Data Formats »",
                 "sprockets — Sprocket file reader and writer¶", INTRO, "Basic Usage¶", USAGE, "Options¶", USAGE)
    title = parse_text(page)[0].title
    assert title.startswith("sprockets — Sprocket file reader and writer")
    assert title not in ("Data Formats »", "Gearbox Library »", "Basic Usage¶")


def test_a_section_heading_with_a_mark_under_the_story_start_is_no_title():
    lines = read_lines(_page("Gearbox Library", "Sprocket files", INTRO, "Basic Usage¶", USAGE), text_rules())
    assert anchored_title(lines, 2) is None


def test_a_page_without_permalink_marks_has_no_anchored_title():
    lines = read_lines(_page("Gearbox Library", "Sprocket files", INTRO, "Basic Usage", USAGE), text_rules())
    assert anchored_title(lines, 2) is None
