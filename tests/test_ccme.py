"""The CCME outlet: real sample dumps, shapes derived from them, rejections and detection."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import presskit
from presskit import Document, ExtractionError, NotAnArticle
from presskit.dates import find_dates, local_datetime
from presskit.text import clean
from presskit_ccme import CcmeOutlet
from presskit_ccme.multilingual import guess_language

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
    assert [s.value for s in find_dates("Médias et migration 25 avril 2016")] == [date(2016, 4, 25)]
    assert [s.value for s in find_dates("Migration news April 25, 2022")] == [date(2022, 4, 25)]
    assert [s.value for s in find_dates("أخبار الهجرة 14 مارس 2023")] == [date(2023, 3, 14)]
    assert [s.value for s in find_dates("أخبار ١٤ شتنبر ٢٠٢٣")] == [date(2023, 9, 14)]


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


# -- HTML pages -------------------------------------------------------------------------------

CASES_DIR = PLUGINS / "presskit_ccme" / "cases"
FULL_HTML = (CASES_DIR / "article-full.html").read_text("utf-8")
PAGE_URL = "https://www.ccme.org.ma/fr/actualites/bibliotheque-itinerante-pays-bas/"
COMPARED = (
    "title",
    "published",
    "updated",
    "authors",
    "tags",
    "section",
    "source",
    "source_published",
    "language",
)


def _html(text: str, url: str | None = PAGE_URL) -> presskit.Article:
    return presskit.extract(text, url=url)


def _drop(text: str, pattern: str) -> str:
    changed = re.sub(pattern, "", text, flags=re.S)
    assert changed != text, pattern
    return changed


def _swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


NO_LD = r'<script type="application/ld\+json".*?</script>'
STRUCTURED = (NO_LD, r'<meta property="(?:og|article):[^"]*" content="[^"]*" />')
HTML_VARIANTS: dict[str, Any] = {
    "no-json-ld": lambda t: _drop(t, NO_LD),
    "no-structured-data": lambda t: _drop(_drop(t, STRUCTURED[0]), STRUCTURED[1]),
    "hashed-classes-rotated": lambda t: t.replace("9b36172e", "0d4e21aa").replace("4f1c2a9d", "77b0c3e1"),
    "extra-wrappers": lambda t: _swap(
        _swap(
            t,
            '<div class="post-content cf entry-content content-spacious">',
            '<div class="x-wrap"><section><div class="entry-content post-content cf">',
        ),
        "</article>",
        "</div></section></article>",
    ).replace('<h1 class="is-title post-title">', '<div class="title-wrap"><h1 class="post-title is-title">'),
    "attribute-order": lambda t: _swap(
        _swap(
            t,
            '<time class="post-date" datetime="2021-03-03T10:15:00+01:00">',
            '<time datetime="2021-03-03T10:15:00+01:00" class="post-date">',
        ),
        'class="category term-color-7" rel="category"',
        'rel="category" class="term-color-7 category"',
    ),
    "no-breadcrumb-no-labels": lambda t: _drop(
        _drop(t, r'<nav class="breadcrumbs.*?</nav>'), r'<span class="meta-item cat-labels">.*?</span>'
    ),
    "no-visible-date": lambda t: _drop(
        t,
        r'<span class="meta-item date"><span class="date-link"><time class="post-date" '
        r'datetime="2021-03-03.*?</span></span>',
    ),
    "only-visible-parts": lambda t: _drop(
        _drop(_drop(t, STRUCTURED[0]), STRUCTURED[1]), r'<link rel="canonical"[^>]*>'
    ),
    "no-related-no-featured": lambda t: _drop(
        _drop(t, r'<section class="related-posts">.*?</section>\s*</section>'),
        r'<div class="single-featured">.*?</div>\s*</div>',
    ),
}


@pytest.mark.parametrize("variant", sorted(HTML_VARIANTS))
def test_html_variants_give_the_dump_record(variant: str) -> None:
    dump = presskit.extract_file(CASES_DIR / "article-full.txt", url=PAGE_URL).to_dict()
    got = _html(HTML_VARIANTS[variant](FULL_HTML)).to_dict()
    assert {key: got[key] for key in COMPARED} == {key: dump[key] for key in COMPARED}
    assert got["paragraphs"] == dump["paragraphs"]


def test_html_record_parts() -> None:
    article = _html(FULL_HTML)
    assert article.images[0].url == "https://www.ccme.org.ma/wp-content/uploads/2021/03/bibliobus-utrecht.jpg"
    assert [link.url for link in article.related] == [
        "https://www.ccme.org.ma/fr/actualites/festival-livre-marocain-anvers/",
        "https://www.ccme.org.ma/fr/actualites/cours-arabe-murcie/",
    ]
    assert [link.published for link in article.related] == [date(2021, 3, 1), date(2021, 2, 28)]
    assert "Nos dernières actualités" not in article.text and "Type above" not in article.text


def test_html_dates_follow_what_the_page_shows() -> None:
    # metadata at 23:30 UTC is the next day in Casablanca: with no visible date, that day
    late = _drop(FULL_HTML, NO_LD).replace("2021-03-03T09:15:00+00:00", "2021-03-03T23:30:00+00:00")
    late = _drop(late, r'<span class="meta-item date"><span class="date-link">.*?</span></span>')
    assert _html(late).published == date(2021, 3, 4)
    # a time shown next to the day keeps the <time datetime> value (the site's offset), as
    # the dump of that page does; the UTC metadata of the same instant is not preferred
    timed = FULL_HTML.replace(">3 mars 2021</time>", ">3 mars 2021 - 10:15</time>")
    dump = (
        (CASES_DIR / "article-full.txt")
        .read_text("utf-8")
        .replace("monde 3 mars 2021", "monde 3 mars 2021 - 10:15")
    )
    assert _html(timed).to_dict()["published"] == "2021-03-03T10:15:00+01:00"
    assert extract(dump).to_dict()["published"] == "2021-03-03T10:15:00+01:00"
    # a shown time that the metadata contradicts wins: the page and its dump show it
    wrong = _drop(timed, r' datetime="2021-03-03T10:15:00\+01:00"').replace(
        ">3 mars 2021 - 10:15<", ">3 mars 2021 - 11:00<"
    )
    assert _html(wrong).published == local_datetime(date(2021, 3, 3), 11, 0)
    # with the attribute gone, the UTC metadata of the shown minute keeps its offset
    utc = _drop(timed, r' datetime="2021-03-03T10:15:00\+01:00"')
    assert _html(utc).to_dict()["published"] == "2021-03-03T09:15:00+00:00"
    assert _html(utc).published.utcoffset() == timedelta(0)  # type: ignore[union-attr]


def test_html_update_stamp_only_when_shown() -> None:
    assert _html(FULL_HTML).updated is None  # article:modified_time alone is not an update
    stamp = (
        '<span class="meta-item date-modified"><span class="updated-on">Mis à jour :</span>'
        '<time class="post-date" datetime="2021-03-04T09:02:11+01:00">4 mars 2021</time></span>'
    )
    shown = _swap(FULL_HTML, '<span class="meta-item date">', stamp + '<span class="meta-item date">')
    article = _html(shown)
    assert (article.published, article.updated) == (date(2021, 3, 3), date(2021, 3, 4))


def test_html_headline_cut_by_the_schema_gives_the_visible_title() -> None:
    cut = FULL_HTML.replace(
        '"headline":"Aux Pays-Bas, une bibliothèque itinérante prête des livres en arabe et en amazigh"',
        '"headline":"Aux Pays-Bas, une bibliothèque itinérante prête des livres…"',
    )
    assert (
        _html(cut).title
        == "Aux Pays-Bas, une bibliothèque itinérante prête des livres en arabe et en amazigh"
    )


def test_html_wrapped_paragraph_and_entities() -> None:
    page = FULL_HTML.replace("en arabe, en amazigh", "en arabe,\n   en&nbsp;amazigh")
    assert _html(page).paragraphs[0].startswith("Un bus aménagé en bibliothèque sillonne depuis janvier")
    assert "en arabe, en amazigh et en néerlandais" in _html(page).paragraphs[0]


def test_html_variant_fixture_parts() -> None:
    article = presskit.extract_file(CASES_DIR / "article-variant.html", url=PAGE_URL)
    assert article.published == datetime.fromisoformat("2022-06-08T14:20:00+01:00")
    assert article.images[0].credit == "Photo : ANSA"
    assert "Journaliste, suit les migrations" not in article.text  # author box


def test_cp1252_k2_page_is_decoded() -> None:
    article = presskit.extract_file(CASES_DIR / "joomla-item.html", url="https://www.ccme.org.ma/fr/x/12877")
    assert "Île-de-France" in article.title and "’" in article.text  # type: ignore[operator]
    assert "\x92" not in article.text


# -- HTML rejections -------------------------------------------------------------------------

LISTING_HTML = (CASES_DIR / "listing.html").read_text("utf-8")
AUTHOR_HTML = (CASES_DIR / "author-archive.html").read_text("utf-8")
BODY_CLASSES = r'<body class="[^"]*">'


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (lambda: LISTING_HTML, "category listing"),
        (lambda: re.sub(BODY_CLASSES, '<body class="home blog">', LISTING_HTML), "home page"),
        (
            lambda: re.sub(BODY_CLASSES, '<body class="archive tag tag-belgique">', LISTING_HTML),
            "tag listing",
        ),
        (lambda: re.sub(BODY_CLASSES, "<body>", LISTING_HTML), "collection page"),
        (lambda: _drop(re.sub(BODY_CLASSES, "<body>", LISTING_HTML), NO_LD), "listing"),
        (lambda: AUTHOR_HTML, "author archive"),
        (lambda: _drop(re.sub(BODY_CLASSES, "<body>", AUTHOR_HTML), NO_LD), "author archive"),
        (
            lambda: (
                FULL_HTML.replace('class="the-post-header', 'class="x')
                .replace(
                    '<body class="post-template-default single single-post',
                    '<body class="search search-results',
                )
                .replace("postid-48213 ", "")
            ),
            "search",
        ),
    ],
)
def test_html_non_article_pages(page: Any, reason: str) -> None:
    with pytest.raises(NotAnArticle, match=reason):
        _html(page(), url="https://www.ccme.org.ma/fr/rubrique-sans-motif/")


K2_TEASER = (CASES_DIR / "joomla-teaser.html").read_bytes()


def test_k2_teaser_and_listings() -> None:
    url = "https://www.ccme.org.ma/fr/medias-et-migration/18342"
    with pytest.raises(NotAnArticle, match="teaser-only"):
        presskit.extract(K2_TEASER, url=url)
    without_suite = re.sub(rb'\s*<a href="http://www.lesoir.be/" target="_blank">Suite</a>', b"", K2_TEASER)
    with pytest.raises(NotAnArticle, match="teaser-only"):  # a lone intro paragraph is a teaser too
        presskit.extract(without_suite, url=url)
    listing = K2_TEASER.replace(b'class="itemView"', b'class="itemListView"')
    with pytest.raises(NotAnArticle, match="K2 category listing"):
        presskit.extract(listing, url=url)


# -- HTML detection --------------------------------------------------------------------------

OWN_URLS = r'<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>|<base [^>]*>'


@pytest.mark.parametrize("name", sorted(p.name for p in CASES_DIR.glob("*.html")))
def test_detects_its_html_pages_without_url(name: str) -> None:
    text = re.sub(
        OWN_URLS, "", (CASES_DIR / name).read_bytes().decode("cp1252" if "joomla" in name else "utf-8")
    )
    document = presskit.make_document(text)
    assert document.url is None
    assert CCME.detect(document) >= 0.7
    found = presskit.detect(text)
    assert found is not None and found.name == "ccme"


def test_other_smartmag_sites_score_low() -> None:
    page = (
        '<!doctype html><html lang="fr"><head><meta property="og:site_name" content="Autre Magazine">'
        '<link rel="stylesheet" href="https://autre.example/wp-content/themes/smart-mag/style.css">'
        '<link rel="canonical" href="https://autre.example/un-article/"></head><body class="single">'
        '<nav id="breadcrumb"><span class="current">Monde</span></nav>'
        '<h1 class="is-title post-title">Titre</h1>'
        '<span class="cat-labels"><a class="category" rel="category">Monde</a></span>'
        '<div class="post-content entry-content"><p>Un paragraphe.</p></div></body></html>'
    )
    assert CCME.detect(Document.from_content(page)) < 0.3


def test_html_score_counts_the_council_until_certain() -> None:
    # Site name, title, asset and theme marks add up to just under 1.0 (tenths): certain, the
    # council's name is not looked for; without the theme it still adds its 0.2.
    page = (
        '<!doctype html><html lang="fr"><head><meta property="og:site_name" content="CCME">'
        "<title>Un titre &#8211; CCME</title>"
        '<link rel="stylesheet" href="https://www.ccme.org.ma/wp-content/themes/smart-mag/style.css">'
        '</head><body class="single"><span class="cat-labels"><a class="category">Monde</a></span>'
        '<div class="post-content entry-content"><p>Un paragraphe.</p></div>'
        "<footer>Conseil de la communauté marocaine à l'étranger</footer></body></html>"
    )
    assert CCME.detect(Document.from_content(page)) == 1.0
    assert CCME.detect(Document.from_content(page.replace("cat-labels", "labels"))) == 1.0
    without = page.replace("cat-labels", "labels").replace("Conseil", "Comité")
    assert CCME.detect(Document.from_content(without)) == pytest.approx(0.9)


def test_lazy_images_and_category_rel_links() -> None:
    lazy = _swap(
        FULL_HTML,
        'src="https://www.ccme.org.ma/wp-content/uploads/2021/03/bibliobus-utrecht.jpg" class',
        'src="data:image/gif;base64,R0lGOD" data-src="/wp-content/uploads/2021/03/bibliobus-utrecht.jpg" '
        "class",
    )
    lazy = lazy.replace('rel="category"', 'rel="category tag"')  # WordPress category links
    article = _html(lazy)
    assert article.images[0].url == "https://www.ccme.org.ma/wp-content/uploads/2021/03/bibliobus-utrecht.jpg"
    assert article.tags == ()


def test_latin1_declared_page_with_cp1252_quotes() -> None:
    raw = (
        (CASES_DIR / "joomla-item.html").read_bytes().replace(b"charset=windows-1252", b"charset=iso-8859-1")
    )
    article = presskit.extract(raw, url="https://www.ccme.org.ma/fr/medias-et-migration/12877")
    assert "’" in article.text and not re.search("[\x80-\x9f]", article.text)


def test_k2_disclaimer_inside_the_item_is_dropped() -> None:
    raw = (CASES_DIR / "joomla-item.html").read_bytes()
    moved = raw.replace(
        b'<div class="itemIntroText">',
        b'<div class="itemIntroText"><p><img src="/images/stories/picto_info.gif" alt="picto info" /> '
        b"Cet article est reproduit dans le cadre de la revue de presse du CCME.</p>",
    )
    article = presskit.extract(moved, url="https://www.ccme.org.ma/fr/medias-et-migration/12877")
    assert "revue de presse du CCME" not in article.text and len(article.paragraphs) == 4


def test_unknown_article_container_is_an_error_not_a_listing() -> None:
    page = _swap(FULL_HTML, "post-content cf entry-content content-spacious", "texte-article")
    with pytest.raises(ExtractionError, match="no CCME article container"):
        _html(page)


# -- detection and extraction shortcuts ----------------------------------------------------


def _text_score(text: str) -> float:
    return CCME.detect(Document.from_content(text, kind="text"))


@pytest.mark.parametrize(
    "name",
    [
        "Conseil de la communauté marocaine à l’étranger",
        "CONSEIL DE LA COMMUNAUTÉ MAROCAINE À L'ÉTRANGER",
        "conseil de la\ncommunaute  marocaine a l'etranger",
        "Conseil de la communaute\u0301 marocaine a\u0300 l’étranger",  # decomposed accents
    ],
)
def test_council_name_found_in_any_spelling(name: str) -> None:
    assert _text_score(f"Un texte quelconque.\n\n{name}\n\nFin.") == pytest.approx(0.3)
    page = f"<html><head><title>Un site</title></head><body><p>x</p><footer>{name}</footer></body></html>"
    assert CCME.detect(Document.from_content(page)) == pytest.approx(0.2)


def test_council_name_only_in_the_page_head() -> None:
    assert _text_score("x\n" * 10_500 + "Conseil de la communauté marocaine à l’étranger") == 0.0


def test_breadcrumb_and_meta_line_under_it() -> None:
    menus = "\n".join(f"  • Rubrique {n}" for n in range(40))
    crumb = "Home»Actualités»Entretiens"
    assert _text_score(f"{menus}\n{crumb}\n\nUn titre d’article\n\nUn paragraphe.") == pytest.approx(0.1)
    assert _text_score(f"{menus}\nHome » Actualités\n\nUn titre d’article\n\nUn paragraphe.") == 0.0
    header = f"{menus}\n{crumb}\n\nUn titre d’article\n\nEntretiens 3 mars 2021\n\nUn paragraphe."
    assert _text_score(header) == pytest.approx(0.6)


def test_meta_line_at_the_top_of_an_extract_and_tail_at_its_end() -> None:
    body = "\n\n".join(f"Paragraphe {n} du texte, sans date." for n in range(60))
    extract = f"Un titre d’article\n\nActualités 3 mars 2021\n\n{body}\n\n26 févr. 2021\n\nSource : MAP"
    assert _text_score(extract) == 1.0
    assert _text_score(f"{body}\n\nActualités 3 mars 2021\n\n{body}") == 0.0  # mid-text: no meta line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Actualités 3 mars 2021", ("Actualités", date(2021, 3, 3))),
        ("Entretiens | 3 mars 2021 | 3 Mins Read", ("Entretiens", date(2021, 3, 3))),
        ("Rencontres 3 mars 2021 2 minutes de lecture", ("Rencontres", date(2021, 3, 3))),
        ("Hommages 3 mars 2021 - 18h", ("Hommages", local_datetime(date(2021, 3, 3), 18))),
        ("Actualités 3 mars 2021 à 18h 30", ("Actualités", local_datetime(date(2021, 3, 3), 18, 30))),
        ("Actualités 03/03/2021", ("Actualités", date(2021, 3, 3))),
        ("— Fondation Boekenbus (@boekenbus_nl) February 26, 2021", None),
        ("Merci aux bénévoles 3 mars ! pic.twitter.com/bibliobus21", None),
        ("Un bus aménagé sillonne les quartiers depuis le 3 mars 2021.", None),
    ],
)
def test_meta_lines_by_their_end(line: str, expected: tuple[str, object] | None) -> None:
    from presskit_ccme.outlet import _parse_meta

    meta = _parse_meta(line)
    assert (meta.category, meta.published) == expected if expected else meta is None


@pytest.mark.parametrize(("second", "score"), [("canonical", 0.4), ("alternate", 0.0)])
def test_html_own_url_label_and_host_in_one_tag(second: str, score: float) -> None:
    page = (
        '<html><head><link rel="canonical" href="https://autre.example/x/">'
        f'<link rel="{second}" href="https://www.ccme.org.ma/fr/x/"></head><body><p>x</p></body></html>'
    )
    assert CCME.detect(Document.from_content(page)) == pytest.approx(score)


def _count_blocks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the blocks() that presskit_ccme.html calls by one that records its nodes."""
    import presskit_ccme.html as ccme_html

    seen: list[str] = []
    real = ccme_html.blocks

    def counted(node: Any, *, drop: Any = ()) -> list[str]:
        seen.append(node.html if node is not None else "")
        return real(node, drop=drop)

    monkeypatch.setattr(ccme_html, "blocks", counted)
    return seen


