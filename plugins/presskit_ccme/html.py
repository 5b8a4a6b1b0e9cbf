"""HTML pages of ccme.org.ma: SmartMag article pages today, Joomla + K2 items before.

A page is read into a :class:`Page`: its metadata, and the text blocks of the article
container. The outlet module then runs the same body and tail rules as for text dumps
(captions, promo links, original date, ``Source :``), so a page and its dump give the
same record.

Structured data comes first (JSON-LD ``Article``/Yoast ``@graph``, ``og:*``,
``article:*``, ``<time datetime>``, canonical link, ``<html lang>``); the selectors
below are ordered fallbacks. They name stable class names only, never a whole path:
pages carry extra wrappers, reordered attributes and build-hashed classes
(``wp-container-core-group-is-layout-9b36172e``) that change between deploys.
Provenance: outlets.md (CCME section) says [probable] for the SmartMag selectors; the
others are the theme's and WordPress's usual markup [probable], K2's [probable], or
[guess] fallbacks.
"""

from __future__ import annotations

import html as entities
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from presskit import Document, ExtractionError, Image, Link, NotAnArticle
from presskit.article import When
from presskit.dates import casablanca, find_dates
from presskit.html import attr, blocks, images, json_ld, json_ld_article, language, meta, node_text, when
from presskit.text import clean, fold
from presskit_ccme.council import FULL_NAME, names_the_council

__all__ = ["Page", "container_links", "detect_html", "read_page"]

SITE = "https://www.ccme.org.ma"

# -- selectors (ordered fallbacks) ---------------------------------------------------------

# Title: SmartMag h1.is-title.post-title (outlets.md [probable]); WordPress h1.entry-title
# [probable]; K2 h2.itemTitle [probable]; any h1 outside the chrome [guess].
TITLE = ("h1.is-title.post-title", "h1.post-title", "h1.entry-title", ".the-post-header h1", "h2.itemTitle",
         "h1.itemTitle", "article h1", "h1")  # fmt: skip
# Category: SmartMag span.cat-labels a.category[rel=category] (outlets.md [probable]);
# WordPress rel="category tag" links [probable]; K2 .itemCategory [probable].
CATEGORY = ("span.cat-labels a.category", ".cat-labels a.category", ".cat-labels a", "a[rel~=category]",
            ".post-cat a", ".itemCategory a")  # fmt: skip
# Breadcrumb: SmartMag nav#breadcrumb, span.delim separators, span.current last (outlets.md
# [probable]); Yoast / Rank Math / Bootstrap trails [probable].
BREADCRUMB = ("nav#breadcrumb", "#breadcrumb", ".breadcrumbs", "nav.rank-math-breadcrumb", "#breadcrumbs",
              ".breadcrumb")  # fmt: skip
CRUMB_SEPARATOR = re.compile(r"\s*[»›]\s*")
HOME_CRUMBS = frozenset({"home", "accueil", "الرئيسية", "acceuil"})
# Post date: SmartMag time.post-date[datetime] in span.meta-item.date (outlets.md [probable]);
# WordPress time.entry-date, schema.org itemprop [probable]; K2 span.itemDateCreated [probable].
PUBLISHED = (".meta-item.date time[datetime]", "time.post-date[datetime]", "time.entry-date[datetime]",
             "time[itemprop=datePublished]", ".post-meta time[datetime]", ".meta-item.date time",
             "time.post-date", "time.entry-date", "span.itemDateCreated")  # fmt: skip
# Update stamp, only when the page shows one: SmartMag span.meta-item.date-modified [probable].
UPDATED = (".date-modified time[datetime]", ".date-modified time", "time[itemprop=dateModified]",
           ".date-modified")  # fmt: skip
# Visible byline: SmartMag span.meta-item.post-author (hidden on CCME today) [probable]; K2
# span.itemAuthor [probable].
AUTHORS = (".meta-item.post-author a", ".post-author a", ".post-by a", ".byline a[rel~=author]",
           "a[rel~=author]", "span.itemAuthor a", "span.itemAuthor")  # fmt: skip
