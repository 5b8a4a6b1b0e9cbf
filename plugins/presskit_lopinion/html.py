"""L'Opinion HTML pages: the WMaker template (www.lopinion.ma) and the Next.js site (lopinion.ma/fr/).

Structured data comes first (JSON-LD, ``og:*``, ``article:*``, ``__NEXT_DATA__``), then
the selectors below, tried in order. The body container is rendered to lines and
cleaned by the same rules as a text dump (title repeat, inline "Lire aussi" links,
credited source, closing signature), so a page and its dump give the same record.
A page whose body container is not found is rendered whole and read like a dump.

Provenance tags as in ``outlets.md``: [probable] the WMaker template as other WMaker
sites render it; [guess] unverified. The new site's article markup is unknown: its
selectors are semantic names only, never the hashed CSS-module classes next to them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from presskit import Article, Document, ExtractionError, Image, Link, NotAnArticle, When
from presskit.dates import find_dates
from presskit.html import attr, blocks, first, json_ld_article, language, meta, node_text, when
from presskit.text import clean, fold
from presskit_lopinion import outlet as dump  # the dump parser whose rules the HTML path shares

__all__ = ["detect_html", "extract_html"]

# -- selectors, most trusted first -------------------------------------------------------------

# Headline: outlets.md [guess] h1.access; any h1 of the article module or element [probable].
TITLE = ("h1.access", ".module-article h1", "article h1", "main h1", "h1")
# Body container: outlets.md [guess] .texte (text in <p> or split by <br>); the others are
# the usual semantic names [guess] for the new site.
BODY = (
    ".texte", "[itemprop=articleBody]", "[data-testid=article-body]", ".article-content",
    ".article-body", ".article-text", ".post-content", ".entry-content",
)  # fmt: skip
# Date line: outlets.md [probable] h4.date (rubrique link, then the date); <time> [guess].
DATELINE = ("h4.date", "time", ".date", ".article-date", ".article-meta", ".infos")
# Rubrique: outlets.md [probable] a.rubrique in h4.date; category link of the new site [guess].
SECTION = ("h4.date a.rubrique", "a.rubrique", ".rubrique a", "a.category", ".category")
BREADCRUMB = (".breadcrumb", "nav[aria-label=breadcrumb]", ".fil_ariane", ".ariane")
# Byline: outlets.md [probable] "Par <a rel=author>"; name containers [guess].
AUTHOR_LINKS = ("a[rel~=author]", ".auteur a", ".author a", ".signature a")
AUTHOR_TEXT = (".auteur", ".author", ".signature", ".byline")
TAG_LINKS = ("a[rel~=tag]", ".tags a", ".mots-cles a", ".mots_cles a", ".keywords a")  # [guess]
LEAD = (".chapo", ".chapeau", ".article-chapo", ".article-lead", "p.lead")  # [guess]
# WMaker teasers on listings and in related modules: outlets.md [probable].
TEASER_TITLES = ("h3.titre a",)
# Related boxes by class [guess]; any box headed "Lire aussi", "Dans la même rubrique"…
# is found by its heading too, whatever its class.
RELATED = (".module-related", ".lire_aussi", ".lire-aussi", ".related", ".related-articles")
HEADINGS = ("h2", "h3", "h4", ".titre_module")
RELATED_GROUP = ", ".join(RELATED)  # found in one query
RELATED_CLASSES = tuple(selector.removeprefix(".") for selector in RELATED)  # RELATED are classes only
# Headings of related blocks; site-wide lists ("Les plus lus", "Derniers articles") are no
# relation of the article and stay out.
RELATED_HEADING = re.compile(
    r"^(?:(?:À|A) lire aussi|Lire aussi|Lire également|Voir aussi|Dans la même rubrique|"
    r"Articles? similaires|Sur le même sujet|Vous aimerez aussi|Vous pourriez aussi aimer)\s*:?$",
    re.I,
)
# The logo links home: its host names the site when metadata is missing [probable].
LOGO_LINKS = ("a.logo", "#header a[href]", "header a[href]", ".module-header a[href]")
# Removed from the body before it is read: ads, share bars, newsletter boxes, embeds'
# chrome, pictures (their captions go to images) [probable for WMaker names, guess else].
BODY_DROP = (
    ".pub", ".publicite", ".ad", ".ads", ".ad-slot", ".ad_slot", ".advert", ".share", ".social",
    ".partage", ".module-share", ".newsletter", ".newsletter-box", ".fb-post", ".fb-video",
    ".comments", "#commentaires", "figure", "figcaption", ".photo", ".legende", "picture",
)  # fmt: skip
# Tweets and posts are kept as one paragraph of text: their quote and attribution.
EMBEDS = ("blockquote.twitter-tweet", "blockquote.instagram-media", "blockquote.tiktok-embed")
# Where images are never taken from inside the article region.
IMAGE_DROP_CLASSES = frozenset(
    ("share", "social", "module-share", "pub", "ad", "ads", "ad-slot", "newsletter", "comments")
)
IMAGE_DROP = ", ".join(f".{name}" for name in sorted(IMAGE_DROP_CLASSES))
CAPTIONS = ("figcaption", ".legende", ".caption")
CREDITS = (".credit", ".credits", ".copyright", "small")
FIGURE_PARTS = ", ".join((*CAPTIONS, *CREDITS))  # whether an element holds any: one query
ICONS = re.compile(r"/_images/|logo|icon|pixel|spacer|\.svg(?:\?|$)", re.I)
# The whole page, read like a dump when no body container is found.
PAGE_ROOTS = ("main", "article", "#z_col1", "body")
PAGE_DROP = ("header", "footer", ".module-header", ".module-footer", ".module-share", ".share", ".pub")

SITE = re.compile(r"^L['’]Opinion\b|lopinion", re.I)
TITLE_SUFFIX = re.compile(r"\s*[|–—-]\s*L['’]Opinion(?:\s+Maroc)?(?:\s*[-–|:].*)?$", re.I)
UPDATE_LABEL = re.compile(r"(?:mis|mise)\s+à\s+jour|modifi|actualis|updated", re.I)
WMAKER_CLASSES = ("div.wm-module", "h1.access", "h4.date a.rubrique", "div.sous_titre")
WMAKER_SOURCE_MARKS = ("/photo/art/", "/xml/syndication.rss")  # asset and feed paths
NEXT_SCRIPT = "script#__NEXT_DATA__"
NEXT_SOURCE_MARK = "/_next/static/"
# Any template fingerprint at all: the source's marks in one search, then the elements in
# one query.
TEMPLATE_ELEMENTS = ", ".join((*WMAKER_CLASSES, NEXT_SCRIPT))
TEMPLATE_SOURCE_MARKS = (*WMAKER_SOURCE_MARKS, NEXT_SOURCE_MARK)
TEMPLATE_SOURCE = re.compile("|".join(map(re.escape, TEMPLATE_SOURCE_MARKS)))  # one search for them all
TEMPLATE_SOURCE_HEAD = 5000  # characters of the source where _marked looks for them
# The <meta> names extraction reads (presskit.html.meta indexes a page's <meta> once).
PAGE_METAS = (
    "og:title",
    "og:type",
    "og:image",
    "article:section",
    "article:published_time",
    "article:modified_time",
)

# __NEXT_DATA__ of the new site [guess]: the article object is found by its keys.
NEXT_TITLE = ("title", "headline")
NEXT_CONTENT = ("content", "body", "contentHtml", "bodyHtml", "html")
NEXT_PUBLISHED = ("publishedAt", "published_at", "datePublished", "publicationDate", "date", "createdAt")
NEXT_UPDATED = ("updatedAt", "updated_at", "dateModified", "modifiedAt")
NEXT_SECTION = ("category", "section", "rubrique")
NEXT_AUTHORS = ("authors", "author")
NEXT_TAGS = ("tags", "keywords")
DEFAULT_BASE = "https://www.lopinion.ma/"


# -- detection -------------------------------------------------------------------------------


def _host(url: str | None) -> str | None:
    if not url or "//" not in url:
        return None
    return (urlsplit(url).hostname or "").lower().removeprefix("www.") or None


def _metas(tree: LexborHTMLParser, names: Sequence[str]) -> dict[str, str]:
    """``presskit.html.meta(tree, name)`` for each of ``names`` that has one: it reads an index
    of the page's <meta> elements built once per tree, shared with the other outlets."""
    return {name: value for name in names if (value := meta(tree, name)) is not None}