def test_html_blocks_read_once_per_page(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _count_blocks(monkeypatch)
    assert _html(FULL_HTML).paragraphs
    assert len(seen) == 1


def test_k2_intro_read_once_for_the_teaser_check_and_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = (CASES_DIR / "joomla-item.html").read_bytes()
    intro_only = re.sub(rb'</div>\s*<div class="itemFullText">', b"", raw)
    seen = _count_blocks(monkeypatch)
    article = presskit.extract(intro_only, url="https://www.ccme.org.ma/fr/medias-et-migration/12877")
    assert len(article.paragraphs) == 4 and article.source == "Le Parisien"
    assert len(seen) == 1


def _share_by_words(text: str) -> bool:
    """The share-row rule read literally: every word, parentheses as spaces, is a share word."""
    from presskit_ccme.outlet import SHARE_WORDS

    words = text.replace("(", " ").replace(")", " ").split()
    return bool(words) and all(word.lower().strip(".,:") in SHARE_WORDS for word in words)


@pytest.mark.parametrize(
    "line",
    [
        "Facebook X (Twitter) Instagram YouTube LinkedIn",
        "(Facebook) Twitter",
        ".Facebook, Twitter: Email.",
        "FACEBOOK TWITTER E-MAIL",
        "Facebook,Twitter",
        "Facebookx Twitter",
        "Copy Link Now",
        "X",
        "Xavier Twitter",
        "()",
        "... Facebook",
        "Partager",
        "Linkedin)Email",
        "Lire la suite",
    ],
)
def test_share_rows_as_the_word_rule_reads_them(line: str) -> None:
    from presskit_ccme.outlet import _is_share

    assert _is_share(line) == _share_by_words(line)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Source : MAP",
        "x" * 5000 + "\nSource : MAP\n" + "ligne\n" * 39,  # the label on the 40th last line
        "x" * 5000 + "\nSource : MAP\n" + "ligne\n" * 40,  # one line too far up
        "Source : MAP\n" + "\n".join(["y" * 300] * 39),  # last lines longer than TAIL_SPAN
        "Source : MAP\n" + "\n".join(["y" * 300] * 40),
        "z\n" * 50 + "SOURCES : AFP\n" + "w\n" * 10,
    ],
)
def test_source_label_searched_in_the_last_lines_only(text: str) -> None:
    from presskit_ccme.outlet import SOURCE_CORE, TAIL_LINES, _first_lines, _label_in_tail

    tail = "\n".join(text.rsplit("\n", TAIL_LINES)[-TAIL_LINES:])
    assert _label_in_tail(text) == any(label in tail for label in SOURCE_CORE)
    for start in (0, min(3, len(text))):
        assert _first_lines(text, start, 16) == text[start:].split("\n", 16)[:16]


