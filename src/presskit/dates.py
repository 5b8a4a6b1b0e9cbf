"""Dates as Moroccan outlets write them, parsed by one shared parser.

Supported: full and abbreviated month names with or without accents and trailing
dot, in any case (``avril``, ``avr.``, ``févr``, ``Decembre``, ``aout``); an
optional weekday with or without a comma; ``1er``; times ``HHhMM``, ``HH:MM``,
``HHh``; numeric ``DD/MM/YYYY``; Le360's ``Le DD/MM/YYYY à HHhMM``; ISO 8601 as
found in HTML metadata. Trilingual sites also write English (``April 25, 2016``,
``25 Apr 2016``) and Arabic dates (``25 أبريل 2016``, Moroccan month names such as
``شتنبر``, Arabic-Indic digits): those are found too, as bare days.

Local times are Africa/Casablanca (the ``tzdata`` package ships the rules, so this
works on every OS; Morocco's offset changed over the years and around Ramadan). A
date written without a time stays a :class:`~datetime.date`: midnight is never
invented.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, time

import attrs

from presskit.article import When
from presskit.zone import casablanca, in_casablanca

__all__ = [
    "ARABIC_MONTHS",
    "ENGLISH_MONTHS",
    "MONTHS",
    "WEEKDAYS",
    "DateMatch",
    "casablanca",
    "find_dates",
    "local_datetime",
    "parse_date",
    "parse_iso",
    "parse_time",
    "search_date",
]

MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "fevrie": 2,
    "mars": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
}  # fmt: skip
"""Month names and abbreviations, accents stripped, lower case, without the dot."""

ENGLISH_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
"""English month names and abbreviations, lower case."""

ARABIC_MONTHS: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "ماي": 5, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليوز": 7, "يوليو": 7, "غشت": 8, "أغسطس": 8, "اغسطس": 8,
    "شتنبر": 9, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نونبر": 11, "نوفمبر": 11,
    "دجنبر": 12, "ديسمبر": 12,
}  # fmt: skip
"""Arabic month names: Maghreb usage (ماي, يوليوز, غشت, شتنبر, نونبر, دجنبر) and Middle-East names."""

WEEKDAYS: tuple[str, ...] = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
"""French weekday names, accents stripped, lower case (Monday first)."""

_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\.?,?"
_TIME = r"(?P<hour>[01]?\d|2[0-3])\s?(?:h|H|:)\s?(?P<minute>[0-5]\d)?(?![\d])"
_TIME_SEP = r"\s*(?:[-–—,|]|\s[àa]|\s)\s*"
_TEXTUAL = re.compile(
    rf"(?<![\w/])(?:{_WEEKDAY}\s+)?(?P<day>[0-3]?\d)(?:er|ER)?\s+(?P<month>[^\W\d_]{{3,9}}\.?)"
    rf"\s+(?P<year>(?:19|20)\d\d)(?!\d)(?:{_TIME_SEP}{_TIME})?",
    re.I,
)
_NUMERIC = re.compile(
    rf"(?<![\w/])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])"
    rf"(?:{_TIME_SEP}{_TIME})?",
    re.I,
)
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_ENGLISH_MDY = re.compile(
    rf"(?<![\w])(?P<month>[A-Za-z]{{3,9}})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}"
)
_ENGLISH_DMY = re.compile(
    rf"(?<![\w])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]{{3,9}})\.?,?\s+{_YEAR}"
)
_ARABIC_DMY = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>[\u0621-\u064a]+)\s*,?\s+{_YEAR}")
_OTHER_LANGUAGES = (
    (_ENGLISH_MDY, ENGLISH_MONTHS),
    (_ENGLISH_DMY, ENGLISH_MONTHS),
    (_ARABIC_DMY, ARABIC_MONTHS),
)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_ISO = re.compile(
    r"(?P<date>\d{4}-\d\d-\d\d)(?:[T ](?P<time>\d\d:\d\d(?::\d\d(?:\.\d+)?)?)"
    r"(?P<tz>Z|[+-]\d\d:?\d\d)?)?"
)


def local_datetime(day: date, hour: int, minute: int = 0) -> datetime:
    """Morocco's local time on ``day`` as an aware datetime, with that day's offset."""
    return datetime.combine(day, time(hour, minute), tzinfo=casablanca())


def _fold(word: str) -> str:
    """Lower-case ``word`` and strip accents and a trailing dot."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip(".")