def _site_evidence(tree: LexborHTMLParser) -> tuple[bool, bool]:
    """(names L'Opinion, names another site) from og:site_name, canonical, twitter:site, logo."""
    metas = _metas(tree, ("og:site_name", "og:url", "twitter:site"))
    name = metas.get("og:site_name")
    canonical = attr(tree.css_first('link[rel="canonical"]'), "href") or metas.get("og:url")
    host = _host(canonical) or _host(attr(first(tree, LOGO_LINKS), "href"))
    handle = metas.get("twitter:site") or ""
    own = bool(name and SITE.search(name)) or host == "lopinion.ma" or "lopinion" in handle.lower()
    foreign = bool(name and not SITE.search(name)) or (host is not None and host != "lopinion.ma")
    return own, foreign


def _template_score(document: Document) -> tuple[float, bool]:
    """WMaker fingerprints (capped: other sites run it) and whether the page is Next.js."""
    tree, source = document.tree, document.text
    score = 0.3 if tree.css_first(WMAKER_CLASSES[0]) is not None else 0.0
    score += 0.1 * sum(1 for selector in WMAKER_CLASSES[1:] if tree.css_first(selector) is not None)
    score += 0.15 * sum(1 for mark in WMAKER_SOURCE_MARKS if mark in source)
    next_js = tree.css_first(NEXT_SCRIPT) is not None or NEXT_SOURCE_MARK in source
    return min(score, 0.55), next_js