@pytest.mark.parametrize(
    "raw",
    [
        "Actualités 3 mars 2021",
        "Actualités 3 mars 2021 |",
        "3 mars 2021\u200b",
        "Un paragraphe.",
        "  ",
        "18h30 -",
    ],
)
def test_raw_line_checks_agree_with_the_cleaned_line(raw: str) -> None:
    from presskit_ccme.outlet import _may_be_meta, _may_end_meta

    if _may_be_meta(clean(raw)):
        assert _may_end_meta(raw)


@pytest.mark.parametrize(
    "blocks",
    [
        # an end marker that is also a caption
        ["Premier paragraphe.", "© 2024 CCME", "Après le pied de page."],
        ["Premier paragraphe.", "Revue de presse", "Abonnez-vous pour recevoir la lettre", "Plus loin."],
        ["Premier paragraphe.", "Lire aussi : Un autre article", "Photo : MAP", "Menu", "Dernier."],
        ["Premier paragraphe.", "Revue de presse"],  # a footer heading with no marker below
    ],
)
def test_page_blocks_follow_the_dump_body_rules(blocks: list[str]) -> None:
    from presskit_ccme import outlet

    lines = [outlet.Line(text, mark=outlet._mark(text)) for text in blocks]
    zone = lines[: outlet._end_of_body(lines, 0, outlet._end_marks(lines))]
    assert outlet._block_body(blocks) == outlet._body(zone, keep_bullets=True)
    assert "Après le pied de page." not in outlet._block_body(blocks)[0]