BYLINE_LABEL = re.compile(r"^(?:Par|By|Written by|Écrit par|Ecrit par|بقلم)\s*:?\s*", re.I)
# Tags: SmartMag div.the-post-tags (WordPress rel="tag") [probable]; K2 ul.itemTags [probable].
# rel="tag" exactly: category links carry rel="category tag".
TAGS = (".the-post-tags a", ".post-tags a", ".tags-links a", 'a[rel="tag"]', "ul.itemTags a")
# Article container: SmartMag div.post-content.entry-content (outlets.md [probable]); WordPress
# .entry-content, schema.org articleBody [probable]; K2 intro + full text [probable]; Joomla
# com_content [guess].
CONTENT = ("div.post-content.entry-content", "div.entry-content", "div.post-content",
           "[itemprop=articleBody]", ".single-content", "article .content", "div.item-page")  # fmt: skip
K2_ITEM = ("#k2Container.itemView", "div.itemView", "#k2Container")
K2_TEXT = ("div.itemIntroText", "div.itemFullText")
# Dropped from the container: share bars, ads, newsletter boxes, related blocks, image
# captions (kept in `images`), embeds' chrome, tags, author box, comments, K2 extras, the
# old "picto info" disclaimer (first: images go next). The quoted text of an embedded tweet
# stays: dumps show it.
BODY_DROP = (
    "p:has(img[alt^=picto])", ".picto",
    ".post-share", ".post-share-b", ".post-share-bot", ".post-share-float", ".share-links", ".sharedaddy",
    ".addtoany_share_save_container", ".a2a_kit", ".social-share",
    ".a-wrap", ".ad-wrap", ".code-block", "ins.adsbygoogle", "[id^=div-gpt-ad]", ".advertisement", ".ads",
    ".newsletter", ".spc-newsletter", ".block-newsletter", ".mc4wp-form", ".wpcf7",
    ".related-posts", ".jp-relatedposts", ".yarpp-related", ".crp_related",
    "figcaption", ".wp-caption-text", ".gallery-caption", "img", "picture", "video", "audio",
    ".instagram-media", ".fb-post", ".wp-embedded-content", ".embed-youtube", ".wp-block-embed__caption",
    ".the-post-tags", ".post-tags", ".author-box", ".post-nav", ".navigation", "#comments", ".comments-area",
    ".itemToolbar", ".itemRatingBlock", ".itemSocialSharing", ".itemLinks", ".itemNavigation", "a.k2ReadMore",
)  # fmt: skip
# Lead image: SmartMag div.single-featured / div.featured [probable]; WordPress
# .post-thumbnail [probable]; K2 itemImageBlock [probable].
FEATURED = (".single-featured", "div.featured", ".post-thumbnail", "div.itemImageBlock")
# Related posts: SmartMag section.related-posts > article.l-post (outlets.md [probable]);
# Jetpack / YARPP / CRP blocks [guess].
RELATED = ("section.related-posts", ".related-posts", ".jp-relatedposts", ".yarpp-related", ".crp_related")
RELATED_ITEMS = ("article.l-post", ".l-post", "article", "li")
RELATED_TITLE = (".post-title a", ".is-title a", "h2 a", "h3 a", "h4 a", "a[title]", "a")
# Headings of archive pages: WordPress "Auteur/autrice : X" (outlets.md [solid] in dumps).
ARCHIVE_HEADING = (".archive-head h1", "h1.archive-title", "h1.page-title", ".archive-head .title", "h1")
AUTHOR_HEADING = re.compile(r"^(?:Auteur/autrice|Auteur|Author|Archives de l['’]auteur)\s*:\s*\S", re.I)
# Teasers of listings: SmartMag loop posts [probable]; K2 category/user views [probable].
LOOP_POSTS = ("article.l-post", ".loop .post-title", "div.catItemView", "div.itemContainer",
              "div.userItemView")  # fmt: skip
K2_LISTINGS = (("div.userView", "an old K2 author page (a listing)"),
               ("div.itemListView", "an old K2 category listing"),
               ("div.tagView", "an old K2 tag listing"))  # fmt: skip
READ_MORE = re.compile(
    r"^(?:Suite|Lire la suite|Lire plus|Read more|En savoir plus|اقرأ المزيد)\s*(?:\.\.\.|…|»|›|>)?$", re.I
)

