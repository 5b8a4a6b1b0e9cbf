"""HTML helpers shared by outlets: structured metadata first, then selectors.

Outlets keep their selectors as data; these functions apply them. Nothing here
mutates a document's tree, so detection and extraction share one parse.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from presskit.article import Image, When
from presskit.dates import parse_date, parse_iso
from presskit.text import clean, clean_parts

__all__ = [
    "ARTICLE_TYPES",
    "BOILERPLATE",
    "attr",
    "blocks",
    "first",
    "first_text",
    "images",
    "json_ld",
    "json_ld_article",
    "language",
    "meta",
    "meta_all",
    "node_text",
    "when",
]

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "OpinionNewsArticle", "AnalysisNewsArticle",
     "BlogPosting", "ReviewNewsArticle", "BackgroundNewsArticle"}
)  # fmt: skip
"""schema.org types that describe an article."""

BOILERPLATE = (
    "script", "style", "noscript", "template", "iframe", "form", "button", "svg", "nav", "aside",
    "object", "embed", "select", "input", "[hidden]", "[aria-hidden=true]",
)  # fmt: skip
"""Elements never part of an article body, whatever the outlet."""

# A paragraph ends at a <br> and at the end of a block element.
_BREAK_TAGS = frozenset(
    {"br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article",
     "figure", "figcaption", "tr", "pre", "dd", "dt"}
)  # fmt: skip
# Marks a break in the joined text: source whitespace (newlines included) is only spacing,
# and the parser drops (or replaces) every NUL of a page, so this one cannot come from it.
_BREAK = "\0"


def first(root: LexborHTMLParser | LexborNode, selectors: Sequence[str]) -> LexborNode | None:
    """The first node matching the first selector that matches anything."""
    for selector in selectors:
        node = root.css_first(selector)
        if node is not None:
            return node
    return None


def node_text(node: LexborNode | None) -> str | None:
    """The node's text, whitespace normalised, or None when empty."""
    if node is None:
        return None
    return clean(node.text(separator=" ")) or None


def first_text(root: LexborHTMLParser | LexborNode, selectors: Sequence[str]) -> str | None:
    """Text of the first non-empty node matched by the selectors, tried in order."""
    for selector in selectors:
        # Most matches have text: the first is tried before all of them are gathered.
        found = root.css_first(selector)
        if found is None:
            continue
        text = node_text(found)
        if text:
            return text
        for node in root.css(selector)[1:]:
            text = node_text(node)
            if text:
                return text
    return None


def attr(node: LexborNode | None, name: str) -> str | None:
    """A stripped attribute value, or None when absent or empty."""
    if node is None:
        return None
    value = node.attributes.get(name)
    return value.strip() or None if value else None


_META_KEYS = ("property", "name", "itemprop")


# Outlets ask for a dozen <meta> names per page, most of them absent: a selector per name
# and key would walk the whole tree each time. One walk indexes them all; the last few
# trees are kept (held, so that their ids stay theirs), as a batch reads one page at a time.
@lru_cache(maxsize=4)
def _meta_index(tree: LexborHTMLParser) -> dict[tuple[str, str], list[str]]:
    """Contents of the page's ``<meta>`` elements by (key, name), in page order."""
    index: dict[tuple[str, str], list[str]] = {}
    for node in tree.css("meta"):
        attributes = node.attributes
        content = attributes.get("content") or ""
        for key in _META_KEYS:
            name = attributes.get(key)
            if name is not None:
                index.setdefault((key, name), []).append(content)
    return index


def meta(tree: LexborHTMLParser, *names: str) -> str | None:
    """Content of the first ``<meta property|name|itemprop=…>`` among ``names`` that has one."""
    index = _meta_index(tree)
    for name in names:
        for key in _META_KEYS:
            contents = index.get((key, name))
            # the first element of that name decides, as a selector's first match would
            value = contents[0].strip() if contents else None
            if value:
                return clean(value)
    return None


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])


def meta_all(tree: LexborHTMLParser, name: str) -> list[str]:
    """Every content of a repeated ``<meta>`` (``article:tag``), in page order, without duplicates."""
    values: list[str] = []
    index = _meta_index(tree)
    for key in _META_KEYS:
        for content in index.get((key, name), ()):
            value = clean(content)
            if value and value not in values:
                values.append(value)
    return values


