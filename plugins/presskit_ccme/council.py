"""The council's full name, found in raw text (dumps and HTML sources) without folding it."""

from __future__ import annotations

from presskit.text import loose_pattern

__all__ = ["FULL_NAME", "names_the_council"]

# "Conseil de la communauté marocaine à l'étranger": about boxes, logo alt, old Joomla
# pages [probable]. Folded; the text searched is not.
FULL_NAME = "conseil de la communaute marocaine a l"
FULL_NAME_PATTERN = loose_pattern(FULL_NAME)
# The name is written capitalised or in capitals: one of these literals is in any such
# spelling, and finding a literal costs far less than running the loose pattern over a page.
FULL_NAME_CORE = ("ommunaut", "OMMUNAUT")
NAME_MARGIN = 100  # characters around a core literal that a match of the whole name may span


def names_the_council(text: str, span: int) -> bool:
    """True when the first ``span`` characters of ``text`` hold the council's full name,
    whatever its case, accents and spacing."""
    for core in FULL_NAME_CORE:
        at = text.find(core, 0, span)
        while at != -1:
            if FULL_NAME_PATTERN.search(text, max(0, at - NAME_MARGIN), min(at + NAME_MARGIN, span)):
                return True
            at = text.find(core, at + 1, span)
    return False
