"""The CCME outlet: real sample dumps, shapes derived from them, rejections and detection."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import presskit
from presskit import Document, ExtractionError, NotAnArticle
from presskit.dates import local_datetime
from presskit.text import clean
from presskit_ccme import CcmeOutlet
from presskit_ccme.multilingual import dates_in, guess_language

SAMPLES = Path(__file__).parents[2] / "shared" / "samples"
PLUGINS = Path(__file__).parents[1] / "plugins"
CCME = CcmeOutlet()
URL = "https://www.ccme.org.ma/fr/archives-du-ccme/medias-et-migration/un-article/"
NAMES = {
    "2016": "ccme-2016-04-25-maroc-belgique-cooperation-securitaire",
    "2014": "ccme-2014-02-19-maroc-belgique-accords",
}
ORIGINAL_DATES = {"2016": date(2016, 4, 22), "2014": date(2014, 2, 18)}


def sample(key: str) -> tuple[str, dict[str, Any]]:
    """Text and expected output of a CCME sample; skip when the samples are absent."""
    dump = SAMPLES / "dumps" / f"{NAMES[key]}.txt"
    if not dump.exists():
        pytest.skip("../shared/samples is not available")
    expected: dict[str, Any] = json.loads((SAMPLES / "expected" / f"{NAMES[key]}.json").read_text("utf-8"))
    return dump.read_text("utf-8"), expected


def extract(text: str, url: str | None = URL) -> presskit.Article:
    return CCME.extract(Document.from_content(text, url=url, kind="text"))


def same_paragraphs(got: tuple[str, ...], want: list[str]) -> bool:
    return [clean(p) for p in got] == [clean(p) for p in want]


# -- the real samples ---------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(NAMES))
def test_sample_full_page(key: str) -> None:
    text, expected = sample(key)
    article = extract(text)
    assert article.title == expected["title"]
    assert article.published == date.fromisoformat(expected["published"])
    assert article.section == expected["section"]
    assert article.source == "MAP"
    assert article.source_published == ORIGINAL_DATES[key]
    assert article.authors == () and article.tags == () and article.lead is None
    assert article.language == "fr"
    assert same_paragraphs(article.paragraphs, expected["paragraphs"])
    assert len(article.related) == 6
    assert all(link.published == date(2017, 1, 31) for link in article.related)


def _region(text: str) -> tuple[list[str], int, int, int]:
    lines = text.split("\n")
    crumb = next(i for i, line in enumerate(lines) if line.startswith("Home»"))
    share = next(i for i, line in enumerate(lines) if line.startswith("Facebook Twitter LinkedIn"))
    related = next(i for i, line in enumerate(lines) if line.startswith("Related Posts"))
    return lines, crumb, share, related


def _variants(text: str) -> dict[str, str]:
    """Shapes of the same page that dumps and extractors produce."""
    lines, crumb, _, related = _region(text)
    main = lines[crumb + 1 : related]
    teaser = ["Un autre titre d’actualité sur la diaspora", "", "31 janvier 2017", ""]
    return {
        "single-newlines": "\n".join(line for line in lines if line.strip()),
        "main-content": "\n".join(main),
        "main-content-single": "\n".join(line for line in main if line.strip()),
        "no-share-bars": "\n".join(line for line in main if not line.startswith("Facebook")),
        "teaser-then-header": "\n".join(teaser + main),
    }


@pytest.mark.parametrize("key", sorted(NAMES))
@pytest.mark.parametrize(
    "shape", ["single-newlines", "main-content", "main-content-single", "no-share-bars", "teaser-then-header"]
)
@pytest.mark.parametrize("url", [URL, None])
def test_sample_shapes(key: str, shape: str, url: str | None) -> None:
    text, expected = sample(key)
    article = presskit.extract(_variants(text)[shape], url=url)
    assert article.outlet == "ccme"
    assert article.title == expected["title"]
    assert article.published == date.fromisoformat(expected["published"])
    assert article.section == expected["section"]
    assert article.source == "MAP"
    assert same_paragraphs(article.paragraphs, expected["paragraphs"])


@pytest.mark.parametrize("key", sorted(NAMES))
def test_sample_headless_extracts(key: str) -> None:
    text, expected = sample(key)
    lines, _, share, related = _region(text)
    body = lines[share + 1 : related]
    for shape in (body, ["Un autre titre d’actualité", "31 janvier 2017", *body]):
        article = extract("\n".join(shape))
        assert article.title is None and article.published is None
        assert article.source == "MAP" and article.source_published == ORIGINAL_DATES[key]
        assert same_paragraphs(article.paragraphs, expected["paragraphs"])


@pytest.mark.parametrize("key", sorted(NAMES))
def test_sample_cut_short(key: str) -> None:
    text, expected = sample(key)
    lines, crumb, share, _ = _region(text)
    article = extract("\n".join(lines[crumb + 1 : share + 6]))
    assert article.title == expected["title"]
    assert article.source is None and article.source_published is None
    assert same_paragraphs(article.paragraphs, expected["paragraphs"][:2])


# -- detection ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(NAMES))
def test_detects_its_samples(key: str) -> None:
    text, _ = sample(key)
    assert CCME.detect(Document.from_content(text, kind="text")) >= 0.7
    found = presskit.detect(text)
    assert found is not None and found.name == "ccme"


def _foreign_inputs() -> list[Path]:
    dumps = [p for p in sorted((SAMPLES / "dumps").glob("*")) if not p.name.startswith("ccme-")]
    cases = [p for p in sorted(PLUGINS.glob("presskit_*/cases/*")) if "presskit_ccme" not in str(p)]
    return dumps + cases


@pytest.mark.parametrize("path", _foreign_inputs(), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_does_not_claim_other_outlets(path: Path) -> None:
    document = presskit.make_document(path.read_bytes(), path=str(path))
    assert CCME.detect(document) < 0.3


@pytest.mark.parametrize("content", ["", "\x00\x01\x02", "Home»", "Source :", "picto info", "<html><p>x</p>"])
def test_detect_never_raises(content: str) -> None:
    assert 0.0 <= CCME.detect(Document.from_content(content)) <= 1.0


def test_claims_hosts() -> None:
    assert CCME.claims_host("www.ccme.org.ma") and CCME.claims_host("ccme.org.ma")
    assert not CCME.claims_host("bladi.net")


# -- non-article pages --------------------------------------------------------------------

MENU = "CCME | Études et actualités sur les Marocains du monde\n  • Accueil\n  • Actualités\n"


def test_rejects_joomla_teaser_page() -> None:
    text = (
        "Mardi, 3 Mai 2011 10:05\n"
        "picto info Ce texte est repris dans la revue de presse du CCME.\n"
        "Un titre de la revue de presse\n"
        "Les premières lignes de l’article original, reprises par le Conseil. Suite\n"
    )
    with pytest.raises(NotAnArticle, match="teaser-only"):
        extract(text, url="https://www.ccme.org.ma/fr/medias-et-migration/12345")


def test_rejects_author_archive() -> None:
    text = MENU + "Auteur/autrice : Rédaction\n\nUn titre\n\nUn résumé…\n\nLire plus\n"
    with pytest.raises(NotAnArticle, match="author archive"):
        extract(text)


def test_rejects_listing() -> None:
    teasers = "".join(
        f"Titre numéro {n} de la rubrique\n\nMédias et migration {n} avril 2016\n\nUn résumé…\n\n"
        for n in (3, 2, 1)
    )
    with pytest.raises(NotAnArticle, match="listing"):
        extract(MENU + "Home»Archives du CCME»Médias et migration\n\nMédias et migration\n\n" + teasers)


def test_rejects_read_more_teasers() -> None:
    with pytest.raises(NotAnArticle, match="listing"):
        extract(
            "Un titre\n\nUn résumé de l’article.\n\nLire plus\n\nUn autre titre\n\nUn résumé.\n\nLire plus\n"
        )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://www.ccme.org.ma/", "home page"),
        ("https://www.ccme.org.ma/fr/", "home page"),
        ("https://www.ccme.org.ma/ar", "home page"),
        ("https://www.ccme.org.ma/fr/tag/belgique/", "tag page"),
        ("https://www.ccme.org.ma/fr/author/redaction/", "author archive"),
        ("https://www.ccme.org.ma/fr/category/actualites/page/2/", "category"),
        ("https://www.ccme.org.ma/fr/actualites/page/3", "paginated"),
        ("https://www.ccme.org.ma/fr/?s=belgique", "search"),
        ("https://www.ccme.org.ma/fr/itemlist/user/62-redaction", "K2 listing"),
    ],
)
def test_non_article_urls(url: str, reason: str) -> None:
    found = CCME.non_article_reason(url)
    assert found is not None and reason in found


@pytest.mark.parametrize(
    "url",
    [
        "https://www.ccme.org.ma/fr/actualites/le-maroc-et-la-belgique-signent-plusieurs-accords/",
        "https://www.ccme.org.ma/fr/medias-et-migration/18342",
        "https://www.ccme.org.ma/ar/news/123-centre-culturel/",
        "https://www.ccme.org.ma/en/news/page-of-history/",
    ],
)
def test_article_urls_are_not_rejected(url: str) -> None:
    assert CCME.non_article_reason(url) is None


def test_html_without_article_container_is_an_error() -> None:
    page = "<!doctype html><html><head><title>CCME</title></head><body><p>x</p></body></html>"
    with pytest.raises(ExtractionError, match="no CCME article container"):
        CCME.extract(Document.from_content(page))


def test_breadcrumb_without_article_is_an_error() -> None:
    with pytest.raises(ExtractionError):
        extract(MENU + "Home»Ressources\n\nType above and press Enter to search. Press Esc to cancel.\n")


# -- helpers --------------------------------------------------------------------------------


def test_dates_in_three_languages() -> None:
    assert [s.value for s in dates_in("Médias et migration 25 avril 2016")] == [date(2016, 4, 25)]
    assert [s.value for s in dates_in("Migration news April 25, 2022")] == [date(2022, 4, 25)]
    assert [s.value for s in dates_in("أخبار الهجرة 14 مارس 2023")] == [date(2023, 3, 14)]
    assert [s.value for s in dates_in("أخبار ١٤ شتنبر ٢٠٢٣")] == [date(2023, 9, 14)]


def test_language_from_body_then_url() -> None:
    assert guess_language(["افتتح مركز ثقافي مغربي جديد في مدينة ليل"]) == "ar"
    assert (
        guess_language(["The report says that the nurses were trained in Rabat and they have left."]) == "en"
    )
    assert guess_language(["Le Maroc et la Belgique ont signé des accords pour la coopération."]) == "fr"
    assert guess_language(["Rabat 2016"], "https://www.ccme.org.ma/en/x/") == "en"
    assert guess_language(["Rabat 2016"], None) == "fr"


def test_byline_source_and_press_review_tail() -> None:
    text = (
        "Un titre inventé pour le test\n"
        "Notre Actualité Par Amina Idrissi 2 mai 2019\n"
        "Premier paragraphe du texte.\n"
        "Lire aussi : Un autre article du Conseil\n"
        "Second paragraphe du texte.\n"
        "Cet article est une revue de presse tirée de Le Matin.\n"
    )
    article = extract(text)
    assert article.authors == ("Amina Idrissi",)
    assert article.section == "Notre Actualité"
    assert article.source == "Le Matin"
    assert article.paragraphs == ("Premier paragraphe du texte.", "Second paragraphe du texte.")
    assert [link.title for link in article.related] == ["Un autre article du Conseil"]


@pytest.mark.parametrize(
    ("text", "title", "section"),
    [
        ("Médias et migration 25 avril 2016\nFacebook Twitter\nUn.\nDeux.", None, "Médias et migration"),
        (
            "Home»Archives»Médias et migration\n\nMédias et migration 25 avril 2016\nUn.\nDeux.",
            None,
            "Médias et migration",
        ),
        (
            "Home»Archives»Entretiens»Un titre\n\nUn titre\n\nEntretiens 25 avril 2016\nUn.\nDeux.",
            "Un titre",
            "Entretiens",
        ),
    ],
)
def test_headers_without_title_or_with_title_in_the_trail(text: str, title: str | None, section: str) -> None:
    article = extract(text)
    assert (article.title, article.section, article.published) == (title, section, date(2016, 4, 25))
    assert article.paragraphs == ("Un.", "Deux.")


def test_meta_line_time_update_and_byline() -> None:
    text = (
        "Un titre\nMédias et migration 25 avril 2016 - 10:32 Mis à jour : 27 avril 2016 2 Mins Read\n"
        "Par Jean Dupont et Ali Ben Salah\nUn.\nPar delà les frontières\nDeux.\nPar ailleurs"
    )
    article = extract(text)
    assert article.published == local_datetime(date(2016, 4, 25), 10, 32)
    assert article.updated == date(2016, 4, 27)
    assert article.authors == ("Jean Dupont", "Ali Ben Salah")
    assert article.paragraphs == ("Un.", "Par delà les frontières", "Deux.", "Par ailleurs")
