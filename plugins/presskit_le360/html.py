"""Le360 HTML pages: structured metadata first, then the template's selectors.

Each field is read from the most structured source the page has: JSON-LD
(``NewsArticle`` and kin), ``og:*`` and ``article:*`` meta, Arc's embedded story
(``Fusion.globalContent``, outlets.md [guess]: used only when present), then the
visible template through the ordered selector fallbacks below. The body comes from
the rendered article container (what a dump shows, embedded posts' text included),
else from the story's text elements. Body lines then go through the dump's rules
(bylines, captions, "Lire aussi", credits), so a page and its dump give one record.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from presskit import Article, Document, ExtractionError, Image, Link, NotAnArticle, Outlet
from presskit.article import When
from presskit.html import (
    attr,
    blocks,
    first,
    first_text,
    images,
    json_ld_article,
    language,
    meta,
    node_text,
    when,
)
from presskit.text import clean, fold
from presskit_le360.dump import (
    _DATE,
    _END,
    _NOISE,
    _OVERLINE_KEYS,
    _TAG,
    CREDIT,
    NAME_SPLIT,
    VIDEO_SECTIONS,
    _body,
    _byline,
    _check_language,
    _dates_of,
    _image_of,
    _kinds,
    _Parts,
    _section_from_url,
    _union,
)

# -- selectors (tried in order; the first that matches wins) --------------------------------
#
# Arc XP template: outlets.md [solid] (several independent scrapers) unless marked.
# Drupal template (until about 2022): [guess], Drupal 7 field markup (``field-name-*``).
# Only stable class names are used, never the styled-components hashes (``sc-1x2y3z-0
# kLmNoP``) that Arc adds next to them and that change between deploys; no selector
# relies on one exact nesting (descendant combinators only, several alternatives).

TITLE = (
    "h1.headline-container", "h1.article-page-header",  # Arc [solid]
    ".headline-container h1", ".article-page-header h1",  # Arc, class on a wrapper [probable]
    "h1.page-title", "h1.node-title",  # Drupal [guess]
    "article h1", "main h1", "h1",  # any page [probable]
)  # fmt: skip
LEAD = (
    "h2.subheadline-container", ".subheadline-container h2", "p.subheadline-container",  # Arc [solid]
    "div.field-name-field-chapeau", ".field--name-field-chapeau", "div.chapeau", "p.chapeau",  # [guess]
)  # fmt: skip
DATE = (
    "div.subheadline-date", ".subheadline-date",  # Arc [solid]
    "div.date-publication", "span.date-display-single", ".field-name-post-date",  # Drupal [guess]
)  # fmt: skip
TIME = (".subheadline-date time[datetime]", "article time[datetime]", "time[datetime]")  # [probable]
BYLINE = (
    "div.byline-credits", ".byline-credits",  # Arc [solid]
    "div.field-name-field-auteur", ".article-author", ".author",  # Drupal [guess]
)  # fmt: skip
# Inside the byline: the names are links or spans; Arc styles them "*-credits-bold" [solid].
BYLINE_NAMES = ('a[href*="/auteur"]', '[class*="-credits-bold"]', "a", "span")
SECTION = (
    "div.overline-container a.overline-link", "a.overline-link", ".overline-container a",  # Arc [solid]
    "div.field-name-field-rubrique a", ".field-name-field-section a",  # Drupal [guess]
)  # fmt: skip
BODY = (
    "article.article-body-wrapper", ".article-body-wrapper",  # Arc [solid]
    "div.field-name-body", ".field--name-body",  # Drupal [guess]
    '[itemprop="articleBody"]', "div.article-body",  # generic [probable]
)  # fmt: skip
# Used only when the metadata says the page is an article but no container matched.
BODY_LAST_RESORT = ("article", "main")
TAGS = (
    "div.le360-tags-holder a.le360-tags", "a.le360-tags", ".le360-tags-holder a",  # Arc [solid]
    "div.field-name-field-tags a", 'a[rel="tag"]',  # Drupal [guess]
)  # fmt: skip
LEAD_IMAGE = ("figure.lead-art-wrapper", ".lead-art-wrapper", "div.field-name-field-image")  # Drupal [guess]
RELATED = (
    ".related-stories", ".related-articles", ".read-more-container",  # [guess]
    "section.related", '[class*="related-"]',  # [guess] semantic class names
)  # fmt: skip
# Every RELATED selector needs a class attribute holding one of these pieces, in any case
# (quirks-mode pages match class names whatever their case): one query for the pieces rules
# the block out on most pages, where the five selectors would each walk the whole page.
_RELATED_GATE = '[class*="related" i], [class*="read-more-container" i]'
# Dropped from the body container: figures (their captions go to images), page chrome,
# embeds' widgets (their text stays, as in a dump), comments, related and tag blocks.
BODY_DROP = (
    "figure", "picture", "figcaption", ".lead-art-wrapper", *TAGS, ".le360-tags-holder", *RELATED,
    '[class*="share"]', '[class*="social"]', '[class*="newsletter"]', '[class*="comment"]',
    '[class*="advert"]', ".ad", ".ads", ".pub", '[id^="div-gpt-ad"]', "[data-ad-slot]",
    ".outbrain", ".OUTBRAIN", ".taboola", "header", "footer",
    *TITLE[:-1], *LEAD, *DATE, *BYLINE, ".overline-container",
)  # fmt: skip
# blocks() runs one query per selector to drop: BODY_DROP without the selectors whose nodes
# go with those of another selector anyway (nodes inside a dropped node, or a class on any
# element). The blocks left are the same. ([class*=] does not cover class selectors: the
# re-parsed container is in quirks mode, where class names match whatever their case.)
_COVERED = {
    "div.le360-tags-holder a.le360-tags": ".le360-tags-holder",
    ".le360-tags-holder a": ".le360-tags-holder",
    "div.subheadline-date": ".subheadline-date",
    "div.byline-credits": ".byline-credits",
}
assert all(wider in BODY_DROP for wider in _COVERED.values())
_BODY_DROP_QUERIES = tuple(s for s in dict.fromkeys(BODY_DROP) if s not in _COVERED)
# Listing pages: teaser cards [guess] (Arc result lists, Drupal views rows).
TEASERS = (".results-list-container article", ".story-card", ".results-list article", "div.views-row")

# Arc keeps the story as JSON in a script: ``Fusion.globalContent = {...};`` [guess].
FUSION = re.compile(r"Fusion\.globalContent\s*=\s*")
# Fingerprints for detection: Arc's deploy of Le360 and the site's own class names [solid].
ARC_ASSETS = re.compile(r"le360-le-360-francais-prod|/pf/resources/[^\"']*le360|le360\.ma/resizer/", re.I)
OWN_CLASSES = ("le360-tags-holder", "le360-tags")
ARC_CLASSES = (
    "subheadline-date", "byline-credits", "overline-link", "article-body-wrapper",
    "lead-art-wrapper", "headline-container", "subheadline-container",
)  # fmt: skip
SITE_NAME = re.compile(r"^le ?360(?:\.ma)?$", re.I)
# The same fingerprints, searched faster. Each own class name holding another needs no
# search of its own. Every match of ARC_ASSETS holds "le360", which the regex engine finds
# fast by its digits: its alternatives are then tried there (those opening on "le360"
# anchored, the path ending on it within the quoted value around it).
_OWN_CLASS_HINTS = tuple(n for n in OWN_CLASSES if not any(o != n and o in n for o in OWN_CLASSES))
_BRAND_DIGITS = re.compile("360")
_ASSET_FROM_BRAND = re.compile(r"le360-le-360-francais-prod|le360\.ma/resizer/", re.I)
_BRAND_NAME = re.compile("le360", re.I)
_PF_RESOURCES = re.compile("/pf/resources/", re.I)
TITLE_SUFFIX = re.compile(r"\s*[|–-]\s*Le ?360(?:\.ma)?\s*$", re.I)
SAME_MINUTE = 60  # seconds: the visible date line shows minutes only
DEFAULT_BASE = "https://fr.le360.ma"


# -- detection -----------------------------------------------------------------------------


def _own_url(tree: LexborHTMLParser) -> bool:
    """The page's canonical or og:url is on le360.ma (a mere link to Le360 is not)."""
    for selector, name in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        host = (urlsplit(attr(tree.css_first(selector), name) or "").hostname or "").lower()
        if host == "le360.ma" or host.endswith(".le360.ma"):
            return True
    return False


