"""Parallel extraction in worker processes, in bounded memory.

Sources are sent in batches (so that small documents do not drown in inter-process
overhead), with only a few batches in flight at a time: reading the inputs never
runs ahead of the workers, so memory stays flat whatever the corpus size. Each worker
builds its registry once. A worker that dies (a crash in a native library, the OOM
killer) loses no good record: the batches it had are run again one source at a time
in a fresh pool, and only the source that kills a worker is reported, as an error.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from presskit.errors import ExtractionError
from presskit.inputs import Source
from presskit.pipeline import Result, process
from presskit.registry import Registry

__all__ = ["DEFAULT_CHUNKSIZE", "MAX_BATCH_BYTES", "batched", "run_in_workers"]

DEFAULT_CHUNKSIZE = 32
"""Sources per batch when none is given: enough to amortise the inter-process cost of
a batch over documents that take a millisecond each, small enough to keep workers busy."""

MAX_BATCH_BYTES = 8 << 20
"""A batch holding content (WARC and JSONL records) is closed past this many bytes."""

_IN_FLIGHT_PER_JOB = 3

# State of a worker process, set once by its initializer.
_registry: Registry | None = None


def _init_worker(registry_factory: Callable[[], Registry]) -> None:
    global _registry  # one registry per worker process, built once
    # Ctrl-C is the parent's to handle: it stops cleanly after the records in hand.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _registry = registry_factory()


def _work(batch: list[Source], outlet: str | None) -> list[Result]:
    return [process(source, outlet=outlet, registry=_registry) for source in batch]


def batched(sources: Iterable[Source], size: int, max_bytes: int = MAX_BATCH_BYTES) -> Iterator[list[Source]]:
    """Group sources into lists of at most ``size`` sources or about ``max_bytes`` of content."""
    batch: list[Source] = []
    held = 0
    for source in sources:
        batch.append(source)
        held += source.size
        if len(batch) >= size or held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


class _Pool:
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(self, jobs: int, registry_factory: Callable[[], Registry]) -> None:
        self.jobs = jobs
        self.registry_factory = registry_factory
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs, initializer=_init_worker, initargs=(self.registry_factory,)
        )

    def submit(self, batch: list[Source], outlet: str | None) -> Future[list[Result]]:
        try:
            return self.executor.submit(_work, batch, outlet)
        except BrokenProcessPool as exc:
            # A worker died since the last submission: this batch is lost with the others.
            lost: Future[list[Result]] = Future()
            lost.set_exception(exc)
            return lost

    def renew(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _died(source: Source) -> Result:
    error = ExtractionError("a worker process died while extracting this input", input=source.label)
    return Result(input=source.label, error=error)


def _recover(
    pool: _Pool, lost: Iterable[tuple[list[Source], Future[list[Result]]]], outlet: str | None
) -> Iterator[Result]:
    """After a worker died: keep the batches that were done, run the others' sources alone
    (in order) to single out the one that kills a worker."""
    for batch, future in lost:
        if future.done() and not future.cancelled() and future.exception() is None:
            yield from future.result()
            continue
        for source in batch:
            try:
                yield from pool.submit([source], outlet).result()
            except BrokenProcessPool:
                pool.renew()
                yield _died(source)


def run_in_workers(
    sources: Iterable[Source],
    *,
    jobs: int,
    outlet: str | None,
    registry_factory: Callable[[], Registry],
    ordered: bool = True,
    chunksize: int | None = None,
) -> Generator[Result, None, None]:
    """Process sources in ``jobs`` worker processes, yielding one Result per source.

    Results come in input order when ``ordered``, else as batches finish. Closing
    the iterator early (or an interrupt) cancels the batches not started and waits
    for the running ones, so that no worker is left behind.
    """
    size = chunksize or DEFAULT_CHUNKSIZE
    sources = iter(sources)
    head = list(islice(sources, size + 1))
    if len(head) <= size:  # a single batch: starting workers would cost more than it saves
        registry = registry_factory()
        for source in head:
            yield process(source, outlet=outlet, registry=registry)
        return
    pool = _Pool(jobs, registry_factory)
    window = jobs * _IN_FLIGHT_PER_JOB
    batches = batched(chain(head, sources), size)
    # Batches in flight, in submission order, with their futures.
    pending: deque[tuple[list[Source], Future[list[Result]]]] = deque()
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                else:
                    pending.append((batch, pool.submit(batch, outlet)))
            if not pending:
                return
            if ordered:
                index = 0
            else:
                done, _ = wait([future for _, future in pending], return_when=FIRST_COMPLETED)
                index = next(i for i, (_, future) in enumerate(pending) if future in done)
            batch, future = pending[index]
            try:
                results = future.result()
            except BrokenProcessPool:
                lost = list(pending)
                pending.clear()
                pool.renew()
                yield from _recover(pool, lost, outlet)
                continue
            del pending[index]
            yield from results
    finally:
        pool.close()
