"""Renderers: an Article written back as an outlet's text dump and HTML page.

A renderer follows its outlet's real template, so that extracting what it writes
exercises the outlet's real parser: the round trip ``extract(render(article))`` must give
the article back, field by field. An outlet plugin provides its renderer as ``RENDERER``
in a ``testing`` module of its package (``presskit_bladi.testing``); outlet code never
imports it.
"""

from __future__ import annotations

import importlib
import re
import zlib
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Protocol, runtime_checkable

import attrs

from presskit.api import extract
from presskit.article import Article
from presskit.document import Kind
from presskit.errors import PresskitError
from presskit.outlet import Outlet
from presskit.registry import Registry
from presskit.text import clean, fold

__all__ = [
    "FIELDS",
    "MONTHS",
    "WEEKDAYS",
    "Renderer",
    "body_of",
    "differences",
    "fitted",
    "french_day",
    "loose",
    "number",
    "render",
    "renderer_for",
    "round_trip",
    "slug",
]

FIELDS = (
    "url", "title", "lead", "paragraphs", "published", "updated", "authors", "tags", "section",
    "language", "source", "source_published",
)  # fmt: skip
"""Article fields a round trip can check (images and related links are page furniture)."""

KINDS: tuple[Kind, ...] = ("text", "html")

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
"""French month names, January first, for renderers."""

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
"""French weekday names, Monday first, for renderers."""

_QUOTES = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"'})


@runtime_checkable
class Renderer(Protocol):
    """Writes Articles in one outlet's templates.

    ``fields`` says, per input kind, which :data:`FIELDS` the template carries back
    (L'Opinion's dumps have no lead, CCME shows no time...); ``markers`` are strings of
    the template's boilerplate (menus, share bars, promo lines) that must never reach an
    extracted body.
    """

    outlet: str
    """Name of the outlet whose templates are written."""

    fields: Mapping[Kind, frozenset[str]]
    """Fields the round trip checks, per input kind (``"text"``, ``"html"``)."""

    markers: tuple[str, ...]
    """Boilerplate strings of the rendered pages; none may appear in an extracted body."""

    def fit(self, article: Article) -> Article:
        """The article as the templates can carry it: values the outlet cannot show are
        dropped or mapped (a section to one of the site's, a date to the shown precision),
        and ``url`` is set to an article URL of the outlet (or None to test detection)."""
        ...

    def render_text(self, article: Article) -> str:
        """The text dump a browser would render from the article's page."""
        ...

    def render_html(self, article: Article) -> str:
        """The article's HTML page as the site serves it."""
        ...


def fitted(article: Article, *, outlet: str, url: str | None, **fields: Any) -> Article:
    """``article`` as a page template carries it: ``outlet`` and ``url`` set, the values the
    kit's templates never show (update, original date, images, related links) cleared, the
    language French; ``fields`` give every other value the template changes."""
    shown: dict[str, Any] = {
        "updated": None, "source_published": None, "images": (), "related": (), "language": "fr",
    }  # fmt: skip
    return attrs.evolve(article, outlet=outlet, url=url, **{**shown, **fields})


def body_of(article: Article) -> tuple[str, ...]:
    """Lead and paragraphs as one body, for templates without a separate chapeau."""
    return ((article.lead,) if article.lead else ()) + article.paragraphs


def renderer_for(outlet: Outlet) -> Renderer | None:
    """The renderer of ``outlet``: ``RENDERER`` in the ``testing`` module of the package that
    defines the outlet class, or None when there is none."""
    package = type(outlet).__module__.split(".")[0]
    name = f"{package}.testing"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name in (name, package):
            return None
        raise
    found = getattr(module, "RENDERER", None)
    return found if isinstance(found, Renderer) else None


def french_day(day: date, *, weekday: bool = False, capitalised: bool = False) -> str:
    """``14 mars 2019`` (``Jeudi 14 Mars 2019`` with ``weekday`` and ``capitalised``)."""
    words = [str(day.day), MONTHS[day.month - 1], str(day.year)]
    if weekday:
        words.insert(0, WEEKDAYS[day.weekday()])
    if capitalised:
        words = [word.capitalize() for word in words]
    return " ".join(words)


def slug(text: str) -> str:
    """A URL slug of ``text``: ``"Tanger : un centre d’accueil"`` → ``"tanger-un-centre-d-accueil"``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "article"


def number(text: str, digits: int = 5) -> int:
    """A stable article number for ``text`` (for URLs such as ``<slug>,<number>.html``)."""
    low = int("1" + "0" * (digits - 1))  # 10 ** (digits - 1), typed as an int
    return zlib.crc32(text.encode("utf-8")) % (9 * low) + low


def render(renderer: Renderer, article: Article, kind: Kind) -> str:
    """``renderer.render_text`` or ``renderer.render_html``, by input kind."""
    return renderer.render_html(article) if kind == "html" else renderer.render_text(article)


def loose(value: Any) -> Any:
    """A comparison key that ignores case, accents, space runs and quote styles."""
    if isinstance(value, str):
        return fold(value).translate(_QUOTES)
    if isinstance(value, (list, tuple)):
        return [loose(item) for item in value]
    return value


def _exact(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, (list, tuple)):
        return [_exact(item) for item in value]
    return value


def differences(
    expected: Article, got: Article, fields: Iterable[str], *, loosely: bool = False
) -> list[str]:
    """What differs between two Articles in ``fields`` (strings compared cleaned, or
    with :func:`loose` when ``loosely``); an empty list when they agree."""
    key = loose if loosely else _exact
    want, have = expected.to_dict(), got.to_dict()
    return [
        f"{field}: got {have[field]!r}, want {want[field]!r}"
        for field in fields
        if key(have[field]) != key(want[field])
    ]


def round_trip(
    renderer: Renderer, article: Article, kind: Kind, *, registry: Registry | None = None
) -> list[str]:
    """Render ``article`` (fitted) as ``kind``, extract it, and return the differences in the
    renderer's fields for that kind (an error is a difference too)."""
    fitted = renderer.fit(article)
    page = render(renderer, fitted, kind)
    try:
        got = extract(page.encode("utf-8"), url=fitted.url, registry=registry)
    except PresskitError as exc:
        return [f"{type(exc).__name__}: {exc.reason}"]
    problems = [] if got.outlet == renderer.outlet else [f"extracted by {got.outlet!r}"]
    return problems + differences(fitted, got, sorted(renderer.fields[kind]))
