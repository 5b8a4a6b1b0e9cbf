"""The language of CCME's trilingual pages (French, Arabic, English).

Dates in the three languages are read by the shared parser (:mod:`presskit.dates`);
what is CCME's own is the language segment of its URLs (``/fr/``, ``/ar/``, ``/en/``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from presskit import text

__all__ = ["guess_language"]

_URL_LANGUAGE = re.compile(r"^/(fr|ar|en)(?:/|$)")


def _url_hint(url: str | None) -> str | None:
    if not url:
        return None
    found = _URL_LANGUAGE.match(urlsplit(url if "//" in url else "//" + url).path)
    return found.group(1) if found else None


def guess_language(paragraphs: Sequence[str], url: str | None = None) -> str:
    """ISO 639-1 code of the body: its script and frequent words decide, the URL breaks ties."""
    return text.guess_language(paragraphs, _url_hint(url))