def _marked(document: Document) -> bool:
    """Whether the page shows any fingerprint of ``_template_score`` (a score or Next.js):
    the source's marks where the template writes them (the <head>'s feed link, og:image and
    script preloads, the first pictures), found by one search cheaper than a query of the
    tree, then the elements in one query."""
    if TEMPLATE_SOURCE.search(document.text, 0, TEMPLATE_SOURCE_HEAD) is not None:
        return True
    return document.tree.css_first(TEMPLATE_ELEMENTS) is not None


def detect_html(document: Document) -> float:
    """Template fingerprints weighed by site evidence; another site's name scores near zero.

    With site evidence only whether the page shows any fingerprint counts."""
    try:
        own, foreign = _site_evidence(document.tree)
        if foreign and not own:
            return 0.05 if _marked(document) else 0.0
        if own:
            score = 0.95 if _marked(document) else 0.75
            return score - 0.3 if foreign else score  # mixed evidence: a copy or a syndicated page
        return _template_score(document)[0]  # WMaker without site evidence: possibly another WMaker site
    except Exception:  # noqa: BLE001 - detection must never raise
        return 0.0


# -- the page: structured data and the article's nodes ------------------------------------------


def _ids(node: LexborNode | None) -> list[int]:
    """mem_ids of ``node`` and its ancestors, innermost first."""
    found: list[int] = []
    while node is not None:
        found.append(node.mem_id)
        node = node.parent
    return found


def _inside(node: LexborNode, containers: Sequence[LexborNode]) -> bool:
    """Whether ``node`` is one of ``containers`` or lies within one (walked up, stopping
    at the first container: no list of all its ancestors)."""
    return bool(containers) and _inside_ids(node, {c.mem_id for c in containers})


def _inside_ids(node: LexborNode, ids: frozenset[int] | set[int]) -> bool:
    """Whether ``node`` or one of its ancestors has a mem_id among ``ids``."""
    if not ids:
        return False
    current: LexborNode | None = node
    while current is not None:
        if current.mem_id in ids:
            return True
        current = current.parent
    return False


def _common(a: LexborNode, b: LexborNode) -> LexborNode | None:
    """The innermost element holding both nodes."""
    seen = set(_ids(a))
    node: LexborNode | None = b
    while node is not None and node.mem_id not in seen:
        node = node.parent
    return node


def _next_article(tree: LexborHTMLParser) -> dict[str, Any]:
    """The article object of the new site's ``__NEXT_DATA__`` [guess], or an empty dict."""
    script = tree.css_first("script#__NEXT_DATA__")
    if script is None:
        return {}
    try:
        data = json.loads(script.text(deep=True) or "null")
    except ValueError:
        return {}
    props = data.get("props", {}).get("pageProps", {}) if isinstance(data, dict) else {}
    return next(_articles(props, 0), {})


def _articles(obj: Any, depth: int) -> Iterator[dict[str, Any]]:
    """Objects with a title and an HTML content, depth first."""
    if depth > 6:
        return
    if isinstance(obj, dict):
        content = _pick(obj, NEXT_CONTENT)
        if isinstance(_pick(obj, NEXT_TITLE), str) and isinstance(content, str) and "<" in content:
            yield obj
        for value in obj.values():
            yield from _articles(value, depth + 1)
    elif isinstance(obj, list):
        for item in obj:
            yield from _articles(item, depth + 1)


def _pick(obj: dict[str, Any], keys: Sequence[str]) -> Any:
    return next((obj[k] for k in keys if obj.get(k)), None)


def _names(value: Any) -> list[str]:
    """Names of a JSON value: a string, a {name} object, or a list of them."""
    if isinstance(value, str):
        return [t for t in (clean(x) for x in value.split(",")) if t]
    if isinstance(value, dict):
        name = value.get("name")
        return [clean(name)] if isinstance(name, str) and clean(name) else []
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _persons(value: Any) -> list[str]:
    """Author names of JSON-LD or __NEXT_DATA__, organisations and the site itself left out."""
    items = value if isinstance(value, list) else [value]
    kept = [i for i in items if not (isinstance(i, dict) and i.get("@type") == "Organization")]
    return [name for name in _names(kept) if not SITE.search(name)]


