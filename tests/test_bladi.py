"""The Bladi outlet: detection windows and the line repairs."""

from __future__ import annotations

import re
from pathlib import Path

import presskit
from presskit import Document
from presskit_bladi import BladiOutlet
from presskit_bladi.outlet import (
    DAMAGED_APOSTROPHE,
    END_FIRST,
    END_MARKERS,
    END_OPENINGS,
    _end_of_body,
    _repair,
)

OUTLET = BladiOutlet()
CASES = Path(__file__).parents[1] / "plugins" / "presskit_bladi" / "cases"
HEADER = "14 mars 2019 - 16h45 - Belgique - Ecrit par : Bladi.net"
PARAGRAPH = (
    "Le gouvernement a annoncé mardi une série de mesures destinées à soutenir les petites et "
    "moyennes entreprises du secteur textile : elles sont durement touchées par la hausse des coûts."
)


def _doc(text: str) -> Document:
    return Document.from_content(text)


def test_text_detection_finds_the_header_line_in_the_head() -> None:
    dump = f"Un titre\n{HEADER}\n{PARAGRAPH}\n\nSuivez bladi.net sur Google News\nSujets associés : Belgique"
    assert OUTLET.detect(_doc(dump)) == 1.0
    for newline in ("\r\n", "\r"):
        assert OUTLET.detect(_doc(dump.replace("\n", newline))) == 1.0
    assert OUTLET.detect(_doc(f"{HEADER}\n{PARAGRAPH}")) == 0.6  # the header as the first line
    assert OUTLET.detect(_doc(f"Un titre\n   {HEADER}  \n{PARAGRAPH}")) == 0.6  # cleaned first
    assert OUTLET.detect(_doc(f"{PARAGRAPH}\n" * 60 + f"Un titre\n{HEADER}")) == 0.0  # past the head
    assert OUTLET.detect(_doc(PARAGRAPH)) == 0.0
    assert OUTLET.detect(_doc("Bladi.net Google News")) == 0.35


def test_case_dumps_keep_their_scores() -> None:
    expected = {
        "article-full.txt": 1.0,
        "article-no-date-empty-author.txt": 1.0,
        "article-old-damaged.txt": 0.7,
        "listing.txt": 0.35,
        "extract-with-teaser.txt": 0.0,
    }
    for name, score in expected.items():
        path = CASES / name
        assert OUTLET.detect(presskit.make_document(path.read_bytes(), path=str(path))) == score, name


def test_repair_only_touches_lines_with_a_question_mark() -> None:
    for line in ("l?État et aujourd?hui", "Pourquoi ? Les", "rien à réparer", "jusqu?à l?automne", "?"):
        assert _repair(line) == DAMAGED_APOSTROPHE.sub(r"\1’", line)


def test_end_markers_open_with_a_letter_of_end_first() -> None:
    """The end patterns run only on lines opening with END_FIRST: every character that the
    first letter of a marker matches (any case) must be listed."""
    for marker in END_MARKERS:
        letter = marker.pattern.removeprefix("^")[0]
        assert letter.isalpha()
        matched = {c for c in map(chr, range(0x3000)) if re.fullmatch(letter, c, marker.flags)}
        assert matched <= END_FIRST, marker.pattern
    lines = ["Un paragraphe.", "ſuivez BLADI.NET sur Google News", "Sujets associés : Belgique"]
    assert _end_of_body(lines, 0) == 1


def test_end_markers_open_with_two_letters_of_end_openings() -> None:
    """The end patterns run only on lines opening with END_OPENINGS: every pair of
    characters that the first two letters of a marker match (any case) must be listed."""
    for marker in END_MARKERS:
        first, second = marker.pattern.removeprefix("^")[:2]
        assert first.isalpha() and second.isalpha()
        firsts, seconds = (
            {c for c in map(chr, range(0x3000)) if re.fullmatch(x, c, marker.flags)} for x in (first, second)
        )
        assert {a + b for a in firsts for b in seconds} <= END_OPENINGS, marker.pattern
    lines = ["Un paragraphe.", "ſUIVEZ BLADI.NET sur Google News", "Sujets associés : Belgique"]
    assert _end_of_body(lines, 0) == 1
    assert _end_of_body(["aller plus loin", "x"], 0) == 0 and _end_of_body(["x", "Ces"], 0) == 2


def test_html_dateline_is_the_first_non_empty_date_line() -> None:
    """An empty date line (a template slot left blank) gives way to the next one, and
    a page with a date line is read as an article even among dated teasers. (The title and
    date lines stand outside the article column: only their queries read them.)"""
    teasers = "".join(f"<span class='accueildate'>{i} mars 2019 - 10h00</span>" for i in range(1, 4))
    page = (
        "<html><body><h1>Un titre inventé</h1>"
        f"<p class='datenews'> </p><p class='datenews'>{HEADER}</p>"
        f"<div class='magauche pas article'><p>{PARAGRAPH}</p></div>"
        f"{teasers}</body></html>"
    )
    article = OUTLET.extract(Document.from_content(page, kind="html"))
    assert article.title == "Un titre inventé"
    assert list(article.authors) == ["Bladi.net"] and article.section == "Belgique"
    assert list(article.paragraphs) == [PARAGRAPH]


def test_html_title_skips_an_empty_first_headline() -> None:
    from presskit.html import first_text
    from presskit_bladi.outlet import HTML_TITLE
    from test_html import every_match_text

    for body in (
        "<div class='magauche pas article'><h1> </h1><h1>Le titre</h1></div>",
        "<div class='magauche pas article'><h1></h1></div><article><h1>Autre titre</h1></article>",
        "<h1></h1><h1>Titre hors colonne</h1>",
        "<p>Sans titre</p>",
    ):
        tree = Document.from_content(f"<html><body>{body}</body></html>", kind="html").tree
        assert first_text(tree, HTML_TITLE) == every_match_text(tree, HTML_TITLE), body
