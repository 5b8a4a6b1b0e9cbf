"""The L'Opinion outlet: lopinion.ma article pages as text dumps (here) and HTML (``html.py``).

Site rules below come from ``outlets.md`` (L'Opinion section) and from the rendered
WMaker template; each rule says how sure it is: [solid] seen in real dumps, [probable]
the WMaker template as other sites render it, [guess] a tolerant fallback.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache

import attrs

from presskit import Article, Case, Document, ExtractionError, Link, NotAnArticle, Outlet, When
from presskit.dates import local_datetime, parse_date, parse_time
from presskit.text import clean, fold, is_bullet, matches_any

# -- site data ---------------------------------------------------------------------------

# outlets.md [solid]: WMaker site on www.lopinion.ma, Next.js site on lopinion.ma/fr/.
DOMAINS = ("lopinion.ma",)

_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
# WMaker writes months capitalised and often without accents (Decembre, Fevrier, Aout).
_MONTH = (
    r"(?:janvier|janv|f[ée]vrier|f[ée]vr|mars|avril|avr|mai|juin|juillet|juil|ao[uû]t|"
    r"septembre|sept|octobre|oct|novembre|nov|d[ée]cembre|d[ée]c)\.?"
)
_CLOCK = r"\d{1,2}\s?[:hH]\s?\d{2}"
_AT_CLOCK = rf"(?:\s*(?:[-–|,]|à)?\s*{_CLOCK})?"
_TEXT_WHEN = rf"(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:er)?\s+{_MONTH}\s+(?:19|20)\d\d{_AT_CLOCK}"
_NUM_WHEN = rf"\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d{_AT_CLOCK}"

# A line that is only a date, optionally labelled (outlets.md [solid]: "Lundi 15 Avril
# 2024 - 20:00" under the title; labels [probable]).
DATE_LINE = re.compile(
    rf"^(?:(?P<label>publi[ée]e?\s+le|le|mis\s+à\s+jour\s+le|modifi[ée]e?\s+le|"
    rf"(?:derni[èe]re\s+)?mise\s+à\s+jour\s*(?:le|:)?)\s+)?(?P<when>{_TEXT_WHEN}|{_NUM_WHEN})\.?$",
    re.I,
)
UPDATE_LABEL = re.compile(r"^(?:mis|mise|modifi|derni)", re.I)
# WMaker teasers and some headers put the rubrique before the date: "Nation | Lundi 15 …"
# [probable: h4.date with a.rubrique].
SECTION_DATE_LINE = re.compile(
    rf"^(?P<section>[^\W\d][^|•\d]{{1,40}}?)\s*(?:\||•|\s[-–]\s)\s*(?P<when>{_TEXT_WHEN})$", re.I
)
# New Next.js site: "15/04/2024|3 min de lecture" (outlets.md [solid] on listings).
NEW_SITE_DATE = re.compile(
    r"^(?P<when>\d{1,2}/\d{1,2}/(?:19|20)\d\d)\s*\|\s*\d+\s*min(?:utes?)?\.?\s+de\s+lecture$", re.I
)
# Template fingerprints, exactly as WMaker renders them (capitalised): the date line
# [solid] and the byline "Rédigé par <Name> le <date>" [probable].
_WMAKER_WHEN = (
    r"(?:Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche) \d{1,2}(?:er)? "
    r"(?:Janvier|F[ée]vrier|Mars|Avril|Mai|Juin|Juillet|Ao[uû]t|Septembre|Octobre|Novembre|D[ée]cembre) "
    r"(?:19|20)\d\d(?: - \d{2}:\d{2})?"
)
WMAKER_DATE = re.compile(rf"^{_WMAKER_WHEN}$")
WMAKER_BYLINE = re.compile(rf"^Rédigé par .{{2,80}} le {_WMAKER_WHEN}$")
BRAND = re.compile(r"lopinion\.ma|L['’]Opinion Maroc|©\s*(?:\d{4}\s*)?L['’]Opinion", re.I)
# Every BRAND spelling holds "opinion", written in lower case, capitalised or upper-cased
# (CSS text-transform): the pattern runs only around these literals, never over the page.
BRAND_HINTS = ("pinion", "PINION")
# Around a hint at ``i``, a BRAND match lies within text[i - 24 : i + 16] ("lopinion.ma",
# "L'Opinion Maroc", "© 2024 L'Opinion" with a few spaces around the year).
BRAND_REACH = (24, 16)
# Detection reads a bounded head and tail of the raw text, where the template puts its
# fingerprints (sizes measured on the sample and case dumps [solid]). A full WMaker dump
# shows the logo (the brand), menus, the Facebook popup, breadcrumb, title and date line
# in its first 400 characters, and a listing a dated teaser every 200 or so: 2,000
# characters leave room for long menus and hold enough teasers to tell a listing. The
# related teasers (headed, dated), "Dans la même rubrique", the app block and the
# copyright line (the brand) close a page in about 600 characters.
DETECT_HEAD = 2000
DETECT_TAIL = 1500
# Where a fingerprint line may start: after optional spaces or invisible marks (the
# characters ``clean`` drops at a line start, the newline aside), a WMaker date line or
# byline, a new-site date or, in the head, the popup; in the tail, a short line opening
# like a RELATED_HEADINGS (in any case, as that pattern; headings hold under 30
# characters), the template's headings following the body. Led by the literal "\n", the
# search stops at line starts only; the lines found are cleaned and matched in full.
_LINE_PAD = (
    r"[\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u00ad]*"
)
_DATED = (
    r"(?P<wmaker>(?:Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Rédigé)\s)|(?P<new_site>\d{1,2}/\d)"
)
_HEAD_AT = rf"{_LINE_PAD}(?:{_DATED}|(?P<popup>Suivez))"
_HEAD_FINGERPRINT = re.compile(r"\n" + _HEAD_AT)
_FIRST_FINGERPRINT = re.compile(_HEAD_AT)  # the first line has no newline before it
_TAIL_FINGERPRINT = re.compile(
    rf"\n{_LINE_PAD}(?:{_DATED}"
    r"|(?P<related>(?i:[àa] |lire|dans|art|sur|autr|dern|les|plus|vous|voir)(?=[^\n]{0,40}(?:\n|$))))"
)
FINGERPRINT_REACH = 60  # characters a head match may read past its line start

# Bylines: "Rédigé par <Name> le <date>" (WMaker [probable]) and "Par <Name>" [probable].
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_PARTICLE = r"(?:de|du|des|d['’]|el|al|ben|bin|ibn|ou|la|le|van|von)"
_NAME = rf"(?:[Ll]a\s+[Rr][ée]daction|{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE}))*)"
_NAMES = rf"{_NAME}(?:\s*(?:,|&|\bet\b)\s*{_NAME})*"
# The names must start upper-case (case-sensitive on purpose): "Écrit par un collectif…"
# opening a paragraph is no byline. An empty name ("Rédigé par  le …") credits nobody.
WRITTEN_BY = re.compile(
    r"^(?:[Rr][ée]dig[ée]e?|[ÉEée]crit|[Pp]ubli[ée]e?)\s+par\s*:?\s*(?P<names>(?:[A-ZÀ-ÖØ-Þ].*?)?)"
    r"(?:\s*\ble\s+(?P<when>.+))?$"
)
BY = re.compile(rf"^Par\s*:?\s+(?P<names>{_NAMES})(?:\s*[,-]?\s+le\s+(?P<when>.+))?$")
NAME_SPLIT = re.compile(r"\s*(?:,|&|\bet\b)\s*")
# A closing signature line, "Karim BENNIS" [probable]: it needs both a Titlecase given
# name and an upper-case surname, so that a closing all-caps intertitle is not one.
SIGNATURE = re.compile(rf"^(?:Par\s+)?(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|el|al|ben|ibn|ou)){{1,4}})$")
SIGNATURE_CAPS = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{3,}\b")
SIGNATURE_TITLECASE = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+\b")

# Credited source at the end of the body [probable: MAP dispatches].
SOURCE_LABEL = re.compile(r"^Sources?\s*:\s*(?P<source>[^.!?]{2,60}?)\.?$", re.I)
AGENCIES = (
    "MAP",
    "AFP",
    "Reuters",
    "AP",
    "EFE",
    "Anadolu",
    "Xinhua",
    "DPA",
    "APS",
    "Belga",
    "Sputnik",
    "Agences",
)
AGENCY_LINE = re.compile(rf"^\(?(?:Avec\s+(?:la\s+)?)?(?P<source>{'|'.join(AGENCIES)})\)?\.?$", re.I)
AGENCY_TAIL = re.compile(rf"\((?P<source>{'|'.join(AGENCIES)})\)\.?$")
SECTION_LABEL = re.compile(r"^(?:Rubrique|Cat[ée]gorie)\s*:\s*(?P<section>.{2,40})$", re.I)
BREADCRUMB = re.compile(r"^(?:Accueil|Home)\s*(?:[>»›/|]\s*(?P<rest>.*))?$", re.I)
BREADCRUMB_SPLIT = re.compile(r"\s*[>»›/|]\s*")

# A caption ending in its credit: "Le ministre à Rabat (Ph. MAP)".
CAPTION_CREDIT = re.compile(
    r"^.{0,150}\((?:Ph(?:oto)?s?\.?|Crédits?(?:\s*photos?)?\s*:|©)\s*:?[^()]{0,40}\)$", re.I
)
# Lines dropped wherever they stand: popup, share bars, counters, captions and credits.
NOISE = (
    re.compile(r"^(?:X|×|✕|✖|Fermer|Close)$"),  # popup close button [solid]
    re.compile(r"^Suivez[- ]nous(?:\s+sur\s+\w+)?\s*!?$", re.I),  # popup [solid]
    re.compile(
        r"^(?:(?:Facebook|Twitter|X|LinkedIn|Linkedin|WhatsApp|Whatsapp|Telegram|Messenger|Pinterest|"
        r"Email|E-mail|Imprimer|Partager|Partagez|Tweet|Tweeter|Envoyer|Print|Copier le lien|"
        r"Copy Link|Google News)[\s|•,]*)+$",
        re.I,
    ),  # share bars [probable]
    re.compile(r"^(?:Partager|Partagez) (?:cet article|sur)\b.{0,40}$", re.I),
    re.compile(
        r"^(?:Lu \d[\d\s]* fois|\d+ (?:vues?|lectures?)|Notez|Version imprimable|Envoyer à un ami|"
        r"Taille du texte|A\+\s*A-|Augmenter la taille du texte|Diminuer la taille du texte)$",
        re.I,
    ),
    re.compile(r"^(?:©|\(©|Copyright\b)(?!.*\b(?:19|20)\d\d\b).{0,80}$", re.I),  # image credits
    re.compile(r"^\(?(?:Photos?|Ph|Crédits?(?: photos?)?|Image|Illustration)\s*(?:\.|:|-)\s*.{0,80}$", re.I),
    re.compile(r"^(?:DR|Photo d['’]illustration|Image d['’]illustration|Illustration)\.?$", re.I),
    re.compile(r"^L['’]Opinion(?: Maroc)?(?:\s*[-–|:].{0,100})?$"),  # logo text and tagline [guess]
    CAPTION_CREDIT,
    re.compile(r"^\d+\s*min(?:utes?)?\.? de lecture$", re.I),  # new-site reading time
    re.compile(r"^(?:Publicité|Advertisement|Sponsorisé|Contenu sponsorisé|Annonce)$", re.I),  # ad labels
)

# Body ends at the first of these. "Lire aussi" alone heads the related teasers [solid];
# the other headings, comments, newsletter and footer lines [probable].
RELATED_HEADINGS = re.compile(
    r"^(?:(?:À|A) lire aussi|Lire aussi|Lire également|Dans la même rubrique|Articles? similaires|"
    r"Sur le même sujet|Autres articles|Derniers articles|Dernières actualités|Les plus lus|"
    r"Plus d['’]articles|Vous aimerez aussi|Vous pourriez aussi aimer|Voir aussi)\s*:?$",
    re.I,
)
READ_MORE = re.compile(r"^(?:Lire la suite|Lire plus|Suite|Lire l['’]article)\s*(?:»|>|\.\.\.|…)?$", re.I)
# Footers: anchored on whole short lines, so that a body sentence never ends the body.
RIGHTS_FOOTER = re.compile(r"^.{0,60}(?:Tous droits réservés|All rights reserved).{0,40}$", re.I)
ARABIC_FOOTER = re.compile(r"^.{0,80}(?:جميع الحقوق محفوظة|حقوق النشر|اتصل بنا|من نحن)")
FOOTER = (
    re.compile(
        r"^(?:©|Copyright).{0,60}(?:droits|rights|L['’]Opinion|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)", re.I
    ),
    RIGHTS_FOOTER,
    re.compile(
        r"^(?:Mentions légales|Politique de confidentialité|Conditions générales(?: d['’]utilisation)?"
        r"|Qui sommes[- ]nous|Contactez[- ]nous|Contact|Plan du site|Privacy Policy|"
        r"Terms of use|Contact us|About us)\s*\??$",
        re.I,
    ),
    ARABIC_FOOTER,
)
END_MARKERS = (
    RELATED_HEADINGS,
    re.compile(r"^(?:Tags|Mots[- ]clés|Thèmes)\s*:", re.I),
    re.compile(r"^(?:Tags|Mots[- ]clés)$", re.I),
    READ_MORE,
    re.compile(
        r"^(?:\d+\s+)?(?:Commentaires?|Ajouter un commentaire|Laisser un commentaire|"
        r"Poster un commentaire|Votre commentaire|Nouveau commentaire|Réagissez|Réagir)"
        r"\s*(?:\(\d+\))?\s*:?$",
        re.I,
    ),
    # Newsletter and app blocks open with a call to action [probable].
    re.compile(
        r"^(?:Newsletter|Lettre d['’]information|Recevez|Inscrivez-vous|Abonnez-vous|Inscription|"
        r"S['’]inscrire|Téléchargez|Installez)\b.{0,100}(?:newsletter|lettre|application|appli|"
        r"notifications|Opinion)\b.{0,60}$",
        re.I,
    ),
    re.compile(r"^(?:Newsletter|Disponible sur|Télécharger sur|Download on|Get it on)\b.{0,40}$", re.I),
    *FOOTER,
)
TAGS_LINE = re.compile(r"^(?:Tags|Mots[- ]clés|Thèmes)\s*:\s*(?P<tags>.*)$", re.I)
TAGS_HEADING = re.compile(r"^(?:Tags|Mots[- ]clés)\s*:?$", re.I)
TAG_SPLIT = re.compile(r"\s*(?:[,;|•]|\s-\s)\s*")
# "Lire aussi : <title>" (or the heading alone, the title on the next line) inside the
# body links another article [probable]; the bare heading followed by teasers ends it.
INLINE_HEADING = re.compile(r"^(?:(?:À|A) lire aussi|Lire aussi|Voir aussi|Lire également)\s*:?$", re.I)
INLINE_RELATED = re.compile(
    r"^(?:(?:À|A) lire aussi|Lire aussi|Voir aussi|Lire également)\s*:\s*(?P<title>.+)$", re.I
)
# The longest INLINE_HEADING line (cleaned): "Lire également :".
INLINE_HEADING_LENGTH = 16
ELLIPSIS = ("...", "…")
DIGIT = re.compile(r"\d")  # any decimal digit, as presskit.dates finds them
MAX_STAMPS = 60  # date lines examined for the article's header
BRIEF_END = (".", "!", "?", "»", '"', "”")  # sentences of a brief
HOME_PATHS = r"^/?(?:fr/?|index\.(?:html?|php))?(?:\?|$)"

# -- example cases (invented articles in L'Opinion's template) ---------------------------

CASES = (
    Case(
        file="cases/article-full.txt",
        url="https://www.lopinion.ma/Tanger-un-nouveau-centre-d-accueil-pour-les-MRE_a98765.html",
        note="full dump: logo, menus twice, popup, breadcrumb, byline, title repeated, credit, "
        "intertitle, inline 'Lire aussi :', tweet, source, tags, related teasers, footers ar/en/fr",
        expected={
            "title": "Tanger : un nouveau centre d’accueil pour les Marocains du monde",
            "published": "2023-07-18T11:30:00+01:00",
            "authors": ["Yasmine EL AMRANI"],
            "section": "Société",
            "source": "MAP",
            "tags": ["MRE", "Tanger", "Opération Marhaba"],
            "paragraph_count": 6,
            "body_first": "Le centre d’accueil du port de Tanger Med",
            "body_contains": ["Un accueil renforcé", "pic.twitter.com/AbCdEf12"],
            "body_excludes": ["Suivez-nous", "Lire aussi", "Ph. : DR", "Dans la même rubrique", "Menu"],
            "related_titles": [
                "Marhaba 2023 : les ports du Nord en alerte",
                "Transport maritime : des tarifs revus pour l’été",
                "Casablanca : la gare routière fait peau neuve",
            ],
        },
    ),
    Case(
        file="cases/article-date-only-single-newlines.txt",
        note="main-content extract: stray teaser on top, single newlines, 'Rédigé par … le' with a "
        "day only and an unaccented month, agency credit in parentheses",
        expected={
            "title": "Agriculture : la campagne des dattes s’annonce record à Errachidia",
            "published": "2019-08-01",
            "authors": ["Karim BENNIS"],
            "source": "MAP",
            "section": None,
            "paragraph_count": 3,
            "body_excludes": ["Rabat mise sur le tramway"],
        },
    ),
    Case(
        file="cases/article-signature.txt",
        url="https://www.lopinion.ma/Fez-le-festival-des-musiques-sacrees-revient_a11223.html",
        note="title, date, title repeated, body, closing signature, Arabic footer, no 'Lire aussi'",
        expected={
            "title": "Fès : le festival des musiques sacrées revient en juin",
            "published": "2022-02-08T09:05:00+01:00",
            "authors": ["Mehdi OUAZZANI"],
            "source": None,
            "tags": [],
            "paragraph_count": 3,
            "body_excludes": ["Mehdi OUAZZANI", "جميع الحقوق"],
        },
    ),
    Case(
        file="cases/article-inline-link-update.txt",
        url="https://www.lopinion.ma/Diplomatie-Rabat-et-Dakar-signent-sept-accords_a44444.html",
        note="rubrique label, update line, two authors, share bar, bare 'Lire aussi' heading one "
        "link inside the body, intertitle, ad label, comment block",
        expected={
            "title": "Diplomatie : Rabat et Dakar signent sept accords de coopération",
            "published": "2021-12-03T18:45:00+01:00",
            "updated": "2021-12-04T10:20:00+01:00",
            "section": "Monde",
            "authors": ["Omar SEFRIOUI", "Leila Benjelloun"],
            "paragraph_count": 6,
            "body_contains": ["Un partenariat ancien", "Le prochain rendez-vous"],
            "body_excludes": ["Publicité", "Lire aussi", "ne fait pas partie", "Facebook"],
            "related_titles": ["Maroc-Sénégal : la ligne aérienne Casablanca-Ziguinchor relancée"],
        },
    ),
    Case(
        file="cases/extract-headless.txt",
        url="https://www.lopinion.ma/Energie-solaire-Noor-Midelt_a55555.html",
        note="main-content extract without title or date, a stray teaser on top, cut short",
        expected={
            "title": None,
            "published": None,
            "authors": [],
            "paragraph_count": 3,
            "body_first": "Le complexe solaire Noor Midelt",
            "body_excludes": ["Ligue des champions"],
        },
    ),
    Case(
        file="cases/listing-rubrique.txt",
        reject="listing",
        note="WMaker rubrique listing: title/date/teaser triples, no article body",
    ),
    Case(
        file="cases/home-page.txt",
        reject="home page",
        note="home page without URL: logo, render date, menus, rubrique-dated teasers",
    ),
    Case(
        file="cases/listing-new-site.txt",
        url="https://lopinion.ma/fr/economie",
        reject="listing",
        note="new-site listing: 'DD/MM/YYYY|N min de lecture' lines",
    ),
    Case(
        file="cases/teaser-only.txt",
        url="https://www.lopinion.ma/Sahara-une-delegation-europeenne-a-Dakhla_a77777.html",
        reject="teaser",
        note="title, date and one teaser ending in 'Lire la suite': no article text",
    ),
    Case(
        file="cases/listing-rubrique.txt",
        url="https://www.lopinion.ma/Economie_r4.html",
        reject="rubrique",
        note="rubrique URL rejected by its shape",
    ),
    Case(
        file="cases/listing-rubrique.txt",
        url="https://www.lopinion.ma/",
        reject="home page",
        note="home page URL rejected by its shape",
    ),  # -- HTML pages (selectors and variants in html.py) --
    Case(
        file="cases/article-full.html",
        note="WMaker page of the full-dump article: JSON-LD, og:* and article:* meta, canonical URL, "
        "h1.access, h4.date with a.rubrique, rel=author, .texte split by <br>, inline 'Lire aussi', "
        "tweet embed, lead image with caption and credit, related module, comments, sidebar",
        expected={
            "url": "https://www.lopinion.ma/Tanger-un-nouveau-centre-d-accueil-pour-les-MRE_a98765.html",
            "title": "Tanger : un nouveau centre d’accueil pour les Marocains du monde",
            "published": "2023-07-18T11:30:00+01:00",
            "updated": None,
            "authors": ["Yasmine EL AMRANI"],
            "section": "Société",
            "source": "MAP",
            "tags": ["MRE", "Tanger", "Opération Marhaba"],
            "paragraph_count": 6,
            "body_first": "Le centre d’accueil du port de Tanger Med",
            "body_contains": ["Un accueil renforcé", "pic.twitter.com/AbCdEf12 — Port Tanger Med"],
            "body_excludes": ["Lire aussi", "Ph. : DR", "Facebook", "Commentaires", "Les plus lus"],
            "images": [
                {
                    "url": "https://www.lopinion.ma/photo/art/grande/75123456-53210987.jpg?v=1689676200",
                    "caption": "Tanger : un nouveau centre d’accueil pour les Marocains du monde",
                    "credit": "Ph. : DR",
                }
            ],
            "related_titles": [
                "Marhaba 2023 : les ports du Nord en alerte",
                "Transport maritime : des tarifs revus pour l’été",
                "Casablanca : la gare routière fait peau neuve",
            ],
        },
    ),
    Case(
        file="cases/article-popup-no-meta.html",
        url="https://www.lopinion.ma/Tanger-un-nouveau-centre-d-accueil-pour-les-MRE_a98765.html",
        note="the same article without any meta or JSON-LD, with the Facebook popup, three share "
        "modules, an ad and a newsletter box in the text, <p> paragraphs, h2 intertitle, extra "
        "wrappers, attribute order changed, lazy image, 'Dans la même rubrique' box",
        expected={
            "title": "Tanger : un nouveau centre d’accueil pour les Marocains du monde",
            "published": "2023-07-18T11:30:00+01:00",
            "authors": ["Yasmine EL AMRANI"],
            "section": "Société",
            "source": "MAP",
            "tags": [],
            "paragraph_count": 6,
            "body_excludes": ["Suivez-nous", "Publicité", "newsletter", "Partager", "Lire aussi"],
            "related_titles": [
                "Marhaba 2023 : les ports du Nord en alerte",
                "Transport maritime : des tarifs revus pour l’été",
                "Casablanca : la gare routière fait peau neuve",
            ],
        },
    ),
    Case(
        file="cases/article-signature.html",
        url="https://www.lopinion.ma/Fez-le-festival-des-musiques-sacrees-revient_a11223.html",
        note="old iso-8859-1 WMaker page holding a cp1252 apostrophe byte, HTML twin of the signature "
        "dump: no JSON-LD, no date meta, "
        "no rubrique, author or tags; table layout; entities; closing signature; Arabic footer",
        expected={
            "title": "Fès : le festival des musiques sacrées revient en juin",
            "published": "2022-02-08T09:05:00+01:00",
            "authors": ["Mehdi OUAZZANI"],
            "section": None,
            "tags": [],
            "paragraph_count": 3,
            "body_contains": ["venus d’Andalousie", "du mois d’avril"],
            "body_excludes": ["Mehdi OUAZZANI", "جميع الحقوق"],
        },
    ),
    Case(
        file="cases/article-new-site.html",
        note="modelled Next.js page [guess]: JSON-LD @graph, og/article meta, __NEXT_DATA__ article "
        "with HTML content, hashed classes, <time> with a day-only text, share buttons, ad slot, "
        "figure with credit, /_next/image URL, related cards with new-site dates",
        expected={
            "url": "https://lopinion.ma/fr/economie/energie-une-nouvelle-ligne-electrique-relie-ouarzazate-a-agadir",
            "title": "Énergie : une nouvelle ligne électrique relie Ouarzazate à Agadir",
            "published": "2024-05-02",
            "updated": None,
            "authors": ["Salma BERRADA"],
            "section": "Economie",
            "tags": ["Énergie", "ONEE"],
            "paragraph_count": 5,
            "body_contains": ["Un maillon du réseau national"],
            "body_excludes": ["Publicité", "Copier le lien", "4 min de lecture"],
            "images": [
                {
                    "url": "https://lopinion.ma/uploads/2024/05/ligne-electrique-ouarzazate.jpg",
                    "caption": "Des pylônes de la nouvelle ligne près de Ouarzazate",
                    "credit": "© MAP",
                }
            ],
            "related_titles": [
                "Dessalement : la station d’Agadir monte en puissance",
                "Noor Midelt : la deuxième phase lancée",
            ],
        },
    ),
    Case(
        file="cases/article-new-site-no-ld.html",
        note="the new-site page without JSON-LD, __NEXT_DATA__ or article:* meta, without byline, "
        "figure and tags, with extra wrappers around title and body: DOM selectors only",
        expected={
            "title": "Énergie : une nouvelle ligne électrique relie Ouarzazate à Agadir",
            "published": "2024-05-02",
            "authors": [],
            "section": "Economie",
            "tags": [],
            "paragraph_count": 5,
            "body_first": "L’Office national de l’électricité",
        },
    ),
    Case(
        file="cases/listing-rubrique.html",
        reject="listing",
        note="WMaker rubrique listing without URL: h3.titre teasers, div.sous_titre, h4.date",
    ),
    Case(
        file="cases/listing-rubrique.html",
        url="https://www.lopinion.ma/Economie_r2.html",
        reject="rubrique",
        note="the rubrique listing with its URL",
    ),
    Case(
        file="cases/listing-rubrique.html",
        url="https://www.lopinion.ma/tags/Economie/",
        reject="tag",
        note="a tag page (same teasers) by its URL",
    ),
    Case(
        file="cases/listing-rubrique.html",
        url="https://www.lopinion.ma/auteur/Karim-Bennis/",
        reject="author",
        note="an author page (same teasers) by its URL",
    ),
    Case(
        file="cases/home-page.html",
        reject="home page",
        note="WMaker home page: its og:url is the site root",
    ),
    Case(
        file="cases/listing-new-site.html",
        reject="listing of the new site",
        note="new-site listing without URL: cards with 'DD/MM/YYYY|N min de lecture'",
    ),
)


class LopinionOutlet(Outlet):
    """L'Opinion, Moroccan French-language daily (WMaker template, then Next.js)."""

    name = "lopinion"
    title = "L'Opinion"
    domains = DOMAINS
    # Never match articles: WMaker "/<Title-With-Dashes>_a<id>.html", new site "/fr/<...>".
    non_article_urls = (
        (HOME_PATHS, "the home page"),
        (r"^/xml/", "an RSS or syndication feed"),
        (r"_r\d+(?:_[\w-]*)?\.html$", "a WMaker rubrique listing"),
        (r"^/(?:fr/)?(?:tags?|mots-cles)(?:/|$)", "a tag page"),
        (r"^/(?:fr/)?(?:auteurs?|authors?)(?:/|$)", "an author page"),
        (r"^/(?:fr/)?(?:categor(?:y|ie|ies)|rubriques?|sections?)(?:/|$)", "a section listing"),
        (r"^/(?:fr/)?(?:search|recherche)(?:/|$|\?)|[?&](?:q|s|search)=", "a search page"),
        (r"^/(?:fr/)?(?:page/\d+|archives?)(?:/|$)", "an archive listing"),
    )
    cases = CASES

    def detect(self, document: Document) -> float:
        """Score template fingerprints; WMaker ones alone stay below 0.7 (other sites run it)."""
        try:
            if document.kind == "html":
                from presskit_lopinion.html import detect_html  # here: html.py imports this module

                return detect_html(document)
            return _detect_text(document)
        except Exception:  # noqa: BLE001 - detection must never raise
            return 0.0

    def extract(self, document: Document) -> Article:
        """Extract the article of an HTML page (see :mod:`presskit_lopinion.html`) or a text dump."""
        if document.kind == "html":
            from presskit_lopinion.html import extract_html  # here: html.py imports this module

            return extract_html(document, self)
        return _extract_text(document, self)


