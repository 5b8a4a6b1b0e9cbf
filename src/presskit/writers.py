"""Output formats for batches of records: JSON Lines, JSON, CSV, Parquet.

Every writer streams: records are written as they come, nothing is held back but
the current one (Parquet: the current row group). A writer writes whole records
only, so an output cut short by an interrupt ends on a complete line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import IO, Any, Protocol, TextIO, cast

import attrs
import orjson

from presskit.article import Article
from presskit.errors import MissingExtra

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "CsvWriter",
    "JsonLinesWriter",
    "JsonWriter",
    "ParquetWriter",
    "RecordWriter",
    "check_format",
    "dumpb",
    "dumps",
    "make_writer",
]

_FIELDS = (*(field.name for field in attrs.fields(Article)), "input")


def dumps(record: Any) -> str:
    """One record as compact JSON, non-ASCII text kept as it is."""
    return orjson.dumps(record).decode()


def dumpb(record: Any) -> bytes:
    """:func:`dumps` as UTF-8 bytes, the form records travel and are written in.

    orjson encodes a record several times faster than the standard library (about 5
    against 30 microseconds for a 10 KB article), and gives bytes: in a batch with
    worker processes, the workers encode the records and the parent writes those bytes
    out as they are, never decoding or encoding them again.
    """
    return orjson.dumps(record)


def _is_binary(stream: object) -> bool:
    return isinstance(stream, (io.RawIOBase, io.BufferedIOBase))


class RecordWriter(Protocol):
    """Writes records one by one, then finishes the output on :meth:`close`."""

    def write(self, record: dict[str, Any]) -> None:
        """Write one record."""

    def close(self) -> None:
        """Finish the output (closing brackets…); the stream itself stays open."""


class JsonLinesWriter:
    """One JSON object per line, on a binary stream (UTF-8) or a text stream."""

    def __init__(self, stream: IO[bytes] | TextIO) -> None:
        self.stream = stream
        self.binary = _is_binary(stream)

    def write(self, record: dict[str, Any]) -> None:
        self.write_json(dumpb(record))

    def write_json(self, data: bytes) -> None:
        """Write one record given as its UTF-8 JSON (:meth:`presskit.Result.record_json`)."""
        # One write per record: the stream's buffer never holds half a line at a record's end.
        _write(self, data + b"\n")

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """One JSON array of objects, written incrementally, on a binary stream (UTF-8) or
    a text stream."""

    def __init__(self, stream: IO[bytes] | TextIO) -> None:
        self.stream = stream
        self.binary = _is_binary(stream)
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self.write_json(dumpb(record))

    def write_json(self, data: bytes) -> None:
        """Write one record given as its UTF-8 JSON (:meth:`presskit.Result.record_json`)."""
        _write(self, (b"[\n" if not self.count else b",\n") + data)
        self.count += 1

    def close(self) -> None:
        _write(self, b"[]\n" if not self.count else b"\n]\n")
        self.stream.flush()


def _write(writer: JsonLinesWriter | JsonWriter, data: bytes) -> None:
    if writer.binary:
        cast("IO[bytes]", writer.stream).write(data)
    else:
        cast("TextIO", writer.stream).write(data.decode())


def _flat(key: str, value: Any) -> Any:
    if value is None:
        return ""
    if key == "paragraphs":
        return "\n\n".join(value)
    if key in ("authors", "tags"):
        return " | ".join(value)
    if isinstance(value, (list, dict)):
        return dumps(value)
    return value


class CsvWriter:
    """One row per record; paragraphs joined by blank lines, authors and tags by ``|``,
    images and related links as JSON."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.writer = csv.DictWriter(stream, fieldnames=_FIELDS, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        self.writer.writerow({key: _flat(key, record.get(key)) for key in _FIELDS})

    def close(self) -> None:
        self.stream.flush()


ROW_GROUP_SIZE = 2000
"""Records per Parquet row group: the most a Parquet writer holds in memory."""


def _parquet_schema(pa: Any) -> Any:
    text, texts = pa.string(), pa.list_(pa.string())
    image = pa.struct([("url", text), ("caption", text), ("credit", text)])
    link = pa.struct([("title", text), ("url", text), ("published", text)])
    types = {"paragraphs": texts, "authors": texts, "tags": texts}
    types |= {"images": pa.list_(image), "related": pa.list_(link)}
    # Dates stay ISO 8601 strings, as in JSON: a column mixes days and offset-aware times.
    return pa.schema([(name, types.get(name, text)) for name in _FIELDS])


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtra("writing Parquet", "parquet") from None
    return pa, pq


class ParquetWriter:
    """A Parquet file with the record's fields as columns (lists and structs kept as such),
    written one row group at a time. Needs the ``parquet`` extra (pyarrow)."""

    def __init__(self, stream: IO[bytes]) -> None:
        pa, pq = _pyarrow()
        self._pa = pa
        self.schema = _parquet_schema(pa)
        self.writer = pq.ParquetWriter(stream, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self.rows.append(record)
        if len(self.rows) >= ROW_GROUP_SIZE:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self._pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


FORMATS: dict[str, Callable[[Any], RecordWriter]] = {
    "jsonl": JsonLinesWriter,
    "json": JsonWriter,
    "csv": CsvWriter,
    "parquet": ParquetWriter,
}
"""Writer factories by format name. CSV takes a text stream, Parquet a binary one, the
JSON formats either (a binary one spares encoding the records' text)."""

BINARY_FORMATS = frozenset({"jsonl", "json", "parquet"})
"""Formats best written to a binary stream (the command line opens their output so)."""


def check_format(fmt: str) -> None:
    """Raise :class:`MissingExtra` when format ``fmt`` needs a library that is not installed."""
    if fmt == "parquet":
        _pyarrow()


def make_writer(fmt: str, stream: TextIO | IO[bytes]) -> RecordWriter:
    """A writer of format ``fmt`` (a key of :data:`FORMATS`) on ``stream`` (text for
    CSV, binary for Parquet, either for JSON)."""
    return FORMATS[fmt](stream)
