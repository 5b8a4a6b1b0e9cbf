"""The Outlet interface that every outlet plugin implements, and its test cases.

An outlet is declarative where it can be (like a yt-dlp extractor): its name,
domains, non-article URL patterns and example cases are class attributes next to
its code; only :meth:`Outlet.detect` and :meth:`Outlet.extract` are code.
"""

from __future__ import annotations

import abc
import inspect
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import attrs

from presskit.article import Article
from presskit.document import Document

__all__ = ["Case", "Outlet"]


@attrs.frozen(kw_only=True)
class Case:
    """An example input of an outlet with what extraction must give for it.

    ``expected`` uses the keys of :class:`~presskit.Article` (dates as ISO 8601
    strings, lists for sequences), checked exactly, plus ``body_contains`` and
    ``body_excludes`` (snippets that must / must not appear in lead + body) and
    ``paragraph_count``. Set ``reject`` to a reason fragment for an input that
    must raise :class:`~presskit.NotAnArticle`.
    """

    file: str
    """Path of the input, relative to the module that declares the outlet."""

    url: str | None = None
    """URL passed with the input, if any."""

    expected: Mapping[str, Any] = attrs.field(factory=dict)
    """Field values the extracted Article must have."""

    reject: str | None = None
    """When set, the input must be rejected with a reason containing this text."""

    note: str = ""
    """What the case covers (a page shape, a pitfall)."""


class Outlet(abc.ABC):
    """A news outlet presskit can extract articles from.

    Subclasses set the class attributes and implement :meth:`detect` and
    :meth:`extract`. Instances must be stateless: one instance serves every call,
    from any thread or process.
    """

    name: ClassVar[str]
    """Short unique identifier (``"bladi"``), used in records and on the command line."""

    title: ClassVar[str]
    """Human-readable name of the outlet (``"Bladi.net"``)."""

    domains: ClassVar[tuple[str, ...]]
    """Registered domains; subdomains are included (``le360.ma`` covers ``fr.le360.ma``)."""

    non_article_urls: ClassVar[tuple[tuple[str, str], ...]] = ()
    """``(pattern, reason)`` pairs: a regular expression searched in a URL's path (and
    query) whose match means the URL is a listing, tag, author or home page, and the
    reason given when it matches (``"a tag page"``)."""

    language: ClassVar[str] = "fr"
    """ISO 639-1 code of the outlet's articles."""

    cases: ClassVar[tuple[Case, ...]] = ()
    """Example inputs with their expected output, run by the generic case harness."""

    def claims_host(self, host: str) -> bool:
        """True when ``host`` is one of :attr:`domains` or a subdomain of one."""
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def non_article_reason(self, url: str) -> str | None:
        """Why ``url`` is not an article page by its shape alone, or None if it may be one."""
        parts = urlsplit(url if "//" in url else "//" + url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        for pattern, reason in self.non_article_urls:
            if re.search(pattern, target):
                return reason
        return None

    @abc.abstractmethod
    def detect(self, document: Document) -> float:
        """Confidence, from 0 to 1, that ``document`` is a page of this outlet.

        Only the content is looked at (URLs are matched against :attr:`domains`
        by the core). Must never raise, and must be cheap: every outlet scores every
        document that comes without a URL, so a detector's cost is paid for pages of
        all the other outlets too. Search the raw :attr:`Document.text` for literals
        (``in``) and fixed phrases (:class:`presskit.text.LoosePhrase`: a loose pattern
        run only around a literal the phrase holds), read bounded windows of lines where
        the template puts its marks, and never fold or clean the whole document.
        """

    @abc.abstractmethod
    def extract(self, document: Document) -> Article:
        """Extract the article from ``document``.

        Raise :class:`~presskit.NotAnArticle` for a page of this outlet that is
        not an article, and :class:`~presskit.ExtractionError` when the article's
        parts cannot be found.
        """

    def case_path(self, case: Case) -> Path:
        """Absolute path of a case's input file."""
        return Path(inspect.getfile(type(self))).parent / case.file

    def __repr__(self) -> str:
        return f"<Outlet {self.name}>"
