"""The Le360 outlet: Drupal-era and Arc XP article pages, as HTML or as text dumps.

Text dumps are read by :mod:`presskit_le360.dump`, HTML pages by
:mod:`presskit_le360.html`, which reuses the dump's body rules so that a page and
its dump give the same record.
"""

from __future__ import annotations

from presskit import Article, Case, Document, ExtractionError, Outlet
from presskit_le360.dump import extract_text, score_text
from presskit_le360.html import extract_html, score_html

# -- site data ---------------------------------------------------------------------------

# le360.ma covers fr.le360.ma (Arc), www.le360.ma/fr/... (Drupal) and sport.le360.ma;
# the Arc origin host is declared exactly, never arc-cdn.net as a whole (other Arc sites).
# ar.le360.ma is covered too: it is Le360's (so no other outlet may claim it), but its
# pages are in Arabic and are refused with a clear reason rather than half-parsed.
DOMAINS = ("le360.ma", "le360-le-360-francais-prod.web.arc-cdn.net")  # outlets.md [solid]
ARABIC_HOSTS = ("ar.le360.ma",)  # outlets.md [solid]: the Arabic edition

# (pattern searched in URL path + query, reason). Articles are `/fr/<section>/<slug>-<id>`
# (Drupal) or `/<section>/<slug>_<26-char id>/` (Arc), outlets.md [solid]: none of these
# patterns can match them (a section front page has a single segment, no id).
NON_ARTICLE_URLS = (
    (r"^/?(?:fr/?)?(?:index\.\w+)?(?:\?|$)", "the Le360 home page"),
    (r"^/(?:fr/)?tags?/", "a Le360 tag page"),
    (r"^/(?:fr/)?(?:auteurs?|authors?|users?|journalistes?)/", "a Le360 author page"),
    (r"^/(?:fr/)?(?:search|recherche)\b", "a Le360 search page"),
    (r"^/(?:fr/)?[a-z][a-z-]*/?(?:\?|$)", "a Le360 section front page (no article slug)"),
)

# -- example cases (invented articles in Le360's templates) -------------------------------

