"""The L'Opinion outlet: detection, text-dump extraction and rejections."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

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


# -- HTML pages -----------------------------------------------------------------------------------

CASES = Path(__file__).parents[1] / "plugins" / "presskit_lopinion" / "cases"
WMAKER_URL = "https://www.lopinion.ma/Tanger-un-nouveau-centre-d-accueil-pour-les-MRE_a98765.html"
NEW_URL = "https://lopinion.ma/fr/economie/energie-une-nouvelle-ligne-electrique-relie-ouarzazate-a-agadir"


def _page(name: str) -> str:
    return (CASES / name).read_text(encoding="utf-8")


def _html(text: str, url: str | None = WMAKER_URL) -> presskit.Article:
    return presskit.extract(text, url=url, registry=REGISTRY)


def _without(text: str, *patterns: str) -> str:
    for pattern in patterns:
        text = re.sub(pattern, "", text, flags=re.S)
    return text


def _same_record(a: presskit.Article, b: presskit.Article) -> None:
    for key in ("title", "published", "authors", "section", "source", "paragraphs"):
        assert getattr(a, key) == getattr(b, key), key


def test_html_and_dump_of_the_same_article_agree() -> None:
    html = _html(_page("article-full.html"))
    text = _extract(_page("article-full.txt"), url=WMAKER_URL)
    _same_record(html, text)
    assert html.tags == text.tags and html.updated is None
    assert [link.title for link in html.related] == [link.title for link in text.related]


def test_html_variant_without_json_ld_or_meta_gives_the_same_record() -> None:
    full = _html(_page("article-full.html"))
    bare = _without(
        _page("article-full.html"),
        r"<script type=\"application/ld\+json\">.*?</script>",
        r"<meta property=[^>]*>",
        r"<link rel=\"canonical\"[^>]*>",
    )
    _same_record(_html(bare), full)
    _same_record(_html(_page("article-popup-no-meta.html")), full)


def test_html_variant_with_extra_wrappers_and_paragraphs() -> None:
    wrapped = '<div><section><div id="t" class="big texte">'
    page = _page("article-full.html").replace('<div class="texte">', wrapped)
    page = page.replace('<div class="tags">', '</div></section><div class="tags">')
    article = _html(page)
    assert len(article.paragraphs) == 6 and article.source == "MAP"


def test_unknown_body_container_is_read_like_a_dump() -> None:
    page = _page("article-full.html").replace('<div class="texte">', '<div class="contenu">')
    page = re.sub(r'<h4 class="date">.*?</h4>', "<p>Mardi 18 Juillet 2023 - 11:30</p>", page)
    page = _without(page, r'<script type="application/ld\+json">.*?</script>', r'<meta property="art[^>]*>')
    article = _html(page)
    _same_record(article, _html(_page("article-full.html")))
    assert article.related[0].url and article.related[0].url.endswith("_a98700.html")


def test_logo_in_an_h1_is_not_the_title() -> None:
    page = _page("article-popup-no-meta.html").replace('<a class="logo"', '<h1 class="logo"><a class="logo"')
    page = page.replace('src="/_images/logo.png"></a>', 'src="/_images/logo.png">L\'Opinion Maroc</a></h1>')
    page = page.replace('<h1 class="titre-article access" itemprop="headline">', '<h1 itemprop="headline">')
    page = page.replace('class="module-article wm-module"', 'class="wm-module"')
    article = _html(page)
    assert article.title == "Tanger : un nouveau centre d’accueil pour les Marocains du monde"
    assert article.published == datetime.fromisoformat("2023-07-18T11:30:00+01:00")


def test_related_links_keep_urls_and_dates() -> None:
    related = _html(_page("article-full.html")).related
    assert related[0].url and related[0].url.endswith("_a98700.html") and related[0].published is None
    assert related[1].url and related[1].url.endswith("_a98740.html")
    assert related[1].published == datetime.fromisoformat("2023-07-17T18:10:00+01:00")
    assert "Un autre article très lu cette semaine" not in [link.title for link in related]


def test_shown_date_wins_over_metadata() -> None:
    # article:published_time in UTC with seconds: the shown local time is kept, as in the dump
    page = _page("article-full.html").replace("2023-07-18T11:30:00+01:00", "2023-07-18T10:30:27Z")
    assert _html(page).published == datetime.fromisoformat("2023-07-18T11:30:00+01:00")


def test_metadata_dates_keep_their_offset_when_no_date_is_shown() -> None:
    page = _without(_page("article-full.html"), r"<h4 class=\"date\">.*?</h4>")
    page = page.replace(
        '"datePublished":"2023-07-18T11:30:00+01:00"',
        '"datePublished":"2023-07-18T10:30:00Z","dateModified":"2023-07-18T14:00:00"',
    )
    article = _html(page)
    assert article.published == datetime.fromisoformat("2023-07-18T10:30:00+00:00")
    assert isinstance(article.updated, datetime) and article.updated.utcoffset() is not None
    assert article.updated.isoformat() == "2023-07-18T14:00:00+01:00"  # naive: Casablanca time


def test_new_site_day_only_date_stays_a_date_and_relative_time_uses_the_attribute() -> None:
    article = _html(_page("article-new-site.html"), url=None)
    assert article.published == date(2024, 5, 2) and not isinstance(article.published, datetime)
    relative = _page("article-new-site.html").replace(">02/05/2024</time>", ">Il y a 3 heures</time>")
    assert _html(relative, url=None).published == datetime.fromisoformat("2024-05-02T09:15:00+01:00")


def test_new_site_json_ld_next_data_and_dom_agree() -> None:
    full = _html(_page("article-new-site.html"), url=None)
    no_ld = _html(_page("article-new-site-no-ld.html"), url=NEW_URL)
    assert full.paragraphs == no_ld.paragraphs and full.title == no_ld.title
    assert full.images[0].credit == "© MAP" and full.images[0].url.endswith("ouarzazate.jpg")  # type: ignore[union-attr]
    assert [link.published for link in full.related] == [date(2024, 4, 30), date(2024, 4, 28)]


def test_truncated_metadata_headline_gives_the_shown_title() -> None:
    page = _page("article-full.html").replace(
        '"headline":"Tanger : un nouveau centre d’accueil pour les Marocains du monde"',
        '"headline":"Tanger : un nouveau centre d’accueil pour…"',
    )
    assert _html(page).title == "Tanger : un nouveau centre d’accueil pour les Marocains du monde"


def test_latin1_page_with_cp1252_bytes_is_read_like_a_browser() -> None:
    raw = (CASES / "article-signature.html").read_bytes()
    assert b"iso-8859-1" in raw and b"\x92" in raw
    article = presskit.extract(raw, url="https://www.lopinion.ma/Fez_a11223.html", registry=REGISTRY)
    assert "du mois d’avril" in article.paragraphs[2] and "d’Andalousie" in article.paragraphs[1]
    assert article.title == "Fès : le festival des musiques sacrées revient en juin"


def test_html_rejections() -> None:
    with pytest.raises(NotAnArticle, match="WMaker listing"):
        _html(_page("listing-rubrique.html"), url=None)
    with pytest.raises(NotAnArticle, match="new site"):
        _html(_page("listing-new-site.html"), url="https://lopinion.ma/fr/economie")
    home = _without(_page("home-page.html"), r'<meta property="og:url"[^>]*>')
    with pytest.raises(NotAnArticle, match="home page"):
        _html(home, url=None)
    teaser = _without(_page("article-full.html"), r"<div class=\"texte\">.*?</div>\s*</div>")
    stub = '<div class="texte"><p>Le port de Tanger Med ouvre...</p></div>'
    teaser = teaser.replace('<div class="tags">', stub + '<div class="tags">')
    with pytest.raises(NotAnArticle, match="teaser"):
        _html(teaser)


@pytest.mark.parametrize(
    "card",
    [
        "<p>03/06/2024|4 min de lecture</p>",
        "<p>03/06/2024<b>|</b>4 min de lecture</p>",  # the bar in an element of its own
        "<p>03/06/2024<script>x</script>|4 min<span hidden>y</span> de lecture</p>",  # dropped parts
    ],
)
def test_html_new_site_listing_found_whatever_the_markup_around_its_dates(card: str) -> None:
    """The rendering of a page without metadata is skipped only when its text holds no "|"."""
    cards = "".join(
        f'<div class="card"><h3><a href="/fr/a{i}">Titre {i}</a></h3>{card}</div>' for i in range(3)
    )
    with pytest.raises(NotAnArticle, match="new site"):
        _html(f"<html><body><main>{cards}</main></body></html>", url="https://lopinion.ma/fr/economie")


def test_html_title_without_body_is_an_extraction_error() -> None:
    page = '<html><head><meta property="og:site_name" content="L\'Opinion"></head><body>'
    page += '<div class="wm-module"><h1 class="access">Un titre de test</h1>'
    page += '<h4 class="date">Lundi 6 Mars 2023</h4><div class="texte"></div></div></body></html>'
    with pytest.raises(ExtractionError):
        _html(page)


# -- HTML detection --------------------------------------------------------------------------------


def _html_doc(text: str) -> Document:
    return Document.from_content(text, kind="html")


def test_html_detection_scores() -> None:
    assert OUTLET.detect(_html_doc(_page("article-full.html"))) >= 0.9
    assert OUTLET.detect(_html_doc(_page("article-new-site.html"))) >= 0.9
    popup = OUTLET.detect(_html_doc(_page("article-popup-no-meta.html")))
    assert popup >= 0.9  # the logo links to www.lopinion.ma
    found = presskit.detect(_page("article-popup-no-meta.html"), registry=REGISTRY)
    assert found is not None and found.name == "lopinion"


def test_wmaker_page_without_site_evidence_gets_lower_confidence() -> None:
    page = _page("article-popup-no-meta.html").replace("https://www.lopinion.ma/", "/")
    assert 0.5 <= OUTLET.detect(_html_doc(page)) <= 0.6
    assert presskit.extract(page, registry=REGISTRY).outlet == "lopinion"


def test_foreign_wmaker_site_is_not_attributed() -> None:
    page = _page("foreign-wmaker.html")
    with pytest.raises(presskit.UnknownOutlet, match="echodusouss"):
        presskit.extract(page, registry=REGISTRY)
    no_canonical = _without(page, r"<link rel=\"canonical\"[^>]*>", r"<meta property=\"og:url\"[^>]*>")
    assert OUTLET.detect(_html_doc(no_canonical)) < 0.1
    with pytest.raises(presskit.UnknownOutlet):
        presskit.extract(no_canonical, registry=REGISTRY)
    only_host = _without(page, r"<meta property=\"og:(?:site_name|url)\"[^>]*>")
    assert OUTLET.detect(_html_doc(only_host)) < 0.1  # its canonical host names it


def test_other_outlets_html_cases_score_low() -> None:
    plugins = Path(__file__).parents[1] / "plugins"
    for path in sorted(plugins.glob("presskit_*/cases/*.html")):
        if "presskit_lopinion" not in path.parts:
            assert OUTLET.detect(presskit.make_document(path.read_bytes(), path=str(path))) < 0.3, path


@pytest.mark.parametrize(
    "content",
    [
        "<html>",
        "<html><head><meta property='og:site_name'></head></html>",
        "<div class='wm-module'>",
        '<script id="__NEXT_DATA__">{not json</script><h1>x</h1>',
        "\x00<html><body>\x92</body>",
    ],
)
def test_html_detect_never_raises_and_odd_pages_fail_cleanly(content: str) -> None:
    document = _html_doc(content)
    assert 0.0 <= OUTLET.detect(document) <= 1.0
    with pytest.raises(presskit.PresskitError):
        OUTLET.extract(document)


def test_brand_hints_are_necessary_for_the_brand() -> None:
    """The literal pre-check never rules out a usual spelling the brand pattern matches."""
    from presskit_lopinion.outlet import BRAND, BRAND_HINTS, BRAND_REACH

    for text in ("lopinion.ma", "Lopinion.ma", "L'OPINION MAROC", "© 2024 L’Opinion", "©  2024  L'OPINION"):
        assert BRAND.search(text)
        at = min(i for i in (text.find(h) for h in BRAND_HINTS) if i >= 0)
        assert BRAND.search(text, max(0, at - BRAND_REACH[0]), at + BRAND_REACH[1])
    assert not any(h in "le360 et hespress" for h in BRAND_HINTS)


def test_text_detection_reads_the_head_and_the_tail() -> None:
    """Fingerprints on the first line, across newline styles, and at the end of a long dump."""
    wmaker = "Lundi 15 Avril 2024 - 20:00\nUn titre\n" + PARAGRAPH + "\n\nLire aussi\nUn autre titre"
    score = OUTLET.detect(_doc(wmaker))
    assert score == 0.45  # the date line opening the dump, the related heading closing it
    for newline in ("\r\n", "\r"):
        assert OUTLET.detect(_doc(wmaker.replace("\n", newline))) == score
    long = wmaker.replace(PARAGRAPH, "\n\n".join([PARAGRAPH] * 60))
    assert OUTLET.detect(_doc(long)) == score
    assert OUTLET.detect(_doc(long + "\n© 2024 L'Opinion - Tous droits réservés")) == 0.75
    # a listing: dated teasers, indented or not, in the head
    teasers = "".join(f"Titre {i}\n  Lundi {i} Avril 2024 - 20:00\nUn résumé…\n" for i in range(1, 4))
    assert OUTLET.detect(_doc(teasers)) == 0.45


def test_line_tests_agree_with_the_pattern_lists() -> None:
    """The guards before the scanning noise and end patterns never change a verdict."""
    from presskit_lopinion.outlet import END_MARKERS, NOISE, _is_end, _is_noise

    lines = _case_lines()
    lines |= {
        "© 2023 L'Opinion - Tous droits réservés",
        "TOUS DROITS RÉSERVÉS",
        "x" * 60 + "All rights reserved" + "y" * 40,
        "x" * 60 + "All rights reserved" + "y" * 41,
        "جميع الحقوق محفوظة © 2023",
        "من نحن",
        "x" * 80 + "جميع الحقوق محفوظة",  # a footer phrase starting as far as it may
        "x" * 81 + "جميع الحقوق محفوظة",
        "x" * 80 + "من نحن",
        "x" * 81 + "من نحن",
        "abcdabcd",  # glued logo text
        "abcdabce",
        "Le ministre à Rabat (Ph. MAP)",
        "Le ministre à Rabat (Ph. MAP) hier",
    }
    for line in lines:
        assert _is_end(line) == any(p.match(line) for p in END_MARKERS), line
        half = len(line) // 2
        glued = len(line) >= 8 and len(line) % 2 == 0 and line[:half] == line[half:]
        assert _is_noise(line) == (any(p.match(line) for p in NOISE) or glued), line


def _case_lines() -> set[str]:
    """The cleaned non-blank lines of every outlet's text cases."""
    plugins = Path(__file__).parents[1] / "plugins"
    return {
        clean
        for path in plugins.glob("presskit_*/cases/*.txt")
        for clean in presskit.text.non_blank(path.read_text(encoding="utf-8").splitlines())
    }


