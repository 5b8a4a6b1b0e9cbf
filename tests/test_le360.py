"""The Le360 outlet: detection, text-dump extraction, rejections, URL rules."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

import presskit
from presskit import Document, ExtractionError, NotAnArticle
from presskit.dates import local_datetime
from presskit_le360 import Le360Outlet

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
LE360_SAMPLE = "le360-2016-04-22-hassad-hammouchi-bruxelles"
OUTLET = Le360Outlet()


def _sample_text(name: str) -> str:
    path = SAMPLES / "dumps" / f"{name}.txt"
    if not path.exists():
        pytest.skip("../shared/samples is not available")
    return path.read_text(encoding="utf-8")


def _doc(text: str, url: str | None = None) -> Document:
    return Document.from_content(text, url=url)


def _other_samples() -> list[Path]:
    folder = SAMPLES / "dumps"
    if not folder.exists():
        return []
    return sorted(p for p in folder.glob("*.txt") if not p.name.startswith("le360"))


HEADER = (
    "Titre de l’article inventé\n\n"
    "Un chapeau inventé qui résume l’article en une phrase assez longue, avec son point final.\n\n"
    "Le 01/03/2021 à 10h30\n\n"
)
PARAGRAPH = "Un paragraphe inventé du corps de l’article, assez long pour passer pour de la vraie prose."


# -- the real sample ---------------------------------------------------------------------------


def test_sample_matches_the_expected_output() -> None:
    text = _sample_text(LE360_SAMPLE)
    expected = json.loads((SAMPLES / "expected" / f"{LE360_SAMPLE}.json").read_text(encoding="utf-8"))
    article = OUTLET.extract(_doc(text))
    assert article.title == expected["title"]
    assert article.lead == expected["lead"]
    assert list(article.paragraphs) == expected["paragraphs"]
    assert article.published == datetime.fromisoformat(expected["published"])
    assert article.authors == () and article.section is None and article.source is None


def test_sample_variants_single_newlines_teaser_and_crlf() -> None:
    text = _sample_text(LE360_SAMPLE)
    reference = OUTLET.extract(_doc(text))
    lines = [line for line in text.splitlines() if line.strip()]
    variants = (
        "\n".join(lines),
        "Rabat: un titre d’un autre article en guise de teaser...\n\n" + text,
        text.replace("\n", "\r\n"),
    )
    for variant in variants:
        article = OUTLET.extract(_doc(variant))
        assert (article.title, article.lead, article.paragraphs) == (
            reference.title,
            reference.lead,
            reference.paragraphs,
        )


def test_sample_without_header_keeps_the_closing_date() -> None:
    lines = [line for line in _sample_text(LE360_SAMPLE).splitlines() if line.strip()]
    body_only = "\n".join(lines[4:])  # drop title, caption, chapeau and the first date line
    article = OUTLET.extract(_doc(body_only))
    assert article.title is None and article.lead is None
    assert article.published == local_datetime(date(2016, 4, 22), 16, 19)
    assert len(article.paragraphs) == 5


def test_sample_detection_scores_high() -> None:
    assert OUTLET.detect(_doc(_sample_text(LE360_SAMPLE))) >= 0.7


@pytest.mark.parametrize("path", _other_samples(), ids=lambda p: p.name)
def test_other_outlets_samples_score_low(path: Path) -> None:
    assert OUTLET.detect(Document.from_content(path.read_bytes(), path=str(path))) < 0.3


def test_detection_never_raises_and_is_low_for_unrelated_text() -> None:
    for text in ("", "\n\n", "Bonjour\n\nAu revoir", "<html><body><p>x</p></body></html>"):
        assert OUTLET.detect(_doc(text)) < 0.3


# -- Arc-era shapes ----------------------------------------------------------------------------


def test_glued_overline_becomes_the_section() -> None:
    text = (
        "Un titre inventé\n\nTribuneLa chronique commence ici et se termine par un point.\n\n"
        "Par Amina Berrada\n\nLe 05/05/2023 à 12h00\n\n" + PARAGRAPH + "\n\n" + PARAGRAPH
    )
    article = OUTLET.extract(_doc(text))
    assert article.section == "Tribune"
    assert article.lead == "La chronique commence ici et se termine par un point."
    assert article.authors == ("Amina Berrada",)


def test_unknown_glued_word_is_not_split() -> None:
    text = (
        "Un titre\n\nCasablancaLe chapeau inventé de l’article, qui se termine bien.\n\n"
        "Le 05/05/2023 à 12h00\n\n"
    )
    article = OUTLET.extract(_doc(text + PARAGRAPH + "\n\n" + PARAGRAPH))
    assert article.section is None
    assert article.lead is not None and article.lead.startswith("CasablancaLe")


def test_several_authors_and_agency_in_the_byline() -> None:
    text = HEADER.replace("Le 01/03", "Par Nadia Alami, Omar Tazi et Le360 (avec AFP)\n\nLe 01/03")
    article = OUTLET.extract(_doc(text + PARAGRAPH + "\n\n" + PARAGRAPH))
    assert article.authors == ("Nadia Alami", "Omar Tazi", "Le360")
    assert article.source == "AFP"


def test_no_byline_means_no_author() -> None:
    article = OUTLET.extract(_doc(HEADER + "Par ailleurs, " + PARAGRAPH + "\n\n" + PARAGRAPH))
    assert article.authors == ()
    assert article.paragraphs[0].startswith("Par ailleurs")


def test_press_review_source_and_its_date() -> None:
    credit = "Cet article est une revue de presse tirée de L’Economiste du 28 février 2021."
    article = OUTLET.extract(_doc(HEADER + PARAGRAPH + "\n\n" + PARAGRAPH + " " + credit))
    assert article.source == "L’Economiste"
    assert article.source_published == date(2021, 2, 28)
    assert article.paragraphs[-1] == PARAGRAPH


def test_comment_block_tags_and_related_stay_out_of_the_body() -> None:
    tail = (
        "\n\n#Rabat #Transport urbain\n\nBienvenue dans l’espace commentaire\n\n"
        "Nous souhaitons que cet espace soit un lieu de débat.\n\n"
        "Société\nUn titre lié inventé\nLe 28/02/2021 à 08h00\n\nTous droits réservés"
    )
    article = OUTLET.extract(_doc(HEADER + PARAGRAPH + tail))
    assert article.paragraphs == (PARAGRAPH,)
    assert article.tags == ("Rabat", "Transport urbain")
    assert [(link.title, link.published) for link in article.related] == [
        ("Un titre lié inventé", local_datetime(date(2021, 2, 28), 8, 0))
    ]


def test_date_without_time_stays_a_date() -> None:
    article = OUTLET.extract(_doc(HEADER.replace(" à 10h30", "") + PARAGRAPH + "\n\n" + PARAGRAPH))
    assert article.published == date(2021, 3, 1)
    assert not isinstance(article.published, datetime)


def test_section_from_the_url_only_when_known() -> None:
    text = HEADER + PARAGRAPH + "\n\n" + PARAGRAPH
    drupal = OUTLET.extract(_doc(text, "https://le360.ma/fr/societe/un-titre-invente-123456"))
    arc = OUTLET.extract(_doc(text, "https://fr.le360.ma/monde/un-titre_ABCDEFGHIJKLMNOPQRSTUVWXYZ/"))
    unknown = OUTLET.extract(_doc(text, "https://fr.le360.ma/insolite/un-titre_ABCDEFGHIJKLMNOPQRSTUVWXYZ/"))
    assert (drupal.section, arc.section, unknown.section) == ("Société", "Monde", None)


# -- rejections --------------------------------------------------------------------------------


def test_listing_of_dated_teasers_is_rejected() -> None:
    teaser = "Politique\nUn titre de teaser {n}\nLe 0{n}/02/2024 à 1{n}h00\n\n"
    teasers = "".join(teaser.format(n=n) for n in range(1, 6))
    with pytest.raises(NotAnArticle, match="listing"):
        OUTLET.extract(_doc(teasers))


def test_tag_page_is_rejected() -> None:
    with pytest.raises(NotAnArticle, match="tag page"):
        OUTLET.extract(_doc("#Tanger\n\nUn titre\nLe 01/02/2024 à 10h00\n\nUn autre\nLe 01/02/2024 à 09h00"))


def test_teaser_only_page_is_rejected() -> None:
    with pytest.raises(NotAnArticle, match="teaser"):
        OUTLET.extract(_doc(HEADER + "Lire la suite"))


def test_headlines_only_page_is_rejected() -> None:
    with pytest.raises(NotAnArticle):
        OUTLET.extract(_doc("\n".join(f"Un titre court numéro {n}" for n in range(10))))


def test_html_without_any_article_part_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle, match="listing or home page"):
        OUTLET.extract(_doc("<html><head><title>x</title></head><body><p>x</p></body></html>"))


def test_arabic_edition_is_refused() -> None:
    with pytest.raises(ExtractionError, match="Arabic"):
        OUTLET.extract(
            _doc(HEADER + PARAGRAPH, "https://ar.le360.ma/politique/x_ABCDEFGHIJKLMNOPQRSTUVWXYZ/")
        )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://fr.le360.ma/", "home page"),
        ("https://le360.ma/fr", "home page"),
        ("https://fr.le360.ma/tags/maroc/", "tag page"),
        ("https://le360.ma/fr/tags/belgique", "tag page"),
        ("https://fr.le360.ma/auteurs/nadia-alami/", "author page"),
        ("https://fr.le360.ma/politique/", "section front page"),
        ("https://fr.le360.ma/politique/?page=2", "section front page"),
    ],
)
def test_non_article_urls(url: str, reason: str) -> None:
    found = OUTLET.non_article_reason(url)
    assert found is not None and reason in found


@pytest.mark.parametrize(
    "url",
    [
        "https://le360.ma/fr/politique/un-titre-invente-pour-le-test-71234",
        "https://fr.le360.ma/politique/le-maroc-et-la-belgique_ABCDEFGHIJKLMNOPQRSTUVWXYZ/",
        "https://fr.le360.ma/societe/un-titre_ABCDEFGHIJKLMNOPQRSTUVWXYZ/?outputType=amp",
        "https://le360-le-360-francais-prod.web.arc-cdn.net/monde/un-titre_ABCDEFGHIJKLMNOPQRSTUVWXYZ/",
    ],
)
def test_article_urls_are_not_rejected(url: str) -> None:
    assert OUTLET.non_article_reason(url) is None


def test_hosts_are_claimed() -> None:
    for host in ("le360.ma", "fr.le360.ma", "www.le360.ma", "le360-le-360-francais-prod.web.arc-cdn.net"):
        assert OUTLET.claims_host(host)
    assert not OUTLET.claims_host("other-site.web.arc-cdn.net")


def test_registered_and_chosen_by_url() -> None:
    registry = presskit.load_registry(disabled=())
    assert registry.for_host("fr.le360.ma") is not None
    assert registry.get("le360").name == "le360"


# -- HTML pages --------------------------------------------------------------------------------

CASES_DIR = Path(__file__).resolve().parents[1] / "plugins" / "presskit_le360" / "cases"


def _page(name: str) -> str:
    return (CASES_DIR / name).read_text(encoding="utf-8")


def _html(text: str, url: str | None = None) -> Document:
    return presskit.make_document(text, url=url)


def test_html_without_json_ld_gives_the_same_record() -> None:
    page = _page("arc-chronique-full.html")
    bare = re.sub(r'<script type="application/ld\+json">.*?</script>', "", page, flags=re.S)
    bare = re.sub(r'<meta property="article:[a-z_]+" content="[^"]*"/>', "", bare)
    assert "ld+json" not in bare
    with_ld, without = OUTLET.extract(_html(page)), OUTLET.extract(_html(bare))
    for field in ("title", "lead", "published", "authors", "tags", "section", "paragraphs"):
        assert getattr(with_ld, field) == getattr(without, field), field


def test_html_hashed_classes_are_never_needed() -> None:
    def stable(m: re.Match[str]) -> str:  # keep only classes that are not styled-components hashes
        names = [c for c in m[1].split() if not re.fullmatch(r"sc-\w+-\d+|(?=.*[A-Z])(?=.*[a-z0-9])\w{6}", c)]
        return f'class="{" ".join(names)}"'

    page = re.sub(r'class="([^"]*)"', stable, _page("arc-chronique-rotated.html"))
    assert "sc-" not in page and "MnOpQr" not in page
    article = OUTLET.extract(_html(page))
    assert article.title == "Le temps des cerises à Sefrou" and len(article.paragraphs) == 6


def test_html_utc_metadata_and_visible_local_time_give_one_instant() -> None:
    article = OUTLET.extract(_html(_page("arc-chronique-full.html")))
    assert article.published == local_datetime(date(2023, 6, 10), 9, 5)  # not 08:05:41Z


def test_html_metadata_wins_when_it_disagrees_with_the_visible_date() -> None:
    page = _page("arc-chronique-full.html").replace("Le 10/06/2023 à 09h05", "Le 10/06/2023 à 07h00")
    article = OUTLET.extract(_html(page))
    assert article.published == datetime.fromisoformat("2023-06-10T08:05:41.512+00:00")


def test_html_day_only_date_stays_a_date() -> None:
    page = re.sub(
        r'<meta property="article:published_time"[^>]*>|"datePublished":"[^"]*",',
        "",
        _page("arc-chronique-full.html"),
    ).replace("Le 10/06/2023 à 09h05", "Le 10/06/2023")
    article = OUTLET.extract(_html(page))
    assert article.published == date(2023, 6, 10) and not isinstance(article.published, datetime)


def test_html_truncated_json_ld_headline_yields_to_the_visible_title() -> None:
    page = _page("arc-chronique-full.html").replace(
        '"headline":"Le temps des cerises à Sefrou"', '"headline":"Le temps des cerises…"'
    )
    assert OUTLET.extract(_html(page)).title == "Le temps des cerises à Sefrou"


def test_html_broken_fusion_json_falls_back_to_the_dom() -> None:
    page = _page("arc-agency.html").replace('Fusion.globalContent={"_id"', "Fusion.globalContent={_id")
    article = OUTLET.extract(_html(page))
    assert article.title == "Les exportations d’agrumes en hausse de 12%"
    assert article.authors == ("Le360",) and article.source == "MAP" and len(article.paragraphs) == 3
    assert article.section == "Economie"  # from the URL, the overline being absent


def test_html_cp1252_page_is_decoded() -> None:
    data = (CASES_DIR / "drupal-article.html").read_bytes()
    assert b"\x92" in data  # the typographic apostrophe in windows-1252
    article = presskit.extract(data)
    assert "l’événement" in article.text and article.outlet == "le360"


def test_html_tag_page_without_url_is_rejected_by_its_content() -> None:
    page = re.sub(r'<link rel="canonical"[^>]*>', "", _page("tag-page.html"))
    with pytest.raises(NotAnArticle, match="tag page"):
        OUTLET.extract(_html(page))


def test_html_page_without_body_is_refused() -> None:
    page = re.sub(r"<article class=.*?</article>", "", _page("arc-chronique-full.html"), flags=re.S)
    with pytest.raises(ExtractionError, match="no article body"):  # article metadata: a broken page
        OUTLET.extract(_html(page))
    page = page.replace('"@type":"NewsArticle"', '"@type":"WebPage"').replace('"article"', '"website"')
    with pytest.raises(NotAnArticle, match="listing or home page"):  # nothing says article
        OUTLET.extract(_html(page))


def test_html_arabic_edition_is_refused() -> None:
    page = _page("arc-agency.html").replace('<html lang="fr">', '<html lang="ar" dir="rtl">')
    with pytest.raises(ExtractionError, match="Arabic"):
        OUTLET.extract(_html(page))
    with pytest.raises(ExtractionError, match="Arabic"):
        OUTLET.extract(_html(page, "https://ar.le360.ma/economie/x_ABCDEFGHIJKLMNOPQRSTUVWXYZ/"))


@pytest.mark.parametrize(
    "name",
    [
        "arc-chronique-full.html",
        "arc-chronique-rotated.html",
        "arc-agency.html",
        "arc-fusion-only.html",
        "drupal-article.html",
        "tag-page.html",
        "home.html",
    ],
)
def test_html_detection_scores_high(name: str) -> None:
    document = Document.from_content((CASES_DIR / name).read_bytes())
    assert OUTLET.detect(document) >= 0.7


def test_html_detection_is_low_for_other_outlets_and_junk() -> None:
    plugins = CASES_DIR.parents[1]
    others = [p for p in plugins.glob("presskit_*/cases/*.htm*") if "le360" not in str(p)]
    for path in others:
        assert OUTLET.detect(Document.from_content(path.read_bytes(), path=str(path))) < 0.3, path.name
    mention = '<html><body><p>Selon <a href="https://fr.le360.ma/x">Le360</a>, rien.</p></body></html>'
    for page in ("<html>", "<<<>>>", mention, "<html><head><script>Fusion.globalContent={</script>"):
        assert OUTLET.detect(Document.from_content(page, kind="html")) < 0.3


# -- detection reads the raw text: every rendering of a signal still counts --------------------


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Bienvenue dans l’espace commentaire", 0.35),
        ("bienvenue dans l'espace commentaire", 0.35),
        ("BIENVENUE DANS L’ESPACE COMMENTAIRE", 0.35),
        ("Bienvenue  dans l’espace\ncommentaire", 0.35),
        ("Cet article est une revue de presse tirée du quotidien Al Akhbar.", 0.2),
        ("Cet  article  est  une  revue  de  presse  tiree du quotidien Al Akhbar.", 0.2),
        ("CET ARTICLE EST UNE REVUE DE PRESSE TIRÉE DU QUOTIDIEN AL AKHBAR.", 0.2),
        ("VOUS LISEZ: CET ARTICLE EST UNE REVUE DE PRESSE TIRÉE DU MATIN.", 0.2),  # a V before
        ("Kiosque360", 0.15),
        ("kiosque360", 0.15),
        ("Kiosqué360\nKiosque360", 0.15),  # the second one, written as the anchor holds it
        ("Kiosque Kiosqué360", 0.15),  # a match within reach of an anchor counts
        ("KIOSQUE360", 0.15),
        ("Kiosque 360", 0.0),
        ("Photo\n© Copyright : Le360", 0.15),
        ("Par Le360 (avec MAP)", 0.15),
        ("Le360.ma, Le360\nPar Le360 (avec MAP)", 0.15),  # the byline on a later line with "Le360"
        ("Par Nadia Alami", 0.0),
        ("ChroniquePour la petite ville, la fête est plus qu’un festival.", 0.1),
        ("Chronique Pour la petite ville", 0.0),
    ],
)
def test_text_detection_signals_in_any_rendering(text: str, score: float) -> None:
    assert OUTLET.detect(_doc(text)) == pytest.approx(score)


def test_text_detection_date_shape_with_any_line_ending() -> None:
    text = HEADER + PARAGRAPH + "\n\n" + PARAGRAPH + "\n"
    expected = 0.7  # a date line, between a chapeau and body text
    for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\r"), text.replace("\n\n", "\n")):
        assert OUTLET.detect(_doc(variant)) == pytest.approx(expected)
    repeated = text + "Le 01/03/2021 à 10h30\n"  # Drupal repeats the date line under the body
    assert OUTLET.detect(_doc(repeated)) == pytest.approx(1.0)


def test_text_detection_overline_only_among_the_first_sixty_lines() -> None:
    glued = "ChroniquePour la petite ville, la fête est plus qu’un festival."
    filler = [f"Ligne de menu {i}" for i in range(70)]
    assert OUTLET.detect(_doc("\n".join([*filler[:59], glued]))) == pytest.approx(0.1)
    assert OUTLET.detect(_doc("\n\n".join([*filler[:59], glued]))) == pytest.approx(0.1)  # blank lines
    assert OUTLET.detect(_doc("\n".join([*filler[:60], glued]))) == 0.0


def test_html_detection_arc_class_names_need_three() -> None:
    def page(classes: str) -> Document:
        return Document.from_content(f'<html><body><div class="{classes}">x</div></body></html>', kind="html")

    assert OUTLET.detect(page("subheadline-date byline-credits article-body-wrapper")) == pytest.approx(0.15)
    assert OUTLET.detect(page("lead-art-wrapper overline-link article-body-wrapper")) == pytest.approx(0.15)
    assert OUTLET.detect(page("subheadline-date article-body-wrapper")) == 0.0


@pytest.mark.parametrize(
    ("name", "url", "assets", "own_class", "score"),
    [
        (True, True, True, False, 1.0),  # certain without the class names
        (True, True, False, True, 1.0),
        (True, False, True, True, 1.0),
        (True, True, False, False, 0.8),
        (True, False, True, False, 0.7),
        (False, True, True, True, 0.8),
        (False, False, True, False, 0.2),
    ],
)
def test_html_detection_fingerprints_add_up(
    name: bool, url: bool, assets: bool, own_class: bool, score: float
) -> None:
    head = [
        '<meta property="og:site_name" content="Le360">' if name else "",
        '<link rel="canonical" href="https://fr.le360.ma/societe/x">' if url else "",
        '<script src="/pf/resources/dist/le360/main.js"></script>' if assets else "",
    ]
    body = '<div class="le360-tags-holder">x</div>' if own_class else "<p>360 degrés</p>"
    page = f"<html><head>{''.join(head)}</head><body>{body}</body></html>"
    assert OUTLET.detect(Document.from_content(page, kind="html")) == pytest.approx(score)


def test_html_body_container_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import presskit_le360.html as le360_html

    calls: list[object] = []

    def counting_blocks(node: object, **kwargs: object) -> list[str]:
        calls.append(node)
        return presskit.html.blocks(node, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(le360_html, "blocks", counting_blocks)
    article = OUTLET.extract(_html(_page("arc-chronique-full.html")))
    assert len(article.paragraphs) == 6 and len(calls) == 1


def _body_of(lines: list[str]) -> tuple[list[str], object]:
    from presskit_le360.dump import _body, _kind, _Parts

    parts = _Parts()
    return _body(lines, parts, 1, [_kind(line) for line in lines]), parts


PARAGRAPH = "Le port de plaisance a accueilli une trentaine de voiliers venus de toute la Méditerranée."


def test_body_rules_read_only_the_lines_of_their_class() -> None:
    # A caption taken with its credit shifts the lines after it: the "Lire aussi" line
    # must still be found (the classes of the lines left stay in step with them).
    body, parts = _body_of(
        [PARAGRAPH, "La marina de Tanger", "© Copyright : MAP", "Lire aussi : Un autre titre", PARAGRAPH]
    )
    assert body == [PARAGRAPH, PARAGRAPH]
    assert [(i.caption, i.credit) for i in parts.images] == [("La marina de Tanger", "MAP")]
    assert [link.title for link in parts.related] == ["Un autre titre"]


def test_body_title_under_a_bare_read_also_heading_is_read_once() -> None:
    # The line under a bare heading is its title, even when it is a "Lire aussi" line itself.
    body, parts = _body_of([PARAGRAPH, "Lire aussi", "Lire aussi : Un autre titre", PARAGRAPH, PARAGRAPH])
    assert body == [PARAGRAPH, PARAGRAPH, PARAGRAPH]
    assert [link.title for link in parts.related] == ["Lire aussi : Un autre titre"]


def test_long_lines_are_told_by_their_whole_key() -> None:
    # A long line's key tests read the key of its head only when that tells them all.
    from presskit_le360.dump import _END, _KEY_HEAD, _NOISE, _REVIEW, _classify

    share = " | ".join(["Partager sur Facebook", "Twitter", "WhatsApp", "LinkedIn", "Telegram", "E-mail"] * 2)
    assert len(share) > _KEY_HEAD and _classify(share) & _NOISE  # the share bar pattern reads the whole key
    footer = "Tous droits réservés à la société éditrice, toute reproduction est interdite sans accord écrit."
    assert len(footer) > _KEY_HEAD and _classify(footer) & _END
    marks = "\u0301" * _KEY_HEAD + "Tous droits réservés"  # a head whose key is empty
    assert _classify(marks) & _END
    review = "Cet article est une REVUE DE PRESSE TIRÉE du quotidien Al Akhbar, paru ce matin à Rabat."
    assert _classify(review) & _REVIEW
    assert _classify("Cet article est une revue de preſſe tirée du Matin, quotidien de Casablanca.") & _REVIEW
    assert not _classify(PARAGRAPH * 2) & (_END | _NOISE | _REVIEW)


def test_key_tests_ruled_out_by_the_opening_only_when_none_can_pass() -> None:
    from presskit_le360.dump import _END, _NOISE, _classify

    assert _classify("Les plus lus de la semaine sur le site") & _END  # opens like a test
    assert _classify("LES PLUS LUS") & _END
    assert _classify("Partager sur Facebook") & _NOISE
    assert not _classify("Les producteurs de cerises attendent la fête.") & (_END | _NOISE)
    assert _classify("© 2023 Le360, reproduction interdite sans accord") & _END  # no key test: a "©"


def test_language_check_counts_arabic_letters_only_when_some_may_be_there() -> None:
    from presskit_le360.dump import _check_language

    _check_language([PARAGRAPH, "Ćirić et Đoković ∆ 😆"])  # 06 bytes in UTF-16, no Arabic letter
    _check_language([PARAGRAPH, "Le mot مرحبا dans une phrase française."])  # fewer than the Latin letters
    with pytest.raises(ExtractionError, match="Arabic"):
        _check_language(["مرحبا بكم في موقع الأخبار", "Le360"])


@pytest.mark.parametrize(
    "body",
    [
        '<h1 class="headline-container"> </h1><h1 class="headline-container">Le vrai titre</h1>',
        '<h1 class="headline-container"></h1><h1 class="article-page-header">Un autre titre</h1>',
        "<h1></h1><article><h1>Titre de l’article</h1></article>",
        "<p>Aucun titre</p>",
    ],
)
def test_html_first_text_skips_an_empty_first_match(body: str) -> None:
    from presskit.html import first_text
    from presskit_le360.html import TITLE
    from test_html import every_match_text

    tree = Document.from_content(f"<html><body>{body}</body></html>", kind="html").tree
    assert first_text(tree, TITLE) == every_match_text(tree, TITLE)
    assert first_text(tree, ("h1",)) == every_match_text(tree, ("h1",))


@pytest.mark.parametrize(
    ("element", "related"),
    [
        ('<div class="related-stories">', True),
        ('<div class="Related-Articles">', True),  # quirks mode: any case
        ('<div class="x READ-MORE-CONTAINER">', True),
        ('<section class="related">', True),
        ('<aside class="box-related-links">', True),
        ('<div class="relatedstories">', False),
    ],
)
@pytest.mark.parametrize("doctype", ["", "<!DOCTYPE html>"])
def test_html_related_gate_never_hides_a_block(element: str, related: bool, doctype: str) -> None:
    from presskit.html import first
    from presskit_le360.html import _RELATED_GATE, RELATED

    tag = element[1 : element.index(" ")]
    link = "<a href='/x'>Un titre assez long pour compter</a>"
    page = f"{doctype}<html><body>{element}{link}</{tag}></body></html>"
    tree = Document.from_content(page, kind="html").tree
    block = first(tree, RELATED)
    if not doctype:  # quirks mode, as the template's pages: class names match in any case
        assert (block is not None) == related
    if block is not None:
        assert tree.css_first(_RELATED_GATE) is not None
