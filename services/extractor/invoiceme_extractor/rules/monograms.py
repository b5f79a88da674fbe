"""A logo of the issuer's initials (a badge 'OS' for Orion Systems, 'נמ' for נגה מזון): beside the
name it is no part of it; alone it stands for the name printed in full elsewhere on the page."""

from __future__ import annotations

import re
from dataclasses import replace

from . import party_labels
from .lines import Found, Line
from .name_signs import fold_lookalikes
from .name_text import SEPARATORS

# Two or three capitals, or two or three Hebrew letters, as a badge prints them
_INITIALS = re.compile(r"^(?:[A-Z]{2,3}|[\u05d0-\u05ea]{2,3})$")


def _spells_initials(initials: str, words: list[str]) -> bool:
    """The words' first letters are the initials, and nothing follows them but a legal form."""
    named, rest = words[: len(initials)], " ".join(words[len(initials) :]).rstrip(".")
    if len(named) < len(initials) or (rest and not party_labels.COMPANY_SUFFIX.fullmatch(rest)):
        return False
    if not all(word[0].isalpha() and len(word) >= 2 for word in named):
        return False
    firsts = "".join(word[0] for word in named)
    return fold_lookalikes(firsts.upper()) == fold_lookalikes(initials.upper())


def without_monogram(text: str) -> str:
    """'OS Orion Systems' (the badge read into the name's row) -> 'Orion Systems'."""
    words = text.split()
    if len(words) >= 3 and _INITIALS.match(words[0]) and _spells_initials(words[0], words[1:]):
        return " ".join(words[1:])
    return text


def name_of_monogram(vendor: Found | None, lines: list[Line]) -> Found | None:
    """The issuer chosen as a badge's initials ('נמ'): the cell elsewhere on the page that spells
    them out ('נגה מזון | עוסק מורשה ...'), when exactly one does."""
    if vendor is None or not _INITIALS.match(vendor.value.strip()):
        return vendor
    initials = vendor.value.strip()
    heads = (
        (SEPARATORS.split(cell.text)[0].strip(), cell.text, line)
        for line in lines
        if line.index != vendor.line.index
        for cell in line.cells
    )
    spelled = {head: (raw, line) for head, raw, line in heads if _spells_initials(initials, head.split())}
    if len(spelled) != 1:
        return vendor
    name, (raw, line) = spelled.popitem()
    return replace(vendor, value=name, raw=raw, line=line, confidence=min(vendor.confidence, 0.8))
