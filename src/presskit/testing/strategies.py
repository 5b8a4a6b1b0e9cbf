"""Hypothesis strategies that draw realistic French news articles.

The texts are made of everyday news French (elisions with ``’``, quotes between ``«`` and
``»`` with no-break spaces, numbers with a no-break space before ``%``), intertitles inside
the body, and publication moments spread over the years with a bias towards the days
Morocco changed its clock (summer time, and its suspension during Ramadan): the days
where a wrong offset shows.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import cache

from hypothesis import strategies as st

from presskit.article import Article, When
from presskit.dates import casablanca, local_datetime

__all__ = [
    "AGENCIES",
    "SECTIONS",
    "TAGS",
    "articles",
    "author_names",
    "clock_change_days",
    "intertitles",
    "moroccan_dates",
    "paragraphs",
    "sentences",
    "titles",
]

NBSP = "\u00a0"

PLACES = (
    "Tanger", "Casablanca", "Rabat", "Agadir", "Oujda", "Fès", "Marrakech", "Nador", "Liège",
    "Bruxelles", "Anvers", "Montpellier", "Utrecht", "Murcie", "Turin", "Lyon", "Dakhla", "Errachidia",
)  # fmt: skip
SUBJECTS = (
    "la commune", "l’association", "le consulat", "la fondation", "le ministère", "la région",
    "l’université", "le conseil", "l’agence", "la municipalité", "le port", "la direction",
    "l’office", "le comité d’organisation", "la wilaya", "l’ambassade",
)  # fmt: skip
VERBS = (
    "lance", "annonce", "prépare", "inaugure", "finance", "accueille", "soutient", "présente",
    "ouvre", "prolonge", "renforce", "organise", "étend", "réclame", "examine", "signe",
)  # fmt: skip
OBJECTS = (
    "un programme d’aide", "une campagne d’information", "un nouveau centre d’accueil",
    "des cours d’arabe", "une exposition", "un guichet unique", "des bourses d’études",
    "une ligne de bus", "un festival de musique", "un partenariat", "une permanence juridique",
    "un service de vélos partagés", "une bibliothèque itinérante", "des accords de coopération",
    "une enquête", "un plan d’urgence",
)  # fmt: skip
COMPLEMENTS = (
    "pour les Marocains du monde", "à destination des familles", "avant l’été",
    "dès la rentrée", "avec le soutien de la commune", "jusqu’à la fin de l’année",
    "en lien avec les autorités locales", "pour la troisième année consécutive",
    "malgré un budget réduit", "à la demande des habitants", "aujourd’hui",
)  # fmt: skip
SPEAKERS = ("explique Nadia", "précise le responsable", "assure la présidente", "confie un bénévole")
QUOTES = (
    "Nous voulions aider ceux qui arrivent sans rien",
    "C’est une première pour la région",
    "Les familles attendaient ce moment depuis longtemps",
    "Il reste beaucoup à faire",
)
GIVEN_NAMES = ("Nadia", "Karim", "Salma", "Youssef", "Yasmine", "Omar", "Samira", "Mehdi", "Leïla", "Hicham")
FAMILY_NAMES = (
    "Alami", "Bennani", "El Idrissi", "Tazi", "Benali", "El Amrani", "Ouazzani", "Bennis", "Chraïbi",
    "Lahlou",
)  # fmt: skip
INTERTITLE_WORDS = (
    ("Un", "Une", "Des", "Le", "La", "Les"),
    ("accueil", "bilan", "succès", "chantier", "budget", "rendez-vous", "public", "calendrier"),
    ("renforcé", "d’étape", "attendu", "record", "prometteur", "serré", "annuel", "inédit"),
)
SECTIONS = ("Société", "Economie", "Monde", "Culture", "Politique", "Sport", "Régions", "Nation")
"""Section names the strategies draw from (renderers map them to their outlet's)."""

TAGS = (
    "MRE", "Belgique", "France", "Italie", "Espagne", "Étudiants", "Consulat", "Opération Marhaba",
    "Culture", "Transport", "Santé", "Emploi", "Tanger", "Casablanca",
)  # fmt: skip
"""Keywords the strategies draw tags from."""

AGENCIES = ("MAP", "AFP", "Reuters", "EFE")
"""Agencies credited as an article's source."""

FIRST_YEAR, LAST_YEAR = 2008, 2025


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One sentence of news French, ending in a full stop (or in ``»`` for a quote)."""
    kind = draw(st.sampled_from(("plain", "plain", "figure", "quote")))
    subject = draw(st.sampled_from(SUBJECTS))
    core = f"{subject} de {draw(st.sampled_from(PLACES))} {draw(st.sampled_from(VERBS))} "
    core += draw(st.sampled_from(OBJECTS))
    if kind == "quote":
        quote = draw(st.sampled_from(QUOTES))
        return f"«{NBSP}{quote}{NBSP}», {draw(st.sampled_from(SPEAKERS))}, et {core}."
    if kind == "figure":
        share = draw(st.integers(2, 95))
        return _capitalised(f"{core}, soit une hausse de {share}{NBSP}% en un an.")
    return _capitalised(f"{core} {draw(st.sampled_from(COMPLEMENTS))}.")


@st.composite
def titles(draw: st.DrawFn) -> str:
    """A headline: ``<Place> : <what happens>`` or a plain sentence without final stop."""
    what = (
        f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(VERBS))} {draw(st.sampled_from(OBJECTS))}"
    )
    if draw(st.booleans()):
        return f"{draw(st.sampled_from(PLACES))}{NBSP}: {what}"
    return _capitalised(f"{what} à {draw(st.sampled_from(PLACES))}")


def intertitles() -> st.SearchStrategy[str]:
    """A short intertitle (``Un bilan d’étape``): no final punctuation."""
    return st.tuples(*(st.sampled_from(words) for words in INTERTITLE_WORDS)).map(" ".join)


@st.composite
def paragraphs(draw: st.DrawFn, *, min_size: int = 2, max_size: int = 8) -> tuple[str, ...]:
    """Body paragraphs of one to three sentences, with intertitles inside (never first or last)."""
    count = draw(st.integers(min_size, max_size))
    body: list[str] = []
    for index in range(count):
        inside = 0 < index < count - 1 and not body[-1][-1:].isalpha()
        if inside and draw(st.integers(0, 4)) == 0:
            intertitle = draw(intertitles())
            if intertitle not in body:
                body.append(intertitle)
                continue
        # Real pages never repeat a paragraph; outlets may rightly drop a repeated one.
        fresh = st.lists(sentences(), min_size=1, max_size=3, unique=True).map(" ".join)
        body.append(draw(fresh.filter(lambda text: text not in body)))
    return tuple(body)


def author_names() -> st.SearchStrategy[str]:
    """A by-line name (``Salma Bennani``)."""
    return st.builds(lambda a, b: f"{a} {b}", st.sampled_from(GIVEN_NAMES), st.sampled_from(FAMILY_NAMES))


@cache
def clock_change_days() -> tuple[date, ...]:
    """Days on which Africa/Casablanca changed its UTC offset (summer time, Ramadan), 2008-2025."""
    zone, days = casablanca(), []
    day = date(FIRST_YEAR, 1, 1)
    previous = datetime.combine(day, datetime.min.time(), tzinfo=zone).utcoffset()
    while day.year <= LAST_YEAR:
        day += timedelta(days=1)
        offset = datetime.combine(day, datetime.min.time(), tzinfo=zone).utcoffset()
        if offset != previous:
            days.append(day - timedelta(days=1))  # the change happens during the day before
        previous = offset
    return tuple(days)


def _exists(moment: datetime) -> bool:
    """False for a wall time skipped by a clock change (no page can show it)."""
    back = moment.astimezone(timezone.utc).astimezone(casablanca())
    return (back.hour, back.minute) == (moment.hour, moment.minute)


def moroccan_dates(*, times: bool = True) -> st.SearchStrategy[When]:
    """Publication moments from 2008 to 2025: aware Africa/Casablanca datetimes (whole minutes),
    one in three on or next to a day the clock changed; dates without time when ``times`` is False."""
    any_day = st.dates(date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31))
    near_change = st.tuples(st.sampled_from(clock_change_days()), st.integers(-1, 1)).map(
        lambda pair: pair[0] + timedelta(days=pair[1])
    )
    days = st.one_of(any_day, any_day, near_change)
    if not times:
        return days
    moments = st.builds(local_datetime, days, st.integers(0, 23), st.integers(0, 59))
    return moments.filter(_exists)


@st.composite
def articles(draw: st.DrawFn, *, outlet: str = "example", language: str = "fr") -> Article:
    """A realistic French news Article: title, lead, body with intertitles, date, authors,
    section, tags and credited source, each optional where real articles may lack it.

    Renderers then fit it to what their outlet's template can carry
    (:meth:`~presskit.testing.Renderer.fit`).
    """
    published = draw(st.one_of(moroccan_dates(), moroccan_dates(), moroccan_dates(times=False), st.none()))
    body = draw(paragraphs())
    lead = draw(st.one_of(st.none(), sentences().filter(lambda text: text not in body)))
    return Article(
        outlet=outlet,
        title=draw(titles()),
        lead=lead,
        paragraphs=body,
        published=published,
        authors=draw(st.lists(author_names(), max_size=2, unique=True)),
        section=draw(st.one_of(st.none(), st.sampled_from(SECTIONS))),
        tags=draw(st.lists(st.sampled_from(TAGS), max_size=4, unique=True)),
        source=draw(st.one_of(st.none(), st.sampled_from(AGENCIES))),
        language=language,
    )
