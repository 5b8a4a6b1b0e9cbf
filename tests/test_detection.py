"""Detection: the URL host decides; without one, the content's clear winner."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import presskit
from presskit import Detection, Document, NotAnArticle, UnknownOutlet, hookimpl

from dummy_outlet import DUMMY_PAGE, DummyPlugin


def test_url_host_decides_subdomains_included(full_registry: presskit.Registry) -> None:
    found = presskit.detect("whatever", url="https://news.dummy.example/a-1", registry=full_registry)
    assert found is not None and found.name == "dummy" and found.confidence == 1.0
    assert "news.dummy.example" in found.reason
    found = presskit.detect("x", url="http://www.bladi.net/a,1.html", registry=full_registry)
    assert found is not None and found.name == "bladi"


def test_foreign_host_is_never_claimed_even_if_content_matches(full_registry: presskit.Registry) -> None:
    assert presskit.detect(DUMMY_PAGE, url="https://elsewhere.example/x", registry=full_registry) is None
    with pytest.raises(UnknownOutlet, match="no outlet claims the host 'elsewhere.example'"):
        presskit.extract(DUMMY_PAGE, url="https://elsewhere.example/x", registry=full_registry)


def test_content_decides_without_url(dummy_registry: presskit.Registry) -> None:
    found = presskit.detect(DUMMY_PAGE, registry=dummy_registry)
    assert found == Detection(name="dummy", confidence=0.9, reason="content looks like dummy (0.90)")


def test_no_winner_names_the_candidates(dummy_registry: presskit.Registry) -> None:
    assert presskit.detect("rien à voir", registry=dummy_registry) is None
    with pytest.raises(UnknownOutlet, match=r"<input>: no outlet recognises the content.*none scored"):
        presskit.extract("rien à voir", registry=dummy_registry)


def test_canonical_url_of_html_decides(full_registry: presskit.Registry) -> None:
    page = '<html><head><link rel="canonical" href="https://dummy.example/tag/x"></head><body>DUMMY-NEWS</body></html>'
    found = presskit.detect(page, registry=full_registry)
    assert found is not None and found.name == "dummy"
    with pytest.raises(NotAnArticle, match="a tag page"):
        presskit.extract(page, registry=full_registry)


def test_non_article_url_is_detected_but_rejected(full_registry: presskit.Registry) -> None:
    url = "https://dummy.example/tag/maroc"
    assert presskit.detect(DUMMY_PAGE, url=url, registry=full_registry) is not None
    with pytest.raises(NotAnArticle, match=r"https://dummy.example/tag/maroc: a tag page \(URL"):
        presskit.extract(DUMMY_PAGE, url=url, registry=full_registry)


class Referee:
    """Arbitrates by always choosing a fixed answer."""

    @hookimpl
    def presskit_choose_outlet(self, document: Document, candidates: Sequence[Detection]) -> Detection | None:
        if "REFEREE" in document.text:
            return Detection(name=candidates[0].name, confidence=0.42, reason="the referee said so")
        return None


def test_choose_outlet_hook_arbitrates() -> None:
    registry = presskit.load_registry(entry_points=False, plugins=[("d", DummyPlugin()), ("r", Referee())])
    found = presskit.detect(DUMMY_PAGE + "REFEREE", registry=registry)
    assert found is not None and found.reason == "the referee said so"
    assert presskit.detect(DUMMY_PAGE, registry=registry).reason.startswith("content")  # type: ignore[union-attr]


def test_url_without_host(dummy_registry: presskit.Registry) -> None:
    with pytest.raises(UnknownOutlet, match="has no host"):
        presskit.extract(DUMMY_PAGE, url="file:///tmp/x.html", registry=dummy_registry)


def test_canonical_link_wins_over_og_url_and_relative_ones_are_ignored() -> None:
    from presskit.detection import url_of_html

    def url(head: str) -> str | None:
        return url_of_html(Document.from_content(f"<html><head>{head}</head><body><p>x</p></body></html>"))

    og = '<meta property="og:url" content="https://b.ma/og">'
    assert url(og + '<link rel="canonical" href="https://a.ma/canon">') == "https://a.ma/canon"
    assert url('<link rel="canonical" href="/relative">' + og) == "https://b.ma/og"
    assert url('<link rel="stylesheet" href="https://a.ma/s.css">') is None


def test_a_canonical_link_outside_the_head_still_wins() -> None:
    from presskit.detection import url_of_html

    og = '<meta property="og:url" content="https://b.ma/og">'
    canonical = '<link rel="canonical" href="https://a.ma/canon">'
    for page in (
        f"<html><head>{og}</head><body><p>x</p>{canonical}</body></html>",
        f"<html><head><title>t</title></head><body>{og}<p>x</p>{canonical}</body></html>",
        f"<html><head>{og}</head><body><p>x</p></body></html>".replace(
            "https://b.ma/og", "https://a.ma/canon"
        ),
    ):
        assert url_of_html(Document.from_content(page)) == "https://a.ma/canon"
