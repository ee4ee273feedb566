"""Raw files -> RawDocument records: formats, compression, encodings and bad input.

Every file under the raw folder is read; nothing here raises for bad input. A file that
cannot be read becomes a RawDocument with status 'failed' and an error a person can act on,
one with no content becomes 'empty'.
"""
from __future__ import annotations

import hashlib
import json
import re
import os
import time
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from charset_normalizer import from_bytes

from pipelines.ingest.listing import not_regular
from pipelines.records import RawDocument

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl",
                 ".ndjson": "jsonl"}
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
DECLARED_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9][\w.:-]*)""", re.I)
MAX_FILE_BYTES = 200_000_000  # a raw file (or a gzip's content) larger than this is quarantined unread
READ_SECONDS = 60.0  # a file still being read after this long (a hung network drive) is quarantined
READ_CHUNK = 4 * 2**20  # bytes per read call; the time bound is checked between calls
MAX_CONTROL_SHARE = 0.02  # more control characters than this: binary, not a page
WESTERN_MAX_NON_ASCII = 0.1  # share of non-ASCII bytes under which a non-UTF-8 page is read as cp1252


def content_hash(data: bytes) -> str:
    """The document id: SHA-256 of the page bytes.

    >>> content_hash(b"abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(data).hexdigest()


def file_format(path: Path) -> tuple[str, bool]:
    """('txt'|'html'|'jsonl'|'unknown', gzipped) from the file name."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] in (".gz", ".gzip")
    inner = suffixes[-2] if gz and len(suffixes) > 1 else (suffixes[-1] if suffixes and not gz else "")
    return TEXT_SUFFIXES.get(inner, "unknown"), gz


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text and the encoding used: a BOM first, then UTF-8, a declared charset, then detection.

    >>> decode_bytes("Le café est prêt pour la réunion de demain matin.".encode("cp1252"))
    ('Le café est prêt pour la réunion de demain matin.', 'cp1252')
    >>> decode_bytes("\\ufeffhi".encode("utf-16"))
    ('hi', 'utf-16')
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec.replace("-sig", "")
            except UnicodeDecodeError:
                if codec.startswith("utf-16") or codec.startswith("utf-32"):  # a truncated last character
                    return data.decode(codec, errors="replace").lstrip("\ufeff"), codec
                data = data[len(bom):]  # a UTF-8 BOM in front of other bytes: detect as if it were not there
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if codec := _utf16_without_bom(data):
        return data.decode(codec, errors="replace"), codec
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    if sum(b > 127 for b in data[:200_000]) <= WESTERN_MAX_NON_ASCII * min(len(data), 200_000):
        try:  # mostly ASCII with a few accents or curly quotes: a Western page (cp1252 is a superset of latin-1)
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes sit in every other position, as in BOM-less UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # not tab, newline, form feed, return


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NUL bytes outside UTF-16/32, control noise)."""
    sample = data[:65536]
    if not sample or any(sample.startswith(bom) for bom, _ in BOMS) or _utf16_without_bom(sample):
        return False
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))  # C speed: bytes deleted = controls
    return b"\x00" in sample or controls / len(sample) > MAX_CONTROL_SHARE


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (<meta charset=…> or http-equiv content).

    >>> _declared_charset(b'<meta charset="windows-1251"><title>x</title>')
    'windows-1251'
    """
    match = DECLARED_CHARSET.search(data[:4096].decode("ascii", errors="ignore"))
    return match.group(1).lower() if match else None


def failed_document(doc_id: str, rel: str, fmt: str, size: int, error: str) -> RawDocument:
    """A quarantined document; its id is kept apart from a good page with the same bytes."""
    return RawDocument(content_hash(f"unreadable:{doc_id}".encode()), rel, fmt, size, status="failed", error=error)


def _page(data: bytes, rel: str, fmt: str, size: int, is_html: bool, url=None, fetched_at=None) -> RawDocument:
    """A decoded page, or a failed/empty record saying why not."""
    doc_id = content_hash(data)
    if not data.strip():
        return RawDocument(doc_id, rel, fmt, size, text="", status="empty",
                           error="The file is empty (no bytes or only whitespace); re-scrape the page or delete the file.")
    if looks_binary(data):
        return failed_document(doc_id, rel, fmt, size, "The file holds binary data, not text or HTML; check that the scraper "
                                               "saved the page and not an image, PDF or archive.")
    text, encoding = decode_bytes(data, _declared_charset(data) if is_html else None)
    if not is_html:
        is_html = text.lstrip()[:200].lower().startswith(("<!doctype html", "<html", "<?xml", "<head", "<body"))
    return RawDocument(doc_id, rel, fmt, size, text=text, url=url, fetched_at=fetched_at, is_html=is_html,
                       encoding=encoding)


def _jsonl_pages(data: bytes, rel: str, size: int) -> Iterator[RawDocument]:
    """One document per line of scraper output: {"url", "html" | "text", "fetched_at"?}."""
    for n, raw_line in enumerate(data.splitlines(), start=1):
        if not raw_line.strip():
            continue
        where = f"{rel}#L{n}"
        try:
            obj = json.loads(raw_line)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, huge numbers, deep nesting
            yield failed_document(content_hash(raw_line), where, "jsonl", len(raw_line),
                          f"Line {n} is not valid JSON ({exc.__class__.__name__}: {exc}); fix or drop that line.")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("html") or obj.get("text"), str):
            yield failed_document(content_hash(raw_line), where, "jsonl", len(raw_line),
                          f"Line {n} has no 'html' or 'text' string field; each line must be an object with "
                          "'url' and 'html' or 'text'.")
            continue
        is_html = isinstance(obj.get("html"), str)
        body = (obj.get("html") if is_html else obj.get("text")).encode("utf-8")
        fetched = _parse_timestamp(obj.get("fetched_at"))
        yield _page(body, where, "jsonl-html" if is_html else "jsonl-text", len(raw_line), is_html,
                    url=obj.get("url") if isinstance(obj.get("url"), str) else None, fetched_at=fetched)


def _parse_timestamp(value) -> datetime | None:
    """An ISO timestamp from scraper output, naive UTC-less; None when absent or unreadable."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def _gunzip(stored: bytes) -> bytes:
    """Decompress gzip data, refusing more than MAX_FILE_BYTES of output (a gzip bomb)."""
    out, rest = [], stored
    total = 0
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        chunk = inflater.decompress(rest, MAX_FILE_BYTES + 1 - total)
        total += len(chunk)
        if total > MAX_FILE_BYTES or inflater.unconsumed_tail:
            raise ValueError(f"The gzip data expands to more than {MAX_FILE_BYTES / 1e6:.0f} MB; split it into one "
                             "file per page.")
        if not inflater.eof:
            raise EOFError("compressed file ended before the end-of-stream marker was reached")
        out.append(chunk)
        rest = inflater.unused_data.lstrip(b"\x00")  # concatenated members, as gzip allows
    return b"".join(out)


