"""Property tests on rendered articles: every outlet extracts back what its template shows.

Articles drawn by :func:`presskit.testing.articles` are written as each outlet's text dump
and HTML page by the outlet's renderer (``presskit_<name>/testing.py``), possibly disguised
by preserving mutations and re-encoded, then extracted through the public API.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import presskit
from presskit import Article, PresskitError
from presskit.document import Kind
from presskit.testing import (
    LINE_DAMAGE,
    Renderer,
    articles,
    differences,
    encoded,
    mutated,
    render,
    renderer_for,
    round_trip,
)

REGISTRY = presskit.load_registry(disabled=())
RENDERERS: list[tuple[presskit.Outlet, Renderer]] = [
    (outlet, renderer) for outlet in REGISTRY.outlets if (renderer := renderer_for(outlet)) is not None
]
KINDS: tuple[Kind, ...] = ("text", "html")
PAIRS = [(outlet, renderer, kind) for outlet, renderer in RENDERERS for kind in KINDS]
IDS = [f"{outlet.name}-{kind}" for outlet, _, kind in PAIRS]
# Each example renders, mutates and extracts whole pages: half the profile's count keeps the
# CI profile within its time budget (still hundreds per outlet and input kind).
SLOW = settings(
    max_examples=max(10, settings().max_examples // 2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def body_of(article: Article) -> str:
    return "\n".join(([article.lead] if article.lead else []) + list(article.paragraphs))


def check_sane(article: Article, renderer: Renderer, *, markers: bool = True) -> None:
    """Properties every extracted article has, whatever the input looked like."""
    body = body_of(article)
    for marker in renderer.markers if markers else ():
        assert marker not in body, f"boilerplate {marker!r} in the body"
    for moment in (article.published, article.updated, article.source_published):
        if moment is not None:
            day = moment.date() if isinstance(moment, datetime) else moment
            assert date(1995, 1, 1) <= day <= date(date.today().year + 1, 12, 31), moment
    assert Article.from_json(article.to_json()) == article


def test_every_built_in_outlet_has_a_renderer() -> None:
    assert {o.name for o, _ in RENDERERS} >= {"bladi", "ccme", "le360", "lopinion"}


@pytest.mark.parametrize(("outlet", "renderer", "kind"), PAIRS, ids=IDS)
@SLOW
@given(article=articles())
def test_round_trip(outlet: presskit.Outlet, renderer: Renderer, kind: Kind, article: Article) -> None:
    assert round_trip(renderer, article, kind, registry=REGISTRY) == []


@pytest.mark.parametrize(("outlet", "renderer", "kind"), PAIRS, ids=IDS)
@SLOW
@given(article=articles(), data=st.data())
def test_round_trip_survives_disguises(
    outlet: presskit.Outlet, renderer: Renderer, kind: Kind, article: Article, data: st.DataObject
) -> None:
    """Menus repeated or removed, newline styles, spaces, quotes, markup changes, encodings."""
    fitted = renderer.fit(article)
    page = data.draw(mutated(render(renderer, fitted, kind), kind), label="page")
    content = data.draw(encoded(page, kind), label="bytes")
    got = presskit.extract(content, url=fitted.url, registry=REGISTRY)
    assert differences(fitted, got, sorted(renderer.fields[kind]), loosely=True) == []
    check_sane(got, renderer)


@pytest.mark.parametrize(("outlet", "renderer", "kind"), PAIRS, ids=IDS)
@SLOW
@given(article=articles())
def test_extraction_is_idempotent_and_deterministic(
    outlet: presskit.Outlet, renderer: Renderer, kind: Kind, article: Article
) -> None:
    """Extracting the rendering of an extracted article changes nothing; so does extracting twice."""
    fitted = renderer.fit(article)
    page = render(renderer, fitted, kind)
    first = presskit.extract(page, url=fitted.url, registry=REGISTRY)
    assert presskit.extract(page, url=fitted.url, registry=REGISTRY) == first
    again = presskit.extract(render(renderer, renderer.fit(first), kind), url=fitted.url, registry=REGISTRY)
    assert differences(first, again, sorted(renderer.fields[kind])) == []


@pytest.mark.parametrize(("outlet", "renderer", "kind"), PAIRS, ids=IDS)
@SLOW
@given(article=articles(), data=st.data())
def test_damaged_rendered_pages_give_an_answer(
    outlet: presskit.Outlet, renderer: Renderer, kind: Kind, article: Article, data: st.DataObject
) -> None:
    """Truncated, cut, noisy pages: an Article or a PresskitError. When every line left is
    whole, the boilerplate stays recognisable and must stay out of the body."""
    fitted = renderer.fit(article)
    whole_lines = kind == "text" and data.draw(st.booleans(), label="whole lines")
    damage = LINE_DAMAGE if whole_lines else True
    page = data.draw(mutated(render(renderer, fitted, kind), kind, damaging=damage), label="page")
    document = presskit.make_document(data.draw(encoded(page, kind), label="bytes"), url=fitted.url)
    assert 0.0 <= outlet.detect(document) <= 1.0
    try:
        got = outlet.extract(document)
    except PresskitError:
        return
    assert got.outlet == outlet.name
    check_sane(got, renderer, markers=whole_lines)


@given(article=articles())
def test_article_json_round_trip(article: Article) -> None:
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(article.to_dict()).to_dict() == article.to_dict()
