"""Renderer of the Gazette templates, found by presskit.testing as ``presskit_gazette.testing.RENDERER``.

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
from presskit.testing.render import fitted, slug

__all__ = ["RENDERER", "GazetteRenderer"]

_FIELDS = frozenset(
    {"url", "title", "lead", "paragraphs", "published", "authors", "section", "tags", "source"}
)
_MENU = "Accueil | Société | Économie | Culture | Sport"


class GazetteRenderer:
    """The Gazette's dump and HTML templates. Every article shows a date, a time and a chapeau."""

    outlet = "gazette"
    fields: Mapping[Kind, frozenset[str]] = MappingProxyType({"text": _FIELDS, "html": _FIELDS})
    markers = ("Accueil | Société", "Tous droits réservés", "Newsletter", "Partager")

    def fit(self, article: Article) -> Article:
        """Give the article a date with a time, a chapeau, a rubrique and a Gazette URL."""
        published = article.published or date(2022, 5, 20)
        if not isinstance(published, datetime):
            published = local_datetime(published, 9, 30)
        lead, paragraphs = article.lead, article.paragraphs
        if lead is None:
            lead, paragraphs = paragraphs[0], paragraphs[1:] or ("La suite au prochain numéro.",)
        section = article.section or "Société"
        return fitted(
            article,
            outlet=self.outlet,
            url=f"https://www.gazette-detroit.example/{slug(section)}/{slug(article.title or '')}",
            lead=lead,
            paragraphs=paragraphs,
            published=published,
            section=section,
        )

    def _date_line(self, article: Article) -> str:
        assert isinstance(article.published, datetime)
        line = f"Publié le {article.published:%d/%m/%Y à %H:%M}"
        return line + (" — Par " + ", ".join(article.authors) if article.authors else "")

    def render_text(self, article: Article) -> str:
        """The dump: site name, menu, rubrique, title, date line, chapeau, body, tail, footer."""
        lines = ["LA GAZETTE DU DÉTROIT", _MENU, "", f"Rubrique : {article.section}", "", article.title or ""]
        lines += [self._date_line(article), "", article.lead or "", "", *article.paragraphs]
        if article.source:
            lines += ["", f"Source : {article.source}"]
        if article.tags:
            lines += [f"Mots-clés : {', '.join(article.tags)}"]
        lines += ["", "© La Gazette du Détroit — Tous droits réservés"]
        return "\n".join(lines) + "\n"

    def render_html(self, article: Article) -> str:
        """The page: ``article`` with ``p.gz-rubrique``, ``h1.gz-title``, ``p.gz-byline``,
        ``p.gz-chapeau``, ``div.gz-body``, ``p.gz-source`` and ``ul.gz-tags``."""
        assert isinstance(article.published, datetime)
        authors = ", ".join(f'<span class="gz-author">{escape(a)}</span>' for a in article.authors)
        body = "\n".join(
            f"<h2>{escape(p)}</h2>" if p[-1:].isalpha() else f"<p>{escape(p)}</p>" for p in article.paragraphs
        )
        source = f'<p class="gz-source">Source : {escape(article.source)}</p>' if article.source else ""
        tags = "".join(f'<li><a href="/mot/{slug(t)}">{escape(t)}</a></li>' for t in article.tags)
        return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{escape(article.title or "")} | La Gazette du Détroit</title>
<link rel="canonical" href="{escape(article.url or "")}">
<meta property="og:site_name" content="La Gazette du Détroit">
<meta property="article:published_time" content="{article.published.isoformat()}">
</head>
<body>
<header><p class="logo">LA GAZETTE DU DÉTROIT</p><nav>{_MENU}</nav></header>
<main>
<article class="gz-article">
<p class="gz-rubrique">{escape(article.section or "")}</p>
<h1 class="gz-title">{escape(article.title or "")}</h1>
<p class="gz-byline">{"Par " + authors if authors else ""}</p>
<p class="gz-date">Publié le {article.published:%d/%m/%Y à %H:%M}</p>
<p class="gz-chapeau">{escape(article.lead or "")}</p>
<div class="gz-share"><a href="#">Partager</a></div>
<div class="gz-body">
{body}
</div>
{source}
<ul class="gz-tags">{tags}</ul>
</article>
<aside><h3>Newsletter</h3><p>Recevez la Gazette chaque vendredi.</p></aside>
</main>
<footer><p>© La Gazette du Détroit — Tous droits réservés</p></footer>
</body>
</html>
"""


RENDERER = GazetteRenderer()
"""The renderer presskit.testing finds for the Gazette outlet."""