def test_line_classes_agree_with_the_line_tests() -> None:
    """Each class bit says what its test says; the related-teaser patterns are end markers."""
    from presskit_lopinion import outlet as dump

    lines = _case_lines() | {
        "Lundi 15 Avril 2024 - 20:00",
        "15/04/2024|3 min de lecture",
        "Tags",
        "Lire la suite »",
    }
    for line in lines:
        kind = dump._classify(line)
        assert bool(kind & dump.LINE_DATED) == (dump._stamp(line) is not None), line
        assert bool(kind & dump.LINE_PROSE) == dump._is_prose(line), line
        assert bool(kind & dump.LINE_NOISE) == dump._noise(line), line
        assert bool(kind & dump.LINE_END) == dump._end(line), line
        if any(p.match(line) for p in (dump.RELATED_HEADINGS, dump.TAGS_LINE, dump.READ_MORE)):
            assert kind & dump.LINE_END, line


def _strip_menu_runs_reference(body: list[str]) -> list[str]:
    """Menu runs dropped as the dump parser first wrote it: head first, then the tail of the rest."""
    from presskit_lopinion.outlet import _is_menu_word

    head = next((i for i, line in enumerate(body) if not _is_menu_word(line)), len(body))
    if head >= 3:
        body = body[head:]
    tail = next((i for i, line in enumerate(reversed(body)) if not _is_menu_word(line)), len(body))
    if tail >= 3:
        body = body[: len(body) - tail]
    return body