# WordPress body classes (stable, set by the core) that name a non-article page; "single"
# pages are articles whatever else they carry.
ARCHIVE_CLASSES = (
    ("home", "the CCME home page (a listing of teasers)"),
    ("blog", "the CCME home page (a listing of teasers)"),
    ("author", "a CCME author archive"),
    ("category", "a CCME category listing"),
    ("tag", "a CCME tag listing"),
    ("search", "a CCME search results listing"),
    ("date", "a CCME date archive (a listing)"),
    ("archive", "a CCME archive listing"),
)
ARTICLE_CLASSES = frozenset({"single", "single-post"})
# Yoast types of non-article pages.
NON_ARTICLE_TYPES = (
    ("ProfilePage", "a CCME author archive"),
    ("CollectionPage", "a CCME listing (collection page)"),
    ("SearchResultsPage", "a CCME search results listing"),
)

# Ancestors whose content never answers for the article: related and loop teasers,
# widgets, sidebars, footers, comments, overlays.
CHROME_TAGS = frozenset({"aside", "footer"})
MAX_CHROME_DEPTH = 40  # ancestors looked at to tell chrome from content
CHROME_CLASSES = frozenset(
    {"related-posts", "l-post", "widget", "sidebar", "main-sidebar", "main-footer", "site-footer",
     "comments-area", "post-nav", "search-modal-wrap", "off-canvas", "mobile-menu", "jp-relatedposts",
     "yarpp-related", "author-box"}
)  # fmt: skip

# Fingerprints for detection: the site name (og:site_name, logo, <title>), asset paths on the
# site's host, the SmartMag theme, old K2 pages with their "picto info" image.
SITE_NAMES = ("ccme", FULL_NAME)
HEAD_SPAN = 60_000  # characters of the source searched for the site's URLs, assets and name
# Asset paths on the site's host: "ccme.org.ma" then one of ASSET_DIRS, or the old template's.
SITE_HOST = "ccme.org.ma"
ASSET_DIRS = ("/wp-content/", "/wp-includes/", "/images/", "/components/", "/templates/", "/media/")
OLD_TEMPLATE = "/templates/ccme/"
# The page's own URL: a canonical link or og:url whose tag names the site's host.
SITE_URL_LABEL = re.compile(r"""rel=["']canonical["']|og:url""")
# The theme's slug in its asset paths and ids (lower case, as WordPress writes slugs), or its
# name as ThemeSphere writes it.
SMARTMAG = ("/themes/smart-mag", "smartmag", "SmartMag")
PICTO_IMAGE = "img[alt^=picto]"  # old K2 pages' disclaimer image
THEME_MARKS = ".cat-labels, nav#breadcrumb"  # SmartMag's category labels and breadcrumb
CERTAIN = 1.0 - 1e-9  # a score this high is certain: sums of tenths fall just short of 1.0
TITLE_SUFFIX = re.compile(r"\s+[-–|]\s+(?:CCME\b.*|Conseil de la communauté.*)$")


@attrs.frozen(kw_only=True)
class Page:
    """What an article page says, before the body rules shared with dumps are applied."""

    blocks: tuple[str, ...]
    """Text blocks of the article container, in order (paragraphs, intertitles, tail)."""

    url: str | None = None
    title: str | None = None
    section: str | None = None
    published: When | None = None
    updated: When | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str | None = None
    images: tuple[Image, ...] = ()
    related: tuple[Link, ...] = ()
    containers: tuple[LexborNode, ...] = ()
    """The article containers, where promo links get their URL back (container_links)."""


# -- input repairs ---------------------------------------------------------------------------


# -- node lookups ----------------------------------------------------------------------------


def _classes(node: LexborNode) -> set[str]:
    return set((attr(node, "class") or "").split())


