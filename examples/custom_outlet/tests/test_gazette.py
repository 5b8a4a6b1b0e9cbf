"""The Gazette outlet, tested with presskit.testing only.

The cases and conformance checks run as test items added by presskit's pytest plugin
(enabled in this package's pyproject.toml); the property tests below add the round trip.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import presskit
from presskit.testing import articles, renderer_for, round_trip

OUTLET = presskit.default_registry().get("gazette")
RENDERER = renderer_for(OUTLET)


def test_the_outlet_is_discovered_with_its_renderer() -> None:
    assert "gazette" in {outlet.name for outlet in presskit.outlets()}
    assert RENDERER is not None


@given(article=articles(), kind=st.sampled_from(["text", "html"]))
def test_rendered_articles_come_back(article: presskit.Article, kind: str) -> None:
    assert RENDERER is not None
    assert round_trip(RENDERER, article, kind) == []  # type: ignore[arg-type]