@pytest.mark.parametrize("shape", ["", "m", "mm", "mmm", "mmmm", "p", "mmp", "mmmp", "pmm", "pmmm", "mmmpmmm",
                                   "mmpmm", "mmmpppmm", "pmp", "mmmmmmp", "pmmmmmm", "mpm"])  # fmt: skip
def test_menu_runs_are_cut_as_before(shape: str) -> None:
    from presskit_lopinion.outlet import _menu_runs, _strip_menu_runs

    body = [f"Menu {i}" if c == "m" else PARAGRAPH for i, c in enumerate(shape)]
    start, stop = _menu_runs(body)
    assert body[start:stop] == _strip_menu_runs(body) == _strip_menu_runs_reference(body)


EMBED_PAGE = (
    "<div class='texte'>un<br>avant <blockquote class='twitter-tweet'><p>Tweet</p><p>suite "
    "<span class='share'>x</span></p><script>s()</script>— Nom (@nom)</blockquote>après<br>"
    "<div class='pub'><blockquote class='instagram-media'><p>caché</p></blockquote></div>"
    "<blockquote class='tiktok-embed share'><p>aussi caché</p></blockquote>"
    "<blockquote class='twitter-tweet'><blockquote class='twitter-tweet'><p>dans</p></blockquote>"
    "<p>un autre</p></blockquote><blockquote class='twitter-tweet'> </blockquote>fin</div>"
    "<blockquote class='twitter-tweet'><p>seul</p><p>conteneur</p></blockquote>"
)