@attrs.frozen(kw_only=True)
class _Page:
    """What the page says about the article, found once."""

    tree: LexborHTMLParser
    ld: dict[str, Any]
    next: dict[str, Any]
    title_node: LexborNode | None
    body_node: LexborNode | None
    body_rank: int  # index in BODY of the selector that found body_candidates (len(BODY): none)
    body_candidates: list[LexborNode]
    region: LexborNode | None
    boxes: tuple[LexborNode, ...]  # a box found by several selectors is listed as often
    box_ids: frozenset[int]  # their mem_ids, for the many tests of whether a node lies in one
    base: str
    source: LexborNode | None  # the body container, or the __NEXT_DATA__ article's HTML
    source_lines: list[str]
    box_lines: dict[int, list[str]]  # by mem_id
    metas: dict[str, str]  # PAGE_METAS, as presskit.html.meta reads them

    def lines_of(self, box: LexborNode) -> list[str]:
        return self.box_lines[box.mem_id]

    @classmethod
    def read(cls, document: Document) -> _Page:
        tree = document.tree
        body_rank, body_candidates = _body_candidates(tree)
        body_node = _body_node(body_candidates)
        title_node = _title_node(tree)
        if body_node is not None and title_node is not None:
            region = _common(title_node, body_node)
        else:
            region = body_node.parent if body_node is not None else tree.body
        nxt = _next_article(tree)
        source = _next_body(nxt) or body_node
        boxes = tuple(_related_boxes(tree, body_node))
        return cls(
            tree=tree, ld=json_ld_article(tree) or {}, next=nxt, title_node=title_node,
            body_node=body_node, body_rank=body_rank, body_candidates=body_candidates, region=region,
            boxes=boxes, box_ids=frozenset(box.mem_id for box in boxes), base=document.url or DEFAULT_BASE,
            source=source, source_lines=_lines(source, BODY_DROP), metas=_metas(tree, PAGE_METAS),
            box_lines=_box_lines(boxes),
        )  # fmt: skip

    def within(self, selectors: Sequence[str]) -> Iterator[LexborNode]:
        """Nodes of the article region matching the selectors in order, related boxes excluded."""
        root = self.region or self.tree.body
        if root is None:
            return
        yield from self._outside_boxes(root.css(selectors[0]))
        # The first selector is the template's own and often matches (date line, rubrique,
        # byline), and callers mostly stop at its nodes: the others are queried only when
        # asked for, after one query telling whether any of them matches (lexbor tests each
        # selector of a group on every node, so the group is no cheaper than the first
        # selector alone, but it saves the others' queries on pages matching none).
        rest = selectors[1:]
        if len(rest) > 1 and root.css_first(", ".join(rest)) is None:
            return
        for selector in rest:
            yield from self._outside_boxes(root.css(selector))

    def _outside_boxes(self, nodes: list[LexborNode]) -> Iterator[LexborNode]:
        for node in nodes:
            if not _inside_ids(node, self.box_ids):
                yield node


def _title_node(tree: LexborHTMLParser) -> LexborNode | None:
    """The headline element; an h1 wrapping the site's logo or name is skipped."""
    # Every TITLE selector ends in "h1" and the last one is "h1" alone: a page's only h1
    # is the one each of them would find, and the order of the selectors cannot matter.
    headings = tree.css("h1")
    if len(headings) <= 1:
        text = node_text(headings[0]) if headings else None
        return headings[0] if text and not SITE.search(text) else None
    for selector in TITLE:
        for node in tree.css(selector):
            text = node_text(node)
            if text and not SITE.search(text):
                return node
    return None


MAX_BODY_CANDIDATES = 50


def _body_candidates(tree: LexborHTMLParser) -> tuple[int, list[LexborNode]]:
    """The nodes of the first body selector that matches, and its index in BODY."""
    for rank, selector in enumerate(BODY):
        nodes = tree.css(selector)
        if nodes:
            return rank, nodes
    return len(BODY), []