def score_html(document: Document) -> float:
    """Confidence that an HTML page is Le360's, from its fingerprints (content only)."""
    tree, head = document.tree, document.text[:400_000]
    score = 0.0
    # Every fingerprint but the Arc class names holds "360" (site name, host, own class
    # names, asset paths): one search (by the regex engine, faster here than a substring
    # test) spares the others on the pages of other sites.
    if _BRAND_DIGITS.search(head):
        site = SITE_NAME.match(meta(tree, "og:site_name", "application-name") or "") is not None
        own_url = _own_url(tree)
        # The site's own pages show its assets in the <head>, found at once, while its own
        # class names (tags block) come late in the page: with the name and the URL, the
        # assets make the score certain (0.5 + 0.3 + 0.2) without scanning for the classes.
        assets = _arc_assets(head) if site and own_url else None
        if assets:
            return 1.0
        score += 0.5 if site else 0.0
        score += 0.3 if own_url else 0.0
        if any(name in head for name in _OWN_CLASS_HINTS):
            score += 0.3
        if score >= 1.0:
            return 1.0  # certain already: skip scanning the page
        if assets is None:
            assets = _arc_assets(head)
        if assets:
            score += 0.2
        if score >= 1.0:
            return 1.0
    if _arc_classes(head):
        score += 0.15  # the Arc theme's class names; other Arc sites may share some
    return min(score, 1.0)