def _copy_lines(node: Any, drop: Sequence[str]) -> list[str]:
    """The reference rendering: a copy of the container whose embeds hold only their text."""
    from presskit.html import blocks, node_text
    from presskit_lopinion.html import EMBEDS

    inner = node.inner_html if node.tag == "body" else node.html
    copy = LexborHTMLParser(f"<div>{inner or ''}</div>")
    for embed in copy.css(", ".join(EMBEDS)):
        embed.inner_html = html.escape(node_text(embed) or "")
    return blocks(copy.body, drop=drop)


def test_containers_render_as_copies_with_flattened_embeds_would() -> None:
    """Containers are read in place: the lines are those of a copy whose embeds were flattened,
    and without embeds, those of plain ``blocks``."""
    from presskit.html import blocks
    from presskit_lopinion.html import BODY_DROP, PAGE_DROP, _lines, _Page

    plugins = Path(__file__).parents[1] / "plugins"
    pages = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(plugins.glob("presskit_*/cases/*.html"))
    ]
    pages += ["<div class='texte'>un<br>deux <span>trois</span></div><td>quatre</td><p>cinq", EMBED_PAGE]
    selectors = ("div", "p", "section", "td", "li", "blockquote", "main", "body")
    for page in pages:
        tree = _html_doc(page).tree
        nodes = [n for selector in selectors for n in tree.css(selector)][:60]
        source = _Page.read(_html_doc(page)).source
        for node in [*nodes, *([source] if source is not None else [])]:
            for drop in (BODY_DROP, (*PAGE_DROP, *BODY_DROP)):
                assert _lines(node, drop) == _copy_lines(node, drop)
                if "blockquote" not in (node.html or ""):
                    assert _lines(node, drop) == blocks(node, drop=drop)
    texte = _html_doc(EMBED_PAGE).tree.css_first(".texte")
    assert _lines(texte, BODY_DROP) == [
        "un", "avant Tweet suite x s() — Nom (@nom)", "après", "dans un autre", "fin"
    ]  # fmt: skip