# -- detection -----------------------------------------------------------------------------


def _same(a: str, b: str) -> bool:
    """Equal once folded, trailing punctuation aside (a title and its repeat as caption)."""
    return _same_key(a) == _same_key(b)


def _same_key(line: str) -> str:
    """What ``_same`` compares."""
    return fold(line).rstrip(" .")


ASCII_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


@lru_cache(maxsize=64)
def _cannot_open(key: str) -> frozenset[str]:
    """First characters of lines whose ``_same_key`` cannot be ``key``: a line opening with
    an ASCII letter or digit keeps it, lower-cased, first once folded, so any other such
    character rules the line out without folding it (one set lookup per line)."""
    return frozenset(c for c in ASCII_ALNUM if c.lower() != key[:1])


def _detect_text(document: Document) -> float:
    """WMaker fingerprints (capped: other sites share them), new-site dates, then the brand."""
    text = document.text
    if "\n" not in text and "\r" in text:  # old Mac line ends
        text = "\n".join(document.lines)
    dated: list[int] = []  # where WMaker date lines and bylines start
    popup = related = False
    new_site = 0
    for kind, at, line in _fingerprints(text):
        if kind == "wmaker" and (WMAKER_DATE.match(line) or WMAKER_BYLINE.match(line)):
            dated.append(at)
        elif kind == "new_site" and NEW_SITE_DATE.match(line):
            new_site += 1
        elif kind == "popup" and line.startswith("Suivez-nous sur Facebook"):
            popup = popup or sum(1 for x in text[:at].split("\n") if clean(x)) < 20  # in the first 20 lines
        elif kind == "related" and RELATED_HEADINGS.match(line):
            related = True
    score = 0.0
    if dated:
        score += 0.35
        if len(dated) >= 3:
            score += 0.1  # a WMaker listing
        above, below = _neighbour(text, dated[0], -1), _neighbour(text, dated[0], 1)
        if above is not None and below is not None and _same(above, below):
            score += 0.15  # title, date line, title repeated as the image caption
    if popup:
        score += 0.1
    if related:
        score += 0.1
    if new_site:
        score = max(score, 0.55 if new_site >= 3 else 0.45)
    score = min(score, 0.65)  # other sites run WMaker too: the template alone proves little
    if _has_brand(document.text):
        score += 0.3 if score else 0.2  # a mention alone may be another outlet quoting it
    return round(min(score, 0.95), 2)


