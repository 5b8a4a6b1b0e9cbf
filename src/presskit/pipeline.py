"""The batch pipeline: inputs → results → records.

Three independent stages, each a plain iterator:

* :mod:`presskit.inputs` expands paths (files, folders, globs, WARC, JSONL, stdin)
  into :class:`Source` items;
* :func:`run` turns each source into a :class:`Result` (an Article or the error),
  in this process or in worker processes (:mod:`presskit.jobs`);
* :mod:`presskit.writers` serialises the articles.

:func:`extract_many` joins the first two for Python callers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable
from typing import Any

import orjson

from presskit.api import extract_document, make_document
from presskit.article import Article
from presskit.errors import ExtractionError, PresskitError
from presskit.inputs import INPUT_SUFFIXES, Source, iter_items, iter_sources
from presskit.registry import Registry, default_registry
from presskit.writers import dumpb

__all__ = [
    "INPUT_SUFFIXES",
    "Result",
    "Source",
    "extract_many",
    "iter_sources",
    "process",
    "run",
]


class Result:
    """What one source gave: an Article, or the error that explains why not.

    Results pickle (errors included), so they travel back from worker processes and
    through Dask or Spark as they are. A successful Result travels as its JSON record,
    which costs the receiving process far less than rebuilding the Article: the Article
    is built again only when :attr:`article` is read, and :meth:`record_json` hands the
    record to a JSON writer without encoding it twice.
    """

    __slots__ = ("_article", "_json", "error", "input")

    input: str
    """The source's label."""

    error: PresskitError | None
    """The reason there is no article, on failure."""

    _article: Article | None
    _json: bytes | None

    def __init__(
        self,
        *,
        input: str,  # noqa: A002 - the attribute's name
        article: Article | None = None,
        error: PresskitError | None = None,
    ) -> None:
        if (article is None) == (error is None):
            raise ValueError("a Result holds either an article or an error")
        self._set(input=input, error=error, _article=article, _json=None)

    @classmethod
    def from_record_json(cls, label: str, data: bytes) -> Result:
        """The Result of a success known by its JSON record (:meth:`record_json`), for ``label``."""
        result = cls.__new__(cls)
        result._set(input=label, error=None, _article=None, _json=data)
        return result

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Result is immutable: cannot set {name!r}")

    @property
    def article(self) -> Article | None:
        """The extracted article, on success."""
        if self._article is None and self._json is not None:
            self._set(_article=Article.from_dict(orjson.loads(self._json)))
        return self._article

    @property
    def ok(self) -> bool:
        """True when an Article was extracted."""
        return self.error is None

    def record(self) -> dict[str, Any]:
        """The output record of a success: ``Article.to_dict()`` plus ``"input"``."""
        if self._article is None:
            assert self._json is not None, "a failed Result has no record"
            record: dict[str, Any] = orjson.loads(self._json)
            return record
        return {**self._article.to_dict(), "input": self.input}

    def record_json(self) -> bytes:
        """:meth:`record` as compact UTF-8 JSON (:func:`presskit.writers.dumpb`), encoded once."""
        if self._json is None:
            self._set(_json=dumpb(self.record()))
        assert self._json is not None
        return self._json

    def error_record(self) -> dict[str, Any]:
        """The ``{input, error, reason}`` record of a failure."""
        assert self.error is not None, "a successful Result has no error record"
        return {"input": self.input, "error": type(self.error).__name__, "reason": self.error.reason}

    def to_dict(self) -> dict[str, Any]:
        """Either record, as plain data: :meth:`record` on success, else :meth:`error_record`."""
        return self.record() if self.ok else self.error_record()

    def __reduce__(self) -> tuple[Any, ...]:
        if self.error is not None:
            return (_failed, (self.input, self.error))
        return (Result.from_record_json, (self.input, self.record_json()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return (self.input, self.error, self.article) == (other.input, other.error, other.article)

    def __hash__(self) -> int:
        return hash((self.input, self.error, self.article))

    def __repr__(self) -> str:
        what = f"error={self.error!r}" if self.error is not None else f"article={self.article!r}"
        return f"Result(input={self.input!r}, {what})"


def _failed(label: str, error: PresskitError) -> Result:
    return Result(input=label, error=error)


def process(source: Source, *, outlet: str | None = None, registry: Registry | None = None) -> Result:
    """Extract one source; every failure becomes a Result carrying a PresskitError."""
    try:
        document = make_document(source.read(), url=source.url, path=source.path, kind=source.kind)
        article = extract_document(document, outlet=outlet, registry=registry)
    except PresskitError as exc:
        return Result(input=source.label, error=exc.with_input(source.label))
    except Exception as exc:  # noqa: BLE001 - one input must never stop a batch
        error = ExtractionError(f"unexpected {type(exc).__name__}: {exc}", input=source.label)
        return Result(input=source.label, error=error)
    return Result(input=source.label, article=article)


def run(
    sources: Iterable[Source],
    *,
    outlet: str | None = None,
    registry: Registry | None = None,
    on_result: Callable[[Result], None] | None = None,
    jobs: int | None = 1,
    ordered: bool = True,
    chunksize: int | None = None,
    registry_factory: Callable[[], Registry] = default_registry,
) -> Generator[Result, None, None]:
    """Process sources, yielding one Result each; one bad input never stops the run.

    :param jobs: worker processes; 1 stays in this process, None means one per core.
    :param ordered: yield results in input order (else as soon as they are ready).
    :param chunksize: sources sent to a worker at a time (default: chosen for the batch).
    :param registry: the registry to use in this process (``jobs=1`` only: a registry
        does not travel to other processes).
    :param registry_factory: how each worker process builds its registry, once; a
        picklable callable (a module-level function).
    """
    workers = resolve_jobs(jobs)
    if workers > 1 and registry is not None:
        raise ValueError("a registry cannot be sent to worker processes: pass registry_factory instead")
    if workers > 1:
        from presskit.jobs import run_in_workers

        results: Generator[Result, None, None] = run_in_workers(
            sources,
            jobs=workers,
            outlet=outlet,
            ordered=ordered,
            chunksize=chunksize,
            registry_factory=registry_factory,
        )
    else:
        results = _run_here(sources, outlet, registry or registry_factory())
    return results if on_result is None else _notify(results, on_result)


def _run_here(
    sources: Iterable[Source], outlet: str | None, registry: Registry
) -> Generator[Result, None, None]:
    for source in sources:
        yield process(source, outlet=outlet, registry=registry)


def _notify(
    results: Generator[Result, None, None], on_result: Callable[[Result], None]
) -> Generator[Result, None, None]:
    try:
        for result in results:
            on_result(result)
            yield result
    finally:
        results.close()


def resolve_jobs(jobs: int | None) -> int:
    """The number of worker processes for ``jobs`` (None or 0: one per available core)."""
    if not jobs:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not on every OS
            return os.cpu_count() or 1
    if jobs < 0:
        raise ValueError(f"jobs must be a positive number of processes, not {jobs}")
    return jobs


def extract_many(
    items: Iterable[object],
    *,
    jobs: int | None = 1,
    outlet: str | None = None,
    ordered: bool = True,
    chunksize: int | None = None,
    registry: Registry | None = None,
    registry_factory: Callable[[], Registry] = default_registry,
) -> Generator[Result, None, None]:
    """Extract many inputs, yielding one :class:`Result` per document, lazily.

    ``items`` may mix paths (``str`` or ``os.PathLike``: files, folders, globs, WARC
    and JSONL files, expanded as on the command line), ``bytes`` (one page each),
    mappings with ``html`` or ``text`` and optionally ``url`` and ``input`` (a label),
    and :class:`Source` objects. A bad item gives a failed Result naming it; it never
    stops the iteration.

    With the defaults it takes an iterable and returns an iterator, so Dask
    (``bag.map_partitions(presskit.extract_many)``) and Spark
    (``rdd.mapPartitions(presskit.extract_many)``) call it directly; there, leave
    ``jobs=1`` and let the cluster parallelise.

    :param jobs: worker processes; 1 stays in this process, None means one per core.
    :param ordered: yield results in input order (else as soon as they are ready).
    """
    return run(
        iter_items(items),
        jobs=jobs,
        outlet=outlet,
        ordered=ordered,
        chunksize=chunksize,
        registry=registry,
        registry_factory=registry_factory,
    )
