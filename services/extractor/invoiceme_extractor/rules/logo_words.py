"""A logo's word as OCR reads it, for comparing with the name written out elsewhere on the page: a
word in capitals with OCR debris after it (a logo's graphic read as 're' or a dash), and the letters
OCR misreads in small print ('ñ' as 'fi': 'Montafia' in a footer for the logo's 'MONTAÑA')."""

from __future__ import annotations

import re

# 'LUMIERE re', 'ORION —', 'BLUE ©': one word in capitals, then a dash, a sign OCR read for the
# graphic (©, ®, ™) or one or two lower-case letters (a logo's mark beside the word), which no
# issuer's name ends with
_CAPITALS_THEN_DEBRIS = re.compile(r"([^\W\d_a-z]{3,})\s+(?:[-—–_.~©®™]+|[a-z]{1,2})")


def logo_word(name: str) -> str | None:
    """The capitals word of a logo read with debris after it; None for any other name."""
    match = _CAPITALS_THEN_DEBRIS.fullmatch(name.strip())
    return match.group(1) if match else None


# 'ñ' read as 'fi' in small print (its tilde a dot, its stem an f); the logo's large print keeps an n
_N_TILDE_AS_FI = re.compile("fi")


def folded_misreads(letters: str) -> str:
    """Compacted letters with small print's misreads folded: both sides of a comparison alike."""
    return _N_TILDE_AS_FI.sub("n", letters)
