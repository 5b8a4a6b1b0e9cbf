"""Regression examples: the failures the property tests found, kept as plain tests."""

from __future__ import annotations

from datetime import date

import pytest

import presskit
from presskit import Article, ExtractionError
from presskit.dates import local_datetime
from presskit.testing import renderer_for, round_trip

REGISTRY = presskit.load_registry(disabled=())
SHORT = (
    "La commune de Tanger lance un programme d’aide avant l’été.",
    "Un accueil renforcé",
    "L’association de Tanger lance un programme d’aide à destination des familles.",
)


def renderer(name: str):  # type: ignore[no-untyped-def]
    found = renderer_for(REGISTRY.get(name))
    assert found is not None
    return found


@pytest.mark.parametrize("source", [None, "MAP"])
@pytest.mark.parametrize("kind", ["text", "html"])
@pytest.mark.parametrize("name", ["le360", "lopinion"])
def test_brief_with_short_paragraphs_is_an_article(name: str, kind: str, source: str | None) -> None:
    """Paragraphs under the outlets' "prose" length were read as teasers of a listing."""
    article = Article(
        outlet="x",
        title="La commune lance un programme d’aide à Tanger",
        lead="La commune de Tanger lance un programme d’aide pour les Marocains du monde.",
        paragraphs=SHORT,
        published=local_datetime(date(2008, 6, 1), 1, 0),
        source=source,
    )
    assert round_trip(renderer(name), article, kind, registry=REGISTRY) == []  # type: ignore[arg-type]


def test_le360_overline_glued_to_a_quote() -> None:
    """``Société« Nous voulions… »``: the overline was kept in the chapeau."""
    article = Article(
        outlet="x",
        title="La commune lance un programme d’aide à Tanger",
        section="Société",
        lead="«\u00a0Nous voulions aider ceux qui arrivent sans rien\u00a0», explique Nadia, et la "
        "commune de Tanger lance un programme d’aide.",
        paragraphs=SHORT,
        published=local_datetime(date(2019, 3, 14), 16, 45),
    )
    assert round_trip(renderer("le360"), article, "text", registry=REGISTRY) == []


def test_le360_date_of_a_related_story_is_not_the_articles() -> None:
    """With its date line lost, a dump took the first related story's date (under the comment
    block) for the article's closing date, and the comment block into the body."""
    article = Article(
        outlet="x",
        title="La commune lance un programme d’aide à Tanger",
        lead="La commune de Tanger lance un programme d’aide pour les Marocains du monde.",
        paragraphs=(
            ("La commune de Tanger lance un programme d’aide pour les Marocains du monde. " * 2).strip(),
        )
        * 4,
        published=local_datetime(date(2008, 1, 1), 0, 0),
    )
    r = renderer("le360")
    fitted = r.fit(article)
    page = r.render_text(fitted).replace("Le 01/01/2008 à 00h00\n", "")
    try:
        got = presskit.extract(page, url=fitted.url, registry=REGISTRY)
    except presskit.PresskitError:
        return
    assert "Bienvenue" not in got.text and got.published is None


def test_bladi_html_without_its_markup_is_refused() -> None:
    """A dump with stray ``<p>`` sniffed as HTML gave the whole page, promos included, as body."""
    dump = renderer("bladi").render_text(
        renderer("bladi").fit(Article(outlet="x", title="Un titre", paragraphs=SHORT))
    )
    with pytest.raises(ExtractionError, match="no Bladi article markup"):
        presskit.extract("<p>" + dump.replace(" - ", " -<p> ", 1), url="https://www.bladi.net/x,1.html")


@pytest.mark.parametrize(
    ("day", "hour"),
    [(date(2019, 6, 9), 2), (date(2008, 6, 1), 0), (date(2022, 5, 8), 2), (date(2018, 10, 28), 2)],
)
def test_json_round_trip_in_clock_change_hours(day: date, hour: int) -> None:
    """ISO 8601 keeps the offset only; in the hour a clock change skips or repeats, the
    deserialised datetime compared unequal to the zone-aware original."""
    for fold in (0, 1):
        article = Article(
            outlet="x", paragraphs=["p"], published=local_datetime(day, hour, 30).replace(fold=fold)
        )
        assert Article.from_json(article.to_json()) == article
