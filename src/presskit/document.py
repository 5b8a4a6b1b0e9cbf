"""Documents: the input of every outlet, decoded and sniffed once.

A :class:`Document` holds the decoded text of one page (an HTML page or a text
dump), where it came from, and, for HTML, a lazily built selectolax tree.
"""

from __future__ import annotations

import codecs
import re
from functools import cached_property
from typing import Literal
from urllib.parse import urlsplit

import attrs
from selectolax.lexbor import LexborHTMLParser

from presskit.text import clean_all

__all__ = ["Document", "Kind", "decode", "sniff_kind"]

Kind = Literal["html", "text"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:html|head|body|div|p|article)\b[^>]*>", re.I)
_CP1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252"}
# C1 control characters never occur in real text: they are cp1252 punctuation (0x92 for ’)
# that something upstream decoded as latin-1. Read them as browsers would.
_C1_CONTROLS = re.compile("[\x80-\x9f]")
# The same characters in UTF-8 bytes: searching the bytes is about ten times cheaper than
# searching the decoded text (30 KB pages: 8 against 70 microseconds).
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def decode(data: bytes) -> str:
    """Decode page bytes without ever raising.

    Order: a byte-order mark; valid UTF-8 (whatever the page declares, since valid
    multi-byte UTF-8 is almost never another encoding by chance); the HTML meta
    charset; cp1252 (a superset of latin-1 for printable text); latin-1 last, which
    maps every byte.
    """
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, str]:
    """:func:`decode`, also telling the encoding used."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii", "replace")] if declared else []
    # Browsers read these labels as windows-1252 (WHATWG Encoding), and so do the pages.
    candidates = ["cp1252" if c.lower().replace("_", "-") in _CP1252_LABELS else c for c in candidates]
    for encoding in (*candidates, "cp1252"):
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1"), "latin-1"


def _as_cp1252(match: re.Match[str]) -> str:
    try:
        return match[0].encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined stay as they are
        return match[0]


def sniff_kind(text: str, path: str | None = None) -> Kind:
    """Tell an HTML page from a text dump by its start, its tags, then its file name."""
    head = text[:2048]
    if _HTML_START.match(head):
        return "html"
    if len(_HTML_TAGS.findall(head)) >= 2:
        return "html"
    if path is not None and path.removesuffix(".gz").lower().endswith(_HTML_SUFFIXES):
        return "html" if "<" in head else "text"
    return "text"


@attrs.frozen(kw_only=True, slots=False)
class Document:
    """One input page, decoded, with what is known of its origin."""

    text: str
    """The decoded content: HTML source or dump text."""

    kind: Kind
    """``"html"`` for an HTML page, ``"text"`` for a text dump."""

    url: str | None = None
    """URL of the page, when known (given by the caller or found in the HTML)."""

    path: str | None = None
    """File the page was read from, when it came from a file."""

    @classmethod
    def from_content(
        cls,
        content: str | bytes,
        *,
        url: str | None = None,
        path: str | None = None,
        kind: Kind | None = None,
    ) -> Document:
        """Decode ``content`` (bytes are decoded robustly) and sniff its kind if not given."""
        source: bytes | None = None  # the bytes, when the text is exactly their UTF-8 reading
        if isinstance(content, (bytes, bytearray)):
            data = bytes(content)
            text, encoding = _decode(data)
            maybe_c1 = encoding != "utf-8" or _C1_UTF8.search(data) is not None
            if not maybe_c1 and not data.startswith(codecs.BOM_UTF8):
                source = data
        else:
            text, maybe_c1 = content, True
        text = text.removeprefix("\ufeff")
        if maybe_c1:
            text = _C1_CONTROLS.sub(_as_cp1252, text)
        document = cls(text=text, kind=kind or sniff_kind(text, path), url=url, path=path)
        if source is not None and document.kind == "html":
            # The parser reads UTF-8: handing it the page's own bytes spares it encoding
            # the text again (a fifth of the parse). Dropped once the tree is built.
            document.__dict__["_utf8"] = source
        return document

    @property
    def label(self) -> str:
        """How errors name this input: its path, else its URL, else ``<input>``."""
        return self.path or self.url or "<input>"

    @cached_property
    def host(self) -> str | None:
        """Lower-case host of :attr:`url` without a leading ``www.``, or None."""
        if not self.url:
            return None
        url = self.url if "//" in self.url else "//" + self.url
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        return host.removeprefix("www.") or None

    @cached_property
    def tree(self) -> LexborHTMLParser:
        """The parsed HTML tree (built on first use, once). Text dumps have none."""
        if self.kind != "html":
            raise TypeError(f"{self.label}: a text dump has no HTML tree")
        return LexborHTMLParser(self.__dict__.pop("_utf8", None) or self.text)

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The text split into lines, newline styles unified, trailing spaces dropped."""
        text = self.text
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return tuple(map(str.rstrip, text.split("\n")))

    @cached_property
    def cleaned_lines(self) -> tuple[str, ...]:
        """:attr:`lines` each passed through :func:`presskit.text.clean`, blank ones kept
        (as ``""``) so that indexes match: cleaned once for every outlet's rules."""
        return clean_all(self.lines)
