"""The CCME outlet: ccme.org.ma pages, as text dumps or as HTML.

Today's site is WordPress with the SmartMag theme; the older one was Joomla + K2.
HTML pages are read by :mod:`presskit_ccme.html` (metadata and the text blocks of the
article container); their body then goes through the same rules as a dump's body.
Site rules below come from ``outlets.md`` (CCME section) and from the rendered
SmartMag template; each says how sure it is: [solid] seen in real pages, [probable]
inferred from the theme or CMS, [guess] unverified fallbacks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from itertools import product
from operator import itemgetter
from typing import NamedTuple

import attrs

from presskit import Article, Case, Document, ExtractionError, Link, NotAnArticle, Outlet
from presskit.article import When
from presskit.dates import find_dates
from presskit.text import clean, fold, is_bullet
from presskit_ccme.council import names_the_council
from presskit_ccme.html import container_links, detect_html, read_page
from presskit_ccme.multilingual import guess_language

# Every character that str.split() splits on (all of them are below U+3001).
WHITESPACE = "".join(char for char in map(chr, range(0x3001)) if char.isspace())

# -- site data ---------------------------------------------------------------------------

# outlets.md [solid]; www. and language subdomains are covered by the core's host matching.
DOMAINS = ("ccme.org.ma",)

# Site-name logo text, rendered twice and glued at the top of full-page dumps (outlets.md [solid]).
LOGO = "CCME | Études et actualités sur les Marocains du monde"
# Other footprints of the template: footer mail, app/book promos (samples [solid]); the full
# name of the council is in presskit_ccme.council.
MAIL = "contact@ccme.org.ma"
FOOTPRINTS = (MAIL, "Download CCME books", "Logo CCME", "application CCME")

# Breadcrumb over the title: "Home»<parent>»<category>", no spaces (outlets.md [solid]);
# spaced, "›" and translated home labels [probable].
BREADCRUMB = re.compile(r"^(?:Home|Accueil|الرئيسية)\s*[»›]\s*(?P<trail>.+)$")
BREADCRUMB_SEP = re.compile(r"\s*[»›]\s*")

# Share bars under the meta line and social rows: lines made only of these words
# (outlets.md [solid]: "Facebook Twitter Pinterest LinkedIn Tumblr Email WhatsApp Copy Link").
SHARE_WORDS = frozenset(
    [
        "facebook",
        "twitter",
        "x",
        "pinterest",
        "linkedin",
        "tumblr",
        "email",
        "e-mail",
        "whatsapp",
        "copy",
        "link",
        "telegram",
        "reddit",
        "vkontakte",
        "instagram",
        "youtube",
        "share",
        "partager",
        "print",
        "imprimer",
        "messenger",
        "threads",
        "bluesky",
    ]
)
# Lines of the page chrome that are not menus items (samples [solid]).
CHROME = frozenset({"close menu", "open menu", "menu", "search", "rechercher", "podcasts بودكاست podcasts"})
CHROME_SPAN = max(map(len, CHROME))  # longer lines are no chrome line
# A share row's first word, as _is_share reads it (parentheses are spaces, ".,:" around a word
# do not count): one C-level match rules out most lines before any splitting. A superset
# (re.IGNORECASE accepts every character that lower-cases to the word's), never a narrower test.
SHARE_START = re.compile(
    r"[()\s]*[.,:]*(?:"
    + "|".join(map(re.escape, sorted(SHARE_WORDS, key=len, reverse=True)))
    + r")[.,:]*(?:[()\s]|$)",
    re.I,
)

# Categories of the menus (samples [solid]): a meta line with one of them is a strong footprint.
CATEGORIES = frozenset(
    fold(name).replace("’", "'")
    for name in (
        "Notre Actualité", "Actualité du CCME", "Actualité de l'immigration marocaine",
        "Actualité de l'immigration dans le monde", "Entretiens", "Activités", "Médias et migration",
        "Actualités", "Ressources", "Visages de la diaspora", "Vient de paraitre", "Hommages",
        "Rencontres", "Rencontres et débats", "Rencontres philosophiques", "Programmation",
    )
)  # fmt: skip
CATEGORY_NAMES = tuple(CATEGORIES)  # for str.startswith

# Meta line under the title: "<category> <D month YYYY>" (outlets.md [solid]); SmartMag can add
# "Par/By <author>", "Updated: <date>" and a reading time [probable].
BYLINE = re.compile(r"^(?:Par|By|بقلم)\s*:?\s+(?P<names>[^.!?;«»\d]{2,80})$")
BYLINE_IN_META = re.compile(r"(?:^|\s)(?:Par|By|بقلم)\s*:?\s+(?P<names>.+)$")
NAME_PARTICLES = frozenset(
    {
        "et",
        "and",
        "&",
        "de",
        "du",
        "des",
        "van",
        "von",
        "der",
        "el",
        "al",
        "ben",
        "bin",
        "ou",
        "le",
        "la",
        "d’",
        "d'",
    }
)
AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\bet\b|\band\b|و\s)\s*")
PUBLISHED_LABEL = re.compile(r"(?:^|\s+)(?:Publié le|Publié|Posted on|Published on|On)\s*:?$", re.I)
UPDATED_LABEL = re.compile(
    r"^(?:Updated|Last updated|Mis à jour|Mise à jour|Modifié)\s*(?:le|on)?\s*:?$", re.I
)
READING_TIME = re.compile(r"\s*\d+\s*(?:Mins?\.?\s*Read|min(?:utes?)?\s*(?:de lecture|read))\s*$", re.I)
# A date ending a sentence is not a meta line: the category would end with such a word.
CONNECTORS = frozenset(
    [
        "le",
        "la",
        "les",
        "du",
        "de",
        "des",
        "au",
        "aux",
        "à",
        "a",
        "en",
        "et",
        "depuis",
        "dès",
        "avant",
        "après",
        "jusqu'au",
        "jusqu’au",
        "vers",
        "ce",
        "on",
        "in",
        "of",
        "the",
        "since",
        "from",
        "to",
        "before",
        "after",
        "until",
    ]
)
# Quotes, handles and dashes: a tweet sign-off ("— Name (@handle) April 2, 2021"), not a category.
NOT_CATEGORY = re.compile(r"[@()«»\"“”]|^[—–-]")
META_PUNCTUATION = (".", "!", "?", ";", ":", "…", "»", ",")
# A meta line ends with its date (a year, or a time: "18h30", "18h", "18:") or a reading time
# ("Read", "de lecture"), then maybe separators: the last characters it can end with.
META_TRAILER = " |·•-–" + WHITESPACE
META_LAST_CHARS = frozenset("hH:dDeE")  # and digits
# Last characters of a line that is surely no meta line, one set lookup (most paragraphs end
# with a stop): none of them is a trailer, a digit or one of META_LAST_CHARS (_may_be_meta).
# Read among ASCII, Latin and Arabic characters and the usual closing marks.
QUIET_ENDS = frozenset(
    char
    for char in map(chr, [*range(32, 0x250), *range(0x600, 0x700), *map(ord, "…»”’")])
    if char not in META_TRAILER and char not in META_LAST_CHARS and not char.isdecimal()
)

# End of the body, in page order: credited source tail, related posts, latest news, app and
# newsletter promos, footers in ar/en/fr, search overlay (outlets.md and samples [solid]);
# comment forms, post navigation and tags of SmartMag [probable].
RELATED_HEADING = re.compile(
    r"^(?:Related Posts|Related Articles|Articles similaires|Articles liés|"
    r"مقالات ذات صلة|مواضيع ذات صلة)$",
    re.I,
)
END_MARKERS = (
    RELATED_HEADING,
    re.compile(r"^(?:Nos dernières actualités|Our latest news|Latest news|آخر الأخبار|أحدث الأخبار)$", re.I),
    re.compile(
        r"^(?:Download CCME books|Download the CCME app|Téléchargez l[’']application CCME|Logo CCME$)", re.I
    ),
    re.compile(r"^Type above and press Enter", re.I),
    re.compile(r"^(?:Newsletter|النشرة الإخبارية)$", re.I),
    re.compile(r"^(?:Abonnez-vous pour recevoir|Subscribe to receive)", re.I),
    re.compile(r"^(?:©\s*\d{4}|\d{4}\s*-\s*©)"),
    re.compile(
        r"^(?:Leave A Reply|Laisser un commentaire|Laisser une réponse|Add A Comment|"
        r"Ajouter un commentaire|Comments are closed|Les commentaires sont fermés)",
        re.I,
    ),
    re.compile(r"^(?:Previous Article|Next Article|Article précédent|Article suivant)$", re.I),
    re.compile(r"^(?:Tags|Mots-clés|Étiquettes|الوسوم)\s*:", re.I),
)
# Headings that open a footer block just above an end marker ("Revue de presse" then
# "Abonnez-vous…"): they go with the footer.
FOOTER_HEADINGS = frozenset({"revue de presse", "newsletter"})
TAGS = re.compile(r"^(?:Tags|Mots-clés|Étiquettes|الوسوم)\s*:\s*(?P<tags>.+)$", re.I)
TAG_SPLIT = re.compile(r"\s*(?:,|;|\||·|\s-\s)\s*")

# Credited source after the body, possibly after the original date of the republished item
# ("22 avr 2016" / "Source : MAP", NBSP before the colon) (outlets.md [solid]); Arabic label,
# a bare agency name and the press-review sentence [probable].
SOURCE = re.compile(r"^(?:Sources?|المصدر)\s*:\s*(?P<source>.+?)\.?$", re.I)
PRESS_REVIEW = re.compile(
    r"^(?:Cet article est une )?revue de presse tirée d(?:e|u|es)\s+(?P<source>.+?)\.?$", re.I
)
AGENCIES = frozenset(
    {
        "MAP",
        "AFP",
        "Reuters",
        "AP",
        "EFE",
        "Anadolu",
        "DPA",
        "Belga",
        "ANSA",
        "Europa Press",
        "Xinhua",
        "APS",
        "(MAP)",
        "(AFP)",
    }
)

# Image captions and credits, promo links inside the body [probable].
CAPTION = re.compile(
    r"^(?:©.{0,80}|(?:Photo|Crédits? photo|Crédits?|Credits?|Image)\s*(?:d['’]illustration)?"
    r"\s*[:/].{0,80}|\((?:Photo|Crédit)[^)]{0,80}\))$",
    re.I,
)
PROMO = re.compile(
    r"^(?:Lire aussi|À lire aussi|A lire aussi|Voir aussi|Read also|Read more|اقرأ أيضا)\s*[:>»-]?\s*"
    r"(?P<title>.*)$",
    re.I,
)

# Old Joomla + K2 pages (outlets.md [solid]): render-time header (weekday, date, HH:MM: not the
# article date), a disclaimer opened by the image alt "picto info", a title, a teaser ending in
# "Suite" (the full text stays on the source's site).
RENDER_TIME = re.compile(
    r"^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+\d{1,2}(?:er)?\s+\S+\s+"
    r"\d{4}\s*[-,à]?\s*\d{1,2}[:h]\d{2}$",
    re.I,
)
PICTO = re.compile(r"^picto info\b", re.I)
MORE_LINK = re.compile(
    r"(?:^|[\s.…])(?:Suite|Lire la suite|Lire plus|Read more|En savoir plus|اقرأ المزيد)"
    r"\s*(?:\.\.\.|…|»|›|>)?$",
    re.I,
)
# What MORE_LINK's words end with, in any case as the pattern reads it ("ſ" is an "s" to
# re.IGNORECASE), once the trailing marks and spaces are stripped.
MORE_LINK_LAST = frozenset("eEsSſد")
MORE_LINK_TRAILER = ".…»›>" + WHITESPACE
# WordPress author archive title (outlets.md [solid] for the French label).
AUTHOR_ARCHIVE = re.compile(r"^(?:Auteur/autrice|Author)\s*:\s*\S", re.I)
TEASER_END = ("...", "…")
# The original date is written with an abbreviated month ("22 avr 2016", "18 févr. 2014"):
# the pair "<abbreviated date> / Source : X" is CCME's own (outlets.md [solid]).
ABBREVIATED_DATE = re.compile(
    r"^\d{1,2}(?:er)?\s+(?:janv|févr|fevr|fév|avr|juil|sept|oct|nov|déc|dec)\.?\s+\d{4}$", re.I
)
# Press-review items are reposted within days of the original (samples: 1 to 3 days) [probable].
REPOST_DELAY_DAYS = 60

# URL shapes that are never articles (searched in path + query).
NON_ARTICLE_URLS = (
    (r"^/(?:(?:fr|ar|en)/?)?(?:index\.php)?$", "the home page"),
    (r"/itemlist(?:/|$)|[?&]view=itemlist\b", "an old K2 listing (category, tag or author)"),
    (r"/tag/", "a tag page"),
    (r"/(?:author|auteur)/", "an author archive"),
    (r"/category/", "a category listing"),
    (r"/page/\d+/?$", "a paginated listing"),
    (r"\?(?:.*&)?s=", "a search page"),
    (r"/feed/?$", "a feed"),
)

# -- example cases (invented articles in CCME's templates) ---------------------------------

ARTICLE_URL = "https://www.ccme.org.ma/fr/actualites/bibliotheque-itinerante-pays-bas/"
CASES = (
    Case(
        file="cases/article-full.txt",
        url=ARTICLE_URL,
        note="full-page SmartMag dump: menus, breadcrumb, intertitle, tweet, original date, NBSP source",
        expected={
            "title": "Aux Pays-Bas, une bibliothèque itinérante prête des livres en arabe et en amazigh",
            "published": "2021-03-03",
            "section": "Actualité de l’immigration dans le monde",
            "authors": [],
            "tags": [],
            "source": "NOS",
            "source_published": "2021-02-26",
            "language": "fr",
            "lead": None,
            "paragraph_count": 7,
            "body_first": "Un bus aménagé en bibliothèque",
            "body_contains": ["Un succès auprès des grands-parents", "— Fondation Boekenbus (@boekenbus_nl)"],
            "body_excludes": ["Source", "26 févr. 2021", "Related Posts", "Facebook", "festival du livre"],
            "related_titles": [
                "Belgique : un festival du livre marocain à Anvers",
                "Espagne : des cours d’arabe ouverts aux adultes à Murcie",
            ],
        },
    ),
    Case(
        file="cases/extract-single-newlines.txt",
        url="https://www.ccme.org.ma/fr/actualites/fonds-entrepreneurs-italie/",
        note="main-content extract: single newlines, caption credit, byline line, no menus",
        expected={
            "title": "Un fonds pour les entrepreneurs marocains installés en Italie",
            "published": "2022-09-15",
            "section": "Actualité de l’immigration marocaine",
            "authors": ["Karim Benali"],
            "source": "MAP",
            "source_published": "2022-09-14",
            "paragraph_count": 3,
            "body_excludes": ["© MAP", "Par Karim"],
        },
    ),
    Case(
        file="cases/extract-stray-teaser.txt",
        url="https://www.ccme.org.ma/fr/actualites/permanence-consulaire-grenoble/",
        note="extract cut short, no header, opened by a teaser of another article",
        expected={
            "title": None,
            "published": None,
            "source": None,
            "paragraph_count": 3,
            "body_first": "Le consulat général du Maroc à Lyon",
            "body_excludes": ["Montréal", "darija"],
        },
    ),
    Case(
        file="cases/article-ar.txt",
        url="https://www.ccme.org.ma/ar/news/centre-culturel-lille/",
        note="Arabic edition: Arabic breadcrumb, month name and source label",
        expected={
            "title": "افتتاح مركز ثقافي مغربي جديد في مدينة ليل الفرنسية",
            "published": "2023-03-14",
            "section": "أخبار الهجرة",
            "language": "ar",
            "source": "وكالة المغرب العربي للأنباء",
            "paragraph_count": 3,
            "related_titles": ["لقاء حول الهجرة والثقافة في بروكسل"],
        },
    ),
    Case(
        file="cases/article-en.txt",
        note="English edition without URL: detected by content, byline in the meta line",
        expected={
            "title": "Moroccan nurses recruited by German hospitals, a report says",
            "published": "2022-04-25",
            "section": "Migration news",
            "authors": ["Jane Doe", "Omar Tazi"],
            "language": "en",
            "source": "Reuters",
            "paragraph_count": 3,
        },
    ),
    Case(
        file="cases/joomla-teaser.txt",
        url="https://www.ccme.org.ma/fr/medias-et-migration/18342",
        reject="teaser-only",
        note="old Joomla + K2 page: render time, picto info disclaimer, teaser ending in Suite",
    ),
    Case(
        file="cases/author-archive.txt",
        url="https://www.ccme.org.ma/fr/redaction-ccme/",
        reject="author archive",
        note="author archive reached by an unusual URL: recognised by its label",
    ),
    Case(
        file="cases/article-full.html",
        note="SmartMag page of the full-dump article: Yoast @graph, UTC metadata vs shown day, two share "
        "bars, ad, newsletter box, tweet embed, hashed block classes, related posts",
        expected={
            "url": ARTICLE_URL,
            "title": "Aux Pays-Bas, une bibliothèque itinérante prête des livres en arabe et en amazigh",
            "published": "2021-03-03",
            "updated": None,
            "section": "Actualité de l’immigration dans le monde",
            "authors": [],
            "tags": [],
            "source": "NOS",
            "source_published": "2021-02-26",
            "language": "fr",
            "paragraph_count": 7,
            "body_first": "Un bus aménagé en bibliothèque sillonne depuis janvier les quartiers d’Utrecht",
            "body_contains": ["compte déjà plus de huit cents inscrits, dont une majorité"],
            "body_excludes": ["Publicité", "Abonnez-vous", "Facebook", "Source", "Related", "Copy Link"],
            "related_titles": [
                "Belgique : un festival du livre marocain à Anvers",
                "Espagne : des cours d’arabe ouverts aux adultes à Murcie",
            ],
        },
    ),
    Case(
        file="cases/article-ar.html",
        note="Arabic SmartMag page (lang=ar, rtl): JSON-LD with an @type list, Arabic date and source label",
        expected={
            "url": "https://www.ccme.org.ma/ar/news/centre-culturel-lille/",
            "title": "افتتاح مركز ثقافي مغربي جديد في مدينة ليل الفرنسية",
            "published": "2023-03-14",
            "section": "أخبار الهجرة",
            "authors": [],
            "language": "ar",
            "source": "وكالة المغرب العربي للأنباء",
            "paragraph_count": 3,
            "related_titles": ["لقاء حول الهجرة والثقافة في بروكسل"],
        },
    ),
    Case(
        file="cases/article-variant.html",
        url="https://www.ccme.org.ma/fr/actualites/permanence-juridique-pouilles/",
        note="no JSON-LD nor article:* metas, no breadcrumb/featured image/related posts, extra wrappers, "
        "reordered attributes and classes, byline, shown time and update stamp, tags, list, promo link",
        expected={
            "title": "Italie : une permanence juridique pour les saisonniers marocains des Pouilles",
            "published": "2022-06-08T14:20:00+01:00",
            "updated": "2022-06-09",
            "section": "Actualité de l’immigration marocaine",
            "authors": ["Samira El Amrani"],
            "tags": ["Italie", "Travailleurs saisonniers"],
            "source": "ANSA",
            "language": "fr",
            "paragraph_count": 7,
            "body_contains": ["Contrats, logement et santé", "les contrats de travail saisonnier ;"],
            "body_excludes": ["Publicité", "Lire aussi", "Partager", "Photo", "Laisser un commentaire"],
            "images": [
                {
                    "url": "https://www.ccme.org.ma/wp-content/uploads/2022/06/saisonniers-pouilles.jpg",
                    "caption": "Des ouvriers agricoles près de Foggia",
                    "credit": "Photo : ANSA",
                }
            ],
            "related": [
                {
                    "title": "Espagne : les saisonnières de Huelva attendent leurs visas",
                    "url": "https://www.ccme.org.ma/fr/actualites/espagne-saisonnieres-huelva/",
                    "published": None,
                }
            ],
        },
    ),
    Case(
        file="cases/joomla-item.html",
        url="https://www.ccme.org.ma/fr/medias-et-migration/12877",
        note="old Joomla + K2 item with its full text, declared windows-1252: K2 date and tags",
        expected={
            "title": "Des livres scolaires collectés en Île-de-France pour les écoles de Taza",
            "published": "2011-03-15T09:30:00+00:00",
            "section": "Médias et migration",
            "tags": ["Éducation", "France"],
            "source": "Le Parisien",
            "paragraph_count": 4,
            "body_contains": ["« C’est notre façon de rendre ce que l’école nous a donné »"],
            "body_excludes": ["picto", "Imprimer", "Publié dans", "Plus dans cette catégorie", "Copyright"],
        },
    ),
    Case(
        file="cases/joomla-teaser.html",
        url="https://www.ccme.org.ma/fr/medias-et-migration/18342",
        reject="teaser-only",
        note="old Joomla + K2 item, declared iso-8859-1: intro ending in a Suite link, no full text",
    ),
    Case(
        file="cases/listing.html",
        reject="category listing",
        note="SmartMag category listing (canonical URL without /category/): body classes, CollectionPage",
    ),
    Case(
        file="cases/author-archive.html",
        url="https://www.ccme.org.ma/fr/redaction-ccme/",
        reject="author archive",
        note="SmartMag author archive under an unusual URL: body classes, ProfilePage, author heading",
    ),
    Case(
        file="cases/listing.txt",
        reject="listing",
        note="category listing without URL: dated teasers under the breadcrumb",
    ),
    Case(
        file="cases/listing.txt",
        url="https://www.ccme.org.ma/fr/tag/medias/",
        reject="tag page",
        note="tag URL",
    ),
    Case(
        file="cases/listing.txt",
        url="https://www.ccme.org.ma/fr/",
        reject="home page",
        note="home page URL",
    ),
)


class Line(NamedTuple):
    """A non-blank dump line, cleaned, remembering whether it was a menu bullet and what it
    opens (_mark: an end marker, a line the body may leave out, the old disclaimer) (a tuple:
    dumps have hundreds of lines, built faster so)."""

    text: str
    bullet: bool = False
    mark: int = 0


@attrs.frozen(kw_only=True)
class Meta:
    """What the meta line under the title says."""

    published: When
    updated: When | None = None
    category: str | None = None
    authors: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Header:
    """Title block of an article: title, meta line, share bars."""

    title: str | None
    body_at: int
    section: str | None = None
    published: When | None = None
    updated: When | None = None
    authors: tuple[str, ...] = ()
    sure: bool = True
    """False for a bare date under the first line of an extract: maybe a stray teaser."""


@attrs.frozen(kw_only=True)
class Tail:
    """Body paragraphs with what the end of the body credits."""

    paragraphs: list[str]
    source: str | None = None
    source_published: When | None = None
    authors: tuple[str, ...] = ()


class CcmeOutlet(Outlet):
    """CCME, Conseil de la communauté marocaine à l'étranger (WordPress/SmartMag; old Joomla + K2)."""

    name = "ccme"
    title = "CCME — Conseil de la communauté marocaine à l'étranger"
    domains = DOMAINS
    non_article_urls = NON_ARTICLE_URLS
    cases = CASES

    def detect(self, document: Document) -> float:
        try:
            if document.kind == "html":
                return detect_html(document)
            return _detect_text(document)
        except Exception:  # noqa: BLE001 - detection must never raise
            return 0.0

    def extract(self, document: Document) -> Article:
        if document.kind == "html":
            return _extract_html(document, self)
        return _extract_text(document, self)


