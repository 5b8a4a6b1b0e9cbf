"""Text helpers: loose phrase patterns agree with folding."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presskit.text import fold, loose_pattern

PHRASE = "Bienvenue dans l'espace commentaire"


@pytest.mark.parametrize(
    "text",
    [
        "…\nBienvenue dans l’espace commentaire\n…",
        "BIENVENUE DANS L'ESPACE COMMENTAIRE",
        "bienvenue  dans\u00a0l’espace\ncommentaire",
        "Bienvenue dans l’espàce commentaire",
    ],
)
def test_loose_pattern_finds_variants(text: str) -> None:
    assert loose_pattern(PHRASE).search(text)


@pytest.mark.parametrize(
    "text",
    ["Bienvenue dans l espace commentaire", "Bienvenue dans l'espace comment", "Bienvenuedans l'espace"],
)
def test_loose_pattern_needs_the_phrase(text: str) -> None:
    assert not loose_pattern(PHRASE).search(text)


def test_loose_pattern_accents_and_specials() -> None:
    pattern = loose_pattern("Conseil de la communauté marocaine à l’étranger (CCME)")
    assert pattern.search("CONSEIL DE LA COMMUNAUTE MAROCAINE A L'ETRANGER (CCME)")
    decomposed = unicodedata.normalize("NFD", "Conseil de la communauté marocaine à l’étranger (CCME)")
    assert pattern.search(decomposed)
    assert not pattern.search("Conseil de la communauté marocaine à l’étranger CCME")


_LETTERS = "abcdeéèêfghiîïjklmnoôpqrstuùûvwxyzç'’ "


def _respell(text: str, data: st.DataObject) -> str:
    """``text`` with case, accents, apostrophes and spaces changed as dumps change them."""
    out = []
    for char in text:
        if char == " ":
            out.append(data.draw(st.sampled_from([" ", "  ", "\u00a0", "\n"])))
        elif char in "'’":
            out.append(data.draw(st.sampled_from(["'", "’"])))
        else:
            base = fold(char) or char
            variants = [c for c in "aàâäeéèêëiîïoôöuùûücç" if fold(c) == base] or [char]
            choice = data.draw(st.sampled_from(variants))
            out.append(choice.upper() if data.draw(st.booleans()) else choice)
    return "".join(out)


@given(
    phrase=st.text(_LETTERS, min_size=1, max_size=30).filter(lambda p: fold(p) != ""),
    before=st.text(_LETTERS, max_size=20),
    after=st.text(_LETTERS, max_size=20),
    data=st.data(),
)
def test_loose_pattern_finds_every_respelling(
    phrase: str, before: str, after: str, data: st.DataObject
) -> None:
    text = before + " " + _respell(fold(phrase), data) + " " + after
    assert loose_pattern(phrase).search(text)
    # and it agrees with folding: what it finds, folded, is the phrase folded (apostrophes aside)
    found = loose_pattern(phrase).search(text)
    assert found is not None and fold(found[0]).replace("’", "'") == fold(phrase).replace("’", "'")


def test_language_is_guessed_from_the_start_of_a_body() -> None:
    from presskit.text import LANGUAGE_SAMPLE, guess_language

    french = "Le Maroc et la Belgique ont signé des accords pour la coopération."
    english = "The report says that the nurses were trained in Rabat and they have left."
    start = [french] * (LANGUAGE_SAMPLE // len(french) + 1)
    assert guess_language([*start, *[english] * 500]) == "fr"
    assert guess_language([french, *[english] * 5]) == "en"
    assert guess_language([french[:10] + "x" * LANGUAGE_SAMPLE, english * 3]) == "fr"  # hint-less default


@given(st.text(st.sampled_from("ab é\u0301\u00a0\t\n\u200b\u00ad\u2028\x85\u3000\u202f ")))
def test_clean_folds_every_space_and_drops_invisible_marks(text: str) -> None:
    import re
    import unicodedata

    from presskit.text import clean

    visible = unicodedata.normalize("NFC", re.sub("[\u200b-\u200d\u2060\ufeff\u00ad]", "", text))
    reference = re.sub(r"\s+", " ", visible)
    assert clean(text) == reference.strip() == clean(clean(text))


def test_loose_phrase_is_found_near_its_anchor_in_any_spelling() -> None:
    from presskit.text import LoosePhrase

    phrase = LoosePhrase.of("Bienvenue dans l’espace commentaire", "ienvenue")
    assert phrase.anchors == ("ienvenue", "IENVENUE")
    assert phrase.found_in("menu\nBienvenue  dans l'espace commentaire\n")
    assert phrase.found_in("BIENVENUE DANS L’ESPACE COMMENTAIRE")
    assert phrase.pattern.search("BienVenue dans l'espace commentaire")
    assert not phrase.found_in("BienVenue dans l'espace commentaire")  # no anchor: a spelling no page has
    assert not phrase.found_in("Bienvenue dans l'espace commentaire", end=20)
    assert not phrase.found_in("Bienvenue dans" + " " * 40 + "l'espace commentaire")  # beyond the window


@given(before=st.text(_LETTERS, max_size=200), data=st.data())
def test_loose_phrase_agrees_with_its_pattern_around_rendered_spellings(
    before: str, data: st.DataObject
) -> None:
    from presskit.text import LoosePhrase

    phrase = LoosePhrase.of("Cet article est une revue de presse tirée", "presse")
    written = data.draw(
        st.sampled_from(
            ["Cet article est une revue de presse tirée", "CET ARTICLE EST UNE REVUE DE PRESSE TIREE"]
        )
    )
    text = before + written + data.draw(st.text(_LETTERS, max_size=50))
    assert phrase.found_in(text) == (phrase.pattern.search(text) is not None) is True


@given(st.text(st.sampled_from("ab é\u0301\u00a0\t\n\u200b\u00ad\u2028\x85\u3000\u202f \0")))
def test_clean_parts_is_clean_of_each_part(text: str) -> None:
    from presskit.text import clean, clean_parts

    assert clean_parts(text, "\0") == [line for part in text.split("\0") if (line := clean(part))]


@given(st.lists(st.text(st.sampled_from("ab é\u0301\u00a0\t\u200b\u00ad "), max_size=400)))
def test_clean_all_is_clean_of_each_line(lines: list[str]) -> None:
    from presskit.text import clean, clean_all

    assert clean_all(lines) == tuple(map(clean, lines))


def _language_by_patterns(paragraphs: list[str]) -> str:
    """guess_language written with patterns only, as the reference for its byte-level form."""
    import re

    from presskit.text import _ENGLISH_WORDS, _FRENCH_WORDS, _sample

    text = _sample(paragraphs)
    arabic = len(re.findall(r"[\u0621-\u064a]", text))
    if arabic and arabic > len(re.findall(r"[A-Za-zÀ-ÿ]", text)):
        return "ar"
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    english = sum(word in _ENGLISH_WORDS for word in words)
    french = sum(word in _FRENCH_WORDS for word in words)
    if english >= 3 and english > 2 * french:
        return "en"
    if french >= 3 and french > 2 * english:
        return "fr"
    return "?"


_LANGUAGE_PIECES = st.sampled_from(
    ["the ", "and ", "of ", "le ", "les ", "et ", "été ", "THE ", "Été ", "ÉTÉ", "l'", "’", " ", ",", "x",
     "Ÿ", "İ", "ß", "÷", "é\u0301", "\u0628", "\u0627\u0644", "\u064b", "\u0660", "\u0606", "\U0001f600", "K"]
)  # fmt: skip


@given(st.lists(st.lists(_LANGUAGE_PIECES, max_size=60).map("".join), max_size=6))
def test_guess_language_counts_as_the_patterns_do(paragraphs: list[str]) -> None:
    from presskit.text import guess_language

    assert guess_language(paragraphs, hint="?") == _language_by_patterns(paragraphs)