def _fingerprints(text: str) -> Iterator[tuple[str, int, str]]:
    """(kind, start, cleaned line) of the lines that may be fingerprints: starting in the
    head (read whole, even across its end) or in the tail. A short text is all head and
    tail: its date lines are taken once, from the head."""
    head = min(len(text), DETECT_HEAD)
    found: list[tuple[int, str | None]] = []  # (where the line's newline is, kind)
    first = _FIRST_FINGERPRINT.match(text, 0, head + FINGERPRINT_REACH)
    if first is not None:
        found.append((-1, first.lastgroup))
    for match in _HEAD_FINGERPRINT.finditer(text, 0, head + FINGERPRINT_REACH):
        if match.start() < head:
            found.append((match.start(), match.lastgroup))
    for match in _TAIL_FINGERPRINT.finditer(text, max(0, len(text) - DETECT_TAIL)):
        if match.start() >= head or match.lastgroup == "related":
            found.append((match.start(), match.lastgroup))
    for newline, kind in found:
        at = newline + 1  # the line's first character
        end = text.find("\n", at)
        yield kind or "", at, clean(text[at:] if end < 0 else text[at:end])


def _neighbour(text: str, at: int, step: int) -> str | None:
    """The nearest non-blank line (cleaned) above (step -1) or below (step 1) the line at ``at``."""
    while True:
        if step < 0:
            if at == 0:
                return None
            end, at = at - 1, text.rfind("\n", 0, at - 1) + 1
        else:
            newline = text.find("\n", at)
            if newline < 0:
                return None
            at = newline + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
        line = clean(text[at:end])
        if line:
            return line


