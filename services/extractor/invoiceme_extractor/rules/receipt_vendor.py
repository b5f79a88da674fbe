"""The issuer's name as a till slip prints it: the top lines hold the name, logo debris OCR made
of a picture, and the company's registration number in brackets right after the legal name."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import party_labels

_WORD = re.compile(r"[^\W\d_]{2,}")
# '99 SPEED MART S/B (519537-X)', 'AEON CO. (M) BHD (126926-H)': a bracket of five or more digits
# (some read as letters) closing a line of words is the registration printed after the legal name
_REGISTRATION_AFTER_NAME = re.compile(r"[(\[{]\s*\w{0,3}\d[\dA-Z]{4,}\s*-?\s*[A-Z]?\s*[)\]}]+[\W_]*$")


# Greetings and an owner's line are printed among a slip's header lines, and are no trade name
_NOT_THE_NAME = re.compile(
    r"thank\s*you|^\W*welcome\b|come\s*again|terima\s*kasih|selamat\s*datang|danke\s*f|willkommen|"
    r"merci\s*(?:de|pour)|bienvenu|gracias|bienvenid|תודה|ברוכים|^\W*(?:owned|operated|managed)\s*by\b|"
    r"a\s*member\s*of|"
    r"\bdivision\s*of\b|subsidiary",
    re.I,
)


# '(Co No. 319481-T)', '(1@354685-T)', 'Company Reg No: 1101083-T': a line that opens with the
# company's registration number, printed right under the legal name
_REGISTRATION_LINE = re.compile(
    r"^\W{0,2}(?:[(\[{]\s*(?:co(?:mpany)?\.?\s*(?:reg(?:n|istration)?\.?\s*)?(?:no\b\.?|#)\s*:?\s*)?"
    r"\w{0,3}\d[\dA-Z@]{4,}\s*-?\s*[A-Z]?\s*[)\]}]|co(?:mpany)?\.?\s*(?:reg(?:n|istration)?\.?\s*)?(?:no\b|#))",
    re.I,
)
REGISTRATION_UNDER = 1.5  # score for a line whose next line opens with the registration number


def registration_under(next_text: str, previous_text: str) -> float:
    """Score added to a header line whose next line opens with the company's registration number:
    the legal name is printed right above it (its own line may be small print under a logo). Not
    under an owner's line ('Owned by' / 'Acme Food Services Sdn Bhd' / 'Co. No. ...'): the
    owning company signs the slip's foot; the trade name is the shop's."""
    if _OWNER_LINE.search(previous_text):
        return 0.0
    return REGISTRATION_UNDER if _REGISTRATION_LINE.search(next_text) else 0.0


_OWNER_LINE = re.compile(r"\b(?:owned|operated|managed)\s*by\W*$", re.I)
OWNER = 3.0  # score taken from a company named right under an 'Owned By:' line


def named_as_owner(previous_text: str) -> bool:
    """A line right under 'Owned By:' names the company that owns the shop, not the shop that issues
    the slip ('SANYU STATIONERY SHOP' ... 'Owned By:' / 'SANYU SUPPLY SDN BHD (1135772-K)')."""
    return _OWNER_LINE.search(previous_text) is not None


def named_as_company(text: str) -> bool:
    """A company's name by its legal form, or by the registration bracket closing its words, however
    OCR misread the form ('GARDENIA BAKERIES (KL. )SDN1 BUD (139386 X)')."""
    if party_labels.COMPANY_SUFFIX.search(text):
        return True
    registration = _REGISTRATION_AFTER_NAME.search(text)
    return registration is not None and len(_WORD.findall(text[: registration.start()])) >= 2


def receipt_name_signs(text: str, above_address: bool) -> float:
    """Score added to a header line as a name candidate: more with the registration bracket after
    its words above the address (a legal name heads its address; an 'Owned by' line further down
    names the owner); no name at all for a greeting or an owner's line, for logo or stamp debris
    (`_DEBRIS`, `_OPENS_A_REMARK`), or when most of its tokens are no words and one at most is (a logo
    OCR read as '7 Nong %')."""
    if _NOT_THE_NAME.search(text) or _DEBRIS.fullmatch(text.strip()) or _OPENS_A_REMARK.match(text):
        return -10.0
    registration = _REGISTRATION_AFTER_NAME.search(text)
    name = text[: registration.start()] if registration else text
    tokens = name.split()
    words = sum(1 for token in tokens if _WORD.search(token))
    score = 2.5 if registration and words >= 1 and above_address else 0.0
    if tokens and 2 * words < len(tokens) and words <= 1:
        return -10.0  # debris, however large its print
    return score


# Debris OCR made of a logo or a stamp: three or more short lower-case syllables ('ans sal ful';
# trade names capitalise their words or print in capitals), or a bracket opened and never closed
# ('(LLP' left of the rest of '(LLP0007299-LGN)', a registration remark OCR split), or whose
# letters run into a number (the whole '(LLP0007299-LGN)', which the name's cleaning cuts to '(LLP')
_DEBRIS = re.compile(r"[a-z]{1,3}(?:\s+[a-z]{1,3}){2,}")
_OPENS_A_REMARK = re.compile(r"^\s*[(\[{](?:[^)\]}]*$|[^)\]}\d]*[^\W\d_][^)\]}\d]*\d)")


SECOND_COMPANY = 2.5  # score taken from a company named under the issuer's header block


def under_issuer_header(
    texts: list[str],
    position: int,
    address_row: int,
    is_company: Callable[[str], bool],
    closes_header: Callable[[str], bool],
) -> bool:
    """A company name under the address, below a line that closes the issuer's header (its tax id or
    the document's title) while a company name heads the page above that address: the shop the slip
    was sold or delivered to ('GARDENIA BAKERIES (KL) SDN BHD' ... 'GST ID' ... 'TAX INVOICE' /
    'MAKASSAR FRESH MARKET SDN BHD' in bold), not its issuer."""
    if position <= address_row or not is_company(texts[position]):
        return False
    head = next((row for row in range(min(address_row, position)) if is_company(texts[row])), None)
    if head is None:
        return False
    return any(closes_header(texts[row]) for row in range(head + 1, position))
