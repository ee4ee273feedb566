"""read_file / ingest_raw / parse_document on every kind of raw file a scraper can leave behind.

Each case writes its own file into tmp_path. A bad file must come out as status 'failed' or
'empty' with an error a person can act on, and must never raise.
"""
from __future__ import annotations

import gzip
import json
import random
import re
from pathlib import Path

import duckdb
import pytest

from pipelines.lifecycle.failures import UserError
from pipelines.ingest.listing import handed_over, raw_listing
from pipelines.ingest.reader import read_file
from pipelines.load.loader import ensure_schema
from pipelines.parse.page import parse_document
from pipelines.stages import ingest_raw, parse_documents

TITLE = "Harbour board approves new ferry terminal"
BODY = "The harbour board approved a new ferry terminal on Tuesday after two years of debate about its cost and design."
PAGE = f"{TITLE}\n\nMarkets·May 3, 2022\n\n{BODY}\n"
ACCENTED = ("Café owners in Brückenfeld say the new ferry terminal – due in 2025 – will bring more visitors to the "
            "old town square every summer.")
HTML = (f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"<p>{BODY}</p></article></body></html>")


def _sentence(error: str | None) -> bool:
    """An error a person can act on: a capitalised sentence of several words ending with a full stop."""
    return bool(error) and error[0].isupper() and error.rstrip().endswith(".") and len(error.split()) >= 6 \
        and "Traceback" not in error


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- bad files