def _in_chrome(node: LexborNode, avoid: frozenset[str] = frozenset()) -> bool:
    """True when the node or an ancestor is page chrome (or has a class of ``avoid``)."""
    blocked = CHROME_CLASSES | avoid if avoid else CHROME_CLASSES
    # The fields' nodes share most of their ancestors: a walk stops at a node known to be
    # no chrome from itself up to <body> (then neither is any node below it on the way).
    clean = _clean_ids(node.parser) if not avoid else None
    walked: list[int] = []
    current: LexborNode | None = node
    # Chrome wraps its content within a few levels; a bound keeps absurdly deep pages linear.
    for _ in range(MAX_CHROME_DEPTH):
        if current is None:
            break
        at = current.mem_id
        if clean is not None and at in clean:
            break
        tag = current.tag
        if tag in ("body", "html"):
            break
        if tag in CHROME_TAGS:
            return True
        classes = current.attributes.get("class")
        if classes and not blocked.isdisjoint(classes.split()):
            return True
        walked.append(at)
        current = current.parent
    else:
        return False  # the bound reached: the nodes walked are not known clean up to <body>
    if clean is not None:
        clean.update(walked)
    return False


@lru_cache(maxsize=4)  # one set per page, as _page_classes (held: ids stay theirs)
def _clean_ids(tree: LexborHTMLParser) -> set[int]:
    """Ids (mem_id) of the page's nodes that are no chrome, nor any ancestor up to <body>."""
    return set()


# Class names a selector needs on the page (attribute tests left out); selectors with a
# functional pseudo-class (``:has(…)``) are taken as needing none.
_CLASS_NAME = re.compile(r"\.([\w-]+)")
_ATTRIBUTE_TEST = re.compile(r"\[[^\]]*\]")


@lru_cache(maxsize=256)  # the same few dozen selectors, page after page
def _needed_classes(selector: str) -> frozenset[str]:
    if "(" in selector:
        return frozenset()
    return frozenset(name.lower() for name in _CLASS_NAME.findall(_ATTRIBUTE_TEST.sub("", selector)))


@lru_cache(maxsize=4)  # a page is read once, by one call after another (held: ids stay theirs)
def _page_classes(tree: LexborHTMLParser) -> frozenset[str]:
    """Every class name of the page in lower case (quirks-mode pages match them so): pages
    carry a few dozen, one query reads them all."""
    names = " ".join([node.attributes.get("class") or "" for node in tree.css("[class]")])
    return frozenset(names.lower().split())


def _possible(root: LexborHTMLParser | LexborNode, selectors: Sequence[str]) -> Sequence[str]:
    """The selectors, in order, less those needing a class the page lacks: they match nothing,
    and each query of the whole page costs a walk of its elements."""
    if not isinstance(root, LexborHTMLParser):
        return selectors
    classes = _page_classes(root)
    return [selector for selector in selectors if _needed_classes(selector) <= classes]


def _none_match(root: LexborHTMLParser | LexborNode, selectors: Sequence[str]) -> bool:
    """True when no node matches any of the selectors: one query instead of one per selector,
    for fallbacks that most pages lack."""
    possible = _possible(root, selectors)
    return not possible or root.css_first(", ".join(possible)) is None


def _worth_asking(root: LexborHTMLParser | LexborNode, possible: Sequence[str]) -> bool:
    """Whether to ask first if any of the ``possible`` selectors matches (_none_match) before
    querying them one by one: not for a single one (the same query), nor when the page has
    every class the first one names (it mostly matches: the question is then a walk of the
    page too many). Either way the same nodes are found."""
    if len(possible) < 2:
        return False
    return not isinstance(root, LexborHTMLParser) or not _needed_classes(possible[0])


def _pick_all(
    root: LexborHTMLParser | LexborNode,
    selectors: Sequence[str],
    avoid: frozenset[str] = frozenset(),
    *,
    rare: bool = False,
) -> list[LexborNode]:
    """Nodes of the first selector that matches outside the chrome (``rare``: the selectors
    seldom match anything, first ask whether any does)."""
    selectors = _possible(root, selectors)
    if rare and _worth_asking(root, selectors) and _none_match(root, selectors):
        return []
    for selector in selectors:
        nodes = [node for node in root.css(selector) if not _in_chrome(node, avoid)]
        if nodes:
            return nodes
    return []


def _pick(
    root: LexborHTMLParser | LexborNode,
    selectors: Sequence[str],
    avoid: frozenset[str] = frozenset(),
    *,
    rare: bool = False,
) -> LexborNode | None:
    nodes = _pick_all(root, selectors, avoid, rare=rare)
    return nodes[0] if nodes else None


