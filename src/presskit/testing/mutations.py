"""Mutations: the ways real pages differ from the ones an outlet was written against.

Each :class:`Mutation` rewrites a page (HTML source or dump text) with a seeded random
generator. *Preserving* mutations change how the page is written, not what it says
(newline styles, menus repeated or removed, no-break spaces, decomposed accents, markup
wrappers and attributes): an outlet must extract the same article from the result,
compared with :func:`~presskit.testing.render.loose`. *Damaging* mutations break the page
(truncation, lost or doubled lines, noise, broken tags): an outlet must still answer with
an Article or a :class:`~presskit.PresskitError`, never crash or hang.
"""

from __future__ import annotations

import codecs
import random
import re
import unicodedata
from collections.abc import Callable

import attrs
from hypothesis import strategies as st

from presskit.document import Kind

__all__ = [
    "DAMAGING",
    "ENCODINGS",
    "LINE_DAMAGE",
    "PRESERVING",
    "Mutation",
    "encoded",
    "mutated",
    "mutations",
]

_BOTH: frozenset[Kind] = frozenset({"text", "html"})
_TEXT: frozenset[Kind] = frozenset({"text"})
_HTML: frozenset[Kind] = frozenset({"html"})


@attrs.frozen
class Mutation:
    """A named rewrite of a page."""

    name: str
    """What the mutation does, for reports."""

    apply: Callable[[str, random.Random], str]
    """The rewrite: page in, page out, with a seeded random generator."""

    kinds: frozenset[Kind] = _BOTH
    """Input kinds it applies to."""

    def __call__(self, page: str, rnd: random.Random) -> str:
        return self.apply(page, rnd)


# -- preserving ------------------------------------------------------------------------------


def _crlf(page: str, _rnd: random.Random) -> str:
    return page.replace("\r\n", "\n").replace("\n", "\r\n")


def _cr(page: str, _rnd: random.Random) -> str:
    return page.replace("\r\n", "\n").replace("\n", "\r")


def _single_newlines(page: str, _rnd: random.Random) -> str:
    return re.sub(r"\n[ \t]*\n+", "\n", page)


def _double_newlines(page: str, _rnd: random.Random) -> str:
    return re.sub(r"\n+", "\n\n", page)


def _trailing_spaces(page: str, rnd: random.Random) -> str:
    return "\n".join(line + rnd.choice(("", " ", "\t", "  ", "\u00a0")) for line in page.split("\n"))


def _space_variants(page: str, rnd: random.Random) -> str:
    spaces = ("\u00a0", "\u202f", " ")
    return re.sub(r"[\u00a0\u202f](?=[:;!?%»])|(?<=«)[\u00a0\u202f]", lambda _m: rnd.choice(spaces), page)


def _decomposed(page: str, _rnd: random.Random) -> str:
    return unicodedata.normalize("NFD", page)


def _straight_quotes(page: str, _rnd: random.Random) -> str:
    return page.replace("’", "'")


def _straight_quote_entities(page: str, _rnd: random.Random) -> str:
    # As an entity: a bare ' could close a single-quoted attribute value.
    return page.replace("’", "&#39;")


def _repeat_menus(page: str, _rnd: random.Random) -> str:
    lines = page.splitlines(keepends=True)  # whatever the newline style
    menu = [line for line in lines if line.lstrip().startswith("•")]
    if menu and not menu[-1].endswith(("\n", "\r")):
        menu[-1] += "\n"
    return "".join(menu + lines)


def _drop_menus(page: str, _rnd: random.Random) -> str:
    return "".join(line for line in page.splitlines(keepends=True) if not line.lstrip().startswith("•"))


_CHROME_HTML = (
    "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({'event': 'page'});</script>",
    "<style>.ad { display: none } p.intro { color: #333 }</style>",
    "<!-- cache: hit, generated in 0.042s -->",
    '<div class="ad-slot" aria-hidden="true"><div id="div-gpt-ad-1">Publicité</div></div>',
    "<noscript><img src='/pixel.gif' alt=''></noscript>",
    '<nav class="menu-extra"><ul><li><a href="/">Accueil</a></li>'
    '<li><a href="/contact">Contact</a></li></ul></nav>',
)


def _add_chrome(page: str, rnd: random.Random) -> str:
    """Scripts, styles, comments, hidden ads and menus, after <body> and before </body>."""
    top = "".join(rnd.sample(_CHROME_HTML, rnd.randint(1, len(_CHROME_HTML))))
    bottom = "".join(rnd.sample(_CHROME_HTML, rnd.randint(1, len(_CHROME_HTML))))
    page = re.sub(r"(<body\b[^>]*>)", lambda m: m[1] + top, page, count=1, flags=re.I)
    return re.sub(r"(</body\s*>)", lambda m: bottom + m[1], page, count=1, flags=re.I)


