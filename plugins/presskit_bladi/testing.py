"""Bladi.net renderer for presskit.testing: Articles written as SPIP article pages and their dumps.

Test support only: the outlet never imports this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from html import escape
from types import MappingProxyType

from presskit import Article
from presskit.dates import local_datetime
from presskit.document import Kind
from presskit.testing.render import body_of, fitted, french_day, number, slug

__all__ = ["RENDERER", "BladiRenderer"]

_MENU = ("Actualité", "Maroc", "Monde", "Forum")
_AGENCIES = ("MAP", "AFP", "Reuters")
_FIELDS = frozenset(
    {"url", "title", "lead", "paragraphs", "published", "authors", "section", "tags", "source"}
)


class BladiRenderer:
    """Bladi's SPIP template: header line ``<date> - <HHhMM> - <Rubrique> - Ecrit par : <Author>``,
    the chapeau as the first body paragraph (no lead), a credited-source line, promo lines,
    ``Sujets associés`` tags and related lists."""

    outlet = "bladi"
    fields: Mapping[Kind, frozenset[str]] = MappingProxyType(
        {"text": _FIELDS, "html": _FIELDS | {"language"}}
    )
    markers = ("Bladi.net Google News", "Suivez bladi.net", "Sujets associés", "Aller plus loin",
               "Ces articles devraient vous intéresser", "Tous droits réservés", "Partager")  # fmt: skip

    def fit(self, article: Article) -> Article:
        published = article.published
        if published is not None and not isinstance(published, datetime):
            published = local_datetime(published, 12)  # the header always shows a time
        return fitted(
            article,
            outlet=self.outlet,
            url=f"https://www.bladi.net/{slug(article.title or '')},{number(article.title or '')}.html",
            lead=None,
            paragraphs=body_of(article),
            published=published,
            authors=article.authors[:1],
            section=article.section or "Actualité",
        )

    def _header(self, article: Article, *, html: bool) -> str:
        moment = article.published
        day = french_day(moment) if isinstance(moment, datetime) else ""
        clock = f"{moment:%H}h{moment:%M}" if isinstance(moment, datetime) else "10h00"
        section = article.section or ""
        author = article.authors[0] if article.authors else ""
        if html:
            section = f'<a href="/{slug(section)}.html">{escape(section)}</a>'
            author = f'<a href="/auteur/{slug(author)}">{escape(author)}</a>' if author else ""
        label = "Ecrit par : " if author else "Par: "
        return f"{day} - {clock} - {section} - {label}{author}".strip()

    def _source_line(self, article: Article) -> str | None:
        if article.source is None:
            return None
        return article.source if article.source in _AGENCIES else f"Source : {article.source}"

    def render_text(self, article: Article) -> str:
        """A full-page dump: menu, title, header line, body, source, promos, tags, related."""
        lines = [
            "Menu",
            *(f"  • {item}" for item in _MENU),
            "",
            article.title or "",
            "",
            self._header(article, html=False),
        ]
        for paragraph in article.paragraphs:
            lines += ["", paragraph]
        source = self._source_line(article)
        if source:
            lines += ["", source]
        lines += [
            "",
            "Bladi.net Google News Suivez bladi.net sur Google News",
            "",
            "Bladi.net sur WhatsApp Suivez bladi.net sur WhatsApp",
        ]
        if article.tags:
            lines += ["", "Sujets associés : " + " - ".join(article.tags)]
        lines += [
            "",
            "Aller plus loin",
            "",
            "Liège : une bourse pour les étudiants du Maroc",
            "",
            "La ville de Liège finance dix bourses d’études pour des étudiants venus du Maroc...",
        ]
        return "\n".join(lines) + "\n"

    def render_html(self, article: Article) -> str:
        """The SPIP page: ``div.magauche.pas.article`` with ``h1``, ``p.datenews``, the chapeau in
        ``div.mbs.mtm strong``, body paragraphs in ``div.mtl.mbm``, tags in ``div.mots``."""
        title = escape(article.title or "")
        first, *rest = article.paragraphs
        body = "\n".join(
            f"    <h3>{escape(p)}</h3>" if p[-1:].isalpha() else f"    <p>{escape(p)}</p>" for p in rest
        )
        source = self._source_line(article)
        if source:
            body += f"\n    <p>{escape(source)}</p>"
        tags = " - ".join(f'<a href="/{slug(t)}.html" rel="tag">{escape(t)}</a>' for t in article.tags)
        mots = f'  <div class="mots">Sujets associés : {tags}</div>\n' if article.tags else ""
        return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head>
<meta charset="utf-8">
<title>{title} - Bladi.net</title>
<meta property="og:site_name" content="Bladi.net">
<meta property="og:title" content="{title}">
<meta property="og:url" content="{escape(article.url or "")}">
<link rel="canonical" href="{escape(article.url or "")}">
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body class="page_article">
<header class="entete"><a href="https://www.bladi.net/" class="logo">Bladi.net</a>
<nav><ul>{"".join(f'<li><a href="/{slug(m)}.html">{m}</a></li>' for m in _MENU)}</ul></nav>
</header>
<div class="line">
<div class="magauche pas article">
  <h1 class="mbs">{title}</h1>
  <p class="datenews">{self._header(article, html=True)}</p>
  <div class="partage"><a href="#">Partager sur Facebook</a> <a href="#">Tweeter</a></div>
  <div class="mbs mtm"><strong><p>{escape(first)}</p></strong></div>
  <div class="mtl mbm">
{body}
  </div>
  <p class="gnews"><a href="https://news.google.com/">Bladi.net Google News</a> Suivez bladi.net sur Google News</p>
  <p class="whatsapp"><a href="#">Bladi.net sur WhatsApp</a> Suivez bladi.net sur WhatsApp</p>
{mots}  <div class="aller-plus-loin">
    <h2>Aller plus loin</h2>
    <h3><a href="/liege-bourse-etudiants,50001.html">Liège : une bourse pour les étudiants du Maroc</a></h3>
    <p>La ville de Liège finance dix bourses d’études pour des étudiants venus du Maroc...</p>
  </div>
</div>
<aside class="madroite"><h2>Les plus lus</h2><ul><li><a href="/x.html">Un autre article très lu</a></li></ul></aside>
</div>
<footer><p>© Bladi.net - Tous droits réservés</p></footer>
</body>
</html>
"""  # noqa: E501 - the page source, as the site writes it


RENDERER = BladiRenderer()
"""The renderer presskit.testing finds for the Bladi outlet."""