def _pick_text(root: LexborHTMLParser | LexborNode, selectors: Sequence[str]) -> str | None:
    """Text of the first non-empty node matched outside the chrome, selectors tried in order."""
    for selector in _possible(root, selectors):
        for node in root.css(selector):
            text = node_text(node)
            if text and not _in_chrome(node):
                return text
    return None


def _ld_text(value: Any) -> str | None:
    """A JSON-LD string with its HTML entities decoded (Yoast escapes some), or None."""
    return clean(entities.unescape(value)) or None if isinstance(value, str) else None


def _absolute(url: str | None) -> str | None:
    return urljoin(SITE + "/", url) if url and not url.startswith(("#", "javascript:", "mailto:")) else None


# -- dates -----------------------------------------------------------------------------------


def _local_day(value: When) -> date:
    """The Moroccan calendar day of a value (Yoast writes UTC timestamps)."""
    if isinstance(value, datetime):
        return value.astimezone(casablanca()).date()
    return value


def _shown(node: LexborNode | None) -> When | None:
    """The date a node displays (French, Arabic or English text), or None."""
    text = node_text(node)
    spans = list(find_dates(text)) if text else []
    return spans[0].value if spans else None


def _as_shown(machine: When | None, shown: When | None) -> When | None:
    """Match the precision the page shows, as its text dump does.

    CCME pages show the post date as a day (``3 mars 2021``) while the metadata holds a
    timestamp: published is then that day, so a page and its dump give the same value.
    A displayed time keeps the machine value (its ISO offset too) when both name the same
    minute; with no visible date the machine value gives its Casablanca day.
    """
    if isinstance(shown, datetime):
        same = isinstance(machine, datetime) and abs((machine - shown).total_seconds()) < 60
        return machine if same else shown
    if shown is not None:
        return shown
    return _local_day(machine) if machine is not None else None


def _stamp(node: LexborNode | None, *metadata: Callable[[], When | None]) -> When | None:
    """A date element's value. Its ``datetime`` attribute comes first: WordPress writes it in
    the site's offset, the time the page displays (Yoast metadata is in UTC). ``metadata``:
    readers of the fallback values, in order, called only when needed."""
    shown = _shown(node)
    if shown is not None and not isinstance(shown, datetime):
        return shown  # a day shown is the value whatever the machine one (_as_shown): not parsed
    machine = when(attr(node, "datetime")) or next((value for read in metadata if (value := read())), None)
    return _as_shown(machine, shown)


def _published(tree: LexborHTMLParser, ld: dict[str, Any]) -> When | None:
    node = _pick(tree, PUBLISHED, frozenset({"date-modified"}))
    return _stamp(
        node,
        lambda: when(_ld_text(ld.get("datePublished"))),
        lambda: when(meta(tree, "article:published_time")),
    )


def _updated(tree: LexborHTMLParser, ld: dict[str, Any]) -> When | None:
    """The update stamp the page shows. WordPress writes a modified time on every save
    (typo, re-filing), invisible on the page and absent from dumps: alone it is ignored."""
    node = _pick(tree, UPDATED, rare=True)
    if node is None:
        return None
    return _stamp(
        node,
        lambda: when(_ld_text(ld.get("dateModified"))),
        lambda: when(meta(tree, "article:modified_time")),
    )


# -- header fields ---------------------------------------------------------------------------


def _title(tree: LexborHTMLParser, ld: dict[str, Any]) -> str | None:
    """JSON-LD headline, unless the visible title is its untruncated form; then og:title."""
    shown = _pick_text(tree, TITLE)
    headline = _ld_text(ld.get("headline"))
    if headline and shown and len(shown) > len(headline) and shown.startswith(headline.rstrip(".… ")):
        return shown  # a headline cut to the schema's length limit
    og = meta(tree, "og:title")
    return headline or shown or (TITLE_SUFFIX.sub("", og) if og else None)


def _crumbs(tree: LexborHTMLParser) -> list[str]:
    node = _pick(tree, BREADCRUMB)
    if node is None:
        return []
    items = [text for item in node.css("li") if (text := node_text(item))]
    if not items:
        items = [clean(part) for part in CRUMB_SEPARATOR.split(node_text(node) or "")]
    return [item for item in items if item and item.lower() not in HOME_CRUMBS]