def test_metas_read_in_one_query_agree_with_meta() -> None:
    from presskit.html import meta
    from presskit_lopinion.html import _metas

    names = ("og:site_name", "og:url", "twitter:site", "og:type")
    plugins = Path(__file__).parents[1] / "plugins"
    pages = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(plugins.glob("presskit_*/cases/*.html"))
    ]
    pages.append(
        '<html><head><meta property="og:url" content="  "><meta name="og:url" content=" https://a.ma/x ">'
        '<meta property="OG:SITE_NAME" content="Autre"><meta itemprop="og:site_name" content="L\'Opinion">'
        '<meta name="twitter:site" content="@a"><meta property="twitter:site" content="@b"></head>'
        '<body><meta property="og:type" content="article">'
        '<meta property="og:type" content="website"></body></html>'
    )
    for page in pages:
        tree = _html_doc(page).tree
        expected = {name: value for name in names if (value := meta(tree, name)) is not None}
        assert _metas(tree, names) == expected


def test_prepare_drops_menu_bullets_and_keeps_list_items() -> None:
    from presskit_lopinion.outlet import _kinds, _prepare

    raw = [
        "Titre",
        "  • Accueil",
        "  • Accueil",
        "• Sport",
        "  - Un élément de liste assez long pour rester",
        "",
        "Texte.",
    ]
    kept = ["Titre", "Un élément de liste assez long pour rester", "Texte."]
    assert _prepare(raw) == (kept, _kinds(kept))
    assert _prepare(["a", "", " b"])[0] == ["a", "b"]  # an indent alone is no bullet
    assert _prepare(["a", "\u200b", " \u00ad ", "b"])[0] == ["a", "b"]  # blank once cleaned