def _body_node(candidates: list[LexborNode]) -> LexborNode | None:
    """The longest of the body candidates."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # a bounded number of candidates: nested matches would make this quadratic
    return max(candidates[:MAX_BODY_CANDIDATES], key=lambda n: len(n.text(deep=True) or ""))


# Class selectors told in Python on nodes at hand: lexbor splits the class attribute on
# ASCII whitespace and, in quirks mode, compares names ignoring ASCII case, so a class equal
# to a name only once lower-cased is left to lexbor's own query.
CLASS_SEPARATORS = re.compile(r"[ \t\n\f\r]+")


def _classes_among(node: LexborNode, names: Sequence[str] | frozenset[str]) -> set[str] | None:
    """The node's classes that are among ``names``, or None when only the document's mode
    (quirks or not) could tell."""
    value = node.attributes.get("class")
    if not value:
        return set()
    tokens = set(CLASS_SEPARATORS.split(value))
    found = tokens.intersection(names)
    if any(token.lower() in names for token in tokens - found):
        return None
    return found


def _by_class(tree: LexborHTMLParser) -> list[LexborNode]:
    """The nodes of each RELATED selector in turn (a node once per selector it matches),
    from one query: its matches are sorted by class in Python unless case could matter."""
    # a node is listed once per selector of the group it matches: kept once, in page order
    group = list({node.mem_id: node for node in tree.css(RELATED_GROUP)}.values())
    if not group:  # most pages match none of them
        return []
    found: list[set[str]] = []
    for node in group:
        classes = _classes_among(node, RELATED_CLASSES)
        if classes is None:  # a class in another case: lexbor decides, one selector at a time
            return [node for selector in RELATED for node in tree.css(selector)]
        found.append(classes)
    return [
        node
        for name in RELATED_CLASSES
        for node, classes in zip(group, found, strict=True)
        if name in classes
    ]


def _related_boxes(tree: LexborHTMLParser, body: LexborNode | None) -> Iterator[LexborNode]:
    """Related blocks: known classes, and any block headed by a related heading."""
    body_ids = [] if body is None else [body]
    # a box by class is listed once per selector it matches
    for node in _by_class(tree):
        if not _inside(node, body_ids):
            yield node
    for heading in tree.css(", ".join(HEADINGS)):
        text = node_text(heading) or ""
        if not RELATED_HEADING.match(text) or _inside(heading, body_ids):
            continue
        box = heading.parent
        for _ in range(3):  # the block is the closest ancestor holding links
            if box is None or box.css_first("a[href]") is not None:
                break
            box = box.parent
        if box is not None and box.tag != "body" and (body is None or not _inside(body, [box])):
            yield box


# -- body ------------------------------------------------------------------------------------


def _lines(node: LexborNode | None, drop: Sequence[str]) -> list[str]:
    """``blocks(node, drop=drop)``, each embed giving one line: its whole text."""
    return blocks(node, drop=drop, flatten=EMBEDS)


def _box_lines(boxes: Sequence[LexborNode]) -> dict[int, list[str]]:
    """Lines of each related box by mem_id; a box found by several selectors is read once."""
    found: dict[int, list[str]] = {}
    for box in boxes:
        if box.mem_id not in found:
            found[box.mem_id] = _lines(box, BODY_DROP)
    return found


def _next_body(article: dict[str, Any]) -> LexborNode | None:
    """The new site's article HTML from __NEXT_DATA__, parsed apart [guess]."""
    content = _pick(article, NEXT_CONTENT)
    return LexborHTMLParser(content).body if isinstance(content, str) else None


# A root-relative path that urljoin takes as it is: no "//" (empty segments are dropped),
# no dot segment, no parameters, query or fragment (whose empty forms are dropped).
PLAIN_PATH = re.compile(r"/(?!/)(?:[A-Za-z0-9_~%+,=@!$&'*:-]|\.(?![./]|$)|/(?![/.]))*")
# A query urljoin keeps whole: it splits at the first "?" and at "#", drops an empty one
# and removes tabs and newlines.
_PLAIN_QUERY = r"(?:\?[^#\s]+)?"
PLAIN_HREF = re.compile(PLAIN_PATH.pattern + _PLAIN_QUERY)
# An absolute http(s) URL that urljoin gives back unchanged, whatever the base: a
# lower-case scheme (urljoin lower-cases it), a plain ASCII host and port, a plain path
# and query (the WMaker pictures, og:image, most related links).
PLAIN_URL = re.compile(rf"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:{PLAIN_PATH.pattern})?{_PLAIN_QUERY}")


@lru_cache(maxsize=64)
def _origin(base: str) -> str | None:
    """``scheme://host`` of an http(s) base URL, or None for any other base."""
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def _join(base: str, href: str) -> str:
    """``urljoin(base, href)``; a plain root-relative path (and query) is put after the
    base's origin and a plain absolute URL taken as it is, without parsing them (most links
    and pictures of both templates)."""
    if href[:1] == "/":
        if PLAIN_HREF.fullmatch(href) and (origin := _origin(base)) is not None:
            return origin + href
    elif PLAIN_URL.fullmatch(href):
        return href
    return urljoin(base, href)


def _anchors(node: LexborNode | None) -> dict[str, str]:
    """Folded link text → href (the first one), for the links of ``node``."""
    found: dict[str, str] = {}
    for link in node.css("a[href]") if node is not None else []:
        text, href = node_text(link), attr(link, "href")
        if text and href and not href.startswith(("#", "javascript:")):
            found.setdefault(fold(text), href)
    return found


def _with_urls(links: Sequence[Link], node: LexborNode | None, base: str) -> list[Link]:
    """Links without a URL take that of the first link of ``node`` showing their title."""
    if all(link.url for link in links):  # the anchors are read only when needed
        return list(links)
    anchors = _anchors(node)
    return [
        link
        if link.url
        else attrs.evolve(link, url=_join(base, href) if (href := anchors.get(fold(link.title))) else None)
        for link in links
    ]