class UnreadableFile(ValueError):
    """A raw file that is not read: not a regular file, too large, or too slow; the message says what to do."""

    def __init__(self, message: str, size: int = 0):
        super().__init__(message)
        self.size = size


def oversize_error(size: int) -> str | None:
    """Why a raw file of `size` bytes is not read (None when it may be).

    >>> oversize_error(10) is None, oversize_error(MAX_FILE_BYTES + 1)[:16]
    (True, 'The file is 200 ')
    """
    if size <= MAX_FILE_BYTES:
        return None
    return (f"The file is {size / 1e6:.0f} MB, more than the {MAX_FILE_BYTES / 1e6:.0f} MB "
            "a raw file may hold; split it into one file per page (or one .jsonl line per page).")


def read_regular_file(path: Path, seconds: float | None = None) -> bytes:
    """The bytes of a regular file; never blocks on a FIFO or device, and gives up after `seconds` (READ_SECONDS).

    The file is opened without blocking and checked through its open descriptor, so an entry
    replaced by a named pipe after the folder was listed is refused, not waited on.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); os.mkfifo(d / "pipe.txt")
    >>> read_regular_file(d / "pipe.txt")
    Traceback (most recent call last):
    ...
    pipelines.ingest.reader.UnreadableFile: The file is a named pipe (FIFO), not a regular file, and a run reads only regular files; save the page as a file or move this entry out of the raw folder.
    """
    seconds = READ_SECONDS if seconds is None else seconds
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if error := not_regular(info.st_mode):
            raise UnreadableFile(error)
        if error := oversize_error(info.st_size):
            raise UnreadableFile(error, info.st_size)
        chunks, total, started = [], 0, time.monotonic()
        while chunk := os.read(fd, READ_CHUNK):
            chunks.append(chunk)
            total += len(chunk)
            if time.monotonic() - started >= seconds:
                raise UnreadableFile(f"Reading the file took longer than {seconds:.0f} s ({total / 1e6:.1f} MB read); "
                                     "a slow or unresponsive drive? Copy the file to a local disk or check the mount.",
                                     info.st_size)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_file(path: Path, raw_dir: Path) -> list[RawDocument]:
    """Read one raw file into its documents (one, or one per line of a .jsonl file).

    >>> import tempfile; d = Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_bytes(b"")
    >>> read_file(d / "a.txt", d)[0].status
    'empty'
    """
    rel = path.relative_to(raw_dir).as_posix()
    fmt, gz = file_format(path)
    label = f"{fmt}.gz" if gz else fmt
    try:
        stored = read_regular_file(path)
    except UnreadableFile as exc:
        return [failed_document(content_hash(f"{rel}:{exc.size}".encode()), rel, label, exc.size, str(exc))]
    except OSError as exc:
        doc = failed_document(content_hash(rel.encode()), rel, label, 0,
                      f"The file could not be read ({exc.strerror or exc}); check its permissions.")
        doc.retry = True
        return [doc]
    return read_bytes(stored, rel)


def read_bytes(stored: bytes, rel: str) -> list[RawDocument]:
    """The documents of a raw file's bytes as stored (gzipped or not), named `rel`: what read_file does once it has
    the bytes, for an engine that reads them itself (Spark's binaryFile source, any filesystem Spark reads).

    >>> [(d.source_file, d.source_format, d.status) for d in read_bytes(b"<html><p>Hi</p></html>", "a/page.html")]
    [('a/page.html', 'html', 'parsed')]
    """
    fmt, gz = file_format(Path(rel))
    label = f"{fmt}.gz" if gz else fmt
    data = stored
    if gz:
        try:
            data = _gunzip(stored)
        except ValueError as exc:
            return [failed_document(content_hash(stored), rel, label, len(stored), str(exc))]
        except (OSError, EOFError, zlib.error) as exc:
            return [failed_document(content_hash(stored), rel, label, len(stored),
                            f"The gzip data is truncated or corrupt ({exc}); re-download or re-compress the file.")]
    if fmt == "jsonl":
        return list(_jsonl_pages(data, rel, len(stored))) or [
            RawDocument(content_hash(data), rel, label, len(stored), text="", status="empty",
                        error="The .jsonl file has no lines; re-run the scraper or delete the file.")]
    doc = _page(data, rel, label, len(stored), is_html=(fmt == "html"))
    if fmt == "unknown" and doc.status == "parsed":
        doc.source_format = "html" if doc.is_html else "txt"
    return [doc]
