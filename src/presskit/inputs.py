"""Inputs of a batch: paths, folders, globs, WARC and JSONL files, stdin → :class:`Source` items.

Everything here is lazy: sources are yielded one by one, files are read by whoever
processes the source (a worker process, in a parallel run), and archives are read
record by record, so a corpus of any size goes through in flat memory.

A problem with one input (a missing file, a broken JSON line, a damaged WARC) never
raises here: it becomes a source whose :meth:`Source.read` raises an
:class:`ExtractionError` naming it, so that it is reported like any other bad input.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, cast

import attrs

from presskit.api import read_file
from presskit.document import Kind
from presskit.errors import ExtractionError

__all__ = [
    "ARCHIVE_SUFFIXES",
    "INPUT_SUFFIXES",
    "JSONL_SUFFIXES",
    "PAGE_SUFFIXES",
    "WARC_SUFFIXES",
    "Source",
    "iter_items",
    "iter_jsonl",
    "iter_sources",
    "iter_stdin",
    "iter_warc",
]

PAGE_SUFFIXES = (".html", ".htm", ".txt")
"""File endings of single pages (each also as ``.gz``)."""

WARC_SUFFIXES = (".warc",)
"""File endings of WARC archives (also as ``.warc.gz``)."""

JSONL_SUFFIXES = (".jsonl", ".ndjson")
"""File endings of JSON Lines files of ``{url, html}`` / ``{url, text}`` records (also ``.gz``)."""

ARCHIVE_SUFFIXES = WARC_SUFFIXES + JSONL_SUFFIXES
"""Files that hold many documents."""

INPUT_SUFFIXES = PAGE_SUFFIXES + ARCHIVE_SUFFIXES
"""File endings picked up when walking a folder (each also as ``.gz``)."""

_GLOB_CHARS = frozenset("*?[")
_GZIP_MAGIC = b"\x1f\x8b"
# Response records worth extracting: pages, not images, scripts or style sheets.
_WARC_RECORD_TYPES = ("response", "resource")
_WARC_CONTENT_TYPES = ("html", "text/plain")


@attrs.frozen(kw_only=True)
class Source:
    """One input of a batch: where it comes from and how to read its bytes.

    Sources are small and picklable: a file source carries its path only, so that
    worker processes read the files themselves.
    """

    label: str
    """How records and errors name the input (a path, ``<stdin>``, ``crawl.warc.gz@1234``…)."""

    path: str | None = None
    """File to read, when the input is a file."""

    data: bytes | str | None = attrs.field(default=None, repr=False)
    """The content itself, when it was read already (stdin, archives, API items)."""

    url: str | None = None
    """URL of the page, when known."""

    kind: Kind | None = None
    """``"html"`` or ``"text"`` when the input says which (JSONL records); sniffed otherwise."""

    problem: str | None = None
    """Why the input cannot be read at all (a broken JSON line…); reading it raises."""

    def read(self) -> bytes | str:
        """The content of the input; :class:`ExtractionError` naming it when it cannot be read."""
        if self.problem is not None:
            raise ExtractionError(self.problem, input=self.label)
        if self.data is not None:
            return self.data
        if self.path is None:
            raise ExtractionError("the input has no content", input=self.label)
        return read_file(self.path)

    @property
    def size(self) -> int:
        """Bytes held in memory by this source (0 for a file not read yet)."""
        return len(self.data) if self.data is not None else 0


def _suffix_of(path: str) -> str:
    name = path.lower().removesuffix(".gz")
    return name[name.rfind(".") :] if "." in name else ""


def _is_input_file(name: str) -> bool:
    return _suffix_of(name) in INPUT_SUFFIXES


def _path_sources(path: Path, url: str | None) -> Iterator[Source]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if _is_input_file(name):
                    yield from _file_sources(os.path.join(root, name), url=None)  # noqa: PTH118 - a str is what Source keeps
        return
    yield from _file_sources(str(path), url=url)


def _file_sources(name: str, url: str | None) -> Iterator[Source]:
    suffix = _suffix_of(name)
    if suffix in WARC_SUFFIXES:
        yield from iter_warc(name)
    elif suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(name)
    else:
        yield Source(label=name, path=name, url=url)


def iter_sources(paths: Iterable[str], *, url: str | None = None) -> Iterator[Source]:
    """Expand command-line paths into sources, lazily and in a stable order.

    * a folder is walked recursively (sorted) for pages (``.html``, ``.htm``, ``.txt``),
      WARC files and JSONL files, each also gzipped;
    * a glob pattern (``dumps/**/*.txt``) is expanded, sorted;
    * a WARC file gives one source per HTML response record, with its target URL;
    * a JSONL file gives one source per ``{url, html}`` or ``{url, text}`` record;
    * ``-`` reads standard input (see :func:`iter_stdin`);
    * any other path is one page; ``url`` applies to it.

    A path that does not exist still yields a source, whose reading fails with an
    error naming it.
    """
    for raw in paths:
        if raw == "-":
            yield from iter_stdin(url=url)
            continue
        path = Path(raw)
        if not path.exists() and _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))  # noqa: PTH207 - patterns may be absolute
            if not matches:
                yield Source(label=raw, problem="no file matches this pattern")
            for match in matches:
                yield from _path_sources(Path(match), url=None)
            continue
        yield from _path_sources(path, url)


# -- WARC ------------------------------------------------------------------------------


def _is_page_record(record: Any) -> bool:
    if record.rec_type not in _WARC_RECORD_TYPES:
        return False
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False  # redirects and errors carry no page
        content_type = (headers.get_header("Content-Type") or "").lower()
    else:
        content_type = (record.rec_headers.get_header("Content-Type") or "").lower()
    return not content_type or any(kind in content_type for kind in _WARC_CONTENT_TYPES)


def _warc_records(stream: IO[bytes], label: str) -> Iterator[Source]:
    # Imported here: warcio costs every process that starts presskit a few milliseconds.
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    offset: int | None = None
    try:
        for record in records:
            if not _is_page_record(record):
                offset = records.get_record_offset()
                continue
            # The content first: asking for the offset reads past it.
            data = record.content_stream().read()
            offset = records.get_record_offset()
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            yield Source(label=f"{label}@{offset}", data=data, url=url)
    except Exception as exc:  # noqa: BLE001 - any damage ends this archive, not the run
        where = "at its start" if offset is None else f"after the record at offset {offset}"
        yield Source(label=label, problem=f"damaged WARC data {where}: {type(exc).__name__}: {exc}")


def iter_warc(path: str) -> Iterator[Source]:
    """One source per page record of a WARC file (``.warc`` or ``.warc.gz``).

    Response and resource records with a 2xx status and an HTML or plain-text content
    type are kept (images, scripts, redirects are skipped); each source is labelled
    ``FILE@OFFSET`` (the record's byte offset) and carries the record's target URL.
    """
    try:
        stream = Path(path).open("rb")  # noqa: SIM115 - closed below, after the generator ends
    except OSError as exc:
        yield Source(label=path, problem=f"cannot read the file: {exc.strerror or exc}")
        return
    with stream:
        yield from _warc_records(stream, path)


# -- JSON Lines ------------------------------------------------------------------------


def _record_source(record: object, label: str) -> Source:
    if not isinstance(record, Mapping):
        return Source(label=label, problem="a JSONL record must be an object with 'html' or 'text'")
    url = record.get("url")
    url = url if isinstance(url, str) and url else None
    for key in ("html", "text"):
        content = record.get(key)
        if isinstance(content, str):
            kind: Kind = "html" if key == "html" else "text"
            return Source(label=label, data=content, url=url, kind=kind)
    return Source(label=label, url=url, problem="the record has no 'html' or 'text' string")


def _jsonl_records(lines: Iterable[bytes], label: str) -> Iterator[Source]:
    number = 0
    try:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{label}:{number}"
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield Source(label=where, problem=f"not a JSON line: {exc}")
                continue
            yield _record_source(record, where)
    except (OSError, EOFError) as exc:
        yield Source(label=f"{label}:{number + 1}", problem=f"cannot read past this line: {exc}")


def iter_jsonl(path: str) -> Iterator[Source]:
    """One source per ``{url, html}`` or ``{url, text}`` line of a JSON Lines file (or ``.gz``).

    Sources are labelled ``FILE:LINE``; a line that is not such a record becomes a
    failing source naming the line.
    """
    try:
        stream = cast(IO[bytes], gzip.open(path) if path.endswith(".gz") else Path(path).open("rb"))  # noqa: SIM115
    except OSError as exc:
        yield Source(label=path, problem=f"cannot read the file: {exc.strerror or exc}")
        return
    with stream:
        yield from _jsonl_records(stream, path)


# -- stdin -----------------------------------------------------------------------------


def _peekable(stream: IO[bytes]) -> io.BufferedReader:
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(cast(io.RawIOBase, stream))


def iter_stdin(*, url: str | None = None, stream: IO[bytes] | None = None) -> Iterator[Source]:
    """Sources from standard input, whose content is sniffed.

    A WARC stream (``WARC/`` or gzipped) gives its page records, JSON Lines (the first
    character is ``{``) give one source per record, anything else is one page labelled
    ``<stdin>`` to which ``url`` applies.
    """
    raw = stream if stream is not None else sys.stdin.buffer
    reader = _peekable(raw)
    if reader.peek(2)[:2] == _GZIP_MAGIC:
        reader = _peekable(cast(IO[bytes], gzip.GzipFile(fileobj=reader)))
    head = reader.peek(64)[:64]
    label = "<stdin>"
    if head.startswith(b"WARC/"):
        yield from _warc_records(reader, label)
    elif head.lstrip().startswith(b"{"):
        yield from _jsonl_records(reader, label)
    else:
        try:
            data = reader.read()
        except (OSError, EOFError) as exc:
            yield Source(label=label, problem=f"cannot read standard input: {exc}")
            return
        yield Source(label=label, data=data, url=url)


# -- Python items ----------------------------------------------------------------------


def iter_items(items: Iterable[object]) -> Iterator[Source]:
    """Sources from the items given to :func:`presskit.extract_many`.

    Each item may be a :class:`Source`; a mapping with ``html`` or ``text`` (and
    optionally ``url`` and ``input``, the label); ``bytes`` (one page); or a path
    (``str`` or ``os.PathLike``), expanded like command-line paths (folders, globs,
    WARC and JSONL files).
    """
    for number, item in enumerate(items):
        if isinstance(item, Source):
            yield item
        elif isinstance(item, Mapping):
            label = item.get("input") or item.get("url") or f"<item {number}>"
            yield _record_source(item, str(label))
        elif isinstance(item, (bytes, bytearray)):
            yield Source(label=f"<item {number}>", data=bytes(item))
        elif isinstance(item, (str, os.PathLike)):
            yield from iter_sources([os.fspath(item)])
        else:
            yield Source(
                label=f"<item {number}>",
                problem=f"cannot read a {type(item).__name__}: give a path, bytes, a Source "
                "or a mapping with 'html' or 'text'",
            )