@attrs.frozen(kw_only=True)
class _Body:
    """The cleaned body and what its cleaning found."""

    paragraphs: tuple[str, ...]
    meta: dump._Meta
    tags: tuple[str, ...]
    published: When | None = None  # the date line found by the dump parser (page read whole)
    updated: When | None = None
    section: str | None = None


def _read_body(node: LexborNode | None, lines: list[str], title: str | None, base: str) -> _Body:
    """Body paragraphs of a container (rendered to ``lines``), cleaned like a dump's body."""
    meta_ = dump._Meta()
    kinds = dump._kinds(lines)
    end = dump._end_of_body(lines, kinds, 0)
    cleaned = dump._clean_body(lines[:end], kinds[:end], title, meta_)
    body = dump._trim_tail(dump._trim_start(cleaned, meta_), meta_)
    meta_.related = _with_urls(meta_.related, node, base)
    return _Body(paragraphs=tuple(body), meta=meta_, tags=dump._tags(lines, end))


# -- metadata ----------------------------------------------------------------------------------


def _title(page: _Page) -> str | None:
    """Headline: JSON-LD, __NEXT_DATA__, og:title (site suffix cut), then the h1."""
    shown = node_text(page.title_node)
    for value in (page.ld.get("headline"), page.next.get("title"), page.metas.get("og:title")):
        if isinstance(value, str) and (text := clean(TITLE_SUFFIX.sub("", value))):
            cut = text.rstrip(".… ")
            # a metadata headline cut short for length: the page shows the whole one
            return shown if shown and cut != text and fold(shown).startswith(fold(cut)) else text
    return shown


# The date parser is costly and a page repeats its date line (the rubrique's date box
# under both h4.date and .date, the header's copy in the popup).
@lru_cache(maxsize=256)
def _dateline(text: str) -> tuple[When | None, When | None]:
    """(published, updated) of a date line; a date after an update label is the update."""
    published = updated = None
    for found in find_dates(text):
        if UPDATE_LABEL.search(text[max(0, found.start - 30) : found.start]):
            updated = updated or found.value
        else:
            published = published or found.value
    return published, updated


def _shown_dates(page: _Page) -> tuple[When | None, When | None]:
    """Dates the page shows under the title; a <time> whose text is no date gives its attribute."""
    tried: set[int] = set()  # a node matching several selectors gives the same answer again
    for node in page.within(DATELINE):
        if node.mem_id in tried:
            continue
        tried.add(node.mem_id)
        published, updated = _dateline(node_text(node) or "")
        if published is None and node.tag == "time":
            published = when(attr(node, "datetime"))
        if published is not None:
            return published, updated
    return None, None


def _dates(page: _Page, body: _Body) -> tuple[When | None, When | None]:
    """Published and updated: the date line when the page shows one, else metadata.

    A text dump keeps only what the page shows (WMaker: local time to the minute; the
    new site: the day), while ``article:published_time`` may carry seconds or another
    offset. So the shown date line wins and a page gives the same value as its dump;
    metadata (JSON-LD, ``article:*``, __NEXT_DATA__, keeping their offsets) is used only
    for a page that shows no date. The two sources are never mixed.
    """
    published, updated = _shown_dates(page)
    if published is None:
        published, updated = body.published, body.updated
    if published is None:
        ld, nxt = page.ld, page.next
        published = (when(ld.get("datePublished")) or when(page.metas.get("article:published_time"))
                     or when(_str(_pick(nxt, NEXT_PUBLISHED))))  # fmt: skip
        updated = (when(ld.get("dateModified")) or when(page.metas.get("article:modified_time"))
                   or when(_str(_pick(nxt, NEXT_UPDATED))))  # fmt: skip
    return published, None if updated == published else updated


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _section(page: _Page, title: str | None) -> str | None:
    """Rubrique: article:section, JSON-LD, __NEXT_DATA__, the rubrique link, the breadcrumb."""
    names = _names(page.ld.get("articleSection")) + _names(_pick(page.next, NEXT_SECTION))
    section = page.metas.get("article:section") or (names[0] if names else None)
    section = section or next((t for n in page.within(SECTION) if (t := node_text(n))), None)
    if section:
        return section
    crumb = first(page.tree, BREADCRUMB)
    parts = [t for a in (crumb.css("a, span") if crumb else []) if (t := node_text(a))]
    parts = [p for p in parts if fold(p) not in ("accueil", "home") and (not title or fold(p) != fold(title))]
    return parts[-1] if parts else None


