"""Text helpers shared by outlets: whitespace clean-up and dump line handling."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import attrs

__all__ = [
    "BULLETS",
    "LANGUAGE_SAMPLE",
    "LoosePhrase",
    "clean",
    "clean_all",
    "clean_parts",
    "fold",
    "guess_language",
    "is_bullet",
    "loose_pattern",
    "matches_any",
    "non_blank",
    "paragraphs_of",
]

# Spaces that browsers render as a plain space; zero-width marks that render as nothing.
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Combining marks are never ASCII: only the non-ASCII characters need a look when folding.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

BULLETS = ("•", "◦", "▪", "‣", "·", "*", "-")
"""Characters that open a menu item in a rendered page (``  • Accueil``)."""


# Outlets clean and fold the same lines several times while detecting and extracting:
# short strings (lines) are memoised; long ones (whole pages) would fill memory for nothing.
_MEMO_LENGTH = 300


def clean(text: str) -> str:
    """Drop zero-width marks and soft hyphens, NFC-normalise, fold every space run to one."""
    return _clean_memo(text) if len(text) <= _MEMO_LENGTH else _clean(text)


def _clean(text: str) -> str:
    # Most lines are clean already: printable means no whitespace but the ASCII space and
    # no zero-width mark (those are separators, controls or format characters), so with
    # single inner spaces only, NFC is all that is left to do.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    if not text.isascii():
        text = _unmarked(text)
    # str.split() splits on exactly the characters that _SPACES matches (Unicode whitespace).
    return " ".join(text.split())


def _unmarked(text: str) -> str:
    # a few substring searches are cheaper than a substitution that finds nothing
    if any(char in text for char in _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    # NFC last: a mark dropped between a letter and its accent lets them compose, so that
    # cleaning a clean text changes nothing.
    return unicodedata.normalize("NFC", text)


_clean_memo = lru_cache(maxsize=1 << 14)(_clean)


def clean_all(lines: Iterable[str]) -> tuple[str, ...]:
    """:func:`clean` of each line, in order (a third faster than mapping ``clean``)."""
    memo, short = _clean_memo, _MEMO_LENGTH
    return tuple([(memo(line) if len(line) <= short else _clean(line)) if line else "" for line in lines])


def clean_parts(text: str, separator: str) -> list[str]:
    """``text`` split on ``separator``, each part passed through :func:`clean`, empty
    parts dropped: one normalisation for the whole text instead of one per part.

    ``separator`` must be a character that is neither whitespace nor changed by NFC
    normalisation (a control character such as NUL).
    """
    if not text.isascii():
        text = _unmarked(text)
    lines: list[str] = []
    append = lines.append
    # Edge spaces go in C first; then, as in _clean, most parts have single inner spaces
    # only (printable: no other whitespace), with nothing left to fold.
    for part in map(str.strip, text.split(separator)):
        if part:
            append(part if part.isprintable() and "  " not in part else " ".join(part.split()))
    return lines


def fold(text: str) -> str:
    """``clean`` then lower-case and strip accents: a key for loose comparisons."""
    return _fold_memo(text) if len(text) <= _MEMO_LENGTH else _fold_page(text)


def _fold(text: str) -> str:
    folded = clean(text).lower()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    # Remove each combining mark present: a few str.replace calls, no per-character loop.
    for mark in [c for c in set(_NON_ASCII.findall(decomposed)) if unicodedata.combining(c)]:
        decomposed = decomposed.replace(mark, "")
    return decomposed


_fold_memo = lru_cache(maxsize=1 << 14)(_fold)
# Several outlets fold the whole page while detecting it: keep the last few pages only.
_fold_page = lru_cache(maxsize=4)(_fold)


# Letters and the accented letters that fold to them (French, Spanish, German), for
# loose_pattern: a character class per letter instead of folding the text searched.
_ACCENTED = {
    "a": "aàáâãäå", "c": "cç", "e": "eèéêë", "i": "iìíîï", "n": "nñ", "o": "oòóôõö",
    "u": "uùúûü", "y": "yýÿ",
}  # fmt: skip
_APOSTROPHES = "'’ʼ‘`´"
_MARKS = r"[\u0300-\u036f]*"  # combining accents of decomposed (NFD) text


def loose_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern finding ``phrase`` in raw text whatever its case, accents, apostrophes
    and spacing: what ``phrase in fold(text)`` tells, without folding ``text``.

    Folding a whole page costs far more than one search; detectors use this to look
    for fixed sentences of a template (``"Bienvenue dans l’espace commentaire"``).
    Letters may carry combining accents (decomposed text) and spaces may be any run of
    whitespace, as :func:`clean` would fold them.
    """
    parts = []
    for char in fold(phrase):
        if char == " ":
            parts.append(r"\s+")
        elif char in _APOSTROPHES:
            parts.append(f"[{_APOSTROPHES}]")
        elif char in _ACCENTED:
            parts.append(f"[{_ACCENTED[char]}][\u0300-\u036f]*")
        else:
            parts.append(re.escape(char) + ("[\u0300-\u036f]*" if char.isalpha() else ""))
    return re.compile("".join(parts), re.IGNORECASE)


