"""Le360 text dumps: the line parser shared by dumps and HTML pages.

Site rules below come from ``outlets.md`` (Le360 section) and from the rendered
template of article pages; each rule says where it comes from. Both templates
share the date line ``Le DD/MM/YYYY à HHhMM``, which anchors the whole parse:
the header (title, caption, chapeau, byline) sits just above it, the body
follows it until an end marker (the repeated date line of Drupal pages, the
Arc comment block, the tags, related lists, footers). The HTML path
(:mod:`presskit_le360.html`) reuses the body and byline rules, so that a page
and its dump give the same record.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache, reduce
from itertools import compress
from operator import or_
from urllib.parse import urlsplit

import attrs

from presskit import Article, Document, ExtractionError, Image, Link, NotAnArticle, Outlet
from presskit.article import When
from presskit.dates import parse_date, search_date
from presskit.text import LoosePhrase, clean, fold, is_bullet

# -- site data ---------------------------------------------------------------------------

# The date line of both templates, outlets.md [solid]; the update clause is [guess].
_STAMP = r"\d{1,2}/\d{1,2}/\d{4}(?:\s*à\s*\d{1,2}\s?h\s?\d{0,2})?"
UPDATED_LINE = re.compile(
    rf"^(?:Mis|Mise|Modifié)e?\s+à\s+jour\s*(?:le\s+|:\s*)(?P<updated>{_STAMP})\.?$", re.I
)
DATE_LINE = re.compile(
    rf"^(?:Publié\s+)?Le\s+(?P<published>{_STAMP})\s*"
    rf"(?:[,(–-]?\s*(?:mis|mise|modifié)\s+à\s+jour\s+(?:le\s+)?(?P<updated>{_STAMP})\s*\)?)?\.?$",
    re.I,
)

# Overline words (the section shown above the headline). Arc dumps may glue one to the
# chapeau ("ChroniquePour la ..."): only these words are split off, and only when an
# uppercase letter follows directly. outlets.md [solid] for the first twelve, [guess] after.
OVERLINES = (
    "Revue de presse", "Chronique", "Vidéo", "Tribune", "Edito", "Politique", "Economie",
    "Société", "Monde", "Culture", "Sport", "Médias",
    "Chroniques", "Vidéos", "Édito", "Économie", "Afrique", "People", "Lifestyle",
)  # fmt: skip
_OVERLINE_KEYS = {fold(word): word for word in reversed(OVERLINES)}  # first spelling wins
GLUED_OVERLINE = re.compile(
    "^(?P<section>" + "|".join(re.escape(w) for w in sorted(OVERLINES, key=len, reverse=True)) + ")"
    r"(?P<rest>\S.*)$"
)
VIDEO_SECTIONS = ("Vidéo", "Vidéos")
# A chapeau may open on a quotation as well as on a capital ("Société« Nous voulions… »").
GLUED_QUOTES = ("«", "“", '"')

# URL section slugs with a display name we are sure of (the overline of the same pages);
# other slugs leave the section empty rather than guess a spelling. outlets.md [solid].
URL_SECTION = re.compile(r"^/(?:fr/)?(?P<slug>[a-z][a-z-]*)/[^/?]+?(?:-\d+|_[A-Za-z0-9]{20,32})/?$")
SECTION_SLUGS = {
    "politique": "Politique", "economie": "Economie", "societe": "Société", "monde": "Monde",
    "culture": "Culture", "sport": "Sport", "sports": "Sport", "medias": "Médias",
}  # fmt: skip

# Image captions and credits: "DR" alone, "© Copyright : X" (Drupal, outlets.md [solid]),
# "Crédit photo : X", or a caption ending in a DR credit [probable].
CREDIT = re.compile(
    r"^(?:©\s*(?:Copyright\s*:?)?|Copyright\s*:|Cr[ée]dits?\s*(?:photos?)?\s*:|Photos?\s*:)\s*(?P<credit>.+)$",
    re.I,
)
_DR_ENDINGS = ("DR", "DR)", "D.R", "D.R.")  # how a line crediting DR ends
DR_ONLY = re.compile(r"^(?:©\s*)?(?:DR|D\.R\.?)$")
CAPTION_WITH_DR = re.compile(r"^(?P<caption>.{3,250}?)(?:[.,/–-]\s*|\s+©\s*|\s*\()(?:©\s*)?DR\)?$")
# A caption with its credit on the same line: "Le wali de Tanger. © Copyright : MAP" [probable].
CAPTION_WITH_CREDIT = re.compile(
    r"^(?P<caption>[^©]{3,300}?)[\s.,]*©\s*(?:Copyright\s*:?\s*)?(?P<credit>[^©]{1,80})$", re.I
)
# A short line crediting a photo rather than titling an article [probable].
CREDIT_WORDS = re.compile(r"\bLe ?360\b|\bMAP\b|\bAFP\b|\bArchives?\b|\bDR\b|\s/\s|\w/\w")
# A site footer's copyright line, not an image credit: a year or a rights statement.
FOOTER_COPYRIGHT = re.compile(r"©.*(?:\b(?:19|20)\d\d\b|droits|rights)", re.I)

# Byline: "Par X", "Par X et Y", "Par Le360 (avec MAP)"; outlets.md [solid] for "Par <Name>",
# the agency suffix is [probable].
AUTHOR_LINE = re.compile(
    r"^Par\s*:?\s+(?P<names>.+?)\s*(?:\(\s*avec\s+(?P<agency>[^)]+?)\s*\)|,?\s+avec\s+(?P<agency2>[^\s,]+))?$"
)
NAME_SPLIT = re.compile(r"\s*,\s*|\s+et\s+|\s*&\s*")
# A byline and the date on one line: "Par Nadia Alami - Le 01/03/2021 à 10h30" [guess].
BYLINE_AND_DATE = re.compile(r"^(?P<byline>Par\s.+?)\s*[-–|,]?\s*(?P<date>Le\s+\d{1,2}/\d{1,2}/\d{4}.*)$")
HOUSE_BYLINES = ("La rédaction", "Rédaction")  # [probable] unsigned house bylines
NAME_PARTICLES = {"de", "du", "des", "el", "al", "ben", "bent", "ibn", "ould", "la", "le", "van", "von", "da"}

# Credit lines at the end of the body. outlets.md [solid] for the press-review sentence.
PRESS_REVIEW = re.compile(
    r"(?:^|(?<=[.!?»]\s))Cet article est une revue de presse tir[ée]e\s+(?P<rest>.+)$", re.I
)
# A line holding PRESS_REVIEW holds these words (with the same flags): a cheaper test
# first. Its case-insensitive letters up to "p" match only their ASCII capital besides
# themselves (s and i also match "ſ", "ı" and "İ"), so the lower-cased line holds
# _REVIEW_OPENING wherever the pattern matches: a substring test rules most lines out.
_REVIEW_WORDS = re.compile("revue de presse tir", re.I)
_REVIEW_OPENING = "revue de p"
# "tirée du quotidien X" credits X; "tirée du Matin" credits "Le Matin" (du = de + le).
PAPER_PREFIX = re.compile(
    r"^(?P<article>de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|d['’])"
    r"(?P<kind>(?:quotidien|journal|hebdomadaire|bi-hebdomadaire|magazine|mensuel|revue|site|portail)\s+(?=(?-i:[A-ZÀ-Ý0-9])))?",
    re.I,
)
PAPER_ARTICLES = {"de l'": "L’", "de l’": "L’", "de la ": "La ", "du ": "Le ", "des ": "Les "}
SOURCE_LINE = re.compile(r"^Sources?\s*:\s*(?P<source>.+?)\.?$", re.I)
AGENCY_LINE = re.compile(r"^\(?\s*Avec\s+(?P<source>MAP|AFP|Reuters|AP|EFE|Anadolu|DPA|APS|Xinhua)\s*\)?\.?$")

# Tags under Arc articles are "#Word" links (outlets.md [solid]); one per line or one line.
TAG = re.compile(r"^#(?P<tag>[^\s#.:!?][^#.:!?]{0,59})$")
# "Lire aussi : <title>" links inside the body [probable].
READ_ALSO = re.compile(
    r"^(?:»\s*)?(?:[AÀ]\s+)?(?:lire|voir)\s+(?:aussi|également)\s*[:\-–—]?\s*(?P<title>.*)$", re.I
)
_READ_ALSO_FIRSTS = "»AaÀàLlVv"  # the characters a READ_ALSO line opens on

# Lines that end the body, compared folded (lower case, no accents, ' for ’).
# The comment block is outlets.md [solid]; related headings and footers are [probable]
# (usual French, English and Arabic footer labels).
END_PREFIXES = (
    "bienvenue dans l'espace commentaire", "ajouter un commentaire", "laisser un commentaire",
    "vos commentaires", "commentaires (", "articles lies", "sur le meme sujet", "les plus lus",
    "plus d'articles", "derniers articles", "dernieres actualites", "dernieres infos",
    "tous droits reserves", "all rights reserved", "qui sommes-nous", "qui sommes nous",
    "mentions legales", "conditions generales", "politique de confidentialite", "contactez-nous",
    "nous contacter", "abonnez-vous a notre newsletter", "inscrivez-vous a notre newsletter",
    "recevez notre newsletter", "inscrivez-vous a la newsletter", "telechargez l'application",
    "telecharger l'application", "telechargez notre application", "suivez-nous", "retrouvez-nous",
    "articles similaires", "dans la meme rubrique", "vous aimerez aussi", "les plus commentes",
    "les plus partages", "follow us", "about us", "contact us", "privacy policy", "terms of use",
    "subscribe to our newsletter", "download the app", "جميع الحقوق محفوظة", "من نحن",
    "اتصل بنا", "تابعونا", "النشرة الإخبارية", "سياسة الخصوصية",
)  # fmt: skip
END_EXACT = ("commentaires", "contact", "a la une", "nos videos")
# The end prefixes by first character: one short startswith() per line instead of fifty.
_END_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _prefix in END_PREFIXES:
    _END_BY_FIRST[_prefix[0]] = (*_END_BY_FIRST.get(_prefix[0], ()), _prefix)

# Page chrome dropped wherever it stands: logo, popups, share bars, language switch.
NOISE_EXACT = {
    "x", "×", "fermer", "menu", "rechercher", "recherche", "accueil", "le360", "le 360",
    "le360.ma", "العربية", "francais", "fr", "ar", "en direct", "live", "newsletter",
    "publicite", "advertisement", "pub", "partager", "partagez", "partager cet article",
    "partager sur facebook", "partager sur twitter", "facebook", "twitter", "x (twitter)",
    "whatsapp", "linkedin", "telegram", "e-mail", "email", "imprimer", "copier le lien",
    "lien copie", "s'abonner", "se connecter", "connexion", "accepter", "tout accepter",
    "refuser", "j'accepte", "retour en haut",
}  # fmt: skip
NOISE = re.compile(r"^(?:(?:le ?360)+(?:\.ma)?|(?:nous utilisons|ce site utilise) des cookies.*)$", re.I)
SHARE_BAR = re.compile(
    r"^(?:(?:partager(?: sur)?|facebook|twitter|x|whatsapp|linkedin|telegram|messenger|e-?mail|imprimer"
    r"|copier le lien)\s*[|•·,]?\s*){2,}$"
)
# How the key of a line matched by NOISE or SHARE_BAR opens: testing it first spares two
# pattern calls on every line of the body.
_NOISE_OPENINGS = ("le3", "le 3", "nous ", "ce ")
_SHARE_OPENINGS = (
    "partager", "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "messenger", "e-mail",
    "email", "imprimer", "copier le lien",
)  # fmt: skip
_BULLET_SIGNS = "•◦▪‣"  # is_bullet(): a line opening on one of these or on a space
BREADCRUMB = re.compile(r"^Accueil\s*[»>/|›]\s*(?P<trail>.+)$", re.I)

# Teaser pages and stray teasers: a teaser text ends with an ellipsis or a "read more".
TEASER_END = ("...", "…")
READ_MORE = re.compile(r"^(?:lire la suite|suite|lire plus|en savoir plus)\s*(?:»|>|…|\.\.\.)?$", re.I)

HEADER_SPAN = 8  # the header (overline, title, caption, credit, chapeau, byline) is short
PROSE_MIN = 80  # a body paragraph: this long and ending like a sentence
BRIEF_MIN = 30  # a paragraph of a brief, when an end marker closes the body
LEAD_END = (".", "…", "»", '"', "”")  # a chapeau ends like a sentence; a title seldom does
ARABIC_CHAR = re.compile(r"[\u0600-\u06ff]")  # more Arabic than Latin: the Arabic edition
LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
SENTENCE_END = (".", "!", "?", "…", "»", '"', "”", ")")

# -- detection -----------------------------------------------------------------------------
#
# Every outlet scores every document, so detection reads the raw text with searches that
# run in C (substring tests, literal-led patterns) and cleans only the few lines they point
# at: the document is never folded nor cleaned whole, and no Python loop walks its lines.

# Every date line holds a "DD/MM/YYYY" stamp; its "/MM/YYYY" part opens on a literal, which
# the regex engine finds fast, while a pattern opening on a digit class is tried everywhere.
_STAMP_HINT = re.compile(r"/\d{1,2}/\d{4}")
# Phrases of the template (outlets.md [solid], Kiosque360 [probable]) found whatever their
# case, accents, apostrophes and spacing, around a key word as rendered: as written (title
# or lower case), or in capitals (a heading styled upper-case is dumped so). The capitals
# words both hold a "V": a capital V is rare in French text and a one-character search runs
# far faster than a word search, so the capitals words are sought only at the few V's.
_COMMENTS = "Bienvenue dans l’espace commentaire"
_PRESS_REVIEW = "Cet article est une revue de presse tirée"
_CAPITAL = "V"


def _phrase(phrase: str, anchor: str) -> LoosePhrase:
    """``phrase`` sought around ``anchor`` (a word of it) alone, as given."""
    return attrs.evolve(LoosePhrase.of(phrase, anchor.lower()), anchors=(anchor,))


# (phrase around its word as written, the same around a word in capitals, score added)
_PHRASE_SCORES = (
    (_phrase(_COMMENTS, "ienvenue"), _phrase(_COMMENTS, "IENVENUE"), 0.35),
    (_phrase(_PRESS_REVIEW, "presse"), _phrase(_PRESS_REVIEW, "REVUE"), 0.2),
)
# "360": the regex engine finds it faster than a substring test does (its digits are rare).
# Both "Kiosque360" (the brand of the press review) and a "Par Le360" byline hold it, so
# they are sought around its few occurrences rather than each over the whole page.
_BRAND_DIGITS = re.compile("360")
_KIOSQUE = LoosePhrase.of("Kiosque360", "iosque")  # as rendered: title case or capitals
_KIOSQUE_REACH = _KIOSQUE.before + _KIOSQUE.after  # the longest match found_in can find
_KIOSQUE_SCORE = 0.15
# A line opening on an overline word, for the glued overline (told by _split_overline).
# The pattern opens on the newline, a literal the engine finds fast, and branches on the
# words' first letter; the words are also given decomposed, as clean() would compose them.
_OVERLINE_FORMS: dict[str, list[str]] = {}
for _form in dict.fromkeys(f for w in OVERLINES for f in (w, unicodedata.normalize("NFD", w))):
    _OVERLINE_FORMS.setdefault(_form[0], []).append(re.escape(_form[1:]).replace(r"\ ", r"[^\S\n]+"))
_OVERLINE_WORDS = "|".join(f"{re.escape(k)}(?:{'|'.join(v)})" for k, v in _OVERLINE_FORMS.items())
_OVERLINE_FIRST = re.compile(rf"[^\S\n]*(?:{_OVERLINE_WORDS})")
_OVERLINE_NEXT = re.compile(rf"\n[^\S\n]*(?:{_OVERLINE_WORDS})")
# The overline sits in the header, after the site's menus: within the first 60 non-blank
# lines, whose end this pattern finds (one repetition per whole line with its newline, so
# that no repetition can split a line and the engine never backtracks).
_OVERLINE_LINES = 60
_FIRST_LINES = re.compile(rf"(?:\s*\S[^\n]*(?:\n|\Z)){{{_OVERLINE_LINES}}}")


def score_text(document: Document) -> float:
    """Confidence that a text dump is a Le360 page, from the template's line shapes."""
    text = document.text
    if "\r" in text:  # lines end at \r\n, \n or \r, as in Document.lines
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    score = 0.0
    dated = _date_lines(text) if "/" in text else []
    if dated:
        score += 0.5
        stamps = [stamp for _, stamp in dated]
        if len(stamps) >= 2 and stamps[0] in stamps[1:]:
            score += 0.3  # Drupal repeats the article's date line at the end
        if any(_between_header_and_body(text, start, end) for (start, end), _ in dated):
            score += 0.2
    capitals: list[int] | None = None  # the positions of every capital V, found if needed
    for written, in_capitals, weight in _PHRASE_SCORES:
        if score >= 1.0:
            return 1.0
        if written.found_in(text):
            score += weight
            continue
        capitals = _positions(text, _CAPITAL) if capitals is None else capitals
        if _found_at(in_capitals, text, _CAPITAL, capitals):
            score += weight
    if score >= 1.0:
        return 1.0
    brands = _brand_positions(text)
    if any(_kiosque_at(text, at) for at in brands):
        score += _KIOSQUE_SCORE
    if any("© Copyright :" in line for line in _lines_with(text, "©")):  # "©" is rare: fast
        score += 0.15
    if score < 1.0 and brands and any(AUTHOR_LINE.match(line) for line in _brand_lines(text, brands)):
        score += 0.15
    if score < 1.0 and _overline_on_top(text):
        score += 0.1
    return min(score, 1.0)


