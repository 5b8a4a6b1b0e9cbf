"""The Gazette outlet: article pages of gazette-detroit.example, as text dumps or HTML.

Both templates show the same parts in the same order: rubrique, title, a date line
``Publié le DD/MM/YYYY à HH:MM — Par <names>``, the chapeau, the body, ``Source : X``,
``Mots-clés : a, b``. The HTML path reads the marked-up parts; the dump path anchors on
the date line.
"""

from __future__ import annotations

import re

from presskit import Article, Case, Document, ExtractionError, NotAnArticle, Outlet
from presskit.dates import parse_date
from presskit.html import blocks, first_text, language, meta, when
from presskit.text import clean, non_blank

# -- site data ---------------------------------------------------------------------------

SITE_NAME = "La Gazette du Détroit"
DATE_LINE = re.compile(
    r"^Publié le (?P<when>\d{2}/\d{2}/\d{4} à \d{2}:\d{2})(?:\s+—\s+Par\s+(?P<names>.+))?$"
)
SECTION_LINE = re.compile(r"^Rubrique\s*:\s*(?P<section>.+)$")
SOURCE_LINE = re.compile(r"^Source\s*:\s*(?P<source>.+)$")
TAGS_LINE = re.compile(r"^Mots-clés\s*:\s*(?P<tags>.+)$")
END_LINE = re.compile(r"^©\s*La Gazette du Détroit")
# HTML: the article element and its parts.
TITLE = ("h1.gz-title", "article h1")
SECTION = ("p.gz-rubrique",)
LEAD = ("p.gz-chapeau",)
AUTHORS = "p.gz-byline .gz-author"
TAGS = "ul.gz-tags a"

CASES = (
    Case(
        file="cases/article.txt",
        url="https://www.gazette-detroit.example/societe/tanger-le-ferry-pour-tarifa-change-ses-horaires-d-ete",
        note="text dump: menu, rubrique, date line with two authors, chapeau, intertitle, source, tags",
        expected={
            "title": "Tanger : le ferry pour Tarifa change ses horaires d’été",
            "lead": "Les départs du matin sont avancés d’une heure à partir du 1er juin.",
            "published": "2022-05-20T09:30:00+01:00",
            "authors": ["Nadia Alami", "Omar Tazi"],
            "section": "Société",
            "source": "MAP",
            "tags": ["Transport", "Tanger"],
            "paragraph_count": 3,
            "body_excludes": ["Accueil", "Tous droits réservés"],
        },
    ),
    Case(
        file="cases/article.html",
        note="the same article as an HTML page: canonical URL, marked-up parts, chrome around them",
        expected={
            "url": "https://www.gazette-detroit.example/societe/tanger-le-ferry-pour-tarifa-change-ses-horaires-d-ete",
            "title": "Tanger : le ferry pour Tarifa change ses horaires d’été",
            "published": "2022-05-20T09:30:00+01:00",
            "authors": ["Nadia Alami", "Omar Tazi"],
            "tags": ["Transport", "Tanger"],
            "paragraph_count": 3,
            "body_excludes": ["Newsletter", "Partager"],
        },
    ),
    Case(
        file="cases/rubrique.txt",
        url="https://www.gazette-detroit.example/rubrique/societe",
        reject="rubrique",
        note="a rubrique listing, refused by its URL",
    ),
)


class GazetteOutlet(Outlet):
    """La Gazette du Détroit, an invented Tangier weekly."""

    name = "gazette"
    title = SITE_NAME
    domains = ("gazette-detroit.example",)
    non_article_urls = ((r"^/rubrique/", "a rubrique listing"), (r"^/?$", "the home page"))
    cases = CASES

    def detect(self, document: Document) -> float:
        """0.9 when the site name and a date line are there, 0.4 for the name alone."""
        head = document.text[:5000]
        if SITE_NAME.upper() not in head.upper():
            return 0.0
        return 0.9 if "Publié le" in head else 0.4

    def extract(self, document: Document) -> Article:
        """The Article of a dump or of an HTML page."""
        if document.kind == "html":
            return _extract_html(document, self)
        return _extract_text(non_blank(document.lines), document.url, self)


def _split_tail(lines: list[str]) -> tuple[list[str], str | None, tuple[str, ...]]:
    """Body lines, then the source and tags that close the article."""
    body: list[str] = []
    source: str | None = None
    tags: tuple[str, ...] = ()
    for line in lines:
        if END_LINE.match(line):
            break
        if m := SOURCE_LINE.match(line):
            source = m["source"]
        elif m := TAGS_LINE.match(line):
            tags = tuple(t for t in (clean(x) for x in m["tags"].split(",")) if t)
        else:
            body.append(line)
    return body, source, tags


def _extract_text(lines: list[str], url: str | None, outlet: GazetteOutlet) -> Article:
    at = next((i for i, line in enumerate(lines) if DATE_LINE.match(line)), None)
    if at is None or at == 0:
        raise NotAnArticle("no Gazette date line under a title: not an article page")
    header = DATE_LINE.match(lines[at])
    assert header is not None
    section = next((m["section"] for line in lines[:at] if (m := SECTION_LINE.match(line))), None)
    body, source, tags = _split_tail(lines[at + 1 :])
    if len(body) < 2:
        raise ExtractionError("no article body after the Gazette chapeau")
    names = header["names"] or ""
    return Article(
        outlet=outlet.name,
        url=url,
        title=lines[at - 1],
        lead=body[0],
        paragraphs=body[1:],
        published=parse_date(header["when"]),
        authors=tuple(n for n in (clean(x) for x in names.split(",")) if n),
        section=section,
        tags=tags,
        source=source,
        language=outlet.language,
    )


def _extract_html(document: Document, outlet: GazetteOutlet) -> Article:
    tree = document.tree
    body_node = tree.css_first("div.gz-body")
    title = first_text(tree, TITLE)
    if body_node is None or title is None:
        raise ExtractionError("no Gazette article (div.gz-body and its title)")
    body, source, tags = _split_tail(blocks(body_node))
    source = source or (
        m["source"] if (m := SOURCE_LINE.match(first_text(tree, ("p.gz-source",)) or "")) else None
    )
    if not body:
        raise ExtractionError("the Gazette article body is empty")
    return Article(
        outlet=outlet.name,
        url=document.url,
        title=title,
        lead=first_text(tree, LEAD),
        paragraphs=body,
        published=when(meta(tree, "article:published_time")),
        authors=tuple(a for a in (clean(n.text()) for n in tree.css(AUTHORS)) if a),
        section=first_text(tree, SECTION),
        tags=tags or tuple(t for t in (clean(n.text()) for n in tree.css(TAGS)) if t),
        source=source,
        language=language(tree, outlet.language),
    )