# -- detection -----------------------------------------------------------------------------

# Every outlet scores every dump: detection searches literals in the raw text (in C) and
# reads lines only where the template puts them, never the whole dump line by line.
GLUED_LOGO = "Marocains du mondeCCME"  # the doubled logo, glued
NAME_SPAN = 20_000  # the council's name is looked for in the page head (logo alt, about box)
PICTO_CORE = ("icto", "ICTO")  # "picto info" / "Picto info" / "PICTO INFO"
HOME_WORDS = ("Home", "Accueil", "الرئيسية")  # the breadcrumb's first item (BREADCRUMB)
CRUMB_SEPARATORS = ("»", "›")
# The breadcrumb and the picto disclaimer follow the logo and the menus (about 80 lines in
# real full-page dumps); the render-time header opens old Joomla pages.
PAGE_HEAD_LINES = 600
RENDER_TIME_LINES = 20
# Raw lines (blank ones included) where the meta line stands: at the top of an extract
# (a stray teaser, the title, a category line, the meta line), and under the breadcrumb of a
# full-page dump (title, category line, meta line).
EXTRACT_HEAD_LINES = 16
UNDER_CRUMB_LINES = 12
# Raw lines at the end where the original date and "Source :" stand: they close the body of
# an extract, before at most the related posts. Full-page dumps go on with footers, but
# they carry the logo and the footprints.
TAIL_LINES = 40
# Characters searched first for the source label: the last TAIL_LINES lines of most dumps
# fit in them (else the whole text is searched).
TAIL_SPAN = 4_000
CATEGORY_STRIP = " |·•-–"
SOURCE_CORE = ("ource", "OURCE", "المصدر")  # in "Source :" / "SOURCES :" / "المصدر :"


