"""`presskit extract` over a corpus, run as a user would: jobs, formats, WARC, errors, interrupts."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import presskit
from test_inputs import write_warc

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "dumps"
EXAMPLE = EXAMPLES / "bladi-bibliotheque-anvers.txt"
LISTING = ROOT / "plugins" / "presskit_le360" / "cases" / "tag-page.txt"
BLADI_HTML = ROOT / "plugins" / "presskit_bladi" / "cases" / "article-full.html"


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "presskit", *args], capture_output=True, input=stdin, timeout=120
    )


def make_corpus(folder: Path, good: int) -> tuple[list[str], list[str]]:
    """``good`` article dumps mixed with empty, binary and non-article files, in sub-folders.

    Returns the good and the bad paths, each in the order a folder walk gives them.
    """
    article, listing = EXAMPLE.read_bytes(), LISTING.read_bytes()
    bad_kinds = {"empty": b"", "binary": bytes(range(256)) * 4, "listing": listing}
    good_paths, bad_paths, every = [], [], []
    for n in range(good):
        sub = folder / f"part-{n // 250}"
        sub.mkdir(exist_ok=True)
        path = sub / f"doc-{n:04d}.txt"
        path.write_bytes(article)
        every.append((path, True))
        if n % 50 == 7:
            kind = list(bad_kinds)[n // 50 % 3]
            bad = sub / f"doc-{n:04d}-{kind}.txt"
            bad.write_bytes(bad_kinds[kind])
            every.append((bad, False))
    every.sort(key=lambda item: str(item[0]))
    good_paths = [str(p) for p, ok in every if ok]
    bad_paths = [str(p) for p, ok in every if not ok]
    return good_paths, bad_paths


def test_a_thousand_dumps_with_bad_ones_in_two_jobs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good, bad = make_corpus(corpus, 1000)
    out, errors = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    done = cli("extract", str(corpus), "--jobs", "2", "-o", str(out), "--errors", str(errors))
    assert done.returncode == 1, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["input"] for r in records] == good  # every good record, in input order
    assert {r["title"] for r in records} == {presskit.extract_file(EXAMPLE).title}
    failures = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [f["input"] for f in failures] == bad
    assert all(set(f) == {"input", "error", "reason"} and f["reason"] for f in failures)
    kinds = {Path(f["input"]).stem.rsplit("-", 1)[1]: f["error"] for f in failures}
    assert kinds == {"empty": "UnknownOutlet", "binary": "UnknownOutlet", "listing": "NotAnArticle"}
    listings = sum(f["error"] == "NotAnArticle" for f in failures)
    stderr = done.stderr.decode()
    summary = f"{len(good) + len(bad)} inputs: {len(good)} articles, {listings} not articles, "
    assert summary + f"{len(bad) - listings} failures" in stderr
    assert "a Le360 tag page (#tag heading over teasers)" in stderr.split("not articles:")[1]


def test_all_good_exits_0_and_unordered_keeps_every_record(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good, _ = make_corpus(corpus, 49)  # n % 50 == 7 adds one bad file: remove it
    for path in corpus.rglob("*-*-*.txt"):
        path.unlink()
    done = cli("extract", str(corpus), "--jobs", "2", "--chunksize", "4", "--unordered", "--quiet")
    assert done.returncode == 0 and done.stderr == b""
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert sorted(r["input"] for r in records) == [p for p in good if "-listing" not in p]


def test_warc_jsonl_and_stdin_inputs(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    url = "https://www.bladi.net/velos-partages-etudiants-liege,54321.html"
    write_warc(warc, [(url, "200 OK", BLADI_HTML.read_bytes(), "text/html")], gzip_records=True)
    jsonl = tmp_path / "pages.jsonl"
    lines = [
        {"url": url, "html": BLADI_HTML.read_text(encoding="utf-8")},
        {"text": EXAMPLE.read_text(encoding="utf-8")},
        {"url": url},
    ]
    jsonl.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    done = cli("extract", str(warc), str(jsonl), "--jobs", "1")
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["input"].replace(str(tmp_path), "") for r in records[1:]] == [
        "/pages.jsonl:1",
        "/pages.jsonl:2",
    ]
    assert records[0]["input"].startswith(f"{warc}@") and records[0]["url"] == url
    assert (
        records[0]["title"]
        == records[1]["title"]
        == "Des vélos partagés pour les étudiants marocains de Liège"
    )
    assert f"{jsonl}:3: the record has no 'html' or 'text' string" in done.stderr.decode()
    detected = cli("detect", str(jsonl)).stdout.decode().splitlines()
    assert [line.split("\t")[:2] for line in detected] == [[f"{jsonl}:1", "bladi"], [f"{jsonl}:2", "bladi"]]
    piped = cli("extract", "-", stdin=jsonl.read_bytes())
    assert [json.loads(line)["input"] for line in piped.stdout.decode().splitlines()] == [
        "<stdin>:1",
        "<stdin>:2",
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_json_writers_write_the_same_to_text_and_binary_streams(fmt: str) -> None:
    from presskit.writers import make_writer

    (result,) = presskit.extract_many([EXAMPLE])
    record = {**result.record(), "title": "Écrit « tel quel »"}
    text, binary = io.StringIO(), io.BytesIO()
    for stream in (text, binary):
        writer = make_writer(fmt, stream)
        writer.write(record)
        writer.write_json(result.record_json())  # type: ignore[attr-defined]
        writer.close()
    assert binary.getvalue().decode("utf-8") == text.getvalue()
    records = [json.loads(line) for line in text.getvalue().splitlines()] if fmt == "jsonl" else None
    assert (records or json.loads(text.getvalue())) == [record, result.record()]


def test_csv_flattens_lists(tmp_path: Path) -> None:
    done = cli("extract", str(EXAMPLE), str(EXAMPLE), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode())))
    assert len(rows) == 2 and " | " not in rows[0]["authors"] and "\n\n" in rows[0]["paragraphs"]
    assert "Belgique | Anvers" in rows[0]["tags"]


def test_parquet_output(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    done = cli("extract", str(EXAMPLES), str(EXAMPLE), "--format", "parquet", "-o", str(out))
    assert done.returncode == 0, done.stderr
    table = pq.read_table(out)
    rows = table.to_pylist()
    assert len(rows) == len(list(EXAMPLES.iterdir())) + 1
    expected = presskit.extract_file(EXAMPLE).to_dict()
    row = rows[-1]
    assert row["input"] == str(EXAMPLE) and row["paragraphs"] == expected["paragraphs"]
    assert row["related"] == expected["related"] and row["published"] == expected["published"]


def test_parquet_without_pyarrow_is_a_usage_error(tmp_path: Path) -> None:
    args = ["extract", str(EXAMPLE), "--format", "parquet", "-o", str(tmp_path / "o.pq")]
    script = (
        f"import sys; sys.modules['pyarrow'] = None; from presskit.cli import main; sys.exit(main({args!r}))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "writing Parquet needs the 'parquet' extra: pip install 'presskit[parquet]'" in done.stderr
    assert not (tmp_path / "o.pq").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupt_leaves_complete_lines(tmp_path: Path, jobs: str) -> None:
    """Ctrl-C in the middle of a stream: exit 130, every line written is a whole record."""
    out = tmp_path / "out.jsonl"
    record = (json.dumps({"text": EXAMPLE.read_text(encoding="utf-8")}) + "\n").encode()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "presskit",
            "extract",
            "-",
            "--jobs",
            jobs,
            "--chunksize",
            "8",
            "-o",
            str(out),
        ],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    try:
        process.stdin.write(record * 300)
        process.stdin.flush()
        deadline = time.monotonic() + 60
        while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
            time.sleep(0.02)
        # Input is still open, so the run would go on waiting for more: Ctrl-C ends it.
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 130
    finally:
        process.kill()
        process.stdin.close()
    lines = out.read_bytes().decode().splitlines(keepends=True)
    assert 0 < len(lines) <= 300 and all(line.endswith("\n") and json.loads(line) for line in lines)
    assert process.stderr is not None and b"interrupted after" in process.stderr.read()


def test_a_reader_that_goes_away_is_no_error() -> None:
    """`presskit extract … | head`: exit 0, nothing on standard error."""
    command = f"{sys.executable} -m presskit extract {EXAMPLES} {EXAMPLES} {EXAMPLES} -q | head -c 10"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, timeout=120)
    assert done.stdout == b'{"outlet":' and done.stderr == b"" and done.returncode == 0
