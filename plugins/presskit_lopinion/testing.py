"""L'Opinion renderer for presskit.testing: Articles written as WMaker pages and their dumps.

Test support only: the outlet never imports this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from html import escape
from types import MappingProxyType

from presskit import Article
from presskit.dates import local_datetime
from presskit.document import Kind
from presskit.testing.render import body_of, fitted, french_day, number, slug

__all__ = ["RENDERER", "LopinionRenderer"]

_MENU = ("Nation", "Economie", "Société", "Régions", "Monde", "Sport")
_LOGO = "L'Opinion Maroc - Actualité et Infos au Maroc et dans le monde"
_FIELDS = frozenset(
    {"url", "title", "lead", "paragraphs", "published", "authors", "section", "tags", "source"}
)
_DEFAULT_MOMENT = local_datetime(date(2023, 7, 18), 11, 30)


def _signature(name: str) -> str:
    """WMaker bylines write the family name in capitals: ``Yasmine EL AMRANI``."""
    given, _, family = name.partition(" ")
    return f"{given} {family.upper()}" if family else name


def _when(moment: date) -> str:
    """``Mardi 18 Juillet 2023 - 11:30`` (the day alone for a date)."""
    day = french_day(moment, weekday=True, capitalised=True)
    return f"{day} - {moment:%H:%M}" if isinstance(moment, datetime) else day


class LopinionRenderer:
    """L'Opinion's WMaker template: popup lines, breadcrumb, title, ``Mardi 18 Juillet 2023 -
    11:30``, ``Par <Name>``, the title repeated as the image caption, the body (no chapeau),
    ``Source : X``, ``Tags : a, b`` and the ``Lire aussi`` related module."""

    outlet = "lopinion"
    fields: Mapping[Kind, frozenset[str]] = MappingProxyType(
        {"text": _FIELDS, "html": _FIELDS | {"language"}}
    )
    markers = ("Suivez-nous sur Facebook", "Lire aussi", "Dans la même rubrique", "Commentaires",
               "Tous droits réservés", "Ph. : DR", "Facebook Twitter")  # fmt: skip

    def fit(self, article: Article) -> Article:
        title = article.title or ""
        return fitted(
            article,
            outlet=self.outlet,
            url=f"https://www.lopinion.ma/{slug(title).title()}_a{number(title)}.html",
            lead=None,
            paragraphs=body_of(article),
            published=article.published or _DEFAULT_MOMENT,
            authors=tuple(_signature(name) for name in article.authors),
        )

    def render_text(self, article: Article) -> str:
        """A full-page WMaker dump: logo, menus twice, popup, breadcrumb, header, body, tail."""
        assert article.published is not None
        menu = [f"  • {item}" for item in _MENU]
        lines = [_LOGO + _LOGO, "Menu", *menu, *menu, "", "X", "", "Suivez-nous sur Facebook", ""]
        lines += [f"Accueil » {article.section}" if article.section else "Accueil", "", article.title or ""]
        lines += ["", _when(article.published)]
        if article.authors:
            lines += ["", "Par " + " et ".join(article.authors)]
        lines += ["", article.title or "", "", "Ph. : DR", "", "Facebook Twitter LinkedIn WhatsApp"]
        for paragraph in article.paragraphs:
            lines += ["", paragraph]
        if article.source:
            lines += ["", f"Source : {article.source}"]
        if article.tags:
            lines += ["", "Tags : " + ", ".join(article.tags)]
        lines += [
            "",
            "Lire aussi",
            "",
            "Transport maritime : des tarifs revus pour l’été",
            "Lundi 17 Juillet 2023 - 18:10",
            "Les compagnies maritimes ont présenté leurs grilles...",
            "",
            "Dans la même rubrique :",
            "",
            "Commentaires",
            "",
            "Ajouter un commentaire",
            "",
            "© 2023 L'Opinion - Tous droits réservés",
            "Mentions légales",
            "جميع الحقوق محفوظة",
        ]
        return "\n".join(lines) + "\n"

    def render_html(self, article: Article) -> str:
        """The WMaker page: ``h1.access``, ``h4.date`` with ``a.rubrique``, ``Par <a rel=author>``,
        the photo and its caption, ``div.texte`` split by ``<br />``, ``div.tags``, modules."""
        assert article.published is not None
        title = escape(article.title or "")
        rubrique = (
            f'<a class="rubrique" href="/{slug(article.section)}_r3.html">{escape(article.section)}</a> | '
            if article.section
            else ""
        )
        authors = " et ".join(
            f'<a rel="author" href="/{slug(a)}_ax42.html">{escape(a)}</a>' for a in article.authors
        )
        byline = f'<div class="auteur">Par {authors}</div>' if authors else ""
        parts = [
            f"<h3>{escape(p)}</h3>" if p[-1:].isalpha() else f"{escape(p)}<br />\n<br />"
            for p in article.paragraphs
        ]
        if article.source:
            parts.append(f"Source : {escape(article.source)}")
        tags = ", ".join(f'<a href="/tags/{slug(t)}/" rel="tag">{escape(t)}</a>' for t in article.tags)
        tags_block = f'<div class="tags">Tags : {tags}</div>' if tags else ""
        published = article.published
        iso = published.isoformat()
        menu = "".join(f'<li><a href="/{slug(m)}_r1.html">{m}</a></li>' for m in _MENU)
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr" lang="fr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title}</title>
<meta property="og:site_name" content="{escape(_LOGO)}" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{title}" />
<meta property="og:url" content="{escape(article.url or "")}" />
<meta property="article:published_time" content="{iso}" />
<link rel="canonical" href="{escape(article.url or "")}" />
<link rel="alternate" type="application/rss+xml" title="RSS" href="/xml/syndication.rss" />
</head>
<body class="wm-page page-article">
<div id="z_col0">
 <div id="header" class="wm-module module-header">
  <a href="https://www.lopinion.ma/" class="logo"><img src="/_images/logo.png" alt="{escape(_LOGO)}" /></a>
  <ul class="menu">{menu}</ul>
 </div>
 <div id="z_col1" class="z_col">
  <div id="mod_4711" class="wm-module module-article">
   <div class="cel1">
    <h1 class="access">{title}</h1>
    <h4 class="date">{rubrique}{_when(published)}</h4>
    {byline}
    <div class="photo shadow top">
     <img src="https://www.lopinion.ma/photo/art/grande/75123456-53210987.jpg" alt="{title}" title="{title}" />
     <div class="legende">{title} <span class="credit">Ph. : DR</span></div>
    </div>
    <div class="texte">
     <div class="access firstChild">
      {chr(10).join(parts)}
     </div>
    </div>
    {tags_block}
   </div>
  </div>
  <div id="mod_4712" class="wm-module module-share">
   <div class="share"><a class="share_facebook" href="#">Facebook</a> <a class="share_twitter" href="#">Twitter</a></div>
  </div>
  <div id="mod_4713" class="wm-module module-related">
   <h2 class="titre_module">Lire aussi</h2>
   <div class="cel1"><h3 class="titre"><a href="/Transport-maritime_a98740.html">Transport maritime : des tarifs revus pour l’été</a></h3>
   <h4 class="date">Lundi 17 Juillet 2023 - 18:10</h4><div class="sous_titre">Les compagnies maritimes ont présenté leurs grilles...</div></div>
  </div>
  <div id="mod_4714" class="wm-module module-comments"><h2 class="titre_module">Commentaires</h2></div>
 </div>
 <div id="footer" class="wm-module module-footer"><p>© 2023 L'Opinion - Tous droits réservés</p></div>
</div>
</body>
</html>
"""  # noqa: E501 - the page source, as the site writes it


RENDERER = LopinionRenderer()
"""The renderer presskit.testing finds for the L'Opinion outlet."""