def _authors(page: _Page) -> list[str]:
    """Bylines: JSON-LD persons, __NEXT_DATA__, then the rel=author links and byline text."""
    names = _persons(page.ld.get("author")) or _persons(_pick(page.next, NEXT_AUTHORS))
    if names:
        return names
    links = [t for n in page.within(AUTHOR_LINKS) if (t := node_text(n)) and not SITE.search(t)]
    if links:
        return list(dict.fromkeys(links))
    for node in page.within(AUTHOR_TEXT):
        byline = dump._byline(node_text(node) or "")
        if byline and byline[0]:
            return list(byline[0])
    return []


def _tags(page: _Page) -> list[str]:
    """Keywords: article:tag, JSON-LD keywords, __NEXT_DATA__ tags, then tag links."""
    metas = [clean(v) for n in page.tree.css('meta[property="article:tag"]') if (v := attr(n, "content"))]
    found = metas or _names(page.ld.get("keywords")) or _names(_pick(page.next, NEXT_TAGS))
    found = found or [t for n in page.within(TAG_LINKS) if (t := node_text(n))]
    return list(dict.fromkeys(t.lstrip("#") for t in found if t.lstrip("#")))


def _lead(page: _Page) -> str | None:
    return next((t for n in page.within(LEAD) if not _in_body(page, n) and (t := node_text(n))), None)


def _in_body(page: _Page, node: LexborNode) -> bool:
    return page.body_node is not None and _inside(node, [page.body_node])


def _related(page: _Page) -> list[Link]:
    """Links of the related boxes, with the dates shown next to them."""
    links: list[Link] = []
    # a box found by several selectors gives the same links again, which _article drops
    for box in {box.mem_id: box for box in page.boxes}.values():
        lines = page.lines_of(box)
        if not lines or not dump.RELATED_HEADINGS.match(lines[0]):
            lines = ["Lire aussi", *lines]
        links += _with_urls(dump._related(lines, dump._kinds(lines), 0), box, page.base)
    return links


def _image_src(img: LexborNode, base: str) -> str | None:
    src = attr(img, "data-src") or attr(img, "data-lazy-src") or attr(img, "src")
    if not src or src.startswith("data:") or ICONS.search(src):
        return None
    url = _join(base, src)
    if "/_next/image" in url:  # Next.js optimiser: the original is its url parameter
        url = parse_qs(urlsplit(url).query).get("url", [url])[0]
    return url


def _figure(img: LexborNode, stop: LexborNode | None) -> LexborNode | None:
    """The closest ancestor (three at most) holding a caption or credit of the image."""
    node = img.parent
    for _ in range(3):
        if node is None or (stop is not None and node.mem_id == stop.mem_id):
            return None
        if node.tag == "figure" or node.css_first(FIGURE_PARTS) is not None:
            return node
        node = node.parent
    return None


def _image(img: LexborNode, url: str, stop: LexborNode | None) -> Image:
    figure = _figure(img, stop)
    caption = credit = None
    if figure is not None:
        credit = node_text(first(figure, CREDITS))
        caption = node_text(first(figure, CAPTIONS))
        if caption and credit and caption.endswith(credit):
            caption = clean(caption[: -len(credit)]) or None
    return Image(url=url, caption=caption or attr(img, "alt"), credit=credit)


def _images(page: _Page) -> list[Image]:
    """Pictures of the article region with caption and credit; og:image when there are none."""
    found: list[Image] = []
    seen: set[str] = set()
    dropped: dict[str, set[int]] = {}  # mem_ids of the region's IMAGE_DROP elements, when queried
    for img in page.within(("img",)):
        url = _image_src(img, page.base)
        if url is None or url in seen:
            continue
        if page.region is None:
            if any(a.css_matches(IMAGE_DROP) for a in _ancestors(img, None)):
                continue
        else:
            if any(_dropped(a, page.region, dropped) for a in _ancestors(img, page.region)):
                continue
        seen.add(url)
        found.append(_image(img, url, page.region))
    fallback = page.metas.get("og:image")
    return found or ([Image(url=_join(page.base, fallback))] if fallback else [])


def _dropped(node: LexborNode, region: LexborNode, queried: dict[str, set[int]]) -> bool:
    """Whether ``node`` (within ``region``) matches IMAGE_DROP: told by its classes, or by
    one query of the region (kept in ``queried``) when only the document's mode could tell."""
    classes = _classes_among(node, IMAGE_DROP_CLASSES)
    if classes is not None:
        return bool(classes)
    if IMAGE_DROP not in queried:
        queried[IMAGE_DROP] = {found.mem_id for found in region.css(IMAGE_DROP)}
    return node.mem_id in queried[IMAGE_DROP]


def _ancestors(node: LexborNode, stop: LexborNode | None) -> Iterator[LexborNode]:
    current = node.parent
    while current is not None and (stop is None or current.mem_id != stop.mem_id):
        yield current
        current = current.parent


# -- non-articles ------------------------------------------------------------------------------