def _arc_assets(head: str) -> bool:
    """ARC_ASSETS.search(head) is not None, tried only where "360" stands."""
    for digits in _BRAND_DIGITS.finditer(head):
        at = digits.start() - 2  # where "le360" would start
        if at < 0 or not _BRAND_NAME.match(head, at):
            continue
        if _ASSET_FROM_BRAND.match(head, at):
            return True
        quoted = max(head.rfind('"', 0, at), head.rfind("'", 0, at)) + 1  # [^"']* reaches back to it
        if _PF_RESOURCES.search(head, quoted, at):
            return True
    return False


def _arc_classes(head: str) -> bool:
    """At least three of the Arc theme's class names are in the page."""
    # Five of the seven names hold "line-", so any three of them do: one search tells
    # most other pages apart. Then stop as soon as the count is known.
    if "line-" not in head:
        return False
    found, left = 0, len(ARC_CLASSES)
    for name in ARC_CLASSES:
        found, left = found + (name in head), left - 1
        if found >= 3 or found + left < 3:
            break
    return found >= 3


# -- structured data -----------------------------------------------------------------------


def fusion_story(tree: LexborHTMLParser) -> dict[str, Any] | None:
    """Arc's ``Fusion.globalContent`` when it is a story, else None (absent, broken, a listing)."""
    content = _fusion(tree)
    if content is None or content.get("type", "story") != "story" or "headlines" not in content:
        return None
    return content


def _fusion(tree: LexborHTMLParser) -> dict[str, Any] | None:
    for script in tree.css("script"):
        text = script.text(deep=True) or ""
        found = FUSION.search(text)
        if found is None:
            continue
        try:
            data, _ = json.JSONDecoder(strict=False).raw_decode(text, found.end())
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
    return None


def _dig(data: Any, *keys: str | int) -> Any:
    """``data[k1][k2]…`` or None when any step is missing or of the wrong kind."""
    for key in keys:
        if isinstance(key, int) and isinstance(data, list) and -len(data) <= key < len(data):
            data = data[key]
        elif isinstance(key, str) and isinstance(data, dict):
            data = data.get(key)
        else:
            return None
    return data


def _text(value: Any) -> str | None:
    """A cleaned string, tags stripped, or None."""
    if not isinstance(value, str):
        return None
    if "<" in value:
        value = LexborHTMLParser(value).text(separator=" ")
    return clean(value) or None


def _names(value: Any) -> list[str]:
    """Names of JSON-LD authors or Arc credits: strings, objects with ``name``, or lists."""
    items = value if isinstance(value, list) else [value]
    found = [_text(item if isinstance(item, str) else _dig(item, "name")) for item in items]
    return [re.sub(r"^Par\s+", "", name) for name in found if name]


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part for part in (clean(p) for p in value.split(",")) if part]
    return [t for t in (_text(v) for v in value) if t] if isinstance(value, list) else []


def _first(*getters: Callable[[], Any]) -> Any:
    """The first value that is not None nor empty, of the getters called in order: the
    sources after the first that has a value are never read (each may search the tree)."""
    return next((v for v in (get() for get in getters) if v not in (None, "", [], ())), None)


# -- fields --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Sources:
    """Everything a field may be read from: the tree and its structured data."""

    tree: LexborHTMLParser
    ld: dict[str, Any]
    story: dict[str, Any]