def _has_brand(text: str) -> bool:
    """BRAND in the head or tail, searched around each occurrence of its hints only."""
    before, after = BRAND_REACH
    head = min(len(text), DETECT_HEAD)
    for start, stop in ((0, head), (max(head, len(text) - DETECT_TAIL), len(text))):
        for hint in BRAND_HINTS:
            at = text.find(hint, start, stop)
            while at >= 0:
                if BRAND.search(text, max(0, at - before), at + after):
                    return True
                at = text.find(hint, at + 1, stop)
    return False


# -- text dumps: line classes ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Stamp:
    """What a date line says."""

    when: When
    updated: bool = False
    section: str | None = None
    authors: tuple[str, ...] = ()
    new_site: bool = False


_BULLET_SIGNS = frozenset("•◦▪‣")  # what presskit.text.is_bullet finds unindented


def _prepare(raw: Sequence[str]) -> tuple[list[str], list[int]]:
    """Cleaned non-blank lines and their class bits (see _classify); menu bullets
    (repeated or short) dropped, list items kept.

    ``raw`` holds the document's lines (``Document.lines``, right-stripped): blank ones are
    skipped before cleaning, so a dump's many empty lines cost nothing (no outlet's
    detector builds ``Document.cleaned_lines``, which would clean them all)."""
    texts: list[str] = []
    kinds: list[int] = []
    bullets: list[int] = []  # where bullet lines stand in texts (most dumps have none)
    memo, limit = _read_memo, MEMO_LENGTH
    for line in filter(None, raw):
        text, kind, bullet = memo(line) if len(line) <= limit else _read(line)
        if not text:  # spaces or invisible marks only
            continue
        if bullet:
            bullets.append(len(texts))
        texts.append(text)
        kinds.append(kind)
    if not bullets:
        return texts, kinds
    counts = Counter(texts[i] for i in bullets)
    out: list[str] = []
    out_kinds: list[int] = []
    at = set(bullets)
    for index, text in enumerate(texts):
        kind = kinds[index]
        if index in at:
            item = text.lstrip("•◦▪‣·*- ").strip()
            if counts[text] > 1 or len(item.split()) <= 4 or not item:
                continue
            text, kind = item, _kind(item)
        out.append(text)
        out_kinds.append(kind)
    return out, out_kinds


