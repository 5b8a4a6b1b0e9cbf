"""Le360 renderer for presskit.testing: Articles written as Arc XP pages and their dumps.

Test support only: the outlet never imports this module.
"""

from __future__ import annotations

import random
import string
from collections.abc import Mapping
from datetime import date, datetime
from html import escape
from types import MappingProxyType

from presskit import Article
from presskit.dates import local_datetime
from presskit.document import Kind
from presskit.testing.render import fitted, slug

__all__ = ["RENDERER", "Le360Renderer"]

# Overline words the template shows above the headline, with their URL section.
_SECTIONS = {"Politique": "politique", "Economie": "economie", "Société": "societe", "Monde": "monde",
             "Culture": "culture", "Sport": "sport"}  # fmt: skip
_MENU = ("Politique", "Economie", "Société", "Monde", "Culture", "Sport", "Médias", "Vidéos")
_FIELDS = frozenset(
    {"url", "title", "lead", "paragraphs", "published", "authors", "section", "tags", "source"}
)
_DEFAULT_DAY = date(2020, 1, 15)


def _stamp(moment: datetime) -> str:
    return f"Le {moment:%d/%m/%Y} à {moment:%H}h{moment:%M}"


def _arc_id(title: str) -> str:
    """A stable 26-letter Arc story id for a title."""
    return "".join(random.Random(title).choices(string.ascii_uppercase, k=26))