def _drop_chrome(page: str, rnd: random.Random) -> str:
    """Remove scripts, styles, comments, navigation, asides and footers."""
    tags = rnd.sample(("script", "style", "nav", "aside", "footer", "noscript"), rnd.randint(1, 6))
    for tag in tags:
        page = re.sub(rf"<{tag}\b[^>]*>.*?</{tag}\s*>", "", page, flags=re.I | re.S)
    return re.sub(r"<!--(?!\[).*?-->", "", page, flags=re.S) if rnd.random() < 0.5 else page


def _hashed_classes(page: str, rnd: random.Random) -> str:
    """Add deploy-specific class names (``sc-1x2y3z-0 AbCdEf``) to class attributes."""

    def add(match: re.Match[str]) -> str:
        salt = "".join(rnd.choice("abcdefghijkXYZ0123456789") for _ in range(6))
        return f"{match[1]}{match[2]} sc-{salt}-0 {salt.upper()}{match[1][-1]}"

    return re.sub(r'(class=["\'])([^"\']*)(?=["\'])["\']', add, page)


def _extra_attributes(page: str, rnd: random.Random) -> str:
    """Add ``data-*`` and ``id`` attributes to opening tags."""

    def add(match: re.Match[str]) -> str:
        if rnd.random() < 0.5:
            return match[0]
        return (
            f'<{match[1]} data-v-{rnd.randrange(10**6):06d}="" data-track="{rnd.randrange(999)}"{match[2]}>'
        )

    return re.sub(r"<(div|p|h1|h2|h3|span|article|section|a|time|figure)\b([^>]*)>", add, page)


def _single_quoted_attributes(page: str, _rnd: random.Random) -> str:
    return re.sub(r'(\s[\w:-]+)="([^"\']*)"', r"\1='\2'", page)


def _wrapped_blocks(page: str, rnd: random.Random) -> str:
    """Wrap paragraphs and headings in extra ``<div>`` layers."""

    def wrap(match: re.Match[str]) -> str:
        depth = rnd.randint(0, 2)
        return '<div class="wrap">' * depth + match[0] + "</div>" * depth

    return re.sub(r"<(p|h[1-6])\b[^>]*>.*?</\1\s*>", wrap, page, flags=re.S | re.I)


def _upper_case_tags(page: str, _rnd: random.Random) -> str:
    return re.sub(r"<(/?)(p|div|span|h1|h2|h3|a|br)\b", lambda m: f"<{m[1]}{m[2].upper()}", page)


def _indented_source(page: str, rnd: random.Random) -> str:
    """Re-indent the HTML source and break lines between tags."""
    return re.sub(r">\s*<", lambda _m: ">\n" + " " * rnd.randint(0, 8) + "<", page)


PRESERVING: tuple[Mutation, ...] = (
    Mutation("CRLF newlines", _crlf),
    Mutation("CR newlines", _cr),
    Mutation("trailing spaces", _trailing_spaces),
    Mutation("no-break space variants", _space_variants),
    Mutation("decomposed accents (NFD)", _decomposed),
    Mutation("straight apostrophes", _straight_quotes, _TEXT),
    Mutation("straight apostrophes", _straight_quote_entities, _HTML),
    Mutation("single newlines between paragraphs", _single_newlines, _TEXT),
    Mutation("blank lines everywhere", _double_newlines, _TEXT),
    Mutation("menus repeated", _repeat_menus, _TEXT),
    Mutation("menus removed", _drop_menus, _TEXT),
    Mutation("boilerplate blocks added", _add_chrome, _HTML),
    Mutation("boilerplate blocks removed", _drop_chrome, _HTML),
    Mutation("hashed class names", _hashed_classes, _HTML),
    Mutation("extra attributes", _extra_attributes, _HTML),
    Mutation("single-quoted attributes", _single_quoted_attributes, _HTML),
    Mutation("wrapper elements", _wrapped_blocks, _HTML),
    Mutation("upper-case tags", _upper_case_tags, _HTML),
    Mutation("re-indented source", _indented_source, _HTML),
)
"""Mutations after which an outlet must extract the same article (compared loosely)."""


# -- damaging --------------------------------------------------------------------------------


def _truncate(page: str, rnd: random.Random) -> str:
    return page[: rnd.randint(0, len(page))]


def _truncate_lines(page: str, rnd: random.Random) -> str:
    lines = page.split("\n")
    return "\n".join(lines[: rnd.randint(0, len(lines))])