def _read(line: str) -> tuple[str, int, bool]:
    """A raw non-blank line cleaned, the class bits of the cleaned line, and whether the
    raw line is a bullet."""
    text = clean(line)
    # a bullet opens with its sign or an indent: other lines need no closer look
    bullet = (line[0] in _BULLET_SIGNS or line[0].isspace()) and is_bullet(line)
    return text, _classify(text) if text else 0, bullet


# Most patterns are anchored on the line's first words and fail at once: they are joined
# into one test. Three scan the line and are tried only when the line can match them:
# a caption credit ends with ")", the rights footer holds at most 120 characters (60 before
# the phrase, 40 after it), and an Arabic footer phrase holds "ح" or "ن" near the start.
_NOISE_ANCHORED = [p for p in NOISE if p is not CAPTION_CREDIT]
_END_ANCHORED = [p for p in END_MARKERS if p is not RIGHTS_FOOTER and p is not ARABIC_FOOTER]
_ANY_NOISE = matches_any(_NOISE_ANCHORED)
_ANY_END = matches_any(_END_ANCHORED)
RIGHTS_FOOTER_LENGTH = 120
# An Arabic footer phrase starts within the first 80 characters and holds "ح" or "ن" among
# its first 8: a line without either in its first 88 cannot match.
ARABIC_FOOTER_REACH = 88


def _alternation(patterns: Sequence[re.Pattern[str]]) -> str:
    """The patterns as one alternation, each keeping its case flag (their only flag)."""
    if any(p.flags & ~(re.I | re.U) for p in patterns):
        raise ValueError("a line pattern has a flag other than re.I: join it by hand")
    return "|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" for p in patterns)


# Most lines are neither noise nor an end marker: one scan of both lists tells, the noise
# patterns first. A match on the end side means that no noise pattern matched; one on the
# noise side leaves the end markers to be tried.
_NOISE_OR_END = re.compile(
    f"(?P<noise>{_alternation(_NOISE_ANCHORED)})|(?P<end>{_alternation(_END_ANCHORED)})"
)


# Layout, body and related teasers test the same lines in turn: each line is classified
# once into bits (its kind), which the passes over a dump's lines read from a list built
# once per document. Classes of lines up to MEMO_LENGTH characters are memoised (as
# presskit.text memoises clean and fold: the template's lines recur page after page);
# longer ones would fill the memo for little.
MEMO_LENGTH = 300
LINE_NOISE = 1  # dropped wherever it stands (_noise)
LINE_END = 2  # ends the body (_end)
LINE_DATED = 4  # a date line (_stamp finds one)
LINE_PROSE = 8  # a full paragraph (_is_prose)
STAMP_LENGTH = 120  # no date line is longer (see _stamp)