class Le360Renderer:
    """Le360's Arc XP template: overline (section), headline, chapeau, ``Par A et B``, the
    ``Le DD/MM/YYYY à HHhMM`` date line, a captioned lead image, the body, ``#tag`` links,
    the comment block and related stories. Every page shows a date and a chapeau."""

    outlet = "le360"
    fields: Mapping[Kind, frozenset[str]] = MappingProxyType(
        {"text": _FIELDS, "html": _FIELDS | {"language"}}
    )
    markers = ("Bienvenue dans l’espace commentaire", "Partager", "Tous droits réservés", "Commentaires",
               "Politique de confidentialité", "© Copyright", "Le360Le360", "Rechercher")  # fmt: skip

    def fit(self, article: Article) -> Article:
        published = article.published or _DEFAULT_DAY
        if not isinstance(published, datetime):
            published = local_datetime(published, 12)
        section = article.section if article.section in _SECTIONS else None
        folder = _SECTIONS.get(section or "", "actualites")  # a folder that names no section
        title = article.title or ""
        paragraphs, lead = article.paragraphs, article.lead
        if lead is None:  # every Arc story has a chapeau: the first paragraph moves up
            lead, paragraphs = paragraphs[0], paragraphs[1:] or ("Le dossier reste ouvert.",)
        return fitted(
            article,
            outlet=self.outlet,
            url=f"https://fr.le360.ma/{folder}/{slug(title)}_{_arc_id(title)}/",
            lead=lead,
            paragraphs=paragraphs,
            published=published,
            section=section,
        )

    def render_text(self, article: Article) -> str:
        """A full-page Arc dump: menu, headline, overline glued to the chapeau, byline, date,
        caption and credit, share label, body, tags, comment block, related, footer."""
        assert isinstance(article.published, datetime)
        lines = [
            "Le360Le360",
            *(f"  • {item}" for item in _MENU),
            "العربية",
            "Rechercher",
            "",
            article.title or "",
        ]
        lines += ["", f"{article.section or ''}{article.lead or ''}"]
        if article.authors:
            lines += ["", "Par " + " et ".join(article.authors)]
        lines += [
            "",
            _stamp(article.published),
            "",
            "Une vue de la ville au petit matin.",
            "",
            "© Copyright : Le360",
            "",
            "Partager",
        ]
        for paragraph in article.paragraphs:
            lines += ["", paragraph]
        if article.source:
            lines += ["", f"Source : {article.source}"]
        if article.tags:
            lines += ["", *(f"#{tag}" for tag in article.tags)]
        lines += [
            "",
            "Bienvenue dans l’espace commentaire",
            "",
            "Nous souhaitons que cet espace soit un lieu de débat dans le respect de tous.",
            "",
            "Commentaires (0)",
            "",
            "Culture",
            "Fès célèbre ses musiques sacrées",
            "Le 08/06/2023 à 12h00",
            "",
            "  • Qui sommes-nous",
            "  • Contact",
            "Politique de confidentialité",
            "© 2023 Le360. Tous droits réservés.",
        ]
        return "\n".join(lines) + "\n"

    def render_html(self, article: Article) -> str:
        """The Arc page: stable class names next to styled-components hashes, overline,
        ``h1.headline-container``, ``h2.subheadline-container``, ``div.byline-credits``,
        ``div.subheadline-date``, ``article.article-body-wrapper`` and ``a.le360-tags``."""
        assert isinstance(article.published, datetime)
        folder = _SECTIONS.get(article.section or "", "societe")
        overline = (
            f'<div class="overline-container sc-3vb1cb-0 eQwErT"><a class="overline-link sc-3vb1cb-1 hJkLmN" '
            f'href="/{folder}/">{escape(article.section)}</a></div>'
            if article.section
            else ""
        )
        names = " <span>et</span> ".join(
            f'<a class="byline-credits-bold sc-7t6y5u-1 qWeRtY" href="/auteurs/{slug(a)}/">{escape(a)}</a>'
            for a in article.authors
        )
        byline = (
            f'<div class="byline-credits sc-7t6y5u-0 zXcVbN"><span>Par</span> {names}</div>' if names else ""
        )
        body = "\n".join(
            f'<h2 class="body-heading sc-v4c5x6-2">{escape(p)}</h2>'
            if p[-1:].isalpha()
            else f'<p class="body-paragraph sc-v4c5x6-1 MnOpQr">{escape(p)}</p>'
            for p in article.paragraphs
        )
        if article.source:
            body += f'\n<p class="body-paragraph sc-v4c5x6-1 MnOpQr">Source : {escape(article.source)}</p>'
        tags = " ".join(
            f'<a class="le360-tags sc-2w3e4r-1 aSdFgH" href="/tags/{slug(t)}/">#{escape(t)}</a>'
            for t in article.tags
        )
        tags_block = f'<div class="le360-tags-holder sc-2w3e4r-0 pLoKiJ">{tags}</div>' if tags else ""
        menu = "".join(f'<a href="/{slug(m)}/">{m}</a> ' for m in _MENU)
        return f"""<!doctype html>
<html lang="fr-FR" dir="ltr">
<head>
<meta charset="utf-8">
<title>{escape(article.title or "")} - Le360</title>
<link rel="canonical" href="{escape(article.url or "")}">
<meta property="og:site_name" content="Le360">
<meta property="og:type" content="article">
<link rel="stylesheet" href="/pf/resources/dist/le360-fr/css/style.css?d=431">
</head>
<body class="article-page">
<div id="fusion-app" class="layout-section">
<header class="site-header sc-z8x7c6-0 WxYzAb"><nav>{menu}</nav></header>
<main>
 <div class="article-header sc-u8i9o0-0 IjKlMn">
  {overline}
  <h1 class="headline-container sc-f4g5h6-0 EfGhIj">{escape(article.title or "")}</h1>
  <h2 class="subheadline-container sc-f4g5h6-1 KlMnOp">{escape(article.lead or "")}</h2>
  {byline}
  <div class="subheadline-date sc-f4g5h6-2 WxYz01">{_stamp(article.published)}</div>
 </div>
 <figure class="lead-art-wrapper"><img src="https://fr.le360.ma/resizer/photo.jpg" alt="Une vue de la ville">
 <figcaption>Une vue de la ville au petit matin. <span class="credit">© Le360</span></figcaption></figure>
 <div class="share-bar"><a href="#">Partager</a> <a href="#">Facebook</a></div>
 <article class="article-body-wrapper sc-v4c5x6-0 GhIjKl" data-type="story">
{body}
 </article>
 {tags_block}
 <div class="comments-wrapper"><p>Bienvenue dans l’espace commentaire</p><p>Commentaires (0)</p></div>
</main>
<footer class="site-footer"><p>© 2023 Le360. Tous droits réservés.</p></footer>
</div>
</body>
</html>
"""


RENDERER = Le360Renderer()
"""The renderer presskit.testing finds for the Le360 outlet."""