@pytest.mark.parametrize(
    ("title", "repeat"),
    [
        ("Le Maroc et la Belgique", "LE MAROC ET LA BELGIQUE."),  # upper-case ASCII opening
        ("École et emploi", "Ecole et emploi"),  # accented opening folds to an ASCII letter
        ("2025, l'année du textile", "2025, L'ANNÉE DU TEXTILE"),  # digit opening
        ("« Une saison » décisive", "« Une saison » décisive ."),  # punctuation opening
    ],
)
def test_clean_body_drops_title_repeats_whatever_their_first_character(title: str, repeat: str) -> None:
    """The first-character shortcut never keeps a line that folds to the title."""
    from presskit_lopinion import outlet as dump

    lines = [repeat, PARAGRAPH, "Le Maroca"]
    kept = dump._clean_body(lines, dump._kinds(lines), title, dump._Meta())
    assert kept == [PARAGRAPH, "Le Maroca"]


@pytest.mark.parametrize("doctype", ["", "<!DOCTYPE html>"])  # quirks mode ignores the case of classes
@pytest.mark.parametrize(
    "classes",
    [
        ("lire-aussi module-related", "related"),  # one box under two selectors: listed twice
        ("Related", "related"),  # matched in quirks mode only
        ("related\tx", "x\xa0related", "RELATED-ARTICLES lire_aussi"),  # only ASCII whitespace separates
    ],
)
def test_related_boxes_by_class_as_lexbor_lists_them(doctype: str, classes: Sequence[str]) -> None:
    from presskit_lopinion import html as page_html

    boxes = "".join(f'<div class="{c}"><a href="/a{i}">Titre {i}</a></div>' for i, c in enumerate(classes))
    tree = LexborHTMLParser(f"{doctype}<html><body><div class='related'>{boxes}</div></body></html>")
    expected = [node.mem_id for selector in page_html.RELATED for node in tree.css(selector)]
    assert [node.mem_id for node in page_html._by_class(tree)] == expected


