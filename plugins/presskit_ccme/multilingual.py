"""Dates and language of CCME's trilingual pages (French, Arabic, English).

The shared parser (:mod:`presskit.dates`) reads French dates only; CCME's Arabic and
English editions write the same post dates in their own language (``25 أبريل 2016``,
``April 25, 2016``), so those two forms are read here and merged with the French ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from urllib.parse import urlsplit

import attrs

from presskit.article import When
from presskit.dates import find_dates

__all__ = ["DateSpan", "dates_in", "guess_language"]

ENGLISH_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

# Maghreb (Moroccan usage: ماي, يوليوز, غشت, شتنبر, نونبر, دجنبر) and Middle-East names.
ARABIC_MONTHS: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "ماي": 5, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليوز": 7, "يوليو": 7, "غشت": 8, "أغسطس": 8, "اغسطس": 8,
    "شتنبر": 9, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نونبر": 11, "نوفمبر": 11,
    "دجنبر": 12, "ديسمبر": 12,
}  # fmt: skip

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_ENGLISH_MDY = re.compile(
    rf"(?<![\w])(?P<month>[A-Za-z]{{3,9}})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}"
)
_ENGLISH_DMY = re.compile(
    rf"(?<![\w])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]{{3,9}})\.?,?\s+{_YEAR}"
)
_ARABIC_DMY = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>[\u0621-\u064a]+)\s*,?\s+{_YEAR}")

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
_WORD = re.compile(r"[a-zà-ÿ]+")
# Frequent words that the other language does not share.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "that",
        "for",
        "with",
        "was",
        "are",
        "has",
        "have",
        "this",
        "from",
        "its",
        "which",
        "were",
        "been",
        "their",
        "they",
        "will",
        "would",
        "said",
        "about",
        "after",
    ]
)
_FRENCH_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "et",
        "du",
        "une",
        "est",
        "dans",
        "pour",
        "que",
        "qui",
        "sur",
        "au",
        "aux",
        "avec",
        "par",
        "sont",
        "ont",
        "ces",
        "cette",
        "été",
        "il",
        "elle",
    ]
)
_URL_LANGUAGE = re.compile(r"^/(fr|ar|en)(?:/|$)")


@attrs.frozen(kw_only=True)
class DateSpan:
    """A date found in a line and where it stands."""

    value: When
    """A ``date``, or an aware datetime when the French parser read a time with it."""

    start: int
    """Offset of the first character of the date."""

    end: int
    """Offset just past the date."""


def _day(year: str, month: int | None, day: str) -> date | None:
    if month is None:
        return None
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def dates_in(line: str) -> list[DateSpan]:
    """Every French, English or Arabic date of ``line``, in order, without overlaps."""
    line = line.translate(_ARABIC_DIGITS)  # same length: offsets stay valid
    spans = [DateSpan(value=m.value, start=m.start, end=m.end) for m in find_dates(line)]
    for pattern, table in (
        (_ENGLISH_MDY, ENGLISH_MONTHS),
        (_ENGLISH_DMY, ENGLISH_MONTHS),
        (_ARABIC_DMY, ARABIC_MONTHS),
    ):
        for m in pattern.finditer(line):
            value = _day(m["year"], table.get(m["month"].lower()), m["day"])
            if value is not None:
                spans.append(DateSpan(value=value, start=m.start(), end=m.end()))
    spans.sort(key=lambda s: (s.start, -s.end))
    kept: list[DateSpan] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _url_hint(url: str | None) -> str | None:
    if not url:
        return None
    found = _URL_LANGUAGE.match(urlsplit(url if "//" in url else "//" + url).path)
    return found.group(1) if found else None


def guess_language(paragraphs: Sequence[str], url: str | None = None) -> str:
    """ISO 639-1 code of the body: its script and frequent words decide, the URL breaks ties."""
    text = " ".join(paragraphs)
    if len(_ARABIC_LETTER.findall(text)) > len(_LATIN_LETTER.findall(text)):
        return "ar"
    words = _WORD.findall(text.lower())
    english = sum(word in _ENGLISH_WORDS for word in words)
    french = sum(word in _FRENCH_WORDS for word in words)
    hint = _url_hint(url)
    if english >= 3 and english > 2 * french:
        return "en"
    if french >= 3 and french > 2 * english:
        return "fr"
    return hint or "fr"