def _detect_text(document: Document) -> float:
    text = document.text
    if "\r" in text:  # line breaks as Document.lines reads them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Each full-text literal search costs a few microseconds on a 10 KB dump: the cheap and
    # likely marks go first, so a CCME full-page dump (logo, footprints, breadcrumb, meta line)
    # is certain before the council's name and the picto disclaimer are searched. The score
    # is a capped sum, so the order does not change it.
    score = 0.0
    branded = "CCME" in text  # in the logo and in every footprint but the mail address
    if branded and (LOGO in text or GLUED_LOGO in text):
        score += 0.6
    if _has_footprint(text, branded):
        score += 0.2
    crumb = next(_lines_holding(text, CRUMB_SEPARATORS, _is_crumb, HOME_WORDS), None)
    if crumb is not None:
        score += 0.1
    if any(_known_category_meta(line) for line in _meta_places(text, crumb)):
        score += 0.5
    if score >= 1.0:
        return 1.0  # certain already: skip the searches below
    tail = _press_review_tail(_tail_lines(text))
    if tail:
        score += 0.25 + (0.25 if ABBREVIATED_DATE.search(tail) else 0.0)
    if score >= 1.0:
        return 1.0
    if names_the_council(text, NAME_SPAN):
        score += 0.3
    if score >= 1.0:
        return 1.0
    picto = next(_lines_holding(text, PICTO_CORE, lambda line: PICTO.match(line) is not None), None)
    if picto is not None:
        # the render-time header alone is common (WMaker sites): it counts only with the picto
        header = [clean(line) for line in text.split("\n", RENDER_TIME_LINES)[:RENDER_TIME_LINES]]
        score += 0.7 if any(RENDER_TIME.match(line) for line in header) else 0.5
    return min(score, 1.0)