BAD_FILES = {
    "empty.txt": (lambda: b"", "empty"),
    "whitespace_only.txt": (lambda: b"  \n\t\r\n   \n", "empty"),
    "binary_noise.txt": (lambda: random.Random(0).randbytes(8192), "failed"),
    "binary_noise.html": (lambda: random.Random(1).randbytes(8192), "failed"),
    "truncated.txt.gz": (lambda: gzip.compress(PAGE.encode("utf-8") * 20, mtime=0)[:-40], "failed"),
    "corrupt.html.gz": (lambda: b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + random.Random(2).randbytes(300), "failed"),
    "not_gzip_at_all.txt.gz": (lambda: ("Plain text saved under a .gz name.\n\n" + PAGE).encode("utf-8"), "failed"),
    "empty.jsonl": (lambda: b"\n\n", "empty"),
    "gzipped_empty.txt.gz": (lambda: gzip.compress(b"", mtime=0), "empty"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_quarantined_with_an_actionable_error(tmp_path, name):
    make, status = BAD_FILES[name]
    path = _write(tmp_path, name, make())
    docs = read_file(path, tmp_path)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.source_file == name
    assert doc.status == status
    assert _sentence(doc.error), doc.error
    assert re.fullmatch(r"[0-9a-f]{64}", doc.document_id)
    stories, parse_status, error = parse_document(doc)
    assert (stories, parse_status, error) == ([], status, doc.error)


def test_unreadable_file_is_failed_not_raised(tmp_path):
    path = tmp_path / "a_folder.txt"
    path.mkdir()  # reading a directory raises IsADirectoryError inside read_file
    [doc] = read_file(path, tmp_path)
    assert doc.status == "failed" and _sentence(doc.error)


# ---------------------------------------------------------------- files that decode

DECODABLE = {
    # name: (bytes, phrase that must be in the decoded text, encoding, is_html, format)
    "utf8.txt": (lambda: PAGE.encode("utf-8"), BODY, "utf-8", False, "txt"),
    "utf8_bom.txt": (lambda: ("\ufeff" + PAGE).encode("utf-8"), BODY, "utf-8", False, "txt"),
    "utf16_le_bom.txt": (lambda: ("\ufeff" + PAGE + ACCENTED).encode("utf-16-le"), ACCENTED, "utf-16", False, "txt"),
    "utf16_be_bom.txt": (lambda: ("\ufeff" + PAGE + ACCENTED).encode("utf-16-be"), ACCENTED, "utf-16", False, "txt"),
    "utf16_le_no_bom.txt": (lambda: (PAGE + ACCENTED).encode("utf-16-le"), ACCENTED, "utf-16-le", False, "txt"),
    "utf16_be_no_bom.txt": (lambda: (PAGE + ACCENTED).encode("utf-16-be"), ACCENTED, "utf-16-be", False, "txt"),
    "cp1252.txt": (lambda: (PAGE + "\n" + ACCENTED + " “Quoted,” they said.").encode("cp1252"), "“Quoted,” they said.",
                   "cp1252", False, "txt"),
    "page.txt.gz": (lambda: gzip.compress(PAGE.encode("utf-8"), mtime=0), BODY, "utf-8", False, "txt.gz"),
    "page.html.gz": (lambda: gzip.compress(HTML.encode("utf-8"), mtime=0), BODY, "utf-8", True, "html.gz"),
    "page.htm": (lambda: HTML.encode("utf-8"), BODY, "utf-8", True, "html"),
    "saved_page.dat": (lambda: HTML.encode("utf-8"), BODY, "utf-8", True, "html"),
    "no_extension": (lambda: PAGE.encode("utf-8"), BODY, "utf-8", False, "txt"),
    "latin1_declared.html": (lambda: HTML.replace("<head>", '<head><meta charset="iso-8859-1" />').replace(
        "</p>", f" {ACCENTED}</p>").encode("latin-1", errors="replace"), "Brückenfeld", None, True, "html"),
}


@pytest.mark.parametrize("name", sorted(DECODABLE))
def test_file_decodes_and_parses(tmp_path, name):
    make, phrase, encoding, is_html, fmt = DECODABLE[name]
    path = _write(tmp_path, name, make())
    [doc] = read_file(path, tmp_path)
    assert doc.status == "parsed" and doc.error is None
    assert phrase in doc.text
    assert "\ufeff" not in doc.text and "\x00" not in doc.text and "\ufffd" not in doc.text
    if encoding:
        assert doc.encoding == encoding
    assert doc.is_html is is_html
    assert doc.source_format == fmt
    assert doc.byte_size == path.stat().st_size
    stories, status, error = parse_document(doc)
    assert (status, error) == ("parsed", None)
    assert stories[0].role == "main" and stories[0].title == TITLE
    assert BODY in stories[0].body
    assert all(s.story_key for s in stories)


CYRILLIC_BODY = ("<p>The harbour board of the port city met on Tuesday and approved the new ferry terminal after two long "
                 "years of debate about its cost, its design and its place on the waterfront. Residents call it "
                 "Причал.</p>")


def test_declared_charset_with_space_before_the_next_tag(tmp_path):
    page = f'<html><head><meta charset="windows-1251" /><title>Ferry</title></head><body>{CYRILLIC_BODY}</body></html>'
    [doc] = read_file(_write(tmp_path, "ru.html", page.encode("cp1251")), tmp_path)
    assert doc.status == "parsed" and "Причал" in doc.text


@pytest.mark.parametrize("head", [
    '<meta charset="windows-1251"><title>Ferry</title>',
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>',
])
def test_declared_charset_directly_followed_by_a_tag(tmp_path, head):
    page = f"<html><head>{head}</head><body>{CYRILLIC_BODY}</body></html>"
    [doc] = read_file(_write(tmp_path, "ru.html", page.encode("cp1251")), tmp_path)
    assert doc.status == "parsed" and "Причал" in doc.text


def test_utf16_page_parses_like_the_utf8_page(tmp_path):
    [utf8] = read_file(_write(tmp_path, "a.txt", PAGE.encode("utf-8")), tmp_path)
    [utf16] = read_file(_write(tmp_path, "b.txt", PAGE.encode("utf-16")), tmp_path)
    assert utf16.text == utf8.text
    a, b = parse_document(utf8)[0], parse_document(utf16)[0]
    assert [(s.title, s.body, s.published_at, s.story_key) for s in a] == \
           [(s.title, s.body, s.published_at, s.story_key) for s in b]


# ---------------------------------------------------------------- jsonl

def test_jsonl_good_lines_survive_broken_ones(tmp_path):
    lines = [
        json.dumps({"url": "https://www.harbour.example/news/1", "text": PAGE, "fetched_at": "2024-01-02T03:04:05Z"}),
        '{"url": "https://www.harbour.example/news/2", "text": "unterminated',
        json.dumps({"url": "https://www.harbour.example/news/3"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"url": "https://www.harbour.example/news/5", "html": HTML}),
        json.dumps({"url": 42, "text": 7}),
    ]
    path = _write(tmp_path, "scrape.jsonl", "\n".join(lines).encode("utf-8"))
    docs = read_file(path, tmp_path)
    by_line = {d.source_file: d for d in docs}
    assert sorted(by_line) == [f"scrape.jsonl#L{n}" for n in (1, 2, 3, 4, 6, 7)]
    good = by_line["scrape.jsonl#L1"]
    assert (good.status, good.source_format, good.url, good.is_html) == \
           ("parsed", "jsonl-text", "https://www.harbour.example/news/1", False)
    assert good.fetched_at is not None and good.fetched_at.year == 2024 and good.fetched_at.tzinfo is None
    html = by_line["scrape.jsonl#L6"]
    assert (html.status, html.source_format, html.is_html) == ("parsed", "jsonl-html", True)
    for n in (2, 3, 4, 7):
        bad = by_line[f"scrape.jsonl#L{n}"]
        assert bad.status == "failed" and _sentence(bad.error) and f"Line {n}" in bad.error, bad.error
        assert parse_document(bad) == ([], "failed", bad.error)
    stories, status, _ = parse_document(good)
    assert status == "parsed" and stories[0].title == TITLE
    assert stories[0].url == "https://www.harbour.example/news/1"
    assert stories[0].source_site == "harbour.example"
    stories, status, _ = parse_document(html)
    assert status == "parsed" and BODY in stories[0].body


# ---------------------------------------------------------------- size and depth

def test_large_text_file_is_read_whole(tmp_path):
    paragraph = "The harbour board met again on Tuesday to discuss the cost of the new ferry terminal.\n\n"
    data = (TITLE + "\n\n" + paragraph * (30_000_000 // len(paragraph))).encode("utf-8")
    path = _write(tmp_path, "huge.txt", data)
    [doc] = read_file(path, tmp_path)
    assert doc.status == "parsed" and doc.byte_size >= 29_000_000 and len(doc.text) == len(data)


def test_large_text_document_parses(tmp_path):
    """A 1.5 MB page still gives one story (its parse time is measured by `make bench`, not here)."""
    paragraph = "The harbour board met again on Tuesday to discuss the cost of the new ferry terminal.\n\n"
    path = _write(tmp_path, "big.txt", (TITLE + "\n\n" + paragraph * (1_500_000 // len(paragraph))).encode("utf-8"))
    [doc] = read_file(path, tmp_path)
    stories, status, error = parse_document(doc)
    assert (status, error) == ("parsed", None) and stories[0].title == TITLE


def test_deeply_nested_html_does_not_crash(tmp_path):
    page = "<html><body>" + "<div>" * 5000 + f"<h1>{TITLE}</h1><p>{BODY}</p>" + "</div>" * 5000 + "</body></html>"
    [doc] = read_file(_write(tmp_path, "deep.html", page.encode("utf-8")), tmp_path)
    assert doc.status == "parsed" and doc.is_html
    stories, status, error = parse_document(doc)
    assert status in ("parsed", "failed", "empty")
    if status == "parsed":
        assert error is None and stories
    else:
        assert stories == [] and _sentence(error), error


# ---------------------------------------------------------------- ingest_raw into DuckDB

@pytest.fixture
def con():
    connection = duckdb.connect(":memory:")
    ensure_schema(connection)
    yield connection
    connection.close()


def _raw_folder(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    files = {name: make() for name, (make, _) in BAD_FILES.items()}
    files.update({f"good/{name}": make() for name, (make, *_rest) in DECODABLE.items()})
    files["copy_of_utf8.txt"] = DECODABLE["utf8.txt"][0]()  # same bytes as good/utf8.txt: one document
    for name, data in files.items():
        _write(raw, name, data)
    return raw


def test_ingest_raw_quarantines_bad_files_and_keeps_the_rest(tmp_path, con):
    raw = _raw_folder(tmp_path)
    ids = [d.document_id for f in sorted(raw.rglob("*")) if f.is_file() for d in read_file(f, raw)]
    result = ingest_raw(con, raw)
    assert result.files == len(BAD_FILES) + len(DECODABLE) + 1
    assert result.duplicates == len(ids) - len(set(ids)) >= 1
    assert result.new_documents == len(set(ids))
    docs = {r[0]: r[1:] for r in con.execute(
        "select source_file, read_status, read_error from raw.raw_documents").fetchall()}
    assert len(docs) == len(set(ids))
    assert sum(1 for f in docs if f in ("good/utf8.txt", "copy_of_utf8.txt")) <= 1  # same bytes: one document
    for name, (status, error) in docs.items():
        if status != "parsed":
            assert _sentence(error), name
    bad = {f for f, (status, _) in docs.items() if status != "parsed"}
    assert {"binary_noise.txt", "binary_noise.html", "truncated.txt.gz", "corrupt.html.gz",
            "not_gzip_at_all.txt.gz", "empty.jsonl"} <= bad
    assert {"good/utf16_le_bom.txt", "good/utf16_be_no_bom.txt", "good/cp1252.txt", "good/latin1_declared.html"} \
        <= {f for f in docs if f not in bad}
    # both files are remembered, so neither is read again
    same = {f for (f,) in con.execute("select file_path from raw.raw_files where document_id = "
                                      "(select document_id from raw.raw_files where file_path = 'copy_of_utf8.txt')"
                                      ).fetchall()}
    assert {"copy_of_utf8.txt", "good/utf8.txt", "good/no_extension"} <= same

    parsed = parse_documents(con, raw)
    statuses = dict(con.execute("select source_file, status from staging.stg_documents").fetchall())
    assert parsed.documents == len(docs)
    for name in bad:
        assert statuses[name] in ("failed", "empty")
    errors = con.execute("select error from staging.stg_documents where status <> 'parsed'").fetchall()
    assert errors and all(_sentence(e) for (e,) in errors)
    titles = {t for (t,) in con.execute("select title from staging.stg_stories where role = 'main'").fetchall()}
    assert TITLE in titles


def test_ingest_raw_twice_reads_nothing_new(tmp_path, con):
    raw = _raw_folder(tmp_path)
    ingest_raw(con, raw)
    before = con.execute("select * from raw.raw_documents order by document_id").fetchall()
    again = ingest_raw(con, raw)
    assert (again.files_read, again.new_documents, again.removed_documents) == (0, 0, 0)
    assert con.execute("select * from raw.raw_documents order by document_id").fetchall() == before


def test_ingest_raw_forgets_deleted_files(tmp_path, con):
    raw = tmp_path / "raw"
    _write(raw, "a.txt", PAGE.encode("utf-8"))
    _write(raw, "b.txt", PAGE.replace("Tuesday", "Wednesday").encode("utf-8"))
    ingest_raw(con, raw)
    parse_documents(con, raw)
    (raw / "b.txt").unlink()
    result = ingest_raw(con, raw)
    assert result.removed_documents == 1
    assert [r[0] for r in con.execute("select source_file from staging.stg_documents").fetchall()] == ["a.txt"]


def test_ingest_raw_reads_the_listing_handed_over_once_then_lists_again(tmp_path, con):
    raw = tmp_path / "raw"
    _write(raw, "a.txt", PAGE.encode("utf-8"))
    taken = raw_listing(raw)  # as the CLI's run-stamp check lists the folder before the run
    _write(raw, "b.txt", PAGE.replace("Tuesday", "Wednesday").encode("utf-8"))  # written after that listing
    with handed_over(raw, taken):
        first = ingest_raw(con, raw)
        second = ingest_raw(con, raw)
    assert (first.files, first.files_read) == (1, 1)  # the listing handed over: b.txt is not in it
    assert (second.files, second.files_read) == (2, 1)  # a second ingest (a retried step) lists the folder itself
    files = [r[0] for r in con.execute("select file_path from raw.raw_files order by 1").fetchall()]
    assert files == ["a.txt", "b.txt"]


def test_a_listing_handed_over_and_not_used_is_dropped(tmp_path, con):
    raw = tmp_path / "raw"
    _write(raw, "a.txt", PAGE.encode("utf-8"))
    with handed_over(raw, raw_listing(tmp_path / "empty")):  # a run that stopped before ingest
        pass
    assert ingest_raw(con, raw).files == 1


def test_ingest_raw_missing_folder_says_what_to_do(tmp_path, con):
    with pytest.raises(UserError, match="--raw-dir"):
        ingest_raw(con, tmp_path / "nope")


@pytest.mark.parametrize("line", [json.dumps({"url": "https://harbour.example/1", "text": PAGE}), "{broken json"],
                         ids=["same_page_twice", "same_broken_line_twice"])
def test_ingest_raw_jsonl_with_a_repeated_line(tmp_path, con, line):
    raw = tmp_path / "raw"
    _write(raw, "scrape.jsonl", f"{line}\n{line}\n".encode("utf-8"))
    result = ingest_raw(con, raw)
    assert result.files == 1
    assert con.execute("select count(*) from raw.raw_documents").fetchone()[0] == 1


def test_good_copy_of_bytes_that_failed_as_gzip_is_still_parsed(tmp_path, con):
    raw = tmp_path / "raw"
    _write(raw, "a_page.txt.gz", PAGE.encode("utf-8"))  # not gzipped although named .gz: failed
    _write(raw, "b_page.txt", PAGE.encode("utf-8"))  # the same bytes as a plain text page: fine
    ingest_raw(con, raw)
    parse_documents(con, raw)
    statuses = dict(con.execute("select source_file, status from staging.stg_documents").fetchall())
    assert statuses.get("b_page.txt") == "parsed", statuses


# ---------------------------------------------------------------- inputs that once took a whole run down

@pytest.mark.parametrize("name, data", [
    ("bom_then_cp1252.txt", b"\xef\xbb\xbf" + PAGE.replace("ferry", "caf\u00e9").encode("cp1252")),
    ("odd_length_utf16.txt", b"\xff\xfe" + PAGE.encode("utf-16-le") + b"x"),
], ids=["utf8_bom_before_cp1252", "utf16_bom_odd_length"])
def test_a_bom_in_front_of_other_bytes_never_raises(tmp_path, name, data):
    [doc] = read_file(_write(tmp_path, name, data), tmp_path)
    assert doc.status in ("parsed", "failed", "empty")
    assert doc.status != "parsed" or TITLE.split()[0] in doc.text


@pytest.mark.parametrize("line", ['{"url": "u", "text": ' + "1" * 5000 + "}", "[" * 100_000],
                         ids=["huge_number", "deep_nesting"])
def test_jsonl_lines_python_cannot_load_are_quarantined(tmp_path, line):
    good = json.dumps({"url": "https://harbour.example/2", "text": PAGE})
    docs = read_file(_write(tmp_path, "scrape.jsonl", f"{line}\n{good}\n".encode()), tmp_path)
    assert [d.status for d in docs] == ["failed", "parsed"]
    assert _sentence(docs[0].error) and "Line 1" in docs[0].error


def test_gzip_that_expands_past_the_limit_is_quarantined(tmp_path, monkeypatch):
    from pipelines.ingest import reader

    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 10_000)
    [doc] = read_file(_write(tmp_path, "bomb.txt.gz", gzip.compress(b"a" * 100_000)), tmp_path)
    assert doc.status == "failed" and _sentence(doc.error) and "expands" in doc.error


def test_concatenated_gzip_members_are_read_whole(tmp_path):
    data = gzip.compress(PAGE.encode()) + gzip.compress(b"\nA second member carries the rest of the page.\n")
    [doc] = read_file(_write(tmp_path, "two.txt.gz", data), tmp_path)
    assert doc.status == "parsed" and doc.text.endswith("rest of the page.\n")


def test_a_file_that_could_not_be_read_is_read_again_next_run(tmp_path, con, monkeypatch):
    raw = tmp_path / "raw"
    _write(raw, "locked.txt", PAGE.encode())
    from pipelines.ingest import reader

    real = reader.read_regular_file

    def locked(path, seconds=None):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path, seconds)

    monkeypatch.setattr(reader, "read_regular_file", locked)
    first = ingest_raw(con, raw)
    assert first.failed and "permissions" in first.failed[0][1]
    monkeypatch.setattr(reader, "read_regular_file", real)  # permissions fixed; the file itself did not change
    second = ingest_raw(con, raw)
    assert second.files_read == 1 and not second.failed
    parse_documents(con, raw)
    assert con.execute("select count(*) from staging.stg_stories where title = ?", [TITLE]).fetchone()[0] == 1


def test_an_unexpected_reader_error_quarantines_the_file_not_the_run(tmp_path, con, monkeypatch):
    from pipelines import stages

    raw = tmp_path / "raw"
    _write(raw, "a.txt", PAGE.encode())
    _write(raw, "b.txt", PAGE.replace(TITLE, "Second harbour story for the board").encode())
    real = stages.read_file

    def flaky(path, raw_dir):
        if path.name == "a.txt":
            raise RuntimeError("reader bug")
        return real(path, raw_dir)

    monkeypatch.setattr(stages, "read_file", flaky)
    result = ingest_raw(con, raw)
    assert result.new_documents == 2 and len(result.failed) == 1 and "reader bug" in result.failed[0][1]


def test_a_document_gone_from_its_file_before_parsing_stays_pending_and_is_read_again(tmp_path, con):
    from pipelines.lifecycle.buildstate import get_state
    from pipelines.stages import INPUT_STATE

    raw = tmp_path / "raw"
    _write(raw, "a.txt", PAGE.encode())
    _write(raw, "b.txt", PAGE.replace(TITLE, "Second harbour story for the board").encode())
    _write(raw, "b_copy.txt", PAGE.replace(TITLE, "Second harbour story for the board").encode())
    ingest_raw(con, raw)
    (raw / "a.txt").rename(raw / "archive_a.txt")  # a scraper archives the file between ingest and parse
    (raw / "b.txt").unlink()  # b's first file is gone, its copy is not
    result = parse_documents(con, raw)
    assert result.documents == 1 and len(result.unread) == 1  # b parsed from its copy; a left pending
    assert [r[0] for r in con.execute("select source_file from staging.stg_documents").fetchall()] == ["b.txt"]
    assert get_state(con, INPUT_STATE) == ""  # no run may be skipped until a is read again
    again = ingest_raw(con, raw)
    assert again.files_read >= 1
    parse_documents(con, raw)
    titles = {t for (t,) in con.execute("select title from staging.stg_stories where role = 'main'").fetchall()}
    assert TITLE in titles