OPEN = '<div class="post-content entry-content">'


@pytest.mark.parametrize(
    "container",
    [
        OPEN + '<p>Un.</p><div class="Post-Share x">Partager</div><p>Deux.</p></div>',
        OPEN + '<p>Un.</p><ins class="adsbygoogle"></ins><p class=wp-caption-text>Légende</p>'
        "<figure><img src=a.jpg><figcaption>Photo</figcaption></figure><p>Deux.</p></div>",
        '<div class="post-content entry-content newsletter"><p>Un.</p></div>',
        OPEN + '<p><img alt="picto info">Avertissement</p><p>Un.</p>'
        '<div id="comments">Réagir</div><div class="sharedaddy">Partager</div></div>',
    ],
)
def test_container_blocks_as_with_every_dropped_selector(
    container: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from selectolax.lexbor import LexborHTMLParser

    import presskit.html
    from presskit_ccme import html as ccme_html

    node = LexborHTMLParser(f"<html><body>{container}</body></html>").css_first("div.post-content")
    # blocks() queries only the selectors whose classes the container has
    gated = ccme_html._blocks(node)
    monkeypatch.setattr(presskit.html, "_GATING_FROM", 10**6)
    assert gated == ccme_html._blocks(node)


def test_selectors_skipped_only_for_classes_the_page_lacks() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from presskit_ccme import html as ccme_html

    # no doctype: quirks mode, where class names match whatever their case
    tree = LexborHTMLParser('<html><body><h1 class="Entry-Title">Titre</h1><p class="x">Un.</p></body>')
    possible = ccme_html._possible(tree, ccme_html.TITLE)
    assert "h1.entry-title" in possible and "h1.post-title" not in possible
    assert ccme_html._pick_text(tree, ccme_html.TITLE) == "Titre"
    for selectors in (ccme_html.TITLE, ccme_html.CATEGORY, ccme_html.PUBLISHED, ccme_html.TAGS):
        for selector in selectors:
            if selector not in ccme_html._possible(tree, selectors):
                assert tree.css_first(selector) is None
    assert ccme_html._needed_classes("p:has(img.picto)") == frozenset()
    assert ccme_html._needed_classes("time.post-date[datetime]") == {"post-date"}


def _case_variants(line: str) -> set[str]:
    """A line in several cases, and with the letters re.IGNORECASE also takes for i, s, k."""
    cased = {line, line.lower(), line.upper(), line.title(), line.swapcase()}
    traps = {"i": "ı", "I": "İ", "s": "ſ", "k": "\u212a"}
    return cased | {text.replace(a, b) for text in cased for a, b in traps.items()}


def _reference_mark(text: str) -> int:
    from presskit_ccme import outlet

    found = outlet.END_OR_LEAVE.match(text)
    if found is None:
        return outlet.PICTO_LINE if outlet.PICTO.match(text) else 0
    return outlet.END if found.group("end") is not None else outlet.LEAVE


def test_opening_test_passes_every_line_the_patterns_match() -> None:
    """_mark runs END_OR_LEAVE only on lines that _may_open (and the inlined test of their
    first three characters) lets through: none of the patterns' lines may be ruled out."""
    from presskit_ccme import outlet

    openers = [
        *outlet.OPENING_WORDS, "x", "X (Twitter)", "(Photo : MAP)", ": Facebook", "© 2021 CCME",
        "2021 - © CCME", "Crédits photo : MAP", "Photo d’illustration : MAP", "Tags : Italie",
        "Home » Actualités", "Lire aussi : Un titre", "À lire aussi", "Étiquettes : a", "Image/AFP",
    ]  # fmt: skip
    matched = 0
    for opener in openers:
        for text in _case_variants(opener) | _case_variants(opener + " : suite"):
            expected = _reference_mark(text)
            key = text[:3].lower()
            quick = key in outlet.OPENING_KEYS or key[:1] not in outlet.QUIET_OPENERS
            assert outlet._mark.__wrapped__(text) == expected, text
            if expected:
                matched += 1
                assert quick and outlet._may_open(text), text
    assert matched > 500  # the variants do reach the patterns


@pytest.mark.parametrize(
    "text",
    ["Les questions les plus fréquentes", "Les commentaires sont fermés.", "l’accès aux soins", "Un bus",
     "افتتح يوم السبت", "الرئيسية»الأخبار", "— Fondation (@x) 2021", "Photographie du jour", "Lıre aussi"],
)  # fmt: skip
def test_opening_test_agrees_with_the_patterns(text: str) -> None:
    from presskit_ccme import outlet

    assert outlet._mark.__wrapped__(text) == _reference_mark(text)
    if _reference_mark(text):
        assert outlet._may_open(text)


def test_case_blind_letters_are_those_lower_case_gives_but_the_traps() -> None:
    """What _may_open assumes of re.IGNORECASE: a character it matches to a letter of
    OPENING_WORDS lower-cases to that letter (Kelvin "K" to "k", "É" to "é"), but for the
    CASE_TRAPS."""
    from presskit_ccme import outlet

    letters = {char for word in outlet.OPENING_WORDS for char in word if char.isalpha()}
    any_letter = re.compile("[" + "".join(sorted(letters)) + "]", re.I)
    for code in range(0x110000):
        char = chr(code)
        if any_letter.fullmatch(char) and char not in outlet.CASE_TRAPS:
            assert char.lower() in letters, hex(code)
    assert all(len(word) >= 3 for word in outlet.OPENING_WORDS)


@pytest.mark.parametrize(
    "text",
    ["contact@ccme.org.ma", "x@y contact@ccme.org.ma", "@ccme.org.ma contact", "ccme@", "@", "",
     "écrire à contact@ccme.org.ma.", "tact@ccme.org.ma", "contact@ccme.org.m"],
)  # fmt: skip
def test_mail_read_at_each_at_sign(text: str) -> None:
    from presskit_ccme.outlet import MAIL, _holds_mail

    assert _holds_mail(text) == (MAIL in text)


def test_quiet_ends_close_no_meta_line() -> None:
    """A paragraph ending with one of QUIET_ENDS is not asked whether it is a meta line."""
    from presskit_ccme.outlet import QUIET_ENDS, _may_be_meta

    assert not any(_may_be_meta(f"Actualités 3 mars 2021{char}") for char in QUIET_ENDS)
    assert _may_be_meta("Actualités 3 mars 2021")


@pytest.mark.parametrize(
    ("tags_line", "expected"),
    [("Tags : Italie, Saisonniers", ("Italie", "Saisonniers")), ("Mots-clés: Maroc", ("Maroc",)), ("", ())],
)
def test_dump_tags_line_under_the_body(tags_line: str, expected: tuple[str, ...]) -> None:
    """The tags line closes the body (an end marker) and gives the tags."""
    text = (PLUGINS / "presskit_ccme" / "cases" / "article-full.txt").read_text("utf-8")
    text = text.replace("\nRelated Posts\n", f"\n{tags_line}\nRelated Posts\n", 1)
    article = extract(text)
    assert article.tags == expected
    assert not any(p.startswith(("Tags", "Mots-clés")) for p in article.paragraphs)


@pytest.mark.parametrize("width", [0, 1, 123, 124, 125, 126, 1999, 2000, 2001])
@pytest.mark.parametrize("count", [1, 12, 16])
def test_first_lines_across_the_slice_end(width: int, count: int) -> None:
    """_first_lines splits a slice of FIRST_LINES_SPAN characters when it holds the lines."""
    from presskit_ccme.outlet import _first_lines

    for text in ("\n".join(["a" * width] * 30), "\n".join(["a" * width] * 30) + "\n", "b" * width):
        for start in (0, 1, width):
            assert _first_lines(text, start, count) == text[start:].split("\n", count)[:count]


def test_chrome_walks_remember_clean_nodes_only() -> None:
    from presskit_ccme.html import MAX_CHROME_DEPTH, _in_chrome

    page = Document.from_content(
        '<html><body><div class="wrap"><span class="date-modified"><time id="t">1</time></span></div>'
        '<aside><div><p id="side">x</p></div></aside>'
        f'<div class="widget">{"<div>" * (MAX_CHROME_DEPTH + 5)}<p id="deep">y</p></div></body></html>'
    )
    tree = page.tree
    stamp, side, higher = (
        node for selector in ("#t", "#side", "#deep") if (node := tree.css_first(selector))
    )
    deep = higher
    assert not _in_chrome(stamp)  # its ancestors are now known clean...
    assert _in_chrome(stamp, frozenset({"date-modified"}))  # ...which says nothing of `avoid`
    assert _in_chrome(side) and _in_chrome(side)
    # past the bound the widget is not seen, and the walked nodes are not taken as clean
    assert not _in_chrome(deep)
    for _ in range(10):  # within the bound of the widget
        higher = higher.parent or higher
    assert _in_chrome(higher)
