"""The command line, run as a user would: in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import presskit

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "dumps" / "bladi-bibliotheque-anvers.txt"


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presskit", *args],
        capture_output=True,
        text=True,
        input=stdin.decode() if stdin is not None else None,
        timeout=120,
        encoding="utf-8",
    )


def test_version() -> None:
    done = cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"presskit {presskit.__version__}"


def test_outlets_lists_built_ins_with_their_distribution() -> None:
    done = cli("outlets")
    assert done.returncode == 0, done.stderr
    rows = {line.split("\t")[0]: line.split("\t") for line in done.stdout.splitlines()}
    assert {"bladi", "ccme", "le360", "lopinion"} <= set(rows)
    assert rows["bladi"][2] == "bladi.net" and rows["bladi"][3] == f"presskit {presskit.__version__}"


def test_extract_example_to_stdout() -> None:
    done = cli("extract", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["outlet"] == "bladi" and record["input"] == str(EXAMPLE)
    assert record["title"] and record["paragraphs"]
    assert presskit.Article.from_dict(record).to_dict() == {k: v for k, v in record.items() if k != "input"}


def test_extract_folder_with_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    done = cli("extract", str(tmp_path), "-o", str(out), "--errors", str(errors))
    assert done.returncode == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["input"]).name for r in records] == ["good.txt"]
    failures = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(f["input"]).name for f in failures) == ["binary.txt", "empty.txt"]
    assert all(f["error"] and f["reason"] for f in failures)
    for name in ("binary.txt", "empty.txt"):
        assert f"presskit: {tmp_path / name}: " in done.stderr
    assert "presskit: 3 inputs: 1 articles, 0 not articles, 2 failures" in done.stderr


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_other_formats(fmt: str) -> None:
    done = cli("extract", str(EXAMPLE), "--format", fmt)
    assert done.returncode == 0, done.stderr
    if fmt == "json":
        assert json.loads(done.stdout)[0]["outlet"] == "bladi"
    else:
        rows = list(csv.DictReader(io.StringIO(done.stdout)))
        assert rows[0]["outlet"] == "bladi" and "\n\n" in rows[0]["paragraphs"]


def test_stdin_and_forced_outlet() -> None:
    done = cli("extract", "-", "--outlet", "bladi", stdin=EXAMPLE.read_bytes())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["input"] == "<stdin>"


def test_url_host_not_claimed() -> None:
    done = cli("extract", str(EXAMPLE), "--url", "https://example.org/a.html")
    assert done.returncode == 1
    assert "no outlet claims the host 'example.org'" in done.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert cli().returncode == 2
    assert cli("extract", str(EXAMPLE), "--format", "xml").returncode == 2
    assert cli("extract", str(EXAMPLE), str(EXAMPLE), "--url", "https://www.bladi.net/x.html").returncode == 2
    unknown = cli("extract", str(EXAMPLE), "--outlet", "nope")
    assert unknown.returncode == 2 and "no outlet named 'nope'" in unknown.stderr


def test_detect() -> None:
    done = cli("detect", str(EXAMPLE))
    assert done.returncode == 0
    path, name, confidence, _reason = done.stdout.strip().split("\t")
    assert path == str(EXAMPLE) and name == "bladi" and float(confidence) >= 0.5