@attrs.frozen(kw_only=True)
class LoosePhrase:
    """A fixed phrase found in raw text as :func:`loose_pattern` finds it, but fast.

    A loose pattern runs slowly over a whole page; a literal search runs in C. So the
    phrase's ``anchors`` (a word of it in the spellings it is rendered in, such as title
    case and capitals) are looked for first, and the loose pattern runs only in a window
    around each anchor found.
    """

    pattern: re.Pattern[str]
    """The phrase's :func:`loose_pattern`."""

    anchors: tuple[str, ...]
    """Literals that some spelling of the phrase holds; the phrase is sought only near them."""

    before: int
    """Characters the phrase may span before the start of an anchor."""

    after: int
    """Characters the phrase may span from the start of an anchor on."""

    @classmethod
    def of(cls, phrase: str, anchor: str, *, slack: int = 20) -> LoosePhrase:
        """The phrase, anchored on ``anchor`` (a part of it, as written in it) and on the
        same in capitals. The window allows ``slack`` more characters on each side where
        spaces may stretch, and two for combining accents where none lie before it."""
        at = phrase.index(anchor)
        before = at + (slack if " " in phrase[:at] else 2)
        return cls(
            pattern=loose_pattern(phrase),
            anchors=tuple(dict.fromkeys((anchor, anchor.upper()))),
            before=before,
            after=len(phrase) - at + slack,
        )

    def found_in(self, text: str, end: int | None = None) -> bool:
        """Whether ``text`` (its first ``end`` characters, if given) holds the phrase."""
        stop = len(text) if end is None else min(end, len(text))
        for anchor in self.anchors:
            at = text.find(anchor, 0, stop)
            while at != -1:
                if self.pattern.search(text, max(at - self.before, 0), min(at + self.after, stop)):
                    return True
                at = text.find(anchor, at + 1, stop)
        return False


_SCOPED_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"))


def matches_any(patterns: Sequence[re.Pattern[str]]) -> Callable[[str], bool]:
    """A test telling whether any of ``patterns`` matches at the start of a string.

    The patterns are joined into one alternation (each keeping its flags), so a line
    is scanned once instead of once per pattern; patterns that cannot be joined (the
    same group name twice…) are tried one by one.
    """
    branches = []
    for pattern in patterns:
        flags = "".join(letter for flag, letter in _SCOPED_FLAGS if pattern.flags & flag)
        end = "\n)" if "x" in flags else ")"  # a verbose pattern's comment ends with its line
        branches.append(f"(?{flags}:{pattern.pattern}{end}")
    try:
        joined = re.compile("|".join(branches))
    except re.error:
        return lambda text: any(pattern.match(text) for pattern in patterns)
    return lambda text: joined.match(text) is not None


