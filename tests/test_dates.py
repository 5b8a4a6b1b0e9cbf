"""The shared French date parser: every supported way of writing a date, rendered and parsed back."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presskit.dates import (
    WEEKDAYS,
    casablanca,
    find_dates,
    local_datetime,
    parse_date,
    parse_iso,
    parse_time,
    search_date,
)

FULL = ["janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
ABBREVIATED = ["janv.", "févr.", "mars", "avr.", "mai", "juin",
               "juil.", "août", "sept.", "oct.", "nov.", "déc."]  # fmt: skip
ACCENTED_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def strip_accents(text: str) -> str:
    return text.replace("é", "e").replace("û", "u")


def month_name(day: date, style: str) -> str:
    name = (FULL if style.startswith("full") else ABBREVIATED)[day.month - 1]
    if style.endswith("plain"):
        name = strip_accents(name)
    if style.endswith("nodot"):
        name = name.rstrip(".")
    return name


@st.composite
def rendered(draw: st.DrawFn) -> tuple[str, date, time | None]:
    day = draw(st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)))
    clock = draw(st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)))
    style = draw(st.sampled_from(["full", "full-plain", "abbr", "abbr-nodot", "abbr-plain"]))
    case = draw(st.sampled_from([str.lower, str.title, str.upper]))
    numeric = draw(st.booleans())
    if numeric:
        text = f"{day.day:02d}/{day.month:02d}/{day.year}"
        if draw(st.booleans()):
            text = "Le " + text
    else:
        first = "1er" if day.day == 1 and draw(st.booleans()) else str(day.day)
        text = f"{first} {case(month_name(day, style))} {day.year}"
        if draw(st.booleans()):
            weekday = ACCENTED_WEEKDAYS[day.weekday()]
            text = f"{case(weekday)}{draw(st.sampled_from(['', ',']))} {text}"
    if clock is not None:
        sep = draw(st.sampled_from([" - ", " à ", ", ", " "]))
        minute = f"{clock.minute:02d}"
        fmt = draw(st.sampled_from(["h", ":", "H"] + (["h-only"] if clock.minute == 0 else [])))
        shown = f"{clock.hour}h" if fmt == "h-only" else f"{clock.hour:02d}{fmt}{minute}"
        text += sep + shown
    return text, day, clock


@given(rendered())
def test_every_format_parses_back(case: tuple[str, date, time | None]) -> None:
    text, day, clock = case
    value = parse_date(text)
    if clock is None:
        assert value == day and not isinstance(value, datetime)
    else:
        assert isinstance(value, datetime)
        assert value == datetime.combine(day, clock, tzinfo=casablanca())
    # the same date inside a sentence is found too
    found = search_date(f"Publié dans la rubrique Monde {text}. Suite")
    assert found is not None and found.value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le 22/04/2016 à 16h19", "2016-04-22T16:19:00+01:00"),
        ("23 avril 2016 - 10h00", "2016-04-23T10:00:00+01:00"),
        ("Lundi 15 Avril 2024 - 20:00", "2024-04-15T20:00:00+01:00"),
        ("22 avr 2016", "2016-04-22"),
        ("18 févr. 2014", "2014-02-18"),
        ("1er Decembre 2019", "2019-12-01"),
        ("Samedi, 1er aout 2020 10H30", "2020-08-01T10:30:00+01:00"),
        ("dimanche 3 JUIL. 2011 à 9h", "2011-07-03T09:00:00+01:00"),
        ("Publié le 5 mai 2021", "2021-05-05"),
    ],
)
def test_known_formats(text: str, expected: str) -> None:
    value = parse_date(text)
    assert value is not None and value.isoformat() == expected


@pytest.mark.parametrize(
    "text",
    ["", "Belgique", "32 avril 2016", "12 brumaire 2016", "23 avril 2016 - Belgique", "29/02/2015", "10h00"],
)
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_morocco_offsets_follow_the_rules_of_the_day() -> None:
    # Morocco kept UTC+1 from late 2018, but falls back to UTC+0 during Ramadan.
    assert local_datetime(date(2024, 4, 15), 20).utcoffset() == timedelta(hours=1)
    assert local_datetime(date(2024, 3, 20), 12).utcoffset() == timedelta(0)  # Ramadan 2024
    # Before 2018: UTC+0 in winter, UTC+1 in summer outside Ramadan.
    assert local_datetime(date(2014, 2, 19), 12).utcoffset() == timedelta(0)
    assert local_datetime(date(2016, 4, 22), 16, 19).utcoffset() == timedelta(hours=1)


def test_find_dates_in_order() -> None:
    text = "Médias et migration 25 avril 2016 … 22 avr 2016 Source : MAP … 31/01/2017"
    assert [d.value.isoformat() for d in find_dates(text)] == ["2016-04-25", "2016-04-22", "2017-01-31"]


def test_weekdays_listed_monday_first() -> None:
    assert WEEKDAYS[0] == "lundi" and len(WEEKDAYS) == 7


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-04-22T16:19:00+01:00", "2016-04-22T16:19:00+01:00"),
        ("2016-04-22T15:19:00Z", "2016-04-22T15:19:00+00:00"),
        ("2016-04-22T16:19:00+0100", "2016-04-22T16:19:00+01:00"),
        ("2016-04-22T16:19", "2016-04-22T16:19:00+01:00"),
        ("2016-04-22", "2016-04-22"),
    ],
)
def test_parse_iso(value: str, expected: str) -> None:
    parsed = parse_iso(value)
    assert parsed is not None and parsed.isoformat() == expected


def test_parse_iso_gives_moroccos_zone_back_to_moroccos_offset() -> None:
    # Same instant and same ISO text either way, but a time read from metadata must be the
    # same value as one the text rules build, whose zone is Africa/Casablanca.
    summer, utc = parse_iso("2022-06-08T14:20:00+01:00"), parse_iso("2022-06-08T13:20:00Z")
    assert isinstance(summer, datetime) and isinstance(utc, datetime)
    assert summer.tzinfo == casablanca() and summer.isoformat() == "2022-06-08T14:20:00+01:00"
    assert utc.tzinfo == timezone.utc and utc == summer
    # During Ramadan 2022 Morocco was on UTC+0: +01:00 is then not Morocco's offset.
    ramadan = parse_iso("2022-04-20T10:00:00+01:00")
    assert isinstance(ramadan, datetime) and ramadan.tzinfo != casablanca()
    assert ramadan.isoformat() == "2022-04-20T10:00:00+01:00"


def test_parse_iso_rejects_garbage() -> None:
    assert parse_iso("hier") is None and parse_iso("2016-13-45") is None


def test_parse_time() -> None:
    assert parse_time("10h00") == time(10, 0)
    assert parse_time(" 9h ") == time(9, 0)
    assert parse_time("20:05") == time(20, 5)
    assert parse_time("25h00") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Migration news April 25, 2022", "2022-04-25"),
        ("Posted 3rd Sept. 2019 in News", "2019-09-03"),
        ("أخبار الهجرة 14 مارس 2023", "2023-03-14"),
        ("أخبار ١٤ شتنبر ٢٠٢٣", "2023-09-14"),
        ("بتاريخ 2 دجنبر 2015", "2015-12-02"),
    ],
)
def test_english_and_arabic_dates_are_bare_days(text: str, expected: str) -> None:
    found = search_date(text)
    assert found is not None and found.value.isoformat() == expected


def test_overlapping_readings_keep_the_longest() -> None:
    found = list(find_dates("Le 3 mars 2016 à 10h00, puis March 4, 2016"))
    assert [d.value.isoformat() for d in found] == ["2016-03-03T10:00:00+00:00", "2016-03-04"]