def json_ld(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page (``@graph`` flattened); broken blocks are skipped."""
    found: list[dict[str, Any]] = []
    # A bare tag query and a test of each script's type take half the time of the
    # attribute selector; the type compares in any case, as the selector does in HTML.
    for script in tree.css("script"):
        if (script.attributes.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text(deep=True) or "null", strict=False)
        except ValueError:
            continue
        found.extend(_flatten(data))
    return found


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def json_ld_article(tree: LexborHTMLParser) -> dict[str, Any] | None:
    """The page's JSON-LD article object (NewsArticle and kin), or None."""
    for obj in json_ld(tree):
        if _types(obj) & ARTICLE_TYPES:
            return obj
    return None


def when(value: str | None) -> When | None:
    """A date from metadata: ISO 8601 first, then a French date."""
    if not value:
        return None
    return parse_iso(value) or parse_date(value)


_TAG_NAME = re.compile(r"[a-z][a-z0-9]*")


@lru_cache(maxsize=256)
def _static_tag_id(tag: str) -> int | None:
    """Lexbor's id of a standard tag name (the same in every document), else None:
    comparing ids is cheaper than building each node's tag name."""
    # Table parts exist only inside a table; a name lexbor does not know gets an id of its
    # document's own, so two documents tell a standard name from another.
    for page in (f"<body><{tag}></{tag}></body>", f"<body><table><{tag}></{tag}></table></body>"):
        found = {node.tag_id if (node := LexborHTMLParser(page).css_first(tag)) else None for _ in range(2)}
        if found != {None}:
            return found.pop() if len(found) == 1 else None
    return None


@lru_cache(maxsize=1)
def _tag_ids() -> tuple[int, frozenset[int]]:
    """Lexbor's ids of text nodes and of the break elements."""
    body = LexborHTMLParser("<body>text</body>").body
    assert body is not None and body.first_child is not None
    breaks = (_static_tag_id(tag) for tag in _BREAK_TAGS)
    return body.first_child.tag_id or 0, frozenset(tag_id for tag_id in breaks if tag_id is not None)


# A drop selector that is one compound naming classes (``.share``, ``div.ad``) or a piece
# of the class attribute (``[class*="related-"]``) can only match an element of the
# container that has them. lexbor tests every selector of a group on every element (about
# 2 microseconds per selector per body), so with a long list of such selectors the
# container's classes are read first (about 0.1 microsecond per element) and the selectors
# whose classes are absent are left out of the query. Classes compare in lower case, as
# quirks-mode pages match them: a selector is kept whenever it could match.
_BY_CLASSES = re.compile(r"(?:[a-zA-Z][\w-]*)?(?P<classes>(?:\.[\w-]+)+)")
_BY_CLASS_PIECE = re.compile(r"""(?:[a-zA-Z][\w-]*)?\[class\*=(?P<q>["']?)(?P<piece>[\w-]+)(?P=q)\]""")
_GATING_FROM = 8  # gated selectors in a list: fewer cost less to test than the classes to read


@attrs.frozen
class _DropSelectors:
    """An outlet's drop list, sorted for :func:`blocks`."""

    tag_ids: frozenset[int]
    """Bare standard tag names as lexbor ids, tested during the walk at no cost."""

    always: tuple[str, ...]
    """Selectors queried on every container."""

    gated: tuple[tuple[str, frozenset[str], str], ...]
    """(selector, classes it needs, piece of a class attribute it needs), lower-cased."""

    def group(self, node: LexborNode) -> str:
        """The selector group to query in ``node``: one query has less to match than many."""
        if len(self.gated) < _GATING_FROM:
            return ", ".join((*self.always, *(selector for selector, _, _ in self.gated)))
        values = " ".join((element.attributes.get("class") or "") for element in node.css("[class]")).lower()
        names = set(values.split())
        live = (s for s, classes, piece in self.gated if classes <= names and piece in values)
        return ", ".join((*self.always, *live))


@lru_cache(maxsize=64)  # outlets pass the same few lists of selectors, page after page
def _drop_selectors(selectors: tuple[str, ...]) -> _DropSelectors:
    tag_ids: set[int] = set()
    always: list[str] = []
    gated: list[tuple[str, frozenset[str], str]] = []
    for selector in selectors:
        tag_id = _static_tag_id(selector) if _TAG_NAME.fullmatch(selector) else None
        if tag_id is not None:
            tag_ids.add(tag_id)
        elif found := _BY_CLASSES.fullmatch(selector):
            gated.append((selector, frozenset(found["classes"].lower().split(".")[1:]), ""))
        elif found := _BY_CLASS_PIECE.fullmatch(selector):
            gated.append((selector, frozenset(), found["piece"].lower()))
        else:
            always.append(selector)
    return _DropSelectors(tag_ids=frozenset(tag_ids), always=tuple(always), gated=tuple(gated))


def _texts(node: LexborNode, skip: set[int], flat: set[int], skip_tags: frozenset[int]) -> list[str]:
    """Text pieces of ``node`` in document order, with a :data:`_BREAK` after every break
    element; subtrees whose ``mem_id`` is in ``skip`` or whose tag id is in ``skip_tags``
    are left out, those in ``flat`` give their whole text as one piece, then a break.

    The walk is iterative (a stack of open elements): pages nested thousands of levels
    deep must neither hit the recursion limit nor take quadratic time.
    """
    text_id, break_ids = _tag_ids()
    pieces: list[str] = []
    open_elements: list[tuple[LexborNode, bool]] = []  # with: does a break follow it?
    child = node.first_child
    while True:
        if child is None:
            if not open_elements:
                return pieces
            closed, breaks = open_elements.pop()
            if breaks:
                pieces.append(_BREAK)
            child = closed.next
            continue
        tag_id = child.tag_id
        if tag_id == text_id:
            pieces.append(child.text_content or "")
        elif child.is_element_node and tag_id not in skip_tags and not (skip and child.mem_id in skip):
            if flat and child.mem_id in flat:
                pieces += (clean(child.text(separator=" ")), _BREAK)
            else:
                open_elements.append((child, tag_id in break_ids))
                child = child.first_child
                continue
        child = child.next


def blocks(node: LexborNode | None, *, drop: Iterable[str] = (), flatten: Iterable[str] = ()) -> list[str]:
    """The text blocks of a container, in order: one per paragraph, heading or line.

    Paragraph and heading elements, ``<br>`` line breaks, and text placed directly in
    the container all give blocks; elements matching ``drop`` (and :data:`BOILERPLATE`)
    are left out; an element matching ``flatten`` gives its whole text as one block
    (an embedded post read as one quote). Source line breaks are plain spaces, as a
    browser renders them. The tree is read, never changed.
    """
    if node is None:
        return []
    dropped = _drop_selectors((*BOILERPLATE, *drop))
    skip_tags, group = dropped.tag_ids, dropped.group(node)
    # One selector group, one pass over the subtree (it includes the node itself).
    skip = {unwanted.mem_id for unwanted in node.css(group)} if group else set()
    if node.mem_id in skip or node.tag_id in skip_tags:
        return []
    flatten = ", ".join(flatten)
    flat = {element.mem_id for element in node.css(flatten)} if flatten else set()
    if node.mem_id in flat:
        return [text] if (text := clean(node.text(separator=" "))) else []
    return clean_parts("".join(_texts(node, skip, flat, skip_tags)), _BREAK)


def images(root: LexborNode | None, *, base: str | None = None) -> tuple[Image, ...]:
    """Images of ``root``: ``figure`` elements (with caption and credit) and bare ``img``."""
    if root is None:
        return ()
    found: list[Image] = []
    seen: set[str] = set()
    for img in root.css("img"):
        candidates = (attr(img, name) for name in ("data-src", "data-lazy-src", "src"))
        src = next((c for c in candidates if c and not c.startswith("data:")), None)
        if src is None or src in seen:
            continue
        seen.add(src)
        if base and src.startswith("/") and not src.startswith("//"):
            src = base.rstrip("/") + src
        figure = img.parent
        while figure is not None and figure.tag not in ("figure", "body"):
            figure = figure.parent
        caption = credit = None
        if figure is not None and figure.tag == "figure":
            credit = node_text(first(figure, (".credit", ".credits", ".copyright", "small")))
            caption = node_text(figure.css_first("figcaption"))
            if caption and credit and caption.endswith(credit):
                caption = clean(caption[: -len(credit)]) or None
        found.append(Image(url=src, caption=caption or attr(img, "alt"), credit=credit))
    return tuple(found)


def language(tree: LexborHTMLParser, default: str) -> str:
    """The ISO 639-1 code of ``<html lang>`` (``fr-FR`` → ``fr``), else ``default``."""
    code = (attr(tree.css_first("html"), "lang") or "")[:2].lower()
    return code if len(code) == 2 and code.isalpha() else default
