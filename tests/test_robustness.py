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
from presskit.document import sniff_kind
from presskit.testing import encoded, mutated

from conftest import SAMPLES

REGISTRY = presskit.load_registry(disabled=())
OUTLETS = REGISTRY.outlets
PAGES: list[Path] = sorted(
    [o.case_path(c) for o in OUTLETS for c in o.cases] + list((SAMPLES / "dumps").glob("*.txt"))
)
PAGE_LINES = {path: path.read_text(encoding="utf-8", errors="replace").splitlines() for path in PAGES}
PAGE_TEXT = {path: presskit.make_document(path.read_bytes()).text for path in PAGES}
# Seconds an outlet may spend on one input of several MB (generous: shared 2-core CI machines).
LARGE_INPUT_SECONDS = 30


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


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), outlet_index=st.integers(0, len(OUTLETS) - 1))
def test_mutated_pages_in_any_encoding_never_crash(data: st.DataObject, outlet_index: int) -> None:
    """Case inputs and real samples, damaged and disguised by presskit.testing's mutations, then
    encoded in UTF-8, cp1252, UTF-8 with BOM or UTF-16."""
    text = PAGE_TEXT[data.draw(st.sampled_from(PAGES), label="page")]
    kind = sniff_kind(text)
    page = data.draw(mutated(text, kind, damaging=True, max_size=4), label="mutated")
    outlet = OUTLETS[outlet_index]
    result = outcome(outlet, presskit.make_document(data.draw(encoded(page, kind), label="bytes")))
    if isinstance(result, Article):
        assert result.outlet == outlet.name and result.paragraphs


def _large_inputs() -> dict[str, str]:
    size = 3_000_000
    html_page = max((t for t in PAGE_TEXT.values() if "<html" in t.lower()), key=len)
    head, _, tail = html_page.partition("</body>")
    return {
        "one-line": ("Le 12/03/2019 à 10h30 « Tanger » - Par Nadia Alami - 3 mars 2021 " * (size // 60)),
        # Wrappers 200 deep, repeated: deep enough to punish ancestor walks. (One block 75 000
        # levels deep still takes tens of seconds in presskit.html.blocks.)
        "nested-divs": "<html><body>"
        + ("<div class='post-content entry-content'>" * 200 + "<p>Un texte.</p>" + "</div>" * 200)
        * (size // 9_000)
        + "</body></html>",
        "html-many-paragraphs": head
        + "<p>Un paragraphe d’article assez long pour compter.</p>\n" * (size // 60)
        + tail,
        "menus": "\n".join(["  • Accueil", "  • Société", "Home»Actualités»Société"] * (size // 40)),
        "dates": "\n".join(["Lundi 15 Avril 2024 - 20:00", "Le 03/06/2017 à 11h42", "Title"] * (size // 50)),
    }


@pytest.mark.parametrize("shape", sorted(_large_inputs()))
@pytest.mark.parametrize("outlet", OUTLETS, ids=[o.name for o in OUTLETS])
def test_several_megabytes_of_any_shape_are_handled_in_time(outlet: presskit.Outlet, shape: str) -> None:
    import time

    text = _large_inputs()[shape]
    started = time.perf_counter()
    outcome(outlet, presskit.make_document(text.encode("utf-8")))
    assert time.perf_counter() - started < LARGE_INPUT_SECONDS


def test_extraction_is_deterministic() -> None:
    for outlet in OUTLETS:
        for case in outlet.cases:
            if case.reject is None:
                first = presskit.extract_file(outlet.case_path(case), url=case.url, registry=REGISTRY)
                again = presskit.extract_file(outlet.case_path(case), url=case.url, registry=REGISTRY)
                assert first == again