def _has_footprint(text: str, branded: bool) -> bool:
    """One of FOOTPRINTS: all but the mail address hold "CCME", so an unbranded page is
    searched for the address only."""
    return _holds_mail(text) or (branded and any(mark in text for mark in FOOTPRINTS if mark != MAIL))


MAIL_AT = MAIL.index("@")


def _holds_mail(text: str) -> bool:
    """Whether MAIL is in ``text``, read at each "@" (a one-character search runs about ten
    times faster than a search for the address, and pages hold few "@")."""
    at = text.find("@")
    while at != -1:
        if at >= MAIL_AT and text.startswith(MAIL, at - MAIL_AT):
            return True
        at = text.find("@", at + 1)
    return False


def _lines_holding(
    text: str,
    needles: tuple[str, ...],
    test: Callable[[str], bool],
    before: tuple[str, ...] = (),
) -> Iterator[int]:
    """End offsets of the lines among the first PAGE_HEAD_LINES that hold one of ``needles``
    (right after one of ``before``, when given) and pass ``test`` once cleaned."""
    for needle in needles:
        at = text.find(needle)
        while at != -1:
            if not before or text.endswith(before, 0, at):
                start = text.rfind("\n", 0, at) + 1
                end = text.find("\n", at)
                end = len(text) if end == -1 else end
                if test(clean(text[start:end])) and text.count("\n", 0, start) < PAGE_HEAD_LINES:
                    yield end
                at = end
            at = text.find(needle, at + 1)


def _is_crumb(line: str) -> bool:
    """CCME's breadcrumb: ``Home»<parent>»<category>``, no space before the first separator."""
    return BREADCRUMB.match(line) is not None and " " not in line.split("»", 1)[0]


def _meta_places(text: str, crumb_end: int | None) -> Iterator[str]:
    """Cleaned lines where a meta line stands (the top of an extract, under the breadcrumb),
    those only whose end may close a meta line (_may_end_meta, before cleaning them)."""
    places = _first_lines(text, 0, EXTRACT_HEAD_LINES)
    if crumb_end is not None:
        places += _first_lines(text, crumb_end + 1, UNDER_CRUMB_LINES)
    return (clean(line) for line in places if line and _may_end_meta(line))


# Characters that hold the first lines looked at in most dumps: they are split at once.
FIRST_LINES_SPAN = 2_000


def _first_lines(text: str, start: int, count: int) -> list[str]:
    """The first ``count`` lines of ``text[start:]`` (slicing or splitting the whole rest
    would copy it, and a copy of non-ASCII text is scanned for its widest character): the
    lines of a short slice when it holds them, else found one by one."""
    stop = start + FIRST_LINES_SPAN
    lines = text[start:stop].split("\n", count)
    if len(lines) > count or stop >= len(text):
        return lines[:count]
    lines = []
    while len(lines) < count:
        end = text.find("\n", start)
        if end == -1:
            lines.append(text[start:])
            break
        lines.append(text[start:end])
        start = end + 1
    return lines


def _may_end_meta(raw: str) -> bool:
    """False when a raw line surely cleans to no meta line (_may_be_meta): it ends, before the
    trailer, with an ASCII character no meta line ends with. Cleaning leaves a trailing ASCII
    character as it is (it only drops non-ASCII marks, composes accents and folds spaces)."""
    last = raw.rstrip(META_TRAILER)[-1:]
    return not last.isascii() or last.isdecimal() or last in META_LAST_CHARS


def _tail_lines(text: str) -> list[str]:
    """The last TAIL_LINES lines, raw, when they may hold a ``Source :`` line (else none)."""
    if not _label_in_tail(text):
        return []
    return text.rsplit("\n", TAIL_LINES)[-TAIL_LINES:]