def _line_at(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the line holding position ``at``, its newline excluded."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _date_lines(text: str) -> list[tuple[tuple[int, int], str]]:
    """((start, end), date part) of every date line, in order (see _date_part)."""
    found: list[tuple[tuple[int, int], str]] = []
    hint = _STAMP_HINT.search(text)
    while hint is not None:
        start, end = _line_at(text, hint.start())
        stamp = _date_part(clean(text[start:end]))
        if stamp:
            found.append(((start, end), stamp))
        hint = _STAMP_HINT.search(text, end)
    return found


def _lines_with(text: str, literal: str) -> list[str]:
    """The cleaned lines holding ``literal``, in order, each once."""
    lines: list[str] = []
    at = text.find(literal)
    while at >= 0:
        start, end = _line_at(text, at)
        lines.append(clean(text[start:end]))
        at = text.find(literal, end)
    return lines


def _positions(text: str, char: str) -> list[int]:
    """The positions of ``char`` in ``text``, in order."""
    found: list[int] = []
    at = text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


def _brand_positions(text: str) -> list[int]:
    """The positions of every "360" in ``text`` (searching again after each is faster
    than finditer, and most pages hold none)."""
    found: list[int] = []
    digits = _BRAND_DIGITS.search(text)
    while digits is not None:
        found.append(digits.start())
        digits = _BRAND_DIGITS.search(text, digits.end())
    return found


def _found_at(phrase: LoosePhrase, text: str, char: str, positions: list[int]) -> bool:
    """phrase.found_in(text), for an anchor holding ``char``, which is found at
    ``positions`` (every one of them): the anchor is checked there, not sought."""
    anchor = phrase.anchors[0]
    offset = anchor.index(char)
    for position in positions:
        at = position - offset
        if at < 0 or not text.startswith(anchor, at):
            continue
        if phrase.pattern.search(text, max(at - phrase.before, 0), min(at + phrase.after, len(text))):
            return True
    return False


def _kiosque_at(text: str, at: int) -> bool:
    """Whether the "360" at ``at`` closes a "Kiosque360" that _KIOSQUE.found_in finds:
    one lying within reach of an anchor (found_in searches each anchor's surroundings)."""
    end = at + 3
    for found in _KIOSQUE.pattern.finditer(text, max(end - _KIOSQUE_REACH, 0), end):
        if found.end() == end:
            # The anchors whose surroundings hold the match start in first:last.
            first, last = max(end - _KIOSQUE.after, 0), found.start() + _KIOSQUE.before
            return any(text.find(anchor, first, last + len(anchor)) >= 0 for anchor in _KIOSQUE.anchors)
    return False


def _brand_lines(text: str, brands: list[int]) -> list[str]:
    """The cleaned lines holding "Le360", in order, each once; ``brands`` are the
    positions of every "360" of ``text``."""
    lines: list[str] = []
    end = -1  # the end of the last line taken
    for at in brands:
        if at > end and text.startswith("Le", at - 2):
            start, end = _line_at(text, at)
            lines.append(clean(text[start:end]))
    return lines


def _between_header_and_body(text: str, start: int, end: int) -> bool:
    """The template's shape around the date line text[start:end]: chapeau or byline
    just above, body text among the next three lines (an update stamp or a caption
    may come first). Blank lines do not count."""
    above = _non_blank_before(text, start)
    if above is None:
        return False
    below = _non_blank_after(text, end, 3)
    return (_is_prose(above) or _byline(above) is not None) and any(map(_is_prose, below))


def _non_blank_before(text: str, start: int) -> str | None:
    """The cleaned last non-blank line before the line starting at ``start``, or None."""
    while start > 0:
        end, start = start - 1, text.rfind("\n", 0, start - 1) + 1
        if text[start:end].strip():
            return clean(text[start:end])
    return None


def _non_blank_after(text: str, end: int, count: int) -> list[str]:
    """The cleaned first ``count`` non-blank lines after the line ending at ``end``."""
    lines: list[str] = []
    while len(lines) < count and end < len(text):
        start, end = _line_at(text, end + 1)
        if text[start:end].strip():
            lines.append(clean(text[start:end]))
    return lines


def _overline_on_top(text: str) -> bool:
    """A glued overline ("ChroniquePour la …") among the first non-blank lines."""
    found = _OVERLINE_FIRST.match(text) or _OVERLINE_NEXT.search(text)
    stop: int | None = None  # the end of the first lines, found only if a word is
    while found is not None:
        if stop is None:
            top = _FIRST_LINES.match(text)
            stop = top.end() if top else len(text)
        if found.end() > stop:
            return False
        start, end = _line_at(text, found.end() - 1)
        if _split_overline(clean(text[start:end]))[0]:
            return True
        found = _OVERLINE_NEXT.search(text, end)
    return False


def _date_part(line: str) -> str | None:
    """The date line, alone or after a byline on the same line, or None."""
    if DATE_LINE.match(line):
        return line
    joined = BYLINE_AND_DATE.match(line)
    return joined["date"] if joined and DATE_LINE.match(joined["date"]) else None


# -- extraction parts ----------------------------------------------------------------------


@attrs.define
class _Parts:
    """What the extraction has found so far (mutable while parsing, then an Article)."""

    title: str | None = None
    lead: str | None = None
    section: str | None = None
    published: When | None = None
    updated: When | None = None
    authors: list[str] = attrs.Factory(list)
    source: str | None = None
    source_published: When | None = None
    tags: list[str] = attrs.Factory(list)
    images: list[Image] = attrs.Factory(list)
    related: list[Link] = attrs.Factory(list)


def _key(line: str) -> str:
    """A folded comparison key (apostrophes unified). A line's classes are memoised (see
    _kind), so its key is seldom asked for twice: fold()'s own memo is enough."""
    return fold(line).replace("’", "'")


# Lines up to a long paragraph's length are memoised (see _kind); longer ones would
# fill memory for little.
_LINE_MEMO_LENGTH = 1000


def _is_noise(line: str, key: str | None = None) -> bool:
    """Page chrome; ``key`` is the line's _key, or its _head_key, when the caller has it."""
    key = _key(line) if key is None else key
    return (
        key in NOISE_EXACT
        or (key.startswith(_NOISE_OPENINGS) and NOISE.match(line) is not None)
        or (key.startswith(_SHARE_OPENINGS) and SHARE_BAR.match(_key(line)) is not None)  # the whole key
    )


def _content_lines(document: Document, parts: _Parts) -> tuple[list[str], list[int], list[int]]:
    """Cleaned non-blank lines without menus and page chrome (breadcrumbs give the
    section), their classes (see _classify), and the indexes of those that end a body
    (see _ends_body), in one pass."""
    out: list[str] = []
    kinds: list[int] = []
    stops: list[int] = []
    for raw in document.lines:
        if not raw:
            continue
        line, kind = _dump_line_memo(raw) if len(raw) <= _LINE_MEMO_LENGTH else _read_dump_line(raw)
        if not kind & _NOT_PLAIN:  # most lines: kept, and ending nothing
            out.append(line)
            kinds.append(kind)
            continue
        if kind & _DROPPED:
            if kind & _CRUMB:  # a breadcrumb comes before the chrome ("Accueil" is both)
                crumb = BREADCRUMB.match(line)
                assert crumb is not None
                parts.section = parts.section or _breadcrumb_section(crumb["trail"])
            continue
        if kind & _JOINED:
            joined = _joined(line)
            assert joined is not None
            if _ends_body(joined["byline"]):
                stops.append(len(out))
            stops.append(len(out) + 1)  # the date line
            out.extend((joined["byline"], joined["date"]))
            kinds.extend((_kind(joined["byline"]), _kind(joined["date"])))
            continue
        if kind & _ENDS_BODY:
            stops.append(len(out))
        out.append(line)
        kinds.append(kind)
    return out, kinds, stops


# -- line classes ----------------------------------------------------------------------------
#
# Every rule above tests a line for what it could be. A line's classes depend on its text
# only, and the same lines recur (menus, footers, captions, every rule reading the body
# again), so each distinct line is classified once, in one function, into bits; the
# passes over the body then skip a rule whose bit no line of the body carries.

_NOISE = 1 << 0  # page chrome (_is_noise), or a menu item of a dump
_CRUMB = 1 << 1  # a breadcrumb (BREADCRUMB): it gives the section
_JOINED = 1 << 2  # a byline and the date line on one line (BYLINE_AND_DATE)
_DATE = 1 << 3  # a date line (_is_date_line)
_END = 1 << 4  # an end marker (_is_end)
_TAG = 1 << 5  # a tag line (_tags_of)
_IMAGE = 1 << 6  # what _take_images reads: a credit line, a DR ending or a "©"
_READ_ALSO = 1 << 7  # a "Lire aussi" line (READ_ALSO)
_REVIEW = 1 << 8  # the words of the press-review sentence (tried by _take_credits)
_READ_MORE = 1 << 9  # a "Lire la suite" line (READ_MORE)
_EMPTY = 1 << 10  # an empty line, which _take_credits drops
_PROSE = 1 << 11  # a paragraph (_is_prose)
_BRIEF = 1 << 12  # a paragraph of a brief (_is_brief_prose)
_CREDIT = 1 << 13  # a credit line (_is_credit), never a paragraph
_OVERLINE = 1 << 14  # an overline word, alone or glued to a line (_split_overline)
_DROPPED = _NOISE | _CRUMB  # lines _content_lines leaves out
_ENDS_BODY = _DATE | _END | _TAG  # what _ends_body tells
_NOT_PLAIN = _DROPPED | _JOINED | _ENDS_BODY  # lines _content_lines does more than keep


# The tests of a line's key: exact keys and key prefixes. Folding (clean() included) goes
# character by character, but for a space at the cut, which the head's key drops, and a
# Greek sigma, whose case depends on the next letter (no test holds one): so the key of a
# line's head opens the line's key, and tells the tests what the whole key would, at a
# fraction of the cost on a paragraph. First the key of the opening characters is checked
# against the tests' openings (most body lines pass none), then, for a long line, the key
# of a head longer than any test stands for the whole key.
_KEY_TESTS = (*NOISE_EXACT, *END_EXACT, *END_PREFIXES, *_OVERLINE_KEYS, *_NOISE_OPENINGS, *_SHARE_OPENINGS)
_KEY_REACH = max(map(len, _KEY_TESTS))  # characters of a key the tests read, at most
_KEY_HEAD = 2 * _KEY_REACH  # characters of a long line folded for its head key
_OPENING = 6
_TEST_OPENINGS = frozenset(test[:_OPENING] for test in _KEY_TESTS if len(test) >= _OPENING)
_SHORT_TESTS = tuple(test for test in _KEY_TESTS if len(test) < _OPENING)


def _head_key(line: str) -> str:
    """What the key tests need of the line's key: "" (which passes none) when its
    opening rules them all out, else the key of its first _KEY_HEAD characters if
    longer than _KEY_REACH, else the whole key."""
    if len(line) > _OPENING + 1:
        # The last character of a head's key may differ from the whole key's: one more.
        opening = _key(line[: _OPENING + 2])
        if len(opening) > _OPENING and not (
            opening[:_OPENING] in _TEST_OPENINGS or opening.startswith(_SHORT_TESTS)
        ):
            return ""
    if len(line) <= _KEY_HEAD:
        return _key(line)
    head = _key(line[:_KEY_HEAD])
    return head if len(head) > _KEY_REACH else _key(line)


def _classify(line: str) -> int:
    """The classes of a cleaned line (bits above). Every distinct line of every page
    comes here once: each rule's cheap literal test (first character, "/", length)
    comes before its function or pattern."""
    if not line:
        return _EMPTY
    key = _head_key(line)
    first = line[0]
    kind = _CRUMB if first in "aA" and BREADCRUMB.match(line) else 0
    # An empty key passes no key test (see _head_key): chrome needs one, and an end
    # marker needs one or a "©" (a footer's copyright line).
    if key and _is_noise(line, key):
        kind |= _NOISE
    if "/" in line:
        if first == "P" and _joined(line) is not None:
            kind |= _JOINED
        if DATE_LINE.match(line):  # _is_date_line
            kind |= _DATE
    if (key or first == "©") and _is_end(line, key):
        kind |= _END
    if first == "#" and _tags_of(line) is not None:
        kind |= _TAG
    if first in "©CcPp" and CREDIT.match(line):  # _is_credit
        kind |= _CREDIT | _IMAGE
    elif line.endswith(_DR_ENDINGS) or "©" in line:
        kind |= _IMAGE
    if first in _READ_ALSO_FIRSTS and READ_ALSO.match(line):  # _read_also
        kind |= _READ_ALSO
    if _REVIEW_OPENING in line.lower() and _REVIEW_WORDS.search(line):
        kind |= _REVIEW
    if first in "lLsSeE" and READ_MORE.match(line):
        kind |= _READ_MORE
    if line.endswith(SENTENCE_END):  # _is_prose, _is_brief_prose
        if len(line) >= PROSE_MIN:
            kind |= _PROSE
        if len(line) >= BRIEF_MIN and " " in line:
            kind |= _BRIEF
    if key in _OVERLINE_KEYS or (line.startswith(OVERLINES) and _split_overline(line)[0]):
        kind |= _OVERLINE  # (keys hold no apostrophe: the same as fold(line) in _OVERLINE_KEYS)
    return kind


def _joined(line: str) -> re.Match[str] | None:
    """BYLINE_AND_DATE's match when its date part is a date line, else None."""
    joined = BYLINE_AND_DATE.match(line) if line.startswith("Par") and "/" in line else None
    return joined if joined and DATE_LINE.match(joined["date"]) else None


def _kind(line: str) -> int:
    """_classify(line), memoised for lines up to a paragraph's length."""
    return _kind_memo(line) if len(line) <= _LINE_MEMO_LENGTH else _classify(line)


_kind_memo = lru_cache(maxsize=1 << 14)(_classify)


def _kinds(lines: list[str]) -> list[int]:
    """[_kind(line) for line in lines], without a Python call per line when none is
    longer than the memoised ones."""
    if max(map(len, lines), default=0) <= _LINE_MEMO_LENGTH:
        return list(map(_kind_memo, lines))
    return list(map(_kind, lines))


def _union(kinds: Iterable[int]) -> int:
    """Every class of some line: the bits of ``kinds`` together. A body's lines carry a few
    distinct values only, so OR-ing those (a set built in C) beats OR-ing every line's."""
    return reduce(or_, set(kinds), 0)


def _read_dump_line(raw: str) -> tuple[str, int]:
    """A raw dump line cleaned (a bullet's item without its bullet) and its classes;
    blank lines and menu items are classed _NOISE. Memoised below: menus, footers and
    captions recur from dump to dump."""
    line = clean(raw)
    if not line:
        return line, _NOISE
    if (raw[0] in _BULLET_SIGNS or raw[0].isspace()) and is_bullet(raw):  # as is_bullet opens
        item = line.lstrip("•◦▪‣*-· ").strip()
        if len(item) <= 60 and not item.endswith(SENTENCE_END):
            return item, _NOISE  # a menu item; longer bullet lines are lists of the body
        line = item
    return line, _kind(line)


_dump_line_memo = lru_cache(maxsize=1 << 14)(_read_dump_line)


def _breadcrumb_section(trail: str) -> str | None:
    first = re.split(r"\s*[»>/|›]\s*", trail)[0]
    return _OVERLINE_KEYS.get(fold(first))


def _is_date_line(line: str) -> bool:
    return "/" in line and DATE_LINE.match(line) is not None  # every stamp holds a "/"


def _is_credit(line: str) -> re.Match[str] | None:
    """CREDIT's match, tried only on lines opening as it must (©, C or P)."""
    return CREDIT.match(line) if line[:1] in "©CcPp" else None


def _dates_of(line: str) -> tuple[When | None, When | None] | None:
    """(published, updated) of a date line, or None when the line is not one."""
    m = DATE_LINE.match(line) if "/" in line else None
    if m is None:
        return None
    updated = parse_date(m["updated"]) if m["updated"] else None
    return parse_date(m["published"]), updated


def _is_prose(line: str) -> bool:
    return len(line) >= PROSE_MIN and line.endswith(SENTENCE_END)


def _is_brief_prose(line: str) -> bool:
    return len(line) >= BRIEF_MIN and line.endswith(SENTENCE_END) and " " in line


def _is_end(line: str, key: str | None = None) -> bool:
    """A line ending the body; ``key`` is the line's _key when the caller has it already."""
    key = _key(line) if key is None else key
    return (
        key in END_EXACT
        or key.startswith(_END_BY_FIRST.get(key[:1], ()))
        or (line.startswith("©") and FOOTER_COPYRIGHT.match(line) is not None)
    )


def _tags_of(line: str) -> list[str] | None:
    """The tags of a '#Tag #Autre tag' line, or None when the line is not a tag line."""
    if not line.startswith("#"):
        return None
    tags: list[str] = []
    for chunk in re.split(r"\s+(?=#)", line):
        m = TAG.match(chunk)
        if m is None or len(m["tag"].split()) > 6:
            return None
        tags.append(m["tag"].strip())
    return tags


def _ends_body(line: str, key: str | None = None) -> bool:
    """A date line, an end marker or a tag line: the lines that end a body. Their indexes
    are found once, then _body_stop finds the next one after any line."""
    return _is_date_line(line) or _is_end(line, key) or (line[:1] == "#" and _tags_of(line) is not None)


def _body_stop(stops: Sequence[int], start: int, count: int) -> int:
    """Index of the first line from ``start`` on that ends the body (of ``stops``, the
    indexes of such lines in order), or ``count``, the number of lines, when none does."""
    at = bisect_left(stops, start)
    return stops[at] if at < len(stops) else count


def _has_body(lines: Sequence[str], kinds: Sequence[int], start: int, stop: int) -> bool:
    """True when lines[start:stop] hold an article body, not a teaser or a title;
    ``kinds`` are the lines' classes (see _classify)."""
    prose = _paragraphs(kinds, start, stop, _PROSE)
    if len(prose) >= 2:
        return True
    closed = stop < len(lines) and (kinds[stop] & (_END | _TAG) or lines[stop] == lines[start - 1])
    if closed and not prose:  # a brief: short sentences, closed by the page's end marker
        prose = _paragraphs(kinds, start, stop, _BRIEF)
    return len(prose) >= 2 or (len(prose) == 1 and (bool(closed) or len(lines[prose[0]]) >= 300))


def _paragraphs(kinds: Sequence[int], start: int, stop: int, kind: int) -> list[int]:
    """Indexes of the first two lines of class ``kind`` (and not credits) in start:stop."""
    found: list[int] = []
    for index in range(start, stop):
        if kinds[index] & (kind | _CREDIT) == kind:
            found.append(index)
            if len(found) == 2:
                break
    return found


# -- header --------------------------------------------------------------------------------


def _split_overline(line: str) -> tuple[str | None, str]:
    """('Chronique', 'Pour la ...') for a glued overline, else (None, line)."""
    m = GLUED_OVERLINE.match(line) if line.startswith(OVERLINES) else None
    if m and (m["rest"][0].isupper() or m["rest"][0] in GLUED_QUOTES):
        return m["section"], m["rest"]
    return None, line


def _name_ok(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or not words[0][0].isupper():
        return False
    return all(
        w[0].isupper() or w.lower() in NAME_PARTICLES or w.lower().startswith(("d'", "d’")) for w in words
    )


def _byline(line: str, *, strict: bool = False) -> tuple[list[str], str | None] | None:
    """(authors, agency) of a 'Par X et Y (avec MAP)' line, or None when it is not one.

    Next to the date line any short 'Par ...' line that is not a sentence is a byline;
    elsewhere (``strict``) every name must look like a person's or the house's name.
    """
    m = AUTHOR_LINE.match(line)
    if m is None or len(line) > 90 or line.endswith((".", ":", ";", "!", "?")):
        return None
    names = [n for n in NAME_SPLIT.split(m["names"]) if n]
    valid = [_name_ok(n) or n in HOUSE_BYLINES for n in names]
    checked = valid if strict else valid[:1]  # loose: the first name opens like a name
    if not names or not all(checked) or any(len(n.split()) > 5 for n in names):
        return None
    agency = m["agency"] or m["agency2"]
    return names, agency.strip() if agency else None


def _take_bylines(lines: list[str], parts: _Parts) -> list[str]:
    """Drop byline lines ('Par X', or 'Par' then 'X') into ``parts``."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line == "Par" and index + 1 < len(lines):
            line, index = f"Par {lines[index + 1]}", index + 1
        found = _byline(line)
        if found is None:
            out.append(lines[index])
        else:
            parts.authors.extend(n for n in found[0] if n not in parts.authors)
            parts.source = parts.source or found[1]
        index += 1
    return out


def _image_of(line: str) -> Image | None:
    """The image a caption or credit line describes, or None for any other line."""
    # Cheap necessary conditions first: most lines end in neither DR nor hold a ©.
    if line.endswith(_DR_ENDINGS):
        if DR_ONLY.match(line):
            return Image(credit="DR")
        with_dr = CAPTION_WITH_DR.match(line)
        if with_dr:
            return Image(caption=with_dr["caption"].strip(" .,"), credit="DR")
    if "©" not in line:
        return None
    inline = CAPTION_WITH_CREDIT.match(line)
    if inline and not FOOTER_COPYRIGHT.search(line):
        return Image(caption=inline["caption"].strip(" ,") or None, credit=clean(inline["credit"]) or None)
    return None


def _take_images(lines: list[str], kinds: list[int], parts: _Parts) -> tuple[list[str], list[int]]:
    """Drop captions and credits into ``parts.images``: a line followed by a credit line
    ('© Copyright : X') is a caption; 'DR', 'caption. DR', 'caption © X' lines carry both.
    ``kinds`` are the lines' classes; the lines left are returned with theirs."""
    out: list[str] = []
    out_kinds: list[int] = []
    done = 0  # lines[:done] are read
    for index in _indexes(kinds, _IMAGE):  # the other lines are kept as they are
        out += lines[done:index]
        out_kinds += kinds[done:index]
        done, line = index + 1, lines[index]
        credit = _is_credit(line)
        if credit and not FOOTER_COPYRIGHT.match(line):
            caption = None
            if out and len(out[-1]) <= 250 and not out_kinds[-1] & _DATE:
                caption, _ = out.pop(), out_kinds.pop()
            parts.images.append(Image(caption=caption, credit=clean(credit["credit"]) or None))
        elif (line.endswith(_DR_ENDINGS) or "©" in line) and (image := _image_of(line)) is not None:
            parts.images.append(image)
        else:
            out.append(line)
            out_kinds.append(kinds[index])
    return out + lines[done:], out_kinds + kinds[done:]


def _indexes(kinds: list[int], kind: int) -> Iterator[int]:
    """The indexes of the lines of class ``kind``, found without a Python loop."""
    return compress(range(len(kinds)), map(kind.__and__, kinds))


def _is_caption(line: str) -> bool:
    """A caption left between title and chapeau: a person's name or a sentence."""
    if len(line) <= 80 and CREDIT_WORDS.search(line):
        return True
    return line.endswith(".") or (_name_ok(line) and len(line.split()) <= 4 and ":" not in line)


def _take_overlines(lines: list[str], parts: _Parts) -> list[str]:
    """Drop overline lines (a lone section word) and keep the first as the section."""
    out: list[str] = []
    for index, line in enumerate(lines):
        word = _OVERLINE_KEYS.get(fold(line))
        if word is None:
            out.append(line)
            continue
        in_menu = any(fold(n) in _OVERLINE_KEYS for n in lines[max(index - 1, 0) : index + 2] if n != line)
        if not in_menu:
            parts.section = parts.section or word
    return out


def _parse_header(lines: list[str], parts: _Parts) -> None:
    """Title, chapeau, overline, caption and byline from the lines above the date line.

    Read from the bottom up, since a dump may start with menus or a stray teaser:
    the chapeau is last, a caption may sit between it and the title (Drupal).
    """
    stamps = [m for m in map(UPDATED_LINE.match, lines) if m]
    if stamps:
        parts.updated = parse_date(stamps[0]["updated"])
        lines = [line for line in lines if not UPDATED_LINE.match(line)]
    bylined = _take_bylines(lines, parts)
    rest = _take_overlines(_take_images(bylined, [_kind(line) for line in bylined], parts)[0], parts)
    if not rest:
        return
    glued, last = _split_overline(rest[-1])
    if glued or (_is_prose(last) if len(rest) == 1 else last.endswith(LEAD_END) or len(last) >= 100):
        parts.section = parts.section or glued
        parts.lead = last
        rest = rest[:-1]
    if len(rest) >= 2 and _is_caption(rest[-1]):
        parts.images.append(Image(caption=rest[-1]))
        rest = rest[:-1]
    if rest:
        glued, parts.title = _split_overline(rest[-1])
        parts.section = parts.section or glued


# -- body ----------------------------------------------------------------------------------


def _paper(rest: str, parts: _Parts) -> None:
    """Source (and its date) from what follows 'revue de presse tirée'."""
    text = rest.rstrip(" .")
    prefix = PAPER_PREFIX.match(text)
    if prefix:
        article = re.sub(r"\s+", " ", prefix["article"].lower())
        text = ("" if prefix["kind"] else PAPER_ARTICLES.get(article, "")) + text[prefix.end() :]
    found = search_date(text)
    if found is not None:
        before = text[: found.start].rstrip()
        if re.search(r"(?:\bdu|\bédition du|\bparu(?:e)? le|\bpubliée? le|,)$", before):
            parts.source_published = found.value
            text = re.sub(
                r"\s*(?:,|\bdans son édition du|\bédition du|\bdu|\bparue? le|\bpubliée? le)$", "", before
            )
    paper = text.split(",")[0].strip()
    parts.source = paper or parts.source


def _take_credits(
    body: list[str], kinds: list[int], parts: _Parts, union: int
) -> tuple[list[str], list[int]]:
    """Drop the credited-source lines (press-review sentence, 'Source :', 'Avec MAP');
    ``kinds`` are the lines' classes, ``union`` their union. The lines left are
    returned with their classes."""
    if union & (_REVIEW | _EMPTY):
        out, out_kinds = _take_reviews(body, kinds, parts)
    else:  # only the last two lines may be credits
        out, out_kinds = body[:-2], kinds[:-2]
        for line, kind in zip(body[-2:], kinds[-2:], strict=True):
            if m := SOURCE_LINE.match(line) or AGENCY_LINE.match(line):
                parts.source = m["source"].strip()
            else:
                out.append(line)
                out_kinds.append(kind)
    if out and (found := _byline(out[-1], strict=True)) is not None:
        out.pop()  # a signature under the last paragraph
        out_kinds.pop()
        parts.authors.extend(n for n in found[0] if n not in parts.authors)
        parts.source = parts.source or found[1]
    return out, out_kinds


def _take_reviews(body: list[str], kinds: list[int], parts: _Parts) -> tuple[list[str], list[int]]:
    """_take_credits on a body holding a press-review sentence (or empty lines): those
    lines and the last two are read, the others kept as they are."""
    out: list[str] = []
    out_kinds: list[int] = []
    last = max(len(body) - 2, 0)
    done = 0  # body[:done] is read
    for index in [*_indexes(kinds[:last], _REVIEW | _EMPTY), *range(last, len(body))]:
        out += body[done:index]
        out_kinds += kinds[done:index]
        done, line, kind = index + 1, body[index], kinds[index]
        review = PRESS_REVIEW.search(line) if kind & _REVIEW else None  # _REVIEW_WORDS in it
        if review:
            _paper(review["rest"], parts)
            line = line[: review.start()].strip()
            kind = _kind(line)
        elif index >= last and (m := SOURCE_LINE.match(line) or AGENCY_LINE.match(line)):
            parts.source = m["source"].strip()
            continue
        if line:
            out.append(line)
            out_kinds.append(kind)
    return out, out_kinds


def _read_also(line: str) -> re.Match[str] | None:
    """READ_ALSO's match, tried only on lines opening as it must."""
    return READ_ALSO.match(line) if line[:1] in _READ_ALSO_FIRSTS else None


def _link_like(line: str) -> bool:
    """A linked headline under a bare 'Lire aussi' heading: short, not a sentence."""
    return len(line) <= 160 and not line.endswith((".", ":")) and _read_also(line) is None


def _take_read_also(body: list[str], kinds: list[int], parts: _Parts) -> tuple[list[str], list[int]]:
    """Move 'Lire aussi : <title>' links out of the body into ``parts.related``;
    ``kinds`` are the lines' classes. The lines left are returned with theirs."""
    out: list[str] = []
    out_kinds: list[int] = []
    done = 0  # body[:done] is read
    for index in _indexes(kinds, _READ_ALSO):  # the other lines are kept as they are
        if index < done:
            continue  # a title under a bare heading, read already
        out += body[done:index]
        out_kinds += kinds[done:index]
        m = _read_also(body[index])
        assert m is not None
        titles = [m["title"].strip()] if m["title"].strip() else []
        if not titles:  # a bare heading: one title under it, or the whole list closing the body
            after = body[index + 1 :]
            titles = after if after and all(_link_like(t) for t in after) else after[:1]
        done = index + 1 + (0 if m["title"].strip() else len(titles))
        parts.related.extend(Link(title=_split_overline(t)[1]) for t in titles)
    return out + body[done:], out_kinds + kinds[done:]


def _drop_stray_teaser(body: list[str]) -> list[str]:
    """Drop a teaser of another article on top of a main-content extract."""
    while len(body) > 1 and body[0].endswith(TEASER_END) and len(body[0]) < 300:
        body = body[1:]
    return body


def _parse_tail(lines: Sequence[str], kinds: list[int], parts: _Parts) -> None:
    """Tags right after the body; related teasers (a title above a date line) below;
    ``kinds`` are the lines' classes."""
    for line in lines:
        tags = _tags_of(line)
        if tags is None:
            break
        parts.tags.extend(t for t in tags if t not in parts.tags)
    for index in _indexes(kinds, _DATE):  # the date lines; each is parsed only for a teaser
        if index == 0:
            continue
        above = lines[index - 1]
        if fold(above) in _OVERLINE_KEYS and index >= 2:
            above = lines[index - 2]
        title = _split_overline(above)[1]
        if _is_date_line(title) or _is_end(title) or _is_prose(title) or _tags_of(title) is not None:
            continue
        dates = _dates_of(lines[index])
        assert dates is not None
        parts.related.append(Link(title=title, published=dates[0]))


# -- the text path -------------------------------------------------------------------------


def _reject_tag_page(lines: Sequence[str]) -> None:
    if any(_tags_of(line) is not None for line in lines[:3]):
        raise NotAnArticle("a Le360 tag page (#tag heading over teasers)")


def _article_date(
    lines: Sequence[str], kinds: Sequence[int], dates: Sequence[int], stops: Sequence[int]
) -> int | None:
    """Index of the date line that opens the article body, or None when none does."""
    for index in dates:
        if _has_body(lines, kinds, index + 1, _body_stop(stops, index + 1, len(lines))):
            return index
    return None


def _closing_date(kinds: Sequence[int], dates: Sequence[int]) -> int | None:
    """Index of a first date line that closes a header-less Drupal extract (the date
    repeated under the body), or None; ``kinds`` are the lines' classes."""
    first = dates[0] if dates else None
    if first is None or sum(1 for kind in kinds[:first] if kind & _PROSE) < 3:
        return None
    last_prose = max(i for i in range(first) if kinds[i] & _PROSE)
    if any(kind & _END for kind in kinds[last_prose + 1 : first]):
        return None  # the date of a related story under the comment block, not the article's
    return first if not any(kind & _PROSE for kind in kinds[first + 1 :]) else None


def _undated(
    lines: list[str], kinds: Sequence[int], parts: _Parts, dates: Sequence[int], stops: Sequence[int]
) -> tuple[int, int, int]:
    """Locate (header start, body start, body stop) when no date line opens a body."""
    closing = _closing_date(kinds, dates)
    if closing is not None:
        parts.published, parts.updated = _dates_of(lines[closing]) or (None, None)
        return 0, 0, closing
    if len(dates) >= 2:
        raise NotAnArticle("a Le360 listing page (dated teasers, no article body)")
    if dates:
        _parse_header(lines[max(0, dates[0] - HEADER_SPAN) : dates[0]], parts)
        if parts.section in VIDEO_SECTIONS and parts.lead:
            return dates[0] + 1, dates[0] + 1, dates[0] + 1  # a video page: the chapeau is the text
        raise NotAnArticle("a Le360 teaser-only page (title and chapeau, no article body)")
    overlined = sum(1 for kind in kinds if kind & _OVERLINE)
    if overlined >= 4 and not any(len(line) >= 300 for line in lines):
        raise NotAnArticle("a Le360 listing page (overlined teasers, no article body)")
    stop = _body_stop(stops, 0, len(lines))
    prose = sum(1 for kind in kinds[:stop] if kind & _PROSE)
    if prose == 0 or (stop >= 8 and prose * 4 < stop):
        raise NotAnArticle("a Le360 listing or home page (headlines, no article text)")
    return 0, 0, stop


def _locate(
    lines: list[str], kinds: Sequence[int], parts: _Parts, stops: Sequence[int]
) -> tuple[int, int, int]:
    """(header start, body start, body stop), filling the header fields into ``parts``;
    ``kinds`` are the lines' classes (see _classify), ``stops`` the indexes of the lines
    that end a body (see _ends_body)."""
    dates = [index for index in stops if kinds[index] & _DATE]
    at = _article_date(lines, kinds, dates, stops)
    if at is None:
        return _undated(lines, kinds, parts, dates, stops)
    previous = [i for i in dates if i < at]
    header_from = max(previous[-1] + 1 if previous else 0, at - HEADER_SPAN)
    parts.published, parts.updated = _dates_of(lines[at]) or (None, None)
    _parse_header(lines[header_from:at], parts)
    return header_from, at + 1, _body_stop(stops, at + 1, len(lines))


def _body(lines: list[str], parts: _Parts, start: int, kinds: list[int]) -> list[str]:
    """The paragraphs of the body ``lines`` (from line ``start`` of the page), whose
    classes (see _classify) are ``kinds``, one per line."""
    body = lines
    if start == 0:
        body = _drop_stray_teaser(body)
        kinds = kinds[len(kinds) - len(body) :]
        if body:
            glued, first = _split_overline(body[0])
            if glued:  # an extract opening on the overlined chapeau
                parts.section = parts.section or glued
                body, kinds = [first, *body[1:]], [_kind(first), *kinds[1:]]
    if body and (update := UPDATED_LINE.match(body[0])):  # [guess] an update stamp on its own line
        parts.updated, body, kinds = parse_date(update["updated"]), body[1:], kinds[1:]
    head = _take_bylines(body[:2], parts)
    body, kinds = head + body[2:], [*map(_kind, head), *kinds[2:]]
    # Each rule below walks the body only when some line of it may hold what it takes,
    # and then reads those lines only.
    union = _union(kinds)
    if union & _IMAGE:
        body, kinds = _take_images(body, kinds, parts)
    if union & _READ_ALSO:
        body, kinds = _take_read_also(body, kinds, parts)
    body, kinds = _take_credits(body, kinds, parts, union)
    if not union & (_READ_MORE | _REVIEW):  # a press-review sentence cut off may leave one
        return body
    return [line for line, kind in zip(body, kinds, strict=True) if not kind & _READ_MORE]


def _section_from_url(url: str | None) -> str | None:
    if not url:
        return None
    m = URL_SECTION.match(urlsplit(url if "//" in url else "//" + url).path)
    return SECTION_SLUGS.get(m["slug"]) if m else None


def _check_language(paragraphs: Sequence[str]) -> None:
    text = " ".join(paragraphs)
    # Arabic letters (U+0600-U+06FF) are the only characters whose UTF-16 form has the
    # byte 06 as its high byte, and French text seldom holds a 06 byte at all: encoding
    # (a copy, for most pages) and one byte search rule them out, several times faster
    # than running ARABIC_CHAR over a page of French. A 06 byte found leads to the count.
    if b"\x06" not in text.encode("utf-16-le", "surrogatepass"):
        return
    arabic = len(ARABIC_CHAR.findall(text))
    # Latin letters are many and slow to count: count them only when Arabic ones compete.
    if arabic and arabic > len(LATIN_LETTER.findall(text)):
        raise ExtractionError("an Arabic page (ar.le360.ma edition?); only French pages are extracted")


def extract_text(document: Document, outlet: Outlet) -> Article:
    """The Article of a Le360 text dump."""
    parts = _Parts()
    lines, kinds, stops = _content_lines(document, parts)
    _reject_tag_page(lines)
    _, start, stop = _locate(lines, kinds, parts, stops)
    paragraphs = _body(lines[start:stop], parts, start, kinds[start:stop])
    if not paragraphs and parts.section in VIDEO_SECTIONS and parts.lead:
        paragraphs, parts.lead = [parts.lead], None
    if not paragraphs:
        raise ExtractionError("no article body found after the Le360 date line")
    _check_language(paragraphs)
    _parse_tail(lines[stop:], kinds[stop:], parts)
    return Article(
        outlet=outlet.name,
        url=document.url,
        title=parts.title,
        lead=parts.lead,
        paragraphs=paragraphs,
        published=parts.published,
        updated=parts.updated,
        authors=parts.authors,
        tags=parts.tags,
        section=parts.section or _section_from_url(document.url),
        language=outlet.language,
        source=parts.source,
        source_published=parts.source_published,
        images=parts.images,
        related=parts.related,
    )
