"""Which outlet a document belongs to: by its URL host, else by its content."""

from __future__ import annotations

import attrs

from presskit.document import Document
from presskit.errors import NotAnArticle, UnknownOutlet
from presskit.outlet import Outlet
from presskit.registry import Registry

__all__ = ["MIN_CONFIDENCE", "MIN_LEAD", "Detection", "check_url", "detect_document", "url_of_html"]

MIN_CONFIDENCE = 0.5
"""Content score an outlet needs to be chosen without a URL."""

MIN_LEAD = 0.15
"""How far the best content score must lead the second for a clear winner."""


@attrs.frozen(kw_only=True)
class Detection:
    """The outlet chosen for a document, how sure the choice is, and why."""

    name: str
    """Name of the outlet."""

    confidence: float
    """1.0 when the URL decided; the content score otherwise."""

    reason: str
    """Why this outlet was chosen, in words."""


_URL_ELEMENTS = 'link[rel="canonical"], meta[property="og:url"]'


def url_of_html(document: Document) -> str | None:
    """The page's own URL from its canonical link or ``og:url``, for HTML documents."""
    if document.kind != "html":
        return None
    # One walk for both; the canonical link wins over og:url wherever each stands. Pages
    # put them in <head>, a few dozen nodes: the whole page is read only when the head
    # has no canonical link.
    tree = document.tree
    found = tree.head.css(_URL_ELEMENTS) if tree.head is not None else []
    if not any(node.tag == "link" for node in found):
        found = tree.css(_URL_ELEMENTS)
    for tag, attribute in (("link", "href"), ("meta", "content")):
        node = next((n for n in found if n.tag == tag), None)
        value = (node.attributes.get(attribute) or "").strip() if node else ""
        if value.startswith(("http://", "https://", "//")):
            return value
    return None


def _by_url(document: Document, registry: Registry) -> Detection:
    assert document.url is not None
    host = document.host
    if not host:
        raise UnknownOutlet(f"URL {document.url!r} has no host", input=document.label)
    outlet = registry.for_host(host)
    if outlet is None:
        raise UnknownOutlet(f"no outlet claims the host {host!r}", input=document.label)
    return Detection(name=outlet.name, confidence=1.0, reason=f"URL host {host} belongs to {outlet.name}")


def check_url(outlet: Outlet, document: Document) -> None:
    """Raise :class:`NotAnArticle` when the document's URL is a non-article URL of ``outlet``."""
    if document.url:
        reason = outlet.non_article_reason(document.url)
        if reason:
            raise NotAnArticle(f"{reason} (URL {document.url})", input=document.label)


def _score(outlet: Outlet, document: Document) -> float:
    try:
        return max(0.0, min(1.0, float(outlet.detect(document))))
    except Exception:  # noqa: BLE001 - a faulty detector must not break detection for all
        return 0.0


def detect_document(document: Document, registry: Registry) -> Detection:
    """Choose the outlet of ``document``.

    With a URL (given, or the canonical URL of an HTML page) the host decides;
    without one, every outlet scores the content and the clear winner is chosen.

    :raises UnknownOutlet: no outlet claims the host, or no clear winner by content.
    """
    if document.url:
        return _by_url(document, registry)
    scored = sorted(
        (
            Detection(name=o.name, confidence=s, reason=f"content looks like {o.name} ({s:.2f})")
            for o in registry.outlets
            if (s := _score(o, document)) > 0
        ),
        key=lambda d: -d.confidence,
    )
    if scored:
        chosen: Detection | None = registry.hook.presskit_choose_outlet(document=document, candidates=scored)
        if chosen is not None:
            return chosen
        best = scored[0]
        second = scored[1].confidence if len(scored) > 1 else 0.0
        if best.confidence >= MIN_CONFIDENCE and best.confidence - second >= MIN_LEAD:
            return best
    shown = ", ".join(f"{d.name} {d.confidence:.2f}" for d in scored[:3]) or "none scored above 0"
    raise UnknownOutlet(
        f"no outlet recognises the content without a URL (best candidates: {shown})",
        input=document.label,
    )
