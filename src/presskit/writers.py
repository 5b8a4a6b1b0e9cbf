"""Output formats for batches of records: JSON Lines, JSON, CSV.

Every writer streams: records are written as they come, nothing is held back
but the current one.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any, Protocol, TextIO

import attrs

from presskit.article import Article

__all__ = ["FORMATS", "CsvWriter", "JsonLinesWriter", "JsonWriter", "RecordWriter", "make_writer"]

_FIELDS = (*(field.name for field in attrs.fields(Article)), "input")


class RecordWriter(Protocol):
    """Writes records one by one, then finishes the output on :meth:`close`."""

    def write(self, record: dict[str, Any]) -> None:
        """Write one record."""

    def close(self) -> None:
        """Finish the output (closing brackets…); the stream itself stays open."""


class JsonLinesWriter:
    """One JSON object per line."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


class JsonWriter:
    """One JSON array of objects, written incrementally."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(("[\n" if not self.count else ",\n") + json.dumps(record, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if not self.count else "\n]\n")
        self.stream.flush()


def _flat(key: str, value: Any) -> Any:
    if value is None:
        return ""
    if key == "paragraphs":
        return "\n\n".join(value)
    if key in ("authors", "tags"):
        return " | ".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


class CsvWriter:
    """One row per record; paragraphs joined by blank lines, authors and tags by ``|``,
    images and related links as JSON."""

    def __init__(self, stream: TextIO) -> None:
        self.writer = csv.DictWriter(stream, fieldnames=_FIELDS, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        self.writer.writerow({key: _flat(key, record.get(key)) for key in _FIELDS})

    def close(self) -> None:
        pass


FORMATS: dict[str, Callable[[TextIO], RecordWriter]] = {
    "jsonl": JsonLinesWriter,
    "json": JsonWriter,
    "csv": CsvWriter,
}
"""Writer factories by format name."""


def make_writer(fmt: str, stream: TextIO) -> RecordWriter:
    """A writer of format ``fmt`` (a key of :data:`FORMATS`) on ``stream``."""
    return FORMATS[fmt](stream)