def _classify(line: str) -> int:
    """The line's class bits: LINE_NOISE, LINE_END, LINE_DATED and LINE_PROSE."""
    found = _NOISE_OR_END.match(line)
    if found is not None and found.start("noise") >= 0:  # the end markers were not tried
        noise, end = True, _end(line)
    else:  # no anchored noise pattern matches; an end marker does when found
        noise, end = _noise_unanchored(line), found is not None or _end_unanchored(line)
    kind = (LINE_NOISE if noise else 0) | (LINE_END if end else 0)
    # _stamp's own guard, tested here: long lines and lines without digits are no date
    if len(line) <= STAMP_LENGTH and DIGIT.search(line) and _stamp(line) is not None:
        kind |= LINE_DATED
    if line.count(" ") >= 11 and not line.endswith(ELLIPSIS):  # _is_prose, inlined
        kind |= LINE_PROSE
    return kind


_kind_memo = lru_cache(maxsize=1 << 13)(_classify)
# A dump's raw lines, each read once (cleaned, classified, bullet or not): most of a
# page's lines are the template's, met page after page.
_read_memo = lru_cache(maxsize=1 << 13)(_read)


def _kind(line: str) -> int:
    """``_classify(line)``, memoised for lines up to MEMO_LENGTH characters."""
    return _kind_memo(line) if len(line) <= MEMO_LENGTH else _classify(line)


def _kinds(lines: Sequence[str]) -> list[int]:
    """The class bits of each line, in order."""
    memo, limit = _kind_memo, MEMO_LENGTH
    return [memo(line) if len(line) <= limit else _classify(line) for line in lines]


def _is_noise(line: str) -> bool:
    """A line dropped wherever it stands (popup, share bar, credit, glued logo text)."""
    return bool(_kind(line) & LINE_NOISE)


def _noise(line: str) -> bool:
    return _ANY_NOISE(line) or _noise_unanchored(line)


def _noise_unanchored(line: str) -> bool:
    """The noise tests other than the anchored patterns: a caption credit, glued logo text."""
    if line.endswith(")") and CAPTION_CREDIT.match(line):
        return True
    half = len(line) // 2
    # glued logo text; the halves are compared only when their first characters agree
    return len(line) >= 8 and len(line) % 2 == 0 and line[0] == line[half] and line[:half] == line[half:]


def _is_end(line: str) -> bool:
    """A line that ends the body: related heading, tags, comments, newsletter, footer."""
    return bool(_kind(line) & LINE_END)


def _end(line: str) -> bool:
    return _ANY_END(line) or _end_unanchored(line)


def _end_unanchored(line: str) -> bool:
    """The end tests other than the anchored patterns: the rights and Arabic footers."""
    if len(line) <= RIGHTS_FOOTER_LENGTH and RIGHTS_FOOTER.match(line) is not None:
        return True
    head = line[:ARABIC_FOOTER_REACH]
    return ("ح" in head or "ن" in head) and ARABIC_FOOTER.match(line) is not None


def _names(text: str) -> tuple[str, ...]:
    """Split "A, B et C" into names."""
    return tuple(n for n in (clean(x).strip(" .,") for x in NAME_SPLIT.split(text)) if n)


@lru_cache(maxsize=4096)
def _stamp(line: str) -> _Stamp | None:
    """Parse a date line (plain, labelled, rubrique-prefixed, byline with date, new site)."""
    if len(line) > STAMP_LENGTH or not DIGIT.search(line):  # every date has digits (presskit.dates)
        return None
    m = NEW_SITE_DATE.match(line)
    if m:
        when = parse_date(m["when"])
        return _Stamp(when=when, new_site=True) if when else None
    m = DATE_LINE.match(line)
    if m:
        when = parse_date(m["when"])
        updated = bool(m["label"] and UPDATE_LABEL.match(m["label"]))
        return _Stamp(when=when, updated=updated) if when else None
    byline = _byline(line)
    if byline is not None and byline[1] is not None:
        return _Stamp(when=byline[1], authors=byline[0])
    m = SECTION_DATE_LINE.match(line)
    if m and not BY.match(line) and not WRITTEN_BY.match(line):
        when = parse_date(m["when"])
        return _Stamp(when=when, section=clean(m["section"])) if when else None
    return None


@lru_cache(maxsize=4096)
def _byline(line: str) -> tuple[tuple[str, ...], When | None] | None:
    """Authors (and date) of a byline line, or None when the line is not one."""
    m = WRITTEN_BY.match(line) or BY.match(line)
    if m is None or len(line) > 120:
        return None
    when = parse_date(m["when"]) if m["when"] else None
    if m["when"] and when is None:
        return None
    names = _names(m["names"])
    if any(len(n.split()) > 6 for n in names):
        return None
    return names, when


def _words(line: str) -> int:
    """Number of words of a cleaned non-blank line (single spaces between words)."""
    return line.count(" ") + 1


def _is_prose(line: str) -> bool:
    """A full paragraph: a dozen words or more, not a teaser cut by an ellipsis."""
    return _words(line) >= 12 and not line.endswith(ELLIPSIS)


def _title_like(line: str) -> bool:
    """Could be a headline: a few words, not a date, byline, marker or noise."""
    return (
        2 <= _words(line) <= 40
        and not line.endswith(ELLIPSIS)
        and not line.endswith(":")
        and not _kind(line) & (LINE_NOISE | LINE_END | LINE_DATED)
        and _byline(line) is None
    )


# -- text dumps: page layout ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Layout:
    """Where the parts of an article stand in the prepared lines."""

    title: str | None
    stamp: _Stamp
    head: tuple[str, ...]
    start: int
    stop: int
    end: int
    cut_by_date: bool


def _is_header_line(line: str) -> bool:
    """Noise, byline, rubrique, breadcrumb or update date around the title."""
    if _is_noise(line) or _byline(line) or SECTION_LABEL.match(line) or BREADCRUMB.match(line):
        return True
    stamp = _stamp(line)
    return stamp is not None and stamp.updated


def _title_above(lines: list[str], at: int) -> tuple[str | None, list[str]]:
    """The title above a date line, with the header lines skipped on the way."""
    head: list[str] = []
    for index in range(at - 1, max(-1, at - 6), -1):
        line = lines[index]
        if _is_header_line(line):
            head.append(line)
            continue
        if _title_like(line):
            above = lines[max(0, index - 3) : index]
            return line, head + [x for x in above if BREADCRUMB.match(x) or SECTION_LABEL.match(x)]
        break
    return None, head


def _skip_header(lines: list[str], start: int, stop: int, title: str | None) -> tuple[int, list[str]]:
    """Skip the lines between the date line and the body (title repeat, byline, caption)."""
    head: list[str] = []
    index = start
    while index < min(stop, start + 6):
        line = lines[index]
        if (title is not None and _same(line, title)) or _is_header_line(line):
            head.append(line)
            index += 1
            continue
        break
    return index, head


def _inline_heading(lines: list[str], kinds: list[int], at: int) -> bool:
    """A bare "Lire aussi" heading one linked title inside the body, the text going on after it.

    Teasers after the heading alternate titles and teasers (or carry dates and ellipses);
    an article going on has prose with a few intertitles.
    """
    if not INLINE_HEADING.match(lines[at]) or at + 2 >= len(lines):
        return False
    if not (_teaser_title(lines[at + 1]) and kinds[at + 2] & LINE_PROSE):
        return False
    rest = prose = 0  # lines of the text going on, and of them paragraphs
    for index in range(at + 2, len(lines)):
        kind = kinds[index]
        if kind & LINE_END:
            break
        if kind & LINE_DATED or lines[index].endswith(ELLIPSIS):
            return False
        if not kind & LINE_NOISE:
            rest += 1
            prose += 1 if kind & LINE_PROSE else 0
    return prose >= 2 and 2 * (rest - prose) <= prose


