"""The Article schema: validators and the exact (de)serialisation round trip."""

from __future__ import annotations

from datetime import date, datetime, timezone

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from presskit import Article, Image, Link
from presskit.dates import local_datetime


def make(**changes: object) -> Article:
    fields: dict[str, object] = {"outlet": "bladi", "paragraphs": ["Un paragraphe."]}
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def test_full_round_trip() -> None:
    article = make(
        url="https://www.bladi.net/x,1.html",
        title="Titre",
        lead="Chapeau.",
        paragraphs=("Un.", "Deux."),
        published=local_datetime(date(2016, 4, 23), 10, 0),
        updated=datetime(2016, 4, 24, 8, 30, tzinfo=timezone.utc),
        authors=("Bladi.net",),
        tags=("Belgique", "Terrorisme"),
        section="Belgique",
        source="MAP",
        source_published=date(2016, 4, 22),
        images=(Image(url="https://x/1.jpg", caption="Une photo", credit="DR"),),
        related=(Link(title="Autre", url="https://x/2", published=date(2016, 1, 2)),),
    )
    data = article.to_dict()
    assert data["published"] == "2016-04-23T10:00:00+01:00"
    assert data["source_published"] == "2016-04-22"
    assert Article.from_dict(data) == article
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(data).to_dict() == data


def test_text_joins_lead_and_paragraphs() -> None:
    assert make(lead="L.", paragraphs=("A.", "B.")).text == "L.\n\nA.\n\nB."
    assert make(paragraphs=("A.",)).text == "A."


def test_frozen_and_keyword_only() -> None:
    article = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Article("bladi", ("p",))  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"paragraphs": ()}, ValueError),
        ({"paragraphs": ("ok", " padded ")}, ValueError),
        ({"paragraphs": ("",)}, ValueError),
        ({"paragraphs": "not a tuple"}, TypeError),
        ({"title": ""}, ValueError),
        ({"title": "trailing "}, ValueError),
        ({"outlet": ""}, ValueError),
        ({"published": datetime(2016, 4, 23, 10, 0)}, ValueError),
        ({"published": "2016-04-23"}, TypeError),
        ({"language": "french"}, ValueError),
        ({"language": "FR"}, ValueError),
        ({"authors": ("",)}, ValueError),
    ],
)
def test_validators_guard_invariants(changes: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        make(**changes)


texts = st.text(min_size=1, max_size=40).map(str.strip).filter(bool)
whens = st.one_of(
    st.none(),
    st.dates(),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)).map(
        lambda d: d.replace(tzinfo=timezone.utc)
    ),
)


@given(
    title=st.none() | texts,
    paragraphs=st.lists(texts, min_size=1, max_size=5),
    published=whens,
    authors=st.lists(texts, max_size=3),
)
def test_json_round_trip_property(
    title: str | None, paragraphs: list[str], published: object, authors: list[str]
) -> None:
    article = make(title=title, paragraphs=paragraphs, published=published, authors=authors)
    assert Article.from_json(article.to_json()) == article
