"""CCME renderer for presskit.testing: Articles written as SmartMag pages and their dumps.

Test support only: the outlet never imports this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from html import escape
from types import MappingProxyType

from presskit import Article
from presskit.dates import local_datetime
from presskit.document import Kind
from presskit.testing.render import body_of, fitted, french_day, slug

__all__ = ["RENDERER", "CcmeRenderer"]

# Categories of the site's menus; an article is filed under one of them.
_CATEGORIES = (
    "Actualité de l’immigration marocaine", "Actualité de l’immigration dans le monde", "Notre Actualité",
    "Entretiens", "Médias et migration", "Hommages", "Rencontres et débats",
)  # fmt: skip
_ABBREVIATED = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
_LOGO = "CCME | Études et actualités sur les Marocains du monde"
_SHARE = "Facebook Twitter Pinterest LinkedIn Tumblr Email WhatsApp Copy Link"
_FIELDS = frozenset(
    {
        "url",
        "title",
        "lead",
        "paragraphs",
        "published",
        "section",
        "authors",
        "tags",
        "source",
        "source_published",
    }
)
_DEFAULT_DAY = date(2021, 3, 3)


def _abbreviated(day: date) -> str:
    """The original date of a republished item as CCME writes it: ``26 févr. 2021``."""
    return f"{day.day} {_ABBREVIATED[day.month - 1]} {day.year}"


class CcmeRenderer:
    """CCME's SmartMag template: breadcrumb, title, ``<category> <D month YYYY>`` (the day
    only), share bars, optional byline, the body (no chapeau), the original date of the
    republished item and ``Source : X``, tags, related posts and footers in three languages."""

    outlet = "ccme"
    fields: Mapping[Kind, frozenset[str]] = MappingProxyType(
        {"text": _FIELDS, "html": _FIELDS | {"language"}}
    )
    markers = ("Related Posts", "Nos dernières actualités", "Type above and press Enter", "Copy Link",
               "Download CCME books", "Abonnez-vous", "Logo CCME", "Facebook", "Close Menu")  # fmt: skip

    def fit(self, article: Article) -> Article:
        published = article.published or _DEFAULT_DAY
        day = published.date() if isinstance(published, datetime) else published
        section = article.section
        if section not in _CATEGORIES:
            section = _CATEGORIES[sum(map(ord, section or "")) % len(_CATEGORIES)]
        return fitted(
            article,
            outlet=self.outlet,
            url=f"https://www.ccme.org.ma/fr/actualites/{slug(article.title or '')}/",
            lead=None,
            paragraphs=body_of(article),
            published=day,
            section=section,
            # A press-review item is reposted the day after its source published it.
            source_published=day - timedelta(days=1) if article.source else None,
        )

    def render_text(self, article: Article) -> str:
        """A full-page SmartMag dump, menus twice, as the site renders it."""
        assert isinstance(article.published, date)
        menu = [
            "  • Accueil",
            "  • Qui sommes nous",
            "    • CCME",
            "  • Actualités",
            "    • Notre Actualité",
            "  • Ressources",
            "  • Contactez-nous",
        ]
        lines = [
            "Close Menu",
            _LOGO + _LOGO,
            *menu,
            *menu,
            "Facebook X (Twitter) Instagram YouTube LinkedIn",
            f"Home»Actualités»{article.section}",
            "",
            article.title or "",
            "",
            f"{article.section} {french_day(article.published)}",
            _SHARE,
            _SHARE,
        ]
        if article.authors:
            lines += ["", "Par " + " et ".join(article.authors)]
        for paragraph in article.paragraphs:
            lines += ["", paragraph]
        if article.source_published:
            lines += ["", _abbreviated(article.source_published)]
        if article.source:
            lines += ["", f"Source\u00a0: {article.source}"]
        if article.tags:
            lines += ["", "Tags : " + ", ".join(article.tags)]
        lines += [
            "",
            "Related Posts",
            "",
            "Belgique : un festival du livre marocain à Anvers",
            "",
            "1 mars 2021",
            "",
            "Nos dernières actualités",
            "",
            "Les archives sonores de l’émigration marocaine numérisées",
            "",
            "Patrimoine",
            "",
            "10 mai 2021",
            "",
            "النشرة الإخبارية",
            "",
            "Download CCME books for Android",
            "Logo CCME",
            "  • Qui sommes-nous ?",
            "  • contact@ccme.org.ma",
            "© 2021 - CCME",
            "",
            "Type above and press Enter to search. Press Esc to cancel.",
        ]
        return "\n".join(lines) + "\n"

    def render_html(self, article: Article) -> str:
        """The SmartMag page: ``nav#breadcrumb``, ``h1.is-title.post-title``, ``a.category``,
        ``time.post-date``, share bar, ``div.post-content.entry-content``, ``div.the-post-tags``,
        related posts, sidebar and footer."""
        assert isinstance(article.published, date)
        day = article.published
        title = escape(article.title or "")
        section = escape(article.section or "")
        shown = local_datetime(day, 10).isoformat()
        author = (
            '<span class="post-author meta-item"><span class="by">Par</span> '
            + " et ".join(
                f'<a rel="author" href="/fr/author/{slug(a)}/">{escape(a)}</a>' for a in article.authors
            )
            + "</span>"
            if article.authors
            else ""
        )
        body = "\n".join(
            f'<h3 class="wp-block-heading">{escape(p)}</h3>' if p[-1:].isalpha() else f"<p>{escape(p)}</p>"
            for p in article.paragraphs
        )
        if article.source_published:
            body += f"\n<p>{_abbreviated(article.source_published)}</p>"
        if article.source:
            body += f"\n<p>Source&nbsp;: {escape(article.source)}</p>"
        tags = " ".join(f'<a rel="tag" href="/fr/tag/{slug(t)}/">{escape(t)}</a>' for t in article.tags)
        tags_block = f'<div class="the-post-tags">{tags}</div>' if tags else ""
        return f"""<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="UTF-8" />