def _end_of_body(lines: list[str], kinds: list[int], start: int) -> int:
    """Index of the first end marker from ``start`` (inline "Lire aussi" links excepted)."""
    for index in range(start, len(lines)):
        if kinds[index] & LINE_END and not _inline_heading(lines, kinds, index):
            return index
    return len(lines)


def _teaser_title(line: str) -> bool:
    """A short headline without a final period (a teaser's or a linked title)."""
    return _title_like(line) and _words(line) <= 25 and not line.endswith(".")


def _teaser_cut(lines: list[str], kinds: list[int], start: int, end: int) -> tuple[int, bool] | None:
    """Where the body region stops at a full-line date, and whether teasers start there.

    Two full-line dates, or one with a short title above it, mean dated teasers of other
    articles; a lone date at the very end repeats the article's date (dropped); a lone
    date followed by text is a dated intertitle and stays in the body.
    """
    dates = [i for i in range(start, end) if kinds[i] & LINE_DATED]
    if not dates or (len(dates) == 1 and end - dates[0] > 3):
        return None
    first = dates[0]
    titled = first - 1 >= start and _teaser_title(lines[first - 1])
    return (first - 1 if titled else first), (titled or len(dates) >= 2)


def _layout_at(lines: list[str], kinds: list[int], at: int, stamp: _Stamp) -> _Layout:
    title, head = _title_above(lines, at)
    if isinstance(stamp.when, date) and not isinstance(stamp.when, datetime) and at + 1 < len(lines):
        clock = parse_time(lines[at + 1])  # the time rendered on a line of its own [guess]
        if clock is not None:
            stamp = attrs.evolve(stamp, when=local_datetime(stamp.when, clock.hour, clock.minute))
            at += 1
    end = _end_of_body(lines, kinds, at + 1)
    start, more = _skip_header(lines, at + 1, end, title)
    if title is None and start < end - 1 and _teaser_title(lines[start]):
        title = lines[start]  # a header written date first, title second [guess]
        start, more = _skip_header(lines, start + 1, end, title)
    cut = _teaser_cut(lines, kinds, start, end)
    return _Layout(
        title=title,
        stamp=stamp,
        head=tuple(head + more),
        start=start,
        stop=end if cut is None else cut[0],
        end=end,
        cut_by_date=cut is not None and cut[1],
    )


def _body_lines(lines: list[str], kinds: list[int], layout: _Layout) -> tuple[list[str], bool]:
    """The body region of a layout without its noise lines, and whether it holds prose."""
    kept = [i for i in range(layout.start, layout.stop) if not kinds[i] & LINE_NOISE]
    return [lines[i] for i in kept], any(kinds[i] & LINE_PROSE for i in kept)


def _is_teaser_entry(body: list[str], layout: _Layout, teasers: int) -> bool:
    """A title/date/teaser entry of a listing rather than an article."""
    # the words are counted only for a body short enough to be an entry
    return len(body) <= 2 and sum(map(_words, body)) < 70 and (layout.cut_by_date or teasers >= 2)


def _is_teaser_page(lines: list[str], body: list[str], layout: _Layout) -> bool:
    """A title, a date and one teaser ending in an ellipsis or a "read more" link."""
    read_more = layout.end < len(lines) and bool(READ_MORE.match(lines[layout.end]))
    return layout.title is not None and 0 < len(body) <= 2 and (body[-1].endswith(ELLIPSIS) or read_more)


def _is_brief(lines: list[str], body: list[str], layout: _Layout) -> bool:
    """A short article: a title, then sentences of under a dozen words that the page's end
    marker closes (not a "read more" link, not a date, not an ellipsis)."""
    closed = layout.stop == layout.end < len(lines) and not READ_MORE.match(lines[layout.end])
    text = [line for line in body if not (SOURCE_LABEL.match(line) or AGENCY_LINE.match(line))]
    return (
        layout.title is not None
        and closed
        and bool(text)
        and text[-1].endswith(BRIEF_END)  # intertitles may stand between the sentences
        and not any(line.endswith(ELLIPSIS) for line in text)
    )


def _find_layout(lines: list[str], kinds: list[int]) -> _Layout | None:
    """The article's header, or None; raise for listings, teaser pages and empty articles."""
    stamps = [
        (i, s) for i, kind in enumerate(kinds) if kind & LINE_DATED and (s := _stamp(lines[i])) is not None
    ]
    teasers = 0
    teaser_page = empty = False
    brief: _Layout | None = None
    # The article's date line comes early; looking at every date of a huge listing would be
    # quadratic (each layout scans to the end of its body).
    for index, stamp in stamps[:MAX_STAMPS]:
        if stamp.updated:
            continue
        layout = _layout_at(lines, kinds, index, stamp)
        body, prose = _body_lines(lines, kinds, layout)
        if _is_teaser_entry(body, layout, teasers):
            teasers += 1
        elif prose:
            return layout
        elif brief is None and _is_brief(lines, body, layout):
            brief = layout
        teaser_page = teaser_page or _is_teaser_page(lines, body, layout)
        empty = empty or (layout.title is not None and not body)
    new_site = sum(1 for _, s in stamps if s.new_site)
    if teasers >= 2 or len(stamps) >= 4:
        kind = "a listing of the new site" if new_site >= 2 else "a listing or home page"
        raise NotAnArticle(f"{kind}: {len(stamps)} dated teasers and no article body")
    if brief is not None:  # before the teaser test: the teasers were those of a related module
        return brief
    if teaser_page:
        raise NotAnArticle("a teaser-only page: title, date and a teaser, no article text")
    if empty:
        raise ExtractionError("found the title and the date line but no article body after them")
    return None


# -- text dumps: metadata and body -----------------------------------------------------------


@attrs.define
class _Meta:
    """Metadata gathered around the body while it is trimmed."""

    authors: list[str] = attrs.Factory(list)
    source: str | None = None
    section: str | None = None
    updated: When | None = None
    related: list[Link] = attrs.Factory(list)

    def add_authors(self, names: Sequence[str]) -> None:
        """Add names not yet listed, in order."""
        for name in names:
            if fold(name) not in {fold(a) for a in self.authors}:
                self.authors.append(name)


def _agency(name: str) -> str:
    """The agency name as usually written (``map`` -> ``MAP``)."""
    return next((a for a in AGENCIES if a.lower() == name.lower()), name)


def _read_head(head: Sequence[str], title: str | None, meta: _Meta) -> None:
    """Bylines, rubrique, breadcrumb and update date from the header lines."""
    for line in head:
        byline = _byline(line)
        if byline is not None:
            meta.add_authors(byline[0])
        label = SECTION_LABEL.match(line)
        if label and meta.section is None:
            meta.section = clean(label["section"])
        crumb = BREADCRUMB.match(line)
        if crumb and crumb["rest"] and meta.section is None:
            parts = [p for p in BREADCRUMB_SPLIT.split(crumb["rest"]) if p]
            if parts and title is not None and fold(parts[-1]) == fold(title):
                parts.pop()
            meta.section = parts[-1] if parts else None
        stamp = _stamp(line)
        if stamp is not None and stamp.updated and meta.updated is None:
            meta.updated = stamp.when


def _signature(line: str) -> str | None:
    """The name of a closing signature line ("Anass MACHLOUKH"), or None."""
    m = SIGNATURE.match(line)
    if m and len(line) <= 50 and SIGNATURE_CAPS.search(line) and SIGNATURE_TITLECASE.search(line):
        return m["name"]
    return None


