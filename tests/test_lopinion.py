"""The L'Opinion outlet: detection, text-dump extraction and rejections."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

import presskit
from presskit import Document, ExtractionError, NotAnArticle
from presskit.cases import check_case
from presskit_lopinion import LopinionOutlet

SAMPLES = Path(__file__).parents[2] / "shared" / "samples"
SAMPLE = "lopinion-2024-04-15-cooperation-maroc-belgique"
URL = "https://www.lopinion.ma/Cooperation-Maroc-Belgique_a12345.html"
OUTLET = LopinionOutlet()
REGISTRY = presskit.load_registry(disabled=())

PARAGRAPH = (
    "Le gouvernement a annoncé mardi une série de mesures destinées à soutenir les petites et "
    "moyennes entreprises du secteur textile, durement touchées par la hausse des coûts."
)


def _sample_text() -> str:
    path = SAMPLES / "dumps" / f"{SAMPLE}.txt"
    if not path.exists():
        pytest.skip("shared samples are not available")
    return path.read_text(encoding="utf-8")


def _expected() -> dict[str, object]:
    return dict(json.loads((SAMPLES / "expected" / f"{SAMPLE}.json").read_text(encoding="utf-8")))


def _extract(text: str, url: str | None = URL) -> presskit.Article:
    return presskit.extract(text, url=url, outlet="lopinion", registry=REGISTRY)


def _doc(text: str) -> Document:
    return Document.from_content(text)


# -- the real sample --------------------------------------------------------------------------


def test_sample_matches_expected_output() -> None:
    article = _extract(_sample_text(), url=None)
    expected = _expected()
    assert article.title == expected["title"]
    assert article.published == datetime.fromisoformat(str(expected["published"]))
    assert list(article.paragraphs) == expected["paragraphs"]
    assert article.authors == () and article.source is None and article.section is None


def test_sample_without_url_is_detected_with_bounded_confidence() -> None:
    found = presskit.detect(_sample_text(), registry=REGISTRY)
    assert found is not None and found.name == "lopinion"
    assert 0.5 <= found.confidence <= 0.7  # the WMaker template also runs other sites


@pytest.mark.parametrize(
    "variant",
    ["single-newlines", "crlf", "stray-teaser", "with-related"],
)
def test_sample_variants_keep_the_same_body(variant: str) -> None:
    text = _sample_text()
    if variant == "single-newlines":
        text = "\n".join(line for line in text.splitlines() if line.strip())
    elif variant == "crlf":
        text = text.replace("\n", "\r\n")
    elif variant == "stray-teaser":
        text = "Le Maroc remporte la Coupe d'Afrique de futsal pour la troisième fois...\n\n" + text
    else:
        text += (
            "\n\nMaroc-Espagne : un nouveau pont énergétique\nLundi 15 Avril 2024 - 18:00\n"
            "Les deux pays ont signé un accord...\n\n© 2024 L'Opinion - Tous droits réservés\n"
        )
    article = _extract(text)
    assert list(article.paragraphs) == _expected()["paragraphs"]


def test_sample_main_content_extract_without_header() -> None:
    text = _sample_text()
    body = text[text.index("Le ministre de l'Int") :]
    article = _extract("\n".join(line for line in body.splitlines() if line.strip()))
    assert article.title is None and article.published is None
    assert list(article.paragraphs) == _expected()["paragraphs"]


def test_related_teasers_keep_their_dates() -> None:
    text = _sample_text() + "\n\nMaroc-Espagne : un nouveau pont énergétique\nLundi 15 Avril 2024 - 18:00\n"
    (link,) = _extract(text).related
    assert link.title == "Maroc-Espagne : un nouveau pont énergétique"
    assert isinstance(link.published, datetime) and link.published.hour == 18


# -- detection ----------------------------------------------------------------------------------


def _other_dumps() -> list[Path]:
    dumps = sorted((SAMPLES / "dumps").glob("*.txt"))
    if not dumps:
        pytest.skip("shared samples are not available")
    return [p for p in dumps if not p.name.startswith("lopinion")]


def test_other_outlets_samples_score_low() -> None:
    for path in _other_dumps():
        score = OUTLET.detect(presskit.make_document(path.read_bytes(), path=str(path)))
        assert score < 0.3, path.name


def test_other_outlets_cases_score_low() -> None:
    plugins = Path(__file__).parents[1] / "plugins"
    for path in sorted(plugins.glob("presskit_*/cases/*.txt")):
        if "presskit_lopinion" in path.parts:
            continue
        assert OUTLET.detect(presskit.make_document(path.read_bytes(), path=str(path))) < 0.3, path


def test_brand_raises_confidence_and_detect_never_raises() -> None:
    wmaker = "Un titre\nLundi 15 Avril 2024 - 20:00\nUn titre\n" + PARAGRAPH
    assert 0.5 <= OUTLET.detect(_doc(wmaker)) <= 0.7
    assert OUTLET.detect(_doc(wmaker + "\n© 2024 L'Opinion Maroc")) >= 0.8
    assert OUTLET.detect(_doc("")) == 0.0
    assert OUTLET.detect(_doc(PARAGRAPH)) == 0.0
    assert OUTLET.detect(_doc("<html><head><title>x</title></head><body><p>y</p></body></html>")) == 0.0


# -- metadata ------------------------------------------------------------------------------------


def test_byline_with_day_only_gives_a_date_and_authors() -> None:
    text = (
        "Le textile reprend des couleurs\nRédigé par Karim BENNIS et Salma Idrissi le Jeudi 1er Aout 2019\n"
        f"{PARAGRAPH}\n{PARAGRAPH}"
    )
    article = _extract(text)
    assert article.published == date(2019, 8, 1) and not isinstance(article.published, datetime)
    assert article.authors == ("Karim BENNIS", "Salma Idrissi")


def test_section_update_source_and_tags() -> None:
    text = (
        "Accueil » Economie\nLe textile reprend des couleurs\nLundi 6 Mars 2023 - 10:00\n"
        "Modifié le Mardi 7 Mars 2023 - 08:15\nLe textile reprend des couleurs\nPh. : DR\n"
        f"{PARAGRAPH}\nLire aussi : Les exportations en hausse\n{PARAGRAPH}\nSource : Le Matin\n"
        "Tags : Textile, PME\nCommentaires\n"
    )
    article = _extract(text)
    assert article.section == "Economie"
    assert article.updated is not None and article.published is not None
    assert article.source == "Le Matin"
    assert article.tags == ("Textile", "PME")
    assert [link.title for link in article.related] == ["Les exportations en hausse"]
    assert article.paragraphs == (PARAGRAPH, PARAGRAPH)


def test_absent_author_stays_absent_and_agency_tail_is_the_source() -> None:
    article = _extract(f"Un titre de test\nLundi 6 Mars 2023 - 10:00\n{PARAGRAPH} (MAP)")
    assert article.authors == () and article.source == "MAP"


def test_dated_intertitle_stays_in_the_body() -> None:
    text = f"Chronologie du dossier\nLundi 6 Mars 2023 - 10:00\n{PARAGRAPH}\nMardi 7 Mars 2023\n" + "\n".join(
        [PARAGRAPH] * 3
    )
    assert _extract(text).paragraphs[1] == "Mardi 7 Mars 2023"


# -- rejections ----------------------------------------------------------------------------------


def test_wmaker_listing_is_rejected() -> None:
    text = "Economie\n" + "\n".join(
        f"Titre numéro {d} de la rubrique\nLundi {d} Mars 2023 - 10:00\nUn teaser de l'article..."
        for d in (6, 7, 8)
    )
    with pytest.raises(NotAnArticle, match="listing"):
        _extract(text)


def test_new_site_listing_is_rejected() -> None:
    text = "\n".join(f"Titre numéro {d}\n0{d}/03/2023|3 min de lecture" for d in (4, 5, 6))
    with pytest.raises(NotAnArticle, match="new site"):
        _extract(text, url="https://lopinion.ma/fr/economie")


def test_home_page_without_dates_is_rejected() -> None:
    teaser = "Un teaser qui résume l'article et se termine..."
    text = "\n".join(f"Titre de la une {d}\n{teaser}" for d in range(5))
    with pytest.raises(NotAnArticle):
        _extract(text)


def test_teaser_only_page_is_rejected() -> None:
    text = "Un titre de test\nLundi 6 Mars 2023 - 10:00\nUne délégation arrive à Dakhla...\nLire la suite"
    with pytest.raises(NotAnArticle, match="teaser"):
        _extract(text)


def test_header_without_body_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="no article body"):
        _extract("Un titre de test\nLundi 6 Mars 2023 - 10:00\nUn titre de test\nLire aussi\n")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://www.lopinion.ma/", "home page"),
        ("https://www.lopinion.ma/index.html", "home page"),
        ("https://lopinion.ma/fr", "home page"),
        ("https://www.lopinion.ma/xml/syndication.rss", "feed"),
        ("https://www.lopinion.ma/Nation_r7.html", "rubrique"),
        ("https://www.lopinion.ma/Nation_r7_page2.html", "rubrique"),
        ("https://www.lopinion.ma/tags/Maroc/", "tag"),
        ("https://www.lopinion.ma/auteur/Nadia-Salah/", "author"),
        ("https://lopinion.ma/fr/categorie/nation", "section"),
    ],
)
def test_non_article_urls(url: str, reason: str) -> None:
    assert reason in (OUTLET.non_article_reason(url) or "")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.lopinion.ma/Cooperation-Maroc-Belgique-Renforcement_a12345.html",
        "https://www.lopinion.ma/Tags-et-rubriques-le-guide-de-l-auteur_a2.html?utm_source=x",
        "https://lopinion.ma/fr/nation/cooperation-maroc-belgique-renforcement",
        "https://lopinion.ma/fr/article/12345-cooperation",
    ],
)
def test_article_urls_are_never_rejected(url: str) -> None:
    assert OUTLET.non_article_reason(url) is None


def test_domains_cover_legacy_and_new_hosts() -> None:
    assert OUTLET.claims_host("www.lopinion.ma") and OUTLET.claims_host("lopinion.ma")
    assert not OUTLET.claims_host("lopinion.com")


def test_declared_cases_pass() -> None:
    for case in OUTLET.cases:
        assert check_case(REGISTRY.get("lopinion"), case, REGISTRY) == [], case.file


def test_unbulleted_menus_around_the_body_are_dropped() -> None:
    menu = "Nation\nEconomie\nSport\nCulture\n"
    header = "Un titre de test\nLundi 6 Mars 2023 - 10:00\n"
    text = f"{menu}{header}{PARAGRAPH}\n{PARAGRAPH}\nKarim BENNIS\n{menu}"
    article = _extract(text)
    assert article.paragraphs == (PARAGRAPH, PARAGRAPH)
    assert article.authors == ("Karim BENNIS",)
    headless = _extract(f"{menu}{PARAGRAPH}\n{PARAGRAPH}\n{menu}")
    assert headless.paragraphs == (PARAGRAPH, PARAGRAPH) and headless.title is None


def test_empty_byline_credits_nobody() -> None:
    article = _extract(f"Un titre de test\nRédigé par  le Lundi 6 Mars 2023 - 10:00\n{PARAGRAPH}")
    assert article.authors == () and isinstance(article.published, datetime)