@attrs.frozen(kw_only=True)
class DateMatch:
    """A date found in a text: its value and where it stands."""

    value: When
    """The date, or an aware datetime when a time was written with it."""

    start: int
    """Offset of the first character of the match."""

    end: int
    """Offset just past the match."""

    text: str
    """The matched text."""


_ANY_DIGIT = re.compile(r"\d")  # any Unicode decimal digit, Arabic-Indic included


def _build(m: re.Match[str], month: int, *, timed: bool = True) -> When | None:
    try:
        day = date(int(m["year"]), month, int(m["day"]))
    except ValueError:
        return None
    if not timed or m["hour"] is None:
        return day
    return local_datetime(day, int(m["hour"]), int(m["minute"] or 0))


def find_dates(text: str) -> Iterator[DateMatch]:
    """Yield every date in ``text`` (French, numeric, English, Arabic), in order, without overlaps."""
    if not _ANY_DIGIT.search(text):  # every date has digits; most lines have none
        return
    text = text.translate(_ARABIC_DIGITS)  # same length: offsets stay valid
    found: list[DateMatch] = []
    for m in _TEXTUAL.finditer(text):
        month = MONTHS.get(_fold(m["month"]))
        value = _build(m, month) if month else None
        if value is not None:
            found.append(DateMatch(value=value, start=m.start(), end=m.end(), text=m[0]))
    for m in _NUMERIC.finditer(text):
        value = _build(m, int(m["month"])) if 1 <= int(m["month"]) <= 12 else None
        if value is not None:
            found.append(DateMatch(value=value, start=m.start(), end=m.end(), text=m[0]))
    for pattern, months in _OTHER_LANGUAGES:
        for m in pattern.finditer(text):
            number = months.get(m["month"].lower())
            value = _build(m, number, timed=False) if number else None
            if value is not None:
                found.append(DateMatch(value=value, start=m.start(), end=m.end(), text=m[0]))
    end = -1
    for match in sorted(found, key=lambda d: (d.start, -d.end)):
        if match.start >= end:  # the longest reading at a place wins; overlaps are dropped
            end = match.end
            yield match


def search_date(text: str) -> DateMatch | None:
    """Return the first date in ``text``, or None."""
    return next(find_dates(text), None)


_FILLER = re.compile(
    r"^(?:(?:publi[ée]e?|mis à jour|modifi[ée]e?|mise à jour|posted|updated)\s*(?:le|:)?\s*|le\s+)", re.I
)


def parse_date(text: str) -> When | None:
    """Parse a string that is a date (``"Le 22/04/2016 à 16h19"``, ``"23 avril 2016"``).

    Leading words such as ``Le`` or ``Publié le`` are allowed; anything else around
    the date makes it not a date, and None is returned.
    """
    stripped = _FILLER.sub("", " ".join(text.split()))
    match = search_date(stripped)
    if match is None or match.start != 0 or stripped[match.end :].strip(" .,-–|"):
        return None
    return match.value


def parse_iso(value: str) -> When | None:
    """Parse an ISO 8601 value from HTML metadata (``datetime`` attributes, JSON-LD).

    A value with an offset keeps it (in Morocco's zone when the offset is Morocco's at
    that time: see :func:`presskit.zone.in_casablanca`); a naive time is taken as
    Morocco's local time; a bare day stays a date. Returns None when ``value`` is not ISO 8601.
    """
    m = _ISO.fullmatch(value.strip())
    if m is None:
        return None
    try:
        day = date.fromisoformat(m["date"])
        if m["time"] is None:
            return day
        tz = m["tz"] or ""
        if tz and tz != "Z" and ":" not in tz:
            tz = tz[:3] + ":" + tz[3:]
        moment = datetime.fromisoformat(f"{m['date']}T{m['time']}{'+00:00' if tz == 'Z' else tz}")
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=casablanca())
    return in_casablanca(moment)


_BARE_TIME = re.compile(rf"\s*{_TIME}\s*")


def parse_time(text: str) -> time | None:
    """Parse a bare time (``"10h00"``, ``"9h"``, ``"20:00"``), or return None."""
    m = _BARE_TIME.fullmatch(text)
    if m is None:
        return None
    return time(int(m["hour"]), int(m["minute"] or 0))
