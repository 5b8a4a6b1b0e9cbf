"""The real sample dumps in ../shared/samples, through the case harness and the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import presskit
from presskit.cases import check_expected
from presskit.text import clean

from conftest import SHARED

EXPECTED = sorted((SHARED / "samples" / "expected").glob("*.json"))
pytestmark = pytest.mark.skipif(not EXPECTED, reason="../shared/samples is not available")


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_sample_through_the_case_harness(path: Path) -> None:
    expected = load(path)
    article = presskit.extract_file(SHARED / "samples" / expected["file"], url=expected.get("url"))
    exact = {k: v for k, v in expected.items() if k not in ("file", "kind", "url", "paragraphs", "lead")}
    if expected.get("lead") is not None:
        exact["lead"] = expected["lead"]
    assert check_expected(article.to_dict(), exact) == []
    body = clean(article.text)
    assert clean(expected["paragraphs"][0]) in body and clean(expected["paragraphs"][-1]) in body


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_sample_passes_the_scorer(path: Path) -> None:
    score = scorer()
    result = score.check_case(presskit, SHARED / "samples", load(path))
    failed = {k: v for k, v in result.items() if k == "error" or not score.passed(v)}
    assert failed == {}
