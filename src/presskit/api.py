"""The public functions: extract, extract_file, detect, outlets."""

from __future__ import annotations

import gzip
import os
import zlib

import attrs

from presskit.article import Article
from presskit.detection import Detection, check_url, detect_document, url_of_html
from presskit.document import Document, Kind
from presskit.errors import ExtractionError, PresskitError, UnknownOutlet
from presskit.outlet import Outlet
from presskit.registry import Registry, default_registry

__all__ = ["detect", "extract", "extract_document", "extract_file", "make_document", "outlets", "read_file"]


def make_document(
    content: str | bytes,
    *,
    url: str | None = None,
    path: str | None = None,
    kind: Kind | None = None,
) -> Document:
    """Decode ``content`` into a :class:`Document`, taking an HTML page's canonical URL
    when no URL is given."""
    document = Document.from_content(content, url=url or None, path=path, kind=kind)
    if document.url is None and document.kind == "html":
        found = url_of_html(document)
        if found:
            tree = document.tree
            document = attrs.evolve(document, url=found)
            document.__dict__["tree"] = tree  # the same page: keep its parse (a cached property)
    return document


def read_file(path: str | os.PathLike[str]) -> bytes:
    """Read a file's bytes, gunzipping ``.gz`` files; errors name the file."""
    name = os.fspath(path)
    try:
        # open() rather than pathlib: Path objects cost more than the read of a small page.
        with open(name, "rb") as file:  # noqa: PTH123
            data = file.read()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ExtractionError(f"cannot read the file: {reason}", input=name) from exc
    return data


def extract_document(
    document: Document, *, outlet: str | None = None, registry: Registry | None = None
) -> Article:
    """Extract the Article of an already built :class:`Document`."""
    registry = registry or default_registry()
    chosen: Outlet | None = None
    try:
        chosen = (
            registry.get(outlet)
            if outlet is not None
            else registry.get(detect_document(document, registry).name)
        )
        check_url(chosen, document)
        if not document.text.strip():
            raise ExtractionError("the input is empty")
        article: Article | None = registry.hook.presskit_extract_article(outlet=chosen, document=document)
    except PresskitError as exc:
        raise exc.with_input(document.label) from None
    except Exception as exc:
        raise ExtractionError(
            f"{f'outlet {chosen.name}' if chosen else 'detection'} failed: {type(exc).__name__}: {exc}",
            input=document.label,
        ) from exc
    if article is None:
        raise ExtractionError("no plugin returned an article", input=document.label)
    return article


def extract(
    content: str | bytes,
    *,
    url: str | None = None,
    outlet: str | None = None,
    registry: Registry | None = None,
) -> Article:
    """Extract the article from an HTML page or a text dump.

    :param content: the page, as text or as bytes (decoded robustly).
    :param url: the page's URL; its host decides the outlet.
    :param outlet: force this outlet by name instead of detecting it.
    :raises UnknownOutlet: no outlet claims the URL or recognises the content.
    :raises NotAnArticle: the page is a listing, a tag page, a teaser…
    :raises ExtractionError: the article's parts could not be found.
    """
    return extract_document(make_document(content, url=url), outlet=outlet, registry=registry)


def extract_file(
    path: str | os.PathLike[str],
    *,
    url: str | None = None,
    outlet: str | None = None,
    registry: Registry | None = None,
) -> Article:
    """Extract the article from a saved page (``.html``, ``.txt``, or either ``.gz``)."""
    name = os.fspath(path)
    document = make_document(read_file(name), url=url, path=name)
    return extract_document(document, outlet=outlet, registry=registry)


def detect(
    content: str | bytes, *, url: str | None = None, registry: Registry | None = None
) -> Detection | None:
    """Tell which outlet a page belongs to, or None when no outlet does.

    Detection says nothing of whether the page is an article: a tag page of an
    outlet is still detected as that outlet.
    """
    try:
        return detect_document(make_document(content, url=url), registry or default_registry())
    except UnknownOutlet:
        return None


def outlets(*, registry: Registry | None = None) -> tuple[Outlet, ...]:
    """The registered outlets, built-in and third-party."""
    return (registry or default_registry()).outlets
