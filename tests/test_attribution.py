"""Attribution across outlets: dumps without URL go to the right outlet; foreign hosts are never claimed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import presskit
from presskit import UnknownOutlet

from conftest import SAMPLES

REGISTRY = presskit.load_registry(disabled=())
ARTICLE_CASES = [(o, c) for o in REGISTRY.outlets for c in o.cases if c.reject is None]
FOREIGN = "https://www.example.org/2016/04/un-article-quelconque.html"


@pytest.mark.parametrize(
    ("outlet", "case"), ARTICLE_CASES, ids=[f"{o.name}:{c.file}" for o, c in ARTICLE_CASES]
)
def test_foreign_host_is_not_claimed(outlet: presskit.Outlet, case: presskit.Case) -> None:
    content = outlet.case_path(case).read_bytes()
    assert presskit.detect(content, url=FOREIGN, registry=REGISTRY) is None
    with pytest.raises(UnknownOutlet, match="example.org"):
        presskit.extract(content, url=FOREIGN, registry=REGISTRY)


SAMPLE_FILES = sorted((SAMPLES / "expected").glob("*.json"))


@pytest.mark.skipif(not SAMPLE_FILES, reason="../shared/samples is not available")
@pytest.mark.parametrize("expected", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_real_dump_without_url_goes_to_its_outlet(expected: Path) -> None:
    data = json.loads(expected.read_text(encoding="utf-8"))
    found = presskit.detect((SAMPLES / data["file"]).read_bytes(), registry=REGISTRY)
    assert found is not None and found.name == data["outlet"]
    for other in REGISTRY.outlets:
        if other.name != data["outlet"]:
            document = presskit.make_document((SAMPLES / data["file"]).read_bytes())
            assert other.detect(document) < 0.3, f"{other.name} scores a {data['outlet']} page"