@pytest.mark.parametrize("doctype", ["", "<!DOCTYPE html>"])
@pytest.mark.parametrize("value", ["share", "Share", "x ad-slot", "share\xa0x", "ads\ty", "sharex", ""])
def test_image_drop_by_class_as_lexbor_matches(doctype: str, value: str) -> None:
    from presskit_lopinion import html as page_html

    tree = LexborHTMLParser(
        f'{doctype}<html><body><div class="{value}"><img src="/a.jpg"></div></body></html>'
    )
    region, box = tree.body, tree.css_first("div")
    assert region is not None and box is not None
    expected = box.mem_id in {node.mem_id for node in region.css(page_html.IMAGE_DROP)}
    assert page_html._dropped(box, region, {}) is expected


@pytest.mark.parametrize(
    "base", ["https://www.lopinion.ma/", "http://h.ma/a/b.html?x=1#f", "HTTPS://H.ma", "ftp://h/p", "x"]
)
@pytest.mark.parametrize(
    "href",
    ["/", "/fr/economie/a-1", "/a//b", "/a/./b", "/a/../b", "/a/.", "/a/..", "/.a", "/a.", "/a?", "/a#",
     "/a;p", "/a b", "/a\tb", "/é", "//h/p", "/a:b", "/[x]", "/a..b/c",
     "/a?v=1", "/a?v=1#f", "/a?x?y", "/a?é;b", "/a?v\n1", "/a?v 1", "/a/../b?v=1", "/?v",
     "https://h.ma/a?v=1", "http://h.ma", "https://h.ma?x", "https://h.ma/", "HTTPS://h.ma/a", "https://H.MA:8080/a",
     "https://h.ma/a/../b", "https://h.ma//a", "https://[::1]/a", "https://h.ma/a;p", "https://h.ma/a#f",
     "https://h.ma/a?", "https://é.ma/a", "https://h.ma:/a", "https://u@h.ma/a", "ftp://h.ma/a",
     "https:/h.ma/a", " https://h.ma/a", "https://h.ma/a?b c"],
)  # fmt: skip
def test_join_is_urljoin(base: str, href: str) -> None:
    from urllib.parse import urljoin

    from presskit_lopinion import html as page_html

    try:
        expected: object = urljoin(base, href)
    except ValueError:
        expected = ValueError
    try:
        found: object = page_html._join(base, href)
    except ValueError:
        found = ValueError
    assert found == expected


@pytest.mark.parametrize(
    "headings",
    [
        "",
        "<h1>L'Opinion</h1>",
        "<h1 class='access'>Titre</h1>",
        "<article><h1>Titre</h1></article>",
        "<svg><h1>Titre</h1></svg>",
        "<h1>L'Opinion</h1><article><h1>Titre</h1></article>",
        "<h1>Autre</h1><main><h1>Titre</h1></main><h1 class='access'>Accès</h1>",
    ],
)
def test_title_node_as_the_selectors_in_turn_find_it(headings: str) -> None:
    from presskit.html import node_text
    from presskit_lopinion import html as page_html

    tree = LexborHTMLParser(f"<html><body><div class='module-article'>{headings}</div></body></html>")
    expected = next(
        (
            n
            for s in page_html.TITLE
            for n in tree.css(s)
            if (t := node_text(n)) and not page_html.SITE.search(t)
        ),
        None,
    )
    found = page_html._title_node(tree)
    assert (found and found.mem_id) == (expected and expected.mem_id)