def _ld_sections(ld: dict[str, Any]) -> list[str]:
    value = ld.get("articleSection")
    values = value if isinstance(value, list) else [value]
    return [text for item in values if (text := _ld_text(item))]


def _section(tree: LexborHTMLParser, ld: dict[str, Any], title: str | None) -> str | None:
    """article:section, JSON-LD articleSection, the category label, the breadcrumb's last
    category (a trail may end with the post title)."""
    shown = _pick_text(tree, CATEGORY)
    structured = meta(tree, "article:section")
    sections = _ld_sections(ld)
    if structured is None and sections:
        structured = shown if shown in sections else sections[0]
    if structured or shown:
        return structured or shown
    crumbs = [crumb for crumb in _crumbs(tree) if crumb != title]
    return crumbs[-1] if crumbs else None


def _authors(tree: LexborHTMLParser) -> tuple[str, ...]:
    """Visible bylines only: JSON-LD ``author`` names the site account that reposted the
    item (CCME is a press review), which neither the page nor its dump credits."""
    names = (BYLINE_LABEL.sub("", node_text(node) or "") for node in _pick_all(tree, AUTHORS, rare=True))
    return tuple(dict.fromkeys(name for name in names if name))


def _tags(tree: LexborHTMLParser, ld: dict[str, Any]) -> tuple[str, ...]:
    """article:tag metas, JSON-LD keywords, then the visible tag links."""
    found = [clean(attr(node, "content") or "") for node in tree.css('meta[property="article:tag"]')]
    if not any(found):
        keywords = ld.get("keywords")
        found = keywords if isinstance(keywords, list) else (keywords or "").split(",")
        found = [_ld_text(item) or "" for item in found]
    if not any(found):
        found = [node_text(node) or "" for node in _pick_all(tree, TAGS, rare=True)]
    return tuple(dict.fromkeys(tag for tag in found if tag))


def _language(tree: LexborHTMLParser) -> str | None:
    code = language(tree, "") or (meta(tree, "og:locale") or "")[:2].lower()
    return code if len(code) == 2 and code.isalpha() else None


# -- body, images, related -------------------------------------------------------------------


def _container_blocks(nodes: Iterable[LexborNode], known: dict[LexborNode, list[str]]) -> tuple[str, ...]:
    """Text blocks of the containers (``blocks`` reads a newline of the HTML source as a
    space, as browsers do). ``known``: blocks already read, by container."""
    lines: list[str] = []
    for node in nodes:
        lines += known[node] if node in known else _blocks(node)
    return tuple(lines)


def _blocks(node: LexborNode | None) -> list[str]:
    """blocks() of an article container, BODY_DROP left out (blocks() leaves the selectors
    naming a class no element of the container has out of its query)."""
    return blocks(node, drop=BODY_DROP) if node is not None else []


def container_links(nodes: Iterable[LexborNode]) -> dict[str, str]:
    """URL of each link of the containers by its text: promo links get their URL back."""
    found: dict[str, str] = {}
    for node in nodes:
        for link in node.css("a[href]"):
            text, url = node_text(link), _absolute(attr(link, "href"))
            if text and url:
                found.setdefault(text, url)
    return found


CREDIT = re.compile(
    r"^(?P<caption>.*?)[\s.,;:–—|-]*\(?(?P<credit>(?:©|\(c\)|Crédits?(?: photo)?\s*:|Photo\s*:)[^()]*?)\)?$",
    re.I,
)


def _split_credit(image: Image) -> Image:
    """Split a credit written at the end of a caption (``… © MAP``, ``(Photo : X)``)."""
    found = CREDIT.match(image.caption or "") if image.credit is None else None
    if not found:
        return image
    return attrs.evolve(image, caption=clean(found["caption"]) or None, credit=clean(found["credit"]))


