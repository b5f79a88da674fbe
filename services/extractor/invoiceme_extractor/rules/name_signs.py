"""Signs that a header line is, or is not, the issuer's trade name, beside its place and print:
a slogan reads as a phrase; the issuer's name is printed twice (header and footer); the payee of
the bank details is the issuer."""

from __future__ import annotations

import re
import unicodedata

from ..text import HEBREW_LETTER
from . import party_labels
from .lines import Line

# Words a name may keep in lower case between capitalised ones ('Banco de Sabadell', 'Kaffee und Co')
_CONNECTORS = frozenset(
    "and und et de del la le les des du y e of the for von der van da di & bei im am au aux en".split()
)


# 'Desde 1987', 'מאז 1987', 'Since 1987': one word and a year (a name's registration year is bracketed);
# 'PAID', 'שולם': a payment stamp's word, in large print over the page
_SINCE_YEAR = re.compile(r"^\W*[^\W\d_]+\s+(?:19|20)\d{2}\W*$")
_STAMP = re.compile(r"^\W*(?:paid|bezahlt|pay[ée]|pagado|שולם)\W*$", re.I)


# Three words or more closed by a full stop after a whole word ('Quality You Can Trust.', 'Alles voor
# een glimlach.'): a sentence; a name's full stop closes an abbreviation ('Co.', 'Bros.', 'B.V.')
_SENTENCE_END = re.compile(r"(?:\S+\s+){2,}[^\W\d_]{5,}\.\s*$")


def reads_as_phrase(text: str) -> bool:
    """A slogan in sentence case ('Calidad garantizada', 'La qualité avant tout', 'Qualität seit
    1987'), not a trade name: Latin words after the first in lower case, not a connector, and no
    legal form (names capitalise their words or print in capitals; Hebrew has no case to tell); a
    word and a year ('Desde 1987'); a payment stamp's word."""
    if _SINCE_YEAR.match(text) or _STAMP.match(text):
        return True
    if party_labels.COMPANY_SUFFIX.search(text) or HEBREW_LETTER.search(text):
        return False
    if _SENTENCE_END.search(text):
        return True
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) >= 2 and any(
        word[0].islower() and len(word) >= 4 and word.casefold() not in _CONNECTORS for word in words[1:]
    )


def compact(text: str) -> str:
    """The letters of a text, case and accents folded: 'G RAN ITE' and 'Granite' compare alike."""
    folded = unicodedata.normalize("NFKD", text.casefold())  # 'Ibérica' spells 'IBERICA'
    return "".join(ch for ch in folded if ch.isalpha())


# Hebrew letters OCR confuses by their shape (כ/ב, ד/ר, ה/ח/ת, ו/ז/ן, ס/ם): one letter for each group
_HEBREW_LOOKALIKES = str.maketrans("בדחתזןם", "כרההווס")


def fold_lookalikes(letters: str) -> str:
    """The letters with each group of Hebrew look-alikes as one letter: two readings compare alike."""
    return letters.translate(_HEBREW_LOOKALIKES)


def repeated_elsewhere(name: str, index: int, lines: list[Line]) -> bool:
    """The name (`compact`, five letters or more) heads a cell of another line than `index`: a
    footer's 'Acme Ltd · 12 Main St' or a signature repeats the issuer's name; a customer is named
    once. Hebrew look-alike letters compare alike ('ברמל' in large print is the footer's 'כרמל')."""
    if len(name) < 5:
        return False
    folded = fold_lookalikes(name)
    return any(
        other.index != index and fold_lookalikes(compact(text)).startswith(folded)
        for other in lines
        for text in ([cell.text for cell in other.cells] or [other.text])
    )


# 'Payable to: Acme Ltd', 'Remit to: Acme Inc', 'לפקודת: אור סחר', 'Kontoinhaber: ...' (OCR:
# 'Kontoiahaber'): whoever is paid issued the invoice
PAYEE = re.compile(
    r"^\W*(?:(?:make\s+cheques\s+)?payable\s+to|(?:please\s+)?remit(?:\s+payment)?\s+to|beneficiary|account\s+(?:name|holder)|"
    r"konto\s?[il1][nah]{1,2}haber|b[ée]n[ée]ficiaire|titulaire(?:\s+du\s+compte)?|titular(?:\s+de\s+la\s+cuenta)?|"
    r"beneficiario|לפקודת|שם\s*המוטב|שם\s*בעל\s*החשבון)\s*[:\-]?\s*",
    re.I,
)


def payee_name(text: str) -> str | None:
    """What follows a payee label ('Payable to: Acme Ltd' -> 'Acme Ltd'), or None without one."""
    label = PAYEE.match(text)
    return text[label.end() :] if label and label.end() < len(text) else None
