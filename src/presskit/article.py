"""The Article record and its parts: the schema every outlet fills in.

Values are frozen, keyword-only attrs classes. Validators guard invariants only
(stripped non-empty strings, timezone-aware datetimes, a non-empty body); parsing
belongs to outlets. (De)serialisation lives here and nowhere else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

import attrs

from presskit.zone import in_casablanca

__all__ = ["Article", "Image", "Link", "When"]

When = date | datetime
"""A publication moment: a tz-aware ``datetime``, or a ``date`` when only the day is known."""


# -- validators (invariants only) ------------------------------------------------------


def _clean_str(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a str, not {type(value).__name__}")
    if not value or value != value.strip():
        raise ValueError(f"{attribute.name} must be a stripped non-empty string: {value!r}")


def _optional_clean_str(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _clean_str(inst, attribute, value)


def _clean_strs(inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:  # the test inline (a body has many paragraphs), the message from _clean_str
        if type(item) is not str or not item or item != item.strip():
            _clean_str(inst, attribute, item)


def _non_empty(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        raise ValueError(f"{attribute.name} must hold at least one paragraph")


def _when(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{attribute.name} must be timezone-aware: {value!r}")
    elif not isinstance(value, date):
        raise TypeError(f"{attribute.name} must be a date, a datetime or None: {value!r}")


def _language(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not (isinstance(value, str) and len(value) == 2 and value.isalpha() and value.islower()):
        raise ValueError(f"{attribute.name} must be an ISO 639-1 code such as 'fr': {value!r}")


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)):
        raise TypeError("expected a sequence of items, not a single string")
    return tuple(value)


# -- (de)serialisation helpers ---------------------------------------------------------


def _when_to_str(value: When | None) -> str | None:
    return None if value is None else value.isoformat()


def _when_from_str(value: str | None) -> When | None:
    if value is None:
        return None
    if "T" in value:
        return in_casablanca(datetime.fromisoformat(value))
    return date.fromisoformat(value)


# -- values ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Image:
    """An image of the article: the lead picture or one inside the body."""

    url: str | None = attrs.field(default=None, validator=_optional_clean_str)
    """Absolute URL of the image file, when the input gives one (HTML pages)."""

    caption: str | None = attrs.field(default=None, validator=_optional_clean_str)
    """Caption or alternative text shown with the image."""

    credit: str | None = attrs.field(default=None, validator=_optional_clean_str)
    """Photographer or agency credited for the image (``DR``, ``© MAP``…)."""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"url": self.url, "caption": self.caption, "credit": self.credit}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Image:
        """Build an Image from :meth:`to_dict` output."""
        return cls(url=data.get("url"), caption=data.get("caption"), credit=data.get("credit"))


@attrs.frozen(kw_only=True)
class Link:
    """A related article listed by the page (kept out of the body, not thrown away)."""

    title: str = attrs.field(validator=_clean_str)
    """Headline of the linked article."""

    url: str | None = attrs.field(default=None, validator=_optional_clean_str)
    """URL of the linked article, when the input gives one."""

    published: When | None = attrs.field(default=None, validator=_when)
    """Publication date shown next to the link, when there is one."""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"title": self.title, "url": self.url, "published": _when_to_str(self.published)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Link:
        """Build a Link from :meth:`to_dict` output."""
        return cls(title=data["title"], url=data.get("url"), published=_when_from_str(data.get("published")))


@attrs.frozen(kw_only=True)
class Article:
    """One news article, cleaned of its page's boilerplate."""

    outlet: str = attrs.field(validator=_clean_str)
    """Name of the outlet that published it (``"bladi"``, ``"le360"``…)."""

    paragraphs: tuple[str, ...] = attrs.field(converter=_tuple, validator=[_non_empty, _clean_strs])
    """Body paragraphs in reading order, intertitles included; never empty."""

    url: str | None = attrs.field(default=None, validator=_optional_clean_str)
    """Canonical URL of the article, when known."""

    title: str | None = attrs.field(default=None, validator=_optional_clean_str)
    """Headline. None only when the input carries none (a main-content extract)."""

    lead: str | None = attrs.field(default=None, validator=_optional_clean_str)
    """Chapeau (standfirst) where the template marks one, kept apart from the body."""

    published: When | None = attrs.field(default=None, validator=_when)
    """Publication moment: a tz-aware datetime (Africa/Casablanca unless the page states
    another offset), a date when the page gives only the day, or None."""

    updated: When | None = attrs.field(default=None, validator=_when)
    """Last update, with the same conventions as ``published``."""

    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_clean_strs)
    """Bylines in page order; empty when the page credits nobody."""

    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_clean_strs)
    """Keywords the page attaches to the article, in page order."""

    section: str | None = attrs.field(default=None, validator=_optional_clean_str)
    """Section, rubrique or category the article is filed under."""

    language: str = attrs.field(default="fr", validator=_language)
    """ISO 639-1 code of the article's language."""

    source: str | None = attrs.field(default=None, validator=_optional_clean_str)
    """Agency or paper the article is credited to (MAP, AFP, a newspaper…)."""

    source_published: When | None = attrs.field(default=None, validator=_when)
    """Original publication date of a republished item (a press review's source date)."""

    images: tuple[Image, ...] = attrs.field(default=(), converter=_tuple)
    """Images of the article with caption and credit."""

    related: tuple[Link, ...] = attrs.field(default=(), converter=_tuple)
    """Related articles the page lists next to this one."""

    @property
    def text(self) -> str:
        """Lead and paragraphs joined by blank lines."""
        parts = ((self.lead,) if self.lead else ()) + self.paragraphs
        return "\n\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: ISO 8601 strings for dates, lists for sequences."""
        return {
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "lead": self.lead,
            "paragraphs": list(self.paragraphs),
            "published": _when_to_str(self.published),
            "updated": _when_to_str(self.updated),
            "authors": list(self.authors),
            "tags": list(self.tags),
            "section": self.section,
            "language": self.language,
            "source": self.source,
            "source_published": _when_to_str(self.source_published),
            "images": [image.to_dict() for image in self.images],
            "related": [link.to_dict() for link in self.related],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an Article from :meth:`to_dict` output (unknown keys are ignored)."""
        return cls(
            outlet=data["outlet"],
            url=data.get("url"),
            title=data.get("title"),
            lead=data.get("lead"),
            paragraphs=data["paragraphs"],
            published=_when_from_str(data.get("published")),
            updated=_when_from_str(data.get("updated")),
            authors=data.get("authors") or (),
            tags=data.get("tags") or (),
            section=data.get("section"),
            language=data.get("language") or "fr",
            source=data.get("source"),
            source_published=_when_from_str(data.get("source_published")),
            images=[Image.from_dict(item) for item in data.get("images") or ()],
            related=[Link.from_dict(item) for item in data.get("related") or ()],
        )

    def to_json(self, **kwargs: Any) -> str:
        """Serialise to JSON (keyword arguments go to :func:`json.dumps`)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_json(cls, text: str | bytes) -> Article:
        """Parse :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))
