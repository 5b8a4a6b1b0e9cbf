"""Batch runs: worker processes, ordering, chunking, errors that pickle, dying workers, extract_many."""

from __future__ import annotations

import io
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

import presskit
from presskit import Article, Document, ExtractionError, NotAnArticle, PresskitError, hookimpl
from presskit.errors import MissingExtra, PluginError, UnknownOutlet
from presskit.inputs import Source
from presskit.jobs import batched
from presskit.pipeline import Result, extract_many, resolve_jobs, run
from presskit.progress import Progress, Tally

from dummy_outlet import DUMMY_PAGE, DummyOutlet, DummyPlugin

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "dumps" / "bladi-bibliotheque-anvers.txt"


def dummy_registry() -> presskit.Registry:
    """Registry factory for worker processes (module level, so that it pickles)."""
    return presskit.load_registry(entry_points=False, plugins=[("dummy", DummyPlugin())])


class _CrashingOutlet(DummyOutlet):
    """Kills its process on pages saying CRASH, as a native library's crash would."""

    def extract(self, document: Document) -> Article:
        if "CRASH" in document.text:
            os._exit(3)
        return super().extract(document)


class _CrashingPlugin:
    @hookimpl
    def presskit_register_outlets(self, register: Callable[[presskit.Outlet], None]) -> None:
        register(_CrashingOutlet())


def crashing_registry() -> presskit.Registry:
    return presskit.load_registry(entry_points=False, plugins=[("dummy", _CrashingPlugin())])


def page(n: int) -> Source:
    return Source(label=f"page-{n:04d}", data=f"DUMMY-NEWS\n\nTitle {n}\n\nBody {n}.\n".encode())