def _reject(page: _Page, body: Sequence[str]) -> None:
    """Raise NotAnArticle for listings, home pages and teaser-only pages."""
    # An article's metadata outweighs sidebar teasers around a short body.
    article_meta = bool(page.ld) or page.metas.get("og:type") == "article"
    teasers = [n for s in TEASER_TITLES for n in page.tree.css(s) if not _inside_ids(n, page.box_ids)]
    if not article_meta and _may_show_new_site_dates(page.tree.body):
        # the page rendered whole only when its count may decide
        lines = blocks(page.tree.body, drop=PAGE_DROP)
        boxed = sum(1 for box in page.boxes for line in page.lines_of(box) if dump.NEW_SITE_DATE.match(line))
        new_site = sum(1 for line in lines if dump.NEW_SITE_DATE.match(line)) - boxed
        if new_site >= 2:
            raise NotAnArticle(f"a listing of the new site: {new_site} dated teasers and no article body")
    if len(teasers) >= 2 and not article_meta:
        raise NotAnArticle(f"a WMaker listing or home page: {len(teasers)} teasers and no article body")
    if page.metas.get("og:type") == "website":
        raise NotAnArticle("a listing or home page: og:type is website and there is no article body")
    if 0 < len(body) <= 2 and (body[-1].endswith(dump.ELLIPSIS) or dump.READ_MORE.match(body[-1])):
        raise NotAnArticle("a teaser-only page: title, date and a teaser, no article text")


def _may_show_new_site_dates(body: LexborNode | None) -> bool:
    """Whether a rendering of ``body`` may hold a new-site date line: such a line holds a
    "|", which comes from one of the body's text nodes (blocks joins and cleans their text,
    which makes no "|"), so a body whose text has none renders none, at the cost of one
    text read instead of a rendering of the whole page."""
    return body is not None and "|" in body.text(deep=True)


def _is_listing_body(page: _Page) -> bool:
    """Several body containers outside related boxes: teasers of a listing, not one article.

    The first selector that matches was queried for the body node: its nodes are reused
    (the selectors before it match nothing)."""
    nodes = [n for n in page.body_candidates if not _inside_ids(n, page.box_ids)]
    if nodes:
        return len(nodes) >= 3
    for selector in BODY[page.body_rank + 1 :]:
        nodes = [n for n in page.tree.css(selector) if not _inside_ids(n, page.box_ids)]
        if nodes:
            return len(nodes) >= 3
    return False


# -- extraction --------------------------------------------------------------------------------


def _page_as_dump(document: Document, page: _Page, outlet: dump.LopinionOutlet) -> Article:
    """No body container: render the page to lines and read them like a dump."""
    root = first(page.tree, PAGE_ROOTS)
    lines = _lines(root, PAGE_DROP + BODY_DROP)
    text = Document(text="\n".join(lines), kind="text", url=document.url)
    return dump._extract_text(text, outlet)


def extract_html(document: Document, outlet: dump.LopinionOutlet) -> Article:
    """Build the Article of an HTML page, or raise NotAnArticle / ExtractionError."""
    page = _Page.read(document)
    title = _title(page)
    source = page.source
    body = _read_body(source, page.source_lines, title, page.base)
    has_prose = any(dump._is_prose(p) for p in body.paragraphs)
    if not has_prose or _is_listing_body(page):
        _reject(page, body.paragraphs)
    if source is None:
        base = _page_as_dump(document, page, outlet)
        links = _with_urls(base.related, page.tree.body, page.base)
        found = dump._Meta(authors=list(base.authors), source=base.source, related=links)
        body = _Body(paragraphs=base.paragraphs, meta=found, tags=base.tags, published=base.published,
                     updated=base.updated, section=base.section)  # fmt: skip
        title = title or base.title
    if not body.paragraphs:
        raise ExtractionError("found the page's article parts but no body text in them")
    return _article(document, page, outlet, title, body)


def _article(
    document: Document, page: _Page, outlet: dump.LopinionOutlet, title: str | None, body: _Body
) -> Article:
    """Assemble the record: metadata of the page around the cleaned body."""
    published, updated = _dates(page, body)
    lead = _lead(page)
    paragraphs = [p for p in body.paragraphs if lead is None or fold(p) != fold(lead)]
    tags = _tags(page) or list(body.tags)
    related = {fold(link.title): link for link in (*body.meta.related, *_related(page))}
    return Article(
        outlet=outlet.name,
        url=document.url,
        title=title,
        lead=lead,
        paragraphs=paragraphs,
        published=published,
        updated=updated,
        authors=_authors(page) or body.meta.authors,
        tags=tags,
        section=_section(page, title) or body.section,
        language=language(page.tree, outlet.language),
        source=body.meta.source,
        images=_images(page),
        related=tuple(related.values()),
    )