def _images(
    tree: LexborHTMLParser, containers: Sequence[LexborNode], ld: dict[str, Any]
) -> tuple[Image, ...]:
    """Lead and body images with caption and credit; og:image when the page shows none."""
    found: dict[str, Image] = {}
    for root in (_pick(tree, FEATURED, rare=True), *containers):
        for image in images(root, base=SITE):
            if image.url and not re.search(r"picto|emoji|/smilies/", image.url, re.I):
                found.setdefault(image.url, _split_credit(image))
    if not found:
        schema = ld.get("image")
        url = meta(tree, "og:image") or (schema.get("url") if isinstance(schema, dict) else None)
        if isinstance(url, str) and url:
            found[url] = Image(url=url)
    return tuple(found.values())


def _related(tree: LexborHTMLParser) -> tuple[Link, ...]:
    """Teasers of the related-posts block, with their URL and shown date."""
    possible = _possible(tree, RELATED)
    if _worth_asking(tree, possible) and _none_match(tree, possible):
        return ()
    root = next((node for selector in possible if (node := tree.css_first(selector)) is not None), None)
    if root is None:
        return ()
    links: list[Link] = []
    for item in next((found for selector in RELATED_ITEMS if (found := root.css(selector))), []):
        anchor = next((node for selector in RELATED_TITLE if (node := item.css_first(selector))), None)
        title = node_text(anchor)
        if title is None or any(link.title == title for link in links):
            continue
        stamp = item.css_first("time")
        published = _stamp(stamp) if stamp else None
        links.append(Link(title=title, url=_absolute(attr(anchor, "href")), published=published))
    return tuple(links)


# -- non-article pages -----------------------------------------------------------------------


def _reject_archives(tree: LexborHTMLParser, ld: dict[str, Any]) -> None:
    """WordPress archive pages: body classes, Yoast page types, the author heading."""
    body = tree.body
    tokens = _classes(body) if body is not None else set()
    if tokens & ARTICLE_CLASSES:
        return
    for token, reason in ARCHIVE_CLASSES:
        if token in tokens:
            raise NotAnArticle(reason)
    kinds = {str(obj.get("@type")) for obj in json_ld(tree)} if not ld else set()
    for kind, reason in NON_ARTICLE_TYPES:
        if kind in kinds:
            raise NotAnArticle(reason)
    heading = _pick_text(tree, ARCHIVE_HEADING)
    if heading and AUTHOR_HEADING.match(heading):
        raise NotAnArticle(f"a CCME author archive ({heading})")


def _reject_k2(tree: LexborHTMLParser, item: LexborNode | None, known: dict[LexborNode, list[str]]) -> None:
    """Old K2 listings, and items whose full text stayed on the source's site. The intro's
    blocks, when read, go to ``known``: the intro is then the container."""
    if not _none_match(tree, [selector for selector, _ in K2_LISTINGS]):
        for selector, reason in K2_LISTINGS:
            if tree.css_first(selector) is not None:
                raise NotAnArticle(reason)
    if item is None or node_text(item.css_first("div.itemFullText")):
        return
    intro = item.css_first("div.itemIntroText")
    more = any(READ_MORE.match(node_text(link) or "") for link in (intro or item).css("a"))
    if more or item.css_first("a.k2ReadMore") is not None:
        raise NotAnArticle("a teaser-only page: the full text is not on CCME (old Joomla + K2 item)")
    teaser = _blocks(intro)
    if intro is not None:
        known[intro] = teaser
    if len(teaser) <= 1:
        raise NotAnArticle("a teaser-only page: the full text is not on CCME (old Joomla + K2 item)")


def _containers(tree: LexborHTMLParser, known: dict[LexborNode, list[str]]) -> list[LexborNode]:
    """The article container(s): K2 intro + full text, else the first content selector."""
    item = _pick(tree, K2_ITEM, rare=True)
    _reject_k2(tree, item, known)
    if item is not None:
        parts = [node for selector in K2_TEXT if (node := item.css_first(selector)) is not None]
        if parts:
            return parts
    container = _pick(tree, CONTENT)
    if container is not None:
        return [container]
    # Teasers in the main column (sidebar and related ones do not count), on a page that
    # does not describe itself as an article.
    teasers = max(
        len([node for node in tree.css(selector) if node.parent is None or not _in_chrome(node.parent)])
        for selector in LOOP_POSTS
    )
    if teasers >= 2 and json_ld_article(tree) is None:
        raise NotAnArticle("a CCME listing: teasers of several posts, no article container")
    raise ExtractionError("no CCME article container found (div.post-content.entry-content or a K2 item)")