def _label_in_tail(text: str) -> bool:
    """Whether one of SOURCE_CORE stands in the last TAIL_LINES lines. The last occurrence
    is looked for in the last TAIL_SPAN characters (no copy of the text); when they hold
    fewer lines than that, the lines begin further up and the whole text is searched."""
    low = max(0, len(text) - TAIL_SPAN)
    if low and text.count("\n", low) < TAIL_LINES:
        low = 0
    last = max(text.rfind(label, low) for label in SOURCE_CORE)
    return last != -1 and text.count("\n", last) < TAIL_LINES


def _known_category_meta(line: str) -> bool:
    # cheap tests first: the line ends as a meta line and opens with a known category
    if len(line) >= 120 or not _may_be_meta(line):
        return False
    if not fold(line).lstrip(CATEGORY_STRIP).replace("’", "'").startswith(CATEGORY_NAMES):
        return False
    meta = _parse_meta(line)
    return bool(meta and meta.category and fold(meta.category).replace("’", "'") in CATEGORIES)


def _press_review_tail(lines: Sequence[str]) -> str | None:
    """The original date line just before ``Source : X``, typical of CCME's press review
    (``lines`` raw: only a line that may open with the label and the one above it get
    cleaned, body paragraphs cost a cleaning each)."""
    for index, raw in enumerate(lines):
        if _may_open_source(raw) and SOURCE.match(clean(raw)):
            above = next((line for line in map(clean, reversed(lines[:index])) if line), None)
            if above is not None and _is_date_only(above):
                return above
    return None


def _may_open_source(raw: str) -> bool:
    """False when a raw line surely cleans to no SOURCE line: it opens with an ASCII
    character other than "s" (cleaning keeps a leading ASCII character, or composes it into
    a non-ASCII one)."""
    first = raw.lstrip()[:1]
    return first in ("s", "S") or not first.isascii()


# -- line predicates -------------------------------------------------------------------------


def _is_share(text: str) -> bool:
    if SHARE_START.match(text) is None:
        return False  # the first word decides for most lines: no need to split them whole
    spaced = text.replace("(", " ").replace(")", " ")
    return all(word.lower().strip(".,:") in SHARE_WORDS for word in spaced.split())


def _is_chrome(text: str) -> bool:
    """Logo, menu toggles and share rows: page chrome wherever it stands."""
    return (
        text.startswith("CCME |") or (len(text) <= CHROME_SPAN and text.lower() in CHROME) or _is_share(text)
    )


