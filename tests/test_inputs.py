"""Inputs of a batch: folders, globs, gzip, WARC and JSONL files, stdin; damage becomes a failing source."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from presskit import ExtractionError
from presskit.inputs import Source, iter_items, iter_jsonl, iter_sources, iter_stdin, iter_warc

from dummy_outlet import DUMMY_PAGE

HTML_PAGE = "<html><head><title>t</title></head><body><p>DUMMY-NEWS</p><p>Titre</p></body></html>"


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], *, gzip_records: bool) -> None:
    """Write (target URL, HTTP status line, body, content type) response records, plus a request."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_records)
        for url, status, body, content_type in records:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_gives_one_source_per_page_response(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(
        path,
        [
            ("https://dummy.example/a", "200 OK", HTML_PAGE.encode(), "text/html; charset=utf-8"),
            ("https://dummy.example/logo.png", "200 OK", b"\x89PNG", "image/png"),
            ("https://dummy.example/old", "301 Moved Permanently", b"", "text/html"),
            ("https://dummy.example/b", "200 OK", DUMMY_PAGE.encode(), "text/plain"),
        ],
        gzip_records=name.endswith(".gz"),
    )
    sources = list(iter_warc(str(path)))
    assert [s.url for s in sources] == ["https://dummy.example/a", "https://dummy.example/b"]
    assert sources[0].read() == HTML_PAGE.encode() and sources[1].read() == DUMMY_PAGE.encode()
    assert all(s.label.startswith(f"{path}@") for s in sources)
    assert len({s.label for s in sources}) == 2
    # Folders pick WARC files up too.
    assert [s.url for s in iter_sources([str(tmp_path)])] == [s.url for s in sources]


def test_a_damaged_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    write_warc(
        path, [("https://dummy.example/a", "200 OK", HTML_PAGE.encode(), "text/html")] * 2, gzip_records=False
    )
    data = path.read_bytes()
    path.write_bytes(data + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\ngarbage")
    sources = list(iter_warc(str(path)))
    assert [s.url for s in sources[:2]] == ["https://dummy.example/a"] * 2
    assert sources[-1].label == str(path)
    with pytest.raises(ExtractionError, match=r"cut\.warc: damaged WARC data after the record at offset \d+"):
        sources[-1].read()


def test_not_a_warc_file(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(b"hello")
    (source,) = iter_warc(str(path))
    with pytest.raises(ExtractionError, match="fake.warc.gz: damaged WARC data at its start"):
        source.read()


@pytest.mark.parametrize("name", ["pages.jsonl", "pages.jsonl.gz"])
def test_jsonl_records_and_bad_lines(tmp_path: Path, name: str) -> None:
    lines = [
        json.dumps({"url": "https://dummy.example/1", "html": HTML_PAGE}),
        json.dumps({"url": "https://dummy.example/2", "text": DUMMY_PAGE}),
        "",
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"url": "https://dummy.example/5"}),
    ]
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    sources = list(iter_jsonl(str(path)))
    assert [s.label for s in sources] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6)]
    assert [s.kind for s in sources[:2]] == ["html", "text"]
    assert sources[1].read() == DUMMY_PAGE and sources[1].url == "https://dummy.example/2"
    for source, reason in zip(
        sources[2:], ["not a JSON line", "must be an object", "no 'html' or 'text'"], strict=True
    ):
        with pytest.raises(ExtractionError, match=reason):
            source.read()


def test_folders_globs_gzip_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    for name in ("a.txt", "b/x.html", "b/c/y.htm.gz", "b/c/skip.json", "b/z.TXT"):
        (tmp_path / name).write_bytes(b"x")
    labels = [Path(s.label).relative_to(tmp_path).as_posix() for s in iter_sources([str(tmp_path)])]
    assert labels == ["a.txt", "b/x.html", "b/z.TXT", "b/c/y.htm.gz"]
    globbed = [Path(s.label).name for s in iter_sources([str(tmp_path / "**" / "*.htm*")])]
    assert globbed == ["y.htm.gz", "x.html"]  # sorted by path: b/c/… before b/x…
    (nothing,) = iter_sources([str(tmp_path / "*.nope")])
    with pytest.raises(ExtractionError, match="no file matches this pattern"):
        nothing.read()
    (missing,) = iter_sources([str(tmp_path / "missing.txt")])
    with pytest.raises(ExtractionError, match="missing.txt: cannot read the file"):
        missing.read()


def test_stdin_is_sniffed() -> None:
    (page,) = iter_stdin(url="https://dummy.example/p", stream=io.BytesIO(DUMMY_PAGE.encode()))
    assert (page.label, page.url, page.read()) == ("<stdin>", "https://dummy.example/p", DUMMY_PAGE.encode())
    jsonl = b'{"url": "https://dummy.example/1", "text": "x"}\n{"text": "y"}\n'
    assert [s.label for s in iter_stdin(stream=io.BytesIO(jsonl))] == ["<stdin>:1", "<stdin>:2"]
    packed = [s.read() for s in iter_stdin(stream=io.BytesIO(gzip.compress(jsonl)))]
    assert packed == ["x", "y"]


def test_stdin_warc(tmp_path: Path) -> None:
    path = tmp_path / "in.warc.gz"
    write_warc(
        path, [("https://dummy.example/a", "200 OK", HTML_PAGE.encode(), "text/html")], gzip_records=True
    )
    (source,) = iter_stdin(stream=io.BytesIO(path.read_bytes()))
    assert source.url == "https://dummy.example/a" and source.label.startswith("<stdin>@")


def test_items_expand_paths_like_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_bytes(b"x")
    sources = list(iter_items([str(tmp_path), Source(label="s", data=b"y")]))
    assert [Path(s.label).name for s in sources] == ["one.txt", "s"]
