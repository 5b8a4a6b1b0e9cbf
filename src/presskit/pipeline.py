"""The batch pipeline behind the command line: inputs → results → records.

Three independent stages, each a plain iterator so that parallel workers,
progress reporting and more formats can be slotted in without reshaping it:

* :func:`iter_sources` expands paths (files, folders, ``-`` for stdin) into :class:`Source` items;
* :func:`run` turns each source into a :class:`Result` (an Article or the error);
* :mod:`presskit.writers` serialises the articles.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from presskit.api import extract_document, make_document, read_file
from presskit.article import Article
from presskit.errors import ExtractionError, PresskitError
from presskit.registry import Registry, default_registry

__all__ = ["INPUT_SUFFIXES", "Result", "Source", "iter_sources", "process", "run"]

INPUT_SUFFIXES = (".html", ".htm", ".txt")
"""File endings picked up when walking a folder (each also as ``.gz``)."""


@attrs.frozen(kw_only=True)
class Source:
    """One input of a batch: where it comes from and how to read its bytes."""

    label: str
    """How records and errors name the input (a path, ``<stdin>``…)."""

    path: str | None = None
    """File to read, when the input is a file."""

    data: bytes | None = attrs.field(default=None, repr=False)
    """The content itself, when it was read already (stdin, archives)."""

    url: str | None = None
    """URL of the page, when known."""

    def read(self) -> bytes:
        """The raw bytes of the input."""
        if self.data is not None:
            return self.data
        if self.path is None:
            raise ExtractionError("the input has no content", input=self.label)
        return read_file(self.path)


@attrs.frozen(kw_only=True)
class Result:
    """What one source gave: an Article, or the error that explains why not."""

    input: str
    """The source's label."""

    article: Article | None = None
    """The extracted article, on success."""

    error: PresskitError | None = None
    """The reason there is no article, on failure."""

    @property
    def ok(self) -> bool:
        """True when an Article was extracted."""
        return self.article is not None

    def record(self) -> dict[str, Any]:
        """The output record of a success: ``Article.to_dict()`` plus ``"input"``."""
        assert self.article is not None
        return {**self.article.to_dict(), "input": self.input}

    def error_record(self) -> dict[str, Any]:
        """The ``{input, error, reason}`` record of a failure."""
        assert self.error is not None
        return {"input": self.input, "error": type(self.error).__name__, "reason": self.error.reason}


def _is_input_file(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(INPUT_SUFFIXES)


def iter_sources(paths: Iterable[str], *, url: str | None = None) -> Iterator[Source]:
    """Expand paths into sources: folders recursively (sorted), ``-`` as stdin.

    A path that does not exist still yields a source, whose reading fails with an
    error naming it, so that it is reported like any other bad input.
    """
    for raw in paths:
        if raw == "-":
            yield Source(label="<stdin>", data=sys.stdin.buffer.read(), url=url)
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    child = Path(root) / name
                    if _is_input_file(child):
                        yield Source(label=str(child), path=str(child), url=url)
        else:
            yield Source(label=str(path), path=str(path), url=url)


def process(source: Source, *, outlet: str | None = None, registry: Registry | None = None) -> Result:
    """Extract one source; every failure becomes a Result carrying a PresskitError."""
    try:
        document = make_document(source.read(), url=source.url, path=source.path)
        article = extract_document(document, outlet=outlet, registry=registry)
    except PresskitError as exc:
        return Result(input=source.label, error=exc.with_input(source.label))
    return Result(input=source.label, article=article)


def run(
    sources: Iterable[Source],
    *,
    outlet: str | None = None,
    registry: Registry | None = None,
    on_result: Callable[[Result], None] | None = None,
) -> Iterator[Result]:
    """Process sources in order, yielding one Result each; one bad input never stops the run."""
    registry = registry or default_registry()
    for source in sources:
        result = process(source, outlet=outlet, registry=registry)
        if on_result is not None:
            on_result(result)
        yield result