CASES = (
    Case(
        file="cases/drupal-article.txt",
        note="Drupal dump: title, name caption + copyright credit, chapeau, date, body, date again",
        expected={
            "title": "Tanger: le port de plaisance accueille sa première régate internationale",
            "lead": (
                "Une trentaine de voiliers venus d’Espagne, de France et du Portugal ont pris "
                "le départ de la première régate internationale organisée par la marina de Tanger."
            ),
            "published": "2017-06-03T11:42:00+00:00",  # Ramadan: Morocco back on UTC
            "section": None,
            "authors": [],
            "source": None,
            "paragraph_count": 5,
            "body_contains": ["Une affluence record"],
            "body_excludes": ["Copyright", "Karim Alaoui", "03/06/2017"],
        },
    ),
    Case(
        file="cases/arc-chronique-full.txt",
        url="https://fr.le360.ma/chroniques/le-temps-des-cerises-a-sefrou_QWERTYUIOPASDFGHJKLZXCVBNM/",
        note="Arc full page: menus, glued overline, two authors, caption, tweet, tags, comments, related",
        expected={
            "title": "Le temps des cerises à Sefrou",
            "lead": "Pour la petite ville du Moyen Atlas, la fête des cerises est bien plus qu’un festival.",
            "section": "Chronique",
            "authors": ["Salma Bennani", "Youssef El Idrissi"],
            "published": "2023-06-10T09:05:00+01:00",
            "tags": ["Sefrou", "Festival des cerises"],
            "paragraph_count": 6,
            "body_contains": ["— Ville de Sefrou (@VilleSefrou) June 9, 2023"],
            "body_excludes": [
                "Bienvenue",
                "Les vergers sous la pluie",
                "Politique de confidentialité",
                "Partager",
            ],
            "related_titles": [
                "Ifrane: la neige de juin surprend les habitants",
                "Fès célèbre ses musiques sacrées",
            ],
        },
    ),
    Case(
        file="cases/arc-revue-de-presse.txt",
        url="https://le360.ma/fr/societe/les-bus-de-casablanca-changent-de-mains-274512",
        note="Arc dump of an old URL: press review credited to a paper, 'Par Le360', single newlines",
        expected={
            "title": "Les bus de Casablanca changent de mains",
            "section": "Revue de presse",
            "authors": ["Le360"],
            "source": "Al Akhbar",
            "source_published": None,
            "published": "2021-02-14T18:30:00+01:00",
            "paragraph_count": 3,
            "body_excludes": ["revue de presse tirée"],
        },
    ),
    Case(
        file="cases/arc-agency.txt",
        url="https://fr.le360.ma/economie/les-exportations-d-agrumes-en-hausse_ZXCVBNMASDFGHJKLQWERTYUIOP/",
        note="Arc dump: overline line, byline with an agency, caption before the body, updated date",
        expected={
            "title": "Les exportations d’agrumes en hausse de 12%",
            "section": "Economie",
            "authors": ["Le360"],
            "source": "MAP",
            "published": "2022-11-20T08:15:00+01:00",
            "updated": "2022-11-20T10:40:00+01:00",
            "paragraph_count": 3,
            "body_excludes": ["Des caisses d’oranges"],
        },
    ),
    Case(
        file="cases/arc-extract-inline-credit.txt",
        note="Arc dump: breadcrumb, share bar, byline and date on one line, update stamp, inline "
        "photo credit, 'Lire aussi' link and intertitle in the body, footer",
        expected={
            "title": "Essaouira: les Gnaoua reviennent sur la place Moulay Hassan",
            "section": "Culture",
            "authors": ["La rédaction"],
            "published": "2022-05-18T15:20:00+01:00",
            "updated": "2022-05-19T08:05:00+01:00",
            "images": [
                {
                    "url": None,
                    "caption": "Un maâlem sur la scène du festival, en 2019",
                    "credit": "Le360 / Archives",
                }
            ],
            "paragraph_count": 3,
            "body_first": "Après deux années d’absence",
            "body_excludes": ["Partager", "Tanger: la fête", "Tous droits"],
            "related_titles": ["Tanger: la fête de la musique revient en juin"],
        },
    ),
    Case(
        file="cases/arc-chronique-full.html",
        note="Arc HTML page of the chronique dump: JSON-LD (UTC dates with seconds), hashed classes, "
        "byline links, tweet embed, ad slot, newsletter box, share bar, tags, comments, related stories",
        expected={
            "url": "https://fr.le360.ma/chroniques/le-temps-des-cerises-a-sefrou_QWERTYUIOPASDFGHJKLZXCVBNM/",
            "title": "Le temps des cerises à Sefrou",
            "lead": "Pour la petite ville du Moyen Atlas, la fête des cerises est bien plus qu’un festival.",
            "section": "Chronique",
            "authors": ["Salma Bennani", "Youssef El Idrissi"],
            "published": "2023-06-10T09:05:00+01:00",
            "updated": None,
            "tags": ["Sefrou", "Festival des cerises"],
            "language": "fr",
            "paragraph_count": 6,
            "body_contains": ["— Ville de Sefrou (@VilleSefrou) June 9, 2023"],
            "body_excludes": [
                "Bienvenue",
                "Publicité",
                "Partager",
                "Recevez chaque matin",
                "googletag",
                "Ifrane",
                "Tous droits",
            ],
            "images": [
                {
                    "url": "https://fr.le360.ma/resizer/Xy12AbCdEf34=/1200x675/filters:format(jpg)"
                    ":quality(70)/cloudfront-eu-central-1.images.arcpublishing.com/le360/"
                    "CERISESSEFROU2023.jpg",
                    "caption": "Des vergers de cerisiers sur les hauteurs de Sefrou.",
                    "credit": "Le360",
                }
            ],
            "related_titles": [
                "Ifrane: la neige de juin surprend les habitants",
                "Fès célèbre ses musiques sacrées",
            ],
        },
    ),
    Case(
        file="cases/arc-chronique-rotated.html",
        note="the same Arc page after a deploy: hashes rotated, attributes reordered, extra wrappers, "
        "h1.article-page-header, byline as one *-credits-bold span; no JSON-LD, image, tags or related",
        expected={
            "title": "Le temps des cerises à Sefrou",
            "lead": "Pour la petite ville du Moyen Atlas, la fête des cerises est bien plus qu’un festival.",
            "section": "Chronique",
            "authors": ["Salma Bennani", "Youssef El Idrissi"],
            "published": "2023-06-10T09:05:00+01:00",
            "tags": [],
            "images": [],
            "related": [],
            "paragraph_count": 6,
            "body_excludes": ["Les plus lus", "Tous droits"],
        },
    ),
    Case(
        file="cases/arc-agency.html",
        note="Arc page with Fusion.globalContent and no JSON-LD: section and credits from the story JSON, "
        "agency from the visible byline, update in the date line, 'DR' inside the caption",
        expected={
            "url": "https://fr.le360.ma/economie/les-exportations-d-agrumes-en-hausse_ZXCVBNMASDFGHJKLQWERTYUIOP/",
            "title": "Les exportations d’agrumes en hausse de 12%",
            "section": "Economie",
            "authors": ["Le360"],
            "source": "MAP",
            "published": "2022-11-20T08:15:00+01:00",
            "updated": "2022-11-20T10:40:00+01:00",
            "paragraph_count": 3,
            "images": [
                {
                    "url": "https://fr.le360.ma/resizer/Qw3Er4Ty5=/980x551/filters:format(jpg)/"
                    "cloudfront-eu-central-1.images.arcpublishing.com/le360/AGRUMESAGADIR.jpg",
                    "caption": "Des caisses d’oranges prêtes à l’export au port d’Agadir",
                    "credit": "DR",
                }
            ],
        },
    ),
    Case(
        file="cases/arc-fusion-only.html",
        note="Arc shell page (nothing rendered): every field from Fusion.globalContent, body from its "
        "text and header elements, UTC date kept as written, 'Lire aussi' link with its URL",
        expected={
            "url": "https://fr.le360.ma/societe/casablanca-le-tramway-prolonge-jusqu-a-sidi-moumen"
            "_MNBVCXZLKJHGFDSAPOIUYTREWQ/",
            "title": "Casablanca: le tramway prolongé jusqu’à Sidi Moumen",
            "lead": "La prolongation de la ligne 1 ouvrira au printemps, après dix-huit mois de travaux dans "
            "l’est de la ville.",
            "section": "Société",
            "authors": ["Nadia Alami", "Omar Tazi"],
            "tags": ["Casablanca", "Tramway"],
            "published": "2023-03-02T16:30:00+00:00",
            "updated": None,
            "paragraph_count": 4,
            "body_contains": ["Un chantier de dix-huit mois", "lancé à la fin"],
            "body_excludes": ["Lire aussi", "tweet", "Le chantier de la station"],
            "related": [
                {
                    "title": "Casablanca: les bus électriques arrivent en mars",
                    "published": None,
                    "url": "https://fr.le360.ma/societe/casablanca-les-bus-electriques-arrivent-en-mars"
                    "_LKJHGFDSAQWERTYUIOPMNBVCX/",
                }
            ],
        },
    ),
    Case(
        file="cases/drupal-article.html",
        url="https://le360.ma/fr/societe/tanger-le-port-de-plaisance-accueille-sa-premiere-regate-internationale-118234",
        note="Drupal page declared windows-1252, twin of the Drupal dump: field-name-* markup, caption "
        "with copyright, date repeated under the body, ISO time in another offset than the page",
        expected={
            "title": "Tanger: le port de plaisance accueille sa première régate internationale",
            "published": "2017-06-03T11:42:00+00:00",
            "updated": None,
            "section": "Société",
            "authors": [],
            "paragraph_count": 5,
            "body_contains": ["Une affluence record", "l’événement"],
            "body_excludes": ["Copyright", "Karim Alaoui", "03/06/2017", "Commentaires", "très lu"],
            "images": [
                {
                    "url": "https://le360.ma/sites/default/files/styles/article_full/public/assets/"
                    "images/2017/06/regate-tanger.jpg?itok=Ab3dEf",
                    "caption": "Karim Alaoui",
                    "credit": "Le360",
                }
            ],
        },
    ),
    Case(
        file="cases/extract-with-teaser.txt",
        url="https://le360.ma/fr/monde/la-mauritanie-ouvre-un-nouveau-poste-frontiere-301177",
        note="main-content extract: stray teaser, no header, single newlines, cut short",
        expected={
            "title": None,
            "published": None,
            "section": "Monde",
            "paragraph_count": 3,
            "body_excludes": ["Rabat: les taxis"],
        },
    ),
    Case(
        file="cases/extract-date-at-end.txt",
        note="Drupal extract without header lines: the repeated date line closes the body",
        expected={
            "title": None,
            "lead": None,
            "published": "2015-01-12T19:03:00+00:00",
            "paragraph_count": 3,
        },
    ),
    Case(
        file="cases/listing.txt",
        url="https://fr.le360.ma/politique/",
        reject="section front page",
        note="section front page, rejected by its URL",
    ),
    Case(
        file="cases/listing.txt",
        reject="listing",
        note="the same section listing without a URL: dated teasers, no body",
    ),
    Case(
        file="cases/tag-page.html",
        reject="tag page",
        note="Arc /tags/ page: rejected by its canonical URL",
    ),
    Case(
        file="cases/home.html",
        reject="listing or home page",
        note="home page without canonical URL: story cards, no article container, no structured story",
    ),
    Case(
        file="cases/tag-page.txt",
        reject="tag page",
        note="tag page: #tag heading over teasers",
    ),
    Case(
        file="cases/teaser-only.txt",
        reject="teaser",
        note="title, chapeau and date, then only a 'Lire la suite' link",
    ),
)


class Le360Outlet(Outlet):
    """Le360, Moroccan news in French (Drupal until about 2022, then Arc XP)."""

    name = "le360"
    title = "Le360"
    domains = DOMAINS
    non_article_urls = NON_ARTICLE_URLS
    cases = CASES

    def detect(self, document: Document) -> float:
        """Score the template's fingerprints; never raises."""
        try:
            return score_html(document) if document.kind == "html" else score_text(document)
        except Exception:  # noqa: BLE001 - detection must never break the caller
            return 0.0

    def extract(self, document: Document) -> Article:
        """Extract the article of an HTML page or a text dump."""
        if document.host in ARABIC_HOSTS:
            raise ExtractionError("ar.le360.ma is Le360's Arabic edition; only French pages are extracted")
        if document.kind == "html":
            return extract_html(document, self)
        return extract_text(document, self)


__all__ = ["CASES", "DOMAINS", "Le360Outlet"]