def _title(src: _Sources) -> str | None:
    structured = _text(src.ld.get("headline")) or _text(_dig(src.story, "headlines", "basic"))
    visible = first_text(src.tree, TITLE)
    if structured and visible and visible.startswith(structured.rstrip(" .…")) and visible != structured:
        return visible  # JSON-LD headlines may be cut to 110 characters
    if structured or visible:
        return structured or visible
    og = meta(src.tree, "og:title")
    return TITLE_SUFFIX.sub("", og) or None if og else None


def _lead(src: _Sources) -> str | None:
    # JSON-LD and og descriptions are not used: they are often summaries or the first paragraph.
    return _text(_dig(src.story, "subheadlines", "basic")) or first_text(src.tree, LEAD)


def _section(src: _Sources, url: str | None) -> str | None:
    section = _ld_section(src.ld.get("articleSection")) or _first(
        lambda: meta(src.tree, "article:section"),
        lambda: _text(_dig(src.story, "taxonomy", "primary_section", "name")),
        lambda: first_text(src.tree, SECTION),
    )
    if not section:
        return _section_from_url(url)
    return _OVERLINE_KEYS.get(fold(section), section)  # the dump's spelling of overline words


def _ld_section(value: Any) -> str | None:
    return _text(value[0] if isinstance(value, list) and value else value)


def _tags(src: _Sources) -> list[str]:
    found = _first(
        lambda: _keywords(src.ld.get("keywords")),
        lambda: [t for t in (attr(n, "content") for n in src.tree.css('meta[property="article:tag"]')) if t],
        lambda: _keywords([_dig(tag, "text") for tag in _dig(src.story, "taxonomy", "tags") or []]),
        lambda: [t for t in (node_text(n) for n in _all(src.tree, TAGS)) if t],
    )
    tags: list[str] = []
    for tag in found or []:
        tag = clean(tag.lstrip("#"))
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _all(root: LexborHTMLParser | LexborNode, selectors: Sequence[str]) -> list[LexborNode]:
    """The nodes of the first selector that matches anything."""
    for selector in selectors:
        nodes = root.css(selector)
        if nodes:
            return list(nodes)
    return []


def _credits(src: _Sources) -> tuple[list[str], str | None]:
    """(authors, agency): structured names first; the visible byline gives the agency."""
    node = first(src.tree, BYLINE)
    text = node_text(node) or ""
    parsed = _parse_byline(text)
    agency = parsed[1] if parsed else None
    structured = _names(src.ld.get("author")) or _names(_dig(src.story, "credits", "by") or [])
    if structured:
        return _unique(structured), agency
    visible = _byline_names(node) if node is not None else []
    return _unique(visible or (parsed[0] if parsed else [])), agency


def _parse_byline(text: str) -> tuple[list[str], str | None] | None:
    if not text:
        return None
    return _byline(text if text.startswith("Par") else f"Par {text}")


def _byline_names(node: LexborNode) -> list[str]:
    names: list[str] = []
    for child in _all(node, BYLINE_NAMES):
        text = re.sub(r"^Par\s*:?\s*", "", node_text(child) or "")
        names.extend(n for n in NAME_SPLIT.split(text) if n and n.lower() != "par")
    return names


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# -- dates ---------------------------------------------------------------------------------


def _moment(visible: When | None, structured: When | None) -> When | None:
    """One moment from the visible date line and the metadata.

    The visible ``Le DD/MM/YYYY à HHhMM`` is Casablanca local time to the minute;
    metadata may be UTC and carry seconds. Both are compared as instants: when they
    name the same minute the visible value is kept, so that a page and its dump give
    the same value. Otherwise the metadata wins, kept with its own offset; a time
    always beats a bare day, and a bare day is never given an invented time.
    """
    if structured is None or visible is None:
        return structured if visible is None else visible
    if isinstance(structured, datetime) and isinstance(visible, datetime):
        same = abs((structured - visible).total_seconds()) < SAME_MINUTE
        return visible if same else structured
    if isinstance(visible, datetime):
        return visible if visible.date() == structured else structured
    return structured


def _visible_dates(src: _Sources) -> tuple[When | None, When | None]:
    """(published, updated) shown on the page: the date line, else ``<time datetime>``."""
    text = first_text(src.tree, DATE) or ""
    found = _dates_of(text)  # "Le 20/11/2022 à 08h15, mis à jour le 20/11/2022 à 10h40"
    if found is not None:
        return found
    stamp = first(src.tree, TIME)
    return when(attr(stamp, "datetime")) or when(text), None