# -- entry points ----------------------------------------------------------------------------


def read_page(document: Document) -> Page:
    """Read an article page, or raise NotAnArticle for listings, archives and teasers."""
    tree = document.tree
    ld = json_ld_article(tree) or {}
    _reject_archives(tree, ld)
    known: dict[LexborNode, list[str]] = {}  # blocks read while checking the page
    containers = _containers(tree, known)
    title = _title(tree, ld)
    return Page(
        blocks=_container_blocks(containers, known),
        url=document.url or meta(tree, "og:url"),
        title=title,
        section=_section(tree, ld, title),
        published=_published(tree, ld),
        updated=_updated(tree, ld),
        authors=_authors(tree),
        tags=_tags(tree, ld),
        language=_language(tree),
        images=_images(tree, containers, ld),
        related=_related(tree),
        containers=tuple(containers),
    )


def _host_is_site(url: str | None) -> bool:
    host = (urlsplit(url if url and "//" in url else "//" + (url or "")).hostname or "").lower()
    return host == "ccme.org.ma" or host.endswith(".ccme.org.ma")


def detect_html(document: Document) -> float:
    """Content-only confidence that an HTML page is CCME's (site name, URLs, template)."""
    tree = document.tree
    head = document.text[:HEAD_SPAN]
    score = 0.0
    site = fold(meta(tree, "og:site_name") or "").replace("’", "'")
    if any(name in site for name in SITE_NAMES):
        score += 0.5
    canonical = attr(tree.css_first('link[rel="canonical"]'), "href") or meta(tree, "og:url")
    # Where the site's host first stands in the source (-1: nowhere), found when first needed:
    # its URLs and assets are looked for from there (a search for the whole host name runs
    # faster than one for "ccme", and most pages hold neither).
    host_at: int | None = None
    if not _host_is_site(canonical):
        host_at = head.find(SITE_HOST)
    if host_at is None or _links_to_site(head, host_at):
        score += 0.4
    title = fold(node_text(tree.css_first("title")) or "").replace("’", "'")
    if "ccme" in title.split() or "ccme |" in title or SITE_NAMES[1] in title:
        score += 0.2
    if score >= CERTAIN:
        return 1.0  # certain already: skip the searches below
    if _has_site_assets(head, head.find(SITE_HOST) if host_at is None else host_at):
        score += 0.2
    # one walk of the tree tells whether either query below may match (most pages: neither)
    marked = tree.css_first(f"{PICTO_IMAGE}, {THEME_MARKS}") is not None
    if marked and tree.css_first(PICTO_IMAGE) is not None and "com_k2" in head:
        score += 0.3
    # the theme's mark is searched only on pages with its breadcrumb or category labels
    if marked and tree.css_first(THEME_MARKS) and any(mark in head for mark in SMARTMAG):
        score += 0.1  # the theme alone is shared with many sites
    # The council's name last: its search reads every "communauté" of the page (articles
    # about the diaspora hold dozens). Tenths add up to just under 1 (0.9999999999999999).
    if score >= CERTAIN:
        return 1.0
    if names_the_council(head, HEAD_SPAN):
        score += 0.2  # the council's full name: logo alt, footer, about boxes
    return min(score, 1.0)


def _links_to_site(head: str, at: int) -> bool:
    """A canonical link or og:url on the site's host (first found at ``at``): the label stands
    in the same tag, before the host (``SITE_URL``), so only the text since the tag's last
    ``>`` is read."""
    while at != -1:
        if SITE_URL_LABEL.search(head, head.rfind(">", 0, at) + 1, at):
            return True
        at = head.find(SITE_HOST, at + len(SITE_HOST))
    return False


def _has_site_assets(head: str, at: int) -> bool:
    """Asset paths on the site's host (first found at ``at``), or the old Joomla template's
    (``SITE_ASSETS``)."""
    while at != -1:
        if head.startswith(ASSET_DIRS, at + len(SITE_HOST)):
            return True
        at = head.find(SITE_HOST, at + len(SITE_HOST))
    return OLD_TEMPLATE in head