def is_bullet(line: str) -> bool:
    """True for a rendered menu or list item: an indented line opened by a bullet sign."""
    stripped = line.lstrip()
    return (bool(stripped) and stripped[0] in "•◦▪‣") or (
        line.startswith("  ") and stripped[:2] in ("* ", "- ", "· ")
    )


def non_blank(lines: Iterable[str]) -> list[str]:
    """The cleaned non-blank lines, in order."""
    return [c for c in (clean(line) for line in lines) if c]


def paragraphs_of(lines: Sequence[str]) -> list[str]:
    """Body paragraphs of a stretch of dump lines: one per non-blank line.

    Dumps separate paragraphs by blank lines or by single newlines; a rendered
    ``<p>`` never spans two lines, so each non-blank line is a paragraph.
    """
    return non_blank(lines)


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
# A word is a run of the letters [a-zà-ÿ], all of them Latin-1 characters: in the
# lower-cased text encoded as Latin-1 (every other character a "?"), one byte table
# turns every other byte into a space, and bytes.split() cuts the words, several times
# faster than finding them with a pattern.
_WORD_BYTES = bytes(byte if 0x61 <= byte <= 0x7A or byte >= 0xE0 else 0x20 for byte in range(256))
# Frequent words that the other language does not share.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "that",
        "for",
        "with",
        "was",
        "are",
        "has",
        "have",
        "this",
        "from",
        "its",
        "which",
        "were",
        "been",
        "their",
        "they",
        "will",
        "would",
        "said",
        "about",
        "after",
    ]
)
_FRENCH_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "et",
        "du",
        "une",
        "est",
        "dans",
        "pour",
        "que",
        "qui",
        "sur",
        "au",
        "aux",
        "avec",
        "par",
        "sont",
        "ont",
        "ces",
        "cette",
        "été",
        "il",
        "elle",
    ]
)


_ENGLISH_BYTES = frozenset(word.encode("latin-1") for word in _ENGLISH_WORDS)
_FRENCH_BYTES = frozenset(word.encode("latin-1") for word in _FRENCH_WORDS)

LANGUAGE_SAMPLE = 2000
"""Characters of a body that :func:`guess_language` reads (about 300 words): a body's
language shows in its first paragraphs, and counting the words of a whole 10 KB body
took four times as long."""


def _sample(paragraphs: Sequence[str]) -> str:
    """The first paragraphs of a body, joined, up to about :data:`LANGUAGE_SAMPLE` characters."""
    taken: list[str] = []
    size = 0
    for paragraph in paragraphs:
        taken.append(paragraph[: LANGUAGE_SAMPLE - size])
        size += len(taken[-1]) + 1
        if size >= LANGUAGE_SAMPLE:
            break
    return " ".join(taken)


def guess_language(paragraphs: Sequence[str], hint: str | None = None) -> str:
    """ISO 639-1 code of a body in French, Arabic or English.

    The script and frequent words of the body's first :data:`LANGUAGE_SAMPLE` characters
    decide; ``hint`` (e.g. the language in the URL) breaks ties; French is the default.
    """
    text = _sample(paragraphs)
    # Arabic letters (U+0621-U+064A) have 0x06 as the high byte of their UTF-16 code: a
    # text without that byte has none, which is told without counting letters.
    if text.encode("utf-16-le", "surrogatepass")[1::2].count(6):
        arabic = len(_ARABIC_LETTER.findall(text))
        # Latin letters are many and slow to count: count them only when Arabic ones compete.
        if arabic and arabic > len(_LATIN_LETTER.findall(text)):
            return "ar"
    words = text.lower().encode("latin-1", "replace").translate(_WORD_BYTES).split()
    english = sum(map(_ENGLISH_BYTES.__contains__, words))
    french = sum(map(_FRENCH_BYTES.__contains__, words))
    if english >= 3 and english > 2 * french:
        return "en"
    if french >= 3 and french > 2 * english:
        return "fr"
    return hint or "fr"