def _trim_tail(body: list[str], meta: _Meta) -> list[str]:
    """Take the credited source and closing signature off the end of the body."""
    body = list(body)
    while len(body) > 1:
        last = body[-1]
        label = SOURCE_LABEL.match(last)
        agency = AGENCY_LINE.match(last)
        signature = _signature(last)
        byline = BY.match(last)
        if label or agency:
            credited = clean(label["source"]) if label else _agency(agency["source"]) if agency else None
            meta.source = meta.source or credited
        elif byline and len(last) <= 60:
            meta.add_authors(_names(byline["names"]))
        elif signature:
            meta.add_authors([signature])
        else:
            break
        body.pop()
    tail = AGENCY_TAIL.search(body[-1]) if body else None
    if tail and meta.source is None:
        meta.source = _agency(tail["source"])
    return body


def _trim_start(body: list[str], meta: _Meta) -> list[str]:
    """Take a "Par <Name>" byline off the start of the body."""
    while body and (byline := _byline(body[0])) is not None:
        meta.add_authors(byline[0])
        body = body[1:]
    return body


def _clean_body(lines: Sequence[str], kinds: Sequence[int], title: str | None, meta: _Meta) -> list[str]:
    """Drop noise and title repeats; move inline "Lire aussi" links to the related list."""
    body: list[str] = []
    linked = False  # the line after a bare "Lire aussi" heading is the linked title
    title_key = None if title is None else _same_key(title)
    unlike: frozenset[str] = frozenset() if title_key is None else _cannot_open(title_key)
    for line, kind in zip(lines, kinds, strict=True):
        if kind & LINE_NOISE:
            continue
        if title_key is not None and line[:1] not in unlike and _same_key(line) == title_key:
            continue
        inline = INLINE_RELATED.match(line) if ":" in line else None  # its colon is required
        if linked or inline:
            meta.related.append(Link(title=clean(inline["title"]) if inline else line))
            linked = False
        elif len(line) <= INLINE_HEADING_LENGTH and INLINE_HEADING.match(line):
            linked = True
        else:
            body.append(line)
    return body


def _related(lines: Sequence[str], kinds: Sequence[int], start: int) -> list[Link]:
    """Teasers after a related heading: titles, with the dates shown next to them."""
    links: list[Link] = []
    pending: When | None = None
    # a related heading is an end marker (RELATED_HEADINGS opens END_MARKERS)
    heading = next(
        (i for i in range(start, len(lines)) if kinds[i] & LINE_END and RELATED_HEADINGS.match(lines[i])),
        None,
    )
    if heading is None:
        return links
    for index in range(heading + 1, len(lines)):
        line, kind = lines[index], kinds[index]
        if kind & LINE_NOISE:
            continue
        if kind & LINE_END:  # related headings, tags lines and "read more" links are end markers
            if RELATED_HEADINGS.match(line) or TAGS_LINE.match(line) or READ_MORE.match(line):
                continue
            break
        stamp = _stamp(line) if kind & LINE_DATED else None
        if stamp is not None:
            if links and links[-1].published is None:
                links[-1] = attrs.evolve(links[-1], published=stamp.when)
            else:
                pending = stamp.when
        elif _title_like(line) and _words(line) <= 25 and not line.endswith("."):
            links.append(Link(title=line, published=pending))
            pending = None
    return links


def _tags(lines: Sequence[str], start: int) -> tuple[str, ...]:
    """Tags from a "Tags : a, b" line or a "Tags" heading over short lines."""
    for index in range(start, len(lines)):
        line = lines[index]
        found = TAGS_LINE.match(line)
        if found and found["tags"].strip():
            return tuple(t for t in (clean(x) for x in TAG_SPLIT.split(found["tags"])) if t)
        if TAGS_HEADING.match(line):
            words: list[str] = []
            for item in lines[index + 1 : index + 21]:
                if len(item.split()) > 5 or _is_end(item) or _stamp(item):
                    break
                words.append(item)
            return tuple(words)
    return ()


def _is_menu_word(line: str) -> bool:
    """A short unpunctuated line that is no credit, byline or signature: a menu entry."""
    return (
        _words(line) <= 4
        and not line.endswith((".", "!", "?", "»", '"', "…", ":", ")"))
        and not (SOURCE_LABEL.match(line) or AGENCY_LINE.match(line) or BY.match(line) or _signature(line))
    )


def _strip_menu_runs(body: list[str]) -> list[str]:
    """Drop runs of three or more menu entries opening or closing the body (unbulleted menus)."""
    start, stop = _menu_runs(body)
    return body[start:stop]


def _menu_runs(body: list[str]) -> tuple[int, int]:
    """Where the body starts and stops once _strip_menu_runs drops its menu runs."""
    start = next((i for i, line in enumerate(body) if not _is_menu_word(line)), len(body))
    if start < 3:
        start = 0
    stop = next((i + 1 for i in range(len(body) - 1, start - 1, -1) if not _is_menu_word(body[i])), start)
    if len(body) - stop < 3:
        stop = len(body)
    return start, stop


def _headless(lines: list[str], kinds: list[int]) -> tuple[str | None, list[str], list[int], int]:
    """Title (only when repeated), body (and its lines' classes) and end of a dump without
    its header lines."""
    end = _end_of_body(lines, kinds, 0)
    kept = [i for i in range(end) if not kinds[i] & LINE_NOISE]  # indexes of the body lines
    start, stop = _menu_runs([lines[i] for i in kept])
    kept = kept[start:stop]
    teaser = [n for n, i in enumerate(kept[:3]) if lines[i].endswith(ELLIPSIS) and n < len(kept) - 1]
    if teaser:
        kept = kept[teaser[-1] + 1 :]  # a stray teaser of another article above the extract
    title = None
    if len(kept) > 2 and _same(lines[kept[0]], lines[kept[1]]) and _title_like(lines[kept[0]]):
        title, kept = lines[kept[0]], kept[2:]
    prose = sum(1 for i in kept if kinds[i] & LINE_PROSE)
    teasers = sum(1 for i in kept if lines[i].endswith(ELLIPSIS))
    if kept and (prose * 2 < len(kept) or teasers >= 3):
        raise NotAnArticle("no article header and too little prose: a listing or home page")
    return title, [lines[i] for i in kept], [kinds[i] for i in kept], end


def _extract_text(document: Document, outlet: LopinionOutlet) -> Article:
    """Build the Article of a text dump, with or without its header lines."""
    lines, kinds = _prepare(document.lines)
    if not lines:
        raise ExtractionError("the dump holds no text")
    meta = _Meta()
    layout = _find_layout(lines, kinds)
    published: When | None = None
    if layout is not None:
        title: str | None = layout.title
        published = layout.stamp.when
        meta.section = layout.stamp.section
        meta.add_authors(layout.stamp.authors)
        _read_head(layout.head, title, meta)
        raw_body, raw_kinds = lines[layout.start : layout.stop], kinds[layout.start : layout.stop]
        after = layout.stop
    else:
        title, raw_body, raw_kinds, after = _headless(lines, kinds)
    cleaned = _clean_body(raw_body, raw_kinds, title, meta)
    body = _trim_tail(_trim_start(_strip_menu_runs(cleaned), meta), meta)
    if not body:
        raise ExtractionError("no article body found between the header and the end markers")
    return Article(
        outlet=outlet.name,
        url=document.url,
        title=title,
        paragraphs=body,
        published=published,
        updated=meta.updated if meta.updated != published else None,
        authors=meta.authors,
        tags=_tags(lines, after),
        section=meta.section,
        language=outlet.language,
        source=meta.source,
        related=(*meta.related, *_related(lines, kinds, after)),
    )