def _dates(src: _Sources) -> tuple[When | None, When | None]:
    visible_published, visible_updated = _visible_dates(src)
    published = _moment(visible_published, _first(
        lambda: when(_text(src.ld.get("datePublished"))),
        lambda: when(meta(src.tree, "article:published_time")),
        lambda: when(_text(src.story.get("display_date"))),
        lambda: when(_text(src.story.get("first_publish_date"))),
    ))  # fmt: skip
    updated = _moment(visible_updated, _first(
        lambda: when(_text(src.ld.get("dateModified"))),
        lambda: when(meta(src.tree, "article:modified_time")),
        lambda: when(_text(src.story.get("last_updated_date"))),
    ))  # fmt: skip
    return published, updated if _later(updated, published) else None


def _later(updated: When | None, published: When | None) -> bool:
    """An update worth keeping: a later day, or a later minute (not a re-save)."""
    if updated is None or published is None:
        return updated is not None
    if isinstance(updated, datetime) and isinstance(published, datetime):
        return (updated - published).total_seconds() >= SAME_MINUTE
    day = updated.date() if isinstance(updated, datetime) else updated
    return day > (published.date() if isinstance(published, datetime) else published)


# -- body ----------------------------------------------------------------------------------


def _story_body(story: dict[str, Any]) -> LexborNode | None:
    """Arc's text and header elements as HTML, for pages whose container is missing."""
    parts: list[str] = []
    for element in _dig(story, "content_elements") or []:
        kind, content = _dig(element, "type"), _dig(element, "content")
        if not isinstance(content, str):
            continue
        if kind == "text":
            parts.append(f"<p>{content}</p>")
        elif kind == "header":
            tag = f"h{level}" if (level := _dig(element, "level")) in (2, 3, 4) else "h2"
            parts.append(f"<{tag}>{content}</{tag}>")
    return LexborHTMLParser("".join(parts)).body if parts else None


def _container(src: _Sources) -> tuple[LexborNode | None, list[str]]:
    """The body container and its text blocks (read once: blocks() re-parses the node)."""
    node = first(src.tree, BODY)
    found = blocks(node, drop=_BODY_DROP_QUERIES) if node is not None else []
    if found:
        return node, found
    from_story = _story_body(src.story)
    if from_story is not None:
        return from_story, blocks(from_story, drop=_BODY_DROP_QUERIES)
    if src.ld or meta(src.tree, "og:type") == "article":
        last_resort = first(src.tree, BODY_LAST_RESORT)
        return last_resort, blocks(last_resort, drop=_BODY_DROP_QUERIES)
    return node, found


def _body_lines(found: list[str], skip: Iterable[str | None]) -> tuple[list[str], list[int]]:
    """The container's text blocks up to the first end marker, without chrome and dates,
    and their classes (see dump._classify), for the body rules."""
    # Every block's classes at once (one memo call each, no Python call): the blocks
    # past an end marker are few, as the container's chrome is dropped by blocks().
    kinds = _kinds(found)
    known = {line for line in skip if line}
    if not _union(kinds) & (_END | _TAG | _NOISE | _DATE) and known.isdisjoint(found):
        return found, kinds  # most pages: every block is kept
    out: list[str] = []
    out_kinds: list[int] = []
    for line, kind in zip(found, kinds, strict=True):
        if kind & (_END | _TAG):
            break
        if kind & (_NOISE | _DATE) or line in known:
            continue
        out.append(line)
        out_kinds.append(kind)
    return out, out_kinds


def _links(root: LexborNode | None, base: str) -> Iterator[Link]:
    """Links of a related block or of the body: (title, absolute URL)."""
    if root is None:
        return
    for anchor in root.css("a[href]"):
        title, href = node_text(anchor), attr(anchor, "href")
        if title and href and not href.startswith("#") and not title.startswith("#"):
            yield Link(title=title, url=urljoin(base, href))


def _related(src: _Sources, container: LexborNode | None, found: Sequence[Link], base: str) -> list[Link]:
    """'Lire aussi' links of the body (their URLs filled in), then the related block."""
    # The body's links are read only when a 'Lire aussi' link lacks its URL.
    missing = any(not link.url for link in found)
    urls = {link.title: link.url for link in _links(container, base)} if missing else {}
    related = [attrs.evolve(link, url=link.url or urls.get(link.title)) for link in found]
    seen = {link.title for link in related}
    block = first(src.tree, RELATED) if src.tree.css_first(_RELATED_GATE) is not None else None
    for link in _links(block, base):
        if link.title not in seen and len(link.title) >= 15:
            seen.add(link.title)
            related.append(link)
    return related


