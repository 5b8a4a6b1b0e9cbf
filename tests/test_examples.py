"""The example scripts run on the bundled dumps and say what they promise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import presskit

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DUMPS = EXAMPLES / "dumps"


def run_example(name: str, *args: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_bundled_dump_gives_an_article() -> None:
    dumps = sorted(p for p in DUMPS.iterdir() if p.is_file())
    outlets = {presskit.extract_file(path).outlet for path in dumps}
    assert outlets == {"bladi", "ccme", "le360", "lopinion"}


def test_extract_folder(tmp_path: Path) -> None:
    out = run_example("extract_folder.py", str(DUMPS), "out.jsonl", "--jobs", "1", cwd=tmp_path)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list(DUMPS.iterdir())) and f"{len(records)} articles" in out
    assert (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8") == ""


def test_same_story_across_outlets(tmp_path: Path) -> None:
    out = run_example("same_story.py", cwd=tmp_path)
    assert "1 stories told by more than one outlet" in out
    story = out.split("outlet\n", 1)[1]
    assert [line.split()[0] for line in story.split("\n") if line.strip()] == ["bladi", "le360", "lopinion"]
    assert "regate" not in story and "bibliotheque" not in story


def test_outlet_stats_and_histogram(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = run_example("outlet_stats.py", str(DUMPS), "dates.png", cwd=tmp_path)
    counts = dict(line.split() for line in out.split("articles per outlet:\n")[1].splitlines()[:4])
    assert counts == {"bladi": "3", "le360": "3", "ccme": "1", "lopinion": "1"}
    assert (tmp_path / "dates.png").read_bytes().startswith(b"\x89PNG")