@pytest.mark.parametrize(
    "error",
    [
        PresskitError("plain"),
        NotAnArticle("a listing", input="a.txt"),
        UnknownOutlet("no outlet claims the host 'x.org'", input="b.html"),
        ExtractionError("the input is empty"),
        PluginError("two plugins claim bladi.net"),
        MissingExtra("writing Parquet", "parquet"),
    ],
)
def test_errors_pickle_with_their_input_and_reason(error: PresskitError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert (back.reason, back.input, str(back), back.args) == (
        error.reason,
        error.input,
        str(error),
        error.args,
    )
    assert back.with_input("later.txt").input == (error.input or "later.txt")


def test_results_pickle(dummy_registry: presskit.Registry) -> None:
    results = list(run([page(1), Source(label="bad", data=b"nothing")], registry=dummy_registry))
    back = pickle.loads(pickle.dumps(results))
    assert back == results[:1] + back[1:] and back[0].article == results[0].article
    assert (
        back[1].error_record()
        == results[1].error_record()
        == {
            "input": "bad",
            "error": "UnknownOutlet",
            "reason": "no outlet recognises the content without a URL (best candidates: none scored above 0)",
        }
    )
    assert back[0].to_dict()["input"] == "page-0001" and back[1].to_dict()["error"] == "UnknownOutlet"


def test_a_result_travels_as_its_json_record(dummy_registry: presskit.Registry) -> None:
    (result,) = run([page(2)], registry=dummy_registry)
    assert result.article is not None
    back = pickle.loads(pickle.dumps(result))
    # The Article is rebuilt from the record only when it is read; the record is not re-encoded.
    assert back._article is None and back.record_json() == result.record_json()
    assert back.record() == result.record() and back.ok
    assert back.article == result.article and repr(back.article) == repr(result.article)
    assert back == result and repr(back) == repr(result) and hash(back) == hash(result)


def test_a_result_holds_an_article_or_an_error_and_stays_as_built(
    dummy_registry: presskit.Registry,
) -> None:
    with pytest.raises(ValueError, match="either an article or an error"):
        Result(input="a")
    (result,) = run([page(3)], registry=dummy_registry)
    with pytest.raises(ValueError, match="either an article or an error"):
        Result(input="a", article=result.article, error=ExtractionError("x"))
    with pytest.raises(AttributeError, match="immutable"):
        result.error = ExtractionError("x")
    failed = Result(input="b", error=ExtractionError("x"))
    assert not failed.ok and failed.article is None
    with pytest.raises(AssertionError):
        failed.record_json()


def test_batches_are_bounded_by_count_and_bytes() -> None:
    sizes = [len(b) for b in batched((page(n) for n in range(10)), 4)]
    assert sizes == [4, 4, 2]
    big = [Source(label=str(n), data=b"x" * 100) for n in range(5)]
    assert [len(b) for b in batched(big, 10, max_bytes=250)] == [3, 2]


def test_workers_keep_input_order_and_every_result() -> None:
    sources = [page(n) if n % 7 else Source(label=f"bad-{n}", data=b"\x00\xff") for n in range(200)]
    here = list(run(sources, registry=dummy_registry()))
    there = list(run(sources, jobs=2, chunksize=8, registry_factory=dummy_registry))
    assert [r.input for r in there] == [s.label for s in sources]
    assert [r.to_dict() for r in there] == [r.to_dict() for r in here]
    unordered = list(run(sources, jobs=2, chunksize=8, ordered=False, registry_factory=dummy_registry))
    assert sorted(r.input for r in unordered) == sorted(s.label for s in sources)


def test_a_dying_worker_loses_no_good_record() -> None:
    sources = [page(n) for n in range(100)]
    sources[37] = Source(label="killer", data=b"DUMMY-NEWS\n\nCRASH\n\nboom.\n")
    results = list(run(sources, jobs=2, chunksize=8, registry_factory=crashing_registry))
    assert [r.input for r in results] == [s.label for s in sources]
    assert [r.input for r in results if not r.ok] == ["killer"]
    assert results[37].error is not None and "worker process died" in results[37].error.reason


def test_small_batches_stay_in_process() -> None:
    # One batch's worth: no pool is started, so a registry that only the parent has works.
    results = list(run([page(1), page(2)], jobs=2, registry_factory=dummy_registry))
    assert [r.ok for r in results] == [True, True]


def test_a_registry_does_not_travel_to_workers(dummy_registry: presskit.Registry) -> None:
    with pytest.raises(ValueError, match="registry_factory"):
        run([page(1)], jobs=2, registry=dummy_registry)


def test_resolve_jobs() -> None:
    assert resolve_jobs(3) == 3
    assert resolve_jobs(None) >= 1 and resolve_jobs(0) == resolve_jobs(None)
    with pytest.raises(ValueError, match="positive"):
        resolve_jobs(-1)


def test_extract_many_takes_paths_bytes_mappings_and_sources(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DUMMY_PAGE, encoding="utf-8")
    items: list[object] = [
        tmp_path / "a.txt",
        DUMMY_PAGE.encode(),
        {"url": "https://dummy.example/n/1", "text": DUMMY_PAGE},
        {"url": "https://dummy.example/tag/x", "html": "<html><body><p>DUMMY-NEWS</p></body></html>"},
        {"input": "no-content", "url": "https://dummy.example/2"},
        page(9),
        42,
    ]
    results = list(presskit.extract_many(items, registry=dummy_registry()))
    assert [r.input for r in results] == [
        str(tmp_path / "a.txt"),
        "<item 1>",
        "https://dummy.example/n/1",
        "https://dummy.example/tag/x",
        "no-content",
        "page-0009",
        "<item 6>",
    ]
    assert [r.ok for r in results] == [True, True, True, False, False, True, False]
    assert isinstance(results[3].error, NotAnArticle)
    assert results[4].error is not None and "no 'html' or 'text'" in results[4].error.reason
    assert results[6].error is not None and "cannot read a int" in results[6].error.reason
    assert results[2].article is not None and results[2].article.url == "https://dummy.example/n/1"


def test_extract_many_is_a_partition_function() -> None:
    """What Dask's map_partitions and Spark's mapPartitions do: call it on an iterator."""
    partition = iter([{"text": DUMMY_PAGE}, {"text": "unknown"}])
    rows = [r.to_dict() for r in extract_many(partition, registry=dummy_registry())]
    assert rows[0]["title"] == "A dummy title" and rows[1]["error"] == "UnknownOutlet"


def test_extract_many_in_workers_with_the_built_in_outlets() -> None:
    items = [EXAMPLE] * 70
    results = list(presskit.extract_many(items, jobs=2, chunksize=16))
    assert len(results) == 70 and all(r.ok for r in results)
    assert {r.article.outlet for r in results if r.article} == {"bladi"}


def test_closing_early_stops_the_workers() -> None:
    results = run((page(n) for n in range(10_000)), jobs=2, chunksize=8, registry_factory=dummy_registry)
    first = [next(results) for _ in range(20)]
    results.close()
    assert [r.input for r in first] == [f"page-{n:04d}" for n in range(20)]


def test_on_result_sees_every_result(dummy_registry: presskit.Registry) -> None:
    seen: list[Result] = []
    results = list(run([page(1), page(2)], registry=dummy_registry, on_result=seen.append))
    assert seen == results


def test_tally_groups_reasons_and_stays_small() -> None:
    tally = Tally()
    tally.add(Result(input="a", article=run_one(page(1))))
    for n in range(3):
        tally.add(
            Result(input=f"l{n}", error=NotAnArticle(f"a listing ({n + 10} teasers) (URL https://x/{n})"))
        )
    for n in range(1500):
        tally.add(Result(input=f"e{n}", error=ExtractionError(f"unexpected KeyError: 'field{n}'")))
    assert (tally.total, tally.articles, tally.failed) == (1504, 1, 1503)
    assert tally.not_articles == {"a listing (N teasers)": 3}
    assert len(tally.failures) <= 1001 and tally.failures["(more reasons, not told apart)"] == 500
    summary = tally.summary().splitlines()
    assert summary[0] == "1504 inputs: 1 articles, 3 not articles, 1500 failures"
    assert "         3  a listing (N teasers)" in summary


def test_progress_bar_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet, shown = io.StringIO(), Terminal()
    for stream in (quiet, shown):
        progress = Progress(stream=stream)
        progress.update(Result(input="a", error=ExtractionError("x")))
        progress.message("presskit: a: x")
        progress.close()
    assert quiet.getvalue() == "presskit: a: x\n"
    assert "presskit: a: x" in shown.getvalue() and "1 without article" in shown.getvalue()
    hushed = Terminal()
    Progress(stream=hushed, enabled=False).update(Result(input="a", error=ExtractionError("x")))
    assert hushed.getvalue() == ""


def run_one(source: Source) -> Article:
    (result,) = run([source], registry=dummy_registry())
    assert result.article is not None
    return result.article