def _union(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern matching at the start of a string where any of ``patterns`` does (each
    keeps its case flag): a single C-level call per line instead of one test per pattern."""
    return re.compile("|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" for p in patterns))


# Every line the body may leave out (chrome, captions, breadcrumbs, promo links) matches this;
# most body lines are paragraphs that it rules out at once, before the exact tests.
MAY_LEAVE_OUT = _union(
    (
        re.compile(re.escape("CCME |")),
        re.compile("(?:" + "|".join(map(re.escape, CHROME)) + ")$", re.I),
        SHARE_START,
        CAPTION,
        BREADCRUMB,
        PROMO,
    )
)

# An end marker (group "end": the alternative tried first, so it wins when both match), else
# a line that MAY_LEAVE_OUT matches: one match per block of an HTML page.
END_OR_LEAVE = re.compile(f"(?P<end>{_union(END_MARKERS).pattern})|{MAY_LEAVE_OUT.pattern}")

# END_OR_LEAVE tries some sixty alternatives one after the other on every line (case-blind
# ones cannot be skipped by their first letter): a few lookups on a line's opening rule out
# most paragraphs first (_may_open). Every alternative opens with one of these words, in
# lower case (each word is its alternative's literal start) ...
OPENING_WORDS = (
    # END_MARKERS
    "related posts", "related articles", "articles similaires", "articles liés",
    "nos dernières actualités", "our latest news", "latest news", "download ccme books",
    "download the ccme app", "téléchargez l", "logo ccme", "type above and press enter", "newsletter",
    "abonnez-vous pour recevoir", "subscribe to receive", "leave a reply", "laisser un commentaire",
    "laisser une réponse", "add a comment", "ajouter un commentaire", "comments are closed",
    "les commentaires sont fermés", "previous article", "next article", "article précédent",
    "article suivant", "tags", "mots-clés", "étiquettes",
    "مقالات ذات صلة", "مواضيع ذات صلة", "آخر الأخبار", "أحدث الأخبار", "النشرة الإخبارية", "الوسوم",
    # "CCME |", CAPTION, BREADCRUMB, PROMO; CHROME and SHARE_WORDS below
    "ccme |", "photo", "crédit", "credit", "image", "home", "accueil", "الرئيسية",
    "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "read also", "read more", "اقرأ أيضا",
    *CHROME,
    *(word for word in SHARE_WORDS if word != "x"),
    # PICTO, which _mark also tells
    "picto info",
)  # fmt: skip
OPENINGS: dict[str, tuple[str, ...]] = {}
for _word in OPENING_WORDS:
    OPENINGS[_word[:3]] = (*OPENINGS.get(_word[:3], ()), _word)
OPENING_SPAN = max(map(len, OPENING_WORDS))
# ... or with one of these ASCII characters: share rows' leading marks and their one-letter
# word "X", years of copyright lines; or with a non-ASCII character that is no Arabic letter
# (caseless: their words are in OPENING_WORDS) nor one of QUIET_MARKS: "©", accented
# capitals, other digits and spaces, CASE_TRAPS.
OPENING_CHARS = frozenset("().,:xX0123456789" + "".join(c for c in map(chr, range(128)) if c.isspace()))
QUIET_MARKS = frozenset("—–«“”’‘•◦▪‣·")  # dashes, quotes, bullet signs
# re.IGNORECASE takes these for i and s; lower() does not (nor keeps "İ" one character).
CASE_TRAPS = ("ı", "İ", "ſ")
# So a line whose first three characters, lower-cased, are none of OPENING_KEYS (the words'
# first three, also with CASE_TRAPS in place of their i and s) opens with no word; if its
# first character is one of QUIET_OPENERS, it opens no alternative at all.
_TRAPPED = {"i": ("i", "ı", "i\u0307"), "s": ("s", "ſ")}  # "İ".lower() is "i" + U+0307
OPENING_KEYS = frozenset(
    "".join(chars) for trio in OPENINGS for chars in product(*(_TRAPPED.get(char, (char,)) for char in trio))
)
QUIET_OPENERS = (
    frozenset(char for char in map(chr, range(33, 127)) if not char.isdecimal()) - OPENING_CHARS
    | frozenset(chr(code) for code in range(0x621, 0x64B))
    | QUIET_MARKS
)


def _may_open(text: str) -> bool:
    """False when ``text`` surely matches no END_OR_LEAVE alternative nor PICTO: it opens
    with none of OPENING_WORDS, compared in lower case (as re.IGNORECASE compares, CASE_TRAPS
    aside), nor with a character that opens another alternative. Where every line is asked
    (_lines, _block_body), the test of the first three characters is inlined before _mark."""
    key = text[:3].lower()
    if key not in OPENING_KEYS:
        return key[:1] not in QUIET_OPENERS
    head = text[:OPENING_SPAN]
    if not head.isascii() and any(trap in head for trap in CASE_TRAPS):
        return True
    return head.lower().startswith(OPENINGS[key])


# What _mark says of an end marker, of a line the body may leave out, of an old Joomla
# page's disclaimer (no line is two of them: their openings differ).
END, LEAVE, PICTO_LINE = 2, 1, 3
_mark_of = itemgetter(2)  # a Line's mark, read in C over many lines (map)


@lru_cache(maxsize=4096)  # the lines that get this far are mostly the template's, page after page
def _mark(text: str) -> int:
    """END when ``text`` is an end marker (END_MARKERS), else LEAVE when MAY_LEAVE_OUT matches
    it, else PICTO_LINE when PICTO does, else 0: one END_OR_LEAVE match, on the lines that
    _may_open only."""
    if not _may_open(text):
        return 0
    found = END_OR_LEAVE.match(text)
    if found is None:
        return PICTO_LINE if PICTO.match(text) else 0
    return END if found.group("end") is not None else LEAVE


def _is_breadcrumb(text: str) -> bool:
    """BREADCRUMB, told first by its separator."""
    return ("»" in text or "›" in text) and BREADCRUMB.match(text) is not None


def _has_more_link(text: str) -> bool:
    """A "read more" link at the end (MORE_LINK), told first by the link's last letter."""
    return text.rstrip(MORE_LINK_TRAILER)[-1:] in MORE_LINK_LAST and MORE_LINK.search(text) is not None


def _is_date_only(text: str) -> bool:
    meta = _parse_meta(text) if len(text) < 80 else None
    return meta is not None and meta.category is None and not meta.authors


def _is_label(text: str) -> bool:
    """A short line without sentence punctuation: a category or a byline."""
    return len(text.split()) <= 6 and not text.endswith(META_PUNCTUATION)


def _plausible_title(line: Line) -> bool:
    text = line.text
    return (
        not line.bullet
        and 2 <= len(text.split()) <= 50
        and not _is_chrome(text)
        and line.mark != END
        and not BREADCRUMB.match(text)
        and _parse_meta(text) is None
    )


def _authors(names: str) -> tuple[str, ...]:
    return tuple(name for name in (clean(n) for n in AUTHOR_SPLIT.split(names)) if name)


def _looks_like_names(names: str) -> bool:
    """Capitalised words and particles only ("Par ailleurs" or "Par delà…" are no bylines)."""
    words = names.replace(",", " ").split()
    if not words or len(words) > 10:
        return False
    return all(
        word[0].isupper() or word.lower() in NAME_PARTICLES or "\u0621" <= word[0] <= "\u064a"
        for word in words
    )


def _byline(text: str) -> tuple[str, ...]:
    """The authors of a ``Par X`` / ``By X`` line, or () for any other line."""
    found = BYLINE.match(text)
    return _authors(found["names"]) if found and _looks_like_names(found["names"]) else ()


# -- meta line -------------------------------------------------------------------------------


# The header, listing and tail rules ask about the same lines (a title, the meta line, the
# dates of related posts) several times: answers are kept for the short lines last asked
# about (Meta is immutable; a long line is a paragraph, never a meta line worth keeping).
_META_MEMO_LENGTH = 300


def _parse_meta(text: str) -> Meta | None:
    """Read ``[<category>] [Par <author>] <date> [Updated: <date>] [N min read]``, or None."""
    if text[-1:] in QUIET_ENDS:
        return None  # most lines end so, and no meta line does (_may_be_meta)
    return _parse_meta_memo(text) if len(text) <= _META_MEMO_LENGTH else _read_meta(text)


def _read_meta(text: str) -> Meta | None:
    if not _may_be_meta(text):
        return None  # most lines: no need to look for dates
    spans = list(find_dates(text))
    if not spans:
        return None
    first = spans[0]
    rest, updated = text[first.end :], None
    if len(spans) > 1 and UPDATED_LABEL.match(text[first.end : spans[1].start].strip(" |·•-–")):
        rest, updated = text[spans[1].end :], spans[1].value
    if READING_TIME.sub("", rest).strip(" |·•-–"):
        return None
    prefix = PUBLISHED_LABEL.sub("", text[: first.start].strip(" |·•-–")).strip(" |·•-–")
    authors: tuple[str, ...] = ()
    byline = BYLINE_IN_META.search(prefix)
    if byline and _looks_like_names(byline["names"]):
        authors, prefix = _authors(byline["names"]), prefix[: byline.start()].strip(" |·•-–")
    if prefix and (
        NOT_CATEGORY.search(prefix)
        or len(prefix.split()) > 10
        or prefix.endswith(META_PUNCTUATION)
        or prefix.split()[-1].lower() in CONNECTORS
    ):
        return None
    return Meta(published=first.value, updated=updated, category=prefix or None, authors=authors)


_parse_meta_memo = lru_cache(maxsize=1024)(_read_meta)


def _may_be_meta(text: str) -> bool:
    """Whether the text may be a meta line: it ends as one must (with a date or a reading
    time) and does not open as a tweet sign-off ("— Name (@handle) April 2, 2021"), which
    NOT_CATEGORY rejects."""
    end = text.rstrip(META_TRAILER)
    last = end[-1:]
    if last.isdecimal():
        if not _ends_with_year_or_minute(end):
            return False
    elif last not in META_LAST_CHARS:
        return False
    return not text.lstrip(" |·•-–").startswith("—")


def _ends_with_year_or_minute(text: str) -> bool:
    """Digits closing a date are a year ("2021" after a space or "/") or minutes ("30" after
    "h", ":" or a space): not "pic.twitter.com/abc21"."""
    start = len(text)
    while start and text[start - 1].isdecimal():
        start -= 1
    run, before = len(text) - start, text[start - 1 : start]
    if run == 4:
        return before == "/" or before.isspace()
    return run == 2 and (before in ("h", "H", ":") or before.isspace())


def _updated_line(text: str) -> When | None:
    spans = list(find_dates(text))
    if spans and UPDATED_LABEL.match(text[: spans[0].start].strip(" |·•-–")):
        return spans[0].value
    return None


# -- header ----------------------------------------------------------------------------------


def _header_from(
    lines: Sequence[Line], title_at: int, limit: int, section: str | None, *, titled: bool = True
) -> Header | None:
    """Read the meta line and share bars under the title at ``title_at`` (under the line
    at ``title_at`` without taking it as title when ``titled`` is false)."""
    meta: Meta | None = None
    updated: When | None = None
    labels: list[str] = []
    shared = False
    index = title_at + 1
    while index < min(limit, title_at + 8):
        text = lines[index].text
        if _is_share(text):
            shared = True
        elif shared:
            break
        elif meta is None and (found := _parse_meta(text)) is not None:
            meta = found
        elif meta is None and len(labels) < 2 and _is_label(text):
            labels.append(text)  # category or byline on its own line
        elif meta is not None and (when := _updated_line(text)) is not None:
            updated = when
        else:
            break
        index += 1
    if meta is None and not shared:
        return None
    authors = meta.authors if meta else ()
    for label in labels:
        names = _byline(label)
        if names:
            authors = authors or names
        else:
            section = section or label
    return Header(
        title=lines[title_at].text if titled else None,
        body_at=index,
        section=section or (meta.category if meta else None),
        published=meta.published if meta else None,
        updated=updated or (meta.updated if meta else None),
        authors=authors,
    )


def _header_after_breadcrumb(lines: Sequence[Line], crumb: int, limit: int) -> Header | None:
    trail = [clean(part) for part in BREADCRUMB_SEP.split(lines[crumb].text)][1:]
    index = crumb + 1
    while index < limit and (lines[index].bullet or _is_chrome(lines[index].text)):
        index += 1
    if index >= limit:
        return None
    if trail and trail[-1] == lines[index].text:
        trail.pop()  # a trail that ends with the post title
    section = trail[-1] if trail else None
    if _opens_titleless(lines, index):
        return _header_from(lines, index - 1, limit, section, titled=False)
    if not _plausible_title(lines[index]):
        return None
    return _header_from(lines, index, limit, section)


def _opens_titleless(lines: Sequence[Line], index: int) -> bool:
    """A meta line (category or share bars under it) where the title should be: the extract
    or dump lost its title."""
    meta = _parse_meta(lines[index].text)
    if meta is None or lines[index].bullet:
        return False
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return bool(meta.category or meta.authors) or _is_share(following)


def _candidate_strength(lines: Sequence[Line], index: int) -> int:
    """How surely the line at ``index`` is the meta line under a title: 2 for a category,
    byline or share bars; 1 for a bare date at the very top of an extract (it may also be a
    stray teaser of another article); 0 for no meta line."""
    meta = _parse_meta(lines[index].text)
    if meta is None or lines[index].bullet or not _plausible_title(lines[index - 1]):
        return 0
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if meta.category or meta.authors or _is_share(following):
        return 2
    return int(index == 1 and bool(following) and not following.endswith(TEASER_END))


def _title_above(lines: Sequence[Line], meta_at: int) -> int:
    """Index of the title over the meta line at ``meta_at``: the line above, or the one
    above that when the category stands on its own line ("title / category / date / share")."""
    above = meta_at - 1
    meta = _parse_meta(lines[meta_at].text)
    bare_date = meta is not None and meta.category is None and not meta.authors
    shared = meta_at + 1 < len(lines) and _is_share(lines[meta_at + 1].text)
    if (
        above > 0
        and bare_date
        and shared
        and _is_label(lines[above].text)
        and _plausible_title(lines[above - 1])
    ):
        return above - 1
    return above


def _scan_header(lines: Sequence[Line], limit: int) -> Header | None:
    """The first sure title block of a dump without breadcrumb, else a bare date at the top."""
    if lines and _opens_titleless(lines, 0):
        return _header_from(lines, -1, limit, None, titled=False)
    strengths: dict[int, int] = {}  # computed on demand: a sure header is most often near the top
    # a line ending with one of QUIET_ENDS is no meta line: its strength is 0
    candidates = [index for index in range(1, limit) if lines[index].text[-1:] not in QUIET_ENDS]
    for wanted in (2, 1):
        for index in candidates:
            if index not in strengths:
                strengths[index] = _candidate_strength(lines, index)
            if strengths[index] == wanted:
                header = _header_from(lines, _title_above(lines, index), limit, None)
                if header is not None:
                    return attrs.evolve(header, sure=wanted == 2)
    return None


def _find_header(lines: Sequence[Line], ends: Sequence[int]) -> tuple[Header | None, int | None]:
    """The article header, and the breadcrumb's index when the dump has one."""
    crumb = next((i for i, line in enumerate(lines) if not line.bullet and _is_breadcrumb(line.text)), None)
    limit = _end_of_body(lines, 0 if crumb is None else crumb + 1, ends)
    if crumb is not None:
        header = _header_after_breadcrumb(lines, crumb, limit)
        if header is not None:
            return header, crumb
    return _scan_header(lines, limit), crumb


def _end_marks(lines: Sequence[Line]) -> list[int]:
    """Indexes of the lines that end a body (end markers), found once per page."""
    return [i for i, line in enumerate(lines) if line.mark == END and not line.bullet]


def _end_of_body(lines: Sequence[Line], start: int, ends: Sequence[int]) -> int:
    """Where the body from ``start`` ends: at the first of the ``ends`` marks after it, with
    the footer headings just above it."""
    at = bisect_left(ends, start)
    end = ends[at] if at < len(ends) else len(lines)
    while end > start and lines[end - 1].text.lower() in FOOTER_HEADINGS:
        end -= 1
    return end


# -- body ------------------------------------------------------------------------------------


def _body(zone: Sequence[Line], *, keep_bullets: bool) -> tuple[list[str], list[Link]]:
    """Paragraphs of the body zone without chrome, captions and promo links (kept as links)."""
    paragraphs: list[str] = []
    promos: list[Link] = []
    for line in zone:
        text = line.text
        # a body line is no end marker: END_OR_LEAVE matches it where MAY_LEAVE_OUT does
        if line.mark == LEAVE and _left_out(text, promos):
            continue
        if line.bullet:
            if not keep_bullets and len(text.split()) <= 8:
                continue  # a menu item
            text = text.lstrip("•◦▪‣·*- ").strip()
        if text:
            paragraphs.append(text)
    return paragraphs, promos


def _left_out(text: str, promos: list[Link]) -> bool:
    """Whether the body leaves a line out (chrome, caption, breadcrumb, promo link; a promo
    goes to ``promos``). Only lines that MAY_LEAVE_OUT matches need asking."""
    if _is_chrome(text) or CAPTION.match(text) or BREADCRUMB.match(text):
        return True
    promo = PROMO.match(text)
    if promo and promo["title"]:
        promos.append(Link(title=promo["title"]))
    return promo is not None


def _block_body(blocks: Sequence[str]) -> tuple[list[str], list[Link]]:
    """``_body`` of a page's blocks up to the end of the body (``_end_of_body``), bullets
    kept. Blocks are never menu bullets: one END_OR_LEAVE match per block tells an end
    marker (where reading stops) from a line the body may leave out, in a single pass."""
    end = len(blocks)
    leaves: list[int] = []  # blocks that MAY_LEAVE_OUT matches
    for index, text in enumerate(blocks):
        key = text[:3].lower()  # the quick test before _mark (OPENING_KEYS)
        if key in OPENING_KEYS or key[:1] not in QUIET_OPENERS:
            mark = _mark(text)
            if mark == END:
                end = index
                break
            if mark == LEAVE:
                leaves.append(index)
    while end and blocks[end - 1].lower() in FOOTER_HEADINGS:
        end -= 1
    promos: list[Link] = []
    left_out = {index for index in leaves if index < end and _left_out(blocks[index], promos)}
    if not left_out:
        return [text for text in blocks[:end] if text], promos
    paragraphs = [text for index, text in enumerate(blocks[:end]) if text and index not in left_out]
    return paragraphs, promos


def _drop_stray_teasers(paragraphs: list[str]) -> list[str]:
    """Drop teasers of other articles heading an extract: ``title / date`` pairs
    (with their excerpt) and lines cut with an ellipsis."""
    while len(paragraphs) > 2:
        if _is_date_only(paragraphs[1]) and len(paragraphs[0].split()) <= 30:
            paragraphs = paragraphs[2:]
            if paragraphs and paragraphs[0].endswith(TEASER_END):
                paragraphs = paragraphs[1:]
        elif paragraphs[0].endswith(TEASER_END) or RENDER_TIME.match(paragraphs[0]):
            paragraphs = paragraphs[1:]
        else:
            break
    return paragraphs


def _split_tail(paragraphs: list[str]) -> Tail:
    """Take the original date, credited source and byline off the end (and a byline off the top)."""
    source: str | None = None
    original: When | None = None
    authors: tuple[str, ...] = ()
    body = list(paragraphs)
    while len(body) > 1:
        last = body[-1]
        credit = SOURCE.match(last) or PRESS_REVIEW.match(last)
        if source is None and credit:
            source = credit["source"].strip()
            spans = list(find_dates(source))
            if spans and spans[-1].end == len(source):  # "Source : MAP - 22 avr 2016"
                original = original or spans[-1].value
                source = source[: spans[-1].start].strip(" ,-–|") or None
        elif source is None and last in AGENCIES:
            source = last.strip("()")
        elif original is None and _is_date_only(last):
            original = _parse_meta(last).published  # type: ignore[union-attr]
        elif not authors and _byline(last):
            authors = _byline(last)
        else:
            break
        body.pop()
    if len(body) > 1 and not authors and _byline(body[0]):
        authors = _byline(body[0])
        body.pop(0)
    return Tail(paragraphs=body, source=source, source_published=original, authors=authors)


def _check_not_listing(paragraphs: Sequence[str]) -> list[str]:
    """Reject listings and teaser-only pages; drop a lone trailing "read more" link."""
    # _parse_meta's first test, inlined: most paragraphs end with one of QUIET_ENDS
    dated = sum(
        1 for p in paragraphs if len(p) < 200 and p[-1:] not in QUIET_ENDS and _parse_meta(p) is not None
    )
    last = len(paragraphs) - 1
    # _has_more_link, inlined: pages have hundreds of paragraphs, a short one every few
    more = [
        i
        for i, p in enumerate(paragraphs)
        if (len(p) < 40 or i == last)
        and p.rstrip(MORE_LINK_TRAILER)[-1:] in MORE_LINK_LAST
        and MORE_LINK.search(p) is not None
    ]
    if dated >= 2 or len(more) >= 2:
        raise NotAnArticle("a CCME listing or home page: dated teasers, no single article")
    if more:
        if len(paragraphs) <= 3:
            raise NotAnArticle("a teaser-only page: the full text is not on CCME")
        trimmed = MORE_LINK.sub("", paragraphs[-1]).strip()
        return [*paragraphs[:-1], trimmed] if trimmed else list(paragraphs[:-1])
    return list(paragraphs)


def _related(lines: Sequence[Line], start: int) -> list[Link]:
    """``Related Posts``: (title, date) pairs up to the next end marker."""
    at = next(
        (
            i
            for i in range(start, len(lines))
            if lines[i].mark == END and RELATED_HEADING.match(lines[i].text)
        ),
        None,
    )  # the heading is an end marker (END_MARKERS)
    if at is None:
        return []
    pairs: list[tuple[str, When | None]] = []
    for line in lines[at + 1 :]:
        if line.bullet or line.mark == END:
            break
        if _is_date_only(line.text):
            if pairs and pairs[-1][1] is None:
                pairs[-1] = (pairs[-1][0], _parse_meta(line.text).published)  # type: ignore[union-attr]
        else:
            pairs.append((line.text, None))
    return [Link(title=title, published=when) for title, when in pairs]


def _tags(lines: Sequence[Line], ends: Sequence[int], start: int) -> tuple[str, ...]:
    """The first ``Tags : a, b`` line from ``start``: a line that TAGS matches is an end marker
    (END_MARKERS), so only the ``ends`` are read."""
    for index in ends[bisect_left(ends, start) :]:
        found = TAGS.match(lines[index].text)
        if found:
            return tuple(tag for tag in (clean(t) for t in TAG_SPLIT.split(found["tags"])) if tag)
    return ()


# -- non-article pages -----------------------------------------------------------------------


def _reject_archives(lines: Sequence[Line], header: Header | None) -> None:
    """Author archives and old Joomla teaser pages, recognised by their labels."""
    stop = header.body_at if header else len(lines)
    for line in lines[:stop]:
        if not line.bullet and ":" in line.text and AUTHOR_ARCHIVE.match(line.text):
            raise NotAnArticle(f"a CCME author archive ({line.text})")


def _joomla_page(lines: Sequence[Line], document: Document, outlet: CcmeOutlet) -> Article:
    """Old Joomla + K2 page: a title and a teaser under the ``picto info`` disclaimer."""
    picto = list(map(_mark_of, lines)).index(PICTO_LINE)
    end = _end_of_body(lines, picto + 1, _end_marks(lines))
    texts, _ = _body(lines[picto + 1 : end], keep_bullets=False)
    more = [text for text in texts if _has_more_link(text)]
    if len(more) >= 2:
        raise NotAnArticle("a CCME listing (old Joomla page with several teasers)")
    if more or len(texts) <= 2:
        raise NotAnArticle("a teaser-only page: the full text is not on CCME (old Joomla page)")
    tail = _split_tail(texts[1:])
    return Article(
        outlet=outlet.name,
        url=document.url,
        title=texts[0],
        paragraphs=tail.paragraphs,
        authors=tail.authors,
        language=guess_language(tail.paragraphs, document.url),
        source=tail.source,
        source_published=tail.source_published,
    )


# -- text dumps ------------------------------------------------------------------------------


def _lines(document: Document) -> list[Line]:
    lines: list[Line] = []
    for raw in document.lines:
        if not raw or not (text := clean(raw)):
            continue
        key = text[:3].lower()  # the quick test before _mark (OPENING_KEYS)
        mark = _mark(text) if key in OPENING_KEYS or key[:1] not in QUIET_OPENERS else 0
        # A bullet opens with a space or a bullet sign: lines opened by a letter or digit skip
        # the test. tuple.__new__ builds each Line in C (Line(...) runs a Python __new__).
        lines.append(_new_tuple(Line, (text, not raw[0].isalnum() and is_bullet(raw), mark)))
    return lines


_new_tuple = tuple.__new__


def _parts(
    lines: Sequence[Line], header: Header | None, ends: Sequence[int]
) -> tuple[int, int, Tail, list[Link]]:
    """Where the body starts and ends, its paragraphs and credits, and its promo links."""
    start = header.body_at if header else 0
    end = _end_of_body(lines, start, ends)
    paragraphs, promos = _body(lines[start:end], keep_bullets=header is not None)
    if header is None:
        paragraphs = _drop_stray_teasers(paragraphs)
    return start, end, _split_tail(paragraphs), promos


def _plausible_repost(header: Header, tail: Tail) -> bool:
    """CCME reposts an item within days of its original date: a post date far from it
    belongs to another article's teaser."""
    post, original = header.published, tail.source_published
    if post is None or original is None:
        return True
    days = (_day_of(post) - _day_of(original)).days
    return 0 <= days <= REPOST_DELAY_DAYS


def _day_of(when: When) -> date:
    return when.date() if isinstance(when, datetime) else when


def _extract_text(document: Document, outlet: CcmeOutlet) -> Article:
    lines = _lines(document)
    if PICTO_LINE in map(_mark_of, lines[:200]):
        return _joomla_page(lines, document, outlet)
    ends = _end_marks(lines)
    header, crumb = _find_header(lines, ends)
    _reject_archives(lines, header)
    start, end, tail, promos = _parts(lines, header, ends)
    if header is not None and not header.sure and not _plausible_repost(header, tail):
        header = None  # the top "title / date" pair was a teaser of another article
        start, end, tail, promos = _parts(lines, header, ends)
    body = _check_not_listing(tail.paragraphs)
    if not body or (header is None and crumb is not None and len(body) < 2):
        raise ExtractionError("no CCME article body found (no title and date under the breadcrumb)")
    return Article(
        outlet=outlet.name,
        url=document.url,
        title=header.title if header else None,
        paragraphs=body,
        published=header.published if header else None,
        updated=header.updated if header else None,
        authors=(header.authors if header else ()) or tail.authors,
        tags=_tags(lines, ends, start),
        section=header.section if header else None,
        language=guess_language(body, document.url),
        source=tail.source,
        source_published=tail.source_published,
        related=(*_related(lines, end), *promos),
    )


# -- HTML pages ------------------------------------------------------------------------------


def _extract_html(document: Document, outlet: CcmeOutlet) -> Article:
    """Metadata from the page; body, credits and promo links by the dump rules."""
    page = read_page(document)
    texts, promos = _block_body(page.blocks)
    tail = _split_tail(texts)
    body = _check_not_listing(tail.paragraphs)
    if not body:
        raise ExtractionError("the CCME article container holds no text")
    links = container_links(page.containers) if promos else {}
    return Article(
        outlet=outlet.name,
        url=page.url,
        title=page.title,
        paragraphs=body,
        published=page.published,
        updated=page.updated,
        authors=page.authors or tail.authors,
        tags=page.tags,
        section=page.section,
        language=page.language or guess_language(body, page.url),
        source=tail.source,
        source_published=tail.source_published,
        images=page.images,
        related=(*page.related, *(attrs.evolve(link, url=links.get(link.title)) for link in promos)),
    )
