"""The public API and its error paths: every error names the input and the reason."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import presskit
from presskit import Article, Document, ExtractionError, NotAnArticle, UnknownOutlet, hookimpl
from presskit.pipeline import Source, iter_sources, process, run

from dummy_outlet import DUMMY_PAGE, DummyOutlet


def test_extract_str_and_bytes(dummy_registry: presskit.Registry) -> None:
    for content in (DUMMY_PAGE, DUMMY_PAGE.encode("cp1252")):
        article = presskit.extract(content, registry=dummy_registry)
        assert article.title == "A dummy title"
        assert article.paragraphs == ("First paragraph.", "Second paragraph.")


def test_extract_file_and_gz(tmp_path: Path, dummy_registry: presskit.Registry) -> None:
    plain = tmp_path / "a.txt"
    plain.write_text(DUMMY_PAGE, encoding="utf-8")
    packed = tmp_path / "b.txt.gz"
    packed.write_bytes(gzip.compress(DUMMY_PAGE.encode()))
    assert presskit.extract_file(plain, registry=dummy_registry) == presskit.extract_file(
        packed, registry=dummy_registry
    )


def test_forced_outlet(dummy_registry: presskit.Registry) -> None:
    article = presskit.extract("Titre\n\nTexte.", outlet="dummy", registry=dummy_registry)
    assert article.title == "Titre"
    with pytest.raises(UnknownOutlet, match="no outlet named 'nope'"):
        presskit.extract("x", outlet="nope", registry=dummy_registry)


@pytest.mark.parametrize(
    ("content", "error", "reason"),
    [
        ("", ExtractionError, "the input is empty"),
        ("DUMMY-NEWS\n\n   \n", ExtractionError, "dummy failed"),
        ("DUMMY-NEWS\nLISTING\nx", NotAnArticle, "a dummy listing"),
    ],
)
def test_error_paths_name_input_and_reason(
    tmp_path: Path, dummy_registry: presskit.Registry, content: str, error: type[Exception], reason: str
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error, match=f"{path}: .*{reason}") as info:
        presskit.extract_file(path, outlet="dummy", registry=dummy_registry)
    assert isinstance(info.value, presskit.PresskitError) and info.value.input == str(path)


def test_missing_and_corrupt_files(tmp_path: Path, dummy_registry: presskit.Registry) -> None:
    with pytest.raises(ExtractionError, match="missing.txt: cannot read the file: No such file"):
        presskit.extract_file(tmp_path / "missing.txt", registry=dummy_registry)
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(ExtractionError, match="bad.txt.gz: cannot read the file"):
        presskit.extract_file(bad, registry=dummy_registry)


def test_a_plugin_bug_becomes_an_extraction_error() -> None:
    class Buggy(DummyOutlet):
        def extract(self, document: Document) -> Article:
            raise KeyError("oops")

    class Plugin:
        @hookimpl
        def presskit_register_outlets(self, register: object) -> None:
            register(Buggy())  # type: ignore[operator]

    registry = presskit.load_registry(entry_points=False, plugins=[("buggy", Plugin())])
    with pytest.raises(ExtractionError, match="<input>: outlet dummy failed: KeyError"):
        presskit.extract(DUMMY_PAGE, registry=registry)


def test_extract_hook_wrapper_post_processes(dummy_registry: presskit.Registry) -> None:
    import attrs

    class Tagger:
        @hookimpl(wrapper=True)
        def presskit_extract_article(self, outlet: object, document: Document):  # type: ignore[no-untyped-def]
            article = yield
            return attrs.evolve(article, tags=(*article.tags, "corpus-x"))

    registry = presskit.load_registry(
        entry_points=False, plugins=[("dummy", dummy_registry.manager.get_plugin("dummy")), ("t", Tagger())]
    )
    assert presskit.extract(DUMMY_PAGE, registry=registry).tags == ("corpus-x",)


def test_outlets_lists_the_registry(dummy_registry: presskit.Registry) -> None:
    assert [o.name for o in presskit.outlets(registry=dummy_registry)] == ["dummy"]


def test_pipeline_keeps_good_records_beside_bad_ones(
    tmp_path: Path, dummy_registry: presskit.Registry
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(DUMMY_PAGE, encoding="utf-8")
    (tmp_path / "sub" / "b.htm").write_text("nothing known", encoding="utf-8")
    (tmp_path / "sub" / "c.txt").write_bytes(b"\x00\xff\x00binary")
    (tmp_path / "ignored.json").write_text("{}", encoding="utf-8")
    sources = list(iter_sources([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert [Path(s.label).name for s in sources] == ["a.txt", "b.htm", "c.txt", "missing.txt"]
    results = list(run(sources, registry=dummy_registry))
    assert [r.ok for r in results] == [True, False, False, False]
    assert results[0].record()["input"] == str(tmp_path / "a.txt")
    errors = [r.error_record() for r in results[1:]]
    assert [e["error"] for e in errors] == ["UnknownOutlet", "UnknownOutlet", "ExtractionError"]


def test_process_in_memory_source(dummy_registry: presskit.Registry) -> None:
    result = process(Source(label="mem", data=DUMMY_PAGE.encode()), registry=dummy_registry)
    assert result.article is not None and result.input == "mem"


def test_a_page_with_a_canonical_link_is_parsed_once() -> None:
    from presskit import make_document

    page = '<html><head><link rel="canonical" href="https://www.bladi.net/x.html"></head><body><p>x</p></body></html>'
    document = make_document(page)
    assert document.url == "https://www.bladi.net/x.html"
    assert "tree" in document.__dict__  # already parsed while the URL was looked for
    assert document.tree.css_first("p") is not None