def _lines_edit(action: str) -> Callable[[str, random.Random], str]:
    def edit(page: str, rnd: random.Random) -> str:
        lines = page.split("\n")
        for _ in range(rnd.randint(1, 5)):
            if not lines:
                break
            at = rnd.randrange(len(lines))
            if action == "drop":
                del lines[at]
            elif action == "repeat":
                lines.insert(at, lines[at])
            elif action == "swap" and at + 1 < len(lines):
                lines[at], lines[at + 1] = lines[at + 1], lines[at]
        return "\n".join(lines)

    return edit


_NOISE = (
    "",
    " ",
    "\x00",
    "\ufffd",
    "<",
    "</div>",
    "<p>",
    "&amp;",
    "&#0;",
    "»",
    "—",
    "\u200b",
    "?",
    "• ",
    "Le 1",
)


def _noise(page: str, rnd: random.Random) -> str:
    for _ in range(rnd.randint(1, 10)):
        at = rnd.randint(0, len(page))
        page = page[:at] + rnd.choice(_NOISE) + page[at:]
    return page


def _cut_chunk(page: str, rnd: random.Random) -> str:
    start = rnd.randint(0, len(page))
    return page[:start] + page[start + rnd.randint(0, 400) :]


def _unclosed_tags(page: str, rnd: random.Random) -> str:
    return re.sub(r"</(div|p|article|section|span)\s*>", lambda m: "" if rnd.random() < 0.3 else m[0], page)


def _mojibake(page: str, rnd: random.Random) -> str:
    """UTF-8 read as cp1252 somewhere upstream, in a random stretch."""
    start = rnd.randint(0, len(page))
    end = min(len(page), start + rnd.randint(0, 2000))
    broken = page[start:end].encode("utf-8").decode("cp1252", errors="replace")
    return page[:start] + broken + page[end:]


LINE_DAMAGE: tuple[Mutation, ...] = (
    Mutation("cut after a line", _truncate_lines, _TEXT),
    Mutation("lines dropped", _lines_edit("drop"), _TEXT),
    Mutation("lines repeated", _lines_edit("repeat"), _TEXT),
    Mutation("lines swapped", _lines_edit("swap"), _TEXT),
)
"""Damage that keeps every remaining line of a dump whole: boilerplate lines stay
recognisable, so none may reach a body."""

DAMAGING: tuple[Mutation, ...] = (
    *LINE_DAMAGE,
    Mutation("truncated", _truncate),
    Mutation("lines dropped", _lines_edit("drop"), _HTML),
    Mutation("noise inserted", _noise),
    Mutation("chunk cut out", _cut_chunk),
    Mutation("mojibake stretch", _mojibake),
    Mutation("unclosed tags", _unclosed_tags, _HTML),
)
"""Mutations after which an outlet must still answer (Article or PresskitError)."""


def mutations(
    kind: Kind, *, damaging: bool | tuple[Mutation, ...] = False, max_size: int = 3
) -> st.SearchStrategy[list[Mutation]]:
    """A list of mutations that apply to ``kind``: preserving ones, plus :data:`DAMAGING` ones
    when ``damaging`` is True (or the damaging mutations given)."""
    damage = DAMAGING if damaging is True else damaging or ()
    pool = [m for m in (*PRESERVING, *damage) if kind in m.kinds]
    return st.lists(st.sampled_from(pool), max_size=max_size)


@st.composite
def mutated(
    draw: st.DrawFn,
    page: str,
    kind: Kind,
    *,
    damaging: bool | tuple[Mutation, ...] = False,
    max_size: int = 3,
) -> str:
    """``page`` rewritten by a drawn list of mutations (see :func:`mutations`)."""
    rnd = draw(st.randoms(use_true_random=False))
    for mutation in draw(mutations(kind, damaging=damaging, max_size=max_size)):
        page = mutation(page, rnd)
    return page


ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16")
"""Encodings pages arrive in (``utf-8-sig`` writes a byte-order mark)."""


def encoded(page: str, kind: Kind) -> st.SearchStrategy[bytes]:
    """``page`` as bytes in one of :data:`ENCODINGS`. Characters cp1252 lacks become character
    references in HTML; a dump that cp1252 cannot hold is written in UTF-8 instead."""

    def encode(encoding: str) -> bytes:
        if encoding == "utf-16":
            return codecs.BOM_UTF16_LE + page.encode("utf-16-le")
        if encoding != "cp1252":
            return page.encode(encoding)
        try:
            return page.encode("cp1252")
        except UnicodeEncodeError:
            if kind == "html":
                return page.encode("cp1252", errors="xmlcharrefreplace")
            return page.encode("utf-8")

    return st.sampled_from(ENCODINGS).map(encode)
