"""The council's full name, found in raw text (dumps and HTML sources) without folding it."""

from __future__ import annotations

from presskit.text import LoosePhrase, loose_pattern

__all__ = ["FULL_NAME", "names_the_council"]

# "Conseil de la communauté marocaine à l'étranger": about boxes, logo alt, old Joomla
# pages [probable]. Folded; the text searched is not.
FULL_NAME = "conseil de la communaute marocaine a l"
# The name is written capitalised or in capitals: one of these literals is in any such
# spelling, and the whole name may span 100 characters on either side of it.
COUNCIL = LoosePhrase(
    pattern=loose_pattern(FULL_NAME), anchors=("ommunaut", "OMMUNAUT"), before=100, after=100
)


def names_the_council(text: str, span: int) -> bool:
    """True when the first ``span`` characters of ``text`` hold the council's full name,
    whatever its case, accents and spacing."""
    return COUNCIL.found_in(text, span)
