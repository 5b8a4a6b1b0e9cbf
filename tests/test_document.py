"""Documents: robust decoding and kind sniffing."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presskit.document import Document, decode, sniff_kind

TEXT = "Le Maroc et la Belgique — coopération « renforcée », 1er août, l’été"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
)
def test_decodes_every_common_encoding(data: bytes) -> None:
    assert decode(data) == TEXT


def test_declared_charset_is_used_when_not_utf8() -> None:
    page = '<html><head><meta charset="iso-8859-15"></head><body>€ été</body></html>'
    assert "€ été" in decode(page.encode("iso-8859-15"))


def test_wrong_declaration_does_not_win_over_valid_utf8() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body>coopération</body></html>'
    assert "coopération" in decode(page.encode("utf-8"))


def test_unknown_declared_charset_falls_back() -> None:
    page = '<meta charset="klingon"><p>été</p>'
    assert "été" in decode(page.encode("cp1252"))


@given(st.binary(max_size=2000))
def test_never_raises_on_any_bytes(data: bytes) -> None:
    assert isinstance(decode(data), str)


@pytest.mark.parametrize(
    ("text", "path", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", None, "html"),
        ("  <!-- saved --> <html lang='fr'>", None, "html"),
        ("<div class='a'><p>para</p></div>", None, "html"),
        ("Titre\n\nUn paragraphe avec <b> dedans.", None, "text"),
        ("Titre\n\nUn paragraphe.", "page.txt", "text"),
        ("<p>x</p>", "page.html.gz", "html"),
        ("Titre seul", "page.html", "text"),
    ],
)
def test_sniff_kind(text: str, path: str | None, kind: str) -> None:
    assert sniff_kind(text, path) == kind


def test_document_from_bytes_strips_bom_and_parses_html_once() -> None:
    doc = Document.from_content(
        codecs.BOM_UTF8 + b"<html><body><p>a</p></body></html>", url="https://www.Bladi.net/x"
    )
    assert doc.kind == "html" and doc.text.startswith("<html")
    assert doc.tree is doc.tree
    assert doc.host == "bladi.net"


def test_text_document_has_lines_but_no_tree() -> None:
    doc = Document.from_content("a\r\nb  \rc", path="x.txt")
    assert doc.lines == ("a", "b", "c")
    assert doc.label == "x.txt"
    with pytest.raises(TypeError, match="x.txt: a text dump has no HTML tree"):
        doc.tree  # noqa: B018


def test_latin1_label_reads_as_windows_1252_like_browsers() -> None:
    page = b'<html><head><meta charset="iso-8859-1"></head><body>l\x92\xe9t\xe9 \x85</body></html>'
    assert "l’été …" in decode(page)


def test_c1_controls_in_text_are_read_as_windows_1252() -> None:
    assert Document.from_content("l\x92\xe9t\xe9 \x85 \x81").text == "l’été … \x81"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_c1_controls_in_encoded_bytes_are_read_as_windows_1252(encoding: str) -> None:
    data = "« l\x92\xe9t\xe9 \x85 \x81 »".encode(encoding)
    assert Document.from_content(data).text == "« l’été … \x81 »"
    assert Document.from_content(bytearray(data)).text == "« l’été … \x81 »"


def test_cleaned_lines_match_lines() -> None:
    """One cleaned line per line, blank ones kept, so indexes agree."""
    from presskit.document import Document
    from presskit.text import clean

    document = Document(text="  Titre\u00a0 du  jour \r\n\r\n\u200b\nCorps", kind="text")
    assert document.cleaned_lines == tuple(clean(line) for line in document.lines)
    assert document.cleaned_lines == ("Titre du jour", "", "", "Corps")


@pytest.mark.parametrize(
    "data",
    [
        "<html><head><meta charset='iso-8859-1'></head><body><p>l’été</p></body></html>".encode(),
        codecs.BOM_UTF8 + "<html><body><p>l’été</p></body></html>".encode(),
        "<html><body><p>l\x92été</p></body></html>".encode(),
        "<html><body><p>l’été</p></body></html>".encode("cp1252"),
    ],
)
def test_the_tree_reads_the_same_text_as_the_document(data: bytes) -> None:
    document = Document.from_content(data)
    assert document.tree.css_first("p").text() == "l’été"
    assert "_utf8" not in document.__dict__  # the bytes are let go once parsed
