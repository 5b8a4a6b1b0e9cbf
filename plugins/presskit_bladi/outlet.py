"""The Bladi.net outlet: SPIP article pages, as HTML or as text dumps.

Site rules below come from ``outlets.md`` (Bladi section, [solid] unless said
otherwise) and from the rendered template of article pages.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from presskit import Article, Case, Document, ExtractionError, Link, NotAnArticle, Outlet
from presskit.dates import casablanca, parse_date, parse_time
from presskit.html import blocks, first, first_text, images, json_ld_article, language, meta, node_text, when
from presskit.text import clean, fold, matches_any

# -- site data ---------------------------------------------------------------------------

DOMAINS = ("bladi.net",)

# Header line under the title: "<D month YYYY> - <HHhMM> - <Rubrique> - Ecrit par : <Author>".
# The date may be missing (the line then opens with "- HHhMM"); older pages write "Par:"
# with an empty author. Anchored on the time and the author label, so rubriques may hold
# spaces and dashes.
HEADER = re.compile(
    r"^(?P<date>[^\n]*?)\s*-\s*(?P<time>\d{1,2}\s?h\s?\d{0,2})\s+-\s+(?P<section>.+?)\s+-\s+"
    r"(?:Ecrit\s+par|[ÉE]crit\s+par|Par)\s*:\s*(?P<author>.*)$",
    re.I,
)
# Detection looks for the header line in the first 5,000 characters of a dump (about 80
# lines): it stands under the site menu and the title, about the 10th line of the sample
# and case dumps [solid].
DETECT_HEAD = 5000
# Lines that end the article body, in page order (promo lines, tags, related lists).
END_MARKERS = (
    re.compile(r"^Bladi\.net Google News\b", re.I),
    re.compile(r"^Bladi\.net sur WhatsApp\b", re.I),
    re.compile(r"^Suivez bladi\.net\b", re.I),
    re.compile(r"^Sujets associés\s*:", re.I),
    re.compile(r"^Aller plus loin$", re.I),
    re.compile(r"^Ces articles devraient vous intéresser", re.I),
)
_ANY_END = matches_any(END_MARKERS)
# The first letters of END_MARKERS in any case ("ſ" matches "s" case-insensitively): lines
# opening otherwise are no end marker, without running the patterns.
END_FIRST = frozenset("bBsSſaAcC")
_CASE_FORMS = {"s": "sSſ"}  # the characters a letter matches case-insensitively, if more than two


def _forms(letter: str) -> str:
    return _CASE_FORMS.get(letter.lower(), letter.lower() + letter.upper())


# The same for their first two letters ("Ce", "Su"...): far fewer lines open so.
END_OPENINGS = frozenset(
    a + b for marker in END_MARKERS for a in _forms(marker.pattern[1]) for b in _forms(marker.pattern[2])
)
TAGS = re.compile(r"^Sujets associés\s*:\s*(?P<tags>.*)$", re.I)
RELATED_HEADINGS = (
    "aller plus loin",
    "ces articles devraient vous intéresser :",
    "ces articles devraient vous intéresser",
)
# A credited-source line just before the promo lines: "Source : <Paper>", an agency
# alone, or "<Paper> - <Journalist>" (short, no sentence punctuation).
SOURCE_LABEL = re.compile(r"^(?:Source|Sources)\s*:\s*(?P<source>.+)$", re.I)
AGENCIES = ("MAP", "AFP", "Reuters", "AP", "EFE", "Anadolu", "DPA", "Belga", "ANSA", "Europa Press")
PAPER_JOURNALIST = re.compile(r"^(?P<paper>[^.!?:;«»]{2,60}?)\s+-\s+(?P<who>[^.!?:;«»]{2,60})$")
# Listing pages (home, rubrique, keyword pages) repeat "D month YYYY - HHhMM" teaser dates.
LISTING_DATE = re.compile(r"^\d{1,2}(?:er)?\s+\S+\s+\d{4}\s+-\s+\d{1,2}h\d{2}$")
# A main-content extract may open with a sidebar teaser of another article.
TEASER_END = ("...", "…")
# Old articles lost the typographic apostrophe to "?" when they were converted (outlets.md
# [solid]): "l?État", "aujourd?hui". Only elisions are repaired; a real "?" is followed by
# a space.
DAMAGED_APOSTROPHE = re.compile(
    r"(?<![\w?])((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quelqu|aujourd))\?(?=[^\W\d_])", re.I
)
# HTML (outlets.md [solid], 2019 scrapers): the article column, then its parts. The page is
# rendered to lines from the article column and read like a dump; metadata fills the gaps.
HTML_ROOTS = ("div.magauche.pas.article", "div.article", "article", "main", "#contenu", "body")
HTML_DROP = (
    "header", "footer", "nav", "aside", "form", ".partage", ".share", ".social", ".pub", ".publicite",
    ".ads", "#commentaires", ".comments", ".forum", ".breadcrumb", ".ariane", "figure", "picture",
)  # fmt: skip
HTML_TITLE = ("div.magauche.pas.article h1", "article h1", "h1")
HTML_DATELINE = "p.datenews"
HTML_LISTING = ("span.accueildate",)
HOME_PATHS = re.compile(r"^/?(?:index\.(?:html?|php))?$")
# The template's article column or date line, either one (one query).
HTML_MARKS = "div.magauche, p.datenews"

# -- example cases (invented articles in Bladi's template) ---------------------------------

CASES = (
    Case(
        file="cases/article-full.txt",
        url="https://www.bladi.net/velos-partages-etudiants-liege,54321.html",
        note="full dump: menu, header line, intertitle, credited paper, tags, related lists",
        expected={
            "title": "Des vélos partagés pour les étudiants marocains de Liège",
            "published": "2019-03-14T16:45:00+01:00",
            "section": "Belgique",
            "authors": ["Bladi.net"],
            "tags": ["Belgique", "Étudiants", "Vélo"],
            "source": "La Meuse",
            "paragraph_count": 5,
            "body_contains": ["Un bilan d’étape"],
            "body_excludes": ["Sujets associés", "Suivez bladi.net", "Namur accueille", "Pierre Lambert"],
            "related_titles": [
                "Liège : une bourse pour les étudiants du Maroc",
                "Namur accueille un festival de cinéma marocain",
            ],
        },
    ),
    Case(
        file="cases/article-no-date-empty-author.txt",
        note="older header: date missing (time only), empty author after 'Par:', rubrique with spaces",
        expected={
            "title": "Un consulat mobile à Montpellier pour les Marocains d’Occitanie",
            "published": None,
            "section": "Marocains de France",
            "authors": [],
            "source": "MAP",
            "tags": ["Consulat", "France"],
            "paragraph_count": 2,
        },
    ),
    Case(
        file="cases/extract-off-topic-teaser.txt",
        url="https://www.bladi.net/gand-guichet-marocains,61002.html",
        note="main-content extract opened by a teaser whose topic does not match the URL slug",
        expected={"title": None, "paragraph_count": 3, "body_first": "La mairie de Gand ouvre"},
    ),
    Case(
        file="cases/article-old-damaged.txt",
        note="old article: '?' in place of the apostrophe, 'Par:' label with an author",
        expected={
            "title": "Les transferts d’argent des MRE en hausse",
            "published": "2008-06-02T08:15:00+01:00",
            "section": "Economie",
            "authors": ["Bladi.net"],
            "source": "L’Economiste",
            "body_contains": ["Pourquoi une telle hausse ? Les", "jusqu’à l’automne"],
            "paragraph_count": 2,
        },
    ),
    Case(
        file="cases/extract-with-teaser.txt",
        url="https://www.bladi.net/traversee-detroit-hausse,60001.html",
        note="main-content extract: no title or header, single newlines, a stray teaser on top",
        expected={
            "title": None,
            "published": None,
            "paragraph_count": 3,
            "body_excludes": ["les familles s’inquiètent"],
        },
    ),
    Case(
        file="cases/article-full.html",
        note="SPIP HTML page of the full-dump article: canonical URL, header line, chapeau in bold",
        expected={
            "url": "https://www.bladi.net/velos-partages-etudiants-liege,54321.html",
            "title": "Des vélos partagés pour les étudiants marocains de Liège",
            "published": "2019-03-14T16:45:00+01:00",
            "section": "Belgique",
            "authors": ["Bladi.net"],
            "tags": ["Belgique", "Étudiants", "Vélo"],
            "source": "La Meuse",
            "paragraph_count": 5,
            "body_excludes": ["Publicité", "Partager", "Les plus lus", "Tous droits"],
        },
    ),
    Case(
        file="cases/listing.html",
        url="https://www.bladi.net/belgique.html",
        reject="listing",
        note="rubrique listing in HTML: span.accueildate teasers",
    ),
    Case(
        file="cases/listing.txt",
        url="https://www.bladi.net/belgique.html",
        reject="listing",
        note="rubrique listing: dated teasers, no article header",
    ),
)


class BladiOutlet(Outlet):
    """Bladi.net, news of Moroccans abroad (SPIP)."""

    name = "bladi"
    title = "Bladi.net"
    domains = DOMAINS
    non_article_urls = (
        (HOME_PATHS.pattern, "the home page"),
        (r"^/(?:forum|spip\.php)\b", "a forum or search page"),
        (r"^/(?:auteur|author)\d*", "an author page"),
    )
    cases = CASES

    def detect(self, document: Document) -> float:
        if document.kind == "html":
            return _detect_html(document)
        text = document.text
        if "\n" not in text and "\r" in text:  # old Mac line ends
            text = "\n".join(document.lines)
        score = 0.6 if _has_header(text) else 0.0
        # the promo lines both name the site; a page without "ladi.net" is ruled out in one scan
        if "ladi.net" in text and ("Suivez bladi.net" in text or "Bladi.net Google News" in text):
            score += 0.35
        if "Sujets associés :" in text:
            score += 0.1
        return min(score, 1.0)

    def extract(self, document: Document) -> Article:
        if document.kind == "html":
            return _extract_html(document, self)
        # The non-blank lines cleaned (Document.cleaned_lines would clean the blank ones too).
        lines = [line for line in map(clean, filter(None, document.lines)) if line]
        return _extract_lines(lines, document.url, self)


# -- text dumps ----------------------------------------------------------------------------


def _is_header(line: str) -> bool:
    """The header line; its dashes and colon are tested first, the pattern only then."""
    return "-" in line and ":" in line and HEADER.match(line) is not None


def _has_header(text: str) -> bool:
    """Whether a line starting in the first DETECT_HEAD characters is the header line.

    Only the lines holding a colon (the author label's) are cleaned and matched."""
    stop = min(len(text), DETECT_HEAD)
    at = text.find(":", 0, stop)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if _is_header(clean(text[start:end])):
            return True
        at = text.find(":", end, stop)
    return False


def _published(date_part: str, time_part: str) -> date | datetime | None:
    day = parse_date(date_part) if date_part.strip(" -") else None
    if isinstance(day, datetime):
        return day
    clock = parse_time(time_part)
    if day is None:
        return None  # a time without its day is no date: never invent one
    if clock is None:
        return day
    return datetime.combine(day, clock, tzinfo=casablanca())


def _end_of_body(lines: list[str], start: int) -> int:
    for index in range(start, len(lines)):
        line = lines[index]
        if line[:2] in END_OPENINGS and _ANY_END(line):
            return index
    return len(lines)


def _source(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """Split a credited-source line off the end of the body."""
    if len(paragraphs) < 2:
        return None, paragraphs
    last = paragraphs[-1]
    label = SOURCE_LABEL.match(last)
    if label:
        return label["source"].strip(), paragraphs[:-1]
    if last in AGENCIES:
        return last, paragraphs[:-1]
    credit = PAPER_JOURNALIST.match(last)
    if credit and not last.endswith((".", "…", "?", "!", "»", '"')):
        return credit["paper"].strip(), paragraphs[:-1]
    return None, paragraphs


def _related(lines: list[str], start: int) -> tuple[Link, ...]:
    """(title, teaser) pairs after the related headings."""
    links: list[Link] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if line.lower() in RELATED_HEADINGS or TAGS.match(line) or _ANY_END(line):
            index += 1
            continue
        links.append(Link(title=line))
        index += 2  # the teaser under each title
    return tuple(links)


def _slug_words(url: str | None) -> set[str]:
    """Significant words of a SPIP URL slug (``/velos-partages-liege,54321.html``)."""
    if not url:
        return set()
    slug = urlsplit(url).path.rsplit("/", 1)[-1].split(",", 1)[0].removesuffix(".html")
    return {word for word in fold(slug).split("-") if len(word) > 3}


def _off_topic(first: str, rest: list[str], url: str | None) -> bool:
    """True when the first line shares no word with the URL slug and the following text does."""
    words = _slug_words(url)
    if not words:
        return False

    def hits(text: str) -> int:
        return len(words & set(re.findall(r"\w+", fold(text))))

    return hits(first) == 0 and hits(" ".join(rest[:3])) > 0


def _repair(line: str) -> str:
    return DAMAGED_APOSTROPHE.sub(r"\1’", line) if "?" in line else line  # the pattern needs a "?"


def _extract_lines(lines: list[str], url: str | None, outlet: BladiOutlet) -> Article:
    return _read_lines(lines, url).article(outlet, url=url, language=outlet.language)


@attrs.frozen(kw_only=True)
class _Parsed:
    """What the lines of a dump (or of a rendered page) say about the article."""

    title: str | None
    paragraphs: list[str]
    published: date | datetime | None
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    section: str | None
    source: str | None
    related: tuple[Link, ...]

    def article(self, outlet: BladiOutlet, **fields: Any) -> Article:
        """The record, with ``fields`` (url, language and, for pages, what metadata adds)."""
        base = {
            "title": self.title, "paragraphs": self.paragraphs, "published": self.published,
            "authors": self.authors, "tags": self.tags, "section": self.section,
            "source": self.source, "related": self.related,
        }  # fmt: skip
        return Article(outlet=outlet.name, **{**base, **fields})


def _read_lines(lines: list[str], url: str | None) -> _Parsed:
    lines = [_repair(line) if "?" in line else line for line in lines]  # few lines hold a "?"
    header_at = next((i for i, line in enumerate(lines[:80]) if _is_header(line)), None)
    end = _end_of_body(lines, 0 if header_at is None else header_at + 1)
    title = section = published = None
    authors: tuple[str, ...] = ()
    if header_at is not None:
        header = HEADER.match(lines[header_at])
        assert header is not None
        title = lines[header_at - 1] if header_at > 0 else None
        section = clean(header["section"]) or None
        author = clean(header["author"])
        authors = (author,) if author else ()
        published = _published(header["date"], header["time"])
        body = lines[header_at + 1 : end]
    else:
        if sum(1 for line in lines if LISTING_DATE.match(line)) >= 3:
            raise NotAnArticle("a Bladi listing page (teasers with dates, no article header)")
        body = lines[:end]
        if len(body) > 1 and (body[0].endswith(TEASER_END) or _off_topic(body[0], body[1:], url)):
            body = body[1:]  # a sidebar teaser of another article above the extract
    source, paragraphs = _source(body)
    if not paragraphs:
        raise ExtractionError("no article body found between the header and the end markers")
    tags_line = next((TAGS.match(line) for line in lines[end:] if TAGS.match(line)), None)
    tags = tuple(t for t in (clean(x) for x in tags_line["tags"].split(" - ")) if t) if tags_line else ()
    related_at = next((i for i in range(end, len(lines)) if lines[i].lower() in RELATED_HEADINGS), None)
    return _Parsed(
        title=title,
        paragraphs=paragraphs,
        published=published,
        authors=authors,
        tags=tags,
        section=section,
        source=source,
        related=_related(lines, related_at) if related_at is not None else (),
    )


# -- HTML pages ----------------------------------------------------------------------------


def _detect_html(document: Document) -> float:
    tree = document.tree
    score = 0.0
    if tree.css_first(HTML_MARKS) is not None:
        score += 0.5
    # A link to the site near the top (a substring search) spares the <meta> index on its pages.
    if (
        document.text.find('href="https://www.bladi.net', 0, 20000) >= 0
        or "bladi" in (meta(tree, "og:site_name") or "").lower()
    ):
        score += 0.4
    return min(score, 1.0)


def _first_text_from(tree: LexborHTMLParser, selector: str, node: LexborNode | None) -> str | None:
    """first_text(tree, (selector,)) given the selector's first match: the others are
    read only when its text is empty."""
    return None if node is None else node_text(node) or first_text(tree, (selector,))


def _extract_html(document: Document, outlet: BladiOutlet) -> Article:
    tree = document.tree
    # The first date line tells an article from a listing, then gives its text (css_first
    # stops at it, near the top): the others are read only if its text is empty.
    dateline_node = tree.css_first(HTML_DATELINE)
    if dateline_node is None and len(tree.css(HTML_LISTING[0])) >= 3:
        raise NotAnArticle("a Bladi listing page (dated teasers, no article header)")
    root = first(tree, HTML_ROOTS)
    lines = blocks(root, drop=HTML_DROP)
    title = first_text(tree, HTML_TITLE)
    dateline = _first_text_from(tree, HTML_DATELINE, dateline_node)
    if title is None and dateline is None and tree.css_first(HTML_ROOTS[0]) is None:
        # Without any of the template's parts there is no telling the article from the chrome.
        raise ExtractionError("no Bladi article markup (article column, headline or date line)")
    # The title and dateline may sit outside the chosen root: put them back on top.
    head = [line for line in (title, dateline) if line and line not in lines[:3]]
    parsed = _read_lines(head + lines, document.url)
    ld = json_ld_article(tree) or {}
    published = (
        parsed.published or when(ld.get("datePublished")) or when(meta(tree, "article:published_time"))
    )
    return parsed.article(  # built once: its checks run over every paragraph
        outlet,
        url=document.url or meta(tree, "og:url"),
        title=parsed.title or title or meta(tree, "og:title"),
        published=published,
        updated=when(ld.get("dateModified")) or when(meta(tree, "article:modified_time")),
        images=images(root, base="https://www.bladi.net"),
        language=language(tree, outlet.language),
    )
