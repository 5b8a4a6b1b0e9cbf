"""The same article as an HTML page and as a text dump gives the same record.

Every outlet case ``X.html`` with a sibling case ``X.txt`` forms a pair.
"""

from __future__ import annotations

from typing import Any

import pytest

import presskit
from presskit.text import clean

REGISTRY = presskit.load_registry(disabled=())
COMPARED = ("title", "published", "updated", "authors", "tags", "section", "source", "language")


def pairs() -> list[tuple[presskit.Outlet, presskit.Case, presskit.Case]]:
    found = []
    for outlet in REGISTRY.outlets:
        by_file = {case.file: case for case in outlet.cases}
        for name, case in by_file.items():
            twin = by_file.get(name.removesuffix(".html") + ".txt")
            if name.endswith(".html") and twin is not None and case.reject is None:
                found.append((outlet, case, twin))
    return found


PAIRS = pairs()


def record(outlet: presskit.Outlet, case: presskit.Case, url: str | None) -> dict[str, Any]:
    return presskit.extract_file(outlet.case_path(case), url=url, registry=REGISTRY).to_dict()


def body(record: dict[str, Any]) -> list[str]:
    return [clean(p) for p in ([record["lead"]] if record["lead"] else []) + record["paragraphs"]]


@pytest.mark.parametrize(("outlet", "html", "text"), PAIRS, ids=[f"{o.name}:{h.file}" for o, h, _ in PAIRS])
def test_html_and_dump_agree(outlet: presskit.Outlet, html: presskit.Case, text: presskit.Case) -> None:
    url = html.url or text.url
    from_html, from_text = record(outlet, html, url), record(outlet, text, url)
    for key in COMPARED:
        assert from_html[key] == from_text[key], key
    assert body(from_html) == body(from_text)


def test_every_outlet_has_a_pair() -> None:
    assert {o.name for o, _, _ in PAIRS} == {o.name for o in REGISTRY.outlets}