<title>{title} - {_LOGO}</title>
<link rel="canonical" href="{escape(article.url or "")}" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{title} - {_LOGO}" />
<meta property="og:url" content="{escape(article.url or "")}" />
<meta property="og:site_name" content="{_LOGO}" />
<meta property="article:section" content="{section}" />
<link rel="stylesheet" id="smartmag-core-css" href="https://www.ccme.org.ma/wp-content/themes/smart-mag/style.css" />
</head>
<body class="post-template-default single single-post single-format-standard right-sidebar">
<div class="main-wrap">
<div class="smart-head smart-head-a smart-head-main" id="smart-head">
 <nav class="navigation"><ul id="menu-top" class="menu"><li class="menu-item"><a href="/fr/">Accueil</a></li>
 <li class="menu-item"><a href="/fr/actualites/">Actualités</a></li></ul></nav>
 <a href="/fr/" class="logo-link ts-logo"><h1><img src="/logo-ccme.png" class="logo-image" alt="{_LOGO}" /></h1></a>
</div>
<nav class="breadcrumbs" id="breadcrumb"><div class="inner"><span><a href="/fr/"><span>Home</span></a></span><span class="delim">&raquo;</span><span><a href="/fr/actualites/"><span>Actualités</span></a></span><span class="delim">&raquo;</span><span class="current">{section}</span></div></nav>
<div class="main ts-contain cf right-sidebar"><div class="ts-row"><div class="col-8 main-content">
 <div class="the-post-header s-head-modern">
  <div class="post-meta post-meta-a post-meta-single has-below">
   <h1 class="is-title post-title">{title}</h1>
   <div class="post-meta-items meta-below">
    {author}
    <span class="meta-item cat-labels"><a href="/fr/actualites/{slug(article.section or "")}/" class="category term-color-7" rel="category">{section}</a></span>
    <span class="meta-item date"><span class="date-link"><time class="post-date" datetime="{shown}">{french_day(day)}</time></span></span>
   </div>
  </div>
  <div class="post-share post-share-b"><a href="#" class="service s-facebook"><span class="label">Facebook</span></a> <a href="#" class="service s-link"><span class="label">Copy Link</span></a></div>
 </div>
 <article class="the-post single-default post type-post status-publish">
  <div class="post-content-wrap has-share-float">
   <div class="post-content cf entry-content content-spacious">
{body}
   </div>
   {tags_block}
  </div>
 </article>
 <section class="related-posts"><div class="block-head"><h4 class="heading">Related <span class="color">Posts</span></h4></div>
  <article class="l-post grid-post"><h2 class="is-title post-title"><a href="/fr/actualites/festival-livre-anvers/">Belgique : un festival du livre marocain à Anvers</a></h2>
  <time class="post-date" datetime="2021-03-01T11:02:00+01:00">1 mars 2021</time></article>
 </section>
</div>
<aside class="col-4 main-sidebar"><h5 class="heading">Nos dernières actualités</h5><ul><li><a href="/fr/x/">Les archives sonores de l’émigration marocaine numérisées</a></li></ul></aside>
</div></div>
<footer class="main-footer"><p><a href="#">Download CCME books for Android</a></p><p><a href="mailto:contact@ccme.org.ma">contact@ccme.org.ma</a></p><div class="copyright">&copy; 2021 - CCME</div></footer>
</div>
<div class="search-modal-wrap"><form method="get" class="search-form" action="/fr/"><input type="search" name="s" /><p class="message">Type above and press <em>Enter</em> to search. Press <em>Esc</em> to cancel.</p></form></div>
</body>
</html>
"""  # noqa: E501 - the page source, as the site writes it


RENDERER = CcmeRenderer()
"""The renderer presskit.testing finds for the CCME outlet."""