def _images(src: _Sources, container: LexborNode | None, base: str) -> list[Image]:
    """Lead image then body figures, with captions and credits ('© Copyright : X' → X)."""
    found: list[Image] = []
    for root in (first(src.tree, LEAD_IMAGE), container):
        for image in images(root, base=base):
            if image.url not in {i.url for i in found}:
                found.append(_split_credit(image))
    if not found and (og := meta(src.tree, "og:image")):
        found.append(Image(url=urljoin(base, og)))
    return found


def _split_credit(image: Image) -> Image:
    credit = CREDIT.match(image.credit or "")
    if credit:
        return attrs.evolve(image, credit=clean(credit["credit"]) or None)
    inline = _image_of(image.caption or "") if image.credit is None else None
    if inline is not None:
        return attrs.evolve(image, caption=inline.caption, credit=inline.credit)
    return image


# -- rejections ----------------------------------------------------------------------------


def _reject(src: _Sources, url: str | None) -> None:
    """Raise NotAnArticle for a page without an article (tag, author, listing, home)."""
    if src.ld or src.story or first(src.tree, BODY) is not None:
        return
    if meta(src.tree, "og:type") == "article" and not _all(src.tree, TEASERS):
        return
    path = urlsplit(url or "").path
    heading = first_text(src.tree, ("h1",)) or ""
    if heading.startswith("#") or re.match(r"^/(?:fr/)?tags?/", path):
        raise NotAnArticle("a Le360 tag page (#tag heading over teasers, no article body)")
    if re.match(r"^/(?:fr/)?(?:auteurs?|authors?)/", path):
        raise NotAnArticle("a Le360 author page (teasers, no article body)")
    teasers = len(_all(src.tree, TEASERS))
    raise NotAnArticle(f"a Le360 listing or home page ({teasers} teasers, no article body)")


# -- the HTML path -------------------------------------------------------------------------


def _story_url(story: dict[str, Any]) -> str | None:
    """The story's own URL (Arc gives it relative to the site)."""
    path = _text(story.get("canonical_url"))
    return urljoin(DEFAULT_BASE, path) if path else None


def _base(url: str | None) -> str:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else DEFAULT_BASE


def _parts(src: _Sources, url: str | None) -> _Parts:
    """Every field but the body, from the structured data and the template."""
    parts = _Parts(title=_title(src), lead=_lead(src), section=_section(src, url))
    parts.published, parts.updated = _dates(src)
    authors, parts.source = _credits(src)
    parts.authors.extend(authors)
    parts.tags.extend(_tags(src))
    return parts


def extract_html(document: Document, outlet: Outlet) -> Article:
    """The Article of a Le360 HTML page (Arc XP or Drupal)."""
    tree = document.tree
    lang = language(tree, outlet.language)
    if lang == "ar":
        raise ExtractionError("an Arabic page (ar.le360.ma edition); only French pages are extracted")
    src = _Sources(tree=tree, ld=json_ld_article(tree) or {}, story=fusion_story(tree) or {})
    url = document.url or meta(tree, "og:url") or _story_url(src.story)
    _reject(src, url)
    parts = _parts(src, url)
    container, found = _container(src)
    lines, kinds = _body_lines(found, (parts.title, parts.lead))
    paragraphs = _body(lines, parts, 1, kinds)
    if not paragraphs and parts.section in VIDEO_SECTIONS and parts.lead:
        paragraphs, parts.lead = [parts.lead], None  # a video page: the chapeau is the text
    if not paragraphs:
        raise ExtractionError("no article body found in the Le360 page")
    _check_language(paragraphs)
    base = _base(url)
    return Article(
        outlet=outlet.name,
        url=url,
        title=parts.title,
        lead=parts.lead,
        paragraphs=paragraphs,
        published=parts.published,
        updated=parts.updated,
        authors=parts.authors,
        tags=parts.tags,
        section=parts.section,
        language=lang,
        source=parts.source,
        source_published=parts.source_published,
        images=[*_images(src, container, base), *parts.images],
        related=_related(src, container, parts.related, base),
    )


__all__ = ["extract_html", "fusion_story", "score_html"]
