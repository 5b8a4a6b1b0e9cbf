"""Property tests: mangled inputs give an Article or a PresskitError from every outlet, never a crash.

Outlets are called directly (not through the API, which wraps plugin bugs into
ExtractionError) so that a bug shows as the exception it is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import presskit
from presskit import Article, Document, PresskitError

from conftest import SAMPLES

REGISTRY = presskit.load_registry(disabled=())
OUTLETS = REGISTRY.outlets
PAGES: list[Path] = sorted(
    [o.case_path(c) for o in OUTLETS for c in o.cases] + list((SAMPLES / "dumps").glob("*.txt"))
)
PAGE_LINES = {path: path.read_text(encoding="utf-8", errors="replace").splitlines() for path in PAGES}


def outcome(outlet: presskit.Outlet, document: Document) -> Article | PresskitError:
    score = outlet.detect(document)
    assert 0.0 <= score <= 1.0
    try:
        return outlet.extract(document)
    except PresskitError as exc:
        return exc


@st.composite
def mangled(draw: st.DrawFn) -> str:
    """A real or invented page with lines dropped, duplicated, shuffled locally, cut, or re-spaced."""
    lines = list(PAGE_LINES[draw(st.sampled_from(PAGES))])
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "swap", "blank", "noise"]))
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif action == "blank":
            lines[index] = ""
        elif action == "noise":
            lines[index] = draw(st.text(max_size=40))
    if draw(st.booleans()):
        lines = lines[: draw(st.integers(0, len(lines)))]
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return separator.join(lines)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(text=mangled(), outlet_index=st.integers(0, len(OUTLETS) - 1))
def test_mangled_pages_never_crash(text: str, outlet_index: int) -> None:
    outlet = OUTLETS[outlet_index]
    result = outcome(outlet, presskit.make_document(text))
    if isinstance(result, Article):
        assert result.outlet == outlet.name and result.paragraphs


@given(data=st.binary(max_size=3000), outlet_index=st.integers(0, len(OUTLETS) - 1))
def test_random_bytes_never_crash(data: bytes, outlet_index: int) -> None:
    outcome(OUTLETS[outlet_index], presskit.make_document(data))


@given(
    st.recursive(
        st.text(max_size=30).map(lambda t: t.replace("<", " ")),
        lambda inner: st.tuples(
            st.sampled_from(["div", "p", "h1", "h2", "article", "span", "script", "figure", "time", "a"]),
            st.lists(inner, max_size=4),
        ).map(lambda t: f"<{t[0]} class='x'>{''.join(t[1])}</{t[0]}>"),
        max_leaves=20,
    ),
    st.integers(0, 3),
)
def test_random_html_never_crashes(body: str, outlet_index: int) -> None:
    page = f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
    outcome(OUTLETS[outlet_index % len(OUTLETS)], presskit.make_document(page))


@pytest.mark.parametrize("outlet", OUTLETS, ids=[o.name for o in OUTLETS])
def test_large_input_is_handled(outlet: presskit.Outlet) -> None:
    page = "\n".join(max(PAGE_LINES.values(), key=lambda lines: sum(map(len, lines))))
    text = "\n".join([page] * (3_000_000 // len(page) + 1))  # about 3 MB of a repeated page
    outcome(outlet, presskit.make_document(text))


def test_extraction_is_deterministic() -> None:
    for outlet in OUTLETS:
        for case in outlet.cases:
            if case.reject is None:
                first = presskit.extract_file(outlet.case_path(case), url=case.url, registry=REGISTRY)
                again = presskit.extract_file(outlet.case_path(case), url=case.url, registry=REGISTRY)
                assert first == again
